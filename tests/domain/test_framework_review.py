"""The framework review workbook, read back cell by cell: pillars and criteria with their
rubrics, rules in words, scenarios, About with the changelog, in English and Chinese."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from models.files.framework_file import shipped_framework
from models.workbook.framework_review import HEAD_ROW, write_framework_review
from tests.helpers import run_cli

TRACTION = "beachhead.llm-startups-traction"
NOW = dt.datetime(2026, 12, 2, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def fw():
    return shipped_framework(TRACTION)


@pytest.fixture(scope="module")
def book(fw, tmp_path_factory):
    path = tmp_path_factory.mktemp("review") / "review.xlsx"
    assert write_framework_review(fw, path, "en", NOW) == []
    return openpyxl.load_workbook(path)


def _rows(ws):
    return [list(r) for r in ws.iter_rows(min_row=HEAD_ROW, values_only=True)]


def test_pillars_and_criteria(book, fw):
    assert book.sheetnames == ["Pillars & Criteria", "Rules", "Scenarios", "About"]
    ws = book["Pillars & Criteria"]
    assert ws["A1"].value == f"{fw.name['en']} — {TRACTION} 1.0.0"
    header, *rows = _rows(ws)
    assert header == ["Pillar", "Criterion", "Question", "Direction", "Weight", "Level 1",
                      "Level 2", "Level 3", "Level 4", "Level 5", "Source ¶", "Comments"]
    assert len(rows) == 6 + 21  # a row per pillar and per criterion
    pillar = rows.index(["Traction", None, fw.pillar("traction").description["en"],
                         "benefit", 1, None, None, None, None, None, "¶1, ¶2, ¶4", None])
    growth = fw.criterion("traction.revenue_growth")
    assert rows[pillar + 1] == ["Traction", "Revenue growth", growth.question["en"], "benefit",
                                1, *(level["en"] for level in growth.rubric), "¶1, ¶2", None]
    assert [r[1] for r in rows[pillar + 1:]] == [
        "Revenue growth", "Paying-customer retention", "Organic usage depth"]
    comment = ws.cell(HEAD_ROW + 1 + pillar + 1, 12)
    assert comment.value is None and comment.fill.fgColor.rgb.endswith("FFF2CC")


def test_rules_in_words(book, fw):
    header, *rows = _rows(book["Rules"])
    assert header == ["Kind", "Name", "Fires when", "Explanation", "Source ¶", "Comments"]
    assert len(rows) == len(fw.postures) + len(fw.deal_breakers) == 11
    assert rows[0] == ["Posture (strategy)", "Niche specialist",
                       "all of: Niche position ≥ 62.5, Segment focus ≥ 4, Giants' attention "
                       "to the segment ≤ 3", fw.postures[0].description["en"], "¶5", None]
    assert rows[-4][:3] == ["Deal-breaker", "Runway exhausted", "all of: Runway ≤ 1"]


def test_scenarios_and_about(book, fw):
    header, *rows = _rows(book["Scenarios"])
    assert header[:4] == ["Scenario", "Description", "Shifts for every startup",
                          "Exposure rules"]
    assert [r[0] for r in rows] == [s.name["en"] for s in fw.scenarios]
    assert rows[0][2] == "Latent entrant +1"
    assert rows[0][3].startswith("• Signals turn into a launch: where Latent entrant is 3 or "
                                 "more: Latent entrant +1 more")
    about = {r[0]: r[1] for r in book["About"].iter_rows(values_only=True) if r[0]}
    assert about["Workbook"] == "beachhead.framework-review"
    assert (about["Framework ID"], about["Framework version"]) == (TRACTION, "1.0.0")
    assert about["1.0.0"].startswith("2026-12-02 · major: First version: the default framework")
    assert about["Description"] == fw.description["en"]


def test_chinese_workbook_and_the_command(capsys, tmp_path, fw):
    out = tmp_path / "评审.xlsx"
    code, said, err = run_cli(capsys, "framework", "review", "--lang", "zh_CN", TRACTION,
                              "-o", str(out))
    assert (code, err) == (0, "")
    assert said == f"已写入 {out}：框架 {TRACTION} 1.0.0 的审阅工作簿\n"
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["支柱与标准", "规则", "情景", "说明"]
    header, *rows = _rows(book["支柱与标准"])
    assert header[:3] == ["支柱", "评估标准", "问题"] and header[-1] == "批注"
    retention = fw.criterion("traction.retention")
    row = next(r for r in rows if r[1] == "付费客户留存")
    assert row[3] == "收益型" and row[5:10] == [lv["zh_CN"] for lv in retention.rubric]
    rules = _rows(book["规则"])
    assert rules[1][:3] == ["姿态（策略）", "细分专家",
                            "同时满足：细分定位 ≥ 62.5，细分聚焦 ≥ 4，巨头火力 ≤ 3"]
