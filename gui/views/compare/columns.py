"""Column widths for the Compare view's tables of numbers: each column as wide as its cells or
its header's longest line, whichever is wider, without the room Qt keeps in every header for a
sort arrow (only the sorted column gets it), so a dozen columns of numbers fit beside the
names.

The cells measured are a sample of the rows (:func:`table_sample`): those on screen (at
least the first :data:`SAMPLE_FIRST` from the top) and others spread evenly over the table. In
each column the sampled cells are measured by their text's width, and only the few that could
be the widest by the table's delegate (:func:`content_width`): ``QTableView.sizeHintForColumn``
asks the model for a dozen roles of every cell it measures, which made fitting a table of
10,000 rows take tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem, QTableView

#: Rows measured from the top of the table (what it shows first)...
SAMPLE_FIRST = 30
#: ...and rows spread evenly over the rest.
SAMPLE_SPREAD = 50


def sample_rows(count: int, top: int = 0, first: int = SAMPLE_FIRST,
                spread: int = SAMPLE_SPREAD) -> list[int]:
    """The rows of a table of ``count`` rows whose cells set its columns' widths: ``first``
    rows from ``top`` on, and ``spread`` more evenly spaced from the first row to the last
    (every row when there are no more than ``first + spread``), in order."""
    if count <= first + spread:
        return list(range(count))
    top = min(max(top, 0), count - first)
    step = (count - 1) / max(spread - 1, 1)
    return sorted({*range(top, top + first), *(round(i * step) for i in range(spread))})


def table_sample(table: QTableView) -> list[int]:
    """The rows of ``table`` that :func:`fit_compact` measures: every row on screen (at least
    :data:`SAMPLE_FIRST` from the top one) and :data:`SAMPLE_SPREAD` spread over the rest."""
    top, bottom = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
    return sample_rows(table.model().rowCount(), top, max(SAMPLE_FIRST, bottom - top + 1))


def content_width(table: QTableView, column: int, rows: Iterable[int]) -> int:
    """The width ``table`` needs to show ``column``'s cells of ``rows`` whole, as
    ``QTableView.sizeHintForColumn`` gives it (the delegate's size hint, plus the grid line);
    0 when there are no rows.

    Each cell's text is measured with the table's font (the Compare view's models give no
    font of their own to a cell); the delegate is asked only for the
    cells that could be the widest: the one with the widest text, and those with an icon whose
    text is within an icon's room of it (an icon beside a shorter text may make a wider
    cell)."""
    model = table.model()
    metrics = table.fontMetrics()
    advance: dict[str, int] = {}
    measured: list[tuple[int, int, QModelIndex]] = []  # (text width, row, index)
    for row in rows:
        index = model.index(row, column)
        text = str(model.data(index, Qt.ItemDataRole.DisplayRole) or "")
        width = advance.get(text)
        if width is None:
            width = advance[text] = metrics.horizontalAdvance(text)
        measured.append((width, row, index))
    if not measured:
        return 0
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    room = 2 * option.decorationSize.width() + 4 * metrics.averageCharWidth()
    widest, first, index = max(measured, key=lambda m: m[:2])
    delegate = table.itemDelegateForColumn(column) or table.itemDelegate()
    hint = delegate.sizeHint(option, index).width()
    for width, row, index in measured:
        if row != first and width + room >= widest and \
                model.data(index, Qt.ItemDataRole.DecorationRole) is not None:
            hint = max(hint, delegate.sizeHint(option, index).width())
    return hint + 1 if table.showGrid() else hint


def fit_compact(table: QTableView, capped: Iterable[int] = (), limit: int = 200) -> None:
    """Size ``table``'s columns to their contents (a sample of the rows, see the module notes)
    and headers' text; ``capped`` columns at most ``limit`` pixels (at scale 1; longer texts
    elided, full on hover)."""
    model = table.model()
    header = table.horizontalHeader()
    bold = QFont(header.font())
    bold.setBold(True)  # as the style draws header titles; never narrower than that
    metrics = QFontMetrics(bold)
    most = round(limit * max(1.0, table.logicalDpiX() / 96))
    capped = set(capped)
    rows = table_sample(table)
    for c in range(model.columnCount()):
        title = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
        head = max(metrics.horizontalAdvance(line) for line in title.split("\n"))
        width = max(content_width(table, c, rows), head + 2 * metrics.averageCharWidth())
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
