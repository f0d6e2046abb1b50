"""Streaming scans of the worksheet and shared-strings XML that python-calamine will parse.

The guard (:mod:`models.workbook.guard.inspect`) feeds every part the reader will open through one
of these
scanners, slice by slice, before any parser sees it. They read the XML the way calamine's
``quick-xml`` does, only looser, so that every bound they report is an *upper* bound:

* an element is known by its local name, whatever its prefix (``<c>``, ``<x:c>``, ``<:c>``);
  a name ends at a space, tab, CR or LF;
* an attribute is ``key = 'value'`` or ``key="value"`` with any ASCII white space around
  ``=`` (calamine's raw attribute reader accepts all of these); a cell's reference is its
  ``r`` attribute, a row's number its ``r`` attribute;
* a cell or row without a reference is placed after the previous one, as calamine does.

A worksheet's **used area** (what calamine allocates as a dense grid: ``rows × columns``) is
bounded by the largest row and column the cells and rows name. A slice as spreadsheet programs
write it (every ``<c>`` and ``<row>`` starting ``r="A1"``, plain ``key="value"`` attributes,
no prefixes: see :data:`_PLAIN_ATTRS`) is read from those references in a few passes; any
other slice is followed tag by tag as calamine reads it, with its running row and column for
cells and rows without a reference, and must then be plain tags (a ``<`` that opens no tag, as
in a comment or CDATA that could hide cells from the scan, is refused).
Formula cells (an ``<f>`` element, with any prefix, inside the cell) and error cells
(``t="e"``) are recorded by position: python-calamine gives a formula's stored result as if it
were a typed value, and an error cell as an empty one.

Slices are cut just before the last ``<`` of the text read so far, so no tag, reference or
value is ever split (a ``<`` inside a valid reference or count would make it invalid).
"""

from __future__ import annotations

import functools
import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from models.workbook.guard.texts import say

MIB = 1 << 20
#: Bytes scanned at a time (the rest is carried over to the next slice).
SCAN_SLICE = 1 << 20
#: A part with no ``<`` in this many bytes is refused as malformed.
CARRY_MAX = 16 * MIB
#: How far before an ``<f>`` its cell's start tag is looked for (a longer start tag leaves the
#: formula unplaced, and the importer refuses a sheet with unplaced formulas).
TAG_WINDOW = 2048

_AWS = rb"[ \t\n\x0c\r]"  # what calamine's attribute reader skips (Rust's ASCII white space)
_PREFIX = rb"(?:[^ \t\r\n/>:<]*:)?"  # any prefix, up to the first colon
_END = rb"(?=[ \t\r\n/>])"


def _start(name: bytes) -> re.Pattern[bytes]:
    return re.compile(rb"<" + _PREFIX + name + _END)


_C = _start(rb"c")
_SI = _start(rb"si")
_MERGE = _start(rb"mergeCell")
_UNIQUE = re.compile(rb"(?<![^ \t\n\x0c\r\"':])uniqueCount" + _AWS + rb"*=" + _AWS
                     + rb"*[\"']" + _AWS + rb"*\+?([0-9]+)")
# A *plain* slice is what every spreadsheet program writes: no element of interest under a
# prefix, and every <c> and <row> start tag exactly ' r="A1"' then more ' key="value"' pairs
# (no other r, no other spacing or quoting, no '<' or '>' in a value). Its cells and rows
# are read from those references in a few C-speed passes; any other slice is followed tag by
# tag as calamine reads it.
_PREFIXED = re.compile(rb":(?:c|row|f|mergeCell)[ \t\r\n/>]")
_PLAIN_TAGS = re.compile(rb"<(c|row)(?=[ \t\r\n/>])(?:([^<>]*)>|)")
_PLAIN_ATTRS = rb' r="[A-Za-z]*[0-9]+"(?: (?!r=)[A-Za-z_][\w:.-]*="[^"<>\x00]*")*(?: ?/)?'
_PLAIN_ALL = re.compile(rb"(?:" + _PLAIN_ATTRS + rb")(?:\x00" + _PLAIN_ATTRS + rb")*")
_PLAIN_REF = re.compile(rb' r="([A-Za-z]*)([0-9]+)"')
_PLAIN_F = re.compile(rb"<f[ \t\r\n/>]")
_PLAIN_CELL = re.compile(rb'<c r="([A-Za-z]*)([0-9]+)"')
_PLAIN_MERGE = re.compile(rb"<mergeCell[ \t\r\n/>]")
# a quick look for error cells: a value "e" (checked closely where found)
_ERROR_QUICK = re.compile(rb" t=\"e\"")
# one tag of interest, attributes matched with their quotes (a '>' in a value does not end it)
_TAG = re.compile(rb"<(/?)" + _PREFIX + rb"(c|row|f)(?=[ \t\r\n/>])"
                  rb"((?:[^<>\"']++|\"[^\"<]*+\"|'[^'<]*+')*+)>")
# any tag, quoted values without '<' (linear: possessive)
_ANY_TAG = re.compile(rb"<[^<>\"']*+(?:(?:\"[^\"<]*+\"|'[^'<]*+')[^<>\"']*+)*+>")
_VALUE = re.compile(rb"<" + _PREFIX + rb"v" + _END + rb"[^>]*>([^<]{0,40})")
_REF_VALUE = re.compile(rb"([A-Za-z]*)([0-9]+)")
_ATTR_WS = frozenset(b" \t\n\x0c\r")
_NAME_END = (b" ", b"\t", b"\r", b"\n", b"/", b">")


class ScanError(ValueError):
    """The part cannot be scanned (the guard's text ``key`` says why); the guard refuses the
    file."""

    def __init__(self, key: str, **values: object) -> None:
        super().__init__(say(key, **values))
        self.key, self.values = key, values


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
                raise ScanError("no_tag", mb=CARRY_MAX // MIB)
            return None
        out, self.buf = self.buf[:cut], self.buf[cut:]
        return out


class _Streamed(ABC):
    """A scanner fed chunks of any size, which scans whole slices (see :class:`_Slicer`)."""

    def __init__(self) -> None:
        self.slicer = _Slicer()

    def feed(self, chunk: bytes) -> None:
        """Scan ``chunk`` (any size)."""
        text = self.slicer.feed(chunk)
        if text is not None:
            self._scan(text)

    def close(self) -> None:
        """Scan what is left."""
        self._scan(self.slicer.feed(b"", final=True) or b"")

    @abstractmethod
    def _scan(self, text: bytes) -> None:
        """Scan one whole slice."""


class SheetScanner(_Streamed):
    """Streams one worksheet's XML into its :class:`SheetScan` (see the module description)."""

    def __init__(self, scan: SheetScan) -> None:
        super().__init__()
        self.scan = scan
        self.max_row = 0  # 1-based bounds
        self.max_col = 0
        self.row = 0  # calamine's running row and column (0-based), or upper bounds of them
        self.col = 0
        self.cell: tuple[int, int] | None = None  # the cell last opened (exact path)
        self.tail = b""  # the end of the previous slice, to place a formula's cell

    def close(self) -> None:
        """Scan what is left and fill in the bounds."""
        super().close()
        self.scan.rows, self.scan.columns = self.max_row, self.max_col

    def _scan(self, text: bytes) -> None:
        if _PREFIXED.search(text) or not self._plain(text):
            self.scan.merged += len(_MERGE.findall(text))
            self._follow(text)
        self.tail = text[-TAG_WINDOW:]

    def _plain(self, text: bytes) -> bool:
        """Scan a plain slice (see :data:`_PLAIN_ATTRS`); ``False``, having changed nothing,
        when the slice is not plain."""
        tags = _PLAIN_TAGS.findall(text)
        joined = b"\x00".join(attrs for _, attrs in tags)
        if tags and _PLAIN_ALL.fullmatch(joined) is None:
            return False
        s = self.scan
        names = [name for name, _ in tags]
        cells, rows = names.count(b"c"), names.count(b"row")
        s.cells += cells
        s.merged += len(_PLAIN_MERGE.findall(text))
        refs = _PLAIN_REF.findall(joined)
        if refs:
            letters, digits = zip(*refs, strict=True)
            # the longest digits, then the largest of those (a leading zero only overstates)
            longest = max(zip(map(len, digits), digits, strict=True))[1]
            self.max_row = max(self.max_row, int(longest))
            self.max_col = max(self.max_col, max(map(column_number, set(letters))))
        if b"<f" in text:
            self._placed_formulas(text)
        if b' t="e"' in text:
            self._placed_errors(text)
        # calamine's running row and column afterwards, bounded: every row end or start may
        # move the row on by one; every cell's column is at most the largest named
        self.row = max(self.row, self.max_row) + rows + text.count(b"</row>")
        self.col = max(self.col, self.max_col)
        self.cell = None
        return True

    # -- the fast path: every cell and row carries its reference --------------------------
    def _enclosing_cell(self, ctx: bytes, pos: int) -> tuple[int, int] | None:
        """The reference of the last cell start tag before ``pos`` in ``ctx`` (within
        :data:`TAG_WINDOW` bytes), or ``None``."""
        lo = max(0, pos - TAG_WINDOW)
        start = ctx.rfind(b"<c", lo, pos)
        while start >= 0 and ctx[start + 2:start + 3] not in _NAME_END:
            start = ctx.rfind(b"<c", lo, start)
        if start < 0:
            last = None
            for m in _C.finditer(ctx, lo, pos):  # under a prefix
                last = m
            if last is None:
                return None
            start = last.start()
        plain = _PLAIN_CELL.match(ctx, start)
        if plain is not None:
            return int(plain[2]) - 1, column_number(plain[1]) - 1
        tag = _TAG.match(ctx, start)
        refs = [(r, c) for r, c in references(tag[3]) if c >= 0] if tag else []
        return max(refs) if refs else None

    def _placed_formulas(self, text: bytes) -> None:
        ctx = self.tail + text
        for m in _PLAIN_F.finditer(ctx, len(self.tail)):
            at = self._enclosing_cell(ctx, m.start())
            if at is None:
                self.scan.unplaced_formulas += 1
            else:
                self.scan.formulas.add(at)

    def _placed_errors(self, text: bytes) -> None:
        for m in _ERROR_QUICK.finditer(text):
            start = text.rfind(b"<", 0, m.start())
            cell = _PLAIN_CELL.match(text, start) if start >= 0 else None
            if cell is not None and text.find(b">", start, m.start()) < 0:
                at = (int(cell[2]) - 1, column_number(cell[1]) - 1)
                self.scan.errors[at] = _error_text(text, text.find(b">", m.end()) + 1)

    # -- the slow path: follow calamine tag by tag ----------------------------------------
    def _follow(self, text: bytes) -> None:
        """Follow calamine's running row and column through ``text``, which must be plain
        tags and text: every ``<`` opens a tag that closes without another ``<`` (no
        comments or CDATA hiding cells from this scan while the reader sees them)."""
        if len(_ANY_TAG.findall(text)) != text.count(b"<"):
            raise ScanError("stray_lt")
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
        self.scan.cells += 1
        self.col = col + 1
        self.max_row = max(self.max_row, row + 1)
        self.max_col = max(self.max_col, col + 1)
        if (b"t", b"e") in raw_attributes(attrs):
            self.scan.errors[self.cell] = _error_text(text, end)


def _error_text(text: bytes, pos: int) -> str:
    m = _VALUE.match(text, pos) or _VALUE.search(text, pos, pos + 256)
    value = m[1].decode("utf-8", "replace").strip() if m else ""
    return value or say("an_error_value")


class StringsScanner(_Streamed):
    """Streams the shared-strings part: how many strings it holds and the largest count it
    claims (calamine reserves room for ``uniqueCount`` strings before reading any)."""

    def __init__(self) -> None:
        super().__init__()
        self.strings = 0
        self.claimed = 0

    def _scan(self, text: bytes) -> None:
        self.strings += len(_SI.findall(text))
        for m in _UNIQUE.finditer(text):
            self.claimed = max(self.claimed, int(m[1]))
