"""Streaming scans of the worksheet and shared-strings XML that python-calamine will parse.

The guard (:mod:`models.xlsx_guard`) feeds every part the reader will open through one of these
scanners, slice by slice, before any parser sees it. They read the XML the way calamine's
``quick-xml`` does, only looser, so that every bound they report is an *upper* bound:

* an element is known by its local name, whatever its prefix (``<c>``, ``<x:c>``, ``<:c>``);
  a name ends at a space, tab, CR or LF;
* an attribute is ``key = 'value'`` or ``key="value"`` with any ASCII white space around
  ``=`` (calamine's raw attribute reader accepts all of these); a cell's reference is its
  ``r`` attribute, a row's number its ``r`` attribute;
* a cell or row without a reference is placed after the previous one, as calamine does.

A worksheet's **used area** (what calamine allocates as a dense grid: ``rows × columns``) is
bounded by the largest row and column any ``r`` attribute names, and, where cells or rows
have no reference, by following calamine's running row and column exactly (the slow path,
only for the parts of a sheet that need it; every writer we know puts ``r`` on each cell).
Formula cells (an ``<f>`` element, with any prefix, inside the cell) and error cells
(``t="e"``) are recorded by position: python-calamine gives a formula's stored result as if it
were a typed value, and an error cell as an empty one.

Slices are cut just before the last ``<`` of the text read so far, so no tag, reference or
value is ever split (a ``<`` inside a valid reference or count would make it invalid).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

MIB = 1 << 20
#: Bytes scanned at a time (the rest is carried over to the next slice).
SCAN_SLICE = 1 << 20
#: A part with no ``<`` in this many bytes is refused as malformed.
CARRY_MAX = 16 * MIB
#: How far before an ``<f>`` its cell's start tag is looked for (a longer start tag leaves the
#: formula unplaced, and the importer refuses a sheet with unplaced formulas).
TAG_WINDOW = 2048

_WS = rb"[ \t\r\n]"  # where quick-xml ends an element name
_AWS = rb"[ \t\n\x0c\r]"  # what calamine's attribute reader skips (Rust's ASCII white space)
_PREFIX = rb"(?:[^ \t\r\n/>:<]*:)?"  # any prefix, up to the first colon
_END = rb"(?=[ \t\r\n/>])"


def _start(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"<" + _PREFIX + name + _END)


def _start_with_ref(name: bytes) -> re.Pattern[bytes]:
    """A start tag whose first attribute is ``r``."""
    return re.compile(rb"<" + _PREFIX + name + _WS + _AWS + rb"*r" + _AWS + rb"*=" + _AWS
                      + rb"*[\"']")


_C = _start(rb"c")
_C_REF = _start_with_ref(rb"c")
_ROW = _start(rb"row")
_ROW_REF = _start_with_ref(rb"row")
_F = _start(rb"f")
_MERGE = _start(rb"mergeCell")
_SI = _start(rb"si")
# every r="…" anywhere (only <row r> and <c r> carry one in a worksheet; a stray match only
# makes the bounds larger); the key is preceded by white space or by a value's closing quote
_ANY_REF = re.compile(rb"(?<![^ \t\n\x0c\r\"'])r" + _AWS + rb"*=" + _AWS
                      + rb"*[\"']([A-Za-z]*)([0-9]+)")
_ERROR_TYPE = re.compile(rb"(?<![^ \t\n\x0c\r\"'])t" + _AWS + rb"*=" + _AWS + rb"*[\"']e[\"']")
_UNIQUE = re.compile(rb"(?<![^ \t\n\x0c\r\"':])uniqueCount" + _AWS + rb"*=" + _AWS
                     + rb"*[\"']" + _AWS + rb"*\+?([0-9]+)")
_ROW_END = re.compile(rb"</" + _PREFIX + rb"row" + _WS + rb"*>")
# one tag of interest, attributes matched with their quotes (a '>' in a value does not end it)
_TAG = re.compile(rb"<(/?)" + _PREFIX + rb"(c|row|f)(?=[ \t\r\n/>])"
                  rb"((?:[^<>\"']++|\"[^\"<]*+\"|'[^'<]*+')*+)>")
# any tag, quoted values without '<' (linear: possessive)
_ANY_TAG = re.compile(rb"<[^<>\"']*+(?:(?:\"[^\"<]*+\"|'[^'<]*+')[^<>\"']*+)*+>")
_VALUE = re.compile(rb"<" + _PREFIX + rb"v" + _END + rb"[^>]*>([^<]{0,40})")
_REF_VALUE = re.compile(rb"([A-Za-z]*)([0-9]+)")
_ATTR_WS = frozenset(b" \t\n\x0c\r")


class ScanError(ValueError):
    """The part cannot be scanned (the message says why); the guard refuses the file."""


@functools.lru_cache(maxsize=4096)
def column_number(letters: bytes) -> int:
    """``b"A"`` → 1, ``b"XFD"`` → 16384 (any case); 0 for no letters."""
    n = 0
    for ch in letters.upper():
        n = n * 26 + (ch - 64)
    return n


def raw_attributes(raw: bytes) -> list[tuple[bytes, bytes]]:
    """``(key, value)`` pairs of a start tag's attribute text, read as calamine reads them:
    white space skipped, the key runs to ``=`` (trailing white space trimmed), the value is
    quoted with ``"`` or ``'`` and taken raw. Stops at the first malformed attribute (calamine
    then fails on the element, so what follows never counts)."""
    out: list[tuple[bytes, bytes]] = []
    pos, n = 0, len(raw)
    while True:
        while pos < n and raw[pos] in _ATTR_WS:
            pos += 1
        if pos >= n:
            return out
        eq = raw.find(b"=", pos)
        if eq < 0:
            return out
        key = raw[pos:eq].rstrip(b" \t\n\x0c\r")
        pos = eq + 1
        while pos < n and raw[pos] in _ATTR_WS:
            pos += 1
        if pos >= n or raw[pos] not in b"\"'":
            return out
        close = raw.find(raw[pos:pos + 1], pos + 1)
        close = n if close < 0 else close
        out.append((key, raw[pos + 1:close]))
        pos = close + 1


def references(raw: bytes) -> list[tuple[int, int]]:
    """Every ``r`` value of a tag's attributes as 0-based ``(row, column)`` (column ``-1``
    for a row number without letters); values calamine cannot read are left out."""
    out = []
    for key, value in raw_attributes(raw):
        if key == b"r":
            m = _REF_VALUE.fullmatch(value)
            if m and int(m[2]) > 0:
                out.append((int(m[2]) - 1, column_number(m[1]) - 1))
    return out


@dataclass
class SheetScan:
    """One worksheet as the guard saw it.

    Attributes:
        name: the sheet's name (as in the workbook part).
        part: its path inside the archive, e.g. ``xl/worksheets/sheet1.xml``.
        rows, columns: upper bounds of the used area (1-based last row and column).
        cells: number of cell elements.
        formulas: 0-based ``(row, column)`` of every cell holding a formula.
        unplaced_formulas: formula cells whose place cannot be told.
        errors: 0-based ``(row, column)`` → the error value (``#N/A``…) of every error cell.
        merged: number of merged ranges.
    """

    name: str
    part: str
    rows: int = 0
    columns: int = 0
    cells: int = 0
    formulas: set[tuple[int, int]] = field(default_factory=set)
    unplaced_formulas: int = 0
    errors: dict[tuple[int, int], str] = field(default_factory=dict)
    merged: int = 0

    @property
    def area(self) -> int:
        """Cells in the used area (rows × columns)."""
        return self.rows * self.columns


class _Slicer:
    """Cuts a stream of bytes into slices that end just before a ``<``."""

    def __init__(self) -> None:
        self.buf = b""

    def feed(self, chunk: bytes, final: bool = False) -> bytes | None:
        """The next slice to scan, or ``None`` while too little has been read."""
        self.buf += chunk
        if final:
            out, self.buf = self.buf, b""
            return out
        if len(self.buf) < SCAN_SLICE:
            return None
        cut = self.buf.rfind(b"<")
        if cut <= 0:
            if len(self.buf) > CARRY_MAX:
                raise ScanError(f"the XML has no tag in {CARRY_MAX // MIB} MB; refused as "
                                "malformed")
            return None
        out, self.buf = self.buf[:cut], self.buf[cut:]
        return out


class SheetScanner:
    """Streams one worksheet's XML into its :class:`SheetScan` (see the module description)."""

    def __init__(self, scan: SheetScan) -> None:
        self.scan = scan
        self.slicer = _Slicer()
        self.max_row = 0  # 1-based bounds
        self.max_col = 0
        self.row = 0  # calamine's running row and column (0-based), or upper bounds of them
        self.col = 0
        self.cell: tuple[int, int] | None = None  # the cell last opened (exact path)
        self.tail = b""  # the end of the previous slice, to place a formula's cell

    def feed(self, chunk: bytes) -> None:
        """Scan ``chunk`` (any size)."""
        text = self.slicer.feed(chunk)
        if text is not None:
            self._scan(text)

    def close(self) -> None:
        """Scan what is left and fill in the bounds."""
        self._scan(self.slicer.feed(b"", final=True) or b"")
        self.scan.rows, self.scan.columns = self.max_row, self.max_col

    def _scan(self, text: bytes) -> None:
        s = self.scan
        cells = len(_C.findall(text))
        s.cells += cells
        s.merged += len(_MERGE.findall(text))
        refs = _ANY_REF.findall(text)
        if refs:
            self.max_row = max(self.max_row, max(int(d) for _, d in refs))
            self.max_col = max(self.max_col, max(column_number(c) for c in {c for c, _ in refs}))
        rows = len(_ROW.findall(text))
        if cells == len(_C_REF.findall(text)) and rows == len(_ROW_REF.findall(text)):
            self._placed_formulas(text)
            self._placed_errors(text)
            # calamine's running row and column afterwards, bounded: every row end or start
            # may move the row on by one; every cell's column is at most the largest named
            self.row = max(self.row, self.max_row) + rows + len(_ROW_END.findall(text))
            self.col = max(self.col, self.max_col)
            self.cell = None
        else:
            self._follow(text)
        self.tail = text[-TAG_WINDOW:]

    # -- the fast path: every cell and row carries its reference --------------------------
    def _enclosing_cell(self, ctx: bytes, pos: int) -> tuple[int, int] | None:
        """The reference of the last cell start tag before ``pos`` in ``ctx`` (within
        :data:`TAG_WINDOW` bytes), or ``None``."""
        last = None
        for m in _C.finditer(ctx, max(0, pos - TAG_WINDOW), pos):
            last = m
        if last is None:
            return None
        tag = _TAG.match(ctx, last.start())
        refs = [(r, c) for r, c in references(tag[3]) if c >= 0] if tag else []
        return max(refs) if refs else None

    def _placed_formulas(self, text: bytes) -> None:
        ctx = self.tail + text
        for m in _F.finditer(ctx, len(self.tail)):
            at = self._enclosing_cell(ctx, m.start())
            if at is None:
                self.scan.unplaced_formulas += 1
            else:
                self.scan.formulas.add(at)

    def _placed_errors(self, text: bytes) -> None:
        for m in _ERROR_TYPE.finditer(text):
            lt = text.rfind(b"<", 0, m.start())
            tag = _TAG.match(text, lt) if lt >= 0 else None
            if tag is None or tag[2] != b"c" or tag[1]:
                continue
            if (b"t", b"e") not in raw_attributes(tag[3]):
                continue
            refs = [(r, c) for r, c in references(tag[3]) if c >= 0]
            if refs:
                self.scan.errors[max(refs)] = _error_text(text, tag.end())
            else:
                self.scan.unplaced_formulas += 1  # an error cell whose place is unknown

    # -- the slow path: follow calamine tag by tag ----------------------------------------
    def _follow(self, text: bytes) -> None:
        """Follow calamine's running row and column through ``text``, which must be plain
        tags and text: every ``<`` opens a tag that closes without another ``<`` (no
        comments or CDATA hiding cells from this scan while the reader sees them)."""
        if len(_ANY_TAG.findall(text)) != text.count(b"<"):
            raise ScanError("the sheet's XML holds a '<' that does not open a plain tag (in a "
                            "comment, CDATA or an attribute value); spreadsheet programs never "
                            "write one there, so the sheet is refused")
        if self.cell is None and self.tail:
            self.cell = self._enclosing_cell(self.tail, len(self.tail))
        for m in _TAG.finditer(text):
            closing, name, attrs = m[1], m[2], m[3]
            if name == b"row":
                self._row(closing, attrs)
            elif name == b"c" and not closing:
                self._cell(attrs, text, m.end())
            elif name == b"f" and not closing:
                if self.cell is None:
                    self.scan.unplaced_formulas += 1
                else:
                    self.scan.formulas.add(self.cell)

    def _row(self, closing: bytes, attrs: bytes) -> None:
        if closing:
            self.row, self.col = self.row + 1, 0
            return
        refs = references(attrs)
        if refs:
            self.row = max(self.row, max(r for r, _ in refs))
        if attrs.endswith(b"/"):
            self.row, self.col = self.row + 1, 0

    def _cell(self, attrs: bytes, text: bytes, end: int) -> None:
        refs = [(r, c) for r, c in references(attrs) if c >= 0]
        row, col = self.row, self.col
        if refs:
            row = max(r for r, _ in refs)
            col = max(self.col, max(c for _, c in refs))
        self.cell = (row, col)
        self.col = col + 1
        self.max_row = max(self.max_row, row + 1)
        self.max_col = max(self.max_col, col + 1)
        if (b"t", b"e") in raw_attributes(attrs):
            self.scan.errors[self.cell] = _error_text(text, end)


def _last(pattern: re.Pattern[bytes], text: bytes) -> int | None:
    """Start of the last match of ``pattern`` in ``text`` (searching back from the end)."""
    size = 4096
    while True:
        lo = max(0, len(text) - size)
        last = None
        for m in pattern.finditer(text, lo):
            last = m.start()
        if last is not None or lo == 0:
            return last
        size *= 4


def _error_text(text: bytes, pos: int) -> str:
    m = _VALUE.match(text, pos) or _VALUE.search(text, pos, pos + 256)
    value = m[1].decode("utf-8", "replace").strip() if m else ""
    return value or "an error value"


class StringsScanner:
    """Streams the shared-strings part: how many strings it holds and the largest count it
    claims (calamine reserves room for ``uniqueCount`` strings before reading any)."""

    def __init__(self) -> None:
        self.slicer = _Slicer()
        self.strings = 0
        self.claimed = 0

    def feed(self, chunk: bytes) -> None:
        text = self.slicer.feed(chunk)
        if text is not None:
            self._scan(text)

    def close(self) -> None:
        self._scan(self.slicer.feed(b"", final=True) or b"")

    def _scan(self, text: bytes) -> None:
        self.strings += len(_SI.findall(text))
        for m in _UNIQUE.finditer(text):
            self.claimed = max(self.claimed, int(m[1]))
