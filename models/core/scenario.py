"""Scenarios: market-level shifts of criterion levels, with **exposure** rules that make the
shift depend on each startup's own levels.

A scenario has

* ``shifts``: criterion id → a change in levels that every row gets (the *base* shifts);
* ``exposure``: rules, each with conditions (``when``, the :class:`Condition` of postures and
  deal-breakers: a criterion's level, a pillar's 0–100 score or the overall score) and shifts
  that a row gets *on top of* the base shifts when the rule holds for it; ``match`` says
  whether all the conditions must hold (the default) or any one of them.

How they combine (applied by :func:`models.engine.scenarios.apply_scenario`): every condition
is checked on the row's levels *before* any shift; the shift of a criterion is the base shift
plus the shifts of every exposure rule that holds, added up; the shifted level is clamped to
1–5 once, at the end; an unscored criterion stays unscored. A scenario needs base shifts or
exposure rules (or both). A framework file without ``exposure`` is read as before: its
scenarios move every row alike.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from models.core.framework_base import (
    Condition,
    LocalText,
    Paragraph,
    Strict,
    check_id,
    check_text,
    check_unique,
    unknown_ref,
)

#: A change in levels; ±4 spans the whole 1–5 scale.
Shift = Annotated[int, Field(ge=-4, le=4)]


class ExposureRule(Strict):
    """Extra shifts for the rows a scenario hits harder (or spares).

    Attributes:
        id: unique within its scenario. name, description: what the exposure is and why it
            changes the shift (the article's reasoning, in the framework's languages).
        source: paragraphs of the article it rests on (1–6).
        match: ``all`` (every condition holds) or ``any`` (at least one holds).
        when: the conditions, on the row's levels and scores before the scenario.
        shifts: criterion id → levels added to the base shift where the rule holds.
    """

    id: str
    name: LocalText
    description: LocalText
    source: list[Paragraph] = Field(default_factory=list)
    match: Literal["all", "any"] = "all"
    when: list[Condition] = Field(min_length=1)
    shifts: dict[str, Shift] = Field(min_length=1)

    _texts = field_validator("name", "description")(check_text)
    _id = field_validator("id")(check_id)


class Scenario(Strict):
    """A market-level shift applied to every row at once, more or less strongly by exposure.

    ``shifts`` maps criterion id to a change in levels (e.g. +2) that every row gets;
    ``exposure`` adds shifts where a row's own levels make it more (or less) exposed. See the
    module notes for how they combine; shifted levels are clamped to 1–5 and unscored criteria
    stay unscored.
    """

    id: str
    name: LocalText
    description: LocalText
    source: list[Paragraph] = Field(default_factory=list)
    shifts: dict[str, Shift] = Field(default_factory=dict)
    exposure: list[ExposureRule] = Field(default_factory=list)

    _texts = field_validator("name", "description")(check_text)
    _id = field_validator("id")(check_id)

    @model_validator(mode="after")
    def _moves_something(self) -> Scenario:
        if not self.shifts and not self.exposure:
            raise ValueError("shifts: a scenario needs shifts, exposure rules or both")
        check_unique("exposure", [r.id for r in self.exposure])
        return self


def check_scenarios(scenarios: list[Scenario], pillar_ids: set[str],
                    criterion_ids: set[str]) -> None:
    """Raise ``ValueError`` naming the field path (``scenarios[i].exposure[j].when[k].ref``) of
    the first id that names no pillar or criterion of the framework, or a repeated scenario id.
    """
    check_unique("scenarios", [s.id for s in scenarios])
    for i, scen in enumerate(scenarios):
        for cid in scen.shifts:
            if cid not in criterion_ids:
                raise ValueError(f"scenarios[{i}].shifts: '{cid}' names no criterion")
        for j, rule in enumerate(scen.exposure):
            where = f"scenarios[{i}].exposure[{j}]"
            for k, cond in enumerate(rule.when):
                problem = unknown_ref(cond, pillar_ids, criterion_ids)
                if problem:
                    raise ValueError(f"{where}.when[{k}].ref: {problem}")
            for cid in rule.shifts:
                if cid not in criterion_ids:
                    raise ValueError(f"{where}.shifts: '{cid}' names no criterion")
