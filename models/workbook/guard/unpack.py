"""Unpacking one archive member, once and streaming, with its size and checksum verified and
its XML checked for what no parser here may see; parsing the small structure parts with
defusedxml."""

from __future__ import annotations

import functools
import re
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from models.workbook.guard.texts import refuse

if TYPE_CHECKING:
    from xml.etree.ElementTree import Element

#: Unpacked bytes handed to the scanners at a time.
SLICE = 1 << 20
MIB = 1 << 20


Sink = Callable[[bytes], None]


_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_DTD_MARKS = (b"<!DOCTYPE", b"<!ENTITY")
_ENCODING = re.compile(rb"^<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_UTF8_NAMES = {b"utf-8", b"utf8", b"us-ascii", b"ascii"}


class XmlChecker:
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
                raise refuse(self.source, self.name, "utf16")
            m = _ENCODING.match(head.removeprefix(b"\xef\xbb\xbf").lstrip())
            if m and m[1].lower() not in _UTF8_NAMES:
                raise refuse(self.source, self.name, "encoding", encoding=m[1].decode())
        # "<!" opens only comments, CDATA and declarations: look closer only where it occurs
        if self.tail and b"<!" in self.tail + chunk[:16]:
            self._check(self.tail + chunk[:16])
        if b"<!" in chunk:
            self._check(chunk)
        self.tail = chunk[-16:]

    def _check(self, text: bytes) -> None:
        for mark in _DTD_MARKS:
            if mark in text:
                raise refuse(self.source, self.name, "dtd")


def verify_member(data: bytes, info: zipfile.ZipInfo, source: str,
                  sinks: Iterable[Sink] = (), keep: bool = False) -> tuple[bytes, memoryview]:
    """Unpack one member in slices, checking its size and checksum against what the archive
    declares and its XML against :class:`XmlChecker`; every slice also goes to ``sinks``.

    Returns:
        ``(unpacked bytes when keep else b"", the member's packed bytes)``.

    Raises:
        InputError: the member is damaged, lies about its size, or its XML is refused.
    """
    name = info.filename
    off = info.header_offset
    header = data[off:off + _LOCAL_HEADER.size]
    if len(header) < _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
        raise refuse(source, name, "no_header")
    *_, name_len, extra_len = _LOCAL_HEADER.unpack(header)
    start = off + _LOCAL_HEADER.size + name_len + extra_len
    raw = memoryview(data)[start:start + info.compress_size]
    if len(raw) != info.compress_size:
        raise refuse(source, name, "cut_short")
    feeds = [XmlChecker(source, name).feed, *sinks]
    kept: list[bytes] = []
    total = crc = 0

    def sink(piece: bytes) -> None:
        nonlocal total, crc
        if not piece:
            return
        total += len(piece)
        if total > info.file_size:
            raise refuse(source, name, "unpacks_more", size=info.file_size)
        crc = zlib.crc32(piece, crc)
        for feed in feeds:
            feed(piece)
        if keep:
            kept.append(piece)

    _unpack(raw, info.compress_type, sink, source, name)
    if total != info.file_size or crc != info.CRC:
        raise refuse(source, name, "checksum")
    return b"".join(kept), raw


def _unpack(raw: memoryview, method: int, sink: Sink, source: str, name: str) -> None:
    if method == zipfile.ZIP_STORED:
        for i in range(0, len(raw), SLICE):
            sink(bytes(raw[i:i + SLICE]))
        return
    d = zlib.decompressobj(-15)
    try:
        for i in range(0, len(raw), SLICE):
            sink(d.decompress(raw[i:i + SLICE], SLICE))
            while d.unconsumed_tail and not d.eof:
                sink(d.decompress(d.unconsumed_tail, SLICE))
        sink(d.flush())
    except zlib.error as exc:
        raise refuse(source, name, "cannot_unpack", error=exc) from None
    if not d.eof:
        raise refuse(source, name, "part_cut_short")


def structure_bytes(data: bytes, info: zipfile.ZipInfo, source: str, limit: int
                    ) -> tuple[bytes, memoryview]:
    """A small structure part (relationships, the workbook part), unpacked and checked."""
    if info.file_size > limit:
        raise refuse(source, info.filename, "structure_big", mb=info.file_size / MIB,
                     limit=limit / MIB)
    return verify_member(data, info, source, keep=True)


# -- the structure (parsed with defusedxml) ----------------------------------------------------

class BadXml(Exception):
    """A structure part that does not parse (the caller names the file and part)."""


def parse_xml(raw: bytes) -> Element:
    import defusedxml
    import defusedxml.ElementTree as safe_et

    try:
        root: Element = safe_et.fromstring(raw)
        return root
    except defusedxml.DefusedXmlException:  # pragma: no cover - DTDs are refused earlier
        raise BadXml("the XML declares entities") from None
    except Exception as exc:  # ElementTree.ParseError and friends
        raise BadXml(f"bad XML: {exc}") from None


def local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


# Founders' files share their structure parts byte for byte: parse each distinct one once.
@functools.lru_cache(maxsize=64)
def relationships(raw: bytes) -> tuple[tuple[tuple[str, str], ...], ...]:
    root = parse_xml(raw)
    return tuple(tuple(el.attrib.items()) for el in root.iter()
                 if local_name(el.tag) == "Relationship")


@functools.lru_cache(maxsize=64)
def sheet_ids(workbook_xml: bytes) -> tuple[tuple[str, str], ...]:
    """(sheet name, relationship id) of every sheet in the workbook part."""
    out = []
    for el in parse_xml(workbook_xml).iter():
        if local_name(el.tag) == "sheet":
            # calamine keeps the last attribute whose local name is "id" (r:id, id…)
            ids = [v for k, v in el.attrib.items() if local_name(k) == "id"]
            rid = ids[-1] if ids else ""
            out.append((el.attrib.get("name", ""), rid))
    return tuple(out)


