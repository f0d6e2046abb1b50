"""Rounds of independent scoring: a partner opens a round on a startup; each assessor scores
it in an assessment of their own that belongs to the round and submits it; a partner reveals
the round; the committee records a consensus assessment, which locks the round.

>>> rid = ws.open_round(startup_id)                                   # doctest: +SKIP
>>> aid = ws.start_round_assessment(rid)            # "Ann", role investor, in the round
>>> ws.set_score_field(aid, "niche.segment_focus", "value", 4)
>>> ws.submit(aid)
>>> ws.reveal(rid)
>>> table = ws.consensus_table(rid)                 # models.core.consensus
>>> ws.record_consensus(rid, table.proposal(), {"tech.threshold": "why we settled on 3"})

Each step is one write transaction with its change-log rows (kinds ``round.*``). The rows of
joining and submitting name the startup and the round but not the assessment (its id is in
the new value): on a team workspace the database hides the rows naming a round assessment,
and its scores, from everyone but its owner until the round is revealed
(:mod:`models.store.policies`), while who scores and who has submitted stays visible to all.
Taking a join back (:mod:`models.store.replay`) removes the assessment when the row that
added it was hidden. The consensus is an assessment by :data:`CONSENSUS_ASSESSOR` (role
investor) in the round, each score's rationale and change-log comment the committee's
comment on that criterion; which criteria need one is :mod:`models.core.consensus`'s rule.

Refused with :class:`RoundError` (a ``ValueError`` naming the startup and the round): a
second round on a startup while one is not locked, scoring twice or after the reveal,
submitting after the reveal or twice, revealing twice or with no submission, a consensus
before the reveal, twice, or without a needed comment, and any edit of an assessment of a
revealed or locked round (the edit methods below check first): once revealed, only the
consensus may differ from what each assessor scored alone. A team workspace's database enforces the
same (and who may do what: opening, revealing and recording take a partner) by itself; in a
file, with one user, nothing is hidden and anyone may take every step.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, Literal

import sqlalchemy as sa

from models.core.consensus import ConsensusTable, consensus_table
from models.core.portfolio import Assessment
from models.store import field_edits, item_edits, writes
from models.store.changelog import Kind
from models.store.editing import WorkspaceEdits
from models.store.loading import read_assessments, startup_position
from models.store.schema import assessments, rounds, startups

#: The assessor name of a round's consensus assessment.
CONSENSUS_ASSESSOR: Final = "Consensus"
#: The group whose members may open and reveal rounds and record consensus on a server.
PARTNER_ROLE: Final = "beachhead_partner"

Stage = Literal["open", "revealed", "locked"]


class RoundError(ValueError):
    """A step of a round that its state does not allow (the message names the startup and
    the round)."""


@dataclass(frozen=True)
class RoundMember:
    """One assessor's assessment in a round (``owner``: its database role, ``None`` in a
    file)."""

    assessment_id: str
    assessor: str
    owner: str | None
    submitted_at: dt.datetime | None

    @property
    def submitted(self) -> bool:
        """The assessor has submitted it."""
        return self.submitted_at is not None


@dataclass(frozen=True)
class RoundState:
    """A round as it stands: when and by whom it was opened, revealed and locked, its
    consensus assessment, and its members (the assessors' assessments, the consensus left
    out, in the startup's order)."""

    id: int
    startup_id: str
    startup: str
    opened_at: dt.datetime
    opened_by: str
    revealed_at: dt.datetime | None
    locked_at: dt.datetime | None
    consensus_id: str | None
    members: tuple[RoundMember, ...]

    @property
    def stage(self) -> Stage:
        """``open`` (scoring, hidden), ``revealed`` (consensus to record) or ``locked``."""
        if self.locked_at is not None:
            return "locked"
        return "revealed" if self.revealed_at is not None else "open"

    @property
    def submitted(self) -> list[RoundMember]:
        """The members who have submitted."""
        return [m for m in self.members if m.submitted]

    def refuse(self, what: str) -> RoundError:
        """The error saying ``what`` is wrong with a step on this round."""
        return RoundError(f"{self.startup}, round {self.id}: {what}")


def _moment(at: dt.datetime | None) -> str:
    return at.isoformat(timespec="seconds") if at else ""


class WorkspaceRounds(WorkspaceEdits):
    """The round methods of :class:`models.store.workspace.Workspace` (see the module
    notes)."""

    _db_role: str | None = None

    if TYPE_CHECKING:  # provided by the workspace
        def _reading(self) -> contextlib.AbstractContextManager[None]:
            ...

    # -- reading -------------------------------------------------------------------------------
    def rounds(self, startup_id: str) -> list[RoundState]:
        """The rounds of a startup, oldest first."""
        with self._reading():
            ids = self._conn.execute(sa.select(rounds.c.id)
                                     .where(rounds.c.startup_id == startup_id)
                                     .order_by(rounds.c.id)).scalars().all()
            return [_state(self._conn, int(i)) for i in ids]

    def latest_round(self, startup_id: str) -> RoundState | None:
        """The startup's newest round (``None``: it has none)."""
        found = self.rounds(startup_id)
        return found[-1] if found else None

    def round_state(self, round_id: int) -> RoundState:
        """A round as it stands (``KeyError`` if there is none)."""
        with self._reading():
            return _state(self._conn, round_id)

    def consensus_table(self, round_id: int) -> ConsensusTable:
        """The consensus view of a revealed round: the submitted assessments' levels under
        the current framework (:mod:`models.core.consensus`)."""
        with self._reading():
            state = _state(self._conn, round_id)
            if state.stage == "open":
                raise state.refuse("the scores are not revealed yet")
            return consensus_table(self._frameworks.current(self._conn)[1],
                                   _submitted(self._conn, state))

    def is_partner(self) -> bool:
        """May open and reveal rounds and record consensus: anyone in a file; on a server, a
        member of the partners' group, or the workspace's administrator (who owns its
        tables)."""
        if self.server is None:
            return True
        query = sa.text(
            "SELECT pg_has_role(current_user, c.relowner, 'USAGE') OR EXISTS (SELECT FROM "
            "pg_roles g WHERE g.rolname = :g AND pg_has_role(current_user, g.oid, 'MEMBER'))"
            " FROM pg_class c WHERE c.oid = CAST(:t AS regclass)")
        with self._reading():
            return bool(self._conn.execute(query, {"g": PARTNER_ROLE, "t": rounds.name})
                        .scalar())

    def own_member(self, state: RoundState) -> RoundMember | None:
        """This workspace's user's assessment in ``state``: on a server the one its database
        role owns, in a file the one under its name (:attr:`who`)."""
        role = self._role()
        for m in state.members:
            if (m.owner == role) if role and m.owner else (m.assessor == self.who):
                return m
        return None

    def _role(self) -> str | None:
        if self.server is None:
            return None
        if self._db_role is None:
            with self._reading():
                self._db_role = str(self._conn.execute(sa.text("SELECT current_user"))
                                    .scalar_one())
        return self._db_role

    # -- the steps -----------------------------------------------------------------------------
    def open_round(self, startup_id: str, comment: str | None = None) -> int:
        """Open a round of independent scoring on a startup; returns its number."""
        with self._write(comment) as tx:
            startup_position(tx.conn, startup_id)
            last = self.latest_round(startup_id)
            if last is not None and last.stage != "locked":
                raise last.refuse(f"is still {last.stage} (opened {_moment(last.opened_at)} "
                                  f"by {last.opened_by}); lock it with a consensus first")
            round_id = int(tx.conn.execute(sa.insert(rounds).values(
                startup_id=startup_id, opened_at=tx.log.at, opened_by=self.who)
                .returning(rounds.c.id)).scalar_one())
            tx.log.add(Kind.ROUND_OPEN, startup_id=startup_id, field="round",
                       new={"round": round_id})
            return round_id

    def start_round_assessment(self, round_id: int, assessor: str | None = None,
                               comment: str | None = None) -> str:
        """Start this user's assessment in an open round (``assessor``: the name it is
        under, by default :attr:`who`; role investor, dated today, no scores yet); returns
        its id."""
        name = (assessor if assessor is not None else self.who).strip() or self.who
        with self._write(comment) as tx:
            state = _state(tx.conn, round_id)
            if state.stage != "open":
                raise state.refuse(f"is {state.stage}; scoring in it has ended")
            role = self._role()
            mine = next((m for m in state.members if (m.owner == role if role and m.owner
                                                       else m.assessor == name)), None)
            if mine is not None:
                raise state.refuse(f"{mine.assessor} is scoring in it already "
                                   f"(assessment {mine.assessment_id})")
            made = Assessment(assessor=name, role="investor", date=dt.date.today())
            # the join first: taken back after the insertion (see the module notes)
            tx.log.add(Kind.ROUND_JOIN, startup_id=state.startup_id, field="round",
                       new={"round": round_id, "assessment": made.id, "assessor": name})
            at = writes.count(tx.conn, assessments, state.startup_id)
            item_edits.insert_assessment(tx, state.startup_id, at, made)
            tx.conn.execute(sa.update(assessments).where(assessments.c.id == made.id)
                            .values(round_id=round_id))
            return made.id

    def submit(self, assessment_id: str, comment: str | None = None) -> None:
        """Mark an assessment of an open round as submitted."""
        with self._write(comment) as tx:
            state = _state(tx.conn, _round_of(tx.conn, assessment_id))
            member = next(m for m in state.members if m.assessment_id == assessment_id)
            if state.stage != "open":
                raise state.refuse(f"is {state.stage}; {member.assessor}'s assessment can no "
                                   "longer be submitted")
            if member.submitted:
                raise state.refuse(f"{member.assessor} submitted already, at "
                                   f"{_moment(member.submitted_at)}")
            done = tx.conn.execute(sa.update(assessments)
                                   .where(assessments.c.id == assessment_id)
                                   .values(submitted_at=tx.log.at))
            if done.rowcount != 1:
                raise PermissionError(f"{self.location}: {state.startup}, round {state.id}: "
                                      f"only its owner may submit {member.assessor}'s "
                                      "assessment")
            tx.log.add(Kind.ROUND_SUBMIT, startup_id=state.startup_id, field="submitted",
                       new={"round": state.id, "assessment": assessment_id,
                            "assessor": member.assessor})

    def reveal(self, round_id: int, comment: str | None = None) -> None:
        """Show every member's scores to everyone; submissions end."""
        with self._write(comment) as tx:
            state = _state(tx.conn, round_id)
            if state.stage != "open":
                raise state.refuse(f"was revealed already, at {_moment(state.revealed_at)}")
            if not state.submitted:
                raise state.refuse("nobody has submitted yet; nothing to reveal")
            _set_round(tx.conn, round_id, revealed_at=tx.log.at)
            tx.log.add(Kind.ROUND_REVEAL, startup_id=state.startup_id, field="revealed",
                       new={"round": round_id, "submitted": len(state.submitted),
                            "members": len(state.members)})

    def record_consensus(self, round_id: int, levels: Mapping[str, int | None],
                         comments: Mapping[str, str], comment: str | None = None) -> str:
        """Record the committee's consensus on a revealed round and lock it: a new
        assessment by :data:`CONSENSUS_ASSESSOR` in the round, scored at ``levels`` (a
        criterion missing from them is left unscored), each score's rationale and change-log
        comment the criterion's comment from ``comments``; returns its id.

        Raises:
            RoundError: the round is not revealed or is locked, or a criterion that needs a
                comment (:mod:`models.core.consensus`) has none.
            KeyError: a criterion the framework lacks.
        """
        with self._write(comment) as tx:
            state = _state(tx.conn, round_id)
            if state.stage != "revealed":
                raise state.refuse("the scores are not revealed yet" if state.stage == "open"
                                   else f"is locked (consensus recorded at "
                                   f"{_moment(state.locked_at)})")
            framework = tx.framework()[1]
            for cid in [*levels, *comments]:
                framework.criterion(cid)  # KeyError for a criterion it lacks
            table = consensus_table(framework, _submitted(tx.conn, state))
            missing = table.missing_comments(levels, comments)
            if missing:
                raise state.refuse("a comment is needed on every criterion whose consensus "
                                   "departs from the proposal or whose assessors are 2 levels "
                                   f"apart or more: {', '.join(missing)}")
            made = Assessment(assessor=CONSENSUS_ASSESSOR, role="investor",
                              date=dt.date.today())
            at = writes.count(tx.conn, assessments, state.startup_id)
            item_edits.insert_assessment(tx, state.startup_id, at, made)
            for cid in framework.criterion_ids:
                _consensus_score(self, made.id, cid, levels.get(cid), comments.get(cid, ""))
            tx.conn.execute(sa.update(assessments).where(assessments.c.id == made.id)
                            .values(round_id=round_id, submitted_at=tx.log.at))
            _set_round(tx.conn, round_id, consensus_id=made.id, locked_at=tx.log.at)
            tx.log.add(Kind.ROUND_CONSENSUS, startup_id=state.startup_id, field="consensus",
                       new={"round": round_id, "assessment": made.id,
                            "changed": table.changed(levels)})
            return made.id

    # -- edits of a revealed or locked round's assessments are refused --------------------------
    def set_score_field(self, assessment_id: str, *args: Any, **kwargs: Any) -> Any:
        with self._write(None) as tx:
            _refuse_locked(tx.conn, [assessment_id])
            return super().set_score_field(assessment_id, *args, **kwargs)

    def set_assessment_field(self, assessment_id: str, *args: Any, **kwargs: Any) -> Any:
        with self._write(None) as tx:
            _refuse_locked(tx.conn, [assessment_id])
            return super().set_assessment_field(assessment_id, *args, **kwargs)

    def remove_assessment(self, assessment_id: str, *args: Any, **kwargs: Any) -> Any:
        with self._write(None) as tx:
            _refuse_locked(tx.conn, [assessment_id])
            return super().remove_assessment(assessment_id, *args, **kwargs)

    def restore_scores(self, removed: Iterable[Any], *args: Any, **kwargs: Any) -> Any:
        removed = list(removed)
        with self._write(None) as tx:
            _refuse_locked(tx.conn, [aid for aid, _, _ in removed])
            return super().restore_scores(removed, *args, **kwargs)


def _state(conn: sa.Connection, round_id: int) -> RoundState:
    r = rounds.c
    row = conn.execute(sa.select(rounds, startups.c.name)
                       .join_from(rounds, startups, startups.c.id == r.startup_id)
                       .where(r.id == round_id)).mappings().first()
    if row is None:
        raise KeyError(f"round {round_id}")
    a = assessments.c
    found = conn.execute(sa.select(a.id, a.assessor, a.owner, a.submitted_at)
                         .where(a.round_id == round_id).order_by(a.position)).all()
    members = tuple(RoundMember(str(i), str(who), owner, at) for i, who, owner, at in found
                    if i != row["consensus_id"])
    return RoundState(int(row["id"]), str(row["startup_id"]), str(row["name"]),
                      row["opened_at"], str(row["opened_by"]), row["revealed_at"],
                      row["locked_at"], row["consensus_id"], members)


def _round_of(conn: sa.Connection, assessment_id: str) -> int:
    found = conn.execute(sa.select(assessments.c.round_id)
                         .where(assessments.c.id == assessment_id)).first()
    if found is None:
        raise KeyError(f"assessment {assessment_id!r}")
    if found[0] is None:
        raise RoundError(f"assessment {assessment_id} is not part of a round of independent "
                         "scoring")
    return int(found[0])


def _submitted(conn: sa.Connection, state: RoundState) -> list[Assessment]:
    """The submitted members' assessments, in the round's order."""
    ids = [m.assessment_id for m in state.submitted]
    found = {a.id: a for _, _, a in read_assessments(conn, ids)}
    return [found[i] for i in ids if i in found]


def _set_round(conn: sa.Connection, round_id: int, **values: object) -> None:
    conn.execute(sa.update(rounds).where(rounds.c.id == round_id).values(**values))


def _consensus_score(ws: WorkspaceRounds, assessment_id: str, criterion_id: str,
                     level: int | None, comment: str) -> None:
    """One score of a consensus: its level and, as rationale, the comment, which is also the
    comment of its change-log rows. Nothing for a criterion left unscored without one."""
    comment = comment.strip()
    if level is None and not comment:
        return
    with ws._write(comment or None) as tx:
        field_edits.set_score_field(tx, assessment_id, criterion_id, "value", level)
        if comment:
            field_edits.set_score_field(tx, assessment_id, criterion_id, "rationale", comment)


def _refuse_locked(conn: sa.Connection, assessment_ids: Sequence[str]) -> None:
    """Raise :class:`RoundError` if one of these assessments belongs to a round that is
    revealed (its scoring has ended: only the consensus may differ) or locked."""
    if not assessment_ids:
        return
    a, r = assessments.c, rounds.c
    found = conn.execute(
        sa.select(a.assessor, r.id, r.revealed_at, r.locked_at, startups.c.name)
        .join_from(assessments, rounds, r.id == a.round_id)
        .join(startups, startups.c.id == a.startup_id)
        .where(a.id.in_(sorted(set(assessment_ids))),
               r.revealed_at.is_not(None) | r.locked_at.is_not(None))).first()
    if found is not None:
        who, rid, shown, at, name = found
        why = (f"locked since {_moment(at)} (consensus recorded)" if at is not None else
               f"revealed at {_moment(shown)} (the consensus records any change)")
        raise RoundError(f"{name}, round {rid}: {why}; {who}'s assessment can no longer be "
                         "changed")
