"""The document's ranking of startups (:func:`models.engine.ranking.rank_startups`), kept between
changes and brought up to date one startup at a time.

Ranking 10,000 startups from scratch takes a few hundred milliseconds, far too long to repeat on
every key press. Most edits touch one startup (a score, a confidence, a name, an assessment's
date or role, a decision), and nothing of a startup's row depends on the other startups except
its position. So after such an edit only that startup is ranked again, alone (the same
function on a portfolio of one), and its row is moved to its place in the order with a binary
search; the rows it passes get their new rank. Every other change (startups or assessments
added or removed, weights, scenario, perspective, language) ranks everything again.

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
from models.engine.ranking import RankedStartup, Ranking, rank_startups, sort_key
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
            self._key_of = {r.startup_id: k for r, k in zip(self._ranking.rows, self._keys,
                                                             strict=True)}
            self._settings = settings
        return self._ranking

    def _update(self, portfolio: Portfolio, settings: RankingSettings) -> None:
        old = self._ranking
        assert old is not None
        rows, keys = list(old.rows), list(self._keys)
        view, table = _Arrays.of_view(old.view), _Arrays.of_table(old.table)
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
            _renumber(rows, min(pos, at), max(pos, at), skip=at)
        self._stale.clear()
        self._keys = keys
        self._ranking = Ranking(old.perspective, old.ignore_gates, old.scenario, rows,
                                view.build(old.view), table.build(old.table))


def _renumber(rows: list[RankedStartup], lo: int, hi: int, skip: int) -> None:
    """Give ``rows[lo..hi]`` (inclusive) the ranks of their places, except the row at ``skip``
    (made with its rank). A row's key does not hold its rank, so the keys stay as they are."""
    new = [row if i == skip or row.rank == i + 1 else _ranked(row, i + 1)
           for i, row in enumerate(rows[lo:hi + 1], lo)]
    rows[lo:hi + 1] = new


def _ranked(row: RankedStartup, rank: int) -> RankedStartup:
    """``row`` at another rank: a shallow copy (rows are frozen; ``dataclasses.replace`` and
    ``copy.copy`` take ten times longer, which counts when a startup passes thousands of
    others)."""
    moved = object.__new__(RankedStartup)
    fields = row.__dict__.copy()
    fields["rank"] = rank
    object.__setattr__(moved, "__dict__", fields)
    return moved


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
