"""The export's Analysis sheet read back with openpyxl and compared with models.analysis.run:
draws and seed at the top, per-assessment P10/P50/P90 and rank probabilities, rank reversals,
scenario effects; fewer draws for large portfolios; the command line's --draws/--seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.analysis.run import analyze_portfolio
from models.cli import main as cli
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.sample import sample_portfolio
from models.engine.scenarios import competition_ranks, portfolio_scenario_impacts
from models.files.portfolio_file import save_portfolio
from models.workbook.analysis_sheet import (
    ANALYSIS_WORK,
    ASSESSMENT_HEAD,
    MIN_DRAWS,
    REVERSAL_HEADERS,
    analysis_draws,
)
from models.workbook.export import export_workbook


def _sheet(path: Path):  # type: ignore[no-untyped-def]
    return load_workbook(path)["Analysis"]


def _labels(ws) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, 8)}


def _table(ws, section: str, first_header: str) -> tuple[list[str], list[list]]:  # type: ignore[no-untyped-def]
    """The header and rows of the table below ``section`` (until the first empty row)."""
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    start = next(i for i, r in enumerate(rows) if r[0] == section)
    head_at = next(i for i in range(start, len(rows)) if rows[i][0] == first_header)
    width = max(i for i, v in enumerate(rows[head_at]) if v is not None) + 1
    body = []
    for r in rows[head_at + 1:]:
        if all(v is None for v in r):
            break
        body.append(r[:width])
    return rows[head_at][:width], body


@pytest.fixture(scope="module")
def sample_sheet(tmp_path_factory):  # type: ignore[no-untyped-def]
    port = sample_portfolio()
    path = tmp_path_factory.mktemp("analysis") / "sample.xlsx"
    result = export_workbook(port, path)
    assert result.analysis == {"draws": 2000, "requested": 2000, "seed": 0}
    return port, _sheet(path)


def test_draws_and_seed_are_stated_at_the_top(sample_sheet):
    _, ws = sample_sheet
    labels = _labels(ws)
    assert labels["Draws"] == 2000 and labels["Seed"] == 0
    assert labels["Draws requested"] == 2000 and labels["Pillar weights"] == "fixed"
    assert "--draws 2000 --seed 0" in labels["Note"]
    assert "not formulas" in labels["Computed from"]


def test_no_formulas_anywhere(sample_sheet):
    _, ws = sample_sheet
    for row in ws.iter_rows():
        for c in row:
            assert not (isinstance(c.value, str) and c.value.startswith("="))


def test_uncertainty_values_equal_the_analysis(sample_sheet):
    port, ws = sample_sheet
    head, body = _table(ws, "Assessments", "Startup")
    assert tuple(head[:len(ASSESSMENT_HEAD)]) == ASSESSMENT_HEAD
    a = analyze_portfolio(port, draws=2000, seed=0)
    u = a.uncertainty
    ranks = competition_ranks(u.overall)
    assert len(body) == len(a.pairs) == 13
    for i, ((st, asm), row) in enumerate(zip(a.pairs, body, strict=True)):
        assert row[:3] == [st.name, asm.assessor, asm.role]
        assert row[3] == pytest.approx(u.overall[i], abs=0.005)
        assert row[4] == ranks[i]
        assert row[5:8] == pytest.approx([u.p10[i], u.p50[i], u.p90[i]], abs=0.005)
        assert row[8:10] == pytest.approx([u.p_rank1[i], u.p_top_k[i]], abs=5e-5)
    assert sum(r[8] for r in body) == pytest.approx(1.0, abs=1e-3)


def test_reversals_equal_the_analysis(sample_sheet):
    port, ws = sample_sheet
    head, body = _table(ws, "Rank reversals", "Pillar ID")
    assert tuple(head) == REVERSAL_HEADERS
    a = analyze_portfolio(port, draws=10)
    current = {s.pillar: s.current for s in a.sweeps}
    assert len(body) == len(a.reversals) > 0
    for rev, row in zip(a.reversals, body, strict=True):
        new, old = a.pairs[rev.new_leader], a.pairs[rev.previous_leader]
        assert row[0] == rev.pillar and row[1] == a.pillar_names[rev.pillar]
        assert row[2] == pytest.approx(current[rev.pillar], abs=5e-5)
        assert row[3] == pytest.approx(rev.weight, abs=5e-5)
        assert row[4:] == [old[0].name, old[1].assessor, new[0].name, new[1].assessor]


def test_scenario_effects_equal_the_engine(sample_sheet):
    port, ws = sample_sheet
    head, body = _table(ws, "Assessments", "Startup")
    impacts = portfolio_scenario_impacts(port)
    assert len(impacts) == len(port.framework.scenarios) > 0
    for imp, scen in zip(impacts, port.framework.scenarios, strict=True):
        col = head.index(f"{scen.name['en']}: overall")
        assert head[col + 1] == f"{scen.name['en']}: rank change"
        for i, row in enumerate(body):
            assert row[3] == pytest.approx(imp.before[i], abs=0.005)
            assert row[col] == pytest.approx(imp.after[i], abs=0.005)
            assert row[col + 1] == imp.rank_change[i]


def test_panes_frozen_below_the_assessments_header(tmp_path):
    path = tmp_path / "s.xlsx"
    export_workbook(sample_portfolio(), path)
    ws = _sheet(path)
    rows = [r[0].value for r in ws.iter_rows()]
    header = next(i for i in range(rows.index("Assessments"), len(rows))
                  if rows[i] == "Startup") + 1
    assert ws.freeze_panes == f"C{header + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header}:")


def test_draws_and_seed_reach_the_sheet(tmp_path):
    port = sample_portfolio()
    path = tmp_path / "s.xlsx"
    export_workbook(port, path, analysis_draws=300, analysis_seed=9)
    ws = _sheet(path)
    assert _labels(ws)["Draws"] == 300 and _labels(ws)["Seed"] == 9
    _, body = _table(ws, "Assessments", "Startup")
    u = analyze_portfolio(port, draws=300, seed=9).uncertainty
    assert [r[6] for r in body] == pytest.approx(list(u.p50), abs=0.005)


def test_large_portfolios_get_fewer_draws_and_say_so(tmp_path, monkeypatch):
    import models.workbook.analysis_sheet as wa

    assert analysis_draws(100, 2000) == 2000
    assert analysis_draws(1000, 2000) == min(2000, ANALYSIS_WORK // 1000) >= MIN_DRAWS
    assert analysis_draws(ANALYSIS_WORK // MIN_DRAWS, 2000) == MIN_DRAWS
    assert analysis_draws(ANALYSIS_WORK // MIN_DRAWS + 1, 2000) == 0
    assert analysis_draws(10_000, 2000) == 0  # the 10,000-startup export skips it
    assert analysis_draws(50, 0) == 0
    monkeypatch.setattr(wa, "MIN_DRAWS", 100)
    monkeypatch.setattr(wa, "ANALYSIS_WORK", 13 * 150)
    path = tmp_path / "s.xlsx"
    result = export_workbook(sample_portfolio(), path)
    assert result.analysis["draws"] == 150
    labels = _labels(_sheet(path))
    assert labels["Draws"] == 150 and labels["Draws requested"] == 2000
    assert "150 draws instead of 2000" in labels["Note"]
    monkeypatch.setattr(wa, "ANALYSIS_WORK", 13 * 50)
    export_workbook(sample_portfolio(), path)
    ws = _sheet(path)
    assert _labels(ws)["Draws"] == 0 and "skipped" in _labels(ws)["Note"]
    _, body = _table(ws, "Assessments", "Startup")
    assert all(v is None for r in body for v in r[5:10])
    assert all(r[3] is not None for r in body)  # the scores themselves are still there


def test_zero_draws_leaves_the_monte_carlo_out(tmp_path):
    path = tmp_path / "s.xlsx"
    export_workbook(sample_portfolio(), path, analysis_draws=0)
    ws = _sheet(path)
    assert _labels(ws)["Draws"] == 0 and "not requested" in _labels(ws)["Note"]


def test_user_text_stays_text_and_empty_portfolios_work(tmp_path):
    st = Startup(name="=HYPERLINK(\"http://x\",\"bad\")", assessments=[
        Assessment(assessor="+bob", scores={"tech.threshold": Score(value=3)})])
    empty = Startup(name="Nothing yet", assessments=[Assessment(assessor="x")])
    port = Portfolio(framework=sample_portfolio().framework, startups=[st, empty])
    path = tmp_path / "s.xlsx"
    export_workbook(port, path)
    ws = _sheet(path)
    _, body = _table(ws, "Assessments", "Startup")
    assert body[0][:2] == ["=HYPERLINK(\"http://x\",\"bad\")", "+bob"]
    assert ws.cell(ws.max_row - 1, 1).data_type == "s"
    assert body[1][3] is None and body[1][5:10] == [None] * 5
    export_workbook(Portfolio(framework=port.framework), tmp_path / "empty.xlsx")
    ws = _sheet(tmp_path / "empty.xlsx")
    assert _table(ws, "Assessments", "Startup")[1] == []


def test_cli_export_takes_draws_and_seed(tmp_path, capsys):
    src = tmp_path / "s.beachhead"
    save_portfolio(sample_portfolio(), src)
    out = tmp_path / "out.xlsx"
    assert cli.main(["export", str(src), "-o", str(out), "--draws", "400", "--seed", "3"]) == 0
    labels = _labels(_sheet(out))
    assert labels["Draws"] == 400 and labels["Seed"] == 3
    assert cli.main(["export", str(src), "-o", str(out), "--draws", "-5"]) == 2
    assert "--draws" in capsys.readouterr().err
