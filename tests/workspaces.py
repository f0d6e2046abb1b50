"""Workspace helpers the tests share: reading back what a workspace file holds, when its
newest change was made."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from models.core.portfolio import Portfolio
from models.store.server import is_server_address, shown
from models.store.workspace import Workspace


def read_back(path: Path | None) -> Portfolio:
    """The portfolio a workspace file holds now, read through a connection of its own (as
    another window or program would)."""
    assert path is not None
    with Workspace.open(path) as ws:
        return ws.load()


def named(location: str | Path) -> str:
    """How messages name a workspace: its file, or its server's address (password masked)."""
    return shown(location) if is_server_address(location) else str(location)


def newest_change_at(ws: Workspace) -> dt.datetime:
    """When the newest change in ``ws``'s log was made."""
    return ws.changes(limit=1)[0].at
