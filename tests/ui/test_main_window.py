"""The main window and the Assess view, driven through their API (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui import commands as cmd
from gui.document import Document
from gui.main_window import MainWindow
from gui.views.assess.startup_list import OverallRole, StartupListModel
from models.engine.sample import sample_portfolio
from models.store.workspace import Workspace
from tests.workspaces import read_back


def _pick(window: MainWindow, name: str) -> None:
    st = window.doc.portfolio.find_startup(name)
    assert st is not None
    window.assess_view.select_startup(st.id)


def a_index(window: MainWindow, assessment_id: str) -> int:
    """The position of the startup holding this assessment."""
    st, _ = window.doc.assessment(assessment_id)
    return window.doc.startup_index(st.id)


def test_startup_list_model(qtmodeltester, qtbot):
    doc = Document(sample_portfolio())
    model = StartupListModel(doc)
    qtmodeltester.check(model)
    assert model.rowCount() == 8
    gear = model.row_of(doc.portfolio.find_startup("Gearloom Systems").id)
    # the list shows the latest assessment: the investor's of 2024-10-28 (overall 67.0)
    assert model.index(gear).data(OverallRole) == pytest.approx(67.0)


def test_keyboard_scoring_and_undo(window, qtbot):
    _pick(window, "Gearloom Systems")
    view = window.assess_view
    a = view.current_assessment()
    before = window.doc.result(a.id).overall
    editor = view.criteria.editors["niche.segment_focus"]
    view.criteria.focus_criterion("niche.segment_focus")
    QTest.keyClick(editor, Qt.Key.Key_5)
    assert a.level("niche.segment_focus") == 5
    # +1 level on a 3-criterion pillar of five: 25 · 1/3 · 1/5 = 1.6667 points
    assert window.doc.result(a.id).overall == pytest.approx(before + 25 / 15)
    # on disk already: nothing to save, nothing marked unsaved
    assert not window.isWindowModified()
    assert read_back(window.doc.path).startups[a_index(window, a.id)].assessments[
        -1].level("niche.segment_focus") == 5
    assert window.menus.undo_action.text() == "&Undo Score Segment focus (Gearloom Systems)"
    QTest.keyClick(editor, Qt.Key.Key_0)
    assert a.level("niche.segment_focus") is None
    assert editor.status_label.text() == "not scored"
    QTest.keyClick(editor, Qt.Key.Key_Down)
    assert view.criteria.editors["niche.dirty_work"].hasFocus() or QTest.qWaitFor(
        lambda: view.criteria.editors["niche.dirty_work"].hasFocus(), 500)
    QTest.keyClick(view.criteria.editors["niche.dirty_work"], Qt.Key.Key_Delete)
    assert a.level("niche.dirty_work") is None
    stack = window.doc.undo_stack
    stack.undo()
    stack.undo()
    stack.undo()
    assert a.level("niche.segment_focus") == 4 and a.level("niche.dirty_work") == 5
    assert window.doc.result(a.id).overall == pytest.approx(before)
    stack.redo()
    assert a.level("niche.segment_focus") == 5
    assert editor.buttons.button(5).isChecked()


def test_text_edits_merge_into_one_undo(window):
    _pick(window, "Chattersky")
    view = window.assess_view
    a = view.current_assessment()
    old = a.scores["eco.allies"].rationale
    editor = view.criteria.editors["eco.allies"]
    editor.rationale.setFocus()
    editor.rationale.clear()
    QTest.keyClicks(editor.rationale, "No allies")
    assert a.scores["eco.allies"].rationale == "No allies"
    window.doc.undo_stack.undo()
    assert a.scores["eco.allies"].rationale == old
    assert editor.rationale.text() == old


def test_hover_shows_rubric_of_level(window):
    _pick(window, "Tokenforge")
    editor = window.assess_view.criteria.editors["cap.runway"]
    editor.hover_level(5)
    assert "Level 5" in editor.rubric_text()
    assert editor.criterion.rubric[4]["en"][:20] in editor.rubric_text()
    editor.hover_level(None)
    assert f"Level {editor.level()}" in editor.rubric_text()


def test_results_panel_shows_postures_and_deal_breakers(window):
    _pick(window, "Chattersky")
    a = window.assess_view.current_startup().assessments[1]
    window.assess_view.select_assessment(a.id)
    panel = window.assess_view.results_panel
    assert "Head-on without a niche" in panel.breakers_label.text()
    assert "because" in panel.postures_label.text()
    assert "11.4" in panel.overall_label.text()
    assert panel.bars.scores()[0][0] == "Niche position"


def test_startup_commands_undo_redo(window, scripted_ask):
    doc, view = window.doc, window.assess_view
    n = len(doc.portfolio.startups)
    scripted_ask.queue("text", "Nova Robotics")
    view.add_startup()
    assert len(doc.portfolio.startups) == n + 1
    assert view.current_startup().name == "Nova Robotics"
    scripted_ask.queue("text", "Nova Robotics 2")
    view.rename_startup()
    assert view.current_startup().name == "Nova Robotics 2"
    view.duplicate_startup()
    assert view.current_startup().name == "Nova Robotics 2 (copy)"
    scripted_ask.queue("confirm", True)
    view.delete_startup()
    assert len(doc.portfolio.startups) == n + 1
    labels = []
    while doc.undo_stack.canUndo():
        labels.append(doc.undo_stack.undoText())
        doc.undo_stack.undo()
    assert labels == ["Delete Nova Robotics 2 (copy)", "Duplicate Nova Robotics 2",
                      "Rename Nova Robotics to Nova Robotics 2", "Add Nova Robotics"]
    assert len(doc.portfolio.startups) == n
    for _ in labels:
        doc.undo_stack.redo()
    assert [s.name for s in doc.portfolio.startups][-1] == "Nova Robotics 2"


def test_assessment_commands(window, scripted_ask):
    _pick(window, "Lumenreel")
    view, doc = window.assess_view, window.doc
    st = view.current_startup()
    first = view.current_assessment()
    view.copy_assessment()
    copy = view.current_assessment()
    assert copy.id != first.id and copy.scores == first.scores and copy.date == dt.date.today()
    view.new_assessment()
    empty = view.current_assessment()
    assert empty.scores == {} and empty.role == "investor"
    assert not view.criteria.isHidden()
    doc.undo_stack.push(cmd.SetAssessmentField(doc, empty.id, "assessor", "Kim"))
    assert doc.assessment(empty.id)[1].assessor == "Kim"
    scripted_ask.queue("confirm", True)
    view.delete_assessment()
    assert len(st.assessments) == 2
    doc.undo_stack.undo()  # delete
    doc.undo_stack.undo()  # assessor
    assert doc.assessment(empty.id)[1].assessor == ""
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert [a.id for a in st.assessments] == [first.id]


def test_framework_change_is_undoable(window):
    doc = window.doc
    a = doc.portfolio.startups[0].assessments[0]
    before = doc.result(a.id).overall
    fw = doc.framework.with_weights(enabled={"cap": False})
    doc.undo_stack.push(cmd.ChangeFramework(doc, fw, "off", {"en": "a pillar"}))
    after = doc.result(a.id).overall
    assert after != before and doc.result(a.id).pillars["cap"] is not None
    doc.undo_stack.undo()
    assert doc.result(a.id).overall == pytest.approx(before)


def test_open_bad_file_shows_message(window, scripted_ask, tmp_path):
    bad = tmp_path / "bad.beachhead"
    bad.write_text("{}", encoding="utf-8")
    assert not window.files.open_document(bad)
    assert scripted_ask.errors() and "could not be opened" in scripted_ask.errors()[0]
    assert window.doc.portfolio.startups  # the sample stays open


# Qt marks the QPoint constructor of QDragEnterEvent deprecated but offers no other one.
@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_drop_portfolio_opens_it(window, qtbot, tmp_path, drop):
    other = tmp_path / "other.beachhead"
    Workspace.create(other, sample_portfolio().model_copy(update={"startups": []})).close()
    assert not drop(window, [tmp_path / "notes.txt"])
    assert drop(window, [other])
    qtbot.waitUntil(lambda: window.doc.path == other)
    assert window.doc.portfolio.startups == []


def test_compare_and_assess_follow_each_other(window):
    compare = window.ensure_compare_view()
    _pick(window, "Lumenreel")
    lumen = window.assess_view.current_assessment_id()
    assert compare.current_assessment_id() == lumen
    chat = window.doc.portfolio.find_startup("Chattersky").assessments[0]
    compare.activate_assessment(chat.id)
    assert window.assess_view.current_assessment_id() == chat.id
    assert window.assess_view.current_startup().name == "Chattersky"


def _report(window, qtbot, scripted_ask, tmp_path, name: str, choice) -> tuple[dict, list[str]]:
    """Export a report from the File menu with ``choice`` as the dialog's answer; the job's
    result and the PDF's pages as text."""
    from tests.pdftext import pdf_pages

    scripted_ask.queue("report_options", choice)
    scripted_ask.queue("save_file", str(tmp_path / name))
    window.file_jobs.report_action.trigger()
    job = window.file_jobs.job
    assert job is not None
    qtbot.waitUntil(lambda: not job.is_running(), timeout=180_000)
    assert scripted_ask.errors() == []
    return window.file_jobs.last_result, pdf_pages(tmp_path / f"{name}.pdf")


def test_report_of_the_startups_selected_in_the_list(window, qtbot, scripted_ask, tmp_path):
    from PySide6.QtCore import QItemSelectionModel

    from gui.report_options import ReportChoice

    view = window.assess_view
    _pick(window, "Gearloom Systems")
    token = window.doc.portfolio.find_startup("Tokenforge")
    gear = window.doc.portfolio.find_startup("Gearloom Systems")
    index = view.proxy.mapFromSource(view.model.index(view.model.row_of(token.id)))
    view.list_view.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select)
    assert sorted(view.selected_startup_ids()) == sorted([token.id, gear.id])
    offered = window.file_jobs.selected_startups()
    assert offered == [(token.id, "Tokenforge"), (gear.id, "Gearloom Systems")]  # doc order
    result, pages = _report(window, qtbot, scripted_ask, tmp_path, "two",
                            ReportChoice("selected", (token.id, gear.id)))
    assert scripted_ask.report_offered == (offered, 8, "Investor view", False)
    assert result["startups"] == 2
    first = pages[0]
    assert "Gearloom Systems" in first and "Tokenforge" in first
    assert all(other not in first for other in ("Lumenreel", "Chattersky", "Summitcore AI"))
    # ranked under the investor view: the ungated integrator before the gated API seller
    assert first.index("Gearloom Systems") < first.index("Tokenforge")


def test_report_of_the_top_n_under_the_window_perspective(window, qtbot, scripted_ask,
                                                         tmp_path):
    from gui.report_options import ReportChoice

    result, pages = _report(window, qtbot, scripted_ask, tmp_path, "top3",
                            ReportChoice("top", top=3))
    assert result["startups"] == 3
    first = pages[0]
    # the investor view's best three: 衡策智能 67.25, Gearloom Systems 67.0, 听澜科技 63.58
    for name in ("衡策智能", "Gearloom Systems", "听澜科技"):
        assert name in first
    assert "Lumenreel" not in first and "栖语科技" not in first
    assert "Investor view" in first
    # the founder view as the window's perspective: only startups with a founder assessment
    window.doc.set_perspective("founder")
    result, pages = _report(window, qtbot, scripted_ask, tmp_path, "founder",
                            ReportChoice("top", top=2))
    assert scripted_ask.report_offered[2] == "Founder view"
    assert "Founder view" in pages[0]
    assert result["startups"] == 2


def test_report_dialog_choices(qtbot):
    from gui.report_options import ReportChoice, ReportOptionsDialog

    dialog = ReportOptionsDialog(None, [("a", "Acme"), ("b", "Beta")], 8,
                                 "Investor view", False)
    qtbot.addWidget(dialog)
    assert dialog.selected_button.isChecked()  # several selected: those first
    assert dialog.choice() == ReportChoice("selected", ("a", "b"))
    assert "Acme, Beta" in dialog.names_label.text()
    dialog.top_spin.setValue(5)
    assert dialog.choice() == ReportChoice("top", top=5)
    dialog.all_button.setChecked(True)
    assert dialog.choice() == ReportChoice("all") and dialog.choice().startup_ids() is None
    assert dialog.top_spin.maximum() == 8
    lone = ReportOptionsDialog(None, [], 3, "Founder view", True)
    qtbot.addWidget(lone)
    assert not lone.selected_button.isEnabled() and lone.all_button.isChecked()
    assert lone.top_spin.value() == 3
    assert "among the others" in lone.note_label.text()
    with pytest.raises(ValueError):
        ReportChoice("top", top=0)
