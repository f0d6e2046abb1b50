"""The Uncertainty tab's table: each assessment's overall score as scored, its P10, P50 and
P90 over a Monte Carlo run, and its probabilities of ranking first and in the top three."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt

from gui.tables.base import Column, ResultRowsModel
from gui.widgets.palette import STALE_FG
from models.core.rounding import fixed, percent
from models.engine.results import Result


class UncertaintyTableModel(ResultRowsModel):
    """One row per assessment of the last run: Startup, Assessor, Overall (as scored), P10,
    P50, P90, P(rank 1), P(top 3); the numbers are the run's figures of the columns' keys.

    ``DisplayRole`` is formatted text (scores with one decimal, probabilities as
    percentages), ``SortRole`` the raw number (None when empty), ``ForegroundRole`` grey while
    the figures are stale. The rows are a snapshot taken when the run started, so they stay
    valid whatever happens to the document afterwards; as a
    :class:`~gui.tables.base.ResultRowsModel` it is filtered like the Compare view's table.
    """

    STARTUP, ASSESSOR, OVERALL, P10, P50, P90, P_RANK1, P_TOP3 = range(8)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = self._columns()
        self._figures: dict[str, Any] = {}
        self._rows: dict[str, int] = {}
        # per row: the raw values, and the sort keys (case-folded text), built once per run
        self._values: list[tuple[Any, ...]] = []
        self._keys: list[tuple[Any, ...]] = []
        self.stale = False

    def _columns(self) -> list[Column]:
        return [
            Column("startup", self.tr("Startup")),
            Column("assessor", self.tr("Assessor")),
            Column("overall", self.tr("Overall"), "score",
                   self.tr("Overall score with the levels as scored")),
            Column("p10", self.tr("P10"), "score",
                   self.tr("In 10 % of the draws the overall score is lower than this")),
            Column("p50", self.tr("P50"), "score",
                   self.tr("The median overall score over the draws")),
            Column("p90", self.tr("P90"), "score",
                   self.tr("In 10 % of the draws the overall score is higher than this")),
            Column("p_rank1", self.tr("P(rank 1)"), "share",
                   self.tr("Share of the draws in which this assessment ranks first in the "
                           "portfolio")),
            Column("p_top_k", self.tr("P(top 3)"), "share",
                   self.tr("Share of the draws in which this assessment ranks among the first "
                           "three")),
        ]

    # -- data -----------------------------------------------------------------------------
    def set_figures(self, results: list[Result], figures: dict[str, Any]) -> None:
        """Show a run's figures (:func:`gui.jobs.targets.uncertainty_figures`) for ``results``
        (the document's results when the run started, same order); clears staleness."""
        if [r.assessment_id for r in results] != list(figures["ids"]):
            raise ValueError("figures and results describe different assessments")
        columns = []
        for col in self.columns[self.OVERALL:]:
            figure = np.asarray(figures[col.key], dtype=float)
            columns.append([None if math.isnan(x) else x for x in figure.tolist()])
        scored = [v is not None for v in columns[self.P50 - self.OVERALL]]
        for c in (self.P_RANK1, self.P_TOP3):  # nothing scored: no rank at all
            i = c - self.OVERALL
            columns[i] = [v if ok else None for v, ok in zip(columns[i], scored, strict=True)]
        values = [(r.startup, r.assessor, *cells)
                  for r, cells in zip(results, zip(*columns, strict=True), strict=True)]
        self.beginResetModel()
        self._results = list(results)
        self._figures = dict(figures)
        self._rows = {r.assessment_id: i for i, r in enumerate(results)}
        self._values = values
        self._keys = [(v[0].casefold(), v[1].casefold(), *v[2:]) for v in values]
        self.stale = False
        self.endResetModel()

    def clear(self) -> None:
        """Forget the figures (e.g. another portfolio was opened)."""
        self.beginResetModel()
        self._results, self._figures, self._rows = [], {}, {}
        self._values, self._keys = [], []
        self.stale = False
        self.endResetModel()

    def set_stale(self, stale: bool) -> None:
        """Grey the figures out (or back in)."""
        if stale != self.stale:
            self.stale = stale
            self.emit_all_changed([Qt.ItemDataRole.ForegroundRole])

    @property
    def figures(self) -> dict[str, Any]:
        """The last run's figures ({} before the first)."""
        return self._figures

    def row_of(self, assessment_id: str) -> int:
        """The row of an assessment, or -1."""
        return self._rows.get(assessment_id, -1)

    def results(self) -> list[Result]:
        """The rows' results, as the document had them when the run started."""
        return list(self._results)

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell: text, or a float (None when empty; the rank
        probabilities are None too for an assessment with nothing scored)."""
        return self._values[row][column]

    def sort_key(self, row: int, column: int) -> Any:
        """A float or None for numbers, case-folded text otherwise."""
        return self._keys[row][column]

    # -- Qt model interface ---------------------------------------------------------------
    def row_cell(self, row: int, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            return STALE_FG if self.stale else None
        v = self.value(row, column)
        col = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if not col.numeric:
                return v
            if v is None:
                return "–"
            return percent(v, 1) if col.kind == "share" else fixed(v)
        if role == Qt.ItemDataRole.ToolTipRole and not col.numeric:
            return v or None
        return None
