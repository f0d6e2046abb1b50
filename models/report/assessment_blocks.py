"""The blocks of an assessment page below its score: postures and deal-breakers with their
reasons, the criteria table and the founder–investor gaps
(:func:`models.analysis.assessors.founder_investor_gaps`).
"""

from __future__ import annotations

import itertools
import math

from models.analysis.assessors import Gap
from models.core.framework import Criterion, Pillar, text
from models.core.portfolio import Startup
from models.engine.results import Result
from models.report.data import ReportData
from models.report.metrics import Metrics
from models.report.page import (
    AMBER,
    FAINT,
    FOOTER_TOP,
    GREEN,
    INK,
    LEFT,
    MUTED,
    RED,
    RED_BG,
    RIGHT,
    Page,
    score_text,
)
from models.report.texts import labels

#: Most founder–investor gaps listed on an assessment page.
MAX_GAPS = 6


def rules_block(page: Page, data: ReportData, res: Result, top: float) -> float:
    """Postures with their reasons, then deal-breakers in a red box; returns the bottom."""
    lab = labels(data.lang)
    m = page.m
    width = RIGHT - LEFT
    y = top + 10
    page.text(LEFT, y, lab["postures"], size=9, bold=True)
    y += 12
    size, lead = 7.6, 10.2
    if not res.postures:
        page.text(LEFT, y, lab["no_postures"], size=size, color=MUTED)
        y += lead
    for hit in res.postures:
        warn = hit.kind == "warning"
        colour = AMBER if warn else "#2f6fb0"
        page.rect(LEFT, y - 5.6, 4, 4, colour)
        name = hit.name + (lab["warning"] if warn else "")
        name_w = page.text(LEFT + 9, y, name, size=size, bold=True,
                           color=AMBER if warn else INK, width=width * 0.45)
        y = _reasons(page, hit.reasons, LEFT + 9, y, name_w, width - 9, size, lead, MUTED)
    y += 5
    if not res.deal_breakers:
        w = page.text(LEFT, y + 4, lab["deal_breakers"], size=9, bold=True)
        page.text(LEFT + w + 8, y + 4, lab["no_deal_breakers"], size=size, color=GREEN)
        return y + 6
    inner = width - 20
    lines = sum(len(_reason_rows(m, h.reasons, min(m.width(h.name, size, True), inner * 0.45),
                                 inner, size)[1]) or 1 for h in res.deal_breakers)
    height = 18 + lead * lines + 2
    page.rect(LEFT, y - 4, width, height, RED_BG, edge="#e3a19c", lw=0.6)
    page.rect(LEFT, y - 4, 3, height, RED)
    y += 8
    page.text(LEFT + 10, y, lab["deal_breakers"], size=9, bold=True, color=RED)
    y += 12
    for hit in res.deal_breakers:
        name_w = page.text(LEFT + 10, y, hit.name, size=size, bold=True, color=RED,
                           width=inner * 0.45)
        y = _reasons(page, hit.reasons, LEFT + 10, y, name_w, inner, size, lead, INK)
    return y


def _reason_rows(m: Metrics, reasons: list[str], name_w: float, width: float,
                 size: float) -> tuple[bool, list[str]]:
    """Lines of a rule's reasons after its name; the flag says whether they start on the
    name's line (they go to the next line when little room is left beside the name)."""
    joined = " · ".join(reasons)
    first = width - name_w - 8
    if first >= 90:
        return True, m.wrap(joined, size, width, first_width=first, max_lines=2)
    return False, ["", *m.wrap(joined, size, width, max_lines=2)]


def _reasons(page: Page, reasons: list[str], x: float, y: float, name_w: float,
             width: float, size: float, lead: float, colour: str) -> float:
    """Draw a rule's reasons after its name (drawn at ``x``, ``y``); returns the next line."""
    beside, rows = _reason_rows(page.m, reasons, name_w, width, size)
    for k, row in enumerate(rows):
        if k:
            y += lead
        if row:
            page.text(x + name_w + 8 if beside and k == 0 else x, y, row, size=size,
                      color=colour)
    return y + lead


def _favour_colour(f: float) -> str:
    """Chip colour for a favourability 0–1: soft red, amber, green."""
    stops = ((0.0, (0.93, 0.55, 0.52)), (0.5, (0.96, 0.82, 0.45)), (1.0, (0.55, 0.80, 0.56)))
    for (f0, c0), (f1, c1) in itertools.pairwise(stops):
        if f <= f1:
            t = (f - f0) / (f1 - f0)
            r, g, b = (c0[k] + t * (c1[k] - c0[k]) for k in range(3))
            return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
    return "#8ccc8f"


#: Criteria table columns: criterion, score chip centre, confidence, rationale (left x).
_COL_CRITERION, _COL_SCORE, _COL_CONF, _COL_RATIONALE = 42.0, 214.0, 236.0, 284.0


def criteria_table(page: Page, data: ReportData, i: int, top: float,
                   bottom: float) -> float:
    """The criteria, grouped by pillar, between ``top`` and at most ``bottom``; returns
    where the table (with its note) ends."""
    lab = labels(data.lang)
    fw = data.framework
    page.text(LEFT, top + 10, lab["criteria"], size=9, bold=True)
    y = top + 24
    heads = ((_COL_CRITERION + 4, lab["col_criterion"], "left"),
             (_COL_SCORE, lab["col_score"], "center"),
             (_COL_CONF, lab["col_confidence"], "left"),
             (_COL_RATIONALE, lab["col_rationale"], "left"))
    for x, head, ha in heads:
        page.text(x, y, head, size=6.8, bold=True, color=MUTED, ha=ha)
    page.rule(LEFT, RIGHT, y + 3.5)
    y += 3.5
    shifted = data.scenario is not None
    note = lab["criteria_note"].format(shifted=lab["criteria_note_shift"] if shifted else "")
    note_rows = page.m.wrap(note, 6.4, RIGHT - LEFT, max_lines=2)
    rows = len(fw.criteria) + len(fw.pillars)
    avail = bottom - y - 4 - 8.5 * len(note_rows)
    row_h = max(7.0, min(12.0, avail / rows))
    size = max(5.2, min(7.4, row_h * 0.64))
    for pillar in fw.pillars:
        _pillar_row(page, data, i, pillar, y, row_h, size)
        y += row_h
        for crit in pillar.criteria:
            _criterion_row(page, data, i, crit, y, row_h, size)
            y += row_h
    page.rule(LEFT, RIGHT, y)
    return page.lines(LEFT, y + 8.5, note_rows, size=6.4, leading=8.5, color=MUTED)


def _pillar_row(page: Page, data: ReportData, i: int, pillar: Pillar, y: float, row_h: float,
                size: float) -> None:
    """A pillar's shaded row at ``y``: its name and row ``i``'s pillar score."""
    page.rect(LEFT, y, RIGHT - LEFT, row_h, "#e8ecf0")
    base = y + row_h * 0.5 + size * 0.36
    pname = text(pillar.name, data.lang)
    w = page.text(_COL_CRITERION + 4, base, pname, size=size, bold=True, width=150)
    value = data.results[i].pillars.get(pillar.id)
    page.text(_COL_CRITERION + 4 + w + 6, base,
              score_text(value) if pillar.enabled else labels(data.lang)["none"], size=size,
              bold=True, color=MUTED)


def _criterion_row(page: Page, data: ReportData, i: int, crit: Criterion, y: float,
                   row_h: float, size: float) -> None:
    """A criterion's row at ``y``: its name, row ``i``'s level as a chip coloured by its
    favourability (with the move a scenario made), the confidence and the rationale."""
    lab = labels(data.lang)
    c = data.framework.criterion_index[crit.id]
    base = y + row_h * 0.5 + size * 0.36
    score = data.pairs[i][1].scores.get(crit.id)
    page.text(_COL_CRITERION + 10, base, text(crit.name, data.lang), size=size,
              width=_COL_SCORE - _COL_CRITERION - 30)
    raw, now = data.raw[i, c], data.levels[i, c]
    if math.isnan(raw):
        page.text(_COL_SCORE, base, lab["not_scored"], size=size * 0.92,
                  color=FAINT, ha="center", italic=True)
    else:
        fav = (now - 1) / 4 if crit.direction == "benefit" else (5 - now) / 4
        chip_w = 13.0 if raw == now else 24.0
        page.rect(_COL_SCORE - chip_w / 2, y + 1.2, chip_w, row_h - 2.4,
                  _favour_colour(float(fav)))
        shown = f"{int(raw)}" if raw == now else f"{int(raw)}→{int(now)}"
        page.text(_COL_SCORE, base, shown, size=size, bold=True, ha="center")
        page.text(_COL_CONF, base, lab[score.confidence] if score else "",
                  size=size, color=MUTED)
    rationale = score.rationale if score else ""
    page.text(_COL_RATIONALE, base, rationale or lab["none"], size=size,
              color=INK if rationale else FAINT, width=RIGHT - _COL_RATIONALE)


#: Height of a row of the gaps table.
_GAP_ROW = 10.5


def gaps_block(page: Page, data: ReportData, st: Startup, top: float | None) -> float:
    """The founder–investor gaps from ``top`` down; with ``top=None`` only measures them and
    returns the top that puts the block just above the footer."""
    lab = labels(data.lang)
    entry = data.gaps.get(st.id)
    width = RIGHT - LEFT
    bottom = FOOTER_TOP - 8
    if entry is None:
        if top is None:
            return bottom - 22
        page.text(LEFT, top + 10, lab["gaps"], size=9, bold=True)
        page.text(LEFT, top + 21, lab["gaps_missing"], size=7.4, color=MUTED, width=width)
        return top
    gaps, founder, investor = entry
    differ = [g for g in gaps if g.gap != 0]
    listed = differ[:MAX_GAPS]
    per_col = math.ceil(len(listed) / 2) if listed else 0
    intro = page.m.wrap(lab["gaps_between"].format(
        founder=founder.assessor or lab["unnamed"], founder_date=founder.date.isoformat(),
        investor=investor.assessor or lab["unnamed"],
        investor_date=investor.date.isoformat()), 7.4, width, max_lines=2)
    if top is None:
        return bottom - (12 + 10 * len(intro) + (12 + _GAP_ROW * per_col if listed else 0) + 20)
    y = top + 10
    page.text(LEFT, y, lab["gaps"], size=9, bold=True)
    y += 11
    y = page.lines(LEFT, y, intro, size=7.4, leading=10, color=MUTED)
    if listed:
        col_w = (width - 16) / 2
        for col in range(2):
            chunk = listed[col * per_col:(col + 1) * per_col]
            if chunk:
                _gap_column(page, lab, chunk, LEFT + col * (col_w + 16), y, col_w)
        y += 5 + _GAP_ROW * per_col + 10
    else:
        y += 2
    page.text(LEFT, y, _gaps_summary(lab, gaps, differ, listed), size=6.6, color=MUTED,
              width=width)
    return top


def _gap_column(page: Page, lab: dict[str, str], gaps: list[Gap], x0: float, y: float,
                col_w: float) -> None:
    """One column of the gaps table, its header's baseline just below ``y``."""
    name_w = col_w - 3 * 40
    heads = ((x0, lab["col_criterion"], "left"),
             (x0 + name_w + 20, lab["col_founder"], "center"),
             (x0 + name_w + 60, lab["col_investor"], "center"),
             (x0 + name_w + 100, lab["col_gap"], "center"))
    for x, head, ha in heads:
        page.text(x, y + 2, head, size=6.6, bold=True, color=MUTED, ha=ha)
    page.rule(x0, x0 + col_w, y + 5)
    yy = y + 5
    for g in gaps:
        base = yy + _GAP_ROW * 0.5 + 2.6
        page.text(x0, base, g.name, size=7.2, width=name_w)
        page.text(x0 + name_w + 20, base, str(g.founder), size=7.2, ha="center")
        page.text(x0 + name_w + 60, base, str(g.investor), size=7.2, ha="center")
        colour = RED if g.favourability_gap < 0 else GREEN
        page.text(x0 + name_w + 100, base, f"{g.gap:+d}", size=7.2, bold=True,
                  color=colour, ha="center")
        yy += _GAP_ROW


def _gaps_summary(lab: dict[str, str], gaps: list[Gap], differ: list[Gap],
                  listed: list[Gap]) -> str:
    """The line under the gaps: how many criteria agree, and how many gaps are not listed."""
    agree = len(gaps) - len(differ)
    if not differ:
        return lab["gaps_agree"].format(count=len(gaps))
    if len(differ) > len(listed):
        summary = lab["gaps_more"].format(more=len(differ) - len(listed), agree=agree,
                                          count=len(gaps))
    else:
        summary = lab["gaps_summary"].format(agree=agree, count=len(gaps))
    return summary + "  " + lab["gaps_note"]
