"""The Compare view's Assessments page, for audit: every assessment of the portfolio as scored
(founders' self-scores, each investor, consensus rows), one row each, with a text filter, a
role filter and "only with deal-breakers" (:class:`~gui.tables.results.ResultsTableModel`
behind a :class:`~gui.tables.results_proxy.ResultsFilterProxy`).

Nothing here is ranked: the ranking of startups is on the Startups page. The table is built
the first time the page is shown (a portfolio of 10,000 assessments costs a second to sort
here), and sorts and filters only while it is on screen.
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
from gui.tables.results import ResultsTableModel, role_label
from gui.tables.results_proxy import ResultsFilterProxy
from gui.widgets.table_view import fit_columns, table_view
from models.core.portfolio import ROLES


class AssessmentsPage(QWidget):
    """The filters, the count and the table of assessments.

    Attributes:
        model: the :class:`~gui.tables.results.ResultsTableModel` of the document (None until
            the page is first shown); proxy: the sorting and filtering proxy in front of it.

    Signals:
        assessmentChosen(str, str): the user made another row current; arguments are the
            startup id and the assessment id.
    """

    assessmentChosen = Signal(str, str)

    def __init__(self, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.doc: Document | None = None
        self.model: ResultsTableModel | None = None
        self._pending_aid = ""
        self.proxy = ResultsFilterProxy(self)
        self.filter_edit = QLineEdit()
        self.role_combo = QComboBox()
        self.breakers_check = QCheckBox(self.tr("Only with deal-breakers"))
        self.count_label = QLabel()
        self.table = table_view("assessmentsTable", self.proxy, sortable=True)
        self._build()
        self.filter_edit.textChanged.connect(self._filters_changed)
        self.role_combo.currentIndexChanged.connect(self._filters_changed)
        self.breakers_check.toggled.connect(self._filters_changed)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        for sig in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                    self.proxy.layoutChanged):
            sig.connect(self._show_count)

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
        """Show ``doc``'s assessments (the table is built when the page is shown)."""
        old = self.model
        self.doc, self.model, self._pending_aid = doc, None, ""
        self.proxy.setSourceModel(None)
        if old is not None:
            old.detach()
            old.deleteLater()
        if self.isVisible():
            self._build_model()
        self._show_count()

    def _build_model(self) -> None:
        if self.model is not None or self.doc is None:
            return
        self.model = ResultsTableModel(self.doc, self, self.lang)
        self.proxy.setDynamicSortFilter(True)
        self.proxy.setSourceModel(self.model)
        self.model.modelReset.connect(self.fit)
        self.table.horizontalHeader().setResizeContentsPrecision(60)
        self.table.sortByColumn(self.model.column_of("overall"), Qt.SortOrder.DescendingOrder)
        self.fit()
        self._show_count()
        if self._pending_aid:
            self.select_assessment(self._pending_aid)

    def fit(self) -> None:
        """Size the columns to their contents (text columns capped)."""
        if self.model is not None:
            fit_columns(self.table, [c for c, col in enumerate(self.model.columns)
                                     if not col.numeric])

    def _filters_changed(self, *_args: object) -> None:
        self.proxy.set_text(self.filter_edit.text())
        self.proxy.set_role(self.role_combo.currentData() or "")
        self.proxy.set_deal_breakers_only(self.breakers_check.isChecked())

    def _show_count(self, *_args: object) -> None:
        doc = self.doc
        total = sum(len(st.assessments) for st in doc.portfolio.startups) if doc else 0
        self.count_label.setText(self.tr("{shown} of {total} assessments").format(
            shown=self.proxy.rowCount(), total=total))

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.model is not None:
            r = self.model.result(self.proxy.mapToSource(current).row())
            self.assessmentChosen.emit(r.startup_id, r.assessment_id)

    def select_assessment(self, assessment_id: str, reveal: bool = True) -> None:
        """Make an assessment's row current without emitting ``assessmentChosen``; when the
        filters hide it, clear them (``reveal``) or leave the selection alone."""
        self._pending_aid = assessment_id
        if self.model is None:
            return
        row = self.model.row_of(assessment_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid() and not reveal:
            return
        if not index.isValid():
            self.filter_edit.clear()
            self.role_combo.setCurrentIndex(0)
            self.breakers_check.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        sm = self.table.selectionModel()
        blocked = sm.blockSignals(True)
        sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)
        sm.blockSignals(blocked)
        self.table.viewport().update()

    def set_active(self, active: bool) -> None:
        """Build the table the first time, sort and filter on every change while shown, and
        catch up when shown again."""
        if active and self.model is None:
            self._build_model()
        elif active and not self.proxy.dynamicSortFilter():
            self.proxy.setDynamicSortFilter(True)
            self.proxy.invalidate()
        elif not active:
            self.proxy.setDynamicSortFilter(False)
