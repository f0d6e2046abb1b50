"""The importer's problems and notes in Simplified Chinese: the corpus of messy and hostile
workbooks (tests/workbook_corpus.py), bad Decisions and Framework sheets, the merge's notes,
a reader that dies and files the system cannot open, read with ``lang="zh_CN"``; the same
files read in English give exactly today's texts."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.cli import main as cli
from models.core.portfolio import Portfolio
from models.workbook.guard.texts import os_reason, speaking
from models.workbook.importing.batch import import_workbooks, plan_merge, read_workbook
from models.workbook.importing.pool import death
from tests.domain.test_import_decisions import _export as decisions_export
from tests.domain.test_import_weights import EDITS
from tests.domain.test_import_weights import _export as weights_export
from tests.workbook_corpus import FW, build_corpus, cases

CASES = cases()
TODAY = dt.date(2025, 1, 15)
#: Three or more ASCII words in a row, separated by single spaces: an English phrase.
ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’-]*(?: [A-Za-z][A-Za-z'’-]*){2,}")
QUOTED = re.compile(r"“[^”]*”")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return build_corpus(tmp_path_factory.mktemp("corpus-zh"))


@pytest.fixture(scope="module")
def runs(corpus) -> dict[str, dict[str, list[tuple[str, str, str]]]]:
    """Case name → language → ``(P or N, location, message)`` of every problem and note."""
    out: dict[str, dict[str, list[tuple[str, str, str]]]] = {}
    for case in CASES:
        out[case.name] = {}
        for lang in ("default", "en", "zh_CN"):
            kw = {} if lang == "default" else {"lang": lang}
            r = read_workbook(corpus[case.name], FW, today=TODAY, **kw)  # type: ignore[arg-type]
            out[case.name][lang] = ([("P", p.location, p.message) for p in r.problems]
                                    + [("N", n.location, n.message) for n in r.notes])
    return out


def english_left(message: str) -> list[str]:
    """English phrases in a Chinese message, outside quoted text (what the user typed, a
    system's own words)."""
    return ENGLISH_RUN.findall(QUOTED.sub("", message))


def test_english_is_unchanged_and_the_default(runs):
    for case in CASES:
        en = runs[case.name]["en"]
        assert en == runs[case.name]["default"], case.name
        if case.message is not None:
            assert any(case.message in m for kind, _, m in en if kind == "P"), case.name


def test_every_problem_and_note_of_the_corpus_is_chinese_in_the_same_place(runs):
    texts = 0
    for case in CASES:
        en, zh = runs[case.name]["en"], runs[case.name]["zh_CN"]
        assert [(k, where) for k, where, _ in zh] == [(k, where) for k, where, _ in en]
        for _, where, message in zh:
            texts += 1
            assert CJK.search(message), (case.name, where, message)
            assert english_left(message) == [], (case.name, where, message)
    assert texts >= 60


def _zh(runs, name: str, kind: str = "P") -> dict[str, str]:
    return {where: m for k, where, m in runs[name]["zh_CN"] if k == kind}


def test_exact_chinese_problems(runs):
    assert _zh(runs, "bad_date") == {"Assessment!B5": "“next week”不是日期；应为日期，例如 "
                                                      "2024-10-31"}
    assert _zh(runs, "ambiguous_date")["Assessment!B5"] == (
        "“03/04/2024”既可能是 2024 年 4 月 3 日，也可能是 2024 年 3 月 4 日；应为只有一种读法的"
        "日期：请写成 2024-04-03 或 2024-03-04")
    assert _zh(runs, "bad_role")["Assessment!B4"] == (
        "角色“CEO”不是 founder、investor、other 之一；应为 founder、investor 或 other"
        "（创始人、投资人或其他）")
    assert _zh(runs, "empty_file") == {"": "文件为空；应为 .xlsx 工作簿"}
    assert _zh(runs, "zip_bomb")["xl/media/bomb.bin"] == (
        "zip 炸弹：此部件解压后是压缩大小的 1,029 倍（由 20,387 字节解压为 20,971,520 字节）；"
        "已在解压前拒绝（上限 200×）")
    assert _zh(runs, "other_framework")["About!B4"] == (
        "该工作簿适用于框架“acme.other”版本 1.0.0；应为框架“beachhead.llm-startups”版本 "
        "1.0.0：请用“beachhead template”为该框架生成新模板，或将文件导入使用该框架的组合"
        "（--into；新组合用 --framework FILE）")
    missing = _zh(runs, "missing_score_column")["Assessment!A11:P11"]
    assert missing.startswith("表格中没有“Score”列（现有表头：“Criterion ID”、“Criterion”、")
    assert missing.endswith("、“Favourability”）；应有一列表头为“Score”")


def test_exact_chinese_notes(runs):
    assert _zh(runs, "score_out_of_range", "N")["Assessment!C13"] == (
        "分数 6 不在 1–5 范围内：不计分（工作簿的公式也不计入）；应为 1 到 5 的整数，或留空"
        "（不评分）")
    assert _zh(runs, "error_cells", "N")["Assessment!E13"] == "含有错误值 #REF!；按空单元格读取"
    assert _zh(runs, "score_in_text_formatted_cell", "N")["Assessment!C12"] == (
        "分数“3”以文本形式保存，工作簿的公式不计入：不计分；请在未设为文本格式的单元格中重新以"
        "数字（3）输入")


def test_bad_decisions_rows_in_chinese(tmp_path):
    _, path = decisions_export(tmp_path)
    wb = load_workbook(path)
    ws = wb["Decisions"]
    n = ws.max_row
    ws.cell(2, 3).value = "maybe"
    ws.cell(3, 4).value = None
    ws.append(["nobody", "Ghost", "watch", dt.date(2025, 1, 1), None, None, None])
    wb.save(path)
    report = import_workbooks([path], FW, lang="zh_CN")
    problems = {p.location: p.message for p in report.problems}
    assert problems["Decisions!C2"] == ("状态“maybe”不是 screening、diligence、committee、"
                                        "invested、passed、watch 之一")
    assert problems["Decisions!D3"] == "决策没有日期；应为日期，例如 2024-10-31"
    assert problems[f"Decisions!A{n + 1}"] == (
        "初创公司 ID“nobody”不在 Startups 工作表中；请补回该决策的 Startup ID")
    assert report.lang == "zh_CN"


def test_the_merge_notes_are_in_the_language_the_report_was_read_in(tmp_path):
    path = weights_export(tmp_path / "e.xlsx", **EDITS)
    report = import_workbooks([path, path], FW, workers=0, lang="zh_CN")
    plan = plan_merge(Portfolio(framework=FW), report)
    [weights] = {n.message for n in plan.weight_notes}
    assert weights.startswith("该工作簿的 Framework 工作表中的权重与框架“beachhead.llm-startups” "
                              "1.0.0不同：支柱“niche”")
    assert weights.endswith("；组合保留自己的权重（导入从不改变组合的框架），因此 Beachhead 对该"
                            "工作簿中初创公司的评分可能与工作簿不同；如要使用这些权重，请将其导入新"
                            "组合，或在“框架”视图中设置")
    assert english_left(weights) == []
    [dup] = plan.duplicates
    assert dup.message == (
        f"“Acme”已有一份由Ann于 2024-10-01 所做的评估（导入自 {path}，{dup.location}），评分"
        "相同；此份跳过（不重复导入；如要替换，请删除旧评估后重新导入）")
    english = plan_merge(Portfolio(framework=FW), import_workbooks([path, path], FW, workers=0))
    assert english.duplicates[0].message.startswith("'Acme' already has an assessment by Ann")


def test_why_a_reader_stopped_in_chinese():
    with speaking("zh_CN"):
        assert death(-9) == "进程被终止，通常是系统内存不足所致（SIGKILL）"
        assert death(1) == "进程以退出状态 1 停止"
    assert death(1) == "it stopped with exit status 1"


def test_files_the_system_cannot_open(tmp_path):
    missing = read_workbook(tmp_path / "gone.xlsx", FW, lang="zh_CN")
    assert [p.message for p in missing.problems] == ["无法打开文件（文件或文件夹不存在）"]
    folder = read_workbook(tmp_path, FW, lang="zh_CN")
    assert [p.message for p in folder.problems] == ["这是文件夹，不是工作簿；应为 .xlsx 文件"]
    english = read_workbook(tmp_path / "gone.xlsx", FW)
    assert [p.message for p in english.problems] == [
        "cannot open the file (No such file or directory)"]
    full = OSError(28, "No space left on device")
    assert os_reason(full, "zh_CN") == "磁盘空间不足"
    assert os_reason(full, "en") == "No space left on device"
    assert os_reason(OSError(5, "Input/output error"), "zh_CN") == "Input/output error"


def test_cli_import_with_lang_zh_cn(corpus, tmp_path, capsys):
    out = tmp_path / "out.beachhead"
    bad, good = corpus["bad_date"], corpus["score_out_of_range"]
    assert cli.main(["import", "--lang", "zh_CN", str(bad), str(good), "-o", str(out)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}: Assessment!B5: “next week”不是日期；应为日期，例如 2024-10-31",
        "未写入任何内容：2 个工作簿中有 1 个存在问题；请修正这些问题，或使用 --skip-bad 导入其余的"
        "工作簿",
    ]
    assert not out.exists()
    assert cli.main(["import", "--lang", "zh_CN", "--skip-bad", str(bad), str(good),
                     "-o", str(out)]) == 0
    assert capsys.readouterr().err.splitlines() == [
        f"{bad}: Assessment!B5: “next week”不是日期；应为日期，例如 2024-10-31",
        f"{good}: Assessment!C13：注意：分数 6 不在 1–5 范围内：不计分（工作簿的公式也不计入）；"
        "应为 1 到 5 的整数，或留空（不评分）",
        f"已写入 {out}：已读取 2 个工作簿：导入 1 个（1 家初创公司，1 项评估），拒绝 1 个；"
        "新增 1 项评估，跳过 0 项重复评估；共 1 家初创公司",
    ]


def test_every_text_is_in_both_languages_and_chinese_has_no_english_phrase():
    from models.cli.import_texts import TEXTS as CLI
    from models.workbook.guard.texts import TEXTS as GUARD
    from models.workbook.importing.problem_texts import TEXTS as READERS

    field = re.compile(r"\{(\w+)[^}]*\}")
    for table in (GUARD, READERS, CLI):
        assert set(table["zh_CN"]) == set(table["en"])
        for key, en in table["en"].items():
            zh = table["zh_CN"][key]
            # the Chinese date reads with the year the English one shows in its two dates
            extra = {"year"} if key == "two_dates" else set()
            assert set(field.findall(zh)) <= set(field.findall(en)) | extra, key
            assert english_left(field.sub("", zh)) == [], key
