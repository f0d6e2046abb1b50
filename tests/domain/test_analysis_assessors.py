"""Several assessors (models.analysis.assessors) and scenario impacts (models.engine.scenarios), by
hand."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from models.analysis.assessors import (
    consensus,
    consensus_levels,
    disagreements,
    founder_investor_gaps,
    latest,
)
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.arrays import level_matrix
from models.engine.scenarios import competition_ranks, portfolio_scenario_impacts, scenario_impacts
from tests.helpers import tiny_framework

FW = tiny_framework()  # a.x, a.y benefit (weights 1, 3); b.z, b.w cost


def _assess(role: str, day: int = 1, conf: str = "high", **levels: int | None) -> Assessment:
    return Assessment(
        assessor=role.title(), role=role, date=dt.date(2024, 10, day),
        scores={k.replace("_", "."): Score(value=v, confidence=conf) for k, v in levels.items()},
    )


def test_founder_investor_gaps_by_hand():
    founder = _assess("founder", a_x=2, a_y=4, b_z=1, b_w=3)
    investor = _assess("investor", a_x=5, a_y=4, b_z=3)  # b.w not scored
    st_ = Startup(name="Acme", assessments=[founder, investor])
    gaps = founder_investor_gaps(st_, FW)
    assert [(g.criterion, g.founder, g.investor, g.gap) for g in gaps] == [
        ("a.x", 2, 5, 3), ("b.z", 1, 3, 2), ("a.y", 4, 4, 0)]
    # a.x benefit: (5-1)/4 - (2-1)/4 = 0.75; b.z cost: (5-3)/4 - (5-1)/4 = -0.5
    assert [g.favourability_gap for g in gaps] == [0.75, -0.5, 0.0]
    assert gaps[1].pillar == "b" and gaps[0].name == "a.x"


def test_gaps_use_the_latest_assessment_of_each_role():
    old = _assess("founder", day=1, a_x=1)
    new = _assess("founder", day=9, a_x=4)
    inv = _assess("investor", day=5, a_x=5)
    st_ = Startup(name="Acme", assessments=[new, old, inv])
    assert latest(st_, "founder") is new
    assert founder_investor_gaps(st_, FW)[0].gap == 1
    assert founder_investor_gaps(st_, FW, founder=old)[0].gap == 4
    assert founder_investor_gaps(Startup(name="Solo", assessments=[old]), FW) == []


def test_consensus_by_hand():
    a = _assess("founder", conf="high", a_x=2, a_y=3, b_z=2, b_w=1)
    b = _assess("investor", day=7, conf="medium", a_x=4, a_y=4, b_z=5)
    c = _assess("other", day=3, conf="low", a_x=5)
    merged = consensus([a, b, c], FW)
    # a.x: 2, 4, 5 → median 4; a.y: 3, 4 → the less favourable middle (benefit: 3);
    # b.z: 2, 5 → cost, the less favourable is the higher level, 5; b.w: 1 alone
    assert {k: s.value for k, s in merged.scores.items()} == {
        "a.x": 4, "a.y": 3, "b.z": 5, "b.w": 1}
    # confidence: the lowest among the scores summarised
    assert {k: s.confidence for k, s in merged.scores.items()} == {
        "a.x": "low", "a.y": "medium", "b.z": "medium", "b.w": "high"}
    assert merged.role == "other" and merged.date == dt.date(2024, 10, 7)
    assert "levels 2, 4, 5" in merged.scores["a.x"].rationale


def test_disagreements_by_hand():
    a = _assess("founder", a_x=1, a_y=3, b_z=2)
    b = _assess("investor", a_x=4, a_y=4, b_z=4)
    c = _assess("other", a_x=2, b_w=5)
    flags = disagreements([a, b, c], FW)
    assert [(f.criterion, f.spread) for f in flags] == [("a.x", 3), ("b.z", 2)]
    assert flags[0].lowest == [a.id] and flags[0].highest == [b.id]
    assert flags[0].levels == {a.id: 1, b.id: 4, c.id: 2}
    assert disagreements([a, b, c], FW, threshold=4) == []


@given(st.lists(st.one_of(st.none(), st.integers(1, 5)), min_size=1, max_size=7),
       st.booleans())
def test_consensus_is_a_middle_level(values, benefit):
    col = np.array([[np.nan if v is None else v] for v in values], dtype=float)
    got = consensus_levels(col, np.array([benefit]))[0]
    given_ = sorted(v for v in values if v is not None)
    if not given_:
        assert np.isnan(got)
        return
    k = len(given_)
    middle = {given_[(k - 1) // 2], given_[k // 2]}
    assert got in middle
    assert got == (min(middle) if benefit else max(middle))


# -- scenarios ------------------------------------------------------------------------------

def test_competition_ranks():
    got = competition_ranks(np.array([50.0, 60.0, 60.0, np.nan, 40.0]))
    np.testing.assert_array_equal(got, [3, 1, 1, np.nan, 4])


def test_scenario_impacts_by_hand():
    # "squeeze": b.z +2, a.x -1 (clamped to 1–5)
    rows = [_assess("investor", a_x=5, a_y=3, b_z=2, b_w=4),
            _assess("investor", a_x=1, a_y=4, b_z=4, b_w=1)]
    [impact] = scenario_impacts(level_matrix(rows, FW), FW)
    assert impact.scenario == "squeeze" and impact.name == "Squeeze"
    # row 0 before: a 62.5, b 50 → 175/3. After: a.x 4 → a (0.75 + 1.5)/4 = 56.25;
    # b.z 4 → b (0.25 + 0.25)/2 = 25 → (2·56.25 + 25)/3 = 45.8333
    # row 1 before: a (0 + 2.25)/4 = 56.25, b (0.25 + 1)/2 = 62.5 → 175/3 too.
    # After: a.x stays 1; b.z 5 → b (0 + 1)/2 = 50 → (112.5 + 50)/3 = 54.1667
    np.testing.assert_allclose(impact.before, [175 / 3, 175 / 3])
    np.testing.assert_allclose(impact.after, [137.5 / 3, 162.5 / 3])
    np.testing.assert_allclose(impact.delta, [-12.5, -12.5 / 3])
    np.testing.assert_array_equal(impact.rank_before, [1, 1])
    np.testing.assert_array_equal(impact.rank_after, [2, 1])
    np.testing.assert_array_equal(impact.rank_change, [-1, 0])


def test_portfolio_scenario_impacts_by_name():
    st_ = Startup(name="Acme", assessments=[_assess("investor", a_x=3)])
    p = Portfolio(framework=FW, startups=[st_])
    [impact] = portfolio_scenario_impacts(p, ["Squeeze"])
    assert impact.before[0] == pytest.approx(50.0) and impact.after[0] == pytest.approx(25.0)
    with pytest.raises(KeyError):
        portfolio_scenario_impacts(p, ["no such scenario"])
