"""The change log: one row per change, written in the same transaction as the change itself.

Every row says when (UTC, the moment its transaction took the write lock), who, what kind of
change (:class:`Kind`), which startup, assessment, criterion and field, the value before and
after (as JSON), an optional comment, and the group of its transaction: one edit, one undo or
redo step or one import is one group. A row holds what taking its change back needs, so the
log can be replayed backwards from the current state (:mod:`models.store.replay`).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import sqlalchemy as sa
from pydantic_core import to_jsonable_python

from models.store.schema import changes


class Kind(StrEnum):
    """What a change did; ``docs/workspace.md`` lists what each keeps as old and new value."""

    CREATE = "workspace.create"
    SCORE_FIELD = "score.field"
    SCORE_NEW = "score.new"
    SCORE_REMOVE = "score.remove"
    SCORE_RESTORE = "score.restore"
    STARTUP_FIELD = "startup.field"
    STARTUP_INSERT = "startup.insert"
    STARTUP_REMOVE = "startup.remove"
    ASSESSMENT_FIELD = "assessment.field"
    ASSESSMENT_INSERT = "assessment.insert"
    ASSESSMENT_REMOVE = "assessment.remove"
    DECISIONS = "decisions.set"
    FRAMEWORK = "framework.replace"
    ROUND_OPEN = "round.open"
    ROUND_JOIN = "round.join"
    ROUND_SUBMIT = "round.submit"
    ROUND_REVEAL = "round.reveal"
    ROUND_CONSENSUS = "round.consensus"


@dataclass(frozen=True)
class Change:
    """One row of the change log (see the module notes); ``old`` and ``new`` are JSON values
    (dates as ISO text). ``role`` is the database role that made it, written by a team
    workspace's server itself (``None`` in a file)."""

    id: int
    group: str
    at: dt.datetime
    who: str
    kind: Kind
    startup_id: str | None
    assessment_id: str | None
    criterion_id: str | None
    field: str | None
    old: Any
    new: Any
    comment: str | None
    role: str | None = None


@dataclass
class Recorder:
    """Collects the change rows of one transaction and writes them in one statement."""

    group: str
    at: dt.datetime
    who: str
    comment: str | None = None
    rows: list[dict[str, Any]] = field(default_factory=list)

    def add(self, kind: Kind, *, startup_id: str | None = None,
            assessment_id: str | None = None, criterion_id: str | None = None,
            field: str | None = None, old: object = None, new: object = None,
            comment: str | None = None) -> None:
        """Note one change (values are turned into JSON: dates become ISO text)."""
        self.rows.append({
            "group_id": self.group, "at": self.at, "who": self.who, "kind": kind.value,
            "startup_id": startup_id, "assessment_id": assessment_id,
            "criterion_id": criterion_id, "field": field,
            "old_value": to_jsonable_python(old), "new_value": to_jsonable_python(new),
            "comment": comment if comment is not None else self.comment})

    def flush(self, conn: sa.Connection) -> None:
        """Write the noted rows (in the caller's transaction)."""
        if self.rows:
            conn.execute(sa.insert(changes), self.rows)
            self.rows.clear()


def new_group() -> str:
    """A fresh group id (32 hex characters) for one transaction's changes."""
    return uuid.uuid4().hex


def last_moment(conn: sa.Connection) -> dt.datetime | None:
    """When the newest change was made (``None`` for an empty log)."""
    return conn.execute(sa.select(sa.func.max(changes.c.at))).scalar()


def _change(row: sa.Row[Any]) -> Change:
    m = row._mapping
    return Change(id=int(m["id"]), group=m["group_id"], at=m["at"], who=m["who"],
                  kind=Kind(m["kind"]), startup_id=m["startup_id"],
                  assessment_id=m["assessment_id"], criterion_id=m["criterion_id"],
                  field=m["field"], old=m["old_value"], new=m["new_value"],
                  comment=m["comment"], role=m["db_role"])


def query_changes(conn: sa.Connection, *, startup_id: str | None = None,
                  assessment_id: str | None = None, since: dt.datetime | None = None,
                  until: dt.datetime | None = None, limit: int | None = None) -> list[Change]:
    """Changes newest first, of one startup (its assessments and scores included) and/or one
    assessment, made at or after ``since`` and at or before ``until``."""
    query = sa.select(changes).order_by(changes.c.id.desc())
    if startup_id is not None:
        query = query.where(changes.c.startup_id == startup_id)
    if assessment_id is not None:
        query = query.where(changes.c.assessment_id == assessment_id)
    if since is not None:
        query = query.where(changes.c.at >= since)
    if until is not None:
        query = query.where(changes.c.at <= until)
    if limit is not None:
        query = query.limit(limit)
    return [_change(row) for row in conn.execute(query)]


def newest_change(conn: sa.Connection, *where: sa.ColumnElement[bool]) -> Change | None:
    """The newest change that meets every condition of ``where`` (``None`` if none)."""
    row = conn.execute(sa.select(changes).where(*where).order_by(changes.c.id.desc())
                       .limit(1)).first()
    return None if row is None else _change(row)


def changes_after(conn: sa.Connection, moment: dt.datetime) -> list[Change]:
    """Every change made after ``moment``, newest first (what :mod:`replay` takes back)."""
    query = sa.select(changes).where(changes.c.at > moment).order_by(changes.c.id.desc())
    return [_change(row) for row in conn.execute(query)]


def changes_since(conn: sa.Connection, last_id: int) -> list[Change]:
    """Every change numbered after ``last_id``, oldest first."""
    query = sa.select(changes).where(changes.c.id > last_id).order_by(changes.c.id)
    return [_change(row) for row in conn.execute(query)]


def last_change_id(conn: sa.Connection) -> int:
    """The newest change's number (``0`` for an empty log)."""
    return int(conn.execute(sa.select(sa.func.max(changes.c.id))).scalar() or 0)


def framework_replacements(conn: sa.Connection) -> list[Change]:
    """Every framework replacement, newest first (found through the index on ``startup_id``:
    theirs is empty, so the rest of the log is not read)."""
    query = (sa.select(changes)
             .where(changes.c.startup_id.is_(None), changes.c.kind == Kind.FRAMEWORK.value)
             .order_by(changes.c.id.desc()))
    return [_change(row) for row in conn.execute(query)]


def startup_removals(conn: sa.Connection) -> list[Change]:
    """Every removal of a startup, newest first (what names a startup that is gone)."""
    query = (sa.select(changes).where(changes.c.kind == Kind.STARTUP_REMOVE.value)
             .order_by(changes.c.id.desc()))
    return [_change(row) for row in conn.execute(query)]
