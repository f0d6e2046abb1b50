"""The hostile-file guard: checks a workbook's bytes before any spreadsheet parser sees them,
and hands the parser only what it checked.

:func:`inspect_workbook` reads the file once, refuses what is not a plain ``.xlsx`` or is built
to hurt the reader, and returns what the importer needs to read the rest safely: a small
archive holding only the checked parts (:mod:`models.workbook.guard.parts`) and, for every
worksheet to
be read, the area its cells really use, its formula cells and its error cells (python-calamine
tells neither formulas nor errors from values).

**The reader reads exactly what the guard checked.** The guard finds the parts the way
python-calamine does (``_rels/.rels`` → the workbook's folder → ``workbook.xml`` and its
relationships → each sheet's part, whatever its name; ``sharedStrings.xml`` and
``styles.xml`` by their fixed names) and checks those very bytes. The reader then opens a new
archive made of them alone, under fixed names, with fresh relationships: a decoy part, a sheet
part with an unusual name, or a part that only a fallback reader (``.xlsb``, OpenDocument)
would open can never reach a parser unchecked.

Refused, each with a :class:`~models.core.errors.Problem` naming the file and, where there is one,
the part of the archive or the sheet:

* anything that is not a file, is empty, or is larger than :attr:`Limits.file_bytes`;
* an OLE2 compound file (signature ``D0 CF 11 E0 A1 B1 1A E1``): a password-protected
  (encrypted) workbook when it holds an ``EncryptedPackage`` stream, otherwise a legacy ``.xls``
  (or another Office 97–2003 document);
* other files that are not zip archives (PDF, HTML, CSV, text…), and zip archives that are not
  workbooks (OpenDocument, Word, PowerPoint, plain zips, no workbook part);
* zip bombs, judged on the central directory *before anything is unpacked*: more than
  :attr:`Limits.members` members, duplicate names, encrypted members, compression other than
  stored or deflate, a declared unpacked total above :attr:`Limits.unpacked_bytes`, a member
  (or the whole archive) above :attr:`Limits.ratio_floor` whose unpacked/packed ratio exceeds
  :attr:`Limits.ratio`. Every part handed to the reader is unpacked once, streaming, and must
  give exactly the size and checksum it declares;
* XML with a document type declaration (``<!DOCTYPE`` or ``<!ENTITY``) in a part the reader
  gets, or XML that is not UTF-8;
* a workbook whose structure calamine cannot follow (a sheet naming a missing relationship or
  part), or two sheets with the same name (ignoring case, as Excel does);
* a worksheet whose cells span more than :attr:`Limits.sheet_cells` cells, or a sparse one
  spanning more than :attr:`Limits.sparse_area` cells with fewer than one cell in
  :attr:`Limits.sparse_factor` holding anything; the span is bounded from every cell and row
  reference however it is written (``r = 'A1'``), never from the ``<dimension>`` the sheet
  claims, because calamine keeps a dense grid of it (:mod:`models.workbook.guard.sheet_scan`);
* a worksheet with more than :attr:`Limits.merged_ranges` merged ranges, and shared strings
  holding or claiming (``uniqueCount``, for which calamine reserves room up front) more than
  :attr:`Limits.strings` strings.

The structure parts (the package and workbook relationships, the workbook part) are parsed
with :mod:`defusedxml`; :func:`require_defused_xml` checks at start-up that defusedxml is
installed, refuses a DTD, and that openpyxl uses it too, and fails closed otherwise.
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TypeVar

from models.workbook.guard.archive import check_directory, check_package_kind, check_signature
from models.workbook.guard.parts import (
    CANONICAL_WORKBOOK,
    ArchiveWriter,
    Package,
    PackageError,
    PartNames,
    canonical_sheet,
    folder_of,
    office_document,
    root_relationships,
    sheet_parts,
    workbook_relationships,
)
from models.workbook.guard.sheet_scan import ScanError, SheetScan, SheetScanner, StringsScanner
from models.workbook.guard.texts import os_reason, refuse
from models.workbook.guard.unpack import (
    MIB,
    BadXml,
    relationships,
    sheet_ids,
    structure_bytes,
    verify_member,
)
from models.workbook.layout import column_letter

T = TypeVar("T")

__all__ = ["DEFAULT_LIMITS", "Limits", "SheetScan", "UnsafeXmlSetup", "WorkbookScan",
           "inspect_bytes", "inspect_workbook", "refuse", "require_defused_xml"]



@dataclass(frozen=True)
class Limits:
    """What the guard accepts. The defaults fit a 20,000-assessment export (its Scores sheet is
    360,001 rows × 15 columns = 5.4 M cells, ~450 MB unpacked, ~21 MB on disk; XML packs
    3–12×) with room to spare, and keep the reader's memory within :attr:`reader_memory`.

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
        merged_ranges: most merged ranges on one worksheet.
        strings: most shared strings, held or claimed.
        reader_memory: address space a reader process may take on top of what it holds when
            it starts (:mod:`models.workbook.importing.pool`); an allocation beyond it fails.
    """

    file_bytes: int = 100 * MIB
    members: int = 2_000
    unpacked_bytes: int = 800 * MIB
    ratio: float = 200.0
    ratio_floor: int = 1 * MIB
    structure_bytes: int = 16 * MIB
    sheet_cells: int = 7_000_000
    sparse_area: int = 200_000
    sparse_factor: int = 20
    merged_ranges: int = 100_000
    strings: int = 3_000_000
    reader_memory: int = 2048 * MIB


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
class WorkbookScan:
    """A workbook that passed the guard.

    Attributes:
        data: the archive to hand to the reader: only the checked parts, under fixed names
            (see the module description); never the file itself.
        sheets: scanned worksheet name → :class:`SheetScan`, in workbook order.
        names: every sheet's name, in workbook order (scanned or not).
        strings: shared strings in the workbook.
    """

    data: bytes
    sheets: dict[str, SheetScan]
    names: list[str]
    strings: int = 0


SheetChooser = Callable[[list[str]], Iterable[str]]


def inspect_workbook(path: str | Path, limits: Limits = DEFAULT_LIMITS,
                     source: str | None = None, sheets: SheetChooser | None = None
                     ) -> WorkbookScan:
    """Read ``path`` and check it against every rule in this module's description.

    Args:
        path: the file.
        limits: the limits to apply (tests pass tighter ones).
        source: how to name the file in problems (default: ``str(path)``).
        sheets: given the sheet names in workbook order, returns those to scan for their
            used area, formulas and errors (default: all). Only those are handed to the
            reader.

    Returns:
        A :class:`WorkbookScan` with the reader's archive and the sheets' scans.

    Raises:
        InputError: the file is refused; the problem says why and what was expected.
    """
    path = Path(path)
    source = source or str(path)
    try:
        if path.is_dir():
            raise refuse(source, "", "folder")
        size = path.stat().st_size
        if size > limits.file_bytes:
            raise refuse(source, "", "too_big", mb=size / MIB, limit=limits.file_bytes / MIB)
        data = path.read_bytes()
    except OSError as exc:
        raise refuse(source, "", "cannot_open", reason=os_reason(exc)) from None
    return inspect_bytes(data, source, limits, sheets)


def inspect_bytes(data: bytes, source: str, limits: Limits = DEFAULT_LIMITS,
                  sheets: SheetChooser | None = None) -> WorkbookScan:
    """:func:`inspect_workbook` on bytes already read."""
    if len(data) > limits.file_bytes:
        raise refuse(source, "", "too_big", mb=len(data) / MIB, limit=limits.file_bytes / MIB)
    check_signature(data, source)
    try:
        zf = zipfile.ZipFile(BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as exc:
        raise refuse(source, "", "not_zip", error=exc) from None
    check_directory(infos, len(data), source, limits)
    check_package_kind({i.filename for i in infos}, source)
    out = ArchiveWriter()
    package = _package(data, PartNames(infos), source, limits, out)
    names = [s.name for s in package.sheets]
    _check_sheet_names(names, source, package.workbook.filename)
    wanted = set(sheets(names)) if sheets else set(names)
    scans = _scan_sheets(data, package, wanted, source, limits, out)
    strings = _shared_strings(data, package, source, limits, out)
    if package.styles is not None:
        _, packed = verify_member(data, package.styles, source)
        out.copy("xl/styles.xml", package.styles, packed)
    return WorkbookScan(out.finish(), scans, names, strings)


def _package(data: bytes, names: PartNames, source: str, limits: Limits,
             out: ArchiveWriter) -> Package:
    """Find the parts calamine reads (see :mod:`models.workbook.guard.parts`); the workbook part and
    fresh package relationships go into ``out``."""
    root = names.find("_rels/.rels")
    if root is None:
        raise refuse(source, "", "no_part", part="_rels/.rels")
    raw, _ = structure_bytes(data, root, source, limits.structure_bytes)
    target = office_document(_parsed(relationships, raw, source, root.filename))
    if target is None:
        raise refuse(source, root.filename, "no_office_document")
    folder = folder_of(target)
    workbook = names.find(folder + "workbook.xml")
    rels = names.find(folder + "_rels/workbook.xml.rels")
    for info, path in ((workbook, "workbook.xml"), (rels, "_rels/workbook.xml.rels")):
        if info is None:
            raise refuse(source, "", "no_part", part=f"{folder}{path}")
    assert workbook is not None and rels is not None
    workbook_xml, packed = structure_bytes(data, workbook, source, limits.structure_bytes)
    rels_xml, _ = structure_bytes(data, rels, source, limits.structure_bytes)
    try:
        parts = sheet_parts(names, folder,
                            _parsed(sheet_ids, workbook_xml, source, workbook.filename),
                            _parsed(relationships, rels_xml, source, rels.filename),
                            rels.filename)
    except PackageError as exc:
        raise refuse(source, exc.part, exc.key, **exc.values) from None
    out.store("_rels/.rels", root_relationships())
    out.copy(CANONICAL_WORKBOOK, workbook, packed)
    return Package(folder, workbook, names.find(folder + "sharedStrings.xml"),
                   names.find(folder + "styles.xml"), parts)


def _parsed(parse: Callable[[bytes], T], raw: bytes, source: str, part: str) -> T:
    try:
        return parse(raw)
    except BadXml as exc:
        raise refuse(source, part, "structure", error=exc) from None


def _check_sheet_names(names: list[str], source: str, part: str) -> None:
    seen: dict[str, str] = {}
    for name in names:
        key = name.casefold()
        if key in seen:
            raise refuse(source, part, "same_names", first=seen[key], second=name)
        seen[key] = name


def _scan_sheets(data: bytes, package: Package, wanted: set[str], source: str,
                 limits: Limits, out: ArchiveWriter) -> dict[str, SheetScan]:
    """Scan the wanted sheets' parts and copy them into ``out``; the workbook's fresh
    relationships point the other sheets at parts that do not exist."""
    by_member: dict[str, tuple[SheetScan, str]] = {}
    chosen: dict[str, str] = {}
    result: dict[str, SheetScan] = {}
    for sheet in package.sheets:
        if sheet.name not in wanted:
            continue
        if sheet.member is None:
            raise refuse(source, sheet.name, "sheet_missing", path=sheet.path)
        key = sheet.member.filename
        if key not in by_member:
            scan = SheetScan(sheet.name, key)
            scanner = SheetScanner(scan)
            try:
                _, packed = verify_member(data, sheet.member, source, [scanner.feed])
                scanner.close()
            except ScanError as exc:
                raise refuse(source, sheet.name, exc.key, **exc.values) from None
            _check_area(scan, source, limits)
            by_member[key] = (scan, canonical_sheet(len(by_member)))
            out.copy(by_member[key][1], sheet.member, packed)
        chosen[sheet.rid] = by_member[key][1]
        result[sheet.name] = by_member[key][0]
    out.store("xl/_rels/workbook.xml.rels", workbook_relationships(package.sheets, chosen))
    return result


def _shared_strings(data: bytes, package: Package, source: str, limits: Limits,
                    out: ArchiveWriter) -> int:
    info = package.shared_strings
    if info is None:
        return 0
    scanner = StringsScanner()
    try:
        _, packed = verify_member(data, info, source, [scanner.feed])
        scanner.close()
    except ScanError as exc:
        raise refuse(source, info.filename, exc.key, **exc.values) from None
    if max(scanner.strings, scanner.claimed) > limits.strings:
        raise refuse(source, info.filename, "strings", held=scanner.strings,
                     s="s" if scanner.strings != 1 else "", claimed=scanner.claimed,
                     limit=limits.strings)
    out.copy("xl/sharedStrings.xml", info, packed)
    return scanner.strings


def _check_area(scan: SheetScan, source: str, limits: Limits) -> None:
    area = scan.area
    corner = f"{column_letter(scan.columns)}{scan.rows}" if area else "A1"
    if area > limits.sheet_cells:
        raise refuse(source, scan.name, "area", corner=corner, rows=scan.rows,
                     columns=scan.columns, area=area, cells=scan.cells, limit=limits.sheet_cells)
    if area > limits.sparse_area and area > limits.sparse_factor * max(1, scan.cells):
        raise refuse(source, scan.name, "sparse", corner=corner, area=area, cells=scan.cells)
    if scan.merged > limits.merged_ranges:
        raise refuse(source, scan.name, "merged", merged=scan.merged,
                     limit=limits.merged_ranges)
