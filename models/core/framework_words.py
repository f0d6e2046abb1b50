"""A framework's parts in words, in English and Simplified Chinese: the connecting words of
:mod:`models.core.framework_diff` and of the review workbook, and rules written out as a reader
would say them ("all of: Niche position ≥ 62.5, Segment focus ≥ 4").

Framework texts (names) come from the framework in the language asked, falling back to English;
the words around them are this module's. Placeholders in braces are filled with
``str.format``.
"""

from __future__ import annotations

from models.core.framework import Framework, Rule, text
from models.core.framework_base import Condition

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "overall": "Overall", "all": "all of: {conditions}", "any": "any of: {conditions}",
        "list": ", ", "no": "no", "yes": "yes",
        "patch": "patch", "minor": "minor", "major": "major",
        "benefit": "higher is better", "cost": "higher is worse",
        "strategy": "strategy", "warning": "warning", "deal_breaker": "deal-breaker",
        "en_only": " (English text)", "zh_only": " (Chinese text)",
        "what.framework": "the framework", "what.posture": "posture",
        "what.deal_breaker": "deal-breaker", "what.scenario": "scenario",
        # differences
        "name": "Name of {what} reworded",
        "description": "Description of {what} reworded",
        "source": "Source of the framework reworded",
        "paragraph_added": "Paragraph ¶{n} added",
        "paragraph_removed": "Paragraph ¶{n} removed",
        "paragraph": "Paragraph ¶{n} reworded",
        "pillar_added": "Pillar {name} added with criteria {criteria}",
        "pillar_removed": "Pillar {name} removed with criteria {criteria}",
        "pillar_renamed": "Pillar {old} renamed {new}{lang}",
        "pillar_description": "Description of pillar {name} reworded{lang}",
        "pillar_weight": "Weight of pillar {name} {old} → {new}",
        "pillar_direction": "Direction of pillar {name} {old} → {new}",
        "pillar_enabled": "Pillar {name} switched on",
        "pillar_disabled": "Pillar {name} switched off",
        "pillar_source": "Sources of pillar {name} {old} → {new}",
        "pillars_order": "Pillars reordered: {order}",
        "criterion_added": "Criterion {name} ({id}) added to pillar {pillar}",
        "criterion_removed": "Criterion {name} ({id}) removed from pillar {pillar}",
        "criterion_renamed": "Criterion {old} renamed {new}{lang}",
        "criterion_question": "Question of {name} reworded{lang}",
        "criterion_rubric": "Rubric level {level} of {name} reworded{lang}",
        "criterion_weight": "Weight of criterion {name} {old} → {new}",
        "criterion_direction": "Direction of criterion {name} {old} → {new}",
        "criterion_source": "Sources of criterion {name} {old} → {new}",
        "criteria_order": "Criteria of pillar {pillar} reordered: {order}",
        "rule_added": "{What} {name} added: {conditions}",
        "rule_removed": "{What} {name} removed",
        "rule_renamed": "{What} {old} renamed {new}{lang}",
        "rule_explanation": "Explanation of {what} {name} reworded{lang}",
        "rule_conditions": "Conditions of {what} {name}: {old} → {new}",
        "rule_kind": "Kind of posture {name} {old} → {new}",
        "rule_source": "Sources of {what} {name} {old} → {new}",
        "scenario_added": "Scenario {name} added",
        "scenario_removed": "Scenario {name} removed",
        "scenario_renamed": "Scenario {old} renamed {new}{lang}",
        "scenario_description": "Description of scenario {name} reworded{lang}",
        "scenario_shifts": "Shifts of scenario {name}: {old} → {new}",
        "scenario_exposure": "Exposure rules of scenario {name} changed",
        "scenario_source": "Sources of scenario {name} {old} → {new}",
        "threshold": "Decision threshold “{which}” {old} → {new}",
        "none": "none",
    },
    "zh_CN": {
        "overall": "总分", "all": "同时满足：{conditions}", "any": "满足任一：{conditions}",
        "list": "，", "no": "否", "yes": "是",
        "patch": "修订", "minor": "次版本", "major": "主版本",
        "benefit": "越高越好", "cost": "越高越差",
        "strategy": "策略", "warning": "警示", "deal_breaker": "致命缺陷",
        "en_only": "（英文）", "zh_only": "（中文）",
        "what.framework": "框架", "what.posture": "姿态",
        "what.deal_breaker": "致命缺陷", "what.scenario": "情景",
        "name": "{what}的名称已改写",
        "description": "{what}的说明已改写",
        "source": "框架的来源说明已改写",
        "paragraph_added": "新增段落 ¶{n}",
        "paragraph_removed": "删除段落 ¶{n}",
        "paragraph": "段落 ¶{n} 已改写",
        "pillar_added": "新增支柱“{name}”，含标准：{criteria}",
        "pillar_removed": "删除支柱“{name}”及其标准：{criteria}",
        "pillar_renamed": "支柱“{old}”更名为“{new}”{lang}",
        "pillar_description": "支柱“{name}”的说明已改写{lang}",
        "pillar_weight": "支柱“{name}”的权重 {old} → {new}",
        "pillar_direction": "支柱“{name}”的方向 {old} → {new}",
        "pillar_enabled": "启用支柱“{name}”",
        "pillar_disabled": "停用支柱“{name}”",
        "pillar_source": "支柱“{name}”的出处 {old} → {new}",
        "pillars_order": "支柱顺序调整为：{order}",
        "criterion_added": "支柱“{pillar}”新增标准“{name}”（{id}）",
        "criterion_removed": "从支柱“{pillar}”删除标准“{name}”（{id}）",
        "criterion_renamed": "标准“{old}”更名为“{new}”{lang}",
        "criterion_question": "标准“{name}”的问题已改写{lang}",
        "criterion_rubric": "标准“{name}”的第 {level} 级评分说明已改写{lang}",
        "criterion_weight": "标准“{name}”的权重 {old} → {new}",
        "criterion_direction": "标准“{name}”的方向 {old} → {new}",
        "criterion_source": "标准“{name}”的出处 {old} → {new}",
        "criteria_order": "支柱“{pillar}”的标准顺序调整为：{order}",
        "rule_added": "新增{what}“{name}”：{conditions}",
        "rule_removed": "删除{what}“{name}”",
        "rule_renamed": "{what}“{old}”更名为“{new}”{lang}",
        "rule_explanation": "{what}“{name}”的解释已改写{lang}",
        "rule_conditions": "{what}“{name}”的条件：{old} → {new}",
        "rule_kind": "姿态“{name}”的类型 {old} → {new}",
        "rule_source": "{what}“{name}”的出处 {old} → {new}",
        "scenario_added": "新增情景“{name}”",
        "scenario_removed": "删除情景“{name}”",
        "scenario_renamed": "情景“{old}”更名为“{new}”{lang}",
        "scenario_description": "情景“{name}”的说明已改写{lang}",
        "scenario_shifts": "情景“{name}”的级别调整：{old} → {new}",
        "scenario_exposure": "情景“{name}”的敞口规则已更改",
        "scenario_source": "情景“{name}”的出处 {old} → {new}",
        "threshold": "决策阈值“{which}” {old} → {new}",
        "none": "无",
    },
}

_OPS = {">=": "≥", "<=": "≤", "==": "=", ">": ">", "<": "<"}


def word(key: str, lang: str = "en") -> str:
    """The text of ``key`` in ``lang`` (English when the language is not known)."""
    return WORDS.get(lang, WORDS["en"])[key]


def number(x: float) -> str:
    """A weight or bound as written: 1, 2.5, 62.5 (no trailing zeros)."""
    return f"{x:g}"


def ref_name(ref: str, framework: Framework, lang: str = "en") -> str:
    """What a condition's ``ref`` names: "Overall", a pillar's score name (saying which way
    is good for a cost pillar) or a criterion's name; the ref itself if the framework lacks
    it."""
    kind, _, target = ref.partition(":")
    try:
        if kind == "pillar":
            return framework.pillar(target).score_name(lang)
        if kind == "criterion":
            return text(framework.criterion(target).name, lang)
    except KeyError:
        return ref
    return word("overall", lang)


def condition_in_words(cond: Condition, framework: Framework, lang: str = "en") -> str:
    """``cond`` as ``Niche position ≥ 62.5`` (a pillar's 0–100 score) or ``Segment focus ≤ 3``
    (a criterion's level 1–5)."""
    return f"{ref_name(cond.ref, framework, lang)} {_OPS[cond.op]} {number(cond.value)}"


def rule_in_words(rule: Rule, framework: Framework, lang: str = "en") -> str:
    """``rule``'s conditions as ``all of: A ≥ 60, B ≤ 3`` (or ``any of: …``)."""
    match = getattr(rule, "match", "all")
    conditions = word("list", lang).join(
        condition_in_words(c, framework, lang) for c in rule.when)
    return word(match, lang).format(conditions=conditions)


def paragraphs_in_words(source: list[int], lang: str = "en") -> str:
    """Cited paragraphs as ``¶2, ¶5``, or "none"."""
    return word("list", lang).join(f"¶{n}" for n in source) or word("none", lang)
