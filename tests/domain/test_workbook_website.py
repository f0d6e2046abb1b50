"""Websites in workbooks: the export's Startups sheet carries each startup's, the founder
template asks for it (in English and in Chinese) and the import reads both back, kept whole;
workbooks from before the Website column import with none; a cell that is not a web address is
refused naming its cell; an import fills a website a startup lacks and never overwrites one."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from models.core.portfolio import Portfolio, Startup
from models.files.framework_file import default_framework
from models.workbook.export import export_workbook
from models.workbook.importing.batch import import_workbooks, merge_into
from models.workbook.importing.reader import read_workbook
from models.workbook.template import FIELDS_ROW
from tests.workbook_corpus import fill_template, small_portfolio

FW = default_framework()
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_the_export_carries_each_startups_website_and_imports_it_back(tmp_path):
    port = small_portfolio()
    port.startups[0].website = "xinglan.cn/zh"
    export_workbook(port, tmp_path / "e.xlsx")
    ws = load_workbook(tmp_path / "e.xlsx")["Startups"]
    head = [c.value for c in ws[1]]
    assert head == ["Startup ID", "Startup", "Sector", "Stage", "Region", "Website", "Tags",
                    "Notes"]
    assert [ws.cell(r, 6).value for r in range(2, ws.max_row + 1)] == \
        ["https://xinglan.cn/zh", *([None] * (len(port.startups) - 1))]
    assert ws.auto_filter.ref == f"A1:H{len(port.startups) + 1}"
    got = read_workbook(tmp_path / "e.xlsx", FW)
    assert got.problems == []
    assert [s.website for s in got.startups] == [s.website for s in port.startups]


def test_an_export_without_the_website_column_imports(tmp_path):
    export_workbook(small_portfolio(), tmp_path / "e.xlsx")
    wb = load_workbook(tmp_path / "e.xlsx")
    wb["Startups"].delete_cols(6)  # as written before the column came
    wb.save(tmp_path / "old.xlsx")
    got = read_workbook(tmp_path / "old.xlsx", FW)
    assert got.problems == [] and got.notes == []
    assert [s.name for s in got.startups] == [s.name for s in small_portfolio().startups]
    assert {s.website for s in got.startups} == {""}


def test_a_bad_website_cell_is_refused_naming_it(tmp_path):
    export_workbook(small_portfolio(), tmp_path / "e.xlsx")
    wb = load_workbook(tmp_path / "e.xlsx")
    wb["Startups"]["F2"] = "ask the founder"
    wb.save(tmp_path / "bad.xlsx")
    got = read_workbook(tmp_path / "bad.xlsx", FW)
    assert [(p.location, p.message) for p in got.problems] == [
        ("Startups!F2", "the website 'ask the founder' is not a web address (it has spaces); "
                        "expected a web address such as acme.ai or https://acme.ai")]
    assert got.startups == []


def _template(tmp_path: Path, lang: str, website: object) -> Path:
    path = tmp_path / f"t-{lang}.xlsx"
    fill_template(path, fields={"Startup": "星澜智能", "Website": website}, lang=lang)
    return path


def test_the_template_asks_for_the_website_in_both_languages_and_reads_it_back(tmp_path):
    for lang, label in (("en", "Website"), ("zh_CN", "网站")):
        path = _template(tmp_path, lang, " Xinglan.AI ")
        ws = load_workbook(path).worksheets[0]
        assert ws.cell(FIELDS_ROW + 6, 1).value == label
        assert ws.cell(FIELDS_ROW + 6, 2).protection.locked is False  # an input
        got = read_workbook(path, FW)
        assert got.problems == []
        (st,) = got.startups
        assert (st.name, st.website) == ("星澜智能", "https://xinglan.ai")
    empty = read_workbook(_template(tmp_path, "en", None), FW)
    assert [s.website for s in empty.startups] == [""]


def test_a_template_with_a_bad_website_names_its_cell(tmp_path):
    got = read_workbook(_template(tmp_path, "zh_CN", "mailto:ceo@xinglan.ai"), FW)
    assert [(p.location, p.message) for p in got.problems] == [
        (f"'评估'!B{FIELDS_ROW + 6}",
         "the website 'mailto:ceo@xinglan.ai' is not a web address (mailto: addresses are not "
         "web pages); expected a web address such as acme.ai or https://acme.ai")]


def test_templates_from_before_the_website_field_import_with_none():
    for name in ("template_old_layout_en.xlsx", "template_old_layout_zh.xlsx"):
        got = read_workbook(FIXTURES / name, FW)
        assert got.problems == []
        assert [s.website for s in got.startups] == [""]


def test_an_import_fills_a_missing_website_and_keeps_one_there(tmp_path):
    port = Portfolio(framework=FW, startups=[
        Startup(id="s1", name="星澜智能"), Startup(id="s2", name="Acme", website="acme.ai")])
    fill_template(tmp_path / "a.xlsx", fields={"Startup": "星澜智能", "Website": "xinglan.ai"})
    fill_template(tmp_path / "b.xlsx", fields={"Startup": "Acme", "Website": "acme.io"})
    report = import_workbooks([tmp_path / "a.xlsx", tmp_path / "b.xlsx"], FW)
    assert report.ok
    merged, _ = merge_into(port, report)
    assert [(s.name, s.website) for s in merged.startups] == [
        ("星澜智能", "https://xinglan.ai"), ("Acme", "https://acme.ai")]
