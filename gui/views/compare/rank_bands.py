"""The Uncertainty tab's chart: each assessment's P10–P90 band of overall scores with its P50
and its score as entered, in the table's order, the selected assessment in bold."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtWidgets import QWidget

from gui.tables.base import number_or_none
from gui.tables.results_proxy import ResultsFilterProxy
from gui.tables.uncertainty import UncertaintyTableModel
from gui.widgets.chart_canvas import IdleChart, chart_fonts

#: Most assessments the band chart shows (the highest P50 first; the selected one always).
CHART_MAX = 40


class RankBandChart(IdleChart):
    """The bands of the rows ``proxy`` shows of ``model`` (greyed while the figures are
    stale), drawn on idle."""

    def __init__(self, model: UncertaintyTableModel, proxy: ResultsFilterProxy,
                 parent: QWidget | None = None) -> None:
        super().__init__(self._draw, "uncertaintyCanvas", 160, parent)
        self.model = model
        self.proxy = proxy
        self._current_aid = ""

    def set_current(self, assessment_id: str) -> None:
        """Write this assessment's name in bold (and always show its band)."""
        if assessment_id != self._current_aid:
            self._current_aid = assessment_id
            self.schedule()

    def shown_rows(self) -> list[int]:
        """Model rows the chart shows, top first: the table's order (the filters and sorting
        apply), at most as many as fit (up to :data:`CHART_MAX`), and always the selected
        assessment."""
        rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row()
                for r in range(self.proxy.rowCount())]
        if not self.model.figures:
            return []
        p50 = self.model.figures["p50"]
        rows = [r for r in rows if not math.isnan(float(p50[r]))]
        fit = max(5, min(CHART_MAX, int((self.height() - 70) // 15)))
        shown = rows[:fit]
        cur = self.model.row_of(self._current_aid)
        if cur in rows and cur not in shown and shown:
            shown[-1] = cur
        return shown

    def _draw(self, figure: Any) -> None:
        from models.charts.drawing import rank_band_chart

        ax = figure.add_subplot()
        rows = self.shown_rows()
        f = self.model.figures
        if not rows:
            ax.set_axis_off()
            ax.text(0.5, 0.5, self.tr("No figures yet.") if not f else
                    self.tr("No assessment with a score."), ha="center", va="center",
                    color="#6b6f76", transform=ax.transAxes)
            return
        labels = []
        for r in rows:
            res = self.model.result(r)
            labels.append(f"{res.startup} ({res.assessor})" if res.assessor else res.startup)
        cur = self.model.row_of(self._current_aid)
        rank_band_chart(
            ax, labels, [float(f["p10"][r]) for r in rows], [float(f["p50"][r]) for r in rows],
            [float(f["p90"][r]) for r in rows],
            overall=[number_or_none(float(f["overall"][r])) for r in rows],
            highlight=rows.index(cur) if cur in rows else None,
            xlabel=self.tr("Overall score: P10–P90 band, dot = P50"),
            legend=(self.tr("P10–P90"), self.tr("P50"), self.tr("as scored")),
            label_limit=26, label_font=chart_fonts())
        if self.model.stale:
            for artist in (*ax.collections, *ax.lines):
                artist.set_alpha(0.15)
            ax.text(0.5, 0.5, self.tr("Out of date"), transform=ax.transAxes, ha="center",
                    va="center", fontsize="large", color="#8a6d00", alpha=0.8)
        shown = len(rows)
        total = int(np.count_nonzero(~np.isnan(np.asarray(f["p50"], dtype=float))))
        if shown < total:
            ax.set_title(self.tr("{shown} of {total}, in the table's order").format(
                shown=shown, total=total), fontsize="x-small", color="#6b6f76", loc="right",
                pad=14)
