"""Decisions: statuses, the thresholds' suggestion and how a cost pillar's score is labelled."""

from __future__ import annotations

import datetime as dt
import json

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


def test_decisions_out_of_date_order_are_read_in_date_order(tmp_path):
    from models.files.portfolio_file import load_portfolio, save_portfolio

    portfolio = sample_portfolio()
    path = tmp_path / "order.beachhead"
    save_portfolio(portfolio, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    gear = next(s for s in data["startups"] if s["id"] == "s06")
    # invested (2024-12-12) listed first, then two of one day in the file's order
    gear["decisions"] = [
        {"status": "invested", "date": "2024-12-12", "by": "IC", "rationale": "approved"},
        {"status": "screening", "date": "2024-10-03", "by": "P", "rationale": "first"},
        {"status": "watch", "date": "2024-10-29", "by": "P", "rationale": "a"},
        {"status": "diligence", "date": "2024-10-29", "by": "P", "rationale": "b"},
    ]
    path.write_text(json.dumps(data), encoding="utf-8")
    st = load_portfolio(path).find_startup("s06")
    assert [(d.status, d.date.isoformat()) for d in st.decisions] == [
        ("screening", "2024-10-03"), ("watch", "2024-10-29"), ("diligence", "2024-10-29"),
        ("invested", "2024-12-12")]
    assert st.decision.status == "invested"  # the latest by date, as the workbook import reads
    # so does a list set on the startup
    st.decisions = [Decision(status="passed", date=dt.date(2025, 1, 2)),
                    Decision(status="watch", date=dt.date(2025, 1, 1))]
    assert [d.status for d in st.decisions] == ["watch", "passed"]
    assert rank_startups(load_portfolio(path)).rows[1].status == "invested"  # Gearloom, 2nd
