"""A tab of the framework editor with a preview of the draft's effect on the portfolio (the
Rules and Scenarios tabs): the preview is worked out a moment after the last change, and only
while the tab is shown, so typing elsewhere in the editor is not slowed by it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

# How long after the last change the preview is worked out again (ms).
PREVIEW_DELAY_MS = 150


class PreviewPanel(QWidget):
    """Calls :meth:`show_preview` :data:`PREVIEW_DELAY_MS` after :meth:`preview_later`, or
    when shown if a change came while hidden, or at once with :meth:`flush_preview`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._timed)
        self._stale = True

    def preview_later(self) -> None:
        """The preview is out of date: work it out a moment from now (if shown then)."""
        self._stale = True
        self._timer.start()

    def _timed(self) -> None:
        if self.isVisible():
            self.flush_preview()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def flush_preview(self) -> None:
        """Work the preview out now (it is otherwise done a moment after each change)."""
        self._timer.stop()
        self._stale = False
        self.show_preview()

    def show_preview(self) -> None:
        """Show the preview of the draft as it is now."""
        raise NotImplementedError
