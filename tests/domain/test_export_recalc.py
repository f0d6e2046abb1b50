"""Live formulas, recalculated by LibreOffice, equal Beachhead's own scores to 1e-9.

All workbooks of this module are written once and recalculated in one ``soffice`` call
(module fixture). Under ``CI=true`` the tests fail when LibreOffice is missing; elsewhere they
skip (see :mod:`tests.libreoffice`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from contextlib import redirect_stdout
from pathlib import Path

import numpy as np
import pytest
from openpyxl import load_workbook

from models.cli import main as cli
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.arrays import level_matrix
from models.engine.results import score_portfolio
from models.engine.sample import sample_portfolio, synthetic_portfolio
from models.engine.scores import score_levels
from models.files.framework_file import default_framework
from models.files.portfolio_file import save_portfolio
from models.workbook.export import export_workbook
from models.workbook.layout import FrameworkSheet
from models.workbook.template import template_header_row, write_template
from tests.helpers import tiny_framework
from tests.libreoffice import recalculate, soffice

TOL = 1e-9
# a founder's template answers, in framework criterion order (None = left empty)
TEMPLATE_LEVELS = [5, 4, None, 3, 2, 1, 4, 5, 3, None, 2, 2, 4, 1, 3, None, None, None]
# answers that do not count as scores (module docstring of models.workbook.formulas), typed
# over some of the template's empty rows: out of range, not whole, a number stored as text
TEMPLATE_INVALID = {2: 0, 9: 2.5, 15: "4", 16: 7, 17: -1}
# the same kinds typed over an export's scores: (assessment, criterion) → value; 5.0 counts
INVALID_SCORES: dict[tuple[int, str], object] = {
    (0, "niche.segment_focus"): 0, (0, "niche.dirty_work"): 2.5, (0, "tech.threshold"): "4",
    (0, "eco.allies"): 6, (0, "press.price_pressure"): -1, (0, "cap.backing"): 5.0,
    (3, "niche.segment_focus"): "1",  # would fire 'Head-on without a niche' if it counted
    (4, "cap.runway"): 0.5,  # would fire 'Runway exhausted' if it counted
    (6, "eco.new_ecosystem"): 4.000001,
}


def _partial_portfolio() -> Portfolio:
    fw = default_framework()
    ids = fw.criterion_ids
    some = {cid: Score(value=(i % 5) + 1, rationale="-2 points?") for i, cid in enumerate(ids)
            if i % 3}
    some[ids[0]] = Score(value=None, confidence="low", rationale="=1+1")
    no_capital = {cid: Score(value=4) for cid in ids if not cid.startswith("cap.")}
    one = {"press.price_pressure": Score(value=5)}
    return Portfolio(framework=fw, startups=[
        Startup(name="=HYPERLINK(\"http://x\",\"Partial\")", assessments=[
            Assessment(assessor="@ann", role="investor", date=dt.date(2024, 5, 1), scores=some),
            Assessment(assessor="+bob", date=dt.date(2024, 6, 1), scores=no_capital),
        ]),
        Startup(name="Nothing yet", assessments=[Assessment(date=dt.date(2024, 7, 1))]),
        Startup(name="One score", assessments=[
            Assessment(assessor="Cy", role="other", date=dt.date(2024, 8, 1), scores=one)]),
        Startup(name="No assessment"),
    ])


def _disabled_portfolio() -> Portfolio:
    fw = default_framework().with_weights(
        pillar_weights={"tech": 2.5, "press": 0.5},
        criterion_weights={"niche.dirty_work": 3.0, "press.latent_entrant": 0.25},
        enabled={"eco": False},
    )
    port = synthetic_portfolio(12, seed=7, framework=fw)
    # blank a few scores so disabled pillars and blanks interact
    for n, (_, a) in enumerate(port.assessments()):
        for cid in fw.criterion_ids[n % 4::5]:
            a.scores[cid] = Score(value=None)
    return port


def _weight_edit(src: Path, dst: Path) -> tuple[dict, dict, dict, dict]:
    """Change weights, an Enabled flag and two scores in an exported workbook, as an investor
    would in Excel; returns what changed."""
    wb = load_workbook(src)
    fw = default_framework()
    geo = FrameworkSheet(len(fw.pillars), len(fw.criteria))
    ws = wb["Framework"]
    pillar_weights = {"press": 3.0, "niche": 0.5}
    criterion_weights = {"tech.threshold": 4.0, "niche.segment_focus": 2.0}
    enabled = {"cap": False}
    pids = [p.id for p in fw.pillars]
    for pid, w in pillar_weights.items():
        ws.cell(geo.pillar_row(pids.index(pid)), 4).value = w
    for pid, on in enabled.items():
        ws.cell(geo.pillar_row(pids.index(pid)), 5).value = "yes" if on else "no"
    for cid, w in criterion_weights.items():
        ws.cell(geo.criterion_row(fw.criterion_ids.index(cid)), 6).value = w
    scores = wb["Scores"]
    m = len(fw.criteria)
    edits = {(0, "niche.segment_focus"): None, (3, "press.product_overlap"): 1}
    for (i, cid), value in edits.items():
        scores.cell(2 + i * m + fw.criterion_ids.index(cid), 10).value = value
    wb.save(dst)
    return pillar_weights, criterion_weights, enabled, edits


def _fill_template(src: Path, dst: Path) -> None:
    wb = load_workbook(src)
    ws = wb["Assessment"]
    first = template_header_row(default_framework()) + 1
    for j, level in enumerate(TEMPLATE_LEVELS):
        ws.cell(first + j, 10).value = TEMPLATE_INVALID.get(j, level)
    ws["B2"] = "Acme AI"
    wb.save(dst)


def _invalid_edit(src: Path, dst: Path) -> None:
    """Type :data:`INVALID_SCORES` into an exported workbook's Scores sheet."""
    wb = load_workbook(src)
    fw = default_framework()
    m = len(fw.criteria)
    for (i, cid), value in INVALID_SCORES.items():
        wb["Scores"].cell(2 + i * m + fw.criterion_ids.index(cid), 10).value = value
    wb.save(dst)


def _as_imported(port: Portfolio) -> Portfolio:
    """``port`` with :data:`INVALID_SCORES` applied as the importer reads them: a whole
    number 1–5 is a score, anything else leaves the criterion unscored."""
    port = port.model_copy(deep=True)
    pairs = port.assessments()
    for (i, cid), value in INVALID_SCORES.items():
        level = None
        if isinstance(value, (int, float)) and float(value).is_integer() and 1 <= value <= 5:
            level = int(value)
        pairs[i][1].scores[cid] = Score(value=level)
    return port


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory) -> dict[str, tuple[object, Path]]:
    soffice()  # skip or fail early, before writing anything
    tmp = tmp_path_factory.mktemp("recalc")
    cases: dict[str, tuple[object, Path]] = {}
    now = dt.datetime(2024, 11, 30, 12, 0, tzinfo=dt.UTC)
    for name, port in (("sample", sample_portfolio()), ("partial", _partial_portfolio()),
                       ("disabled", _disabled_portfolio()),
                       ("tiny", synthetic_tiny())):
        path = tmp / f"{name}.xlsx"
        export_workbook(port, path, now=now)
        cases[name] = (port, path)
    edited = tmp / "weights.xlsx"
    changes = _weight_edit(cases["sample"][1], edited)
    cases["weights"] = (changes, edited)
    invalid = tmp / "invalid.xlsx"
    _invalid_edit(cases["sample"][1], invalid)
    cases["invalid"] = (_as_imported(sample_portfolio()), invalid)
    template = tmp / "template.xlsx"
    write_template(default_framework(), template)
    filled = tmp / "filled.xlsx"
    _fill_template(template, filled)
    cases["template"] = (None, filled)
    out = recalculate([p for _, p in cases.values()], tmp / "out")
    return {name: (obj, out[path]) for name, (obj, path) in cases.items()}


def synthetic_tiny() -> Portfolio:
    fw = tiny_framework()
    rng = np.random.default_rng(5)
    startups = []
    for i in range(6):
        levels = rng.integers(1, 6, 4)
        scores = {cid: Score(value=int(v) if (i + j) % 4 else None)
                  for j, (cid, v) in enumerate(zip(fw.criterion_ids, levels, strict=True))}
        startups.append(Startup(name=f"T{i}", assessments=[Assessment(scores=scores)]))
    return Portfolio(framework=fw, startups=startups)


def _blank(v: object) -> object:
    return None if v == "" else v


def _summary(path: Path) -> tuple[list[str], list[dict[str, object]]]:
    ws = load_workbook(path, data_only=True)["Summary"]
    rows = list(ws.iter_rows(values_only=True))
    head = list(rows[0])
    return head, [{h: _blank(v) for h, v in zip(head, r, strict=True)} for r in rows[1:]]


def _close(got: object, want: float | None, what: str) -> None:
    if want is None:
        assert got is None, f"{what}: expected empty, got {got!r}"
    else:
        assert isinstance(got, (int, float)), f"{what}: expected {want}, got {got!r}"
        assert abs(got - want) <= TOL, f"{what}: {got} != {want}"


def _check_summary(path: Path, port: Portfolio, framework=None, lang: str = "en") -> None:  # type: ignore[no-untyped-def]
    fw = framework or port.framework
    _head, rows = _summary(path)
    results = score_portfolio(port.model_copy(update={"framework": fw}), lang=lang)
    assert len(rows) == len(results)
    names = {p.id: p.name["en"] for p in fw.pillars}
    for n, (row, res) in enumerate(zip(rows, results, strict=True)):
        where = f"Summary row {n + 2}"
        assert row["Startup"] == res.startup and row["Assessor"] == (res.assessor or None)
        _close(row["Overall"], res.overall, f"{where} Overall")
        for pid, value in res.pillars.items():
            _close(row[names[pid]], value, f"{where} {pid}")
        _close(row["Completeness"], res.completeness, f"{where} Completeness")
        assert (row["Postures"] or "") == "; ".join(h.name for h in res.postures), where
        assert (row["Deal-breakers"] or "") == "; ".join(h.name for h in res.deal_breakers)


@pytest.mark.parametrize("case", ["sample", "partial", "disabled", "tiny"])
def test_summary_equals_engine(recalculated, case):
    port, path = recalculated[case]
    _check_summary(path, port)


def test_scores_sheet_favourability_and_weights(recalculated):
    for case in ("sample", "partial", "disabled"):
        port, path = recalculated[case]
        fw = port.framework
        pairs = port.assessments()
        table = score_levels(level_matrix([a for _, a in pairs], fw), fw)
        ws = load_workbook(path, data_only=True)["Scores"]
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        m = len(fw.criteria)
        assert len(rows) == len(pairs) * m
        for n, row in enumerate(rows):
            i, j = divmod(n, m)
            assert row[5] == fw.criterion_ids[j]
            assert row[8] == pytest.approx(fw.criteria[j].weight, abs=TOL)
            fav = table.favourability[i, j]
            _close(_blank(row[11]), None if np.isnan(fav) else float(fav),
                   f"{case} Scores row {n + 2} Favourability")


def test_changed_weights_enabled_flag_and_scores_rescore(recalculated):
    (pillar_weights, criterion_weights, enabled, edits), path = recalculated["weights"]
    port = sample_portfolio()
    fw = port.framework.with_weights(pillar_weights, criterion_weights, enabled)
    pairs = port.assessments()
    for (i, cid), value in edits.items():
        pairs[i][1].scores[cid] = Score(value=value)
    _check_summary(path, port, fw)


def test_scores_that_do_not_count_leave_everything_as_in_the_engine(recalculated):
    port, path = recalculated["invalid"]
    assert isinstance(port, Portfolio)
    _check_summary(path, port)
    results = score_portfolio(port)
    assert [h.name for h in results[3].deal_breakers] == []  # "1" typed as text
    assert [h.name for h in results[4].deal_breakers] == []  # 0.5
    ws = load_workbook(path, data_only=True)["Scores"]
    fw, m = port.framework, len(port.framework.criteria)
    for (i, cid), value in INVALID_SCORES.items():
        fav = ws.cell(2 + i * m + fw.criterion_ids.index(cid), 12).value
        if value == 5.0:
            assert fav == 1.0  # cap.backing is a benefit criterion
        else:
            assert _blank(fav) is None, (i, cid, value, fav)


def test_template_live_results_equal_engine(recalculated):
    _, path = recalculated["template"]
    fw = default_framework()
    ws = load_workbook(path, data_only=True)["Assessment"]
    labels = {ws.cell(r, 3).value: _blank(ws.cell(r, 4).value) for r in range(2, 10)}
    # the invalid answers (TEMPLATE_INVALID) stay out, as the importer leaves them out
    a = Assessment(scores={cid: Score(value=v)
                           for cid, v in zip(fw.criterion_ids, TEMPLATE_LEVELS, strict=True)})
    res = score_portfolio(Portfolio(framework=fw, startups=[Startup(name="x", assessments=[a])]))
    r = res[0]
    _close(labels["Overall"], r.overall, "template Overall")
    for p in fw.pillars:
        _close(labels[p.name["en"]], r.pillars[p.id], f"template {p.id}")
    _close(labels["Completeness"], r.completeness, "template Completeness")
    assert r.partial


def test_recalculated_summary_equals_score_command(recalculated, tmp_path):
    port, path = recalculated["sample"]
    doc = tmp_path / "sample.beachhead"
    save_portfolio(port, doc)
    buf = io.StringIO()
    with redirect_stdout(buf):
        assert cli.main(["score", str(doc), "--perspective", "assessments",
                         "--format", "json"]) == 0
    expected = json.loads(buf.getvalue())
    _, rows = _summary(path)
    names = {p.id: p.name["en"] for p in port.framework.pillars}
    assert len(rows) == len(expected)
    for row, want in zip(rows, expected, strict=True):
        assert (row["Startup"], row["Assessor"], row["Role"]) == (
            want["startup"], want["assessor"], want["role"])
        assert row["Date"].date().isoformat() == want["date"]
        _close(row["Overall"], want["overall"], "Overall")
        for pid, value in want["pillars"].items():
            _close(row[names[pid]], value, pid)
        _close(row["Completeness"], want["completeness"], "Completeness")
        assert (row["Postures"] or "") == "; ".join(want["postures"])
        assert (row["Deal-breakers"] or "") == "; ".join(want["deal_breakers"])


def test_libreoffice_keeps_both_charts_and_text(recalculated):
    port, path = recalculated["sample"]
    with zipfile.ZipFile(path) as z:
        charts = [n for n in z.namelist() if n.startswith("xl/charts/chart")]
        xml = "".join(z.read(n).decode() for n in charts)
    assert len(charts) == 2
    assert "radarChart" in xml and "barChart" in xml
    # the chart data block resolved to the startups with the highest overall, highest first
    ws = load_workbook(path, data_only=True)["Charts"]
    from models.workbook.charts_sheet import CHART_DATA_ROW

    overall = [ws.cell(r, 2 + len(port.framework.pillars)).value
               for r in range(CHART_DATA_ROW + 1, CHART_DATA_ROW + 9)]
    assert overall == sorted(overall, reverse=True) and None not in overall


def test_hostile_text_stays_text_after_libreoffice(recalculated):
    _port, path = recalculated["partial"]
    wb = load_workbook(path, data_only=True)
    assert wb["Summary"]["A2"].value == "=HYPERLINK(\"http://x\",\"Partial\")"
    assert wb["Summary"]["B2"].value == "@ann"
    assert wb["Summary"]["B3"].value == "+bob"
    assert wb["Scores"]["M2"].value == "=1+1"
    assert wb["Scores"]["M3"].value == "-2 points?"


def test_missing_libreoffice_fails_under_ci_and_skips_elsewhere(monkeypatch):
    import tests.libreoffice as lo

    monkeypatch.setattr(lo.shutil, "which", lambda name: None)
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="required under CI=true"):
        lo.soffice()
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        lo.soffice()
