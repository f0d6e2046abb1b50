"""Edit ▸ Copy, Select All and Find, File ▸ Close, the tool bar and the context menus, driven
through the window's actions on a copy of the sample (pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from models.store.workspace import Workspace


def _focus(window: MainWindow, widget) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    widget.setFocus()
    QApplication.processEvents()
    assert QApplication.focusWidget() is widget


def _clipboard_rows() -> list[list[str]]:
    text = QApplication.clipboard().text()
    assert text.endswith("\n")
    return [line.split("\t") for line in text[:-1].split("\n")]


def _select_rows(table, rows: list[int]) -> None:  # type: ignore[no-untyped-def]
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().clearSelection()
    for r in rows:
        table.selectionModel().select(table.model().index(r, 0), flags)


def test_copy_puts_the_selected_rows_of_a_table_as_tab_separated_text(window, qtbot):
    window.show_view("compare")
    table = window.compare_view.table
    model = table.model()
    _select_rows(table, [1, 0])
    _focus(window, table)
    window.menus.edit.copy_action.trigger()
    rows = _clipboard_rows()
    shown = [c for c in range(model.columnCount()) if not table.isColumnHidden(c)]
    # the column names as the header shows them, on one line each ("Niche position")
    assert rows[0] == [" ".join(model.headerData(c, Qt.Orientation.Horizontal).split("\n"))
                       for c in shown]
    assert "Niche position" in rows[0]
    assert len(rows) == 3 and all(len(r) == len(shown) for r in rows)
    # the rows as the table orders them (by rank): the sample's two leaders, with the
    # overall scores the startup list shows under the investor view
    startup, overall = rows[0].index("Startup"), rows[0].index("Overall")
    assert [(r[startup], r[overall]) for r in rows[1:]] == [
        ("衡策智能", "67.3"), ("Gearloom Systems", "67.0")]
    assert window.statusBar().currentMessage() == "Copied 2 rows with their column names."


def test_copy_of_selected_cells_keeps_only_their_columns(window):
    window.show_view("compare")
    table = window.compare_view.table
    model = table.model()
    table.selectionModel().clearSelection()
    names = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    startup, overall = names.index("Startup"), names.index("Overall")
    select = QItemSelectionModel.SelectionFlag.Select
    table.selectionModel().select(model.index(0, startup), select)
    table.selectionModel().select(model.index(1, overall), select)
    table.setSelectionBehavior(table.SelectionBehavior.SelectItems)
    assert window.menus.edit.copy(table)
    assert _clipboard_rows() == [["Startup", "Overall"], ["衡策智能", ""], ["", "67.0"]]


def test_copy_of_the_startup_list_names_score_and_status(window):
    view = window.assess_view
    model = view.list_view.model()
    names = [model.index(r, 0).data() for r in range(model.rowCount())]
    _select_rows(view.list_view, [names.index("Gearloom Systems"), names.index("Chattersky")])
    _focus(window, view.list_view)
    window.menus.edit.copy_action.trigger()
    rows = _clipboard_rows()
    assert rows[0] == ["Startup", "Overall", "Status"]
    assert sorted(rows[1:]) == [["Chattersky", "11.4", "Passed"],
                                ["Gearloom Systems", "67.0", "Invested"]]


def test_copy_in_a_text_field_copies_its_selected_text(window):
    field = window.assess_view.filter_edit
    field.setText("Gearloom")
    field.setSelection(0, 4)
    _focus(window, field)
    window.menus.edit.copy_action.trigger()
    assert QApplication.clipboard().text() == "Gear"


def test_nothing_selected_says_how_to_copy(window):
    QApplication.clipboard().setText("before")
    window.show_view("compare")
    table = window.compare_view.table
    table.selectionModel().clearSelection()
    assert not window.menus.edit.copy(table)
    assert QApplication.clipboard().text() == "before"
    assert window.statusBar().currentMessage().startswith("Nothing to copy")


def test_select_all_in_the_startup_list_and_in_a_field(window):
    view = window.assess_view
    _focus(window, view.list_view)
    window.menus.edit.select_all_action.trigger()
    assert len(view.list_view.selectionModel().selectedRows()) == 8
    view.filter_edit.setText("Tokenforge")
    _focus(window, view.filter_edit)
    window.menus.edit.select_all_action.trigger()
    assert view.filter_edit.selectedText() == "Tokenforge"


def test_find_focuses_the_filter_of_the_view_on_screen(window):
    find = window.menus.edit.find_action
    assert find.shortcut().toString() == "Ctrl+F"
    window.assess_view.filter_edit.setText("old")
    find.trigger()
    assert QApplication.focusWidget() is window.assess_view.filter_edit
    assert window.assess_view.filter_edit.selectedText() == "old"  # typing replaces it

    window.show_view("compare")
    compare = window.compare_view
    find.trigger()
    assert QApplication.focusWidget() is compare.startups.filter_edit
    compare.upper.setCurrentWidget(compare.assessments)  # the audit table's own filter
    _focus(window, compare.assessments.table)
    find.trigger()
    assert QApplication.focusWidget() is compare.assessments.filter_edit

    window.show_view("framework")
    assert not window.menus.edit.find()
    assert window.statusBar().currentMessage().startswith("This view has no filter")


def test_close_leaves_the_window_open_and_the_file_free(window, sample_file):
    menus = window.menus
    assert menus.close_action.shortcut().toString() == "Ctrl+W"
    assert menus.close_action in menus.file_menu.actions()
    menus.close_action.trigger()
    assert window.isVisible()
    assert window.doc.workspace is None and window.doc.portfolio.startups == []
    assert window.welcome.is_shown() and window.windowTitle() == "Beachhead"
    assert window.statusBar().currentMessage() == "Closed sample.beachhead."
    with Workspace.open(sample_file) as ws:  # closed: free for anyone
        assert len(ws.load().startups) == 8


def test_tool_bar_holds_the_common_actions_with_their_keys(window):
    menus = window.menus
    actions = [a for a in menus.tool_bar.actions() if not a.isSeparator()]
    assert actions == [menus.new_action, menus.open_action, menus.undo_action,
                       menus.redo_action, menus.edit.find_action,
                       window.file_jobs.export_action]
    tips = [a.toolTip() for a in actions]
    assert tips[:3] + tips[4:] == ["New (Ctrl+N)", "Open (Ctrl+O)", "Undo (Ctrl+Z)",
                                   "Find (Ctrl+F)", "Export Workbook (Ctrl+E)"]
    # the platform's order of Redo's keys, without a keyboard's own Redo key
    assert tips[3] in ("Redo (Ctrl+Shift+Z, Ctrl+Y)", "Redo (Ctrl+Y, Ctrl+Shift+Z)",
                       "Redo (Ctrl+Shift+Z)", "Redo (Ctrl+Y)")
    assert all(not a.icon().isNull() for a in actions)
    # the main tool bar stands left of the perspective
    assert menus.tool_bar.geometry().x() < window.perspective_bar.geometry().x()
    assert not window.windowIcon().isNull()


def test_context_menus_of_the_startup_list_and_the_tables(window, qtbot, scripted_ask):
    view = window.assess_view
    menu = window.menus.edit.context_menu(view.list_view, QPoint(5, 5))
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts == ["&Copy", "Select &All", "Add Startup…", "Rename…", "Duplicate",
                     "Delete…"]
    scripted_ask.queue("text", "Nimbus Labs")
    next(a for a in menu.actions() if a.text() == "Add Startup…").trigger()
    assert window.doc.portfolio.find_startup("Nimbus Labs") is not None

    window.show_view("compare")
    table = window.compare_view.table
    second = table.visualRect(table.model().index(1, 0)).center()
    menu = window.menus.edit.context_menu(table, second)
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:3] == ["&Copy", "Select &All", "Show in Assess"]
    assert window.file_jobs.report_action in menu.actions()
    next(a for a in menu.actions() if a.text() == "Show in Assess").trigger()
    assert window.tabs.currentIndex() == 0
    assert view.current_startup().name == "Gearloom Systems"


def test_copied_rows_paste_into_a_spreadsheet_as_numbers_and_never_as_formulas(window):
    """A founder gap shown as −10.2 (the typographic minus) is copied as -10.2, which a
    spreadsheet reads as a number; a startup named like a formula is copied as text."""
    from gui import commands as cmd

    doc = window.doc
    renames = {"Lumenreel": '=HYPERLINK("http://x.example","x")', "Tokenforge": "-Tokenforge",
               "Chattersky": "+Chattersky"}
    for old, new in renames.items():
        doc.undo_stack.push(cmd.SetStartupField(doc, doc.portfolio.find_startup(old).id,
                                                "name", new))
    window.show_view("compare")
    table = window.compare_view.table
    model = table.model()
    gap = [model.headerData(c, Qt.Orientation.Horizontal)
           for c in range(model.columnCount())].index("Founder\ngap")
    assert model.index(1, gap).data() == "−10.2"  # Gearloom Systems, as the table shows it
    _focus(window, table)
    window.menus.edit.select_all_action.trigger()
    window.menus.edit.copy_action.trigger()
    rows = _clipboard_rows()
    startup, founder_gap = rows[0].index("Startup"), rows[0].index("Founder gap")
    assert rows[2][startup] == "Gearloom Systems" and rows[2][founder_gap] == "-10.2"
    names = [r[startup] for r in rows[1:]]
    assert "'=HYPERLINK(\"http://x.example\",\"x\")" in names
    assert "'-Tokenforge" in names and "'+Chattersky" in names
    assert sorted(r[founder_gap] for r in rows[1:]) == sorted(
        model.index(r, gap).data().replace("−", "-") for r in range(model.rowCount()))
