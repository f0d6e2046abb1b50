"""The one analysis entry point: the Monte Carlo figures behind ``beachhead analyze``, the
workbook's Analysis sheet, the PDF report and the Compare view, and the portfolio analysis
that adds leader reversals and a scenario's impact to them.

* :func:`prepare` turns assessments into the arrays a Monte Carlo run works on (levels with
  a scenario applied, confidence codes, the framework as arrays);
* :func:`run_uncertainty` runs the Monte Carlo of
  :func:`models.analysis.uncertainty.simulate` on a portfolio or on prepared arrays (which a
  worker process receives);
* :func:`analyze_portfolio` runs everything on every *assessment* (an audit of the assessments
  one by one), with the pieces of :mod:`models.analysis.sensitivity` and
  :mod:`models.engine.scenarios`. Rankings rank startups: ``beachhead analyze`` uses
  :func:`models.analysis.startups.analyze_startups`, one row per startup under a perspective.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.analysis.sensitivity import PillarSweep, Reversal, leader_reversals
from models.analysis.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_MAX_RANK,
    DEFAULT_SEED,
    Progress,
    Uncertainty,
    confidence_matrix,
    simulate,
)
from models.core.framework import Framework, Scenario, text
from models.core.portfolio import Assessment, Portfolio, Startup
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.scenarios import ScenarioImpact, apply_scenario, scenario_impacts
from models.engine.scores import score_levels

#: ``k`` of the "top k" probability the command line reports.
TOP_K = 3


@dataclass(frozen=True)
class Prepared:
    """The arrays of a Monte Carlo run, in framework column order, small and quick to send to
    a worker process.

    Attributes:
        raw: ``(n, m)`` levels 1–5 as assessed (NaN = not scored).
        levels: ``(n, m)`` the levels the draws spread around: ``raw`` with the scenario
            applied (the same values without one).
        confidence: ``(n, m)`` confidence codes
            (:func:`models.analysis.uncertainty.confidence_matrix`).
        arrays: the framework as arrays (its weights centre any weight draws).
    """

    raw: np.ndarray
    levels: np.ndarray
    confidence: np.ndarray
    arrays: FrameworkArrays


def prepare(framework: Framework, assessments: Sequence[Assessment],
            scenario: Scenario | str | None = None) -> Prepared:
    """The :class:`Prepared` arrays of ``assessments`` under ``framework``, with ``scenario``
    (object, id or English name) applied to the levels.

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
    """
    if isinstance(scenario, str):
        scenario = framework.scenario(scenario)
    raw = level_matrix(assessments, framework)
    return Prepared(raw=raw, levels=apply_scenario(raw, framework, scenario),
                    confidence=confidence_matrix(assessments, framework),
                    arrays=FrameworkArrays.of(framework))


def run_uncertainty(
    source: Portfolio | Prepared,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    scenario: Scenario | str | None = None,
    concentration: float | None = None,
    top_k: int = TOP_K,
    max_rank: int | None = DEFAULT_MAX_RANK,
    keep_samples: bool = False,
    progress: Progress | None = None,
    behind: np.ndarray | None = None,
) -> Uncertainty:
    """Monte Carlo figures of every assessment of a portfolio (document order) or of the rows
    of :class:`Prepared` arrays.

    Args:
        source: a portfolio, under its own framework, or arrays from :func:`prepare`.
        draws, seed: how many draws, and the random seed.
        scenario: applied to a portfolio's levels (object, id or English name); prepared
            arrays already hold theirs, so it must be ``None`` with them.
        concentration: Dirichlet concentration of the pillar weights, ``None`` to hold them
            fixed. top_k, max_rank, keep_samples, progress, behind: as for
            :func:`models.analysis.uncertainty.simulate`.

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
        ValueError: a scenario with prepared arrays, or see
            :func:`models.analysis.uncertainty.simulate`.
    """
    if isinstance(source, Prepared):
        if scenario is not None:
            raise ValueError("prepared arrays already have their scenario applied")
        prepared = source
    else:
        prepared = prepare(source.framework, [a for _, a in source.assessments()], scenario)
    return simulate(prepared.levels, prepared.confidence, prepared.arrays, draws=draws,
                    seed=seed, concentration=concentration, top_k=top_k, max_rank=max_rank,
                    keep_samples=keep_samples, progress=progress, behind=behind)


@dataclass(frozen=True)
class PortfolioAnalysis:
    """Everything :func:`analyze_portfolio` computed; rows follow ``pairs``.

    Attributes:
        pairs: the (startup, assessment) rows, in document order.
        scenario: the scenario applied to every figure, or ``None``.
        uncertainty: Monte Carlo figures (:class:`models.analysis.uncertainty.Uncertainty`).
        sweeps: one :class:`models.analysis.sensitivity.PillarSweep` per enabled pillar.
        scenario_impact: before/after and rank change of ``scenario`` (``None`` without one).
        pillar_names: pillar id → display name in the language asked for.
    """

    pairs: list[tuple[Startup, Assessment]]
    scenario: Scenario | None
    uncertainty: Uncertainty
    sweeps: list[PillarSweep]
    scenario_impact: ScenarioImpact | None
    pillar_names: dict[str, str]

    @property
    def reversals(self) -> list[Reversal]:
        """Every leader change of every pillar sweep, pillar by pillar, by increasing share."""
        return [r for s in self.sweeps for r in s.reversals]

    def label(self, row: int) -> str:
        """``startup (assessor)`` for row ``row``."""
        st, a = self.pairs[row]
        return f"{st.name} ({a.assessor})" if a.assessor else st.name

    def as_json(self) -> dict[str, object]:
        """The ``beachhead analyze --format json`` document (no NaN: missing values are null).

        Keys: ``draws``, ``seed``, ``weight_concentration``, ``scenario`` (null or id and
        name), ``assessments`` (startup, assessor, role, overall, p10, p50, p90, p_rank1,
        p_top3, and with a scenario overall_before and rank_change) and ``reversals`` (pillar,
        weight, new_leader, new_leader_assessor, previous_leader, previous_leader_assessor)
        plus ``current_weights`` (pillar id → share 0–1).
        """
        u = self.uncertainty
        rows = []
        for i, (st, a) in enumerate(self.pairs):
            row: dict[str, object] = {
                "startup": st.name, "assessor": a.assessor, "role": a.role,
                "overall": _num(u.overall[i]),
                "p10": _num(u.p10[i]), "p50": _num(u.p50[i]), "p90": _num(u.p90[i]),
                "p_rank1": _num(u.p_rank1[i]), f"p_top{u.top_k}": _num(u.p_top_k[i]),
            }
            if self.scenario_impact is not None:
                row["overall_before"] = _num(self.scenario_impact.before[i])
                row["rank_change"] = _num(self.scenario_impact.rank_change[i], integer=True)
            rows.append(row)
        reversals = []
        for r in self.reversals:
            new, old = self.pairs[r.new_leader], self.pairs[r.previous_leader]
            reversals.append({
                "pillar": r.pillar, "weight": r.weight,
                "new_leader": new[0].name, "new_leader_assessor": new[1].assessor,
                "previous_leader": old[0].name, "previous_leader_assessor": old[1].assessor,
            })
        scen = None if self.scenario is None else {
            "id": self.scenario.id, "name": self.scenario.name["en"]}
        return {
            "draws": u.draws,
            "seed": u.seed,
            "weight_concentration": u.concentration,
            "scenario": scen,
            "assessments": rows,
            "reversals": reversals,
            "current_weights": {s.pillar: s.current for s in self.sweeps},
        }


def _num(x: float, integer: bool = False) -> float | int | None:
    if x is None or np.isnan(x):
        return None
    return int(x) if integer else float(x)


def analyze_portfolio(
    portfolio: Portfolio,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    scenario: Scenario | str | None = None,
    concentration: float | None = None,
    top_k: int = TOP_K,
    max_rank: int | None = DEFAULT_MAX_RANK,
    progress: Progress | None = None,
    lang: str = "en",
) -> PortfolioAnalysis:
    """Analyse every assessment of ``portfolio`` under its own framework.

    With a ``scenario`` (object, id or English name) the uncertainty and reversals
    are computed on the shifted levels and :attr:`PortfolioAnalysis.scenario_impact` holds the
    before/after comparison. Other arguments go to :func:`run_uncertainty`.

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
        ValueError: see :func:`models.analysis.uncertainty.simulate`.
    """
    fw = portfolio.framework
    if isinstance(scenario, str):
        scenario = fw.scenario(scenario)
    pairs = portfolio.assessments()
    prepared = prepare(fw, [a for _, a in pairs], scenario)
    unc = run_uncertainty(prepared, draws=draws, seed=seed, concentration=concentration,
                          top_k=top_k, max_rank=max_rank, progress=progress)
    fa = prepared.arrays
    pillars = score_levels(prepared.levels, fa).pillars
    impact = scenario_impacts(prepared.raw, fw, [scenario], lang)[0] if scenario else None
    return PortfolioAnalysis(
        pairs=pairs,
        scenario=scenario,
        uncertainty=unc,
        sweeps=leader_reversals(pillars, fa.pillar_weight, fa.pillar_ids),
        scenario_impact=impact,
        pillar_names={p.id: text(p.name, lang) for p in fw.pillars},
    )
