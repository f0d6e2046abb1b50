"""What the History, Differences and Trend tabs share: the document and the startup they show,
read again through an :class:`~gui.widgets.idle_refresh.IdleRefresher` at once on each of the
document signals they follow and when the startup changes, only while on screen; a hidden tab
catches up when shown."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui.document import Document
from gui.i18n import language
from gui.widgets.idle_refresh import IdleRefresher


class HistoryPage(QWidget):
    """A tab about the chosen startup's history.

    Args:
        signals: names of the :class:`~gui.document.Document` signals that make it stale.

    Attributes:
        doc: the document followed (``None`` before :meth:`set_document`).
        startup_id: the startup shown ('' for none).
        refresher: calls :meth:`catch_up` when the tab is stale and on screen.
    """

    def __init__(self, signals: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self.startup_id = ""
        self.refresher = IdleRefresher(self, self.catch_up, signals, None)

    def set_document(self, doc: Document) -> None:
        """Follow ``doc``."""
        self.doc = doc
        self.refresher.follow(doc)

    def show_startup(self, startup_id: str) -> None:
        """Show this startup ('' for none)."""
        if startup_id != self.startup_id:
            self.startup_id = startup_id
            self.refresher.schedule()

    def next_step(self) -> str:
        """While no startup is chosen, what to do for the tab to show something: add or
        import a startup (the portfolio has none) or choose one; '' once one is chosen."""
        if self.startup_id:
            return ""
        if self.doc is not None and self.doc.portfolio.startups:
            return QCoreApplication.translate(
                "HistoryPage", "Choose a startup in the list on the left: its history shows "
                "here.")
        return QCoreApplication.translate(
            "HistoryPage", "No startups yet. Add one (Add, under the list) or import "
            "founders' workbooks (File ▸ Import Workbooks…): each startup's history shows "
            "here from then on.")

    def catch_up(self) -> None:
        """Bring the tab up to date (by default: :meth:`refresh`)."""
        self.refresh()

    def refresh(self) -> None:
        """Read what the tab shows again."""
        raise NotImplementedError
