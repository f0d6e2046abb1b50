"""The Compare view: the portfolio's startups ranked under the window's perspective
(:mod:`gui.views.compare.startups_page`), every assessment for audit
(:mod:`gui.views.compare.assessments_page`) and, in tabs below them, the position map
(:mod:`gui.views.compare.position_map`), each scenario's effect on every startup's overall and
rank (:mod:`gui.views.compare.scenario_page`) and three analysis tabs: Uncertainty
(:mod:`gui.views.compare.uncertainty_panel`), Sensitivity
(:mod:`gui.views.compare.sensitivity_panel`) and Gaps (:mod:`gui.views.compare.gaps_panel`).

Everything follows one current **startup**: the row chosen on the Startups page, a mark on the
map, a row of a tab, or the startup of the assessment chosen on the Assessments page or in
Assess. Several startups can be selected on the Startups page (or by a rectangle dragged on the
map); the map rings and names them. The Startups page's filters (text, sector, stage, region,
tags, status) apply to the map and to the Scenarios and Uncertainty tables; they only hide rows
(ranks and probabilities stay those of every startup ranked).
"""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from gui.document import Document
from gui.i18n import language
from gui.tables.ranking import StartupRankingModel
from gui.views.compare.as_of import AsOfBar, follow_live
from gui.views.compare.assessments_page import AssessmentsPage
from gui.views.compare.gaps_panel import GapsPanel
from gui.views.compare.map_menu import in_portfolio
from gui.views.compare.position_map import PositionMap
from gui.views.compare.scenario_page import ScenarioPage
from gui.views.compare.sensitivity_panel import SensitivityPanel
from gui.views.compare.startups_page import StartupsPage
from gui.views.compare.uncertainty_panel import UncertaintyPanel
from gui.widgets.empty_state import EmptyPortfolioNote, window_command
from gui.widgets.panes import splitter
from models.core.framework import text
from models.engine.perspectives import latest_assessment


class CompareView(QWidget):
    """Compare the startups: the ranked table and the audit table in tabs above, the map,
    scenarios and analysis tabs below.

    Attributes:
        startups: the Startups page; model and table: its
            :class:`~gui.tables.ranking.StartupRankingModel` and table.
        assessments: the Assessments page (audit).
        map, scenarios, uncertainty_panel, sensitivity_panel, gaps_panel: the tabs below.

    Signals:
        assessmentActivated(str, str): the user chose a startup or an assessment; arguments
            are the startup id and an assessment id (for a startup: the latest assessment its
            perspective uses, '' if none). The main window selects them in Assess.
        currentStartupChanged(str): the current startup changed (by the user or through
            :meth:`select_assessment` / :meth:`select_startup`); the tabs follow it.
        openInAssess(str): the user asked to see a startup in Assess (the map's menu);
            argument = its id, current here already.
    """

    assessmentActivated = Signal(str, str)
    currentStartupChanged = Signal(str)
    openInAssess = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc = doc
        self._connections: list[QMetaObject.Connection] = []
        self._live_connections: list[QMetaObject.Connection] = []
        self._current_sid = ""
        self._current_aid = ""
        self._balanced = False
        self.startups = StartupsPage(doc, self.lang)
        self.assessments = AssessmentsPage(doc, self.lang)
        self.upper = QTabWidget()
        self.upper.setObjectName("compareTables")
        self.upper.addTab(self.startups, self.tr("Startups"))
        self.upper.addTab(self.assessments, self.tr("Assessments (audit)"))
        self._build_tabs(doc)
        #: the window's document; :attr:`doc` is it, or a past state of it (As of)
        self.live_doc = doc
        self.as_of = AsOfBar()
        self.as_of.changed.connect(self._as_of_changed)
        self.empty_note = EmptyPortfolioNote(lambda: self.tr(
            "No startups to compare yet. Add them in Assess or import founders' workbooks: "
            "each gets a row here, ranked under the perspective."), lambda: [
                (self.tr("Add Startup…"), window_command(self, "add_startup")),
                (self.tr("Import Founders' Workbooks…"),
                 window_command(self, "import_workbooks"))])
        self.scenario_label = QLabel()
        self.scenario_label.setObjectName("compareScenario")
        self.scenario_label.setStyleSheet("color: #a4262c; font-weight: 600;")
        self.splitter = splitter(Qt.Orientation.Vertical, (self.upper, self.tabs), (2, 3),
                                 (340, 460))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.as_of)
        layout.addWidget(self.empty_note)
        layout.addWidget(self.scenario_label)
        layout.addWidget(self.splitter, 1)
        self._connect_widgets()
        self.set_document(doc)

    @property
    def model(self) -> StartupRankingModel:
        """The Startups page's :class:`~gui.tables.ranking.StartupRankingModel`."""
        return self.startups.model

    @property
    def table(self) -> QTableView:
        """The Startups page's table."""
        return self.startups.table

    def _build_tabs(self, doc: Document) -> None:
        self.map = PositionMap(self.startups.model, self.lang)
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
        self.startups.currentStartupChanged.connect(self.activate_startup)
        self.startups.filterChanged.connect(self._filters_changed)
        self.startups.model.modelReset.connect(self._filters_changed)
        self.assessments.assessmentChosen.connect(self._assessment_chosen)
        for chooser in (self.map, self.scenarios, self.uncertainty_panel,
                        self.sensitivity_panel):
            chooser.startupChosen.connect(self.activate_startup)
        for follower in (self.map, self.scenarios, self.uncertainty_panel,
                         self.sensitivity_panel):
            self.currentStartupChanged.connect(follower.set_current)
        self.currentStartupChanged.connect(self.gaps_panel.set_startup)
        self.map.startupsSelected.connect(self._map_selected)
        self.map.openRequested.connect(self.activate_startup)
        self.map.openRequested.connect(self.openInAssess)
        self.map.menu.openable = lambda sid: in_portfolio(self.live_doc, sid)  # as of a day
        self.startups.selectionChanged.connect(
            lambda: self.map.set_selected(self.startups.selected_ids()))
        self.upper.currentChanged.connect(self._upper_changed)

    # -- document -----------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Show ``doc`` (called when a portfolio is opened or created)."""
        for connection in self._live_connections:
            QObject.disconnect(connection)
        self.live_doc = doc
        self._live_connections = [doc.perspectiveChanged.connect(self._follow_live),
                                  doc.scenarioChanged.connect(self._follow_live),
                                  doc.historyChanged.connect(self._live_changed)]
        self.as_of.reset()  # nothing chosen for another portfolio stays
        self.as_of.set_available(doc.workspace is not None)
        self.startups.clear_filters()
        self.assessments.clear_filters()
        self.empty_note.follow(doc)
        self._show_document(doc)

    def _live_changed(self) -> None:
        """The live portfolio changed: a past state shown is made again (it shares the
        startups untouched since its moment with the live one)."""
        if self.doc is not self.live_doc:
            self._as_of_changed()

    def _follow_live(self) -> None:
        """A past state follows the window's perspective, gates setting and scenario."""
        if self.doc is not self.live_doc:
            follow_live(self.doc, self.live_doc)

    def _as_of_changed(self) -> None:
        """Show the portfolio as of the day chosen, or the live one again."""
        from PySide6.QtGui import QGuiApplication

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            past = self.as_of.snapshot(self.live_doc)
        finally:
            QGuiApplication.restoreOverrideCursor()
        old, current = self.doc, self._current_sid
        if past is not None:
            past.writeRefused.connect(self._refused)
            follow_live(past, self.live_doc)
        self._show_document(past or self.live_doc)
        if current and any(s.id == current for s in self.doc.portfolio.startups):
            self.select_startup(current)  # the same startup stays chosen
        if old is not self.live_doc:
            old.deleteLater()

    def _refused(self, message: str) -> None:
        from gui.dialogs import ask

        ask.error(self, self.tr("Change not made"), message)

    def _show_document(self, doc: Document) -> None:
        for connection in self._connections:
            QObject.disconnect(connection)
        self.doc = doc
        if self.startups.model.doc is not doc:
            self.startups.set_document(doc)
        self.assessments.set_document(doc)
        for tab in (self.scenarios, self.uncertainty_panel, self.sensitivity_panel,
                    self.gaps_panel):
            if tab.doc is not doc:
                tab.set_document(doc)
        self._connections = [
            doc.frameworkChanged.connect(self._framework_changed),
            doc.scenarioChanged.connect(self._show_scenario),
            doc.resultsChanged.connect(self._show_scenario),
            doc.structureChanged.connect(self.startups.offer_choices),
        ]
        self._current_sid = self._current_aid = ""
        self.map.set_current("")
        self._framework_changed()
        self._show_scenario()
        self._filters_changed()

    def _framework_changed(self) -> None:
        """Refill the map's axis choices and the scenario choice."""
        self.map.set_framework(self.doc.framework)
        self.scenarios.fill_scenarios()

    def show_scenario_deltas(self, scenario_id: str) -> None:
        """Show the Scenarios tab for one scenario (by id)."""
        self.scenarios.show_scenario(scenario_id)
        self.tabs.setCurrentWidget(self.scenarios)

    def _show_scenario(self) -> None:
        scenario = self.doc.scenario
        self.scenario_label.setText("" if scenario is None else self.tr(
            "Scenario: {name}").format(name=text(scenario.name, self.lang)))
        self.scenario_label.setVisible(scenario is not None)

    def _filters_changed(self) -> None:
        visible = self.startups.model.visible_ids()
        self.scenarios.set_visible_ids(visible)
        self.uncertainty_panel.set_visible_ids(visible)

    def _upper_changed(self, _index: int) -> None:
        self.assessments.set_active(self.upper.currentWidget() is self.assessments
                                    and self.isVisible())

    # -- selection ----------------------------------------------------------------------------
    def current_startup_id(self) -> str:
        """The id of the current startup ('' if none)."""
        return self._current_sid

    def current_assessment_id(self) -> str:
        """The assessment last chosen here or followed from Assess ('' if none)."""
        return self._current_aid

    def _set_current(self, startup_id: str) -> bool:
        """Make ``startup_id`` current everywhere (no activation); True when it changed."""
        if startup_id == self._current_sid:
            return False
        self._current_sid = startup_id
        self.startups.select_startup(startup_id, emit=False)
        self.currentStartupChanged.emit(startup_id)
        return True

    def _map_selected(self, startup_ids: list[str], extend: bool) -> None:
        """Startups picked on the map: selected on the Startups page, which is shown."""
        self.upper.setCurrentWidget(self.startups)
        self.startups.select_startups(startup_ids, extend)

    def activate_startup(self, startup_id: str) -> None:
        """Choose a startup as the user does (emits ``assessmentActivated`` with the latest
        assessment its perspective uses)."""
        if not startup_id:
            return
        self._set_current(startup_id)
        try:
            st = self.doc.startup(startup_id)
        except KeyError:
            return
        used = self.doc.ranking().view.used[self.doc.startup_index(startup_id)]
        chosen = latest_assessment(used)
        self._current_aid = chosen.id if chosen is not None else ""
        if chosen is not None:
            self.assessments.select_assessment(chosen.id, reveal=False)
        self.assessmentActivated.emit(st.id, self._current_aid)

    def _assessment_chosen(self, startup_id: str, assessment_id: str) -> None:
        self._current_aid = assessment_id
        self._set_current(startup_id)
        self.assessmentActivated.emit(startup_id, assessment_id)

    def activate_assessment(self, assessment_id: str) -> None:
        """Choose an assessment as the user does on the Assessments page (emits
        ``assessmentActivated``)."""
        try:
            st, _ = self.doc.assessment(assessment_id)
        except KeyError:
            return
        self.assessments.select_assessment(assessment_id)
        self._assessment_chosen(st.id, assessment_id)

    def select_startup(self, startup_id: str) -> None:
        """Follow a startup chosen elsewhere, without emitting ``assessmentActivated``."""
        self._set_current(startup_id)

    def select_assessment(self, assessment_id: str) -> None:
        """Follow the assessment chosen in Assess: its startup becomes current and its row is
        chosen on the Assessments page, without emitting ``assessmentActivated``."""
        try:
            st, _ = self.doc.assessment(assessment_id)
        except KeyError:
            return
        self._current_aid = assessment_id
        self.assessments.select_assessment(assessment_id)
        self._set_current(st.id)

    # -- built again --------------------------------------------------------------------------
    def take_over(self, old: CompareView) -> None:
        """Show what ``old``, the view this one replaces (built again in another language),
        showed: its tabs and divider, the day "As of", the filters and sorts, the map's axes,
        the scenario, the consensus's assessments, the startups selected and the current one,
        and the Uncertainty tab's figures (taken over, not computed again)."""
        self.splitter.restoreState(old.splitter.saveState())
        self._balanced = old._balanced
        if old.as_of.moment() is not None:
            self.as_of.set_day(old.as_of.date_edit.date().toPython())  # type: ignore[arg-type]
        self.select_startup(old.current_startup_id())  # before the filters that may hide it
        self.startups.set_state(old.startups.state())
        self.assessments.set_state(old.assessments.state())
        self._current_aid = old.current_assessment_id()
        if self._current_aid:
            self.assessments.select_assessment(self._current_aid, reveal=False)
        self._keep_selection(old.startups.selected_ids())
        self.map.set_axes(*old.map.axis_keys())
        if old.scenarios.model.scenario_id:
            self.scenarios.show_scenario(old.scenarios.model.scenario_id)
        self.gaps_panel.set_state(old.gaps_panel.state())
        self.uncertainty_panel.take_over(old.uncertainty_panel)
        # last: a tab shown computes what it has not been given
        self.upper.setCurrentIndex(old.upper.currentIndex())
        self.tabs.setCurrentIndex(old.tabs.currentIndex())

    def _keep_selection(self, startup_ids: list[str]) -> None:
        """Select these startups' rows again, the current startup staying current (none is
        activated)."""
        if not startup_ids:
            return
        selection = self.startups.table.selectionModel()
        blocked = selection.blockSignals(True)
        self.startups.select_startups(startup_ids)
        row = self.startups.model.row_of(self._current_sid)
        if row >= 0:
            selection.setCurrentIndex(self.startups.model.index(row, 0),
                                      selection.SelectionFlag.NoUpdate)
        selection.blockSignals(blocked)
        self.startups.table.viewport().update()
        self.map.set_selected(self.startups.selected_ids())

    # -- showing ------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with changes made while the view was hidden."""
        super().showEvent(event)
        self.startups.model.set_active(True)
        self._upper_changed(self.upper.currentIndex())
        if not self._balanced:  # once laid out; by a timer that goes with the view
            self._balanced = True
            timer = QTimer(self, singleShot=True, interval=0)
            timer.timeout.connect(self._balance_splitter)
            timer.timeout.connect(timer.deleteLater)
            timer.start()

    def hideEvent(self, event: QHideEvent) -> None:
        """While hidden, the tables neither rank nor sort on every change (weight edits in the
        Framework view cost nothing here); they catch up when shown."""
        super().hideEvent(event)
        self.startups.model.set_active(False)
        self.assessments.set_active(False)

    def _balance_splitter(self) -> None:
        """Give the tables the height of their rows (up to half the view), the map the rest."""
        total = sum(self.splitter.sizes())
        if total <= 0:
            return
        t = self.startups.table
        rows = max(4, min(self.startups.model.rowCount(), 30))
        want = (t.horizontalHeader().sizeHint().height()
                + rows * t.verticalHeader().defaultSectionSize()
                + t.horizontalScrollBar().sizeHint().height() + 2 * t.frameWidth()
                + self.upper.tabBar().sizeHint().height()
                + self.startups.filter_edit.sizeHint().height() + 16)
        top = min(want, total // 2)
        self.splitter.setSizes([top, total - top])

