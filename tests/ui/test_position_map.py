"""The Compare view's map: one bubble per startup under the perspective (the ranking's pillar and
overall scores), the Startups page's filters applied, unscored startups left out, at most
MAP_MAX bubbles, drawn on idle, and a click choosing the startup (pytest-qt, offscreen)."""

from __future__ import annotations

import math

import pytest

from gui.document import Document
from gui.views.compare.position_map import MAP_MAX
from gui.views.compare.view import CompareView
from models.engine.sample import synthetic_portfolio


@pytest.fixture
def view(compare_view: CompareView) -> CompareView:
    return compare_view


def test_one_bubble_per_startup_with_the_ranking_scores(view, doc):
    assert view.map.axis_keys() == ("pillar:tech", "pillar:press")
    points = view.map.map_points()
    rows = {r.startup_id: r for r in doc.ranking().rows}
    assert len(points) == len(doc.portfolio.startups) == 8
    for p in points:
        r = rows[p.startup_id]
        assert (p.x, p.y, p.size) == (r.pillars["tech"], r.pillars["press"], r.overall)
        assert p.label == r.startup and p.group == ("gated" if r.gated else "open")
    assert [p.group for p in points] == sorted((p.group for p in points),
                                               key=("open", "gated").index)
    view.map.set_axes("overall", "pillar:niche")
    for p in view.map.map_points():
        assert (p.x, p.y) == (rows[p.startup_id].overall, rows[p.startup_id].pillars["niche"])


def test_filters_and_the_perspective_apply(view, doc):
    view.startups.filter_edit.setText("chattersky")
    assert [p.label for p in view.map.map_points()] == ["Chattersky"]
    view.startups.filter_edit.clear()
    doc.set_perspective("founder")  # three startups have no founder assessment
    assert len(view.map.map_points()) == 5


def test_at_most_map_max_bubbles_the_current_one_always(qtbot, scripted_ask):
    doc = Document(synthetic_portfolio(MAP_MAX + 60, seed=4))
    view = CompareView(doc)
    qtbot.addWidget(view)
    last = view.model.ranked(view.model.rowCount() - 1).startup_id
    view.select_startup(last)
    points = view.map.map_points()
    assert len(points) == MAP_MAX + 1
    assert last in {p.startup_id for p in points}
    first = {view.model.ranked(r).startup_id for r in range(MAP_MAX)}
    assert {p.startup_id for p in points} == first | {last}


def test_map_draws_on_idle_and_a_click_chooses_a_startup(qtbot, view, doc):
    view.show()
    qtbot.waitExposed(view)
    chart = view.map.chart
    qtbot.waitUntil(lambda: chart.draws >= 1 and not chart.is_pending(), timeout=5000)
    assert view.map.drawn_points() == view.map.map_points()
    draws = chart.draws
    view.startups.filter_edit.setText("c")
    view.startups.filter_edit.setText("ch")
    assert chart.is_pending() and chart.draws == draws  # one redraw for a burst
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    assert chart.draws == draws + 1
    view.startups.filter_edit.clear()
    qtbot.waitUntil(lambda: len(view.map.drawn_points()) == 8, timeout=5000)
    chart.canvas.draw()

    from matplotlib.backend_bases import MouseEvent

    points = view.map.drawn_points()
    point = points[0]
    ax = chart.figure.axes[0]
    x, y = ax.transData.transform((point.x, point.y))
    event = MouseEvent("button_press_event", chart.canvas, x, y, button=1)
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        chart.canvas.callbacks.process("button_press_event", event)
    hit = blocker.args[0]
    assert hit in {p.startup_id for p in points
                   if math.isclose(p.x, point.x) and math.isclose(p.y, point.y)}
    assert view.current_startup_id() == hit
