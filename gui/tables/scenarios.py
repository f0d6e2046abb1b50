"""The Compare view's scenario table: each assessment's overall score and rank as entered and
under one of the framework's scenarios, with the change (from :mod:`models.engine.scenarios`).

The model does not follow the document by itself: recomputing every scenario on each score
edit would cost time nobody sees, so the Compare view calls :meth:`ScenarioDeltasModel.refresh`
(debounced) while the table is on screen.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from gui.document import Document
from gui.tables.base import ReadOnlyTableModel
from gui.tables.results import search_text
from gui.tables.roles import AssessmentIdRole, SortRole, StartupIdRole
from gui.widgets.palette import STRATEGY_FG, WARNING_FG
from models.core.framework import text
from models.core.rounding import fixed
from models.engine.results import Result
from models.engine.scenarios import ScenarioImpact, portfolio_scenario_impacts

_Index = QModelIndex | QPersistentModelIndex


def _num(x: float) -> float | None:
    return None if math.isnan(x) else float(x)


class ScenarioDeltasModel(ReadOnlyTableModel):
    """One row per assessment (document order) under the chosen scenario.

    Columns: Startup, Assessor, Role, Overall as entered, Overall under the scenario, Change,
    Rank as entered, Rank under the scenario, Rank change (positive = moves up). Ranks are
    competition ranks over the whole portfolio (1 = highest). Roles as in
    :class:`~gui.tables.results.ResultsTableModel`: ``DisplayRole`` text, :data:`SortRole` raw
    numbers (None when empty), ``ForegroundRole`` green for gains and red for losses.
    """

    (STARTUP, ASSESSOR, ROLE, BEFORE, AFTER, DELTA,
     RANK_BEFORE, RANK_AFTER, RANK_CHANGE) = range(9)

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.doc = doc
        self.lang = lang
        scenarios = doc.framework.scenarios
        self.scenario_id = scenarios[0].id if scenarios else ""
        self._results: list[Result] = []
        self._impact: ScenarioImpact | None = None
        self._load()

    # -- data -----------------------------------------------------------------------------
    def _load(self) -> None:
        self._results = self.doc.results()
        fw = self.doc.framework
        if self.scenario_id not in {s.id for s in fw.scenarios}:
            self.scenario_id = fw.scenarios[0].id if fw.scenarios else ""
        if self.scenario_id:
            self._impact = portfolio_scenario_impacts(self.doc.portfolio, [self.scenario_id],
                                                      self.lang)[0]
        else:
            self._impact = None

    def set_scenario(self, scenario_id: str) -> None:
        """Show the effect of another scenario (by id)."""
        if scenario_id != self.scenario_id:
            self.scenario_id = scenario_id
            self.refresh()

    def refresh(self) -> None:
        """Recompute from the document: ``dataChanged`` when the rows are the same ones,
        otherwise a reset."""
        old = [r.assessment_id for r in self._results]
        new = [a.id for _, a in self.doc.portfolio.assessments()]
        if old != new:
            self.beginResetModel()
            self._load()
            self.endResetModel()
            return
        self._load()
        if self._results:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._results) - 1, self.columnCount() - 1))

    def result(self, row: int) -> Result:
        """The document's result for ``row`` (names, role, postures)."""
        return self._results[row]

    def search_text(self, row: int) -> str:
        """What the filter box searches (see :func:`gui.tables.results.search_text`)."""
        return search_text(self._results[row])

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell: text, or a float (None when empty)."""
        r = self._results[row]
        if column == self.STARTUP:
            return r.startup
        if column == self.ASSESSOR:
            return r.assessor
        if column == self.ROLE:
            return r.role
        imp = self._impact
        if imp is None:
            return None
        arrays = {self.BEFORE: imp.before, self.AFTER: imp.after, self.DELTA: imp.delta,
                  self.RANK_BEFORE: imp.rank_before, self.RANK_AFTER: imp.rank_after,
                  self.RANK_CHANGE: imp.rank_change}
        return _num(arrays[column][row])

    def sort_key(self, row: int, column: int) -> Any:
        """A float or None for numbers, case-folded text otherwise."""
        v = self.value(row, column)
        return v.casefold() if isinstance(v, str) else v

    # -- Qt model interface ---------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._results)

    def column_count(self) -> int:
        return 9

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 9:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Startup"), self.tr("Assessor"), self.tr("Role"),
                    self.tr("Overall\nas entered"), self.tr("Overall\nunder scenario"),
                    self.tr("Change"), self.tr("Rank\nas entered"),
                    self.tr("Rank\nunder scenario"), self.tr("Rank\nchange"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.BEFORE: self.tr("Overall score with the levels as scored"),
                self.AFTER: self.tr("Overall score with the scenario's shifts applied"),
                self.DELTA: self.tr("Points gained (+) or lost (−) under the scenario"),
                self.RANK_BEFORE: self.tr("Rank in the portfolio (1 = highest overall)"),
                self.RANK_CHANGE: self.tr("Places moved up (+) or down (−) under the "
                                          "scenario"),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        row, col = index.row(), index.column()
        if not 0 <= col < 9:
            return None
        if role == SortRole:
            return self.sort_key(row, col)
        if role == AssessmentIdRole:
            return self._results[row].assessment_id
        if role == StartupIdRole:
            return self._results[row].startup_id
        v = self.value(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.ROLE:
                return {"founder": self.tr("founder"), "investor": self.tr("investor"),
                        "other": self.tr("other")}.get(v, v)
            if col < self.BEFORE:
                return v
            if v is None:
                return "–"
            if col in (self.BEFORE, self.AFTER):
                return fixed(v)
            if col == self.DELTA:
                return f"{v:+.1f}".replace("-", "−") if abs(v) >= 0.05 else "0.0"
            if col == self.RANK_CHANGE:
                return f"{v:+.0f}".replace("-", "−") if v else "0"
            return fixed(v, 0)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col >= self.BEFORE:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.DELTA, self.RANK_CHANGE):
            if v is None or abs(v) < 0.05:
                return None
            return STRATEGY_FG if v > 0 else WARNING_FG
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.STARTUP, self.ASSESSOR):
            return v or None
        return None

    def scenario_description(self) -> str:
        """The chosen scenario's description ('' when the framework has none)."""
        if not self.scenario_id:
            return ""
        return text(self.doc.framework.scenario(self.scenario_id).description, self.lang)
