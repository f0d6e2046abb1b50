"""Texts of the export's Analysis sheet (:mod:`models.workbook.analysis_sheet`) in English
and Simplified Chinese; its labels in column A are fixed English. Counts (``{startups}``,
``{draws}``) are said by :func:`models.workbook.count_texts.counted`."""

from __future__ import annotations

_TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Analysis: how sure the ranking of startups is (values at export time)",
        "from": "The scores and weights at export time. These figures are values, not "
                "formulas: they do not follow edits made in this workbook.",
        "weights": "fixed",
        "full": "Each level is spread over its neighbours by its confidence (high: exact; "
                "medium: one level down or up with 10 % each; low: 20 % each); under the "
                "investor view the investors are resampled too. Reproduce with: beachhead "
                "analyze FILE --perspective {perspective} --draws {draws} --seed {seed}.",
        "reduced": "{startups}: {draws} instead of {asked}, to keep the export "
                   "quick; run beachhead analyze FILE --perspective {perspective} --draws "
                   "{asked} --seed {seed} for the full figures.",
        "skipped": "{startups}: the Monte Carlo figures were skipped to keep the export "
                   "quick; run beachhead analyze FILE --perspective {perspective} --draws "
                   "{asked} --seed {seed} for them.",
        "off": "The Monte Carlo figures were not requested for this export.",
        "no_reversals": "No pillar weight from 0 to 100 % changes the leading startup.",
        "reversals_note": "As a pillar's share of the weight grows from 0 to 100 % (the other "
                          "pillars rescaled proportionally), the leading startup changes at "
                          "the reversal share.",
        "no_scenarios": "The framework has no scenarios.",
    },
    "zh_CN": {
        "title": "分析：创业公司排名的确定程度（导出时的数值）",
        "from": "导出时的分数与权重。这些是数值而不是公式：不会随本工作簿中的修改而变化。",
        "weights": "fixed",
        "full": "每个等级按其置信度分布到相邻等级（高：不变；中：上下各一级各 10%；"
                "低：各 20%）；在投资人视角下还会对投资人重新抽样。复现：beachhead analyze "
                "FILE --perspective {perspective} --draws {draws} --seed {seed}。",
        "reduced": "{startups}：为保持导出速度，抽样 {draws}而非 {asked} 次；完整结果请"
                   "运行 beachhead analyze FILE --perspective {perspective} --draws {asked} "
                   "--seed {seed}。",
        "skipped": "{startups}：为保持导出速度，未计算蒙特卡洛结果；请运行 beachhead "
                   "analyze FILE --perspective {perspective} --draws {asked} --seed {seed}。",
        "off": "本次导出未要求蒙特卡洛结果。",
        "no_reversals": "任何支柱权重在 0 到 100% 之间变化都不会改变领先的创业公司。",
        "reversals_note": "当某支柱的权重占比从 0 增加到 100%（其他支柱按比例缩放）时，"
                          "领先的创业公司在“Reversal share”处发生变化。",
        "no_scenarios": "该框架没有情景。",
    },
}


def analysis_texts(lang: str) -> dict[str, str]:
    """The Analysis sheet's texts in ``lang`` (English when the language is not known)."""
    return _TEXTS.get(lang, _TEXTS["en"])
