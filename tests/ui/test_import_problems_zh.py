"""File ▸ Import Workbooks in a window speaking Chinese: the problems table lists the
importer's problems and notes in Chinese (read by the real importer in its worker process)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QApplication

from tests.ui.test_import_problems import _import, _no_sheet, _own_table
from tests.workbook_corpus import FIRST, S_COL, fill_template

NO_SHEET = ("该工作簿没有 Assessment 工作表，其他工作表中也没有它的表格（模板的表格"
            "（Criterion ID、…、Score、Confidence、Rationale、Evidence））")
TWO_LEVELS = ("“3 or 4”包含多个级别；请只选一个级别并以数字输入：应为 1 到 5 的整数，或留空"
              "（不评分）")
OUT_OF_RANGE = ("分数 7 不在 1–5 范围内：不计分（工作簿的公式也不计入）；应为 1 到 5 的整数，"
                "或留空（不评分）")
NO_STARTUP = ("评估标准表格上方没有“Startup”字段；应有一个写着“Startup”的单元格，其右侧为"
              "初创公司名称")
ENGLISH_RUN = re.compile(r"[A-Za-z]+(?: [A-Za-z]+){2,}")


def test_a_chinese_window_lists_the_problems_in_chinese(window, qtbot, tmp_path, scripted_ask,
                                                       chinese_built):
    window.set_language("zh_CN", remember=False)
    no_sheet = _no_sheet(tmp_path / "no-sheet.xlsx")
    ranged = tmp_path / "range.xlsx"
    fill_template(ranged, fields={"Startup": "Range AI"},
                  rows={"niche.segment_focus": (7, "high", "too keen", "")})
    two = tmp_path / "two.xlsx"
    fill_template(two, fields={"Startup": "Two AI"},
                  rows={"niche.dirty_work": ("3 or 4", "high", "", "")})
    scripted_ask.queue("import_problems", True)  # import the good one
    _import(window, qtbot, [no_sheet, ranged, two])

    refused, imported = scripted_ask.problem_dialogs
    assert refused.header() == ["文件", "工作表", "单元格", "问题"]
    assert refused.rows() == [(str(no_sheet), "", "", NO_SHEET),
                              (str(two), "Assessment", f"{S_COL}{FIRST + 1}", TWO_LEVELS)]
    assert imported.rows() == [(str(ranged), "Assessment", f"{S_COL}{FIRST}", OUT_OF_RANGE)]
    model = refused.table.model()
    shown = [model.data(model.index(r, 3)) for r in range(model.rowCount())]
    assert shown == [NO_SHEET, TWO_LEVELS]
    for text in shown:
        assert ENGLISH_RUN.findall(re.sub(r"“[^”]*”", "", text)) == []
    assert window.doc.portfolio.find_startup("Range AI") is not None


def test_copy_of_a_chinese_import_gives_chinese_problems(window, qtbot, tmp_path, scripted_ask,
                                                         chinese_built):
    window.set_language("zh_CN", remember=False)
    no_sheet = _no_sheet(tmp_path / "no-sheet.xlsx")
    own = _own_table(tmp_path / "own.xlsx")
    _import(window, qtbot, [no_sheet, own])
    (dialog,) = scripted_ask.problem_dialogs
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == (
        "文件\t工作表\t单元格\t问题\n"
        f"{no_sheet}\t\t\t{NO_SHEET}\n"
        f"{own}\t'=1+2\t\t{NO_STARTUP}\n")
