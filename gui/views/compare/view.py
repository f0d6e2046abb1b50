"""The Compare view: every assessment of the portfolio in a sortable, filterable table, a
2×2 position map of two chosen scores (technology threshold against incumbent pressure by
default) with one bubble per assessment sized by its overall score, a table of each
scenario's effect on every overall score and rank, and three analysis tabs: Uncertainty
(:mod:`gui.views.compare.uncertainty_panel`), Sensitivity
(:mod:`gui.views.compare.sensitivity_panel`) and Gaps
(:mod:`gui.views.compare.gaps_panel`).

matplotlib is imported only when the map is first drawn, and the map is redrawn on idle (a
short single-shot timer, then ``draw_idle``), never synchronously per keystroke or edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QMetaObject,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QCursor, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui.document import Document
from gui.i18n import language
from gui.tables.results import ResultsFilterProxy, ResultsTableModel
from gui.tables.scenarios import ScenarioDeltasModel
from gui.views.compare.gaps_panel import GapsPanel
from gui.views.compare.sensitivity_panel import SensitivityPanel
from gui.views.compare.uncertainty_panel import UncertaintyPanel
from models.core.framework import text
from models.core.portfolio import ROLES
from models.core.rounding import fixed

#: How long the map waits after the last change before it redraws (milliseconds).
MAP_REDRAW_DELAY_MS = 150
#: Widest a text column may start (pixels at scale 1); longer texts are elided, full on hover.
MAX_TEXT_COLUMN = 170


@dataclass(frozen=True)
class MapPoint:
    """One bubble of the position map.

    Attributes:
        assessment_id, startup_id: what the bubble stands for.
        label: startup name and assessor, shown on hover.
        x, y: the two chosen scores (0–100); size: the overall score (None if none).
        group: the assessor's role (colours the bubble).
    """

    assessment_id: str
    startup_id: str
    label: str
    x: float
    y: float
    size: float | None
    group: str


class CompareView(QWidget):
    """Compare all assessments: filter box, role filter, "deal-breakers only", the results
    table and, in tabs below it, the position map and the scenario deltas (the filters apply
    to all three).

    Signals:
        assessmentActivated(str, str): the user chose a row or a bubble; arguments are the
            startup id and the assessment id (the main window selects them in Assess).
        currentAssessmentChanged(str): the selected assessment changed, by the user or through
            :meth:`select_assessment`; the analysis tabs follow it.
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
        self._points: list[MapPoint] = []
        self._figure: Any = None
        self._canvas: Any = None
        self._bubbles: Any = None
        self._map_dirty = True
        self._balanced = False

        # filters
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by startup, assessor or posture"))
        self.filter_edit.setClearButtonEnabled(True)
        self.role_combo = QComboBox()
        self.role_combo.addItem(self.tr("All roles"), "")
        for role in ROLES:
            self.role_combo.addItem(self._role_label(role), role)
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

        # table
        self.table = QTableView()
        self.table.setObjectName("compareTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(60)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.table.selectionModel().currentRowChanged.connect(self._current_row_changed)

        # map tab
        self.x_combo = QComboBox()
        self.y_combo = QComboBox()
        for combo in (self.x_combo, self.y_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.map_note = QLabel()
        self.map_note.setObjectName("mapNote")
        self.map_note.setWordWrap(True)
        axes_row = QHBoxLayout()
        axes_row.addWidget(QLabel(self.tr("Horizontal axis")))
        axes_row.addWidget(self.x_combo)
        axes_row.addSpacing(12)
        axes_row.addWidget(QLabel(self.tr("Vertical axis")))
        axes_row.addWidget(self.y_combo)
        axes_row.addSpacing(12)
        axes_row.addWidget(self.map_note, 1)
        self.map_page = QWidget()
        self.map_page.setObjectName("mapPage")
        self.map_layout = QVBoxLayout(self.map_page)
        self.map_layout.setContentsMargins(4, 4, 4, 4)
        self.map_layout.addLayout(axes_row)
        # scenarios tab
        self.scenario_combo = QComboBox()
        self.scenario_combo.setObjectName("compareScenarioCombo")
        self.scenario_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scenario_note = QLabel()
        self.scenario_note.setWordWrap(True)
        self.scenario_table = QTableView()
        self.scenario_table.setObjectName("scenarioTable")
        self.scenario_proxy = ResultsFilterProxy(self)
        self.scenario_table.setModel(self.scenario_proxy)
        self.scenario_table.setSortingEnabled(True)
        self.scenario_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.scenario_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.scenario_table.setAlternatingRowColors(True)
        self.scenario_table.setWordWrap(False)
        self.scenario_table.verticalHeader().setVisible(False)
        self.scenario_table.verticalHeader().setDefaultSectionSize(
            self.fontMetrics().height() + 8)
        self.scenario_table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        scen_row = QHBoxLayout()
        scen_row.addWidget(QLabel(self.tr("Scenario")))
        scen_row.addWidget(self.scenario_combo)
        scen_row.addSpacing(12)
        scen_row.addWidget(self.scenario_note, 1)
        self.scenario_page = QWidget()
        self.scenario_page.setObjectName("scenarioPage")
        sl = QVBoxLayout(self.scenario_page)
        sl.setContentsMargins(4, 4, 4, 4)
        sl.addLayout(scen_row)
        sl.addWidget(self.scenario_table, 1)
        self.scenario_model: ScenarioDeltasModel | None = None
        self._scenarios_dirty = True
        self._scenario_columns_sized = False

        # analysis tabs
        self.uncertainty_panel = UncertaintyPanel(doc)
        self.uncertainty_panel.setObjectName("uncertaintyPage")
        self.sensitivity_panel = SensitivityPanel(doc)
        self.sensitivity_panel.setObjectName("sensitivityPage")
        self.gaps_panel = GapsPanel(doc)
        self.gaps_panel.setObjectName("gapsPage")
        for panel in (self.uncertainty_panel, self.sensitivity_panel):
            panel.assessmentChosen.connect(self.activate_assessment)
        self.currentAssessmentChanged.connect(self.uncertainty_panel.set_current)
        self.currentAssessmentChanged.connect(self.sensitivity_panel.set_current)
        self.currentAssessmentChanged.connect(self.gaps_panel.set_current)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.map_page, self.tr("Map"))
        self.tabs.addTab(self.scenario_page, self.tr("Scenarios"))
        self.tabs.addTab(self.uncertainty_panel, self.tr("Uncertainty"))
        self.tabs.addTab(self.sensitivity_panel, self.tr("Sensitivity"))
        self.tabs.addTab(self.gaps_panel, self.tr("Gaps"))

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([320, 480])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.splitter, 1)

        self._map_timer = QTimer(self)
        self._map_timer.setSingleShot(True)
        self._map_timer.setInterval(MAP_REDRAW_DELAY_MS)
        self._map_timer.timeout.connect(self._draw_map)
        self._scenario_timer = QTimer(self)
        self._scenario_timer.setSingleShot(True)
        self._scenario_timer.setInterval(MAP_REDRAW_DELAY_MS)
        self._scenario_timer.timeout.connect(self._refresh_scenarios)
        self.tabs.currentChanged.connect(lambda _i: self.schedule_scenarios())
        self.scenario_combo.activated.connect(self._scenario_chosen)
        self.scenario_table.selectionModel().currentRowChanged.connect(
            self._scenario_row_changed)

        self.filter_edit.textChanged.connect(self._filters_changed)
        self.role_combo.currentIndexChanged.connect(self._filters_changed)
        self.breakers_check.toggled.connect(self._filters_changed)
        self.x_combo.currentIndexChanged.connect(self.schedule_map)
        self.y_combo.currentIndexChanged.connect(self.schedule_map)
        for sig in (self.proxy.rowsInserted, self.proxy.rowsRemoved, self.proxy.modelReset,
                    self.proxy.layoutChanged, self.proxy.dataChanged):
            sig.connect(self._proxy_changed)
        self.set_document(doc)

    def _role_label(self, role: str) -> str:
        return {"founder": self.tr("founder"), "investor": self.tr("investor"),
                "other": self.tr("other")}[role]

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
        old_scen = self.scenario_model
        self.scenario_model = ScenarioDeltasModel(doc, self, self.lang)
        self.scenario_proxy.setSourceModel(self.scenario_model)
        if old_scen is not None:
            old_scen.deleteLater()
        for panel in (self.uncertainty_panel, self.sensitivity_panel, self.gaps_panel):
            if panel.doc is not doc:
                panel.set_document(doc)
        self._connections = [
            doc.frameworkChanged.connect(self._framework_changed),
            doc.scenarioChanged.connect(self._show_scenario),
            doc.resultsChanged.connect(self._show_scenario),
            self.model.modelReset.connect(self._model_reset),
            doc.scoresChanged.connect(self.schedule_scenarios),
            doc.structureChanged.connect(self.schedule_scenarios),
            doc.resultsChanged.connect(self.schedule_scenarios),
        ]
        self.scenario_table.sortByColumn(ScenarioDeltasModel.DELTA, Qt.SortOrder.AscendingOrder)
        self._current_aid = self._announced = ""
        self.table.sortByColumn(self.model.column_of("overall"), Qt.SortOrder.DescendingOrder)
        self._framework_changed()
        self._model_reset()
        self._show_scenario()

    def _framework_changed(self) -> None:
        """Refill the axis choices (keeping the chosen ones while they exist)."""
        if self.doc is None:
            return
        fw = self.doc.framework
        pillar_ids = [p.id for p in fw.pillars]
        default_x = "pillar:tech" if "tech" in pillar_ids else f"pillar:{pillar_ids[0]}"
        default_y = ("pillar:press" if "press" in pillar_ids else
                     f"pillar:{pillar_ids[1 if len(pillar_ids) > 1 else 0]}")
        for combo, default in ((self.x_combo, default_x), (self.y_combo, default_y)):
            keep = combo.currentData() or default
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Overall"), "overall")
            for p in fw.pillars:
                name = text(p.name, self.lang)
                combo.addItem(name if p.enabled else self.tr("{name} (switched off)").format(
                    name=name), f"pillar:{p.id}")
            i = combo.findData(keep)
            combo.setCurrentIndex(i if i >= 0 else max(0, combo.findData(default)))
            combo.blockSignals(False)
        self._fill_scenarios()
        self.schedule_map()

    def _model_reset(self) -> None:
        self._size_columns()
        self._restore_selection()

    def _size_columns(self) -> None:
        if self.model is None:
            return
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        limit = round(MAX_TEXT_COLUMN * max(1.0, self.logicalDpiX() / 96))
        for c, col in enumerate(self.model.columns):
            if col.kind in ("text", "rules") and header.sectionSize(c) > limit:
                header.resizeSection(c, limit)

    def _fill_scenarios(self) -> None:
        """Refill the scenario choice of the Scenarios tab."""
        if self.doc is None or self.scenario_model is None:
            return
        fw = self.doc.framework
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        for scen in fw.scenarios:
            self.scenario_combo.addItem(text(scen.name, self.lang), scen.id)
        self.scenario_combo.setCurrentIndex(
            max(0, self.scenario_combo.findData(self.scenario_model.scenario_id)))
        self.scenario_combo.blockSignals(False)
        self.schedule_scenarios()

    def _scenario_chosen(self, index: int) -> None:
        if self.scenario_model is not None:
            self.scenario_model.set_scenario(self.scenario_combo.itemData(index) or "")
            self._show_scenario_note()

    def show_scenario_deltas(self, scenario_id: str) -> None:
        """Show the Scenarios tab for one scenario (by id)."""
        i = self.scenario_combo.findData(scenario_id)
        if i < 0:
            raise KeyError(scenario_id)
        self.scenario_combo.setCurrentIndex(i)
        self._scenario_chosen(i)
        self.tabs.setCurrentWidget(self.scenario_page)

    def schedule_scenarios(self, *args: object) -> None:
        """Recompute the scenario table once things settle, if it is on screen (otherwise
        when it is next shown)."""
        self._scenarios_dirty = True
        if self.tabs.currentWidget() is self.scenario_page:
            self._scenario_timer.start()

    def _refresh_scenarios(self) -> None:
        if self.scenario_model is None or not self._scenarios_dirty:
            return
        self._scenarios_dirty = False
        self.scenario_model.refresh()
        self._show_scenario_note()
        if not self._scenario_columns_sized:
            self._scenario_columns_sized = True
            self.scenario_table.resizeColumnsToContents()
            header = self.scenario_table.horizontalHeader()
            limit = round(MAX_TEXT_COLUMN * max(1.0, self.logicalDpiX() / 96))
            for c in (ScenarioDeltasModel.STARTUP, ScenarioDeltasModel.ASSESSOR):
                header.resizeSection(c, min(header.sectionSize(c), limit))

    def _show_scenario_note(self) -> None:
        if self.scenario_model is None:
            return
        if not self.scenario_model.scenario_id:
            self.scenario_note.setText(self.tr("This framework has no scenarios."))
            return
        self.scenario_note.setText(
            self.scenario_model.scenario_description() + " " +
            self.tr("Changes are against the scores as entered; ranks are over the whole "
                    "portfolio."))

    def _scenario_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid() and self.scenario_model is not None:
            r = self.scenario_model.result(self.scenario_proxy.mapToSource(current).row())
            if r.assessment_id != self._current_aid:
                self.activate_assessment(r.assessment_id)

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
        self.proxy.set_text(self.filter_edit.text())
        self.proxy.set_role(self.role_combo.currentData() or "")
        self.proxy.set_deal_breakers_only(self.breakers_check.isChecked())
        self.scenario_proxy.set_text(self.filter_edit.text())
        self.scenario_proxy.set_role(self.role_combo.currentData() or "")
        self.scenario_proxy.set_deal_breakers_only(self.breakers_check.isChecked())
        unc = self.uncertainty_panel.proxy
        unc.set_text(self.filter_edit.text())
        unc.set_role(self.role_combo.currentData() or "")
        unc.set_deal_breakers_only(self.breakers_check.isChecked())

    def _proxy_changed(self, *args: object) -> None:
        total = self.model.rowCount() if self.model else 0
        shown = self.proxy.rowCount()
        self.count_label.setText(self.tr("{shown} of {total} assessments").format(
            shown=shown, total=total))
        self.schedule_map()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self.model is None:
            return
        row = self.proxy.mapToSource(current).row()
        r = self.model.result(row)
        if r.assessment_id == self._current_aid:
            return
        self._current_aid = r.assessment_id
        self._announce(r.assessment_id)
        self.schedule_map()
        if self._emitting:
            self.assessmentActivated.emit(r.startup_id, r.assessment_id)

    def _announce(self, assessment_id: str) -> None:
        """Tell the analysis tabs about a newly selected assessment (once per change)."""
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

    # -- map ------------------------------------------------------------------------------------
    def axis_keys(self) -> tuple[str, str]:
        """The keys of the map's axes: ``overall`` or ``pillar:ID`` for x and y."""
        return self.x_combo.currentData() or "overall", self.y_combo.currentData() or "overall"

    def set_axes(self, x_key: str, y_key: str) -> None:
        """Choose the map's axes by key (``overall`` or ``pillar:ID``)."""
        for combo, key in ((self.x_combo, x_key), (self.y_combo, y_key)):
            i = combo.findData(key)
            if i < 0:
                raise KeyError(key)
            combo.setCurrentIndex(i)

    def map_points(self) -> list[MapPoint]:
        """The bubbles the map shows: the rows that pass the filters, in table order, minus
        those lacking a score on either axis."""
        if self.model is None:
            return []
        x_key, y_key = self.axis_keys()
        xc, yc = self.model.column_of(x_key), self.model.column_of(y_key)
        oc = self.model.column_of("overall")
        points = []
        for prow in range(self.proxy.rowCount()):
            row = self.proxy.mapToSource(self.proxy.index(prow, 0)).row()
            x, y = self.model.value(row, xc), self.model.value(row, yc)
            if x is None or y is None:
                continue
            r = self.model.result(row)
            label = f"{r.startup} — {r.assessor}" if r.assessor else r.startup
            points.append(MapPoint(r.assessment_id, r.startup_id, label, x, y,
                                   self.model.value(row, oc), r.role))
        return points

    def _axis_label(self, key: str) -> str:
        if key == "overall" or self.doc is None:
            return self.tr("Overall score\n(100 = best for the startup)")
        pillar = self.doc.framework.pillar(key.split(":", 1)[1])
        name = text(pillar.name, self.lang)
        if pillar.direction == "cost":
            return self.tr("{name}\n(100 = least, best for the startup)").format(name=name)
        return self.tr("{name}\n(100 = best for the startup)").format(name=name)

    def _short_name(self, key: str) -> str:
        if key == "overall" or self.doc is None:
            return self.tr("overall")
        return text(self.doc.framework.pillar(key.split(":", 1)[1]).name, self.lang)

    def _captions(self, x_key: str, y_key: str) -> list[str]:
        """Quadrant captions: top-left, top-right, bottom-left, bottom-right."""
        if (x_key, y_key) == ("pillar:tech", "pillar:press"):
            return [self.tr("Little pressure, easy to copy"),
                    self.tr("Beachhead: hard to copy, little pressure"),
                    self.tr("Exposed: easy to copy, under pressure"),
                    self.tr("Hard to copy, under pressure")]
        x, y = self._short_name(x_key), self._short_name(y_key)
        return [self.tr("Strong on {y} only").format(y=y), self.tr("Strong on both"),
                self.tr("Weak on both"), self.tr("Strong on {x} only").format(x=x)]

    def schedule_map(self, *args: object) -> None:
        """Ask for a map redraw once things settle (debounced; drawn only while visible)."""
        self._map_dirty = True
        self._map_timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with changes made while the view was hidden (sorting, filters, map)."""
        super().showEvent(event)
        for proxy in (self.proxy, self.scenario_proxy):
            if not proxy.dynamicSortFilter():
                proxy.setDynamicSortFilter(True)
                proxy.invalidate()  # catch up: sort and filter what changed meanwhile
        if not self._balanced:
            self._balanced = True
            QTimer.singleShot(0, self._balance_splitter)
        if self._map_dirty:
            self._map_timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """While hidden, stop re-sorting and re-filtering on every change (caught up on show):
        weight edits in the Framework view then cost no sorting here."""
        super().hideEvent(event)
        for proxy in (self.proxy, self.scenario_proxy):
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

    def _ensure_canvas(self) -> None:
        if self._canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        _chart_fonts()
        self._figure = Figure(figsize=(6.0, 3.6), dpi=self.logicalDpiY() or 96)
        self._figure.set_layout_engine("constrained")
        self._canvas = FigureCanvasQTAgg(self._figure)
        self._canvas.setObjectName("mapCanvas")
        self._canvas.setMinimumHeight(200)
        self._canvas.setMouseTracking(True)
        self._canvas.mpl_connect("motion_notify_event", self._hover)
        self._canvas.mpl_connect("button_press_event", self._click)
        self.map_layout.addWidget(self._canvas, 1)

    def _draw_map(self) -> None:
        if not self.isVisible():
            return  # drawn by showEvent later
        self._map_dirty = False
        self._ensure_canvas()
        from models.charts.drawing import position_map

        self._points = self.map_points()
        pts = self._points
        x_key, y_key = self.axis_keys()
        self._figure.clear()
        ax = self._figure.add_subplot()
        highlight = next((i for i, p in enumerate(pts) if p.assessment_id == self._current_aid),
                         None)
        self._bubbles = position_map(
            ax, [p.x for p in pts], [p.y for p in pts], [p.size for p in pts],
            [p.label for p in pts], self._axis_label(x_key), self._axis_label(y_key),
            highlight, groups=[self._role_label(p.group) for p in pts],
            captions=self._captions(x_key, y_key), label_font=_chart_fonts())
        hidden = self.proxy.rowCount() - len(pts)
        note = self.tr("Bubble size: overall score. Hover a bubble for its name; click it to "
                       "select the assessment.")
        if hidden:
            note += " " + self.tr("{n} not shown: unscored on an axis.").format(n=hidden)
        self.map_note.setText(note)
        self._canvas.draw_idle()

    def _point_at(self, event: Any) -> int | None:
        if self._bubbles is None or event.inaxes is None:
            return None
        hit, info = self._bubbles.contains(event)
        indices = list(info.get("ind", [])) if hit else []
        return int(indices[-1]) if indices else None

    def _hover(self, event: Any) -> None:
        i = self._point_at(event)
        if i is None or i >= len(self._points):
            QToolTip.hideText()
            return
        p = self._points[i]
        x_key, y_key = self.axis_keys()
        overall = "–" if p.size is None else fixed(p.size)
        overall_word = self.tr("Overall")
        tip = (f"{p.label}\n{self._short_name(x_key)}: {fixed(p.x)} · "
               f"{self._short_name(y_key)}: {fixed(p.y)} · {overall_word}: {overall}")
        QToolTip.showText(QCursor.pos(), tip, self._canvas)

    def _click(self, event: Any) -> None:
        i = self._point_at(event)
        if i is not None and i < len(self._points):
            self.activate_assessment(self._points[i].assessment_id)


def _chart_fonts() -> list[str]:
    """Font families for chart labels (see :func:`gui.widgets.chart_canvas.chart_fonts`)."""
    from gui.widgets.chart_canvas import chart_fonts

    return chart_fonts()
