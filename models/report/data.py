"""What a report shows, computed once: the startups it covers, ranked under a perspective
(:func:`models.engine.ranking.rank_startups`), with each one's levels under that perspective,
their scores, rules and improvements, P10–P90 bands, decision and founder–investor gaps.

**Selection.** ``startups`` (names or ids) keeps those startups; ``top`` then keeps the ``top``
best-ranked of what is left. Ranks are always the startups' ranks in the whole portfolio, so a
selected startup shows where it stands among all of them.

The ranking and the Monte Carlo figures come from
:func:`models.analysis.startups.analyze_startups` over every startup of the portfolio, so the
order is that of ``beachhead score``, and P10–P90, P(rank 1) and P(top k) are the figures
``beachhead score`` and ``beachhead analyze`` print for the same perspective, scenario, gates,
draws and seed.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from models.analysis.assessors import Gap, founder_investor_gaps, latest
from models.analysis.startups import analyze_startups
from models.core.framework import Criterion, Framework, Scenario
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.improvements import improvements
from models.engine.perspectives import Perspective
from models.engine.ranking import RankedStartup, Ranking
from models.engine.results import Result
from models.engine.rules import rule_hits
from models.engine.scores import score_levels
from models.engine.weight_changes import WeightsNote, weights_note


class UnknownStartupError(LookupError):
    """``startups`` named startups the portfolio does not hold.

    Attributes:
        names: the names (or ids) that matched nothing, as given.
    """

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        quoted = ", ".join(f"'{n}'" for n in self.names)
        super().__init__(f"no startup named {quoted} in this portfolio")


def select_startups(portfolio: Portfolio, startups: Iterable[str] | str | None) -> set[str] | None:
    """The ids of the startups named (names with case and surrounding spaces ignored, or ids;
    a single one may be a string); ``None`` (every startup) when ``startups`` is ``None``.

    Raises:
        UnknownStartupError: some names match no startup (all of them are listed).
    """
    if startups is None:
        return None
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
    return chosen


def select_assessments(
    portfolio: Portfolio, startups: Iterable[str] | str | None = None
) -> list[tuple[Startup, Assessment]]:
    """The (startup, assessment) pairs of the startups named (see :func:`select_startups`),
    in document order.

    Raises:
        UnknownStartupError: some names match no startup (all of them are listed).
    """
    chosen = select_startups(portfolio, startups)
    return [(s, a) for s, a in portfolio.assessments() if chosen is None or s.id in chosen]


GapEntry = tuple[list[Gap], Assessment, Assessment]


@dataclass
class ReportData:
    """Everything the pages show, computed once; entry ``i`` is the ``i``-th selected startup
    in rank order (``rows[i]``), and every array has one row per selected startup.

    Attributes:
        ranking: the whole portfolio's ranking (``len(ranking.rows)`` startups).
        rows, startups, results: the selected startups' ranking rows, startups and the
            engine's results of their levels under the perspective (rules with their reasons,
            improvements with the fixes of deal-breakers first).
        raw, levels: ``(n, m)`` levels under the perspective, before and after the scenario.
        confidence: ``(n, m)`` confidence codes (0 low, 1 medium, 2 high) of those levels.
        low, high: ``(n, m)`` lowest and highest level among the assessments used.
        used: per startup, the assessments its levels are made of.
        p10, p90: ``(n,)`` the band of each overall score (NaN when unscored).
        p_rank1, p_top_k: ``(n,)`` the chance of ranking first and in the top ``top_k``
            among the startups ranked (NaN when unscored).
        draws, seed, top_k: how the figures were drawn (draws per startup).
        top, named: how the startups were selected (``--top N``; ``--startup`` given).
        weights: what the page says about the framework's weights (``None``: the defaults).
    """

    framework: Framework
    lang: str
    ranking: Ranking
    rows: list[RankedStartup]
    startups: list[Startup]
    results: list[Result]
    raw: np.ndarray
    levels: np.ndarray
    confidence: np.ndarray
    low: np.ndarray
    high: np.ndarray
    used: list[list[Assessment]]
    p10: np.ndarray
    p90: np.ndarray
    p_rank1: np.ndarray
    p_top_k: np.ndarray
    draws: int
    seed: int
    top_k: int
    top: int | None
    named: bool
    gaps: dict[str, GapEntry | None]
    weights: WeightsNote | None

    @property
    def perspective(self) -> Perspective:
        """The perspective the startups are ranked under."""
        return self.ranking.perspective

    @property
    def scenario(self) -> Scenario | None:
        """The scenario applied to every level, if any."""
        return self.ranking.scenario

    @classmethod
    def build(cls, portfolio: Portfolio, *, startups: Iterable[str] | str | None,
              top: int | None, perspective: Perspective | str, ignore_gates: bool, lang: str,
              draws: int, seed: int, scenario: Scenario | None) -> ReportData:
        """Rank ``portfolio`` under ``perspective``, draw the bands and keep the selection.

        Raises:
            UnknownStartupError: ``startups`` names a startup the portfolio lacks.
        """
        fw = portfolio.framework
        chosen = select_startups(portfolio, startups)
        analysis = analyze_startups(portfolio, perspective, draws=draws, seed=seed,
                                    scenario=scenario, ignore_gates=ignore_gates, lang=lang)
        ranking, u = analysis.ranking, analysis.uncertainty
        unranked = ~analysis.ranked
        rows = [r for r in ranking.rows if chosen is None or r.startup_id in chosen]
        rows = rows[:top] if top is not None else rows
        idx = [r.row for r in rows]
        view = ranking.view
        chosen_startups = [view.startups[i] for i in idx]
        return cls(
            framework=fw, lang=lang, ranking=ranking, rows=rows, startups=chosen_startups,
            results=_results(fw, ranking, rows, lang), raw=view.levels[idx],
            levels=ranking.table.levels[idx], confidence=view.confidence[idx],
            low=view.low[idx], high=view.high[idx], used=[view.used[i] for i in idx],
            p10=u.p10[idx], p90=u.p90[idx],
            p_rank1=np.where(unranked, np.nan, u.p_rank1)[idx],
            p_top_k=np.where(unranked, np.nan, u.p_top_k)[idx],
            draws=u.draws, seed=seed, top_k=u.top_k, top=top,
            named=chosen is not None, gaps=_gaps(chosen_startups, fw, lang),
            weights=weights_note(fw),
        )

    def band(self, i: int) -> tuple[float, float] | None:
        """Startup ``i``'s P10–P90 band, or ``None`` when it has no score."""
        lo, hi = float(self.p10[i]), float(self.p90[i])
        return None if math.isnan(lo) or math.isnan(hi) else (lo, hi)

    def source(self, i: int, crit: Criterion) -> tuple[Assessment, Score] | None:
        """The assessment (and its score) behind startup ``i``'s level of ``crit`` under the
        perspective: of the assessments used that give that level, the latest (on the same
        date, the later one); ``None`` when the criterion is not scored."""
        raw = self.raw[i, self.framework.criterion_index[crit.id]]
        if math.isnan(raw):
            return None
        best: tuple[Assessment, Score] | None = None
        for a in self.used[i]:
            score = a.scores.get(crit.id)
            if score is not None and score.value == raw and (best is None
                                                             or a.date >= best[0].date):
                best = (a, score)
        return best


def _results(framework: Framework, ranking: Ranking, rows: list[RankedStartup],
             lang: str) -> list[Result]:
    """The engine's results of the selected startups' levels under the perspective (after the
    scenario): postures and deal-breakers with their reasons, improvements."""
    table = score_levels(ranking.table.levels[[r.row for r in rows]], framework)
    postures = rule_hits(table, framework.postures, framework, lang)
    breakers = rule_hits(table, framework.deal_breakers, framework, lang)
    improved = improvements(table, framework, breakers, lang)
    out = []
    for k, row in enumerate(rows):
        used = ranking.view.used[row.row]
        out.append(Result(
            startup_id=row.startup_id, startup=row.startup,
            assessment_id=",".join(a.id for a in used),
            assessor=", ".join(a.assessor for a in used), role=ranking.perspective.kind,
            date=max(a.date for a in used).isoformat() if used else "",
            overall=row.overall, pillars=dict(row.pillars), completeness=row.completeness,
            postures=postures.get(k, []), deal_breakers=breakers.get(k, []),
            improvements=improved[k],
            scenario=ranking.scenario.id if ranking.scenario else None,
        ))
    return out


def _gaps(startups: list[Startup], framework: Framework,
          lang: str) -> dict[str, GapEntry | None]:
    """Each startup's latest founder and investor assessments and how they differ, or
    ``None`` when it lacks one of them."""
    gaps: dict[str, GapEntry | None] = {}
    for st in startups:
        founder, investor = latest(st, "founder"), latest(st, "investor")
        gaps[st.id] = None if founder is None or investor is None else (
            founder_investor_gaps(st, framework, founder, investor, lang), founder, investor)
    return gaps
