"""Edit ▸ Next Unscored Criterion (Ctrl+J): in the Edit menu, listed with its keys among the
shortcuts, and, from the menu or the key in any view, Assess shown at the next criterion of the
assessment on screen that is not scored yet (pytest-qt, offscreen, on a copy of the sample)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def _focused_criterion(view) -> str:  # type: ignore[no-untyped-def]
    focus = QApplication.focusWidget()
    return next((cid for cid, e in view.criteria.editors.items()
                 if e is focus or (focus is not None and e.isAncestorOf(focus))), "")


def test_next_unscored_is_in_the_edit_menu_and_the_shortcut_list(window):
    menus = window.menus
    action = menus.next_unscored_action
    assert action in menus.edit_menu.actions()
    assert action.shortcut().toString() == "Ctrl+J"
    rows = menus.help.show_shortcuts().rows()
    assert ("Edit ▸ Next Unscored Criterion", "Ctrl+J") in rows
    assert [r for r in rows if r[1] == "Ctrl+J"] == [("Edit ▸ Next Unscored Criterion",
                                                       "Ctrl+J")]  # one action holds it
    assert window.assess_view.header.next_button.toolTip() == \
        "Go to the next criterion not scored yet (Ctrl+J)"


def test_the_menu_and_the_key_go_to_the_next_unscored_criterion_from_any_view(window, qtbot):
    view = window.assess_view
    gearloom = window.doc.portfolio.find_startup("Gearloom Systems")
    view.select_startup(gearloom.id, "s06-investor")
    second, fifth = list(view.criteria.editors)[1], list(view.criteria.editors)[4]
    view.set_level(second, 0)
    view.set_level(fifth, 0)
    assert window.doc.assessment("s06-investor")[1].level(second) is None

    window.show_view("compare")
    window.menus.next_unscored_action.trigger()  # Edit ▸ Next Unscored Criterion
    assert window.tabs.currentIndex() == 0
    assert _focused_criterion(view) == second

    window.show_view("framework")
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 0
    assert _focused_criterion(view) == fifth  # the one after the focused criterion

    view.set_level(second, 3)
    view.set_level(fifth, 3)
    assert window.menus.next_unscored() == ""
    assert window.statusBar().currentMessage() == \
        "Every criterion of this assessment is scored."
