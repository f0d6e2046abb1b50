"""Trends: one startup's overall and pillar scores through the edits of a real workspace, one
point per moment they changed, worked out by hand from the tiny framework (pillar a:
benefit, weight 2, a.x w1 and a.y w3; pillar b: cost, weight 1, b.z and b.w)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.core.portfolio import Assessment, Score, Startup
from models.history.trend import startup_trend
from tests.workspaces import newest_change_at


def _values(trend):
    return [(p.overall, p.pillars.get("a"), p.pillars.get("b")) for p in trend.points]


def test_one_point_per_moment_the_scores_changed(ws):
    created = ws.info()["created_at"]
    ws.set_score_field("a2", "a.x", "value", 3)
    t1 = newest_change_at(ws)
    ws.set_startup_field("s1", "notes", "no score moves")
    ws.set_score_field("a2", "b.z", "value", 4)
    t2 = newest_change_at(ws)
    ws.set_score_field("a1", "a.x", "value", 1)          # the founder's: not in the view
    ws.set_score_field("a3", "a.x", "value", 5)          # another startup
    ws.replace_framework(ws.framework().with_weights(pillar_weights={"a": 1.0}))
    t3 = newest_change_at(ws)
    ws.insert_assessment("s1", 2, Assessment(id="c", assessor="Cy", role="investor",
                                             date=dt.date(2025, 3, 1),
                                             scores={"a.y": Score(value=1),
                                                     "a.x": Score(value=3)}))
    t4 = newest_change_at(ws)
    trend = startup_trend(ws, "s1")
    assert [p.at for p in trend.points] == [created, t1, t2, t3, t4]
    assert _values(trend) == [
        (100.0, 100.0, None),            # Bo: a.y 5
        (87.5, 87.5, None),              # a.x 3: a = 100 (0.5 + 3) / 4
        (pytest.approx(200 / 3), 87.5, 25.0),  # b.z 4: b 25, (2*87.5 + 25) / 3
        (56.25, 87.5, 25.0),             # pillars weighted equally: (87.5 + 25) / 2
        (18.75, 12.5, 25.0),             # Bo and Cy: a.y min(5, 1) = 1, a.x 3: a 12.5
    ]
    assert trend.pillars == {"a": "Alpha", "b": "Beta (100 = least)"}
    assert all(p.exists for p in trend.points)


def test_other_perspectives_and_languages(ws):
    ws.set_score_field("a1", "a.x", "value", 1)      # the founder's a.x 4 -> 1
    trend = startup_trend(ws, "s1", perspective="founder", lang="zh_CN")
    # a1: a.x 4 (0.75) -> a 75, b.z 2 (0.75) -> b 75, overall 75; then a.x 1: a 0, overall 25
    assert _values(trend) == [(75.0, 75.0, 75.0), (25.0, 0.0, 75.0)]
    assert trend.perspective == "founder" and trend.pillars["b"] == "Beta（100 = 最小）"
    assert _values(startup_trend(ws, "s1")) == [(100.0, 100.0, None)]


def test_a_startup_added_removed_and_put_back(ws):
    t0 = newest_change_at(ws)
    ws.insert_startup(1, Startup(id="n1", name="Nova", assessments=[
        Assessment(id="na", role="investor", scores={"a.x": Score(value=5)})]))
    t1 = newest_change_at(ws)
    ws.set_score_field("na", "b.w", "value", 5)
    t2 = newest_change_at(ws)
    index, startup = ws.remove_startup("n1")
    t3 = newest_change_at(ws)
    ws.insert_startup(index, startup)
    t4 = newest_change_at(ws)
    current = ws.load()
    trend = startup_trend(ws, "n1", current=current)
    assert t0 < t1
    assert [(p.at, p.exists) for p in trend.points] == [(t1, True), (t2, True), (t3, False),
                                                       (t4, True)]
    # a.x 5 -> a 100, overall 100; b.w 5 -> b 0, overall (200 + 0) / 3
    assert _values(trend) == [(100.0, 100.0, None), (pytest.approx(200 / 3), 100.0, 0.0),
                              (None, None, None), (pytest.approx(200 / 3), 100.0, 0.0)]
    ws.remove_startup("n1")
    gone = startup_trend(ws, "n1")
    assert [p.exists for p in gone.points] == [True, True, False, True, False]


def test_a_startup_without_changes_has_one_point(ws):
    trend = startup_trend(ws, "s2")
    assert [(p.at, p.overall, p.pillars) for p in trend.points] == [
        (ws.info()["created_at"], None, {"a": None, "b": None})]


def test_the_current_portfolio_is_left_as_it_is(ws):
    ws.set_score_field("a2", "a.y", "value", 1)
    ws.remove_assessment("a1")
    current = ws.load()
    kept = current.model_dump()
    startup_trend(ws, "s1", current=current)
    assert current.model_dump() == kept
