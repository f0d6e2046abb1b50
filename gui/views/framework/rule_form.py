"""The form of one rule of the framework being edited: a posture, a deal-breaker or a scenario's
exposure rule. Its id, name and explanation (English and Simplified Chinese side by side, with
the missing-translation marker), a posture's kind, whether all its conditions must hold or any
one, the cited paragraphs, its conditions (:mod:`gui.views.framework.condition_rows`) and, for
an exposure rule, its shifts (:mod:`gui.views.framework.shift_rows`).

The form shows a rule's data (:meth:`RuleForm.show_rule`) and the draft's problems on it, each
on its field (:meth:`RuleForm.set_problems`); what the user changes it tells by ``edited(key,
value)``, ``key`` the path inside the rule, for the panel to make it a step of the draft's
history.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLineEdit, QWidget

from gui.views.framework.condition_rows import ConditionsEditor, ref_choices
from gui.views.framework.draft_holder import DraftHolder
from gui.views.framework.editor_fields import (
    ChoiceField,
    Field,
    Key,
    ParagraphsField,
    TextPair,
    UndoKeys,
    problem_label,
)
from gui.views.framework.shift_rows import ShiftsEditor, criterion_choices
from models.core.framework import text
from models.core.framework_draft import DraftProblem


class _IdLine(QLineEdit):
    focus_left = Signal()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class IdField(Field):
    """A rule's id: lower case letters, digits and ``_``, starting with a letter."""

    def __init__(self, key: Key, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.line = _IdLine()
        self.line.setObjectName("ruleId")
        self.line.setMaximumWidth(self.line.fontMetrics().horizontalAdvance("x" * 40))
        self.line.setMinimumWidth(self.line.fontMetrics().horizontalAdvance("x" * 24))
        self.line.textEdited.connect(lambda value: self.edited.emit((), value))
        self.line.focus_left.connect(self.left)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.line, 0, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addWidget(self.message, 1, 0)

    def editors(self) -> list[QWidget]:
        return [self.line]

    def show_value(self, value: Any) -> None:
        if self.line.text() != str(value or ""):
            self.line.setText(str(value or ""))


class RuleForm(QWidget):
    """One rule's fields (see the module notes). ``kind``: show a posture's kind;
    ``shifts``: show shifts under that label (an exposure rule's); ``conditions``: show
    all/any and the conditions (a scenario's own form has none)."""

    edited = Signal(object, object)

    def __init__(self, holder: DraftHolder, kind: bool = False, shifts: str = "",
                 conditions: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.undo_keys = UndoKeys(holder.undo_stack, self)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.item_problem = problem_label("itemProblem")
        self.heading = QLabel()
        self.heading.setObjectName("itemHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.grid.addWidget(self.heading, 0, 0, 1, 2)
        self.grid.addWidget(self.item_problem, 1, 0, 1, 2)
        self._languages()
        self.fields: list[Field] = []
        self.id = self._add(self.tr("Id"), IdField(("id",)))
        self.name = self._add(self.tr("Name"), TextPair(("name",)))
        self.description = self._add(self.tr("Explanation"), TextPair(("description",),
                                                                       lines=3))
        self.kind = self._add(self.tr("Kind"), ChoiceField(("kind",), {
            "strategy": self.tr("Strategy (a way out worth taking)"),
            "warning": self.tr("Warning (a position to get out of)")})) if kind else None
        self.source = self._add(self.tr("Source"), ParagraphsField(("source",)))
        self.match = self._add(self.tr("Fires when"), ChoiceField(("match",), {
            "all": self.tr("all of its conditions hold"),
            "any": self.tr("any one of its conditions holds")})) if conditions else None
        self.conditions = ConditionsEditor()
        self.conditions.edited.connect(lambda sub, v: self.edited.emit(("when", *sub), v))
        if conditions:
            self._row(self.tr("Conditions"), self.conditions)
        else:
            self.conditions.hide()
        self.shifts: ShiftsEditor | None = None
        if shifts:
            self.shifts = ShiftsEditor()
            self.shifts.edited.connect(lambda sub, v: self.edited.emit(("shifts", *sub), v))
            self._row(shifts, self.shifts)

    def _languages(self) -> None:
        languages = QWidget()
        row = QGridLayout(languages)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel("<b>" + html.escape(self.tr("English")) + "</b>"), 0, 0)
        row.addWidget(QLabel("<b>" + html.escape(self.tr("Simplified Chinese")) + "</b>"), 0, 1)
        row.setColumnStretch(0, 1)
        row.setColumnStretch(1, 1)
        row.setColumnMinimumWidth(2, QLabel("⚠⚠").sizeHint().width())
        self.grid.addWidget(languages, 2, 1)

    def _row(self, label: str, widget: QWidget) -> None:
        row = self.grid.rowCount()
        caption = QLabel(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.grid.addWidget(caption, row, 0)
        self.grid.addWidget(widget, row, 1)

    def _add(self, label: str, field: Field) -> Field:
        self._row(label, field)
        self.fields.append(field)
        field.edited.connect(lambda sub, value, f=field: self.edited.emit((*f.key, *sub), value))
        field.left.connect(self.holder.end_typing)
        for editor in field.editors():
            editor.installEventFilter(self.undo_keys)
        return field

    def show_rule(self, rule: dict[str, Any], what: str = "") -> None:
        """Show ``rule`` (the draft's data) with the draft's pillars and criteria to choose,
        under a heading that says ``what`` it is (a posture, a deal-breaker…)."""
        data, lang = self.holder.draft.data, self.holder.lang
        name = rule.get("name")
        shown = text(name, lang) if isinstance(name, dict) and str(name.get("en", "")).strip() \
            else self.tr("(no name)")
        title = self.tr("{what}: {name}").format(what=what, name=shown)
        self.heading.setText(f"<b style='font-size:13pt'>{html.escape(title)}</b>"
                             if what else "")
        self.heading.setVisible(bool(what))
        for field in self.fields:
            value = rule.get(str(field.key[0]))
            field.show_value("all" if field is self.match and value is None else value)
        if self.match is not None:
            self.conditions.show_value(rule.get("when"), ref_choices(data, lang))
        if self.shifts is not None:
            self.shifts.show_value(rule.get("shifts"), criterion_choices(data, lang))

    def focus_path(self, rel: tuple[str | int, ...]) -> None:
        """Put the focus in the field of ``rel`` (a path inside the rule)."""
        if len(rel) >= 2 and rel[0] == "when" and isinstance(rel[1], int) and \
                rel[1] < len(self.conditions.rows):
            self.conditions.rows[rel[1]].what.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if len(rel) >= 2 and rel[0] == "shifts" and self.shifts is not None:
            for row, (cid, _d) in zip(self.shifts.rows, self.shifts.shifts(), strict=True):
                if cid == rel[1]:
                    row.criterion.setFocus(Qt.FocusReason.OtherFocusReason)
                    return
        for field in self.fields:
            if rel[:len(field.key)] == field.key:
                field.focus(rel[len(field.key):])
                return

    def set_problems(self, problems: list[DraftProblem], base: tuple[str | int, ...],
                     skip: str = "") -> None:
        """Show each of ``problems`` (full paths) under ``base`` (the rule's path) on its
        field; those of no field at the top of the form. Problems under ``skip`` (a key of
        the rule shown by another form) are left out."""
        mine = [(p.path[len(base):], p.message) for p in problems
                if p.path[:len(base)] == base and not (skip and p.path[len(base):][:1] ==
                                                        (skip,))]
        used: set[int] = set()
        for field in self.fields:
            found = [(i, rel, m) for i, (rel, m) in enumerate(mine)
                     if rel[:len(field.key)] == field.key]
            used.update(i for i, _r, _m in found)
            field.set_problem("\n".join(m for _i, _r, m in found),
                              found[0][1][len(field.key):] if found else ())
        rows: dict[int, list[str]] = {}
        shifts: dict[str, list[str]] = {}
        for i, (rel, message) in enumerate(mine):
            if len(rel) >= 2 and rel[0] == "when" and isinstance(rel[1], int):
                rows.setdefault(rel[1], []).append(message)
                used.add(i)
            elif len(rel) >= 2 and rel[0] == "shifts" and self.shifts is not None:
                shifts.setdefault(str(rel[1]), []).append(message)
                used.add(i)
        self.conditions.set_problems({k: "\n".join(v) for k, v in rows.items()})
        if self.shifts is not None:
            self.shifts.set_problems({k: "\n".join(v) for k, v in shifts.items()})
        rest = [m for i, (_rel, m) in enumerate(mine) if i not in used]
        self.item_problem.setText("\n".join(rest))
        self.item_problem.setVisible(bool(rest))
