"""One worksheet as the importer sees it: python-calamine's values, anchored at A1, with the
merged ranges and the formula and error cells the guard found, naming cells for problems."""

from __future__ import annotations

from collections.abc import Sequence

from models.workbook.importing.cells import header_key
from models.workbook.layout import column_letter
from models.workbook.xlsx_text import quote_sheet

#: The header row of a table is looked for in this many rows from the top.
HEADER_ROWS = 500


class SheetGrid:
    """One worksheet's values from python-calamine, 0-based and anchored at A1, with its merged
    ranges (also from calamine) and the formula and error cells the guard found (calamine
    gives a formula's stored result, and an error cell as an empty one).

    Args:
        sheet: the sheet's name.
        rows: ``CalamineSheet.to_python(skip_empty_area=False)``.
        merged: ``CalamineSheet.merged_cell_ranges`` (inclusive ``((r0, c0), (r1, c1))``).
        formulas: 0-based ``(row, column)`` of formula cells.
        errors: 0-based ``(row, column)`` → error value (``#N/A``…) of error cells.
        max_merged_cells: merged cells indexed at most (clipped to the data first).
    """

    def __init__(self, sheet: str, rows: Sequence[Sequence[object]],
                 merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] | None = None,
                 formulas: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
                 max_merged_cells: int = 2_000_000,
                 errors: dict[tuple[int, int], str] | None = None) -> None:
        self.sheet = sheet
        self.rows = rows
        self.formulas = formulas
        self.errors = errors or {}
        self.prefix = quote_sheet(sheet) + "!"
        width = max((len(r) for r in rows), default=0)
        #: every merged cell → its range (r0, c0, r1, c1), clipped to the data
        self.merged: dict[tuple[int, int], tuple[int, int, int, int]] = {}
        budget = max_merged_cells
        for (r0, c0), (r1, c1) in merged or ():
            r1, c1 = min(r1, len(rows) - 1), min(c1, width - 1)
            if r0 > r1 or c0 > c1 or (r0 == r1 and c0 == c1):
                continue
            budget -= (r1 - r0 + 1) * (c1 - c0 + 1)
            if budget < 0:
                break
            span = (r0, c0, r1, c1)
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    self.merged[(r, c)] = span

    @property
    def height(self) -> int:
        """Rows read (the last non-empty row + 1)."""
        return len(self.rows)

    def value(self, r: int, c: int) -> object:
        """The value at row ``r``, column ``c`` (0-based), ``""`` outside the data."""
        if 0 <= r < len(self.rows):
            row = self.rows[r]
            if 0 <= c < len(row):
                return row[c]
        return ""

    def filled(self, r: int, c: int) -> object:
        """Like :meth:`value`, but an empty cell inside a merged range shows the range's value
        (Excel keeps it in the top-left cell only)."""
        v = self.value(r, c)
        if v == "" and (r, c) in self.merged:
            r0, c0, _, _ = self.merged[(r, c)]
            return self.value(r0, c0)
        return v

    def right_of(self, r: int, c: int) -> int:
        """The column just right of the cell at ``(r, c)``, or of the merged range holding it."""
        span = self.merged.get((r, c))
        return (span[3] if span else c) + 1

    def is_formula(self, r: int, c: int) -> bool:
        """True when the cell holds a formula (its stored result is never used)."""
        return (r, c) in self.formulas

    def error(self, r: int, c: int) -> str | None:
        """The error value (``#N/A``…) of an error cell, ``None`` for any other cell."""
        return self.errors.get((r, c)) if self.errors else None

    def ref(self, r: int, c: int) -> str:
        """``Sheet!J14`` for 0-based ``(r, c)``."""
        return f"{self.prefix}{column_letter(c + 1)}{r + 1}"

    def span_ref(self, r0: int, c0: int, r1: int, c1: int) -> str:
        """``Sheet!A2:A19`` for a 0-based inclusive range."""
        first = f"{column_letter(c0 + 1)}{r0 + 1}"
        last = f"{column_letter(c1 + 1)}{r1 + 1}"
        return f"{self.prefix}{first}" if first == last else f"{self.prefix}{first}:{last}"

    def find_header(self, required: str, max_rows: int = HEADER_ROWS) -> int | None:
        """The first row (0-based, among the first ``max_rows``) with a cell whose
        :func:`header_key` is ``required``."""
        for r, row in enumerate(self.rows[:max_rows]):
            for v in row:
                if isinstance(v, str) and v and len(v) <= 60 and header_key(v) == required:
                    return r
        return None

    def header_columns(self, r: int) -> dict[str, list[int]]:
        """:func:`header_key` → columns (0-based) of the header cells in row ``r``."""
        out: dict[str, list[int]] = {}
        for c, v in enumerate(self.rows[r] if 0 <= r < len(self.rows) else ()):
            key = header_key(v)
            if key:
                out.setdefault(key, []).append(c)
        return out
