"""The words of the history (change descriptions, diffs), in English and Simplified Chinese.
Placeholders in braces are filled with ``str.format``."""

from __future__ import annotations

from models.core.portfolio import ROLE_AND_CONFIDENCE_NAMES as _NAMES

LABELS: dict[str, dict[str, str]] = {
    "en": {
        # what a change did
        "workspace.create": "workspace created",
        "startup.insert": "startup added",
        "startup.remove": "startup removed",
        "assessment.insert": "assessment added",
        "assessment.remove": "assessment removed",
        "decisions.set": "decision",
        "framework.replace": "framework",
        "score.remove": "score taken out",
        "score.restore": "score put back",
        "criterion_field": "{criterion} – {field}",
        # fields
        "field.value": "level",
        "field.confidence": "confidence",
        "field.rationale": "rationale",
        "field.evidence": "evidence",
        "field.name": "name",
        "field.sector": "sector",
        "field.stage": "stage",
        "field.region": "region",
        "field.tags": "tags",
        "field.notes": "notes",
        "field.assessor": "assessor",
        "field.role": "role",
        "field.date": "date",
        # values
        "none": "—",
        **_NAMES["en"],
        "unnamed": "unnamed",
        "assessment_label": "{assessor} ({role}, {date})",
        "score_short": "{level} · {confidence}",
        "score_rationale": "rationale: {text}",
        "score_evidence": "evidence: {text}",
        "decision_short": "{status} ({date})",
        "decision_full": "{date} {status}",
        "decision_by": " — {by}",
        "decision_why": ": {rationale}",
        "created": "{startups} startups · framework {framework}",
        "created_from": "{startups} startups · framework {framework} · from {source}",
        "startup_added": "{name} ({n} assessments)",
        "framework_revision": "{framework} (revision {n})",
        # diffs
        "overall": "Overall",
        "unknown_criterion": "{id} (not in the framework)",
    },
    "zh_CN": {
        "workspace.create": "创建工作区",
        "startup.insert": "新增初创公司",
        "startup.remove": "删除初创公司",
        "assessment.insert": "新增评估",
        "assessment.remove": "删除评估",
        "decisions.set": "决定",
        "framework.replace": "框架",
        "score.remove": "移除评分",
        "score.restore": "恢复评分",
        "criterion_field": "{criterion} – {field}",
        "field.value": "级别",
        "field.confidence": "置信度",
        "field.rationale": "理由",
        "field.evidence": "证据",
        "field.name": "名称",
        "field.sector": "赛道",
        "field.stage": "阶段",
        "field.region": "地区",
        "field.tags": "标签",
        "field.notes": "备注",
        "field.assessor": "评估人",
        "field.role": "角色",
        "field.date": "日期",
        "none": "—",
        **_NAMES["zh_CN"],
        "unnamed": "未署名",
        "assessment_label": "{assessor}（{role}，{date}）",
        "score_short": "{level} · {confidence}",
        "score_rationale": "理由：{text}",
        "score_evidence": "证据：{text}",
        "decision_short": "{status}（{date}）",
        "decision_full": "{date} {status}",
        "decision_by": " — {by}",
        "decision_why": "：{rationale}",
        "created": "{startups} 家初创公司 · 框架 {framework}",
        "created_from": "{startups} 家初创公司 · 框架 {framework} · 转换自 {source}",
        "startup_added": "{name}（{n} 份评估）",
        "framework_revision": "{framework}（修订 {n}）",
        "overall": "总分",
        "unknown_criterion": "{id}（不在框架中）",
    },
}


def label(key: str, lang: str = "en") -> str:
    """The text of ``key`` in ``lang`` (English when the language is not known)."""
    return LABELS.get(lang, LABELS["en"])[key]
