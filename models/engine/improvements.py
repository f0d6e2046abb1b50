"""Improvements: what would raise the overall score most, starting with what lifts each
triggered deal-breaker.

* **Fixes** come first, rule by rule in framework order, then condition by condition, one
  for each condition that holds for the row. A rule fires only when all its conditions hold,
  so breaking any one of them lifts it (a rule whose ``match`` is ``any`` is lifted when every
  condition that holds is broken): each
  condition on a criterion level gives the nearest level at which it no longer holds (runway
  at 1 under "runway ≤ 1" → raise runway to 2). A condition on a pillar or the overall score
  gives the smallest one-criterion move that breaks it (fewest levels moved, then the larger
  gain, then framework order); when no single move can, the entry says what score the pillar
  or overall needs instead (:attr:`Improvement.needs`).
* **Ordinary improvements** follow: the :data:`TOP_IMPROVEMENTS` criteria whose move by one
  level in the startup's favour would raise the overall most, leaving out criteria a fix
  already moves; equal gains keep the framework's order of criteria.

Every gain is the exact change of the overall score, by re-scoring the moved levels.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from models.core.framework import Condition, Framework, Rule, text
from models.engine.rules import (
    RULE_TOLERANCE,
    RuleHit,
    bound_text,
    condition_holds,
    condition_mask,
)
from models.engine.scores import ScoreTable, score_levels

#: How many ordinary improvements a result lists (after the fixes of its deal-breakers).
TOP_IMPROVEMENTS = 3

_NEGATED = {"<": "≥", "<=": ">", ">": "≤", ">=": "<", "==": "≠"}


@dataclass(frozen=True)
class Improvement:
    """Moving ``criterion`` from ``from_level`` to ``to_level`` raises the overall by ``gain``.

    ``fixes`` names the deal-breaker this move lifts (None for an ordinary improvement).
    ``needs`` is set instead of a move when no single criterion can lift it: what the pillar or
    overall must reach (e.g. "Alpha > 30"); then ``criterion`` is the rule's reference
    ("pillar:ID" or "overall"), the levels are 0 and the gain 0.
    """

    criterion: str
    name: str
    from_level: int
    to_level: int
    gain: float
    fixes: str | None = None
    needs: str | None = None


def improvements(table: ScoreTable, framework: Framework, breakers: dict[int, list[RuleHit]],
                 lang: str) -> list[list[Improvement]]:
    """Every row's improvements: the fixes of its deal-breakers, then the best ordinary ones."""
    rules = {r.id: r for r in framework.deal_breakers}
    fixes = _fixes(table, framework, [(row, rules[h.id], h.name) for row, hits in
                                      breakers.items() for h in hits], lang)
    out = _ordinary(table, framework, lang, TOP_IMPROVEMENTS, None)
    if fixes:
        # a fix's criterion is left out of the ordinary ones: those rows need more candidates
        rows = sorted(fixes)
        extra = max(len(f) for f in fixes.values())
        wider = _ordinary(table, framework, lang, TOP_IMPROVEMENTS + extra, rows)
        for row, best in zip(rows, wider, strict=True):
            fx = fixes[row]
            moved = {f.criterion for f in fx}
            out[row] = fx + [i for i in best if i.criterion not in moved][:TOP_IMPROVEMENTS]
    return out


def _ordinary(table: ScoreTable, framework: Framework, lang: str, count: int,
              rows: list[int] | None) -> list[list[Improvement]]:
    """The ``count`` best one-level moves of each of ``rows`` (``None``: every row) at once:
    best gains first, ties in framework order; only those that raise the overall."""
    gains, levels = table.gains, table.levels
    if rows is not None:
        gains, levels = gains[rows], levels[rows]
    gains = np.nan_to_num(gains, nan=-1.0)
    top_index = np.argsort(-gains, axis=1, kind="stable")[:, :count]
    top_gain = np.take_along_axis(gains, top_index, axis=1).tolist()
    top_level = np.take_along_axis(np.nan_to_num(levels), top_index, axis=1).tolist()
    step = np.where(table.arrays.benefit, 1, -1).tolist()
    crits = framework.criteria
    ids = [c.id for c in crits]
    names = [text(c.name, lang) for c in crits]
    return [
        [Improvement(ids[c], names[c], int(lv), int(lv) + step[c], g)
         for c, g, lv in zip(cols, row_gains, row_levels, strict=True) if g > 0]
        for cols, row_gains, row_levels in zip(top_index.tolist(), top_gain, top_level,
                                               strict=True)
    ]


def _fixes(table: ScoreTable, framework: Framework, fired: list[tuple[int, Rule, str]],
           lang: str) -> dict[int, list[Improvement]]:
    """Row → one fix per condition that holds of each deal-breaker that fired for it (see the
    module's docstring). The gains of every move are scored together, in one matrix."""
    fa = table.arrays
    column = {cid: i for i, cid in enumerate(fa.criterion_ids)}
    planned: list[tuple[int, str, Condition, tuple[int, int] | None]] = []
    held = {rule.id: condition_mask(table, rule) for _, rule, _ in fired}
    for row, rule, name in fired:
        levels = table.levels[row]
        for cond, holds in zip(rule.when, held[rule.id][row].tolist(), strict=True):
            if not holds:
                continue  # an ``any`` rule's condition that does not hold needs no fix
            if cond.kind == "criterion":
                col = column[cond.target]
                to = escape_level(cond, int(levels[col]), bool(fa.benefit[col]))
                move = None if to is None else (col, to)
            else:
                moves = _smallest_move(table, row, cond)
                move = moves[0] if moves else None
            planned.append((row, name, cond, move))
    moved = [(row, move) for row, _, _, move in planned if move is not None]
    levels = table.levels[[row for row, _ in moved]]
    levels[np.arange(len(moved)), [col for _, (col, _) in moved]] = [to for _, (_, to) in moved]
    after = score_levels(levels, fa).overall.tolist() if moved else []
    gains = iter(after)
    out: dict[int, list[Improvement]] = {}
    for row, name, cond, move in planned:
        fx = out.setdefault(row, [])
        if move is not None:
            col, to = move
            crit = framework.criteria[col]
            fx.append(Improvement(crit.id, text(crit.name, lang), int(table.levels[row, col]),
                                  to, float(next(gains) - table.overall[row]), fixes=name))
        elif cond.kind != "criterion":
            fx.append(Improvement(cond.ref, "", 0, 0, 0.0, fixes=name,
                                  needs=_needs(cond, framework, lang)))
    return out


def escape_level(cond: Condition, level: int, benefit: bool) -> int | None:
    """The level nearest ``level`` at which criterion condition ``cond`` no longer holds, or
    None when no level 1–5 escapes it. For ``==`` the move goes in the startup's favour
    unless ``level`` is already the best."""
    v = cond.value
    match cond.op:
        case "<=":
            to = math.floor(v + RULE_TOLERANCE) + 1
        case "<":
            to = math.ceil(v - RULE_TOLERANCE)
        case ">=":
            to = math.ceil(v - RULE_TOLERANCE) - 1
        case ">":
            to = math.floor(v + RULE_TOLERANCE)
        case _:
            up = level + 1 if level < 5 else level - 1
            down = level - 1 if level > 1 else level + 1
            to = up if benefit else down
    return to if 1 <= to <= 5 else None


def _smallest_move(table: ScoreTable, row: int, cond: Condition) -> list[tuple[int, int]]:
    """The one-criterion move that breaks a pillar or overall condition with the fewest levels
    moved (then the larger gain, then framework order); empty when none does."""
    levels = table.levels[row]
    moves = [(c, to) for c in np.flatnonzero(~np.isnan(levels)).tolist()
             for to in range(1, 6) if to != int(levels[c])]
    if not moves:
        return []
    moved = _moved(table, row, moves)
    if cond.kind == "overall":
        values = moved.overall
    else:
        values = moved.pillars[:, table.arrays.pillar_ids.index(cond.target)]
    broken = (~condition_holds(values, cond)).tolist()
    gains = moved.overall.tolist()
    ok = [(abs(to - int(levels[c])), -gains[k], c, to)
          for k, (c, to) in enumerate(moves) if broken[k]]
    return [min(ok)[2:]] if ok else []


def _moved(table: ScoreTable, row: int, moves: list[tuple[int, int]]) -> ScoreTable:
    """Scores of ``row`` with each move applied alone (one row per move)."""
    levels = np.repeat(table.levels[row][None, :], len(moves), axis=0)
    for k, (col, to) in enumerate(moves):
        levels[k, col] = to
    return score_levels(levels, table.arrays)


def _needs(cond: Condition, framework: Framework, lang: str) -> str:
    """What a pillar or overall condition needs to stop holding, e.g. "Alpha > 30"."""
    if cond.kind == "overall":
        label = "Overall" if lang == "en" else "总分"
    else:
        label = text(framework.pillar(cond.target).name, lang)
    return f"{label} {_NEGATED[cond.op]} {bound_text(cond.value)}"
