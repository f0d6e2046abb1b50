"""The checks the guard makes before unpacking anything: what kind of file this is, and whether
its zip directory promises a bomb (see :mod:`models.workbook.guard.inspect`)."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

from models.workbook.guard.texts import refuse, say
from models.workbook.guard.unpack import MIB

if TYPE_CHECKING:
    from models.workbook.guard.inspect import Limits

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


# -- before unpacking --------------------------------------------------------------------------

def check_signature(data: bytes, source: str) -> None:
    """Refuse what is not a zip archive, saying what it is."""
    head = data[:8]
    if not data:
        raise refuse(source, "", "empty")
    if head == OLE_SIGNATURE:
        if "EncryptedPackage".encode("utf-16-le") in data or b"EncryptionInfo" in data:
            raise refuse(source, "", "encrypted")
        if "WordDocument".encode("utf-16-le") in data:
            raise refuse(source, "", "word97")
        raise refuse(source, "", "xls")
    if head[:4] in ZIP_SIGNATURES:
        return
    what = _sniff(data[:512])
    raise refuse(source, "", "not_excel", what=say(what))


def _sniff(head: bytes) -> str:
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith(b"%pdf"):
        return "is_pdf"
    if low.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")):
        return "is_html"
    if low.startswith(b"<?xml") or low.startswith(b"<"):
        return "is_xml"
    if head.startswith((b"\x1f\x8b", b"7z\xbc\xaf", b"Rar!")):
        return "is_archive"
    if head.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "is_image"
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError:
        return "is_unknown"
    if "," in text or ";" in text or "\t" in text:
        return "is_csv"
    return "is_text"


def check_directory(infos: list[zipfile.ZipInfo], file_size: int, source: str,
                    limits: Limits) -> None:
    """Refuse zip bombs and tampered archives from the central directory alone."""
    if len(infos) > limits.members:
        raise refuse(source, "", "members", n=len(infos), limit=limits.members)
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        if name in seen:
            raise refuse(source, name, "twice")
        seen.add(name)
        if info.flag_bits & 0x1:
            raise refuse(source, name, "part_encrypted")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise refuse(source, name, "method", method=info.compress_type)
        if (info.compress_type == zipfile.ZIP_STORED
                and info.file_size != info.compress_size):
            raise refuse(source, name, "stored_sizes")
        total += info.file_size
        if info.file_size > limits.ratio_floor and info.file_size > limits.ratio * max(
                1, info.compress_size):
            ratio = info.file_size / max(1, info.compress_size)
            raise refuse(source, name, "bomb_part", ratio=ratio, size=info.file_size,
                         packed=info.compress_size, limit=limits.ratio)
    if total > limits.unpacked_bytes:
        raise refuse(source, "", "bomb_total", mb=total / MIB,
                     limit=limits.unpacked_bytes / MIB)
    if total > limits.ratio_floor and total > limits.ratio * max(1, file_size):
        ratio = total / max(1, file_size)
        raise refuse(source, "", "bomb_ratio", ratio=ratio, limit=limits.ratio)


def check_package_kind(names: set[str], source: str) -> None:
    """Refuse zip archives of other kinds (OpenDocument, Word, PowerPoint, plain zips)."""
    if "mimetype" in names and "content.xml" in names:
        raise refuse(source, "", "ods")
    if "word/document.xml" in names:
        raise refuse(source, "", "docx")
    if "ppt/presentation.xml" in names:
        raise refuse(source, "", "pptx")
    if "[Content_Types].xml" not in names:
        raise refuse(source, "", "no_part", part="[Content_Types].xml")
