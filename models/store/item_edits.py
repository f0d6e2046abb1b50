"""Edits that add or take out whole items, each written with its change-log rows in the
caller's transaction: a startup (with its assessments, scores and decisions), an assessment
(with its scores), a startup's decisions, and many of them at once (an import and its undo).
These are the operations of :mod:`models.core.edits` on the workspace's rows.

Positions stay dense. A startup or an assessment taken out is recorded whole, with the place
it had when it was taken out, so that the change log can bring it back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import sqlalchemy as sa

from models.core.decisions import Decision
from models.core.edits import FieldValue
from models.core.portfolio import Assessment, Startup
from models.store import rows, writes
from models.store.changelog import Kind
from models.store.field_edits import set_startup_field
from models.store.loading import (
    chunks,
    read_assessments,
    read_decisions,
    read_startups,
    startup_position,
)
from models.store.schema import assessments, decisions, rounds, startups
from models.store.writes import Tx


def _checked(tx: Tx, new: Sequence[Startup], added: Sequence[Assessment]
             ) -> tuple[list[Startup], list[Assessment]]:
    """Startups and assessments validated afresh, their criteria and ids checked."""
    checked = [rows.checked_startup(s) for s in new]
    more = [rows.checked_assessment(a) for a in added]
    _, framework = tx.framework()
    rows.check_criteria([a for s in checked for a in s.assessments] + more, framework)
    writes.check_new_ids(tx.conn, checked, more)
    return checked, more


def insert_startup(tx: Tx, index: int, startup: Startup) -> int:
    """Insert ``startup`` (with its assessments and decisions) at ``index`` (as
    ``list.insert`` places it); returns the position it took."""
    (startup,), _ = _checked(tx, [startup], [])
    position = writes.placed_at(index, writes.count(tx.conn, startups))
    writes.shift(tx.conn, startups, position)
    writes.insert_startups(tx.conn, [(position, startup)], tx.framework()[0])
    tx.log.add(Kind.STARTUP_INSERT, startup_id=startup.id,
               new={"position": position, "name": startup.name,
                    "assessments": len(startup.assessments)})
    return position


def remove_startup(tx: Tx, startup_id: str) -> tuple[int, Startup]:
    """Remove a startup with its assessments and decisions; returns its former position and
    the startup (``KeyError`` if there is none)."""
    found = read_startups(tx.conn, [startup_id])
    if not found:
        raise KeyError(f"startup {startup_id!r}")
    (position, startup), = found
    _refuse_open_round(tx, startup)
    _record_removal(tx, position, startup)
    tx.conn.execute(sa.delete(startups).where(startups.c.id == startup_id))
    writes.shift(tx.conn, startups, position + 1, -1)
    return position, startup


def _refuse_open_round(tx: Tx, startup: Startup) -> None:
    """A startup with a round of independent scoring not yet locked is not removed: the
    removal's change row would keep the round's scores where everyone can read them (or,
    for a role that cannot see them, lose them)."""
    open_round = tx.conn.execute(sa.select(rounds.c.id).where(
        rounds.c.startup_id == startup.id, rounds.c.locked_at.is_(None))).scalar()
    if open_round is not None:
        raise ValueError(f"{startup.name}: round {open_round} of independent scoring is still "
                         "open; record its consensus before removing the startup")


def _record_removal(tx: Tx, position: int, startup: Startup) -> None:
    tx.log.add(Kind.STARTUP_REMOVE, startup_id=startup.id,
               old={"position": position, "startup": startup.model_dump(mode="json")})


def insert_assessment(tx: Tx, startup_id: str, index: int, assessment: Assessment) -> int:
    """Insert ``assessment`` into a startup at ``index``; returns the position it took."""
    startup_position(tx.conn, startup_id)
    _, (assessment,) = _checked(tx, [], [assessment])
    position = writes.placed_at(index, writes.count(tx.conn, assessments, startup_id))
    writes.shift(tx.conn, assessments, position, 1, startup_id)
    writes.insert_assessments(tx.conn, [(startup_id, position, assessment)],
                              tx.framework()[0])
    tx.log.add(Kind.ASSESSMENT_INSERT, startup_id=startup_id, assessment_id=assessment.id,
               new={"position": position, "label": assessment.label()})
    return position


def remove_assessment(tx: Tx, assessment_id: str) -> tuple[str, int, Assessment]:
    """Remove an assessment with its scores; returns its startup's id, its former position
    and the assessment (``KeyError`` if there is none)."""
    found = read_assessments(tx.conn, [assessment_id])
    if not found:
        raise KeyError(f"assessment {assessment_id!r}")
    (sid, position, assessment), = found
    tx.log.add(Kind.ASSESSMENT_REMOVE, startup_id=sid, assessment_id=assessment_id,
               old={"position": position, "assessment": assessment.model_dump(mode="json")})
    tx.conn.execute(sa.delete(assessments).where(assessments.c.id == assessment_id))
    writes.shift(tx.conn, assessments, position + 1, -1, sid)
    return sid, position, assessment


def set_decisions(tx: Tx, startup_id: str, new: Sequence[Decision]) -> list[Decision]:
    """Replace a startup's decisions (oldest first); returns the previous ones."""
    checked = [Decision.model_validate(d.model_dump()) for d in new]
    old = read_decisions(tx.conn, startup_id)
    if old == checked:
        return old
    tx.conn.execute(sa.delete(decisions).where(decisions.c.startup_id == startup_id))
    if checked:
        tx.conn.execute(sa.insert(decisions), rows.decision_rows(startup_id, checked))
    tx.log.add(Kind.DECISIONS, startup_id=startup_id, field="decisions",
               old=[d.model_dump(mode="json") for d in old],
               new=[d.model_dump(mode="json") for d in checked])
    return old


def add_many(tx: Tx, new: Sequence[Startup], added: Sequence[tuple[str, Assessment]],
             fields: Iterable[FieldValue] = ()) -> None:
    """Set ``fields`` of existing startups, append ``new`` startups, and append each
    ``(startup id, assessment)`` to its existing startup: an import, in one transaction."""
    for sid, field, value in fields:
        set_startup_field(tx, sid, field, value)
    checked, more = _checked(tx, new, [a for _, a in added])
    version = tx.framework()[0]
    first = writes.count(tx.conn, startups)
    writes.insert_startups(tx.conn, [(first + i, s) for i, s in enumerate(checked)], version)
    for i, s in enumerate(checked):
        tx.log.add(Kind.STARTUP_INSERT, startup_id=s.id,
                   new={"position": first + i, "name": s.name,
                        "assessments": len(s.assessments)})
    next_place: dict[str, int] = {}
    placed = []
    for (sid, _), a in zip(added, more, strict=True):
        if sid not in next_place:
            startup_position(tx.conn, sid)
            next_place[sid] = writes.count(tx.conn, assessments, sid)
        placed.append((sid, next_place[sid], a))
        next_place[sid] += 1
    writes.insert_assessments(tx.conn, placed, version)
    for sid, pos, a in placed:
        tx.log.add(Kind.ASSESSMENT_INSERT, startup_id=sid, assessment_id=a.id,
                   new={"position": pos, "label": a.label()})


def remove_many(tx: Tx, startup_ids: Iterable[str], assessment_ids: Iterable[str],
                fields: Iterable[FieldValue] = ()) -> None:
    """Set ``fields`` of startups, then remove startups and assessments by id (the inverse
    of :func:`add_many`, given the fields' former values). Ids not in the workspace are
    passed over."""
    for sid, field, value in fields:
        set_startup_field(tx, sid, field, value)
    gone = set(startup_ids)
    found = [f for f in read_assessments(tx.conn, sorted(set(assessment_ids)))
             if f[0] not in gone]
    for sid, pos, a in sorted(found, key=lambda f: (f[0], -f[1])):
        tx.log.add(Kind.ASSESSMENT_REMOVE, startup_id=sid, assessment_id=a.id,
                   old={"position": pos, "assessment": a.model_dump(mode="json")})
    for part in chunks([a.id for _, _, a in found]):
        tx.conn.execute(sa.delete(assessments).where(assessments.c.id.in_(part)))
    for sid in sorted({sid for sid, _, _ in found}):
        writes.renumber(tx.conn, assessments, sid)
    removed = read_startups(tx.conn, sorted(gone))
    for position, startup in reversed(removed):
        _refuse_open_round(tx, startup)
        _record_removal(tx, position, startup)
    for part in chunks([s.id for _, s in removed]):
        tx.conn.execute(sa.delete(startups).where(startups.c.id.in_(part)))
    if removed:
        writes.renumber(tx.conn, startups)
