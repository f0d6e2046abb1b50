"""The Trend tab: the chosen startup's overall and pillar scores over time under the window's
perspective (:func:`models.history.trend.startup_trend`), drawn as step lines
(:func:`models.charts.trend.trend_chart`) on the one chart canvas; redrawn when the history,
the perspective or the startup changes, once the tab is on screen."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from gui.perspective import perspective_label
from gui.views.history.moments import CATCHING_UP, catching_up
from gui.views.history.page import HistoryPage
from gui.widgets.chart_canvas import IdleChart
from models.history.trend import Trend, startup_trend


class TrendPage(HistoryPage):
    """The Trend tab (see the module notes). ``trend`` is the trend shown (``None`` when
    there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("historyChanged", "perspectiveChanged"), parent)
        self.trend: Trend | None = None
        self.caption = QLabel()
        self.caption.setWordWrap(True)
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.chart = IdleChart(self._draw, "trendChart", min_height=220, min_width=360,
                               figsize=(7.0, 3.6))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.chart, 1)

    def refresh(self) -> None:
        """Work the trend out again and ask for a redraw."""
        doc = self.doc
        ws = doc.workspace if doc is not None else None
        if doc is None or ws is None or not self.startup_id:
            self.trend = None
            self.caption.setText(self.next_step() or (self.tr(
                "This portfolio is not kept in a workspace file, so its scores over time are "
                "not recorded.") if doc is not None and ws is None else ""))
        else:
            try:
                self.trend = startup_trend(ws, self.startup_id, current=doc.portfolio,
                                           perspective=doc.perspective, lang=self.lang)
            except CATCHING_UP:
                self.trend, self.refresher.dirty = None, True
                self.caption.setText(catching_up())
                self.chart.schedule()
                return
            changes = max(0, len(self.trend.points) - 1)
            self.caption.setText(self.tr(
                "Overall and pillar scores under {perspective}, each from the moment it was "
                "reached until the next change (%Ln change(s) of the scores).", "",
                changes).format(perspective=perspective_label(doc.perspective)))
        self.chart.schedule()

    def series(self) -> list[tuple[str, list[float | None]]]:
        """The lines drawn: the overall score, then each pillar's."""
        if self.trend is None:
            return []
        points = self.trend.points
        return [(self.tr("Overall"), [p.overall for p in points]),
                *[(name, [p.pillars.get(pid) for p in points])
                  for pid, name in self.trend.pillars.items()]]

    def _draw(self, figure: Any) -> None:
        from models.charts.trend import trend_chart

        ax = figure.add_subplot(111)
        if self.trend is None or not self.trend.points:
            ax.set_axis_off()
            return
        moments = [_local(p.at) for p in self.trend.points]
        trend_chart(ax, moments, self.series(), _local(dt.datetime.now(dt.UTC)),
                    ylabel=self.tr("Score (0–100)"))


def _local(moment: dt.datetime) -> dt.datetime:
    """A moment in the computer's time zone, as the axis shows it (naive)."""
    return moment.astimezone().replace(tzinfo=None)
