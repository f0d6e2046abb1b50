"""Moving a portfolio to another framework (a new version of its own, or another one): what
changes in the criteria and pillars, and the move itself.

A criterion is told by its id: one the new framework has under the same id is *kept* (its
scores stay), *renamed* when its name differs in any language (its scores stay too); one the
new framework lacks is *removed*: its scores leave the current assessments (returned, so an
undo can put them back; a workspace records each one in its change log, so the history and the
portfolio as of an earlier moment still show them); one only the new framework has is
*added*, unscored, so completeness drops. Pillars are told apart the same way.

Unlike :func:`models.core.edits.replace_framework` alone, a migration is not refused because
scored criteria are missing from the new framework. What it does to each startup's scores and
rank is worked out by :func:`models.engine.migration_plan.plan_migration`.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.core.edits import RemovedScore, replace_framework
from models.core.framework import Framework, LocalText
from models.core.portfolio import Assessment, Portfolio, Score


@dataclass(frozen=True)
class ItemChange:
    """A criterion or a pillar across the move: its id, its names before and after (``None``
    where the framework lacks it), and, for a criterion, how many scores the current
    assessments hold for it (with a level, a rationale or evidence)."""

    id: str
    before: LocalText | None
    after: LocalText | None
    scores: int = 0

    @property
    def pillar_id(self) -> str:
        """The pillar a criterion id names (the part before its dot); a pillar's own id."""
        return self.id.split(".", 1)[0]


@dataclass(frozen=True)
class Changes:
    """What moving from one framework to another does to its items, each list in the order
    of the framework that has them (the new one for kept, renamed and added; the old one for
    removed)."""

    kept: list[ItemChange]
    renamed: list[ItemChange]
    removed: list[ItemChange]
    added: list[ItemChange]

    @property
    def structural(self) -> bool:
        """True when items are added or removed."""
        return bool(self.removed or self.added)


def is_filled(score: Score) -> bool:
    """True when ``score`` holds a level, a rationale or evidence (not a blank score)."""
    return score.value is not None or bool(score.rationale) or bool(score.evidence)


def score_counts(portfolio: Portfolio) -> dict[str, int]:
    """How many filled scores (:func:`is_filled`) the portfolio's assessments hold per
    criterion id."""
    counts: dict[str, int] = {}
    for _, a in portfolio.assessments():
        for cid, s in a.scores.items():
            if is_filled(s):
                counts[cid] = counts.get(cid, 0) + 1
    return counts


def _changes(before: dict[str, LocalText], after: dict[str, LocalText],
             counts: dict[str, int]) -> Changes:
    kept: list[ItemChange] = []
    renamed: list[ItemChange] = []
    added: list[ItemChange] = []
    for iid, name in after.items():
        old = before.get(iid)
        item = ItemChange(iid, old, name, counts.get(iid, 0))
        (added if old is None else kept if old == name else renamed).append(item)
    removed = [ItemChange(iid, name, None, counts.get(iid, 0))
               for iid, name in before.items() if iid not in after]
    return Changes(kept, renamed, removed, added)


def criterion_changes(old: Framework, new: Framework,
                      counts: dict[str, int] | None = None) -> Changes:
    """The criteria moving from ``old`` to ``new`` keeps, renames, removes and adds, each
    with its number of filled scores in ``counts`` (from :func:`score_counts`)."""
    return _changes({c.id: c.name for c in old.criteria}, {c.id: c.name for c in new.criteria},
                    counts or {})


def pillar_changes(old: Framework, new: Framework) -> Changes:
    """The pillars moving from ``old`` to ``new`` keeps, renames, removes and adds."""
    return _changes({p.id: p.name for p in old.pillars}, {p.id: p.name for p in new.pillars},
                    {})


def removed_scores(portfolio: Portfolio, new: Framework) -> int:
    """How many filled scores leave the current assessments when ``portfolio`` moves to
    ``new``."""
    known = set(new.criterion_ids)
    return sum(1 for _, a in portfolio.assessments() for cid, s in a.scores.items()
               if cid not in known and is_filled(s))


def migrated_copy(portfolio: Portfolio, new: Framework) -> Portfolio:
    """``portfolio`` as :func:`apply_migration` would leave it, leaving ``portfolio`` as it
    is: its startups and assessments copied shallowly, each with the scores of the criteria
    ``new`` has (the scores themselves shared, so a preview of a big portfolio costs no deep
    copy). Read it only."""
    known = set(new.criterion_ids)

    def assessment(a: Assessment) -> Assessment:
        return a.model_copy(update={"scores": {c: s for c, s in a.scores.items()
                                               if c in known}})

    startups = [st.model_copy(update={"assessments": [assessment(a) for a in st.assessments]})
                for st in portfolio.startups]
    return portfolio.model_copy(update={"framework": new, "startups": startups})


def apply_migration(portfolio: Portfolio, new: Framework) -> list[RemovedScore]:
    """Give ``portfolio`` the framework ``new``: the scores of criteria it lacks, filled or
    blank, leave the assessments and are returned, for
    :func:`models.core.edits.restore_scores` (an undo). A workspace does the same with
    ``Workspace.replace_framework(new, drop_scored=True)``."""
    return replace_framework(portfolio, new, drop_scored=True)
