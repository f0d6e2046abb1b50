"""Diffs: a startup between two moments of a real workspace under the investor view, and two
assessments of a startup; every expected score worked out by hand from the tiny framework
(pillar a: benefit, weight 2, a.x w1 and a.y w3; pillar b: cost, weight 1, b.z and b.w;
posture "Strong alpha" when a >= 75 and b.z <= 2; deal-breaker "Fatal w" when b.w >= 5)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.core.errors import InputError
from models.core.portfolio import Assessment, Score
from models.history.diff import diff_assessments, diff_moments
from models.history.names import AssessmentRef
from tests.workspaces import newest_change_at


def _criteria(diff):
    return {c.criterion_id: (c.level_before, c.level_after) for c in diff.changed_criteria}


def _scores(diff):
    return {"overall": (diff.overall.before, diff.overall.after),
            **{p.id: (p.before, p.after) for p in diff.pillars}}


def test_two_assessments_of_a_startup(ws):
    s1 = ws.load().startups[0]
    a1, a2 = s1.assessments
    diff = diff_assessments(s1, a1, a2, ws.framework())
    # a1: a.x 4 (0.75) -> a 75; b.z 2 (0.75) -> b 75; overall (2*75 + 75) / 3 = 75
    # a2: a.y 5 (1.0) -> a 100; b unscored; overall 100
    assert _scores(diff) == {"overall": (75.0, 100.0), "a": (75.0, 100.0), "b": (75.0, None)}
    assert diff.overall.delta == 25.0 and diff.pillars[1].delta is None
    assert _criteria(diff) == {"a.x": (4, None), "a.y": (None, 5), "b.z": (2, None),
                               "b.w": (None, None)}
    by_id = {c.criterion_id: c for c in diff.criteria}
    assert (by_id["b.z"].rationale_before, by_id["b.z"].rationale_after) == ("quiet", None)
    assert by_id["a.y"].rationale_changed and by_id["a.y"].rationale_after == "strong"
    assert (by_id["b.w"].confidence_before, by_id["b.w"].confidence_after) == ("medium", None)
    assert not by_id["b.w"].level_changed and by_id["b.w"].confidence_changed
    assert (diff.postures_appeared, diff.postures_vanished) == ([], ["Strong alpha"])
    assert diff.deal_breakers_appeared == diff.deal_breakers_vanished == []
    assert [p.name for p in diff.pillars] == ["Alpha", "Beta (100 = least)"]
    zh = diff_assessments(s1, a2, a1, ws.framework(), "zh_CN")
    assert zh.overall.name == "总分" and zh.pillars[1].name == "Beta（100 = 最小）"
    assert zh.postures_appeared == ["Strong alpha"]


def test_an_assessment_compared_with_itself_has_no_change(ws):
    s1 = ws.load().startups[0]
    diff = diff_assessments(s1, s1.assessments[0], s1.assessments[0], ws.framework())
    assert not diff.changed and diff.changed_criteria == []


def test_a_startup_between_two_moments(ws):
    t0 = newest_change_at(ws)
    ws.set_score_field("a2", "b.z", "value", 2)
    ws.set_score_field("a2", "b.w", "value", 5)
    t1 = newest_change_at(ws)
    diff = diff_moments(ws, "s1", t0, t1)
    # investor view = a2. t0: a.y 5 -> a 100, overall 100. t1: b.z 2 (0.75), b.w 5 (0) ->
    # b 37.5, overall (2*100 + 37.5) / 3
    assert _scores(diff.view) == {"overall": (100.0, pytest.approx(237.5 / 3)),
                                  "a": (100.0, 100.0), "b": (None, 37.5)}
    assert _criteria(diff.view) == {"b.z": (None, 2), "b.w": (None, 5)}
    assert all(c.rationale_before is None and c.rationale_after is None
               for c in diff.view.criteria)   # a view has no rationale of its own
    assert diff.view.postures_appeared == ["Strong alpha"]
    assert diff.view.deal_breakers_appeared == ["Fatal w"]
    assert [c.after.id for c in diff.assessments] == ["a2"]
    assert _criteria(diff.assessments[0].diff) == {"b.z": (None, 2), "b.w": (None, 5)}
    assert diff.added == diff.removed == []
    assert (diff.name_before, diff.name_after, diff.perspective) == ("Acme 智能", "Acme 智能",
                                                                     "investor")


def test_assessments_added_removed_and_edited_between_two_moments(ws):
    ws.set_score_field("a2", "b.z", "value", 2)
    t1 = newest_change_at(ws)
    ws.set_score_field("a2", "a.y", "value", 2)
    ws.set_score_field("a2", "a.y", "rationale", "weaker")
    ws.set_assessment_field("a2", "date", dt.date(2025, 1, 1))
    ws.insert_assessment("s1", 2, Assessment(id="a9", assessor="Dee", role="investor",
                                             date=dt.date(2025, 2, 1),
                                             scores={"a.y": Score(value=4)}))
    ws.remove_assessment("a1")
    ws.set_startup_field("s1", "name", "Acme")
    diff = diff_moments(ws, "s1", t1)          # until now
    # t1: a2 only: a 100, b 75 (b.z 2), overall (200 + 75) / 3. now: investors Bo and Dee:
    # a.y levels 2 and 4, even count -> the lower, 2 (0.25) -> a 25; b.z 2 (Bo) -> b 75;
    # overall (2*25 + 75) / 3
    assert _scores(diff.view) == {"overall": (pytest.approx(275 / 3), pytest.approx(125 / 3)),
                                  "a": (100.0, 25.0), "b": (75.0, 75.0)}
    assert diff.view.postures_vanished == ["Strong alpha"]
    assert (diff.name_before, diff.name_after) == ("Acme 智能", "Acme")
    assert diff.added == [AssessmentRef("a9", "Dee", "investor", "2025-02-01")]
    assert diff.removed == [AssessmentRef("a1", "Ann", "founder", "2024-10-02")]
    (change,) = diff.assessments
    assert (change.before.date, change.after.date) == ("2024-11-05", "2025-01-01")
    (a_y,) = change.diff.changed_criteria
    assert (a_y.level_before, a_y.level_after) == (5, 2)
    assert (a_y.rationale_before, a_y.rationale_after) == ("strong", "weaker")
    assert a_y.rationale_changed and not a_y.confidence_changed


def test_a_startup_that_did_not_exist_yet(ws):
    from models.core.portfolio import Startup

    t0 = newest_change_at(ws)
    ws.insert_startup(3, Startup(id="n1", name="Nova", assessments=[
        Assessment(id="na", role="investor", scores={"a.x": Score(value=5)})]))
    diff = diff_moments(ws, "n1", t0)
    assert (diff.name_before, diff.name_after) == (None, "Nova")
    assert _scores(diff.view) == {"overall": (None, 100.0), "a": (None, 100.0),
                                  "b": (None, None)}
    assert [a.id for a in diff.added] == ["na"] and diff.assessments == []


def test_the_framework_of_each_moment_scores_its_side(ws):
    t0 = newest_change_at(ws)
    ws.set_score_field("a2", "b.z", "value", 2)
    ws.replace_framework(ws.framework().with_weights(pillar_weights={"a": 1.0}),
                         comment="equal pillars")
    current = ws.load()
    diff = diff_moments(ws, "s1", t0, current=current)
    # now: a 100, b 75, equal weights -> 87.5
    assert _scores(diff.view)["overall"] == (100.0, 87.5)
    assert diff.view.framework_before == diff.view.framework_after == "test.tiny 1"
    assert diff.view.changed


def test_a_moment_before_the_workspace_is_refused(ws):
    created = ws.info()["created_at"]
    with pytest.raises(InputError, match="before the workspace was created"):
        diff_moments(ws, "s1", created - dt.timedelta(days=1))
