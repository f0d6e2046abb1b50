"""A count said in the form its number takes: "1 startup", "3 startups" (Chinese has one form:
"3 家初创公司"), thousands separated. Each package that says counts keeps its table of forms
(:mod:`models.workbook.count_texts`, :mod:`models.cli.count_texts`) and says them with
:func:`say_count`."""

from __future__ import annotations

from collections.abc import Mapping

#: Per language and kind: the form for one, then the form for any other number (one form
#: alone where the language has no plural); ``{n}`` is the number.
Forms = Mapping[str, Mapping[str, tuple[str, ...]]]


def say_count(forms: Forms, lang: str, kind: str, n: int) -> str:
    """``n`` things of ``kind`` in ``lang`` (English when ``forms`` has not the language),
    thousands separated: ``1 startup``, ``2,000 draws``."""
    chosen = forms.get(lang, forms["en"])[kind]
    return chosen[0 if n == 1 else -1].format(n=f"{n:,}")
