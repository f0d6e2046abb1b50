"""The shared plumbing of Beachhead's flat tables (results, scenarios, uncertainty, gaps,
reversals, weights): columns declared once as data, a flat list of selectable rows whose cells
subclasses give by row, column and role (subclasses add editable cells), and the tables whose
rows are assessments."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gui.tables.roles import AssessmentIdRole, SortRole, StartupIdRole
from models.core.rounding import fixed
from models.engine.results import Result

#: Either kind of model index (what Qt passes to a model's methods).
Index = QModelIndex | QPersistentModelIndex

_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
#: Column kinds whose cells are numbers (aligned right).
NUMERIC_KINDS = frozenset({"score", "share", "number"})


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        key: the column's name in the data (``overall``, ``pillar:niche``, ``p50``, ...).
        header: the header text (may hold a line break so long names take two lines).
        kind: ``text`` or ``rules`` (names of fired rules), aligned left; ``score`` (0–100, one
            decimal), ``share`` (0–1 shown as a percentage) or ``number``, aligned right.
        tooltip: the header's tooltip.
    """

    key: str
    header: str
    kind: str = "text"
    tooltip: str = ""

    @property
    def numeric(self) -> bool:
        """True for a column of numbers."""
        return self.kind in NUMERIC_KINDS


def signed(value: float) -> str:
    """A difference with one decimal and its sign: ``+2.5``, ``−1.0``, ``0.0`` (rounded as
    every shown number, :func:`models.core.rounding.fixed`)."""
    shown = fixed(value)
    if shown.startswith("-"):
        return "−" + shown[1:]
    return shown if shown == "0.0" else "+" + shown


def number_or_none(x: Any) -> float | None:
    """``x`` as a float, or None when it is missing (None or NaN)."""
    return None if x is None or math.isnan(x) else float(x)


class ReadOnlyTableModel(QAbstractTableModel):
    """A flat table model over :attr:`columns`; subclasses give :meth:`row_count` and
    :meth:`cell`. Headers (text and tooltip) and the alignment of cells come from the columns.

    Attributes:
        columns: the columns shown, in order.
    """

    columns: Sequence[Column] = ()

    def row_count(self) -> int:
        """Number of rows shown."""
        return 0

    def cell(self, row: int, column: int, role: int) -> Any:
        """The data of a cell for ``role`` (any role but ``TextAlignmentRole``); ``row`` and
        ``column`` are in range."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Rows of the (flat) table; none under a valid parent."""
        return 0 if parent.isValid() else self.row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """Columns of the (flat) table; none under a valid parent."""
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A column's header text and tooltip."""
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.columns):
            return None
        col = self.columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.header
        if role == Qt.ItemDataRole.ToolTipRole:
            return col.tooltip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's data: numbers aligned right, text left; the rest from :meth:`cell`."""
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < self.row_count() and 0 <= column < len(self.columns)):
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if self.columns[column].numeric else _LEFT
        return self.cell(row, column, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Cells are enabled and selectable, never editable, never parents."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren

    def emit_all_changed(self, roles: Sequence[int] = ()) -> None:
        """Tell the views that every cell may have changed (for ``roles``; all when empty),
        the rows and columns staying the same ones."""
        if self.row_count() and self.columns:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(self.row_count() - 1, len(self.columns) - 1),
                                  list(roles))


def search_text(r: Result) -> str:
    """Case-folded text the filter box searches: startup, assessor, posture and deal-breaker
    names."""
    return " ".join([r.startup, r.assessor, *(h.name for h in r.postures),
                     *(h.name for h in r.deal_breakers)]).casefold()


class ResultRowsModel(ReadOnlyTableModel):
    """A table with one assessment per row, each row's :class:`~models.engine.results.Result`
    in ``_results``: the rows' ids (:data:`~gui.tables.roles.AssessmentIdRole`,
    :data:`~gui.tables.roles.StartupIdRole`), sort keys (:data:`~gui.tables.roles.SortRole`)
    and filter text, which :class:`~gui.tables.results_proxy.ResultsFilterProxy` sorts and
    filters by. Subclasses fill ``_results`` and give :meth:`sort_key` and :meth:`row_cell`.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: list[Result] = []

    def result(self, row: int) -> Result:
        """The result shown in ``row``."""
        return self._results[row]

    def search_text(self, row: int) -> str:
        """What the filter box searches (see :func:`search_text`)."""
        return search_text(self._results[row])

    def sort_key(self, row: int, column: int) -> Any:
        """What :data:`~gui.tables.roles.SortRole` gives: a float or None for numbers,
        case-folded text otherwise."""
        return None

    def row_count(self) -> int:
        return len(self._results)

    def cell(self, row: int, column: int, role: int) -> Any:
        if role == SortRole:
            return self.sort_key(row, column)
        if role == AssessmentIdRole:
            return self._results[row].assessment_id
        if role == StartupIdRole:
            return self._results[row].startup_id
        return self.row_cell(row, column, role)

    def row_cell(self, row: int, column: int, role: int) -> Any:
        """The data of a cell for any other role."""
        return None
