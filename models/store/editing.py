"""The workspace's edits: the operations of :mod:`models.core.edits`, each one transaction
that writes the change and its change-log rows together (who, when, old and new values, an
optional comment), durable when the call returns. A write the disk refuses (full, read-only,
locked by another program past the busy timeout, or a file moved or deleted while open)
raises an ``OSError`` naming the file, and changes nothing.

Several edits inside :meth:`WorkspaceEdits.transaction` make one transaction and one group
of the log (an undo step, an import); an edit that fails inside it is taken back alone.

An edit of one value given ``expected``, the value its editor saw, is written only if the
workspace still holds that value, else it raises :class:`~models.store.conflicts.Conflict`
naming the value now and who changed it (:mod:`models.store.conflicts`): no lost update.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import sqlalchemy as sa

from models.core.decisions import Decision
from models.core.edits import FieldValue, RemovedScore
from models.core.framework import Framework
from models.core.portfolio import Assessment, Startup
from models.store import field_edits, item_edits
from models.store.changelog import Recorder, last_moment, new_group
from models.store.conflicts import UNCHECKED
from models.store.frameworks import Frameworks
from models.store.migrate import writing
from models.store.opening import check_still_there, now
from models.store.schema import PORTFOLIO_ROW, portfolio
from models.store.server import as_busy_error, as_connection_error, as_permission_error
from models.store.sqlite import as_os_error
from models.store.writes import Tx


class WorkspaceEdits:
    """The edit methods of :class:`models.store.workspace.Workspace`."""

    path: Path | None
    server: str | None
    location: str
    who: str
    _conn: sa.Connection
    _frameworks: Frameworks
    _tx: Tx | None = None
    _identity: tuple[int, int] | None = None

    @contextlib.contextmanager
    def transaction(self, comment: str | None = None) -> Iterator[None]:
        """Make the edits inside one transaction and one group of the change log, with
        ``comment`` on each change (an edit's own comment takes its place)."""
        with self._write(comment):
            yield

    @contextlib.contextmanager
    def _write(self, comment: str | None) -> Iterator[Tx]:
        if self._tx is not None:
            yield from _nested(self._tx, comment)
            return
        if self.path is not None:
            check_still_there(self.path, self._identity)
        try:
            with self._transaction(comment) as tx:
                yield tx
        except sa.exc.DBAPIError as exc:
            refused = self._refusal(exc)
            if refused is None:
                raise
            raise refused from exc

    def _refusal(self, exc: sa.exc.DBAPIError) -> OSError | None:
        """The ``OSError`` a failed write means (see :func:`models.store.sqlite.as_os_error`
        and :mod:`models.store.server`), ``None`` for an error of another kind."""
        if self.server is None:
            return as_os_error(exc, self.location)
        return (as_connection_error(exc, self.server) or as_permission_error(exc, self.server)
                or as_busy_error(exc, self.server))

    @contextlib.contextmanager
    def _transaction(self, comment: str | None) -> Iterator[Tx]:
        with writing(self._conn) as conn:
            # the first write: on any database it makes concurrent writers queue here
            conn.execute(sa.update(portfolio).where(portfolio.c.id == PORTFOLIO_ROW)
                         .values(revision=portfolio.c.revision + 1))
            tx = Tx(conn, Recorder(new_group(), _moment_after(last_moment(conn)), self.who,
                                   comment), self._frameworks)
            self._tx = tx
            try:
                yield tx
                tx.log.flush(conn)
            finally:
                self._tx = None

    # -- one value -----------------------------------------------------------------------------
    def set_score_field(self, assessment_id: str, criterion_id: str, field: str,
                        value: object, comment: str | None = None, *,
                        expected: object = UNCHECKED) -> None:
        """Set ``value``, ``confidence``, ``rationale`` or ``evidence`` of a criterion's
        score (the score is added if the criterion has none).

        Raises:
            Conflict: ``expected`` is given and the field holds another value now (nothing
                is written).
        """
        with self._write(comment) as tx:
            field_edits.set_score_field(tx, assessment_id, criterion_id, field, value,
                                        expected)

    def set_startup_field(self, startup_id: str, field: str, value: object,
                          comment: str | None = None, *, expected: object = UNCHECKED) -> None:
        """Set a startup's ``name``, ``sector``, ``stage``, ``region``, ``tags``,
        ``notes`` or ``website`` (``Conflict``: see :meth:`set_score_field`)."""
        with self._write(comment) as tx:
            field_edits.set_startup_field(tx, startup_id, field, value, expected)

    def set_startup_fields(self, values: Iterable[FieldValue],
                           comment: str | None = None) -> None:
        """Set fields of several startups at once, each named by its startup's id."""
        with self._write(comment) as tx:
            for sid, field, value in values:
                field_edits.set_startup_field(tx, sid, field, value)

    def set_assessment_field(self, assessment_id: str, field: str, value: object,
                             comment: str | None = None, *,
                             expected: object = UNCHECKED) -> None:
        """Set an assessment's ``assessor``, ``role`` or ``date`` (``Conflict``: see
        :meth:`set_score_field`)."""
        with self._write(comment) as tx:
            field_edits.set_assessment_field(tx, assessment_id, field, value, expected)

    def replace_framework(self, framework: Framework, comment: str | None = None, *,
                          drop_scored: bool = False) -> list[RemovedScore]:
        """Give the portfolio ``framework``, in one transaction; returns the scores taken out
        (blank ones, and scored ones with ``drop_scored``; see
        :func:`models.store.field_edits.replace_framework`)."""
        with self._write(comment) as tx:
            return field_edits.replace_framework(tx, framework, drop_scored=drop_scored)

    def restore_scores(self, removed: Iterable[RemovedScore],
                       comment: str | None = None) -> None:
        """Put back the scores :meth:`replace_framework` took out."""
        with self._write(comment) as tx:
            field_edits.restore_scores(tx, removed)

    # -- whole items ---------------------------------------------------------------------------
    def insert_startup(self, index: int, startup: Startup,
                       comment: str | None = None) -> int:
        """Insert ``startup`` (with its assessments and decisions) at ``index``; returns
        the position it took."""
        with self._write(comment) as tx:
            return item_edits.insert_startup(tx, index, startup)

    def remove_startup(self, startup_id: str,
                       comment: str | None = None) -> tuple[int, Startup]:
        """Remove a startup with everything in it; returns its former position and it."""
        with self._write(comment) as tx:
            return item_edits.remove_startup(tx, startup_id)

    def insert_assessment(self, startup_id: str, index: int, assessment: Assessment,
                          comment: str | None = None) -> int:
        """Insert ``assessment`` into a startup at ``index``; returns the position it
        took."""
        with self._write(comment) as tx:
            return item_edits.insert_assessment(tx, startup_id, index, assessment)

    def remove_assessment(self, assessment_id: str,
                          comment: str | None = None) -> tuple[str, int, Assessment]:
        """Remove an assessment; returns its startup's id, its former position and it."""
        with self._write(comment) as tx:
            return item_edits.remove_assessment(tx, assessment_id)

    def set_decisions(self, startup_id: str, decisions: Sequence[Decision],
                      comment: str | None = None) -> list[Decision]:
        """Replace a startup's decisions (oldest first); returns the previous ones."""
        with self._write(comment) as tx:
            return item_edits.set_decisions(tx, startup_id, decisions)

    def add_many(self, startups: Sequence[Startup],
                 assessments: Sequence[tuple[str, Assessment]] = (),
                 fields: Iterable[FieldValue] = (), comment: str | None = None) -> None:
        """Set fields of existing startups, append startups, and append assessments to
        existing startups, as one transaction (an import)."""
        with self._write(comment) as tx:
            item_edits.add_many(tx, startups, assessments, fields)

    def remove_many(self, startup_ids: Iterable[str], assessment_ids: Iterable[str] = (),
                    fields: Iterable[FieldValue] = (), comment: str | None = None) -> None:
        """Set fields of startups, then remove startups and assessments by id, as one
        transaction (the undo of an import)."""
        with self._write(comment) as tx:
            item_edits.remove_many(tx, startup_ids, assessment_ids, fields)


def _moment_after(last: dt.datetime | None) -> dt.datetime:
    """Now, or a microsecond after the log's newest change if the clock says otherwise: each
    transaction has its own moment, later than every one before it, so an as-of view at a
    change's moment shows exactly the changes up to that one."""
    at = now()
    return at if last is None or at > last else last + dt.timedelta(microseconds=1)


def _nested(tx: Tx, comment: str | None) -> Iterator[Tx]:
    """An edit inside an open transaction: a savepoint, so that a failed edit is taken back
    alone, with its own comment on its changes."""
    saved, noted = tx.log.comment, len(tx.log.rows)
    if comment is not None:
        tx.log.comment = comment
    try:
        with tx.conn.begin_nested():
            yield tx
    except BaseException:
        del tx.log.rows[noted:]
        raise
    finally:
        tx.log.comment = saved
