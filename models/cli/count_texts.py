"""Counts in the command line's messages, in English and Simplified Chinese, each in the form
its number takes: "1 startup, 1 assessment", "2 startups" (Chinese has one form: "2 家初创
公司"). A message of :mod:`models.cli.texts` or :mod:`models.cli.import_texts` names a count
by its kind (``{startups}``, ``{assessments}``, ``{draws}``…) and :func:`counted` says it."""

from __future__ import annotations

from models.core.counts import Forms, say_count

_FORMS: Forms = {
    "en": {
        "startups": ("{n} startup", "{n} startups"),
        "synthetic_startups": ("{n} synthetic startup", "{n} synthetic startups"),
        "assessments": ("{n} assessment", "{n} assessments"),
        "duplicates": ("{n} duplicate", "{n} duplicates"),
        "pages": ("{n} page", "{n} pages"),
        "draws": ("{n} draw", "{n} draws"),
        "resamples": ("{n} resample", "{n} resamples"),
        "pillars": ("{n} pillar", "{n} pillars"),
        "criteria": ("{n} criterion", "{n} criteria"),
        "rules": ("{n} rule", "{n} rules"),
        "postures": ("{n} posture", "{n} postures"),
        "deal_breakers": ("{n} deal-breaker", "{n} deal-breakers"),
        "scenarios": ("{n} scenario", "{n} scenarios"),
        "scores": ("{n} score", "{n} scores"),
        "workbooks": ("{n} workbook", "{n} workbooks"),
        "portfolios": ("{n} portfolio", "{n} portfolios"),
        "files": ("{n} file", "{n} files"),
    },
    "zh_CN": {
        "startups": ("{n} 家初创公司",),
        "synthetic_startups": ("{n} 家模拟初创公司",),
        "assessments": ("{n} 项评估",),
        "duplicates": ("{n} 项重复评估",),
        "pages": ("{n} 页",),
        "draws": ("{n} 次抽样",),
        "resamples": ("{n} 次重抽",),
        "pillars": ("{n} 个支柱",),
        "criteria": ("{n} 项标准",),
        "rules": ("{n} 条规则",),
        "postures": ("{n} 条姿态",),
        "deal_breakers": ("{n} 条致命缺陷",),
        "scenarios": ("{n} 个情景",),
        "scores": ("{n} 个评分",),
        "workbooks": ("{n} 个工作簿",),
        "portfolios": ("{n} 个组合",),
        "files": ("{n} 个文件",),
    },
}


def counted(lang: str, kind: str, n: int) -> str:
    """``n`` things of ``kind`` (a key of the table above: ``startups``, ``assessments``,
    ``pages``, ``draws``…) in ``lang`` (English when the language is not known), thousands
    separated: ``1 startup``, ``2,000 draws``."""
    return say_count(_FORMS, lang, kind, n)
