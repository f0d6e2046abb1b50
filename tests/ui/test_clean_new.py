"""File ▸ New gives a clean window: nothing chosen, typed or filtered for the portfolio
before stays in any view; and an empty portfolio's views say what to do next, with buttons
that do it."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from gui.widgets.startup_filter import StartupFilter

NO_STARTUPS = ("No startups yet. Add one, or import the workbooks founders filled in: each "
               "becomes a startup with its scores.")
NO_HISTORY = ("No startups yet. Add one (Add, under the list) or import founders' workbooks "
              "(File ▸ Import Workbooks…): each startup's history shows here from then on.")


def _choose_everything(window, qtbot):
    """Choose, type and filter in every view of the sample, as a user would."""
    doc = window.doc
    gear = doc.portfolio.find_startup("Gearloom Systems")
    view = window.assess_view
    view.select_startup(gear.id, gear.assessments[-1].id)
    view.header.details.set_open(True)
    view.filter_edit.setText("Gear")
    view.startup_pane.filter_bar.set_filter(StartupFilter(tags=frozenset({"to-B"})))
    investor = next(n for n in window.perspective_bar.choices() if n.startswith("assessor:"))
    window.perspective_bar.choose(investor)
    view.tabs.setCurrentWidget(view.tabs.history)
    view.tabs.history.filter_edit.setText("runway")
    view.tabs.history.what_combo.setCurrentIndex(1)
    view.tabs.differences.mode_combo.setCurrentIndex(1)
    compare = window.ensure_compare_view()
    window.show_view("compare")
    compare.startups.filter_edit.setText("Gear")
    compare.startups.filters.set_filter(StartupFilter(status="invested"))
    compare.assessments.filter_edit.setText("Priya")
    compare.assessments.role_combo.setCurrentIndex(2)
    compare.assessments.breakers_check.setChecked(True)
    compare.as_of.set_day(dt.date.today())
    compare.activate_startup(gear.id)
    window.show_view("assess")
    # what was chosen is on screen before New
    assert view.header.assessor_edit.text() == gear.assessments[-1].assessor
    assert view.decision_panel.who_edit.text() != ""
    assert compare.doc is not window.doc  # the past state shown "as of" today


def test_new_leaves_nothing_from_the_portfolio_before(window, qtbot, tmp_path, scripted_ask):
    _choose_everything(window, qtbot)
    new = tmp_path / "fresh.beachhead"
    scripted_ask.queue("save_file", str(new))
    assert window.menus.new_action.isEnabled()
    window.menus.new_action.trigger()
    doc, view = window.doc, window.assess_view
    assert doc.path == new and doc.portfolio.startups == []
    # the startup list: no filter, nothing chosen
    pane = view.startup_pane
    assert view.filter_edit.text() == "" and pane.filter_bar.current() == StartupFilter()
    assert view.proxy.rowCount() == 0 and view.current_startup() is None
    assert view.list_view.selectionModel().selectedRows() == []
    # the assessment's head: no name, assessor, role or date
    header = view.header
    assert header.isHidden()
    assert header.assessor_edit.text() == ""
    assert header.role_combo.currentIndex() == -1
    assert header.date_edit.text().strip() == ""
    assert header.assessment_combo.count() == 0
    assert "Gearloom" not in header.title_label.text()
    details = header.details
    assert all(edit.text() == "" for edit in details.edits.values())
    assert details.notes.text() == ""
    # the criteria: nothing scored, no text
    for editor in view.criteria.editors.values():
        assert editor.level() is None
        assert editor.rationale.text() == "" and editor.evidence.text() == ""
    # decision, round and results: nothing
    panel = view.decision_panel
    assert panel.status_combo.currentIndex() == -1
    assert panel.who_edit.text() == "" and panel.rationale_edit.text() == ""
    assert panel.history_label.text() == ""
    assert view.round_panel.isHidden() and view.round_panel.state is None
    assert view.results_panel.overall_label.text().endswith("–</span>")
    # the history tabs: back on Criteria, no filter, two moments
    tabs = view.tabs
    assert tabs.currentIndex() == 0
    history = tabs.history
    assert history.filter_edit.text() == ""
    assert [c.currentIndex() for c in (history.scope_combo, history.who_combo,
                                       history.what_combo)] == [0, 0, 0]
    assert tabs.differences.mode_combo.currentIndex() == 0
    # Compare: the live portfolio, no filter, nothing chosen
    compare = window.compare_view
    assert compare.doc is doc and not compare.as_of.check.isChecked()
    assert compare.startups.filter_edit.text() == ""
    assert compare.startups.filters.current() == StartupFilter()
    assert compare.assessments.filter_edit.text() == ""
    assert compare.assessments.role_combo.currentIndex() == 0
    assert not compare.assessments.breakers_check.isChecked()
    assert compare.current_startup_id() == "" and compare.model.rowCount() == 0
    # the perspective of one of the old portfolio's investors is not this one's
    assert doc.perspective == "investor"
    assert window.perspective_bar.combo.currentData() == "investor"


def test_an_empty_portfolio_says_what_to_do_next(window, qtbot, tmp_path, scripted_ask):
    scripted_ask.queue("save_file", str(tmp_path / "empty.beachhead"))
    assert window.files.new_document()
    view = window.assess_view
    step = view.empty_state
    assert not step.isHidden() and step.message() == NO_STARTUPS
    assert step.button_texts() == ["Add Startup…", "Import Founders' Workbooks…"]
    history = view.tabs.history
    view.tabs.setCurrentWidget(history)
    qtbot.waitUntil(lambda: history.notice.text() == NO_HISTORY)
    view.tabs.setCurrentWidget(view.tabs.trend)
    qtbot.waitUntil(lambda: view.tabs.trend.caption.text() == NO_HISTORY)
    view.tabs.setCurrentWidget(view.tabs.differences)
    qtbot.waitUntil(lambda: view.tabs.differences.message.text() == NO_HISTORY)
    compare = window.ensure_compare_view()
    window.show_view("compare")
    note = compare.empty_note
    assert not note.isHidden() and note.message().startswith("No startups to compare yet.")
    assert note.button_texts() == ["Add Startup…", "Import Founders' Workbooks…"]
    # Compare's Add Startup goes to Assess and adds one there
    scripted_ask.queue("text", "Nova Robotics")
    qtbot.mouseClick(note.buttons[0], Qt.MouseButton.LeftButton)
    assert window.tabs.currentIndex() == 0
    (nova,) = window.doc.portfolio.startups
    assert nova.name == "Nova Robotics" and view.current_startup().id == nova.id
    assert note.isHidden() and step.isHidden()  # an assessment to score is shown
    # a startup without an assessment offers to start one
    window.doc.undo_stack.push(_remove_assessments(window))
    assert step.message() == ("Nova Robotics has no assessment yet. Start one to score it "
                              "criterion by criterion.")
    qtbot.mouseClick(step.buttons[0], Qt.MouseButton.LeftButton)
    assert len(nova.assessments) == 1 and view.current_assessment() is not None
    assert step.isHidden()


def test_the_empty_states_import_button_asks_for_workbooks(window, qtbot, tmp_path,
                                                          scripted_ask):
    scripted_ask.queue("save_file", str(tmp_path / "empty.beachhead"))
    assert window.files.new_document()
    step = window.assess_view.empty_state
    qtbot.mouseClick(step.buttons[1], Qt.MouseButton.LeftButton)
    assert scripted_ask.asked[-1] == ("open_files", "Import workbooks")


def _remove_assessments(window):
    from gui import commands as cmd

    (st,) = window.doc.portfolio.startups
    return cmd.RemoveAssessment(window.doc, st.assessments[0].id)
