"""The Compare view's Gaps tab: founder–investor gaps and flags equal models.analysis.assessors, the
consensus is the assessors' median and can be added as an undoable assessment, and the tab
follows the assessment selected in Compare (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.document import Document
from gui.tables.gaps import GapsTableModel
from gui.views.compare.gaps_panel import GapsPanel
from gui.views.compare.view import CompareView
from gui.widgets.palette import WARNING_FG
from models.analysis.assessors import consensus, disagreements, founder_investor_gaps

G = GapsTableModel


@pytest.fixture
def panel(qtbot, doc, scripted_ask) -> GapsPanel:
    p = GapsPanel(doc)
    qtbot.addWidget(p)
    p.resize(1200, 420)
    return p


def _startup(doc: Document, name: str):  # type: ignore[no-untyped-def]
    return next(s for s in doc.portfolio.startups if s.name == name)


def _show(panel: GapsPanel, startup) -> None:  # type: ignore[no-untyped-def]
    panel.set_startup(startup.id)
    panel.refresh()


def test_model_passes_qt_model_tester(qtmodeltester, panel, doc):
    _show(panel, _startup(doc, "听澜科技"))
    assert panel.model.rowCount() > 0
    qtmodeltester.check(panel.model)


def test_gaps_equal_the_engine_largest_first(panel, doc):
    st = _startup(doc, "听澜科技")
    _show(panel, st)
    gaps = founder_investor_gaps(st, doc.framework)
    rows = [panel.model.row(r) for r in range(panel.model.rowCount())]
    with_gap = [r for r in rows if r.gap is not None]
    assert [(r.criterion, r.founder, r.investor, r.gap) for r in with_gap] == \
        [(g.criterion, g.founder, g.investor, g.gap) for g in gaps]
    assert abs(with_gap[0].gap) >= abs(with_gap[-1].gap)
    assert panel.model.index(0, G.GAP).data() == "−2"
    assert panel.model.index(0, G.CRITERION).data() == gaps[0].name


def test_flags_equal_the_engine_disagreements(panel, doc):
    st = _startup(doc, "栖语科技")
    _show(panel, st)
    flagged = {r.criterion for r in panel.gaps.rows if r.flagged}
    assert flagged == {d.criterion for d in disagreements(st.assessments, doc.framework)}
    assert flagged == {"press.latent_entrant"}
    row = next(i for i in range(panel.model.rowCount()) if panel.model.row(i).flagged)
    idx = panel.model.index(row, G.SPREAD)
    assert idx.data() == "⚠ 2"
    assert idx.data(Qt.ItemDataRole.ForegroundRole) == WARNING_FG
    assert "1 criterion differs by two levels or more" in panel.title_label.text()
    tip = idx.data(Qt.ItemDataRole.ToolTipRole)
    assert all(a.label() in tip for a in st.assessments)


def test_consensus_is_the_engine_median(panel, doc):
    st = _startup(doc, "Chattersky")
    _show(panel, st)
    expected = consensus(st.assessments, doc.framework)
    got = {r.criterion: r.consensus for r in panel.gaps.rows}
    assert got == {cid: s.value for cid, s in expected.scores.items()}


def test_add_consensus_is_one_undoable_step(qtbot, panel, doc):
    st = _startup(doc, "Chattersky")
    _show(panel, st)
    assert panel.add_button.isEnabled()
    n = len(st.assessments)
    panel.add_button.click()
    assert len(st.assessments) == n + 1
    added = st.assessments[-1]
    assert added.assessor == "Consensus" and added.role == "other"
    assert {c: s.value for c, s in added.scores.items()} == \
        {c: s.value for c, s in consensus(st.assessments[:n], doc.framework).scores.items()}
    assert doc.undo_stack.undoText() == "Add the consensus assessment of Chattersky"
    # the added consensus stays out of the next consensus by default
    panel.refresh()
    assert [a.id for a in panel.chosen()] == [a.id for a in st.assessments[:n]]
    doc.undo_stack.undo()
    assert len(st.assessments) == n


def test_choosing_assessors_changes_the_consensus(panel, doc):
    st = _startup(doc, "栖语科技")
    _show(panel, st)
    founder = st.assessments[0]
    panel.set_chosen(founder.id, False)
    assert [a.id for a in panel.chosen()] == [st.assessments[1].id]
    assert not any(r.flagged for r in panel.gaps.rows)  # one assessor cannot disagree
    assert not panel.add_button.isEnabled()
    assert panel.assessors_button.text() == "Consensus of 1 of 2"
    actions = panel.assessors_menu.actions()
    assert [a.isChecked() for a in actions] == [False, True]
    actions[0].setChecked(True)
    assert len(panel.chosen()) == 2


def test_a_startup_without_a_founder_shows_no_gaps(panel, doc):
    _show(panel, _startup(doc, "Tokenforge"))
    assert all(r.gap is None for r in panel.gaps.rows)
    assert "no assessment by a founder" in panel.title_label.text()
    assert not panel.add_button.isEnabled()


def test_follows_the_compare_selection_and_draws_the_chart(qtbot, doc, scripted_ask):
    view = CompareView(doc)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    panel = view.gaps_panel
    view.tabs.setCurrentWidget(panel)
    st = _startup(doc, "听澜科技")
    view.select_assessment(st.assessments[1].id)
    assert panel.startup_id() == st.id
    qtbot.waitUntil(lambda: panel.gaps is not None and panel.gaps.startup is st, timeout=5000)
    qtbot.waitUntil(lambda: panel.chart.draws >= 1 and not panel.chart.is_pending(),
                    timeout=5000)
    ax = panel.chart.figure.axes[0]
    gaps = founder_investor_gaps(st, doc.framework)
    assert len(ax.patches) == len(gaps)
    assert ax.get_yticklabels()[0].get_text() == gaps[0].name


def test_an_assessor_named_with_an_ampersand_is_listed_whole(panel, doc):
    """The consensus's menu of assessors shows "R&D Team", not "RD Team"."""
    from gui import commands as cmd

    st = _startup(doc, "栖语科技")
    doc.undo_stack.push(cmd.SetAssessmentField(doc, st.assessments[1].id, "assessor",
                                               "R&D Team"))
    _show(panel, st)
    shown = [a.iconText() for a in panel.assessors_menu.actions()]
    assert any("R&D Team" in text for text in shown), shown
