"""The blocks of a startup page below its score: postures and deal-breakers with their
reasons, the criteria table and the founder–investor gaps
(:func:`models.analysis.assessors.founder_investor_gaps`).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from models.analysis.assessors import Gap
from models.core.framework import Criterion, Pillar, text
from models.core.portfolio import CONFIDENCES, Startup
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

#: Most founder–investor gaps listed on a startup page.
MAX_GAPS = 6


def rules_block(page: Page, data: ReportData, res: Result, top: float) -> float:
    """Postures with their reasons, then deal-breakers in a red box; returns the bottom.
    Rule names are printed whole, on several lines when they are long."""
    lab = labels(data.lang)
    m = page.m
    width = RIGHT - LEFT
    y = top + 10
    page.text(LEFT, y, lab["postures"], size=9, bold=True)
    y += 12
    if not res.postures:
        page.text(LEFT, y, lab["no_postures"], size=_RULE_SIZE, color=MUTED)
        y += _RULE_LEAD
    for hit in res.postures:
        warn = hit.kind == "warning"
        page.rect(LEFT, y - 5.6, 4, 4, AMBER if warn else "#2f6fb0")
        name = hit.name + (lab["warning"] if warn else "")
        y = _rule(page, name, hit.reasons, LEFT + 9, y, width - 9,
                  (AMBER if warn else INK, MUTED))
    y += 5
    if not res.deal_breakers:
        w = page.text(LEFT, y + 4, lab["deal_breakers"], size=9, bold=True)
        page.text(LEFT + w + 8, y + 4, lab["no_deal_breakers"], size=_RULE_SIZE, color=GREEN)
        return y + 6
    inner = width - 20
    lines = sum(len(_rule_lines(m, h.name, h.reasons, inner)[0])
                for h in res.deal_breakers)
    height = 18 + _RULE_LEAD * lines + 2
    page.rect(LEFT, y - 4, width, height, RED_BG, edge="#e3a19c", lw=0.6)
    page.rect(LEFT, y - 4, 3, height, RED)
    y += 8
    page.text(LEFT + 10, y, lab["deal_breakers"], size=9, bold=True, color=RED)
    y += 12
    for hit in res.deal_breakers:
        y = _rule(page, hit.name, hit.reasons, LEFT + 10, y, inner, (RED, INK))
    return y


#: Text size and line height of the postures' and deal-breakers' lines.
_RULE_SIZE, _RULE_LEAD = 7.6, 10.2
#: A rule's reasons go beside its name when at least this much room is left there.
_BESIDE = 90.0


def _rule_lines(m: Metrics, name: str, reasons: list[str],
                width: float) -> tuple[list[tuple[str, str]], float]:
    """A rule's lines as (name part, reasons part) pairs, and the width of the name part of
    the line where the reasons start. The name is never cut: it wraps over the full width
    when it takes more than 45 % of it; the reasons (at most two lines) follow on the name's
    last line when there is room, else on the next line."""
    names = [name] if m.width(name, _RULE_SIZE, True) <= width * 0.45 else \
        m.wrap(name, _RULE_SIZE, width, bold=True)
    last_w = m.width(names[-1], _RULE_SIZE, True)
    joined = " · ".join(reasons)
    first = width - last_w - 8
    if first >= _BESIDE:
        rows = m.wrap(joined, _RULE_SIZE, width, first_width=first, max_lines=2)
        pairs = [(n, "") for n in names[:-1]] + [(names[-1], rows[0] if rows else "")]
        return pairs + [("", r) for r in rows[1:]], last_w
    rows = m.wrap(joined, _RULE_SIZE, width, max_lines=2)
    return [(n, "") for n in names] + [("", r) for r in rows], 0.0


def _rule(page: Page, name: str, reasons: list[str], x: float, y: float, width: float,
          colours: tuple[str, str]) -> float:
    """Draw a rule's name (bold, in ``colours[0]``) and reasons (in ``colours[1]``) from
    baseline ``y``; returns the next baseline."""
    pairs, name_w = _rule_lines(page.m, name, reasons, width)
    for part, reason in pairs:
        if part:
            page.text(x, y, part, size=_RULE_SIZE, bold=True, color=colours[0])
        if reason:
            page.text(x + name_w + 8 if part else x, y, reason, size=_RULE_SIZE,
                      color=colours[1])
        y += _RULE_LEAD
    return y


def _favour_colour(f: float) -> str:
    """Chip colour for a favourability 0–1: soft red, amber, green."""
    stops = ((0.0, (0.93, 0.55, 0.52)), (0.5, (0.96, 0.82, 0.45)), (1.0, (0.55, 0.80, 0.56)))
    for (f0, c0), (f1, c1) in itertools.pairwise(stops):
        if f <= f1:
            t = (f - f0) / (f1 - f0)
            r, g, b = (c0[k] + t * (c1[k] - c0[k]) for k in range(3))
            return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
    return "#8ccc8f"


@dataclass(frozen=True)
class _CriteriaColumns:
    """Criteria table columns (x in points): criterion name, score chip centre, spread between
    investors (``None`` when the startup's levels come from one assessment), confidence,
    rationale."""

    criterion: float = 42.0
    score: float = 214.0
    spread: float | None = None
    confidence: float = 236.0
    rationale: float = 284.0

    @classmethod
    def of(cls, data: ReportData, i: int) -> _CriteriaColumns:
        """The columns for startup ``i``: with a spread column when several assessments make
        its levels."""
        if len(data.used[i]) < 2:
            return cls()
        return cls(spread=246.0, confidence=272.0, rationale=318.0)


#: Height of a criteria row below which the table gives room taken by the gaps' list back.
READABLE_ROW = 9.5


def criteria_height(data: ReportData, row_h: float = READABLE_ROW) -> float:
    """The height of the criteria table (heading, header, rows of ``row_h`` and a note of up
    to three lines)."""
    fw = data.framework
    return 24 + 3.5 + 4 + row_h * (len(fw.criteria) + len(fw.pillars)) + 8.5 * 3


def criteria_table(page: Page, data: ReportData, i: int, top: float,
                   bottom: float) -> float:
    """The criteria, grouped by pillar, between ``top`` and at most ``bottom``; returns
    where the table (with its note) ends."""
    lab = labels(data.lang)
    fw = data.framework
    cols = _CriteriaColumns.of(data, i)
    page.text(LEFT, top + 10, lab["criteria"], size=9, bold=True)
    y = top + 24
    heads = [(cols.criterion + 4, lab["col_criterion"], "left"),
             (cols.score, lab["col_score"], "center"),
             (cols.confidence, lab["col_confidence"], "left"),
             (cols.rationale, lab["col_rationale"], "left")]
    if cols.spread is not None:
        heads.append((cols.spread, lab["col_spread"], "center"))
    for x, head, ha in heads:
        page.text(x, y, head, size=6.8, bold=True, color=MUTED, ha=ha)
    page.rule(LEFT, RIGHT, y + 3.5)
    y += 3.5
    note = lab["criteria_note"].format(
        shifted=lab["criteria_note_shift"] if data.scenario is not None else "",
        spread=lab["criteria_note_spread"] if cols.spread is not None else "")
    note_rows = page.m.wrap(note, 6.4, RIGHT - LEFT, max_lines=3)
    rows = len(fw.criteria) + len(fw.pillars)
    avail = bottom - y - 4 - 8.5 * len(note_rows)
    row_h = max(7.0, min(12.0, avail / rows))
    size = max(5.2, min(7.4, row_h * 0.64))
    for pillar in fw.pillars:
        _pillar_row(page, data, i, pillar, y, row_h, size)
        y += row_h
        for crit in pillar.criteria:
            _criterion_row(page, data, (i, crit), cols, y, row_h, size)
            y += row_h
    page.rule(LEFT, RIGHT, y)
    return page.lines(LEFT, y + 8.5, note_rows, size=6.4, leading=8.5, color=MUTED)


def _pillar_row(page: Page, data: ReportData, i: int, pillar: Pillar, y: float, row_h: float,
                size: float) -> None:
    """A pillar's shaded row at ``y``: its score's name and startup ``i``'s pillar score."""
    page.rect(LEFT, y, RIGHT - LEFT, row_h, "#e8ecf0")
    base = y + row_h * 0.5 + size * 0.36
    w = page.text(46.0, base, pillar.score_name(data.lang), size=size, bold=True, width=220)
    value = data.results[i].pillars.get(pillar.id)
    page.text(46.0 + w + 6, base,
              score_text(value) if pillar.enabled else labels(data.lang)["none"], size=size,
              bold=True, color=MUTED)


def _criterion_row(page: Page, data: ReportData, at: tuple[int, Criterion],
                   cols: _CriteriaColumns, y: float, row_h: float, size: float) -> None:
    """A criterion's row at ``y`` for ``at`` = (startup, criterion): its name, the level as
    a chip coloured by its favourability (with the move a scenario made), the spread between
    investors, the confidence and the rationale of the assessment the level comes from."""
    i, crit = at
    lab = labels(data.lang)
    c = data.framework.criterion_index[crit.id]
    base = y + row_h * 0.5 + size * 0.36
    page.text(cols.criterion + 10, base, text(crit.name, data.lang), size=size,
              width=cols.score - cols.criterion - 30)
    raw, now = data.raw[i, c], data.levels[i, c]
    source = data.source(i, crit)
    if math.isnan(raw):
        page.text(cols.score, base, lab["not_scored"], size=size * 0.92,
                  color=FAINT, ha="center", italic=True)
    else:
        fav = (now - 1) / 4 if crit.direction == "benefit" else (5 - now) / 4
        chip_w = 13.0 if raw == now else 24.0
        page.rect(cols.score - chip_w / 2, y + 1.2, chip_w, row_h - 2.4,
                  _favour_colour(float(fav)))
        shown = f"{int(raw)}" if raw == now else f"{int(raw)}→{int(now)}"
        page.text(cols.score, base, shown, size=size, bold=True, ha="center")
        page.text(cols.confidence, base, lab[CONFIDENCES[int(data.confidence[i, c])]],
                  size=size, color=MUTED)
        low, high = data.low[i, c], data.high[i, c]
        if cols.spread is not None and low != high:
            page.text(cols.spread, base, f"{int(low)}–{int(high)}", size=size, color=AMBER,
                      bold=True, ha="center")
    rationale = source[1].rationale if source else ""
    if rationale and cols.spread is not None and source:
        rationale = f"{short_name(source[0].assessor) or lab['unnamed']}: {rationale}"
    page.text(cols.rationale, base, rationale or lab["none"], size=size,
              color=INK if rationale else FAINT, width=RIGHT - cols.rationale)


def short_name(assessor: str) -> str:
    """An assessor's name without what follows its first comma (``Priya Raman, Northgate
    Capital`` → ``Priya Raman``; a full-width comma counts too)."""
    return re.split(r"[,，]", assessor, maxsplit=1)[0].strip()


#: Height of a row of the gaps table.
_GAP_ROW = 10.5


def gaps_block(page: Page, data: ReportData, st: Startup, top: float | None,
               limit: int = MAX_GAPS) -> float:
    """The founder–investor gaps from ``top`` down, at most ``limit`` of them listed; with
    ``top=None`` only measures them and returns the top that puts the block just above the
    footer."""
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
    listed = differ[:limit]
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
