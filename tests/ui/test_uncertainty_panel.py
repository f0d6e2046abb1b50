"""The Compare view's Uncertainty tab: its table equals models.analysis.uncertainty for the sample,
figures go stale after edits instead of recomputing, large portfolios run in a worker process
(pytest-qt, offscreen)."""

from __future__ import annotations

import math
import pickle

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui import commands as cmd
from gui.document import Document
from gui.jobs import targets as job_targets
from gui.tables.roles import AssessmentIdRole, SortRole
from gui.tables.uncertainty import UncertaintyTableModel
from gui.views.compare.uncertainty_panel import UncertaintyPanel
from gui.views.compare.view import CompareView
from gui.widgets.palette import STALE_FG
from models.analysis.run import analyze_portfolio
from models.core.rounding import fixed, percent


@pytest.fixture
def view(compare_view: CompareView) -> CompareView:
    return compare_view


M = UncertaintyTableModel


@pytest.fixture
def panel(qtbot, doc, scripted_ask) -> UncertaintyPanel:
    p = UncertaintyPanel(doc)
    qtbot.addWidget(p)
    p.resize(1200, 420)
    return p


def _row_values(model: UncertaintyTableModel, aid: str) -> list[float | None]:
    row = model.row_of(aid)
    return [model.value(row, c) for c in (M.OVERALL, M.P10, M.P50, M.P90, M.P_RANK1, M.P_TOP3)]


def _expected(doc: Document, **options: object) -> dict[str, list[float]]:
    u = analyze_portfolio(doc.portfolio, **options).uncertainty  # type: ignore[arg-type]
    ids = [a.id for _, a in doc.portfolio.assessments()]
    return {aid: [u.overall[i], u.p10[i], u.p50[i], u.p90[i], u.p_rank1[i], u.p_top_k[i]]
            for i, aid in enumerate(ids)}


def test_model_passes_qt_model_tester(qtmodeltester, panel):
    panel.compute()
    qtmodeltester.check(panel.model)
    panel.proxy.set_text("a")
    qtmodeltester.check(panel.proxy)


def test_table_equals_the_analysis_for_the_sample(panel, doc):
    assert panel.run_settings.settings() == {"draws": 2000, "seed": 0, "concentration": None}
    assert panel.compute()
    expected = _expected(doc, draws=2000, seed=0)
    assert panel.model.rowCount() == 13
    for aid, values in expected.items():
        assert _row_values(panel.model, aid) == pytest.approx(values)
    # one row's display text
    aid = next(iter(expected))
    row = panel.model.row_of(aid)
    assert panel.model.index(row, M.P50).data() == fixed(expected[aid][2])
    assert panel.model.index(row, M.P_RANK1).data() == percent(expected[aid][4], 1)
    assert panel.model.index(row, M.STARTUP).data(AssessmentIdRole) == aid
    headers = [panel.model.headerData(c, Qt.Orientation.Horizontal) for c in range(8)]
    assert headers == ["Startup", "Assessor", "Overall", "P10", "P50", "P90", "P(rank 1)",
                       "P(top 3)"]
    assert "2000 draws, seed 0" in panel.status_label.text()


def test_seed_and_weight_uncertainty_follow_the_settings(panel, doc):
    panel.run_settings.set_settings(draws=500, seed=7, concentration=50.0)
    panel.compute()
    expected = _expected(doc, draws=500, seed=7, concentration=50.0)
    for aid, values in expected.items():
        assert _row_values(panel.model, aid) == pytest.approx(values)
    assert panel.model.figures["concentration"] == 50.0
    assert "concentration 50" in panel.status_label.text()


def test_rank_probabilities_of_rank_one_sum_to_one(panel):
    panel.compute()
    total = sum(panel.model.value(r, M.P_RANK1) or 0.0 for r in range(panel.model.rowCount()))
    assert total == pytest.approx(1.0)


def test_first_show_computes_once(qtbot, panel):
    assert not panel.model.figures
    panel.show()
    assert panel.model.rowCount() == 13
    figures = panel.model.figures
    panel.hide()
    panel.show()
    assert panel.model.figures is figures  # not recomputed


def test_sorted_by_p50_descending(panel):
    panel.compute()
    p50 = [panel.proxy.index(r, M.P50).data(SortRole)
           for r in range(panel.proxy.rowCount())]
    assert p50 == sorted(p50, reverse=True)


def test_a_score_edit_makes_the_figures_stale_not_recomputed(panel, doc):
    panel.compute()
    figures = panel.model.figures
    aid = doc.results()[0].assessment_id
    _, a = doc.assessment(aid)
    old = a.level("tech.threshold")
    doc.undo_stack.push(cmd.SetScoreField(doc, aid, "tech.threshold", "value",
                                          5 if old != 5 else 1))
    assert panel.is_stale()
    assert panel.model.figures is figures  # nothing recomputed on the edit
    idx = panel.model.index(0, M.P50)
    assert idx.data(Qt.ItemDataRole.ForegroundRole) == STALE_FG
    assert "Out of date" in panel.status_label.text()
    assert panel.compute_button.text() == "Recompute"
    # Recompute: fresh figures for the edited scores
    panel.compute_button.click()
    assert not panel.is_stale()
    assert idx.data(Qt.ItemDataRole.ForegroundRole) is None
    assert _row_values(panel.model, aid) == pytest.approx(
        _expected(doc, draws=2000, seed=0)[aid])


def test_texts_do_not_make_figures_stale_but_confidence_does(panel, doc):
    panel.compute()
    aid = doc.results()[0].assessment_id
    doc.undo_stack.push(cmd.SetScoreField(doc, aid, "tech.threshold", "rationale", "why"))
    assert not panel.is_stale()
    _, a = doc.assessment(aid)
    conf = a.scores["tech.threshold"].confidence
    doc.undo_stack.push(cmd.SetScoreField(doc, aid, "tech.threshold", "confidence",
                                          "low" if conf != "low" else "high"))
    assert panel.is_stale()


@pytest.mark.parametrize("change", ["weights", "scenario", "settings", "structure"])
def test_other_changes_make_the_figures_stale(panel, doc, change):
    panel.compute()
    if change == "weights":
        doc.undo_stack.push(cmd.ChangeFramework(
            doc, doc.framework.with_weights(pillar_weights={"tech": 3.0}), "Weight"))
    elif change == "scenario":
        doc.set_scenario(doc.framework.scenarios[0].id)
    elif change == "settings":
        panel.run_settings.set_settings(seed=3)
    else:
        st, _ = doc.assessment(doc.results()[0].assessment_id)
        doc.undo_stack.push(cmd.SetStartupField(doc, st.id, "name", "Renamed"))
    assert panel.is_stale()


def test_recompute_under_a_scenario_uses_it(panel, doc):
    scen = doc.framework.scenarios[0]
    doc.set_scenario(scen.id)
    panel.compute()
    expected = _expected(doc, draws=2000, seed=0, scenario=scen.id)
    for aid, values in expected.items():
        assert _row_values(panel.model, aid) == pytest.approx(values)
    assert scen.name["en"] in panel.status_label.text()


def test_large_portfolios_compute_in_a_worker_process(qtbot, panel, doc):
    panel.inline_limit = 0  # treat the sample as large
    with qtbot.waitSignal(panel.computed, timeout=90_000):
        assert panel.compute()
        assert panel.job is not None and panel.progress_bar.isVisibleTo(panel)
        assert not panel.compute()  # one run at a time
    assert panel.job is None
    expected = _expected(doc, draws=2000, seed=0)
    for aid, values in expected.items():
        assert _row_values(panel.model, aid) == pytest.approx(values)


def test_edits_during_a_run_leave_its_figures_stale(qtbot, panel, doc):
    panel.inline_limit = 0
    with qtbot.waitSignal(panel.computed, timeout=90_000):
        panel.compute()
        doc.undo_stack.push(cmd.ChangeFramework(
            doc, doc.framework.with_weights(pillar_weights={"tech": 3.0}), "Weight"))
    assert panel.is_stale()


def test_cancel_keeps_the_previous_figures(qtbot, panel):
    panel.compute()
    figures = panel.model.figures
    panel.inline_limit = 0
    panel.run_settings.set_settings(seed=5)
    panel.compute()
    panel.cancel()
    assert panel.job is None
    assert panel.model.figures is figures and panel.is_stale()
    assert panel.compute_button.isEnabled()


def test_job_target_is_qt_free_and_matches(doc):
    ids, levels, confidence, fa = job_targets.uncertainty_inputs(doc.portfolio)
    figures = job_targets.uncertainty_job(levels, confidence, fa, 300, 4, None,
                                          progress=lambda done, total: None)
    u = analyze_portfolio(doc.portfolio, draws=300, seed=4).uncertainty
    np.testing.assert_allclose(figures["p50"], u.p50)
    np.testing.assert_allclose(figures["p_top_k"], u.p_top_k)
    assert ids == [a.id for _, a in doc.portfolio.assessments()]
    # what goes to the worker is small and picklable; packed levels give the same figures
    packed = job_targets.pack_levels(levels)
    assert len(pickle.dumps((packed, confidence, fa))) < 10_000
    again = job_targets.uncertainty_job(packed, confidence, fa, 300, 4, None, None)
    np.testing.assert_array_equal(again["p50"], figures["p50"])


def test_band_chart_draws_on_idle_and_follows_the_selection(qtbot, view, doc):
    panel = view.uncertainty_panel
    view.show()
    view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.chart.draws >= 1, timeout=5000)
    ax = panel.chart.figure.axes[0]
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == 13
    # top row = highest P50, as in the table
    first = panel.model.result(panel.chart.shown_rows()[0])
    assert labels[0].startswith(first.startup)
    draws = panel.chart.draws
    aid = doc.results()[5].assessment_id
    view.select_assessment(aid)
    qtbot.waitUntil(lambda: panel.chart.draws > draws, timeout=5000)
    assert panel.table.selectionModel().currentIndex().data(AssessmentIdRole) == aid
    bold = [t.get_text() for t in panel.chart.figure.axes[0].get_yticklabels()
            if t.get_fontweight() == "bold"]
    r = doc.result(aid)
    assert len(bold) == 1 and bold[0].startswith(r.startup[:10])


def test_choosing_a_row_activates_the_assessment(qtbot, view, doc):
    panel = view.uncertainty_panel
    panel.compute()
    target = panel.proxy.index(4, 0)
    aid = target.data(AssessmentIdRole)
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        panel.table.setCurrentIndex(target)
    assert blocker.args[1] == aid
    assert view.current_assessment_id() == aid


def test_compare_filters_apply_to_the_table(view, doc):
    panel = view.uncertainty_panel
    panel.compute()
    view.role_combo.setCurrentIndex(view.role_combo.findData("founder"))
    founders = [r for r in doc.results() if r.role == "founder"]
    assert panel.proxy.rowCount() == len(founders)


def test_unscored_assessments_have_no_rank(panel, doc):
    from models.core.portfolio import Assessment

    st = doc.portfolio.startups[0]
    doc.undo_stack.push(cmd.AddAssessment(doc, st.id, Assessment(assessor="Empty")))
    panel.compute()
    row = next(r for r in range(panel.model.rowCount())
               if panel.model.result(r).assessor == "Empty")
    assert panel.model.value(row, M.P50) is None
    assert panel.model.value(row, M.P_RANK1) is None
    assert panel.model.index(row, M.P_RANK1).data() == "–"
    assert not math.isnan(sum(panel.model.value(r, M.P_RANK1) or 0
                              for r in range(panel.model.rowCount())))
