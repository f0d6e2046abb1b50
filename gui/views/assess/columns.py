"""The Assess view's three columns side by side: the startup list, the assessment and the
results. Until the user moves a divider, the width is shared by rule (the list and the results
each a share within bounds, the assessment the rest), so a laptop's screen gives the criteria
what the other two can spare; no column goes below what its contents need, none collapses.

The assessment's column keeps its criteria at least :data:`CRITERIA_LINES` lines high; its
head (the startup's details opened on a laptop's screen) scrolls within itself when it needs
more height than the rest leaves it (:class:`ScrollingHead`), its editors keeping their
height instead of all being squeezed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QScrollArea, QSplitter, QVBoxLayout, QWidget

#: The startup list's and the results' shares of the width, and their bounds in pixels.
LIST_SHARE, LIST_WIDTH = 0.2, (180, 280)
RESULTS_SHARE, RESULTS_WIDTH = 0.26, (230, 360)
#: The least height of the tabs under the assessment's head (its criteria), in lines of text.
CRITERIA_LINES = 12


class Columns(QSplitter):
    """The list, the assessment and the results (see the module notes)."""

    def __init__(self, left: QWidget, middle: QWidget, right: QWidget,
                 parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        for i, (widget, stretch) in enumerate(((left, 2), (middle, 6), (right, 3))):
            self.addWidget(widget)
            self.setStretchFactor(i, stretch)
        self.setChildrenCollapsible(False)
        self.sized_by_user = False
        self.splitterMoved.connect(self._moved)

    def _moved(self, *_args: object) -> None:
        self.sized_by_user = True

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.sized_by_user:
            self.fit()

    def fit(self) -> None:
        """Share the width by rule (the minimum widths of the columns still hold)."""
        total = self.width() - 2 * self.handleWidth()
        left = min(max(int(total * LIST_SHARE), LIST_WIDTH[0]), LIST_WIDTH[1])
        right = min(max(int(total * RESULTS_SHARE), RESULTS_WIDTH[0]), RESULTS_WIDTH[1])
        self.setSizes([left, max(0, total - left - right), right])


def head_and_tabs(head: QWidget, tabs: QWidget) -> QWidget:
    """The assessment's column: ``head`` above ``tabs`` (see :class:`ScrollingHead`)."""
    column = QWidget()
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    scrolling = ScrollingHead(head, tabs, column)  # a child from the start: never a window
    layout.addWidget(scrolling)
    layout.addWidget(tabs, 1)
    column.installEventFilter(scrolling)  # its height: the head's room
    return column


class ScrollingHead(QScrollArea):
    """The assessment column's head (``head``: the startup's name and details, the
    assessment's): as tall as it needs, but leaving the ``tabs`` below it their least height
    (:data:`CRITERIA_LINES` lines); then it scrolls up and down within itself, its editors
    keeping their height (it never scrolls sideways)."""

    def __init__(self, head: QWidget, tabs: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._later = QTimer(self)  # measured again once the layouts have run
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        self._head, self._tabs = head, tabs
        self.setObjectName("assessmentHead")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(head)
        tabs.setMinimumHeight(tabs.fontMetrics().lineSpacing() * CRITERIA_LINES)
        head.installEventFilter(self)

    def fit(self) -> None:
        """As tall as the head at its width, or as the column leaves beside the tabs."""
        column, head = self.parentWidget(), self._head
        layout = column.layout() if column is not None else None
        if column is None or layout is None or head.isHidden():
            return
        width = self.viewport().width()
        needed = head.heightForWidth(width) if head.hasHeightForWidth() else -1
        needed = max(needed, head.minimumSizeHint().height())
        room = column.height() - self._tabs.minimumHeight() - max(0, layout.spacing())
        height = max(min(needed, room), self.fontMetrics().lineSpacing() * 4)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if (watched is self._head and self.parentWidget() is not None
                and kind in (QEvent.Type.ShowToParent, QEvent.Type.HideToParent)):
            # (only once it has a parent: shown without one, it would become a window of its
            # own and take the activation from the main window)
            self.setVisible(kind == QEvent.Type.ShowToParent)  # no startup: no head
        if kind in (QEvent.Type.LayoutRequest, QEvent.Type.Resize, QEvent.Type.Show):
            self._later.start()  # the head or the column changed: measure again
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._later.start()

    def minimumSizeHint(self) -> QSize:
        return QSize(self._head.minimumSizeHint().width() +
                     self.verticalScrollBar().sizeHint().width(),
                     super().minimumSizeHint().height())
