"""Scoring maths against hand-computed values (the README's "How scores are computed")."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.results import score_assessment, score_portfolio
from models.engine.scenarios import apply_scenario
from models.engine.scores import favourability, score_levels
from tests.helpers import tiny_framework


def _assess(**levels: int | None) -> Assessment:
    return Assessment(
        assessor="Ann", role="investor", date=dt.date(2024, 10, 1),
        scores={k.replace("_", "."): Score(value=v) for k, v in levels.items()},
    )


def test_favourability_benefit_and_cost():
    benefit = np.array([True, False])
    got = favourability(np.array([[1.0, 1.0], [4.0, 4.0], [np.nan, 5.0]]), benefit)
    # benefit: (s-1)/4 ; cost: (5-s)/4
    assert got[0].tolist() == [0.0, 1.0]
    assert got[1].tolist() == [0.75, 0.25]
    assert math.isnan(got[2, 0]) and got[2, 1] == 0.0


def test_fully_scored_by_hand():
    fw = tiny_framework()
    st = Startup(name="Acme")
    a = _assess(a_x=5, a_y=3, b_z=2, b_w=4)
    r = score_assessment(st, a, fw)
    # pillar a: favourabilities 1.0 (w1) and 0.5 (w3) -> (1*1 + 0.5*3)/4 = 0.625 -> 62.5
    # pillar b (cost): b.z=2 -> 0.75, b.w=4 -> 0.25, equal weights -> 0.5 -> 50
    # overall: (2*62.5 + 1*50)/3 = 175/3 = 58.333...
    assert r.pillars == {"a": pytest.approx(62.5), "b": pytest.approx(50.0)}
    assert r.overall == pytest.approx(175 / 3)
    assert r.completeness == pytest.approx(1.0)
    assert not r.partial


def test_partial_assessment_by_hand():
    fw = tiny_framework()
    r = score_assessment(Startup(name="P"), _assess(a_y=4, b_w=None), fw)
    # only a.y scored: pillar a = 0.75*100 = 75; pillar b has no score -> excluded
    # overall = 75 (only pillar a counts)
    # completeness = share of a.y = (2/3)*(3/4) = 0.5
    assert r.pillars["a"] == pytest.approx(75.0)
    assert r.pillars["b"] is None
    assert r.overall == pytest.approx(75.0)
    assert r.completeness == pytest.approx(0.5)
    assert r.partial


def test_nothing_scored():
    r = score_assessment(Startup(name="E"), Assessment(), tiny_framework())
    assert r.overall is None and r.completeness == 0.0 and r.improvements == []
    assert all(v is None for v in r.pillars.values())


def test_disabled_pillar_is_left_out():
    fw = tiny_framework().with_weights(enabled={"b": False})
    r = score_assessment(Startup(name="D"), _assess(a_x=5, a_y=3, b_z=1, b_w=1), fw)
    # only pillar a: 62.5; b's scores do not count toward completeness
    assert r.overall == pytest.approx(62.5)
    assert r.completeness == pytest.approx(1.0)


def test_top_improvements_by_hand():
    fw = tiny_framework()
    r = score_assessment(Startup(name="I"), _assess(a_x=5, a_y=3, b_z=2, b_w=4), fw)
    # a.x is at 5: cannot improve.
    # a.y +1: pillar a +25*3/4 = 18.75 -> overall +18.75*2/3 = 12.5
    # b.z -1 (cost): pillar b +25*1/2 = 12.5 -> overall +12.5*1/3 = 4.1667; same for b.w
    gains = [(i.criterion, round(i.gain, 4), i.from_level, i.to_level) for i in r.improvements]
    assert gains == [("a.y", 12.5, 3, 4), ("b.z", 4.1667, 2, 1), ("b.w", 4.1667, 4, 3)]
    # the closed form equals re-scoring with the changed level
    better = score_assessment(Startup(name="I"), _assess(a_x=5, a_y=4, b_z=2, b_w=4), fw)
    assert better.overall - r.overall == pytest.approx(r.improvements[0].gain)


def test_postures_and_deal_breakers_with_reasons():
    fw = tiny_framework()
    r = score_assessment(Startup(name="R"), _assess(a_x=5, a_y=4, b_z=2, b_w=5), fw)
    # pillar a = (1*1 + 0.75*3)/4 = 0.8125 -> 81.25 >= 75 and b.z = 2 <= 2
    assert [h.name for h in r.postures] == ["Strong alpha"]
    # 81.25 shows as 81.3, halves away from zero as in a spreadsheet
    assert r.postures[0].reasons == ["Alpha 81.3 (≥ 75)", "b.z 2 (≤ 2)"]
    assert [h.id for h in r.deal_breakers] == ["fatal_w"]
    r2 = score_assessment(Startup(name="R"), _assess(a_x=5, a_y=4, b_z=None, b_w=4), fw)
    assert r2.postures == [] and r2.deal_breakers == []  # unscored b.z never satisfies a rule


def test_rule_threshold_tolerates_rounding():
    fw = tiny_framework()
    # pillar a = (0.25*1 + 1.0*3)/4 = 0.8125; choose levels giving exactly 75:
    # a.x=4 (0.75), a.y=4 (0.75) -> 75.0 exactly meets ">= 75"
    r = score_assessment(Startup(name="T"), _assess(a_x=4, a_y=4, b_z=1, b_w=1), fw)
    assert [h.id for h in r.postures] == ["strong_a"]


def test_scenario_shifts_are_clamped():
    fw = tiny_framework()
    levels = level_matrix([_assess(a_x=1, a_y=3, b_z=4, b_w=None)], fw)
    shifted = apply_scenario(levels, fw, fw.scenario("Squeeze"))
    # a.x 1-1 -> clamped 1; b.z 4+2 -> clamped 5; unscored stays unscored
    assert shifted[0, :3].tolist() == [1.0, 3.0, 5.0]
    assert math.isnan(shifted[0, 3])
    port = Portfolio(framework=fw, startups=[Startup(name="S", assessments=[
        _assess(a_x=3, a_y=3, b_z=2, b_w=2)])])
    base, = score_portfolio(port)
    after, = score_portfolio(port, "squeeze")
    # after: a.x 2 -> a = (0.25*1+0.5*3)/4*100 = 43.75; b.z 4 -> b = (0.25+0.75)/2*100 = 50
    # overall = (2*43.75 + 50)/3 = 45.8333
    assert after.overall == pytest.approx((2 * 43.75 + 50) / 3)
    assert base.overall == pytest.approx((2 * 50 + 75) / 3)
    assert after.scenario == "squeeze"


def test_vectorised_matches_single():
    fw = tiny_framework()
    rng = np.random.default_rng(3)
    levels = rng.integers(1, 6, (200, 4)).astype(float)
    levels[rng.random((200, 4)) < 0.2] = np.nan
    table = score_levels(levels, fw)
    for i in range(0, 200, 17):
        a = Assessment(scores={cid: Score(value=None if np.isnan(v) else int(v))
                               for cid, v in zip(fw.criterion_ids, levels[i], strict=True)})
        r = score_assessment(Startup(name="V"), a, fw)
        if r.overall is None:
            assert np.isnan(table.overall[i])
        else:
            assert table.overall[i] == pytest.approx(r.overall)


def test_framework_arrays_shares_sum_to_one():
    fa = FrameworkArrays.of(tiny_framework())
    # a.x: 2/3 * 1/4, a.y: 2/3 * 3/4, b.z and b.w: 1/3 * 1/2
    assert fa.share.tolist() == pytest.approx([1 / 6, 0.5, 1 / 6, 1 / 6])


def test_score_levels_rejects_bad_shape_and_levels():
    fw = tiny_framework()
    with pytest.raises(ValueError, match="4 columns"):
        score_levels(np.ones((2, 3)), fw)
    with pytest.raises(ValueError, match="between 1 and 5"):
        score_levels(np.array([[0.0, 1, 1, 1]]), fw)
