"""A startup's overall and pillar scores through time under a perspective: one point per
moment its scores changed (or the framework was replaced), oldest first.

The startup alone is taken back through its own changes and the framework replacements,
newest first (:class:`models.store.replay.Replay` on a portfolio holding only a copy of it),
and its view is scored after each step: the work grows with that startup's history, not with
the portfolio's size or the rest of the log. A point holds from its moment until the next
one; the oldest is at the startup's first moment in the workspace (its creation, or the
startup's addition). While the startup did not exist (before its addition, after a removal
that was later undone) a point says so (``exists`` false) and has no scores.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from models.core.framework import Framework
from models.core.portfolio import PORTFOLIO_FORMAT, PORTFOLIO_SCHEMA_VERSION, Portfolio, Startup
from models.engine.perspectives import Perspective
from models.history.log import startup_changes
from models.history.sides import view_scores
from models.store.changelog import Change, Kind
from models.store.replay import Replay
from models.store.rows import clone_startup, construct
from models.store.workspace import Workspace

#: Changes that never move a score: the work of scoring after them is skipped.
_SCORELESS = frozenset({Kind.STARTUP_FIELD, Kind.DECISIONS})


@dataclass(frozen=True)
class TrendPoint:
    """The startup's scores from ``at`` on (0–100, ``None`` where nothing is scored), under
    the framework ``framework`` (``id version``)."""

    at: dt.datetime
    overall: float | None
    pillars: dict[str, float | None]
    framework: str
    exists: bool = True


@dataclass(frozen=True)
class Trend:
    """One startup's points, oldest first; ``pillars`` maps each pillar id met to its
    display name (the current framework's pillars first, in order)."""

    startup_id: str
    perspective: str
    pillars: dict[str, str]
    points: list[TrendPoint]


def startup_trend(ws: Workspace, startup_id: str, *, current: Portfolio | None = None,
                  perspective: Perspective | str = "investor", lang: str = "en") -> Trend:
    """The trend of one startup of ``ws`` (see the module notes). ``current`` is the
    workspace's portfolio as it is now, if the caller holds it (a window does); otherwise
    it is read."""
    log = startup_changes(ws, startup_id)
    if current is None:
        current = ws.load()
    startup = next((s for s in current.startups if s.id == startup_id), None)
    origin: dt.datetime = ws.info()["created_at"]
    return trend(startup_id, startup, current.framework, log, ws.framework_version, origin,
                 perspective, lang)


def trend(startup_id: str, startup: Startup | None, framework: Framework,
          changes: Sequence[Change], framework_of: Callable[[int], Framework],
          origin: dt.datetime, perspective: Perspective | str = "investor",
          lang: str = "en") -> Trend:
    """The trend of a startup as it is now (``None``: it no longer exists) under the current
    ``framework``, from its ``changes`` and the framework replacements (newest first);
    ``framework_of`` gives the framework of a version row, ``origin`` is when the workspace
    was created."""
    if isinstance(perspective, str):
        perspective = Perspective.parse(perspective)
    portfolio: Portfolio = construct(Portfolio, {
        "format": PORTFOLIO_FORMAT, "schema_version": PORTFOLIO_SCHEMA_VERSION,
        "framework": framework, "startups": [clone_startup(startup)] if startup else []})
    replay = Replay(portfolio, framework_of)
    pillars: dict[str, str] = {}

    def state() -> TrendPoint:
        fw = portfolio.framework
        pillars.update((p.id, p.score_name(lang)) for p in fw.pillars if p.id not in pillars)
        version = f"{fw.id} {fw.version}"
        found = next((s for s in portfolio.startups if s.id == startup_id), None)
        if found is None:
            return TrendPoint(origin, None, {}, version, exists=False)
        overall, scores = view_scores(found, fw, perspective)
        return TrendPoint(origin, overall, scores, version)

    points = []
    now = state()
    for group in _groups(changes):
        replay.take_back(group)
        if all(c.kind in _SCORELESS for c in group):
            continue
        before = state()
        replaced = any(c.kind is Kind.FRAMEWORK for c in group)
        if before != now or (replaced and now.exists):
            points.append(TrendPoint(group[0].at, now.overall, now.pillars, now.framework,
                                     now.exists))
        now = before
    if now.exists:
        points.append(now)
    points.reverse()
    return Trend(startup_id, perspective.name, pillars, points)


def _groups(changes: Sequence[Change]) -> Iterator[list[Change]]:
    """The changes (newest first) in groups of one moment each: one transaction."""
    group: list[Change] = []
    for c in changes:
        if group and c.at != group[0].at:
            yield group
            group = []
        group.append(c)
    if group:
        yield group
