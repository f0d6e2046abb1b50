"""The ranking pages that open the report: the selected startups ranked under the perspective,
one row per startup in the order of :func:`models.engine.ranking.rank_startups` (the order of
``beachhead score``), continued on following pages when they do not fit on one.

Page 1 says which perspective ranks them, which startups are shown, whether gates apply, the
scenario, and which weights differ from the framework's defaults
(:mod:`models.engine.weight_changes`). Each row: rank, startup, current decision status, suggested
decision, overall score, P10–P90, the pillars' scores (labelled by
:meth:`models.core.framework.Pillar.score_name`), the gap to the founder view and the page of
the startup; a gated startup's deal-breakers are named whole on a line under its row.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from models.core.decisions import status_name, suggestion_name
from models.core.framework import text
from models.core.rounding import fixed
from models.engine.ranking import RankedStartup
from models.engine.weight_changes import WeightChange
from models.report.band_chart import band_chart, band_chart_height
from models.report.data import ReportData
from models.report.decision_block import SUGGESTION_COLOURS
from models.report.metrics import Metrics
from models.report.page import (
    AMBER,
    FOOTER_TOP,
    INK,
    LEFT,
    MUTED,
    RED,
    RED_BG,
    RIGHT,
    STRIPE,
    Page,
    footer,
    score_text,
    signed_text,
)
from models.report.texts import labels

#: Text sizes of the table: cells, the line naming a gated startup's deal-breakers, headers.
_SIZE, _GATE_SIZE, _HEAD_SIZE = 7.0, 6.8, 5.8
#: Line heights of a row's name lines and deal-breaker lines, and a row's top/bottom padding.
_LEAD, _GATE_LEAD, _PAD = 9.0, 8.6, 3.2
#: Text size of page 1's facts, and the width of their keys' column.
_INTRO_SIZE, _KEY_WIDTH = 7.6, 62.0
#: Space between columns, and the width of a pillar's column (less when there are many).
_GAP, _PILLAR_WIDTH = 3.5, 35.0
#: Where the table may end on a page.
_BOTTOM = FOOTER_TOP - 10


@dataclass(frozen=True)
class Column:
    """A table column: its label, left x, width and alignment (``left`` or ``right``)."""

    label: str
    x: float
    w: float
    align: str

    def anchor(self) -> float:
        """The x at which its text is anchored."""
        return self.x + self.w if self.align == "right" else self.x


def _columns(data: ReportData) -> list[Column]:
    """Rank, startup, status, suggested, overall, P10–P90, one column per enabled pillar,
    founder gap and page, spread over the page's width: the startup's name takes what the
    pillars leave (they get at least :data:`_PILLAR_WIDTH` each while the name keeps 70
    points, and at most 70 each while the name has 150)."""
    lab = labels(data.lang)
    pillars = [p for p in data.framework.pillars if p.enabled]
    head = [("col_rank", 14.0, "right"), ("col_startup", 0.0, "left"),
            ("col_status", 44.0, "left"), ("col_suggested", 34.0, "left"),
            ("col_overall", 27.0, "right"), ("col_band", 40.0, "right")]
    tail = [("col_founder_gap", 28.0, "right"), ("col_page", 16.0, "right")]
    count = len(head) + len(pillars) + len(tail)
    room = RIGHT - LEFT - _GAP * (count - 1) - sum(w for _, w, _ in head + tail)
    n = max(len(pillars), 1)
    pillar_w = min(70.0, max(_PILLAR_WIDTH, (room - 150.0) / n), (room - 70.0) / n)
    name_w = room - pillar_w * len(pillars)
    spec = [(lab[k], w or name_w, a) for k, w, a in head]
    spec += [(p.score_name(data.lang), pillar_w, "right") for p in pillars]
    spec += [(lab[k], w, a) for k, w, a in tail]
    cols, x = [], LEFT
    for label, w, align in spec:
        cols.append(Column(label, x, w, align))
        x += w + _GAP
    return cols


class RankingPages:
    """The ranking pages of a report: laid out when made (so the page count is known before
    anything is drawn), drawn one at a time by :meth:`draw`."""

    def __init__(self, data: ReportData, metrics: Metrics) -> None:
        self.data, self.m = data, metrics
        self.columns = _columns(data)
        self.heads = [metrics.wrap(c.label, _HEAD_SIZE, c.w, max_lines=4)
                      for c in self.columns]
        self.head_h = 7.4 * max(len(h) for h in self.heads) + 4
        self.intro = self._intro_lines()
        self.cells = [self._row_lines(r) for r in data.rows]
        self.pages = self._paginate()

    @property
    def count(self) -> int:
        """How many ranking pages the report opens with."""
        return len(self.pages)

    def _intro_lines(self) -> list[tuple[str, str, str, bool]]:
        """Page 1's lines under the title, as (key, text, colour, bold): each fact's key (on
        its first line only) and its text wrapped beside the keys' column."""
        data, lab = self.data, labels(self.data.lang)
        p = data.perspective
        total, shown = len(data.ranking.rows), len(data.rows)
        which = ("shown_named_top" if data.named and data.top is not None else "shown_named"
                 if data.named else "shown_top" if shown < total else "shown_all")
        facts = [
            ("about_perspective", lab[f"perspective_{p.kind}"].format(name=p.assessor),
             INK, False),
            ("about_startups", lab[which].format(shown=shown, total=total), INK, False),
            ("about_gates", lab["gates_off" if data.ranking.ignore_gates else "gates_on"],
             INK, False)]
        if data.scenario is not None:
            facts.append(("about_scenario", text(data.scenario.name, data.lang), AMBER, True))
        if data.weights is not None:
            facts.append(("about_weights", self._weights_text(), AMBER, True))
        th = data.framework.decision_thresholds
        facts.append(("about_figures", lab["ranking_method"].format(
            draws=f"{data.draws:,}", seed=data.seed, pursue=f"{th.pursue:g}",
            watch=f"{th.watch:g}", bootstrap=lab["bootstrap"] if p.kind == "investor" else ""),
            MUTED, False))
        out = []
        for key, value, colour, bold in facts:
            rows = self.m.wrap(value, _INTRO_SIZE, RIGHT - LEFT - _KEY_WIDTH, bold)
            out += [(lab[key] if k == 0 else "", row, colour, bold) for k, row in enumerate(rows)]
        return out

    def _weights_text(self) -> str:
        """The sentence naming the weights that differ from the defaults (never cut)."""
        note, lab = self.data.weights, labels(self.data.lang)
        assert note is not None
        changes = "; ".join(_change_text(c, self.data.lang) for c in note.changes)
        if not note.base:
            return lab["weights_custom"].format(custom=note.custom)
        key = "weights_custom_differ" if note.custom else "weights_differ"
        return lab[key].format(base=note.base, custom=note.custom, changes=changes)

    def _row_lines(self, r: RankedStartup) -> tuple[list[str], list[str]]:
        """A row's startup name lines and the lines naming its deal-breakers (wrapped across
        the row, never cut)."""
        name_col = self.columns[1]
        names = self.m.wrap(self.m.drawable(r.startup), _SIZE, name_col.w, max_lines=4)
        gate: list[str] = []
        if r.gated:
            joined = labels(self.data.lang)["gated_by"].format(names="; ".join(r.deal_breakers))
            gate = self.m.wrap(self.m.drawable(joined), _GATE_SIZE, RIGHT - name_col.x,
                               bold=True)
        return names or [""], gate

    def row_height(self, k: int) -> float:
        names, gate = self.cells[k]
        return 2 * _PAD + _LEAD * len(names) + _GATE_LEAD * len(gate)

    def _paginate(self) -> list[list[int]]:
        """The rows on each page: as many as fit under the page's header."""
        pages: list[list[int]] = [[]]
        y = self.table_top(0) + self.head_h
        for k in range(len(self.data.rows)):
            h = self.row_height(k)
            if y + h > _BOTTOM and pages[-1]:
                pages.append([])
                y = self.table_top(len(pages) - 1) + self.head_h
            pages[-1].append(k)
            y += h
        return pages

    def table_top(self, page: int) -> float:
        """Where the table's header starts on ranking page ``page`` (0-based)."""
        return 96.0 + 10.0 * len(self.intro) + 8 if page == 0 else 78.0

    def draw(self, k: int, total: int) -> Any:
        """Draw ranking page ``k`` (0-based) of a report of ``total`` pages; returns its
        Figure."""
        data, lab = self.data, labels(self.data.lang)
        page = Page(self.m)
        fw = data.framework
        page.text(LEFT, 40, f"{lab['document_title']} · {text(fw.name, data.lang)}", size=7.5,
                  color=MUTED, width=RIGHT - LEFT)
        p = data.perspective
        view = lab[f"pname_{p.kind}"].format(name=p.assessor)
        title = lab["ranking_title" if k == 0 else "ranking_continued"].format(view=view)
        size = 18.0  # a long assessor's name makes the title smaller before it is cut
        while size > 12 and self.m.width(title, size, True) > RIGHT - LEFT:
            size -= 1
        page.text(LEFT, 64, title, size=size, bold=True, width=RIGHT - LEFT)
        if k == 0:
            page.text(LEFT, 80, lab["ranking_framework"].format(framework=fw.id,
                                                                version=fw.version),
                      size=7.6, color=MUTED, width=RIGHT - LEFT)
            y = 96.0
            for key, line, colour, bold in self.intro:
                if key:
                    page.text(LEFT, y, key, size=_INTRO_SIZE, color=MUTED, bold=True,
                              width=_KEY_WIDTH - 6)
                page.text(LEFT + _KEY_WIDTH, y, line, size=_INTRO_SIZE, color=colour,
                          bold=bold)
                y += 10.0
        if not data.rows:
            page.text(LEFT, self.table_top(k) + 10, lab["no_startups"], size=10, color=MUTED)
        else:
            end = self._table(page, k)
            height = band_chart_height(len(data.rows), _BOTTOM - end - 12)
            if self.count == 1 and height:
                band_chart(page, data, end + 12, height)
        footer(page, data, k + 1, total)
        return page.fig

    def _table(self, page: Page, k: int) -> float:
        """The table's header and the rows of ranking page ``k``; returns where it ends."""
        y = self.table_top(k)
        for col, head in zip(self.columns, self.heads, strict=True):
            base = y + self.head_h - 4 - 7.4 * (len(head) - 1) - 1.5
            for line in head:
                page.text(col.anchor(), base, line, size=_HEAD_SIZE, color=MUTED,
                          ha=col.align)
                base += 7.4
        y += self.head_h
        page.rule(LEFT, RIGHT, y)
        for n, row in enumerate(self.pages[k]):
            h = self.row_height(row)
            r = self.data.rows[row]
            if r.gated:
                page.rect(LEFT, y, RIGHT - LEFT, h, RED_BG)
            elif n % 2:
                page.rect(LEFT, y, RIGHT - LEFT, h, STRIPE)
            self._row(page, row, y)
            y += h
        page.rule(LEFT, RIGHT, y)
        return y

    def _row(self, page: Page, row: int, top: float) -> None:
        """Draw row ``row`` (a selected startup) from ``top``."""
        data, lab = self.data, labels(self.data.lang)
        r = data.rows[row]
        names, gate = self.cells[row]
        base = top + _PAD + _SIZE * 0.9
        band = data.band(row)
        cells = [
            (str(r.rank), RED if r.gated else INK, r.gated),
            (None, INK, False),
            (status_name(r.status, data.lang) if r.status else lab["none"],
             INK if r.status else MUTED, False),
            (suggestion_name(r.suggested, data.lang) if r.suggested else lab["none"],
             SUGGESTION_COLOURS.get(r.suggested or "", MUTED), r.suggested is not None),
            (score_text(r.overall), INK, True),
            (lab["none"] if band is None else f"{fixed(band[0])}–{fixed(band[1])}", MUTED, False),
            *((score_text(r.pillars.get(p.id)), INK, False)
              for p in data.framework.pillars if p.enabled),
            (signed_text(r.founder_gap) or lab["none"], INK if r.founder_gap is not None else MUTED,
             False),
            (str(self.count + row + 1), MUTED, False),
        ]
        for col, (value, colour, bold) in zip(self.columns, cells, strict=True):
            if value is not None:
                page.text(col.anchor(), base, value, size=_SIZE, color=colour, bold=bold,
                          ha=col.align, width=col.w)
        page.lines(self.columns[1].x, base, names, size=_SIZE, leading=_LEAD)
        page.lines(self.columns[1].x, base + _LEAD * len(names) - 0.6, gate, size=_GATE_SIZE,
                   leading=_GATE_LEAD, color=RED, bold=True)



def _change_text(change: WeightChange, lang: str) -> str:
    """One weight that differs from the default, as page 1 prints it in ``lang``, e.g.
    ``criterion Runway 1 → 3`` or ``pillar Ecosystem switched off``."""
    lab = labels(lang)
    name = text(change.name, lang)
    if change.kind == "enabled":
        return lab["weight_on" if change.new else "weight_off"].format(name=name)
    return lab[f"weight_{change.kind}"].format(name=name, old=f"{change.old:g}",
                                               new=f"{change.new:g}")
