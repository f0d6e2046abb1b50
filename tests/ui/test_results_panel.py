"""The Assess view's results panel: the fix of a triggered deal-breaker is listed first, and
an assessment with nothing scored asks to score criteria first."""

from __future__ import annotations

import datetime as dt

from gui.views.assess.results_panel import ResultsPanel
from models.core.portfolio import Assessment, Score, Startup
from models.engine.results import score_assessment
from tests.helpers import tiny_framework


def _assess(**levels: int) -> Assessment:
    return Assessment(assessor="Ann", role="investor", date=dt.date(2024, 10, 1),
                      scores={k.replace("_", "."): Score(value=v) for k, v in levels.items()})


def test_fix_of_deal_breaker_is_shown_first(qtbot):
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    fw = tiny_framework()
    panel.show_result(score_assessment(Startup(name="F"), _assess(a_x=5, a_y=3, b_z=2, b_w=5),
                                       fw), fw)
    shown = panel.improvements_label.text()
    # b.w 5 -> 4 lifts "Fatal w" (+4.2) and comes before a.y's larger ordinary gain (+12.5)
    assert "Fixes deal-breaker Fatal w" in shown
    assert shown.index("b.w: 5 → 4") < shown.index("Fixes deal-breaker") \
        < shown.index("a.y: 3 → 4") < shown.index("b.z: 2 → 1")
    assert "+4.2" in shown and "+12.5" in shown
    assert shown.count("Fixes deal-breaker") == 1


def test_empty_assessment_asks_to_score_first(qtbot):
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    fw = tiny_framework()
    panel.show_result(score_assessment(Startup(name="E"), Assessment(), fw), fw)
    shown = panel.improvements_label.text()
    assert "Score criteria first" in shown
    assert "Nothing left to improve" not in shown


def test_everything_at_best_says_nothing_left(qtbot):
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    fw = tiny_framework()
    panel.show_result(score_assessment(Startup(name="B"), _assess(a_x=5, a_y=5, b_z=1, b_w=1),
                                       fw), fw)
    assert "Nothing left to improve" in panel.improvements_label.text()
