"""Decisions: statuses, the thresholds' suggestion and how a cost pillar's score is labelled."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from models.core.decisions import (
    SUGGESTED_STATUS,
    Decision,
    DecisionThresholds,
    status_name,
    suggest_decision,
    suggestion_name,
)
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework

DEFAULT = DecisionThresholds()


@pytest.mark.parametrize(("overall", "gated", "want"), [
    (65.0, False, "pursue"), (64.999, False, "watch"), (100.0, False, "pursue"),
    (45.0, False, "watch"), (44.99, False, "pass"), (0.0, False, "pass"),
    (90.0, True, "pass"), (None, False, None), (float("nan"), True, None),
])
def test_suggestion_from_the_default_thresholds(overall, gated, want):
    assert suggest_decision(overall, gated, DEFAULT) == want


def test_thresholds_are_ordered_and_bounded():
    assert suggest_decision(50.0, False, DecisionThresholds(pursue=50, watch=50)) == "pursue"
    with pytest.raises(ValidationError, match="watch"):
        DecisionThresholds(pursue=40, watch=60)
    with pytest.raises(ValidationError):
        DecisionThresholds(pursue=101)


def test_default_framework_holds_the_thresholds():
    fw = default_framework()
    assert (fw.decision_thresholds.pursue, fw.decision_thresholds.watch) == (65.0, 45.0)


def test_unknown_status_is_refused():
    with pytest.raises(ValidationError, match="status"):
        Decision(status="maybe")  # type: ignore[arg-type]


def test_names_in_both_languages():
    assert status_name("committee") == "Committee"
    assert status_name("committee", "zh_CN") == "投委会"
    assert suggestion_name("pursue", "zh_CN") == "推进"
    assert SUGGESTED_STATUS == {"pursue": "diligence", "watch": "watch", "pass": "passed"}


def test_cost_pillar_score_says_which_way_is_good():
    fw = default_framework()
    assert fw.pillar("press").score_name() == "Incumbent pressure (100 = least)"
    assert fw.pillar("press").score_name("zh_CN") == "巨头压力（100 = 最小）"
    assert fw.pillar("niche").score_name("zh_CN") == "细分定位"


def test_ranking_carries_status_and_suggestion():
    portfolio = sample_portfolio()
    first = portfolio.startups[0]
    first.decisions.append(Decision(status="committee", by="Partner"))
    rows = {r.startup_id: r for r in rank_startups(portfolio).rows}
    assert rows[first.id].status == "committee"
    for r in rows.values():
        assert r.suggested == suggest_decision(r.overall, r.gated, DEFAULT)
