"""The hostile-file guard, rule by rule, with tight limits so every file stays tiny."""

from __future__ import annotations

import struct
import zipfile
from io import BytesIO

import pytest

from models.core.errors import InputError
from models.workbook.guard.inspect import DEFAULT_LIMITS, Limits, inspect_bytes
from models.workbook.layout import column_letter

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
    # followed as calamine places them: the second cell of the first row
    assert scan.formulas == {(0, 1)} and scan.unplaced_formulas == 0


def test_a_reference_hidden_behind_a_gt_in_another_attribute_still_counts():
    body = '<row r="1"><c foo="a>b" r="XFD1048576"><v>1</v></c></row>'
    # the tag is followed as calamine reads it: the '>' inside the quotes does not end it
    assert "cells reach XFD1048576 (1,048,576 rows" in refused(book(sheet(body)))


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
    assert [column_letter(n) for n in (1, 26, 27, 16384)] == ["A", "Z", "AA", "XFD"]


# -- references however written, parts found the way the reader finds them ----------------------

def area(data: bytes, name: str = "Data") -> tuple[int, int]:
    scan = inspect_bytes(data, "f.xlsx").sheets[name]
    return scan.rows, scan.columns


@pytest.mark.parametrize("tag", [
    '<row r = "7"><c r = "D7"><v>1</v></c></row>',
    "<row r='7'><c r='D7'><v>1</v></c></row>",
    '<row\n r\t=\n"7"><c\tr="D7"><v>1</v></c></row>',
    '<row r="7"><c s="1" r="D7"><v>1</v></c></row>',
])
def test_references_with_spaces_or_single_quotes_count(tag):
    assert area(book(sheet(tag))) == (7, 4)


def test_cells_and_rows_without_references_are_placed_as_the_reader_places_them():
    body = ('<row r="3"><c><v>1</v></c><c><v>1</v></c></row><row><c r="B4"><v>1</v></c>'
            "<c><v>1</v></c><c/></row><row/><row><c><v>1</v></c></row>")
    # row 3: A3, B3; row 4: B4, C4, D4; an empty row 5; row 6: A6
    assert area(book(sheet(body))) == (6, 4)


def test_a_comment_cannot_hide_cells_from_the_scan():
    body = '<row><!-- <c r="A1"> --><c><v>1</v></c></row>'
    assert "does not open a plain tag" in refused(book(sheet(body)))


def test_formula_and_error_cells_under_any_prefix():
    body = ('<row r="1"><c r="A1"><x:f>1+1</x:f><v>2</v></c><c r="B1" t="e"><v>#N/A</v></c>'
            '<c r="C1" t = \'e\'><v>#REF!</v></c></row>')
    xml = sheet(body).replace(b'xmlns="main"', b'xmlns="main" xmlns:x="main"')
    scan = inspect_bytes(book(xml), "f.xlsx").sheets["Data"]
    assert scan.formulas == {(0, 0)}
    assert scan.errors == {(0, 1): "#N/A", (0, 2): "#REF!"}


def members(extra: dict[str, bytes | None]) -> bytes:
    """A workbook whose members are :func:`book`'s, changed by ``extra`` (``None`` drops)."""
    base = {"[Content_Types].xml": CT, "_rels/.rels": RELS, "xl/workbook.xml": WB,
            "xl/_rels/workbook.xml.rels": WB_RELS,
            "xl/worksheets/data.xml": sheet('<row r="1"><c r="A1"><v>1</v></c></row>')}
    base.update(extra)
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in base.items():
            if data is not None:
                z.writestr(name, data)
    return buf.getvalue()


FAR = sheet('<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')


def test_a_sheet_part_of_any_name_is_scanned():
    data = members({"xl/worksheets/data.xml": None, "xl/worksheets/data.bin": FAR,
                    "xl/_rels/workbook.xml.rels": WB_RELS.replace(b"data.xml", b"data.bin")})
    assert "reach XFD1048576" in refused(data)


def test_the_workbook_part_is_found_as_the_reader_finds_it():
    # _rels/.rels names a decoy; the reader takes only its folder and reads xl/workbook.xml
    decoy_rels = WB_RELS.replace(b"data.xml", b"decoy.xml")
    data = members({"_rels/.rels": RELS.replace(b"xl/workbook.xml", b"xl/decoy.xml"),
                    "xl/decoy.xml": WB, "xl/_rels/decoy.xml.rels": decoy_rels,
                    "xl/worksheets/decoy.xml": sheet(""), "xl/worksheets/data.xml": FAR})
    assert "reach XFD1048576" in refused(data)
    # the last officeDocument relationship wins, and names are found ignoring case
    two = RELS.replace(b"</Relationships>", RELS[RELS.index(b"<Relationship "):].replace(
        b"rId1", b"rId2").replace(b"xl/workbook.xml", b"other/workbook.xml"))
    data = members({"_rels/.rels": two, "OTHER/Workbook.XML": WB, "Other/Far.xml": FAR,
                    "other/_rels/workbook.xml.rels": WB_RELS.replace(
                        b"/xl/worksheets/data.xml", b"far.xml")})
    assert "reach XFD1048576" in refused(data)


def test_the_reader_gets_only_the_checked_parts():
    data = members({"xl/media/x.bin": b"\x00" * 100, "content.xml": b"<x/>",
                    "xl/worksheets/other.xml": FAR})
    scan = inspect_bytes(data, "f.xlsx", sheets=lambda names: names)
    with zipfile.ZipFile(BytesIO(scan.data)) as z:
        assert sorted(z.namelist()) == ["_rels/.rels", "xl/_rels/workbook.xml.rels",
                                        "xl/workbook.xml", "xl/worksheets/sheet1.xml"]
        assert z.read("xl/worksheets/sheet1.xml") == sheet(
            '<row r="1"><c r="A1"><v>1</v></c></row>')
        assert z.testzip() is None
    from python_calamine import CalamineWorkbook

    book_ = CalamineWorkbook.from_filelike(BytesIO(scan.data))
    assert book_.sheet_names == ["Data"]
    assert book_.get_sheet_by_name("Data").to_python() == [[1.0]]
    # a sheet not chosen is not in the reader's archive at all
    unread = inspect_bytes(data, "f.xlsx", sheets=lambda names: [])
    assert "xl/worksheets/sheet1.xml" not in zipfile.ZipFile(BytesIO(unread.data)).namelist()


def test_structure_the_reader_cannot_follow_is_refused():
    no_rel = WB_RELS.replace(b'Id="rId1"', b'Id="rId9"')
    assert "names relationship 'rId1'" in refused(members({"xl/_rels/workbook.xml.rels": no_rel}))
    styles = WB_RELS.replace(b"/worksheet", b"/styles")
    assert "not a worksheet" in refused(members({"xl/_rels/workbook.xml.rels": styles}))
    missing = members({"xl/worksheets/data.xml": None})
    assert refused(missing).startswith("Data: the sheet's part (xl/worksheets/data.xml) is")
    twice = WB.replace(b"</sheets>", b'<sheet name="DATA" sheetId="2" r:id="rId1"/></sheets>')
    assert "two sheets are named 'Data' and 'DATA'" in refused(members({"xl/workbook.xml": twice}))
    assert "no _rels/.rels" in refused(members({"_rels/.rels": None}))


def test_shared_strings_and_merged_ranges_are_bounded():
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="main" uniqueCount = "500">'
           + b"<si><t>x</t></si>" * 3 + b"</sst>")
    assert "hold 3 strings and claim 500" in refused(members({"xl/sharedStrings.xml": sst}),
                                                      Limits(strings=100))
    assert inspect_bytes(members({"xl/sharedStrings.xml": sst}), "f.xlsx").strings == 3
    merges = sheet("").replace(b"</sheetData>", b"</sheetData><mergeCells>"
                               + b'<mergeCell ref="A1:B2"/>' * 5 + b"</mergeCells>")
    assert "5 merged ranges" in refused(book(merges), Limits(merged_ranges=4))


@pytest.mark.parametrize("cell", [
    '<c r="A1" s="1" r="XFD1048576"><v>1</v></c>',  # the reader keeps the last r
    '<c r="A1"\tr="XFD1048576"><v>1</v></c>',
    '<c r="A1" x=">" r="XFD1048576"><v>1</v></c>',
    "<c r=\"A1\" r='XFD1048576'><v>1</v></c>",
])
def test_a_second_reference_in_a_cell_counts(cell):
    assert "reach XFD1048576" in refused(book(sheet(f'<row r="1048576">{cell}</row>')))


def test_sheets_as_spreadsheet_programs_write_them_are_read_from_their_references():
    excel = ('<row r="2" spans="1:3" x14ac:dyDescent="0.25"><c r="B2" s="1" t="s"><v>0</v>'
             '</c><c r="C2" s="2" /><c r="D2"><f>B2+1</f><v>1</v></c></row>')
    scan = inspect_bytes(book(sheet(excel)), "f.xlsx").sheets["Data"]
    assert (scan.rows, scan.columns, scan.cells) == (2, 4, 3) and scan.formulas == {(1, 3)}
