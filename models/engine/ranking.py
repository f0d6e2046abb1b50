"""Ranking startups under a perspective (:mod:`models.engine.perspectives`), gated ones last.

Each startup's perspective levels are scored by the engine (:mod:`models.engine.scores`,
deal-breakers by :mod:`models.engine.rules`), with a scenario applied to the levels if asked.
A startup with a triggered deal-breaker is **gated**. The order:

1. ungated startups by overall score, highest first;
2. then gated startups, by overall score (with ``ignore_gates`` these rank among the ungated
   ones, by overall alone; they are still marked gated);
3. then unscored startups (nothing scored under the perspective).

Ties (overall scores equal to 9 decimals) go to the higher completeness, then to the name in
alphabetical order ignoring case, then to the startup id. Ranks are positions 1, 2, 3, …

Each row carries the startup's current decision status and the decision the framework's
thresholds suggest for its overall score and gate (:mod:`models.core.decisions`).

``founder_gap`` is the overall under the perspective minus the overall under the founder view
(the same scenario), ``None`` when either is missing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.core.decisions import suggest_decision
from models.core.framework import Framework, Scenario
from models.core.portfolio import Portfolio
from models.engine.perspectives import Perspective, PerspectiveLevels, perspective_levels
from models.engine.rules import rule_hits
from models.engine.scenarios import apply_scenario
from models.engine.scores import ScoreTable, score_levels

#: Overall scores are compared rounded to this many decimals, so equal scores tie.
TIE_DECIMALS = 9


@dataclass(frozen=True)
class RankedStartup:
    """One startup's row of a ranking.

    Attributes:
        rank: position 1… in the ranking.
        row: the startup's index in the portfolio (document order).
        gated: a deal-breaker fired; deal_breakers: their names.
        overall, pillars: 0–100, ``None`` when nothing relevant is scored.
        completeness: 0–1. assessments: how many assessments the view is made of.
        founder_gap: overall minus the founder view's overall, or ``None``.
        status: the current decision's status, ``None`` when no decision was taken.
        suggested: ``pursue``, ``watch`` or ``pass`` from the thresholds (``None`` unscored).
    """

    rank: int
    row: int
    startup_id: str
    startup: str
    gated: bool
    deal_breakers: list[str]
    overall: float | None
    pillars: dict[str, float | None]
    completeness: float
    assessments: int
    founder_gap: float | None
    status: str | None
    suggested: str | None


@dataclass(frozen=True)
class Ranking:
    """Rows best first; ``view`` and ``table`` hold every startup in document order."""

    perspective: Perspective
    ignore_gates: bool
    scenario: Scenario | None
    rows: list[RankedStartup]
    view: PerspectiveLevels
    table: ScoreTable


def score_view(view: PerspectiveLevels, framework: Framework,
               scenario: Scenario | None = None) -> ScoreTable:
    """The engine's scores of a perspective's levels, with ``scenario`` applied."""
    return score_levels(apply_scenario(view.levels, framework, scenario), framework)


def rank_startups(portfolio: Portfolio, perspective: Perspective | str = "investor", *,
                  scenario: Scenario | str | None = None, ignore_gates: bool = False,
                  lang: str = "en") -> Ranking:
    """Rank ``portfolio``'s startups under ``perspective`` (see the module notes).

    Raises:
        ValueError: an unknown perspective name. KeyError: an unknown scenario.
    """
    fw = portfolio.framework
    if isinstance(scenario, str):
        scenario = fw.scenario(scenario)
    view = perspective_levels(portfolio.startups, fw, perspective)
    table = score_view(view, fw, scenario)
    founder = table if view.perspective.kind == "founder" else score_view(
        perspective_levels(portfolio.startups, fw, "founder"), fw, scenario)
    breakers = rule_hits(table, fw.deal_breakers, fw, lang)
    overall, founder_overall = _floats(table.overall), _floats(founder.overall)
    pillars = table.pillars.tolist()
    completeness = table.completeness.tolist()
    count = view.count.tolist()
    order = sorted(range(len(view.startups)), key=lambda i: sort_key(
        overall[i], bool(breakers.get(i)) and not ignore_gates, completeness[i],
        view.startups[i].name, view.startups[i].id))
    rows = []
    for rank, i in enumerate(order, start=1):
        st = view.startups[i]
        ov, fo = overall[i], founder_overall[i]
        gated = bool(breakers.get(i))
        rows.append(RankedStartup(
            rank=rank, row=i, startup_id=st.id, startup=st.name, gated=gated,
            deal_breakers=[h.name for h in breakers.get(i, [])], overall=ov,
            pillars={p: None if v != v else v
                     for p, v in zip(table.arrays.pillar_ids, pillars[i], strict=True)},
            completeness=completeness[i], assessments=count[i],
            founder_gap=None if ov is None or fo is None else ov - fo,
            status=st.decision.status if st.decision else None,
            suggested=suggest_decision(ov, gated, fw.decision_thresholds),
        ))
    return Ranking(view.perspective, ignore_gates, scenario, rows, view, table)


def _floats(values: np.ndarray) -> list[float | None]:
    return [None if v != v else float(v) for v in values.tolist()]


def sort_key(overall: float | None, gated: bool, completeness: float, name: str,
             sid: str) -> tuple[int, float, float, str, str]:
    """The key a ranking sorts startups by (see the module notes): ungated, then gated (pass
    ``gated=False`` to ignore gates), then unscored; then overall, completeness, name, id."""
    group = 2 if overall is None else (1 if gated else 0)
    score = 0.0 if overall is None else -round(overall, TIE_DECIMALS)
    return group, score, -round(completeness, TIE_DECIMALS), name.casefold(), sid
