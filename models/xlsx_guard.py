"""The hostile-file guard: checks a workbook's bytes before any spreadsheet parser sees them.

:func:`inspect_workbook` reads the file once, refuses what is not a plain ``.xlsx`` or is built
to hurt the reader, and returns what the importer needs to read the rest safely: the file's
bytes and, for every worksheet, the area its cells really use and where its formula cells are
(python-calamine exposes neither before it has loaded a whole sheet).

Refused, each with a :class:`~models.errors.Problem` naming the file and, where there is one,
the part of the archive or the sheet:

* anything that is not a file, is empty, or is larger than :attr:`Limits.file_bytes`;
* an OLE2 compound file (signature ``D0 CF 11 E0 A1 B1 1A E1``): a password-protected
  (encrypted) workbook when it holds an ``EncryptedPackage`` stream, otherwise a legacy ``.xls``
  (or another Office 97–2003 document);
* other files that are not zip archives (PDF, HTML, CSV, text…), and zip archives that are not
  workbooks (OpenDocument, Word, PowerPoint, plain zips);
* zip bombs, judged on the central directory *before anything is unpacked*: more than
  :attr:`Limits.members` members, duplicate names, encrypted members, compression other than
  stored or deflate, a declared unpacked total above :attr:`Limits.unpacked_bytes`, a member
  (or the whole archive) above :attr:`Limits.ratio_floor` whose unpacked/packed ratio exceeds
  :attr:`Limits.ratio`. Then every part a parser may read (the package and workbook parts,
  shared strings, styles, the worksheets chosen for reading; not images, themes, charts,
  drawings or document properties, which no reader here opens) is unpacked once, streaming,
  in slices of :data:`SLICE` bytes, and must give exactly the size and CRC it declares, so
  the limits above hold for the reader too;
* XML with a document type declaration (``<!DOCTYPE`` or ``<!ENTITY`` anywhere in a part
  that is read): entity expansion ("billion laughs") and external entities never reach a
  parser. XML parts must be UTF-8 (what Excel and LibreOffice write), so no other encoding
  can hide a DTD;
* a worksheet whose cells (from the cell and row references, not from the ``<dimension>`` it
  claims) span more than :attr:`Limits.sheet_cells` cells, or a sparse one spanning more than
  :attr:`Limits.sparse_area` cells with fewer than one cell in :attr:`Limits.sparse_factor`
  holding anything: calamine keeps a dense grid of the used area, so such a sheet would cost
  gigabytes or a million empty rows walked.

The small structural parts (the package and workbook relationships, the workbook part) are
parsed with :mod:`defusedxml`; :func:`require_defused_xml` checks at start-up that defusedxml
is installed, refuses a DTD, and that openpyxl uses it too, and fails closed otherwise.
"""

from __future__ import annotations

import functools
import posixpath
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from models.errors import InputError, Problem

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
#: Unpacked bytes handed to the scanners at a time.
SLICE = 1 << 20
MIB = 1 << 20


@dataclass(frozen=True)
class Limits:
    """What the guard accepts. The defaults fit a 20,000-assessment export with room to spare
    (a 5,000-startup export is ~9 MB on disk, ~100 MB unpacked, XML packed 3–12×) and keep the
    reader's memory to a few hundred MB.

    Attributes:
        file_bytes: largest file on disk.
        members: most members in the archive.
        unpacked_bytes: largest declared (and verified) unpacked total.
        ratio: highest unpacked/packed ratio of a member, or of the whole archive, once it
            unpacks to more than ``ratio_floor`` bytes (deflate's ceiling is ~1,032×; workbook
            XML packs 3–20×).
        ratio_floor: members smaller than this may pack as tightly as they like.
        structure_bytes: largest package/workbook relationship or workbook part (parsed
            in memory with defusedxml).
        sheet_cells: largest used area of one worksheet (rows × columns, empty cells included).
        sparse_area, sparse_factor: a used area above ``sparse_area`` cells must hold at least
            one cell in ``sparse_factor``.
    """

    file_bytes: int = 100 * MIB
    members: int = 2_000
    unpacked_bytes: int = 500 * MIB
    ratio: float = 200.0
    ratio_floor: int = 1 * MIB
    structure_bytes: int = 16 * MIB
    sheet_cells: int = 5_000_000
    sparse_area: int = 200_000
    sparse_factor: int = 20


DEFAULT_LIMITS = Limits()


class UnsafeXmlSetup(RuntimeError):
    """defusedxml is missing or not in use: workbooks must not be read (fail closed)."""


@functools.cache
def require_defused_xml() -> None:
    """Check that XML is parsed safely: defusedxml is installed, refuses a DTD with entities,
    and openpyxl detected it (``openpyxl.xml.DEFUSEDXML``). Cached after the first success.

    Raises:
        UnsafeXmlSetup: any of these is not so.
    """
    try:
        import defusedxml
        import defusedxml.ElementTree as safe_et
    except ImportError:
        raise UnsafeXmlSetup(
            "defusedxml is not installed, so workbooks cannot be read safely; "
            "install it (pip install defusedxml) and try again") from None
    try:
        safe_et.fromstring('<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>')
    except defusedxml.DefusedXmlException:
        pass
    else:  # pragma: no cover - only with a broken defusedxml
        raise UnsafeXmlSetup("defusedxml accepted an XML entity declaration; refusing to "
                             "read workbooks")
    import openpyxl.xml

    if not getattr(openpyxl.xml, "DEFUSEDXML", False):
        raise UnsafeXmlSetup("openpyxl does not use defusedxml (openpyxl.xml.DEFUSEDXML is "
                             "false); refusing to read workbooks")


@dataclass
class SheetScan:
    """One worksheet as the guard saw it.

    Attributes:
        name: the sheet's name (as in the workbook part).
        part: its path inside the archive, e.g. ``xl/worksheets/sheet1.xml``.
        rows, columns: upper bounds of the used area (1-based last row and column).
        cells: number of cell elements.
        formulas: 0-based ``(row, column)`` of every cell holding a formula.
        unplaced_formulas: formula cells without a cell reference (their place is unknown).
    """

    name: str
    part: str
    rows: int = 0
    columns: int = 0
    cells: int = 0
    formulas: set[tuple[int, int]] = field(default_factory=set)
    unplaced_formulas: int = 0

    @property
    def area(self) -> int:
        """Cells in the used area (rows × columns)."""
        return self.rows * self.columns


@dataclass
class WorkbookScan:
    """A workbook that passed the guard.

    Attributes:
        data: the file's bytes (read once; hand them to the parser).
        sheets: scanned worksheet name → :class:`SheetScan`, in workbook order.
        names: every worksheet's name, in workbook order (scanned or not).
        unpacked: total unpacked bytes.
    """

    data: bytes
    sheets: dict[str, SheetScan]
    names: list[str]
    unpacked: int


def refuse(source: str, location: str, message: str) -> InputError:
    """An :class:`InputError` with one problem (shorthand for the guard's refusals)."""
    return InputError([Problem(source, location, message)])


SheetChooser = Callable[[list[str]], Iterable[str]]


def inspect_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS,
                     source: str | None = None, sheets: SheetChooser | None = None
                     ) -> WorkbookScan:
    """Read ``path`` and check it against every rule in this module's description.

    Args:
        path: the file.
        limits: the limits to apply (tests pass tighter ones).
        source: how to name the file in problems (default: ``str(path)``).
        sheets: given the worksheet names in workbook order, returns those to scan for
            their used area and formulas (default: all). Only scanned sheets may be handed
            to a parser; every member is unpacked and checked all the same.

    Returns:
        A :class:`WorkbookScan` with the bytes and the worksheets' used areas and formulas.

    Raises:
        InputError: the file is refused; the problem says why and what was expected.
    """
    path = Path(path)
    source = source or str(path)
    try:
        if path.is_dir():
            raise refuse(source, "", "is a folder, not a workbook; expected an .xlsx file")
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise refuse(source, "", f"the file is {size / MIB:,.0f} MB; workbooks larger "
                         f"than {limits.file_bytes / MIB:,.0f} MB are refused")
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(source, "", f"cannot open the file ({exc.strerror or exc})") from None
    return inspect_bytes(data, source, limits, sheets)


def inspect_bytes(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS,
                  sheets: SheetChooser | None = None) -> WorkbookScan:
    """:func:`inspect_workbook` on bytes already read."""
    if len(data) > limits.file_bytes:
        raise refuse(source, "", f"the file is {len(data) / MIB:,.0f} MB; workbooks larger "
                     f"than {limits.file_bytes / MIB:,.0f} MB are refused")
    _check_signature(data, source)
    try:
        zf = zipfile.ZipFile(BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise refuse(source, "", f"the file is damaged or not a workbook (not a readable zip "
                     f"archive: {exc}); expected an .xlsx file") from None
    _check_directory(infos, len(data), source, limits)
    names = {i.filename: i for i in infos}
    _check_package_kind(names, data, source)
    # the structure first: which parts are worksheets, and their sheet names
    root_rels = _member_bytes(data, names, "_rels/.rels", source, limits, required=False)
    workbook_part = _office_document(root_rels, source) if root_rels else "xl/workbook.xml"
    if workbook_part not in names:
        raise refuse(source, "", "a zip archive but not an Excel workbook (it has no "
                     f"{workbook_part}); expected an .xlsx file")
    workbook_xml = _member_bytes(data, names, workbook_part, source, limits, required=True)
    rels_part = posixpath.join(posixpath.dirname(workbook_part), "_rels",
                               posixpath.basename(workbook_part) + ".rels")
    workbook_rels = _member_bytes(data, names, rels_part, source, limits, required=False)
    parts = _sheet_parts(workbook_xml, workbook_rels or b"", workbook_part, rels_part, source)
    parts = [(name, part) for name, part in parts if part in names]
    wanted = set(sheets([n for n, _ in parts])) if sheets else {n for n, _ in parts}
    by_part: dict[str, SheetScan] = {}
    for name, part in parts:
        if name in wanted and part not in by_part:
            by_part[part] = SheetScan(name, part)
    done = {"_rels/.rels", workbook_part, rels_part}
    other_sheets = {part for _, part in parts} - set(by_part)
    for info in infos:
        if info.filename in done or info.is_dir() or not _parsed(info.filename, other_sheets):
            continue
        scanner = (_SheetScanner(by_part[info.filename], source)
                   if info.filename in by_part else None)
        _verify_member(data, info, source, scanner)
        if scanner:
            scanner.close()
    result = {s.name: s for s in by_part.values()}
    for scan in result.values():
        _check_area(scan, source, limits)
    return WorkbookScan(data, result, [n for n, _ in parts], sum(i.file_size for i in infos))


# -- before unpacking --------------------------------------------------------------------------

def _check_signature(data: bytes, source: str) -> None:
    head = data[:8]
    if not data:
        raise refuse(source, "", "the file is empty; expected an .xlsx workbook")
    if head == OLE_SIGNATURE:
        if "EncryptedPackage".encode("utf-16-le") in data or b"EncryptionInfo" in data:
            raise refuse(source, "", "the workbook is password-protected (encrypted), so it "
                         "cannot be read; open it in Excel or LibreOffice, remove the password "
                         "to open, save it as .xlsx and import that copy")
        if "WordDocument".encode("utf-16-le") in data:
            raise refuse(source, "", "a Word 97–2003 document, not a workbook; expected an "
                         ".xlsx workbook")
        raise refuse(source, "", "a legacy Excel 97–2003 workbook (.xls), which Beachhead does "
                     "not read; open it in Excel or LibreOffice, save it as .xlsx (Excel "
                     "Workbook) and import that copy")
    if head[:4] in ZIP_SIGNATURES:
        return
    what = _sniff(data[:512])
    raise refuse(source, "", f"not an Excel workbook: the file {what}; expected an .xlsx file "
                 "saved by Excel, LibreOffice or Beachhead")


def _sniff(head: bytes) -> str:
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith(b"%pdf"):
        return "is a PDF document"
    if low.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        return "is a web page (HTML; some programs save these with an .xls name)"
    if low.startswith(b"<?xml") or low.startswith(b"<"):
        return "is an XML or HTML text (e.g. Excel 2003 XML), not an .xlsx archive"
    if head.startswith((b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")):
        return "is a compressed archive of another kind"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "is an image"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return "has content Beachhead does not recognise"
    if "," in text or ";" in text or "\t" in text:
        return "is plain text (CSV or similar)"
    return "is plain text"


def _check_directory(infos: list[zipfile.ZipInfo], file_size: int, source: str,
                     limits: Limits) -> None:
    if len(infos) > limits.members:
        raise refuse(source, "", f"the archive holds {len(infos):,} parts; workbooks with more "
                     f"than {limits.members:,} are refused")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in seen:
            raise refuse(source, name, "the archive holds two parts with this name; a workbook "
                         "has one of each (a tampered file?)")
        seen.add(name)
        if info.flag_bits & 0x1:
            raise refuse(source, name, "this part of the archive is encrypted; expected a "
                         "plain .xlsx (remove the password and save again)")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(source, name, f"packed with compression method {info.compress_type}, "
                         "which Excel and LibreOffice never use; expected stored or deflate")
        if (info.compress_type == zipfile.ZIP_STORED
                and info.file_size != info.compress_size):
            raise refuse(source, name, "a stored part whose sizes disagree (a damaged or "
                         "tampered file)")
        total += info.file_size
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(
                1, info.compress_size):
            ratio = info.file_size / max(1, info.compress_size)
            raise refuse(source, name, f"a zip bomb: this part unpacks {ratio:,.0f} times "
                         f"larger than it is packed ({info.file_size:,} bytes from "
                         f"{info.compress_size:,}); refused before unpacking (limit "
                         f"{limits.ratio:,.0f}×)")
    if total > limits.unpacked_bytes:
        raise refuse(source, "", f"a zip bomb or an oversized workbook: it would unpack to "
                     f"{total / MIB:,.0f} MB; refused before unpacking (limit "
                     f"{limits.unpacked_bytes / MIB:,.0f} MB)")
    if total > limits.ratio_floor and total > limits.ratio * max(1, file_size):
        ratio = total / max(1, file_size)
        raise refuse(source, "", f"a zip bomb: the archive unpacks {ratio:,.0f} times larger "
                     "than the file; refused before unpacking (limit "
                     f"{limits.ratio:,.0f}×)")


def _check_package_kind(names: dict[str, zipfile.ZipInfo], data: bytes, source: str) -> None:
    if "mimetype" in names and "content.xml" in names:
        raise refuse(source, "", "an OpenDocument file (.ods), not an .xlsx workbook; open it "
                     "in LibreOffice, save it as Excel 2007-365 (.xlsx) and import that copy")
    if "word/document.xml" in names:
        raise refuse(source, "", "a Word document (.docx), not a workbook; expected .xlsx")
    if "ppt/presentation.xml" in names:
        raise refuse(source, "", "a PowerPoint presentation, not a workbook; expected .xlsx")
    if "[Content_Types].xml" not in names:
        raise refuse(source, "", "a zip archive but not an Excel workbook (it has no "
                     "[Content_Types].xml); expected an .xlsx file")


# -- unpacking, once, streaming ----------------------------------------------------------------

#: Parts no reader opens when importing (python-calamine reads the workbook and its
#: relationships, shared strings, styles and the worksheets asked for).
_NOT_PARSED = ("docprops/", "xl/theme/", "xl/drawings/", "xl/charts/", "xl/media/",
               "xl/printersettings/", "xl/embeddings/", "customxml/")


def _parsed(name: str, unread_sheets: set[str]) -> bool:
    """True for a part that a parser may read: every XML part except those in
    :data:`_NOT_PARSED` and the worksheets that are not read."""
    low = name.lower()
    return (low.endswith(_XML_SUFFIXES) and not low.startswith(_NOT_PARSED)
            and name not in unread_sheets)


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY")
_ENCODING = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_UTF8_NAMES = {b"utf-8", b"utf8", b"us-ascii", b"ascii"}


class _XmlChecker:
    """Refuses a DTD anywhere in an XML part, and XML that is not UTF-8."""

    def __init__(self, source: str, name: str) -> None:
        self.source, self.name = source, name
        self.tail = b""
        self.first = True

    def feed(self, chunk: bytes) -> None:
        if self.first and chunk:
            self.first = False
            head = chunk[:256]
            if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head[:4]:
                raise refuse(self.source, self.name, "XML in UTF-16; expected UTF-8, as Excel "
                             "and LibreOffice write it")
            m = _ENCODING.match(head.removeprefix(b"\xef\xbb\xbf").lstrip())
            if m and m[1].lower() not in _UTF8_NAMES:
                raise refuse(self.source, self.name, f"XML declared as {m[1].decode()}; "
                             "expected UTF-8, as Excel and LibreOffice write it")
        # "<!" opens only comments, CDATA and declarations: look closer only where it occurs
        if self.tail and b"<!" in self.tail + chunk[:16]:
            self._check(self.tail + chunk[:16])
        if b"<!" in chunk:
            self._check(chunk)
        self.tail = chunk[-16:]

    def _check(self, text: bytes) -> None:
        for mark in _DTD_MARKS:
            if mark in text:
                raise refuse(self.source, self.name, "the XML declares a document type or "
                             "entities (<!DOCTYPE/<!ENTITY): entity expansion and external "
                             "entities are refused; a workbook saved by Excel or LibreOffice "
                             "has none")


def _verify_member(data: bytes, info: zipfile.ZipInfo, source: str,
                   scanner: _SheetScanner | None = None, keep: bool = False) -> bytes:
    """Unpack one member in slices, checking its size and CRC; feed the XML checker and the
    sheet scanner. Returns the unpacked bytes when ``keep``."""
    name = info.filename
    off = info.header_offset
    header = data[off:off + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise refuse(source, name, "the archive is damaged (a part's header is missing)")
    *_, name_len, extra_len = _LOCAL_HEADER.unpack(header)
    start = off + _LOCAL_HEADER.size + name_len + extra_len
    raw = memoryview(data)[start:start + info.compress_size]
    if len(raw) != info.compress_size:
        raise refuse(source, name, "the archive is damaged (a part is cut short)")
    checker = _XmlChecker(source, name) if name.lower().endswith(_XML_SUFFIXES) else None
    kept: list[bytes] = []
    total = 0
    crc = 0

    def sink(piece: bytes) -> None:
        nonlocal total, crc
        if not piece:
            return
        total += len(piece)
        if total > info.file_size:
            raise refuse(source, name, f"a zip bomb or a tampered file: this part unpacks to "
                         f"more than the {info.file_size:,} bytes it declares; refused")
        crc = zlib.crc32(piece, crc)
        if checker:
            checker.feed(piece)
        if scanner:
            scanner.feed(piece)
        if keep:
            kept.append(piece)

    if info.compress_type == zipfile.ZIP_STORED:
        for i in range(0, len(raw), SLICE):
            sink(bytes(raw[i:i + SLICE]))
    else:
        d = zlib.decompressobj(-15)
        try:
            for i in range(0, len(raw), SLICE):
                sink(d.decompress(raw[i:i + SLICE], SLICE))
                while d.unconsumed_tail and not d.eof:
                    sink(d.decompress(d.unconsumed_tail, SLICE))
            sink(d.flush())
        except zlib.error as exc:
            raise refuse(source, name, f"the archive is damaged (cannot unpack this part: "
                         f"{exc})") from None
        if not d.eof:
            raise refuse(source, name, "the archive is damaged (this part is cut short)")
    if total != info.file_size or crc != info.CRC:
        raise refuse(source, name, "the archive is damaged or tampered with (this part's size "
                     "or checksum differs from what the archive declares)")
    return b"".join(kept)


def _member_bytes(data: bytes, names: dict[str, zipfile.ZipInfo], name: str, source: str,
                  limits: Limits, *, required: bool) -> bytes | None:
    info = names.get(name)
    if info is None:
        if required:
            raise refuse(source, "", f"a zip archive but not an Excel workbook (no {name})")
        return None
    if info.file_size > limits.structure_bytes:
        raise refuse(source, name, f"this part is {info.file_size / MIB:,.0f} MB; a workbook's "
                     f"structure fits in {limits.structure_bytes / MIB:,.0f} MB")
    return _verify_member(data, info, source, keep=True)


# -- the structure (parsed with defusedxml) ----------------------------------------------------

class _BadXml(Exception):
    """A structure part that does not parse (the caller names the file and part)."""


def _parse_xml(raw: bytes):  # type: ignore[no-untyped-def]
    import defusedxml
    import defusedxml.ElementTree as safe_et

    try:
        return safe_et.fromstring(raw)
    except defusedxml.DefusedXmlException:  # pragma: no cover - DTDs are refused earlier
        raise _BadXml("the XML declares entities") from None
    except Exception as exc:  # ElementTree.ParseError and friends
        raise _BadXml(f"bad XML: {exc}") from None


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# Founders' files share their structure parts byte for byte: parse each distinct one once.
@functools.lru_cache(maxsize=64)
def _relationships(raw: bytes) -> tuple[tuple[tuple[str, str], ...], ...]:
    root = _parse_xml(raw)
    return tuple(tuple(el.attrib.items()) for el in root.iter()
                 if _local(el.tag) == "Relationship")


@functools.lru_cache(maxsize=64)
def _sheet_ids(workbook_xml: bytes) -> tuple[tuple[str, str], ...]:
    """(sheet name, relationship id) of every sheet in the workbook part."""
    out = []
    for el in _parse_xml(workbook_xml).iter():
        if _local(el.tag) == "sheet":
            rid = next((v for k, v in el.attrib.items() if _local(k) == "id"), "")
            out.append((el.attrib.get("name", ""), rid))
    return tuple(out)


def _resolve(base_part: str, target: str) -> str:
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(base_part), target))


def _office_document(raw: bytes, source: str) -> str:
    try:
        rels = _relationships(raw)
    except _BadXml as exc:
        raise refuse(source, "_rels/.rels", f"the workbook's structure is damaged ({exc})"
                     ) from None
    for items in rels:
        rel = dict(items)
        if rel.get("Type", "").endswith("/officeDocument") and rel.get("Target"):
            return _resolve("", rel["Target"])
    return "xl/workbook.xml"


def _sheet_parts(workbook_xml: bytes, rels_xml: bytes, workbook_part: str, rels_part: str,
                 source: str) -> list[tuple[str, str]]:
    """(sheet name, archive part) of every worksheet, in workbook order."""
    targets = {}
    try:
        rels = _relationships(rels_xml) if rels_xml else ()
    except _BadXml as exc:
        raise refuse(source, rels_part, f"the workbook's structure is damaged ({exc})"
                     ) from None
    for items in rels:
        rel = dict(items)
        if rel.get("Type", "").endswith("/worksheet") and rel.get("TargetMode") != "External":
            targets[rel.get("Id", "")] = _resolve(workbook_part, rel.get("Target", ""))
    try:
        sheets = _sheet_ids(workbook_xml)
    except _BadXml as exc:
        raise refuse(source, workbook_part, f"the workbook's structure is damaged ({exc})"
                     ) from None
    return [(name, targets[rid]) for name, rid in sheets if rid in targets]


# -- worksheets: used area and formula cells -----------------------------------------------------

_PREFIX = re.compile(rb"<([A-Za-z_][\w.-]*:)?worksheet[\s>]")
# Any r="A1"-like attribute, wherever it is: only <row r> and <c r> carry one in a worksheet
# (a stray match only makes the bounds larger). Looking outside tag context means that a '>'
# hidden in another attribute's value cannot hide a reference.
_ANY_REF = re.compile(rb'r="([A-Za-z]*)([0-9]+)"')
_REF_IN_TAG = re.compile(rb'\sr="([A-Za-z]+)([0-9]+)"')
_SPACE = (b" ", b"\t", b"\r", b"\n")
_TAG_END = (b">", b"/", *_SPACE)
#: How far before an <f> its cell's start tag is looked for (a longer tag leaves the formula
#: unplaced, and the importer refuses a sheet with unplaced formulas).
_TAG_WINDOW = 2048


@functools.lru_cache(maxsize=4096)
def _column_number(letters: bytes | str) -> int:
    n = 0
    for ch in letters.upper() if isinstance(letters, str) else letters.upper().decode("ascii"):
        n = n * 26 + (ord(ch) - 64)
    return n


class _SheetScanner:
    """Streams a worksheet's XML and records bounds of its used area and its formula cells.

    The bounds are upper bounds, on the safe side: the largest row and column that any
    reference names, plus every row or cell written without a reference (a reader places
    those after the previous one). Slices are cut after the last ``</c>``, ``</row>`` or
    ``/>`` and the rest carried over, so no reference or cell is split.
    """

    CARRY_MAX = 16 * MIB

    def __init__(self, scan: SheetScan, source: str) -> None:
        self.scan = scan
        self.source = source
        self.buf = b""
        self.started = False
        self.cols_seen: set[bytes] = set()
        self.max_row = 0
        self.rows_unreferenced = 0
        self.cells_unreferenced_per_row = 0
        self._compile(b"")

    def _compile(self, prefix: bytes) -> None:
        p = re.escape(prefix)
        self.cell_start = b"<" + prefix + b"c"
        self.f_start = b"<" + prefix + b"f"
        self.cell_marks = (b"<" + prefix + b"c ", b"<" + prefix + b"c>",
                           b"<" + prefix + b"c/>")
        self.cell_ref_mark = b"<" + prefix + b'c r="'
        self.row_start = b"<" + prefix + b"row"
        self.row_ref_mark = b"<" + prefix + b'row r="'
        self.ends = (b"</" + prefix + b"c>", b"</" + prefix + b"row>", b"/>")
        self.re_row_split = re.compile(rb"<" + p + rb"row[\s>/]")

    def feed(self, chunk: bytes) -> None:
        self.buf += chunk
        if not self.started:
            m = _PREFIX.search(self.buf[:4096])
            if m is None and len(self.buf) < 4096:
                return
            self.started = True
            if m and m[1]:
                self._compile(m[1])
        if len(self.buf) < SLICE:
            return
        cut = max(self.buf.rfind(e) + len(e) if e in self.buf else 0 for e in self.ends)
        if cut == 0:
            if len(self.buf) > self.CARRY_MAX:
                raise refuse(self.source, self.scan.name, "the sheet's XML has no cell or row "
                             f"end in {self.CARRY_MAX // MIB} MB; refused as malformed")
            return
        self._scan(self.buf[:cut])
        self.buf = self.buf[cut:]

    def close(self) -> None:
        self.started = True
        self._scan(self.buf)
        self.buf = b""
        s = self.scan
        cols = max((_column_number(c) for c in self.cols_seen if c), default=0)
        s.rows = self.max_row + self.rows_unreferenced
        s.columns = cols + self.cells_unreferenced_per_row

    def _scan(self, text: bytes) -> None:
        s = self.scan
        cells = sum(text.count(m) for m in self.cell_marks)
        s.cells += cells
        # rows and cells without a reference (writers put r first; any other order counts
        # here too, as do <rowBreaks>, which only makes the bounds larger)
        self.rows_unreferenced += max(0, text.count(self.row_start) - text.count(
            self.row_ref_mark))
        if cells > text.count(self.cell_ref_mark):
            per_row = max(sum(part.count(m) for m in self.cell_marks)
                          for part in self.re_row_split.split(text))
            self.cells_unreferenced_per_row = max(self.cells_unreferenced_per_row, per_row)
        found = _ANY_REF.findall(text)
        if found:
            letters, digits = zip(*found, strict=True)
            self.max_row = max(self.max_row, max(map(int, digits)))
            self.cols_seen.update(letters)
        self._formulas(text)

    def _formulas(self, text: bytes) -> None:
        """Place every <f> element in the cell whose start tag comes before it."""
        s = self.scan
        mark, cell, n = self.f_start, self.cell_start, len(self.f_start)
        pos = text.find(mark)
        while pos >= 0:
            if text[pos + n:pos + n + 1] in _TAG_END:
                lo = max(0, pos - _TAG_WINDOW)
                start = text.rfind(cell, lo, pos)
                while start >= 0 and text[start + len(cell):start + len(cell) + 1] not in _SPACE:
                    start = text.rfind(cell, lo, start)
                ref = _REF_IN_TAG.search(text, start, pos) if start >= 0 else None
                if ref is None:
                    s.unplaced_formulas += 1
                else:
                    s.formulas.add((int(ref[2]) - 1, _column_number(ref[1]) - 1))
            pos = text.find(mark, pos + n)


def column_name(number: int) -> str:
    """``1`` → ``A``, ``16384`` → ``XFD``."""
    out = ""
    while number > 0:
        number, rem = divmod(number - 1, 26)
        out = chr(65 + rem) + out
    return out


def _check_area(scan: SheetScan, source: str, limits: Limits) -> None:
    area = scan.area
    corner = f"{column_name(scan.columns)}{scan.rows}" if area else "A1"
    if area > limits.sheet_cells:
        raise refuse(source, scan.name, f"the sheet's cells reach {corner} ({scan.rows:,} rows "
                     f"× {scan.columns:,} columns = {area:,} cells, {scan.cells:,} of them "
                     f"written); sheets spanning more than {limits.sheet_cells:,} cells are "
                     "refused")
    if area > limits.sparse_area and area > limits.sparse_factor * max(1, scan.cells):
        raise refuse(source, scan.name, f"the sheet's cells reach {corner} ({area:,} cells) but "
                     f"only {scan.cells:,} are written; delete the stray cells far below or to "
                     "the right of the data and save again")
