"""The words of the framework review workbook (:mod:`models.workbook.framework_review`), in
English and Simplified Chinese: sheet names, headers, notes and the kinds of rules. The headers
the founder template shares (Pillar, Criterion, Question, Level 1–5…) come from
:mod:`models.workbook.words`."""

from __future__ import annotations

#: The workbook kind written on its About sheet (an importer refuses it by this).
REVIEW_KIND = "beachhead.framework-review"

REVIEW_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "sheet.criteria": "Pillars & Criteria",
        "sheet.rules": "Rules",
        "sheet.scenarios": "Scenarios",
        "title": "{name} — {id} {version}",
        "note.criteria": "One row per pillar (shaded) and per criterion. A criterion's weight "
                         "is relative within its pillar; a pillar's among the pillars. Levels "
                         "1–5 say what an assessor must observe to give that level. Write "
                         "your remarks in the Comments column.",
        "note.rules": "Postures describe a startup's strategic position; deal-breakers are "
                      "fatal weaknesses that a strong total must not hide. A pillar's value "
                      "is its 0–100 score, a criterion's its level 1–5.",
        "note.scenarios": "Scenarios shift criterion levels to show how the ranking would "
                          "move if the market changed; exposure rules hit some startups "
                          "harder than others.",
        "Kind": "Kind", "Name": "Name", "Fires when": "Fires when",
        "Explanation": "Explanation", "Comments": "Comments", "Scenario": "Scenario",
        "Description": "Description", "Shifts": "Shifts for every startup",
        "Exposure": "Exposure rules", "Source ¶": "Source ¶",
        "kind.strategy": "Posture (strategy)", "kind.warning": "Posture (warning)",
        "kind.deal_breaker": "Deal-breaker",
        "switched_off": "{name} (switched off)",
        "none": "None",
        "changelog": "Changelog",
        "no_changelog": "No changelog entries.",
        "changelog_line": "{date} · {kind}: {summary}",
        "thresholds": "Decisions",
        "threshold_line": "Suggest pursue from an overall score of {pursue}; watch from {watch}",
        "description": "Description",
        "review": "framework review",
    },
    "zh_CN": {
        "sheet.criteria": "支柱与标准",
        "sheet.rules": "规则",
        "sheet.scenarios": "情景",
        "title": "{name} — {id} {version}",
        "note.criteria": "每个支柱（底色行）和每项标准各占一行。标准的权重是在其支柱内的相对权重；"
                         "支柱的权重是在各支柱之间的相对权重。级别 1–5 说明评估人需要观察到什么"
                         "才能给出该级别。请在“批注”列写下您的意见。",
        "note.rules": "姿态描述初创公司的战略位置；致命缺陷是高总分也不能掩盖的致命弱点。"
                      "支柱的取值为其 0–100 分，标准的取值为其 1–5 级。",
        "note.scenarios": "情景通过调整标准级别，展示市场变化时排名会如何变动；敞口规则让部分"
                          "公司受到的冲击更大。",
        "Kind": "类型", "Name": "名称", "Fires when": "触发条件",
        "Explanation": "解释", "Comments": "批注", "Scenario": "情景",
        "Description": "说明", "Shifts": "对所有公司的级别调整",
        "Exposure": "敞口规则", "Source ¶": "出处段落",
        "kind.strategy": "姿态（策略）", "kind.warning": "姿态（警示）",
        "kind.deal_breaker": "致命缺陷",
        "switched_off": "{name}（已停用）",
        "none": "无",
        "changelog": "变更记录",
        "no_changelog": "没有变更记录。",
        "changelog_line": "{date} · {kind}：{summary}",
        "thresholds": "决策",
        "threshold_line": "总分达到 {pursue} 起建议推进；达到 {watch} 起建议观察",
        "description": "说明",
        "review": "框架审阅",
    },
}


def review_text(key: str, lang: str = "en") -> str:
    """The text of ``key`` in ``lang`` (English when the language is not known)."""
    return REVIEW_TEXTS.get(lang, REVIEW_TEXTS["en"])[key]
