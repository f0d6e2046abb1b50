"""What each undo step is called, in the interface language: the change and what it changed
("Score Segment focus (Acme)", "Edit sector of Acme", "编辑 Acme 的赛道"), with the framework's
names (criteria, pillars, scenarios, the framework) in the same language. The undo commands
(:mod:`gui.commands`) keep what names them and ask here again when the language changes, so the
steps already in the history are renamed too.

A step keeps what names it as a function of no arguments (:class:`NamedStep`, the base of
the document's commands and of the framework editor's draft edits); :func:`rename_steps` asks
each step of a history again after a language switch.

Also Edit ▸ Undo and Redo (:class:`StackAction`), which say the step they would take, with the
accelerator where each language puts it ("&Undo Score …", "撤销 为 … 评分(&U)").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QUndoCommand, QUndoStack

from gui.i18n import language

if TYPE_CHECKING:  # the domain (pydantic) is imported once a step is named: not at start-up
    from models.core.framework import LocalText

translate = QCoreApplication.translate


class NamedStep(QUndoCommand):
    """An undo step named in the interface language: it keeps the words that name it and
    says them again when the language changes (:func:`rename_steps`)."""

    #: says what the step does in the interface language (see :meth:`set_words`)
    _words: Callable[[], str]

    def set_words(self, words: Callable[[], str]) -> None:
        """Name the step by ``words`` (asked again by :meth:`retranslate`)."""
        self._words = words
        self.setText(words())

    def retranslate(self) -> None:
        """Say the step's text again, in the interface language now installed."""
        self.setText(self._words())


def rename_steps(stack: QUndoStack) -> None:
    """Name every step of ``stack`` again in the interface language now installed."""
    for i in range(stack.count()):
        command = stack.command(i)
        if isinstance(command, NamedStep):
            command.retranslate()


def _name(value: LocalText | None) -> str:
    """A framework's text in the interface language ('' for none)."""
    from models.core.framework import text

    return text(value, language()) if value else ""


def score_field(field: str, cleared: bool, criterion: LocalText, startup: str) -> str:
    """A change of one field of a criterion's score (``value``, ``confidence``,
    ``rationale``, ``evidence``) in an assessment of ``startup``."""
    if field == "value":
        source = (translate("Commands", "Clear the score of {criterion} ({startup})")
                  if cleared else translate("Commands", "Score {criterion} ({startup})"))
    else:
        source = {"confidence": translate("Commands", "Set confidence of {criterion} "
                                                      "({startup})"),
                  "rationale": translate("Commands", "Edit rationale of {criterion} "
                                                     "({startup})"),
                  "evidence": translate("Commands", "Edit evidence of {criterion} "
                                                    "({startup})")}[field]
    return source.format(criterion=_name(criterion), startup=startup)


def startup_field(field: str, startup: str, value: object) -> str:
    """A change of one of a startup's details (``name``: renamed to ``value``)."""
    if field == "name":
        return translate("Commands", "Rename {old} to {new}").format(old=startup, new=value)
    fields = {"sector": translate("Commands", "sector"),
              "stage": translate("Commands", "stage"),
              "region": translate("Commands", "region"),
              "tags": translate("Commands", "tags"),
              "notes": translate("Commands", "notes"),
              "website": translate("Commands", "website")}
    if field not in fields:
        return translate("Commands", "Edit {startup}").format(startup=startup)
    return translate("Commands", "Edit {field} of {startup}").format(field=fields[field],
                                                                     startup=startup)


def assessment_field(field: str, startup: str) -> str:
    """A change of an assessment's ``assessor``, ``role`` or ``date``."""
    return {"assessor": translate("Commands", "Edit the assessor of an assessment of "
                                              "{startup}"),
            "role": translate("Commands", "Edit the role of an assessment of {startup}"),
            "date": translate("Commands", "Edit the date of an assessment of {startup}"),
            }.get(field, translate("Commands", "Edit an assessment of {startup}")).format(
        startup=startup)


def decisions(what: str, status: str, startup: str) -> str:
    """A change of a startup's decisions: ``decide`` (a new one with ``status``),
    ``suggestion`` (the suggestion's status taken), ``withdraw``, or an edit of the current
    one's ``date``, ``by`` or ``rationale``."""
    source = {
        "decide": translate("Commands", "Decide {status} for {startup}"),
        "suggestion": translate("Commands", "Take the suggestion {status} for {startup}"),
        "withdraw": translate("Commands", "Withdraw the decision on {startup}"),
        "date": translate("Commands", "Edit the decision date of {startup}"),
        "by": translate("Commands", "Edit who decided on {startup}"),
        "rationale": translate("Commands", "Edit the decision rationale of {startup}"),
    }[what]
    from models.core.decisions import status_name

    return source.format(status=status_name(status, language()) if status else "",
                         startup=startup)


def add_startup(name: str, copy_of: str | None) -> str:
    """A startup added (``copy_of``: the name of the startup it duplicates)."""
    if copy_of is not None:
        return translate("Commands", "Duplicate {name}").format(name=copy_of)
    return translate("Commands", "Add {name}").format(name=name)


def delete_startup(name: str) -> str:
    """A startup deleted."""
    return translate("Commands", "Delete {name}").format(name=name)


def add_assessment(kind: str, startup: str) -> str:
    """An assessment added to ``startup``: a new one (``add``), a ``copy`` of another, or the
    ``consensus`` of its assessors."""
    return {"add": translate("Commands", "Add an assessment of {startup}"),
            "copy": translate("Commands", "Copy an assessment of {startup}"),
            "consensus": translate("Commands", "Add the consensus assessment of {startup}"),
            }[kind].format(startup=startup)


def delete_assessment(startup: str) -> str:
    """An assessment of ``startup`` deleted."""
    return translate("Commands", "Delete an assessment of {startup}").format(startup=startup)


def framework_change(what: str, subject: LocalText | None) -> str:
    """A change of the framework: the ``weight`` of a pillar or criterion (``subject``, its
    name), a pillar switched ``on`` or ``off``, ``pairwise`` weights (of a pillar's criteria,
    or of the pillars when ``subject`` is None), a framework ``load``-ed or given a new
    ``version``."""
    name = _name(subject)
    if what == "pairwise" and subject is None:
        return translate("Commands", "Pairwise weights of the pillars")
    return {"weight": translate("Commands", "Set the weight of {name}"),
            "on": translate("Commands", "Switch on {name}"),
            "off": translate("Commands", "Switch off {name}"),
            "pairwise": translate("Commands", "Pairwise weights of the criteria of {name}"),
            "load": translate("Commands", "Load the framework {name}"),
            "version": translate("Commands", "Make a new version of the framework {name}"),
            }[what].format(name=name)


def import_assessments(count: int) -> str:
    """Workbooks imported, bringing ``count`` assessments."""
    return UndoCounts().imported(count)


class UndoCounts(QObject):
    """The steps named with a count: a plural form is found by lupdate in a class's ``tr``
    (``translate`` with a count is not marked as one)."""

    def imported(self, count: int) -> str:
        return self.tr("Import %Ln assessment(s)", "", count)


class StackAction(QAction):
    """Edit ▸ Undo (or Redo, ``redo``) of ``stack``: enabled when there is a step to take,
    named after it (see the module notes). Built again with the menus in another language."""

    def __init__(self, stack: QUndoStack, parent: QObject, redo: bool = False) -> None:
        super().__init__(parent)
        self.redoing = redo
        if redo:
            self.triggered.connect(stack.redo)
            stack.canRedoChanged.connect(self.setEnabled)
            stack.redoTextChanged.connect(self.show_step)
        else:
            self.triggered.connect(stack.undo)
            stack.canUndoChanged.connect(self.setEnabled)
            stack.undoTextChanged.connect(self.show_step)
        self.setEnabled(stack.canRedo() if redo else stack.canUndo())
        self.show_step(stack.redoText() if redo else stack.undoText())

    def show_step(self, step: str) -> None:
        """Name ``step``, the text of the step the action would take now ('' for none)."""
        what = step.replace("&", "&&")
        if self.redoing:
            self.setText(translate("Commands", "&Redo {what}").format(what=what) if what
                         else translate("Commands", "&Redo"))
        else:
            self.setText(translate("Commands", "&Undo {what}").format(what=what) if what
                         else translate("Commands", "&Undo"))
