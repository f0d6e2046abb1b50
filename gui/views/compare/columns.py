"""Column widths for the Compare view's tables of numbers: each column as wide as its cells or
its header's longest line, whichever is wider, without the room Qt keeps in every header for a
sort arrow (only the sorted column gets it), so a dozen columns of numbers fit beside the
names."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QTableView


def fit_compact(table: QTableView, capped: Iterable[int] = (), limit: int = 200) -> None:
    """Size ``table``'s columns to their contents and headers' text; ``capped`` columns at
    most ``limit`` pixels (at scale 1; longer texts elided, full on hover)."""
    model = table.model()
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)  # as the style draws header titles; never narrower than that
    metrics = QFontMetrics(bold)
    most = round(limit * max(1.0, table.logicalDpiX() / 96))
    capped = set(capped)
    for c in range(model.columnCount()):
        title = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        head = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
        width = max(table.sizeHintForColumn(c), head + 2 * metrics.averageCharWidth())
        header.resizeSection(c, min(width, most) if c in capped else width)
    room_for_arrow(table, header.sortIndicatorSection())


def room_for_arrow(table: QTableView, column: int) -> None:
    """Widen the sorted column enough for its header's sort arrow."""
    header = table.horizontalHeader()
    if 0 <= column < header.count():
        header.resizeSection(column, max(header.sectionSize(column),
                                         header.sectionSizeHint(column)))


def keep_room_for_arrow(table: QTableView) -> None:
    """Whenever the user sorts by another column, give that one room for the arrow."""
    table.horizontalHeader().sortIndicatorChanged.connect(
        lambda column, _order: room_for_arrow(table, column))
