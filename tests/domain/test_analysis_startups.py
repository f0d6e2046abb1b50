"""The analysis of startups under a perspective (:mod:`models.analysis.startups`): rank
probabilities among the startups ranked, gates in every draw, the investor bootstrap in the
bands and ranks, leader reversals and scenario impact by startup; held to values computed by
hand where the draws allow it.

Tiny framework (tests.helpers): overall = (2·A + B) / 3 with A = 100·(f_x + 3·f_y) / 4 and
B = 100·(f_z + f_w) / 2, f = (level − 1) / 4 on the benefit criteria a.x, a.y and
(5 − level) / 4 on the cost criteria b.z, b.w; deal-breaker *Fatal w* when b.w ≥ 5; scenario
*squeeze* moves b.z up 2 and a.x down 1.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from models.analysis.perspective_bands import perspective_bands, simulate_perspective
from models.analysis.run import run_uncertainty
from models.analysis.startups import analyze_startups
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.perspectives import perspective_levels
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio
from tests.helpers import tiny_framework

#: One level of a.x moves the overall by (2/3)·100·(1/4)/4 = 25/6 points; of a.y three times.
AX = 25 / 6


def _a(assessor: str, role: str = "investor", conf: str = "high", **levels: int) -> Assessment:
    return Assessment(assessor=assessor, role=role, date=dt.date(2024, 1, 1),
                      scores={k.replace("_", ".", 1): Score(value=v, confidence=conf)
                              for k, v in levels.items()})


def _startup(sid: str, *assessments: Assessment) -> Startup:
    return Startup(id=sid, name=sid, assessments=list(assessments))


def _portfolio(*startups: Startup) -> Portfolio:
    return Portfolio(framework=tiny_framework(), startups=list(startups))


def _by_name(result) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    return {r["startup"]: r for r in result.as_json()["startups"]}


def test_fixed_scores_give_certain_ranks():
    p = _portfolio(
        _startup("Low", _a("I", a_x=1, a_y=2, b_z=3, b_w=3)),   # A 18.75, B 50 → 29.17
        _startup("High", _a("I", a_x=5, a_y=5, b_z=1, b_w=1)),  # 100
        _startup("Mid", _a("I", a_x=3, a_y=3, b_z=3, b_w=3)),   # 50
    )
    rows = _by_name(analyze_startups(p, draws=500, seed=2, top_k=2))
    assert [rows[s]["p_rank1"] for s in ("High", "Mid", "Low")] == [1.0, 0.0, 0.0]
    assert [rows[s]["p_top2"] for s in ("High", "Mid", "Low")] == [1.0, 1.0, 0.0]
    assert rows["Low"]["overall"] == pytest.approx((2 * 18.75 + 50) / 3)
    for r in rows.values():  # high confidence: every draw is the score itself
        assert r["p10"] == r["p50"] == r["p90"] == pytest.approx(r["overall"])


def test_one_medium_score_gives_its_one_level_up_chance():
    # Behind is one a.x level (25/6) below Ahead; its a.y (medium, 3) moves up a level (+12.5,
    # enough to lead) with probability 0.1, down with 0.1 and stays with 0.8
    p = _portfolio(
        _startup("Ahead", _a("I", a_x=4, a_y=3, b_z=3, b_w=3)),
        _startup("Behind", _a("I", a_x=3, b_z=3, b_w=3), _a("J", "founder", a_x=3)),
    )
    p.startups[1].assessments[0].scores["a.y"] = Score(value=3, confidence="medium")
    a = analyze_startups(p, draws=20_000, seed=5)
    rows = _by_name(a)
    assert rows["Behind"]["p_rank1"] == pytest.approx(0.1, abs=0.01)
    assert rows["Ahead"]["p_rank1"] + rows["Behind"]["p_rank1"] == pytest.approx(1.0)
    assert rows["Behind"]["p50"] == pytest.approx(rows["Ahead"]["overall"] - AX)
    assert rows["Behind"]["founder_gap"] is not None


def test_gated_startups_rank_after_ungated_ones_in_every_draw():
    p = _portfolio(
        _startup("Gated", _a("I", a_x=5, a_y=5, b_z=1, b_w=5)),  # 250/3, Fatal w
        _startup("Plain", _a("I", a_x=3, a_y=3, b_z=3, b_w=3)),  # 50
        _startup("Empty", _a("F", "founder", a_x=3)),            # nothing under the view
        _startup("Also gated", _a("I", a_x=4, a_y=4, b_z=1, b_w=5)),
    )
    gated = analyze_startups(p, draws=300, seed=1, top_k=2)
    rows = _by_name(gated)
    assert [r["startup"] for r in gated.as_json()["startups"]] == [
        "Plain", "Gated", "Also gated", "Empty"]
    assert (rows["Plain"]["p_rank1"], rows["Gated"]["p_rank1"]) == (1.0, 0.0)
    assert rows["Gated"]["p_top2"] == 1.0 and rows["Also gated"]["p_top2"] == 0.0
    assert rows["Gated"]["gated"] and rows["Gated"]["deal_breakers"] == ["Fatal w"]
    assert rows["Empty"]["p_rank1"] is None and rows["Empty"]["p10"] is None
    ignored = analyze_startups(p, draws=300, seed=1, top_k=2, ignore_gates=True)
    rows = _by_name(ignored)
    assert [r["startup"] for r in ignored.as_json()["startups"]] == [
        "Gated", "Also gated", "Plain", "Empty"]
    assert (rows["Gated"]["p_rank1"], rows["Plain"]["p_rank1"]) == (1.0, 0.0)
    assert rows["Gated"]["gated"] and ignored.as_json()["ignore_gates"] is True


def test_every_startup_gated_ranks_by_overall():
    p = _portfolio(
        _startup("G1", _a("I", a_x=2, a_y=2, b_z=1, b_w=5)),
        _startup("G2", _a("I", a_x=4, a_y=4, b_z=1, b_w=5)),
    )
    rows = _by_name(analyze_startups(p, draws=100, seed=0))
    assert (rows["G2"]["p_rank1"], rows["G1"]["p_rank1"]) == (1.0, 0.0)
    assert rows["G2"]["rank"] == 1


def test_equal_scores_share_rank_one():
    # the ranking lists Alpha before beta by name; the draws cannot tell them apart
    p = _portfolio(_startup("beta", _a("I", a_x=3, a_y=3, b_z=3, b_w=3)),
                   _startup("Alpha", _a("I", a_x=3, a_y=3, b_z=3, b_w=3)))
    a = analyze_startups(p, draws=4000, seed=3)
    assert [r.startup for r in a.ranking.rows] == ["Alpha", "beta"]
    assert a.uncertainty.p_rank1 == pytest.approx([0.5, 0.5], abs=0.04)
    assert a.uncertainty.p_rank1.sum() == pytest.approx(1.0)


def _disagreeing() -> Portfolio:
    return _portfolio(
        _startup("Wide", _a("I1", a_x=2, a_y=3, b_z=3, b_w=3), _a("I2", a_x=5, a_y=3, b_z=3,
                                                                  b_w=3)),
        _startup("Narrow", _a("I1", a_x=3, a_y=3, b_z=3, b_w=3), _a("I2", a_x=4, a_y=3,
                                                                    b_z=3, b_w=3)),
        _startup("Quiet", _a("I1", a_x=3, a_y=3, b_z=3, b_w=3), _a("I2")),  # I2 scored nothing
    )


def test_investors_at_2_and_5_widen_the_band_more_than_at_3_and_4():
    p = _disagreeing()
    a = analyze_startups(p, draws=2000, seed=3)
    assert a.resamples == 200 and a.uncertainty.draws == 2000
    u = a.uncertainty
    width = u.p90 - u.p10
    # every score is high confidence: only the resampled prudent median of a.x moves. Wide's
    # is 2 in 3/4 of the resamples and 5 in 1/4 (3 levels), Narrow's 3 or 4 (1 level)
    assert width[0] == pytest.approx(3 * AX) and width[1] == pytest.approx(AX)
    assert width[2] == 0 and u.p10[2] == pytest.approx(50.0)  # the empty one is not drawn
    assert u.p10[0] == pytest.approx(a.ranking.table.overall[0])
    # the same P10-P90 as beachhead score's bands for the same draws and seed
    bands = perspective_bands(a.ranking.view, p.framework, draws=2000, seed=3)
    assert np.array_equal(bands.p10, u.p10) and np.array_equal(bands.p90, u.p90)
    assert bands.resamples == a.resamples


def test_ranks_are_counted_in_joint_draws_of_the_bootstrap():
    p = _disagreeing()
    view = perspective_levels(p.startups, p.framework)
    d = simulate_perspective(view, p.framework, draws=2000, seed=8, keep_samples=True)
    s = d.uncertainty.samples
    assert s is not None and s.shape == (3, 2000)
    # Wide leads exactly in the draws where its resampled median is 5 (one in four, about)
    wide_first = (s[0] > s[1]) & (s[0] > s[2])
    assert d.uncertainty.p_rank1[0] == pytest.approx(wide_first.mean())
    assert wide_first.mean() == pytest.approx(0.25, abs=0.1)
    assert d.uncertainty.p_rank1.sum() == pytest.approx(1.0)


def test_uncertain_weights_are_shared_by_the_startups_of_a_draw():
    same = {"a_x": 5, "a_y": 4, "b_z": 4, "b_w": 3}
    p = _portfolio(_startup("X", _a("I1", **same), _a("I2", **same)),
                   _startup("Y", _a("I1", **same), _a("I2", **same)),
                   _startup("Z", _a("I1", a_x=2, a_y=2, b_z=1, b_w=1), _a("I2", a_x=3)))
    view = perspective_levels(p.startups, p.framework)
    d = simulate_perspective(view, p.framework, draws=400, seed=2, concentration=5.0,
                             keep_samples=True)
    s = d.uncertainty.samples
    assert d.resamples == 200 and s is not None
    assert np.array_equal(s[0], s[1])  # same levels, same weights in each draw
    assert s[0].std() > 1.0  # the weights did vary


def test_the_same_seed_gives_the_same_analysis():
    p = _disagreeing()
    first = analyze_startups(p, draws=400, seed=11, concentration=20.0).as_json()
    assert analyze_startups(p, draws=400, seed=11, concentration=20.0).as_json() == first
    assert analyze_startups(p, draws=400, seed=12, concentration=20.0).as_json() != first


def test_on_the_sample_no_founder_row_leads_the_investor_view():
    p = sample_portfolio()
    mixed = run_uncertainty(p, draws=500, seed=0)  # every assessment competing, as before
    leader = p.assessments()[int(np.argmax(mixed.p_rank1))]
    assert leader[1].role == "founder"  # assessments mixed: a self-score led
    a = analyze_startups(p, draws=500, seed=0)
    u = a.uncertainty
    assert len(u.p_rank1) == len(p.startups) == 8
    assert u.p_rank1.sum() == pytest.approx(1.0) and u.p_top_k.sum() == pytest.approx(3.0)
    assert a.startups[int(np.argmax(u.p_rank1))].id == "s07" == a.ranking.rows[0].startup_id
    founder = analyze_startups(p, "founder", draws=500, seed=0)
    assert founder.startups[int(np.argmax(founder.uncertainty.p_rank1))].id == "s06"
    assert founder.ranked.sum() == 5
    assert founder.uncertainty.p_rank1[founder.ranked].sum() == pytest.approx(1.0)
    assert a.rank.tolist() == [r.rank for r in sorted(a.ranking.rows, key=lambda r: r.row)]


def test_reversals_name_startups_and_a_gated_one_never_leads():
    p = _portfolio(
        _startup("Gated", _a("I", a_x=5, a_y=5, b_z=3, b_w=5)),  # A 100, B 25
        _startup("Plain", _a("I", a_x=5, a_y=4, b_z=3, b_w=3)),  # A 81.25, B 50
        _startup("Frugal", _a("I", a_x=1, a_y=1, b_z=1, b_w=1)),  # A 0, B 100
    )
    a = analyze_startups(p, draws=50, seed=0)
    # Plain and Frugal meet where t·81.25 + (1 − t)·50 = (1 − t)·100 with t pillar a's
    # share: t = 50 / 131.25; Gated would overtake Plain above t = 25 / 43.75, but it is gated
    revs = a.as_json()["reversals"]
    sweep_a = [r for r in revs if r["pillar"] == "a"]
    assert [(r["previous_leader"], r["new_leader"]) for r in sweep_a] == [("Frugal", "Plain")]
    assert sweep_a[0]["weight"] == pytest.approx(50 / 131.25)
    assert sweep_a[0]["new_leader_id"] == "Plain"
    assert all("Gated" not in (r["new_leader"], r["previous_leader"]) for r in revs)
    assert a.sweeps[0].leader_now == a.ranking.rows[0].row
    ignored = analyze_startups(p, draws=50, seed=0, ignore_gates=True).as_json()["reversals"]
    assert any(r["new_leader"] == "Gated" for r in ignored)


def test_scenario_before_after_and_rank_change():
    p = _portfolio(
        _startup("P", _a("I", a_x=1, a_y=3, b_z=4, b_w=3)),  # 37.5 → 100/3
        _startup("Q", _a("I", a_x=5, a_y=2, b_z=1, b_w=3)),  # 162.5/3 → 125/3
        _startup("R", _a("I", a_x=1, a_y=4, b_z=5, b_w=2)),  # 50 → 50 (both clamped)
    )
    a = analyze_startups(p, draws=100, seed=0, scenario="squeeze")
    rows = _by_name(a)
    assert [r["startup"] for r in a.as_json()["startups"]] == ["R", "Q", "P"]
    assert {s: rows[s]["overall_before"] for s in "PQR"} == pytest.approx(
        {"P": 37.5, "Q": 162.5 / 3, "R": 50.0})
    assert {s: rows[s]["overall"] for s in "PQR"} == pytest.approx(
        {"P": 100 / 3, "Q": 125 / 3, "R": 50.0})
    assert {s: rows[s]["rank_change"] for s in "PQR"} == {"P": 0, "Q": -1, "R": 1}
    assert rows["R"]["p_rank1"] == 1.0  # the draws are under the scenario too
    assert a.as_json()["scenario"] == {"id": "squeeze", "name": "Squeeze"}
    plain = analyze_startups(p, draws=100, seed=0)
    assert plain.scenario_impact is None and plain.rank_change is None
    assert "rank_change" not in plain.as_json()["startups"][0]


def test_rank_probabilities_keep_max_rank_columns():
    p = _portfolio(*(_startup(f"S{i}", _a("I", "investor", "low", a_x=i % 5 + 1, a_y=3))
                     for i in range(6)))
    a = analyze_startups(p, draws=300, seed=4, max_rank=4)
    probs = a.uncertainty.rank_probabilities
    assert probs.shape == (6, 4)
    assert probs.sum(axis=0) == pytest.approx(np.ones(4))
    assert rank_startups(p).rows[0].startup == a.startups[int(np.argmax(probs[:, 0]))].name


def test_the_table_heading_says_the_investors_were_resampled():
    from models.cli.tables import analysis_table

    a = analyze_startups(_disagreeing(), draws=2000, seed=3, ignore_gates=True)
    head, _, columns, _, first, *_ = analysis_table(a, "f.beachhead").splitlines()
    assert head == ("f.beachhead: 3 startups, investor view (median of each investor's latest "
                    "assessment); 2,000 draws, seed 3; scores vary with their confidence; "
                    "investors resampled (200 resamples × 10 draws); deal-breakers not gating")
    # Narrow and Quiet both at 50: the list breaks the tie by name
    assert columns.split()[:2] == ["Rank", "Startup"] and first.split()[:2] == ["1", "Narrow"]
    zh = analysis_table(a, "f.beachhead", "zh_CN").splitlines()[0]
    assert "对投资人重新抽样（200 次重抽 × 每次 10 次抽样）" in zh and "3 家初创公司" in zh
