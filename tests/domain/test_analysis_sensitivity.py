"""Weight sensitivity (models.analysis.sensitivity): leader reversals and tornado data."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.analysis.sensitivity import (
    leader_reversals,
    overall_at_share,
    reweighted,
    shares,
    sweep_pillar,
    tornado,
)
from models.core.framework import Framework
from models.core.portfolio import Assessment, Score
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.sample import sample_portfolio
from models.engine.scores import score_levels
from tests.helpers import tiny_framework

EPS = 1e-7


def _assess(**levels: int | None) -> Assessment:
    return Assessment(
        assessor="Ann", role="investor", date=dt.date(2024, 10, 1),
        scores={k.replace("_", "."): Score(value=v) for k, v in levels.items()},
    )


def _framework_at(fw: Framework, pillar: str, t: float) -> Framework:
    """``fw`` with ``pillar`` at share ``t`` and the other enabled pillars rescaled."""
    enabled = [p for p in fw.pillars if p.enabled]
    rest = sum(p.weight for p in enabled if p.id != pillar)
    weights = {p.id: (t if p.id == pillar else (1 - t) * p.weight / rest) for p in enabled}
    return fw.with_weights(pillar_weights=weights)


def _leader(levels: np.ndarray, fw: Framework) -> int:
    overall = score_levels(levels, fw).overall
    return int(np.argmax(np.where(np.isnan(overall), -np.inf, overall)))


def _confirm_by_rescoring(levels: np.ndarray, fw: Framework) -> int:
    """Check every reported reversal by rescoring just below and just above it."""
    fa = FrameworkArrays.of(fw)
    pillars = score_levels(levels, fa).pillars
    checked = 0
    for sweep in leader_reversals(pillars, fa.pillar_weight, fa.pillar_ids):
        for r in sweep.reversals:
            assert 0 < r.weight < 1
            below = _leader(levels, _framework_at(fw, r.pillar, r.weight - EPS))
            above = _leader(levels, _framework_at(fw, r.pillar, r.weight + EPS))
            assert below == r.previous_leader, (r, below)
            assert above == r.new_leader, (r, above)
            checked += 1
        # and the leader at the current weights is the engine's leader
        assert sweep.leader_now == _leader(levels, fw)
    return checked


def test_sample_portfolio_reversals_confirmed_by_rescoring():
    p = sample_portfolio()
    levels = level_matrix([a for _, a in p.assessments()], p.framework)
    assert _confirm_by_rescoring(levels, p.framework) >= 3


def test_partial_assessments_and_a_disabled_pillar():
    # three pillars, one disabled; some assessments miss a pillar entirely, so their overall
    # is a ratio of linear functions of the share (or constant)
    fw = tiny_framework()
    data = fw.model_dump(mode="python")
    extra = dict(data["pillars"][0], id="c", weight=1.5, enabled=True,
                 criteria=[dict(data["pillars"][0]["criteria"][0], id="c.q")])
    off = dict(data["pillars"][0], id="d", weight=5.0, enabled=False,
               criteria=[dict(data["pillars"][0]["criteria"][0], id="d.q")])
    data["pillars"] += [extra, off]
    fw = Framework.model_validate(data)
    rows = [
        _assess(a_x=5, a_y=4, b_z=3, b_w=3, c_q=2, d_q=5),
        _assess(a_x=2, a_y=2, b_z=1, b_w=1, c_q=5),
        _assess(a_x=4, a_y=5),                      # pillar a only
        _assess(b_z=1, b_w=2, c_q=4),               # no pillar a
        _assess(a_y=3, c_q=5, d_q=1),               # no pillar b
        _assess(),                                  # nothing scored
    ]
    levels = level_matrix(rows, fw)
    assert _confirm_by_rescoring(levels, fw) >= 2


def test_sweep_by_hand():
    # two pillars at equal weight, everything scored: overall(t) = t·P_a + (1 - t)·P_b
    pillars = np.array([[80.0, 20.0], [40.0, 60.0], [10.0, 50.0]])
    s = sweep_pillar(pillars, np.array([1.0, 1.0]), 0, "a")
    # row 1 leads at t = 0 (60), row 0 overtakes where 80t + 20(1-t) = 40t + 60(1-t): t = 0.5
    assert s.leader_at_start == 1 and s.current == 0.5
    assert [(r.weight, r.previous_leader, r.new_leader) for r in s.reversals] == [
        (pytest.approx(0.5), 1, 0)]
    # at exactly the current share the two tie: the one pulling ahead (row 0) leads
    assert s.leader_now == 0


def test_no_reversal_when_one_dominates():
    pillars = np.array([[90.0, 90.0, 90.0], [10.0, 20.0, 30.0]])
    for s in leader_reversals(pillars, np.array([1.0, 2.0, 3.0]), ["a", "b", "c"]):
        assert s.reversals == [] and s.leader_now == 0


def test_shares_and_reweighting():
    pw = np.array([2.0, 1.0, 0.0, 1.0])
    assert shares(pw).tolist() == [0.5, 0.25, 0.0, 0.25]
    w = reweighted(pw, 0, 0.8)
    np.testing.assert_allclose(w, [0.8, 0.1, 0.0, 0.1])
    w = reweighted(pw, 1, np.array([0.0, 1.0]))
    np.testing.assert_allclose(w, [[2 / 3, 0, 0, 1 / 3], [0, 1, 0, 0]])
    with pytest.raises(ValueError):
        reweighted(pw, 2, 0.5)  # disabled
    with pytest.raises(ValueError):
        reweighted(pw, 0, 1.5)


def test_tornado_by_hand():
    # tiny framework: pillar a weight 2 (share 2/3), pillar b weight 1 (share 1/3)
    fw = tiny_framework()
    fa = FrameworkArrays.of(fw)
    rows = [_assess(a_x=5, a_y=3, b_z=2, b_w=4), _assess(a_y=4)]
    pillars = score_levels(level_matrix(rows, fw), fa).pillars  # row 0: a 62.5, b 50
    tor = tornado(pillars, fa.pillar_weight, fa.pillar_ids)
    assert tor.pillar_ids == ["a", "b"]
    np.testing.assert_allclose(tor.share, [2 / 3, 1 / 3])
    np.testing.assert_allclose(tor.low_share, [2 / 3 - 0.1, 1 / 3 - 0.1])
    np.testing.assert_allclose(tor.high_share, [2 / 3 + 0.1, 1 / 3 + 0.1])
    np.testing.assert_allclose(tor.base, [175 / 3, 75.0])
    # a at 0.5667: 0.5667·62.5 + 0.4333·50 = 57.0833; a at 0.7667: 59.5833
    np.testing.assert_allclose(tor.low[0], [57.083333333, 59.583333333])
    np.testing.assert_allclose(tor.high[0], [59.583333333, 57.083333333])
    # row 1 has pillar a only: 75 whatever the shares
    np.testing.assert_allclose(tor.low[1], [75, 75])
    np.testing.assert_allclose(tor.high[1], [75, 75])
    np.testing.assert_allclose(tor.swing()[0], [2.5, 2.5])
    # a step of 0.5 clamps to 0–1: a at share 1 gives 62.5; b at share 1 leaves row 1 unscored
    wide = tornado(pillars, fa.pillar_weight, fa.pillar_ids, step=0.5)
    np.testing.assert_allclose(wide.high_share, [1.0, 5 / 6])
    np.testing.assert_allclose(wide.low_share, [1 / 6, 0.0])
    assert wide.high[0, 0] == pytest.approx(62.5)
    assert wide.low[0, 1] == pytest.approx(62.5)  # b at 0 → a alone
    assert np.isnan(overall_at_share(pillars, fa.pillar_weight, 1, 1.0)[1])


# -- property: the reported leader is the true leader everywhere on 0–1 --------------------

score = st.one_of(st.none(), st.floats(0, 100, allow_nan=False).map(lambda x: round(x, 2)))


@settings(max_examples=80, deadline=None)
@given(st.integers(2, 4).flatmap(lambda k: st.tuples(
    st.lists(st.lists(score, min_size=k, max_size=k), min_size=2, max_size=7),
    st.lists(st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.5]), min_size=k, max_size=k),
)))
def test_reported_leaders_hold_between_reversals(case):
    rows, pw = case
    pw = np.array(pw)
    if not np.any(pw > 0):
        pw[0] = 1.0
    pillars = np.array([[np.nan if v is None else v for v in r] for r in rows])
    grid = np.linspace(0.0, 1.0, 201)[1:-1]
    for j in np.flatnonzero(pw > 0):
        s = sweep_pillar(pillars, pw, int(j), str(j))
        values = overall_at_share(pillars, pw, int(j), grid)  # (201 - 2, n)
        points = [r.weight for r in s.reversals]
        assert points == sorted(points)
        for t, row in zip(grid, values, strict=True):
            if np.all(np.isnan(row)) or any(abs(t - p) < 1e-6 for p in points):
                continue
            lead = s.leader_at_start
            for r in s.reversals:
                if r.weight < t:
                    lead = r.new_leader
            assert row[lead] >= np.nanmax(row) - 1e-7
