"""The portfolio as it stood at a past moment: the current portfolio with the changes made
since then taken back, newest first.

Backwards from the present rather than forwards from the creation: the present is loaded
fast, and the work grows with the changes made *after* the moment, not with the whole history
(an as-of of last week does not replay last year's import). Each change-log row holds what
taking it back needs (:mod:`models.store.changelog`): the old value of a field, the whole
startup or assessment a removal took out with the place it had, the framework version a
replacement left. Positions in the log are the ones the items had at the time, so taking the
changes back in reverse order puts every item back where it was.

Taking a change back on a portfolio that lacks a later change (a window's copy that has yet
to take in what another window wrote) either comes out as it should or meets an item that is
missing or already there: that raises :class:`Mismatch` (a ``KeyError``) instead of putting
a removed item back beside itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from models.core.decisions import Decision
from models.core.framework import Framework
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.store.changelog import Change, Kind
from models.store.rows import clone_startup, construct


class Mismatch(KeyError):
    """Taking a change back met an item already there, or one missing: the portfolio the
    changes are taken back on is not the one the log leads to."""


def detached(current: Portfolio, changes: Iterable[Change]) -> Portfolio:
    """A portfolio equal to ``current`` that taking back ``changes`` may change without
    changing ``current``: the startups the changes touch are copies, the others (and the
    framework, which is frozen) are shared with ``current``."""
    touched = {c.startup_id for c in changes if c.startup_id is not None}
    startups = [clone_startup(s) if s.id in touched else s for s in current.startups]
    return construct(Portfolio, {**current.__dict__, "startups": startups})


class Replay:
    """Takes changes back on a portfolio (changed in place), newest first."""

    def __init__(self, portfolio: Portfolio, framework: Callable[[int], Framework]) -> None:
        self.portfolio = portfolio
        self._framework = framework
        self._startups = {s.id: s for s in portfolio.startups}
        self._assessments = {a.id: a for s in portfolio.startups for a in s.assessments}
        self._undo: dict[Kind, Callable[[Change], None]] = {
            Kind.SCORE_FIELD: self._score_field, Kind.SCORE_NEW: self._score_out,
            Kind.SCORE_RESTORE: self._score_out, Kind.SCORE_REMOVE: self._score_back,
            Kind.STARTUP_FIELD: self._startup_field, Kind.STARTUP_INSERT: self._startup_out,
            Kind.STARTUP_REMOVE: self._startup_back,
            Kind.ASSESSMENT_FIELD: self._assessment_field,
            Kind.ASSESSMENT_INSERT: self._assessment_out,
            Kind.ASSESSMENT_REMOVE: self._assessment_back,
            Kind.DECISIONS: self._decisions, Kind.FRAMEWORK: self._framework_back,
            Kind.ROUND_JOIN: self._round_join_back, Kind.ROUND_OPEN: _nothing,
            Kind.ROUND_SUBMIT: _nothing, Kind.ROUND_REVEAL: _nothing,
            Kind.ROUND_CONSENSUS: _nothing,
        }

    def take_back(self, changes: Iterable[Change]) -> Portfolio:
        """Take back ``changes`` (newest first); returns the portfolio as it was before."""
        for change in changes:
            undo = self._undo.get(change.kind)
            if undo is None:
                raise ValueError(f"change {change.id} ({change.kind}) cannot be taken back")
            undo(change)
        return self.portfolio

    # -- scores --------------------------------------------------------------------------------
    def _score_field(self, c: Change) -> None:
        setattr(self._assessment(c).scores[str(c.criterion_id)], str(c.field), c.old)

    def _score_out(self, c: Change) -> None:
        del self._assessment(c).scores[str(c.criterion_id)]

    def _score_back(self, c: Change) -> None:
        a = self._assessment(c)
        if c.criterion_id in a.scores:
            raise Mismatch(f"change {c.id}: {c.criterion_id} is already scored")
        items = list(a.scores.items())
        items.insert(int(c.old["index"]), (str(c.criterion_id),
                                           Score.model_validate(c.old["score"])))
        a.scores = dict(items)

    # -- startups ------------------------------------------------------------------------------
    def _startup_field(self, c: Change) -> None:
        setattr(self._startups[str(c.startup_id)], str(c.field), c.old)

    def _startup_out(self, c: Change) -> None:
        startups = self.portfolio.startups
        position = int(c.new["position"])
        if position >= len(startups) or startups[position].id != c.startup_id:
            position = next(i for i, s in enumerate(startups) if s.id == c.startup_id)
        startup = startups.pop(position)
        del self._startups[startup.id]
        for a in startup.assessments:
            del self._assessments[a.id]

    def _startup_back(self, c: Change) -> None:
        startup = Startup.model_validate(c.old["startup"])
        if startup.id in self._startups:
            raise Mismatch(f"change {c.id}: startup {startup.id} is already there")
        self.portfolio.startups.insert(int(c.old["position"]), startup)
        self._startups[startup.id] = startup
        self._assessments.update((a.id, a) for a in startup.assessments)

    def _decisions(self, c: Change) -> None:
        startup = self._startups[str(c.startup_id)]
        startup.decisions = [Decision.model_validate(d) for d in c.old]

    # -- assessments ---------------------------------------------------------------------------
    def _assessment(self, c: Change) -> Assessment:
        return self._assessments[str(c.assessment_id)]

    def _assessment_field(self, c: Change) -> None:
        setattr(self._assessment(c), str(c.field), c.old)

    def _assessment_out(self, c: Change) -> None:
        owner = self._startups[str(c.startup_id)].assessments
        position = int(c.new["position"])
        if position >= len(owner) or owner[position].id != c.assessment_id:
            position = next(i for i, a in enumerate(owner) if a.id == c.assessment_id)
        del self._assessments[owner.pop(position).id]

    def _assessment_back(self, c: Change) -> None:
        assessment = Assessment.model_validate(c.old["assessment"])
        if assessment.id in self._assessments:
            raise Mismatch(f"change {c.id}: assessment {assessment.id} is already there")
        self._startups[str(c.startup_id)].assessments.insert(int(c.old["position"]),
                                                             assessment)
        self._assessments[assessment.id] = assessment

    # -- rounds of independent scoring ---------------------------------------------------------
    def _round_join_back(self, c: Change) -> None:
        """A join is taken back after the assessment's insertion (it is logged before it),
        which took the assessment out already, unless that row was hidden from this reader
        (another's assessment in a round not yet revealed): then the join takes it out."""
        aid = str(c.new["assessment"])
        if aid in self._assessments:
            owner = self._startups[str(c.startup_id)].assessments
            del owner[next(i for i, a in enumerate(owner) if a.id == aid)]
            del self._assessments[aid]

    # -- the framework -------------------------------------------------------------------------
    def _framework_back(self, c: Change) -> None:
        self.portfolio.framework = self._framework(int(c.old["version_id"]))


def _nothing(c: Change) -> None:
    """Taking back a change the portfolio does not hold: a round opened, an assessment
    submitted, a round revealed or locked (rounds are not part of a portfolio; the
    consensus's assessment and scores are taken back by their own changes)."""
