"""What the Assess view says about decisions: a status's colour, why the framework suggests
what it suggests for a ranked startup, and a startup's earlier decisions as text.

The statuses and suggestions, and their display names, are those of
:mod:`models.core.decisions`; the suggestion itself comes with the ranking's row
(:class:`models.engine.ranking.RankedStartup`).
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from gui.i18n import list_separator
from gui.perspective import perspective_label
from models.core.decisions import Decision, DecisionThresholds, status_name, suggestion_name
from models.core.rounding import fixed
from models.engine.perspectives import Perspective
from models.engine.ranking import RankedStartup

translate = QCoreApplication.translate

#: The colour of each status (text on a light background), from the process's start to its
#: end; passed and watch stand apart.
STATUS_COLOURS: dict[str, QColor] = {
    "screening": QColor("#5c6b73"), "diligence": QColor("#2f6fb0"),
    "committee": QColor("#7b4fa0"), "invested": QColor("#1d6b3a"),
    "passed": QColor("#a4262c"), "watch": QColor("#8a6d00"),
}
#: How many earlier decisions the history shows before it says how many more there are.
HISTORY_SHOWN = 5
#: Longest run of characters without a space a label shows before it may wrap inside it.
UNBROKEN_RUN = 24
_UNBROKEN = re.compile(rf"\S{{{UNBROKEN_RUN}}}")
#: How much of an earlier decision's rationale the history shows (a longer one is cut after
#: these many characters and ends with "…"), so the results below stay in reach.
HISTORY_RATIONALE_CHARS = 300


def status_colour(status: str | None) -> QColor:
    """The colour a status is written in (grey for none)."""
    return QColor(STATUS_COLOURS.get(status or "", QColor("#9a9ea6")))


def _threshold(value: float) -> str:
    return f"{value:g}"


def suggestion_reason(row: RankedStartup, thresholds: DecisionThresholds) -> str:
    """Why the thresholds suggest what they do for ``row``: the deal-breakers that gate it,
    or its overall score against the thresholds ('' when nothing is scored)."""
    if row.suggested is None or row.overall is None:
        return ""
    if row.gated:
        return translate("Decisions", "gated by {names}").format(
            names=list_separator().join(row.deal_breakers))
    overall = fixed(row.overall)
    if row.suggested == "pursue":
        return translate("Decisions", "overall {overall} ≥ {pursue}").format(
            overall=overall, pursue=_threshold(thresholds.pursue))
    if row.suggested == "watch":
        return translate("Decisions", "overall {overall} ≥ {watch}, below {pursue}").format(
            overall=overall, watch=_threshold(thresholds.watch),
            pursue=_threshold(thresholds.pursue))
    return translate("Decisions", "overall {overall} < {watch}").format(
        overall=overall, watch=_threshold(thresholds.watch))


def suggestion_line(row: RankedStartup | None, perspective: Perspective,
                    thresholds: DecisionThresholds, lang: str) -> str:
    """The panel's line about the suggestion: what and why, or why there is none; the
    perspective named as the window's selector names it."""
    view = perspective_label(perspective.name)
    if row is None or row.suggested is None:
        return translate("Decisions", "No suggestion yet: nothing is scored ({view}).").format(
            view=view)
    return translate("Decisions", "{view} suggests: {suggestion} ({reason})").format(
        view=view, suggestion=suggestion_name(row.suggested, lang),
        reason=suggestion_reason(row, thresholds))


def suggestion_rationale(row: RankedStartup, perspective: Perspective,
                         thresholds: DecisionThresholds, lang: str) -> str:
    """The rationale a taken suggestion starts with."""
    assert row.suggested is not None
    return translate("Decisions", "Framework suggestion ({view}): {suggestion} ({reason}).") \
        .format(view=perspective_label(perspective.name),
                suggestion=suggestion_name(row.suggested, lang),
                reason=suggestion_reason(row, thresholds))


#: The statuses that follow each suggestion: a startup already past diligence still follows
#: "pursue".
FOLLOWS: dict[str, frozenset[str]] = {
    "pursue": frozenset({"diligence", "committee", "invested"}),
    "watch": frozenset({"watch"}), "pass": frozenset({"passed"}),
}


def follows(status: str | None, suggestion: str) -> bool:
    """True when a startup at ``status`` already follows ``suggestion`` (taking it would
    change nothing, or move an invested startup back to diligence)."""
    return status in FOLLOWS[suggestion]


def decision_line(d: Decision, lang: str) -> str:
    """``date · status · who`` of one decision (who left out when empty)."""
    parts = [d.date.isoformat(), status_name(d.status, lang)]
    if d.by:
        parts.append(d.by)
    return " · ".join(parts)


def breakable(text: str) -> str:
    """``text`` with a zero-width space after every :data:`UNBROKEN_RUN` characters without a
    space, so a label can wrap a long link or word instead of growing as wide as it."""
    return _UNBROKEN.sub(lambda m: m.group(0) + "\u200b", text)


def history_html(decisions: list[Decision], lang: str) -> str:
    """The decisions before the current one, newest first, each with its rationale (the
    first :data:`HISTORY_RATIONALE_CHARS` characters of a long one; '' when there are none)."""
    earlier = decisions[:-1][::-1]
    if not earlier:
        return ""
    items = []
    for d in earlier[:HISTORY_SHOWN]:
        colour = status_colour(d.status).name()
        text = d.rationale.strip()
        if len(text) > HISTORY_RATIONALE_CHARS:
            text = text[:HISTORY_RATIONALE_CHARS].rstrip() + "…"
        why = f"<br><span style='color:#555'>{html.escape(breakable(text))}</span>" \
            if text else ""
        line = html.escape(breakable(decision_line(d, lang)))
        items.append(f"<li><span style='color:{colour}'>{line}</span>{why}</li>")
    more = len(earlier) - HISTORY_SHOWN
    tail = ("<li><i>" + html.escape(translate("Decisions", "… and {n} earlier").format(n=more))
            + "</i></li>") if more > 0 else ""
    return f"<ul style='margin-left:-24px; margin-top:0px'>{''.join(items)}{tail}</ul>"
