"""The table of a scenario preview: each startup's rank without and with the scenario being
edited, the change, and the exposure rules that hit it. Startups that move come first, the
biggest moves first (then by their rank under the scenario); the others follow by rank.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from gui.i18n import list_separator
from models.engine.rule_preview import RankChange

_UP = QColor("#1f7a3a")
_DOWN = QColor("#b3261e")


def ordered(changes: list[RankChange]) -> list[RankChange]:
    """``changes`` in the table's order (see the module notes)."""
    return sorted(changes, key=lambda c: (c.change == 0, -abs(c.change), c.rank_after))


class RankChangeModel(QAbstractTableModel):
    """Rows of :class:`~models.engine.rule_preview.RankChange` (see the module notes)."""

    def __init__(self, lang: str = "en") -> None:
        super().__init__()
        self.rows: list[RankChange] = []
        self.lang = lang

    def set_changes(self, changes: list[RankChange]) -> None:
        """Show ``changes`` (in the table's order)."""
        self.beginResetModel()
        self.rows = ordered(changes)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Startup"), self.tr("Rank now"), self.tr("With scenario"),
                self.tr("Change"), self.tr("Exposure rules that hold"))[section]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole and col in (0, 4):
            return self._text(row, col) or None
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and row.change:
            return _UP if row.change > 0 else _DOWN
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (1, 2, 3):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _text(self, row: RankChange, col: int) -> str:
        if col == 0:
            return row.startup
        if col == 1:
            return str(row.rank_before)
        if col == 2:
            return str(row.rank_after)
        if col == 3:
            return "–" if row.change == 0 else \
                f"▲ {row.change}" if row.change > 0 else f"▼ {-row.change}"
        return list_separator(self.lang).join(row.exposure)
