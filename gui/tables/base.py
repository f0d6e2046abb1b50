"""The shared plumbing of Beachhead's flat tables (ranking, results, scenarios, uncertainty,
gaps, reversals, weights): columns declared once as data, a flat list of selectable rows whose
cells subclasses give by row, column and role (subclasses add editable cells), and how numbers
and headers are written."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.core.rounding import fixed

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


def short_lines(name: str, limit: int = 9) -> str:
    """A header on short lines, so a column of numbers stays narrow: a pillar's score name
    breaks before its scale ("(100 = least)"), and a name longer than ``limit`` at every
    space."""
    scale = ""
    for mark in (" (", "（"):
        if mark in name:
            name, scale = name.split(mark, 1)
            scale = mark.strip() + scale
            break
    if len(name) > limit:
        name = name.replace(" ", "\n")
    return f"{name}\n{scale}" if scale else name


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
