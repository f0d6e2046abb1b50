"""The sort/filter proxy in front of the tables whose rows are assessments (results, scenario
deltas, uncertainty): the Compare view's filter box, role filter and "deal-breakers only" apply
to each through one of these."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol, cast

from PySide6.QtCore import QAbstractItemModel, QObject, QSortFilterProxyModel, Qt

from gui.tables.base import Index
from gui.tables.roles import SortRole
from models.engine.results import Result


class RowSource(Protocol):
    """What :class:`ResultsFilterProxy` needs of its source model: one assessment per row."""

    def result(self, row: int) -> Result: ...

    def search_text(self, row: int) -> str: ...

    def sort_key(self, row: int, column: int) -> Any: ...


class ResultsFilterProxy(QSortFilterProxyModel):
    """Sorts rows by raw value (empty values always last) and filters them by a text fragment
    (startup, assessor, posture or deal-breaker names), by assessor role and, optionally, to
    the rows that trigger a deal-breaker.

    The source is any model with one assessment per row that offers the :class:`RowSource`
    methods (a :class:`~gui.tables.base.ResultRowsModel`).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._role = ""
        self._deal_breakers_only = False
        self._source: RowSource | None = None
        self.setSortRole(SortRole)
        self.setDynamicSortFilter(True)

    # -- filter settings ------------------------------------------------------------------------
    def set_text(self, fragment: str) -> None:
        """Show only rows whose startup, assessor or postures contain ``fragment`` (any case)."""
        fragment = fragment.strip().casefold()
        if fragment != self._text:
            self._change_filter(lambda: setattr(self, "_text", fragment))

    def set_role(self, role: str) -> None:
        """Show only assessments by this role (``founder``, ``investor``, ``other``; '' = all)."""
        if role != self._role:
            self._change_filter(lambda: setattr(self, "_role", role))

    def set_deal_breakers_only(self, on: bool) -> None:
        """Show only assessments that trigger at least one deal-breaker."""
        if on != self._deal_breakers_only:
            self._change_filter(lambda: setattr(self, "_deal_breakers_only", on))

    def _change_filter(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt ≥ 6.9
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:  # pragma: no cover - older Qt
            change()
            self.invalidateRowsFilter()

    # -- QSortFilterProxyModel ------------------------------------------------------------------
    def setSourceModel(self, model: QAbstractItemModel | None) -> None:
        """Use ``model`` (a :class:`RowSource` to sort and filter by assessment)."""
        self._source = cast(RowSource, model) \
            if hasattr(model, "sort_key") and hasattr(model, "result") else None
        super().setSourceModel(model)  # type: ignore[arg-type]  # None detaches the source

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self._source
        if model is None or source_parent.isValid():
            return True
        r = model.result(source_row)
        if self._role and r.role != self._role:
            return False
        if self._deal_breakers_only and not r.deal_breakers:
            return False
        return not self._text or self._text in model.search_text(source_row)

    def lessThan(self, left: Index, right: Index) -> bool:
        model = self._source
        if model is None:
            return super().lessThan(left, right)
        a = model.sort_key(left.row(), left.column())
        b = model.sort_key(right.row(), right.column())
        if a is None or b is None:
            # empty values go last whichever way the column is sorted
            if a is None and b is None:
                return False
            return (a is None) == (self.sortOrder() == Qt.SortOrder.DescendingOrder)
        return bool(a < b)
