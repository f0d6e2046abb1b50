"""One startup's assessors side by side, criterion by criterion: what the Gaps tab shows.

For a startup and a chosen set of its assessments (:mod:`models.analysis.assessors`):

* the gap between its latest founder and latest investor assessment on each criterion both
  scored (``investor − founder`` in levels), largest first;
* the spread of the chosen assessments' levels, flagged at :data:`DISAGREEMENT_LEVELS` or more;
* the consensus of the chosen assessments (their median level per criterion).

The rows list the gaps in order, then every other criterion a chosen assessment scored, in the
framework's order.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from models.analysis.assessors import (
    DISAGREEMENT_LEVELS,
    Gap,
    consensus,
    disagreements,
    founder_investor_gaps,
    latest,
)
from models.core.framework import Framework, text
from models.core.portfolio import Assessment, Startup
from models.engine.arrays import level_matrix


@dataclass(frozen=True)
class GapRow:
    """One criterion of the Gaps table.

    Attributes:
        criterion, name, pillar: the criterion's id, display name and pillar's display name.
        founder, investor: the two levels compared (None when either did not score it).
        gap: ``investor − founder`` (None unless both scored it).
        spread: highest − lowest level among the chosen assessments that scored it.
        flagged: the spread is two levels or more.
        consensus: the consensus level (None when nobody chosen scored it).
        levels: (assessment label, level) for every chosen assessment that scored it.
    """

    criterion: str
    name: str
    pillar: str
    founder: int | None
    investor: int | None
    gap: int | None
    spread: int
    flagged: bool
    consensus: int | None
    levels: list[tuple[str, int]] = field(default_factory=list)


@dataclass(frozen=True)
class StartupGaps:
    """Everything the Gaps tab shows for one startup.

    Attributes:
        startup: the startup; founder, investor: the assessments compared (or None).
        gaps: :func:`models.analysis.assessors.founder_investor_gaps`, largest first.
        chosen: the assessments the consensus and the flags are over.
        consensus: :func:`models.analysis.assessors.consensus` of ``chosen`` (None when none
            chosen).
        rows: the table's rows: the gaps in order, then every other criterion a chosen
            assessment scored, in framework order.
    """

    startup: Startup
    founder: Assessment | None
    investor: Assessment | None
    gaps: list[Gap]
    chosen: list[Assessment]
    consensus: Assessment | None
    rows: list[GapRow]


def _level(levels: np.ndarray | None, row: int, c: int) -> int | None:
    if levels is None or np.isnan(levels[row, c]):
        return None
    return int(levels[row, c])


def _row_order(fw: Framework, gaps: Sequence[Gap], levels: np.ndarray) -> list[int]:
    """The criteria (indices) with a gap, largest first, then the others scored by anyone."""
    order = [fw.criterion_index[g.criterion] for g in gaps]
    scored_any = (~np.isnan(levels)).any(axis=0) if len(levels) else \
        np.zeros(len(fw.criteria), bool)
    return order + [c for c in range(len(fw.criteria)) if scored_any[c] and c not in order]


def startup_gaps(framework: Framework, startup: Startup, chosen: Sequence[Assessment],
                 consensus_name: str = "Consensus", lang: str = "en") -> StartupGaps:
    """Compute :class:`StartupGaps` for ``startup`` with the consensus over ``chosen`` (named
    ``consensus_name``), names in ``lang``."""
    fw = framework
    founder, investor = latest(startup, "founder"), latest(startup, "investor")
    gaps = founder_investor_gaps(startup, fw, founder, investor, lang)
    cons = consensus(chosen, fw, assessor=consensus_name) if chosen else None
    flagged = {d.criterion for d in disagreements(chosen, fw, DISAGREEMENT_LEVELS, lang)}
    levels = level_matrix(chosen, fw) if chosen else np.empty((0, len(fw.criteria)))
    pair = level_matrix([founder, investor], fw) \
        if founder is not None and investor is not None else None
    pillar_names = {p.id: text(p.name, lang) for p in fw.pillars}
    labels = [a.label() for a in chosen]
    rows = []
    for c in _row_order(fw, gaps, levels):
        crit = fw.criteria[c]
        got = [(labels[i], int(v)) for i, v in enumerate(levels[:, c]) if not np.isnan(v)]
        values = [v for _, v in got]
        f, i_ = _level(pair, 0, c), _level(pair, 1, c)
        sc = cons.scores.get(crit.id) if cons is not None else None
        rows.append(GapRow(
            criterion=crit.id, name=text(crit.name, lang), pillar=pillar_names[crit.pillar_id],
            founder=f, investor=i_, gap=None if f is None or i_ is None else i_ - f,
            spread=(max(values) - min(values)) if values else 0, flagged=crit.id in flagged,
            consensus=sc.value if sc is not None else None, levels=got,
        ))
    return StartupGaps(startup, founder, investor, gaps, list(chosen), cons, rows)
