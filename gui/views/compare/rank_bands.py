"""The Uncertainty tab's chart: each startup's P10–P90 band of overall scores with its P50 and
its score as entered, in the table's order, the selected startup in bold."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtWidgets import QWidget

from gui.tables.base import number_or_none
from gui.tables.uncertainty import UncertaintyTableModel
from gui.widgets.chart_canvas import IdleChart, chart_fonts

#: Most startups the band chart shows (the table's first; the selected one always).
CHART_MAX = 40


class RankBandChart(IdleChart):
    """The bands of the rows ``model`` shows (greyed while the figures are stale), drawn on
    idle."""

    def __init__(self, model: UncertaintyTableModel, parent: QWidget | None = None) -> None:
        super().__init__(self._draw, "uncertaintyCanvas", 160, parent)
        self.model = model
        self._current_sid = ""

    def set_current(self, startup_id: str) -> None:
        """Write this startup's name in bold (and always show its band)."""
        if startup_id != self._current_sid:
            self._current_sid = startup_id
            self.schedule()

    def shown_rows(self) -> list[int]:
        """Source rows the chart shows, top first: the table's order (the filters and
        sorting apply), at most as many as fit (up to :data:`CHART_MAX`), and always the
        selected startup."""
        if not self.model.figures:
            return []
        p50 = self.model.figures["p50"]
        rows = [int(r) for r in self.model.shown_source_rows()
                if not math.isnan(float(p50[r]))]
        fit = max(5, min(CHART_MAX, int((self.height() - 84) // 15)))
        shown = rows[:fit]
        view_row = self.model.row_of(self._current_sid)
        cur = self.model.source_row(view_row) if view_row >= 0 else -1
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
                    self.tr("No startup with a score."), ha="center", va="center",
                    color="#6b6f76", transform=ax.transAxes)
            return
        names = self.model.startup_names()
        labels = [names[r] for r in rows]
        view_row = self.model.row_of(self._current_sid)
        cur = self.model.source_row(view_row) if view_row >= 0 else -1
        xlabel = self.tr("Overall score: P10–P90 band, dot = P50")
        total = int(np.count_nonzero(~np.isnan(np.asarray(f["p50"], dtype=float))))
        if len(rows) < total:  # said under the axis: above it, the legend takes the room
            xlabel += "\n" + self.tr("{shown} of {total}, in the table's order").format(
                shown=len(rows), total=total)
        rank_band_chart(
            ax, labels, [float(f["p10"][r]) for r in rows], [float(f["p50"][r]) for r in rows],
            [float(f["p90"][r]) for r in rows],
            overall=[number_or_none(float(f["overall"][r])) for r in rows],
            highlight=rows.index(cur) if cur in rows else None,
            xlabel=xlabel,
            legend=(self.tr("P10–P90"), self.tr("P50"), self.tr("as scored")),
            label_limit=26, label_font=chart_fonts())
        if self.model.stale:
            for artist in (*ax.collections, *ax.lines):
                artist.set_alpha(0.15)
            ax.text(0.5, 0.5, self.tr("Out of date"), transform=ax.transAxes, ha="center",
                    va="center", fontsize="large", color="#8a6d00", alpha=0.8)
