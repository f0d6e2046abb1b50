"""The consensus view of a round of independent scoring: for every criterion of the framework,
each assessor's level, how far apart the assessors are, whether that is far enough to flag,
the level proposed for the committee's consensus, and which criteria a consensus must
explain.

* **Spread**: the highest level given minus the lowest (``None`` where nobody scored the
  criterion; ``0`` with one level).
* **Flagged**: a spread of :data:`FLAG_LEVELS` (2) levels or more: the assessors read the
  rubric differently, not just a notch apart.
* **Proposal**: the median of the levels given. With an even count the two middle levels may
  differ; the proposal then takes the one *less favourable* to the startup (the lower level of
  a benefit criterion, the higher level of a cost criterion). This is the investor view's
  rule (:func:`models.engine.perspectives.prudent_median`, the array form of
  :func:`prudent_median` here), so a consensus that keeps every proposal scores the startup
  as the investor view of the assessors' submissions does. ``None`` where nobody scored.
* **Changed**: a criterion whose consensus level differs from the proposal (a level given
  where nobody scored, or a level taken away, included): the committee departed from the
  arithmetic.
* **Needs a comment**: every changed criterion, and every flagged one even when its proposal
  is kept, since the committee settled a real disagreement there; the comment says why (it
  becomes the consensus score's rationale and the change log's comment).

Pure: no database, no Qt. :mod:`models.store.rounds` checks a consensus with it before
recording one; the Assess view's consensus dialog shows it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Final

from models.core.framework import Framework
from models.core.portfolio import Assessment

#: Assessors whose highest and lowest levels of a criterion are this many levels apart, or
#: more, are flagged (the same threshold as the Gaps tab's disagreements,
#: ``models.analysis.assessors.DISAGREEMENT_LEVELS``).
FLAG_LEVELS: Final = 2


def prudent_median(levels: Sequence[int], benefit: bool) -> int | None:
    """The median of ``levels`` (``None`` for none); with an even count, the middle level
    less favourable to the startup: the lower one when ``benefit``, else the higher one."""
    ordered = sorted(levels)
    n = len(ordered)
    if n == 0:
        return None
    lower, upper = ordered[(n - 1) // 2], ordered[n // 2]
    return lower if benefit else upper


@dataclass(frozen=True)
class ConsensusRow:
    """One criterion: each assessor's level (``None``: not scored), in the order of
    :attr:`ConsensusTable.assessors`, and whether higher levels favour the startup."""

    criterion_id: str
    levels: tuple[int | None, ...]
    benefit: bool

    @property
    def given(self) -> list[int]:
        """The levels given (the assessors who scored the criterion)."""
        return [v for v in self.levels if v is not None]

    @property
    def spread(self) -> int | None:
        """Highest level minus lowest (``None``: nobody scored it)."""
        given = self.given
        return max(given) - min(given) if given else None

    @property
    def flagged(self) -> bool:
        """The assessors are :data:`FLAG_LEVELS` levels apart or more."""
        spread = self.spread
        return spread is not None and spread >= FLAG_LEVELS

    @property
    def proposal(self) -> int | None:
        """The proposed consensus level (see the module notes)."""
        return prudent_median(self.given, self.benefit)

    def changed(self, level: int | None) -> bool:
        """A consensus ``level`` departs from the proposal."""
        return level != self.proposal

    def needs_comment(self, level: int | None) -> bool:
        """A consensus at ``level`` must say why: it is changed, or the row is flagged."""
        return self.changed(level) or self.flagged


@dataclass(frozen=True)
class ConsensusTable:
    """Every criterion of the framework (in its order) with the round's assessors' levels.

    Attributes:
        assessors: the assessors' names as columns (a name given twice gets ``(2)``, …).
        rows: one per criterion.
    """

    assessors: tuple[str, ...]
    rows: tuple[ConsensusRow, ...]

    def row(self, criterion_id: str) -> ConsensusRow:
        """The row of a criterion (``KeyError`` if the framework has none)."""
        for r in self.rows:
            if r.criterion_id == criterion_id:
                return r
        raise KeyError(f"criterion {criterion_id!r}")

    def flagged(self) -> list[str]:
        """The criteria flagged, in the framework's order."""
        return [r.criterion_id for r in self.rows if r.flagged]

    def proposal(self) -> dict[str, int | None]:
        """The proposed level of every criterion."""
        return {r.criterion_id: r.proposal for r in self.rows}

    def changed(self, levels: Mapping[str, int | None]) -> list[str]:
        """The criteria whose level in ``levels`` (missing: ``None``) departs from the
        proposal, in the framework's order."""
        return [r.criterion_id for r in self.rows if r.changed(levels.get(r.criterion_id))]

    def needs_comment(self, levels: Mapping[str, int | None]) -> list[str]:
        """The criteria a consensus at ``levels`` must comment on (changed or flagged)."""
        return [r.criterion_id for r in self.rows
                if r.needs_comment(levels.get(r.criterion_id))]

    def missing_comments(self, levels: Mapping[str, int | None],
                         comments: Mapping[str, str]) -> list[str]:
        """The criteria that need a comment and have none (a blank one counts as none)."""
        return [cid for cid in self.needs_comment(levels)
                if not comments.get(cid, "").strip()]


def consensus_table(framework: Framework, assessments: Sequence[Assessment]) -> ConsensusTable:
    """The consensus view of ``assessments`` (the round's submitted ones, in order) under
    ``framework``: a row per criterion of the framework, a column per assessment."""
    rows = tuple(
        ConsensusRow(cid, tuple(a.level(cid) for a in assessments),
                     framework.criterion(cid).direction == "benefit")
        for cid in framework.criterion_ids)
    return ConsensusTable(column_names([a.assessor for a in assessments]), rows)


def column_names(names: Sequence[str]) -> tuple[str, ...]:
    """Names told apart: the second ``Ann`` becomes ``Ann (2)``, an empty name ``?``."""
    seen: dict[str, int] = {}
    out = []
    for name in names:
        name = name.strip() or "?"
        seen[name] = seen.get(name, 0) + 1
        out.append(name if seen[name] == 1 else f"{name} ({seen[name]})")
    return tuple(out)
