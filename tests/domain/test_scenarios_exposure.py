"""Scenarios with exposure: shifts that depend on each row's own levels, combined and clamped as
documented, validated like the rest of the framework, explained in words, and re-ranking the
sample's investor view where the article says the blow lands."""

from __future__ import annotations

import copy
import json

import numpy as np
import pytest

from models.core.errors import InputError
from models.core.framework import Condition, Framework
from models.engine.arrays import level_matrix
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio
from models.engine.scenario_text import (
    condition_words,
    criterion_shift_summary,
    explain_scenario,
)
from models.engine.scenarios import (
    apply_scenario,
    exposure_hits,
    exposure_mask,
    portfolio_scenario_impacts,
    scenario_shifts,
)
from models.files.framework_file import default_framework, load_framework, parse_framework
from tests.helpers import t, tiny_framework

NAN = np.nan


def _exposed_framework() -> Framework:
    """The tiny framework (a.x, a.y benefit in pillar a; b.z, b.w cost in pillar b) with one
    scenario: base b.z +1, and three exposure rules."""
    return tiny_framework(scenarios=[{
        "id": "storm", "name": t("Storm"), "description": t("d"), "source": [4],
        "shifts": {"b.z": 1},
        "exposure": [
            {"id": "pressed", "name": t("Already pressed"), "description": t("d"),
             "when": [{"ref": "criterion:b.z", "op": ">=", "value": 3}],
             "shifts": {"b.z": 1, "a.x": -1}},
            {"id": "weak", "name": t("Weak alpha or fatal w"), "description": t("d"),
             "match": "any",
             "when": [{"ref": "pillar:a", "op": "<", "value": 50},
                      {"ref": "criterion:b.w", "op": "==", "value": 5}],
             "shifts": {"a.y": -2}},
            {"id": "low_x", "name": t("Low x"), "description": t("d"),
             "when": [{"ref": "criterion:a.x", "op": "<=", "value": 2}],
             "shifts": {"b.z": 2}},
        ],
    }])


# columns: a.x, a.y, b.z, b.w
ROWS = np.array([
    [2, 4, 3, 1],        # pillar a = (1·¼ + 3·¾)/4 = 62.5: "pressed" and "low_x"
    [5, 1, 1, 5],        # pillar a = 25 (and b.w = 5): "weak" (both of its conditions)
    [NAN, 5, NAN, 4],    # b.z and a.x unscored: no condition on them holds; a = 100
    [3, 3, 4, 2],        # pillar a = 50, not below 50: only "pressed"
], dtype=float)


def test_exposure_rules_hold_per_row_on_the_levels_before_the_shift():
    fw = _exposed_framework()
    scen = fw.scenario("storm")
    assert exposure_mask(ROWS, fw, scen).tolist() == [
        [True, False, True], [False, True, False], [False, False, False], [True, False, False]]
    assert exposure_hits(ROWS, fw, scen) == [
        ["Already pressed", "Low x"], ["Weak alpha or fatal w"], [], ["Already pressed"]]


def test_shifts_add_up_then_clamp_once():
    fw = _exposed_framework()
    scen = fw.scenario("storm")
    # row 0: b.z gets base 1 + pressed 1 + low_x 2 = 4, a.x gets −1
    assert scenario_shifts(ROWS, fw, scen)[0].tolist() == [-1, 0, 4, 0]
    assert scenario_shifts(ROWS, fw, scen)[1].tolist() == [0, -2, 1, 0]
    shifted = apply_scenario(ROWS, fw, scen)
    expected = np.array([
        [1, 4, 5, 1],        # b.z 3 + 4 = 7 → 5; a.x 2 − 1 = 1
        [5, 1, 2, 5],        # a.y 1 − 2 = −1 → 1; b.z 1 + 1 = 2
        [NAN, 5, NAN, 4],    # unscored stays unscored; nothing else fires
        [2, 3, 5, 2],        # b.z 4 + 2 = 6 → 5; a.x 3 − 1 = 2
    ])
    np.testing.assert_array_equal(shifted, expected)
    np.testing.assert_array_equal(ROWS[0], [2, 4, 3, 1])  # the input is left alone


def test_a_scenario_without_exposure_moves_every_row_alike_as_before():
    fw = tiny_framework()  # its "squeeze" scenario: b.z +2, a.x −1, no exposure
    scen = fw.scenario("squeeze")
    assert scen.exposure == []
    rng = np.random.default_rng(3)
    levels = rng.integers(1, 6, (500, 4)).astype(float)
    levels[rng.random((500, 4)) < 0.2] = NAN
    old_rule = np.clip(levels + np.array([-1, 0, 2, 0]), 1, 5)
    np.testing.assert_array_equal(apply_scenario(levels, fw, scen), old_rule)
    assert exposure_mask(levels, fw, scen).shape == (500, 0)
    assert exposure_hits(levels[:2], fw, scen) == [[], []]


def test_old_framework_files_without_exposure_still_load(tmp_path):
    data = json.loads(json.dumps(tiny_framework().model_dump(mode="json")))
    del data["scenarios"][0]["exposure"]
    path = tmp_path / "old.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    fw = load_framework(path)
    assert fw.scenario("squeeze").exposure == [] and fw == tiny_framework()


def test_sample_rows_by_hand():
    """栖语科技 (companionship app) and Gearloom Systems (factory integrator) under A sleeping
    giant enters: their investor-view levels decide which rules hit them."""
    port = sample_portfolio()
    fw = port.framework
    scen = fw.scenario("sleeping_giant_enters")
    ranking = rank_startups(port, "investor")
    rows = {s.name: i for i, s in enumerate(ranking.view.startups)}
    levels = ranking.view.levels
    idx = fw.criterion_index
    qiyu, gear = levels[rows["栖语科技"]], levels[rows["Gearloom Systems"]]
    # 栖语: latent entrant 4 (≥ 3), attention 2 and dirty work 3: base +1, +1, and +2 attention
    assert (qiyu[idx["press.latent_entrant"]], qiyu[idx["press.segment_attention"]],
            qiyu[idx["niche.dirty_work"]]) == (4, 2, 3)
    shifts = scenario_shifts(levels, fw, scen)
    assert shifts[rows["栖语科技"], idx["press.latent_entrant"]] == 2
    assert shifts[rows["栖语科技"], idx["press.segment_attention"]] == 2
    after = apply_scenario(levels, fw, scen)
    assert after[rows["栖语科技"], idx["press.latent_entrant"]] == 5  # 4 + 2, clamped
    assert after[rows["栖语科技"], idx["press.segment_attention"]] == 4
    # Gearloom: latent entrant 2, dirty work 5: the base shift alone
    assert (gear[idx["press.latent_entrant"]], gear[idx["niche.dirty_work"]]) == (2, 5)
    assert np.count_nonzero(shifts[rows["Gearloom Systems"]]) == 1
    hits = exposure_hits(levels, fw, scen)
    assert hits[rows["栖语科技"]] == ["Signals turn into a launch",
                                    "Sheltered only by the giants' absence"]
    assert hits[rows["Gearloom Systems"]] == []


BEFORE = ["衡策智能", "Gearloom Systems", "听澜科技", "栖语科技", "Lumenreel", "Summitcore AI",
          "Tokenforge", "Chattersky"]


def _order_and_deltas(scenario: str) -> tuple[list[str], dict[str, float]]:
    port = sample_portfolio()
    base = {r.startup: r.overall for r in rank_startups(port, "investor").rows}
    rows = rank_startups(port, "investor", scenario=scenario).rows
    return [r.startup for r in rows], {r.startup: r.overall - base[r.startup] for r in rows}


def test_investor_view_before_any_scenario():
    assert [r.startup for r in rank_startups(sample_portfolio(), "investor").rows] == BEFORE


# One level is worth 100 / 4 / (criteria in the pillar) / 5 pillars overall points: 1.0 in
# incumbent pressure (5 criteria), 1.25 in technology (4), 5/3 in niche, ecosystem and capital.
PRESS, TECH, TRIO = 1.0, 1.25, 5 / 3


def test_a_sleeping_giant_re_ranks_the_two_integrators():
    order, delta = _order_and_deltas("sleeping_giant_enters")
    assert order == ["Gearloom Systems", "衡策智能", "听澜科技", "栖语科技", "Lumenreel",
                     "Summitcore AI", "Tokenforge", "Chattersky"]
    assert delta == pytest.approx({
        "Gearloom Systems": -PRESS,   # no giant signals, dirty work: the base shift only
        "衡策智能": -2 * PRESS,        # a giant was signalling: latent entrant 3 → 5
        "听澜科技": -2 * PRESS,
        "栖语科技": -3 * PRESS,        # 4 → 5, and its shelter was the giants' absence: +2
        "Lumenreel": -3 * PRESS, "Summitcore AI": -3 * PRESS, "Tokenforge": -3 * PRESS,
        "Chattersky": 0.0,            # already at the worst level on every pressure touched
    })


def test_giants_saturating_rd_re_rank_the_earphone_maker_below_the_companion_app():
    order, delta = _order_and_deltas("rd_saturation")
    assert order == ["衡策智能", "Gearloom Systems", "栖语科技", "听澜科技", "Lumenreel",
                     "Summitcore AI", "Tokenforge", "Chattersky"]
    assert delta == pytest.approx({
        "衡策智能": 0.0, "Gearloom Systems": 0.0, "栖语科技": 0.0,  # they build on base models
        # a giant already in its field: attention +1, threshold −1, R&D efficiency −2
        "听澜科技": -PRESS - 3 * TECH,
        "Lumenreel": -2 * TECH,        # attention already 5; R&D 2 → 1 (clamped), threshold −1
        "Summitcore AI": -2 * TECH, "Tokenforge": -PRESS - 2 * TECH, "Chattersky": -TECH,
    })


def test_price_war_and_thaw_hit_unevenly_without_reordering_the_sample():
    order, war = _order_and_deltas("open_source_price_war")
    assert order == BEFORE
    for niche in ("衡策智能", "Gearloom Systems", "听澜科技", "栖语科技"):
        assert war[niche] == pytest.approx(-PRESS)
    # the model seller: price 4 → 5, threshold 3 → 2, customer depth 2 → 1
    assert war["Summitcore AI"] == pytest.approx(-PRESS - TECH - TRIO)
    order, thaw = _order_and_deltas("financing_thaw")
    assert order == BEFORE
    assert thaw["Tokenforge"] == pytest.approx(3 * TRIO)   # runway 1 → 3, backing 1 → 2
    assert thaw["衡策智能"] == pytest.approx(2 * TRIO)     # a strategic partner: backing +2
    assert thaw["Gearloom Systems"] == pytest.approx(TRIO)
    assert thaw["Summitcore AI"] == 0.0                    # years of cash, backing already 5
    ranking = rank_startups(sample_portfolio(), "investor", scenario="financing_thaw")
    assert not next(r for r in ranking.rows if r.startup == "Tokenforge").gated


def test_impacts_carry_the_rules_that_fired_per_assessment():
    port = sample_portfolio()
    [impact] = portfolio_scenario_impacts(port, ["financing_thaw"])
    pairs = list(port.assessments())
    token = next(i for i, (s, _) in enumerate(pairs) if s.name == "Tokenforge")
    assert impact.exposure[token] == ["Short runway, round within reach"]
    levels = level_matrix([a for _, a in pairs], port.framework)
    assert impact.exposure == exposure_hits(levels, port.framework,
                                            port.framework.scenario("financing_thaw"))


# -- validation --------------------------------------------------------------------------------

@pytest.mark.parametrize("mutate,where,fragment", [
    (lambda d: d["scenarios"][0]["exposure"][1]["when"][0].update(ref="criterion:niche.nope"),
     "scenarios[0].exposure[1].when[0].ref", "'criterion:niche.nope' names no criterion"),
    (lambda d: d["scenarios"][0]["exposure"][2]["when"][0].update(ref="pillar:nope"),
     "scenarios[0].exposure[2].when[0].ref", "'pillar:nope' names no pillar"),
    (lambda d: d["scenarios"][1]["exposure"][0]["shifts"].update({"x.y": 1}),
     "scenarios[1].exposure[0].shifts", "'x.y' names no criterion"),
    (lambda d: d["scenarios"][2].update(shifts={}, exposure=[]),
     "scenarios[2].shifts", "needs shifts, exposure rules or both"),
    (lambda d: d["scenarios"][3]["exposure"][1].update(id="giant_already_there"),
     "scenarios[3].exposure", "'giant_already_there' is used more than once"),
    (lambda d: d["scenarios"][0]["exposure"][0].update(match="most"),
     "scenarios[0].exposure[0].match", "'all' or 'any'"),
    (lambda d: d["scenarios"][0]["exposure"][0]["shifts"].update({"press.latent_entrant": 5}),
     "scenarios[0].exposure[0].shifts.press.latent_entrant", "less than or equal to 4"),
    (lambda d: d["scenarios"][0]["exposure"][0]["when"][0].update(value=7),
     "scenarios[0].exposure[0].when[0].value", "outside 1–5"),
    (lambda d: d["scenarios"][0]["exposure"][0].pop("when"),
     "scenarios[0].exposure[0].when", "required field is missing"),
])
def test_bad_exposure_names_the_field(mutate, where, fragment):
    data = copy.deepcopy(json.loads(json.dumps(default_framework().model_dump(mode="json"))))
    mutate(data)
    with pytest.raises(InputError) as e:
        parse_framework(data, "bad.json")
    problems = {p.location: p.message for p in e.value.problems}
    assert where in problems, problems
    assert fragment in problems[where]


# -- explanations ------------------------------------------------------------------------------

def test_explanation_in_english():
    fw = default_framework()
    ex = explain_scenario(fw, "open_source_price_war")
    assert ex.name == "Open-source price war deepens"
    assert ex.base_text == "For every startup: Price pressure +1"
    assert [s.better for s in ex.base] == [False]
    first = ex.exposure[0]
    assert first.name == "Open models catch up with the core"
    assert first.text == ("where Price pressure is 3 or more and Technology threshold is 3 or "
                          "less: Technology threshold -1 more, Price pressure +1 more")
    assert first.head == "where Price pressure is 3 or more and Technology threshold is 3 or " \
                         "less: "
    giant = explain_scenario(fw, "A sleeping giant enters")
    assert giant.exposure[2].condition == (
        "Niche position scores below 50 and Overlap with giants' flagships is 3 or more")
    lines = giant.lines()
    assert lines[:3] == [giant.name, giant.description, "For every startup: Latent entrant +1"]
    assert "• Sheltered only by the giants' absence" in lines
    assert lines[-1].startswith("Exposure rules are checked on the levels before any shift")


def test_explanation_in_chinese():
    fw = default_framework()
    ex = explain_scenario(fw, "financing_thaw", "zh_CN")
    assert ex.name == "融资回暖"
    assert ex.base_text == "所有初创公司：后续资金支持 +1"
    assert ex.exposure[0].text == "当现金跑道为 2 级或以下时：现金跑道再 +2"
    war = explain_scenario(fw, "open_source_price_war", "zh_CN")
    assert war.exposure[0].condition == "价格压力为 3 级或以上，且技术门槛为 3 级或以下"


def test_condition_words_for_scores_any_rules_and_shared_names():
    fw = _exposed_framework()
    weak = fw.scenario("storm").exposure[1]
    ex = explain_scenario(fw, "storm")
    assert ex.exposure[1].condition == "Alpha scores below 50 or b.w is 5"
    assert ex.exposure[1].text == "where Alpha scores below 50 or b.w is 5: a.y -2 more"
    assert [s.better for s in ex.exposure[0].shifts] == [False, False]  # cost up, benefit down
    assert weak.match == "any"
    # a cost pillar says which way is good; a pillar named like a criterion is marked
    default = default_framework()
    press = Condition(ref="pillar:press", op=">=", value=60)
    assert condition_words(press, default) == "Incumbent pressure (100 = least) scores 60 or more"
    tech = Condition(ref="pillar:tech", op=">=", value=70)
    assert condition_words(tech, default) == "Technology threshold (pillar) scores 70 or more"
    assert condition_words(tech, default, "zh_CN") == "技术门槛（支柱）得分不低于 70"
    overall = Condition(ref="overall", op="<", value=45.5)
    assert condition_words(overall, default) == "the overall score is below 45.5"


def test_criterion_shift_summary():
    fw = default_framework()
    rd = fw.scenario("rd_saturation")
    assert criterion_shift_summary(rd, "tech.rd_efficiency") == "-1; by exposure -1, +1"
    assert criterion_shift_summary(rd, "tech.rd_efficiency", "zh_CN") == "-1；按暴露 -1，+1"
    assert criterion_shift_summary(fw.scenario("financing_thaw"), "cap.runway") == \
        "by exposure +2"
    assert criterion_shift_summary(fw.scenario("financing_thaw"), "niche.dirty_work") is None
    assert criterion_shift_summary(tiny_framework().scenario("squeeze"), "b.z") == "+2"
