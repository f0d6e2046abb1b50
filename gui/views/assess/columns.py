"""The Assess view's three columns side by side: the startup list, the assessment and the
results. Until the user moves a divider, the width is shared by rule (the list and the results
each a share within bounds, the assessment the rest), so a laptop's screen gives the criteria
what the other two can spare; no column goes below what its contents need, none collapses."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

#: The startup list's and the results' shares of the width, and their bounds in pixels.
LIST_SHARE, LIST_WIDTH = 0.2, (180, 280)
RESULTS_SHARE, RESULTS_WIDTH = 0.26, (230, 360)


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
