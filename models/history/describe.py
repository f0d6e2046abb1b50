"""Changes described for people: one :class:`ChangeRow` per change-log entry, saying when,
who, which startup and assessment, what in words ("Runway – level", "name", "decision"), the
value before and after as display text and the comment, in English or Simplified Chinese.

>>> names = Names.of(portfolio, changes)                        # doctest: +SKIP
>>> [describe(c, names, "zh_CN") for c in changes]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from models.core.decisions import status_name
from models.core.portfolio import Portfolio
from models.history.names import AssessmentRef, Names, field_value, short
from models.history.texts import label
from models.history.timeline import Timeline
from models.store.changelog import Change, Kind


@dataclass(frozen=True)
class ChangeRow:
    """One change described (see the module notes).

    Attributes:
        change: the change-log entry.
        startup: the startup's name (``""`` for a change to the whole workspace).
        assessment: the assessment changed, ``None`` for none.
        assessment_label: ``assessor (role, date)`` in the row's language, ``""`` for none.
        what: what changed, in words.
        old, new: the values before and after, short and on one line (``—`` for none).
        old_full, new_full: the same in full (several lines for a score or decisions).
        comment: the comment given with the change, ``""`` for none.
    """

    change: Change
    startup: str
    assessment: AssessmentRef | None
    assessment_label: str
    what: str
    old: str
    new: str
    old_full: str
    new_full: str
    comment: str

    @property
    def at(self) -> dt.datetime:
        """When the change was made (UTC)."""
        return self.change.at

    @property
    def who(self) -> str:
        """Who made it (the name it was recorded under; on a team workspace the database
        role the server recorded is ``change.role``)."""
        return self.change.who

    def as_json(self) -> dict[str, object]:
        """The row for programs: keys not translated, ``old_value``/``new_value`` as the
        change log keeps them, the texts in the row's language."""
        c, a = self.change, self.assessment
        return {
            "id": c.id, "at": c.at.isoformat(), "who": c.who, "db_role": c.role,
            "kind": c.kind.value,
            "startup_id": c.startup_id, "startup": self.startup,
            "assessment_id": c.assessment_id, "assessor": a.assessor if a else None,
            "role": a.role if a else None, "date": a.date if a else None,
            "criterion_id": c.criterion_id, "field": c.field, "what": self.what,
            "old": self.old, "new": self.new, "old_value": c.old, "new_value": c.new,
            "comment": self.comment,
        }


def describe_changes(changes: Sequence[Change], portfolio: Portfolio,
                     lang: str = "en", timeline: Timeline | None = None) -> list[ChangeRow]:
    """Describe ``changes`` (newest first, as the workspace gives them) with the names of
    ``portfolio`` (the workspace's current one), of the items the changes removed and, for
    criteria the current framework no longer has, of the framework versions of ``timeline``
    (``Timeline.of(workspace)``)."""
    names = Names.of(portfolio, changes, timeline)
    return [describe(c, names, lang) for c in changes]


def describe(change: Change, names: Names, lang: str = "en") -> ChangeRow:
    """Describe one change (see the module notes)."""
    what, old, new = _DESCRIBE[change.kind](change, names, lang)
    ref = names.assessments.get(change.assessment_id) if change.assessment_id else None
    if ref is None and change.kind is Kind.ASSESSMENT_REMOVE:
        ref = AssessmentRef.of_json(change.old["assessment"])
    return ChangeRow(
        change=change, startup=names.startup(change.startup_id), assessment=ref,
        assessment_label=ref.label(lang) if ref else "", what=what,
        old=_summary(change.kind, old), new=_summary(change.kind, new), old_full=old,
        new_full=new, comment=change.comment or "")


#: Kinds whose values are shown in full on several lines, the first one a summary.
_SUMMARISED = frozenset({Kind.SCORE_REMOVE, Kind.SCORE_RESTORE, Kind.DECISIONS})


def _summary(kind: Kind, full: str) -> str:
    return short(full.split("\n", 1)[0] if kind in _SUMMARISED else full)


# -- one describer per kind: (what, old in full, new in full) ---------------------------------
Described = tuple[str, str, str]


def _score_field(c: Change, names: Names, lang: str) -> Described:
    what = label("criterion_field", lang).format(
        criterion=names.criterion(str(c.criterion_id), lang, c.at),
        field=label(f"field.{c.field}", lang))
    return what, field_value(c.field, c.old, lang), field_value(c.field, c.new, lang)


def _score(score: dict[str, Any], lang: str) -> str:
    lines = [label("score_short", lang).format(
        level=field_value("value", score.get("value"), lang),
        confidence=label(str(score.get("confidence", "medium")), lang))]
    for key in ("rationale", "evidence"):
        if score.get(key):
            lines.append(label(f"score_{key}", lang).format(text=score[key]))
    return "\n".join(lines)


def _score_moved(c: Change, names: Names, lang: str) -> Described:
    what = label("criterion_field", lang).format(
        criterion=names.criterion(str(c.criterion_id), lang, c.at),
        field=label(c.kind.value, lang))
    if c.kind is Kind.SCORE_REMOVE:
        return what, _score(c.old["score"], lang), label("none", lang)
    return what, label("none", lang), _score(c.new, lang)


def _field(c: Change, names: Names, lang: str) -> Described:
    return (label(f"field.{c.field}", lang), field_value(c.field, c.old, lang),
            field_value(c.field, c.new, lang))


def _startup_item(c: Change, names: Names, lang: str) -> Described:
    none = label("none", lang)
    if c.kind is Kind.STARTUP_REMOVE:
        startup = c.old["startup"]
        return label(c.kind.value, lang), _startup_added(startup["name"], len(
            startup.get("assessments", [])), lang), none
    return label(c.kind.value, lang), none, _startup_added(c.new["name"],
                                                           c.new.get("assessments", 0), lang)


def _startup_added(name: str, assessments: int, lang: str) -> str:
    if not assessments:
        return str(name)
    return label("startup_added", lang).format(name=name, n=assessments)


def _assessment_item(c: Change, names: Names, lang: str) -> Described:
    none = label("none", lang)
    if c.kind is Kind.ASSESSMENT_REMOVE:
        return (label(c.kind.value, lang),
                AssessmentRef.of_json(c.old["assessment"]).label(lang), none)
    ref = names.assessments.get(str(c.assessment_id))
    return label(c.kind.value, lang), none, ref.label(lang) if ref else str(c.new["label"])


def _decisions(c: Change, names: Names, lang: str) -> Described:
    return label(c.kind.value, lang), _decision_list(c.old, lang), _decision_list(c.new, lang)


def _decision_list(decisions: list[dict[str, Any]], lang: str) -> str:
    """The current (last) decision first, on one line; the earlier ones below it, newest
    first, each with who took it and why."""
    if not decisions:
        return label("none", lang)
    last = decisions[-1]
    lines = [label("decision_short", lang).format(status=status_name(last["status"], lang),
                                                  date=last["date"])]
    for d in reversed(decisions):
        line = label("decision_full", lang).format(date=d["date"],
                                                   status=status_name(d["status"], lang))
        if d.get("by"):
            line += label("decision_by", lang).format(by=d["by"])
        if d.get("rationale"):
            line += label("decision_why", lang).format(rationale=d["rationale"])
        lines.append(line)
    return "\n".join(lines)


def _framework(c: Change, names: Names, lang: str) -> Described:
    """The frameworks by id and version; the same ones (new weights, say) also by the
    workspace's number of each framework version."""
    old, new = str(c.old["framework"]), str(c.new["framework"])
    if old == new:
        old, new = (label("framework_revision", lang).format(framework=v["framework"],
                                                             n=v["version_id"])
                    for v in (c.old, c.new))
    return label(c.kind.value, lang), old, new


def _created(c: Change, names: Names, lang: str) -> Described:
    new = c.new or {}
    key = "created_from" if new.get("source") else "created"
    return label(c.kind.value, lang), label("none", lang), label(key, lang).format(
        startups=new.get("startups", 0), framework=new.get("framework", ""),
        source=new.get("source"))


def _round(c: Change, names: Names, lang: str) -> Described:
    """A step of a round of independent scoring: the round, and who joined or submitted, how
    many had submitted when it was revealed, which criteria the consensus changed."""
    new = c.new or {}
    n = new.get("round", "")
    if c.kind in (Kind.ROUND_JOIN, Kind.ROUND_SUBMIT):
        text = label("round_member", lang).format(assessor=new.get("assessor", ""), n=n)
    elif c.kind is Kind.ROUND_REVEAL:
        text = label("round_revealed", lang).format(n=n, submitted=new.get("submitted", 0),
                                                    members=new.get("members", 0))
    elif c.kind is Kind.ROUND_CONSENSUS and new.get("changed"):
        changed = [names.criterion(str(cid), lang, c.at) for cid in new["changed"]]
        text = label("round_consensus", lang).format(n=n, criteria=", ".join(changed))
    elif c.kind is Kind.ROUND_CONSENSUS:
        text = label("round_consensus_kept", lang).format(n=n)
    else:
        text = label("round", lang).format(n=n)
    return label(c.kind.value, lang), label("none", lang), text


_DESCRIBE: dict[Kind, Callable[[Change, Names, str], Described]] = {
    Kind.CREATE: _created, Kind.SCORE_FIELD: _score_field, Kind.SCORE_NEW: _score_field,
    Kind.SCORE_REMOVE: _score_moved, Kind.SCORE_RESTORE: _score_moved,
    Kind.STARTUP_FIELD: _field, Kind.ASSESSMENT_FIELD: _field,
    Kind.STARTUP_INSERT: _startup_item, Kind.STARTUP_REMOVE: _startup_item,
    Kind.ASSESSMENT_INSERT: _assessment_item, Kind.ASSESSMENT_REMOVE: _assessment_item,
    Kind.DECISIONS: _decisions, Kind.FRAMEWORK: _framework,
    Kind.ROUND_OPEN: _round, Kind.ROUND_JOIN: _round, Kind.ROUND_SUBMIT: _round,
    Kind.ROUND_REVEAL: _round, Kind.ROUND_CONSENSUS: _round,
}
