"""Perspectives: the rule that turns each startup's assessments into one set of levels (one per
criterion) for ranking, so rankings rank **startups**, never a mix of assessments.

* ``investor`` (the default): the **investor view**. Take the latest assessment of each investor
  (role ``investor``; investors are told apart by their assessor name, exactly as written), then
  per criterion the **median** of the levels those assessments give it. With an even number of
  levels the two middle ones may differ: the view takes the one *less favourable* to the
  startup (the lower level of a benefit criterion, the higher level of a cost criterion), a
  prudent rule that never rounds a disagreement in the startup's favour. This is the same rule
  as the assessors' consensus (:mod:`models.analysis.assessors` uses :func:`prudent_median`).
  The spread between investors is kept: the lowest and highest level per criterion and the
  number of investors.
* ``founder``: the latest founder assessment.
* ``latest``: the latest assessment, whatever the role.
* ``assessor:NAME``: the latest assessment by the assessor named exactly ``NAME``.

**Latest** means the latest date; on the same date, the one later in the startup's list of
assessments (document order).

**Confidence** of a criterion under the view: for a single assessment, its score's confidence;
for the investor median, the lowest confidence among the investors whose level equals the
median (the median is always one of the levels given, so there is at least one).

A startup with no assessment under the perspective gets no levels (every criterion NaN): it is
unscored and ranks last.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from models.core.framework import Framework
from models.core.portfolio import CONFIDENCES, Assessment, Startup
from models.engine.arrays import levels_and_confidence

#: The perspectives by name; ``assessor:NAME`` names one assessor besides these.
PERSPECTIVES: tuple[str, ...] = ("investor", "founder", "latest")
#: The prefix of a one-assessor perspective, ``assessor:NAME``.
ASSESSOR_PREFIX = "assessor:"
_HIGH = CONFIDENCES.index("high")
_NONE = len(CONFIDENCES)  # above every confidence code: "no score here"


@dataclass(frozen=True)
class Perspective:
    """One perspective: ``kind`` is ``investor``, ``founder``, ``latest`` or ``assessor`` (then
    ``assessor`` holds the exact name)."""

    kind: str
    assessor: str = ""

    @classmethod
    def parse(cls, value: str) -> Perspective:
        """``investor``, ``founder``, ``latest`` or ``assessor:NAME``.

        Raises:
            ValueError: anything else, or ``assessor:`` without a name.
        """
        if value in PERSPECTIVES:
            return cls(value)
        if value.startswith(ASSESSOR_PREFIX) and value[len(ASSESSOR_PREFIX):]:
            return cls("assessor", value[len(ASSESSOR_PREFIX):])
        raise ValueError(f"unknown perspective '{value}'; use one of "
                         f"{', '.join(PERSPECTIVES)} or {ASSESSOR_PREFIX}NAME")

    @property
    def name(self) -> str:
        """The perspective as written on the command line."""
        return ASSESSOR_PREFIX + self.assessor if self.kind == "assessor" else self.kind

    def chosen(self, startup: Startup) -> list[Assessment]:
        """The assessments of ``startup`` this perspective is made of (none, one, or for the
        investor view the latest of each investor, in order of the investors' first
        appearance)."""
        if self.kind == "investor":
            return latest_per_assessor(startup.assessments, role="investor")
        keep: Callable[[Assessment], bool]
        if self.kind == "founder":
            keep = lambda a: a.role == "founder"  # noqa: E731
        elif self.kind == "assessor":
            keep = lambda a: a.assessor == self.assessor  # noqa: E731
        else:
            keep = lambda a: True  # noqa: E731
        found = latest_assessment(startup.assessments, keep)
        return [] if found is None else [found]


def latest_assessment(assessments: Sequence[Assessment],
                      keep: Callable[[Assessment], bool] | None = None) -> Assessment | None:
    """The latest of ``assessments`` that ``keep`` accepts (latest date; on the same date the
    later one in the list), or ``None``."""
    best: Assessment | None = None
    for a in assessments:
        if (keep is None or keep(a)) and (best is None or a.date >= best.date):
            best = a
    return best


def latest_per_assessor(assessments: Sequence[Assessment], role: str) -> list[Assessment]:
    """The latest assessment (see :func:`latest_assessment`) of each assessor with ``role``,
    assessors in order of first appearance."""
    latest: dict[str, Assessment] = {}
    for a in assessments:
        if a.role == role and (a.assessor not in latest or a.date >= latest[a.assessor].date):
            latest[a.assessor] = a
    return list(latest.values())


def prudent_median(levels: np.ndarray, benefit: np.ndarray) -> np.ndarray:
    """Per-criterion median of ``(..., a, m)`` levels over the ``a`` axis (NaN = not scored).

    Returns ``(..., m)``: the median of each column's scored levels; with an even count, the
    middle level less favourable to the startup (lower for benefit columns, higher for cost
    columns); NaN where nobody scored the column.
    """
    levels = np.asarray(levels, dtype=float)
    if levels.shape[-2] == 0:
        return np.full(levels.shape[:-2] + levels.shape[-1:], np.nan)
    ordered = np.sort(levels, axis=-2)  # NaN sort last
    count = (~np.isnan(levels)).sum(axis=-2)
    lower = np.clip((count - 1) // 2, 0, None)[..., None, :]
    upper = np.clip(count // 2, 0, levels.shape[-2] - 1)[..., None, :]
    lo = np.take_along_axis(ordered, lower, axis=-2)[..., 0, :]
    hi = np.take_along_axis(ordered, upper, axis=-2)[..., 0, :]
    return np.where(count > 0, np.where(benefit, lo, hi), np.nan)


def summarise(levels: np.ndarray, confidence: np.ndarray,
              benefit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The view's levels and confidence codes from ``(..., a, m)`` stacked assessments.

    Levels: :func:`prudent_median` (with one assessment, its own levels). Confidence: the
    lowest code among the assessments whose level equals the result; ``high`` where nothing
    is scored.
    """
    med = prudent_median(levels, benefit)
    at_median = levels == med[..., None, :]
    conf = np.where(at_median, confidence, _NONE).min(axis=-2, initial=_NONE)
    return med, np.where(np.isnan(med), _HIGH, conf).astype(np.int8)


@dataclass(frozen=True)
class PerspectiveLevels:
    """Every startup's levels under one perspective, rows in the order of ``startups``.

    Attributes:
        levels: ``(n, m)`` levels in framework column order, NaN = not scored.
        confidence: ``(n, m)`` confidence codes (0 low, 1 medium, 2 high).
        low, high: ``(n, m)`` lowest and highest level among the assessments used (the
            spread between investors in the investor view), NaN = not scored.
        used: per startup, the assessments the view is made of.
        stacked, stacked_confidence: ``(n, a, m)`` those assessments' levels and confidence
            codes, padded with NaN (and ``high``) up to the largest count ``a``.
    """

    perspective: Perspective
    startups: list[Startup]
    levels: np.ndarray
    confidence: np.ndarray
    low: np.ndarray
    high: np.ndarray
    used: list[list[Assessment]]
    stacked: np.ndarray
    stacked_confidence: np.ndarray

    @property
    def count(self) -> np.ndarray:
        """``(n,)`` how many assessments each startup's view is made of (investors, in the
        investor view)."""
        return np.array([len(u) for u in self.used], dtype=np.intp)


def perspective_levels(startups: Sequence[Startup], framework: Framework,
                       perspective: Perspective | str = "investor") -> PerspectiveLevels:
    """Every startup's levels under ``perspective`` (an object or its name).

    Raises:
        ValueError: an unknown perspective name.
    """
    if isinstance(perspective, str):
        perspective = Perspective.parse(perspective)
    used = [perspective.chosen(st) for st in startups]
    n, m = len(startups), len(framework.criterion_index)
    width = max((len(u) for u in used), default=0)
    flat = [a for u in used for a in u]
    rows = np.array([i for i, u in enumerate(used) for _ in u], dtype=np.intp)
    slots = np.array([j for u in used for j in range(len(u))], dtype=np.intp)
    stacked = np.full((n, width, m), np.nan)
    stacked_conf = np.full((n, width, m), _HIGH, dtype=np.int8)
    if flat:
        stacked[rows, slots], stacked_conf[rows, slots] = levels_and_confidence(flat, framework)
    benefit = np.array([c.direction == "benefit" for c in framework.criteria], dtype=bool)
    levels, conf = summarise(stacked, stacked_conf, benefit)
    scored = ~np.isnan(stacked)
    low = np.where(scored, stacked, np.inf).min(axis=1, initial=np.inf)
    high = np.where(scored, stacked, -np.inf).max(axis=1, initial=-np.inf)
    return PerspectiveLevels(
        perspective=perspective, startups=list(startups), levels=levels, confidence=conf,
        low=np.where(np.isinf(low), np.nan, low), high=np.where(np.isinf(high), np.nan, high),
        used=used, stacked=stacked, stacked_confidence=stacked_conf,
    )
