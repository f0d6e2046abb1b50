"""A page of the report: an A4 ``Figure`` addressed in points from its top-left corner, the
page geometry and colours every page shares, the footer and small text helpers.
"""

from __future__ import annotations

import math
from typing import Any

from models.core.framework import text
from models.core.rounding import fixed
from models.report.data import ReportData
from models.report.metrics import Metrics
from models.report.texts import labels

#: A4 portrait in inches.
PAGE_INCHES = (8.27, 11.69)
PAGE_W, PAGE_H = PAGE_INCHES[0] * 72.0, PAGE_INCHES[1] * 72.0  # page size in points
LEFT, RIGHT = 42.0, PAGE_INCHES[0] * 72.0 - 42.0
FOOTER_TOP = PAGE_H - 48.0

INK = "#1d2430"
MUTED = "#5f6873"
FAINT = "#98a1ab"
RULE = "#c9cfd6"
STRIPE = "#f2f4f6"
RED = "#b3261e"
RED_BG = "#fbeae9"
AMBER = "#a86400"
GREEN = "#2e7d46"


class Page:
    """A Figure of one A4 page, addressed in points from its top-left corner."""

    def __init__(self, metrics: Metrics) -> None:
        from matplotlib.figure import Figure

        from models.report.page_texts import PageTexts

        self.fig = Figure(figsize=PAGE_INCHES)
        self.m = metrics
        self.texts = PageTexts(self.fig)

    def clear(self) -> None:
        """Take the page's texts, rectangles and rules away (its axes stay)."""
        self.texts.clear()
        self.fig.patches.clear()
        self.fig.lines.clear()
        self.fig.stale = True

    def text(self, x: float, y: float, s: str, *, size: float = 8.0, bold: bool = False,
             color: str = INK, ha: str = "left", width: float | None = None,
             italic: bool = False) -> float:
        """Draw ``s`` with its baseline at ``y``; cut to ``width``; returns the width drawn."""
        s = self.m.drawable(s)
        if width is not None:
            s = self.m.fit(s, size, width, bold)
        if s:
            self.texts.add(x / PAGE_W, 1 - y / PAGE_H, s, (size, bold, italic), color, ha)
        return self.m.width(s, size, bold)

    def lines(self, x: float, y: float, rows: list[str], *, size: float, leading: float,
              color: str = INK, bold: bool = False) -> float:
        """Draw ``rows`` one under the other from baseline ``y``; returns the next baseline."""
        for row in rows:
            self.text(x, y, row, size=size, color=color, bold=bold)
            y += leading
        return y

    def rect(self, x: float, y: float, w: float, h: float, face: str, edge: str | None = None,
             lw: float = 0.0) -> None:
        """A rectangle with its top-left corner at (``x``, ``y``)."""
        from matplotlib.patches import Rectangle

        self.fig.patches.append(Rectangle(
            (x / PAGE_W, 1 - (y + h) / PAGE_H), w / PAGE_W, h / PAGE_H,
            transform=self.fig.transFigure, facecolor=face, edgecolor=edge or "none",
            linewidth=lw, zorder=0))

    def rule(self, x0: float, x1: float, y: float, color: str = RULE, lw: float = 0.6) -> None:
        """A horizontal line at ``y``."""
        from matplotlib.lines import Line2D

        self.fig.lines.append(Line2D([x0 / PAGE_W, x1 / PAGE_W], [1 - y / PAGE_H, 1 - y / PAGE_H],
                                     transform=self.fig.transFigure, color=color, linewidth=lw))

    def axes(self, x: float, y: float, w: float, h: float, **kwargs: Any) -> Any:
        """New axes whose box has its top-left corner at (``x``, ``y``)."""
        return self.fig.add_axes((x / PAGE_W, 1 - (y + h) / PAGE_H, w / PAGE_W, h / PAGE_H),
                                 **kwargs)


def footer(page: Page, data: ReportData, number: int, total: int) -> None:
    """The footer of page ``number`` of ``total``: framework, page number and source."""
    lab = labels(data.lang)
    fw = data.framework
    top = FOOTER_TOP
    page.rule(LEFT, RIGHT, top)
    page.text(LEFT, top + 11, lab["footer_framework"].format(framework=fw.id,
                                                             version=fw.version),
              size=6.5, color=MUTED, width=300)
    page.text(RIGHT, top + 11, lab["footer_page"].format(page=number, pages=total),
              size=6.5, color=MUTED, ha="right")
    source = lab["footer_source"].format(source=text(fw.source, data.lang))
    rows = page.m.wrap(source, 6.2, RIGHT - LEFT, max_lines=2)
    page.lines(LEFT, top + 21, rows, size=6.2, leading=8.0, color=FAINT)


def role_text(lang: str, role: str) -> str:
    """An assessor's role as the report names it in ``lang``."""
    return labels(lang).get(role, role)


def score_text(x: float | None) -> str:
    """A score as the report prints it, or a dash when there is none."""
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else fixed(x)


def signed_text(x: float | None) -> str:
    """A difference with one decimal and its sign (``+2.5``, ``−1.0``, ``0.0``); empty for
    ``None``."""
    if x is None:
        return ""
    shown = fixed(x)
    if shown.startswith("-"):
        return "−" + shown[1:]
    return shown if float(shown) == 0 else "+" + shown
