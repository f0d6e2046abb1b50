"""The bundled sample portfolio and the synthetic generator."""

from __future__ import annotations

import re

import pytest

from models.engine.results import score_portfolio
from models.engine.sample import sample_portfolio, synthetic_portfolio


@pytest.fixture(scope="module")
def sample():
    return sample_portfolio()


@pytest.fixture(scope="module")
def results(sample):
    return {(r.startup, r.role): r for r in score_portfolio(sample)}


def test_sample_shape(sample):
    assert len(sample.startups) >= 8
    for st, a in sample.assessments():
        assert set(a.scores) == set(sample.framework.criterion_ids), st.name
        assert all(s.value is not None and s.rationale.strip() for s in a.scores.values())
    both = [s for s in sample.startups
            if {a.role for a in s.assessments} >= {"founder", "investor"}]
    assert len(both) >= 4
    for s in both:
        f = next(a for a in s.assessments if a.role == "founder")
        i = next(a for a in s.assessments if a.role == "investor")
        assert any(f.level(c) != i.level(c) for c in sample.framework.criterion_ids), s.name
    chinese = [s for s in sample.startups if re.search(r"[\u4e00-\u9fff]", s.name + s.notes)]
    assert len(chinese) >= 2


def test_chatbot_investor_by_hand(results):
    r = results[("Chattersky", "investor")]
    # niche 1,1,1 -> 0 ; tech 1,2,2,2 -> (0+.25*3)/4 = .1875 ; eco 1,1,2 -> .25/3
    # press (cost) 5,5,5,4,5 -> .25/5 = .05 ; cap 2,2,2 -> .25
    assert r.pillars["niche"] == pytest.approx(0.0)
    assert r.pillars["tech"] == pytest.approx(18.75)
    assert r.pillars["eco"] == pytest.approx(25 / 3)
    assert r.pillars["press"] == pytest.approx(5.0)
    assert r.pillars["cap"] == pytest.approx(25.0)
    assert r.overall == pytest.approx((0 + 18.75 + 25 / 3 + 5 + 25) / 5)  # 11.4167
    assert {"Head-on with the giants", "Renting the giants' traffic"} <= {
        h.name for h in r.postures}
    assert [h.name for h in r.deal_breakers] == ["Head-on without a niche"]


def test_integrator_investor_by_hand(results):
    r = results[("Gearloom Systems", "investor")]
    # niche 4,5,4 -> 2.5/3 ; tech 3,2,3,4 -> 2/4 ; eco 2,4,3 -> 1.5/3
    # press 2,1,1,2,2 -> (.75+1+1+.75+.75)/5 = .85 ; cap 4,4,3 -> 2/3
    # overall = (83.333 + 50 + 50 + 85 + 66.667) / 5 = 67
    assert r.overall == pytest.approx(67.0)
    assert r.pillars["press"] == pytest.approx(85.0)
    assert "Dirty-work specialist" in {h.name for h in r.postures}
    assert r.deal_breakers == []
    # one level up: 25 · (1/5 pillar share) · (1/3 criterion share) = 1.6667 for a 3-criterion
    # pillar; ties keep framework order; niche.dirty_work is already at 5
    assert [(i.criterion, round(i.gain, 4)) for i in r.improvements] == [
        ("niche.segment_focus", 1.6667), ("niche.customer_depth", 1.6667),
        ("eco.new_ecosystem", 1.6667)]


def test_archetypes_differ_as_the_article_argues(results):
    def postures(name):
        return {h.name for h in results[(name, "investor")].postures}

    assert "Niche specialist" in postures("栖语科技")              # companionship (¶5)
    assert "New-ecosystem pioneer" in postures("听澜科技")          # new devices (¶2, ¶6)
    assert "Technology frontrunner" in postures("Lumenreel")        # video lab (¶6)
    assert "Waiting for an opening" in postures("Summitcore AI")    # capital, pressure (¶5)
    assert "Runway exhausted" in {h.name for h in results[("Tokenforge", "investor")].deal_breakers}
    chatbot = results[("Chattersky", "investor")].overall
    assert all(chatbot < r.overall for k, r in results.items() if k[0] != "Chattersky")


def test_sample_decisions_show_the_process(sample):
    current = {s.name: s.decision.status if s.decision else None for s in sample.startups}
    assert current == {"栖语科技": None, "Chattersky": "passed", "Tokenforge": None,
                       "Lumenreel": "screening", "听澜科技": None,
                       "Gearloom Systems": "invested", "衡策智能": "committee",
                       "Summitcore AI": None}
    gear = sample.find_startup("Gearloom Systems")
    assert [d.status for d in gear.decisions] == ["screening", "diligence", "invested"]
    assert [d.date for d in gear.decisions] == sorted(d.date for d in gear.decisions)
    committee = sample.find_startup("衡策智能").decision
    assert committee.by == "陈屹，远帆资本" and "67.3" in committee.rationale
    for st in sample.startups:
        for d in st.decisions:
            assert d.by and d.rationale.strip(), st.name
            # a decision follows the assessments it rests on
            assert d.date >= min(a.date for a in st.assessments), st.name


def test_sample_decisions_agree_with_the_investor_view(sample):
    from models.engine.ranking import rank_startups

    rows = {r.startup: r for r in rank_startups(sample).rows}
    # the committee's rationale quotes the investor view's overall: (91.67 + 56.25 + 50 + 80
    # + 58.33) / 5 = 67.25, shown 67.3; the passed chatbot is gated
    assert rows["衡策智能"].overall == pytest.approx(67.25)
    assert rows["衡策智能"].status == "committee" and rows["衡策智能"].suggested == "pursue"
    assert rows["Chattersky"].gated and rows["Chattersky"].status == "passed"
    assert rows["Gearloom Systems"].overall == pytest.approx(67.0)


def test_synthetic_is_seeded_and_varied():
    a = synthetic_portfolio(50, seed=4)
    b = synthetic_portfolio(50, seed=4)
    c = synthetic_portfolio(50, seed=5)
    assert a == b and a != c
    assert len({s.name for s in a.startups}) == 50
    overall = [r.overall for r in score_portfolio(a)]
    assert max(overall) - min(overall) > 20
    assert any(re.search(r"[\u4e00-\u9fff]", s.name) for s in a.startups)
    with pytest.raises(ValueError):
        synthetic_portfolio(-1)
