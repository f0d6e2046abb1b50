"""The Uncertainty tab's table: each startup's rank and overall score under the perspective,
its P10, P50 and P90 over a Monte Carlo run, and its probabilities of ranking first and in the
top three among the startups ranked (:func:`gui.jobs.analysis.startup_uncertainty_job`)."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt

from gui.tables.base import Column
from gui.tables.roles import SortRole, StartupIdRole
from gui.tables.sorted_rows import SortedRowsModel, text_keys
from gui.widgets.palette import STALE_FG, WARNING_FG
from models.core.rounding import fixed, percent
from models.engine.ranking import RankedStartup, Ranking


class UncertaintyTableModel(SortedRowsModel):
    """One row per startup of the last run: Rank, Startup, Overall, P10, P50, P90, P(rank 1),
    P(top 3); the numbers are the run's figures of the columns' keys.

    The rows are a snapshot of the ranking the run was made for, so they stay valid whatever
    happens to the document afterwards. ``DisplayRole`` is formatted text, ``SortRole`` the
    sort key, ``ForegroundRole`` grey while the figures are stale (red ranks for gated
    startups). Sorted by rank at first; it sorts and filters itself
    (:class:`~gui.tables.sorted_rows.SortedRowsModel`).
    """

    RANK, STARTUP, OVERALL, P10, P50, P90, P_RANK1, P_TOP3 = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = self._columns()
        self._figures: dict[str, Any] = {}
        self._rows: list[RankedStartup] = []  # document order, as the figures
        self._values: list[np.ndarray] = []  # per column, source rows
        self._names = np.zeros(0)
        self.stale = False
        self.sort_column = self.RANK

    def _columns(self) -> list[Column]:
        return [
            Column("rank", self.tr("Rank"), "number",
                   self.tr("Position in the ranking the figures were computed for")),
            Column("startup", self.tr("Startup")),
            Column("overall", self.tr("Overall"), "score",
                   self.tr("Overall score under the perspective, as scored")),
            Column("p10", self.tr("P10"), "score",
                   self.tr("In 10 % of the draws the overall score is lower than this")),
            Column("p50", self.tr("P50"), "score",
                   self.tr("The median overall score over the draws")),
            Column("p90", self.tr("P90"), "score",
                   self.tr("In 10 % of the draws the overall score is higher than this")),
            Column("p_rank1", self.tr("P(rank 1)"), "share",
                   self.tr("Share of the draws in which this startup ranks first among the "
                           "startups ranked")),
            Column("p_top_k", self.tr("P(top 3)"), "share",
                   self.tr("Share of the draws in which this startup ranks among the first "
                           "three")),
        ]

    # -- data -----------------------------------------------------------------------------
    def set_figures(self, ranking: Ranking, figures: dict[str, Any]) -> None:
        """Show a run's figures (:func:`gui.jobs.analysis.startup_uncertainty_job`) for the
        startups of ``ranking`` (the ranking the run was made for); clears staleness."""
        ids = [s.id for s in ranking.view.startups]
        if ids != list(figures["ids"]):
            raise ValueError("figures and ranking describe different startups")
        rows: list[RankedStartup | None] = [None] * len(ids)
        for r in ranking.rows:
            rows[r.row] = r
        ranked = ~np.isnan(np.asarray(figures["overall"], dtype=float))
        values = [np.array([r.rank for r in rows if r is not None], dtype=float),
                  np.zeros(len(ids))]
        for col in self.columns[self.OVERALL:]:
            figure = np.asarray(figures[col.key], dtype=float).copy()
            if col.kind == "share":
                figure[~ranked] = np.nan  # an unscored startup is not ranked at all
            values.append(figure)
        self.beginResetModel()
        self._rows = [r for r in rows if r is not None]
        self._figures = dict(figures)
        self._values = values
        self._names = text_keys([r.startup for r in self._rows])
        self.stale = False
        self.rebuild_order()
        self.endResetModel()

    def take_figures(self, other: UncertaintyTableModel) -> None:
        """Show the figures ``other`` shows, with its rows (a model built again in another
        language takes over its predecessor's run)."""
        self.beginResetModel()
        self._rows, self._figures = list(other._rows), dict(other._figures)
        self._values, self._names = list(other._values), other._names
        self.stale = other.stale
        self.rebuild_order()
        self.endResetModel()

    def clear(self) -> None:
        """Forget the figures (e.g. another portfolio was opened)."""
        self.beginResetModel()
        self._rows, self._figures, self._values = [], {}, []
        self._names = np.zeros(0)
        self._visible = None
        self.stale = False
        self.rebuild_order()
        self.endResetModel()

    def set_stale(self, stale: bool) -> None:
        """Grey the figures out (or back in)."""
        if stale != self.stale:
            self.stale = stale
            self.emit_all_changed([Qt.ItemDataRole.ForegroundRole])

    def set_visible_ids(self, ids: set[str] | None) -> None:
        """Show only these startups (``None``: all); the figures stay those of the run."""
        self.set_visible(None if ids is None else
                         np.array([r.startup_id in ids for r in self._rows], dtype=bool))

    @property
    def figures(self) -> dict[str, Any]:
        """The last run's figures ({} before the first)."""
        return self._figures

    def ranked(self, row: int) -> RankedStartup:
        """The ranking row of view row ``row`` (as when the run started)."""
        return self._rows[self.source_row(row)]

    def row_of(self, startup_id: str) -> int:
        """The view row of a startup, or -1."""
        for i, r in enumerate(self._rows):
            if r.startup_id == startup_id:
                return self.view_row(i)
        return -1

    def startup_ids(self) -> list[str]:
        """The run's startups, document order (source rows)."""
        return [r.startup_id for r in self._rows]

    def startup_names(self) -> list[str]:
        """The run's startups' names, document order (source rows)."""
        return [r.startup for r in self._rows]

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell (view row): the name, or a float (None when empty)."""
        src = self.source_row(row)
        if column == self.STARTUP:
            return self._rows[src].startup
        v = float(self._values[column][src])
        return None if math.isnan(v) else v

    # -- sorting --------------------------------------------------------------------------
    def source_count(self) -> int:
        return len(self._rows)

    def sort_keys(self, column: int) -> np.ndarray:
        return self._names if column == self.STARTUP else self._values[column]

    def tie_keys(self) -> np.ndarray:
        return self._values[self.RANK] if self._values else super().tie_keys()

    # -- Qt model interface ---------------------------------------------------------------
    def source_cell(self, source_row: int, column: int, role: int) -> Any:
        r = self._rows[source_row]
        if role == StartupIdRole:
            return r.startup_id
        if role == SortRole:
            v = float(self.sort_keys(column)[source_row])
            return None if math.isnan(v) else v
        if role == Qt.ItemDataRole.ForegroundRole:
            if self.stale:
                return STALE_FG
            return WARNING_FG if r.gated and column == self.RANK else None
        col = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.STARTUP:
                return ("⚠ " if r.gated else "") + r.startup
            v = float(self._values[column][source_row])
            if math.isnan(v):
                return "–"
            if col.kind == "share":
                return percent(v, 1)
            return fixed(v) if col.kind == "score" else str(int(v))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STARTUP:
            if r.gated:
                return self.tr("{name}: gated by {names}").format(
                    name=r.startup, names=", ".join(r.deal_breakers))
            return r.startup
        return None
