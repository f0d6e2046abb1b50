"""A framework edited from another becomes either the next version of it (same id, the version
bumped as :func:`models.core.framework_version.next_version` says) or a new framework (an id of
its own from the name given, version 1.0.0). Either way its changelog gains an entry: the new
version, the date, the kind of change and a summary of what changed, in English and Chinese
(:func:`models.core.framework_diff.framework_differences`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from models.core.framework import Framework
from models.core.framework_diff import framework_differences
from models.core.framework_version import ChangeKind, ChangelogEntry, next_version

#: At most this many differences are written in a changelog entry; the rest are counted.
MOST_LINES = 12
_MORE = {"en": "… and {n} more", "zh_CN": "……另有 {n} 项"}
_NOTHING = {"en": "No change of content", "zh_CN": "内容无变化"}
_BASED = {"en": "Based on {id} {version}", "zh_CN": "基于 {id} {version}"}
_SEPARATOR = {"en": "; ", "zh_CN": "；"}


def _summary(base: Framework, new: Framework, lead: dict[str, str] | None) -> dict[str, str]:
    """What changed from ``base`` to ``new`` in both languages (``lead`` first, if any)."""
    summary: dict[str, str] = {}
    for lang in ("en", "zh_CN"):
        lines = framework_differences(base, new, lang)
        if len(lines) > MOST_LINES:
            lines = [*lines[:MOST_LINES], _MORE[lang].format(n=len(lines) - MOST_LINES)]
        if lead is not None:
            lines = [lead[lang].format(id=base.id, version=base.version), *lines]
        summary[lang] = _SEPARATOR[lang].join(lines) or _NOTHING[lang]
    return summary


def _with(new: Framework, changes: dict[str, object], entry: ChangelogEntry,
          history: bool = True) -> Framework:
    """``new`` with ``changes`` and ``entry`` last in its changelog (its only entry when not
    ``history``)."""
    data = new.model_dump(mode="python")
    data.update(changes)
    data["changelog"] = [*(new.changelog if history else []), entry.model_dump(mode="python")]
    return Framework.model_validate(data)


def next_release(base: Framework, new: Framework,
                 today: dt.date | None = None) -> tuple[Framework, ChangeKind | None]:
    """``new`` as the next version of ``base``: ``base``'s id, the bumped version and a
    changelog entry, with the kind of change; ``new`` under ``base``'s id and version, and
    ``None``, when its content is the same."""
    version, kind = next_version(base, new)
    if kind is None:
        data = new.model_dump(mode="python")
        data.update(id=base.id, version=base.version)
        return Framework.model_validate(data), None
    entry = ChangelogEntry(version=version, date=today or dt.date.today(), kind=kind,
                           summary=_summary(base, new, None))
    return _with(new, {"id": base.id, "version": version}, entry), kind


def framework_id(name: str) -> str:
    """An id for a framework named ``name``: ``custom.<name in lower case, words joined by
    hyphens>`` (``custom.framework`` when no letter or digit is left). A name with letters
    or digits beyond ASCII (Chinese, accents) ends in six hex digits of its SHA-256, so two
    such names differing only there (远帆框架, 澄川框架) get ids of their own."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-")
    base = f"custom.{slug or 'framework'}"
    if any(ch.isalnum() and not ch.isascii() for ch in name):
        return f"{base}-{hashlib.sha256(name.strip().encode('utf-8')).hexdigest()[:6]}"
    return base


def new_framework(base: Framework, new: Framework, name: str,
                  today: dt.date | None = None) -> Framework:
    """``new`` as a framework of its own named ``name`` (in every language), id from the
    name (:func:`framework_id`), version 1.0.0, its changelog entry saying what it is based
    on and how it differs (the only entry: the history of ``base`` is its own)."""
    entry = ChangelogEntry(version="1.0.0", date=today or dt.date.today(), kind="major",
                           summary=_summary(base, new, _BASED))
    names = {lang: name for lang in ("en", "zh_CN")}
    return _with(new, {"id": framework_id(name), "version": "1.0.0", "name": names}, entry,
                 history=False)
