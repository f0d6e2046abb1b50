"""The page of one assessment: the startup's facts, the overall score with its band, a pillar
radar (:func:`models.charts.drawing.radar`) and the blocks of
:mod:`models.report.assessment_blocks`.
"""

from __future__ import annotations

from typing import Any

from models.core.framework import text
from models.core.rounding import fixed, percent
from models.engine.results import Result
from models.report.assessment_blocks import criteria_table, gaps_block, rules_block
from models.report.data import ReportData
from models.report.metrics import Metrics
from models.report.page import (
    AMBER,
    GREEN,
    INK,
    LEFT,
    MUTED,
    RIGHT,
    RULE,
    Page,
    footer,
    role_text,
    score_text,
)
from models.report.texts import labels

#: Width of the score block's left column (overall, band, improvements).
_SCORE_COLUMN = 258.0


class AssessmentSheet:
    """One Figure reused for every assessment page: its axes (band strip and pillar radar) are
    built once and updated in place; texts, patches and lines are redrawn for each page."""

    def __init__(self, data: ReportData, metrics: Metrics) -> None:
        from matplotlib.patches import Rectangle

        self.data = data
        self.page = Page(metrics)
        self.header_end = 104.0 if data.scenario is not None else 93.0
        self.top = self.header_end + 8
        # the band strip: a 0–100 track, the P10–P90 band and the overall as a dot
        ax = self.page.axes(LEFT + 2, self.top + 51, _SCORE_COLUMN - 14, 14)
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 1)
        ax.set_yticks([])
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.tick_params(axis="x", length=2, pad=1.5, labelsize=6)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.axhspan(0.35, 0.65, color="#e6e9ed", linewidth=0)
        self.band = Rectangle((0, 0.12), 0, 0.76, color="#2f6fb0", alpha=0.3, linewidth=0)
        ax.add_patch(self.band)
        (self.dot,) = ax.plot([], [], "o", color="#2f6fb0", markersize=5.5,
                              markeredgecolor="white", markeredgewidth=0.8, clip_on=False)
        # the pillars: a radar with three or more enabled pillars, bars otherwise
        self.pillars = [p for p in data.framework.pillars if p.enabled]
        self.chart_x = LEFT + _SCORE_COLUMN + 22
        self.chart_w = RIGHT - self.chart_x
        n = len(self.pillars)
        if n >= 3:
            from models.charts.drawing import radar

            size = 118.0
            self.chart = self.page.axes(self.chart_x + (self.chart_w - size) / 2,
                                        self.top + 38, size, size, projection="polar")
            (self.series,) = radar(self.chart, [""] * n, [("", [None] * n)], fill_alpha=0.2)
            self.chart.tick_params(axis="x", labelsize=6.8, pad=1, colors=INK)
            self.chart.tick_params(axis="y", labelsize=5.5)
            self.chart.grid(color="#d5dae0", linewidth=0.5)
            self.chart.spines["polar"].set_color(RULE)
            self.chart.set_rlabel_position(180 / n)
            self.bars = None
        else:
            self.chart = self.page.axes(self.chart_x + 70, self.top + 30, self.chart_w - 80,
                                        22.0 * n)
            self.bars = self.chart.barh(range(n), [0.0] * n, color="#2f6fb0", alpha=0.7)
            self.chart.set_xlim(0, 100)
            self.chart.set_yticks(range(n))
            self.chart.invert_yaxis()
            self.chart.tick_params(axis="y", labelsize=6.8)

    def draw(self, i: int, total: int) -> Any:
        """Compose the page of assessment ``i`` (of ``total`` pages) and return the Figure."""
        data, page = self.data, self.page
        fig = page.fig
        fig.texts.clear()
        fig.patches.clear()
        fig.lines.clear()
        fig.stale = True
        lab = labels(data.lang)
        st, a = data.pairs[i]
        res = data.results[i]
        width = RIGHT - LEFT
        # header: who and what
        page.text(LEFT, 54, st.name, size=17, bold=True, width=width)
        facts = [(lab["sector"], st.sector), (lab["stage"], st.stage),
                 (lab["region"], st.region)]
        page.text(LEFT, 71, "   ·   ".join(lab["fact"].format(label=k, value=v or lab["none"])
                                           for k, v in facts), size=8.2, color=MUTED,
                  width=width)
        who = [(lab["assessor"], a.assessor or lab["unnamed"]),
               (lab["role"], role_text(data.lang, a.role)), (lab["date"], a.date.isoformat())]
        page.text(LEFT, 84, "   ·   ".join(lab["fact"].format(label=k, value=v)
                                           for k, v in who), size=8.2, color=MUTED,
                  width=width)
        if data.scenario is not None:
            page.text(LEFT, 97, lab["scenario_applied"].format(
                name=text(data.scenario.name, data.lang)), size=7.8, bold=True, color=AMBER,
                width=width)
        page.rule(LEFT, RIGHT, self.header_end)
        y = self._score_block(i)
        self._pillar_chart(res)
        y = rules_block(page, data, res, y + 6)
        gaps_top = gaps_block(page, data, st, None)
        table_end = criteria_table(page, data, i, y + 8, gaps_top - 10)
        gaps_block(page, data, st, min(gaps_top, table_end + 14))
        footer(page, data, i + 2, total)
        return fig

    def _score_block(self, i: int) -> float:
        """Overall score, its band, completeness and improvements; returns the block's end."""
        data, page = self.data, self.page
        lab = labels(data.lang)
        res = data.results[i]
        top = self.top
        y = top + 12
        page.text(LEFT, y, lab["overall"], size=9, bold=True, color=MUTED)
        y += 30
        if res.overall is None:
            page.text(LEFT, y - 8, lab["not_scored_overall"], size=10, color=MUTED)
            self.dot.set_data([], [])
        else:
            w = page.text(LEFT, y, score_text(res.overall), size=28, bold=True)
            page.text(LEFT + w + 4, y, lab["out_of"], size=10, color=MUTED)
            self.dot.set_data([res.overall], [0.5])
        band = data.band(i)
        self.band.set_visible(band is not None)
        if band is not None:
            self.band.set_x(band[0])
            self.band.set_width(max(band[1] - band[0], 0.4))
        y += 9 + 14 + 20
        if band is not None:
            page.text(LEFT, y, lab["band"].format(low=fixed(band[0]), high=fixed(band[1])),
                      size=8, color=INK)
            y += 11.5
        done = lab["completeness"].format(share=percent(res.completeness))
        w = page.text(LEFT, y, done, size=8, color=INK)
        if res.partial:
            page.text(LEFT + w + 6, y, lab["partial"], size=8, bold=True, color=AMBER)
        y += 20
        page.text(LEFT, y, lab["improvements"], size=9, bold=True, color=INK)
        y += 13
        y = self._improvements(res, y)
        return max(y, top + 184)

    def _improvements(self, res: Result, y: float) -> float:
        """The fixes of triggered deal-breakers, then the best one-level moves; returns the
        next baseline."""
        page, lab = self.page, labels(self.data.lang)
        if res.completeness <= 0 or not res.improvements:
            page.text(LEFT, y, lab["score_first" if res.completeness <= 0 else "no_improvements"],
                      size=7.6, color=MUTED, width=_SCORE_COLUMN)
            return y + 11
        for imp in res.improvements:
            page.rect(LEFT, y - 5.2, 3.2, 3.2, AMBER if imp.fixes is not None else GREEN)
            if imp.needs is not None:
                page.text(LEFT + 8, y, lab["needs"].format(condition=imp.needs), size=7.6,
                          width=_SCORE_COLUMN - 8)
            else:
                sign = "+" if imp.gain >= 0 else ""
                gain = lab["gain"].format(gain=fixed(imp.gain)).replace("+", sign, 1)
                gain_w = page.m.width(gain, 7.6, True)
                page.text(LEFT + 8, y, lab["improvement"].format(
                    name=imp.name, start=imp.from_level, end=imp.to_level), size=7.6,
                    width=_SCORE_COLUMN - gain_w - 16)
                page.text(LEFT + _SCORE_COLUMN, y, gain, size=7.6, bold=True, color=GREEN,
                          ha="right")
            if imp.fixes is not None:
                y += 10
                page.text(LEFT + 8, y, lab["fixes"].format(name=imp.fixes), size=7,
                          color=AMBER, width=_SCORE_COLUMN - 8)
            y += 11.5
        return y

    def _pillar_chart(self, res: Result) -> None:
        data, page = self.data, self.page
        page.text(self.chart_x, self.top + 12, labels(data.lang)["pillars"], size=9, bold=True,
                  color=MUTED)
        values = [res.pillars.get(p.id) for p in self.pillars]
        names = ["\n".join(page.m.wrap(page.m.drawable(text(p.name, data.lang)), 7.0, 70,
                                        max_lines=2))
                 + "\n" + score_text(v) for p, v in zip(self.pillars, values, strict=True)]
        if self.bars is None:
            self.chart.set_xticklabels(names)
            self.series.set_values(values)
        else:
            self.chart.set_yticklabels(names)
            for bar, v in zip(self.bars, values, strict=True):
                bar.set_width(v or 0.0)
