"""The changes that moved one startup's scores: its own and the framework replacements of
the log (they name no startup, yet change every startup's scores), merged newest first, for
taking a startup's changes back one by one (:mod:`models.history.trend`)."""

from __future__ import annotations

from collections.abc import Sequence

from models.store.changelog import Change
from models.store.workspace import Workspace


def startup_changes(ws: Workspace, startup_id: str) -> list[Change]:
    """A startup's changes (its assessments' and scores' included) and the framework
    replacements, newest first: every change that moved its scores."""
    return merged(ws.changes(startup_id=startup_id), ws.framework_changes())


def merged(*logs: Sequence[Change]) -> list[Change]:
    """Changes of several queries as one list, newest first, each change once."""
    return sorted({c.id: c for log in logs for c in log}.values(), key=lambda c: -c.id)
