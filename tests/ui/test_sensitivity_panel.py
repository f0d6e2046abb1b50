"""The Compare view's Sensitivity tab: its rank-reversal list equals models.analysis.sensitivity,
the
tornado chart shows the selected assessment, and both follow weight changes (pytest-qt)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui import commands as cmd
from gui.document import Document
from gui.tables.reversals import ReversalsModel
from gui.tables.roles import AssessmentIdRole
from gui.views.compare.sensitivity_panel import SensitivityPanel
from gui.views.compare.view import CompareView
from models.analysis.reversals import SensitivityData
from models.analysis.run import analyze_portfolio
from models.analysis.sensitivity import leader_reversals, overall_at_share, tornado
from models.core.rounding import percent
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.scores import score_levels

R = ReversalsModel


@pytest.fixture
def panel(qtbot, doc, scripted_ask) -> SensitivityPanel:
    p = SensitivityPanel(doc)
    qtbot.addWidget(p)
    p.resize(1200, 420)
    return p


def _engine(doc: Document):  # type: ignore[no-untyped-def]
    fw = doc.framework
    fa = FrameworkArrays.of(fw)
    pillars = score_levels(level_matrix([a for _, a in doc.portfolio.assessments()], fw),
                           fa).pillars
    return pillars, fa


def test_model_passes_qt_model_tester(qtmodeltester, panel):
    panel.refresh()
    assert panel.model.rowCount() > 0
    qtmodeltester.check(panel.model)


def test_reversal_list_equals_the_engine(panel, doc):
    panel.refresh()
    pillars, fa = _engine(doc)
    expected = [r for s in leader_reversals(pillars, fa.pillar_weight, list(fa.pillar_ids))
                for r in s.reversals]
    assert panel.model.rowCount() == len(expected) > 0
    analysis = analyze_portfolio(doc.portfolio, draws=10)
    names = {p.id: p.name["en"] for p in doc.framework.pillars}
    for row, rev in enumerate(expected):
        assert panel.model.reversal(row) == rev
        assert panel.model.value(row, R.PILLAR) == names[rev.pillar]
        assert panel.model.value(row, R.AT) == pytest.approx(rev.weight)
        assert panel.model.value(row, R.NEW) == analysis.label(rev.new_leader)
        assert panel.model.value(row, R.BEFORE) == analysis.label(rev.previous_leader)
        assert panel.model.index(row, R.AT).data() == percent(rev.weight, 1)
        new_id = doc.results()[rev.new_leader].assessment_id
        assert panel.model.index(row, R.NEW).data(AssessmentIdRole) == new_id
    assert "Leader at the current weights" in panel.summary_label.text()


def test_each_reversal_point_is_confirmed_by_rescoring(panel, doc):
    panel.refresh()
    pillars, fa = _engine(doc)
    j_of = {p: j for j, p in enumerate(fa.pillar_ids)}
    for row in range(panel.model.rowCount()):
        rev = panel.model.reversal(row)
        below = overall_at_share(pillars, fa.pillar_weight, j_of[rev.pillar], rev.weight - 1e-6)
        above = overall_at_share(pillars, fa.pillar_weight, j_of[rev.pillar], rev.weight + 1e-6)
        assert int(np.nanargmax(below)) == rev.previous_leader
        assert int(np.nanargmax(above)) == rev.new_leader


def test_tornado_rows_equal_the_engine_for_the_selected_assessment(panel, doc):
    panel.refresh()
    aid = doc.results()[3].assessment_id
    panel.set_current(aid)
    data = panel.tornado_rows()
    pillars, fa = _engine(doc)
    t = tornado(pillars, fa.pillar_weight, list(fa.pillar_ids))
    assert data is not None
    assert data["base"] == pytest.approx(t.base[3])
    assert [p[4] for p in data["pillars"]] == pytest.approx(t.low[3].tolist())
    assert [p[5] for p in data["pillars"]] == pytest.approx(t.high[3].tolist())
    assert [p[1] for p in data["pillars"]] == pytest.approx(t.share.tolist())


def test_follows_weight_changes_on_idle(qtbot, panel, doc):
    panel.show()
    qtbot.waitUntil(lambda: panel.data is not None, timeout=5000)
    before = panel.data
    doc.undo_stack.push(cmd.ChangeFramework(
        doc, doc.framework.with_weights(pillar_weights={"cap": 4.0}), "Weight"))
    qtbot.waitUntil(lambda: panel.data is not before, timeout=5000)
    pillars, fa = _engine(doc)
    expected = [r for s in leader_reversals(pillars, fa.pillar_weight, list(fa.pillar_ids))
                for r in s.reversals]
    assert [panel.model.reversal(r) for r in range(panel.model.rowCount())] == expected
    share_now = panel.model.value(0, R.CURRENT)
    data = SensitivityData.of(doc.framework, doc.results())
    assert share_now == pytest.approx(data.sweeps[0].current)


def test_tornado_chart_draws_for_the_compare_selection(qtbot, doc, scripted_ask):
    view = CompareView(doc)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    panel = view.sensitivity_panel
    view.tabs.setCurrentWidget(panel)
    aid = doc.results()[2].assessment_id
    view.select_assessment(aid)
    qtbot.waitUntil(lambda: panel.chart.draws >= 1 and panel.tornado_rows() is not None,
                    timeout=5000)
    qtbot.waitUntil(lambda: not panel.chart.is_pending(), timeout=5000)
    ax = panel.chart.figure.axes[0]
    assert len(ax.get_yticklabels()) == len(doc.framework.pillars)
    r = doc.result(aid)
    assert r.startup in panel.tornado_label.text()
    # choosing a reversal activates its new leader
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        panel.table.setCurrentIndex(panel.model.index(0, 0))
    assert blocker.args[1] == panel.model.index(0, 0).data(AssessmentIdRole)
    assert panel.model.headerData(R.AT, Qt.Orientation.Horizontal) == "Leader changes at"
