"""How the Assess view's startup list is sorted and filtered.

Sorting (:func:`sort_order`) is one ``numpy.lexsort`` over keys read once per change, as the
tables of :mod:`gui.tables.sorted_rows` do, and the list model
(:class:`~gui.views.assess.startup_list.StartupListModel`) shows its rows in that order; a
``QSortFilterProxyModel`` comparing rows one pair at a time through ``lessThan`` takes a second
for 10,000 startups. Filtering (:class:`StartupFilterModel`) is Qt's proxy with a test per row:
by a name fragment and by a :class:`~gui.widgets.startup_filter.StartupFilter` of details, tags
and status. A startup the filters hide leaves the list, not the screen: the startup chosen
stays shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

import numpy as np
from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from gui.tables.sorted_rows import text_keys
from gui.widgets.startup_filter import StartupFilter, text_matches
from models.core.decisions import STATUSES
from models.core.portfolio import Startup
from models.engine.ranking import Ranking

if TYPE_CHECKING:
    from gui.views.assess.startup_list import StartupListModel

_Index = QModelIndex | QPersistentModelIndex
#: How the startup list can be sorted: as the portfolio holds them, by name (A to Z), by
#: overall score (the ranking's order under the perspective: best first, gated last), by status
#: (the pipeline's order, no decision last) or by the date of the latest assessment (newest
#: first). Equal keys keep the ranking's order.
SORTS = ("order", "name", "overall", "status", "date")
#: The sorts a change of scores, decisions or the perspective can reorder.
LIVE_SORTS = ("overall", "status")


def latest_date(st: Startup) -> int:
    """The day (ordinal) of the startup's latest assessment, 0 when it has none."""
    return max((a.date.toordinal() for a in st.assessments), default=0)


def sort_order(startups: Sequence[Startup], ranking: Ranking, key: str) -> np.ndarray:
    """The startups' positions in the order of sort ``key`` (one of :data:`SORTS`)."""
    n = len(startups)
    ranks = np.full(n, n + 1, dtype=np.intp)
    m = min(n, len(ranking.ranks))
    ranks[:m] = ranking.ranks[:m]
    if key == "name":
        keys = [ranks, text_keys([s.name for s in startups])]
    elif key == "status":
        place = {status: i for i, status in enumerate(STATUSES)}
        keys = [ranks, np.fromiter(
            (place.get(s.decision.status, len(STATUSES)) if s.decision else len(STATUSES)
             for s in startups), dtype=np.intp, count=n)]
    elif key == "date":
        keys = [ranks, -np.fromiter((latest_date(s) for s in startups), dtype=np.intp,
                                    count=n)]
    elif key == "overall":
        keys = [ranks]
    else:
        raise ValueError(f"unknown sort {key!r}")
    return np.lexsort(keys).astype(np.intp)


class StartupFilterModel(QSortFilterProxyModel):
    """The startup list filtered by a name fragment (any case) and a
    :class:`~gui.widgets.startup_filter.StartupFilter`; rows hide and show again as the
    startups change (a decision, a detail).

    Attributes:
        filtering: True while rows hide or show because of the filter (the list's current
            row moving then is not the user choosing another startup).
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._fragment = ""
        self._fields = StartupFilter()
        self.filtering = False
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: StartupListModel) -> None:  # type: ignore[override]
        # a row's change filters it again in between (the proxy's own handler)
        model.dataChanged.connect(self._begin)
        super().setSourceModel(model)
        model.dataChanged.connect(self._end)

    def _begin(self, *_args: object) -> None:
        self.filtering = True

    def _end(self, *_args: object) -> None:
        self.filtering = False

    def source(self) -> StartupListModel:
        """The list model filtered."""
        return cast("StartupListModel", self.sourceModel())

    def set_fragment(self, fragment: str) -> None:
        """Show only the startups whose name or website contains ``fragment`` (any case)."""
        fragment = fragment.strip().casefold()
        if fragment != self._fragment:
            self._refilter(lambda: setattr(self, "_fragment", fragment))

    def set_fields(self, fields: StartupFilter) -> None:
        """Show only the startups that pass ``fields``."""
        if fields != self._fields:
            self._refilter(lambda: setattr(self, "_fields", fields))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Make ``change`` to the filter and filter the rows again (Qt 6.9's way where there
        is one: invalidateRowsFilter is deprecated there)."""
        self.filtering = True
        try:
            if hasattr(self, "beginFilterChange"):
                self.beginFilterChange()
                change()
                self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
            else:
                change()
                self.invalidateRowsFilter()
        finally:
            self.filtering = False

    def filterAcceptsRow(self, source_row: int, _parent: _Index) -> bool:
        if not self._fragment and self._fields.is_empty():
            return True
        st = self.source().startup_at(source_row)
        return text_matches(st, self._fragment) and self._fields.matches(st)
