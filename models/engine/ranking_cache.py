"""The document's ranking of startups (:func:`models.engine.ranking.rank_startups`), kept between
changes and brought up to date one startup at a time.

Ranking 10,000 startups from scratch takes a few hundred milliseconds, far too long to repeat on
every key press. Most edits touch one startup (a score, a confidence, a name, an assessment's
date or role, a decision), and nothing of a startup's row depends on the other startups except
its position. So after such an edit only that startup is ranked again, alone (the same
function on a portfolio of one), and its row is moved to its place in the order with a binary
search. The ranks of the rows it passes change in the ranking's rank array only; their row
objects stay as they are (:class:`~models.engine.ranking.RankedRows` gives each the rank of
its place when read), so an edit costs the same at 500 startups as at 10,000. Every other
change (startups or assessments added or removed, weights, scenario, perspective, language)
ranks everything again.

A ranking handed out is never changed afterwards: an update builds a new
:class:`~models.engine.ranking.Ranking` (new arrays, the unchanged rows shared).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from models.core.framework import Scenario
from models.core.portfolio import CONFIDENCES, Portfolio
from models.engine.perspectives import PerspectiveLevels
from models.engine.ranking import (
    RankedRows,
    RankedStartup,
    Ranking,
    RankingDelta,
    rank_startups,
    sort_key,
)
from models.engine.scores import ScoreTable

#: More startups than this out of date at once: rank everything again instead.
INCREMENTAL_LIMIT = 64
#: The confidence code of "high", which pads stacked confidences (as in the perspectives).
_HIGH = CONFIDENCES.index("high")


@dataclass(frozen=True)
class RankingSettings:
    """What a ranking depends on besides the portfolio."""

    perspective: str
    scenario: Scenario | None
    ignore_gates: bool
    lang: str


class RankingCache:
    """The last ranking, the startups changed since, and the settings it was made with."""

    def __init__(self) -> None:
        self._ranking: Ranking | None = None
        self._keys: list[tuple[Any, ...]] = []
        self._key_of: dict[str, tuple[Any, ...]] = {}
        self._order: np.ndarray | None = None  # document rows, best first
        self._stale: set[str] = set()
        self._settings: RankingSettings | None = None

    def drop(self) -> None:
        """Forget the ranking: the next one is computed from scratch."""
        self._ranking = None
        self._stale.clear()

    def touch(self, startup_id: str) -> None:
        """One startup's row is out of date (its position too)."""
        if self._ranking is not None:
            self._stale.add(startup_id)

    def ranking(self, portfolio: Portfolio, settings: RankingSettings) -> Ranking:
        """The ranking of ``portfolio`` under ``settings``, brought up to date."""
        if self._ranking is not None and settings != self._settings:
            self.drop()
        if self._ranking is not None and self._stale:
            if len(self._stale) > INCREMENTAL_LIMIT:
                self.drop()
            else:
                try:
                    self._update(portfolio, settings)
                except (KeyError, IndexError):  # a startup gone: rank everything
                    self.drop()
        if self._ranking is None:
            self._ranking = rank_startups(portfolio, settings.perspective,
                                          scenario=settings.scenario,
                                          ignore_gates=settings.ignore_gates, lang=settings.lang)
            self._keys = [_key(r, settings.ignore_gates) for r in self._ranking.rows]
            self._order = None
            self._key_of = {r.startup_id: k for r, k in zip(self._ranking.rows, self._keys,
                                                             strict=True)}
            self._settings = settings
        return self._ranking

    def _update(self, portfolio: Portfolio, settings: RankingSettings) -> None:
        old = self._ranking
        assert old is not None
        rows, keys = list(old.rows.stored()), list(self._keys)
        order = np.array([r.row for r in rows], dtype=np.intp) if self._order is None \
            else self._order.copy()
        ranks = old.ranks.copy()
        view, table = _Arrays.of_view(old.view), _Arrays.of_table(old.table)
        changed = []
        for sid in sorted(self._stale):
            pos = bisect.bisect_left(keys, self._key_of[sid])
            doc_row = rows[pos].row
            st = portfolio.startups[doc_row]
            if st.id != sid:
                raise KeyError(sid)
            one = rank_startups(Portfolio.model_construct(framework=portfolio.framework,
                                                          startups=[st]),
                                settings.perspective, scenario=settings.scenario,
                                ignore_gates=settings.ignore_gates, lang=settings.lang)
            view.put(doc_row, one.view)
            table.put(doc_row, one.table)
            key = self._key_of[sid] = _key(one.rows[0], settings.ignore_gates)
            del rows[pos], keys[pos]
            at = bisect.bisect_left(keys, key)
            rows.insert(at, replace(one.rows[0], row=doc_row, rank=at + 1))
            keys.insert(at, key)
            _move(order, ranks, pos, at)
            changed.append(doc_row)
        self._stale.clear()
        self._keys, self._order = keys, order
        self._ranking = Ranking(old.perspective, old.ignore_gates, old.scenario,
                                RankedRows(rows), view.build(old.view), table.build(old.table),
                                ranks, delta=RankingDelta(old.serial, tuple(changed)))


def _move(order: np.ndarray, ranks: np.ndarray, pos: int, at: int) -> None:
    """The startup at place ``pos`` of ``order`` (document rows best first) moved to place
    ``at``: shift those between, and give each of them (and it) the rank of its new place."""
    moved = order[pos]
    if pos < at:
        order[pos:at] = order[pos + 1:at + 1]
    elif at < pos:
        order[at + 1:pos + 1] = order[at:pos]
    order[at] = moved
    lo, hi = min(pos, at), max(pos, at)
    ranks[order[lo:hi + 1]] = np.arange(lo + 1, hi + 2, dtype=ranks.dtype)


def _key(row: RankedStartup, ignore_gates: bool) -> tuple[Any, ...]:
    """The ranking's own order (:func:`models.engine.ranking.rank_startups`)."""
    return sort_key(row.overall, row.gated and not ignore_gates, row.completeness,
                    row.startup, row.startup_id)


class _Arrays:
    """Copies of a dataclass's array fields, to overwrite rows of before building a new one."""

    def __init__(self, arrays: dict[str, np.ndarray], others: dict[str, Any]) -> None:
        self.arrays = arrays
        self.others = others

    @classmethod
    def of_view(cls, view: PerspectiveLevels) -> _Arrays:
        names = ("levels", "confidence", "low", "high", "stacked", "stacked_confidence")
        return cls({n: getattr(view, n).copy() for n in names}, {"used": list(view.used)})

    @classmethod
    def of_table(cls, table: ScoreTable) -> _Arrays:
        names = ("levels", "favourability", "pillars", "overall", "completeness", "gains")
        return cls({n: getattr(table, n).copy() for n in names}, {})

    def put(self, row: int, one: Any) -> None:
        """Overwrite ``row`` with the only row of ``one`` (same kind of dataclass)."""
        for name, array in self.arrays.items():
            value = getattr(one, name)[0]
            if name.startswith("stacked"):
                array = self._widen(name, value.shape[0])
                fill = np.nan if name == "stacked" else _HIGH
                array[row] = fill
                array[row, :value.shape[0]] = value
            else:
                array[row] = value
        if "used" in self.others:
            self.others["used"][row] = one.used[0]

    def _widen(self, name: str, width: int) -> np.ndarray:
        """The stacked array, with room for ``width`` assessments per startup."""
        array = self.arrays[name]
        if array.shape[1] < width:
            pad = np.full((array.shape[0], width - array.shape[1], array.shape[2]),
                          np.nan if name == "stacked" else _HIGH, dtype=array.dtype)
            array = self.arrays[name] = np.concatenate([array, pad], axis=1)
        return array

    def build(self, old: Any) -> Any:
        """A copy of ``old`` with the overwritten arrays."""
        return replace(old, **self.arrays, **self.others)
