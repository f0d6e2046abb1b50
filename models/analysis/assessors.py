"""Several assessors of one startup: founder–investor gaps, a consensus, and disagreements.

* **Gap** (per criterion scored by both): ``investor level − founder level``, listed largest
  absolute gap first (ties in framework order). Its favourability twin says which way the gap
  cuts for the startup: a positive value means the investor sees that criterion as *better* for
  the startup than the founder does (for a cost criterion, a lower level).
* **Consensus**: per criterion, the median level of the chosen assessments that scored it. With
  an even count the two middle levels may differ; the consensus then takes the one *less*
  favourable to the startup (the lower level of a benefit criterion, the higher level of a cost
  criterion), a prudent choice that never rounds a disagreement in the startup's favour (the
  same rule as the investor view, :func:`models.engine.perspectives.prudent_median`). Its
  confidence is the lowest confidence among the scores it summarises.
* **Disagreement**: a criterion whose levels differ by :data:`DISAGREEMENT_LEVELS` (2) or more
  between the highest and the lowest assessor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

import numpy as np

from models.analysis.uncertainty import confidence_matrix
from models.core.framework import Framework, text
from models.core.portfolio import CONFIDENCES, Assessment, Confidence, Score, Startup
from models.engine.arrays import level_matrix
from models.engine.perspectives import latest_assessment, prudent_median
from models.engine.scores import favourability

#: Assessors whose levels differ by this many levels or more are flagged.
DISAGREEMENT_LEVELS = 2


def latest(startup: Startup, role: str) -> Assessment | None:
    """The most recent assessment of ``startup`` by ``role`` (latest date; on the same date the
    later one in the list), or ``None`` (:func:`models.engine.perspectives.latest_assessment`)."""
    return latest_assessment(startup.assessments, lambda a: a.role == role)


@dataclass(frozen=True)
class Gap:
    """Founder and investor levels for one criterion.

    Attributes:
        criterion, name, pillar: the criterion's id, display name and pillar id.
        founder, investor: the two levels (1–5).
        gap: ``investor − founder`` in levels (−4 to 4).
        favourability_gap: ``investor − founder`` favourability (−1 to 1); positive when the
            investor sees the criterion as better for the startup.
    """

    criterion: str
    name: str
    pillar: str
    founder: int
    investor: int
    gap: int
    favourability_gap: float


def founder_investor_gaps(
    startup: Startup,
    framework: Framework,
    founder: Assessment | None = None,
    investor: Assessment | None = None,
    lang: str = "en",
) -> list[Gap]:
    """Per-criterion gaps between a founder's and an investor's assessment of ``startup``.

    ``founder`` and ``investor`` default to the latest assessment with that role (see
    :func:`latest`). Only criteria both scored are listed, largest ``|gap|`` first (ties in
    framework order). Returns an empty list when either assessment is missing.
    """
    founder = founder or latest(startup, "founder")
    investor = investor or latest(startup, "investor")
    if founder is None or investor is None:
        return []
    levels = level_matrix([founder, investor], framework)
    benefit = np.array([c.direction == "benefit" for c in framework.criteria])
    fav = favourability(levels, benefit)
    both = ~np.isnan(levels).any(axis=0)
    gaps = levels[1] - levels[0]
    order = [int(c) for c in np.argsort(-np.abs(np.where(both, gaps, -1.0)), kind="stable")]
    out = []
    for c in order:
        if not both[c]:
            continue
        crit = framework.criteria[c]
        out.append(Gap(
            criterion=crit.id, name=text(crit.name, lang), pillar=crit.pillar_id,
            founder=int(levels[0, c]), investor=int(levels[1, c]), gap=int(gaps[c]),
            favourability_gap=float(fav[1, c] - fav[0, c]),
        ))
    return out


#: Per-column consensus of an ``(a, m)`` level matrix: the investor view's prudent median
#: (:func:`models.engine.perspectives.prudent_median`), one rule for both.
consensus_levels = prudent_median


def consensus(
    assessments: Sequence[Assessment],
    framework: Framework,
    assessor: str = "Consensus",
    date: dt.date | None = None,
) -> Assessment:
    """A new assessment holding the consensus of ``assessments`` (see the module notes).

    Each consensus score's confidence is the lowest among the scores it summarises, and its
    rationale lists them. The role is ``other``; ``date`` defaults to the latest date among the
    assessments (today if there are none).
    """
    benefit = np.array([c.direction == "benefit" for c in framework.criteria])
    levels = level_matrix(assessments, framework)
    conf = confidence_matrix(assessments, framework)
    med = consensus_levels(levels, benefit)
    scored = ~np.isnan(levels)
    lowest = np.where(scored, conf, len(CONFIDENCES)).min(axis=0, initial=len(CONFIDENCES))
    scores: dict[str, Score] = {}
    for c, crit in enumerate(framework.criteria):
        if np.isnan(med[c]):
            continue
        given = ", ".join(str(int(v)) for v in levels[scored[:, c], c])
        scores[crit.id] = Score(
            value=int(med[c]),
            confidence=cast("Confidence", CONFIDENCES[int(lowest[c])]),
            rationale=f"Consensus of {int(scored[:, c].sum())} assessments (levels {given}).",
        )
    when = date or max((a.date for a in assessments), default=dt.date.today())
    return Assessment(assessor=assessor, role="other", date=when, scores=scores)


@dataclass(frozen=True)
class Disagreement:
    """Assessors who differ by two levels or more on one criterion.

    Attributes:
        criterion, name: the criterion's id and display name.
        levels: assessment id → level, for every assessment that scored it.
        spread: highest level − lowest level.
        lowest, highest: ids of the assessments at the lowest and the highest level.
    """

    criterion: str
    name: str
    levels: dict[str, int]
    spread: int
    lowest: list[str]
    highest: list[str]


def disagreements(
    assessments: Sequence[Assessment],
    framework: Framework,
    threshold: int = DISAGREEMENT_LEVELS,
    lang: str = "en",
) -> list[Disagreement]:
    """Criteria where the highest and lowest level among ``assessments`` differ by at least
    ``threshold`` levels, widest spread first (ties in framework order)."""
    levels = level_matrix(assessments, framework)
    scored_any = (~np.isnan(levels)).any(axis=0)
    high = np.where(np.isnan(levels), -np.inf, levels).max(axis=0, initial=-np.inf)
    low = np.where(np.isnan(levels), np.inf, levels).min(axis=0, initial=np.inf)
    spread = np.where(scored_any, high - low, 0.0)
    out = []
    for c in np.argsort(-spread, kind="stable"):
        c = int(c)
        if spread[c] < threshold:
            break
        col = levels[:, c]
        scored = [(a.id, int(v)) for a, v in zip(assessments, col, strict=True) if not np.isnan(v)]
        lo, hi = min(v for _, v in scored), max(v for _, v in scored)
        crit = framework.criteria[c]
        out.append(Disagreement(
            criterion=crit.id, name=text(crit.name, lang), levels=dict(scored),
            spread=int(spread[c]), lowest=[i for i, v in scored if v == lo],
            highest=[i for i, v in scored if v == hi],
        ))
    return out
