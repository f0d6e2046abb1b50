"""Explanations written into workbooks (About sheets, notes, chart titles, template
instructions), in English and Simplified Chinese.

Headers, labels and dropdown values live in :mod:`models.workbook.layout` (English) and
:mod:`models.workbook.words` (a Chinese template's), not here.
"""

from __future__ import annotations

from typing import Any

_FORMULAS_EN = [
    ("Favourability",
     "For a scored criterion: (score − 1) / 4 when higher is better for the startup "
     "(benefit), (5 − score) / 4 when higher is worse (cost). 0 is the worst, 1 the best. "
     "Empty when the criterion is not scored."),
    ("Pillar score",
     "100 × the weighted mean of the favourability of the pillar's scored criteria, weighted "
     "by the criterion weights on the Framework sheet. Empty when none of its criteria is "
     "scored."),
    ("Overall",
     "The weighted mean of the pillar scores, weighted by the pillar weights, over the "
     "enabled pillars that have a score. Empty when nothing is scored."),
    ("Completeness",
     "The share of the total weight that is scored: each criterion carries (its pillar's "
     "weight / all enabled pillar weights) × (its weight / its pillar's criterion weights). "
     "Below 100 % the result is partial."),
    ("Fixed anchors",
     "Scores are on fixed scales, never rescaled against other startups: adding a startup "
     "never changes another one's score."),
    ("Postures, deal-breakers",
     "The framework's rules, re-evaluated live on the pillar and criterion scores with the "
     "same thresholds as Beachhead."),
]
_FORMULAS_ZH = [
    ("有利度",
     "已评分的指标：若分数越高对创业公司越有利（benefit），为 (分数 − 1) / 4；"
     "若越高越不利（cost），为 (5 − 分数) / 4。0 最差，1 最好。未评分时为空。"),
    ("支柱得分",
     "该支柱已评分指标有利度的加权平均 × 100，权重为 Framework 表中的指标权重。"
     "该支柱没有任何评分时为空。"),
    ("总分",
     "各支柱得分的加权平均，权重为支柱权重，只计入已启用且有得分的支柱。"
     "没有任何评分时为空。"),
    ("完整度",
     "已评分部分占总权重的比例：每个指标占（所属支柱权重 / 全部已启用支柱权重）×"
     "（指标权重 / 所属支柱指标权重之和）。低于 100% 时结果为部分结果。"),
    ("固定标尺",
     "所有分数都按固定标尺计算，不与其他创业公司做归一化："
     "新增一家公司不会改变其他公司的分数。"),
    ("姿态、致命缺陷",
     "框架中的规则，按与 Beachhead 相同的阈值，根据支柱得分和指标分数实时重新判断。"),
]
#: The same, in a Chinese template's own words: its Framework sheet is called 框架 and its
#: directions read 收益型 and 成本型.
_TEMPLATE_WORDS_ZH = {" Framework 表": "“框架”表", "（benefit）": "（收益型）",
                      "（cost）": "（成本型）"}


def _in_template_words(body: str) -> str:
    for old, new in _TEMPLATE_WORDS_ZH.items():
        body = body.replace(old, new)
    return body


_FORMULAS_ZH_TEMPLATE = [(title, _in_template_words(body)) for title, body in _FORMULAS_ZH[:5]]

TEXTS: dict[str, dict[str, Any]] = {
    "en": {
        "framework_notes": [
            "Inputs: the yellow cells.",
            "Pillar weight and Weight: a number from 0.0001 to 10000; only ratios matter.",
            "Enabled: yes or no; a disabled pillar leaves the overall score and completeness.",
            "Every score on the Summary, Assessments, Levels, Scores and Charts sheets "
            "re-computes at once.",
        ],
        "framework_locked": [
            "The framework this template scores against.",
            "Its weights are fixed here; an investor can change them in a full export.",
        ],
        "about_export": [
            ("How the startups are ranked", [
                "The Summary has one row per startup, ranked under one perspective (stated at "
                "its top and above): a rule that turns each startup's assessments into one "
                "level per criterion. Its levels are on the Levels sheet, live formulas over "
                "the Scores sheet; which assessments they are made of was decided at export.",
                "A startup with a deal-breaker is gated and ranks after every ungated one "
                "(unless the export ignored gates); startups with nothing scored come last. "
                "Equal overall scores go to the higher completeness, then to the name.",
                "Every assessment keeps its own row, with its own scores, postures and "
                "deal-breakers, on the Assessments sheet (for audit). Decisions taken about "
                "each startup, oldest first, are on the Decisions sheet.",
            ]),
            ("How the scores are computed", _FORMULAS_EN),
            ("How to change weights", [
                "On the Framework sheet, change a Pillar weight or a criterion Weight (yellow "
                "cells): only the ratios between weights matter. Set a pillar's Enabled cell "
                "to no to leave it out. Summary, Assessments, Levels, Scores and Charts "
                "re-compute immediately.",
                "To change a score, edit the Score cell (1 to 5, or empty) on the Scores "
                "sheet. The Summary's rank follows; sort the Summary by Rank to see the new "
                "order.",
                "Do not sort the Scores, Levels or Assessments sheets: their rows are read by "
                "position (each assessment a block of Scores rows, one per criterion in "
                "framework order; each startup one Levels row). Sorting and filtering the "
                "Summary is safe.",
                "The Charts sheet shows the first startups of the Summary; its values follow "
                "later edits, and a Summary sorted again brings the new first startups in.",
                "P10–P90 on the Summary and everything on the Analysis sheet are values at "
                "export; they do not follow edits.",
            ]),
        ],
        "about_template": [
            ("How to fill in this workbook", [
                "Fill in the yellow cells of the Assessment sheet: the startup fields at the "
                "top, then for every criterion a Score from 1 to 5 (pick the level whose "
                "description fits best), your Confidence, a Rationale and the Evidence.",
                "Leave a Score empty when you cannot judge it: the results then count only "
                "what is scored, and Completeness shows how much is missing.",
                "Save the file as .xlsx and send it back; it is read by 'beachhead import'.",
            ]),
            ("How the scores are computed", _FORMULAS_EN[:5]),
        ],
        "paragraphs_title": "The source article, paragraph by paragraph (cited as ¶1–¶6)",
        "template_title": "Beachhead self-assessment: {framework}",
        "template_instructions": [
            "How to fill in",
            "1. Fill in the yellow cells: the startup fields on the left, then each "
            "criterion's row below.",
            "2. Read the question and the five level descriptions (right of Evidence); pick "
            "the level that fits best (1–5) in Score.",
            "3. Higher is not always better: where Direction reads cost, a 5 is bad for the "
            "startup.",
            "4. Choose a Confidence and give a Rationale and Evidence a reader can check.",
            "5. Leave a Score empty if you cannot judge it; Completeness shows what is missing.",
            "6. The results on the left update as you type. Save as .xlsx and send it back.",
        ],
        "checks": {
            "role": "Role is founder, investor or other.",
            "date": "A date, e.g. 2024-10-31.",
            "score": "Pick a level from 1 to 5, or leave the cell empty.",
            "confidence": "Pick low, medium or high.",
            "enabled": "Type {on} or {off}.",
            "weight": "A weight is a number from {low} to {high}.",
        },
    },
    "zh_CN": {
        "framework_notes": [
            "可修改：黄色单元格。",
            "支柱权重和指标权重：0.0001 到 10000 之间的数字，只有比例有意义。",
            "Enabled：yes 或 no；停用的支柱不计入总分和完整度。",
            "Summary、Assessments、Levels、Scores 和 Charts 表中的所有分数都会立即重新计算。",
        ],
        "framework_locked": [
            "本模板所用的评估框架。",
            "此处权重固定；投资人可在完整导出的工作簿中修改。",
        ],
        "about_export": [
            ("创业公司如何排名", [
                "Summary 表每家创业公司一行，按一个视角排名（见表头和上方说明）：视角把每家"
                "公司的多份评估变成每个指标一个等级。这些等级在 Levels 表中，是基于 Scores "
                "表的实时公式；由哪些评估组成在导出时确定。",
                "触发致命缺陷的公司为受阻，排在所有未受阻公司之后（除非导出时选择忽略）；"
                "没有任何评分的公司排在最后。总分相同时，完整度高者在前，其次按名称。",
                "每份评估在 Assessments 表中保留自己的一行，含其分数、姿态和致命缺陷（供核查）。"
                "对每家公司所做的决定按时间先后列在 Decisions 表中。",
            ]),
            ("分数如何计算", _FORMULAS_ZH),
            ("如何修改权重", [
                "在 Framework 表中修改支柱权重（Pillar weight）或指标权重（Weight）"
                "（黄色单元格），只有权重之间的比例有意义。把某支柱的 Enabled 改为 no "
                "即可停用。Summary、Assessments、Levels、Scores 和 Charts 会立即重新计算。",
                "要修改评分，请编辑 Scores 表中的 Score 单元格（1 到 5，或留空）。Summary 的"
                "排名随之更新；按 Rank 排序即可看到新的顺序。",
                "请勿对 Scores、Levels 或 Assessments 表排序：它们的行按位置读取（每份评估是 "
                "Scores 表中的一段行，每个指标一行，按框架顺序；每家公司是 Levels 表中的一行）。"
                "对 Summary 排序和筛选是安全的。",
                "Charts 表显示 Summary 的前几家公司；数值会随之后的修改更新，Summary 重新排序后"
                "图表显示新的前几家。",
                "Summary 上的 P10–P90 和 Analysis 表中的内容是导出时的数值，不随修改变化。",
            ]),
        ],
        "about_template": [
            ("如何填写本工作簿", [
                "请填写“评估”表中的黄色单元格：顶部的公司信息，以及每个评估标准的评分"
                "（1 到 5，选择描述最贴切的级别）、置信度（低、中、高）、理由和证据。",
                "无法判断的评估标准请留空评分：结果只计算已评分部分，完整度显示缺少多少。",
                "保存为 .xlsx 后发回；Beachhead 用 “beachhead import” 读取。",
            ]),
            ("分数如何计算", _FORMULAS_ZH_TEMPLATE),
        ],
        "paragraphs_title": "来源文章各段要点（引用为 ¶1–¶6）",
        "template_title": "Beachhead 自评表：{framework}",
        "template_instructions": [
            "填写说明",
            "1. 填写黄色单元格：左侧的公司信息，以及下方每个评估标准所在的行。",
            "2. 阅读问题和五个级别的描述（在“证据”列右侧），在“评分”中选出最贴切的级别（1–5）。",
            "3. 分数高不一定好：方向为“成本型”的评估标准，5 分对初创公司最不利。",
            "4. 选择置信度（低、中、高），并写下可供核实的理由和证据。",
            "5. 无法判断的评估标准请留空“评分”；完整度显示还缺少多少。",
            "6. 左侧的结果会随填写实时更新。保存为 .xlsx 后发回。",
        ],
        "checks": {
            "role": "角色请选择：创始人、投资人或其他。",
            "date": "请输入日期，例如 2024-10-31。",
            "score": "请选择 1 到 5 的级别，或留空。",
            "confidence": "请选择：低、中或高。",
            "enabled": "请输入 {on} 或 {off}。",
            "weight": "权重是 {low} 到 {high} 之间的数字。",
        },
    },
}
