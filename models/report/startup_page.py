"""The page of one startup under the report's perspective: its rank, facts and the assessments
its levels are made of, its decision (:mod:`models.report.decision_block`), the overall score
with its band, a pillar radar (:func:`models.charts.drawing.radar`) and the blocks of
:mod:`models.report.startup_blocks`.
"""

from __future__ import annotations

from typing import Any

from models.core.framework import text
from models.core.rounding import fixed, percent
from models.core.website import shown_website
from models.engine.results import Result
from models.report.data import ReportData
from models.report.decision_block import decision_block, decision_height
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
    signed_text,
)
from models.report.startup_blocks import (
    MAX_GAPS,
    criteria_height,
    criteria_table,
    gaps_block,
    rules_block,
)
from models.report.texts import labels

#: Width of the score block's left column (overall, band, improvements).
_SCORE_COLUMN = 258.0


class StartupSheet:
    """One Figure reused for every startup page: its axes (band strip and pillar radar) are
    built once and updated in place; texts, patches and lines are redrawn for each page."""

    def __init__(self, data: ReportData, metrics: Metrics, first_page: int) -> None:
        self.data = data
        self.first_page = first_page
        self.page = Page(metrics)
        # every page has room for the longest list of assessments (up to two lines)
        self.made_lines = max((len(self._made_of(i)) for i in range(len(data.rows))),
                              default=1)
        self.header_end = 82.0 + 11.0 * self.made_lines + (13.0 if data.scenario else 0.0)
        # and for the tallest decision box
        self.top = self.header_end + 12 + max(
            (decision_height(metrics, data, i) for i in range(len(data.rows))), default=0.0)
        self._band_strip()
        self._pillar_axes()

    def _band_strip(self) -> None:
        """The band strip: a 0–100 track, the P10–P90 band and the overall as a dot."""
        from matplotlib.patches import Rectangle

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

    def _pillar_axes(self) -> None:
        """The pillars: a radar with three or more enabled pillars, bars otherwise."""
        self.pillars = [p for p in self.data.framework.pillars if p.enabled]
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
            self.chart = self.page.axes(self.chart_x + 80, self.top + 30, self.chart_w - 90,
                                        22.0 * n)
            self.bars = self.chart.barh(range(n), [0.0] * n, color="#2f6fb0", alpha=0.7)
            self.chart.set_xlim(0, 100)
            self.chart.set_yticks(range(n))
            self.chart.invert_yaxis()
            self.chart.tick_params(axis="y", labelsize=6.8)

    def draw(self, i: int, total: int) -> Any:
        """Compose the page of selected startup ``i`` (of ``total`` pages); returns the
        Figure."""
        data, page = self.data, self.page
        page.clear()
        st = data.startups[i]
        res = data.results[i]
        self._header(i)
        decision_block(page, data, i, self.header_end + 6)
        y = self._score_block(i)
        self._pillar_chart(res)
        y = rules_block(page, data, res, y + 6)
        # the criteria stay readable: fewer gaps are listed when room runs short
        for limit in (MAX_GAPS, 4, 2, 0):
            gaps_top = gaps_block(page, data, st, None, limit)
            if y + 8 + criteria_height(data) <= gaps_top - 10:
                break
        table_end = criteria_table(page, data, i, y + 8, gaps_top - 10)
        gaps_block(page, data, st, min(gaps_top, table_end + 14), limit)
        footer(page, data, self.first_page + i, total)
        return page.fig

    def _header(self, i: int) -> None:
        """The startup's name and rank, its facts, what its levels are made of, the
        scenario."""
        data, page = self.data, self.page
        lab = labels(data.lang)
        st, row = data.startups[i], data.rows[i]
        width = RIGHT - LEFT
        rank = lab["rank_of"].format(rank=row.rank, total=len(data.ranking.rows))
        room = width - page.m.width(rank, 11, True) - 12
        page.text(RIGHT, 54, rank, size=11, bold=True, color=MUTED, ha="right")
        size = 17.0  # a long name is set smaller, then on two lines, before it is cut
        while size > 12 and page.m.width(st.name, size, True) > room:
            size -= 1
        name = page.m.wrap(page.m.drawable(st.name), size, room, bold=True, max_lines=2)
        page.lines(LEFT, 54 - (size + 1) * (len(name) - 1), name, size=size,
                   leading=size + 1, bold=True)
        facts = [(lab["sector"], st.sector), (lab["stage"], st.stage),
                 (lab["region"], st.region)]
        if st.website:
            facts.append((lab["website"], shown_website(st.website)))
        page.text(LEFT, 71, "   ·   ".join(lab["fact"].format(label=k, value=v or lab["none"])
                                           for k, v in facts), size=8.2, color=MUTED,
                  width=width)
        y = page.lines(LEFT, 84, self._made_of(i), size=8.2, leading=11.0, color=MUTED)
        if data.scenario is not None:
            page.text(LEFT, y + 2, lab["scenario_applied"].format(
                name=text(data.scenario.name, data.lang)), size=7.8, bold=True, color=AMBER,
                width=width)
        page.rule(LEFT, RIGHT, self.header_end)

    def _made_of(self, i: int) -> list[str]:
        """The perspective and the assessments startup ``i``'s levels are made of, on at
        most two lines."""
        data = self.data
        lab = labels(data.lang)
        p = data.perspective
        one = "_one" if p.kind == "investor" and len(data.used[i]) == 1 else ""
        view = lab[f"view_{p.kind}{one}"].format(name=p.assessor, n=len(data.used[i]))
        if not data.used[i]:
            made = lab["view_none"].format(view=lab[f"pname_{p.kind}"].format(name=p.assessor))
        else:
            made = lab["made_of"].format(view=view, assessments="; ".join(
                lab["made_of_one"].format(assessor=a.assessor or lab["unnamed"],
                                          role=role_text(data.lang, a.role),
                                          date=a.date.isoformat()) for a in data.used[i]))
        return self.page.m.wrap(self.page.m.drawable(made), 8.2, RIGHT - LEFT, max_lines=2)

    def _score_block(self, i: int) -> float:
        """Overall score, its band, completeness, the founder gap and improvements; returns
        the block's end."""
        data, page = self.data, self.page
        lab = labels(data.lang)
        res, row = data.results[i], data.rows[i]
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
        first, top_k = float(data.p_rank1[i]), float(data.p_top_k[i])
        if first == first and top_k == top_k:
            page.text(LEFT, y, lab["chances"].format(first=percent(first), k=data.top_k,
                                                     top=percent(top_k)),
                      size=8, color=INK, width=_SCORE_COLUMN)
            y += 11.5
        done = lab["completeness"].format(share=percent(res.completeness))
        w = page.text(LEFT, y, done, size=8, color=INK)
        if res.partial:
            page.text(LEFT + w + 6, y, lab["partial"], size=8, bold=True, color=AMBER)
        if row.founder_gap is not None and row.overall is not None:
            y += 11.5
            page.text(LEFT, y, lab["founder_view"].format(
                overall=fixed(row.overall - row.founder_gap), gap=signed_text(row.founder_gap)),
                size=8, color=INK, width=_SCORE_COLUMN)
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
                for line in page.m.wrap(lab["fixes"].format(name=imp.fixes), 7,
                                        _SCORE_COLUMN - 8):
                    y += 10
                    page.text(LEFT + 8, y, line, size=7, color=AMBER)
            y += 11.5
        return y

    def _pillar_chart(self, res: Result) -> None:
        data, page = self.data, self.page
        page.text(self.chart_x, self.top + 12, labels(data.lang)["pillars"], size=9, bold=True,
                  color=MUTED)
        values = [res.pillars.get(p.id) for p in self.pillars]
        names = ["\n".join(page.m.wrap(page.m.drawable(p.score_name(data.lang)), 7.0, 76,
                                        max_lines=3))
                 + "\n" + score_text(v) for p, v in zip(self.pillars, values, strict=True)]
        if self.bars is None:
            self.chart.set_xticklabels(names)
            self.series.set_values(values)
        else:
            self.chart.set_yticklabels(names)
            for bar, v in zip(self.bars, values, strict=True):
                bar.set_width(v or 0.0)

