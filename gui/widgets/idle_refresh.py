"""Recompute a panel once a burst of document changes has settled (or at once), and only while
the panel is on screen; a hidden panel catches up the next time it is shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QMetaObject, QObject, QTimer
from PySide6.QtWidgets import QWidget

from gui.document import Document


class IdleRefresher(QObject):
    """Calls ``refresh()`` ``delay_ms`` after the last of the document signals it follows
    (``delay_ms=None``: at once, as each signal arrives).

    Args:
        widget: the panel; nothing is recomputed while it is hidden.
        refresh: the panel's recompute-and-redraw function.
        signals: names of :class:`~gui.document.Document` signals that make it stale.
        delay_ms: quiet time before recomputing; ``None`` recomputes at once.

    Attributes:
        dirty: True while the panel shows outdated figures.
    """

    def __init__(self, widget: QWidget, refresh: Callable[[], None], signals: Sequence[str],
                 delay_ms: int | None) -> None:
        super().__init__(widget)
        self.widget = widget
        self.signals = tuple(signals)
        self.dirty = True
        self._connections: list[QMetaObject.Connection] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms or 0)
        self._at_once = delay_ms is None
        self._timer.timeout.connect(self._run)
        self._refresh = refresh
        widget.installEventFilter(self)

    def follow(self, doc: Document) -> None:
        """Listen to ``doc`` instead of the previous document, and schedule a refresh."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = [getattr(doc, name).connect(self.schedule) for name in self.signals]
        self.schedule()

    def schedule(self, *_args: object) -> None:
        """Mark the panel stale; recompute once things settle if it is on screen."""
        self.dirty = True
        if self.widget.isVisible():
            self._start()

    def _start(self) -> None:
        if self._at_once:
            self._run()
        else:
            self._timer.start()

    def _run(self) -> None:
        self.dirty = False
        self._refresh()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Catch up with changes made while the panel was hidden."""
        if obj is self.widget and event.type() == QEvent.Type.Show and self.dirty:
            self._start()
        return False
