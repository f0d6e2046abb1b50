"""A founder template's criteria without a row, through ``beachhead import`` in English and
Chinese: a refused score is reported at its cell and nowhere else (its row is there), and the
note about criteria without a row names only those, in the form its count takes
("1 criterion … has", "2 criteria … have"; Chinese has one form)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl.workbook.workbook import Workbook

from tests.helpers import run_cli
from tests.workbook_corpus import FIRST, IDS, S_COL, fill_template

#: What the out-of-range score in the second criterion's row is told, by language.
REFUSED = {
    "en": "note: score 7 is outside 1–5: not scored (the workbook's formulas do not count it "
          "either); expected a whole number from 1 to 5, or an empty cell (not scored)",
    "zh_CN": "注意：分数 7 不在 1–5 范围内：不计分（工作簿的公式也不计入）；应为 1 到 5 的整数，"
             "或留空（不评分）",
}
#: The note about criteria without a row, by language and count (1 or 2).
NO_ROW = {
    ("en", 1): "note: 1 criterion of the framework has no row in the table and is not scored",
    ("en", 2): "note: 2 criteria of the framework have no row in the table and are not scored",
    ("zh_CN", 1): "注意：框架中有 1 个评估标准在表格中没有对应行，不计分",
    ("zh_CN", 2): "注意：框架中有 2 个评估标准在表格中没有对应行，不计分",
}
WROTE = {
    "en": "wrote {out}: 1 workbook read: 1 imported (1 startup, 1 assessment); 1 assessment "
          "added, 0 duplicates skipped; 1 startup in all",
    "zh_CN": "已写入 {out}：已读取 1 个工作簿：导入 1 个（1 家初创公司，1 项评估）；新增 1 项评估，"
             "跳过 0 项重复评估；共 1 家初创公司",
}


def _workbook(path: Path, removed: int) -> Path:
    """A filled template whose second criterion's score is 7 (refused), and with the rows of
    the last ``removed`` criteria taken out of the table (their id and score cleared)."""
    gone = IDS[len(IDS) - removed:]

    def edit(wb: Workbook) -> None:
        ws = wb["Assessment"]
        for j in range(len(IDS) - removed, len(IDS)):
            ws[f"A{FIRST + j}"] = None

    rows = {IDS[1]: (7, None, None, None), **{cid: (None, None, None, None) for cid in gone}}
    fill_template(path, rows=rows, edit=edit)
    return path


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_a_refused_score_is_told_at_its_cell_not_as_a_missing_row(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, lang: str):
    book = _workbook(tmp_path / "refused.xlsx", removed=0)
    out = tmp_path / "out.beachhead"
    sep = ": " if lang == "en" else "："
    assert run_cli(capsys, "import", "--lang", lang, str(book), "-o", str(out)) == (
        0, "", f"{book}: Assessment!{S_COL}{FIRST + 1}{sep}{REFUSED[lang]}\n"
               f"{WROTE[lang].format(out=out)}\n")


@pytest.mark.parametrize(("lang", "removed"), [("en", 1), ("en", 2), ("zh_CN", 1),
                                               ("zh_CN", 2)])
def test_only_criteria_without_a_row_are_said_missing(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, lang: str, removed: int):
    book = _workbook(tmp_path / "rows.xlsx", removed=removed)
    out = tmp_path / "out.beachhead"
    sep, list_sep = (": ", ", ") if lang == "en" else ("：", "、")
    ids = list_sep.join(IDS[len(IDS) - removed:])
    assert run_cli(capsys, "import", "--lang", lang, str(book), "-o", str(out)) == (
        0, "", f"{book}: Assessment!{S_COL}{FIRST + 1}{sep}{REFUSED[lang]}\n"
               f"{book}: Assessment{sep}{NO_ROW[lang, removed]}{sep}{ids}\n"
               f"{WROTE[lang].format(out=out)}\n")
