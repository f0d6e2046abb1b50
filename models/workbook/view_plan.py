"""What the export's startup sheets share: the startups ranked and analysed under one
perspective.

The ranking and its Monte Carlo figures come from the one analysis of startups,
:func:`models.analysis.startups.analyze_startups` (the ranking is
:func:`models.engine.ranking.rank_startups`'; P10 and P90 are those of ``beachhead score`` for
the same draws and seed): the Summary lists its rows in rank order, the Levels sheet holds each
startup's levels under the perspective in the same order, the Charts sheet draws the first
rows and the Analysis sheet shows the figures. Which assessments make each startup's view
(each investor's latest, the latest founder assessment…) is decided here, at export time, and
kept as the Scores rows the Levels formulas read.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.analysis.run import TOP_K
from models.analysis.startups import StartupAnalysis, analyze_startups
from models.core.framework import Scenario
from models.core.portfolio import Portfolio
from models.engine.perspectives import Perspective
from models.engine.ranking import RankedRows, Ranking
from models.engine.scenarios import apply_scenario
from models.workbook.plan import ExportPlan


@dataclass(frozen=True)
class ViewPlan:
    """The ranking the Summary, Levels and Charts sheets show.

    Attributes:
        analysis: the startups' analysis: its ranking (rows best first; table and arrays in
            document order), Monte Carlo figures, leader reversals.
        draws, requested, seed: Monte Carlo draws used (0 = skipped: the analysis's figures
            are then not shown) and asked for, and the seed.
        used: per ranked row, the indices (into :attr:`ExportPlan.pairs`) of the assessments
            its view is made of.
        founder: per ranked row, the index of the startup's latest founder assessment, or
            ``None``.
        shifts: ``(n, m)`` per ranked row and criterion, the levels the scenario added at
            export (0 where it added none or the criterion is not scored); ``None`` without a
            scenario.
        name_order: per ranked row, the startup's position (1…) by name ignoring case, then
            id: the ranking's last tie-break.
    """

    analysis: StartupAnalysis
    draws: int
    requested: int
    seed: int
    used: list[list[int]]
    founder: list[int | None]
    shifts: np.ndarray | None
    name_order: list[int]

    @property
    def ranking(self) -> Ranking:
        """The startups ranked under the perspective."""
        return self.analysis.ranking

    @property
    def rows(self) -> RankedRows:
        """The ranked startups, best first."""
        return self.ranking.rows

    @property
    def scenario(self) -> Scenario | None:
        """The scenario applied to the levels, if any."""
        return self.ranking.scenario

    def band(self, n: int) -> tuple[float | None, float | None]:
        """P10 and P90 of ranked row ``n`` (``None`` when skipped or unscored)."""
        if not self.draws:
            return None, None
        i, u = self.rows[n].row, self.analysis.uncertainty
        lo, hi = float(u.p10[i]), float(u.p90[i])
        return (None if lo != lo else lo), (None if hi != hi else hi)


def make_view_plan(portfolio: Portfolio, plan: ExportPlan, perspective: Perspective | str, *,
                   ignore_gates: bool = False, scenario: Scenario | str | None = None,
                   draws: int = 0, requested: int = 0, seed: int = 0) -> ViewPlan:
    """Rank and analyse ``portfolio``'s startups for the export (see :class:`ViewPlan`) with
    ``draws`` Monte Carlo draws (0 skips the figures: one draw is made and not shown).

    Raises:
        ValueError: an unknown perspective. KeyError: an unknown scenario.
    """
    fw = portfolio.framework
    analysis = analyze_startups(portfolio, perspective, draws=max(1, draws), seed=seed,
                                scenario=scenario, ignore_gates=ignore_gates, top_k=TOP_K,
                                max_rank=TOP_K, lang=plan.lang)
    ranking = analysis.ranking
    index = {id(a): i for i, (_, a) in enumerate(plan.pairs)}
    founder_view = Perspective("founder")
    used, founder = [], []
    for r in ranking.rows:
        st = ranking.view.startups[r.row]
        used.append([index[id(a)] for a in ranking.view.used[r.row]])
        mine = founder_view.chosen(st)
        founder.append(index[id(mine[0])] if mine else None)
    order = [r.row for r in ranking.rows]
    shifts = None
    if ranking.scenario is not None:
        levels = ranking.view.levels[order]
        moved = apply_scenario(levels, fw, ranking.scenario) - levels
        shifts = np.where(np.isnan(moved), 0.0, moved)
    startups = ranking.view.startups
    by_name = sorted(range(len(startups)),
                     key=lambda i: (startups[i].name.casefold(), startups[i].id))
    position = {i: n + 1 for n, i in enumerate(by_name)}
    return ViewPlan(analysis, analysis.uncertainty.draws if draws > 0 else 0, requested, seed,
                    used, founder, shifts, [position[i] for i in order])
