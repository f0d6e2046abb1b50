"""A startup's details opened in Assess in a window shorter than a laptop's: the head above
the criteria scrolls within itself instead of squeezing its editors, the notes box shows at
least three lines, and the criteria keep at least twelve lines (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea, QWidget

from gui.views.assess.columns import CRITERIA_LINES


def _scrolling_head(view) -> QScrollArea:  # type: ignore[no-untyped-def]
    area = view.header.parentWidget()
    while not isinstance(area, QScrollArea):
        area = area.parentWidget()
    return area


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_the_head_scrolls_and_squeezes_nothing(window, qtbot, chinese_built, lang):
    window.set_language(lang, remember=False)
    window.resize(1024, 520)
    window.show()
    qtbot.waitExposed(window)
    view = window.assess_view
    view.select_startup(window.doc.portfolio.find_startup("Gearloom Systems").id)
    details = view.header.details
    head = _scrolling_head(view)
    qtbot.waitUntil(lambda: not head.verticalScrollBar().isVisible(), timeout=3000)
    details.set_open(True)
    column = head.parentWidget()
    qtbot.waitUntil(lambda: head.verticalScrollBar().isVisible() and
                    head.height() + view.tabs.height() <= column.height(), timeout=3000)

    for name, edit in details.edits.items():
        assert edit.height() >= edit.minimumSizeHint().height(), name
    notes = details.notes
    inside = notes.height() - 2 * notes.frameWidth() - 2 * notes.document().documentMargin()
    assert inside >= 3 * notes.fontMetrics().lineSpacing()
    assert view.tabs.height() >= CRITERIA_LINES * view.tabs.fontMetrics().lineSpacing()
    # the notes can be scrolled to and typed in
    head.ensureWidgetVisible(notes)
    top = notes.mapTo(head.viewport(), notes.rect().topLeft()).y()
    assert top >= 0 and top + notes.height() <= head.viewport().height()

    details.set_open(False)  # closed: the head is whole again, without a scroll bar
    qtbot.waitUntil(lambda: not head.verticalScrollBar().isVisible(), timeout=3000)
    assert head.height() >= view.header.minimumSizeHint().height()


def test_building_the_view_opens_no_window_of_its_own(window, qtbot, chinese_built):
    """A language switch builds the views anew; their scrolling head is a child from the start,
    so no other window shows for a moment and the main window keeps the keys."""
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    shown: list[str] = []

    class Windows(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                    and watched.isWindow() and watched is not window):
                shown.append(type(watched).__name__)
            return False

    spy = Windows()
    QApplication.instance().installEventFilter(spy)
    try:
        window.set_language("zh_CN", remember=False)
        QTest.qWait(10)
    finally:
        QApplication.instance().removeEventFilter(spy)
    assert shown == []
    assert QApplication.activeWindow() is window
    window.assess_view.criteria.focus_criterion(window.doc.framework.criterion_ids[0])
    assert QApplication.focusWidget() in window.assess_view.criteria.editors.values()
