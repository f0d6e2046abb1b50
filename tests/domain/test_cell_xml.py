"""Cells made as XML by Beachhead (models.workbook.cell_xml) are the cells XlsxWriter writes:
the same bytes for texts, numbers, formulas with cached values, dates and styled blanks; rows
written whole, cell by cell and by XlsxWriter itself (a merged range) mix in one sheet."""

from __future__ import annotations

import datetime as dt
import re
import zipfile

import pytest
import xlsxwriter
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from models.workbook.cell_xml import blank_tail, formula_tail, number_tail, string_tail, xml_escape
from models.workbook.sheets import DATE, OPTIONS, SCORE, writing
from models.workbook.xlsx_text import cell_text, clean_text, ooxml_escape

#: How XlsxWriter escapes a literal ``_xHHHH_`` (wrongly when two overlap, see below).
_XLSXWRITER_ESCAPE = re.compile("(_x[0-9a-fA-F]{4}_)")
#: The styles of the cells compared, given their format in this order on both sides.
_QUOTED = {"quote_prefix": True}


def _sheet_xml(path) -> bytes:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(path) as z:
        return z.read("xl/worksheets/sheet1.xml")


def _texts():  # type: ignore[no-untyped-def]
    """Clean texts of every kind but the two XlsxWriter writes wrongly (see below)."""
    alphabet = st.sampled_from([*"ab _x0D9F=+-@\t\r\n&<>\"'{}%;星", "\u3000", "\U0001F600"])
    return (st.text(alphabet, min_size=1, max_size=12)
            .map(lambda t: clean_text(t)[0])
            .filter(lambda t: not (t.startswith("<r>") and t.endswith("</r>"))
                    and _XLSXWRITER_ESCAPE.sub(r"_x005F\1", t) == ooxml_escape(t)))


_CELLS = st.lists(st.one_of(
    st.tuples(st.just("text"), _texts()),
    st.tuples(st.just("number"), st.one_of(
        st.integers(-10**9, 10**9), st.floats(allow_nan=False, allow_infinity=False))),
    st.tuples(st.just("formula"), st.one_of(
        st.just(""), st.just("#N/A"), _texts(), st.booleans(),
        st.floats(allow_nan=False, allow_infinity=False))),
    st.tuples(st.just("date"), st.dates(dt.date(1900, 3, 1), dt.date(2200, 1, 1))),
    st.tuples(st.just("blank"), st.none()),
), min_size=1, max_size=8)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(rows=st.lists(_CELLS, min_size=1, max_size=4), whole=st.booleans())
def test_cells_are_the_bytes_xlsxwriter_writes(tmp_path, rows, whole):
    ours, theirs = tmp_path / "ours.xlsx", tmp_path / "theirs.xlsx"
    warnings: list = []
    with writing(ours) as book:
        sh = book.sheet("S", warnings)
        for style in (SCORE, DATE, _QUOTED):
            book.attribute(style)
        for r, row in enumerate(rows, 1):
            if whole and r % 2:
                sh.row(r, [_tail(book, kind, value) for kind, value in row])
            else:
                for c, (kind, value) in enumerate(row, 1):
                    _write_ours(sh, r, c, kind, value)
    wb = xlsxwriter.Workbook(str(theirs), OPTIONS)
    ws = wb.add_worksheet("S")
    score, date, quoted = (wb.add_format(dict(s)) for s in (SCORE, DATE, _QUOTED))
    for fmt in (score, date, quoted):
        fmt._get_xf_index()
    for r, row in enumerate(rows):
        for c, (kind, value) in enumerate(row):
            if kind == "text":
                ct = cell_text(value)
                ws.write_string(r, c, ct.text, quoted if ct.quote else None)
            elif kind == "number":
                ws.write_number(r, c, value, score)
            elif kind == "formula":
                cached = ooxml_escape(value) if isinstance(value, str) else value
                ws.write_formula(r, c, "=A1&\"<x>\"", None, cached)
            elif kind == "date":
                ws.write_datetime(r, c, value, date)
            else:
                ws.write_blank(r, c, None, score)
    wb.close()
    assert _sheet_xml(ours) == _sheet_xml(theirs)


def _write_ours(sh, r, c, kind, value):  # type: ignore[no-untyped-def]
    if kind == "text":
        sh.text(r, c, value)
    elif kind == "number":
        sh.number(r, c, value, SCORE)
    elif kind == "formula":
        sh.put(r, c, _tail(sh.book, kind, value))
    elif kind == "date":
        sh.date(r, c, value, DATE)
    else:
        sh.blank(r, c, SCORE)


def _tail(book, kind, value):  # type: ignore[no-untyped-def]
    """The same cell as ``_write_ours`` writes, prepared for :meth:`Sheet.row`."""
    if kind == "text":
        ct = cell_text(value)
        return string_tail(ct.text, book.attribute(_QUOTED if ct.quote else None))
    if kind == "number":
        return number_tail(value, book.attribute(SCORE))
    if kind == "formula":
        cached = ooxml_escape(value) if isinstance(value, str) else value
        return formula_tail(xml_escape('A1&"<x>"'), cached)
    if kind == "date":
        return number_tail((value - dt.date(1899, 12, 30)).days, book.attribute(DATE))
    return blank_tail(book.attribute(SCORE))


def test_whole_rows_cells_and_xlsxwriter_cells_mix_in_one_sheet(tmp_path):
    path = tmp_path / "mix.xlsx"
    warnings: list = []
    with writing(path) as book:
        sh = book.sheet("S", warnings)
        sh.header(1, ["A", "B", "C"])
        sh.ws.merge_range(1, 0, 1, 2, "", book.fmt({"text_wrap": True}))
        sh.text(2, 1, "merged line")
        sh.height(3, 40)
        sh.row(3, [string_tail("whole"), None, formula_tail(xml_escape("A3&B3"), "whole")])
        sh.row(4, [string_tail("next")], first=2)
        sh.ws.write_number(4, 2, 7)  # XlsxWriter's own cell after a whole row
        sh.number(5, 1, 1.5)
        with pytest.raises(ValueError, match=r"S: row 4 comes after row 5"):
            sh.text(4, 1, "too late")
    ws = load_workbook(path)["S"]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=5)] == [
        ["A", "B", "C"], ["merged line", None, None], ["whole", None, "=A3&B3"],
        [None, "next", None], [1.5, None, 7]]
    assert [str(m) for m in ws.merged_cells.ranges] == ["A2:C2"]
    assert ws.row_dimensions[3].height == pytest.approx(40, abs=0.5)
    assert b'<dimension ref="A1:C5"/>' in _sheet_xml(path)
    cached = load_workbook(path, data_only=True)["S"]
    assert cached["C3"].value == "whole"


def test_rich_text_lookalike_and_overlapping_escapes_stay_text(tmp_path):
    # XlsxWriter writes a text "<r>…</r>" as raw XML (a broken or different cell) and escapes
    # "_x0041_x0042_" so that it reads back as "_x0041B"; Beachhead's cells keep both
    texts = ["<r>&</r>", "<r><t>x</t></r>", "_x0041_x0042_", " <r> "]
    path = tmp_path / "t.xlsx"
    with writing(path) as book:
        sh = book.sheet("T", [])
        for c, t in enumerate(texts, 1):
            sh.text(1, c, t)
    back = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("T").to_python()
    assert back[0] == texts


def test_an_infinite_number_is_refused_naming_the_cell(tmp_path):
    with pytest.raises(TypeError, match=r"N: an infinite number cannot be written"), \
            writing(tmp_path / "n.xlsx") as book:
        book.sheet("N", []).number(3, 2, float("inf"))
    assert not (tmp_path / "n.xlsx").exists()
