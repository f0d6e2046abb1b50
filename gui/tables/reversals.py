"""The Sensitivity tab's data and table: the rank-reversal points among the startups ranked under
the perspective (for each pillar whose growing share changes the leader, the share now and at
the change, the leader before and the new one), and each startup's tornado.

The leader follows the ranking's gate rule (:func:`models.analysis.startups.ranking_reversals`,
the one analyze uses): while some scored startup is ungated, gated startups never lead
(with gates ignored they do). The figures come from the document's current ranking (its
scenario included), so they need no Monte Carlo and are cheap to recompute after every edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt

from gui.tables.base import Column, ReadOnlyTableModel
from gui.tables.roles import SortRole, StartupIdRole
from models.analysis.sensitivity import TORNADO_STEP, PillarSweep, Reversal
from models.analysis.sensitivity import tornado as tornado_of
from models.analysis.startups import ranking_reversals
from models.core.framework import Framework, text
from models.core.rounding import percent
from models.engine.arrays import FrameworkArrays
from models.engine.ranking import Ranking


@dataclass(frozen=True)
class StartupSensitivity:
    """A ranking's startups as the sensitivity functions need them (rows in document order).

    Attributes:
        ids, names: the startups. pillar_ids: ``k`` ids; pillar_names: display names.
        pillars: ``(n, k)`` pillar scores under the perspective (NaN = none);
            pillar_weight: ``(k,)`` (0 = off).
        sweeps: one :class:`models.analysis.sensitivity.PillarSweep` per enabled pillar, over
            the startups that may lead.
    """

    ids: list[str]
    names: list[str]
    pillar_ids: list[str]
    pillar_names: dict[str, str]
    pillars: np.ndarray
    pillar_weight: np.ndarray
    sweeps: list[PillarSweep]

    @classmethod
    def of(cls, ranking: Ranking, framework: Framework, lang: str = "en") -> StartupSensitivity:
        """Gather the data of ``ranking`` (scored with ``framework``), names in ``lang``."""
        fa = FrameworkArrays.of(framework)
        startups = ranking.view.startups
        return cls([s.id for s in startups], [s.name for s in startups], list(fa.pillar_ids),
                   {p.id: text(p.name, lang) for p in framework.pillars}, ranking.table.pillars,
                   np.asarray(fa.pillar_weight, dtype=float),
                   ranking_reversals(ranking, framework))

    def label(self, row: int) -> str:
        """The startup's name of a row."""
        return self.names[row]

    def row_of(self, startup_id: str) -> int:
        """The row of a startup, or -1."""
        return self.ids.index(startup_id) if startup_id in self.ids else -1

    @property
    def reversals(self) -> list[Reversal]:
        """Every leader change, pillar by pillar, by increasing share."""
        return [r for s in self.sweeps for r in s.reversals]

    def leader_now(self) -> int:
        """The row of the leader at the current weights, or -1 when nothing is scored."""
        return next((s.leader_now for s in self.sweeps if s.leader_now >= 0), -1)

    def tornado_rows(self, startup_id: str) -> dict[str, Any] | None:
        """The tornado of one startup: ``{"label", "base", "pillars": [(name, share,
        low_share, high_share, low, high), ...]}`` with each enabled pillar's share moved by
        :data:`~models.analysis.sensitivity.TORNADO_STEP`; None when the startup is not here
        or has no score."""
        row = self.row_of(startup_id)
        if row < 0 or np.isnan(self.pillars[row]).all():
            return None
        t = tornado_of(self.pillars[row:row + 1], self.pillar_weight, self.pillar_ids,
                       TORNADO_STEP)
        return {
            "label": self.label(row),
            "base": float(t.base[0]),
            "pillars": [(self.pillar_names[p], float(t.share[j]), float(t.low_share[j]),
                         float(t.high_share[j]), float(t.low[0, j]), float(t.high[0, j]))
                        for j, p in enumerate(t.pillar_ids)],
        }


class ReversalsModel(ReadOnlyTableModel):
    """One row per rank-reversal point: Pillar, Current share, Leader changes at, Leader
    before, New leader.

    ``DisplayRole`` shows shares as percentages; ``SortRole`` gives raw values;
    :data:`~gui.tables.roles.StartupIdRole` the new leader's startup id.
    """

    PILLAR, CURRENT, AT, BEFORE, NEW = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = self._columns()
        self._data: StartupSensitivity | None = None
        self._rows: list[tuple[Reversal, float]] = []

    def _columns(self) -> list[Column]:
        return [
            Column("pillar", self.tr("Pillar")),
            Column("current", self.tr("Share now"), "share",
                   self.tr("The pillar's current share of the enabled pillars' weight")),
            Column("at", self.tr("Leader changes at"), "share",
                   self.tr("As the pillar's share grows past this value (the other pillars "
                           "rescaled proportionally), the leader changes")),
            Column("before", self.tr("Leader before")),
            Column("new", self.tr("New leader")),
        ]

    def set_data(self, data: StartupSensitivity | None) -> None:
        """Show the reversals of ``data`` (a reset)."""
        self.beginResetModel()
        self._data = data
        self._rows = [] if data is None else [
            (r, s.current) for s in data.sweeps for r in s.reversals]
        self.endResetModel()

    def reversal(self, row: int) -> Reversal:
        """The reversal shown in ``row``."""
        return self._rows[row][0]

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell (text, or a share 0–1)."""
        assert self._data is not None
        r, current = self._rows[row]
        if column == self.PILLAR:
            return self._data.pillar_names.get(r.pillar, r.pillar)
        if column == self.CURRENT:
            return current
        if column == self.AT:
            return r.weight
        if column == self.BEFORE:
            return self._data.label(r.previous_leader)
        return self._data.label(r.new_leader)

    def row_count(self) -> int:
        return len(self._rows)

    def cell(self, row: int, column: int, role: int) -> Any:
        if self._data is None:
            return None
        if role == StartupIdRole:
            return self._data.ids[self._rows[row][0].new_leader]
        v = self.value(row, column)
        if role == SortRole:
            return v.casefold() if isinstance(v, str) else v
        if role == Qt.ItemDataRole.DisplayRole:
            return percent(v, 1) if self.columns[column].numeric else v
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.BEFORE, self.NEW):
            return v
        return None
