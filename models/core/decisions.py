"""Decisions: where a startup stands in the fund's process, and the decision the framework's
thresholds suggest.

A **decision** records a status (:data:`STATUSES`), the date it was taken, who took it and why.
A startup keeps every decision it was given, oldest first; the last one is its current status.

A **suggestion** comes from the overall score under a perspective and the framework's
:class:`DecisionThresholds`:

* ``pass`` when a deal-breaker fires (the startup is gated), whatever its score;
* ``pursue`` when the overall score is at least ``pursue`` (65 by default);
* ``watch`` when it is at least ``watch`` (45 by default);
* ``pass`` below that;
* no suggestion when nothing is scored.

Taking a suggestion sets the status :data:`SUGGESTED_STATUS` names: ``pursue`` moves the
startup into ``diligence``, ``watch`` to ``watch``, ``pass`` to ``passed``. Scores are compared
as computed (not rounded), so 64.999 is below a threshold of 65.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Status = Literal["screening", "diligence", "committee", "invested", "passed", "watch"]
#: The statuses in the order of the process (the last two leave it or park the startup).
STATUSES: tuple[str, ...] = ("screening", "diligence", "committee", "invested", "passed",
                             "watch")
Suggestion = Literal["pursue", "watch", "pass"]
SUGGESTIONS: tuple[str, ...] = ("pursue", "watch", "pass")
#: The status that taking a suggestion sets.
SUGGESTED_STATUS: dict[str, str] = {"pursue": "diligence", "watch": "watch", "pass": "passed"}


_NAMES: dict[str, dict[str, str]] = {
    "en": {"screening": "Screening", "diligence": "Diligence", "committee": "Committee",
           "invested": "Invested", "passed": "Passed", "watch": "Watch",
           "suggest.pursue": "Pursue", "suggest.watch": "Watch", "suggest.pass": "Pass"},
    "zh_CN": {"screening": "初筛", "diligence": "尽调", "committee": "投委会",
              "invested": "已投资", "passed": "已放弃", "watch": "观察",
              "suggest.pursue": "推进", "suggest.watch": "观察", "suggest.pass": "放弃"},
}


def status_name(status: str, lang: str = "en") -> str:
    """A status's display name in ``lang`` (English when the language is not known)."""
    return _NAMES.get(lang, _NAMES["en"])[status]


def suggestion_name(suggestion: str, lang: str = "en") -> str:
    """A suggestion's display name in ``lang`` (English when the language is not known)."""
    return _NAMES.get(lang, _NAMES["en"])["suggest." + suggestion]


class Decision(BaseModel):
    """One decision about a startup.

    Attributes:
        status: one of :data:`STATUSES`.
        date: when it was taken.
        by: who took it (free text: a name or a committee).
        rationale: why (free text).
    """

    model_config = ConfigDict(extra="forbid", validate_assignment=True)

    status: Status
    date: dt.date = Field(default_factory=dt.date.today)
    by: str = ""
    rationale: str = ""


class DecisionThresholds(BaseModel):
    """The overall scores (0–100) at which the framework suggests pursuing or watching a
    startup; ``watch`` may not exceed ``pursue``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    pursue: float = Field(default=65.0, ge=0, le=100, allow_inf_nan=False)
    watch: float = Field(default=45.0, ge=0, le=100, allow_inf_nan=False)

    @model_validator(mode="after")
    def _ordered(self) -> DecisionThresholds:
        if self.watch > self.pursue:
            raise ValueError(f"watch: {self.watch:g} is above pursue ({self.pursue:g}); "
                             "the watch threshold must not exceed the pursue threshold")
        return self


def suggest_decision(overall: float | None, gated: bool,
                     thresholds: DecisionThresholds) -> str | None:
    """The suggestion (``pursue``, ``watch``, ``pass``) for an overall score, or ``None``
    when nothing is scored (see the module notes)."""
    if overall is None or overall != overall:
        return None
    if gated:
        return "pass"
    if overall >= thresholds.pursue:
        return "pursue"
    return "watch" if overall >= thresholds.watch else "pass"
