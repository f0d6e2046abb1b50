"""The Compare view's Sensitivity tab: its rank-reversal points among the startups ranked equal
analyze_startups' (gated startups never lead while an ungated one is scored), each is
confirmed by rescoring, the tornado shows the selected startup, and both follow weight
changes and the perspective (pytest-qt, offscreen)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt

from gui import commands as cmd
from gui.document import Document
from gui.tables.reversals import ReversalsModel, StartupSensitivity
from gui.tables.roles import StartupIdRole
from gui.views.compare.sensitivity_panel import SensitivityPanel
from gui.views.compare.view import CompareView
from models.analysis.sensitivity import overall_at_share, tornado
from models.analysis.startups import analyze_startups
from models.core.rounding import percent
from models.engine.arrays import FrameworkArrays

R = ReversalsModel


@pytest.fixture
def panel(qtbot, doc, scripted_ask) -> SensitivityPanel:
    p = SensitivityPanel(doc)
    qtbot.addWidget(p)
    p.resize(1200, 420)
    return p


def _analysis(doc: Document):  # type: ignore[no-untyped-def]
    return analyze_startups(doc.portfolio, doc.perspective, draws=10, scenario=doc.scenario,
                            ignore_gates=doc.ignore_gates)


def _shown(panel: SensitivityPanel) -> list[tuple[str, float, str, str]]:
    m = panel.model
    return [(m.reversal(r).pillar, m.reversal(r).weight, m.value(r, R.BEFORE),
             m.value(r, R.NEW)) for r in range(m.rowCount())]


def _expected(doc: Document) -> list[tuple[str, float, str, str]]:
    a = _analysis(doc)
    return [(r.pillar, r.weight, a.label(r.previous_leader), a.label(r.new_leader))
            for r in a.reversals]


def test_model_passes_qt_model_tester(qtmodeltester, panel):
    panel.refresh()
    assert panel.model.rowCount() > 0
    qtmodeltester.check(panel.model)


def test_reversal_list_equals_analyze_startups(panel, doc):
    panel.refresh()
    assert _shown(panel) == _expected(doc) and _shown(panel)
    names = {p.id: p.name["en"] for p in doc.framework.pillars}
    a = _analysis(doc)
    for row, rev in enumerate(a.reversals):
        assert panel.model.value(row, R.PILLAR) == names[rev.pillar]
        assert panel.model.index(row, R.AT).data() == percent(rev.weight, 1)
        assert panel.model.index(row, R.NEW).data(StartupIdRole) == a.startups[rev.new_leader].id
    leader = doc.ranking().rows[0].startup
    assert f"Leader at the current weights: {leader}." in panel.summary_label.text()


def test_each_reversal_point_is_confirmed_by_rescoring(panel, doc):
    panel.refresh()
    data = panel.data
    assert data is not None
    contenders = data.pillars.copy()
    for r in doc.ranking().rows:  # gated startups do not compete for the lead
        if r.gated:
            contenders[r.row] = np.nan
    j_of = {p: j for j, p in enumerate(data.pillar_ids)}
    for row in range(panel.model.rowCount()):
        rev = panel.model.reversal(row)
        below = overall_at_share(contenders, data.pillar_weight, j_of[rev.pillar],
                                 rev.weight - 1e-6)
        above = overall_at_share(contenders, data.pillar_weight, j_of[rev.pillar],
                                 rev.weight + 1e-6)
        assert int(np.nanargmax(below)) == rev.previous_leader
        assert int(np.nanargmax(above)) == rev.new_leader


def test_a_gated_startup_never_leads_unless_gates_are_ignored(panel, doc):
    # lift Tokenforge (gated by its runway) far above every other startup but its runway
    st = doc.portfolio.find_startup("Tokenforge")
    for c in doc.framework.criteria:
        if c.id != "cap.runway":
            doc.undo_stack.push(cmd.SetScoreField(
                doc, st.assessments[0].id, c.id, "value", 5 if c.direction == "benefit" else 1))
    panel.refresh()
    assert "Tokenforge" not in {new for *_, new in _shown(panel)}
    assert "Tokenforge" not in panel.summary_label.text()
    assert _shown(panel) == _expected(doc)
    doc.set_perspective("investor", ignore_gates=True)
    panel.refresh()
    assert "Leader at the current weights: Tokenforge." in panel.summary_label.text()
    assert _shown(panel) == _expected(doc)


def test_tornado_rows_equal_the_engine_for_the_selected_startup(panel, doc):
    panel.refresh()
    st = doc.portfolio.find_startup("听澜科技")
    panel.set_current(st.id)
    data = panel.tornado_rows()
    ranking = doc.ranking()
    row = doc.startup_index(st.id)
    fa = FrameworkArrays.of(doc.framework)
    t = tornado(ranking.table.pillars, fa.pillar_weight, list(fa.pillar_ids))
    assert data is not None and data["label"] == "听澜科技"
    assert data["base"] == pytest.approx(t.base[row])
    assert [p[4] for p in data["pillars"]] == pytest.approx(t.low[row].tolist())
    assert [p[5] for p in data["pillars"]] == pytest.approx(t.high[row].tolist())


def test_follows_weight_changes_and_the_perspective_on_idle(qtbot, panel, doc):
    panel.show()
    qtbot.waitUntil(lambda: panel.data is not None, timeout=5000)
    before = panel.data
    doc.undo_stack.push(cmd.ChangeFramework(
        doc, doc.framework.with_weights(pillar_weights={"cap": 4.0}),
        "weight", {"en": "a pillar"}))
    qtbot.waitUntil(lambda: panel.data is not before, timeout=5000)
    assert _shown(panel) == _expected(doc)
    before = panel.data
    doc.set_perspective("founder")
    qtbot.waitUntil(lambda: panel.data is not before, timeout=5000)
    assert _shown(panel) == _expected(doc)
    data = StartupSensitivity.of(doc.ranking(), doc.framework)
    assert panel.model.value(0, R.CURRENT) == pytest.approx(data.sweeps[0].current)


def test_tornado_chart_draws_for_the_compare_selection(qtbot, doc, scripted_ask):
    view = CompareView(doc)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    panel = view.sensitivity_panel
    view.tabs.setCurrentWidget(panel)
    st = doc.portfolio.find_startup("Gearloom Systems")
    view.select_startup(st.id)
    qtbot.waitUntil(lambda: panel.chart.draws >= 1 and panel.tornado_rows() is not None,
                    timeout=5000)
    qtbot.waitUntil(lambda: not panel.chart.is_pending(), timeout=5000)
    ax = panel.chart.figure.axes[0]
    assert len(ax.get_yticklabels()) == len(doc.framework.pillars)
    assert "Gearloom Systems" in panel.tornado_label.text()
    # choosing a reversal activates its new leader
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        panel.table.setCurrentIndex(panel.model.index(0, 0))
    assert blocker.args[0] == panel.model.index(0, 0).data(StartupIdRole)
    assert panel.model.headerData(R.AT, Qt.Orientation.Horizontal) == "Leader changes at"
