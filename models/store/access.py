"""What a command needs from a portfolio file of either kind: reading it, reading a
workspace's portfolio under its write lock, and a few startups of a workspace without the
others.

A portfolio file is a workspace (an SQLite ``*.beachhead`` file, told by its first bytes:
:func:`models.store.sqlite.is_workspace`) or a JSON portfolio (the interchange format,
``format: beachhead.portfolio``). :func:`read_portfolio_file` reads either; a JSON file is
only read, never converted or changed.

:func:`locked_portfolio` is for a change worked out from the portfolio itself, such as an
import's merge: the portfolio is read after the write lock is taken and the change is written
in the same transaction, so a second writer waits, then works from the first one's result, and
both changes land.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import sqlalchemy as sa

from models.core.portfolio import Portfolio, Startup
from models.files.portfolio_file import load_portfolio
from models.store.loading import read_portfolio, read_startups
from models.store.rows import construct
from models.store.schema import startups
from models.store.sqlite import is_workspace
from models.store.workspace import Workspace


def read_portfolio_file(path: str | Path) -> Portfolio:
    """The portfolio in ``path``: a workspace as it is now, or a JSON portfolio.

    Raises:
        InputError: naming the file: it is missing, neither kind of portfolio, damaged, from
            a newer Beachhead (both versions named), or a JSON portfolio that does not
            validate (each problem with its field path).
    """
    if is_workspace(path):
        with Workspace.open(path) as ws:
            return ws.load()
    return load_portfolio(path)


@contextlib.contextmanager
def locked_portfolio(ws: Workspace, comment: str | None = None) -> Iterator[Portfolio]:
    """One write transaction of ``ws`` (see :meth:`Workspace.transaction`), yielding the
    portfolio as it is once the write lock is held; the edits made inside commit together
    with ``comment`` on their changes, or not at all."""
    with ws.transaction(comment):
        yield read_portfolio(ws._conn, ws._frameworks)


def startup_names(ws: Workspace) -> list[Startup]:
    """Every startup of ``ws`` as it is now, in the portfolio's order, with its id and name
    only (its other fields empty, no assessments): what choosing a startup by name needs, in
    one indexed query, without loading the startups."""
    with ws._conn.begin():
        query = sa.select(startups.c.id, startups.c.name).order_by(startups.c.position)
        found = ws._conn.execute(query).all()
    return [construct(Startup, {"id": i, "name": n, "sector": "", "stage": "", "region": "",
                                "tags": [], "notes": "", "assessments": [], "decisions": []})
            for i, n in found]


def some_startups(ws: Workspace, ids: Iterable[str]) -> Portfolio:
    """The portfolio of ``ws`` with only the startups of these ids (those that still exist,
    in the portfolio's order) and the current framework: what naming a few startups' changes
    needs, without loading the others."""
    with ws._conn.begin():
        framework = ws._frameworks.current(ws._conn)[1]
        found = read_startups(ws._conn, sorted(set(ids)))
    return Portfolio.model_construct(framework=framework, startups=[s for _, s in found])
