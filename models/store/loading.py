"""Reading startups, assessments and the whole portfolio out of the workspace's tables.

One query per table, read straight from the database driver's cursor (plain tuples: a third
of the time of a whole portfolio otherwise goes into making SQLAlchemy's rows), rows grouped
in Python and models built without validating again (:mod:`models.store.rows`): the rows were
validated when they were written. The same readers serve the whole portfolio and the startups
or assessments an edit takes out (to record them in the change log and give them back for
undo); those are read by ids in chunks, since a database takes only so many parameters in one
statement.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import sqlalchemy as sa

from models.core.collector import collector_paused
from models.core.decisions import Decision
from models.core.portfolio import (
    PORTFOLIO_FORMAT,
    PORTFOLIO_SCHEMA_VERSION,
    Assessment,
    Portfolio,
    Startup,
)
from models.store import rows
from models.store.frameworks import Frameworks
from models.store.schema import assessments, decisions, scores, startups

#: Ids per ``IN (…)`` list: well under SQLite's and PostgreSQL's limits on parameters.
CHUNK = 2000


def chunks(ids: Sequence[str]) -> Iterator[Sequence[str]]:
    """``ids`` in slices of at most :data:`CHUNK`."""
    for start in range(0, len(ids), CHUNK):
        yield ids[start:start + CHUNK]




def read_portfolio(conn: sa.Connection, frameworks: Frameworks) -> Portfolio:
    """The whole portfolio (run it in one transaction, so that it is one moment's state)."""
    _, framework = frameworks.current(conn)
    with collector_paused():
        found = _read_startups(conn, None, framework.criterion_ids)
    return rows.construct(Portfolio, {
        "format": PORTFOLIO_FORMAT, "schema_version": PORTFOLIO_SCHEMA_VERSION,
        "framework": framework,
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
        which = assessments.c.id.in_(part)
        shared = _Shared()
        for startup_id, position, a in _assessments(conn, which, shared, _Dates()):
            owned[a.id] = a
            found.append((startup_id, position, a))
        _fill_scores(conn, owned, which, shared)
    return found


def read_decisions(conn: sa.Connection, startup_id: str) -> list[Decision]:
    """A startup's decisions, oldest first; ``KeyError`` if there is no such startup."""
    startup_position(conn, startup_id)
    return [d for _, d in _decisions(conn, decisions.c.startup_id == startup_id, _Shared(),
                                     _Dates())]


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
    t = startups.c
    query = sa.select(t.position, t.id, t.name, t.sector, t.stage, t.region, t.tags,
                      t.notes, t.website).order_by(t.position)
    shared, dates, tags = _Shared(criterion_ids), _Dates(), _Tags()
    found = [(position, rows.startup_of(sid, name, shared[sector], shared[stage],
                                        shared[region], tags.of(text), shared[notes],
                                        shared[website]))
             for part in _raw_rows(conn, query if which is None else query.where(which))
             for position, sid, name, sector, stage, region, text, notes, website in part]
    by_id = {s.id: s for _, s in found}
    if not by_id:
        return found
    owners = None if which is None else assessments.c.startup_id.in_(list(by_id))
    owned: dict[str, Assessment] = {}
    for startup_id, _, a in _assessments(conn, owners, shared, dates):
        owned[a.id] = a
        by_id[startup_id].assessments.append(a)
    _fill_scores(conn, owned, owners, shared)
    for startup_id, d in _decisions(conn, None if which is None else
                                    decisions.c.startup_id.in_(list(by_id)), shared, dates):
        by_id[startup_id].decisions.append(d)
    return found


class _Shared(dict[Any, Any]):
    """One object for each distinct value read: ``shared[value]`` is the first value equal to
    ``value`` (a text: criterion ids, confidences, sectors, assessors, a rationale pasted into
    many scores), so a portfolio holds one copy of each instead of one per row."""

    def __init__(self, first: Iterable[Any] = ()) -> None:
        super().__init__((v, v) for v in first)

    def __missing__(self, key: Any) -> Any:
        self[key] = key
        return key


class _Dates(dict[Any, dt.date]):
    """``dates[value]``: a date column's value as a date, one (immutable) date object for
    each distinct day."""

    def __missing__(self, key: Any) -> dt.date:
        found = self[key] = rows.date_of(key)
        return found


class _Tags(dict[str, list[str]]):
    """``tags.of(value)``: a startup's tags from their column (JSON text on SQLite, already a
    list where the driver decodes JSON), each distinct text decoded once and each startup
    given its own list."""

    def of(self, value: str | list[str]) -> list[str]:
        if not isinstance(value, str):
            return list(value)
        found = self.get(value)
        if found is None:
            found = self[value] = json.loads(value)
        return list(found)


def _assessments(conn: sa.Connection, which: sa.ColumnElement[bool] | None,
                 shared: _Shared, dates: _Dates) -> Iterator[tuple[str, int, Assessment]]:
    """``(startup id, position, assessment without scores)`` of the assessments ``which``
    selects (``None``: all), by startup and position."""
    t = assessments.c
    query = sa.select(t.startup_id, t.position, t.id, t.assessor, t.role,
                      t.date).order_by(t.startup_id, t.position)
    for part in _raw_rows(conn, query if which is None else query.where(which)):
        for startup_id, position, aid, assessor, role, date in part:
            yield startup_id, position, rows.assessment_of(aid, shared[assessor],
                                                           shared[role], dates[date])


def _decisions(conn: sa.Connection, which: sa.ColumnElement[bool] | None,
               shared: _Shared, dates: _Dates) -> Iterator[tuple[str, Decision]]:
    """``(startup id, decision)`` of the decisions ``which`` selects (``None``: all), by
    startup, oldest first."""
    t = decisions.c
    query = sa.select(t.startup_id, t.status, t.date, t.decided_by,
                      t.rationale).order_by(t.startup_id, t.position)
    for part in _raw_rows(conn, query if which is None else query.where(which)):
        for startup_id, status, date, by, rationale in part:
            yield startup_id, rows.decision_of(shared[status], dates[date], shared[by],
                                               shared[rationale])


def _fill_scores(conn: sa.Connection, owned: dict[str, Assessment],
                 which: sa.ColumnElement[bool] | None, shared: _Shared) -> None:
    """Give the assessments in ``owned`` (those ``which`` selects; ``None``: all) their
    scores, in their order. Equal texts (criterion ids, confidences, rationales, evidence)
    are one string, not one copy per score.

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
    score_of = rows.score_of
    current_id, last, table = "", -1, {}
    seen: dict[str, int] = {}
    unordered: set[str] = set()
    for part in _raw_rows(conn, query):
        for aid, cid, position, value, confidence, rationale, evidence in part:
            if aid != current_id:
                seen[current_id] = last
                current_id, last, table = aid, seen.get(aid, -1), owned[aid].scores
            if position < last:
                unordered.add(aid)
            last = position
            table[shared[cid]] = score_of(value, shared[confidence], shared[rationale],
                                          shared[evidence])
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


def _raw_rows(conn: sa.Connection, query: sa.Select[Any]) -> Iterator[Sequence[Any]]:
    """The rows of ``query``, in slices, straight from the database driver's cursor (in
    ``conn``'s transaction): plain tuples of the values as the driver gives them (on SQLite:
    dates as ISO text, JSON as text), without SQLAlchemy's conversions."""
    compiled = query.compile(dialect=conn.dialect,
                             compile_kwargs={"render_postcompile": True})
    params: Any = compiled.params
    if compiled.positiontup is not None:
        params = tuple(params[name] for name in compiled.positiontup)
    cursor = conn.connection.cursor()
    try:
        with driver_errors(conn, compiled.string):
            cursor.execute(compiled.string, params)
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
