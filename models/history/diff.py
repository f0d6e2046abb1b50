"""What changed between two sides (:mod:`models.history.sides`): between two moments of one
startup, or between two assessments of it.

* per criterion, the levels before and after, the confidences, and the rationales (changed or
  not, with both texts) where the side has them;
* the overall and pillar scores before and after;
* the postures and deal-breakers that appeared or vanished.

Between two moments (:func:`diff_moments`), the startup is taken as of each moment
(:meth:`Workspace.as_of <models.store.workspace.Workspace.as_of>`) and compared under a
perspective (the investor view by default), under the framework of each moment; each
assessment present at both moments is compared too, and the assessments added and removed
between them are listed.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models.core.framework import Framework, text
from models.core.portfolio import Assessment, Portfolio, Startup
from models.engine.perspectives import Perspective
from models.history.names import AssessmentRef
from models.history.sides import Side, assessment_side, view_side
from models.history.texts import label
from models.store.workspace import Workspace

#: Scores closer than this are the same score.
SAME_SCORE = 1e-9


@dataclass(frozen=True)
class CriterionDiff:
    """One criterion on both sides (``None``: not scored there, or no rationale to show)."""

    criterion_id: str
    name: str
    pillar: str
    level_before: int | None
    level_after: int | None
    confidence_before: str | None
    confidence_after: str | None
    rationale_before: str | None = None
    rationale_after: str | None = None

    @property
    def level_changed(self) -> bool:
        return self.level_before != self.level_after

    @property
    def confidence_changed(self) -> bool:
        return self.confidence_before != self.confidence_after

    @property
    def rationale_changed(self) -> bool:
        return (self.rationale_before or "") != (self.rationale_after or "")

    @property
    def changed(self) -> bool:
        """Its level, confidence or rationale differs."""
        return self.level_changed or self.confidence_changed or self.rationale_changed


@dataclass(frozen=True)
class ScoreDiff:
    """The overall (``id`` ``overall``) or a pillar's score on both sides, 0–100."""

    id: str
    name: str
    before: float | None
    after: float | None

    @property
    def delta(self) -> float | None:
        """After minus before (``None`` when either is missing)."""
        return None if self.before is None or self.after is None else self.after - self.before

    @property
    def changed(self) -> bool:
        if self.before is None or self.after is None:
            return self.before is not self.after
        return abs(self.after - self.before) > SAME_SCORE


@dataclass(frozen=True)
class ResultDiff:
    """Two sides compared (see the module notes); rule names in the diff's language."""

    framework_before: str
    framework_after: str
    criteria: list[CriterionDiff]
    overall: ScoreDiff
    pillars: list[ScoreDiff]
    postures_appeared: list[str]
    postures_vanished: list[str]
    deal_breakers_appeared: list[str]
    deal_breakers_vanished: list[str]

    @property
    def changed_criteria(self) -> list[CriterionDiff]:
        return [c for c in self.criteria if c.changed]

    @property
    def changed(self) -> bool:
        """Anything differs: a criterion, a score, a rule, the framework."""
        return bool(self.changed_criteria or self.overall.changed
                    or any(p.changed for p in self.pillars) or self.postures_appeared
                    or self.postures_vanished or self.deal_breakers_appeared
                    or self.deal_breakers_vanished
                    or self.framework_before != self.framework_after)


@dataclass(frozen=True)
class AssessmentChange:
    """An assessment present on both sides, as it was and as it became."""

    before: AssessmentRef
    after: AssessmentRef
    diff: ResultDiff


@dataclass(frozen=True)
class StartupDiff:
    """A startup between two moments (see the module notes). ``name_before`` or
    ``name_after`` is ``None`` where the startup did not exist."""

    startup_id: str
    name_before: str | None
    name_after: str | None
    perspective: str
    view: ResultDiff
    assessments: list[AssessmentChange]
    added: list[AssessmentRef]
    removed: list[AssessmentRef]


def diff_sides(before: Side, after: Side, lang: str = "en") -> ResultDiff:
    """Compare two sides, criteria and pillars in the later framework's order, then those
    only the earlier one has."""
    frameworks = (after.framework, before.framework)
    criteria = _ids([[c.id for c in fw.criteria] for fw in frameworks])
    pillars = _ids([[p.id for p in fw.pillars] for fw in frameworks])
    return ResultDiff(
        framework_before=_version(before.framework), framework_after=_version(after.framework),
        criteria=[_criterion(cid, before, after, lang) for cid in criteria],
        overall=ScoreDiff("overall", label("overall", lang), before.overall, after.overall),
        pillars=[ScoreDiff(pid, _pillar_name(pid, frameworks, lang, score=True),
                           before.pillars.get(pid), after.pillars.get(pid)) for pid in pillars],
        postures_appeared=_gone(after.postures, before.postures),
        postures_vanished=_gone(before.postures, after.postures),
        deal_breakers_appeared=_gone(after.deal_breakers, before.deal_breakers),
        deal_breakers_vanished=_gone(before.deal_breakers, after.deal_breakers))


def diff_assessments(startup: Startup, first: Assessment, second: Assessment,
                     framework: Framework, lang: str = "en") -> ResultDiff:
    """Two assessments of ``startup`` compared (``first`` as before, ``second`` as after),
    both scored under ``framework``."""
    return diff_sides(assessment_side(startup, first, framework, lang),
                      assessment_side(startup, second, framework, lang), lang)


def diff_startups(before: Startup | None, framework_before: Framework, after: Startup | None,
                  framework_after: Framework, perspective: Perspective | str = "investor",
                  lang: str = "en") -> StartupDiff:
    """A startup at two moments (``None`` where it did not exist), each under its own
    framework (see the module notes)."""
    if isinstance(perspective, str):
        perspective = Perspective.parse(perspective)
    either = after or before
    old = {a.id: a for a in before.assessments} if before else {}
    new = {a.id: a for a in after.assessments} if after else {}
    changes = [] if before is None or after is None else _assessment_changes(
        before, framework_before, after, framework_after, lang)
    return StartupDiff(
        startup_id=either.id if either else "", perspective=perspective.name,
        name_before=before.name if before else None, name_after=after.name if after else None,
        view=diff_sides(view_side(before, framework_before, perspective, lang),
                        view_side(after, framework_after, perspective, lang), lang),
        assessments=changes,
        added=[AssessmentRef.of(a) for aid, a in new.items() if aid not in old],
        removed=[AssessmentRef.of(a) for aid, a in old.items() if aid not in new])


def _assessment_changes(before: Startup, framework_before: Framework, after: Startup,
                        framework_after: Framework, lang: str) -> list[AssessmentChange]:
    """The assessments present at both moments that changed, in the later order."""
    old = {a.id: a for a in before.assessments}
    changes = []
    for a in after.assessments:
        if a.id not in old:
            continue
        change = diff_sides(assessment_side(before, old[a.id], framework_before, lang),
                            assessment_side(after, a, framework_after, lang), lang)
        refs = AssessmentRef.of(old[a.id]), AssessmentRef.of(a)
        if change.changed or refs[0] != refs[1]:
            changes.append(AssessmentChange(*refs, change))
    return changes


def diff_moments(ws: Workspace, startup_id: str, before: dt.datetime | None,
                 after: dt.datetime | None = None, *, current: Portfolio | None = None,
                 perspective: Perspective | str = "investor", lang: str = "en") -> StartupDiff:
    """A startup of ``ws`` as of ``before`` and as of ``after`` compared (``None``: now).

    ``current`` is the workspace's portfolio as it is now, if the caller holds it (see
    :meth:`Workspace.as_of <models.store.workspace.Workspace.as_of>`).

    Raises:
        InputError: a moment before the workspace was created.
    """
    if current is None:
        current = ws.load()
    first = current if before is None else ws.as_of(before, current=current)
    second = current if after is None else ws.as_of(after, current=current)
    return diff_startups(_find(first, startup_id), first.framework,
                         _find(second, startup_id), second.framework, perspective, lang)


def _find(portfolio: Portfolio, startup_id: str) -> Startup | None:
    return next((s for s in portfolio.startups if s.id == startup_id), None)


def _ids(lists: list[list[str]]) -> list[str]:
    return list(dict.fromkeys(i for ids in lists for i in ids))


def _version(framework: Framework) -> str:
    return f"{framework.id} {framework.version}"


def _gone(these: dict[str, str], those: dict[str, str]) -> list[str]:
    return [name for rid, name in these.items() if rid not in those]


def _pillar_name(pid: str, frameworks: tuple[Framework, ...], lang: str,
                 score: bool = False) -> str:
    for fw in frameworks:
        for p in fw.pillars:
            if p.id == pid:
                return p.score_name(lang) if score else text(p.name, lang)
    return pid


def _criterion(cid: str, before: Side, after: Side, lang: str) -> CriterionDiff:
    fw = after.framework if cid in after.framework.criterion_index else before.framework
    criterion = fw.criterion(cid)
    pillar = _pillar_name(criterion.pillar_id, (fw,), lang)
    no_rationale = before.rationale is None and after.rationale is None
    return CriterionDiff(
        cid, text(criterion.name, lang), pillar,
        before.levels.get(cid), after.levels.get(cid),
        before.confidence.get(cid), after.confidence.get(cid),
        None if no_rationale else (before.rationale or {}).get(cid),
        None if no_rationale else (after.rationale or {}).get(cid))
