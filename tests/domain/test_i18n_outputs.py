"""``--lang zh_CN`` on the command line and in the workbook: Chinese labels for people, stable
English keys and headers for programs (JSON keys, the importer's headers)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from models.cli import main as cli
from models.cli.texts import LABELS
from models.core.framework import text
from models.files.framework_file import default_framework
from models.workbook.texts import TEXTS

_PLACEHOLDER = __import__("re").compile(r"\{[^{}]*\}")


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    p = tmp_path_factory.mktemp("i18n") / "sample.beachhead"
    assert cli.main(["sample", "-o", str(p)]) == 0
    return p


def test_cli_labels_exist_in_both_languages_with_the_same_placeholders() -> None:
    assert set(LABELS["en"]) == set(LABELS["zh_CN"])
    for key, en in LABELS["en"].items():
        assert sorted(_PLACEHOLDER.findall(en)) == sorted(
            _PLACEHOLDER.findall(LABELS["zh_CN"][key])), key


def test_score_table_headers_and_roles_are_chinese_with_lang_zh_cn(capsys, sample_file) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["score", str(sample_file), "--perspective", "assessments",
                     "--lang", "zh_CN"]) == 0
    head, _rule, first, *_ = capsys.readouterr().out.splitlines()
    for word in ("初创公司", "评估人", "角色", "总分", "战略姿态", "致命缺陷", "细分定位"):
        assert word in head
    assert "Startup" not in head and "Overall" not in head
    assert "创始人" in first or "投资人" in first


def test_score_json_keys_stay_english_with_lang_zh_cn(capsys, sample_file) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["score", str(sample_file), "--perspective", "assessments", "--lang", "zh_CN",
                     "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"startup", "assessor", "role", "overall", "pillars"} <= set(rows[0])
    assert rows[0]["role"] in ("founder", "investor", "other")


def test_analyze_table_is_chinese_with_lang_zh_cn(capsys, sample_file) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["analyze", str(sample_file), "--lang", "zh_CN", "--draws", "50"]) == 0
    out = capsys.readouterr().out
    assert "初创公司" in out and "P(排名第 1)" in out and "领先者" in out
    assert "Startup" not in out and "Leader changes" not in out


def test_english_tables_are_unchanged(capsys, sample_file) -> None:  # type: ignore[no-untyped-def]
    assert cli.main(["score", str(sample_file), "--perspective", "assessments"]) == 0
    head = capsys.readouterr().out.splitlines()[0]
    assert head.split()[:4] == ["Startup", "Assessor", "Role", "Overall"]


def test_workbook_texts_are_complete_in_chinese() -> None:
    assert set(TEXTS["en"]) == set(TEXTS["zh_CN"])
    for key, value in TEXTS["zh_CN"].items():
        assert value, key
        assert value != TEXTS["en"][key], f"{key} is not translated"


def test_chinese_workbook_has_chinese_labels_and_stable_importer_headers(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from models.engine.sample import sample_portfolio
    from models.workbook.export import export_workbook
    from models.workbook.importing.batch import import_workbooks

    out_en, out_zh = tmp_path / "en.xlsx", tmp_path / "zh.xlsx"
    export_workbook(sample_portfolio(), out_en, lang="en")
    export_workbook(sample_portfolio(), out_zh, lang="zh_CN")
    en, zh = openpyxl.load_workbook(out_en), openpyxl.load_workbook(out_zh)
    assert en.sheetnames == zh.sheetnames
    for sheet in ("Scores", "Startups"):
        assert [c.value for c in en[sheet][1]] == [c.value for c in zh[sheet][1]], sheet
    # Assessments: fixed headers around one column per pillar score, headed by its
    # (translated) score name
    fw = default_framework()
    head_en = [c.value for c in en["Assessments"][1]]
    head_zh = [c.value for c in zh["Assessments"][1]]
    k = len(fw.pillars)
    assert head_en[:5] + head_en[5 + k:] == head_zh[:5] + head_zh[5 + k:]
    assert head_zh[5:5 + k] == [p.score_name("zh_CN") for p in fw.pillars]
    # people-facing texts follow the language: pillar names, chart titles, the About sheet
    framework_cells = {c.value for row in zh["Framework"].iter_rows() for c in row}
    assert text(fw.pillars[0].name, "zh_CN") in framework_cells
    chart_titles = []
    for chart in zh["Charts"]._charts:
        rich = chart.title.tx.rich if chart.title is not None and chart.title.tx else None
        if rich is not None:
            chart_titles += [r.t for p in rich.p for r in (p.r or [])]
    assert "Summary 前 8 家公司的总分（0–100）" in chart_titles
    about = " ".join(str(c.value) for row in zh["About"].iter_rows() for c in row if c.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in about)
    # the Chinese workbook imports back like the English one
    report = import_workbooks([out_zh])
    assert not report.problems
    assert sum(len(s.assessments) for s in report.startups) == 13


def test_messages_follow_lang(capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "s.beachhead"
    assert cli.main(["sample", "-o", str(out), "--lang", "zh_CN"]) == 0
    assert "已写入" in capsys.readouterr().err
    assert cli.main(["template", "-o", str(tmp_path / "t.xlsx"), "--lang", "zh_CN"]) == 0
    assert "模板" in capsys.readouterr().err
    assert cli.main(["sample", "-o", str(tmp_path / "s2.beachhead")]) == 0
    assert capsys.readouterr().err.startswith("wrote ")


def test_lang_before_the_command_is_kept_and_after_it_wins(sample_file, capsys) -> None:  # type: ignore[no-untyped-def]
    """``beachhead --lang zh_CN score F`` speaks Chinese as ``beachhead score --lang zh_CN F``
    does (the command's own default no longer puts English back), and a command's own
    ``--lang`` wins over one given before it."""
    def first_line(*args: str) -> str:
        capsys.readouterr()
        assert cli.main(list(args)) == 0
        return capsys.readouterr().out.splitlines()[0]

    chinese = first_line("score", "--lang", "zh_CN", str(sample_file))
    assert chinese.startswith(f"{sample_file}：8 家初创公司，投资人视角")
    assert first_line("--lang", "zh_CN", "score", str(sample_file)) == chinese
    english = first_line("score", str(sample_file))
    assert english.startswith(f"{sample_file}: 8 startups, investor view")
    assert first_line("--lang", "zh_CN", "score", "--lang", "en", str(sample_file)) == english
    assert first_line("--lang", "zh_CN", "framework", "list").endswith(
        "Beachhead：大模型创业公司对阵巨头")
