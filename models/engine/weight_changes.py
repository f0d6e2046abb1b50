"""Which weights a portfolio's framework uses, when they are not the framework's defaults.

The framework is compared with the framework Beachhead ships
(:func:`models.files.framework_file.default_framework`) when it has the same id (any version
of it), or when it is a framework of its own (id ``custom.…``,
:func:`models.core.framework_release.new_framework`) with the same pillars and criteria:
every pillar weight, criterion weight and pillar switched on or off that differs is named.
Any other framework, or a custom one whose pillars or criteria are not the default's, is
named as a framework with weights of its own. Outputs (the workbook's Summary, the report)
say so in their own words.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from models.core.framework import Framework
from models.files.framework_file import default_framework

#: The id prefix of frameworks made from another one with changed weights.
CUSTOM_PREFIX = "custom."


@dataclass(frozen=True)
class WeightChange:
    """One difference from the default: ``kind`` is ``pillar``, ``criterion`` or ``enabled``
    (a pillar switched on or off); ``name`` holds the pillar's or criterion's name per
    language; ``old`` and ``new`` are weights (or 1.0/0.0 for on/off)."""

    kind: str
    name: dict[str, str]
    old: float
    new: float


@dataclass(frozen=True)
class WeightsNote:
    """How the framework's weights differ from the defaults.

    Attributes:
        base: ``id version`` of the default framework compared with, or ``""`` when the
            framework could not be compared (then ``custom`` names it).
        custom: the framework's own ``id version`` when it is not the shipped framework.
        changes: every weight that differs (empty when ``base`` is empty).
    """

    base: str
    custom: str
    changes: list[WeightChange] = field(default_factory=list)


def weights_note(framework: Framework) -> WeightsNote | None:
    """How ``framework``'s weights differ from the defaults; ``None`` when they are the
    defaults of the framework it is (see the module notes)."""
    base = default_framework()
    own = f"{framework.id} {framework.version}"
    custom = "" if (framework.id, framework.version) == (base.id, base.version) else own
    if not _same_shape(framework, base):
        return None if not custom else WeightsNote("", custom)
    if framework.id != base.id and not framework.id.startswith(CUSTOM_PREFIX):
        return WeightsNote("", custom)
    changes = _changes(framework, base)
    if not changes:
        return None
    return WeightsNote(f"{base.id} {base.version}", custom, changes)


def _same_shape(a: Framework, b: Framework) -> bool:
    """Whether both frameworks have the same pillars holding the same criteria."""
    return ({p.id: {c.id for c in p.criteria} for p in a.pillars}
            == {p.id: {c.id for c in p.criteria} for p in b.pillars})


def _changes(framework: Framework, base: Framework) -> list[WeightChange]:
    """Every pillar weight, on/off flag and criterion weight that differs, framework order."""
    out = []
    for p in framework.pillars:
        was = base.pillar(p.id)
        if p.enabled != was.enabled:
            out.append(WeightChange("enabled", p.name, float(was.enabled), float(p.enabled)))
        if not _same(p.weight, was.weight):
            out.append(WeightChange("pillar", p.name, was.weight, p.weight))
        for c in p.criteria:
            old = base.criterion(c.id).weight
            if not _same(c.weight, old):
                out.append(WeightChange("criterion", c.name, old, c.weight))
    return out


def _same(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15)
