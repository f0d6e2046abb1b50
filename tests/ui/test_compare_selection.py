"""The Compare view's tables select whole rows, several at a time: a click still chooses one
startup for the map and the tabs, Ctrl and a click adds a row, and Edit ▸ Select All then
Edit ▸ Copy put every row on the clipboard as tab-separated text (pytest-qt, offscreen, on a
copy of the sample)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from gui.main_window import MainWindow


def _focus(window: MainWindow, widget) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    widget.setFocus()
    QApplication.processEvents()
    assert QApplication.focusWidget() is widget


def _clipboard_rows() -> list[list[str]]:
    text = QApplication.clipboard().text()
    assert text.endswith("\n")
    return [line.split("\t") for line in text[:-1].split("\n")]


def _column(rows: list[list[str]], name: str) -> list[str]:
    at = rows[0].index(name)
    return [r[at] for r in rows[1:]]


def _click(table, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, 1))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def _select_all_and_copy(window: MainWindow, table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    _focus(window, table)
    window.menus.edit.select_all_action.trigger()
    assert window.menus.edit.copy_action.isEnabled()
    window.menus.edit.copy_action.trigger()
    return _clipboard_rows()


def _compare(window: MainWindow):  # type: ignore[no-untyped-def]
    window.show_view("compare")
    view = window.compare_view
    QApplication.processEvents()
    return view


def test_every_compare_table_selects_several_whole_rows(window):
    view = _compare(window)
    tables = [view.startups.table, view.assessments.table, view.scenarios.table,
              view.uncertainty_panel.table, view.sensitivity_panel.table, view.gaps_panel.table]
    for table in tables:
        assert table.selectionMode() == QAbstractItemView.SelectionMode.ExtendedSelection
        assert table.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows


def test_select_all_then_copy_gives_every_startup_ranked(window):
    view = _compare(window)
    rows = _select_all_and_copy(window, view.startups.table)
    ranking = window.doc.ranking().rows  # best first, gated ones last
    assert len(rows) == 1 + len(ranking) == 9
    assert _column(rows, "Startup") == [r.startup for r in ranking]
    # the sample under the investor view, as the Summary of its workbook shows it too
    assert _column(rows, "Overall") == ["67.3", "67.0", "63.6", "59.3", "49.7", "41.3",
                                        "24.3", "11.4"]
    assert _column(rows, "Startup")[:2] == ["衡策智能", "Gearloom Systems"]
    assert window.statusBar().currentMessage().startswith("Copied 8 row")
    assert sorted(view.map.selected_ids()) == sorted(r.startup_id for r in ranking)


def test_select_all_then_copy_on_the_other_tables(window, qtbot):
    view = _compare(window)
    view.upper.setCurrentWidget(view.assessments)
    QApplication.processEvents()
    rows = _select_all_and_copy(window, view.assessments.table)
    assessments = [a for s in window.doc.portfolio.startups for a in s.assessments]
    assert len(rows) == 1 + len(assessments) == 14
    assert sorted(_column(rows, "Assessor")) == sorted(a.assessor for a in assessments)

    view.tabs.setCurrentWidget(view.scenarios)
    qtbot.waitUntil(lambda: view.scenarios.model.rowCount() == 8, timeout=5000)
    rows = _select_all_and_copy(window, view.scenarios.table)
    assert len(rows) == 9
    # a startup gated under the scenario is marked ⚠ (Tokenforge and Chattersky are gated)
    assert sorted(_column(rows, "Startup")) == sorted(
        ("⚠ " if r.gated else "") + r.startup for r in window.doc.ranking().rows)
    assert "⚠ Chattersky" in _column(rows, "Startup")


def test_a_click_chooses_one_startup_and_ctrl_click_adds_a_row(window):
    view = _compare(window)
    table, model = view.startups.table, view.startups.model
    ranking = window.doc.ranking().rows
    _click(table, 2)
    assert view.startups.selected_ids() == [ranking[2].startup_id]
    assert view.current_startup_id() == ranking[2].startup_id
    assert window.assess_view.current_startup().id == ranking[2].startup_id
    _click(table, 4, Qt.KeyboardModifier.ControlModifier)
    assert view.startups.selected_ids() == [ranking[2].startup_id, ranking[4].startup_id]
    assert view.current_startup_id() == ranking[4].startup_id  # the row clicked last
    assert view.map.selected_ids() == view.startups.selected_ids()
    _focus(window, table)
    window.menus.edit.copy_action.trigger()
    assert _column(_clipboard_rows(), "Startup") == [ranking[2].startup, ranking[4].startup]
    _click(table, 0)  # a plain click: that row alone
    assert view.startups.selected_ids() == [model.ranked(0).startup_id]


@pytest.mark.parametrize("size", [(1280, 800), (1024, 640)])
def test_the_current_startup_is_in_sight_when_compare_is_first_shown(make_window, qtbot,
                                                                     tmp_path, size):
    # 600 startups opened in the window; the current one (the first in the file) ranks far
    # down: the table, laid out only when Compare first shows, has its row in sight then
    from models.engine.sample import synthetic_portfolio
    from models.store.workspace import Workspace

    path = tmp_path / "pipeline.beachhead"
    Workspace.create(path, synthetic_portfolio(600, seed=4)).close()
    window = make_window()
    window.resize(*size)
    assert window.files.open_document(path)
    window.show()
    qtbot.waitExposed(window)
    window.show_view("compare")
    page = window.compare_view.startups
    table = page.table
    qtbot.waitUntil(lambda: table.isVisible() and table.currentIndex().isValid())
    QApplication.processEvents()
    assert page.current_startup_id() == window.doc.portfolio.startups[0].id
    assert table.currentIndex().row() > 20
    row = table.visualRect(table.currentIndex())
    assert row.top() >= 0 and row.bottom() <= table.viewport().rect().bottom(), size
