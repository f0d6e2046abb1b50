"""Which parts of an ``.xlsx`` archive python-calamine reads, found the way calamine finds them,
and the small archive the reader is given instead of the file.

calamine (the Rust library under python-calamine) opens a workbook like this:

1. ``_rels/.rels``: the *last* relationship whose type ends in ``/officeDocument`` names the
   workbook part; only its folder counts (``xl/`` for ``xl/workbook.xml``, whatever the part
   is called);
2. ``<folder>sharedStrings.xml``, ``<folder>styles.xml``, ``<folder>_rels/workbook.xml.rels``
   and ``<folder>workbook.xml``, by those fixed names;
3. each ``<sheet>`` of the workbook part names a relationship id (the *last* relationship with
   that id wins); its target, absolute (``/xl/…``) or relative to the folder, without any
   ``..`` resolution, is the sheet's part, whatever its name or extension;
4. part names are looked up ignoring ASCII case.

If that fails it tries to read the same bytes as ``.xlsb`` and then as OpenDocument.

:func:`resolve` follows steps 1–4. The guard then checks exactly those parts and builds, with
:func:`canonical_archive`, a new archive that holds only them under fixed names
(``xl/workbook.xml``, ``xl/worksheets/sheetN.xml``…), with relationships written afresh and
every other part left out. The reader opens that archive: it can only ever parse bytes the
guard has checked, and it has nothing to fall back on (no ``.xlsb`` or OpenDocument parts).
"""

from __future__ import annotations

import struct
import zipfile
import zlib
from dataclasses import dataclass, field
from xml.sax.saxutils import quoteattr

from models.workbook.guard.texts import say

OFFICE_DOCUMENT = "/relationships/officeDocument"
SHEET_TYPES = ("worksheet", "chartsheet", "dialogsheet")
_ASCII_LOWER = bytes.maketrans(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", b"abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """``text`` with only ASCII letters lower-cased (as Rust's ``to_ascii_lowercase``)."""
    return text.encode("utf-8", "surrogatepass").translate(_ASCII_LOWER).decode(
        "utf-8", "surrogatepass")


class PartNames:
    """The archive's part names, looked up as calamine looks them up: a part is found by its
    name with ASCII case ignored (``\\`` read as ``/`` in the archive's names); when two names
    clash that way, the later one in the archive wins."""

    def __init__(self, infos: list[zipfile.ZipInfo]) -> None:
        self.infos = {i.filename: i for i in infos}
        self.folded: dict[str, str] = {}
        for info in infos:
            self.folded[ascii_lower(info.filename.replace("\\", "/"))] = info.filename

    def find(self, path: str) -> zipfile.ZipInfo | None:
        """The member calamine opens for ``path``, or ``None``."""
        name = self.folded.get(ascii_lower(path), path)
        return self.infos.get(name)


@dataclass
class SheetPart:
    """One ``<sheet>`` of the workbook part.

    Attributes:
        name: the sheet's name.
        rid: its relationship id.
        kind: ``worksheet``, ``chartsheet`` or ``dialogsheet``.
        path: the part name calamine computes for it.
        member: the archive member found for ``path``, or ``None`` (a missing part).
    """

    name: str
    rid: str
    kind: str
    path: str
    member: zipfile.ZipInfo | None


@dataclass
class Package:
    """The parts calamine reads.

    Attributes:
        folder: the workbook's folder, e.g. ``xl/``.
        workbook: the workbook part.
        shared_strings, styles: those parts, or ``None`` when absent.
        sheets: every sheet, in workbook order.
    """

    folder: str
    workbook: zipfile.ZipInfo
    shared_strings: zipfile.ZipInfo | None
    styles: zipfile.ZipInfo | None
    sheets: list[SheetPart] = field(default_factory=list)


def folder_of(target: str) -> str:
    """The folder calamine takes from an officeDocument target: up to and including the last
    ``/``, without a leading ``/`` (``""`` when there is no ``/``)."""
    cut = target.rfind("/")
    if cut < 0:
        return ""
    folder = target[:cut + 1]
    return folder[1:] if folder.startswith("/") else folder


def sheet_path(folder: str, target: str) -> str:
    """A sheet relationship's target as calamine resolves it (no ``..`` handling)."""
    return target[1:] if target.startswith("/") else folder + target


class PackageError(ValueError):
    """The package structure is not what calamine can read. ``part`` names where (``""`` for
    the whole file); the message says what is wrong."""

    def __init__(self, part: str, key: str, **values: object) -> None:
        super().__init__(say(key, **values))
        self.part, self.key, self.values = part, key, values


def office_document(rels: tuple[tuple[tuple[str, str], ...], ...]) -> str | None:
    """The target of the last officeDocument relationship, or ``None``."""
    found = None
    for items in rels:
        rel = dict(items)
        if rel.get("Type", "").endswith(OFFICE_DOCUMENT) and "Target" in rel:
            found = rel["Target"]
    return found


def sheet_parts(names: PartNames, folder: str, sheets: tuple[tuple[str, str], ...],
                rels: tuple[tuple[tuple[str, str], ...], ...], rels_part: str
                ) -> list[SheetPart]:
    """The sheets of a workbook part (``(name, relationship id)`` in order) with their parts.

    Raises:
        PackageError: a sheet's relationship is missing or not of a sheet type.
    """
    by_id: dict[str, tuple[str, str]] = {}
    for items in rels:
        rel = dict(items)
        if "Id" in rel:
            by_id[rel["Id"]] = (rel.get("Target", ""), rel.get("Type", ""))
    out = []
    for name, rid in sheets:
        if rid not in by_id:
            raise PackageError(rels_part, "missing_rel", name=name, rid=rid, rels=rels_part)
        target, kind = by_id[rid]
        kind = kind.rsplit("/", 1)[-1]
        if kind not in SHEET_TYPES:
            raise PackageError(rels_part, "not_worksheet", name=name, kind=kind)
        path = sheet_path(folder, target)
        out.append(SheetPart(name, rid, kind, path, names.find(path)))
    return out


# -- the archive the reader gets ----------------------------------------------------------------

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_DOC_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CANONICAL_WORKBOOK = "xl/workbook.xml"
_LOCAL = struct.Struct("<4s5H3L2H")
_CENTRAL = struct.Struct("<4s6H3L5H2L")
_END = struct.Struct("<4s4H2LH")


def canonical_sheet(index: int) -> str:
    """The fixed name of the ``index``-th (0-based) sheet handed to the reader."""
    return f"xl/worksheets/sheet{index + 1}.xml"


def root_relationships() -> bytes:
    """``_rels/.rels`` pointing at :data:`CANONICAL_WORKBOOK`."""
    return (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_REL_NS}">'
            f'<Relationship Id="rId1" Type="{_DOC_NS}/officeDocument" '
            f'Target="{CANONICAL_WORKBOOK}"/></Relationships>').encode()


def workbook_relationships(sheets: list[SheetPart], chosen: dict[str, str]) -> bytes:
    """The workbook's relationships: every sheet keeps its id and type; a chosen sheet (its id
    → canonical part) points at its part, any other at a part that does not exist."""
    rows = []
    for i, sheet in enumerate(sheets):
        target = chosen.get(sheet.rid, f"xl/worksheets/unread{i + 1}.xml")
        rows.append(f"<Relationship Id={quoteattr(sheet.rid)} "
                    f'Type="{_DOC_NS}/{sheet.kind}" Target="/{target}"/>')
    return (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_REL_NS}">'
            + "".join(rows) + "</Relationships>").encode()


class ArchiveWriter:
    """Writes a zip archive member by member: packed members are copied as they are (their
    deflate stream, size and checksum unchanged), new ones are stored."""

    def __init__(self) -> None:
        self.parts: list[bytes] = []
        self.central: list[bytes] = []
        self.offset = 0

    def _add(self, name: str, method: int, crc: int, packed: bytes | memoryview,
             size: int) -> None:
        raw = name.encode("utf-8")
        flags = 0x800 if not raw.isascii() else 0
        local = _LOCAL.pack(b"PK\x03\x04", 20, flags, method, 0, 0x21, crc, len(packed), size,
                            len(raw), 0)
        self.central.append(_CENTRAL.pack(b"PK\x01\x02", 20, 20, flags, method, 0, 0x21, crc,
                                          len(packed), size, len(raw), 0, 0, 0, 0, 0,
                                          self.offset) + raw)
        self.parts += [local, raw, bytes(packed)]
        self.offset += len(local) + len(raw) + len(packed)

    def copy(self, name: str, info: zipfile.ZipInfo, packed: bytes | memoryview) -> None:
        """Add ``name`` with the packed bytes of ``info`` (already checked)."""
        self._add(name, info.compress_type, info.CRC, packed, info.file_size)

    def store(self, name: str, data: bytes) -> None:
        """Add ``name`` holding ``data``, stored."""
        self._add(name, zipfile.ZIP_STORED, zlib.crc32(data), data, len(data))

    def finish(self) -> bytes:
        """The whole archive."""
        directory = b"".join(self.central)
        end = _END.pack(b"PK\x05\x06", 0, 0, len(self.central), len(self.central),
                        len(directory), self.offset, 0)
        return b"".join(self.parts) + directory + end
