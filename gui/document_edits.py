"""The document's edits: every change a :mod:`gui.commands` undo command makes goes through
one of these ``apply_*`` methods, which writes it to the workspace first (one transaction,
durable on disk and in the change log when it returns; ``OSError`` if refused, with memory
left as it was), then makes it in memory with an operation of :mod:`models.core.edits`,
re-scores what it touched and emits the narrowest signal that says so.

An edit of one value carries the value the window had (``expected``): when the workspace
holds another one (someone else changed it meanwhile) nothing is changed in memory and
:class:`~models.store.conflicts.Conflict` is raised; :meth:`DocumentEdits.take_in_conflict`
then shows the other's value (no lost update: the command asks the user, see
:mod:`gui.commands`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar, cast

from models.core import edits
from models.core.decisions import Decision
from models.core.edits import FieldValue, RemovedScore
from models.core.framework import Framework, Scenario
from models.core.portfolio import Assessment, Portfolio, Startup
from models.store.conflicts import Conflict

if TYPE_CHECKING:
    from gui.document_index import PortfolioIndex
    from models.engine.results import Result
    from models.store.changelog import Change
    from models.store.workspace import Workspace

T = TypeVar("T")


class DocumentEdits:
    """The ``apply_*`` methods of :class:`gui.document.Document` (called by undo commands
    only, but :meth:`apply_step`)."""

    portfolio: Portfolio
    scenario: Scenario | None
    _results: dict[str, Result]
    _index: PortfolioIndex
    # the document's signals
    scoresChanged: Any
    structureChanged: Any
    frameworkChanged: Any
    scenarioChanged: Any
    decisionsChanged: Any
    historyChanged: Any
    workspace: Workspace | None
    #: what a new assessment starts with: its assessor's name and role ('' for either: none,
    #: and the founder's first, then an investor's); the window sets them from Preferences
    assessment_defaults: tuple[str, str] = ("", "")

    if TYPE_CHECKING:  # provided by the document
        def _store(self, write: Callable[[Workspace, str | None], T]) -> T | None:
            ...

        def startup(self, startup_id: str) -> Startup:
            ...

        def rescore_all(self) -> None:
            ...

        def _rescore(self, assessment_id: str) -> None:
            ...

        def _rescore_many(self, assessment_ids: Iterable[str]) -> None:
            ...

        def _reindex(self) -> None:
            ...

        def _changed_one_startup(self, startup_id: str) -> None:
            ...

        def take_in(self, changes: list[Change]) -> None:
            ...

        def _reload(self) -> None:
            ...

    def apply_score_field(self, assessment_id: str, criterion_id: str, field: str,
                          value: object, *, expected: object) -> None:
        """Set one field (``value``, ``confidence``, ``rationale``, ``evidence``) of a score,
        which the window showed as ``expected`` (``Conflict``: see the module notes)."""
        _, a = self._index.assessment(assessment_id)
        self._store(lambda ws, c: ws.set_score_field(assessment_id, criterion_id, field, value,
                                                     c, expected=expected))
        edits.set_score_field(a, criterion_id, field, value)
        if field == "value":
            self._rescore(assessment_id)
        self.scoresChanged.emit(assessment_id)

    def apply_startup_field(self, startup_id: str, field: str, value: object, *,
                            expected: object) -> None:
        """Set a startup's ``name``, ``sector``, ``stage``, ``region``, ``tags`` or ``notes``
        (shown as ``expected``)."""
        st = self.startup(startup_id)
        self._store(lambda ws, c: ws.set_startup_field(startup_id, field, value, c,
                                                       expected=expected))
        edits.set_field(st, field, value)
        if field == "name":
            for a in st.assessments:
                self._rescore(a.id)
        self._changed_one_startup(startup_id)
        self.structureChanged.emit()

    def apply_assessment_field(self, assessment_id: str, field: str, value: object, *,
                               expected: object) -> None:
        """Set an assessment's ``assessor``, ``role`` or ``date`` (shown as ``expected``)."""
        st, a = self._index.assessment(assessment_id)
        self._store(lambda ws, c: ws.set_assessment_field(assessment_id, field, value, c,
                                                          expected=expected))
        edits.set_field(a, field, value)
        self._rescore(assessment_id)
        self._changed_one_startup(st.id)
        self.structureChanged.emit()

    def take_in_conflict(self, conflict: Conflict) -> None:
        """Show the value that made an edit conflict, as the workspace holds it now: the
        change that wrote it is taken in as another window's (:meth:`Document.take_in`);
        with no such change in the log, the whole portfolio is read again."""
        if conflict.change is not None:
            self.take_in([conflict.change])
        else:
            self._reload()
            self.historyChanged.emit()

    def apply_decisions(self, startup_id: str, decisions: list[Decision]) -> list[Decision]:
        """Replace a startup's decisions (oldest first); returns the previous ones."""
        st = self.startup(startup_id)
        self._store(lambda ws, c: ws.set_decisions(startup_id, decisions, c))
        old = edits.set_decisions(st, decisions)
        self.decisionsChanged.emit(startup_id)
        return old

    def apply_insert_startup(self, index: int, startup: Startup) -> None:
        """Insert ``startup`` (with its assessments) at ``index``."""
        self._store(lambda ws, c: ws.insert_startup(index, startup, c))
        edits.insert_startup(self.portfolio, index, startup)
        self._index.added_startup(startup)
        for a in startup.assessments:
            self._rescore(a.id)
        self.structureChanged.emit()

    def apply_remove_startup(self, startup_id: str) -> tuple[int, Startup]:
        """Remove a startup; returns (its former index, the startup) for undo: as the file
        held them (which may hold another window's edits not yet taken in here)."""
        self.startup(startup_id)
        stored = self._store(lambda ws, c: ws.remove_startup(startup_id, c))
        index, st = edits.remove_startup(self.portfolio, startup_id)
        for a in st.assessments:
            self._results.pop(a.id, None)
        self._index.removed_startup(st)
        self.structureChanged.emit()
        return stored if stored is not None else (index, st)

    def apply_insert_assessment(self, startup_id: str, index: int,
                                assessment: Assessment) -> None:
        """Insert ``assessment`` into a startup at ``index``."""
        st = self.startup(startup_id)
        self._store(lambda ws, c: ws.insert_assessment(startup_id, index, assessment, c))
        edits.insert_assessment(st, index, assessment)
        self._index.added_assessment(st, assessment)
        self._rescore(assessment.id)
        self.structureChanged.emit()

    def apply_remove_assessment(self, assessment_id: str) -> tuple[str, int, Assessment]:
        """Remove an assessment; returns (startup id, former index, assessment) for undo: as
        the file held them (see :meth:`apply_remove_startup`)."""
        st, a = self._index.assessment(assessment_id)
        stored = self._store(lambda ws, c: ws.remove_assessment(assessment_id, c))
        index = edits.remove_assessment(st, a)
        self._results.pop(assessment_id, None)
        self._index.removed_assessment(assessment_id)
        self.structureChanged.emit()
        return stored if stored is not None else (st.id, index, a)

    def apply_bulk_add(self, startups: list[Startup], assessments: list[tuple[str, Assessment]],
                       fields: list[FieldValue] | None = None) -> None:
        """Set ``fields`` of existing startups, append many startups, and assessments to
        existing startups, then re-score once (an import of a thousand workbooks is one
        change, not a thousand); see :func:`models.core.edits.add_many`. Only what it adds
        and the startups whose fields it sets are scored: its cost is the import's, however
        large the portfolio."""
        self._store(lambda ws, c: ws.add_many(startups, assessments, fields or [], c))
        edits.add_many(self.portfolio, startups, assessments, fields or [])
        for st in startups:
            self._index.added_startup(st)
        for sid, a in assessments:
            self._index.added_assessment(self.startup(sid), a)
        self._rescore_many([*(a.id for st in startups for a in st.assessments),
                            *(a.id for _, a in assessments), *self._owned(fields)])
        self.structureChanged.emit()

    def apply_bulk_remove(self, startup_ids: set[str], assessment_ids: set[str],
                          fields: list[FieldValue] | None = None) -> None:
        """Set ``fields`` back, and remove startups and assessments by id (the inverse of
        :meth:`apply_bulk_add`)."""
        self._store(lambda ws, c: ws.remove_many(startup_ids, assessment_ids, fields or [], c))
        edits.remove_many(self.portfolio, startup_ids, assessment_ids, fields or [])
        self._reindex()
        self._results = {aid: r for aid, r in self._results.items()
                         if self._index.owner(aid) is not None}
        self._rescore_many(self._owned(fields))
        self.structureChanged.emit()

    def _owned(self, fields: list[FieldValue] | None) -> list[str]:
        """The assessments of the startups whose fields ``fields`` sets (a name is part of
        their results)."""
        return [a.id for sid in dict.fromkeys(sid for sid, _, _ in fields or [])
                for a in self.startup(sid).assessments]

    def apply_framework(self, framework: Framework, *,
                        drop_scored: bool = False) -> list[RemovedScore]:
        """Replace the portfolio's framework (weights or a whole new one) and re-score all.
        Returns the scores of criteria the new framework lacks, taken out (for
        :meth:`restore_scores`): blank ones, and with ``drop_scored`` (a migration) filled
        ones too.

        Raises ``ValueError`` if, without ``drop_scored``, a filled score names a criterion
        the new framework lacks.
        """
        stored = self._store(lambda ws, c: ws.replace_framework(framework, c,
                                                                drop_scored=drop_scored))
        removed = edits.replace_framework(self.portfolio, framework, drop_scored=drop_scored)
        if self.scenario is not None:
            try:
                self.scenario = framework.scenario(self.scenario.id)
            except KeyError:
                self.scenario = None
                self.scenarioChanged.emit()
        self.rescore_all()
        self.frameworkChanged.emit()
        # on a workspace, the scores the file held: another window may have scored since
        return removed if stored is None else stored

    def restore_scores(self, removed: list[RemovedScore]) -> None:
        """Put back the scores :meth:`apply_framework` took out (in memory, those of the
        assessments held: one another window added comes with its changes)."""
        self._store(lambda ws, c: ws.restore_scores(removed, c))
        held = {a.id for _, a in self.portfolio.assessments()}
        edits.restore_scores(self.portfolio, [r for r in removed if r[0] in held])

    def apply_step(self, write: Callable[[Workspace, str | None], T]) -> T:
        """Write a change that is not undone: a step of a round of independent scoring
        (:mod:`models.store.rounds`, asked for by the Assess view's round panel: a reveal
        cannot be unseen, nor a locked round opened again). It is written at once
        (``OSError``, ``ValueError`` or ``KeyError`` if refused, memory left as it is), then
        taken in as others' changes are (``take_in``): the startup it touched read again,
        everything when it added an assessment."""
        if self.workspace is None:
            raise ValueError("a scratch portfolio has no rounds of independent scoring")
        seen = self.workspace.log_state()[1]
        result = self._store(write)
        self.take_in(self.workspace.changes_since(seen))
        return cast(T, result)
