"""New pillars and criteria for a framework being edited (a
:class:`~models.core.framework_draft.FrameworkDraft`), with ids derived from their English
names.

An id is the English name made lower case, its words joined by ``_`` (``Gross margin`` →
``gross_margin``), made unique among the ids already there (``gross_margin_2``); a criterion's
id is its pillar's id, a dot and that slug (``traction.gross_margin``). Ids never change once
given, so a later rename keeps every score of the criterion. A new pillar or criterion starts
with empty texts, which the draft reports as problems until they are written.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from typing import Any

from models.core.framework_draft import FrameworkDraft


def slug(name: str, fallback: str) -> str:
    """``name`` as an id part: ASCII lower case letters, digits and ``_``, starting with a
    letter (``fallback`` when nothing of the name is left)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", ascii_name.lower())
    part = "_".join(words)
    if not part:
        return fallback
    return part if part[0].isalpha() else f"{fallback}_{part}"


def unique(base: str, taken: set[str]) -> str:
    """``base``, or ``base_2``, ``base_3``… whichever is not in ``taken``."""
    if base not in taken:
        return base
    n = 2
    while f"{base}_{n}" in taken:
        n += 1
    return f"{base}_{n}"


def _text(en: str, zh: str) -> dict[str, str]:
    return {"en": en, "zh_CN": zh}


def blank_criterion(cid: str, name_en: str, name_zh: str = "") -> dict[str, Any]:
    """A criterion named so, its question and rubric still to write (benefit, weight 1,
    citing ¶5)."""
    return {"id": cid, "name": _text(name_en, name_zh), "question": _text("", ""),
            "rubric": [_text("", "") for _ in range(5)], "direction": "benefit",
            "weight": 1.0, "source": [5]}


def blank_pillar(pid: str, name_en: str, name_zh: str = "") -> dict[str, Any]:
    """A pillar named so, with no criterion yet (benefit, weight 1, switched on, ¶5)."""
    return {"id": pid, "name": _text(name_en, name_zh), "description": _text("", ""),
            "direction": "benefit", "weight": 1.0, "enabled": True, "source": [5],
            "criteria": []}


def _pillars(draft: FrameworkDraft) -> list[dict[str, Any]]:
    pillars = draft.get(("pillars",), [])
    return pillars if isinstance(pillars, list) else []


def with_pillar(draft: FrameworkDraft, index: int, name_en: str,
                name_zh: str = "", used: Collection[str] = ()) -> FrameworkDraft:
    """``draft`` with a new pillar at ``index``, its id made from ``name_en``, unique in the
    framework and not one of ``used`` (ids the portfolio has used: see
    :func:`with_criterion`)."""
    taken = {str(p.get("id")) for p in _pillars(draft)} | set(used)
    pid = unique(slug(name_en, "pillar"), taken)
    return draft.with_inserted(("pillars",), index, blank_pillar(pid, name_en, name_zh))


def with_criterion(draft: FrameworkDraft, pillar: int, index: int, name_en: str,
                   name_zh: str = "", used: Collection[str] = ()) -> FrameworkDraft:
    """``draft`` with a new criterion at ``index`` of pillar number ``pillar``, its id
    ``<pillar id>.<slug of name_en>``, unique in the framework and not one of ``used``: the
    ids the portfolio has used, so that a criterion removed and added again is a new one and
    the removed one's scores are never taken for its own."""
    pid = str(_pillars(draft)[pillar].get("id"))
    taken = {str(c.get("id")) for p in _pillars(draft) for c in p.get("criteria", [])}
    taken |= set(used)
    prefix = pid + "."
    slugs = {c[len(prefix):] for c in taken if c.startswith(prefix)}
    cid = prefix + unique(slug(name_en, "criterion"), slugs)
    return draft.with_inserted(("pillars", pillar, "criteria"), index,
                               blank_criterion(cid, name_en, name_zh))
