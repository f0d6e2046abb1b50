"""Edits of a portfolio: each function makes one change to a
:class:`~models.core.portfolio.Portfolio` (or to one of its startups or assessments) and
returns what taking the change back needs. The window's undo commands make every change
through these, by way of its document, which then scores again what the change touched.

New startups and assessments, and copies of them, are made here too, each with fresh ids.
"""

from __future__ import annotations

from collections.abc import Iterable

from models.core.decisions import Decision
from models.core.framework import Framework
from models.core.portfolio import Assessment, Portfolio, Score, Startup, new_id

#: A startup's field set to a value: (startup id, field name, value).
FieldValue = tuple[str, str, object]
#: A score taken out of an assessment: (assessment id, criterion id, the score).
RemovedScore = tuple[str, str, Score]


# -- new items ---------------------------------------------------------------------------------

def new_startup(name: str, assessor: str = "", role: str = "") -> Startup:
    """A startup called ``name`` with one empty assessment by ``assessor``, with ``role``
    (empty: the founder's, as :func:`new_assessment` gives a startup without one)."""
    startup = Startup(name=name)
    startup.assessments.append(new_assessment(startup, assessor, role))
    return startup


def new_assessment(startup: Startup, assessor: str = "", role: str = "") -> Assessment:
    """An empty assessment for ``startup`` by ``assessor``, with ``role`` (``founder``,
    ``investor`` or ``other``; empty: the founder's if the startup has none yet, else an
    investor's)."""
    if role not in ("founder", "investor", "other"):
        role = "investor" if startup.assessments else "founder"
    return Assessment.model_validate({"assessor": assessor, "role": role})


def duplicate_startup(startup: Startup, name: str) -> Startup:
    """A deep copy of ``startup`` under ``name`` with fresh ids for it and its assessments."""
    clone = startup.model_copy(deep=True)
    clone.id = new_id()
    clone.name = name
    for a in clone.assessments:
        a.id = new_id()
    return clone


def copy_assessment(assessment: Assessment, **changes: object) -> Assessment:
    """A deep copy of ``assessment`` with a fresh id and the given fields changed."""
    clone = assessment.model_copy(deep=True)
    clone.id = new_id()
    for field, value in changes.items():
        setattr(clone, field, value)
    return clone


# -- fields ------------------------------------------------------------------------------------

def score_field(assessment: Assessment, criterion_id: str, field: str) -> object:
    """One field (``value``, ``confidence``, ``rationale``, ``evidence``) of a criterion's
    score; the field's default when the criterion has no score yet."""
    score = assessment.scores.get(criterion_id)
    return getattr(score if score is not None else Score(), field)


def set_score_field(assessment: Assessment, criterion_id: str, field: str,
                    value: object) -> None:
    """Set one field of a criterion's score, adding the score if the criterion has none."""
    score = assessment.scores.get(criterion_id)
    if score is None:
        score = assessment.scores[criterion_id] = Score()
    setattr(score, field, value)


def set_field(item: Startup | Assessment, field: str, value: object) -> None:
    """Set a startup's field (``name``, ``sector``, ``stage``, ``region``, ``tags``,
    ``notes``, ``website``) or an assessment's (``assessor``, ``role``, ``date``)."""
    setattr(item, field, value)


def set_startup_fields(portfolio: Portfolio, values: Iterable[FieldValue]) -> None:
    """Set fields of startups of ``portfolio``, each named by the startup's id
    (``KeyError`` if none has it)."""
    values = list(values)
    by_id = startups_by_id(portfolio) if values else {}
    for sid, field, value in values:
        setattr(by_id[sid], field, value)


def startup_fields(portfolio: Portfolio, values: Iterable[FieldValue]) -> list[FieldValue]:
    """The values the fields named in ``values`` have now (to set them back later)."""
    values = list(values)
    by_id = startups_by_id(portfolio) if values else {}
    return [(sid, field, getattr(by_id[sid], field)) for sid, field, _value in values]


# -- startups and assessments ------------------------------------------------------------------

def startups_by_id(portfolio: Portfolio) -> dict[str, Startup]:
    """Every startup of ``portfolio`` by its id (to look many up: one pass, not one each)."""
    return {s.id: s for s in portfolio.startups}


def startup_by_id(portfolio: Portfolio, startup_id: str) -> Startup:
    """The startup with this id; ``KeyError`` if none."""
    return portfolio.startups[startup_index(portfolio, startup_id)]


def startup_index(portfolio: Portfolio, startup_id: str) -> int:
    """The position of the startup with this id; ``KeyError`` if none."""
    for i, s in enumerate(portfolio.startups):
        if s.id == startup_id:
            return i
    raise KeyError(startup_id)


def insert_startup(portfolio: Portfolio, index: int, startup: Startup) -> None:
    """Insert ``startup`` (with its assessments) at ``index``."""
    portfolio.startups.insert(index, startup)


def remove_startup(portfolio: Portfolio, startup_id: str) -> tuple[int, Startup]:
    """Remove a startup with its assessments; returns its former index and the startup."""
    index = startup_index(portfolio, startup_id)
    return index, portfolio.startups.pop(index)


def insert_assessment(startup: Startup, index: int, assessment: Assessment) -> None:
    """Insert ``assessment`` into ``startup`` at ``index``."""
    startup.assessments.insert(index, assessment)


def remove_assessment(startup: Startup, assessment: Assessment) -> int:
    """Remove ``assessment`` from ``startup``; returns its former index."""
    index = startup.assessments.index(assessment)
    startup.assessments.pop(index)
    return index


def add_many(portfolio: Portfolio, startups: list[Startup],
             assessments: list[tuple[str, Assessment]],
             fields: Iterable[FieldValue] = ()) -> None:
    """Set ``fields`` of existing startups, append ``startups``, and append each
    ``(startup id, assessment)`` to its existing startup (an import, as one change)."""
    set_startup_fields(portfolio, fields)
    portfolio.startups.extend(startups)
    by_id = startups_by_id(portfolio) if assessments else {}
    for sid, a in assessments:
        by_id[sid].assessments.append(a)


def remove_many(portfolio: Portfolio, startup_ids: set[str], assessment_ids: set[str],
                fields: Iterable[FieldValue] = ()) -> None:
    """Set ``fields`` of startups, then remove startups and assessments by id (the inverse
    of :func:`add_many`, given the fields' former values)."""
    set_startup_fields(portfolio, fields)
    portfolio.startups[:] = [s for s in portfolio.startups if s.id not in startup_ids]
    for st in portfolio.startups:
        st.assessments[:] = [a for a in st.assessments if a.id not in assessment_ids]


# -- the framework -----------------------------------------------------------------------------

def _scored_outside(portfolio: Portfolio, framework: Framework
                    ) -> list[tuple[Startup, Assessment, list[str]]]:
    known = set(framework.criterion_ids)
    found = []
    for st, a in portfolio.assessments():
        missing = [cid for cid, s in a.scores.items() if cid not in known and
                   (s.value is not None or s.rationale or s.evidence)]
        if missing:
            found.append((st, a, missing))
    return found


def scored_criteria_missing(portfolio: Portfolio, framework: Framework) -> list[str]:
    """Lines naming each assessment that holds a score (level, rationale or evidence) for a
    criterion ``framework`` lacks; empty when the framework can replace the portfolio's."""
    return [f"{st.name}, {a.label()}: {', '.join(missing)}"
            for st, a, missing in _scored_outside(portfolio, framework)]


def replace_framework(portfolio: Portfolio, framework: Framework, *,
                      drop_scored: bool = False) -> list[RemovedScore]:
    """Give ``portfolio`` ``framework`` (new weights, or a whole other framework). Scores of
    criteria the new framework lacks are taken out and returned (for :func:`restore_scores`):
    blank ones always, scored ones (a level, rationale or evidence) only with ``drop_scored``,
    as a migration to another framework does (:mod:`models.core.framework_migration`).

    Raises:
        ValueError: without ``drop_scored``, a score with a level, rationale or evidence
            names a criterion the new framework lacks (nothing is changed).
    """
    offending = [] if drop_scored else _scored_outside(portfolio, framework)
    if offending:
        st, a, missing = offending[0]
        raise ValueError(f"{st.name}: {a.label()} scores {', '.join(missing)}, which the new "
                         "framework does not have")
    known = set(framework.criterion_ids)
    removed: list[RemovedScore] = []
    for _, a in portfolio.assessments():
        for cid in [c for c in a.scores if c not in known]:
            removed.append((a.id, cid, a.scores.pop(cid)))
    portfolio.framework = framework
    return removed


def restore_scores(portfolio: Portfolio, removed: Iterable[RemovedScore]) -> None:
    """Put back the scores :func:`replace_framework` took out."""
    index = {a.id: a for _, a in portfolio.assessments()}
    for aid, cid, score in removed:
        index[aid].scores[cid] = score


# -- decisions ---------------------------------------------------------------------------------

def set_decisions(startup: Startup, decisions: list[Decision]) -> list[Decision]:
    """Replace a startup's decisions (oldest first) with copies of ``decisions``; returns the
    previous list, for undo."""
    old = startup.decisions
    startup.decisions = [d.model_copy() for d in decisions]
    return old


# -- taking in a fresh copy --------------------------------------------------------------------

def refresh_startup(existing: Startup, fresh: Startup) -> bool:
    """Bring ``existing`` up to date with ``fresh`` (the same startup read again, e.g. after
    another program changed it), keeping the startup and assessment objects themselves.
    Returns False, changing nothing, when the two hold different assessments (the caller then
    takes the whole portfolio afresh)."""
    if [a.id for a in existing.assessments] != [a.id for a in fresh.assessments]:
        return False
    for name in type(fresh).model_fields:
        if name != "assessments":
            setattr(existing, name, getattr(fresh, name))
    for old, new in zip(existing.assessments, fresh.assessments, strict=True):
        for name in type(new).model_fields:
            setattr(old, name, getattr(new, name))
    return True
