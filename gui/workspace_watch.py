"""Noticing what other windows and programs write to the open workspace: SQLite tells a
connection, through ``PRAGMA data_version``, that another one has committed; the watch asks
every second, reads the change log from where it last looked, and hands the new changes to
the document (:meth:`gui.document.Document.take_in`), so a colleague's edit, a command-line
import or a second window's edit appears within two seconds."""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from sqlalchemy.exc import SQLAlchemyError

if TYPE_CHECKING:
    from gui.document import Document

log = logging.getLogger("beachhead")

#: How often the workspace is asked whether another connection has committed.
POLL_MS = 1000


class WorkspaceWatch(QObject):
    """Polls ``doc``'s workspace every :data:`POLL_MS` and takes in others' changes."""

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.doc = doc
        self._version, self._seen = self._state()
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def _state(self) -> tuple[int, int]:
        ws = self.doc.workspace
        return ws.log_state() if ws is not None else (0, 0)

    def noted_own_write(self) -> None:
        """After the document's own write: if nobody else has committed since the last look,
        every change in the log is one the document has, so move the mark past them."""
        version, seen = self._state()
        if version == self._version:
            self._seen = seen

    def poll(self) -> bool:
        """Take in what others committed since the last look; True if there was any."""
        ws = self.doc.workspace
        if ws is None:
            self.timer.stop()
            return False
        try:
            version = ws.data_version()
            if version == self._version:
                return False
            changes = ws.changes_since(self._seen)
        except (OSError, sqlite3.Error, SQLAlchemyError) as exc:
            # the disk is gone or the file is locked past the busy timeout: ask again later
            log.warning("%s: cannot read the workspace: %s", ws.path, exc)
            return False
        self._version = version
        if changes:
            self._seen = changes[-1].id
            self.doc.take_in(changes)
        return bool(changes)
