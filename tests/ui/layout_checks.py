"""What a screenshot test checks on any window or dialog, from its widgets as laid out: texts
that do not fit their widget (a label, button or check box narrower than its text; a wrapped
label shorter than its lines), widgets squeezed below the least size their contents need,
widgets lying outside the window or cut by their parent, scroll areas that scroll sideways,
and chart texts outside their figure. Each problem is one line naming the widget."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)

#: Pixels a text may overhang its widget (rounding of fractional font metrics).
SLACK = 1
#: Only a widget's own children, not theirs.
FIND_DIRECT = Qt.FindChildOption.FindDirectChildrenOnly
#: Lists and tables whose rows must be seen whole, never scrolled sideways.
NO_SIDEWAYS = ("startupList", "pairwiseTable")


def name(w: QWidget) -> str:
    """The widget as a problem names it: class, object name, and its text if it has one."""
    label = type(w).__name__ + (f"#{w.objectName()}" if w.objectName() else "")
    text = w.text() if isinstance(w, QLabel | QAbstractButton | QAbstractSpinBox) else \
        w.currentText() if isinstance(w, QComboBox) else ""
    text = " ".join(str(text).split())
    return f"{label} '{text[:60]}'" if text else label


def _scroll_area(w: QWidget, top: QWidget) -> QAbstractScrollArea | None:
    """The scroll area whose viewport holds ``w`` (between ``w`` and ``top``), if any."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        area = parent.parentWidget()
        if isinstance(area, QAbstractScrollArea) and area.viewport() is parent:
            return area
        parent = area if isinstance(area, QAbstractScrollArea) else parent.parentWidget()
    return None


def _in_item_view(w: QWidget, top: QWidget) -> bool:
    """``w`` is an editor or a part of a table or list (laid out by the view itself)."""
    parent = w.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def _ink_width(w: QWidget, text: str) -> int:
    """Pixels from the start of ``text`` to the right edge of its last drawn stroke (the
    empty half of a full-width bracket at its end needs no room)."""
    return w.fontMetrics().tightBoundingRect(text).right() + 1


def _elided_with_tip(w: QWidget, text: str) -> bool:
    """``w`` shows ``text`` cut short on purpose: its tool tip holds the whole text."""
    return bool(text) and " ".join(text.split()) in " ".join(w.toolTip().split())


def _label_problem(w: QLabel) -> str:
    """A label's text wider than the label, or its wrapped lines taller."""
    if not w.text() or (w.pixmap() is not None and not w.pixmap().isNull()):
        return ""
    if w.wordWrap():
        needed = w.heightForWidth(w.width())
        if needed > w.height() + SLACK:
            return f"{name(w)}: its lines need {needed} px of height, it has {w.height()}"
        return ""
    needed = w.sizeHint().width()
    if needed > w.width() + SLACK:
        return f"{name(w)}: its text needs {needed} px, it has {w.width()}"
    return ""


def _combo_problem(w: QComboBox) -> str:
    """A combo box's current text wider than its field, unless its tool tip says it whole."""
    option = QStyleOptionComboBox()
    w.initStyleOption(option)
    field = w.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option,
                                     QStyle.SubControl.SC_ComboBoxEditField, w)
    needed = _ink_width(w, w.currentText())
    if not w.itemIcon(w.currentIndex()).isNull():
        needed += w.iconSize().width() + 4
    if needed > field.width() + SLACK and not _elided_with_tip(w, w.currentText()):
        return f"{name(w)}: its text needs {needed} px, its field has {field.width()}"
    return ""


def _text_problem(w: QWidget) -> str:
    """How ``w``'s text does not fit it ('' when it does, or is cut short with the whole
    text in its tool tip)."""
    if isinstance(w, QLabel):
        return _label_problem(w)
    if isinstance(w, QAbstractButton) and w.text():
        needed = w.minimumSizeHint().width()
        if needed > w.width() + SLACK:
            return f"{name(w)}: its text needs {needed} px, it has {w.width()}"
    if isinstance(w, QComboBox) and w.currentText():
        return _combo_problem(w)
    if isinstance(w, QAbstractSpinBox) and w.text():
        needed = _ink_width(w, w.text())
        room = w.lineEdit().width() - 4  # the line edit's own margins
        if needed > room + SLACK:
            return f"{name(w)}: its text '{w.text()}' needs {needed} px, it has {room}"
    return ""


def _squeezed(w: QWidget) -> str:
    """``w`` is narrower or lower than its contents' least size ('' when not)."""
    policy = w.sizePolicy()
    least = w.minimumSizeHint()
    out = []
    if not isinstance(w, QComboBox) and \
            policy.horizontalPolicy() != QSizePolicy.Policy.Ignored and \
            least.width() > w.width() + SLACK:
        out.append(f"width {w.width()} < {least.width()}")
    if policy.verticalPolicy() != QSizePolicy.Policy.Ignored and \
            least.height() > w.height() + SLACK:
        out.append(f"height {w.height()} < {least.height()}")
    return f"{name(w)}: squeezed ({', '.join(out)})" if out else ""


def _overlaps(w: QWidget) -> list[str]:
    """Visible siblings after ``w`` (in the same parent) that ``w`` overlaps."""
    parent = w.parentWidget()
    if parent is None or isinstance(w, QTabBar) or w.isWindow():
        return []
    siblings = [s for s in parent.findChildren(QWidget, options=FIND_DIRECT)
                if s.isVisible() and not s.isWindow()]
    out = []
    for other in siblings[siblings.index(w) + 1:] if w in siblings else []:
        common = w.geometry().intersected(other.geometry())
        if common.width() > SLACK and common.height() > SLACK:
            out.append(f"{name(w)} overlaps {name(other)} ({common.width()}×"
                       f"{common.height()} px)")
    return out


def _placement(w: QWidget, top: QWidget) -> str:
    """``w`` outside the window, or cut by its parent ('' when wholly shown)."""
    parent = w.parentWidget()
    if parent is None:
        return ""
    area = _scroll_area(w, top)
    if area is not None:
        if isinstance(area, QAbstractItemView):
            return ""
        viewport = area.viewport()
        left = w.mapTo(viewport, QPoint(0, 0)).x()
        if left < -SLACK or left + w.width() > viewport.width() + SLACK:
            return (f"{name(w)}: cut sideways by the scroll area {name(area)} "
                    f"(x {left}..{left + w.width()}, shown 0..{viewport.width()})")
        return ""
    at = w.mapTo(top, QPoint(0, 0))
    if not top.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(
            QRect(at, w.size())):
        return (f"{name(w)}: outside the window ({at.x()}, {at.y()}, {w.width()}×"
                f"{w.height()} in {top.width()}×{top.height()})")
    if not parent.rect().adjusted(-SLACK, -SLACK, SLACK, SLACK).contains(w.geometry()):
        return f"{name(w)}: cut by {name(parent)} ({w.geometry().getRect()} in " \
               f"{parent.rect().getRect()})"
    return ""


def _tab_problems(bar: QTabBar) -> list[str]:
    """Tabs of ``bar`` not shown whole (the bar then scrolls, or elides their names)."""
    out = []
    for i in range(bar.count()):
        rect = bar.tabRect(i)
        if rect.left() < -SLACK or rect.right() > bar.width() + SLACK:
            out.append(f"tab '{bar.tabText(i)}' of {name(bar)}: outside its bar "
                       f"({rect.left()}..{rect.right()} in {bar.width()})")
        needed = bar.fontMetrics().horizontalAdvance(bar.tabText(i).replace("&", ""))
        if needed > rect.width() + SLACK:
            out.append(f"tab '{bar.tabText(i)}' of {name(bar)}: its name needs {needed} px, "
                       f"its tab has {rect.width()}")
    return out


#: Widgets whose own drawing is checked (texts, least sizes); containers are checked through
#: what they hold.
LEAVES = (QLabel, QAbstractButton, QComboBox, QAbstractSpinBox)


def widget_problems(top: QWidget) -> list[str]:
    """Every problem of the widgets shown in ``top`` (a window or dialog)."""
    problems: list[str] = []
    for w in top.findChildren(QWidget):
        if not w.isVisible() or w.window() is not top.window() or _in_item_view(w, top):
            continue
        if isinstance(w, QScrollArea) and w.horizontalScrollBar().isVisible():
            problems.append(f"{name(w)}: scrolls sideways")
        if isinstance(w, QAbstractItemView) and w.horizontalScrollBar().maximum() > 0 and (
                w.objectName() in NO_SIDEWAYS or
                w.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff):
            problems.append(f"{name(w)}: {w.horizontalScrollBar().maximum()} px of its rows "
                            f"cut off at the right, with no way to scroll there")
        if isinstance(w, QTabBar):
            problems += _tab_problems(w)
            continue
        if isinstance(w.parentWidget(), QTabBar):
            continue  # its scroll arrows: said by the tab bar
        if isinstance(w, LEAVES) or type(w).__name__ in ("PillarBars",):
            for found in (_text_problem(w), _squeezed(w)):
                if found:
                    problems.append(found)
        found = _placement(w, top)
        if found:
            problems.append(found)
        problems += _overlaps(w)
    return problems


def chart_problems(top: QWidget) -> list[str]:
    """Texts of the charts shown in ``top`` outside their figure."""
    from gui.widgets.chart_canvas import IdleChart
    from tests.ui.test_compare_layout import _texts_outside

    out = []
    for chart in top.findChildren(IdleChart):
        if not chart.isVisible() or chart.canvas is None:
            continue
        chart.canvas.draw()
        renderer: Any = chart.canvas.get_renderer()
        out += [f"chart {chart.canvas.objectName()}: {p}"
                for p in _texts_outside(chart.canvas.figure, renderer)]
    return out
