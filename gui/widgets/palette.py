"""Colours shared by Beachhead's widgets: a score's colour from red (0) through amber to green
(100), the warning colours of deal-breakers and warning postures, and the grey of stale
figures."""

from __future__ import annotations

import itertools

from PySide6.QtGui import QColor

UNSCORED = QColor("#b8bcc4")
WARNING_BG = QColor("#fdecea")
WARNING_FG = QColor("#a4262c")
STRATEGY_BG = QColor("#e8f3ec")
STRATEGY_FG = QColor("#1d6b3a")
#: Figures that no longer match the document (greyed out).
STALE_FG = QColor("#9a9ea6")
#: The outline of a field whose value is a problem (the framework editor).
PROBLEM_OUTLINE = "border: 2px solid #c8453b; border-radius: 3px;"

_STOPS = ((0.0, QColor("#c8453b")), (50.0, QColor("#e5a935")), (100.0, QColor("#3f9a5a")))


def score_colour(score: float | None) -> QColor:
    """The colour of a 0–100 score (grey when there is none)."""
    if score is None:
        return QColor(UNSCORED)
    s = min(100.0, max(0.0, score))
    for (x0, c0), (x1, c1) in itertools.pairwise(_STOPS):
        if s <= x1:
            t = (s - x0) / (x1 - x0)
            return QColor(
                round(c0.red() + t * (c1.red() - c0.red())),
                round(c0.green() + t * (c1.green() - c0.green())),
                round(c0.blue() + t * (c1.blue() - c0.blue())),
            )
    return QColor(_STOPS[-1][1])
