"""The Gaps tab's table: one criterion of a startup per row, its founder and investor levels,
the gap between them, the spread of the chosen assessors and their consensus
(:class:`models.analysis.gaps.GapRow`)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from gui.tables.base import Column, ReadOnlyTableModel
from gui.widgets.palette import WARNING_BG, WARNING_FG
from models.analysis.gaps import GapRow


class GapsTableModel(ReadOnlyTableModel):
    """The Gaps table: Criterion, Founder, Investor, Gap, Spread, Consensus.

    Gaps read ``+2`` / ``−1`` (investor − founder); a spread of two levels or more reads
    ``⚠ 3`` in the warning colours, with every assessor's level in its tooltip.
    """

    CRITERION, FOUNDER, INVESTOR, GAP, SPREAD, CONSENSUS = range(6)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = self._columns()
        self._rows: list[GapRow] = []

    def _columns(self) -> list[Column]:
        return [
            Column("name", self.tr("Criterion")),
            Column("founder", self.tr("Founder"), "number"),
            Column("investor", self.tr("Investor"), "number"),
            Column("gap", self.tr("Gap"), "number",
                   self.tr("Investor level minus founder level")),
            Column("spread", self.tr("Spread"), "number",
                   self.tr("Highest minus lowest level among the chosen assessors; ⚠ marks two "
                           "levels or more")),
            Column("consensus", self.tr("Consensus"), "number",
                   self.tr("Median level of the chosen assessors (on an even count, the middle "
                           "level less favourable to the startup)")),
        ]

    def set_rows(self, rows: list[GapRow]) -> None:
        """Show ``rows`` (a reset)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row(self, row: int) -> GapRow:
        """The :class:`~models.analysis.gaps.GapRow` shown in ``row``."""
        return self._rows[row]

    def row_count(self) -> int:
        return len(self._rows)

    def cell(self, row: int, column: int, role: int) -> Any:
        r = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, column)
        if r.flagged and column in (self.GAP, self.SPREAD):
            if role == Qt.ItemDataRole.ForegroundRole:
                return WARNING_FG
            if role == Qt.ItemDataRole.BackgroundRole:
                return WARNING_BG
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.CRITERION:
                return f"{r.name} ({r.pillar})"
            if column in (self.SPREAD, self.CONSENSUS) and r.levels:
                return "\n".join(f"{who}: {level}" for who, level in r.levels)
        return None

    def _display(self, r: GapRow, column: int) -> str:
        v = getattr(r, self.columns[column].key)
        if column == self.GAP:
            if v is None:
                return "–"
            return f"{v:+d}".replace("-", "−") if v else "0"
        if column == self.SPREAD:
            return f"⚠ {v}" if r.flagged else str(v)
        if column == self.CRITERION:
            return str(v)
        return "–" if v is None else str(v)
