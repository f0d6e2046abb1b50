"""The analysis of a portfolio's **startups** under a perspective, behind ``beachhead analyze``:
one row per startup, never a mix of assessments (founder self-scores, each investor, …).

:func:`analyze_startups` ranks the startups as :func:`models.engine.ranking.rank_startups` does
and adds, per startup:

* **Monte Carlo figures** (:func:`models.analysis.perspective_bands.simulate_perspective`, the
  one place that draws startups; its P10 and P90 are those of ``beachhead score`` for the same
  draws and seed): P10, P50 and P90 of the overall, and the chance of ranking first and in the
  top ``k``. Under the investor view the draws resample the investors (the assessor bootstrap)
  as well as spreading each level by its confidence.
* **Ranks among the startups ranked.** In every draw the startups with a score are ranked; an
  unscored startup does not compete (no rank probabilities, no percentiles), so P(rank 1)
  sums to 1 over the ranked startups and P(top k) to ``k`` (fewer when fewer are ranked).
  **Gates** enter as in the ranking the user sees: a startup gated by a deal-breaker (as
  scored under the perspective, with the scenario) ranks after every ungated one in every
  draw, and among the gated ones by its drawn overall; with ``ignore_gates`` every startup
  ranks by its drawn overall alone. The gate itself is held as scored: the draws move the
  overall, not the deal-breakers. Overall scores within 0.0001 points tie and share their
  ranks evenly (:mod:`models.analysis.uncertainty`), where the ranking's list breaks ties by
  completeness and name.
* **Leader reversals** (:mod:`models.analysis.sensitivity`): the pillar weights at which the
  leader changes, as one pillar's share grows. The leader is rank 1 under the same gate rule:
  while some scored startup is ungated, gated startups never lead (with ``ignore_gates`` they
  do). Gates stay as scored at the current weights; a deal-breaker on the overall score could
  lift or fire at other weights, which the sweep does not re-check.
* **Scenario impact** (with a scenario): each startup's overall before the scenario
  (:func:`models.engine.scenarios.scenario_impacts` on the perspective's levels) and its rank
  change, the rank in the ranking without the scenario minus the rank with it (positive:
  moves up), both ranks by the ranking's rules (gates, ties).

:meth:`StartupAnalysis.as_json` is the ``beachhead analyze --format json`` document.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.analysis.perspective_bands import simulate_perspective
from models.analysis.run import TOP_K
from models.analysis.sensitivity import PillarSweep, Reversal, leader_reversals
from models.analysis.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_MAX_RANK,
    DEFAULT_SEED,
    Progress,
    Uncertainty,
)
from models.core.framework import Framework, Scenario, text
from models.core.portfolio import Portfolio, Startup
from models.engine.arrays import FrameworkArrays
from models.engine.perspectives import Perspective
from models.engine.ranking import Ranking, rank_startups
from models.engine.scenarios import ScenarioImpact, scenario_impacts


@dataclass(frozen=True)
class StartupAnalysis:
    """Everything :func:`analyze_startups` computed. Arrays follow the startups in document
    order (``startups``, as ``ranking.view.startups``); ``ranking.rows`` gives the ranking's
    order.

    Attributes:
        ranking: the startups ranked under the perspective (gates, scenario, ties).
        uncertainty: Monte Carlo figures per startup (document order), drawn
            ``uncertainty.draws`` times; NaN percentiles for an unscored startup.
        resamples: investor resamples of the bootstrap (1: none).
        sweeps: one :class:`models.analysis.sensitivity.PillarSweep` per enabled pillar;
            leaders are startup rows (document order), -1 when nobody leads.
        scenario_impact: before/after overall of each startup under the scenario, or ``None``.
        rank_before: ``(n,)`` ranks without the scenario (``None`` without one).
        pillar_names: pillar id → display name in the language asked for.
    """

    ranking: Ranking
    uncertainty: Uncertainty
    resamples: int
    sweeps: list[PillarSweep]
    scenario_impact: ScenarioImpact | None
    rank_before: np.ndarray | None
    pillar_names: dict[str, str]

    @property
    def perspective(self) -> Perspective:
        """The perspective the startups are ranked under."""
        return self.ranking.perspective

    @property
    def scenario(self) -> Scenario | None:
        """The scenario applied to every figure, or ``None``."""
        return self.ranking.scenario

    @property
    def startups(self) -> list[Startup]:
        """The startups, document order."""
        return self.ranking.view.startups

    @property
    def rank(self) -> np.ndarray:
        """``(n,)`` each startup's rank in the ranking (document order)."""
        return _ranks(self.ranking)

    @property
    def ranked(self) -> np.ndarray:
        """``(n,)`` whether each startup has a score, so competes for ranks."""
        ranked: np.ndarray = ~np.isnan(self.uncertainty.overall)
        return ranked

    @property
    def rank_change(self) -> np.ndarray | None:
        """``(n,)`` rank without the scenario minus rank with it (positive: moves up)."""
        if self.rank_before is None:
            return None
        change: np.ndarray = self.rank_before - self.rank
        return change

    @property
    def reversals(self) -> list[Reversal]:
        """Every leader change of every pillar sweep, pillar by pillar, by increasing share."""
        return [r for s in self.sweeps for r in s.reversals]

    def label(self, row: int) -> str:
        """The name of the startup of row ``row`` (document order)."""
        return self.startups[row].name

    def as_json(self) -> dict[str, object]:
        """The ``beachhead analyze --format json`` document (no NaN: missing values are null).

        Keys: ``perspective``, ``ignore_gates``, ``draws``, ``resamples``, ``seed``,
        ``weight_concentration``, ``top_k``, ``scenario`` (null or id and name), ``startups``
        (best first: rank, startup_id, startup, gated, deal_breakers, status, suggested,
        overall, p10, p50, p90, p_rank1, p_topK, founder_gap, assessments, and with a scenario
        overall_before and rank_change), ``reversals`` (pillar, weight, new_leader,
        new_leader_id, previous_leader, previous_leader_id) and ``current_weights`` (pillar
        id → share 0–1).
        """
        u = self.uncertainty
        change = self.rank_change
        rows = []
        for r in self.ranking.rows:
            i, ranked = r.row, bool(self.ranked[r.row])
            row: dict[str, object] = {
                "rank": r.rank, "startup_id": r.startup_id, "startup": r.startup,
                "gated": r.gated, "deal_breakers": list(r.deal_breakers), "status": r.status,
                "suggested": r.suggested, "overall": r.overall,
                "p10": _num(u.p10[i]), "p50": _num(u.p50[i]), "p90": _num(u.p90[i]),
                "p_rank1": _num(u.p_rank1[i]) if ranked else None,
                f"p_top{u.top_k}": _num(u.p_top_k[i]) if ranked else None,
                "founder_gap": r.founder_gap, "assessments": r.assessments,
            }
            if self.scenario_impact is not None and change is not None:
                row["overall_before"] = _num(self.scenario_impact.before[i])
                row["rank_change"] = int(change[i])
            rows.append(row)
        return {
            "perspective": self.perspective.name,
            "ignore_gates": self.ranking.ignore_gates,
            "draws": u.draws, "resamples": self.resamples, "seed": u.seed,
            "weight_concentration": u.concentration, "top_k": u.top_k,
            "scenario": None if self.scenario is None else {
                "id": self.scenario.id, "name": self.scenario.name["en"]},
            "startups": rows,
            "reversals": [self._reversal(r) for r in self.reversals],
            "current_weights": {s.pillar: s.current for s in self.sweeps},
        }

    def _reversal(self, r: Reversal) -> dict[str, object]:
        new, old = self.startups[r.new_leader], self.startups[r.previous_leader]
        return {"pillar": r.pillar, "weight": r.weight, "new_leader": new.name,
                "new_leader_id": new.id, "previous_leader": old.name,
                "previous_leader_id": old.id}


def _ranks(ranking: Ranking) -> np.ndarray:
    """``(n,)`` each startup's rank in ``ranking``, document order."""
    out = np.zeros(len(ranking.rows), dtype=np.intp)
    for r in ranking.rows:
        out[r.row] = r.rank
    return out


def _num(x: float) -> float | None:
    return None if np.isnan(x) else float(x)


def analyze_startups(
    portfolio: Portfolio,
    perspective: Perspective | str = "investor",
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    scenario: Scenario | str | None = None,
    concentration: float | None = None,
    ignore_gates: bool = False,
    top_k: int = TOP_K,
    max_rank: int | None = DEFAULT_MAX_RANK,
    progress: Progress | None = None,
    lang: str = "en",
) -> StartupAnalysis:
    """Analyse ``portfolio``'s startups under ``perspective`` (see the module notes).

    Args:
        perspective: an object or its name (``investor``, ``founder``, ``latest``,
            ``assessor:NAME``).
        scenario: applied to every figure (object, id or English name).
        concentration: Dirichlet concentration of the pillar weights, ``None`` to hold them
            fixed. draws, seed, top_k, max_rank, progress: as for
            :func:`models.analysis.uncertainty.simulate` (``draws`` is rounded up to a multiple
            of the investor resamples, see :mod:`models.analysis.perspective_bands`).
        ignore_gates: rank gated startups by their overall among the others.
        lang: language of deal-breaker, pillar and scenario names.

    Raises:
        ValueError: an unknown perspective, or see :func:`models.analysis.uncertainty.simulate`.
        KeyError: ``scenario`` names no scenario of the framework.
    """
    fw = portfolio.framework
    if isinstance(scenario, str):
        scenario = fw.scenario(scenario)
    ranking = rank_startups(portfolio, perspective, scenario=scenario,
                            ignore_gates=ignore_gates, lang=lang)
    gated = gated_rows(ranking)
    drawn = simulate_perspective(
        ranking.view, fw, draws=draws, seed=seed, scenario=scenario,
        concentration=concentration, top_k=top_k, max_rank=max_rank,
        behind=None if ignore_gates else gated, progress=progress)
    impact = None if scenario is None else scenario_impacts(ranking.view.levels, fw,
                                                            [scenario], lang)[0]
    return StartupAnalysis(
        ranking=ranking, uncertainty=drawn.uncertainty, resamples=drawn.resamples,
        sweeps=ranking_reversals(ranking, fw),
        scenario_impact=impact, rank_before=None if scenario is None else _ranks(
            rank_startups(portfolio, ranking.perspective, ignore_gates=ignore_gates, lang=lang)),
        pillar_names={p.id: text(p.name, lang) for p in fw.pillars},
    )


def gated_rows(ranking: Ranking) -> np.ndarray:
    """``(n,)`` True where a startup is gated, rows in document order (``ranking.view``)."""
    gated = np.zeros(len(ranking.view.startups), dtype=bool)
    for r in ranking.rows:
        gated[r.row] = r.gated
    return gated


def ranking_reversals(ranking: Ranking, framework: Framework) -> list[PillarSweep]:
    """The leader reversals of ``ranking``'s startups (one sweep per enabled pillar): while
    some scored startup is ungated, gated startups never lead (unless the ranking ignores
    gates)."""
    fa = FrameworkArrays.of(framework)
    contenders = ranking.table.pillars.copy()
    gated = gated_rows(ranking)
    scored = ~np.isnan(ranking.table.overall)
    if not ranking.ignore_gates and (scored & ~gated).any():
        contenders[gated] = np.nan
    return leader_reversals(contenders, fa.pillar_weight, fa.pillar_ids)
