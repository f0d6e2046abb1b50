"""Cell values in founders' workbooks: tolerant where people's typing varies, strict where a
value would have to be guessed.

Values arrive as python-calamine gives them: ``str`` (``""`` for an empty cell), ``float``,
``int``, ``bool``, ``datetime.date``/``datetime``/``time``/``timedelta``. Nothing here guesses
types from text the way ``pandas.read_excel`` does: ``"NA"``, ``"None"``, ``"null"`` and
``"007"`` stay exactly those strings.

* Scores: ``4``, ``4.0``, ``"4"``, ``" 4 "``, ``"4 - strong"``, ``"4 (strong)"``, ``"4/5"``
  and ``"Level 4"`` read as 4; an empty cell is *not scored*; ``0``, ``6``, ``4.5``, ``"3-4"``,
  ``"strong"``, ``TRUE`` or a date are refused with what was expected.
* Confidence, role: case and surrounding spaces ignored; Simplified Chinese labels accepted.
* Dates: real date cells, Excel serial numbers, ISO text (``2024-10-31``, ``2024/10/31``,
  ``2024.10.31``, ``2024年10月31日``), day-month-year or month-day-year text when only one
  reading is possible, and English month names (``31 Oct 2024``, ``October 31, 2024``).
* Texts (rationale, evidence, notes) are kept exactly as typed; numbers in text cells are
  written the way a spreadsheet shows them in General format (``7``, ``3.5``).

:class:`SheetGrid` holds one sheet's values with its merged ranges and formula cells and names
cells (``Assessment!J14``) for problems.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import unicodedata
from collections.abc import Sequence

from models.portfolio import CONFIDENCES, ROLES
from models.workbook_layout import column_letter
from models.xlsx_text import quote_sheet

#: Dates read from serial numbers or text must fall in these years.
FIRST_YEAR, LAST_YEAR = 1990, 2100
_EXCEL_EPOCH = dt.date(1899, 12, 30)
EXPECTED_SCORE = "expected a whole number from 1 to 5, or an empty cell (not scored)"
EXPECTED_DATE = "expected a date such as 2024-10-31"


class CellError(ValueError):
    """A cell's value cannot be used; the message says what is wrong and what was expected."""


_HEADER_NOISE = re.compile(r"[\s_\-:*：]+")


def header_key(value: object) -> str:
    """A header or label compared loosely: case, spaces, ``_``, ``-``, ``:`` and ``*`` ignored
    (``"Criterion ID"``, ``"criterion_id"`` and ``"CRITERION ID:"`` are the same)."""
    if not isinstance(value, str):
        return ""
    return _header_key(value)


@functools.lru_cache(maxsize=8192)
def _header_key(value: str) -> str:
    return _HEADER_NOISE.sub("", unicodedata.normalize("NFKC", value)).casefold()


@functools.lru_cache(maxsize=65536)
def identity_key(name: str) -> str:
    """A startup or assessor name compared ignoring case and spacing (and full-width forms)."""
    return "".join(unicodedata.normalize("NFKC", name).casefold().split())


def as_text(value: object) -> str:
    """A cell's value as the text it shows: strings exactly as typed, ``""`` for empty."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ") if value.time() != dt.time() else value.date().isoformat()
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    if value is None:
        return ""
    return str(value)


def as_name(value: object) -> str:
    """:func:`as_text` without surrounding spaces (names, ids, short fields)."""
    return as_text(value).strip()


def is_blank(value: object) -> bool:
    """True for an empty cell or one holding only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


_SCORE_TEXT = re.compile(r"^(?:level|score|等级|级别)?\s*([+-]?\d+(?:[.,]\d+)?)(.*)$", re.I | re.S)
_RANGE_REST = re.compile(r"^\s*(?:-|–|—|~|to|到|至|/)\s*\d")
_OUT_OF_FIVE = re.compile(r"^\s*/\s*5(?:\.0+)?\s*$")


def parse_score(value: object) -> int | None:
    """The level 1–5 in a Score cell, or ``None`` when the cell is empty.

    Raises:
        CellError: not a whole number from 1 to 5 (the message quotes the value).
    """
    if is_blank(value):
        return None
    if isinstance(value, bool):
        raise CellError(f"{as_text(value)} is not a score; {EXPECTED_SCORE}")
    if isinstance(value, (dt.date, dt.time, dt.timedelta)):
        raise CellError(f"a date or time ({as_text(value)}) is not a score; {EXPECTED_SCORE}")
    if isinstance(value, (int, float)):
        return _level(float(value), as_text(value))
    text = str(value).strip()
    m = _SCORE_TEXT.match(text)
    if not m:
        raise CellError(f"'{text}' is not a score; {EXPECTED_SCORE}")
    number, rest = m[1], m[2]
    if _OUT_OF_FIVE.match(rest) or rest.strip() in (".", ","):
        rest = ""
    if _RANGE_REST.match(rest):
        raise CellError(f"'{text}' looks like a range of levels; pick one level: "
                        f"{EXPECTED_SCORE}")
    if rest and (rest[0].isalnum() or rest[0] in "._"):
        raise CellError(f"'{text}' is not a score; {EXPECTED_SCORE}")
    return _level(float(number.replace(",", ".")), text)


def _level(x: float, shown: str) -> int:
    if not math.isfinite(x):
        raise CellError(f"'{shown}' is not a score; {EXPECTED_SCORE}")
    if not x.is_integer():
        raise CellError(f"score {shown} is not a whole number; {EXPECTED_SCORE}")
    if not 1 <= x <= 5:
        raise CellError(f"score {shown} is outside 1–5; {EXPECTED_SCORE}")
    return int(x)


_CONFIDENCE_ALIASES = {"低": "low", "中": "medium", "中等": "medium", "高": "high",
                       "med": "medium", "mid": "medium"}
_ROLE_ALIASES = {"创始人": "founder", "投资人": "investor", "投资者": "investor",
                 "其他": "other"}


def parse_confidence(value: object) -> str | None:
    """``low``, ``medium`` or ``high`` (any case, or 低/中/高), ``None`` when empty.

    Raises:
        CellError: anything else.
    """
    if is_blank(value):
        return None
    key = as_name(value).casefold()
    key = _CONFIDENCE_ALIASES.get(key, key)
    if key in CONFIDENCES:
        return key
    raise CellError(f"confidence '{as_name(value)}' is not one of low, medium, high; "
                    "expected low, medium, high or an empty cell (medium)")


def parse_role(value: object) -> str | None:
    """``founder``, ``investor`` or ``other`` (any case, or the Chinese labels), ``None`` when
    empty.

    Raises:
        CellError: anything else.
    """
    if is_blank(value):
        return None
    key = as_name(value).casefold()
    key = _ROLE_ALIASES.get(key, key)
    if key in ROLES:
        return key
    raise CellError(f"role '{as_name(value)}' is not one of founder, investor, other; "
                    "expected founder, investor or other")


_ISO = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
                  r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$")
_DMY = re.compile(r"^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$")
_NAMED = ("%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y",
          "%d-%b-%Y", "%d-%B-%Y")


def parse_date(value: object) -> dt.date | None:
    """The date in a cell, or ``None`` when it is empty (see the module description).

    Raises:
        CellError: not a date, an impossible date, or text that reads as two dates.
    """
    if is_blank(value):
        return None
    if isinstance(value, dt.datetime):
        return _in_range(value.date(), as_text(value))
    if isinstance(value, dt.date):
        return _in_range(value, as_text(value))
    if isinstance(value, (bool, dt.time, dt.timedelta)):
        raise CellError(f"'{as_text(value)}' is not a date; {EXPECTED_DATE}")
    if isinstance(value, (int, float)):
        if not math.isfinite(value):
            raise CellError(f"'{as_text(value)}' is not a date; {EXPECTED_DATE}")
        try:
            day = _EXCEL_EPOCH + dt.timedelta(days=int(value))
        except OverflowError:
            raise CellError(f"'{as_text(value)}' is not a date; {EXPECTED_DATE}") from None
        return _in_range(day, as_text(value))
    text = " ".join(str(value).split())
    m = _ISO.match(text)
    if m:
        return _make(int(m[1]), int(m[2]), int(m[3]), text)
    m = _DMY.match(text)
    if m:
        a, b, year = int(m[1]), int(m[2]), int(m[3])
        if a > 12 >= b:
            return _make(year, b, a, text)
        if b > 12 >= a or a == b:
            return _make(year, a, b, text)
        raise CellError(f"'{text}' could be {a} {_month(b)} or {_month(a)} {b}; expected a "
                        f"date that reads one way only: write {year:04d}-{b:02d}-{a:02d} or "
                        f"{year:04d}-{a:02d}-{b:02d}")
    for fmt in _NAMED:
        try:
            named = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return _in_range(named, text)
    raise CellError(f"'{text}' is not a date; {EXPECTED_DATE}")


def _month(n: int) -> str:
    return dt.date(2000, n, 1).strftime("%B") if 1 <= n <= 12 else str(n)


def _make(year: int, month: int, day: int, shown: str) -> dt.date:
    try:
        day_ = dt.date(year, month, day)
    except ValueError:
        raise CellError(f"'{shown}' is not a real date; {EXPECTED_DATE}") from None
    return _in_range(day_, shown)


def _in_range(day: dt.date, shown: str) -> dt.date:
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise CellError(f"'{shown}' is outside {FIRST_YEAR}–{LAST_YEAR}; {EXPECTED_DATE}")
    return day


def split_tags(value: object) -> list[str]:
    """Tags separated by ``;`` (as the export writes them) or ``；``, each stripped."""
    return [t.strip() for t in re.split(r"[;；]", as_text(value)) if t.strip()]


class SheetGrid:
    """One worksheet's values from python-calamine, 0-based and anchored at A1, with its merged
    ranges (also from calamine) and the formula cells the guard found.

    Args:
        sheet: the sheet's name.
        rows: ``CalamineSheet.to_python(skip_empty_area=False)``.
        merged: ``CalamineSheet.merged_cell_ranges`` (inclusive ``((r0, c0), (r1, c1))``).
        formulas: 0-based ``(row, column)`` of formula cells.
        max_merged_cells: merged cells indexed at most (clipped to the data first).
    """

    def __init__(self, sheet: str, rows: list[list[object]],
                 merged: Sequence[tuple[tuple[int, int], tuple[int, int]]] | None = None,
                 formulas: set[tuple[int, int]] | frozenset[tuple[int, int]] = frozenset(),
                 max_merged_cells: int = 2_000_000) -> None:
        self.sheet = sheet
        self.rows = rows
        self.formulas = formulas
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

    def ref(self, r: int, c: int) -> str:
        """``Sheet!J14`` for 0-based ``(r, c)``."""
        return f"{self.prefix}{column_letter(c + 1)}{r + 1}"

    def span_ref(self, r0: int, c0: int, r1: int, c1: int) -> str:
        """``Sheet!A2:A19`` for a 0-based inclusive range."""
        first = f"{column_letter(c0 + 1)}{r0 + 1}"
        last = f"{column_letter(c1 + 1)}{r1 + 1}"
        return f"{self.prefix}{first}" if first == last else f"{self.prefix}{first}:{last}"

    def find_header(self, required: str, max_rows: int = 500) -> int | None:
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
