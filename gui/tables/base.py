"""The shared plumbing of Beachhead's flat tables (results, scenarios, uncertainty, gaps,
reversals, weights): a flat list of selectable rows; subclasses add editable cells."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

_Index = QModelIndex | QPersistentModelIndex


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat table model; subclasses give :meth:`row_count`, :meth:`column_count`,
    ``data`` and ``headerData``."""

    def row_count(self) -> int:
        """Number of rows shown."""
        return 0

    def column_count(self) -> int:
        """Number of columns shown."""
        return 0

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Rows of the (flat) table; none under a valid parent."""
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Columns of the (flat) table; none under a valid parent."""
        return 0 if parent.isValid() else self.column_count()

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Cells are enabled and selectable, never editable, never parents."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren
