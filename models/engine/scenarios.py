"""Scenarios across a portfolio: every assessment's overall before and after, and rank change.

A scenario shifts the same criteria for every assessment at once (clamped to 1–5, unscored
criteria stay unscored; see :func:`apply_scenario`). Ranks are competition ranks: 1 for the
highest overall, tied assessments share the better rank and the next rank is skipped (1, 2, 2,
4); overall scores within :data:`RANK_TOLERANCE` points tie. Assessments with nothing scored
have no rank (NaN).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.core.framework import Framework, Scenario, text
from models.core.portfolio import Portfolio
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.scores import score_levels

#: Overall scores closer than this (points) share a rank.
RANK_TOLERANCE = 1e-9


def apply_scenario(
    levels: np.ndarray, framework: Framework, scenario: Scenario | None
) -> np.ndarray:
    """Shift every assessment's levels by ``scenario``'s shifts, clamped to 1–5.

    Unscored criteria stay unscored. Returns a new matrix; ``levels`` is not changed.
    """
    if scenario is None:
        return levels.copy()
    shift = np.zeros(levels.shape[1])
    for cid, delta in scenario.shifts.items():
        shift[framework.criterion_index[cid]] = delta
    return np.clip(levels + shift, 1.0, 5.0)


def competition_ranks(overall: np.ndarray) -> np.ndarray:
    """``(n,)`` ranks of ``overall`` (1 = highest; ties share the better rank; NaN unranked).

    Returned as floats so that unranked rows can be NaN.
    """
    overall = np.asarray(overall, dtype=float)
    valid = ~np.isnan(overall)
    q = np.round(overall[valid] / RANK_TOLERANCE)
    ascending = np.sort(q)
    above = len(q) - np.searchsorted(ascending, q, side="right")  # scores strictly above
    out = np.full(overall.shape, np.nan)
    out[valid] = 1.0 + above
    return out


@dataclass(frozen=True)
class ScenarioImpact:
    """One scenario applied to ``n`` assessments (rows in the order given).

    Attributes:
        scenario, name: the scenario's id and display name.
        before, after: ``(n,)`` overall 0–100 without and with the scenario (NaN = nothing
            scored). delta: ``after − before``.
        rank_before, rank_after: ``(n,)`` competition ranks (NaN = unranked).
        rank_change: ``rank_before − rank_after``: positive when the assessment moves up.
    """

    scenario: str
    name: str
    before: np.ndarray
    after: np.ndarray
    delta: np.ndarray
    rank_before: np.ndarray
    rank_after: np.ndarray
    rank_change: np.ndarray


def scenario_impacts(
    levels: np.ndarray,
    framework: Framework,
    scenarios: Sequence[Scenario] | None = None,
    lang: str = "en",
) -> list[ScenarioImpact]:
    """Apply each scenario (default: all of the framework's) to a ``(n, m)`` level matrix.

    Raises:
        ValueError: see :func:`models.engine.scores.score_levels`.
    """
    fa = FrameworkArrays.of(framework)
    before = score_levels(levels, fa).overall
    rank_before = competition_ranks(before)
    out = []
    for scen in framework.scenarios if scenarios is None else scenarios:
        after = score_levels(apply_scenario(levels, framework, scen), fa).overall
        rank_after = competition_ranks(after)
        out.append(ScenarioImpact(
            scenario=scen.id, name=text(scen.name, lang), before=before, after=after,
            delta=after - before, rank_before=rank_before, rank_after=rank_after,
            rank_change=rank_before - rank_after,
        ))
    return out


def portfolio_scenario_impacts(
    portfolio: Portfolio, scenarios: Sequence[Scenario | str] | None = None, lang: str = "en"
) -> list[ScenarioImpact]:
    """:func:`scenario_impacts` for every assessment of ``portfolio`` (document order).

    ``scenarios`` may name scenarios by id or English name.

    Raises:
        KeyError: a name matches no scenario of the portfolio's framework.
    """
    fw = portfolio.framework
    chosen = None if scenarios is None else [
        fw.scenario(s) if isinstance(s, str) else s for s in scenarios
    ]
    levels = level_matrix([a for _, a in portfolio.assessments()], fw)
    return scenario_impacts(levels, fw, chosen, lang)
