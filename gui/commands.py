"""Undo commands: every edit of a portfolio is one of these, pushed on the document's stack.

Each command names the change for the Edit menu and the history ("Undo Score Runway (Acme)"),
in the interface language: it keeps what names it and says it again when the language changes
(:class:`gui.undo_texts.NamedStep`; the words are :mod:`gui.undo_texts`'). Text edits merge
while the user types in the same field, so one Undo removes a whole typed phrase. The changes
themselves are the document's ``apply_*`` methods, each an operation of :mod:`models.core.edits`.

An edit of one value (:class:`FieldEdit`) is written only over the value it replaces: the one
the window showed when it was made, the value it set when it is undone, the one it replaced
when it is redone. If someone else changed that value meanwhile (a
:class:`~models.store.conflicts.Conflict`), nothing is overwritten: the window takes in their
value and asks (:mod:`gui.conflict_dialog`) whether to keep it or to write one's own.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from gui import conflict_dialog, undo_texts
from gui.document import Document
from gui.framework_versions import edited
from models.core import edits
from models.core.decisions import Decision
from models.core.edits import RemovedScore
from models.core.framework import Framework, LocalText
from models.core.portfolio import Assessment, Startup
from models.store.conflicts import Conflict

_MERGE_TEXT = 1001
_MERGE_FRAMEWORK = 1002
_MERGE_DECISION = 1003


translate = QCoreApplication.translate


class Edit(undo_texts.NamedStep):
    """An undoable edit of the document: subclasses make the change in ``_redo`` and take it
    back in ``_undo``. Each step is written to the workspace (undo and redo are recorded in
    the change log as "Undo: …" and "Redo: …"); a step the disk refuses, or one whose item
    another window has meanwhile removed, makes no change, is reported by the document
    (:meth:`~gui.document.Document.report_refused`) and leaves the undo history."""

    doc: Document
    _done = False

    def redo(self) -> None:
        comment = (translate("Commands", "Redo: {what}").format(what=self.text())
                   if self._done else None)
        self._step(self._redo, comment)

    def undo(self) -> None:
        self._step(self._undo, translate("Commands", "Undo: {what}").format(what=self.text()))

    def _step(self, step: Callable[[], None], comment: str | None) -> None:
        if self.doc.read_only:
            self.setObsolete(True)
            self.doc.report_refused(None)
            return
        try:
            with self.doc.commenting(comment):
                step()
        except Conflict as conflict:
            if not self._settle(conflict, comment, redoing=step == self._redo):
                self.setObsolete(True)
                return
        except (OSError, KeyError, ValueError) as exc:
            self.setObsolete(True)
            self.doc.report_refused(exc)
            return
        self._done = True

    def _settle(self, conflict: Conflict, comment: str | None, redoing: bool) -> bool:
        """After a conflict: True if the step was made after all (see :class:`FieldEdit`)."""
        self.doc.report_refused(conflict)
        return False

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


class FieldEdit(Edit):
    """An edit of one value, from ``old`` (what the window showed) to ``new``: each step is
    written over the value the step before left, so a value someone else wrote meanwhile is
    never overwritten unasked (see the module notes). Subclasses write in ``_set``."""

    old: object
    new: object

    def _redo(self) -> None:
        self._set(self.new, expected=self.old)

    def _undo(self) -> None:
        self._set(self.old, expected=self.new)

    def _set(self, value: object, *, expected: object) -> None:
        raise NotImplementedError

    def _settle(self, conflict: Conflict, comment: str | None, redoing: bool) -> bool:
        """Show their value and ask, until the user keeps it (False: the step is dropped
        from the history) or their own value is written over the one now there (True; a
        redone edit then replaces theirs, which undoing it brings back). Someone else having
        written this very value leaves nothing to ask."""
        while True:
            self.doc.take_in_conflict(conflict)
            if conflict.current == conflict.value or not conflict_dialog.use_yours(
                    self.doc, conflict):
                return False
            try:
                with self.doc.commenting(comment):
                    self._set(conflict.value, expected=conflict.current)
            except Conflict as again:
                conflict = again
                continue
            except (OSError, KeyError, ValueError) as exc:
                self.doc.report_refused(exc)
                return False
            if redoing:
                self.old = conflict.current
            return True


class SetScoreField(FieldEdit):
    """Change one field of one criterion's score: level, confidence, rationale or evidence."""

    def __init__(self, doc: Document, assessment_id: str, criterion_id: str, field: str,
                 value: object) -> None:
        super().__init__()
        self.doc, self.aid, self.cid, self.field = doc, assessment_id, criterion_id, field
        self.old = edits.score_field(doc.assessment(assessment_id)[1], criterion_id, field)
        self.new = value
        self.set_words(partial(undo_texts.score_field, field,
                               field == "value" and value is None,
                               doc.framework.criterion(criterion_id).name,
                               doc.assessment(assessment_id)[0].name))

    def _set(self, value: object, *, expected: object) -> None:
        self.doc.apply_score_field(self.aid, self.cid, self.field, value, expected=expected)

    def id(self) -> int:
        return _MERGE_TEXT if self.field in ("rationale", "evidence") else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # typing on from this one's text; not over a value someone else wrote in between
        if other.isObsolete() or not isinstance(other, SetScoreField) or (
                other.aid, other.cid, other.field, other.old) != (
                self.aid, self.cid, self.field, self.new):
            return False
        self.new = other.new
        return True


class SetStartupField(FieldEdit):
    """Rename a startup or change its sector, stage, region, tags or notes (typing in the
    notes merges into one step)."""

    def __init__(self, doc: Document, startup_id: str, field: str, value: object) -> None:
        super().__init__()
        self.doc, self.sid, self.field, self.new = doc, startup_id, field, value
        self.old = getattr(doc.startup(startup_id), field)
        self.set_words(partial(undo_texts.startup_field, field, doc.startup(startup_id).name,
                               value))

    def _set(self, value: object, *, expected: object) -> None:
        self.doc.apply_startup_field(self.sid, self.field, value, expected=expected)

    def id(self) -> int:
        return _MERGE_TEXT if self.field == "notes" else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        # typing on in the notes, from this one's text (see SetScoreField.mergeWith)
        if other.isObsolete() or not isinstance(other, SetStartupField) or (
                other.sid, other.field, other.old) != (self.sid, self.field, self.new):
            return False
        self.new = other.new
        return True


class SetAssessmentField(FieldEdit):
    """Change an assessment's assessor, role or date."""

    def __init__(self, doc: Document, assessment_id: str, field: str, value: object) -> None:
        super().__init__()
        self.doc, self.aid, self.field, self.new = doc, assessment_id, field, value
        startup, assessment = doc.assessment(assessment_id)
        self.old = getattr(assessment, field)
        self.set_words(partial(undo_texts.assessment_field, field, startup.name))

    def _set(self, value: object, *, expected: object) -> None:
        self.doc.apply_assessment_field(self.aid, self.field, value, expected=expected)


class SetDecisions(Edit):
    """Take a decision about a startup, or change or withdraw its decisions: the command
    holds the whole list before and after (oldest first). ``what`` it is names it, with the
    status of the decision taken (:func:`gui.undo_texts.decisions`).

    Edits of the current decision's ``date``, ``by`` or ``rationale`` (``what``) merge with
    the next edit of the same startup's same field, so typing a rationale is one undo step."""

    def __init__(self, doc: Document, startup_id: str, decisions: list[Decision],
                 what: str = "decide") -> None:
        super().__init__()
        self.doc, self.sid = doc, startup_id
        self.merge_key = what if what in ("date", "by", "rationale") else None
        status = decisions[-1].status if decisions else ""
        self.set_words(partial(undo_texts.decisions, what, status,
                               doc.startup(startup_id).name))
        self.old = [d.model_copy() for d in doc.startup(startup_id).decisions]
        self.new = [d.model_copy() for d in decisions]

    def _redo(self) -> None:
        self.doc.apply_decisions(self.sid, self.new)

    def _undo(self) -> None:
        self.doc.apply_decisions(self.sid, self.old)

    def id(self) -> int:
        return _MERGE_DECISION if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if other.isObsolete() or not isinstance(other, SetDecisions) or (
                other.sid, other.merge_key) != (self.sid, self.merge_key):
            return False
        self.new = other.new
        return True


class AddStartup(Edit):
    """Add a startup (new, or a copy of the one named ``copy_of``) at a position (default:
    the end)."""

    def __init__(self, doc: Document, startup: Startup, index: int | None = None,
                 copy_of: str | None = None) -> None:
        super().__init__()
        self.doc, self.startup = doc, startup
        self.set_words(partial(undo_texts.add_startup, startup.name, copy_of))
        self.index = len(doc.portfolio.startups) if index is None else index

    def _redo(self) -> None:
        self.doc.apply_insert_startup(self.index, self.startup)

    def _undo(self) -> None:
        # redone, it puts back the startup as it was when taken out, not as first added
        self.startup = self.doc.apply_remove_startup(self.startup.id)[1]


class RemoveStartup(Edit):
    """Delete a startup with all its assessments."""

    def __init__(self, doc: Document, startup_id: str) -> None:
        super().__init__()
        self.doc, self.sid = doc, startup_id
        self.index = doc.startup_index(startup_id)
        self.startup = doc.startup(startup_id)
        self.set_words(partial(undo_texts.delete_startup, self.startup.name))

    def _redo(self) -> None:
        self.index, self.startup = self.doc.apply_remove_startup(self.sid)

    def _undo(self) -> None:
        self.doc.apply_insert_startup(self.index, self.startup)


class AddAssessment(Edit):
    """Add an assessment to a startup: empty (``kind`` ``add``), a ``copy`` of another as a
    starting point, or the ``consensus`` of its assessors."""

    def __init__(self, doc: Document, startup_id: str, assessment: Assessment,
                 kind: str = "add") -> None:
        super().__init__()
        self.doc, self.sid, self.assessment = doc, startup_id, assessment
        self.set_words(partial(undo_texts.add_assessment, kind, doc.startup(startup_id).name))
        self.index = len(doc.startup(startup_id).assessments)

    def _redo(self) -> None:
        self.doc.apply_insert_assessment(self.sid, self.index, self.assessment)

    def _undo(self) -> None:
        # redone, it puts back the assessment as it was when taken out (see AddStartup)
        self.assessment = self.doc.apply_remove_assessment(self.assessment.id)[2]


class RemoveAssessment(Edit):
    """Delete one assessment."""

    def __init__(self, doc: Document, assessment_id: str) -> None:
        super().__init__()
        self.doc, self.aid = doc, assessment_id
        st, a = doc.assessment(assessment_id)
        self.sid, self.index, self.assessment = st.id, st.assessments.index(a), a
        self.set_words(partial(undo_texts.delete_assessment, st.name))

    def _redo(self) -> None:
        self.sid, self.index, self.assessment = self.doc.apply_remove_assessment(self.aid)

    def _undo(self) -> None:
        self.doc.apply_insert_assessment(self.sid, self.index, self.assessment)


class ChangeFramework(Edit):
    """Replace the portfolio's framework: new weights, a pillar switched on or off, or a
    whole framework loaded from a file; ``what`` it is and the name of its ``subject`` name
    it (:func:`gui.undo_texts.framework_change`). Consecutive edits of the same weight
    merge."""

    #: the framework changed gets the next version (:mod:`gui.framework_versions`); a
    #: framework brought in whole keeps its own identity
    versioned = True

    def __init__(self, doc: Document, framework: Framework, what: str,
                 subject: LocalText | None = None, merge_key: str | None = None) -> None:
        super().__init__()
        self.set_words(partial(undo_texts.framework_change, what, subject))
        self.doc, self.old, self.merge_key = doc, doc.framework, merge_key
        top = self._merging_into()
        base = self.old if top is None else top.old
        #: the frameworks this step went through (it merges the steps of one weight)
        self.passed: list[Framework] = [] if top is None else [*top.passed, top.new]
        self.new: Framework = (edited(doc, base, framework, self.passed) if self.versioned
                               else framework)
        self._removed: list[RemovedScore] = []

    def _merging_into(self) -> ChangeFramework | None:
        """The step on top of the undo stack this one will merge with, if any."""
        stack = self.doc.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if (self.merge_key and isinstance(top, ChangeFramework) and not top.isObsolete()
                and top.merge_key == self.merge_key and stack.cleanIndex() != stack.index()):
            return top
        return None

    def _redo(self) -> None:
        # scores the new framework lacks are only ever blank ones; keep them for undo
        self._removed = self.doc.apply_framework(self.new)

    def _undo(self) -> None:
        with self.doc.one_transaction():
            self.doc.apply_framework(self.old)
            self.doc.restore_scores(self._removed)

    def id(self) -> int:
        return _MERGE_FRAMEWORK if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (other.isObsolete() or not isinstance(other, ChangeFramework)
                or other.merge_key != self.merge_key):
            return False
        self.new, self.passed = other.new, other.passed
        return True


class ImportStartups(Edit):
    """Add what an import brought in: new startups, new assessments of existing startups,
    and empty startup fields (sector, stage, …) filled from the workbooks — as one change."""

    def __init__(self, doc: Document, startups: list[Startup],
                 assessments: list[tuple[str, Assessment]],
                 field_updates: list[tuple[str, str, object]]) -> None:
        super().__init__()
        self.doc, self.startups, self.assessments = doc, startups, assessments
        self.set_words(partial(undo_texts.import_assessments, len(assessments) + sum(
            len(s.assessments) for s in startups)))
        self.fields = list(field_updates)
        self.old_fields = edits.startup_fields(doc.portfolio, self.fields)

    def _redo(self) -> None:
        self.doc.apply_bulk_add(self.startups, self.assessments, self.fields)

    def _undo(self) -> None:
        self.doc.apply_bulk_remove({s.id for s in self.startups},
                                   {a.id for _, a in self.assessments}, self.old_fields)
