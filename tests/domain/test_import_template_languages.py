"""Founder templates in both languages and both layouts import alike: a filled Chinese
template (Chinese sheet names, headers, labels and dropdown values) gives the same assessment
as the English one; workbooks in founders' hands from before the inputs moved beside the
criterion (stored in tests/fixtures, made by that Beachhead) still import; and LibreOffice
keeps the Chinese template's live results, dropdowns and page setup."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.results import score_portfolio
from models.files.framework_file import default_framework
from models.workbook.importing.reader import read_workbook
from models.workbook.layout import TEMPLATE_HEADERS_BEFORE, FrameworkSheet
from models.workbook.template import FIELDS_ROW
from models.workbook.template_rows import RESULT_LABEL, RESULT_VALUE
from tests.libreoffice import recalculate
from tests.workbook_corpus import FIRST, HEAD, fill_template

FW = default_framework()
IDS = FW.criterion_ids
FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
#: The criteria header row and first criterion row of the fixtures made before the layout
#: change (six startup fields above the table then, no Website).
OLD_HEAD, OLD_FIRST = 10, 11
ZH_CONFIDENCE = {"low": "低", "medium": "中", "high": "高"}
FIELDS = {"Startup": "星澜智能", "Assessor": "王芳", "Date": dt.date(2024, 10, 31),
          "Sector": "医疗健康", "Stage": "Seed"}


def _rows(zh: bool) -> dict[str, tuple]:  # type: ignore[type-arg]
    """Criterion j: level j % 5 + 1 and a confidence in turn; every fourth left unscored with
    a rationale only; the last row left empty."""
    rows = {}
    for j, cid in enumerate(IDS):
        confidence = ("low", "medium", "high")[j % 3]
        level = None if j % 4 == 3 else j % 5 + 1
        rows[cid] = (level, ZH_CONFIDENCE[confidence] if zh else confidence, f"理由 {j}",
                     f"https://example.com/{j}")
    rows[IDS[-1]] = (None, None, None, None)
    return rows


def _read(path: Path) -> Startup:
    result = read_workbook(path, FW, today=dt.date(2025, 1, 1))
    assert result.ok, [str(p) for p in result.problems]
    (startup,) = result.startups
    return startup


def test_a_chinese_and_an_english_template_import_to_the_same_assessment(tmp_path):
    en, zh = tmp_path / "en.xlsx", tmp_path / "zh.xlsx"
    fill_template(en, fields=FIELDS, rows=_rows(zh=False))
    fill_template(zh, fields=FIELDS, rows=_rows(zh=True), lang="zh_CN")
    assert load_workbook(zh).sheetnames == ["评估", "框架", "说明"]
    got_en, got_zh = _read(en), _read(zh)
    (a_en,), (a_zh,) = got_en.assessments, got_zh.assessments
    levels = {cid: s.value for cid, s in a_zh.scores.items()}
    confidences = {cid: s.confidence for cid, s in a_zh.scores.items()}
    want = {cid: (None if j % 4 == 3 else j % 5 + 1) for j, cid in enumerate(IDS[:-1])}
    assert levels == want  # the empty last row is not scored at all
    assert confidences == {cid: ("low", "medium", "high")[j % 3]
                           for j, cid in enumerate(IDS[:-1])}
    assert a_zh.scores[IDS[1]].rationale == "理由 1"
    assert (a_zh.assessor, a_zh.role, a_zh.date) == ("王芳", "founder", dt.date(2024, 10, 31))
    assert (got_zh.name, got_zh.sector, got_zh.stage) == ("星澜智能", "医疗健康", "Seed")
    assert a_zh.model_dump(exclude={"id"}) == a_en.model_dump(exclude={"id"})
    assert got_zh.model_dump(exclude={"id", "assessments"}) == \
        got_en.model_dump(exclude={"id", "assessments"})


def test_a_chinese_template_names_chinese_cells_in_its_problems(tmp_path):
    path = tmp_path / "zh.xlsx"
    fill_template(path, rows={IDS[0]: (3, "很高", None, None)}, lang="zh_CN")
    result = read_workbook(path, FW)
    assert [(p.location, p.message.split(";")[0]) for p in result.problems] == [
        (f"'评估'!D{FIRST}", "confidence '很高' is not one of low, medium, high")]


@pytest.mark.parametrize(("name", "startup", "confidences"), [
    ("template_old_layout_en.xlsx", "Old Layout AI", ("low", "medium", "high")),
    ("template_old_layout_zh.xlsx", "旧版模板科技", ("低", "中", "高")),
])
def test_workbooks_of_the_layout_before_still_import(name, startup, confidences):
    """Filled templates written before the inputs moved beside the criterion (Score in J,
    English headers in both languages); criterion j: level j % 5 + 1, confidence in turn,
    every sixth row left empty."""
    path = FIXTURES / name
    ws = load_workbook(path)["Assessment"]
    assert tuple(c.value for c in ws[OLD_HEAD]) == TEMPLATE_HEADERS_BEFORE
    assert ws[f"J{OLD_HEAD}"].value == "Score" and ws[f"J{OLD_FIRST}"].value == 1
    assert confidences[0] in {ws[f"K{OLD_FIRST}"].value}
    got = _read(path)
    (a,) = got.assessments
    assert (got.name, got.sector, got.stage, got.website) == (startup, "Health", "Seed", "")
    assert (a.assessor, a.role, a.date) == ("Li Wei", "founder", dt.date(2024, 10, 31))
    want = {cid: Score(value=j % 5 + 1, confidence=("low", "medium", "high")[j % 3],
                       rationale=f"rationale {cid}", evidence=f"https://example.com/{j}")
            for j, cid in enumerate(IDS) if j % 6 != 5}
    assert a.scores == want


def _pillars_and_overall(ws) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {ws.cell(r, RESULT_LABEL).value: ws.cell(r, RESULT_VALUE).value
            for r in range(FIELDS_ROW, FIELDS_ROW + len(FW.pillars) + 2)}


def test_libreoffice_computes_the_chinese_template_as_the_engine_does(tmp_path):
    """A Chinese template filled with some levels and with one pillar switched off on its
    框架 sheet (否): LibreOffice's results equal the engine's, and the import reads the pillar
    as off; the dropdowns and the page setup survive LibreOffice's saving (a headless
    LibreOffice keeps no window, so it drops every workbook's frozen panes)."""
    rows = {cid: (None if j % 4 == 3 else j % 5 + 1, "高", None, None)
            for j, cid in enumerate(IDS)}
    off = FW.pillars[2].id
    geo = FrameworkSheet(len(FW.pillars), len(FW.criteria))

    def switch_off(wb) -> None:  # type: ignore[no-untyped-def]
        wb["框架"].cell(geo.pillar_row(2), 5).value = "否"

    path = tmp_path / "zh.xlsx"
    fill_template(path, rows=rows, edit=switch_off, lang="zh_CN")
    out = recalculate([path], tmp_path / "lo")[path]
    ws = load_workbook(out, data_only=True)["评估"]
    fw = FW.with_weights(enabled={off: False})
    levels = {cid: Score(value=v[0]) for cid, v in rows.items()}
    want = score_portfolio(Portfolio(framework=fw, startups=[
        Startup(name="x", assessments=[Assessment(scores=levels)])]))[0]
    got = _pillars_and_overall(ws)
    assert got["总分"] == pytest.approx(want.overall, abs=1e-9)
    assert got["完整度"] == pytest.approx(want.completeness, abs=1e-9)
    for p in FW.pillars:
        assert got[p.name["zh_CN"]] == pytest.approx(want.pillars[p.id], abs=1e-9), p.id
    cost = FW.criterion_ids.index("press.segment_attention")
    assert ws.cell(FIRST + cost, 16).value == pytest.approx((5 - rows[IDS[cost]][0]) / 4)
    again = load_workbook(out)["评估"]
    lists = {str(dv.sqref): dv.formula1 for dv in again.data_validations.dataValidation}
    assert lists[f"D{FIRST}:D{HEAD + len(IDS)}"] == '"低,中,高"'
    assert lists[f"C{FIRST}:C{HEAD + len(IDS)}"] == '"1,2,3,4,5"'
    assert again.page_setup.orientation == "landscape"
    assert again.sheet_properties.pageSetUpPr.fitToPage and again.page_setup.fitToHeight == 0
    result = read_workbook(out, FW)
    assert result.ok and result.weights is not None
    assert result.weights.enabled == {p.id: p.id != off for p in FW.pillars}
    assert result.weights.changes == [f"pillar '{off}' (Ecosystem) switched off ('框架'!E4)"]
