"""Live results of the chosen assessment: overall score, completeness, pillar bars, a radar,
postures with their reasons, deal-breakers and what would raise the score most (the fix of
each triggered deal-breaker first, then the three best one-level moves).

The painted bars update on every edit; the matplotlib radar (an
:class:`~gui.widgets.chart_canvas.IdleChart`) is created after the window first shows and
redrawn only when the application is idle.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from gui.widgets.chart_canvas import IdleChart
from gui.widgets.palette import STRATEGY_BG, STRATEGY_FG, WARNING_BG, WARNING_FG, score_colour
from gui.widgets.pillar_bars import PillarBars
from models.core.framework import Framework, text
from models.core.rounding import fixed, percent
from models.engine.results import Result
from models.engine.rules import RuleHit

#: The radar's height in pixels (fixed: see :meth:`ResultsPanel.enable_radar`).
RADAR_HEIGHT = 270


def _heading(title: str) -> QLabel:
    label = QLabel(f"<b>{html.escape(title)}</b>")
    label.setObjectName("sectionHeading")
    label.setWordWrap(True)  # a long heading wraps in a narrow column
    return label


class ResultsPanel(QScrollArea):
    """Shows one :class:`~models.engine.results.Result` (or a hint when there is none)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        self.setWidget(body)
        self.overall_label = QLabel()
        self.overall_label.setObjectName("overallLabel")
        self.overall_label.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.completeness_label = QLabel()
        self.scenario_label = QLabel()
        self.scenario_label.setWordWrap(True)
        self.bars = PillarBars()
        self.radar_host = QVBoxLayout()
        self.postures_label = QLabel()
        self.breakers_label = QLabel()
        self.improvements_label = QLabel()
        for label in (self.postures_label, self.breakers_label, self.improvements_label,
                      self.completeness_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        layout = QVBoxLayout(body)
        self._layout = layout
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(_heading(self.tr("Overall score")))
        layout.addWidget(self.overall_label)
        layout.addWidget(self.completeness_label)
        layout.addWidget(self.scenario_label)
        layout.addSpacing(6)
        layout.addWidget(_heading(self.tr("Pillars")))
        layout.addWidget(self.bars)
        layout.addLayout(self.radar_host)
        layout.addWidget(_heading(self.tr("Deal-breakers")))
        layout.addWidget(self.breakers_label)
        layout.addWidget(_heading(self.tr("Postures")))
        layout.addWidget(self.postures_label)
        layout.addWidget(_heading(self.tr("What would raise the score most")))
        layout.addWidget(self.improvements_label)
        layout.addStretch(1)
        self._framework: Framework | None = None
        self._result: Result | None = None
        self.radar: IdleChart | None = None
        self._radar_names: tuple[str, ...] = ()
        self._radar_series: Any = None
        self.show_result(None, None)

    def minimumSizeHint(self) -> QSize:
        """As narrow as the results can be without being cut (it never scrolls sideways):
        their own narrowest width and the vertical scroll bar's."""
        hint = super().minimumSizeHint()
        body = self.widget()
        if body is None:
            return hint
        bar = self.verticalScrollBar().sizeHint().width()
        return QSize(body.minimumSizeHint().width() + bar + 2 * self.frameWidth(),
                     hint.height())

    def insert_section(self, widget: QWidget) -> None:
        """Put ``widget`` above the results (the view's decision panel), scrolling with
        them."""
        self._layout.insertWidget(0, widget)
        self._layout.insertSpacing(1, 6)

    # -- radar (matplotlib, created lazily after first paint) ------------------------------
    def enable_radar_later(self) -> None:
        """:meth:`enable_radar` once the event loop turns, unless the panel is gone by then
        (a timer of its own: a singleShot with a context object is not in every PySide6)."""
        timer = QTimer(self, singleShot=True, interval=0)
        timer.timeout.connect(self.enable_radar)
        timer.timeout.connect(timer.deleteLater)
        timer.start()

    def enable_radar(self) -> None:
        """Create the radar chart and draw it (imports matplotlib); call once the window is
        visible."""
        if self.radar is not None:
            return
        self.radar = IdleChart(self._draw_radar, "radarCanvas", RADAR_HEIGHT, min_width=0,
                               figsize=(3.2, 3.0), layout=None, clear=False)
        # a fixed height: labels growing or shrinking with each edit never resize the chart,
        # which would draw it whole again instead of only its changed values
        self.radar.setFixedHeight(RADAR_HEIGHT)
        self.radar_host.addWidget(self.radar)
        self.radar.show()
        self.radar.redraw()

    def _draw_radar(self, figure: Any) -> list[Any]:
        """Update the radar: new values in place, a full replot only when the pillars change.
        Returns the series' artists, so a change of values redraws only them (blitting)."""
        r, fw = self._result, self._framework
        pillars = [p for p in fw.pillars if p.enabled] if fw is not None else []
        names = tuple(p.score_name(self._lang) for p in pillars)
        values = [r.pillars.get(p.id) for p in pillars] if r is not None else None
        if len(names) < 3 or values is None:
            if self._radar_names:
                figure.clear()
                self._radar_names, self._radar_series = (), None
            return []
        if names != self._radar_names:
            from models.charts.drawing import radar
            from models.charts.labels import spoke_label

            figure.clear()
            # polar tick labels sit outside the axes: leave a margin for them
            ax = figure.add_axes((0.2, 0.14, 0.6, 0.72), projection="polar")
            (self._radar_series,) = radar(ax, [spoke_label(n) for n in names],
                                          [("", values)])
            ax.tick_params(axis="x", labelsize=7, pad=2)
            self._radar_names = names
        else:
            self._radar_series.set_values(values)
        series = self._radar_series
        return [series.line, series.fill, series.markers]

    def _schedule_radar(self) -> None:
        if self.radar is not None:
            self.radar.schedule()

    # -- display --------------------------------------------------------------------------
    def show_result(self, result: Result | None, framework: Framework | None,
                    lang: str = "en") -> None:
        """Show ``result`` (None: nothing chosen)."""
        self._result, self._framework, self._lang = result, framework, lang
        if result is None or framework is None:
            self.overall_label.setText("<span style='font-size:28pt; color:#888'>–</span>")
            self.completeness_label.setText(self.tr("Choose or add a startup to see results."))
            self.scenario_label.setText("")
            self.bars.set_scores([])
            for label in (self.postures_label, self.breakers_label, self.improvements_label):
                label.setText("")
            self._schedule_radar()
            return
        colour = score_colour(result.overall).name()
        shown = "–" if result.overall is None else fixed(result.overall)
        self.overall_label.setText(
            f"<span style='font-size:28pt; font-weight:600; color:{colour}'>{shown}</span>"
            f"<span style='color:#777'> / 100</span>")
        partial_word = self.tr("partial")
        partial = (f" <b style='color:{WARNING_FG.name()}'>{partial_word}</b>"
                   if result.partial else "")
        self.completeness_label.setText(
            self.tr("Completeness: {pct}").format(pct=percent(result.completeness)) + partial)
        if result.scenario:
            scen = framework.scenario(result.scenario)
            self.scenario_label.setText(
                self.tr("Scenario applied: {name}").format(name=text(scen.name, lang)))
        else:
            self.scenario_label.setText("")
        self.bars.set_scores([(p.score_name(lang), result.pillars.get(p.id))
                              for p in framework.pillars if p.enabled])
        self.breakers_label.setText(self._rules_html(result.deal_breakers, warning=True) or
                                    "<i>" + self.tr("None triggered.") + "</i>")
        self.postures_label.setText(self._rules_html(result.postures) or
                                    "<i>" + self.tr("No posture fits yet.") + "</i>")
        self.improvements_label.setText(self._improvements_html(result))
        self._schedule_radar()

    def _improvements_html(self, result: Result) -> str:
        """The fixes of triggered deal-breakers first, then the best one-level moves."""
        if result.completeness <= 0:
            return "<i>" + self.tr("Score criteria first to see what would raise the score.") \
                + "</i>"
        if not result.improvements:
            return "<i>" + self.tr("Nothing left to improve.") + "</i>"
        items = []
        for i in result.improvements:
            if i.needs is not None:
                item = html.escape(self.tr("Needs {condition}").format(condition=i.needs))
            else:
                sign = "+" if i.gain >= 0 else ""
                item = (f"{html.escape(i.name)}: {i.from_level} → {i.to_level} "
                        f"<b>{sign}{fixed(i.gain)}</b>")
            if i.fixes is not None:
                fixes = self.tr("Fixes deal-breaker {name}").format(name=i.fixes)
                item += f"<br><span style='color:{WARNING_FG.name()}'>⚠ {html.escape(fixes)}</span>"
            items.append(f"<li>{item}</li>")
        return f"<ol style='margin-left:-20px'>{''.join(items)}</ol>"

    def _rules_html(self, hits: list[RuleHit], warning: bool = False) -> str:
        blocks = []
        because = self.tr("because")
        for h in hits:
            is_warning = warning or h.kind == "warning"
            bg = (WARNING_BG if is_warning else STRATEGY_BG).name()
            fg = (WARNING_FG if is_warning else STRATEGY_FG).name()
            mark = "⚠ " if is_warning else ""
            reasons = "; ".join(html.escape(r) for r in h.reasons)
            blocks.append(
                f"<table width='100%' cellpadding='5' style='background:{bg}; margin-bottom:4px'>"
                f"<tr><td><b style='color:{fg}'>{mark}{html.escape(h.name)}</b><br/>"
                f"<span style='color:#444'>{because} {reasons}</span></td></tr>"
                "</table>")
        return "".join(blocks)
