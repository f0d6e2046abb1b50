"""The band chart under the ranking table when it all fits on page 1: each startup's overall
score as a dot on its P10–P90 band, in rank order, with the thresholds of the suggested
decisions as dashed lines, so overlapping bands (ranks that could swap) show at a glance.
"""

from __future__ import annotations

import numpy as np

from models.report.data import ReportData
from models.report.page import INK, LEFT, MUTED, RED, RIGHT, Page
from models.report.texts import labels

#: Height per startup, and the least that is worth drawing.
ROW, MIN_ROW = 13.0, 8.0
#: Room for the chart's title above and its axis below.
FRAME = 46.0
_BLUE = "#2f6fb0"


def band_chart_height(n: int, room: float) -> float:
    """The chart's height for ``n`` startups in ``room`` points, or 0 when it does not fit."""
    per = min(ROW, (room - FRAME) / max(n, 1))
    return 0.0 if n == 0 or per < MIN_ROW else FRAME + per * n


def band_chart(page: Page, data: ReportData, top: float, height: float) -> None:
    """Draw the chart of every selected startup from ``top``, ``height`` points tall."""
    lab = labels(data.lang)
    m = page.m
    n = len(data.rows)
    page.text(LEFT, top + 12, lab["chart_title"], size=9, bold=True)
    label_w = 130.0
    ax = page.axes(LEFT + label_w + 6, top + 24, RIGHT - LEFT - label_w - 6, height - FRAME)
    ax.set_ylim(n - 0.4, -0.6)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.grid(axis="x", color="#e3e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="both", length=0, pad=3)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_yticks(np.arange(n))
    ax.set_yticklabels([m.fit(m.drawable(f"{r.rank}. {r.startup}"), 7.0, label_w)
                        for r in data.rows], fontsize=7.0, color=INK)
    ax.set_xlabel(lab["chart_axis"], fontsize=7.0, labelpad=3)
    th = data.framework.decision_thresholds
    for value, key in ((th.watch, "chart_watch"), (th.pursue, "chart_pursue")):
        ax.axvline(value, color=MUTED, linewidth=0.6, linestyle=(0, (3, 2)))
        ax.text(value, -0.75, lab[key].format(value=f"{value:g}"), fontsize=6.2, color=MUTED,
                ha="center", va="bottom")
    for i, r in enumerate(data.rows):
        colour = RED if r.gated else _BLUE
        band = data.band(i)
        if band is not None:
            ax.plot(band, [i, i], color=colour, alpha=0.3, linewidth=4.2,
                    solid_capstyle="butt")
        if r.overall is not None:
            ax.plot([r.overall], [i], "o", color=colour, markersize=4.4,
                    markeredgecolor="white", markeredgewidth=0.6)
