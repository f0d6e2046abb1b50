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

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import overload

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


def at_rank(row: RankedStartup, rank: int) -> RankedStartup:
    """``row`` at ``rank``: itself when it has that rank, else a shallow copy (rows are frozen;
    ``dataclasses.replace`` takes ten times longer)."""
    if row.rank == rank:
        return row
    moved = object.__new__(RankedStartup)
    fields = row.__dict__.copy()
    fields["rank"] = rank
    object.__setattr__(moved, "__dict__", fields)
    return moved


class RankedRows(Sequence[RankedStartup]):
    """A ranking's rows, best first: each row is read with the rank of its place.

    The rows are kept as they were made, so a row may hold the rank it had in an earlier
    ranking (a startup that an edited one passed keeps its object: see
    :mod:`models.engine.ranking_cache`); reading it gives it its place's rank. An edit that
    moves one startup past thousands therefore renumbers none of them."""

    __slots__ = ("_rows",)

    def __init__(self, rows: list[RankedStartup]) -> None:
        self._rows = rows

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, index: int) -> RankedStartup: ...

    @overload
    def __getitem__(self, index: slice) -> list[RankedStartup]: ...

    def __getitem__(self, index: int | slice) -> RankedStartup | list[RankedStartup]:
        if isinstance(index, slice):
            return [at_rank(self._rows[i], i + 1) for i in range(*index.indices(len(self)))]
        i = index + len(self._rows) if index < 0 else index
        return at_rank(self._rows[index], i + 1)

    def __iter__(self) -> Iterator[RankedStartup]:
        for i, row in enumerate(self._rows, start=1):
            yield row if row.rank == i else at_rank(row, i)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, RankedRows | list):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other,
                                                                         strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def stored(self) -> list[RankedStartup]:
        """The rows as kept (their ``rank`` may be an earlier one): for building the next
        ranking from this one."""
        return self._rows


_serials = itertools.count(1)


@dataclass(frozen=True)
class RankingDelta:
    """How a ranking differs from the one it was brought up to date from (the one numbered
    ``base``): the document rows of the startups ranked again; every other startup's row is
    the same, only its rank may differ (read it from :attr:`Ranking.ranks`)."""

    base: int
    rows: tuple[int, ...]


@dataclass(frozen=True, eq=False)
class Ranking:
    """Rows best first; ``view`` and ``table`` hold every startup in document order, and
    ``ranks`` each one's rank (by document row). ``serial`` numbers the rankings made;
    ``delta`` says what changed since an earlier one, when it was brought up to date."""

    perspective: Perspective
    ignore_gates: bool
    scenario: Scenario | None
    rows: RankedRows
    view: PerspectiveLevels
    table: ScoreTable
    ranks: np.ndarray
    serial: int = field(default_factory=lambda: next(_serials))
    delta: RankingDelta | None = None

    def row_at(self, doc_row: int) -> RankedStartup:
        """The row of the startup at ``doc_row`` of the portfolio (document order)."""
        rank = int(self.ranks[doc_row])
        return at_rank(self.rows.stored()[rank - 1], rank)


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
    ranks = np.empty(len(order), dtype=np.intp)
    ranks[order] = np.arange(1, len(order) + 1, dtype=np.intp)
    return Ranking(view.perspective, ignore_gates, scenario, RankedRows(rows), view, table,
                   ranks)


def _floats(values: np.ndarray) -> list[float | None]:
    return [None if v != v else float(v) for v in values.tolist()]


def sort_key(overall: float | None, gated: bool, completeness: float, name: str,
             sid: str) -> tuple[int, float, float, str, str]:
    """The key a ranking sorts startups by (see the module notes): ungated, then gated (pass
    ``gated=False`` to ignore gates), then unscored; then overall, completeness, name, id."""
    group = 2 if overall is None else (1 if gated else 0)
    score = 0.0 if overall is None else -round(overall, TIE_DECIMALS)
    return group, score, -round(completeness, TIE_DECIMALS), name.casefold(), sid
