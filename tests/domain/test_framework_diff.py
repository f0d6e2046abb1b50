"""What changed between two frameworks, in words (English and Chinese)."""

from __future__ import annotations

import copy

from models.core.framework import Framework
from models.core.framework_diff import framework_differences
from models.files.framework_file import default_framework
from tests.domain.small_framework import criterion, small


def fw(data: dict) -> Framework:
    return Framework.model_validate(data)


def test_same_content_has_no_differences():
    a = small()
    b = copy.deepcopy(a)
    b["version"] = "2.0.0"
    assert framework_differences(fw(a), fw(b)) == []
    shipped = default_framework()
    assert framework_differences(shipped, shipped, "zh_CN") == []


def test_texts_weights_and_structure_in_english_and_chinese():
    a = small()
    b = copy.deepcopy(a)
    b["pillars"][0]["criteria"][1]["rubric"][2] = {"en": "Reworded level 3"}
    b["pillars"][0]["weight"] = 2.5
    b["pillars"][1]["criteria"].append(criterion("beta.two"))
    b["pillars"][0]["criteria"][0]["name"] = {"en": "First one", "zh_CN": "标准 alpha.one"}
    assert framework_differences(fw(a), fw(b)) == [
        "Weight of pillar Alpha 1 → 2.5",
        "Criterion Alpha.One renamed First one (English text)",
        "Rubric level 3 of Alpha.Two reworded (English text)",
        "Criterion Beta.Two (beta.two) added to pillar Beta",
    ]
    assert framework_differences(fw(a), fw(b), "zh_CN") == [
        "支柱“Alpha”的权重 1 → 2.5",
        "标准“Alpha.One”更名为“First one”（英文）",
        "标准“标准 alpha.two”的第 3 级评分说明已改写（英文）",
        "支柱“Beta”新增标准“标准 beta.two”（beta.two）",
    ]


def test_pillar_added_and_removed_name_their_criteria():
    a = small()
    b = copy.deepcopy(a)
    removed = b["pillars"].pop(1)
    b["pillars"].append({"id": "gamma", "name": {"en": "Gamma", "zh_CN": "伽马"},
                         "description": {"en": "Third."}, "direction": "benefit",
                         "source": [3],
                         "criteria": [criterion("gamma.one"), criterion("gamma.two")]})
    assert removed["id"] == "beta"
    assert framework_differences(fw(a), fw(b)) == [
        "Pillar Beta removed with criteria Beta.One",
        "Pillar Gamma added with criteria Gamma.One, Gamma.Two",
    ]
    assert framework_differences(fw(a), fw(b), "zh_CN")[1] == (
        "新增支柱“伽马”，含标准：标准 gamma.one，标准 gamma.two")


def test_rules_scenarios_switches_and_thresholds():
    a = small()
    b = copy.deepcopy(a)
    b["deal_breakers"][0]["when"][0]["value"] = 40
    b["deal_breakers"][0]["description"] = {"en": "Alpha is weak.", "zh_CN": "阿尔法太弱。"}
    b["deal_breakers"].append(
        {"id": "weak_beta", "name": {"en": "Weak beta", "zh_CN": "贝塔弱"},
         "description": {"en": "Beta."}, "match": "any",
         "when": [{"ref": "criterion:beta.one", "op": "<=", "value": 1},
                  {"ref": "overall", "op": "<", "value": 20}]})
    b["scenarios"] = [{"id": "shock", "name": {"en": "Shock"}, "description": {"en": "A."},
                       "shifts": {"alpha.one": -1}}]
    b["pillars"][1]["enabled"] = False
    b["pillars"].reverse()
    b["decision_thresholds"] = {"pursue": 70, "watch": 45}
    assert framework_differences(fw(a), fw(b)) == [
        "Pillar Beta switched off",
        "Pillars reordered: Beta, Alpha",
        "Explanation of deal-breaker Weak alpha reworded (Chinese text)",
        "Conditions of deal-breaker Weak alpha: all of: Alpha < 30 → all of: Alpha < 40",
        "Deal-breaker Weak beta added: any of: Beta.One ≤ 1, Overall < 20",
        "Scenario Shock added",
        "Decision threshold “Pursue” 65 → 70",
    ]
    assert framework_differences(fw(a), fw(b), "zh_CN")[4] == (
        "新增致命缺陷“贝塔弱”：满足任一：标准 beta.one ≤ 1，总分 < 20")


def test_the_framework_texts_count_within_one_framework_only():
    a = small()
    b = copy.deepcopy(a)
    b["name"] = {"en": "Smaller", "zh_CN": "更小"}
    b["paragraphs"] = {"2": {"en": "A paragraph."}}
    assert framework_differences(fw(a), fw(b)) == [
        "Name of the framework reworded", "Paragraph ¶2 added"]
    b["id"] = "test.another"
    assert framework_differences(fw(a), fw(b)) == ["Paragraph ¶2 added"]
