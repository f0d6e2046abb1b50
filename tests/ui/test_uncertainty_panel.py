"""The Compare view's Uncertainty tab: one row per startup under the perspective, its figures
equal to analyze_startups on the sample, P(rank 1) summing to 100 % over the startups ranked,
filters that hide rows without changing a figure, figures going stale after edits instead of
recomputing, and large portfolios computed in a worker process (pytest-qt, offscreen)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui import commands as cmd
from gui.document import Document
from gui.jobs import analysis as job_analysis
from gui.tables.roles import SortRole, StartupIdRole
from gui.tables.uncertainty import UncertaintyTableModel
from gui.views.compare.uncertainty_panel import UncertaintyPanel
from gui.views.compare.view import CompareView
from gui.widgets.palette import STALE_FG
from models.analysis.startups import analyze_startups
from models.core.rounding import fixed, percent

M = UncertaintyTableModel
KEYS = ("overall", "p10", "p50", "p90", "p_rank1", "p_top_k")


@pytest.fixture
def view(compare_view: CompareView) -> CompareView:
    return compare_view


@pytest.fixture
def panel(qtbot, doc, scripted_ask) -> UncertaintyPanel:
    p = UncertaintyPanel(doc)
    qtbot.addWidget(p)
    p.resize(1200, 420)
    return p


def _row_values(model: UncertaintyTableModel, sid: str) -> list[float | None]:
    row = model.row_of(sid)
    return [model.value(row, c) for c in (M.OVERALL, M.P10, M.P50, M.P90, M.P_RANK1, M.P_TOP3)]


def _expected(doc: Document, **options: object) -> dict[str, list[float | None]]:
    """analyze_startups' figures per startup id (None where missing, as the table shows)."""
    a = analyze_startups(doc.portfolio, doc.perspective, ignore_gates=doc.ignore_gates,
                         scenario=doc.scenario, **options)  # type: ignore[arg-type]
    u = a.uncertainty
    out = {}
    for i, st in enumerate(a.startups):
        values = [float(getattr(u, k)[i]) for k in KEYS]
        if not a.ranked[i]:
            values[4] = values[5] = float("nan")
        out[st.id] = [None if np.isnan(v) else v for v in values]
    return out


def test_model_passes_qt_model_tester(qtmodeltester, panel):
    panel.compute()
    qtmodeltester.check(panel.model)
    panel.set_visible_ids({panel.model.ranked(0).startup_id})
    qtmodeltester.check(panel.model)


def test_table_equals_analyze_startups_for_the_sample(panel, doc):
    assert panel.run_settings.settings() == {"draws": 2000, "seed": 0, "concentration": None}
    assert panel.compute()
    expected = _expected(doc, draws=2000, seed=0)
    assert panel.model.rowCount() == len(doc.portfolio.startups) == 8
    for sid, values in expected.items():
        assert _row_values(panel.model, sid) == pytest.approx(values)
    # in the ranking's order, with the ranking's ranks
    ranking = doc.ranking()
    assert [panel.model.ranked(r).startup_id for r in range(8)] == \
        [r.startup_id for r in ranking.rows]
    sid = ranking.rows[0].startup_id
    row = panel.model.row_of(sid)
    assert panel.model.index(row, M.P50).data() == fixed(expected[sid][2])
    assert panel.model.index(row, M.P_RANK1).data() == percent(expected[sid][4], 1)
    assert panel.model.index(row, M.STARTUP).data(StartupIdRole) == sid
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == ["Rank", "Startup", "Overall", "P10", "P50", "P90", "P(rank 1)",
                       "P(top 3)"]
    assert "Investor view: 2000 draws, seed 0" in panel.status_label.text()
    assert "over all 8 startups ranked" in panel.status_label.text()


def test_no_founder_row_competes_and_gated_startups_never_lead(panel, doc):
    panel.compute()
    total = sum(panel.model.value(r, M.P_RANK1) or 0.0 for r in range(8))
    assert total == pytest.approx(1.0)
    for r in range(8):
        if panel.model.ranked(r).gated:
            assert panel.model.value(r, M.P_RANK1) == 0.0


def test_the_filter_hides_rows_and_says_the_figures_are_over_every_startup(view, doc):
    panel = view.uncertainty_panel
    panel.compute()
    before = {panel.model.ranked(r).startup_id: panel.model.value(r, M.P_RANK1)
              for r in range(panel.model.rowCount())}
    combo = view.startups.status_combo
    combo.setCurrentIndex(combo.findData("invested"))
    assert panel.model.rowCount() == 1
    sid = panel.model.ranked(0).startup_id
    assert doc.startup(sid).name == "Gearloom Systems"
    assert panel.model.value(0, M.P_RANK1) == before[sid]  # not renormalised to 100 %
    assert "the filter shows 1 of them but changes no figure" in panel.status_label.text()
    combo.setCurrentIndex(0)
    assert panel.model.rowCount() == 8
    assert sum(panel.model.value(r, M.P_RANK1) for r in range(8)) == pytest.approx(1.0)


def test_under_the_founder_view_unscored_startups_have_no_rank(panel, doc):
    doc.set_perspective("founder")
    panel.compute()
    expected = _expected(doc, draws=2000, seed=0)
    unscored = [sid for sid, v in expected.items() if v[0] is None]
    assert len(unscored) == 3
    for sid in unscored:
        row = panel.model.row_of(sid)
        assert panel.model.value(row, M.P_RANK1) is None
        assert panel.model.index(row, M.P_RANK1).data() == "–"
    assert sum(v[4] or 0.0 for v in expected.values()) == pytest.approx(1.0)
    assert "Founder view" in panel.status_label.text()
    assert "over all 5 startups ranked" in panel.status_label.text()


def test_seed_and_weight_uncertainty_follow_the_settings(panel, doc):
    panel.run_settings.set_settings(draws=500, seed=7, concentration=50.0)
    panel.compute()
    for sid, values in _expected(doc, draws=500, seed=7, concentration=50.0).items():
        assert _row_values(panel.model, sid) == pytest.approx(values)
    assert panel.model.figures["concentration"] == 50.0
    assert "concentration 50" in panel.status_label.text()


def test_ignoring_gates_and_a_scenario_are_used(panel, doc):
    doc.set_perspective("investor", ignore_gates=True)
    doc.set_scenario("financing_thaw")
    panel.compute()
    for sid, values in _expected(doc, draws=2000, seed=0).items():
        assert _row_values(panel.model, sid) == pytest.approx(values)
    assert "Financing thaw" in panel.status_label.text()


def test_first_show_computes_once(panel):
    assert not panel.model.figures
    panel.show()
    assert panel.model.rowCount() == 8
    figures = panel.model.figures
    panel.hide()
    panel.show()
    assert panel.model.figures is figures  # not recomputed


def test_sorting_by_p50_uses_the_numbers(panel):
    panel.compute()
    panel.table.sortByColumn(M.P50, Qt.SortOrder.DescendingOrder)
    p50 = [panel.model.index(r, M.P50).data(SortRole) for r in range(8)]
    assert p50 == sorted(p50, reverse=True)


def test_a_score_edit_makes_the_figures_stale_not_recomputed(panel, doc):
    panel.compute()
    figures = panel.model.figures
    st = doc.portfolio.find_startup("Lumenreel")
    a = st.assessments[0]
    old = a.level("tech.threshold")
    doc.undo_stack.push(cmd.SetScoreField(doc, a.id, "tech.threshold", "value",
                                          5 if old != 5 else 1))
    assert panel.is_stale()
    assert panel.model.figures is figures
    idx = panel.model.index(0, M.P50)
    assert idx.data(Qt.ItemDataRole.ForegroundRole) == STALE_FG
    assert "Out of date" in panel.status_label.text()
    panel.compute_button.click()
    assert not panel.is_stale()
    assert _row_values(panel.model, st.id) == pytest.approx(
        _expected(doc, draws=2000, seed=0)[st.id])


def test_edits_outside_the_perspective_leave_the_figures_fresh(panel, doc):
    panel.compute()
    founder = next(a for _, a in doc.portfolio.assessments() if a.role == "founder")
    doc.undo_stack.push(cmd.SetScoreField(doc, founder.id, "tech.threshold", "value", 1))
    doc.undo_stack.push(cmd.SetScoreField(doc, founder.id, "tech.threshold", "rationale", "x"))
    assert not panel.is_stale()  # the investor view does not use founder scores
    doc.set_perspective("founder")
    assert panel.is_stale()


@pytest.mark.parametrize("change", ["weights", "scenario", "settings", "structure", "gates"])
def test_other_changes_make_the_figures_stale(panel, doc, change):
    panel.compute()
    if change == "weights":
        doc.undo_stack.push(cmd.ChangeFramework(
            doc, doc.framework.with_weights(pillar_weights={"tech": 3.0}),
            "weight", {"en": "a pillar"}))
    elif change == "scenario":
        doc.set_scenario(doc.framework.scenarios[0].id)
    elif change == "settings":
        panel.run_settings.set_settings(seed=3)
    elif change == "gates":
        doc.set_perspective("investor", ignore_gates=True)
    else:
        doc.undo_stack.push(cmd.SetStartupField(doc, doc.portfolio.startups[0].id, "name",
                                                "Renamed"))
    assert panel.is_stale()


def test_large_portfolios_compute_in_a_worker_process(qtbot, panel, doc):
    panel.inline_limit = 0  # treat the sample as large
    with qtbot.waitSignal(panel.computed, timeout=90_000):
        assert panel.compute()
        assert panel.job is not None and panel.progress_bar.isVisibleTo(panel)
        assert not panel.compute()  # one run at a time
    assert panel.job is None
    for sid, values in _expected(doc, draws=2000, seed=0).items():
        assert _row_values(panel.model, sid) == pytest.approx(values)


def test_edits_during_a_run_leave_its_figures_stale(qtbot, panel, doc):
    panel.inline_limit = 0
    with qtbot.waitSignal(panel.computed, timeout=90_000):
        panel.compute()
        doc.undo_stack.push(cmd.ChangeFramework(
            doc, doc.framework.with_weights(pillar_weights={"tech": 3.0}),
            "weight", {"en": "a pillar"}))
    assert panel.is_stale()


def test_cancel_keeps_the_previous_figures(panel):
    panel.compute()
    figures = panel.model.figures
    panel.inline_limit = 0
    panel.run_settings.set_settings(seed=5)
    panel.compute()
    panel.cancel()
    assert panel.job is None
    assert panel.model.figures is figures and panel.is_stale()
    assert panel.compute_button.isEnabled()


def test_job_target_is_qt_free_small_and_matches(doc):
    inputs = job_analysis.startup_uncertainty_inputs(doc.ranking())
    sent = pickle.dumps((inputs, doc.framework.model_dump_json()))
    assert len(sent) < 100_000
    figures = job_analysis.startup_uncertainty_job(*pickle.loads(sent), 300, 4, None, None,
                                                  progress=lambda done, total: None)
    u = analyze_startups(doc.portfolio, draws=300, seed=4).uncertainty
    for key in KEYS:
        np.testing.assert_array_equal(figures[key], getattr(u, key))
    assert figures["ids"] == [s.id for s in doc.portfolio.startups]


def test_band_chart_draws_on_idle_and_follows_the_selection(qtbot, view, doc):
    panel = view.uncertainty_panel
    view.show()
    view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.chart.draws >= 1, timeout=5000)
    ax = panel.chart.figure.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 8
    assert labels[0] == doc.ranking().rows[0].startup  # the table's order: by rank
    draws = panel.chart.draws
    st = doc.portfolio.find_startup("Lumenreel")
    view.select_startup(st.id)
    qtbot.waitUntil(lambda: panel.chart.draws > draws, timeout=5000)
    current = panel.table.selectionModel().currentIndex()
    assert current.data(StartupIdRole) == st.id
    bold = [t.get_text() for t in panel.chart.figure.axes[0].get_yticklabels()
            if t.get_fontweight() == "bold"]
    assert bold == ["Lumenreel"]


def test_choosing_a_row_activates_the_startup(qtbot, view, doc):
    panel = view.uncertainty_panel
    panel.compute()
    target = panel.model.index(4, 0)
    sid = target.data(StartupIdRole)
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        panel.table.setCurrentIndex(target)
    assert blocker.args[0] == sid
    assert view.current_startup_id() == sid
