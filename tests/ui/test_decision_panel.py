"""The decision panel of the Assess view and the startup list under the perspective, driven
through their public API and key presses (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtTest import QTest

from gui import commands as cmd
from gui.document import Document
from gui.tables.roles import GatedRole, OverallRole, PillarsRole, StatusRole
from gui.views.assess.decision_panel import DecisionPanel
from gui.views.assess.startup_list import StartupListModel
from models.core.decisions import Decision
from models.core.portfolio import Assessment, Score


def _sid(doc: Document, name: str) -> str:
    st = doc.portfolio.find_startup(name)
    assert st is not None
    return st.id


@pytest.fixture
def panel(qtbot, doc: Document) -> DecisionPanel:  # type: ignore[no-untyped-def]
    p = DecisionPanel(doc)
    qtbot.addWidget(p)
    p.resize(340, 420)
    p.show()
    return p


def test_status_date_who_and_rationale_are_undoable(panel, doc):
    sid = _sid(doc, "Tokenforge")
    panel.show_startup(sid)
    assert doc.startup(sid).decisions == [] and panel.status_combo.currentIndex() == -1
    # no decision yet: who defaults to the latest investor's name
    assert panel.default_who() == "Daniel Okafor, Harbourline Ventures"
    panel.set_status("screening")
    (d,) = doc.startup(sid).decisions
    assert (d.status, d.date, d.by, d.rationale) == (
        "screening", dt.date.today(), "Daniel Okafor, Harbourline Ventures", "")
    assert doc.undo_stack.undoText() == "Decide Screening for Tokenforge"
    assert panel.status_combo.currentData() == "screening"
    panel.set_who("Ana Lima")
    panel.set_date(dt.date(2026, 3, 2))
    phrase = "Needs a runway plan"
    for i in range(1, len(phrase) + 1):  # typed a character at a time: one undo step
        panel.set_rationale(phrase[:i])
    assert doc.undo_stack.undoText() == "Edit the decision rationale of Tokenforge"
    assert doc.startup(sid).decision.rationale == "Needs a runway plan"
    assert (doc.startup(sid).decision.by, doc.startup(sid).decision.date) == (
        "Ana Lima", dt.date(2026, 3, 2))
    assert panel.last_who == "Ana Lima"
    # a new status is a new decision, by the last name used, and the old one is history
    panel.set_status("diligence")
    assert [x.status for x in doc.startup(sid).decisions] == ["screening", "diligence"]
    assert doc.startup(sid).decision.by == "Ana Lima"
    assert "Needs a runway plan" in panel.history_label.text()
    depth = doc.undo_stack.count()
    for _ in range(depth):
        doc.undo_stack.undo()
    assert doc.startup(sid).decisions == []
    assert panel.status_combo.currentIndex() == -1
    assert not panel.rationale_edit.isEnabled()
    for _ in range(depth):
        doc.undo_stack.redo()
    assert [x.status for x in doc.startup(sid).decisions] == ["screening", "diligence"]
    assert doc.startup(sid).decisions[0].rationale == "Needs a runway plan"
    assert panel.rationale_edit.toPlainText() == ""  # the current one's, not the old one's


def test_same_status_again_changes_nothing_and_withdraw_goes_back(panel, doc):
    sid = _sid(doc, "Gearloom Systems")
    panel.show_startup(sid)
    before = doc.undo_stack.count()
    panel.set_status("invested")  # the sample's current status
    assert doc.undo_stack.count() == before
    # pursue suggested (67.0 ≥ 65) and the startup is past diligence: nothing to take
    assert panel.suggestion() == "pursue" and not panel.take_button.isEnabled()
    assert panel.history_button.text() == "Earlier decisions (2)"
    assert panel.history_label.isHidden()
    panel.history_button.click()
    assert panel.history_label.isVisible()
    assert panel.history_label.text().index("2024-10-29 · Diligence") < \
        panel.history_label.text().index("2024-10-03 · Screening")  # newest first
    assert panel.rationale_edit.toPlainText().startswith("Series A ticket approved")
    panel.withdraw()
    assert doc.startup(sid).decision.status == "diligence"
    assert doc.undo_stack.undoText() == "Withdraw the decision on Gearloom Systems"
    assert panel.status_combo.currentData() == "diligence"
    assert panel.history_button.text() == "Earlier decisions (1)"
    doc.undo_stack.undo()
    assert doc.startup(sid).decision.status == "invested"


def test_the_current_decision_stays_the_latest_by_date(panel, doc):
    sid = _sid(doc, "Gearloom Systems")  # screening 10-03, diligence 10-29, invested 12-12
    panel.show_startup(sid)
    assert panel.date_edit.minimumDate() == QDate(2024, 10, 29)  # not before the previous one
    panel.set_date(dt.date(2024, 1, 1))
    assert [d.status for d in doc.startup(sid).decisions] == [
        "screening", "diligence", "invested"]
    assert doc.startup(sid).decision.date == dt.date(2024, 10, 29)
    assert panel.status_combo.currentData() == "invested"
    # a current decision dated ahead: a new one takes its date, so it becomes current
    ahead = dt.date.today() + dt.timedelta(days=30)
    panel.set_date(ahead)
    panel.set_status("passed")
    assert doc.startup(sid).decision.status == "passed"
    assert doc.startup(sid).decision.date == ahead
    assert panel.date_edit.minimumDate() == QDate(ahead.year, ahead.month, ahead.day)
    panel.withdraw()
    panel.withdraw()
    # one decision left: any date will do
    panel.withdraw()
    assert len(doc.startup(sid).decisions) == 1
    panel.set_date(dt.date(2020, 5, 1))
    assert doc.startup(sid).decision.date == dt.date(2020, 5, 1)
    assert panel.date_edit.date() == QDate(2020, 5, 1)


def test_a_long_earlier_rationale_keeps_the_panel_narrow_and_short(panel, doc):
    sid = _sid(doc, "Tokenforge")
    link = "https://example.com/" + "a" * 480  # one word of 500 characters
    essay = "Runway is short. " * 400  # 6,800 characters
    doc.undo_stack.push(cmd.SetDecisions(doc, sid, [
        Decision(status="screening", date=dt.date(2024, 11, 6), by="P", rationale=essay),
        Decision(status="watch", date=dt.date(2024, 11, 7), by="P", rationale=link),
        Decision(status="passed", date=dt.date(2024, 11, 8), by="P", rationale="done")]))
    panel.show_startup(sid)
    panel.history_button.click()
    text = panel.history_label.text()
    assert "Runway is short. Runway" in text and essay.strip() not in text
    shown = next(t for t in text.replace("\u200b", "").split("<br>") if "Runway" in t)
    assert shown.endswith(">" + essay[:300] + "…</span></li></ul>")  # 300 characters shown
    # the link may wrap: the label asks for no more width than the panel has
    assert panel.history_label.minimumSizeHint().width() < panel.width()
    assert panel.history_label.heightForWidth(300) < 400


def test_take_suggestion_on_a_gated_startup_passes(panel, doc):
    sid = _sid(doc, "Tokenforge")
    panel.show_startup(sid)
    # runway at 1 fires "Runway exhausted": pass whatever the overall (24.25)
    assert panel.suggestion() == "pass"
    assert panel.suggestion_label.text() == (
        "Investor view suggests: Pass (gated by Runway exhausted)")
    assert panel.take_button.isEnabled()
    panel.take_suggestion()
    d = doc.startup(sid).decision
    assert d.status == "passed"
    assert d.rationale == (
        "Framework suggestion (Investor view): Pass (gated by Runway exhausted).")
    assert doc.undo_stack.undoText() == "Take the suggestion Passed for Tokenforge"
    assert not panel.take_button.isEnabled()  # already taken
    doc.undo_stack.undo()
    assert doc.startup(sid).decisions == [] and panel.take_button.isEnabled()


def test_a_hidden_panel_ranks_nothing_until_shown_or_asked(qtbot, doc, monkeypatch):
    asked: list[bool] = []
    real = Document.ranking
    monkeypatch.setattr(Document, "ranking", lambda self: (asked.append(True), real(self))[1])
    hidden = DecisionPanel(doc)  # as behind the Compare tab when a portfolio opens
    qtbot.addWidget(hidden)
    sid = _sid(doc, "Tokenforge")
    hidden.show_startup(sid)
    doc.set_perspective("founder")
    hidden.show_startup(_sid(doc, "Summitcore AI"))
    assert not asked
    # asked for, the suggestion is read at once; shown, the panel says it
    assert hidden.suggestion() == "watch" and len(asked) == 1
    hidden.resize(340, 420)
    hidden.show()
    qtbot.waitExposed(hidden)
    # the founder's own levels give 52.33 (see the perspective test below)
    assert hidden.suggestion_label.text() == (
        "Founder view suggests: Watch (overall 52.3 ≥ 45, below 65)")
    hidden.hide()
    doc.set_perspective("investor")
    hidden.show_startup(sid)
    assert len(asked) == 1
    hidden.show()
    assert hidden.suggestion_label.text() == (
        "Investor view suggests: Pass (gated by Runway exhausted)")
    assert hidden.take_button.isEnabled() and len(asked) == 2


def test_take_suggestion_watch_names_both_thresholds(panel, doc):
    sid = _sid(doc, "听澜科技")
    panel.show_startup(sid)
    # one investor: niche 58.33, tech 56.25, eco 75, pressure 70, capital 58.33 -> 63.58
    assert panel.suggestion_label.text() == (
        "Investor view suggests: Watch (overall 63.6 ≥ 45, below 65)")
    panel.take_suggestion()
    assert doc.startup(sid).decision.status == "watch"
    assert doc.startup(sid).decision.by == "许嘉宁，澄川资本"


def test_the_suggestion_follows_the_perspective_and_the_scores(panel, doc, qtbot):
    sid = _sid(doc, "Summitcore AI")
    panel.show_startup(sid)
    # investor view: niche 25, tech 31.25, eco 41.67, pressure 25, capital 83.33 -> 41.25
    assert panel.suggestion() == "pass"
    assert "overall 41.3 < 45" in panel.suggestion_label.text()
    investor = next(a for a in doc.startup(sid).assessments if a.role == "investor")
    # segment focus 2 -> 5: niche (1 + .25 + .25) / 3 = 50, overall 41.25 + 25 / 5 = 46.25
    doc.undo_stack.push(cmd.SetScoreField(doc, investor.id, "niche.segment_focus", "value", 5))
    qtbot.waitUntil(lambda: panel.suggestion() == "watch")
    assert "overall 46.3 ≥ 45, below 65" in panel.suggestion_label.text()
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: panel.suggestion() == "pass")
    founder = next(a for a in doc.startup(sid).assessments if a.role == "founder")
    doc.set_perspective("founder")
    assert panel.suggestion_label.text().startswith("Founder view suggests: Watch")
    assert panel.suggestion() == "watch"
    # the founder's own levels: niche 3,2,2 -> 33.33; tech 4,3,3,2 -> 50; eco 2,2,4 -> 41.67;
    # pressure 4,3,3,3,3 -> 45; capital 5,4,5 -> 91.67; overall 52.33
    assert doc.result(founder.id).overall == pytest.approx(157 / 3)
    assert "overall 52.3 ≥ 45, below 65" in panel.suggestion_label.text()
    doc.set_perspective("assessor:Nobody")
    assert panel.suggestion() is None
    assert panel.suggestion_label.text() == (
        "No suggestion yet: nothing is scored (Assessor: Nobody).")
    assert not panel.take_button.isEnabled()


def test_typing_a_rationale_is_one_undo_step(window, qtbot):
    doc = window.doc
    view = window.assess_view
    sid = _sid(doc, "Lumenreel")
    view.select_startup(sid)
    panel = view.decision_panel
    assert panel.startup().id == sid
    edit = panel.rationale_edit
    edit.setFocus()
    edit.moveCursor(edit.textCursor().MoveOperation.End)
    QTest.keyClicks(edit, " Check the burn.")
    expected = ("Strong model quality; the question is how long the lead lasts against the "
                "giants' video-generation spend. Check the burn.")
    assert doc.startup(sid).decision.rationale == expected
    assert window.menus.undo_action.text() == "&Undo Edit the decision rationale of Lumenreel"
    doc.undo_stack.undo()
    assert doc.startup(sid).decision.rationale == expected[: -len(" Check the burn.")]
    assert edit.toPlainText() == expected[: -len(" Check the burn.")]


def test_the_rationale_box_grows_with_its_text(panel, doc, qtbot):
    panel.show_startup(_sid(doc, "Gearloom Systems"))
    edit = panel.rationale_edit
    panel.set_rationale("one line")
    short = edit.height()
    panel.set_rationale("\n".join(f"line {i}" for i in range(6)))
    assert edit.height() > short
    panel.set_rationale("\n".join(f"line {i}" for i in range(9)))
    tall = edit.height()
    panel.set_rationale("\n".join(f"line {i}" for i in range(30)))
    assert edit.height() == tall  # at most eight lines, then it scrolls
    assert edit.verticalScrollBar().maximum() > 0
    # a narrower box wraps a long line onto more lines, and grows again
    panel.set_rationale("word " * 40)
    wide = edit.height()
    panel.resize(220, 420)
    qtbot.waitUntil(lambda: edit.height() > wide)


def _investor(doc: Document, name: str, assessor: str, level: int) -> Assessment:
    st = doc.portfolio.find_startup(name)
    return Assessment(assessor=assessor, role="investor", date=dt.date(2024, 12, 1),
                      scores={cid: Score(value=level) for cid in doc.framework.criterion_ids},
                      id=f"{st.id}-extra")


def test_startup_list_shows_the_perspective(qtbot, doc):
    model = StartupListModel(doc)
    gear = model.index(model.row_of(_sid(doc, "Gearloom Systems")))
    summit = model.index(model.row_of(_sid(doc, "Summitcore AI")))
    # Summitcore's latest assessment is its founder's (52.33); the list ranks the investor view
    assert summit.data(OverallRole) == pytest.approx(41.25)
    assert gear.data(OverallRole) == pytest.approx(67.0)
    assert gear.data(StatusRole) == "invested"
    assert gear.data(PillarsRole) == pytest.approx([250 / 3, 50.0, 50.0, 85.0, 200 / 3])
    # a second investor at 3 everywhere: per criterion the median of two, the lower level of a
    # benefit criterion and the higher of a cost one. niche 4,5,4 -> 3,3,3: 50; tech 3,2,3,4 ->
    # 3,2,3,3: 43.75; eco 2,4,3 -> 2,3,3: 41.67; pressure 2,1,1,2,2 -> 3 each: 50; capital 50
    doc.undo_stack.push(cmd.AddAssessment(doc, _sid(doc, "Gearloom Systems"),
                                          _investor(doc, "Gearloom Systems", "Ana Lima", 3)))
    gear = model.index(model.row_of(_sid(doc, "Gearloom Systems")))
    assert gear.data(OverallRole) == pytest.approx((50 + 43.75 + 125 / 3 + 50 + 50) / 5)
    assert gear.data(PillarsRole) == pytest.approx([50.0, 43.75, 125 / 3, 50.0, 50.0])
    doc.set_perspective("founder")
    assert summit.data(OverallRole) == pytest.approx(157 / 3)  # the founder's 52.33
    doc.set_perspective("investor")
    tokenforge = model.index(model.row_of(_sid(doc, "Tokenforge")))
    assert tokenforge.data(GatedRole) == ["Runway exhausted"]
    assert "Gated by Runway exhausted" in tokenforge.data(Qt.ItemDataRole.ToolTipRole)
    assert gear.data(GatedRole) == []
    tip = gear.data(Qt.ItemDataRole.ToolTipRole).splitlines()
    # 47.08 now: after 衡策智能 67.25, 听澜科技 63.58, 栖语科技 59.25 and Lumenreel 49.67
    assert "Rank 5 of 8" in tip
    assert "Incumbent pressure (100 = least): 50.0" in tip
    assert "Technology threshold: 43.8" in tip


def test_startup_list_follows_decisions_and_filters(window, qtbot):
    doc, view = window.doc, window.assess_view
    sid = _sid(doc, "Tokenforge")
    view.select_startup(sid)
    row = view.model.index(view.model.row_of(sid))
    with qtbot.waitSignal(view.model.dataChanged):
        view.decision_panel.take_suggestion()
    assert row.data(StatusRole) == "passed"
    assert "Decision: Passed" in row.data(Qt.ItemDataRole.ToolTipRole)
    view.filter_edit.setText("gear")
    assert view.proxy.rowCount() == 1
    view.filter_edit.setText("")
    assert view.proxy.rowCount() == 8


def test_results_panel_labels_the_cost_pillar_which_way_is_good(qtbot, doc):
    from gui.views.assess.results_panel import ResultsPanel

    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.resize(330, 900)
    panel.show()
    a = doc.portfolio.find_startup("Tokenforge").assessments[0]
    panel.show_result(doc.result(a.id), doc.framework, "en")
    names = [n for n, _ in panel.bars.scores()]
    assert names == ["Niche position", "Technology threshold", "Ecosystem",
                     "Incumbent pressure (100 = least)", "Capital resilience"]
    # pressure 3,3,3,4,3 (a cost): favourability (2+2+2+1+2)/4/5 = 0.4 -> 40, "little" is 100
    assert dict(panel.bars.scores())["Incumbent pressure (100 = least)"] == pytest.approx(40.0)
    # the long label wraps in a narrow panel and its row grows: every row fits
    bars = panel.bars
    one_line = bars.ROW * 5 + 4
    assert bars.height() == bars.heightForWidth(bars.width()) > one_line
    panel.resize(900, 900)
    qtbot.waitUntil(lambda: bars.height() == one_line)
    panel.show_result(doc.result(a.id), doc.framework, "zh_CN")
    assert [n for n, _ in panel.bars.scores()][3] == "巨头压力（100 = 最小）"


def test_choosing_a_startup_shows_the_assessment_its_perspective_uses(window):
    doc, view = window.doc, window.assess_view
    summit = doc.portfolio.find_startup("Summitcore AI")
    investor, founder = (next(a for a in summit.assessments if a.role == r)
                         for r in ("investor", "founder"))
    assert founder.date > investor.date  # the latest is the founder's
    view.select_startup(_sid(doc, "Lumenreel"))
    view.select_startup(summit.id)
    assert view.current_assessment_id() == investor.id  # the investor view's, 41.25
    assert view.results_panel.overall_label.text().count("41.3") == 1
    doc.set_perspective("founder")
    view.select_startup(_sid(doc, "Lumenreel"))
    view.select_startup(summit.id)
    assert view.current_assessment_id() == founder.id
    doc.set_perspective("assessor:Nobody")  # none of its assessments: the latest
    view.select_startup(_sid(doc, "Lumenreel"))
    view.select_startup(summit.id)
    assert view.current_assessment_id() == founder.id
