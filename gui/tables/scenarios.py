"""The Compare view's scenario table: each startup's overall score and rank under the window's
perspective, as scored and under one of the framework's scenarios, with the changes.

Both rankings are :func:`models.engine.ranking.rank_startups` (the ranking the Startups page
shows, its gates and ties included), so a rank change here is a move in that list. The last
column names the scenario's exposure rules that hold for each startup
(:func:`models.engine.scenarios.exposure_hits`, on its levels under the perspective before the
shift): why one startup moves more than another. The model
does not follow the document by itself: recomputing a scenario on each score edit would cost
time nobody sees, so the Compare view calls :meth:`ScenarioDeltasModel.refresh` (debounced)
while the table is on screen.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt

from gui.document import Document
from gui.i18n import language, list_separator
from gui.tables.base import Column, signed
from gui.tables.roles import SortRole, StartupIdRole
from gui.tables.sorted_rows import SortedRowsModel, text_keys
from gui.widgets.palette import STRATEGY_FG, WARNING_FG
from models.core.rounding import fixed
from models.engine.ranking import Ranking, rank_startups
from models.engine.scenarios import exposure_hits


def _by_row(ranking: Ranking, n: int) -> tuple[np.ndarray, np.ndarray, list[bool]]:
    """Overall, rank and gate of each startup (document order)."""
    overall, rank, gated = np.full(n, np.nan), np.full(n, np.nan), [False] * n
    for r in ranking.rows:
        overall[r.row] = np.nan if r.overall is None else r.overall
        rank[r.row] = r.rank
        gated[r.row] = r.gated
    return overall, rank, gated


class ScenarioDeltasModel(SortedRowsModel):
    """One row per startup under the chosen scenario.

    Columns: Startup, Overall as scored, Overall under the scenario, Change, Rank as scored,
    Rank under the scenario, Rank change (positive = moves up), Exposure (the rules that hit
    it; sorted by how many). An unscored startup has no
    overall; its ranks are its places at the end of the list. ``DisplayRole`` is text,
    ``SortRole`` the raw numbers, ``ForegroundRole`` green for gains and red for losses (and
    for a startup that a deal-breaker gates under the scenario but not as scored).
    """

    STARTUP, BEFORE, AFTER, DELTA, RANK_BEFORE, RANK_AFTER, RANK_CHANGE, EXPOSURE = range(8)

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.doc = doc
        self.lang = lang
        self.columns = self._columns()
        scenarios = doc.framework.scenarios
        self.scenario_id = scenarios[0].id if scenarios else ""
        self._ids: list[str] = []
        self._names: list[str] = []
        self._gated: list[tuple[bool, bool]] = []
        self._hits: list[list[str]] = []
        self._values: list[np.ndarray] = []
        self._name_keys = np.zeros(0)
        self._visible_ids: set[str] | None = None
        self.sort_column = self.RANK_AFTER

    def _columns(self) -> list[Column]:
        return [
            Column("startup", self.tr("Startup")),
            Column("before", self.tr("Overall\nas scored"), "number",
                   self.tr("Overall score under the perspective, as scored")),
            Column("after", self.tr("Overall\nunder scenario"), "number",
                   self.tr("Overall score with the scenario's shifts applied")),
            Column("delta", self.tr("Change"), "number",
                   self.tr("Points gained (+) or lost (−) under the scenario")),
            Column("rank_before", self.tr("Rank\nas scored"), "number",
                   self.tr("Position in the ranking as scored (gated startups after the "
                           "others)")),
            Column("rank_after", self.tr("Rank\nunder scenario"), "number",
                   self.tr("Position in the ranking under the scenario")),
            Column("rank_change", self.tr("Rank\nchange"), "number",
                   self.tr("Places moved up (+) or down (−) under the scenario")),
            Column("exposure", self.tr("Exposure"), "rules",
                   self.tr("The scenario's exposure rules that hold for the startup, judged on "
                           "its levels before the shift: each adds its own shifts")),
        ]

    # -- data -----------------------------------------------------------------------------
    def _rankings(self) -> tuple[Ranking, Ranking | None]:
        doc = self.doc
        before = doc.ranking() if doc.scenario is None else rank_startups(
            doc.portfolio, doc.perspective, ignore_gates=doc.ignore_gates, lang=language())
        if not self.scenario_id:
            return before, None
        return before, rank_startups(doc.portfolio, doc.perspective, scenario=self.scenario_id,
                                     ignore_gates=doc.ignore_gates, lang=language())

    def _load(self) -> None:
        fw = self.doc.framework
        if self.scenario_id not in {s.id for s in fw.scenarios}:
            self.scenario_id = fw.scenarios[0].id if fw.scenarios else ""
        before, after = self._rankings()
        startups = before.view.startups
        n = len(startups)
        self._ids = [s.id for s in startups]
        self._names = [s.name for s in startups]
        b_overall, b_rank, b_gated = _by_row(before, n)
        a_overall, a_rank, a_gated = _by_row(after, n) if after is not None else (
            np.full(n, np.nan), np.full(n, np.nan), [False] * n)
        self._gated = list(zip(b_gated, a_gated, strict=True))
        scenario = fw.scenario(self.scenario_id) if self.scenario_id else None
        self._hits = exposure_hits(before.view.levels, fw, scenario, self.lang)
        self._values = [np.zeros(n), b_overall, a_overall, a_overall - b_overall, b_rank,
                        a_rank, b_rank - a_rank,
                        np.array([len(h) for h in self._hits], dtype=float)]
        self._name_keys = text_keys(self._names)

    def set_document(self, doc: Document) -> None:
        """Show ``doc``'s startups (empty until the next :meth:`refresh`)."""
        self.beginResetModel()
        self.doc = doc
        self._ids, self._names, self._gated, self._values, self._hits = [], [], [], [], []
        self._name_keys = np.zeros(0)
        self._visible = None
        self.rebuild_order()
        self.endResetModel()

    def set_scenario(self, scenario_id: str) -> None:
        """Show the effect of another scenario (by id)."""
        if scenario_id != self.scenario_id:
            self.scenario_id = scenario_id
            self.refresh()

    def refresh(self) -> None:
        """Recompute from the document: sorted again when the startups are the same ones,
        otherwise a reset."""
        if [s.id for s in self.doc.portfolio.startups] != self._ids:
            self.beginResetModel()
            self._load()
            self._visible = self._mask()
            self.rebuild_order()
            self.endResetModel()
            return
        self._load()
        self.reorder()
        self.emit_all_changed()

    def set_visible_ids(self, ids: set[str] | None) -> None:
        """Show only these startups (``None``: all); ranks stay those of every startup."""
        self._visible_ids = ids
        self.set_visible(self._mask())

    def _mask(self) -> np.ndarray | None:
        ids = self._visible_ids
        return None if ids is None else np.array([sid in ids for sid in self._ids], dtype=bool)

    def startup_id(self, row: int) -> str:
        """The startup of view row ``row``."""
        return self._ids[self.source_row(row)]

    def row_of(self, startup_id: str) -> int:
        """The view row of a startup, or -1."""
        return self.view_row(self._ids.index(startup_id)) if startup_id in self._ids else -1

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell (view row): the name, the exposure rules' names (a list),
        or a float (None when empty)."""
        src = self.source_row(row)
        if column == self.STARTUP:
            return self._names[src]
        if column == self.EXPOSURE:
            return list(self._hits[src])
        v = float(self._values[column][src])
        return None if math.isnan(v) else v

    # -- sorting --------------------------------------------------------------------------
    def source_count(self) -> int:
        return len(self._ids)

    def sort_keys(self, column: int) -> np.ndarray:
        return self._name_keys if column == self.STARTUP else self._values[column]

    def tie_keys(self) -> np.ndarray:
        return self._values[self.RANK_BEFORE]

    # -- Qt model interface ---------------------------------------------------------------
    def source_cell(self, source_row: int, column: int, role: int) -> Any:
        if role == StartupIdRole:
            return self._ids[source_row]
        if role == SortRole:
            v = float(self.sort_keys(column)[source_row])
            return None if math.isnan(v) else v
        if column == self.EXPOSURE:
            if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return None
            return list_separator().join(self._hits[source_row]) or None
        if column == self.STARTUP:
            name = self._names[source_row]
            gated_before, gated_after = self._gated[source_row]
            if role == Qt.ItemDataRole.DisplayRole:
                return ("⚠ " if gated_after else "") + name
            if role == Qt.ItemDataRole.ForegroundRole and gated_after and not gated_before:
                return WARNING_FG
            if role == Qt.ItemDataRole.ToolTipRole:
                return self._gate_tip(name, gated_before, gated_after)
            return None
        v = float(self._values[column][source_row])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(column, None if math.isnan(v) else v)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.DELTA, self.RANK_CHANGE):
            if math.isnan(v) or abs(v) < 0.05:
                return None
            return STRATEGY_FG if v > 0 else WARNING_FG
        return None

    def _gate_tip(self, name: str, before: bool, after: bool) -> str:
        if after and not before:
            return self.tr("{name}: a deal-breaker fires under the scenario").format(name=name)
        if before and not after:
            return self.tr("{name}: the scenario lifts its deal-breaker").format(name=name)
        if after:
            return self.tr("{name}: gated as scored and under the scenario").format(name=name)
        return name

    @classmethod
    def _display(cls, column: int, v: float | None) -> str:
        if v is None:
            return "–"
        if column in (cls.BEFORE, cls.AFTER):
            return fixed(v)
        if column == cls.DELTA:
            return signed(v)
        if column == cls.RANK_CHANGE:
            return f"{v:+.0f}".replace("-", "−") if v else "0"
        return fixed(v, 0)
