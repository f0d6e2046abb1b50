"""The Compare view's Startups page: one row per startup under the window's perspective
(:class:`~gui.tables.ranking.StartupRankingModel`), sorted by rank, with a text filter and the
filters of every list of startups (:class:`~gui.widgets.startup_filter.StartupFilterBar`:
sector, stage, region, tags, status).

The filters only hide rows: ranks, and the probabilities of the Uncertainty tab, stay those of
every startup ranked (the count above the table says so). Rows can be selected several at a
time (the map selects the startups inside a rectangle drawn on it); the current row is the
current startup.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from gui.document import Document
from gui.i18n import number
from gui.perspective import perspective_label
from gui.tables.ranking import StartupRankingModel
from gui.views.compare.columns import fit_compact, keep_room_for_arrow
from gui.widgets.startup_filter import StartupFilter, StartupFilterBar
from gui.widgets.table_view import table_view

#: Widest the startup and "Gated by" columns start (pixels at scale 1).
NAME_COLUMN_MAX = 200


class StartupsPage(QWidget):
    """The filter row, the count and the table of ranked startups.

    Attributes:
        model: the :class:`~gui.tables.ranking.StartupRankingModel` of the document (sorting
            and filtering itself). table: its view. filters: the
            :class:`~gui.widgets.startup_filter.StartupFilterBar`; status_combo: its status
            drop-down.

    Signals:
        currentStartupChanged(str): the user (or :meth:`select_startup`) made another row
            current; argument = the startup id.
        filterChanged(): the rows shown changed (text or another filter).
        selectionChanged(): the rows selected changed (:meth:`selected_ids`).
    """

    currentStartupChanged = Signal(str)
    filterChanged = Signal()
    selectionChanged = Signal()

    def __init__(self, doc: Document, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.model = StartupRankingModel(doc, self, lang)
        self.filter_edit = QLineEdit()
        self.filters = StartupFilterBar()
        self.status_combo: QComboBox = self.filters.combos["status"]
        self.count_label = QLabel()
        self.table = table_view("compareTable", self.model, sortable=True)
        self._build()
        self.table.sortByColumn(self.model.column_of("rank"), Qt.SortOrder.AscendingOrder)
        self.filter_edit.textChanged.connect(self._filters_changed)
        self.filters.changed.connect(self._filters_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        for sig in (self.model.modelReset, self.model.layoutChanged, self.model.dataChanged):
            sig.connect(self._show_count)
        self.model.modelReset.connect(self.fit)
        # a filter or a change of the rows resets the model, which clears the selection
        self._current_sid = ""
        self.model.modelReset.connect(self._restore_current)
        # a row shown while the table was hidden is kept in sight as its height settles,
        # until the user scrolls
        self._reveal = False
        self.table.viewport().installEventFilter(self)
        self.table.verticalScrollBar().actionTriggered.connect(self._scrolled_by_user)
        self.fit()
        self._show_count()
        self.offer_choices()

    def _build(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter by startup, website or deal-breaker"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setMinimumWidth(120)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.count_label.setObjectName("compareCount")
        self.count_label.setWordWrap(True)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)  # an assessor's name is text
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(60)
        keep_room_for_arrow(self.table)
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 2)
        row.addWidget(self.filters)
        row.addWidget(self.count_label, 3)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def fit(self) -> None:
        """Size the columns to their contents, the name columns capped
        (:func:`~gui.views.compare.columns.fit_compact`)."""
        m = self.model
        fit_compact(self.table, (m.column_of("startup"), m.column_of("gated")),
                    NAME_COLUMN_MAX)

    def set_document(self, doc: Document) -> None:
        """Show ``doc``'s startups."""
        self.model.set_document(doc)
        self.offer_choices()

    # -- filters --------------------------------------------------------------------------
    def offer_choices(self) -> None:
        """Offer the sectors, stages, regions and tags the startups have now (called when
        startups or their details change)."""
        self.filters.set_startups(self.model.doc.portfolio.startups)

    def _filters_changed(self, *_args: object) -> None:
        self.model.set_filter(self.filter_edit.text(), self.filters.current())
        self.filterChanged.emit()

    def state(self) -> tuple[str, StartupFilter, int, Qt.SortOrder]:
        """The choices made: (text filter, filters, sort column, sort order)."""
        header = self.table.horizontalHeader()
        return (self.filter_edit.text(), self.filters.current(),
                header.sortIndicatorSection(), header.sortIndicatorOrder())

    def set_state(self, state: tuple[str, StartupFilter, int, Qt.SortOrder]) -> None:
        """Make the choices of :meth:`state` (kept when the view is built again)."""
        fragment, chosen, column, order = state
        self.filter_edit.setText(fragment)
        self.filters.set_filter(chosen)
        self.table.sortByColumn(column, order)

    def clear_filters(self) -> None:
        """Show every startup."""
        self.filter_edit.clear()
        self.filters.clear()

    def _show_count(self, *_args: object) -> None:
        m = self.model
        shown, total = m.rowCount(), m.total()
        perspective = perspective_label(m.ranking.perspective.name) if m.ranking else ""
        if shown == total:
            text = self.tr("%Ln startup(s), {perspective}", "", total).format(
                perspective=perspective)
        else:
            text = self.tr("{shown} of %Ln startup(s) shown, {perspective}; ranks and "
                           "probabilities are over all %Ln", "", total).format(
                shown=number(shown), perspective=perspective)
        if m.ranking is not None and m.ranking.ignore_gates:
            text += " · " + self.tr("deal-breakers ignored")
        self.count_label.setText(text)

    # -- selection ------------------------------------------------------------------------
    def _restore_current(self) -> None:
        """After a reset (a filter, startups added or removed), make the startup last made
        current the current row again if it is shown, without announcing it: it is the same
        startup."""
        if self._current_sid and self.model.row_of(self._current_sid) >= 0:
            self.select_startup(self._current_sid, emit=False)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self._current_sid = self.model.ranked(current.row()).startup_id
            self.currentStartupChanged.emit(self._current_sid)

    def _selection_changed(self, *_args: object) -> None:
        self.selectionChanged.emit()

    def selected_ids(self) -> list[str]:
        """The startups of the rows selected, in the table's order."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.ranked(r).startup_id for r in rows]

    def select_startups(self, startup_ids: list[str], extend: bool = False) -> list[str]:
        """Select the rows of these startups (those the filters show; added to the rows
        selected when ``extend``) and make the first of them in the table's order current,
        as the user choosing it does. Returns the startups now selected."""
        rows = sorted(r for r in (self.model.row_of(s) for s in startup_ids) if r >= 0)
        sm = self.table.selectionModel()
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        for r in rows:
            selection.select(self.model.index(r, 0), self.model.index(r, last))
        flags = sm.SelectionFlag.Select if extend else sm.SelectionFlag.ClearAndSelect
        sm.select(selection, flags | sm.SelectionFlag.Rows)
        if rows:
            first = self.model.index(rows[0], 0)
            sm.setCurrentIndex(first, sm.SelectionFlag.NoUpdate)
            self._show_row(first)
        return self.selected_ids()

    def current_startup_id(self) -> str:
        """The startup of the current row ('' if none)."""
        index = self.table.selectionModel().currentIndex()
        return self.model.ranked(index.row()).startup_id if index.isValid() else ""

    def select_startup(self, startup_id: str, emit: bool = True) -> bool:
        """Make a startup's row current (clearing the filters if they hide it) and show it;
        False when there is no such startup."""
        row = self.model.row_of(startup_id)
        if row < 0 and self.model.visible_ids() is not None:
            self.clear_filters()
            row = self.model.row_of(startup_id)
        if row < 0:
            return False
        made_current, self._current_sid = self._current_sid == startup_id, startup_id
        index = self.model.index(row, 0)
        sm = self.table.selectionModel()
        if sm.currentIndex().row() == row and (sm.isRowSelected(row) or made_current):
            # already current: among other rows selected, which stay, or by a click whose
            # selection (Ctrl adds the row) the table makes after announcing the row
            return True
        blocked = sm.blockSignals(not emit)
        sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)
        sm.blockSignals(blocked)
        if not emit:
            self.table.viewport().update()
        self._show_row(index)
        return True

    def _show_row(self, index: QModelIndex) -> None:
        """Scroll the table to ``index``'s row: only as far as it takes while the table is
        on screen; in its middle while hidden, so that the row is still in sight once the
        table is laid out at its final height (and again at each height it is laid out at,
        until the user scrolls)."""
        self._reveal = not self.table.isVisible()
        hint = (QAbstractItemView.ScrollHint.PositionAtCenter if self._reveal
                else QAbstractItemView.ScrollHint.EnsureVisible)
        self.table.scrollTo(index, hint)

    def _scrolled_by_user(self, _action: int) -> None:
        self._reveal = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (self._reveal and watched is self.table.viewport()
                and event.type() == QEvent.Type.Resize):
            current = self.table.currentIndex()
            if current.isValid():  # laid out at another height: the row in sight again
                self.table.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        return super().eventFilter(watched, event)
