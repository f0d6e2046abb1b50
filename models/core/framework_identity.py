"""A framework's identity under changed weights: a different weighting is never mistaken for
the framework it came from (the Framework view's *Save as*, and imports whose workbook carries
edited weights, both give it a ``custom.…`` id and a version of its own)."""

from __future__ import annotations

import datetime as dt
import re

from models.core.framework import Framework, text


def custom_framework(framework: Framework, name: str,
                     now: dt.datetime | None = None) -> Framework:
    """A copy of ``framework`` under a new identity: id ``custom.<slug of name>``, a version
    from the date and time (``YYYY-MM-DD.HHMMSS``) and ``name`` as its name, so that a
    different weighting is never mistaken for the framework it came from. The description
    says which framework it is based on."""
    slug = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:40].strip("-") or "framework"
    now = now or dt.datetime.now()
    data = framework.model_dump(mode="python")
    data["id"] = f"custom.{slug}"
    data["version"] = now.strftime("%Y-%m-%d.%H%M%S")
    data["name"] = {lang: name for lang in framework.name}
    based = f"Custom weights, based on {framework.id} {framework.version}."
    data["description"] = {**framework.description,
                           "en": f"{text(framework.description)} ({based})"}
    return Framework.model_validate(data)
