"""Counts in the export's texts, in English and Simplified Chinese, each in the form its number
takes: "1 startup", "3 startups" (Chinese has one form: "3 家公司"). A sentence of
:mod:`models.workbook.view_texts` or :mod:`models.workbook.analysis_texts` names the count by
its kind (``{startups}``, ``{draws}``, ``{mc_draws}``) and :func:`counted` says it (by
:func:`models.core.counts.say_count`, as the command line says its counts)."""

from __future__ import annotations

from models.core.counts import Forms, say_count

#: Per language and kind: the form for one, then the form for any other number (one form
#: alone where the language has no plural).
_FORMS: Forms = {
    "en": {
        "startups": ("{n} startup", "{n} startups"),
        "draws": ("{n} draw", "{n} draws"),
        "mc_draws": ("{n} Monte Carlo draw", "{n} Monte Carlo draws"),
        "criteria_without_row": (
            "{n} criterion of the framework has no row in the table and is not scored",
            "{n} criteria of the framework have no row in the table and are not scored"),
    },
    "zh_CN": {
        "startups": ("{n} 家公司",),
        "draws": ("{n} 次",),
        "mc_draws": ("{n} 次蒙特卡洛抽样",),
        "criteria_without_row": ("框架中有 {n} 个评估标准在表格中没有对应行，不计分",),
    },
}


def counted(lang: str, kind: str, n: int) -> str:
    """``n`` things of ``kind`` (``startups``, ``draws``, ``mc_draws``; an import's
    ``criteria_without_row``, a whole sentence whose verb agrees) in ``lang`` (English
    when the language is not known), thousands separated: ``1 startup``, ``2,000 draws``."""
    return say_count(_FORMS, lang, kind, n)
