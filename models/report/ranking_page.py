"""Page 1 of the report: the selected assessments ranked by overall score, with the P10–P90
band of each as a chart and a table with postures, deal-breakers and the page of each.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from models.core.framework import text
from models.core.rounding import fixed
from models.report.data import ReportData
from models.report.metrics import Metrics
from models.report.page import (
    AMBER,
    FOOTER_TOP,
    INK,
    LEFT,
    MUTED,
    RED,
    RIGHT,
    ROLE_COLOURS,
    STRIPE,
    Page,
    footer,
    role_text,
    score_text,
)
from models.report.texts import labels

#: Most assessments listed on the ranking page (each still gets its own page).
MAX_RANKING_ROWS = 32


def ranking_page(data: ReportData, m: Metrics, total: int) -> Any:
    """Draw page 1 of ``total``: title, method, then the ranking as a chart and a table;
    returns its Figure."""
    lab = labels(data.lang)
    fw = data.framework
    page = Page(m)
    page.text(LEFT, 40, f"{lab['document_title']} · {text(fw.name, data.lang)}", size=7.5,
              color=MUTED, width=RIGHT - LEFT)
    page.text(LEFT, 64, lab["ranking_title"], size=18, bold=True)
    n_startups = len({s.id for s, _ in data.pairs})
    y = 82.0
    page.text(LEFT, y, lab["ranking_summary"].format(
        assessments=len(data.pairs), startups=n_startups, framework=fw.id,
        version=fw.version), size=8.5, color=INK, width=RIGHT - LEFT)
    y += 12
    method = m.wrap(lab["ranking_method"].format(draws=f"{data.draws:,}", seed=data.seed),
                    7.5, RIGHT - LEFT, max_lines=2)
    y = page.lines(LEFT, y, method, size=7.5, leading=10, color=MUTED)
    if data.scenario is not None:
        page.text(LEFT, y, lab["scenario_applied"].format(
            name=text(data.scenario.name, data.lang)), size=8, bold=True, color=AMBER,
            width=RIGHT - LEFT)
        y += 12
    y += 6
    order = data.ranking()
    if not order:
        page.text(LEFT, y + 20, lab["no_assessments"], size=10, color=MUTED)
        footer(page, data, 1, total)
        return page.fig
    shown = order[:MAX_RANKING_ROWS]
    bottom = FOOTER_TOP - 14 - (12 if len(order) > len(shown) else 0)
    # share the height between the chart (rows + axis) and the table (header + rows)
    avail = bottom - y - 40 - 18
    per_row = min(28.0, avail / len(shown))
    chart_row = per_row * 0.52
    table_row = per_row - chart_row
    chart_h = chart_row * len(shown)
    _ranking_chart(page, data, shown, y + 14, chart_h)
    y += 14 + chart_h + 34
    _ranking_table(page, data, shown, y, table_row)
    if len(order) > len(shown):
        page.text(LEFT, bottom + 6, lab["ranking_more"].format(shown=len(shown),
                                                               total=len(order)),
                  size=7.5, color=MUTED, italic=True)
    footer(page, data, 1, total)
    return page.fig


def _row_label(data: ReportData, i: int, rank: int) -> str:
    st, a = data.pairs[i]
    return f"{rank}. {st.name} · {role_text(data.lang, a.role)}"


def _ranking_chart(page: Page, data: ReportData, shown: list[int], top: float,
                   height: float) -> None:
    from matplotlib.lines import Line2D

    lab = labels(data.lang)
    m = page.m
    label_w = 150.0
    ax = page.axes(LEFT + label_w + 6, top, RIGHT - LEFT - label_w - 6, height)
    n = len(shown)
    ys = np.arange(n)
    ax.set_ylim(n - 0.4, -0.6)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.grid(axis="x", color="#e3e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="both", length=0, pad=3)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_yticks(ys)
    ax.set_yticklabels([m.fit(m.drawable(_row_label(data, i, r + 1)), 7.0, label_w)
                        for r, i in enumerate(shown)], fontsize=7.0, color=INK)
    ax.set_xlabel(lab["chart_axis"], fontsize=7.0, labelpad=3)
    for row, i in enumerate(shown):
        res = data.results[i]
        colour = ROLE_COLOURS.get(res.role, ROLE_COLOURS["other"])
        band = data.band(i)
        if band is not None:
            ax.plot(band, [row, row], color=colour, alpha=0.35, linewidth=4.2,
                    solid_capstyle="butt")
        if res.overall is not None:
            ax.plot([res.overall], [row], "o", color=colour, markersize=4.6,
                    markeredgecolor=RED if res.deal_breakers else "white",
                    markeredgewidth=1.4 if res.deal_breakers else 0.6)
    roles = list(dict.fromkeys(data.results[i].role for i in shown))
    handles = [Line2D([], [], marker="o", linestyle="", color=ROLE_COLOURS.get(r, "#777777"),
                      markersize=4.6, label=role_text(data.lang, r)) for r in roles]
    if any(data.results[i].deal_breakers for i in shown):
        handles.append(Line2D([], [], marker="o", linestyle="", color="white",
                              markeredgecolor=RED, markeredgewidth=1.4, markersize=4.6,
                              label=lab["chart_breaker"]))
    ax.legend(handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(handles),
              fontsize=6.5, frameon=False, handletextpad=0.2, columnspacing=1.0,
              borderaxespad=0.2)


#: Ranking table columns: key, left x, width, alignment.
_RANK_COLUMNS = (
    ("col_rank", 42.0, 14.0, "right"),
    ("col_startup", 62.0, 84.0, "left"),
    ("col_assessor", 150.0, 86.0, "left"),
    ("col_role", 240.0, 40.0, "left"),
    ("col_overall", 282.0, 32.0, "right"),
    ("col_band", 322.0, 50.0, "left"),
    ("col_postures", 376.0, 88.0, "left"),
    ("col_breakers", 468.0, 62.0, "left"),
    ("col_page", 531.0, 22.0, "right"),
)


def _ranking_table(page: Page, data: ReportData, shown: list[int], top: float,
                   row_h: float) -> None:
    lab = labels(data.lang)
    size = max(6.0, min(7.5, row_h * 0.62))
    y = top
    for key, x, w, align in _RANK_COLUMNS:
        page.text(x + w if align == "right" else x, y, lab[key], size=6.8, bold=True,
                  color=MUTED, ha=align, width=w)
    page.rule(LEFT, RIGHT, y + 4)
    y += 4
    for rank, i in enumerate(shown, start=1):
        st, a = data.pairs[i]
        res = data.results[i]
        if rank % 2 == 0:
            page.rect(LEFT, y, RIGHT - LEFT, row_h, STRIPE)
        base = y + row_h * 0.5 + size * 0.36
        band = data.band(i)
        cells = {
            "col_rank": str(rank),
            "col_startup": st.name,
            "col_assessor": a.assessor or lab["unnamed"],
            "col_role": role_text(data.lang, a.role),
            "col_overall": score_text(res.overall),
            "col_band": lab["none"] if band is None else f"{fixed(band[0])}–{fixed(band[1])}",
            "col_postures": ", ".join(h.name for h in res.postures) or lab["none"],
            "col_breakers": ", ".join(h.name for h in res.deal_breakers) or lab["none"],
            "col_page": str(i + 2),
        }
        for key, x, w, align in _RANK_COLUMNS:
            colour = INK
            if key == "col_breakers" and res.deal_breakers:
                colour = RED
            elif cells[key] == lab["none"] or key in ("col_page", "col_band"):
                colour = MUTED
            page.text(x + w if align == "right" else x, base, cells[key], size=size,
                      color=colour, ha=align, width=w,
                      bold=key == "col_overall" or (key == "col_breakers"
                                                    and bool(res.deal_breakers)))
        y += row_h

