"""The preview of a migration to another framework (:mod:`models.core.framework_migration`):
the criteria and pillars it keeps, renames, removes and adds, and each startup's overall
score, completeness and rank before and after, both ranked by the engine
(:func:`models.engine.ranking.rank_startups`) — the portfolio as it is, and as the migration
would leave it (:func:`models.core.framework_migration.migrated_copy`).

Each startup row also names the frameworks its assessments were last scored under (a
workspace records one per assessment; a JSON portfolio only knows its current framework).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from models.core.framework import Framework
from models.core.framework_migration import (
    Changes,
    criterion_changes,
    migrated_copy,
    pillar_changes,
    removed_scores,
    score_counts,
)
from models.core.portfolio import Portfolio
from models.engine.ranking import RankedStartup, rank_startups

#: A framework's id and version.
FrameworkRef = tuple[str, str]


@dataclass(frozen=True)
class StartupMove:
    """One startup across the migration (overall 0–100 or ``None`` when unscored,
    completeness 0–1, rank 1…), under the plan's perspective."""

    startup_id: str
    startup: str
    overall_before: float | None
    overall_after: float | None
    completeness_before: float
    completeness_after: float
    rank_before: int
    rank_after: int
    #: the frameworks (id, version) its assessments were last scored under, sorted
    scored_under: tuple[FrameworkRef, ...] = ()

    @property
    def change(self) -> float | None:
        """Overall after minus before (``None`` when either is missing)."""
        if self.overall_before is None or self.overall_after is None:
            return None
        return self.overall_after - self.overall_before


@dataclass(frozen=True)
class MigrationPlan:
    """What moving ``portfolio`` from ``old`` to ``new`` does (see the module notes).
    ``removed_scores`` counts the filled scores leaving the current assessments."""

    old: Framework
    new: Framework
    criteria: Changes
    pillars: Changes
    startups: list[StartupMove]
    removed_scores: int
    perspective: str

    @property
    def changes_anything(self) -> bool:
        """False when the new framework is the portfolio's own."""
        return self.old != self.new


def plan_migration(portfolio: Portfolio, new: Framework, *,
                   scored_under: Mapping[str, FrameworkRef] | None = None,
                   perspective: str = "investor") -> MigrationPlan:
    """The preview of moving ``portfolio`` to ``new``; ``portfolio`` itself is not changed.
    ``scored_under`` maps assessment ids to the framework each was scored under (a
    workspace's ``scored_under()``); without it, every assessment counts as scored under
    the portfolio's framework."""
    old = portfolio.framework
    moved = migrated_copy(portfolio, new)
    before = {r.startup_id: r for r in rank_startups(portfolio, perspective).rows}
    after = {r.startup_id: r for r in rank_startups(moved, perspective).rows}
    here: FrameworkRef = (old.id, old.version)
    rows = [_move(before[st.id], after[st.id], tuple(sorted(
        {(scored_under or {}).get(a.id, here) for a in st.assessments})))
        for st in portfolio.startups]
    return MigrationPlan(old, new, criterion_changes(old, new, score_counts(portfolio)),
                         pillar_changes(old, new), rows, removed_scores(portfolio, new),
                         perspective)


def _move(b: RankedStartup, a: RankedStartup, under: tuple[FrameworkRef, ...]) -> StartupMove:
    return StartupMove(b.startup_id, b.startup, b.overall, a.overall, b.completeness,
                       a.completeness, b.rank, a.rank, under)
