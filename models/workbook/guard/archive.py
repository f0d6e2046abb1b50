"""The checks the guard makes before unpacking anything: what kind of file this is, and whether
its zip directory promises a bomb (see :mod:`models.workbook.guard.inspect`)."""

from __future__ import annotations

import zipfile
from typing import TYPE_CHECKING

from models.workbook.guard.unpack import MIB, refuse

if TYPE_CHECKING:
    from models.workbook.guard.inspect import Limits

OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")


# -- before unpacking --------------------------------------------------------------------------

def check_signature(data: bytes, source: str) -> None:
    """Refuse what is not a zip archive, saying what it is."""
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


def check_directory(infos: list[zipfile.ZipInfo], file_size: int, source: str,
                    limits: Limits) -> None:
    """Refuse zip bombs and tampered archives from the central directory alone."""
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


def check_package_kind(names: set[str], source: str) -> None:
    """Refuse zip archives of other kinds (OpenDocument, Word, PowerPoint, plain zips)."""
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
