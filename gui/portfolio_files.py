"""The open portfolio's file: New, Open, Save and Save As with a question before unsaved
changes are lost, the recent files, and recovery — a copy of unsaved work written every minute
and offered back after a crash."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from gui.dialogs import ask, with_suffix
from gui.recovery import AUTOSAVE_INTERVAL_MS

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger("beachhead")


class PortfolioFiles(QObject):
    """New, Open, Save, Save As, autosave and recovery for ``window``'s portfolio (its
    :attr:`~gui.main_window.MainWindow.doc`), remembering folders and recent files in the
    window's settings and writing recovery copies to its recovery store."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()

    # -- open and new -----------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to discard the document now."""
        doc = self.window.doc
        if not doc.is_modified():
            return True
        answer = ask.save_changes(self.window, doc.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_document(self) -> None:
        """Start an empty portfolio with the default framework."""
        if not self.maybe_save():
            return
        from gui.document import Document

        self.window.replace_document(Document.new(self.window))

    def open_document(self, path: Path | None = None) -> bool:
        """Open ``path`` (or ask for one); True on success."""
        w = self.window
        if path is None:
            chosen = ask.open_file(w, self.tr("Open portfolio"), w.settings.last_folder,
                                   self.tr("Beachhead portfolios (*.beachhead)"))
            if not chosen:
                return False
            path = Path(chosen)
        if not self.maybe_save():
            return False
        from gui.document import Document
        from models.core.errors import InputError

        try:
            doc = Document.load(path, w)
        except InputError as exc:
            if not Path(path).exists():
                w.settings.remove_recent_file(path)
            ask.error(w, self.tr("Cannot open portfolio"),
                      self.tr("{name} could not be opened.").format(name=Path(path).name),
                      str(exc))
            return False
        w.replace_document(doc)
        self._remember(path)
        return True

    def _remember(self, path: Path) -> None:
        self.window.settings.add_recent_file(path)
        self.window.settings.last_folder = str(Path(path).resolve().parent)

    # -- save -------------------------------------------------------------------------------
    def save(self) -> bool:
        """Save to the current file (asks for one if the document is new)."""
        path = self.window.doc.path
        if path is None:
            return self.save_as()
        return self._save_to(path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        w = self.window
        folder = w.settings.last_folder or str(Path.home())
        suggested = str(Path(folder) / (w.doc.path.name if w.doc.path else
                                        "portfolio.beachhead"))
        chosen = ask.save_file(w, self.tr("Save portfolio"), suggested,
                               self.tr("Beachhead portfolios (*.beachhead)"))
        if not chosen:
            return False
        return self._save_to(with_suffix(chosen, ".beachhead"))

    def _save_to(self, path: Path) -> bool:
        w = self.window
        try:
            w.doc.save(path)
        except OSError as exc:
            from models.core.errors import write_failure

            ask.error(w, self.tr("Cannot save"),
                      self.tr("The portfolio could not be saved to {path}; the previous file is "
                              "unchanged.").format(path=path), write_failure(exc, path))
            return False
        self._remember(path)
        w.recovery.clear()
        w.update_title()
        w.statusBar().showMessage(self.tr("Saved {name}").format(name=path.name), 4000)
        return True

    # -- autosave and recovery --------------------------------------------------------------
    def autosave(self) -> None:
        """Write a recovery copy if there are unsaved changes (runs every minute)."""
        doc = self.window.doc
        if not doc.is_modified():
            return
        try:
            self.window.recovery.save(doc.portfolio, doc.path)
        except OSError as exc:
            log.warning("autosave failed: %s", exc)

    def offer_recovery(self) -> bool:
        """If an earlier session crashed, offer its recovery copy; True if one was restored."""
        w = self.window
        copies = w.recovery.found()
        if not copies:
            return False
        newest = copies[0]
        name = Path(newest.original).name if newest.original else self.tr("an unsaved portfolio")
        restore = ask.confirm(w, self.tr("Recover unsaved work"), self.tr(
            "Beachhead did not close properly last time. Restore the unsaved changes to {name} "
            "from {time}?").format(name=name, time=newest.saved_at.replace("T", " ")))
        if not restore:
            for c in copies:
                c.discard()
            return False
        from gui.document import Document
        from models.core.errors import InputError

        try:
            portfolio = newest.load()
        except InputError as exc:
            ask.error(w, self.tr("Cannot recover"),
                      self.tr("The recovery copy could not be read."), str(exc))
            return False
        original = Path(newest.original) if newest.original else None
        doc = Document(portfolio, original, w)
        w.replace_document(doc)
        # the recovered changes are not in the original file yet: mark them unsaved
        doc.undo_stack.resetClean()
        w.update_title()
        for c in copies:
            c.discard()
        w.recovery.save(doc.portfolio, original)
        return True

    def end_session(self) -> None:
        """A clean exit: remove this session's recovery copy and stop autosaving."""
        self.window.recovery.clear()
        self._autosave_timer.stop()
