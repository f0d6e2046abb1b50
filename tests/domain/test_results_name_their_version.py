"""Every result states the framework version it was computed with: a portfolio whose weights
were changed (beachhead.llm-startups 1.1.0) is named so in the export workbook (About and
Summary), the founder template (About and the sheet's head), every page of the report, and
beachhead score and analyze (table and JSON), in English and Chinese."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from models.cli.main import main as cli
from models.core.framework_identity import successor
from models.core.portfolio import Portfolio
from models.engine.sample import sample_portfolio
from models.files.portfolio_file import save_portfolio
from models.report.document import write_report
from models.workbook.export import export_workbook
from models.workbook.layout import ABOUT, SUMMARY
from models.workbook.template import write_template
from tests.domain.test_report import squash
from tests.pdftext import need_cjk_font, pdf_pages

ID, VERSION = "beachhead.llm-startups", "1.1.0"


@pytest.fixture
def portfolio() -> Portfolio:
    port = sample_portfolio()
    fw = port.framework
    port.framework = successor(fw, fw.with_weights(pillar_weights={"cap": 2.0}))
    assert (port.framework.id, port.framework.version) == (ID, VERSION)
    return port


def _texts(path: Path, sheet: str) -> list[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return [str(v) for row in book[sheet].iter_rows(values_only=True) for v in row
                if v is not None]
    finally:
        book.close()


def _pairs(path: Path, sheet: str) -> dict[str, str]:
    """The label/value pairs of the first two columns of ``sheet``."""
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return {str(row[0]): str(row[1]) for row in book[sheet].iter_rows(values_only=True)
                if len(row) > 1 and row[0] is not None and row[1] is not None}
    finally:
        book.close()


def test_the_export_names_the_version(portfolio, tmp_path):
    path = tmp_path / "export.xlsx"
    export_workbook(portfolio, path, analysis_draws=50)
    about = _pairs(path, ABOUT)
    assert (about["Framework ID"], about["Framework version"]) == (ID, VERSION)
    summary = " ".join(_texts(path, SUMMARY))
    assert f"{ID} {VERSION}" in summary


def test_the_founder_template_names_the_version(portfolio, tmp_path):
    path = tmp_path / "template.xlsx"
    write_template(portfolio.framework, path, lang="zh_CN")
    # the About sheet (说明) and the head of the sheet the founder fills in (评估)
    for sheet in ("说明", "评估"):
        pairs = _pairs(path, sheet)
        assert (pairs["框架编号"], pairs["框架版本"]) == (ID, VERSION)


@pytest.mark.parametrize("lang,words", [("en", "Framework"), ("zh_CN", "框架")])
def test_every_report_page_names_the_version(portfolio, tmp_path, lang, words):
    if lang == "zh_CN":
        need_cjk_font()
    out = tmp_path / "r.pdf"
    write_report(portfolio, out, draws=50, lang=lang)
    pages = pdf_pages(out)
    assert len(pages) >= 2  # the ranking and a page per startup
    assert all(squash(f"{words} {ID} {VERSION}") in squash(p) for p in pages)


def test_score_and_analyze_name_the_version(portfolio, tmp_path, capsys):
    path = tmp_path / "p.json"
    save_portfolio(portfolio, path)
    assert cli(["score", str(path), "--draws", "20", "--lang", "zh_CN"]) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    assert last == f"计算所用框架：Beachhead：大模型创业公司对阵巨头（{ID} {VERSION}）"
    assert cli(["score", str(path), "--perspective", "assessments", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert len(rows) == 13 and all(r["framework"] == {"id": ID, "version": VERSION}
                                   for r in rows)
    assert cli(["analyze", str(path), "--draws", "20"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].endswith(f"({ID} {VERSION})")
    assert cli(["analyze", str(path), "--draws", "20", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["framework"] == {"id": ID, "version": VERSION}
