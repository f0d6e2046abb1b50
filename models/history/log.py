"""What the history reads from a workspace beyond its portfolio: the framework replacements
of the log (they name no startup, yet change every startup's scores) and the framework of
any version row, for taking a startup's changes back one by one
(:mod:`models.history.trend`).

Both are read-only queries over the workspace's own connection, each in one consistent read
transaction, as :class:`~models.store.workspace.Workspace`'s readers run theirs. The
replacements are found through the log's index on ``startup_id`` (theirs is empty), so the
query does not read the rest of the log.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import sqlalchemy as sa

from models.core.framework import Framework
from models.store.changelog import Change, Kind, _change
from models.store.frameworks import read_framework
from models.store.schema import changes
from models.store.workspace import Workspace


def framework_changes(ws: Workspace) -> list[Change]:
    """Every framework replacement of ``ws``'s log, newest first."""
    query = (sa.select(changes)
             .where(changes.c.startup_id.is_(None), changes.c.kind == Kind.FRAMEWORK.value)
             .order_by(changes.c.id.desc()))
    with ws._conn.begin():
        return [_change(row) for row in ws._conn.execute(query)]


def framework_reader(ws: Workspace) -> Callable[[int], Framework]:
    """A function giving the framework of a version row of ``ws`` (each read once)."""
    read: dict[int, Framework] = {}

    def framework(version_id: int) -> Framework:
        if version_id not in read:
            with ws._conn.begin():
                read[version_id] = read_framework(ws._conn, version_id)
        return read[version_id]

    return framework


def startup_changes(ws: Workspace, startup_id: str) -> list[Change]:
    """A startup's changes (its assessments' and scores' included) and the framework
    replacements, newest first: every change that moved its scores."""
    return merged(ws.changes(startup_id=startup_id), framework_changes(ws))


def merged(*logs: Sequence[Change]) -> list[Change]:
    """Changes of several queries as one list, newest first, each change once."""
    return sorted({c.id: c for log in logs for c in log}.values(), key=lambda c: -c.id)
