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


def test_radar_redraws_only_its_values_when_they_change(qtbot):
    """A new result under the same pillars redraws only the radar's series over the saved
    background (no full draw, no resize); the series shows the new pillar scores."""
    import numpy as np

    from gui.views.assess.results_panel import RADAR_HEIGHT
    from models.engine.sample import sample_portfolio

    portfolio = sample_portfolio()
    fw = portfolio.framework
    first, second = portfolio.startups[0], portfolio.startups[1]
    panel = ResultsPanel()
    qtbot.addWidget(panel)
    panel.resize(360, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_result(score_assessment(first, first.assessments[0], fw), fw)
    panel.enable_radar()
    chart = panel.radar
    assert chart is not None
    qtbot.waitUntil(lambda: chart._background is not None and not chart._timer.isActive())
    assert chart.full_draws == 1
    draws = chart.draws
    before = np.array(chart.canvas.buffer_rgba()).copy()
    result = score_assessment(second, second.assessments[0], fw)
    panel.show_result(result, fw)
    qtbot.waitUntil(lambda: chart.draws == draws + 1)
    assert chart.full_draws == 1  # the values were blitted
    assert chart.height() == RADAR_HEIGHT
    line = panel._radar_series.line
    want = [result.pillars.get(p.id) or 0.0 for p in fw.pillars if p.enabled]
    assert list(line.get_ydata()) == [*want, want[0]]
    assert not np.array_equal(np.array(chart.canvas.buffer_rgba()), before)
    panel.show_result(None, None)  # no pillars to show: the chart is cleared, drawn whole
    qtbot.waitUntil(lambda: chart.draws == draws + 2)
    assert chart.full_draws == 2 and chart._background is None
