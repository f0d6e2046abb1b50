"""What a command needs from a portfolio file of either kind: reading it, and a few startups
of a workspace without the others.

A portfolio file is a workspace (an SQLite ``*.beachhead`` file, told by its first bytes:
:func:`models.store.sqlite.is_workspace`, or a team workspace named by its server's address:
:func:`models.store.server.is_server_address`) or a JSON portfolio (the interchange format,
``format: beachhead.portfolio``). :func:`read_portfolio_file` reads either; a JSON file is
only read, never converted or changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from models.core.portfolio import Portfolio
from models.files.portfolio_file import load_portfolio
from models.store.server import is_server_address
from models.store.sqlite import is_workspace
from models.store.workspace import Workspace


def is_workspace_location(location: str | Path) -> bool:
    """Whether ``location`` is a workspace: an SQLite workspace file or a server's
    address."""
    return is_server_address(location) or is_workspace(location)


def read_portfolio_file(path: str | Path) -> Portfolio:
    """The portfolio in ``path``: a workspace as it is now, or a JSON portfolio.

    Raises:
        InputError: naming the file: it is missing, neither kind of portfolio, damaged, from
            a newer Beachhead (both versions named), or a JSON portfolio that does not
            validate (each problem with its field path).
    """
    if is_workspace_location(path):
        with Workspace.open(path) as ws:
            return ws.load()
    return load_portfolio(path)


def some_startups(ws: Workspace, ids: Iterable[str]) -> Portfolio:
    """The portfolio of ``ws`` with only the startups of these ids (those that still exist,
    in the portfolio's order) and the current framework: what naming a few startups' changes
    needs, without loading the others."""
    found = ws.startups(sorted(set(ids)))
    return Portfolio.model_construct(framework=ws.framework(), startups=[s for _, s in found])
