"""Round trips: template → fill (as a founder would, in openpyxl) → import → export → import
keeps every score, confidence and text; an export of a portfolio imports back equal to it;
files saved again by LibreOffice import the same."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from models.core.decisions import Decision
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework
from models.workbook.export import export_workbook
from models.workbook.importing.batch import import_workbooks, merge_into
from tests.libreoffice import convert
from tests.workbook_corpus import FIELDS_ROW, fill_template, put

FW = default_framework()
IDS = FW.criterion_ids
CONFIDENCES = ("low", "medium", "high")
TEXTS = ["=starts like a formula", "+86 571 0000 0000", "-minus", "@at",
         "中文的理由：客户续约率 95%", "two\nlines", "NA", "None", "null", "007",
         "  spaces kept  ", "tab\there",
         "emoji 🚀 and ümlauts", "https://example.com/a?b=c&d=e"]


def _rows() -> dict[str, tuple]:  # type: ignore[type-arg]
    rows = {}
    for j, cid in enumerate(IDS):
        value = None if j % 7 == 3 else (j % 5) + 1
        confidence = None if j % 6 == 5 else CONFIDENCES[j % 3]
        rows[cid] = (value, confidence, TEXTS[j % len(TEXTS)], TEXTS[(j + 5) % len(TEXTS)])
    rows[IDS[-1]] = (None, None, None, None)  # left entirely empty: not scored
    return rows


def _filled(path: Path) -> Path:
    fill_template(path, fields={
        "Startup": "星澜智能 Labs", "Assessor": "王芳 (CEO)", "Role": "founder",
        "Date": dt.date(2024, 10, 31), "Sector": "医疗健康 / imaging", "Stage": "Pre-A"},
        rows=_rows())
    return path


def _strip_ids(port: Portfolio) -> list[dict]:
    return [s.model_dump(exclude={"id", "assessments"})
            | {"assessments": [a.model_dump(exclude={"id"}) for a in s.assessments]}
            for s in port.startups]


def _import(*paths: Path) -> Portfolio:
    report = import_workbooks(paths, FW)
    assert report.ok, [str(p) for p in report.problems]
    merged, duplicates = merge_into(Portfolio(framework=FW), report)
    assert duplicates == []
    return merged


def test_template_fill_import_export_import_keeps_everything(tmp_path):
    first = _import(_filled(tmp_path / "filled.xlsx"))
    (startup,) = first.startups
    assert (startup.name, startup.sector, startup.stage) == (
        "星澜智能 Labs", "医疗健康 / imaging", "Pre-A")
    (a,) = startup.assessments
    assert (a.assessor, a.role, a.date) == ("王芳 (CEO)", "founder", dt.date(2024, 10, 31))
    for cid, (value, confidence, rationale, evidence) in _rows().items():
        if value is None and confidence is None and rationale is None:
            assert cid not in a.scores
            continue
        assert a.scores[cid] == Score(value=value, confidence=confidence or "medium",
                                      rationale=rationale, evidence=evidence), cid
    export_workbook(first, tmp_path / "export.xlsx")
    second = _import(tmp_path / "export.xlsx")
    assert _strip_ids(second) == _strip_ids(first)
    export_workbook(second, tmp_path / "export2.xlsx")
    assert _strip_ids(_import(tmp_path / "export2.xlsx")) == _strip_ids(first)


def _rich_portfolio(cr: str = "\r") -> Portfolio:
    """Startups with every field, texts with line breaks (CR LF unless ``cr`` is ``""``:
    LibreOffice turns CR LF into LF when it saves), an unscored criterion with a
    confidence, an assessment with no score, a startup with no assessment, and decisions
    (texts that look like formulas, Chinese, a line break)."""
    a, b, c = IDS[:3]
    return Portfolio(framework=FW, startups=[
        Startup(name=f"Acme{cr}\nAI", sector="Legal", stage="Seed", region="Shanghai",
                tags=["vertical", "B2B", "中文标签"], notes=f"=notes{cr}\nwith line breaks",
                assessments=[
                    Assessment(assessor="Priya", role="investor", date=dt.date(2023, 2, 28),
                               scores={a: Score(value=5, confidence="high",
                                                rationale=f"x{cr or ' '}y _x0041_"),
                                       b: Score(value=None, confidence="low"),
                                       c: Score(value=None, confidence="medium")}),
                    Assessment(assessor="Priya", role="investor", date=dt.date(2024, 2, 29),
                               scores={}),
                    Assessment(assessor="", role="other", date=dt.date(2024, 3, 1),
                               scores={a: Score(value=1, evidence="\tindented")}),
                ],
                decisions=[
                    Decision(status="screening", date=dt.date(2024, 3, 2), by="=Priya"),
                    Decision(status="committee", date=dt.date(2024, 4, 9), by="投委会",
                             rationale=f"+strong niche{cr}\nsecond line"),
                ]),
        Startup(name="No assessments", tags=[], decisions=[
            Decision(status="passed", date=dt.date(2024, 5, 5), rationale="@not for us")]),
        Startup(name="   padded   ", assessments=[Assessment(date=dt.date(2024, 1, 1))]),
    ])


@pytest.mark.parametrize("portfolio", [_rich_portfolio(), sample_portfolio()],
                         ids=["rich", "sample"])
def test_export_imports_back_equal(portfolio, tmp_path):
    export_workbook(portfolio, tmp_path / "e.xlsx")
    back = _import(tmp_path / "e.xlsx")
    # everything exactly, names with their surrounding spaces included (a name is the
    # startup's identity as typed: 'padded' and '   padded   ' are two startups)
    assert _strip_ids(back) == _strip_ids(portfolio)


def test_files_saved_again_by_libreoffice_import_the_same(tmp_path):
    filled = _filled(tmp_path / "filled_lo.xlsx")
    export_workbook(_rich_portfolio(cr=""), tmp_path / "export_lo.xlsx")
    out = convert([filled, tmp_path / "export_lo.xlsx"], tmp_path / "lo")
    for src, resaved in out.items():
        assert _strip_ids(_import(resaved)) == _strip_ids(_import(src)), src.name


def test_a_founder_typing_a_formula_into_a_text_cell_is_refused(tmp_path):
    path = tmp_path / "f.xlsx"

    def edit(wb) -> None:  # type: ignore[no-untyped-def]
        ws = wb["Assessment"]
        ws.cell(FIELDS_ROW, 2).value = "=CONCAT(\"Ac\",\"me\")"  # a real formula, no result
        put(ws.cell(FIELDS_ROW + 4, 2), "=not a formula")  # typed as text

    fill_template(path, edit=edit)
    report = import_workbooks([path], FW)
    assert [(p.location, "holds a formula" in p.message) for p in report.problems] == [
        (f"Assessment!B{FIELDS_ROW}", True)]
