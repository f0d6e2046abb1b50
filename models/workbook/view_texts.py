"""Texts of the export's startup sheets (Summary, Levels, Charts, Decisions) in English and
Simplified Chinese: what the ranking is under, what is live and what is a value at export.

Headers and the labels in column A are fixed English strings (:mod:`models.workbook.layout`).
A count is named by its kind (``{startups}``, ``{mc_draws}``) and said in the form its number
takes by :func:`models.workbook.count_texts.counted`.
"""

from __future__ import annotations

from models.engine.perspectives import Perspective

VIEW_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "view_investor": "investor view",
        "view_founder": "founder view",
        "view_latest": "latest assessment",
        "view_assessor": "assessments by {name}",
        "perspective": "Perspective: {definition}",
        "define_investor": "the investor view. Per criterion, the median of the levels each "
                           "investor gave in their latest assessment; on an even count, the "
                           "middle level less favourable to the startup.",
        "define_founder": "the founder view, each startup's latest founder assessment.",
        "define_latest": "each startup's latest assessment, whoever made it.",
        "define_assessor": "each startup's latest assessment by {name}.",
        "summary_title": "Startups ranked under the {view}",
        "gates_on": "Deal-breakers: a startup with one is gated and ranks after every ungated "
                    "startup.",
        "gates_off": "Deal-breakers: ignored for the rank (gated startups rank by overall score "
                     "among the others and stay marked).",
        "scenario_none": "Scenario: none.",
        "scenario": "Scenario: {name}, its level shifts at export included in the Levels "
                    "sheet (founder gaps are values at export).",
        "weights_default": "Weights: the framework's defaults ({framework}).",
        "weights_custom": "Weights: framework {framework}, with weights of its own.",
        "weights_differ": "Weights differ from the defaults of {base}: {changes}.",
        "weights_custom_differ": "Weights: custom framework {framework}, which differs from "
                                 "the defaults of {base}: {changes}.",
        "weight_pillar": "pillar {name} {old} → {new}",
        "weight_criterion": "criterion {name} {old} → {new}",
        "weight_on": "pillar {name} switched on",
        "weight_off": "pillar {name} switched off",
        "suggestion": "Suggested decision: pursue from {pursue}, watch from {watch}, pass "
                      "below {watch} or when gated.",
        "live": "Rank, scores, completeness, deal-breakers, suggestion and founder gap are "
                "live formulas over the Levels, Scores and Framework sheets (after an edit, "
                "sort by Rank again). Status is each startup's current decision (history on "
                "the Decisions sheet).",
        "bands": "P10–P90: {mc_draws} at export, seed {seed}.",
        "bands_skipped": "P10–P90: left out of this export ({startups}); run beachhead "
                         "score FILE --perspective {perspective} for them.",
        "bands_off": "P10–P90: not requested for this export.",
        "gated": "yes",
        "charts_title": "Overall score of the first {startups} of the Summary (0–100)",
        "charts_pillar": "{pillar}: first {startups}",
        "charts_note": "The charts show the first rows of the Summary (its order at export: "
                       "rank under the {view}); sort the Summary by Rank after an edit and "
                       "they follow.",
        "no_charts": "No startup has a score yet under the {view}: the charts appear in the "
                     "next export.",
        "gated_label": " (gated)",
    },
    "zh_CN": {
        "view_investor": "投资人视角",
        "view_founder": "创始人视角",
        "view_latest": "最近一次评估",
        "view_assessor": "{name} 的评估",
        "perspective": "视角：{definition}",
        "define_investor": "投资人视角。每个指标取每位投资人最近一次评估所给等级的中位数；"
                           "数量为偶数时，取对创业公司较不利的中间等级。",
        "define_founder": "创始人视角，即每家公司最近一次创始人自评。",
        "define_latest": "每家公司最近一次评估，不论评估人是谁。",
        "define_assessor": "每家公司由 {name} 所做的最近一次评估。",
        "summary_title": "按{view}排名的创业公司",
        "gates_on": "致命缺陷：触发致命缺陷的公司为受阻，排在所有未受阻公司之后。",
        "gates_off": "致命缺陷：排名时忽略（受阻公司按总分与其他公司一起排名，仍会标出）。",
        "scenario_none": "情景：无。",
        "scenario": "情景：{name}，导出时的等级调整已计入 Levels 表（创始人差距为导出时的数值）。",
        "weights_default": "权重：框架默认权重（{framework}）。",
        "weights_custom": "权重：框架 {framework} 自有的权重。",
        "weights_differ": "权重与 {base} 的默认权重不同：{changes}。",
        "weights_custom_differ": "权重：自定义框架 {framework}，与 {base} 的默认权重不同："
                                 "{changes}。",
        "weight_pillar": "支柱 {name} {old} → {new}",
        "weight_criterion": "指标 {name} {old} → {new}",
        "weight_on": "支柱 {name} 已启用",
        "weight_off": "支柱 {name} 已停用",
        "suggestion": "建议决定：{pursue} 分及以上推进，{watch} 分及以上观察，"
                      "低于 {watch} 分或受阻则放弃。",
        "live": "排名、分数、完整度、致命缺陷、建议和创始人差距都是基于 Levels、Scores 和 "
                "Framework 表的实时公式（修改后请再按 Rank 排序）。Status 为每家公司当前的"
                "决定（历史见 Decisions 表）。",
        "bands": "P10–P90：导出时 {mc_draws}，种子 {seed}。",
        "bands_skipped": "P10–P90：本次导出未计算（{startups}）；请运行 beachhead score FILE "
                         "--perspective {perspective}。",
        "bands_off": "P10–P90：本次导出未要求。",
        "gated": "是",
        "charts_title": "Summary 前 {startups}的总分（0–100）",
        "charts_pillar": "{pillar}：前 {startups}",
        "charts_note": "图表显示 Summary 的前几行（导出时按{view}排名的顺序）；修改后按 Rank "
                       "重新排序 Summary，图表随之更新。",
        "no_charts": "在{view}下还没有任何公司有分数：图表将在下次导出时出现。",
        "gated_label": "（受阻）",
    },
}


def view_texts(lang: str) -> dict[str, str]:
    """The texts in ``lang`` (English when the language is not known)."""
    return VIEW_TEXTS.get(lang, VIEW_TEXTS["en"])


def view_name(perspective: Perspective, lang: str) -> str:
    """The perspective's short name in ``lang``: ``investor view``, ``assessments by Ann``…"""
    return view_texts(lang)[f"view_{perspective.kind}"].format(name=perspective.assessor)


def view_definition(perspective: Perspective, lang: str) -> str:
    """One sentence defining the perspective in ``lang`` (``the investor view. Per
    criterion, …``)."""
    return view_texts(lang)[f"define_{perspective.kind}"].format(name=perspective.assessor)
