"""Monte Carlo uncertainty (models.analysis.uncertainty) and the batched scoring helpers it builds
on."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from models.analysis import uncertainty
from models.analysis.uncertainty import confidence_matrix, simulate
from models.core.portfolio import Assessment, Score
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.sample import sample_portfolio
from models.engine.scores import level_slopes, overall_from_pillars, score_levels
from models.files.framework_file import default_framework
from tests.helpers import tiny_framework

LOW, MEDIUM, HIGH = 0, 1, 2


def _assess(conf: str = "high", **levels: int | None) -> Assessment:
    return Assessment(
        assessor="Ann", role="investor", date=dt.date(2024, 10, 1),
        scores={k.replace("_", "."): Score(value=v, confidence=conf) for k, v in levels.items()},
    )


# -- the confidence distributions -----------------------------------------------------------

def test_confidence_matrix_codes():
    fw = tiny_framework()
    a = Assessment(scores={"a.x": Score(value=2, confidence="low"),
                           "b.z": Score(value=4, confidence="medium"),
                           "b.w": Score(value=None, confidence="low")})
    assert confidence_matrix([a], fw).tolist() == [[LOW, HIGH, MEDIUM, HIGH]]


@pytest.mark.parametrize("level, conf, expected", [
    (3, "medium", {25.0: 0.1, 50.0: 0.8, 75.0: 0.1}),
    (5, "medium", {75.0: 0.1, 100.0: 0.9}),
    (1, "low", {0.0: 0.8, 25.0: 0.2}),
])
def test_draws_follow_the_stated_distribution(level, conf, expected):
    # only a.x is scored: pillar a = favourability of a.x, the only pillar with a score
    fw = tiny_framework()
    levels = level_matrix([_assess(conf, a_x=level)], fw)
    codes = confidence_matrix([_assess(conf, a_x=level)], fw)
    res = simulate(levels, codes, fw, draws=20_000, seed=3, keep_samples=True)
    values, counts = np.unique(np.round(res.samples[0], 9), return_counts=True)
    got = dict(zip(values.tolist(), (counts / 20_000).tolist(), strict=True))
    assert set(got) == set(expected)
    for v, p in expected.items():
        assert got[v] == pytest.approx(p, abs=0.01)


def test_unscored_criteria_stay_unscored():
    # b.z alone is scored (cost, level 2, low): pillar a never gets a score in any draw
    fw = tiny_framework()
    a = _assess("low", b_z=2)
    res = simulate(level_matrix([a], fw), confidence_matrix([a], fw), fw, draws=500, seed=1,
                   keep_samples=True)
    # cost: level 1 → 100, 2 → 75, 3 → 50; overall = pillar b alone
    assert set(np.round(res.samples[0], 9)) == {100.0, 75.0, 50.0}


# -- the guarantees of the issue ------------------------------------------------------------

def test_all_high_confidence_and_fixed_weights_give_the_deterministic_score():
    fw = tiny_framework()
    rows = [_assess(a_x=5, a_y=3, b_z=2, b_w=4), _assess(a_y=4), _assess(),
            _assess(a_x=1, a_y=2, b_z=5, b_w=5)]
    levels = level_matrix(rows, fw)
    res = simulate(levels, confidence_matrix(rows, fw), fw, draws=300, seed=0, max_rank=None)
    det = score_levels(levels, fw).overall
    np.testing.assert_array_equal(res.p10, det)
    np.testing.assert_array_equal(res.p50, det)
    np.testing.assert_array_equal(res.p90, det)
    assert res.p50[0] == pytest.approx(175 / 3)
    # no randomness in the order: 75 > 58.33 > 12.5; the empty assessment has no rank
    np.testing.assert_array_equal(res.rank_probabilities,
                                  [[0, 1, 0], [1, 0, 0], [0, 0, 0], [0, 0, 1]])
    assert res.p_rank1.tolist() == [0, 1, 0, 0]
    assert res.p_top_k.tolist() == [1, 1, 0, 1]


def test_ties_share_ranks_evenly():
    fw = tiny_framework()
    rows = [_assess(a_x=4, a_y=4), _assess(a_x=4, a_y=4), _assess(a_x=1, a_y=1)]
    levels = level_matrix(rows, fw)
    res = simulate(levels, confidence_matrix(rows, fw), fw, draws=4000, seed=5, max_rank=None,
                   top_k=1)
    assert res.p_rank1[:2] == pytest.approx([0.5, 0.5], abs=0.03)
    assert res.p_rank1.sum() == pytest.approx(1.0)
    assert res.rank_probabilities[2].tolist() == [0, 0, 1]


@pytest.fixture(scope="module")
def sample_inputs():
    p = sample_portfolio()
    rows = [a for _, a in p.assessments()]
    fw = p.framework
    return level_matrix(rows, fw), confidence_matrix(rows, fw), fw


@pytest.mark.parametrize("concentration", [None, 50.0])
def test_rank_probabilities_sum_to_one(sample_inputs, concentration):
    levels, codes, fw = sample_inputs
    res = simulate(levels, codes, fw, draws=1000, seed=11, max_rank=None,
                   concentration=concentration)
    n = len(levels)
    assert res.rank_probabilities.shape == (n, n)
    np.testing.assert_allclose(res.rank_probabilities.sum(axis=1), 1.0)
    np.testing.assert_allclose(res.rank_probabilities.sum(axis=0), 1.0)
    assert res.p_rank1.sum() == pytest.approx(1.0)
    assert res.p_top_k.sum() == pytest.approx(3.0)
    assert np.all((res.p10 <= res.p50) & (res.p50 <= res.p90))
    assert np.all((res.p10 >= 0) & (res.p90 <= 100))


def test_same_seed_same_output_and_different_seed_differs(sample_inputs):
    levels, codes, fw = sample_inputs
    kw = {"draws": 400, "concentration": 30.0, "max_rank": 5}
    a = simulate(levels, codes, fw, seed=7, **kw)
    b = simulate(levels, codes, fw, seed=7, **kw)
    c = simulate(levels, codes, fw, seed=8, **kw)
    for name in ("p10", "p50", "p90", "mean", "rank_probabilities", "p_rank1", "p_top_k"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
    assert not np.array_equal(a.mean, c.mean)
    assert not np.array_equal(a.rank_probabilities, c.rank_probabilities)


def test_chunking_gives_consistent_results(sample_inputs, monkeypatch):
    # many small chunks, with an odd number of draws so the last chunk is short
    levels, codes, fw = sample_inputs
    monkeypatch.setattr(uncertainty, "CHUNK_CELLS", 4 * levels.size)
    seen = []
    res = simulate(levels, codes, fw, draws=301, seed=2, max_rank=None,
                   progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (301, 301) and len(seen) == 76
    np.testing.assert_allclose(res.rank_probabilities.sum(axis=0), 1.0)
    np.testing.assert_allclose(res.rank_probabilities.sum(axis=1), 1.0)


def test_weight_draws_centre_on_the_current_weights():
    fw = default_framework().with_weights(pillar_weights={"niche": 3.0},
                                          enabled={"cap": False})
    rows = [_assess_default(fw, 4), _assess_default(fw, 2)]
    levels = level_matrix(rows, fw)
    res = simulate(levels, confidence_matrix(rows, fw), fw, draws=4000, seed=4,
                   concentration=50.0, keep_samples=True)
    w = res.weight_samples
    assert w.shape == (4000, 5)
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    assert np.all(w[:, 4] == 0)  # the disabled pillar stays out
    np.testing.assert_allclose(w.mean(axis=0), [0.5, 1 / 6, 1 / 6, 1 / 6, 0], atol=0.01)
    # Var = w(1 - w)/(c + 1) for the Dirichlet
    assert w[:, 0].var() == pytest.approx(0.25 / 51, rel=0.1)
    # every confidence is high: each draw is the overall under that draw's weights
    pillars = score_levels(levels, fw).pillars
    expected = overall_from_pillars(pillars[:, None, :], w[None, :, :])
    np.testing.assert_allclose(res.samples, expected, rtol=1e-6)


def _assess_default(fw, lv: int) -> Assessment:
    return Assessment(scores={cid: Score(value=lv, confidence="high")
                              for cid in fw.criterion_ids})


def test_bad_arguments_are_refused(sample_inputs):
    levels, codes, fw = sample_inputs
    with pytest.raises(ValueError, match="draws"):
        simulate(levels, codes, fw, draws=0)
    with pytest.raises(ValueError, match="shape"):
        simulate(levels, codes[:, :3], fw)
    with pytest.raises(ValueError, match="confidence"):
        simulate(levels, codes + 5, fw)
    with pytest.raises(ValueError, match="concentration"):
        simulate(levels, codes, fw, concentration=0.0)
    with pytest.raises(ValueError, match="top_k"):
        simulate(levels, codes, fw, top_k=0)


@pytest.mark.parametrize("shape", [(10, 22, 18), (3, 5, 7), (4,), (1,), (2,), (6,), (0,)])
@pytest.mark.parametrize("pending", [False, True])
def test_uniform16_draws_what_integers_draws(shape, pending):
    """The 16-bit draws read from the generator's raw output are numpy's own, and leave the
    generator where numpy's would (the next draws agree too), with or without half of a
    64-bit output pending (then numpy draws them)."""
    mine, numpys = np.random.default_rng(3).spawn(1)[0], np.random.default_rng(3).spawn(1)[0]
    if pending:  # one 32-bit draw: half of a 64-bit output is kept for the next one
        assert mine.integers(0, 2**32, dtype=np.uint32) == numpys.integers(0, 2**32,
                                                                          dtype=np.uint32)
    for _ in range(3):
        drawn = uncertainty.uniform16(mine, shape)
        expected = numpys.integers(0, 65536, size=shape, dtype=np.uint16)
        assert drawn.dtype == np.uint16 and drawn.shape == shape
        np.testing.assert_array_equal(drawn, expected)
    a, b = mine.bit_generator.state, numpys.bit_generator.state
    assert (a["state"], a["has_uint32"]) == (b["state"], b["has_uint32"])
    for kind in (np.uint16, np.uint32):  # a pending half, if any, is the same one
        assert mine.integers(0, 9, size=5, dtype=kind).tolist() == numpys.integers(
            0, 9, size=5, dtype=kind).tolist()
    assert mine.random() == numpys.random()


def test_no_ranks_counted_leaves_the_draws_alone(sample_inputs):
    """max_rank=0 counts no rank (P(rank 1) and P(top k) are 0) and draws the very same
    scores."""
    levels, codes, fw = sample_inputs
    ranked = simulate(levels, codes, fw, draws=300, seed=9, max_rank=1)
    plain = simulate(levels, codes, fw, draws=300, seed=9, max_rank=0, top_k=3)
    for name in ("p10", "p50", "p90", "mean", "overall"):
        np.testing.assert_array_equal(getattr(plain, name), getattr(ranked, name))
    assert plain.rank_probabilities.shape == (len(levels), 0)
    assert not plain.p_rank1.any() and not plain.p_top_k.any()
    with pytest.raises(ValueError, match="max_rank"):
        simulate(levels, codes, fw, max_rank=-1)


def test_empty_portfolio():
    fw = tiny_framework()
    res = simulate(np.empty((0, 4)), np.empty((0, 4), dtype=np.int8), fw, draws=10)
    assert res.p50.shape == (0,) and res.rank_probabilities.shape == (0, 0)


# -- the batched scoring helpers ------------------------------------------------------------

FW = default_framework()
M = len(FW.criteria)
level = st.one_of(st.none(), st.integers(1, 5))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(level, min_size=M, max_size=M), min_size=1, max_size=5),
       st.lists(st.lists(st.integers(-1, 1), min_size=M, max_size=M), min_size=5, max_size=5),
       st.lists(st.floats(0.1, 5), min_size=M, max_size=M))
def test_level_slopes_are_exact(rows, shifts, cw):
    fw = FW.with_weights(criterion_weights=dict(zip(FW.criterion_ids, cw, strict=True)))
    fa = FrameworkArrays.of(fw)
    levels = np.array([[np.nan if v is None else v for v in r] for r in rows], dtype=float)
    shift = np.array(shifts[: len(rows)], dtype=float)
    moved = np.clip(levels + shift, 1, 5)
    d = np.nan_to_num(moved - levels)
    before, after = score_levels(levels, fa), score_levels(moved, fa)
    predicted = before.pillars + (level_slopes(levels, fa) * d) @ fa.membership
    np.testing.assert_allclose(after.pillars, predicted, atol=1e-9)
    # and the overall formula is the engine's
    np.testing.assert_array_equal(overall_from_pillars(after.pillars, fa.pillar_weight),
                                  after.overall)


def test_level_slopes_by_hand():
    # tiny framework: a.x (w1) and a.y (w3) benefit; b.z, b.w cost, equal weights
    fw = tiny_framework()
    levels = np.array([[5, 3, 2, 4], [np.nan, 4, np.nan, 1]], dtype=float)
    got = level_slopes(levels, fw)
    np.testing.assert_allclose(got, [[25 / 4, 75 / 4, -12.5, -12.5], [0, 25, 0, -25]])
