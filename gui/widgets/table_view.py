"""The table view every table of the Compare view uses: whole rows selected, several at a time
(Shift or Ctrl and a click, Edit ▸ Select All, so Edit ▸ Copy takes them all) while a plain
click selects the one row it makes current; alternating rows, one line per row at the font's
height, headers aligned left; and column widths fitted to their contents with long text columns
capped."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

#: Widest a text column may start (pixels at scale 1); longer texts are elided, full on hover.
MAX_TEXT_COLUMN = 170


def table_view(name: str, model: QAbstractItemModel, sortable: bool = False,
               parent: QWidget | None = None) -> QTableView:
    """A table view named ``name`` (for tests and style sheets) showing ``model``; click a
    header to sort when ``sortable``."""
    table = QTableView(parent)
    table.setObjectName(name)
    table.setModel(model)
    if sortable:
        table.setSortingEnabled(True)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    table.horizontalHeader().setDefaultAlignment(
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    return table


def fit_columns(table: QTableView, capped: Iterable[int], limit: int = MAX_TEXT_COLUMN) -> None:
    """Size every column to its contents, then narrow the ``capped`` ones to at most ``limit``
    pixels (at scale 1; longer texts are elided, full on hover)."""
    table.resizeColumnsToContents()
    header = table.horizontalHeader()
    most = round(limit * max(1.0, table.logicalDpiX() / 96))
    for c in capped:
        header.resizeSection(c, min(header.sectionSize(c), most))
