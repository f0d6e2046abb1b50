"""Scoring: favourability, pillar and overall scores, completeness, postures, deal-breakers,
scenarios and the improvements that would raise a score most.

The maths (DESIGN §3), for a criterion scored ``s`` (an integer level 1–5):

* favourability ``f = (s - 1) / 4`` for a *benefit* criterion and ``f = (5 - s) / 4`` for a
  *cost* criterion, so 0 is the worst and 1 the best for the startup;
* pillar score (0–100) ``= 100 · Σ w_c f_c / Σ w_c`` over the pillar's **scored** criteria,
  with ``w_c`` the criterion weights; no score if none of its criteria is scored;
* overall score (0–100) ``= Σ W_p P_p / Σ W_p`` over the **enabled** pillars that have a score,
  with ``W_p`` the pillar weights;
* completeness (0–1) ``= Σ e_c`` over scored criteria, where ``e_c = (W_p / Σ W) · (w_c / Σ_p w)``
  is the criterion's share of the total weight of the enabled pillars; below 1 the result is
  *partial*;
* scales are fixed anchors: there is no min–max normalisation, so one assessment's result never
  depends on any other.

Everything runs on ``(n, m)`` numpy matrices of levels (``NaN`` = not scored), with no Python loop
over individual scores, so a portfolio of 10,000 assessments scores in milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import ClassVar

import numpy as np

from models.core.framework import Condition, Framework, Rule, Scenario, text
from models.core.portfolio import Assessment, Portfolio, Startup
from models.core.rounding import fixed

#: Tolerance for rule comparisons, so that a pillar computed as 62.49999999999999 meets ">= 62.5".
RULE_TOLERANCE = 1e-9
#: How many improvements a result lists.
TOP_IMPROVEMENTS = 3


@dataclass(frozen=True)
class FrameworkArrays:
    """A framework flattened into arrays, columns in framework criterion order.

    Attributes:
        criterion_ids: ``m`` criterion ids; pillar_ids: ``k`` pillar ids.
        benefit: ``(m,)`` bool, True for benefit criteria.
        criterion_weight: ``(m,)`` raw criterion weights (> 0).
        pillar_of: ``(m,)`` index of each criterion's pillar.
        membership: ``(m, k)`` 0/1 matrix, criterion → pillar.
        pillar_weight: ``(k,)`` pillar weights, 0 for disabled pillars.
        share: ``(m,)`` each criterion's share of the total weight (sums to 1).
    """

    criterion_ids: list[str]
    pillar_ids: list[str]
    benefit: np.ndarray
    criterion_weight: np.ndarray
    pillar_of: np.ndarray
    membership: np.ndarray
    pillar_weight: np.ndarray
    share: np.ndarray

    @classmethod
    def of(cls, framework: Framework) -> FrameworkArrays:
        """Flatten ``framework``."""
        crits = framework.criteria
        pillar_ids = [p.id for p in framework.pillars]
        pindex = {pid: i for i, pid in enumerate(pillar_ids)}
        pillar_of = np.array([pindex[c.pillar_id] for c in crits], dtype=np.intp)
        membership = np.zeros((len(crits), len(pillar_ids)))
        membership[np.arange(len(crits)), pillar_of] = 1.0
        cw = np.array([c.weight for c in crits], dtype=float)
        pw = np.array([p.weight if p.enabled else 0.0 for p in framework.pillars], dtype=float)
        within = cw / (cw @ membership)[pillar_of]
        share = within * (pw / pw.sum())[pillar_of]
        return cls(
            criterion_ids=[c.id for c in crits],
            pillar_ids=pillar_ids,
            benefit=np.array([c.direction == "benefit" for c in crits]),
            criterion_weight=cw,
            pillar_of=pillar_of,
            membership=membership,
            pillar_weight=pw,
            share=share,
        )


@dataclass(frozen=True)
class ScoreTable:
    """Vectorised results for ``n`` assessments over ``m`` criteria and ``k`` pillars.

    Attributes:
        levels: ``(n, m)`` levels 1–5 as floats, NaN where not scored.
        favourability: ``(n, m)`` 0–1, NaN where not scored.
        pillars: ``(n, k)`` pillar scores 0–100, NaN where the pillar has no score.
        overall: ``(n,)`` overall 0–100, NaN where nothing is scored.
        completeness: ``(n,)`` 0–1.
        gains: ``(n, m)`` points the overall would rise if that criterion moved one level in
            the startup's favour; NaN where unscored or already at the best level.
    """

    arrays: FrameworkArrays
    levels: np.ndarray
    favourability: np.ndarray
    pillars: np.ndarray
    overall: np.ndarray
    completeness: np.ndarray
    gains: np.ndarray


def favourability(levels: np.ndarray, benefit: np.ndarray) -> np.ndarray:
    """``(s-1)/4`` for benefit columns, ``(5-s)/4`` for cost columns; NaN stays NaN.

    Args:
        levels: ``(..., m)`` levels 1–5 (NaN = not scored).
        benefit: ``(m,)`` bool.
    """
    return np.where(benefit, (levels - 1.0) / 4.0, (5.0 - levels) / 4.0)


def score_levels(levels: np.ndarray, framework: Framework | FrameworkArrays) -> ScoreTable:
    """Score a ``(n, m)`` matrix of levels (columns in framework order, NaN = not scored).

    Raises:
        ValueError: the matrix has the wrong number of columns or a level outside 1–5.
    """
    fa = framework if isinstance(framework, FrameworkArrays) else FrameworkArrays.of(framework)
    levels = np.asarray(levels, dtype=float)
    if levels.ndim != 2 or levels.shape[1] != len(fa.criterion_ids):
        raise ValueError(
            f"expected a matrix with {len(fa.criterion_ids)} columns, got shape {levels.shape}"
        )
    scored = ~np.isnan(levels)
    if np.any((levels[scored] < 1) | (levels[scored] > 5)):
        raise ValueError("levels must lie between 1 and 5")
    fav = favourability(levels, fa.benefit)
    w = np.where(scored, fa.criterion_weight, 0.0)
    num = np.where(scored, fav, 0.0) * fa.criterion_weight @ fa.membership
    den = w @ fa.membership
    with np.errstate(invalid="ignore", divide="ignore"):
        pillars = np.where(den > 0, 100.0 * num / den, np.nan)
        pw_scored = np.where((den > 0), fa.pillar_weight, 0.0)
        pw_total = pw_scored.sum(axis=1)
        overall = np.where(
            pw_total > 0, np.nansum(pillars * pw_scored, axis=1) / pw_total, np.nan
        )
        completeness = np.where(scored, fa.share, 0.0).sum(axis=1)
        # One level in the startup's favour moves f by 1/4, the pillar by 25·w_c/Σw, the
        # overall by that times W_p/ΣW over scored pillars (the set of scored pillars is unchanged).
        pillar_gain = 25.0 * fa.criterion_weight / den[:, fa.pillar_of]
        overall_share = (pw_scored / pw_total[:, None])[:, fa.pillar_of]
        improvable = scored & np.where(fa.benefit, levels < 5, levels > 1)
        gains = np.where(improvable, pillar_gain * overall_share, np.nan)
    return ScoreTable(fa, levels, fav, pillars, overall, np.clip(completeness, 0.0, 1.0), gains)


def level_matrix(assessments: Sequence[Assessment], framework: Framework) -> np.ndarray:
    """The ``(n, m)`` level matrix of ``assessments`` in framework column order."""
    index = framework.criterion_index
    out = np.full((len(assessments), len(index)), np.nan)
    rows: list[int] = []
    cols: list[int] = []
    vals: list[int] = []
    for i, a in enumerate(assessments):
        for cid, sc in a.scores.items():
            if sc.value is not None and cid in index:
                rows.append(i)
                cols.append(index[cid])
                vals.append(sc.value)
    out[rows, cols] = vals
    return out


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


def level_slopes(levels: np.ndarray, framework: Framework | FrameworkArrays) -> np.ndarray:
    """How many points each criterion's pillar score moves when that criterion rises one level.

    Args:
        levels: ``(..., m)`` levels 1–5 (NaN = not scored); any leading shape.

    Returns:
        ``(..., m)`` slopes in pillar points (0–100 scale) per level: ``+25 · w_c / Σw`` for a
        scored benefit criterion and ``-25 · w_c / Σw`` for a scored cost criterion, where
        ``Σw`` sums the weights of the *scored* criteria of its pillar; 0 where not scored.

    Once the set of scored criteria is fixed, a pillar score is affine in the levels, so for
    integer shifts ``d`` that keep every level within 1–5 (and unscored criteria unscored)
    ``pillars(levels + d) == pillars(levels) + (slopes * d) @ membership`` exactly. Monte Carlo
    over levels uses this instead of rescoring every draw.
    """
    fa = framework if isinstance(framework, FrameworkArrays) else FrameworkArrays.of(framework)
    levels = np.asarray(levels, dtype=float)
    scored = ~np.isnan(levels)
    m = len(fa.criterion_ids)
    per_level = favourability(np.full(m, 2.0), fa.benefit) - favourability(np.ones(m), fa.benefit)
    den = np.where(scored, fa.criterion_weight, 0.0) @ fa.membership
    with np.errstate(invalid="ignore", divide="ignore"):
        slopes = 100.0 * per_level * fa.criterion_weight / den[..., fa.pillar_of]
    return np.where(scored, slopes, 0.0)


def overall_from_pillars(pillars: np.ndarray, pillar_weight: np.ndarray) -> np.ndarray:
    """Overall score(s) from pillar scores, by the same formula as :func:`score_levels`.

    Args:
        pillars: ``(..., k)`` pillar scores 0–100, NaN where a pillar has no score.
        pillar_weight: ``(k,)`` weights, or any shape broadcastable to ``(..., k)`` (e.g. one
            row of weights per Monte Carlo draw); ≥ 0, where 0 means the pillar takes no part.

    Returns:
        ``(...)`` the weighted mean over the pillars that have a score and a positive weight,
        0–100; NaN where there is none.
    """
    pillars = np.asarray(pillars, dtype=float)
    pw_scored = np.where(np.isnan(pillars), 0.0, pillar_weight)
    pw_total = pw_scored.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(
            pw_total > 0, np.nansum(pillars * pw_scored, axis=-1) / pw_total, np.nan
        )


def rule_mask(table: ScoreTable, rules: Sequence[Rule]) -> np.ndarray:
    """``(n, r)`` bool: which rules fire for which assessment (all conditions true)."""
    out = np.ones((table.overall.shape[0], len(rules)), dtype=bool)
    for j, rule in enumerate(rules):
        for cond in rule.when:
            out[:, j] &= _compare(_condition_values(table, cond), cond)
    return out


def _condition_values(table: ScoreTable, cond: Condition) -> np.ndarray:
    fa = table.arrays
    if cond.kind == "overall":
        return table.overall
    if cond.kind == "pillar":
        return table.pillars[:, fa.pillar_ids.index(cond.target)]
    return table.levels[:, fa.criterion_ids.index(cond.target)]


def _compare(values: np.ndarray, cond: Condition) -> np.ndarray:
    v, t = values, cond.value
    with np.errstate(invalid="ignore"):
        match cond.op:
            case "<":
                res = v < t - RULE_TOLERANCE
            case "<=":
                res = v <= t + RULE_TOLERANCE
            case ">":
                res = v > t + RULE_TOLERANCE
            case ">=":
                res = v >= t - RULE_TOLERANCE
            case _:
                res = np.abs(v - t) <= RULE_TOLERANCE
    return res & ~np.isnan(v)


# -- per-assessment results ---------------------------------------------------------------

@dataclass(frozen=True)
class RuleHit:
    """A posture or deal-breaker that fired, with one reason per condition."""

    id: str
    name: str
    kind: str
    reasons: list[str]


@dataclass(frozen=True)
class Improvement:
    """Moving ``criterion`` from ``from_level`` to ``to_level`` raises the overall by ``gain``."""

    criterion: str
    name: str
    from_level: int
    to_level: int
    gain: float


@dataclass(frozen=True)
class Result:
    """The computed result of one assessment (never stored as truth).

    ``overall`` and pillar values are 0–100 or ``None`` when nothing relevant is scored;
    ``completeness`` is 0–1 and ``partial`` is true below 1.
    """

    startup_id: str
    startup: str
    assessment_id: str
    assessor: str
    role: str
    date: str
    overall: float | None
    pillars: dict[str, float | None]
    completeness: float
    postures: list[RuleHit] = field(default_factory=list)
    deal_breakers: list[RuleHit] = field(default_factory=list)
    improvements: list[Improvement] = field(default_factory=list)
    scenario: str | None = None

    @property
    def partial(self) -> bool:
        """True when some weight is not scored yet."""
        return self.completeness < 1.0 - 1e-12

    def as_json(self) -> dict[str, object]:
        """The command line's JSON object for this result (DESIGN §5, ``score --format json``)."""
        return {
            "startup": self.startup,
            "assessor": self.assessor,
            "role": self.role,
            "date": self.date,
            "overall": self.overall,
            "pillars": dict(self.pillars),
            "completeness": self.completeness,
            "postures": [h.name for h in self.postures],
            "deal_breakers": [h.name for h in self.deal_breakers],
            "top_improvements": [
                {"criterion": i.criterion, "gain": i.gain} for i in self.improvements
            ],
        }


def _fmt(x: float) -> str:
    return fixed(x).rstrip("0").rstrip(".") if abs(x - round(x)) > 1e-9 else f"{x:.0f}"


class _RuleExplainer:
    """Turns fired rules into :class:`RuleHit` objects with one reason per condition.

    Works rule by rule over the rows where the rule fired (found with one vectorised mask),
    so no work is spent on rows and rules that did not fire.
    """

    _SYMBOLS: ClassVar[dict[str, str]] = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "="}

    def __init__(self, table: ScoreTable, rules: Sequence[Rule], framework: Framework,
                 lang: str) -> None:
        self.by_row: dict[int, list[RuleHit]] = {}
        mask = rule_mask(table, rules)
        for j, rule in enumerate(rules):
            rows = np.flatnonzero(mask[:, j]).tolist()
            if not rows:
                continue
            name = text(rule.name, lang)
            kind = getattr(rule, "kind", "deal_breaker")
            parts = []
            for cond in rule.when:
                if cond.kind == "overall":
                    label = "Overall" if lang == "en" else "总分"
                elif cond.kind == "pillar":
                    label = text(framework.pillar(cond.target).name, lang)
                else:
                    label = text(framework.criterion(cond.target).name, lang)
                bound = f"({self._SYMBOLS[cond.op]} {_fmt(cond.value)})"
                values = _condition_values(table, cond)[rows]
                shown = [str(int(v)) for v in values] if cond.kind == "criterion" \
                    else [fixed(v) for v in values]
                parts.append([f"{label} {v} {bound}" for v in shown])
            for k, row in enumerate(rows):
                hit = RuleHit(rule.id, name, kind, [p[k] for p in parts])
                self.by_row.setdefault(row, []).append(hit)

    def hits(self, row: int) -> list[RuleHit]:
        """The rules that fired for ``row`` (in framework order), each with its reasons."""
        return self.by_row.get(row, [])


def score_assessments(
    pairs: Sequence[tuple[Startup, Assessment]],
    framework: Framework,
    scenario: Scenario | None = None,
    lang: str = "en",
) -> list[Result]:
    """Score (startup, assessment) pairs under ``framework``, optionally under a scenario.

    Returns one :class:`Result` per pair, in order. Texts (rule names, reasons, criterion
    names) are in ``lang`` where the framework has them.
    """
    assessments = [a for _, a in pairs]
    levels = apply_scenario(level_matrix(assessments, framework), framework, scenario)
    table = score_levels(levels, framework)
    postures = _RuleExplainer(table, framework.postures, framework, lang)
    breakers = _RuleExplainer(table, framework.deal_breakers, framework, lang)
    # Top improvements for every row at once: best gains first, ties in framework order.
    gains = np.nan_to_num(table.gains, nan=-1.0)
    top = np.argsort(-gains, axis=1, kind="stable")[:, :TOP_IMPROVEMENTS]
    top_gain = np.take_along_axis(gains, top, axis=1).tolist()
    top_level = np.take_along_axis(np.nan_to_num(levels), top, axis=1).tolist()
    top = top.tolist()
    step = np.where(table.arrays.benefit, 1, -1).tolist()
    crits = framework.criteria
    crit_names = [text(c.name, lang) for c in crits]
    pids = table.arrays.pillar_ids
    overall = table.overall.tolist()
    pillars = table.pillars.tolist()
    completeness = table.completeness.tolist()
    scen = scenario.id if scenario else None
    results = []
    for i, (st, a) in enumerate(pairs):
        improvements = [
            Improvement(crits[c].id, crit_names[c], int(lv), int(lv) + step[c], g)
            for c, g, lv in zip(top[i], top_gain[i], top_level[i], strict=True)
            if g > 0
        ]
        results.append(
            Result(
                startup_id=st.id,
                startup=st.name,
                assessment_id=a.id,
                assessor=a.assessor,
                role=a.role,
                date=a.date.isoformat(),
                overall=None if overall[i] != overall[i] else overall[i],
                pillars={pid: None if v != v else v
                         for pid, v in zip(pids, pillars[i], strict=True)},
                completeness=completeness[i],
                postures=postures.hits(i),
                deal_breakers=breakers.hits(i),
                improvements=improvements,
                scenario=scen,
            )
        )
    return results


def score_portfolio(
    portfolio: Portfolio,
    scenario: Scenario | str | None = None,
    lang: str = "en",
) -> list[Result]:
    """Score every assessment of ``portfolio`` with the portfolio's own framework.

    ``scenario`` may be a :class:`Scenario` or its id or English name.

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
    """
    fw = portfolio.framework
    if isinstance(scenario, str):
        scenario = fw.scenario(scenario)
    return score_assessments(portfolio.assessments(), fw, scenario, lang)


def score_assessment(
    startup: Startup, assessment: Assessment, framework: Framework,
    scenario: Scenario | None = None, lang: str = "en",
) -> Result:
    """Score one assessment (see :func:`score_assessments`)."""
    return score_assessments([(startup, assessment)], framework, scenario, lang)[0]
