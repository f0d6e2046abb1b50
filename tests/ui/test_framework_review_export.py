"""The Framework view's Save framework as… writes the review workbook a partner reads and
annotates when the name chosen ends in .xlsx (in the interface language), and says so,
offering to open it; a name without that ending is still a framework file (.json)."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl

from gui.main_window import MainWindow


def test_save_framework_as_a_review_workbook(window: MainWindow, scripted_ask,  # type: ignore[no-untyped-def]
                                             tmp_path: Path):
    window.ensure_framework_view()
    view = window.framework_view
    target = tmp_path / "for the partners.xlsx"
    scripted_ask.queue("save_file", str(target))
    assert view.files.save_as()
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["Pillars & Criteria", "Rules", "Scenarios", "About"]
    about = {row[0]: row[1] for row in book["About"].iter_rows(values_only=True) if row[0]}
    assert (about["Framework ID"], about["Framework version"]) == (
        "beachhead.llm-startups", "1.0.0")
    assert scripted_ask.written == [
        f"Review workbook written: Wrote the review workbook of beachhead.llm-startups 1.0.0 "
        f"to {target}: pillars, criteria, rubrics, rules and scenarios in words, each row with "
        "a Comments cell."]
    plain = tmp_path / "ours"
    scripted_ask.queue("save_file", str(plain))
    assert view.files.save_as()
    saved = json.loads(plain.with_name("ours.json").read_text(encoding="utf-8"))
    assert (saved["id"], saved["version"]) == ("beachhead.llm-startups", "1.0.0")


def test_the_review_workbook_in_chinese(chinese_built, window: MainWindow,  # type: ignore[no-untyped-def]
                                        scripted_ask, tmp_path: Path):
    window.set_language("zh_CN")
    try:
        window.ensure_framework_view()
        target = tmp_path / "审阅.xlsx"
        scripted_ask.queue("save_file", str(target))
        assert window.framework_view.files.save_as()
        assert openpyxl.load_workbook(target).sheetnames[0] == "支柱与标准"
        assert scripted_ask.written[0].startswith(
            "已写入审阅工作簿: 已将 beachhead.llm-startups 1.0.0 的审阅工作簿写入 ")
    finally:
        window.set_language("en")
