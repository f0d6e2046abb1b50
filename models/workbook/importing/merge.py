"""Merging what an import read into a portfolio: :func:`plan_merge` works out the changes
without making them (the app applies them as one undoable command), :func:`merge_into` makes
a new portfolio with them.

**Startups keep their identity.** An imported startup joins a startup of the portfolio (or
one imported earlier in the batch) that has the same id (a Beachhead export carries its
startups' ids), else the same exact name; two startups one workbook keeps apart by their ids
never end up in one. A startup whose name only looks like another's (the same after
ignoring case and spacing: ``Acme`` and ``ACME ``) is added as a new startup, with a note
naming both: it is never merged silently.

**Duplicates are skipped and reported.** An assessment of the same startup, by the same
assessor (ignoring case and spacing) on the same date as one in the portfolio, or one imported
earlier in the batch, is not added; a note names both. Re-importing the same files is
therefore harmless; a corrected file with the same date must replace the old assessment by
hand (delete it, then import).

**Decisions** (an export's Decisions sheet) come with their startup: a new startup keeps
them; an existing one gets those it does not have yet (same status, date, by and rationale),
its decisions then ordered by date, so the latest becomes its current status.

**Weights.** A workbook whose Framework sheet holds other weights than the portfolio's
framework (people edit them there, and the workbook's formulas re-score with them) is scored
with those weights in the workbook. A *new* portfolio (``adopt_weights``) takes them, as a
new version of the framework with a changelog entry naming the weights changed
(:func:`models.core.framework_identity.successor`), so that it is never mistaken for the
framework it came from; when the workbooks disagree, it
keeps the framework's weights. An *existing* portfolio never has its framework changed by an
import: it keeps its weights, and a note says which file holds which other weights.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models.core.decisions import Decision
from models.core.errors import InputError, Problem
from models.core.framework import Framework
from models.core.framework_identity import successor
from models.core.portfolio import Assessment, Portfolio, Startup, new_id
from models.files.framework_file import shipped_frameworks
from models.workbook.guard.texts import speaking
from models.workbook.importing.cells import identity_key
from models.workbook.importing.problem_texts import say
from models.workbook.importing.report import FileResult, ImportReport


@dataclass
class MergePlan:
    """What merging a report into a portfolio does (the portfolio itself is not touched).

    Attributes:
        new_startups: startups to append, in order (fresh objects).
        new_assessments: ``(existing startup id, assessment)`` pairs to append.
        field_updates: ``(existing startup id, field, value)``: empty sector, stage, region,
            website, notes or tags filled from the import, and ``decisions``: the startup's
            decisions with those imported added.
        duplicates: one notice per assessment skipped as a duplicate.
        look_alikes: one notice per imported startup kept apart from a look-alike.
        framework: the framework the merged portfolio takes (the workbooks' weights), or
            ``None`` to keep the portfolio's.
        weight_notes: what the workbooks' weights are and what became of them.
    """

    new_startups: list[Startup] = field(default_factory=list)
    new_assessments: list[tuple[str, Assessment]] = field(default_factory=list)
    field_updates: list[tuple[str, str, object]] = field(default_factory=list)
    duplicates: list[Problem] = field(default_factory=list)
    look_alikes: list[Problem] = field(default_factory=list)
    framework: Framework | None = None
    weight_notes: list[Problem] = field(default_factory=list)

    @property
    def added(self) -> int:
        """Assessments added, to new and to existing startups."""
        return len(self.new_assessments) + sum(len(s.assessments) for s in self.new_startups)

    @property
    def notices(self) -> list[Problem]:
        """Every note of the merge: duplicates, look-alikes, weights."""
        return [*self.duplicates, *self.look_alikes, *self.weight_notes]


_FILLABLE = ("sector", "stage", "region", "website", "notes", "tags")


class _Index:
    """The startups a merge can join: the portfolio's and the batch's new ones."""

    def __init__(self, portfolio: Portfolio) -> None:
        self.used = {s.id for s in portfolio.startups} | {
            a.id for s in portfolio.startups for a in s.assessments}
        self.by_id: dict[str, Startup] = {}
        self.by_name: dict[str, Startup] = {}
        self.by_key: dict[str, list[Startup]] = {}
        self.where: dict[str, str] = {}
        self.file: dict[str, str] = {}  # new startup id → the file it came from
        # startup id → (file, workbook id) of the first imported startup that joined it
        self.carried: dict[str, tuple[str, str]] = {}
        self.seen: dict[tuple[str, str, dt.date], tuple[Assessment, str]] = {}
        for st in portfolio.startups:
            self.add(st, say("in_portfolio"))
            for a in st.assessments:
                self.seen.setdefault((st.id, identity_key(a.assessor), a.date),
                                     (a, say("seen_in_portfolio")))

    def add(self, st: Startup, where: str) -> None:
        self.by_id.setdefault(st.id, st)
        self.by_name.setdefault(st.name, st)
        self.by_key.setdefault(identity_key(st.name), []).append(st)
        self.where.setdefault(st.id, where)

    def match(self, st: Startup, path: str, carried: bool) -> Startup | None:
        """The startup ``st`` (from the file ``path``) joins: same id, else same exact name
        unless that startup already stands for another startup of the same workbook."""
        if carried and st.id in self.by_id:
            return self.by_id[st.id]
        target = self.by_name.get(st.name)
        if target is None:
            return None
        other = self.carried.get(target.id)
        if carried and other is not None and other[0] == path and other[1] != st.id:
            return None
        return target


def plan_merge(portfolio: Portfolio, report: ImportReport, *,
               adopt_weights: bool = False) -> MergePlan:
    """Work out what :func:`merge_into` would do, without changing anything (see the module
    description for the rules).

    Args:
        portfolio: the portfolio to merge into.
        report: what was read.
        adopt_weights: the portfolio is new: it takes the workbooks' weights when they
            differ from its framework's (and agree with each other).

    Raises:
        InputError: the report holds refused files and ``skip_bad`` was not set (all or
            nothing: every problem of every file is in the error).
        ValueError: the report was read against another framework than the portfolio's.
    """
    with speaking(report.lang):  # the notes in the language the report was read in
        return _plan(portfolio, report, adopt_weights)


def _plan(portfolio: Portfolio, report: ImportReport, adopt_weights: bool) -> MergePlan:
    if not report.importable:
        raise InputError(report.problems)
    fw, rfw = portfolio.framework, report.framework
    if (fw.id, fw.version) != (rfw.id, rfw.version):
        raise ValueError(f"the report was read for framework '{rfw.id}' {rfw.version}, the "
                         f"portfolio uses '{fw.id}' {fw.version}")
    plan = MergePlan()
    index = _Index(portfolio)
    filled: set[tuple[str, str]] = set()
    new_ids: set[str] = set()
    decided: dict[str, list[Decision]] = {}
    for result in report.imported:
        for st in result.startups:
            carried = st.id in result.workbook_ids
            target = index.match(st, result.path, carried)
            is_new = target is None
            if target is None:
                target = _new_startup(plan, index, result, st, carried)
                new_ids.add(target.id)
            elif carried:
                index.carried.setdefault(target.id, (result.path, st.id))
            _fill(plan, target, st, target.id in new_ids, filled)
            _assessments(plan, index, result, st, target, target.id in new_ids)
            if not is_new:
                _decisions(target, st, target.id in new_ids, decided)
    plan.field_updates.extend((sid, "decisions", ds) for sid, ds in decided.items())
    _weights(plan, portfolio, report, adopt_weights)
    return plan


def _new_startup(plan: MergePlan, index: _Index, result: FileResult, st: Startup,
                 carried: bool) -> Startup:
    """A new startup for ``st`` (its workbook id kept when free), with a note for each
    look-alike it is kept apart from."""
    sid = st.id if carried and st.id not in index.used else new_id()
    draft = st.model_copy(update={"id": sid, "assessments": []})
    index.used.add(sid)
    where = _origin(result, st)
    for other in index.by_key.get(identity_key(st.name), []):
        if index.file.get(other.id) == result.path:
            continue  # the file's own look-alikes: the reader has noted them
        how = say("merge_same" if other.name == st.name else "merge_case")
        plan.look_alikes.append(Problem(result.path, where, say(
            "look_alike_merge", name=st.name, how=how, other=other.name,
            where=index.where[other.id])))
    plan.new_startups.append(draft)
    index.add(draft, say("imported_from", path=result.path))
    index.file[sid] = result.path
    if carried:
        index.carried[sid] = (result.path, st.id)
    return draft


def _origin(result: FileResult, st: Startup) -> str:
    for a in st.assessments:
        if a.id in result.origins:
            return result.origins[a.id]
    return ""


def _fill(plan: MergePlan, target: Startup, st: Startup, is_new: bool,
          filled: set[tuple[str, str]]) -> None:
    """Empty fields of ``target`` filled from ``st``."""
    for name in _FILLABLE:
        value = getattr(st, name)
        if not value or getattr(target, name):
            continue
        if is_new:
            setattr(target, name, value)
        elif (target.id, name) not in filled:
            filled.add((target.id, name))
            plan.field_updates.append((target.id, name, value))


def _decisions(target: Startup, st: Startup, is_new: bool,
               decided: dict[str, list[Decision]]) -> None:
    """The decisions of ``st`` that ``target`` does not have yet: added to a startup new in
    this batch, or kept in ``decided`` (startup id → its new list) for an existing one."""
    have = target.decisions if is_new else decided.get(target.id, target.decisions)
    seen = {(d.status, d.date, d.by, d.rationale) for d in have}
    added = [d for d in st.decisions if (d.status, d.date, d.by, d.rationale) not in seen]
    if not added:
        return
    merged = sorted([*have, *added], key=lambda d: d.date)
    if is_new:
        target.decisions = merged
    else:
        decided[target.id] = merged


def _assessments(plan: MergePlan, index: _Index, result: FileResult, st: Startup,
                 target: Startup, is_new: bool) -> None:
    for a in st.assessments:
        where = result.origins.get(a.id, "")
        key = (target.id, identity_key(a.assessor), a.date)
        if key in index.seen:
            first, first_where = index.seen[key]
            same = say("same_scores" if first.scores == a.scores else "other_scores")
            plan.duplicates.append(Problem(result.path, where, say(
                "duplicate", name=target.name, assessor=a.assessor or say("unnamed_assessor"),
                date=a.date.isoformat(), where=first_where, same=same)))
            continue
        index.seen[key] = (a, say("seen_imported_at" if where else "seen_imported",
                                  path=result.path, where=where))
        if is_new:
            target.assessments.append(a)
        else:
            plan.new_assessments.append((target.id, a))


def _weights(plan: MergePlan, portfolio: Portfolio, report: ImportReport,
             adopt: bool) -> None:
    fw = portfolio.framework
    read = [f for f in report.imported if f.weights is not None]
    changed = [f for f in read if f.weights and f.weights.changes]
    if not changed:
        return
    same = len({f.weights.key() for f in read if f.weights}) == 1
    ident = say("ident", id=fw.id, version=fw.version)
    for f in changed:
        assert f.weights is not None
        head = say("weights_head", ident=ident, changes=say("change_sep").join(
            f.weights.changes))
        if adopt and same:
            plan.framework = successor(fw, f.weights.apply(fw), shipped_frameworks())
            new = plan.framework
            tail = say("weights_adopted", id=new.id, version=new.version, ident=ident)
        else:
            tail = say("weights_differ" if adopt else "weights_kept", ident=ident)
        plan.weight_notes.append(Problem(f.path, "Framework", say("weights_note", head=head,
                                                                  tail=tail)))


def merge_into(portfolio: Portfolio, report: ImportReport, *, adopt_weights: bool = False
               ) -> tuple[Portfolio, list[Problem]]:
    """A new portfolio: ``portfolio`` with the report's startups and assessments merged in
    (and, with ``adopt_weights``, the workbooks' weights: see :func:`plan_merge`).

    ``portfolio`` is not changed. Startups and assessments the merge does not touch are
    shared with it, not copied (copy the result before editing both).

    Returns:
        ``(merged portfolio, notices)``: duplicates skipped, look-alikes kept apart, weights.

    Raises:
        InputError: refused files and no ``skip_bad`` (nothing is merged).
        ValueError: the report was read against another framework.
    """
    plan = plan_merge(portfolio, report, adopt_weights=adopt_weights)
    adds: dict[str, list[Assessment]] = {}
    for sid, a in plan.new_assessments:
        adds.setdefault(sid, []).append(a)
    updates: dict[str, dict[str, object]] = {}
    for sid, name, value in plan.field_updates:
        updates.setdefault(sid, {})[name] = value
    startups = []
    for st in portfolio.startups:
        if st.id in adds or st.id in updates:
            st = st.model_copy(update={"assessments": [*st.assessments, *adds.get(st.id, [])],
                                       **updates.get(st.id, {})})
        startups.append(st)
    startups.extend(plan.new_startups)
    merged = Portfolio(framework=plan.framework or portfolio.framework, startups=startups)
    return merged, plan.notices
