"""Previews of a candidate framework's rules and scenarios on a small portfolio.

Five startups, one investor assessment each, on the tiny framework (tests.helpers: Alpha =
a.x w1 + a.y w3, benefit, weight 2; Beta = b.z + b.w, cost, weight 1). Hand-computed:

=======  ===  ===  ===  ===  =====  ====  =======
startup  a.x  a.y  b.z  b.w  Alpha  Beta  overall
=======  ===  ===  ===  ===  =====  ====  =======
S0       1    2    3    1    18.75  75    37.5
S1       4    5    1    5    93.75  50    79.1667
S2       5    5    1    1    100    100   100
S3       –    3    2    5    50     37.5  45.8333
S4       2    1    5    5    6.25   0     4.1667
=======  ===  ===  ===  ===  =====  ====  =======

The framework's posture *Strong alpha* (Alpha ≥ 75 and b.z ≤ 2) fires on S1 and S2; its
deal-breaker *Fatal w* (b.w ≥ 5) on S1, S3 and S4, which the ranking puts last: S2, S0, then
S1, S3, S4.
"""

from __future__ import annotations

import pytest

from models.core.framework import DealBreaker, Scenario
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.rule_preview import RulePreviewer, preview_rules, scenario_rank_changes
from tests.helpers import t, tiny_framework

ROWS = {"S0": [1, 2, 3, 1], "S1": [4, 5, 1, 5], "S2": [5, 5, 1, 1], "S3": [None, 3, 2, 5],
        "S4": [2, 1, 5, 5]}


def _portfolio() -> Portfolio:
    fw = tiny_framework()
    startups = [
        Startup(id=name.lower(), name=name, assessments=[Assessment(role="investor", scores={
            cid: Score(value=v) for cid, v in zip(fw.criterion_ids, levels, strict=True)})])
        for name, levels in ROWS.items()]
    return Portfolio(framework=fw, startups=startups)


def _rule(match: str) -> DealBreaker:
    return DealBreaker(id="thin", name=t("Thin"), description=t("d"), match=match, when=[
        {"ref": "criterion:a.y", "op": "<=", "value": 3},
        {"ref": "criterion:b.w", "op": ">=", "value": 5}])


def test_each_rule_of_the_framework_with_the_startups_it_fires_on():
    port = _portfolio()
    preview = preview_rules(port, port.framework)
    assert [(r.group, r.id, r.startups, r.startup_ids) for r in preview.rules] == [
        ("postures", "strong_a", ["S1", "S2"], ["s1", "s2"]),
        ("deal_breakers", "fatal_w", ["S1", "S3", "S4"], ["s1", "s3", "s4"]),
    ]
    assert preview.by_startup() == {"s1": ["strong_a", "fatal_w"], "s2": ["strong_a"],
                                    "s3": ["fatal_w"], "s4": ["fatal_w"]}


def test_a_rule_being_edited_all_then_any():
    port = _portfolio()
    previewer = RulePreviewer(port)
    # a.y ≤ 3: S0, S3, S4; b.w ≥ 5: S1, S3, S4
    assert previewer.rule(port.framework, _rule("all")).startups == ["S3", "S4"]
    firing = previewer.rule(port.framework, _rule("any"))
    assert (firing.group, firing.rows, firing.startups) == ("rule", [0, 1, 3, 4],
                                                            ["S0", "S1", "S3", "S4"])


def test_a_candidate_framework_with_other_weights_and_rules():
    port = _portfolio()
    # Beta weighs 5 times Alpha: overall = (Alpha + 5 Beta) / 6
    fw = port.framework.with_weights(pillar_weights={"a": 1.0, "b": 5.0})
    fw = fw.model_copy(update={"deal_breakers": [DealBreaker(
        id="low", name=t("Low"), description=t("d"),
        when=[{"ref": "overall", "op": "<", "value": 50}])]})
    # overall: S0 65.625, S1 57.29, S2 100, S3 39.58, S4 1.04
    preview = preview_rules(port, fw)
    assert preview.rules[1].startups == ["S3", "S4"]


def test_the_previewer_reads_levels_again_when_criteria_change():
    port = _portfolio()
    previewer = RulePreviewer(port)
    first = previewer.view(port.framework)
    assert previewer.view(port.framework.with_weights(pillar_weights={"a": 3.0})) is first
    data = port.framework.model_dump()
    data["pillars"][1]["criteria"][1]["direction"] = "benefit"
    assert previewer.view(type(port.framework).model_validate(data)) is not first


def test_scenario_rank_changes():
    port = _portfolio()
    scen = Scenario(id="pinch", name=t("Pinch"), description=t("d"), shifts={"b.z": 1},
                    exposure=[{"id": "exposed", "name": t("Exposed"), "description": t("d"),
                               "when": [{"ref": "criterion:a.x", "op": ">=", "value": 4}],
                               "shifts": {"a.y": -4}}])
    rows = scenario_rank_changes(port, port.framework, scen)
    got = [(r.startup, r.rank_before, r.rank_after, r.change, r.exposure) for r in rows]
    assert got == [("S2", 1, 1, 0, ["Exposed"]), ("S0", 2, 2, 0, []),
                   ("S1", 3, 4, -1, ["Exposed"]), ("S3", 4, 3, 1, []), ("S4", 5, 5, 0, [])]
    after = {r.startup: r.overall_after for r in rows}
    assert after == pytest.approx({"S2": 45.8333333, "S0": 33.3333333, "S1": 25.0,
                                   "S3": 41.6666667, "S4": 4.1666667})
    assert rows[2].overall_before == pytest.approx(79.1666667)
