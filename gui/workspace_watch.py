"""Noticing what other windows, programs and colleagues write to the open workspace, and
whether a team workspace's server answers.

The workspace's :meth:`~models.store.workspace.Workspace.data_version` changes when another
connection commits: for a file, SQLite's ``PRAGMA data_version``; on a server, the count of
the server's notifications (``LISTEN``, :class:`models.store.server.Listener`). The watch asks
every second, reads the change log from where it last looked, and hands the new changes to
the document (:meth:`gui.document.Document.take_in`), so a colleague's edit, a command-line
import or a second window's edit appears within two seconds.

When a server stops answering (the watch's question, an edit or a view's read fails with a
lost connection) the watch says so (the document's ``connectionChanged``), edits are refused
at once (:meth:`WorkspaceWatch.writing`), and it tries again after 1, 2, 4 and 8 seconds,
then every 10: each try is a connection made in a thread of its own (:func:`reachable`), so
that a server that does not answer at all never holds the window for the connection's
timeout. Once the server answers, the workspace (whose connection SQLAlchemy makes anew on
its next use) reads every change committed meanwhile, or the whole portfolio when memory may
be ahead of it (a transaction cut off halfway).
"""

from __future__ import annotations

import contextlib
import errno
import logging
import sqlite3
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING

import psycopg
from PySide6.QtCore import QObject, QTimer, Signal
from sqlalchemy.exc import SQLAlchemyError

from models.store.server import as_connection_error, is_disconnect, libpq_params

if TYPE_CHECKING:
    from gui.document import Document

log = logging.getLogger("beachhead")

#: How often the workspace is asked whether another connection has committed.
POLL_MS = 1000
#: The longest wait between two tries to reach a server that does not answer.
MAX_RETRY_MS = 10_000
#: What reading the workspace may raise when the file or the server cannot be read.
READ_ERRORS = (OSError, sqlite3.Error, SQLAlchemyError, psycopg.Error)


def retry_ms(tries: int) -> int:
    """The wait before trying to reach the server again after ``tries`` failed tries: 1, 2,
    4 and 8 seconds, then 10."""
    return min(MAX_RETRY_MS, POLL_MS * 2 ** max(0, tries - 1))


def is_lost(exc: BaseException) -> bool:
    """Whether ``exc`` means the server cannot be reached or the connection dropped."""
    return isinstance(exc, ConnectionError) or is_disconnect(exc)


def reachable(address: str) -> bool:
    """Whether the server at ``address`` accepts a connection now (one is made and closed)."""
    try:
        psycopg.connect(**libpq_params(address)).close()
    except (psycopg.Error, ValueError):
        return False
    return True


class WorkspaceWatch(QObject):
    """Polls ``doc``'s workspace every :data:`POLL_MS` and takes in others' changes; for a
    server, keeps track of whether it answers (see the module notes).

    Attributes:
        offline_reason: why the server cannot be reached ('' while it answers).
        stale: the document's memory may be ahead of the server: read it whole once the
            server answers again.
    """

    _probed = Signal(bool)

    def __init__(self, doc: Document) -> None:
        super().__init__(doc)
        self.doc = doc
        self.offline_reason = ""
        self.stale = False
        self._tries = 0
        self._probing = False
        self._version, self._seen = self._state()
        self._probed.connect(self._after_probe)
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    @property
    def offline(self) -> bool:
        """Whether the server is known not to answer now."""
        return bool(self.offline_reason)

    def _state(self) -> tuple[int, int]:
        ws = self.doc.workspace
        return ws.log_state() if ws is not None else (0, 0)

    def noted_own_write(self) -> None:
        """After the document's own write: if nobody else has committed since the last look,
        every change in the log is one the document has, so move the mark past them. (If
        the workspace cannot say, the mark stays: the next look reads the write back.)"""
        try:
            version, seen = self._state()
        except READ_ERRORS as exc:
            self.failed(exc)
            return
        if version == self._version:
            self._seen = seen

    # -- others' changes ----------------------------------------------------------------------
    def poll(self) -> bool:
        """Take in what others committed since the last look; True if there was any. While
        the server does not answer, try to reach it instead."""
        ws = self.doc.workspace
        if ws is None:
            self.timer.stop()
            return False
        if self.offline and ws.server is not None:
            self._probe(ws.server)
            return False
        try:
            return self._take_in(force=False)
        except READ_ERRORS as exc:
            # the disk is gone, the file is locked past the busy timeout, the server went
            # away: ask again later
            if not self.failed(exc):
                log.warning("%s: cannot read the workspace: %s", ws.location, exc)
            return False

    def _take_in(self, force: bool) -> bool:
        """Read the changes after the mark when another connection has committed (or
        ``force``), and take them in (or read the whole portfolio, when :attr:`stale`); the
        mark moves only once they are in. True if there were any."""
        ws = self.doc.workspace
        assert ws is not None
        version = ws.data_version()
        if version == self._version and not (force or self.stale):
            return False
        changes = ws.changes_since(self._seen)
        if self.stale:
            self.doc._reload()
            self.doc.historyChanged.emit()
        else:
            self.doc.take_in(changes)
        self._version, self.stale = version, False
        if changes:
            self._seen = changes[-1].id
        return bool(changes)

    # -- the server's connection ------------------------------------------------------------
    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """Around a write: refused at once (``ConnectionError`` naming the server) while the
        server is known not to answer, since trying would wait for the connection's timeout
        and fail; a write that fails because the connection was lost puts the watch
        offline."""
        if self.offline:
            ws = self.doc.workspace
            raise ConnectionError(errno.ECONNABORTED, self.offline_reason,
                                  ws.location if ws is not None else "")
        try:
            yield
        except BaseException as exc:
            self.failed(exc)
            raise

    def failed(self, exc: BaseException) -> bool:
        """Note that the workspace could not be used because of ``exc``: True when it means
        the server's connection was lost (the watch is then offline, and tries again after
        a while); False for any other error, which is the caller's to handle."""
        ws = self.doc.workspace
        if ws is None or ws.server is None or not is_lost(exc):
            return False
        if not self.offline:
            lost = exc if isinstance(exc, ConnectionError) else \
                as_connection_error(exc, ws.server)
            self.offline_reason = (lost.strerror if lost is not None else "") or str(exc)
            self._tries = 1
            self.timer.start(retry_ms(self._tries))
            log.warning("%s: %s", ws.location, self.offline_reason)
            self.doc.connectionChanged.emit(self.offline_reason)
        return True

    def _probe(self, address: str) -> None:
        """Try to connect to the server in a thread of its own (the timer waits meanwhile);
        :meth:`_after_probe` hears how it went."""
        if self._probing:
            return
        self._probing = True
        self.timer.stop()
        probed = self._probed

        def run() -> None:
            answered = reachable(address)
            with contextlib.suppress(RuntimeError):  # the window closed meanwhile
                probed.emit(answered)

        threading.Thread(target=run, name="beachhead-reconnect", daemon=True).start()

    def _after_probe(self, answered: bool) -> None:
        self._probing = False
        if self.doc.workspace is None:
            return
        if answered and self._catch_up():
            return
        self._tries += 1
        self.timer.start(retry_ms(self._tries))

    def _catch_up(self) -> bool:
        """The server answers again: take in what was committed meanwhile; True once the
        watch is back on line. The workspace's first use of its connection after a drop
        fails and makes the connection anew, hence a second try at once."""
        ws = self.doc.workspace
        assert ws is not None
        for attempt in (1, 2):
            try:
                self._take_in(force=True)
            except READ_ERRORS as exc:
                if is_lost(exc) and attempt == 1:
                    continue
                log.warning("%s: cannot read the workspace: %s", ws.location, exc)
                if is_lost(exc):
                    return False
            break
        self.offline_reason, self._tries = "", 0
        self.timer.start(POLL_MS)
        self.doc.connectionChanged.emit("")
        return True

    def refusal(self, exc: OSError) -> str:
        """What to tell the user about an edit of the team workspace that ``exc`` refused."""
        name = self.doc.display_name()
        if isinstance(exc, ConnectionError):
            return self.tr(
                "{name} cannot be reached, so the change was not made. What you typed is "
                "still on screen but not saved. Beachhead reconnects by itself; the status "
                "bar says when the server answers again.").format(name=name)
        return self.tr("The change was not made: {name}: {reason}").format(
            name=name, reason=exc.strerror or exc)
