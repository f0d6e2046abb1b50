"""The rows an edit writes: a write transaction's state (:class:`Tx`), positions kept dense
(0, 1, 2… within a startup's assessments, within the portfolio's startups), whole startups
and assessments written with their scores and decisions, and the check that new ids are free.

Nothing here records a change; the edit modules do, with these.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from models.core.framework import Framework
from models.core.portfolio import Assessment, Startup
from models.store import rows
from models.store.changelog import Recorder
from models.store.frameworks import Frameworks
from models.store.loading import chunks, driver_errors
from models.store.schema import assessments, decisions, scores, startups


@dataclass
class Tx:
    """One write transaction: its connection and the change rows it will record."""

    conn: sa.Connection
    log: Recorder
    frameworks: Frameworks
    _framework: tuple[int, Framework] | None = field(default=None, repr=False)

    def framework(self) -> tuple[int, Framework]:
        """The current framework version's id and framework (read once per transaction)."""
        if self._framework is None:
            self._framework = self.frameworks.current(self.conn)
        return self._framework

    def framework_changed(self, version: int, framework: Framework) -> None:
        """Note that this transaction made ``framework`` (row ``version``) the current one."""
        self._framework = version, framework


# -- positions ---------------------------------------------------------------------------------

def _where(table: sa.Table, startup_id: str | None) -> sa.ColumnElement[bool]:
    return table.c.startup_id == startup_id if startup_id is not None else sa.true()


def count(conn: sa.Connection, table: sa.Table, startup_id: str | None = None) -> int:
    """How many startups there are (or assessments of startup ``startup_id``)."""
    query = sa.select(sa.func.count()).select_from(table).where(_where(table, startup_id))
    return int(conn.execute(query).scalar_one())


def shift(conn: sa.Connection, table: sa.Table, position: int, size: int = 1,
          startup_id: str | None = None) -> None:
    """Move the items at ``position`` and after ``size`` places on (back, when ``size`` is
    negative): room for an insertion, or the gap of a removal closed."""
    conn.execute(sa.update(table)
                 .where(_where(table, startup_id), table.c.position >= position)
                 .values(position=table.c.position + size))


def renumber(conn: sa.Connection, table: sa.Table, startup_id: str | None = None) -> None:
    """Close the gaps removals left: positions 0, 1, 2… in the order they had."""
    ids = conn.execute(sa.select(table.c.id, table.c.position)
                       .where(_where(table, startup_id)).order_by(table.c.position)).all()
    moved = [{"key": key, "pos": i} for i, (key, pos) in enumerate(ids) if pos != i]
    if moved:
        conn.execute(sa.update(table).where(table.c.id == sa.bindparam("key"))
                     .values(position=sa.bindparam("pos")), moved)


def placed_at(index: int, size: int) -> int:
    """Where ``list.insert(index, …)`` puts an item in a list of ``size`` (clamped)."""
    if index < 0:
        index += size
    return min(max(index, 0), size)


# -- whole items -------------------------------------------------------------------------------

def check_new_ids(conn: sa.Connection, new_startups: Iterable[Startup],
                  new_assessments: Iterable[Assessment]) -> None:
    """Raise ``ValueError`` when an id of the new startups or assessments (theirs included)
    is given twice or is already a startup's or an assessment's in the workspace."""
    listed = list(new_startups)
    ids = [s.id for s in listed] + [a.id for s in listed for a in s.assessments]
    ids += [a.id for a in new_assessments]
    twice = [i for i, n in Counter(ids).items() if n > 1]
    if twice:
        raise ValueError(f"id {twice[0]!r} is given more than once")
    for part in chunks(ids):
        used = conn.execute(sa.select(startups.c.id).where(startups.c.id.in_(part)).union_all(
            sa.select(assessments.c.id).where(assessments.c.id.in_(part)))).scalars().first()
        if used is not None:
            raise ValueError(f"id {used!r} is already used in the workspace")


def insert_startups(conn: sa.Connection, placed: Sequence[tuple[int, Startup]],
                    framework_version: int) -> None:
    """Write startups (already checked, their positions already free) with everything in
    them."""
    if not placed:
        return
    conn.execute(sa.insert(startups), [rows.startup_row(s, pos) for pos, s in placed])
    insert_assessments(conn, [(s.id, i, a) for _, s in placed
                              for i, a in enumerate(s.assessments)], framework_version)
    made = [d for _, s in placed for d in rows.decision_rows(s.id, s.decisions)]
    if made:
        conn.execute(sa.insert(decisions), made)


def insert_assessments(conn: sa.Connection, placed: Sequence[tuple[str, int, Assessment]],
                       framework_version: int) -> None:
    """Write assessments (already checked) of the given startups at the given positions,
    with their scores."""
    if not placed:
        return
    conn.execute(sa.insert(assessments), [rows.assessment_row(a, sid, pos, framework_version)
                                          for sid, pos, a in placed])
    insert_plain(conn, scores, [r for _, _, a in placed for r in rows.score_rows(a)])


def insert_plain(conn: sa.Connection, table: sa.Table, made: list[dict[str, Any]]) -> None:
    """Write rows (all with the same keys) whose columns need no conversion (texts and
    numbers) straight through the database driver's ``executemany``, in ``conn``'s
    transaction: a tenth of the time SQLAlchemy takes over each row's parameters, which
    counts for the 180,000 scores of a 10,000-startup import."""
    if not made:
        return
    compiled = sa.insert(table).compile(dialect=conn.dialect, column_keys=list(made[0]))
    params: list[Any] = made
    if compiled.positional:
        order = list(compiled.positiontup or ())
        params = [tuple(r[k] for k in order) for r in made]
    cursor = conn.connection.cursor()
    try:
        with driver_errors(conn, compiled.string):
            cursor.executemany(compiled.string, params)
    finally:
        cursor.close()
