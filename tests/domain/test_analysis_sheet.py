"""The export's Analysis sheet read back with openpyxl and compared with
models.analysis.startups: draws, seed and perspective at the top, per-startup P10/P50/P90 and
rank probabilities in the Summary's order, leader reversals naming startups, scenario effects
by the ranking's rules; a number format on every figure; fewer draws for large portfolios; the
command line's --draws/--seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.analysis.run import TOP_K
from models.analysis.startups import analyze_startups
from models.cli import main as cli
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio
from models.files.portfolio_file import save_portfolio
from models.workbook.analysis_sheet import (
    ANALYSIS_WORK,
    MIN_DRAWS,
    REVERSAL_HEADERS,
    STARTUP_HEAD,
    analysis_draws,
)
from models.workbook.export import export_workbook
from tests.workbook_views import many_views


def _sheet(path: Path):  # type: ignore[no-untyped-def]
    return load_workbook(path)["Analysis"]


def _labels(ws) -> dict[str, object]:  # type: ignore[no-untyped-def]
    return {ws.cell(r, 1).value: ws.cell(r, 2).value for r in range(2, 9)}


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


def _formats(ws, section: str, first_header: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The number formats of the first row below the table's header."""
    rows = [[c for c in row] for row in ws.iter_rows()]
    start = next(i for i, r in enumerate(rows) if r[0].value == section)
    head_at = next(i for i in range(start, len(rows)) if rows[i][0].value == first_header)
    return [c.number_format for c in rows[head_at + 1]]


@pytest.fixture(scope="module")
def sample_sheet(tmp_path_factory):  # type: ignore[no-untyped-def]
    port = sample_portfolio()
    path = tmp_path_factory.mktemp("analysis") / "sample.xlsx"
    result = export_workbook(port, path)
    assert result.analysis == {"draws": 2000, "requested": 2000, "seed": 0}
    return port, _sheet(path)


def test_draws_seed_and_perspective_are_stated_at_the_top(sample_sheet):
    _, ws = sample_sheet
    labels = _labels(ws)
    assert labels["Draws"] == 2000 and labels["Seed"] == 0
    assert labels["Draws requested"] == 2000 and labels["Pillar weights"] == "fixed"
    assert labels["Perspective"].startswith("investor: the investor view. Per criterion")
    assert "--perspective investor --draws 2000 --seed 0" in labels["Note"]
    assert "not formulas" in labels["Computed from"]


def test_no_formulas_anywhere(sample_sheet):
    _, ws = sample_sheet
    for row in ws.iter_rows():
        for c in row:
            assert not (isinstance(c.value, str) and c.value.startswith("="))


def test_startups_in_the_summary_order_with_the_analysis_figures(sample_sheet):
    port, ws = sample_sheet
    head, body = _table(ws, "Startups", "Rank")
    assert tuple(head[:len(STARTUP_HEAD)]) == STARTUP_HEAD
    assert head[-1] == "Startup ID"
    a = analyze_startups(port, draws=2000, seed=0, top_k=TOP_K, max_rank=TOP_K)
    u = a.uncertainty
    assert len(body) == len(port.startups) == 8
    for r, row in zip(a.ranking.rows, body, strict=True):
        i = r.row
        assert row[:3] == [r.rank, r.startup, "yes" if r.gated else None]
        assert row[-1] == r.startup_id
        assert row[3] == pytest.approx(r.overall, abs=0.005)
        assert row[4:7] == pytest.approx([u.p10[i], u.p50[i], u.p90[i]], abs=0.005)
        assert row[7:9] == pytest.approx([u.p_rank1[i], u.p_top_k[i]], abs=5e-5)
    assert sum(r[7] for r in body) == pytest.approx(1.0, abs=1e-3)
    assert sum(r[8] for r in body) == pytest.approx(TOP_K, abs=1e-3)


def test_every_figure_has_a_number_format(sample_sheet):
    port, ws = sample_sheet
    formats = _formats(ws, "Startups", "Rank")
    k = len(port.framework.scenarios)
    assert formats[:9] == ["0", "General", "General", "0.0", "0.0", "0.0", "0.0", "0.0%",
                           "0.0%"]
    assert formats[9:9 + 2 * k] == ["0.0", "+0;-0;0"] * k
    assert _formats(ws, "Leader reversals", "Pillar ID")[2:4] == ["0.0%", "0.0%"]


def test_headers_fit_their_columns(sample_sheet):
    _, ws = sample_sheet
    rows = [r[0].value for r in ws.iter_rows()]
    header = rows.index("Rank") + 1
    assert ws.row_dimensions[header].height and ws.row_dimensions[header].height >= 30
    assert ws.cell(header, 10).alignment.wrap_text  # the scenario headers wrap
    assert ws.column_dimensions["B"].width >= 22


def test_reversals_name_startups_as_the_analysis(sample_sheet):
    port, ws = sample_sheet
    head, body = _table(ws, "Leader reversals", "Pillar ID")
    assert tuple(head) == REVERSAL_HEADERS
    a = analyze_startups(port, draws=10)
    current = {s.pillar: s.current for s in a.sweeps}
    assert len(body) == len(a.reversals) > 0
    for rev, row in zip(a.reversals, body, strict=True):
        assert row[0] == rev.pillar and row[1] == a.pillar_names[rev.pillar]
        assert row[2] == pytest.approx(current[rev.pillar], abs=5e-5)
        assert row[3] == pytest.approx(rev.weight, abs=5e-5)
        assert row[4:] == [a.label(rev.previous_leader), a.label(rev.new_leader)]


def test_scenario_effects_follow_the_ranking_rules(sample_sheet):
    port, ws = sample_sheet
    head, body = _table(ws, "Startups", "Rank")
    base = rank_startups(port)
    rank = {r.startup_id: r.rank for r in base.rows}
    assert len(port.framework.scenarios) > 0
    moved = 0
    for scen in port.framework.scenarios:
        col = head.index(f"{scen.name['en']}: overall")
        assert head[col + 1] == f"{scen.name['en']}: rank change"
        under = rank_startups(port, scenario=scen)
        after = {r.startup_id: r for r in under.rows}
        for row in body:
            want = after[row[-1]]
            assert row[col] == pytest.approx(want.overall, abs=0.005)
            assert row[col + 1] == rank[row[-1]] - want.rank
            moved += row[col + 1] != 0
    assert moved > 0  # the shipped scenarios re-rank the sample's startups


def test_panes_frozen_below_the_startups_header(tmp_path):
    path = tmp_path / "s.xlsx"
    export_workbook(sample_portfolio(), path)
    ws = _sheet(path)
    rows = [r[0].value for r in ws.iter_rows()]
    header = next(i for i in range(rows.index("Startups"), len(rows))
                  if rows[i] == "Rank") + 1
    assert ws.freeze_panes == f"C{header + 1}"
    assert ws.auto_filter.ref.startswith(f"A{header}:")


def test_draws_seed_and_perspective_reach_the_sheet(tmp_path):
    port = many_views(12)
    path = tmp_path / "s.xlsx"
    export_workbook(port, path, analysis_draws=300, analysis_seed=9, perspective="latest",
                    ignore_gates=True)
    ws = _sheet(path)
    assert _labels(ws)["Draws"] == 300 and _labels(ws)["Seed"] == 9
    assert _labels(ws)["Perspective"].startswith("latest: ")
    _, body = _table(ws, "Startups", "Rank")
    a = analyze_startups(port, "latest", draws=300, seed=9, ignore_gates=True, top_k=TOP_K,
                         max_rank=TOP_K)
    want = [a.uncertainty.p50[r.row] for r in a.ranking.rows]
    assert [float("nan") if r[5] is None else r[5] for r in body] == pytest.approx(
        want, abs=0.005, nan_ok=True)
    assert body[-1][5] is None  # an unscored startup has no figures


def test_large_portfolios_get_fewer_draws_and_say_so(tmp_path, monkeypatch):
    import models.workbook.analysis_sheet as wa

    assert analysis_draws(100, 2000) == 2000
    assert analysis_draws(1000, 2000) == min(2000, ANALYSIS_WORK // 1000) >= MIN_DRAWS
    assert analysis_draws(ANALYSIS_WORK // MIN_DRAWS, 2000) == MIN_DRAWS
    assert analysis_draws(ANALYSIS_WORK // MIN_DRAWS + 1, 2000) == 0
    assert analysis_draws(10_000, 2000) == 0  # the 10,000-startup export skips it
    assert analysis_draws(50, 0) == 0
    monkeypatch.setattr(wa, "MIN_DRAWS", 100)
    monkeypatch.setattr(wa, "ANALYSIS_WORK", 8 * 150)
    path = tmp_path / "s.xlsx"
    result = export_workbook(sample_portfolio(), path)
    assert result.analysis["draws"] == 150
    labels = _labels(_sheet(path))
    assert labels["Draws"] == 150 and labels["Draws requested"] == 2000
    assert "150 draws instead of 2000" in labels["Note"]
    summary = load_workbook(path)["Summary"]
    assert "P10–P90: 150 Monte Carlo draws at export" in summary["A4"].value
    monkeypatch.setattr(wa, "ANALYSIS_WORK", 8 * 50)
    export_workbook(sample_portfolio(), path)
    ws = _sheet(path)
    assert _labels(ws)["Draws"] == 0 and "skipped" in _labels(ws)["Note"]
    _, body = _table(ws, "Startups", "Rank")
    assert all(v is None for r in body for v in r[4:9])
    assert all(r[3] is not None for r in body)  # the scores themselves are still there
    summary = load_workbook(path)["Summary"]
    assert "P10–P90: left out of this export (8 startups)" in summary["A4"].value
    assert all(summary.cell(r, 14).value is None for r in range(6, 14))


def test_zero_draws_leaves_the_monte_carlo_out(tmp_path):
    path = tmp_path / "s.xlsx"
    export_workbook(sample_portfolio(), path, analysis_draws=0)
    ws = _sheet(path)
    assert _labels(ws)["Draws"] == 0 and "not requested" in _labels(ws)["Note"]


def test_user_text_stays_text_and_empty_portfolios_work(tmp_path):
    st = Startup(name="=HYPERLINK(\"http://x\",\"bad\")", assessments=[
        Assessment(assessor="+bob", role="investor",
                   scores={"tech.threshold": Score(value=3)})])
    empty = Startup(name="Nothing yet", assessments=[Assessment(assessor="x")])
    port = Portfolio(framework=sample_portfolio().framework, startups=[st, empty])
    path = tmp_path / "s.xlsx"
    export_workbook(port, path)
    ws = _sheet(path)
    _, body = _table(ws, "Startups", "Rank")
    assert body[0][1] == "=HYPERLINK(\"http://x\",\"bad\")"
    assert body[1][3] is None and body[1][4:9] == [None] * 5
    export_workbook(Portfolio(framework=port.framework), tmp_path / "empty.xlsx")
    ws = _sheet(tmp_path / "empty.xlsx")
    assert _table(ws, "Startups", "Rank")[1] == []


def test_cli_export_takes_draws_and_seed(tmp_path, capsys):
    src = tmp_path / "s.beachhead"
    save_portfolio(sample_portfolio(), src)
    out = tmp_path / "out.xlsx"
    assert cli.main(["export", str(src), "-o", str(out), "--draws", "400", "--seed", "3"]) == 0
    labels = _labels(_sheet(out))
    assert labels["Draws"] == 400 and labels["Seed"] == 3
    assert cli.main(["export", str(src), "-o", str(out), "--draws", "-5"]) == 2
