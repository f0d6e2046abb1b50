"""What a report shows, computed once: the assessments it covers and their scores, P10–P90
bands and founder–investor gaps.

The bands come from the one analysis entry point (:func:`models.analysis.run.run_uncertainty`)
over the selected assessments, scores varying with their confidence.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from models.analysis.assessors import Gap, founder_investor_gaps, latest
from models.analysis.run import prepare, run_uncertainty
from models.core.framework import Framework, Scenario
from models.core.portfolio import Assessment, Portfolio, Startup
from models.engine.results import Result, score_assessments


class UnknownStartupError(LookupError):
    """``startups`` named startups the portfolio does not hold.

    Attributes:
        names: the names (or ids) that matched nothing, as given.
    """

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        quoted = ", ".join(f"'{n}'" for n in self.names)
        super().__init__(f"no startup named {quoted} in this portfolio")


def select_assessments(
    portfolio: Portfolio, startups: Iterable[str] | None = None
) -> list[tuple[Startup, Assessment]]:
    """The (startup, assessment) pairs a report covers, in document order.

    Args:
        portfolio: the portfolio.
        startups: startup names (case and surrounding spaces ignored) or ids, or a single
            one as a string; ``None`` means every startup.

    Raises:
        UnknownStartupError: some names match no startup (all of them are listed).
    """
    if startups is None:
        return portfolio.assessments()
    if isinstance(startups, str):
        startups = [startups]
    chosen: set[str] = set()
    missing: list[str] = []
    for name in startups:
        found = portfolio.find_startup(name)
        if found is None:
            missing.append(name)
        else:
            chosen.add(found.id)
    if missing:
        raise UnknownStartupError(missing)
    return [(s, a) for s, a in portfolio.assessments() if s.id in chosen]


@dataclass
class ReportData:
    """Everything the pages show, computed once; row ``i`` is ``pairs[i]``."""

    framework: Framework
    lang: str
    pairs: list[tuple[Startup, Assessment]]
    results: list[Result]
    raw: np.ndarray  # (n, m) levels as assessed
    levels: np.ndarray  # (n, m) after the scenario
    p10: np.ndarray
    p90: np.ndarray
    draws: int
    seed: int
    scenario: Scenario | None
    gaps: dict[str, tuple[list[Gap], Assessment, Assessment] | None]

    @classmethod
    def build(cls, fw: Framework, pairs: list[tuple[Startup, Assessment]], lang: str,
              draws: int, seed: int, scenario: Scenario | None) -> ReportData:
        """Score ``pairs`` under ``fw`` with ``scenario``, draw their bands and find each
        startup's latest founder and investor assessments to compare."""
        prepared = prepare(fw, [a for _, a in pairs], scenario)
        results = score_assessments(pairs, fw, scenario, lang)
        if pairs:
            unc = run_uncertainty(prepared, draws=draws, seed=seed, top_k=1, max_rank=1)
            p10, p90 = unc.p10, unc.p90
        else:
            p10 = p90 = np.zeros(0)
        gaps: dict[str, tuple[list[Gap], Assessment, Assessment] | None] = {}
        for st, _ in pairs:
            if st.id in gaps:
                continue
            founder, investor = latest(st, "founder"), latest(st, "investor")
            gaps[st.id] = None if founder is None or investor is None else (
                founder_investor_gaps(st, fw, founder, investor, lang), founder, investor)
        return cls(fw, lang, pairs, results, prepared.raw, prepared.levels, p10, p90, draws,
                   seed, scenario, gaps)

    def band(self, i: int) -> tuple[float, float] | None:
        """Row ``i``'s P10–P90 band, or ``None`` when it has no score."""
        lo, hi = float(self.p10[i]), float(self.p90[i])
        return None if math.isnan(lo) or math.isnan(hi) else (lo, hi)

    def ranking(self) -> list[int]:
        """Row indices by overall score, highest first; unscored last, ties in document order."""
        return sorted(range(len(self.results)), key=lambda i: (
            self.results[i].overall is None, -(self.results[i].overall or 0.0)))
