"""The words a founder template shows, in each language: sheet names, labels, headers and the
values its dropdowns offer.

The English words are those of :mod:`models.workbook.layout` (the export always writes them).
A template made with ``--lang zh_CN`` writes the Simplified Chinese ones below instead; ids
(criterion and pillar ids, the framework id, ``beachhead.template``, ``zh_CN``) stay as they
are. The importer reads both: it compares headers and labels through
:func:`models.workbook.importing.cells.header_key`, which takes a Chinese one to the English
one's key, sheet names through :func:`sheet_key`, and takes the Chinese dropdown values for
the English ones.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping

from models.workbook.layout import ABOUT, ASSESSMENT, FRAMEWORK

#: Sheet names of the Chinese template.
ZH_SHEETS: Mapping[str, str] = {ASSESSMENT: "评估", FRAMEWORK: "框架", ABOUT: "说明"}

#: Labels and headers of the Chinese template (English → Chinese); the vocabulary is the
#: window's.
ZH_LABELS: Mapping[str, str] = {
    # startup and assessment fields, live results
    "Startup": "初创公司", "Assessor": "评估人", "Role": "角色", "Date": "日期",
    "Sector": "赛道", "Stage": "阶段", "Region": "地区", "Tags": "标签", "Notes": "备注",
    "Website": "网站",
    "Framework ID": "框架编号", "Framework version": "框架版本",
    "Overall": "总分", "Completeness": "完整度",
    # the criteria table
    "Criterion ID": "评估标准编号", "Criterion": "评估标准", "Score": "评分",
    "Confidence": "置信度", "Rationale": "理由", "Evidence": "证据", "Question": "问题",
    **{f"Level {n}": f"级别 {n}" for n in range(1, 6)},
    "Pillar": "支柱", "Direction": "方向", "Weight": "权重", "Favourability": "有利度",
    # the Framework sheet
    "Pillar ID": "支柱编号", "Pillar weight": "支柱权重", "Enabled": "启用", "Source": "来源",
    # the About sheet
    "Workbook": "工作簿类型", "Layout version": "布局版本", "App version": "应用版本",
    "Framework": "框架名称", "Language": "语言", "Source article": "来源文章",
}

#: Values the Chinese template writes and offers in its dropdowns (English → Chinese).
ZH_VALUES: Mapping[str, str] = {
    "founder": "创始人", "investor": "投资人", "other": "其他",
    "low": "低", "medium": "中", "high": "高",
    "benefit": "收益型", "cost": "成本型",
    "yes": "是", "no": "否",
}


class Words:
    """The words of a template in ``lang`` (``en`` or ``zh_CN``)."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        zh = lang == "zh_CN"
        self._sheets = ZH_SHEETS if zh else {}
        self._labels = ZH_LABELS if zh else {}
        self._values = ZH_VALUES if zh else {}

    def sheet(self, english: str) -> str:
        """The name of the sheet called ``english`` in an English template."""
        return self._sheets.get(english, english)

    def label(self, english: str) -> str:
        """A label or header."""
        return self._labels.get(english, english)

    def labels(self, english: tuple[str, ...]) -> tuple[str, ...]:
        """Several labels or headers."""
        return tuple(self.label(e) for e in english)

    def value(self, english: str) -> str:
        """A value written into a cell or offered by a dropdown (``low``, ``cost``…)."""
        return self._values.get(english, english)


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split()).casefold()


_SHEET_KEY = {_fold(zh): en.casefold() for en, zh in ZH_SHEETS.items()} | {"关于": "about"}


def sheet_key(name: str) -> str:
    """A sheet name compared loosely: ``Assessment``, `` assessment `` and ``评估`` all give
    ``assessment``."""
    folded = name.casefold().strip()
    return _SHEET_KEY.get(_fold(name), folded)
