"""The question a window asks when an edit meets a value someone else changed meanwhile (a
:class:`~models.store.conflicts.Conflict`): it names who changed what to which value and when,
and offers to keep their value or to write one's own over it.

"Bo changed Segment focus of Acme (Ann's assessment) to 4 at 13:02 while you were editing."
— *Keep 4* / *Use yours (2)*. Keep is the default and what Escape answers: nothing anyone wrote
is overwritten unless the user says so.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from gui.i18n import language
from models.core.framework import text
from models.history.names import field_value, short
from models.history.texts import label
from models.store.conflicts import Conflict

if TYPE_CHECKING:
    from gui.document import Document

#: How much of a value a button shows (the message shows :data:`models.history.names.SHORT_LENGTH`).
BUTTON_LENGTH = 30


class ConflictDialog(QMessageBox):
    """Keep the value someone else wrote, or use one's own (see the module notes)."""

    def __init__(self, parent: QWidget | None, doc: Document, conflict: Conflict) -> None:
        super().__init__(parent)
        self.conflict = conflict
        lang, field = language(), conflict.target.field
        theirs = field_value(field, conflict.current, lang)
        mine = field_value(field, conflict.value, lang)
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(self.tr("Changed by someone else"))
        self.setText(self._message(doc, short(theirs)))
        self.setInformativeText(self.tr("Keep their value, or write yours over it?"))
        self.keep_button = self.addButton(
            self.tr("Keep {theirs}").format(theirs=short(theirs, BUTTON_LENGTH)),
            QMessageBox.ButtonRole.RejectRole)
        self.yours_button = self.addButton(
            self.tr("Use yours ({mine})").format(mine=short(mine, BUTTON_LENGTH)),
            QMessageBox.ButtonRole.AcceptRole)
        self.setDefaultButton(self.keep_button)
        self.setEscapeButton(self.keep_button)

    def use_yours(self) -> bool:
        """Ask; True when the user chose to write their own value."""
        self.exec()
        return self.clickedButton() is self.yours_button

    def _message(self, doc: Document, theirs: str) -> str:
        c = self.conflict
        what = self._what(doc)
        if c.who is None or c.at is None:
            return self.tr("Someone else changed {what} to {value} while you were "
                           "editing.").format(what=what, value=theirs)
        who = c.who if not c.role or c.role == c.who else self.tr(
            "{who} (database role {role})").format(who=c.who, role=c.role)
        return self.tr("{who} changed {what} to {value} at {time} while you were "
                       "editing.").format(who=who, what=what, value=theirs,
                                          time=_moment(c.at))

    def _what(self, doc: Document) -> str:
        """The value's place: "Segment focus of Acme (Ann's assessment)", "the sector of
        Acme"…"""
        t, lang = self.conflict.target, language()
        # a name or assessor changed is called by the one the user saw, not by theirs
        startup = (str(self.conflict.expected) if (t.assessment_id, t.field) == (None, "name")
                   else _startup_name(doc, t.startup_id))
        field = label(f"field.{t.field}", lang)
        if t.assessment_id is None:
            return self.tr("the {field} of {startup}").format(field=field, startup=startup)
        assessor = (str(self.conflict.expected) if t.field == "assessor"
                    else _assessor(doc, t.assessment_id)) or label("unnamed", lang)
        if t.criterion_id is None:
            return self.tr("the {field} of {assessor}'s assessment of {startup}").format(
                field=field, assessor=assessor, startup=startup)
        criterion = (text(doc.framework.criterion(t.criterion_id).name, lang)
                     if t.criterion_id in doc.framework.criterion_index else t.criterion_id)
        if t.field == "value":
            return self.tr("{criterion} of {startup} ({assessor}'s assessment)").format(
                criterion=criterion, startup=startup, assessor=assessor)
        return self.tr("the {field} of {criterion} of {startup} ({assessor}'s "
                       "assessment)").format(field=field, criterion=criterion,
                                             startup=startup, assessor=assessor)


def use_yours(doc: Document, conflict: Conflict) -> bool:
    """Ask, over the document's window, whether to write one's own value over theirs."""
    parent = doc.parent()
    dialog = ConflictDialog(parent if isinstance(parent, QWidget) else None, doc, conflict)
    try:
        return dialog.use_yours()
    finally:
        dialog.deleteLater()


def _moment(at: dt.datetime) -> str:
    """``13:02`` today, ``2025-01-03 13:02`` another day (local time)."""
    local = at.astimezone()
    same_day = local.date() == dt.datetime.now().astimezone().date()
    return local.strftime("%H:%M" if same_day else "%Y-%m-%d %H:%M")


def _startup_name(doc: Document, startup_id: str) -> str:
    try:
        return doc.startup(startup_id).name
    except KeyError:
        return startup_id


def _assessor(doc: Document, assessment_id: str) -> str:
    try:
        return doc.assessment(assessment_id)[1].assessor
    except KeyError:
        return ""
