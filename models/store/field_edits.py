"""Edits of one value, each written with its change-log row in the caller's transaction: a
field of a criterion's score, of a startup or of an assessment, and the framework (the
operations of :mod:`models.core.edits` on the workspace's rows).

A value is validated as the model's field would validate it before it is written; setting a
field to the value it already has changes nothing and records nothing. An edit given the value
its editor saw (``expected``) writes nothing and raises :class:`~models.store.conflicts.Conflict`
when the field holds another value now (:mod:`models.store.conflicts`).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from pydantic import BaseModel

from models.core.edits import RemovedScore
from models.core.framework import Framework
from models.core.portfolio import Assessment, Score, Startup
from models.store import rows
from models.store.changelog import Kind
from models.store.conflicts import UNCHECKED, Target, check
from models.store.frameworks import framework_version
from models.store.schema import PORTFOLIO_ROW, assessments, portfolio, rounds, scores, startups
from models.store.writes import Tx


def _owner(tx: Tx, assessment_id: str) -> str:
    sid = tx.conn.execute(sa.select(assessments.c.startup_id)
                          .where(assessments.c.id == assessment_id)).scalar()
    if sid is None:
        raise KeyError(f"assessment {assessment_id!r}")
    return str(sid)


def _next_score_position(tx: Tx, assessment_id: str) -> int:
    top = tx.conn.execute(sa.select(sa.func.max(scores.c.position))
                          .where(scores.c.assessment_id == assessment_id)).scalar()
    return 0 if top is None else int(top) + 1


def _checked(cls: type[BaseModel], field: str, expected: object) -> object:
    return expected if expected is UNCHECKED else rows.checked_field(cls, field, expected)


def set_score_field(tx: Tx, assessment_id: str, criterion_id: str, field: str,
                    value: object, expected: object = UNCHECKED) -> None:
    """Set one field of a criterion's score, adding the score (after the assessment's others)
    if the criterion has none (whose field then counts as its default for ``expected``); the
    assessment is then marked as scored under the current framework."""
    value = rows.checked_field(Score, field, value)
    expected = _checked(Score, field, expected)
    version, framework = tx.framework()
    if criterion_id not in framework.criterion_index:
        raise KeyError(f"criterion {criterion_id!r} is not in framework '{framework.id}' "
                       f"{framework.version}")
    sid = _owner(tx, assessment_id)
    key = (scores.c.assessment_id == assessment_id) & (scores.c.criterion_id == criterion_id)
    old = tx.conn.execute(sa.select(scores.c[field]).where(key)).first()
    check(tx.conn, Target(sid, field, assessment_id, criterion_id), expected,
          getattr(Score(), field) if old is None else old[0], value)
    if old is None:
        row = rows.score_row(assessment_id, criterion_id,
                             _next_score_position(tx, assessment_id), Score())
        tx.conn.execute(sa.insert(scores).values({**row, field: value}))
        kind, before = Kind.SCORE_NEW, None
    elif old[0] == value:
        return
    else:
        tx.conn.execute(sa.update(scores).where(key).values({field: value}))
        kind, before = Kind.SCORE_FIELD, old[0]
    tx.conn.execute(sa.update(assessments)
                    .where(assessments.c.id == assessment_id,
                           assessments.c.framework_version_id != version)
                    .values(framework_version_id=version))
    tx.log.add(kind, startup_id=sid, assessment_id=assessment_id, criterion_id=criterion_id,
               field=field, old=before, new=value)


def set_startup_field(tx: Tx, startup_id: str, field: str, value: object,
                      expected: object = UNCHECKED) -> None:
    """Set a startup's ``name``, ``sector``, ``stage``, ``region``, ``tags``, ``notes`` or
    ``website``."""
    value = rows.checked_field(Startup, field, value)
    expected = _checked(Startup, field, expected)
    old = tx.conn.execute(sa.select(startups.c[field])
                          .where(startups.c.id == startup_id)).first()
    if old is None:
        raise KeyError(f"startup {startup_id!r}")
    check(tx.conn, Target(startup_id, field), expected, old[0], value)
    if old[0] == value:
        return
    tx.conn.execute(sa.update(startups).where(startups.c.id == startup_id)
                    .values({field: value}))
    tx.log.add(Kind.STARTUP_FIELD, startup_id=startup_id, field=field, old=old[0], new=value)


def set_assessment_field(tx: Tx, assessment_id: str, field: str, value: object,
                         expected: object = UNCHECKED) -> None:
    """Set an assessment's ``assessor``, ``role`` or ``date``."""
    value = rows.checked_field(Assessment, field, value)
    expected = _checked(Assessment, field, expected)
    old = tx.conn.execute(sa.select(assessments.c.startup_id, assessments.c[field])
                          .where(assessments.c.id == assessment_id)).first()
    if old is None:
        raise KeyError(f"assessment {assessment_id!r}")
    check(tx.conn, Target(old[0], field, assessment_id), expected, old[1], value)
    if old[1] == value:
        return
    tx.conn.execute(sa.update(assessments).where(assessments.c.id == assessment_id)
                    .values({field: value}))
    tx.log.add(Kind.ASSESSMENT_FIELD, startup_id=old[0], assessment_id=assessment_id,
               field=field, old=old[1], new=value)


# -- the framework -----------------------------------------------------------------------------

def _scores_outside(tx: Tx, known: set[str]) -> list[dict[str, Any]]:
    """The scores of criteria not in ``known``, with their owners and ranks in their
    assessments (each assessment's scores in order)."""
    s, a = scores.c, assessments.c
    query = (sa.select(a.startup_id, s.assessment_id, s.criterion_id, s.position, s.value,
                       s.confidence, s.rationale, s.evidence)
             .join_from(scores, assessments, a.id == s.assessment_id)
             .order_by(s.assessment_id, s.position))
    found = []
    rank: dict[str, int] = {}
    for r in tx.conn.execute(query).mappings():
        index = rank[r["assessment_id"]] = rank.get(r["assessment_id"], -1) + 1
        if r["criterion_id"] not in known:
            found.append({**r, "index": index})
    return found


def replace_framework(tx: Tx, framework: Framework, *,
                      drop_scored: bool = False) -> list[RemovedScore]:
    """Make ``framework`` the portfolio's (a new framework version row unless the workspace
    had it already). Scores of criteria it lacks are taken out and returned, as
    :func:`models.core.edits.replace_framework` does (scored ones only with ``drop_scored``),
    each recorded whole in the change log (``score.remove``), so that the history and the
    portfolio as of an earlier moment still show it.

    Raises:
        ValueError: without ``drop_scored``, a score with a level, rationale or evidence
            names a criterion the new framework lacks; or a round of independent scoring
            is open, whose scores a team workspace hides (nothing is changed).
    """
    framework = Framework.model_validate(framework.model_dump())
    hidden = tx.conn.execute(
        sa.select(rounds.c.id, startups.c.name)
        .join_from(rounds, startups, startups.c.id == rounds.c.startup_id)
        .where(rounds.c.revealed_at.is_(None), rounds.c.locked_at.is_(None))
        .order_by(rounds.c.id).limit(1)).first()
    if hidden is not None:
        raise ValueError(f"{hidden[1]}: round {hidden[0]} of independent scoring is still "
                         "open, its scores unseen; reveal it before replacing the framework")
    outside = _scores_outside(tx, set(framework.criterion_ids))
    for r in [] if drop_scored else outside:
        if r["value"] is not None or r["rationale"] or r["evidence"]:
            raise ValueError(f"assessment {r['assessment_id']} scores {r['criterion_id']}, "
                             "which the new framework does not have")
    removed: list[RemovedScore] = []
    for r in reversed(outside):
        score = rows.score_of(r["value"], r["confidence"], r["rationale"], r["evidence"])
        tx.conn.execute(sa.delete(scores).where(
            (scores.c.assessment_id == r["assessment_id"])
            & (scores.c.criterion_id == r["criterion_id"])))
        tx.log.add(Kind.SCORE_REMOVE, startup_id=r["startup_id"],
                   assessment_id=r["assessment_id"], criterion_id=r["criterion_id"],
                   old={"index": r["index"], "score": score.model_dump(mode="json")})
        removed.append((r["assessment_id"], r["criterion_id"], score))
    old_version, old = tx.framework()
    version = framework_version(tx.conn, framework, tx.log.at, tx.log.who)
    tx.conn.execute(sa.update(portfolio).where(portfolio.c.id == PORTFOLIO_ROW)
                    .values(framework_version_id=version))
    tx.framework_changed(version, framework)
    tx.log.add(Kind.FRAMEWORK, field="framework",
               old={"version_id": old_version, "framework": f"{old.id} {old.version}"},
               new={"version_id": version, "framework": f"{framework.id} {framework.version}"})
    removed.reverse()
    return removed


def restore_scores(tx: Tx, removed: Iterable[RemovedScore]) -> None:
    """Put back scores :func:`replace_framework` took out (each after its assessment's
    others, as :func:`models.core.edits.restore_scores` does); those of an assessment
    removed since (by another window or program) are gone with it."""
    _, framework = tx.framework()
    for aid, cid, score in removed:
        if cid not in framework.criterion_index:
            raise KeyError(f"criterion {cid!r} is not in framework '{framework.id}' "
                           f"{framework.version}")
        score = Score.model_validate(score.model_dump())
        try:
            sid = _owner(tx, aid)
        except KeyError:
            continue
        tx.conn.execute(sa.insert(scores).values(
            rows.score_row(aid, cid, _next_score_position(tx, aid), score)))
        tx.log.add(Kind.SCORE_RESTORE, startup_id=sid, assessment_id=aid, criterion_id=cid,
                   new=score.model_dump(mode="json"))
