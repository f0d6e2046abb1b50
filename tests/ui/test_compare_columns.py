"""Column widths of the Compare view's tables (gui/views/compare/columns.py): a column is as
wide as Qt's own measure of its cells (the delegate's size hint) on the rows sampled, or its
header, and only a sample of a long table's rows is read (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QTableView

from gui.document import Document
from gui.tables.ranking import StartupRankingModel
from gui.tables.results import ResultsTableModel
from gui.views.compare.columns import (
    SAMPLE_FIRST,
    content_width,
    fit_compact,
    sample_rows,
    table_sample,
)
from gui.views.compare.view import CompareView
from gui.widgets.table_view import table_view
from models.engine.sample import synthetic_portfolio


def _delegate_width(table: QTableView, column: int, rows: list[int]) -> int:
    """What ``QTableView.sizeHintForColumn`` measures, on ``rows`` only: every cell's size
    hint from the delegate, plus the grid line."""
    option = QStyleOptionViewItem()
    table.initViewItemOption(option)
    model = table.model()
    return 1 + max(table.itemDelegate().sizeHint(option, model.index(r, column)).width()
                   for r in rows)


def _tables(view: CompareView) -> Iterator[tuple[QTableView, set[int], int]]:
    """Each table of the view, its page made current, with its capped columns and their
    cap."""
    startups, audit = view.startups, view.assessments
    view.upper.setCurrentWidget(startups)
    yield startups.table, {startups.model.column_of("startup"),
                           startups.model.column_of("gated")}, 200
    view.upper.setCurrentWidget(audit)
    yield audit.table, {c for c, col in enumerate(audit.model.columns) if not col.numeric}, 170


def test_sample_rows_are_the_first_ones_and_an_even_spread():
    assert sample_rows(5, 0, first=3, spread=4) == [0, 1, 2, 3, 4]  # few rows: all
    # first 3, and 4 spaced (10 - 1) / 3 = 3 apart from the first row to the last
    assert sample_rows(10, 0, first=3, spread=4) == [0, 1, 2, 3, 6, 9]
    assert sample_rows(10, 5, first=3, spread=4) == [0, 3, 5, 6, 7, 9]  # from the top row
    assert sample_rows(10, 9, first=3, spread=4) == [0, 3, 6, 7, 8, 9]  # top near the end
    # 30 from the top and 50 spread, row 0 among both
    assert len(sample_rows(10_000, 0)) == 79 and sample_rows(10_000, 0)[-1] == 9_999


def test_every_column_of_the_sample_fits_its_cells_as_qt_measures_them(qtbot, compare_view):
    compare_view.show()
    qtbot.waitExposed(compare_view)
    for table, capped, cap in _tables(compare_view):
        header, n = table.horizontalHeader(), table.model().rowCount()
        assert n in (8, 13)  # the sample's startups and assessments, every row measured
        header.setResizeContentsPrecision(-1)  # Qt's measure of every row, for comparison
        for c in range(header.count()):
            qt = table.sizeHintForColumn(c)
            assert content_width(table, c, range(n)) == qt
            if c in capped:
                assert min(qt, cap) <= header.sectionSize(c) <= max(cap, qt)
            else:  # whole, or wider for the header's title
                assert header.sectionSize(c) >= qt


def test_a_long_table_fits_the_rows_sampled_and_reads_only_those(qtbot):
    doc = Document(synthetic_portfolio(1_200, seed=3))
    ranking, audit = StartupRankingModel(doc), ResultsTableModel(doc)
    capped = {ranking: {ranking.column_of("startup"), ranking.column_of("gated")},
              audit: {c for c, col in enumerate(audit.columns) if not col.numeric}}
    for model in (ranking, audit):
        table = table_view("table", model)
        qtbot.addWidget(table)
        table.resize(1366, 1400)  # more rows on screen than the sample's first ones
        table.show()
        qtbot.waitExposed(table)
        header = table.horizontalHeader()
        assert model.rowCount() == 1_200
        table.scrollTo(model.index(500, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        top, bottom = table.rowAt(0), table.rowAt(table.viewport().height() - 1)
        rows = table_sample(table)
        assert top == 500 and bottom - top + 1 > SAMPLE_FIRST
        assert set(range(top, bottom + 1)) <= set(rows) and 0 in rows and 1_199 in rows
        asked: list[int] = []  # the view row of every cell the model is asked for
        real = model.cell

        def counted(row, column, role, real=real, asked=asked):
            asked.append(row)
            return real(row, column, role)

        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(model, "cell", counted)
            fit_compact(table, capped[model], 200)
        assert asked and set(asked) <= set(rows)  # no other row is read
        assert len(asked) < 3 * len(rows) * model.columnCount()
        for c in range(model.columnCount()):
            wanted = _delegate_width(table, c, rows)
            size = header.sectionSize(c)
            assert size >= min(wanted, 200) if c in capped[model] else size >= wanted
