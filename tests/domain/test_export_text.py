"""User text in workbooks is always text: no formulas, no XML-forbidden characters, exact
round trips, warnings naming the cell, Excel-valid sheet names."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook
from python_calamine import CalamineWorkbook

from models.cli import main as cli
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.files.framework_file import default_framework
from models.files.portfolio_file import save_portfolio
from models.workbook.export import export_workbook
from models.workbook.sheets import writing
from models.workbook.xlsx_text import (
    MAX_CELL_CHARS,
    cell_text,
    clean_text,
    column_width,
    display_width,
    sheet_name,
    utf16_len,
)
from tests.helpers import t as en
from tests.helpers import tiny_framework

HOSTILE = ["=HYPERLINK(\"http://evil.example\",\"click\")", "=1+1", "+1", "-2", "@x",
           "@SUM(A1)", "\tx", "\rx", "=", "-", "+41 22 000 00 00"]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_like_text_is_quoted(value):
    ct = cell_text(value)
    assert ct.quote and ct.text == value and not ct.problems


@pytest.mark.parametrize("value", ["plain", "Level 4: ok", "a=b", "1+1", "星澜智能", " lead"])
def test_plain_text_is_untouched(value):
    ct = cell_text(value)
    assert (ct.text, ct.quote, ct.problems) == (value, False, ())


def test_forbidden_characters_are_replaced_and_reported():
    text, problems = clean_text("a\x00b\x07c\x1b\ufffe\ud800 ok\tkeep\nline")
    assert text == "a\ufffdb\ufffdc\ufffd\ufffd\ufffd ok\tkeep\nline"
    assert problems == ("replaced 5 characters that XML 1.0 cannot store "
                        "(U+0000, U+0007, U+001B, U+FFFE, U+D800) with U+FFFD",)


def _write_texts(path, texts: list[str]) -> list:  # type: ignore[no-untyped-def]
    """Write ``texts`` in row 1 from column B (a marker in A) and return the warnings."""
    warnings: list = []
    with writing(path) as book:
        sh = book.sheet("T", warnings)
        sh.text(1, 1, "#")  # so that calamine's range starts at A
        for i, t in enumerate(texts):
            sh.text(1, 2 + i, t)
    return warnings


def _read_row(path, width: int) -> list:  # type: ignore[no-untyped-def]
    back = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("T").to_python()
    return list(back[0][1:]) + [""] * (width + 1 - len(back[0]))


def test_carriage_return_and_literal_escapes_survive(tmp_path):
    value = "line\r\nnext _x0041_ end"
    ct = cell_text(value)
    assert (ct.text, ct.quote, ct.problems) == (value, False, ())
    _write_texts(tmp_path / "cr.xlsx", [value, "\r", "_x000D_"])
    assert _read_row(tmp_path / "cr.xlsx", 3) == [value, "\r", "_x000D_"]


@pytest.mark.parametrize("value", ["\n", " ", "\t", "  two  ", "\n\n", "\u3000", "x\n"])
def test_white_space_survives_as_it_is(tmp_path, value):
    _write_texts(tmp_path / "ws.xlsx", [value])
    assert _read_row(tmp_path / "ws.xlsx", 1) == [value]


def test_overlong_text_is_cut_with_a_warning(tmp_path):
    ct = cell_text("x" * (MAX_CELL_CHARS + 10))
    assert len(ct.text) == MAX_CELL_CHARS and ct.problems
    # Excel's limit counts UTF-16 units: a character beyond U+FFFF takes two
    ct = cell_text("\U0001F600" * 20_000)
    assert utf16_len(ct.text) == MAX_CELL_CHARS - 1 and len(ct.text) == 16_383
    assert "32,767 UTF-16 units" in ct.problems[0]
    ct = cell_text("\r" * MAX_CELL_CHARS)  # fits: the file's escape does not count
    assert ct.text == "\r" * MAX_CELL_CHARS and not ct.problems
    warnings = _write_texts(tmp_path / "long.xlsx", ["\U0001F600" * 20_000, "y" * 40_000])
    assert _read_row(tmp_path / "long.xlsx", 2) == ["\U0001F600" * 16_383, "y" * MAX_CELL_CHARS]
    assert [w.where for w in warnings] == ["T!B1", "T!C1"]


def test_display_width_counts_wide_characters_double():
    assert display_width("abc") == 3
    assert display_width("星澜") == 4
    assert display_width("AI 星澜") == 7
    assert display_width("short\nlonger line") == 11
    assert column_width(["星澜云启"], minimum=1) == 10
    assert column_width(["x" * 500]) == 60 and column_width([]) == 6


@pytest.mark.parametrize(("name", "want"), [
    ("Acme", "Acme"),
    ("a/b\\c[d]e:f*g?h", "a_b_c_d_e_f_g_h"),
    ("x" * 40, "x" * 31),
    ("'quoted'", "quoted"),
    ("History", "History_"),
    ("", "Sheet"),
    ("  tab\tand\nnewline  ", "tab and newline"),
    ("bell\x07", "bell"),
])
def test_sheet_name_rules(name, want):
    assert sheet_name(name) == want


def test_sheet_names_unique_ignoring_case_within_31_characters():
    taken: list[str] = []
    for name in ["Summary", "summary", "SUMMARY", "y" * 40, "Y" * 40]:
        taken.append(sheet_name(name, taken))
    assert taken == ["Summary", "summary (2)", "SUMMARY (3)", "y" * 31, "Y" * 27 + " (2)"]
    assert all(len(t) <= 31 for t in taken)
    wb = Workbook()
    for t in taken:
        wb.create_sheet(t)  # openpyxl refuses invalid names


def test_sheet_names_from_hostile_text_are_valid_in_excel(tmp_path):
    wb = Workbook()
    taken = [wb.active.title]
    names = [sheet_name(n, taken) for n in ["=cmd|'/C calc'!A0", "a:b", "[x]", "星澜" * 20]]
    for n in names:
        taken.append(n)
        wb.create_sheet(n)
    wb.save(tmp_path / "s.xlsx")
    assert load_workbook(tmp_path / "s.xlsx").sheetnames[1:] == names


def _hostile_portfolio() -> Portfolio:
    fw = default_framework()
    first, second = fw.criterion_ids[:2]
    return Portfolio(framework=fw, startups=[
        Startup(name="=HYPERLINK(\"http://evil.example\",\"x\")", sector="+1", stage="-2",
                notes="@x", tags=["\tx"], assessments=[
                    Assessment(assessor="\rx", date=dt.date(2024, 1, 2), scores={
                        first: Score(value=3, rationale="=1+1", evidence="@SUM(A1)"),
                        second: Score(value=4, rationale="bell\x07here",
                                      evidence="line\r\nbreak"),
                    })]),
        Startup(name="Null\x00name", assessments=[Assessment(date=dt.date(2024, 1, 3))]),
    ])


def test_export_keeps_hostile_text_as_text(tmp_path):
    path = tmp_path / "h.xlsx"
    result = export_workbook(_hostile_portfolio(), path)
    wb = load_workbook(path)
    cells = {
        ("Assessments", "A2"): "=HYPERLINK(\"http://evil.example\",\"x\")",
        ("Summary", "B6"): "=HYPERLINK(\"http://evil.example\",\"x\")",
        ("Levels", "B7"): "=HYPERLINK(\"http://evil.example\",\"x\")",
        ("Scores", "A2"): "=HYPERLINK(\"http://evil.example\",\"x\")",
        ("Scores", "M2"): "=1+1", ("Scores", "N2"): "@SUM(A1)",
        ("Startups", "C2"): "+1", ("Startups", "D2"): "-2", ("Startups", "H2"): "@x",
        ("Startups", "G2"): "\tx",
    }
    for (sheet, ref), want in cells.items():
        cell = wb[sheet][ref]
        assert cell.data_type == "s" and cell.value == want, (sheet, ref, cell.value)
        assert cell.quotePrefix, (sheet, ref)
    # openpyxl does not decode Excel's _x000D_ escape; Excel, LibreOffice and calamine do
    assert wb["Assessments"]["B2"].value == "_x000D_x" and wb["Assessments"]["B2"].quotePrefix
    book = CalamineWorkbook.from_path(str(path))
    assessments = book.get_sheet_by_name("Assessments").to_python()
    scores = book.get_sheet_by_name("Scores").to_python()
    summary = book.get_sheet_by_name("Summary").to_python()
    assert assessments[1][1] == "\rx"
    assert scores[2][13] == "line\r\nbreak"
    assert scores[2][12] == "bell\ufffdhere"
    assert assessments[2][0] == "Null\ufffdname"
    assert summary[6][1] == "Null\ufffdname"  # unscored: ranked last
    warned = {w.where: w.message for w in result.warnings}
    # every cell that holds a changed text is named once (other sheets may repeat the name)
    assert {"Assessments!A3", "Summary!B7", "Levels!B8", "Scores!A20:A37", "Startups!B3",
            "Scores!M3"} <= set(warned)
    assert all("U+FFFD" in m for m in warned.values())
    assert not any(w.startswith(("Assessments!A2", "Summary!B6", "Scores!A2:", "Scores!N"))
                   for w in warned)
    assert "U+0007" in warned["Scores!M3"] and "U+0000" in warned["Assessments!A3"]


def test_framework_texts_in_document_properties_stay_valid_xml(tmp_path):
    fw = tiny_framework(id="test\x01tiny", name=en("Tiny\x07"))
    port = Portfolio(framework=fw, startups=[Startup(name="S", assessments=[Assessment()])])
    export_workbook(port, tmp_path / "p.xlsx")
    wb = load_workbook(tmp_path / "p.xlsx")  # an XML error in any part would raise here
    props = {p.name: p.value for p in wb.custom_doc_props.props}
    assert props["Beachhead framework id"] == "test\ufffdtiny"
    assert wb.properties.title == "Beachhead export: Tiny\ufffd"


def test_cli_prints_warnings_and_succeeds(tmp_path, capsys):
    doc = tmp_path / "h.beachhead"
    port = _hostile_portfolio()
    port.startups[1].name = "Bell\x07"  # JSON can carry it; NUL is fine too but keep it short
    save_portfolio(port, doc)
    out = tmp_path / "h.xlsx"
    assert cli.main(["export", str(doc), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"{out}: warning: Summary!B7: replaced 1 character that XML 1.0 cannot store " \
           "(U+0007) with U+FFFD" in err
    assert f"{out}: warning: Assessments!A3: replaced 1 character" in err
    assert "Scores!M3" in err


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(st.characters(exclude_categories=()), max_size=12), min_size=1,
                max_size=6))
@example(["\n"])
@example([" ", "\t", "\r", "\r\n", "_x0041_", "\x00", "=1", ""])
def test_any_text_round_trips_exactly_or_with_replacements(tmp_path_factory, texts):
    path = tmp_path_factory.mktemp("rt") / "t.xlsx"
    warnings = _write_texts(path, texts)
    row = _read_row(path, len(texts))
    typed = load_workbook(path)["T"]
    for i, t in enumerate(texts):
        want, problems = clean_text(t)
        assert row[i] == want
        cell = typed.cell(1, i + 2)
        if t:
            assert cell.data_type == "s"  # never a formula
        assert bool(problems) == any(w.where == f"T!{chr(66 + i)}1" for w in warnings)
