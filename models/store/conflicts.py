"""No lost update: an edit of one value may carry the value its editor last saw
(``expected``); if the workspace holds another one by the time the edit is written (someone
else changed it meanwhile), nothing is written and :class:`Conflict` says what the value is
now and who changed it last, and when (from the change log), so that the editor can choose.

The comparison runs inside the edit's write transaction, after the first statement has taken
the write lock (SQLite's ``BEGIN IMMEDIATE``; on PostgreSQL the portfolio row's lock, then
reads at ``READ COMMITTED`` see every commit before it): two editors who saw the same value
cannot both write over it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum
from typing import Final

import sqlalchemy as sa

from models.store.changelog import Change, Kind, newest_change
from models.store.schema import changes


class _Unchecked(Enum):
    UNCHECKED = "unchecked"


#: The default of ``expected``: write whatever the workspace holds (the command line, imports).
UNCHECKED: Final = _Unchecked.UNCHECKED


@dataclass(frozen=True)
class Target:
    """The value an edit sets: a field of a criterion's score (``criterion_id`` set), of an
    assessment (``assessment_id`` set) or of a startup."""

    startup_id: str
    field: str
    assessment_id: str | None = None
    criterion_id: str | None = None


class Conflict(ValueError):
    """An edit was not written: the value it changes is no longer the one its editor saw.

    Attributes:
        target: what the edit changes (startup, assessment, criterion, field).
        expected: the value the editor saw.
        current: the value the workspace holds now.
        value: the value the edit would have written.
        change: the newest change of that value in the change log (``who``, ``role`` —
            the database role on a server —, ``at``); ``None`` if the log has none.
    """

    def __init__(self, target: Target, expected: object, current: object, value: object,
                 change: Change | None) -> None:
        self.target, self.expected, self.current = target, expected, current
        self.value, self.change = value, change
        by = f" by {change.who} at {change.at.isoformat(timespec='seconds')}" if change else ""
        super().__init__(f"{self.where}: {target.field} is {current!r} now (changed{by}), "
                         f"not {expected!r} as seen when editing; nothing was written")

    @property
    def where(self) -> str:
        """The value's place, by ids: ``startup s1``, ``assessment a1 criterion a.x``."""
        t = self.target
        if t.criterion_id is not None:
            return f"assessment {t.assessment_id} criterion {t.criterion_id}"
        if t.assessment_id is not None:
            return f"assessment {t.assessment_id}"
        return f"startup {t.startup_id}"

    @property
    def who(self) -> str | None:
        """Who changed the value last (the name the change was recorded under)."""
        return self.change.who if self.change else None

    @property
    def role(self) -> str | None:
        """The database role that made the last change (a team workspace's server)."""
        return self.change.role if self.change else None

    @property
    def at(self) -> dt.datetime | None:
        """When the value was last changed (UTC)."""
        return self.change.at if self.change else None


def check(conn: sa.Connection, target: Target, expected: object, current: object,
          value: object) -> None:
    """Raise :class:`Conflict` when ``expected`` (unless :data:`UNCHECKED`) is not
    ``current``, the value the workspace holds (even if that is ``value``: the editor is
    told that someone else made the same change)."""
    if expected is UNCHECKED or expected == current:
        return
    raise Conflict(target, expected, current, value, last_change(conn, target))


def last_change(conn: sa.Connection, target: Target) -> Change | None:
    """The newest change of the value ``target`` names: of that field, or (for a score) one
    that removed or put back the whole score."""
    c = changes.c
    if target.criterion_id is not None:  # through the index on (assessment_id, id)
        return newest_change(conn, c.assessment_id == target.assessment_id,
                             c.criterion_id == target.criterion_id,
                             (c.field == target.field) | c.field.is_(None))
    if target.assessment_id is not None:
        return newest_change(conn, c.assessment_id == target.assessment_id,
                             c.kind == Kind.ASSESSMENT_FIELD.value, c.field == target.field)
    return newest_change(conn, c.startup_id == target.startup_id,  # (startup_id, id)
                         c.kind == Kind.STARTUP_FIELD.value, c.field == target.field)
