"""The Compare view's Assessments page, for audit: every assessment of the portfolio as scored
(founders' self-scores, each investor, consensus rows), one row each, with a text filter, a
role filter and "only with deal-breakers" (:class:`~gui.tables.results.ResultsTableModel`,
which sorts and filters itself).

Nothing here is ranked: the ranking of startups is on the Startups page. The table follows
the document only while it is on screen, and catches up when shown again; a document's rows are
first read when the page is first shown, so opening a portfolio costs nothing here while the
page is hidden.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
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
from gui.tables.results import ResultsTableModel, role_label
from gui.views.compare.columns import fit_compact, keep_room_for_arrow
from gui.widgets.table_view import table_view
from models.core.portfolio import ROLES


class AssessmentsPage(QWidget):
    """The filters, the count and the table of assessments.

    Attributes:
        model: the :class:`~gui.tables.results.ResultsTableModel` of the document.

    Signals:
        assessmentChosen(str, str): the user made another row current; arguments are the
            startup id and the assessment id.
    """

    assessmentChosen = Signal(str, str)

    def __init__(self, doc: Document, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.doc = doc
        self.model = ResultsTableModel(doc, self, lang, active=False)
        self._current_aid = ""
        self._reveal = False  # show the current assessment even if the filters hide it
        self.filter_edit = QLineEdit()
        self.role_combo = QComboBox()
        self.breakers_check = QCheckBox(self.tr("Only with deal-breakers"))
        self.count_label = QLabel()
        self.table = table_view("assessmentsTable", self.model, sortable=True)
        self._build()
        self.filter_edit.textChanged.connect(self._filters_changed)
        self.role_combo.currentIndexChanged.connect(self._filters_changed)
        self.breakers_check.toggled.connect(self._filters_changed)
        self._follow_model()
        self.table.sortByColumn(self.model.column_of("overall"), Qt.SortOrder.DescendingOrder)

    def _build(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter by startup, assessor or posture"))
        self.filter_edit.setClearButtonEnabled(True)
        self.role_combo.addItem(self.tr("All roles"), "")
        for role in ROLES:
            self.role_combo.addItem(role_label(role), role)
        self.count_label.setObjectName("assessmentsCount")
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setResizeContentsPrecision(60)
        keep_room_for_arrow(self.table)
        note = QLabel(self.tr("Every assessment as scored, for audit; rankings are on the "
                              "Startups page."))
        note.setObjectName("assessmentsNote")
        note.setStyleSheet("color: #6b6f76;")
        row = QHBoxLayout()
        row.addWidget(self.filter_edit, 3)
        row.addWidget(QLabel(self.tr("Role")))
        row.addWidget(self.role_combo)
        row.addWidget(self.breakers_check)
        row.addStretch(1)
        row.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)

    def set_document(self, doc: Document) -> None:
        """Show ``doc``'s assessments."""
        if doc is self.doc:
            return
        old, self.doc = self.model, doc
        self.model = ResultsTableModel(doc, self, self.lang, active=self.isVisible())
        self.table.setModel(self.model)
        self._follow_model()
        old.detach()
        old.deleteLater()
        self._current_aid, self._reveal = "", False
        self._filters_changed()

    def _follow_model(self) -> None:
        model = self.model
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        for sig in (model.modelReset, model.layoutChanged):
            sig.connect(self._show_count)
        model.modelReset.connect(self.fit)
        model.modelReset.connect(self._reselect)
        order = self.table.horizontalHeader().sortIndicatorOrder()
        model.sort(self.table.horizontalHeader().sortIndicatorSection(), order)
        self.fit()
        self._show_count()

    def fit(self) -> None:
        """Size the columns to their contents (text columns capped)."""
        fit_compact(self.table, [c for c, col in enumerate(self.model.columns)
                                 if not col.numeric], 170)

    def state(self) -> tuple[str, str, bool, int, Qt.SortOrder]:
        """The choices made: (text filter, role, only with deal-breakers, sort column, sort
        order)."""
        header = self.table.horizontalHeader()
        return (self.filter_edit.text(), self.role_combo.currentData() or "",
                self.breakers_check.isChecked(), header.sortIndicatorSection(),
                header.sortIndicatorOrder())

    def set_state(self, state: tuple[str, str, bool, int, Qt.SortOrder]) -> None:
        """Make the choices of :meth:`state` (kept when the view is built again)."""
        fragment, role, breakers, column, order = state
        self.filter_edit.setText(fragment)
        self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(role)))
        self.breakers_check.setChecked(breakers)
        self.table.sortByColumn(column, order)

    def clear_filters(self) -> None:
        """Show every assessment."""
        self.filter_edit.clear()
        self.role_combo.setCurrentIndex(0)
        self.breakers_check.setChecked(False)

    def _filters_changed(self, *_args: object) -> None:
        self.model.set_filter(self.filter_edit.text(), self.role_combo.currentData() or "",
                              self.breakers_check.isChecked())
        self._show_count()

    def _show_count(self, *_args: object) -> None:
        self.count_label.setText(self.tr("{shown} of %Ln assessment(s)", "", self.model.total())
                                 .format(shown=number(self.model.rowCount())))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            r = self.model.result(current.row())
            self._current_aid = r.assessment_id
            self.assessmentChosen.emit(r.startup_id, r.assessment_id)

    def _reselect(self) -> None:
        reveal, self._reveal = self._reveal, False
        if self._current_aid:
            self.select_assessment(self._current_aid, reveal=reveal)

    def select_assessment(self, assessment_id: str, reveal: bool = True) -> None:
        """Make an assessment's row current without emitting ``assessmentChosen``; when the
        filters hide it, clear them (``reveal``) or leave the selection alone. While the
        table is hidden and out of date this waits until it is shown."""
        self._current_aid = assessment_id
        if self.model.stale():
            self._reveal = reveal
            return
        row = self.model.row_of(assessment_id)
        if row < 0 and not reveal:
            return
        if row < 0:
            self.filter_edit.clear()
            self.role_combo.setCurrentIndex(0)
            self.breakers_check.setChecked(False)
            row = self.model.row_of(assessment_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        sm = self.table.selectionModel()
        blocked = sm.blockSignals(True)
        sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)
        sm.blockSignals(blocked)
        self.table.viewport().update()

    def set_active(self, active: bool) -> None:
        """Follow the document while shown (on); catch up when shown again."""
        stale = self.model.stale()
        self.model.set_active(active)
        if active and stale:
            self._reselect()
