"""Reading startups, assessments and the whole portfolio out of the workspace's tables.

One query per table, rows grouped in Python, models built without validating again
(:func:`models.store.rows.construct`): the rows were validated when they were written. The
same readers serve the whole portfolio and the startups or assessments an edit takes out (to
record them in the change log and give them back for undo); those are read by ids in chunks,
since a database takes only so many parameters in one statement.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from models.core.decisions import Decision
from models.core.portfolio import CONFIDENCES, Assessment, Portfolio, Startup
from models.store import rows
from models.store.frameworks import Frameworks
from models.store.schema import assessments, decisions, scores, startups

#: Ids per ``IN (…)`` list: well under SQLite's and PostgreSQL's limits on parameters.
CHUNK = 2000


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``ids`` in slices of at most :data:`CHUNK`."""
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]


@contextlib.contextmanager
def _no_collection() -> Iterator[None]:
    """The cyclic garbage collector paused: building a portfolio makes hundreds of thousands
    of objects, none in a cycle, and the collections they would set off cost as much as
    building them."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def read_portfolio(conn: sa.Connection, frameworks: Frameworks) -> Portfolio:
    """The whole portfolio (run it in one transaction, so that it is one moment's state)."""
    _, framework = frameworks.current(conn)
    with _no_collection():
        found = _read_startups(conn, None, framework.criterion_ids)
    return rows.construct(Portfolio, {
        "format": "beachhead.portfolio", "schema_version": 2, "framework": framework,
        "startups": [s for _, s in found]})


def read_startups(conn: sa.Connection, ids: Sequence[str]) -> list[tuple[int, Startup]]:
    """The startups with these ids (others are left out), each with its position, in the
    order of their positions."""
    found = [f for part in chunks(list(ids))
             for f in _read_startups(conn, startups.c.id.in_(part), ())]
    return sorted(found, key=lambda f: f[0])


def read_assessments(conn: sa.Connection, ids: Sequence[str]
                     ) -> list[tuple[str, int, Assessment]]:
    """``(startup id, position, assessment)`` of the assessments with these ids (others are
    left out)."""
    found: list[tuple[str, int, Assessment]] = []
    for part in chunks(list(ids)):
        owned: dict[str, Assessment] = {}
        query = sa.select(assessments).where(assessments.c.id.in_(part))
        for r in conn.execute(query).mappings():
            a = owned[r["id"]] = rows.assessment_of(r)
            found.append((r["startup_id"], int(r["position"]), a))
        _fill_scores(conn, owned, assessments.c.id.in_(part), ())
    return found


def read_decisions(conn: sa.Connection, startup_id: str) -> list[Decision]:
    """A startup's decisions, oldest first; ``KeyError`` if there is no such startup."""
    startup_position(conn, startup_id)
    query = (sa.select(decisions).where(decisions.c.startup_id == startup_id)
             .order_by(decisions.c.position))
    return [rows.decision_of(r) for r in conn.execute(query).mappings()]


def startup_position(conn: sa.Connection, startup_id: str) -> int:
    """A startup's position; ``KeyError`` if there is no such startup."""
    pos = conn.execute(sa.select(startups.c.position)
                       .where(startups.c.id == startup_id)).scalar()
    if pos is None:
        raise KeyError(f"startup {startup_id!r}")
    return int(pos)


def _read_startups(conn: sa.Connection, which: sa.ColumnElement[bool] | None,
                   criterion_ids: Sequence[str]) -> list[tuple[int, Startup]]:
    """The startups ``which`` selects (``None``: all) with their assessments, scores and
    decisions."""
    query = sa.select(startups).order_by(startups.c.position)
    if which is not None:
        query = query.where(which)
    found = [(int(r["position"]), rows.startup_of(r)) for r in conn.execute(query).mappings()]
    by_id = {s.id: s for _, s in found}
    if not by_id:
        return found
    owners = None if which is None else assessments.c.startup_id.in_(list(by_id))
    query = sa.select(assessments).order_by(assessments.c.startup_id, assessments.c.position)
    owned: dict[str, Assessment] = {}
    for r in conn.execute(query if owners is None else query.where(owners)).mappings():
        a = owned[r["id"]] = rows.assessment_of(r)
        by_id[r["startup_id"]].assessments.append(a)
    _fill_scores(conn, owned, owners, criterion_ids)
    query = sa.select(decisions).order_by(decisions.c.startup_id, decisions.c.position)
    if which is not None:
        query = query.where(decisions.c.startup_id.in_(list(by_id)))
    for r in conn.execute(query).mappings():
        by_id[r["startup_id"]].decisions.append(rows.decision_of(r))
    return found


class _Shared(dict[str, str]):
    """One copy of each string: ``shared[text]`` is the first string equal to ``text``."""

    def __missing__(self, key: str) -> str:
        self[key] = key
        return key


def _fill_scores(conn: sa.Connection, owned: dict[str, Assessment],
                 which: sa.ColumnElement[bool] | None, criterion_ids: Sequence[str]) -> None:
    """Give the assessments in ``owned`` (those ``which`` selects; ``None``: all) their
    scores, in their order. Criterion ids and confidences are shared strings, not one copy
    per score.

    The rows come in the table's own order, not sorted (sorting them in the database takes
    longer than reading them): an assessment's scores are written in order and a new one
    after the others, so they nearly always arrive in order, and the few assessments whose
    scores do not are put in order afterwards."""
    if not owned:
        return
    c = scores.c
    query = sa.select(c.assessment_id, c.criterion_id, c.position, c.value, c.confidence,
                      c.rationale, c.evidence)
    if which is not None:
        query = query.join_from(scores, assessments,
                                assessments.c.id == c.assessment_id).where(which)
    shared = _Shared((cid, cid) for cid in criterion_ids)
    levels = _Shared((c, c) for c in CONFIDENCES)
    score_of = rows.score_of
    current_id, last, table = "", -1, {}
    seen: dict[str, int] = {}
    unordered: set[str] = set()
    parts = (_plain_rows(conn, query) if which is None
             else conn.execute(query).partitions(10_000))
    for part in parts:
        for aid, cid, position, value, confidence, rationale, evidence in part:
            if aid != current_id:
                seen[current_id] = last
                current_id, last, table = aid, seen.get(aid, -1), owned[aid].scores
            if position < last:
                unordered.add(aid)
            last = position
            table[shared[cid]] = score_of(value, levels[confidence], rationale, evidence)
    _put_in_order(conn, owned, sorted(unordered))


def _put_in_order(conn: sa.Connection, owned: dict[str, Assessment],
                  unordered: list[str]) -> None:
    """Order the scores of these assessments by their positions."""
    c = scores.c
    for part in chunks(unordered):
        query = (sa.select(c.assessment_id, c.criterion_id).where(c.assessment_id.in_(part))
                 .order_by(c.assessment_id, c.position))
        order: dict[str, list[str]] = {}
        for aid, cid in conn.execute(query):
            order.setdefault(aid, []).append(cid)
        for aid, cids in order.items():
            table = owned[aid].scores
            ordered = {cid: table[cid] for cid in cids}
            table.clear()
            table.update(ordered)


def _plain_rows(conn: sa.Connection, query: sa.Select[Any]) -> Iterator[Sequence[Any]]:
    """The rows of a query without parameters, in slices, straight from the database
    driver's cursor (in ``conn``'s transaction): plain tuples, for columns that need no
    conversion. A third of the time of a whole portfolio's scores goes otherwise into making
    SQLAlchemy's rows."""
    compiled = query.compile(dialect=conn.dialect)
    assert not compiled.params, "only for a query without parameters"
    cursor = conn.connection.cursor()
    try:
        with driver_errors(conn, compiled.string):
            cursor.execute(compiled.string)
            while part := cursor.fetchmany(10_000):
                yield part
    finally:
        cursor.close()


@contextlib.contextmanager
def driver_errors(conn: sa.Connection, statement: str) -> Iterator[None]:
    """The database driver's errors, for a statement run on its cursor directly, as
    SQLAlchemy's (``sqlalchemy.exc.OperationalError`` and so on), as for every other
    statement."""
    base: type[Exception] = conn.dialect.loaded_dbapi.Error
    try:
        yield
    except base as exc:
        raise sa.exc.DBAPIError.instance(statement, None, exc, base) from exc
