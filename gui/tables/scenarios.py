"""The Compare view's scenario table: each assessment's overall score and rank as entered and
under one of the framework's scenarios, with the change (from :mod:`models.engine.scenarios`).

The model does not follow the document by itself: recomputing every scenario on each score
edit would cost time nobody sees, so the Compare view calls :meth:`ScenarioDeltasModel.refresh`
(debounced) while the table is on screen.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from gui.document import Document
from gui.tables.base import Column, ResultRowsModel, number_or_none
from gui.tables.results import role_label
from gui.widgets.palette import STRATEGY_FG, WARNING_FG
from models.core.framework import text
from models.core.rounding import fixed
from models.engine.scenarios import ScenarioImpact, portfolio_scenario_impacts


class ScenarioDeltasModel(ResultRowsModel):
    """One row per assessment (document order) under the chosen scenario.

    Columns: Startup, Assessor, Role, Overall as entered, Overall under the scenario, Change,
    Rank as entered, Rank under the scenario, Rank change (positive = moves up); the numbers
    are the :class:`~models.engine.scenarios.ScenarioImpact` arrays of the columns' keys. Ranks
    are competition ranks over the whole portfolio (1 = highest). ``DisplayRole`` is text,
    ``SortRole`` the raw numbers (None when empty), ``ForegroundRole`` green for gains and red
    for losses.
    """

    (STARTUP, ASSESSOR, ROLE, BEFORE, AFTER, DELTA,
     RANK_BEFORE, RANK_AFTER, RANK_CHANGE) = range(9)

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.doc = doc
        self.lang = lang
        self.columns = self._columns()
        scenarios = doc.framework.scenarios
        self.scenario_id = scenarios[0].id if scenarios else ""
        self._impact: ScenarioImpact | None = None
        self._load()

    def _columns(self) -> list[Column]:
        return [
            Column("startup", self.tr("Startup")),
            Column("assessor", self.tr("Assessor")),
            Column("role", self.tr("Role")),
            Column("before", self.tr("Overall\nas entered"), "number",
                   self.tr("Overall score with the levels as scored")),
            Column("after", self.tr("Overall\nunder scenario"), "number",
                   self.tr("Overall score with the scenario's shifts applied")),
            Column("delta", self.tr("Change"), "number",
                   self.tr("Points gained (+) or lost (−) under the scenario")),
            Column("rank_before", self.tr("Rank\nas entered"), "number",
                   self.tr("Rank in the portfolio (1 = highest overall)")),
            Column("rank_after", self.tr("Rank\nunder scenario"), "number"),
            Column("rank_change", self.tr("Rank\nchange"), "number",
                   self.tr("Places moved up (+) or down (−) under the scenario")),
        ]

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
        self.emit_all_changed()

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell: text, or a float (None when empty)."""
        col = self.columns[column]
        if not col.numeric:
            return getattr(self._results[row], col.key)
        if self._impact is None:
            return None
        return number_or_none(getattr(self._impact, col.key)[row])

    def sort_key(self, row: int, column: int) -> Any:
        """A float or None for numbers, case-folded text otherwise."""
        v = self.value(row, column)
        return v.casefold() if isinstance(v, str) else v

    # -- Qt model interface ---------------------------------------------------------------
    def row_cell(self, row: int, column: int, role: int) -> Any:
        v = self.value(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, v)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.DELTA, self.RANK_CHANGE):
            if v is None or abs(v) < 0.05:
                return None
            return STRATEGY_FG if v > 0 else WARNING_FG
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.STARTUP, self.ASSESSOR):
            return v or None
        return None

    @classmethod
    def _display(cls, column: int, v: Any) -> Any:
        if column == cls.ROLE:
            return role_label(v)
        if column < cls.BEFORE:
            return v
        if v is None:
            return "–"
        if column in (cls.BEFORE, cls.AFTER):
            return fixed(v)
        if column == cls.DELTA:
            return f"{v:+.1f}".replace("-", "−") if abs(v) >= 0.05 else "0.0"
        if column == cls.RANK_CHANGE:
            return f"{v:+.0f}".replace("-", "−") if v else "0"
        return fixed(v, 0)

    def scenario_description(self) -> str:
        """The chosen scenario's description ('' when the framework has none)."""
        if not self.scenario_id:
            return ""
        return text(self.doc.framework.scenario(self.scenario_id).description, self.lang)
