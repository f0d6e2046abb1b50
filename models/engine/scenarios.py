"""Scenarios across a portfolio: shifted levels, every row's overall before and after, and rank
change.

**The shift of a row.** A scenario (:class:`models.core.scenario.Scenario`) has base shifts
``b`` (criterion → levels) and exposure rules ``r = 1…R``, each with conditions and shifts
``e_r``. For a row ``i`` (a startup under a perspective, or an assessment) with levels ``s_i``:

* ``x_ir`` = 1 when rule ``r`` holds for row ``i`` (all of its conditions, or any one of them
  when its ``match`` is ``any``), else 0. Conditions are evaluated on the row's levels **before**
  the scenario: a criterion's level 1–5 as scored, a pillar's 0–100 score or the overall score
  computed from those levels (:mod:`models.engine.scores`), with the tolerance and the
  "never on something unscored" rule of postures (:func:`models.engine.rules.condition_holds`);
* the shift of criterion ``c`` is ``d_ic = b_c + Σ_r x_ir · e_rc``: matching rules add up, in
  any order, and no rule sees another's shift;
* the shifted level is ``clamp(s_ic + d_ic, 1, 5)``, clamped once after the sum (so +1 then
  +1 on a 4 gives 5, and a −2 on a 5 with a +1 elsewhere still gives 3); an unscored criterion
  stays unscored.

A scenario without exposure rules shifts every row alike, as frameworks written before
exposure existed always did. Everything is one pass of numpy over the ``(n, m)`` level matrix:
a boolean ``(n, R)`` matrix of rules that hold times the ``(R, m)`` matrix of their shifts.

**Ranks** are competition ranks: 1 for the highest overall, tied rows share the better rank
and the next rank is skipped (1, 2, 2, 4); overall scores within :data:`RANK_TOLERANCE` points
tie. Rows with nothing scored have no rank (NaN).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.core.framework import Condition, Framework, Scenario, text
from models.core.portfolio import Portfolio
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.rules import condition_holds
from models.engine.scores import ScoreTable, score_levels

#: Overall scores closer than this (points) share a rank.
RANK_TOLERANCE = 1e-9


def exposure_mask(levels: np.ndarray, framework: Framework,
                  scenario: Scenario | None) -> np.ndarray:
    """``(n, R)`` bool: which of ``scenario``'s exposure rules hold for which row of the
    ``(n, m)`` level matrix (before any shift; see the module notes). ``(n, 0)`` without a
    scenario or exposure rules.

    Raises:
        ValueError: a rule tests a pillar or the overall score and ``levels`` cannot be scored
            (see :func:`models.engine.scores.score_levels`).
    """
    levels = np.asarray(levels, dtype=float)
    rules = scenario.exposure if scenario is not None else []
    out = np.zeros((levels.shape[0], len(rules)), dtype=bool)
    if not rules:
        return out
    needs_scores = any(c.kind != "criterion" for r in rules for c in r.when)
    table = score_levels(levels, framework) if needs_scores else None
    for j, rule in enumerate(rules):
        holds = [condition_holds(_values(levels, framework, table, c), c) for c in rule.when]
        out[:, j] = np.logical_or.reduce(holds) if rule.match == "any" \
            else np.logical_and.reduce(holds)
    return out


def _values(levels: np.ndarray, framework: Framework, table: ScoreTable | None,
            cond: Condition) -> np.ndarray:
    """The ``(n,)`` values ``cond`` compares: a criterion's levels, a pillar's or the overall
    score (``table`` holds the scores when a condition needs them)."""
    if cond.kind == "criterion":
        return levels[:, framework.criterion_index[cond.target]]
    assert table is not None
    if cond.kind == "pillar":
        return table.pillars[:, table.arrays.pillar_ids.index(cond.target)]
    return table.overall


def scenario_shifts(levels: np.ndarray, framework: Framework,
                    scenario: Scenario | None) -> np.ndarray:
    """``(n, m)`` the shift ``d`` of every row and criterion, before clamping: the base shifts
    plus those of every exposure rule that holds for the row (0 without a scenario)."""
    levels = np.asarray(levels, dtype=float)
    m = len(framework.criterion_index)
    if scenario is None:
        return np.zeros((levels.shape[0], m))
    base = _shift_vector(scenario.shifts, framework)
    if not scenario.exposure:
        return np.broadcast_to(base, (levels.shape[0], m)).copy()
    extra = np.stack([_shift_vector(r.shifts, framework) for r in scenario.exposure])
    mask = exposure_mask(levels, framework, scenario).astype(float)
    shifts: np.ndarray = base + mask @ extra
    return shifts


def _shift_vector(shifts: dict[str, int], framework: Framework) -> np.ndarray:
    out = np.zeros(len(framework.criterion_index))
    for cid, delta in shifts.items():
        out[framework.criterion_index[cid]] = delta
    return out


def apply_scenario(
    levels: np.ndarray, framework: Framework, scenario: Scenario | None
) -> np.ndarray:
    """Shift every row's levels by ``scenario``: the base shifts plus the shifts of the exposure
    rules that hold for that row, summed, then clamped to 1–5 (see the module notes).

    Unscored criteria stay unscored. Returns a new matrix; ``levels`` is not changed.

    Raises:
        ValueError: see :func:`exposure_mask`.
    """
    levels = np.asarray(levels, dtype=float)
    if scenario is None:
        return levels.copy()
    shifted: np.ndarray = np.clip(levels + scenario_shifts(levels, framework, scenario), 1.0, 5.0)
    return shifted


def exposure_hits(levels: np.ndarray, framework: Framework, scenario: Scenario | None,
                  lang: str = "en") -> list[list[str]]:
    """For each row of ``levels``, the names (in ``lang``) of ``scenario``'s exposure rules that
    hold for it, in the scenario's order: why one startup moved more than another. Rows that no
    rule hits get an empty list.

    Raises:
        ValueError: see :func:`exposure_mask`.
    """
    mask = exposure_mask(levels, framework, scenario)
    out: list[list[str]] = [[] for _ in range(mask.shape[0])]
    for j, rule in enumerate(scenario.exposure if scenario is not None else []):
        name = text(rule.name, lang)
        for i in np.flatnonzero(mask[:, j]).tolist():  # only the rows the rule hits
            out[i].append(name)
    return out


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
    """One scenario applied to ``n`` rows (in the order given).

    Attributes:
        scenario, name: the scenario's id and display name.
        before, after: ``(n,)`` overall 0–100 without and with the scenario (NaN = nothing
            scored). delta: ``after − before``.
        rank_before, rank_after: ``(n,)`` competition ranks (NaN = unranked).
        rank_change: ``rank_before − rank_after``: positive when the row moves up.
        exposure: per row, the names of the exposure rules that hold for it
            (:func:`exposure_hits`).
    """

    scenario: str
    name: str
    before: np.ndarray
    after: np.ndarray
    delta: np.ndarray
    rank_before: np.ndarray
    rank_after: np.ndarray
    rank_change: np.ndarray
    exposure: list[list[str]]


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
            exposure=exposure_hits(levels, framework, scen, lang),
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
