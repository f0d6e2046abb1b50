"""What the history names things by: startups by their name, assessments by assessor, role
and date, criteria by their name in the framework, values as short display text.

A change outlives what it is about, so :class:`Names` takes the names of startups and
assessments that are gone from the changes that removed them, and names a criterion the
current framework no longer has by its name in the framework version in force at the change
(or the last version that had it; :class:`models.history.timeline.Timeline`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from models.core.framework import Framework, text
from models.core.portfolio import Assessment, Portfolio
from models.history.texts import label
from models.history.timeline import Timeline
from models.store.changelog import Change, Kind

#: Display text longer than this is cut, with an ellipsis, in :func:`short`.
SHORT_LENGTH = 60
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class AssessmentRef:
    """Who made an assessment, as what, and when (``date`` as ISO text)."""

    id: str
    assessor: str
    role: str
    date: str

    @classmethod
    def of(cls, assessment: Assessment) -> AssessmentRef:
        """The reference of an assessment."""
        return cls(assessment.id, assessment.assessor, assessment.role,
                   assessment.date.isoformat())

    @classmethod
    def of_json(cls, data: Mapping[str, Any]) -> AssessmentRef:
        """The reference of an assessment as the change log keeps it (JSON)."""
        return cls(str(data["id"]), str(data.get("assessor", "")),
                   str(data.get("role", "founder")), str(data.get("date", "")))

    def label(self, lang: str = "en") -> str:
        """``assessor (role, date)`` in ``lang``."""
        return label("assessment_label", lang).format(
            assessor=self.assessor or label("unnamed", lang), role=label(self.role, lang),
            date=self.date)


@dataclass
class Names:
    """The names the history shows: the framework's criteria, startups and assessments by id.

    Build it with :meth:`of`; an id it does not know is shown as it is.
    """

    framework: Framework
    startups: dict[str, str] = field(default_factory=dict)
    assessments: dict[str, AssessmentRef] = field(default_factory=dict)
    #: the framework versions the portfolio has used and when each was in force
    timeline: Timeline | None = None

    @classmethod
    def of(cls, portfolio: Portfolio, changes: Iterable[Change] = (),
           timeline: Timeline | None = None) -> Names:
        """The names of the startups and assessments ``changes`` (newest first) are about:
        from ``portfolio`` for those it holds, from the changes that removed or added the
        others; criteria the framework lacks from ``timeline``."""
        changes = list(changes)
        wanted = {c.startup_id for c in changes}
        names = cls(portfolio.framework, timeline=timeline)
        for s in portfolio.startups:
            if s.id in wanted:
                names.startups[s.id] = s.name
                names.assessments.update((a.id, AssessmentRef.of(a)) for a in s.assessments)
        for c in changes:
            names.learn(c)
        return names

    def learn(self, change: Change) -> None:
        """Take the names of items ``change`` removed or added that are not known yet (the
        newest name wins when the changes are read newest first)."""
        if change.kind is Kind.STARTUP_REMOVE:
            startup = change.old["startup"]
            self.startups.setdefault(str(startup["id"]), str(startup["name"]))
            for a in startup.get("assessments", []):
                self.assessments.setdefault(str(a["id"]), AssessmentRef.of_json(a))
        elif change.kind is Kind.ASSESSMENT_REMOVE:
            a = change.old["assessment"]
            self.assessments.setdefault(str(a["id"]), AssessmentRef.of_json(a))
        elif change.kind is Kind.STARTUP_INSERT and change.startup_id is not None:
            self.startups.setdefault(change.startup_id, str(change.new["name"]))

    def startup(self, startup_id: str | None) -> str:
        """A startup's name (its id when not known, ``""`` for none)."""
        if startup_id is None:
            return ""
        return self.startups.get(startup_id, startup_id)

    def criterion(self, criterion_id: str, lang: str = "en",
                  at: dt.datetime | None = None) -> str:
        """A criterion's name in ``lang``. One the framework lacks is named as the version in
        force at ``at`` (or the last version that had it) names it, with both versions
        ("Immaturity edge (not in beachhead.llm-startups 2.0.0; named as in 1.0.0)"), or by
        its id when no version had it."""
        if criterion_id in self.framework.criterion_index:
            return text(self.framework.criterion(criterion_id).name, lang)
        then = self.timeline.naming(criterion_id, at) if self.timeline else None
        if then is not None:
            return label("former_criterion", lang).format(
                name=text(then.criterion(criterion_id).name, lang), id=self.framework.id,
                version=self.framework.version, then=then.version)
        return label("unknown_criterion", lang).format(id=criterion_id)


def one_line(value: str) -> str:
    """``value`` on one line: every run of spaces, line breaks and tabs becomes one space."""
    return _SPACES.sub(" ", value).strip()


def short(value: str, length: int = SHORT_LENGTH) -> str:
    """``value`` on one line, cut to ``length`` characters with an ellipsis."""
    flat = one_line(value)
    return flat if len(flat) <= length else flat[:length - 1].rstrip() + "…"


def field_value(field_name: str | None, value: Any, lang: str = "en") -> str:
    """A field's value as display text (in full; :func:`short` cuts it): a level or
    ``—``, a confidence or role in ``lang``, tags joined by commas, texts as they are."""
    if value is None or value == "" or value == []:
        return label("none", lang)
    if field_name in ("confidence", "role"):
        return label(str(value), lang)
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)
