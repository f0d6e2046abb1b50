"""Tables that sort and filter themselves with numpy, so sorting 10,000 rows costs milliseconds.

A :class:`QSortFilterProxyModel` compares rows one pair at a time through ``lessThan``, each
comparison asking the source for two values: about 130,000 calls for 10,000 rows, a second in
Python. A :class:`SortedRowsModel` instead keeps its rows in a fixed *source* order, gives one
numpy array of sort keys per column (:meth:`SortedRowsModel.sort_keys`), and shows them through
an order computed by one ``numpy.lexsort``: the views call :meth:`sort` (a header click), which
emits ``layoutChanged`` with the persistent indexes (selection, current row) carried along.

Filtering is a boolean mask over the source rows (:meth:`SortedRowsModel.set_visible`). Empty
values (NaN keys) always sort last, whichever way a column is sorted; equal keys keep the order
of :meth:`SortedRowsModel.tie_keys` (the source order unless a subclass says otherwise).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt

from gui.tables.base import ReadOnlyTableModel


class SortedRowsModel(ReadOnlyTableModel):
    """A flat table over ``source_count()`` source rows, shown filtered and sorted.

    Subclasses give :meth:`source_count`, :meth:`source_cell` and :meth:`sort_keys`, and call
    :meth:`reorder` after their values change (it sorts again and emits ``layoutChanged``) or
    wrap a change of the rows themselves in ``beginResetModel``/``endResetModel`` followed by
    :meth:`rebuild_order` (inside the reset).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._order = np.zeros(0, dtype=np.intp)  # view row → source row
        self._where = np.zeros(0, dtype=np.intp)  # source row → view row (-1 hidden)
        self._visible: np.ndarray | None = None
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder

    # -- to give --------------------------------------------------------------------------
    def source_count(self) -> int:
        """How many source rows there are."""
        return 0

    def source_cell(self, source_row: int, column: int, role: int) -> Any:
        """The data of a cell, by source row."""
        return None

    def sort_keys(self, column: int) -> np.ndarray:
        """``(source_count,)`` float keys of a column, NaN for empty values (text columns give
        each value's position in alphabetical order)."""
        return np.full(self.source_count(), np.nan)

    def tie_keys(self) -> np.ndarray:
        """``(source_count,)`` keys ordering rows whose sort keys are equal."""
        return np.arange(self.source_count())

    def filter_mask(self) -> np.ndarray | None:
        """The source rows the model's filter lets through now (``None``: every row)."""
        return None

    # -- rows -----------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._order)

    def cell(self, row: int, column: int, role: int) -> Any:
        return self.source_cell(int(self._order[row]), column, role)

    def source_row(self, row: int) -> int:
        """The source row shown in view row ``row``."""
        return int(self._order[row])

    def view_row(self, source_row: int) -> int:
        """The view row of a source row, or -1 when it is filtered out (or out of range)."""
        if 0 <= source_row < len(self._where):
            return int(self._where[source_row])
        return -1

    def shown_source_rows(self) -> np.ndarray:
        """The source rows shown, in view order."""
        return self._order.copy()

    # -- filtering and sorting ------------------------------------------------------------
    def set_visible(self, mask: np.ndarray | None) -> None:
        """Show only the source rows where ``mask`` is true (``None``: every row); a reset."""
        if mask is None and self._visible is None:
            return
        if mask is not None and self._visible is not None and np.array_equal(mask,
                                                                             self._visible):
            return
        self.beginResetModel()
        self._visible = None if mask is None else np.asarray(mask, dtype=bool).copy()
        self.rebuild_order()
        self.endResetModel()

    def refilter(self) -> bool:
        """Values changed: filter and sort again. When other rows now pass the filter this is
        a reset (returns True); else the rows move, persistent indexes with them."""
        mask = self.filter_mask()
        if (mask is None) != (self._visible is None) or (
                mask is not None and self._visible is not None
                and not np.array_equal(mask, self._visible)):
            self.set_visible(mask)
            return True
        before = self._order
        self.rebuild_order()
        if not np.array_equal(before, self._order):
            self._order = before  # reorder() moves the persistent indexes from here
            self.reorder()
        return False

    def visible_mask(self) -> np.ndarray | None:
        """The filter's mask over the source rows (``None``: every row shown)."""
        return None if self._visible is None else self._visible.copy()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows by ``column`` (what a header click asks for); -1 keeps source order."""
        self.sort_column, self.sort_order = column, order
        self.reorder()

    def reorder(self) -> None:
        """Sort again (after values changed), moving the persistent indexes along."""
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        sources = [(int(self._order[p.row()]), p.column()) for p in persistent]
        self.rebuild_order()
        moved: list[QModelIndex | QPersistentModelIndex] = []
        for src, col in sources:
            row = self.view_row(src)
            moved.append(self.index(row, col) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(persistent, moved)  # type: ignore[arg-type]
        self.layoutChanged.emit()

    def rebuild_order(self) -> None:
        """Compute the view order from the mask and the sort column (no signal)."""
        n = self.source_count()
        rows = np.arange(n, dtype=np.intp)
        if self._visible is not None and len(self._visible) == n:
            rows = rows[self._visible]
        if n and 0 <= self.sort_column < self.columnCount():
            keys = np.asarray(self.sort_keys(self.sort_column), dtype=float)[rows]
            empty = np.isnan(keys)
            keys = np.where(empty, 0.0, keys)
            if self.sort_order == Qt.SortOrder.DescendingOrder:
                keys = -keys
            rows = rows[np.lexsort((self.tie_keys()[rows], keys, empty))]
        self._order = rows
        self._where = np.full(n, -1, dtype=np.intp)
        self._where[rows] = np.arange(len(rows), dtype=np.intp)


def text_keys(values: list[str]) -> np.ndarray:
    """Sort keys of texts: each one's position in alphabetical order ignoring case (equal
    texts share a key); empty texts are NaN, so they sort last."""
    folded = [v.casefold() for v in values]
    distinct = sorted({f for f in folded if f})
    place = {f: float(i) for i, f in enumerate(distinct)}
    return np.array([place.get(f, np.nan) for f in folded], dtype=float)
