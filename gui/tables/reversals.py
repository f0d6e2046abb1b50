"""The Sensitivity tab's table: one rank-reversal point per row, the pillar whose growing share
changes the portfolio's leader, the share now and at the change, the leader before and the new
one (:class:`models.analysis.reversals.SensitivityData`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from gui.tables.base import Column, ReadOnlyTableModel
from gui.tables.roles import AssessmentIdRole, SortRole
from models.analysis.reversals import SensitivityData
from models.analysis.sensitivity import Reversal
from models.core.rounding import percent


class ReversalsModel(ReadOnlyTableModel):
    """One row per rank-reversal point: Pillar, Current share, Leader changes at, Leader
    before, New leader.

    ``DisplayRole`` shows shares as percentages; ``SortRole`` gives raw values;
    ``AssessmentIdRole`` the new leader's assessment id.
    """

    PILLAR, CURRENT, AT, BEFORE, NEW = range(5)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = self._columns()
        self._data: SensitivityData | None = None
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

    def set_data(self, data: SensitivityData | None) -> None:
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
        if role == AssessmentIdRole:
            return self._data.results[self._rows[row][0].new_leader].assessment_id
        v = self.value(row, column)
        if role == SortRole:
            return v.casefold() if isinstance(v, str) else v
        if role == Qt.ItemDataRole.DisplayRole:
            return percent(v, 1) if self.columns[column].numeric else v
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.BEFORE, self.NEW):
            return v
        return None
