"""Building blocks shared by the workbook export and the founder template, on XlsxWriter.

* :func:`writing` opens a :class:`Book` whose file appears at its path only when everything
  was written (:func:`models.files.atomic.atomic_output`): an exception on the way, such as
  a cancelled export's, leaves the old file, or none, and no scratch files.
* :class:`Sheet` writes one worksheet cell by cell with safe text (:mod:`models.workbook.xlsx_text`:
  user text always a string cell, quote prefix for formula-like text, warnings naming the
  cell) and formulas written **with their value**, so that readers that do not recalculate
  (previews, ``pandas.read_excel``, calamine) see the numbers. Cells are made as the sheet's
  XML at once (:mod:`models.workbook.cell_xml`); a text or value repeated on many rows is
  made once (:meth:`Sheet.text_cell`, :meth:`Sheet.put`, :meth:`Sheet.row`).
* Styles are plain dicts of XlsxWriter format properties; :meth:`Book.fmt` makes each
  combination once.

Every book is written in XlsxWriter's ``constant_memory`` mode: a row goes to a scratch file
as soon as the next row starts, so what the writer holds does not grow with the portfolio
(measured on the Scores sheet of 10,000 startups, 2.7 million cells: ~40 MB this way, ~340 MB
with every cell held until the end; a whole 10,000-startup export peaks at ~270 MB, the
portfolio itself ~250 of them). The price: rows must be written top to bottom, each row's
height and cells before the next row; text is stored inline in its cell (no shared-strings
part, so the file is ~10 % larger unpacked); and XlsxWriter cannot read cell values back to
fill the charts' caches (it would leave them empty), so the charts get their cached data from
the caller (:mod:`models.workbook.charts_sheet`).

Type guessing is off (``strings_to_numbers``, ``strings_to_formulas``, ``strings_to_urls``)
even though user text never reaches XlsxWriter's ``write``; formula text is stored as built
(:mod:`models.workbook.cell_xml` says why).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import xlsxwriter
from xlsxwriter.exceptions import FileCreateError

from models.files.atomic import atomic_output
from models.workbook.cell_xml import (
    COLUMNS,
    blank_tail,
    cached,
    formula_tail,
    number_tail,
    string_tail,
    style_attribute,
    xml_escape,
)
from models.workbook.layout import column_letter
from models.workbook.streaming import StreamSheet, store
from models.workbook.xlsx_text import TextWarning, cell_text, display_width, is_plain, ooxml_escape

#: XlsxWriter format properties (``{"bold": True, "num_format": "0.0"}``).
Style = Mapping[str, object]
#: Where a text sits, for warnings: ``"M14"``, ``"A2:A19"`` or a function giving it.
Where = str | Callable[[], str]

DATE_FORMAT = "yyyy-mm-dd"
SCORE_FORMAT = "0.0"
SHARE_FORMAT = "0.0%"
WHOLE_FORMAT = "0"
GAP_FORMAT = "+0.0;-0.0;0.0"
BOLD: Style = {"bold": True}
HEADER: Style = {"bold": True, "bg_color": "#DDE4EE", "text_wrap": True, "valign": "top"}
INPUT: Style = {"bg_color": "#FFF2CC"}
TITLE: Style = {"bold": True, "font_size": 14}
SECTION: Style = {"bold": True, "font_size": 12}
WRAP: Style = {"text_wrap": True, "valign": "top"}
TOP: Style = {"valign": "top"}
UNLOCKED: Style = {"locked": False}
DATE: Style = {"num_format": DATE_FORMAT}
SCORE: Style = {"num_format": SCORE_FORMAT}
SHARE: Style = {"num_format": SHARE_FORMAT}
WHOLE: Style = {"num_format": WHOLE_FORMAT}
RANK: Style = {"num_format": WHOLE_FORMAT, "align": "center"}
GAP: Style = {"num_format": GAP_FORMAT}
# fixed anchors (no min-max normalisation): red at 0, amber at the middle, green at the top
RED, AMBER, GREEN = "#F8696B", "#FFEB84", "#63BE7B"

OPTIONS: dict[str, object] = {
    "constant_memory": True,
    "strings_to_numbers": False,
    "strings_to_formulas": False,
    "strings_to_urls": False,
}


#: A cell made for the sheet's XML but for its place (a *tail*, see
#: :mod:`models.workbook.cell_xml`): :meth:`Sheet.text_cell` makes one, :meth:`Sheet.put` writes it.
Text = str


class Book:
    """An XlsxWriter workbook being written, with its formats made once each."""

    def __init__(self, target: str, scratch: str) -> None:
        self.wb = xlsxwriter.Workbook(target, {**OPTIONS, "tmpdir": scratch})
        self._formats: dict[tuple[tuple[str, object], ...], Any] = {}
        # style object → (the object, its format): the styles of this module, written once
        # per cell, skip sorting their items; the object is held, so its id stays its own
        self._seen: dict[int, tuple[Style, Any]] = {}
        self._seen_attributes: dict[int, tuple[Style, str]] = {}  # as _seen

    def fmt(self, style: Style | None) -> Any:
        """The XlsxWriter format for ``style`` (None for no style)."""
        if not style:
            return None
        seen = self._seen.get(id(style))
        if seen is not None and seen[0] is style:
            return seen[1]
        key = tuple(sorted(style.items()))
        found = self._formats.get(key)
        if found is None:
            found = self._formats[key] = self.wb.add_format(dict(style))
        if len(self._seen) < 256:
            self._seen[id(style)] = (style, found)
        return found

    def attribute(self, style: Style | None) -> str:
        """The style attribute of a cell with ``style`` (``' s="3"'``; ``""`` for none)."""
        if not style:
            return ""
        seen = self._seen_attributes.get(id(style))
        if seen is not None and seen[0] is style:
            return seen[1]
        found = style_attribute(self.fmt(style)._get_xf_index())
        if len(self._seen_attributes) < 256:
            self._seen_attributes[id(style)] = (style, found)
        return found

    def sheet(self, name: str, warnings: list[TextWarning]) -> Sheet:
        """Add the next worksheet (sheets appear in the order they are added)."""
        return Sheet(self, self.wb.add_worksheet(name, worksheet_class=StreamSheet), warnings)

    def close(self) -> None:
        """Write the file. Raises OSError when it cannot be written."""
        try:
            store(self.wb)
        except FileCreateError as exc:
            cause = exc.args[0] if exc.args else exc
            raise cause if isinstance(cause, OSError) else OSError(str(exc)) from exc

    def abandon(self) -> None:
        """Close the scratch row files of a book that will not be written."""
        for ws in self.wb.worksheets():
            fh = getattr(ws, "row_data_fh", None)
            if fh is not None and not fh.closed:
                fh.close()


@contextlib.contextmanager
def writing(path: str | Path, finish: Callable[[Path], None] | None = None) -> Iterator[Book]:
    """A :class:`Book` that becomes ``path`` (atomically) when the ``with`` block ends well.

    ``finish(tmp)`` may rework the written file before it replaces ``path``. On an exception
    nothing is written and the scratch files are removed.

    Raises:
        OSError: the folder is not writable, the disk is full… ``path`` is then untouched.
    """
    with atomic_output(path) as tmp, \
            tempfile.TemporaryDirectory(prefix="beachhead-xlsx-") as scratch:
        book = Book(str(tmp), scratch)
        try:
            yield book
        except BaseException:
            book.abandon()
            raise
        book.close()
        if finish is not None:
            finish(tmp)


def round_half_away(x: float, decimals: int) -> float:
    """``x`` rounded as a spreadsheet's ``ROUND`` does: halves away from zero, on the decimal
    number ``x`` reads as (``2.675`` → ``2.68``, where Python's ``round`` gives 2.67)."""
    step = Decimal(1).scaleb(-decimals)
    return float(Decimal(repr(float(x))).quantize(step, rounding=ROUND_HALF_UP))


class Sheet:
    """One worksheet being written; rows and columns are 1-based, as a spreadsheet shows them.

    Rows must be written top to bottom (see the module docstring).
    """

    def __init__(self, book: Book, ws: Any, warnings: list[TextWarning]) -> None:
        self.book = book
        self.ws = ws
        self.title: str = ws.name
        self.warnings = warnings

    def put(self, r: int, c: int, cell: Text | None) -> None:
        """Write a cell (made by a ``…_cell`` method or :mod:`~models.workbook.cell_xml`) at
        ``(r, c)``; nothing for None."""
        if cell is None:
            return
        ws = self.ws
        if r - 1 != ws.previous_row:
            self._start(r - 1)
        col = COLUMNS[c - 1] if c <= len(COLUMNS) else column_letter(c)
        ws.table[r - 1][c - 1] = f'<c r="{col}{r}"{cell}'

    def row(self, r: int, cells: Sequence[Text | None], first: int = 1) -> None:
        """Prepared cells (None: empty) in row ``r`` from column ``first`` on; a row not
        started yet is written whole at once."""
        c0 = first - 1
        if not self._fresh(r - 1) or c0 + len(cells) > len(COLUMNS):
            for c, cell in enumerate(cells, first):
                self.put(r, c, cell)
            return
        at, made, lo, hi = str(r), [], -1, -1
        for c, cell in enumerate(cells, c0):
            if cell is not None:
                made.append(f'<c r="{COLUMNS[c]}{at}"{cell}')
                if lo < 0:
                    lo = c
                hi = c
        if made:
            self.ws.write_rows(r - 1, ["".join(made)], lo, hi)

    def rows(self, r: int, rows: Sequence[str], first: int, last: int) -> None:
        """Rows ``r``, ``r + 1``… written whole, each given as its cells' XML (within columns
        ``first`` to ``last``): rows made from parts prepared once
        (:func:`~models.workbook.cell_xml.row_parts`)."""
        if not self._fresh(r - 1) or r - 1 + len(rows) > self.ws.xls_rowmax:
            raise ValueError(f"{self.title}: row {r} is begun, written or past the last row")
        self.ws.write_rows(r - 1, rows, first - 1, last - 1)

    def _fresh(self, r0: int) -> bool:
        """True when 0-based row ``r0`` can be written whole: not written, no cells yet."""
        ws = self.ws
        return r0 < ws.xls_rowmax and (r0 > ws.previous_row or (
            r0 == ws.previous_row and not ws.table.get(r0)))

    def _start(self, r0: int) -> None:
        """Write the row being filled and start 0-based row ``r0``."""
        ws = self.ws
        if r0 < ws.previous_row:
            raise ValueError(f"{self.title}: row {r0 + 1} comes after row "
                             f"{ws.previous_row + 1} (rows are written top to bottom)")
        if r0 >= ws.xls_rowmax:
            raise ValueError(f"{self.title}: more rows than a worksheet holds "
                             f"({ws.xls_rowmax:,})")
        ws._write_single_row(r0)

    def text_cell(self, value: str | None, where: Where, style: Style | None = None
                  ) -> Text | None:
        """User or framework text made safe as a cell, warnings reported at ``where`` (once,
        however many cells it goes into); an empty text is a blank cell with ``style``, or
        none (None) without."""
        if not value:
            return self.blank_cell(style)
        if is_plain(value):
            return string_tail(value, self.book.attribute(style))
        ct = cell_text(value)
        if ct.problems:
            place = where() if callable(where) else where
            self.warnings.extend(TextWarning(f"{self.title}!{place}", p) for p in ct.problems)
        if ct.quote:
            style = {**(style or {}), "quote_prefix": True}
        return string_tail(ct.text, self.book.attribute(style))

    def number_cell(self, value: float | None, style: Style | None = None) -> Text | None:
        """A number as a cell (blank for None or NaN; infinity is refused, TypeError)."""
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return self.blank_cell(style)
        if isinstance(value, float) and math.isinf(value):
            raise TypeError(f"{self.title}: an infinite number cannot be written")
        return number_tail(value, self.book.attribute(style))

    def formula_cell(self, formula: str, value: float | str | None,
                     style: Style | None = None) -> Text:
        """A formula (``=…``) with its cached value as a cell (see :func:`cached`; a text
        value must be clean, as :func:`~models.workbook.xlsx_text.clean_text` makes it)."""
        if value.__class__ is not float:  # a float (most values) is its own cached value
            value = cached(value)
            if value.__class__ is str and value:
                value = ooxml_escape(value)
        elif value != value:  # NaN
            value = ""
        return formula_tail(xml_escape(formula.removeprefix("=")), value,
                            self.book.attribute(style))

    def blank_cell(self, style: Style | None) -> Text | None:
        """An empty cell: only with a ``style``."""
        return blank_tail(self.book.attribute(style)) if style else None

    def text(self, r: int, c: int, value: str | None, style: Style | None = None,
             where: Where | None = None) -> None:
        """User or framework text at ``(r, c)`` (:meth:`text_cell`)."""
        self.put(r, c, self.text_cell(value, where or (lambda: f"{column_letter(c)}{r}"), style))

    def number(self, r: int, c: int, value: float | None, style: Style | None = None) -> None:
        """A number at ``(r, c)`` (:meth:`number_cell`)."""
        self.put(r, c, self.number_cell(value, style))

    def formula(self, r: int, c: int, formula: str, value: float | str | None,
                style: Style | None = None) -> None:
        """A formula with its cached value at ``(r, c)`` (:meth:`formula_cell`)."""
        self.put(r, c, self.formula_cell(formula, value, style))

    def date(self, r: int, c: int, value: dt.date | None, style: Style = DATE) -> None:
        """A date with a date format (blank for None)."""
        self.put(r, c, self.blank_cell(style) if value is None else number_tail(
            self.ws._convert_date_time(value), self.book.attribute(style)))

    def blank(self, r: int, c: int, style: Style | None = None) -> None:
        """An empty cell; it exists only when it has a ``style``."""
        self.put(r, c, self.blank_cell(style))

    def value(self, r: int, c: int, value: object, style: Style | None = None) -> None:
        """Text, a number or nothing, each the right way."""
        if isinstance(value, str) or value is None:
            self.text(r, c, value, style)
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            self.number(r, c, value, style)
        else:
            raise TypeError(f"cannot write a {type(value).__name__} value")

    def header(self, r: int, names: Sequence[str], first: int = 1) -> None:
        """A header row: bold on a light fill, wrapped."""
        for i, name in enumerate(names):
            self.text(r, first + i, name, HEADER)

    def widths(self, widths: Sequence[float]) -> None:
        """Column widths (Excel character units) from column A on."""
        for i, w in enumerate(widths):
            self.ws.set_column(i, i, w)

    def height(self, r: int, points: float | None) -> None:
        """Row ``r``'s height in points (nothing for None); before the row's cells."""
        if points:
            self.ws.set_row(r - 1, points)

    def print_setup(self, *, landscape: bool = True,
                    repeat: tuple[int, int] | None = None) -> None:
        """Print one page wide (as many pages down as needed), repeating rows ``repeat``
        (first, last; e.g. ``(1, 1)`` for a header) at the top of every page."""
        if landscape:
            self.ws.set_landscape()
        else:
            self.ws.set_portrait()
        self.ws.fit_to_pages(1, 0)
        if repeat:
            self.ws.repeat_rows(repeat[0] - 1, repeat[1] - 1)


def row_height(texts: Sequence[tuple[str, float]], line: float = 15.0) -> float | None:
    """Row height (points) for wrapped ``(text, column width)`` pairs; None for one line."""
    lines = 1
    for value, width in texts:
        if not value:
            continue
        per_line = max(1.0, (width - 1) * 1.25)  # proportional font: ~1.25 chars per unit
        count = sum(max(1, math.ceil(display_width(part) / per_line))
                    for part in value.split("\n"))
        lines = max(lines, count)
    return None if lines <= 1 else min(409.0, lines * line)


def header_height(names: Sequence[str], widths: Sequence[float], line: float = 15.0
                  ) -> float | None:
    """Height (points) of a header row whose bold, wrapped ``names`` sit in columns of
    ``widths``: words are packed into lines of about one character per width unit (bold text
    is wider than :func:`row_height` assumes, and a line breaks only between words); None
    for one line."""
    lines = 1
    for name, width in zip(names, widths, strict=False):
        room, count, used = max(1.0, width - 1.5), 1, 0.0
        for word in name.split():
            size = display_width(word)
            if used and used + 1 + size > room:
                count, used = count + 1, 0.0
            used += size + (1 if used else 0)
            while used > room:  # a word longer than the column breaks inside it
                count, used = count + 1, used - room
        lines = max(lines, count)
    return None if lines <= 1 else lines * line + 3


def color_scale(points: Sequence[tuple[float, str]]) -> dict[str, object]:
    """A 2- or 3-colour scale over fixed ``(value, colour)`` anchors, lowest first."""
    names = ("min", "max") if len(points) == 2 else ("min", "mid", "max")
    out: dict[str, object] = {"type": f"{len(points)}_color_scale"}
    for name, (value, colour) in zip(names, points, strict=True):
        out |= {f"{name}_type": "num", f"{name}_value": value, f"{name}_color": colour}
    return out


#: The score colour scale (0–100), as on the Summary sheet and the template.
SCORE_SCALE = color_scale([(0, RED), (50, AMBER), (100, GREEN)])
#: The completeness colour scale (0–1): white to blue.
SHARE_SCALE = color_scale([(0, "#FFFFFF"), (1, "#9BC2E6")])
