"""The decision block of a startup page: the current decision (status, date, who, rationale),
earlier decisions, and the decision the framework's thresholds suggest with the reason
(:mod:`models.core.decisions`).
"""

from __future__ import annotations

from models.core.decisions import DecisionThresholds, status_name, suggestion_name
from models.core.rounding import fixed
from models.engine.ranking import RankedStartup
from models.report.data import ReportData
from models.report.metrics import Metrics
from models.report.page import AMBER, GREEN, INK, LEFT, MUTED, RED, RIGHT, STRIPE, Page
from models.report.texts import labels

#: Colour of each suggestion.
SUGGESTION_COLOURS = {"pursue": GREEN, "watch": AMBER, "pass": RED}
_SIZE, _LEAD = 7.6, 10.0


def decision_height(m: Metrics, data: ReportData, i: int) -> float:
    """The height of startup ``i``'s decision box: a heading line, then (with a decision) at
    most two lines of rationale and a line of earlier decisions."""
    st = data.startups[i]
    current = st.decision
    if current is None:
        return 9 + _LEAD
    rationale = len(m.wrap(current.rationale, _SIZE, RIGHT - LEFT - 12, max_lines=2)) \
        if current.rationale else 1
    return 9 + _LEAD * (1 + rationale + min(1, len(st.decisions) - 1))


def decision_block(page: Page, data: ReportData, i: int, top: float) -> None:
    """Draw startup ``i``'s decision and suggestion in a shaded box from ``top``."""
    lab = labels(data.lang)
    st, row = data.startups[i], data.rows[i]
    width = RIGHT - LEFT
    current = st.decision
    page.rect(LEFT, top, width, decision_height(page.m, data, i), STRIPE)
    y = top + 12
    x = LEFT + 6
    x += page.text(x, y, lab["decision"], size=9, bold=True) + 8
    suggestion = suggestion_text(row, data.framework.decision_thresholds, data.lang)
    colour = SUGGESTION_COLOURS.get(row.suggested or "", MUTED)
    sugg_w = page.text(RIGHT - 6, y, suggestion, size=_SIZE, bold=True, color=colour,
                       ha="right", width=width * 0.45)
    room = RIGHT - 6 - sugg_w - 12 - x
    if current is None:
        page.text(x, y, lab["no_decision"], size=_SIZE, color=MUTED, width=room)
        return
    x += page.text(x, y, status_name(current.status, data.lang), size=_SIZE, bold=True,
                   width=room)
    who = [current.date.isoformat()]
    if current.by:
        who.append(lab["decided_by"].format(by=current.by))
    page.text(x + 6, y, " · ".join(who), size=_SIZE, color=MUTED, width=RIGHT - x - sugg_w - 24)
    rows = page.m.wrap(current.rationale, _SIZE, width - 12, max_lines=2) \
        if current.rationale else [lab["no_rationale"]]
    y = page.lines(LEFT + 6, y + _LEAD, rows, size=_SIZE, leading=_LEAD,
                   color=INK if current.rationale else MUTED)
    earlier = st.decisions[:-1]
    if earlier:
        items = ", ".join(lab["earlier_one"].format(status=status_name(d.status, data.lang),
                                                     date=d.date.isoformat())
                          for d in reversed(earlier))
        page.text(LEFT + 6, y, lab["earlier"].format(items=items), size=6.8, color=MUTED,
                  width=width - 12)


def suggestion_text(row: RankedStartup, th: DecisionThresholds, lang: str) -> str:
    """The suggestion with its reason, e.g. "Suggested: Pursue (67.3 ≥ 65)"."""
    lab = labels(lang)
    if row.suggested is None or row.overall is None:
        return lab["no_suggestion"]
    if row.gated:
        why = lab["why_gated"]
    else:
        key = {"pursue": "why_pursue", "watch": "why_watch"}.get(row.suggested, "why_pass")
        why = lab[key].format(overall=fixed(row.overall), pursue=f"{th.pursue:g}",
                              watch=f"{th.watch:g}")
    return lab["suggested"].format(name=suggestion_name(row.suggested, lang), why=why)
