"""The Compare view's Scenarios tab: each startup's overall score and rank under the window's
perspective, as scored and under one chosen scenario of the framework
(:class:`~gui.tables.scenarios.ScenarioDeltasModel`), without changing the document's active
scenario.

Recomputing every scenario on each edit would cost time nobody sees, so the table is refreshed
once a burst of edits has settled, and only while the tab is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.document import Document
from gui.tables.scenarios import ScenarioDeltasModel
from gui.widgets.chart_canvas import REDRAW_DELAY_MS
from gui.widgets.idle_refresh import IdleRefresher
from gui.widgets.table_view import fit_columns, table_view
from models.core.framework import text


class ScenarioPage(QWidget):
    """The Scenarios tab: the scenario choice, its description and the deltas table.

    Attributes:
        model: the :class:`~gui.tables.scenarios.ScenarioDeltasModel` of the document (sorting
            and filtering itself; the Compare view gives it the startups its filters show).

    Signals:
        startupChosen(str): the user chose a row; argument = the startup id.
    """

    startupChosen = Signal(str)

    def __init__(self, doc: Document, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.doc: Document | None = None
        self.doc = doc
        self.model = ScenarioDeltasModel(doc, self, lang)
        self._current_sid = ""
        self._columns_sized = False
        self.combo = QComboBox()
        self.note = QLabel()
        self.table = table_view("scenarioTable", self.model, sortable=True)
        self._build()
        self.refresher = IdleRefresher(
            self, self.refresh, ("scoresChanged", "structureChanged", "resultsChanged",
                                 "perspectiveChanged"), REDRAW_DELAY_MS)
        self.combo.activated.connect(self._chosen)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.sortByColumn(ScenarioDeltasModel.RANK_AFTER, Qt.SortOrder.AscendingOrder)
        self.set_document(doc)

    def _build(self) -> None:
        self.combo.setObjectName("compareScenarioCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Scenario")))
        row.addWidget(self.combo)
        row.addSpacing(12)
        row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    # -- document ---------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Show ``doc``'s startups (called when a portfolio is opened or created)."""
        self.doc = doc
        self.model.set_document(doc)
        self.refresher.follow(doc)
        self.fill_scenarios()

    def fill_scenarios(self) -> None:
        """Refill the scenario choice from the document's framework."""
        if self.doc is None:
            return
        self.combo.blockSignals(True)
        self.combo.clear()
        for scen in self.doc.framework.scenarios:
            self.combo.addItem(text(scen.name, self.lang), scen.id)
        self.combo.setCurrentIndex(max(0, self.combo.findData(self.model.scenario_id)))
        self.combo.blockSignals(False)
        self.refresher.schedule()

    def show_scenario(self, scenario_id: str) -> None:
        """Show the effect of one scenario (by id)."""
        i = self.combo.findData(scenario_id)
        if i < 0:
            raise KeyError(scenario_id)
        self.combo.setCurrentIndex(i)
        self._chosen(i)

    def _chosen(self, index: int) -> None:
        self.model.set_scenario(self.combo.itemData(index) or "")
        self._show_note()

    def refresh(self) -> None:
        """Recompute the table from the document now."""
        self.model.refresh()
        self._show_note()
        if not self._columns_sized:
            self._columns_sized = True
            fit_columns(self.table, (ScenarioDeltasModel.STARTUP,))

    def _show_note(self) -> None:
        if not self.model.scenario_id:
            self.note.setText(self.tr("This framework has no scenarios."))
            return
        self.note.setText(
            self.model.scenario_description() + " " +
            self.tr("Changes are against the scores as entered, under the window's "
                    "perspective; ranks are places in the ranking of every startup (gated ones "
                    "after the others), whatever the filter shows."))

    # -- selection --------------------------------------------------------------------------
    def set_current(self, startup_id: str) -> None:
        """Follow the startup chosen elsewhere in the Compare view."""
        self._current_sid = startup_id

    def set_visible_ids(self, ids: set[str] | None) -> None:
        """Show only these startups' rows (``None``: all)."""
        self.model.set_visible_ids(ids)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            sid = self.model.startup_id(current.row())
            if sid != self._current_sid:
                self._current_sid = sid
                self.startupChosen.emit(sid)
