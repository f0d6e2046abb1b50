"""Rules: which postures and deal-breakers fire for which assessment, and why.

A rule fires when all its conditions hold (``match`` ``all``, the default) or when at least one
of them holds (``match`` ``any``); a condition on something not scored never holds. A hit's
reasons are the conditions that hold for its row (for an ``all`` rule, every condition).
Comparisons allow :data:`RULE_TOLERANCE`, so a pillar computed as 62.49999999999999 meets
``>= 62.5``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.core.framework import Condition, Framework, Rule, text
from models.core.rounding import fixed
from models.engine.scores import ScoreTable

#: Tolerance for rule comparisons, so that a pillar computed as 62.49999999999999 meets ">= 62.5".
RULE_TOLERANCE = 1e-9

_SYMBOLS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "="}


@dataclass(frozen=True)
class RuleHit:
    """A posture or deal-breaker that fired, with one reason per condition."""

    id: str
    name: str
    kind: str
    reasons: list[str]


def rule_mask(table: ScoreTable, rules: Sequence[Rule]) -> np.ndarray:
    """``(n, r)`` bool: which rules fire for which assessment (all their conditions hold, or
    any one of them for a rule whose ``match`` is ``any``)."""
    out = np.zeros((table.overall.shape[0], len(rules)), dtype=bool)
    for j, rule in enumerate(rules):
        held = condition_mask(table, rule)
        out[:, j] = held.any(axis=1) if rule.match == "any" else held.all(axis=1)
    return out


def condition_mask(table: ScoreTable, rule: Rule) -> np.ndarray:
    """``(n, k)`` bool: which of ``rule``'s ``k`` conditions hold for which row."""
    out = np.zeros((table.overall.shape[0], len(rule.when)), dtype=bool)
    for k, cond in enumerate(rule.when):
        out[:, k] = condition_holds(_condition_values(table, cond), cond)
    return out


def _condition_values(table: ScoreTable, cond: Condition) -> np.ndarray:
    fa = table.arrays
    if cond.kind == "overall":
        return table.overall
    if cond.kind == "pillar":
        return table.pillars[:, fa.pillar_ids.index(cond.target)]
    return table.levels[:, fa.criterion_ids.index(cond.target)]


def condition_holds(values: np.ndarray, cond: Condition) -> np.ndarray:
    """Where ``cond`` holds for ``values`` (never where a value is NaN, i.e. not scored)."""
    v, t = values, cond.value
    res: np.ndarray
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
    out: np.ndarray = res & ~np.isnan(v)
    return out


def rule_hits(table: ScoreTable, rules: Sequence[Rule], framework: Framework,
              lang: str) -> dict[int, list[RuleHit]]:
    """Row → the rules that fired for it (in framework order), each with one reason in
    ``lang`` per condition that holds for the row; rows where nothing fired are left out.

    Works rule by rule over the rows where the rule fired (found with one vectorised mask),
    so no work is spent on rows and rules that did not fire.
    """
    by_row: dict[int, list[RuleHit]] = {}
    for rule in rules:
        held = condition_mask(table, rule)
        fired = held.any(axis=1) if rule.match == "any" else held.all(axis=1)
        rows = np.flatnonzero(fired).tolist()
        if not rows:
            continue
        name = text(rule.name, lang)
        kind = getattr(rule, "kind", "deal_breaker")
        parts = [_reasons(table, cond, rows, framework, lang) for cond in rule.when]
        holds = held[rows].tolist()
        for k, row in enumerate(rows):
            reasons = [p[k] for p, held in zip(parts, holds[k], strict=True) if held]
            by_row.setdefault(row, []).append(RuleHit(rule.id, name, kind, reasons))
    return by_row


def _reasons(table: ScoreTable, cond: Condition, rows: list[int], framework: Framework,
             lang: str) -> list[str]:
    """``cond``'s reason for each of ``rows``: what is compared, its value and the bound."""
    if cond.kind == "overall":
        label = "Overall" if lang == "en" else "总分"
    elif cond.kind == "pillar":
        label = text(framework.pillar(cond.target).name, lang)
    else:
        label = text(framework.criterion(cond.target).name, lang)
    bound = f"({_SYMBOLS[cond.op]} {bound_text(cond.value)})"
    # an ``any`` rule fires on rows where some of its conditions are unscored (NaN): those
    # reasons are written but left out of the hit
    shown = (lambda v: "–" if v != v else str(int(v))) if cond.kind == "criterion" else fixed
    # the values are few (levels, and scores a few levels make): each reason is written once
    # and shared by the rows that have it
    reasons: dict[float, str] = {}
    return [reasons[v] if v in reasons else reasons.setdefault(v, f"{label} {shown(v)} {bound}")
            for v in _condition_values(table, cond)[rows].tolist()]


def bound_text(x: float) -> str:
    """A rule's bound as written: 62.5, 30 (no trailing zeros)."""
    return fixed(x).rstrip("0").rstrip(".") if abs(x - round(x)) > 1e-9 else f"{x:.0f}"
