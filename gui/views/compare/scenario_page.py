"""The Compare view's Scenarios tab: each startup's overall score and rank under the window's
perspective, as scored and under one chosen scenario of the framework, with the exposure rules
that hit it (:class:`~gui.tables.scenarios.ScenarioDeltasModel`), without changing the
document's active scenario; beside the table, the scenario explained
(:func:`models.engine.scenario_text.explain_scenario`: its base shifts, each exposure rule's
conditions and extra shifts, how they combine).

Recomputing every scenario on each edit would cost time nobody sees, so the table is refreshed
once a burst of edits has settled, and only while the tab is on screen.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.document import Document
from gui.tables.scenarios import ScenarioDeltasModel
from gui.views.compare.columns import fit_compact, keep_room_for_arrow
from gui.views.framework.framework_text import scenario_html
from gui.widgets.chart_canvas import REDRAW_DELAY_MS
from gui.widgets.idle_refresh import IdleRefresher
from gui.widgets.panes import splitter
from gui.widgets.table_view import table_view
from models.core.framework import text
from models.engine.scenario_text import explain_scenario

#: Widest the startup and exposure columns start (pixels at scale 1; full names on hover).
EXPOSURE_COLUMN_MAX = 220


class ScenarioPage(QWidget):
    """The Scenarios tab: the scenario choice, a note, the deltas table and the scenario
    explained (:attr:`explanation`, rich text).

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
        self.explanation = QLabel()
        self.table = table_view("scenarioTable", self.model, sortable=True)
        self._build()
        self.refresher = IdleRefresher(
            self, self.refresh, ("scoresChanged", "structureChanged", "resultsChanged",
                                 "perspectiveChanged"), REDRAW_DELAY_MS)
        self.combo.activated.connect(self._chosen)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.sortByColumn(ScenarioDeltasModel.RANK_AFTER, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().setStretchLastSection(True)
        keep_room_for_arrow(self.table)
        self.set_document(doc)

    def _build(self) -> None:
        self.combo.setObjectName("compareScenarioCombo")
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        self.explanation.setObjectName("scenarioExplanation")
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.RichText)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.explanation.setContentsMargins(6, 2, 6, 2)
        scroll = QScrollArea()
        scroll.setWidget(self.explanation)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Scenario")))
        row.addWidget(self.combo)
        row.addSpacing(12)
        row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(row)
        layout.addWidget(splitter(Qt.Orientation.Horizontal, (self.table, scroll), (2, 1),
                                  (840, 400)), 1)

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
        self._select_current()
        self._show_note()
        if not self._columns_sized:
            self._columns_sized = True
            fit_compact(self.table, (ScenarioDeltasModel.STARTUP, ScenarioDeltasModel.EXPOSURE),
                        EXPOSURE_COLUMN_MAX)

    def _show_note(self) -> None:
        if not self.model.scenario_id or self.doc is None:
            self.note.setText(self.tr("This framework has no scenarios."))
            self.explanation.setText("")
            return
        self.note.setText(self.tr(
            "Changes are against the scores as entered, under the window's perspective; ranks "
            "are places in the ranking of every startup (gated ones after the others), "
            "whatever the filter shows."))
        self.explanation.setText(scenario_html(explain_scenario(
            self.doc.framework, self.model.scenario_id, self.lang)))

    # -- selection --------------------------------------------------------------------------
    def set_current(self, startup_id: str) -> None:
        """Follow the startup chosen elsewhere in the Compare view: its row becomes current
        (without ``startupChosen``)."""
        self._current_sid = startup_id
        self._select_current()

    def _select_current(self) -> None:
        row = self.model.row_of(self._current_sid)
        sm = self.table.selectionModel()
        if row < 0 or sm.currentIndex().row() == row:
            return
        index = self.model.index(row, 0)
        blocked = sm.blockSignals(True)
        sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)
        sm.blockSignals(blocked)
        self.table.viewport().update()
        self.table.scrollTo(index)

    def set_visible_ids(self, ids: set[str] | None) -> None:
        """Show only these startups' rows (``None``: all)."""
        self.model.set_visible_ids(ids)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            sid = self.model.startup_id(current.row())
            if sid != self._current_sid:
                self._current_sid = sid
                self.startupChosen.emit(sid)
