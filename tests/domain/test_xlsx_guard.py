"""The hostile-file guard, rule by rule, with tight limits so every file stays tiny."""

from __future__ import annotations

import struct
import zipfile
from io import BytesIO

import pytest

from models.errors import InputError
from models.xlsx_guard import DEFAULT_LIMITS, Limits, column_name, inspect_bytes

CT = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
      b'package/2006/content-types"/>')
RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
        b'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        b"</Relationships>")
WB = (b'<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
      b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
      b'relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = (b'<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
           b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
           b'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
           b'Target="/xl/worksheets/data.xml"/></Relationships>')


def sheet(body: str, prefix: str = "") -> bytes:
    p = f"{prefix}:" if prefix else ""
    ns = f' xmlns:{prefix}="main"' if prefix else ' xmlns="main"'
    return (f'<?xml version="1.0" encoding="UTF-8"?><{p}worksheet{ns}><{p}sheetData>{body}'
            f"</{p}sheetData></{p}worksheet>").encode()


def book(sheet_xml: bytes, extra: dict[str, bytes] | None = None,
         method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", method) as z:
        z.writestr("[Content_Types].xml", CT)
        z.writestr("_rels/.rels", RELS)
        z.writestr("xl/workbook.xml", WB)
        z.writestr("xl/_rels/workbook.xml.rels", WB_RELS)
        z.writestr("xl/worksheets/data.xml", sheet_xml)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def refused(data: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    with pytest.raises(InputError) as err:
        inspect_bytes(data, "f.xlsx", limits)
    (problem,) = err.value.problems
    assert problem.source == "f.xlsx"
    return f"{problem.location}: {problem.message}"


def test_a_plain_sheet_gives_its_area_and_formula_cells():
    body = ('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><f>1+1</f><v>2</v></c></row>'
            '<row r="3"><c r="C3" s="1" t="n">\n<f t="shared" si="0"/></c></row>')
    scan = inspect_bytes(book(sheet(body)), "f.xlsx").sheets["Data"]
    assert (scan.rows, scan.columns, scan.cells) == (3, 3, 3)
    assert scan.formulas == {(0, 1), (2, 2)} and scan.unplaced_formulas == 0


def test_prefixed_xml_and_cells_without_references():
    body = '<x:row><x:c t="n"><x:v>1</x:v></x:c><x:c><x:f>A1</x:f></x:c></x:row>'
    scan = inspect_bytes(book(sheet(body, "x")), "f.xlsx").sheets["Data"]
    assert (scan.rows, scan.columns, scan.cells) == (1, 2, 2)
    assert scan.unplaced_formulas == 1


def test_a_reference_hidden_behind_a_gt_in_another_attribute_still_counts():
    body = '<row r="1"><c foo="a>b" r="XFD1048576"><v>1</v></c></row>'
    # a cell whose reference is not its first attribute also counts as one without a
    # reference (one column more): the bound stays on the safe side
    assert "cells reach XFE1048576 (1,048,576 rows" in refused(book(sheet(body)))


def test_the_dimension_claim_is_ignored():
    data = book(sheet('<row r="1"><c r="A1"><v>1</v></c></row>').replace(
        b"<sheetData>", b'<dimension ref="A1:XFD1048576"/><sheetData>'))
    assert inspect_bytes(data, "f.xlsx").sheets["Data"].area == 1


def test_sheet_limits():
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c><c r="D{r}"><v>1</v></c></row>'
                   for r in range(1, 101))
    small = Limits(sheet_cells=300)
    assert "100 rows × 4 columns = 400 cells" in refused(book(sheet(rows)), small)
    sparse = Limits(sparse_area=100, sparse_factor=1)
    assert "only 200 are written" in refused(book(sheet(rows)), sparse)


def test_archive_limits():
    assert "300 parts" in refused(book(sheet(""), {f"x/{i}.bin": b"" for i in range(295)}),
                                  Limits(members=100))
    big = book(sheet(""), {"xl/media/a.bin": b"\x00" * 4000})
    assert "would unpack to" in refused(big, Limits(unpacked_bytes=3000))
    message = refused(big, Limits(ratio=50, ratio_floor=3000))
    assert message.startswith("xl/media/a.bin: a zip bomb: this part unpacks")
    assert "refused before unpacking (limit 50×)" in message
    many = book(sheet(""), {f"xl/media/{i}.bin": b"\x00" * 2000 for i in range(3)})
    assert "the archive unpacks" in refused(many, Limits(ratio=2, ratio_floor=3000))
    stored = book(sheet(""), method=zipfile.ZIP_STORED)
    assert inspect_bytes(stored, "f.xlsx").sheets["Data"].cells == 0


def test_damaged_and_tampered_archives():
    data = bytearray(book(sheet('<row r="1"><c r="A1"><v>1</v></c></row>')))
    # flip a byte inside the sheet's packed data: the checksum no longer matches
    pos = data.find(b"xl/worksheets/data.xml") + len("xl/worksheets/data.xml") + 4
    data[pos] ^= 0xFF
    message = refused(bytes(data))
    assert message.startswith("xl/worksheets/data.xml: ") and "damaged" in message
    dup = BytesIO()
    with zipfile.ZipFile(dup, "w") as z, pytest.warns(UserWarning):
        z.writestr("[Content_Types].xml", CT)
        z.writestr("[Content_Types].xml", CT)
    assert "two parts with this name" in refused(dup.getvalue())
    bz = book(sheet(""), method=zipfile.ZIP_BZIP2)
    assert "compression method 12" in refused(bz)


def test_encrypted_zip_member_flag():
    data = bytearray(book(sheet("")))
    central = data.find(b"PK\x01\x02")
    flags = struct.unpack_from("<H", data, central + 8)[0]
    struct.pack_into("<H", data, central + 8, flags | 1)
    assert "encrypted" in refused(bytes(data))


def test_xml_encodings():
    latin = sheet("").replace(b'encoding="UTF-8"', b'encoding="ISO-8859-1"')
    assert "XML declared as ISO-8859-1; expected UTF-8" in refused(book(latin))
    assert inspect_bytes(book(b"\xef\xbb\xbf" + sheet("")), "f.xlsx").sheets


def test_only_the_chosen_sheets_are_scanned():
    scan = inspect_bytes(book(sheet("")), "f.xlsx", sheets=lambda names: [])
    assert scan.sheets == {} and scan.names == ["Data"]


def test_column_names():
    assert [column_name(n) for n in (1, 26, 27, 16384)] == ["A", "Z", "AA", "XFD"]
