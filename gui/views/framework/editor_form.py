"""The framework editor's form: the pillar or criterion chosen in the tree, every field in
English and Simplified Chinese side by side (:mod:`gui.views.framework.editor_fields`).

A pillar: name, description, direction, weight, switched on, cited paragraphs. A criterion:
name, question, the five rubric levels, direction, weight, cited paragraphs. Each change is
one step of the draft's history (typing in a field merges); each problem of the draft on the
item shown is shown on its field, and a problem of the item itself (a pillar with no
criterion, an id used twice) at the top of the form.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.views.framework.draft_holder import DraftHolder, item_name
from gui.views.framework.editor_fields import (
    CheckField,
    ChoiceField,
    Field,
    Key,
    NumberField,
    ParagraphsField,
    TextPair,
    UndoKeys,
    problem_label,
)
from models.core.framework import text
from models.core.framework_draft import DraftProblem, Path

translate = QCoreApplication.translate


class _Page(QWidget):
    """The fields of a pillar or of a criterion, in a grid: what each is, then the field."""

    def __init__(self, form: ItemForm) -> None:
        super().__init__()
        self.form = form
        self.fields: list[Field] = []
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(6)
        self.grid.setColumnStretch(1, 1)
        self.heading = QLabel()
        self.heading.setObjectName("itemHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)
        self.heading.setWordWrap(True)
        self.item_problem = problem_label("itemProblem")
        self.grid.addWidget(self.heading, 0, 0, 1, 2)
        self.grid.addWidget(self.item_problem, 1, 0, 1, 2)
        languages = QWidget()
        row = QGridLayout(languages)
        row.setContentsMargins(0, 0, 0, 0)
        for column, words in enumerate((translate("ItemForm", "English"),
                                        translate("ItemForm", "Simplified Chinese"))):
            row.addWidget(QLabel("<b>" + html.escape(words) + "</b>"), 0, column)
        row.setColumnStretch(0, 1)
        row.setColumnStretch(1, 1)
        row.setColumnMinimumWidth(2, QLabel("⚠⚠").sizeHint().width())
        self.grid.addWidget(languages, 2, 1)

    def add(self, label: str, field: Field) -> Field:
        row = self.grid.rowCount()
        caption = QLabel(label)
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        caption.setBuddy(field.editors()[0])
        self.grid.addWidget(caption, row, 0)
        self.grid.addWidget(field, row, 1)
        self.fields.append(field)
        field.edited.connect(lambda sub, value, f=field: self.form.field_edited(f, sub, value))
        field.left.connect(self.form.holder.end_typing)
        for editor in field.editors():
            editor.installEventFilter(self.form.undo_keys)
        return field


class ItemForm(QScrollArea):
    """The form of the item at :attr:`path` (``("pillars", i)`` or ``("pillars", i,
    "criteria", j)``); see the module notes."""

    def __init__(self, holder: DraftHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.path: Path = ()
        self.undo_keys = UndoKeys(holder.undo_stack, self)
        self.setWidgetResizable(True)
        self.setObjectName("itemForm")
        self.stack = QStackedWidget()
        self.empty = QLabel(self.tr("Choose a pillar or a criterion on the left."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pillar_page = self._pillar_page()
        self.criterion_page = self._criterion_page()
        for page in (self.empty, self.pillar_page, self.criterion_page):
            self.stack.addWidget(page)
        holder_box = QWidget()
        box = QVBoxLayout(holder_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.stack)
        box.addStretch(1)
        self.setWidget(holder_box)
        holder.changed.connect(self.refresh)

    def _directions(self) -> dict[str, str]:
        return {"benefit": self.tr("Benefit (a higher level is better for the startup)"),
                "cost": self.tr("Cost (a higher level is worse for the startup)")}

    def _pillar_page(self) -> _Page:
        page = _Page(self)
        page.add(self.tr("Name"), TextPair(("name",)))
        page.add(self.tr("Description"), TextPair(("description",), lines=8))
        page.add(self.tr("Direction"), ChoiceField(("direction",), self._directions()))
        page.add(self.tr("Weight"), NumberField(("weight",)))
        page.add(self.tr("Counted"), CheckField(
            ("enabled",), self.tr("Switched on (counts in the overall score)")))
        page.add(self.tr("Source"), ParagraphsField(("source",)))
        page.grid.setRowStretch(page.grid.rowCount(), 1)
        return page

    def _criterion_page(self) -> _Page:
        page = _Page(self)
        page.add(self.tr("Name"), TextPair(("name",)))
        page.add(self.tr("Question"), TextPair(("question",), lines=8))
        for level in range(5):
            page.add(self.tr("Level {n}").format(n=level + 1),
                     TextPair(("rubric", level), lines=6))
        page.add(self.tr("Direction"), ChoiceField(("direction",), self._directions()))
        page.add(self.tr("Weight"), NumberField(("weight",)))
        page.add(self.tr("Source"), ParagraphsField(("source",)))
        page.grid.setRowStretch(page.grid.rowCount(), 1)
        return page

    # -- showing ------------------------------------------------------------------------------
    def page(self) -> _Page | None:
        """The page shown (None when no item is)."""
        current = self.stack.currentWidget()
        return current if isinstance(current, _Page) else None

    def show_item(self, path: Path) -> None:
        """Show the pillar or criterion at ``path`` (``()``: none)."""
        self.path = path if self.holder.draft.get(path) is not None else ()
        self.holder.end_typing()
        page = {2: self.pillar_page, 4: self.criterion_page}.get(len(self.path))
        shown = page if page is not None else self.empty
        for other in (self.empty, self.pillar_page, self.criterion_page):
            # the stack as high as the page shown
            policy = QSizePolicy.Policy.Preferred if other is shown else \
                QSizePolicy.Policy.Ignored
            other.setSizePolicy(policy, policy)
        self.stack.setCurrentWidget(shown)
        self.stack.adjustSize()
        self.refresh()

    def refresh(self) -> None:
        """Show the draft's values and problems for the item shown."""
        page = self.page()
        if page is None:
            return
        item = self.holder.draft.get(self.path)
        if not isinstance(item, dict):
            self.show_item(())
            return
        what = self.tr("Pillar") if len(self.path) == 2 else self.tr("Criterion")
        page.heading.setText(f"<b style='font-size:13pt'>{html.escape(what)}: "
                             f"{html.escape(self._name(item))}</b>"
                             f" <span style='color:#666'>({html.escape(str(item.get('id')))})"
                             f"</span>")
        for field in page.fields:
            field.show_value(self._at(item, field.key))
        self._show_problems(page, self.holder.draft.problems(self.holder.lang))

    def _name(self, item: dict[str, Any]) -> str:
        name = item.get("name")
        if isinstance(name, dict) and str(name.get("en", "")).strip():
            return text(name, self.holder.lang)
        return self.tr("(no name)")

    @staticmethod
    def _at(item: Any, key: Key) -> Any:
        for part in key:
            try:
                item = item[part]
            except (KeyError, IndexError, TypeError):
                return None
        return item

    def _show_problems(self, page: _Page, problems: list[DraftProblem]) -> None:
        mine = [p for p in problems if p.path[:len(self.path)] == self.path]
        shown: set[int] = set()
        for field in page.fields:
            where = (*self.path, *field.key)
            found = [(i, p) for i, p in enumerate(mine) if p.path[:len(where)] == where]
            if found:
                shown.update(i for i, _p in found)
                field.set_problem("\n".join(p.message for _i, p in found),
                                  found[0][1].path[len(where):])
            else:
                field.set_problem("")
        rest = [p.message for i, p in enumerate(mine) if i not in shown and
                not _inside_criterion(p.path[len(self.path):])]
        page.item_problem.setText("\n".join(rest))
        page.item_problem.setVisible(bool(rest))

    def field_for(self, path: Path) -> Field | None:
        """The field of the item shown that edits ``path`` (a full path into the draft)."""
        page = self.page()
        if page is None or path[:len(self.path)] != self.path:
            return None
        for field in page.fields:
            where = (*self.path, *field.key)
            if path[:len(where)] == where:
                return field
        return None

    def focus_path(self, path: Path) -> bool:
        """Put the focus in the field of ``path`` (shown first); True if there is one."""
        field = self.field_for(path)
        if field is None:
            return False
        self.ensureWidgetVisible(field)
        field.focus(path[len(self.path) + len(field.key):])
        return True

    # -- editing ------------------------------------------------------------------------------
    def field_edited(self, field: Field, sub: Key, value: Any) -> None:
        """``field`` says the user set ``value`` at ``sub`` inside its key."""
        if not self.path:
            return
        path = (*self.path, *field.key, *sub)
        draft = self.holder.draft
        if draft.get(path) == value:
            return
        item, key = draft.get(self.path), field.key
        self.holder.edit(draft.with_value(path, value), lambda: _step_name(item, key))


def _step_name(item: Any, key: Key) -> str:
    """What the edit of ``key`` of ``item`` (a pillar or criterion) is called in the undo
    history, in the interface language."""
    name = item_name(item, "ItemForm") if isinstance(item, dict) else ""
    what = {"name": translate("ItemForm", "the name"),
            "description": translate("ItemForm", "the description"),
            "question": translate("ItemForm", "the question"),
            "direction": translate("ItemForm", "the direction"),
            "weight": translate("ItemForm", "the weight"),
            "enabled": translate("ItemForm", "the switch"),
            "source": translate("ItemForm", "the cited paragraphs")}.get(str(key[0]))
    if key[0] == "rubric":
        what = translate("ItemForm", "rubric level {n}").format(n=int(key[1]) + 1)
    return translate("ItemForm", "Edit {what} of {name}").format(what=what, name=name)


def _inside_criterion(relative: Path) -> bool:
    """True for a path, relative to a pillar, into one of its criteria."""
    return len(relative) > 1 and relative[0] == "criteria"
