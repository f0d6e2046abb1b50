"""The Compare view: every assessment of the portfolio in a sortable, filterable table and, in
tabs below it, the position map (:mod:`gui.views.compare.position_map`), each scenario's effect
on every overall score and rank (:mod:`gui.views.compare.scenario_page`) and three analysis
tabs: Uncertainty (:mod:`gui.views.compare.uncertainty_panel`), Sensitivity
(:mod:`gui.views.compare.sensitivity_panel`) and Gaps (:mod:`gui.views.compare.gaps_panel`).

The tabs follow the assessment selected in the table, and choosing one in a tab selects it here.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QItemSelectionModel,
    QMetaObject,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui.document import Document
from gui.i18n import language
from gui.tables.results import ResultsTableModel, role_label
from gui.tables.results_proxy import ResultsFilterProxy
from gui.views.compare.gaps_panel import GapsPanel
from gui.views.compare.position_map import PositionMap
from gui.views.compare.scenario_page import ScenarioPage
from gui.views.compare.sensitivity_panel import SensitivityPanel
from gui.views.compare.uncertainty_panel import UncertaintyPanel
from gui.widgets.panes import splitter
from gui.widgets.table_view import fit_columns, table_view
from models.core.framework import text
from models.core.portfolio import ROLES


class CompareView(QWidget):
    """Compare all assessments: filter box, role filter, "deal-breakers only", the results
    table and, in tabs below it, the position map, the scenario deltas and the analysis tabs
    (the filters apply to the map, the scenario deltas and the uncertainty table too).

    Attributes:
        model, proxy: the :class:`~gui.tables.results.ResultsTableModel` of the document and
            the sorting and filtering proxy in front of it.
        map, scenarios, uncertainty_panel, sensitivity_panel, gaps_panel: the tabs.

    Signals:
        assessmentActivated(str, str): the user chose a row or a bubble; arguments are the
            startup id and the assessment id (the main window selects them in Assess).
        currentAssessmentChanged(str): the selected assessment changed, by the user or through
            :meth:`select_assessment`; the tabs follow it.
    """

    assessmentActivated = Signal(str, str)
    currentAssessmentChanged = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self.model: ResultsTableModel | None = None
        self.proxy = ResultsFilterProxy(self)
        self._connections: list[QMetaObject.Connection] = []
        self._current_aid = ""
        self._announced = ""
        self._emitting = True
        self._balanced = False
        filters = self._build_filters()
        self._build_table()
        self._build_tabs(doc)
        self.splitter = splitter(Qt.Orientation.Vertical, (self.table, self.tabs), (2, 3),
                                 (320, 480))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)
        self._connect_widgets()
        self.set_document(doc)

    def _build_filters(self) -> QHBoxLayout:
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by startup, assessor or posture"))
        self.filter_edit.setClearButtonEnabled(True)
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("All roles"), "")
        for role in ROLES:
            self.role_combo.addItem(role_label(role), role)
        self.breakers_check = QCheckBox(self.tr("Only with deal-breakers"))
        self.count_label = QLabel()
        self.count_label.setObjectName("compareCount")
        self.scenario_label = QLabel()
        self.scenario_label.setObjectName("compareScenario")
        filters = QHBoxLayout()
        filters.addWidget(self.filter_edit, 3)
        filters.addWidget(QLabel(self.tr("Role")))
        filters.addWidget(self.role_combo)
        filters.addWidget(self.breakers_check)
        filters.addStretch(1)
        filters.addWidget(self.scenario_label)
        filters.addWidget(self.count_label)
        return filters

    def _build_table(self) -> None:
        self.table = table_view("compareTable", self.proxy, sortable=True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(60)
        header.setStretchLastSection(True)

    def _build_tabs(self, doc: Document) -> None:
        self.map = PositionMap(self.proxy, self.lang)
        self.map.setObjectName("mapPage")
        self.scenarios = ScenarioPage(doc, self.lang)
        self.scenarios.setObjectName("scenarioPage")
        self.uncertainty_panel = UncertaintyPanel(doc)
        self.uncertainty_panel.setObjectName("uncertaintyPage")
        self.sensitivity_panel = SensitivityPanel(doc)
        self.sensitivity_panel.setObjectName("sensitivityPage")
        self.gaps_panel = GapsPanel(doc)
        self.gaps_panel.setObjectName("gapsPage")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.map, self.tr("Map"))
        self.tabs.addTab(self.scenarios, self.tr("Scenarios"))
        self.tabs.addTab(self.uncertainty_panel, self.tr("Uncertainty"))
        self.tabs.addTab(self.sensitivity_panel, self.tr("Sensitivity"))
        self.tabs.addTab(self.gaps_panel, self.tr("Gaps"))

    def _connect_widgets(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)
        for chooser in (self.map, self.scenarios, self.uncertainty_panel,
                        self.sensitivity_panel):
            chooser.assessmentChosen.connect(self.activate_assessment)
        for follower in (self.map, self.scenarios, self.uncertainty_panel,
                         self.sensitivity_panel, self.gaps_panel):
            self.currentAssessmentChanged.connect(follower.set_current)
        self.filter_edit.textChanged.connect(self._filters_changed)
        self.role_combo.currentIndexChanged.connect(self._filters_changed)
        self.breakers_check.toggled.connect(self._filters_changed)
        for sig in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                    self.proxy.layoutChanged, self.proxy.dataChanged):
            sig.connect(self._proxy_changed)

    # -- document -----------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Show ``doc`` (called when a portfolio is opened or created)."""
        for connection in self._connections:
            QObject.disconnect(connection)
        old_model = self.model
        self.doc = doc
        self.model = ResultsTableModel(doc, self, self.lang)
        self.proxy.setSourceModel(self.model)
        if old_model is not None:
            old_model.detach()
            old_model.deleteLater()
        for tab in (self.scenarios, self.uncertainty_panel, self.sensitivity_panel,
                    self.gaps_panel):
            if tab.doc is not doc:
                tab.set_document(doc)
        self._connections = [
            doc.frameworkChanged.connect(self._framework_changed),
            doc.scenarioChanged.connect(self._show_scenario),
            doc.resultsChanged.connect(self._show_scenario),
            self.model.modelReset.connect(self._model_reset),
        ]
        self._current_aid = self._announced = ""
        self.map.set_current("")
        self.table.sortByColumn(self.model.column_of("overall"), Qt.SortOrder.DescendingOrder)
        self._framework_changed()
        self._model_reset()
        self._show_scenario()

    def _framework_changed(self) -> None:
        """Refill the map's axis choices and the scenario choice."""
        if self.doc is not None:
            self.map.set_framework(self.doc.framework)
            self.scenarios.fill_scenarios()

    def _model_reset(self) -> None:
        if self.model is not None:
            fit_columns(self.table, [c for c, col in enumerate(self.model.columns)
                                     if not col.numeric])
        self._restore_selection()

    def show_scenario_deltas(self, scenario_id: str) -> None:
        """Show the Scenarios tab for one scenario (by id)."""
        self.scenarios.show_scenario(scenario_id)
        self.tabs.setCurrentWidget(self.scenarios)

    def _show_scenario(self) -> None:
        doc = self.doc
        if doc is None or doc.scenario is None:
            self.scenario_label.setText("")
            self.scenario_label.setVisible(False)
            return
        self.scenario_label.setText(self.tr("Scenario: {name}").format(
            name=text(doc.scenario.name, self.lang)))
        self.scenario_label.setStyleSheet("color: #a4262c; font-weight: 600;")
        self.scenario_label.setVisible(True)

    # -- filters and selection ----------------------------------------------------------------
    def _filters_changed(self) -> None:
        for proxy in (self.proxy, self.scenarios.proxy, self.uncertainty_panel.proxy):
            proxy.set_text(self.filter_edit.text())
            proxy.set_role(self.role_combo.currentData() or "")
            proxy.set_deal_breakers_only(self.breakers_check.isChecked())

    def _proxy_changed(self, *args: object) -> None:
        total = self.model.rowCount() if self.model else 0
        shown = self.proxy.rowCount()
        self.count_label.setText(self.tr("{shown} of {total} assessments").format(
            shown=shown, total=total))

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.model is None:
            return
        row = self.proxy.mapToSource(current).row()
        r = self.model.result(row)
        if r.assessment_id == self._current_aid:
            return
        self._current_aid = r.assessment_id
        self._announce(r.assessment_id)
        if self._emitting:
            self.assessmentActivated.emit(r.startup_id, r.assessment_id)

    def _announce(self, assessment_id: str) -> None:
        """Tell the tabs about a newly selected assessment (once per change)."""
        if assessment_id != self._announced:
            self._announced = assessment_id
            self.currentAssessmentChanged.emit(assessment_id)

    def _restore_selection(self) -> None:
        if self._current_aid:
            self._select(self._current_aid, emit=False)

    def select_assessment(self, assessment_id: str) -> None:
        """Select (and show) an assessment's row without emitting ``assessmentActivated``,
        e.g. to follow the startup chosen in Assess. Clears the filters if they hide it."""
        self._select(assessment_id, emit=False)

    def current_assessment_id(self) -> str:
        """The id of the selected assessment ('' if none)."""
        return self._current_aid

    def _select(self, assessment_id: str, emit: bool) -> None:
        if self.model is None:
            return
        row = self.model.row_of(assessment_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.filter_edit.clear()
            self.role_combo.setCurrentIndex(0)
            self.breakers_check.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        changed = assessment_id != self._current_aid
        self._emitting = emit
        try:
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect |
                QItemSelectionModel.SelectionFlag.Rows)
        finally:
            self._emitting = True
        self._current_aid = assessment_id
        self._announce(assessment_id)
        self.table.scrollTo(index)
        if emit and not changed:
            # choosing the current assessment again still tells the main window
            r = self.model.result(row)
            self.assessmentActivated.emit(r.startup_id, r.assessment_id)

    def activate_assessment(self, assessment_id: str) -> None:
        """Select an assessment as if the user had chosen it (emits ``assessmentActivated``)."""
        self._select(assessment_id, emit=True)

    # -- showing ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with changes made while the view was hidden (sorting and filters)."""
        super().showEvent(event)
        for proxy in (self.proxy, self.scenarios.proxy):
            if not proxy.dynamicSortFilter():
                proxy.setDynamicSortFilter(True)
                proxy.invalidate()  # catch up: sort and filter what changed meanwhile
        if not self._balanced:
            self._balanced = True
            QTimer.singleShot(0, self._balance_splitter)

    def hideEvent(self, event: QHideEvent) -> None:
        """While hidden, stop re-sorting and re-filtering on every change (caught up on show):
        weight edits in the Framework view then cost no sorting here."""
        super().hideEvent(event)
        for proxy in (self.proxy, self.scenarios.proxy):
            proxy.setDynamicSortFilter(False)

    def _balance_splitter(self) -> None:
        """Give the table the height of its rows (up to half the view), the map the rest."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        t = self.table
        rows = max(4, min(self.proxy.rowCount(), 30))
        want = (t.horizontalHeader().sizeHint().height()
                + rows * t.verticalHeader().defaultSectionSize()
                + t.horizontalScrollBar().sizeHint().height() + 2 * t.frameWidth() + 2)
        top = min(want, total // 2)
        self.splitter.setSizes([top, total - top])
