"""The founder template's layout read back with openpyxl, in English and Chinese: the Score
and Confidence inputs right beside the criterion's name, panes frozen below the header and
right of the criterion, one landscape page wide when printed, and (``--lang zh_CN``) every
sheet name, label, header and dropdown value in Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from models.files.framework_file import default_framework
from models.workbook.layout import TEMPLATE_FIELDS, TEMPLATE_HEADERS
from models.workbook.template import FIELDS_ROW, template_header_row, write_template

FW = default_framework()
HEAD = template_header_row(FW)
FIRST, LAST = HEAD + 1, HEAD + len(FW.criteria)
ASCII_LETTER = re.compile(r"[A-Za-z]")


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("layout")
    out = {}
    for lang in ("en", "zh_CN"):
        path = folder / f"{lang}.xlsx"
        assert write_template(FW, path, lang=lang) == []
        out[lang] = load_workbook(path)
    return out


def _header(ws) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.value for c in ws[HEAD]]


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_score_and_confidence_sit_right_after_the_criterion_name(books, lang):
    ws = books[lang].worksheets[0]
    header = _header(ws)
    criterion = header.index("Criterion" if lang == "en" else "评估标准") + 1
    score = header.index("Score" if lang == "en" else "评分") + 1
    assert (get_column_letter(criterion), get_column_letter(score)) == ("B", "C")
    assert header[score] == ("Confidence" if lang == "en" else "置信度")
    # the cells: the criterion's name in B, the empty Score input with the 1–5 dropdown in C
    assert ws[f"B{FIRST}"].value == FW.criteria[0].name[lang]
    assert ws[f"C{FIRST}"].value is None and ws[f"C{FIRST}"].protection.locked is False
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists[f"C{FIRST}:C{LAST}"] == '"1,2,3,4,5"'
    # the five rubric levels come after the inputs and the question, wrapped and narrower
    levels = [i + 1 for i, h in enumerate(header) if re.fullmatch(r"(Level|级别) \d", h)]
    assert [get_column_letter(c) for c in levels] == ["H", "I", "J", "K", "L"]
    assert all(ws.cell(FIRST, c).alignment.wrap_text for c in levels)
    assert ws.column_dimensions["H"].width < ws.column_dimensions["G"].width


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_panes_frozen_below_the_header_and_right_of_the_criterion(books, lang):
    ws = books[lang].worksheets[0]
    assert ws.freeze_panes == f"C{FIRST}"
    pane = ws.sheet_view.pane
    assert (pane.state, pane.xSplit, pane.ySplit) == ("frozen", 2, HEAD)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_printed_one_landscape_page_wide_with_the_header_on_every_page(books, lang):
    wb = books[lang]
    ws = wb.worksheets[0]
    setup = ws.page_setup
    assert setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    # fitToWidth is left out when it is 1 (the default); 0 pages tall: as many as needed
    assert (setup.fitToWidth or 1) == 1 and setup.fitToHeight == 0
    assert ws.print_title_rows == f"${HEAD}:${HEAD}"
    # the page ends with Direction (N): the Weight and Favourability helpers stay off it
    assert ws.print_area == f"'{wb.sheetnames[0]}'!$A$1:$N${LAST}"
    assert _header(ws)[13] == ("Direction" if lang == "en" else "方向")


def test_chinese_template_names_sheets_headers_and_labels_in_chinese(books):
    wb = books["zh_CN"]
    assert wb.sheetnames == ["评估", "框架", "说明"]
    ws = wb["评估"]
    header = _header(ws)
    assert header == ["评估标准编号", "评估标准", "评分", "置信度", "理由", "证据", "问题",
                      "级别 1", "级别 2", "级别 3", "级别 4", "级别 5", "支柱", "方向", "权重",
                      "有利度"]
    labels = [ws.cell(r, 1).value for r in range(FIELDS_ROW, HEAD)]
    assert labels == ["初创公司", "评估人", "角色", "日期", "赛道", "阶段", "网站", "框架编号",
                      "框架版本"]
    results = [ws.cell(FIELDS_ROW + n, 5).value for n in range(len(FW.pillars) + 2)]
    assert results == ["总分", *(p.name["zh_CN"] for p in FW.pillars), "完整度"]
    framework = wb["框架"]
    k = len(FW.pillars)
    headers = [c.value for c in framework[1]][:5] + [c.value for c in framework[k + 3]]
    about = [r[0].value for r in wb["说明"].iter_rows(max_row=8)]
    texts = header + labels + results + headers + about
    assert not [t for t in texts if t and ASCII_LETTER.search(t)]
    assert about[:4] == ["工作簿类型", "布局版本", "应用版本", "框架编号"]


def test_chinese_template_values_and_dropdowns_are_chinese(books):
    wb = books["zh_CN"]
    ws = wb["评估"]
    assert ws[f"B{FIELDS_ROW + TEMPLATE_FIELDS.index('Role')}"].value == "创始人"
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation}
    assert lists[f"D{FIRST}:D{LAST}"] == '"低,中,高"'
    assert lists[f"B{FIELDS_ROW + 2}"] == '"创始人,投资人,其他"'
    messages = [dv.error for dv in ws.data_validations.dataValidation]
    assert messages and not [m for m in messages if ASCII_LETTER.search(m)]
    directions = {ws.cell(r, 14).value for r in range(FIRST, LAST + 1)}
    assert directions == {"收益型", "成本型"}
    assert ws.cell(FIRST + 10, 14).value == "成本型"  # press.segment_attention
    # the favourability formula compares with the Chinese word, the results with 是
    assert f'IF(N{FIRST}="成本型"' in ws.cell(FIRST, 16).value
    assert "=\"是\")" in ws.cell(FIELDS_ROW, 6).value
    assert ws.cell(FIRST, 15).value.startswith("='框架'!$F$")
    framework = wb["框架"]
    k = len(FW.pillars)
    assert {framework.cell(2 + i, 5).value for i in range(k)} == {"是"}
    assert {framework.cell(2 + i, 3).value for i in range(k)} == {"收益型", "成本型"}


def _zh_texts(data: object) -> list[str]:
    """Every Chinese text of a framework (as dumped)."""
    if isinstance(data, dict):
        return [data["zh_CN"]] if isinstance(data.get("zh_CN"), str) else [
            t for v in data.values() for t in _zh_texts(v)]
    if isinstance(data, list):
        return [t for v in data for t in _zh_texts(v)]
    return []


def test_chinese_instructions_hold_no_english_word_but_names(books):
    """Instructions and explanations hold no English word but the product's name, the
    command and the file type (and those the framework's own Chinese texts use)."""
    wb = books["zh_CN"]
    ws = wb["评估"]
    prose = [ws["A1"].value, *(ws.cell(r, 7).value for r in range(FIELDS_ROW, HEAD))]
    prose += [r[1].value for r in wb["说明"].iter_rows(min_row=9) if isinstance(r[1].value, str)]
    prose += [r[0].value for r in wb["说明"].iter_rows(min_row=9) if isinstance(r[0].value, str)]
    words = {w for t in prose if t for w in re.findall(r"[A-Za-z]+", t)}
    framework = {w for t in _zh_texts(FW.model_dump(mode="json"))
                 for w in re.findall(r"[A-Za-z]+", t)}
    assert prose[1] == "填写说明"
    assert words - framework - {"Beachhead", "beachhead", "import", "xlsx"} == set()


def test_the_english_template_keeps_its_words(books):
    ws = books["en"]["Assessment"]
    assert tuple(_header(ws)) == TEMPLATE_HEADERS
    assert ws[f"B{FIELDS_ROW + 2}"].value == "founder"
    assert {ws.cell(r, 14).value for r in range(FIRST, LAST + 1)} == {"benefit", "cost"}


def test_the_command_writes_the_chinese_template(tmp_path: Path):
    """``beachhead template --lang zh_CN`` writes the Chinese template."""
    from models.cli import main as cli

    out = tmp_path / "t.xlsx"
    assert cli.main(["template", "-o", str(out), "--lang", "zh_CN"]) == 0
    wb = load_workbook(out)
    assert wb.sheetnames == ["评估", "框架", "说明"]
    assert wb["评估"][f"C{HEAD}"].value == "评分"
