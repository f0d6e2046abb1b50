"""The framework editor: a window of its own, opened from the Framework view's Edit
Framework…, on a draft of the portfolio's framework (:class:`~gui.views.framework.
draft_holder.DraftHolder`).

Tab *Structure*: left, the outline of pillars and criteria (:mod:`gui.views.framework.
editor_tree`); right, the form of the item chosen, English and Chinese side by side
(:mod:`gui.views.framework.editor_form`). Tabs *Rules* and *Scenarios*: postures and
deal-breakers, and scenarios (:mod:`gui.views.framework.rules_panel`,
:mod:`gui.views.framework.scenarios_panel`). Below, every problem of the draft; choosing one
goes to its field. Undo and Redo (Ctrl+Z, Ctrl+Shift+Z) take the draft's own steps. Save As…
and Use in Portfolio… (:mod:`gui.views.framework.editor_release`) wait until the draft has no
problem. The title names the draft's id and version, and says when changes are unsaved.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from gui.dialogs import ask
from gui.document import Document
from gui.help.sizing import fit_to_screen
from gui.i18n import language
from gui.undo_texts import StackAction, rename_steps
from gui.views.framework.draft_holder import DraftHolder
from gui.views.framework.editor_form import ItemForm
from gui.views.framework.editor_release import DraftRelease
from gui.views.framework.editor_tree import StructureTree
from gui.views.framework.rules_panel import RulesPanel
from gui.views.framework.scenarios_panel import ScenariosPanel
from models.core.framework import Framework, text
from models.core.framework_draft import FrameworkDraft, Path

_PATH = Qt.ItemDataRole.UserRole


class FrameworkEditor(QMainWindow):
    """Edit a draft of ``doc``'s framework (see the module notes)."""

    def __init__(self, doc: Document, parent: QWidget | None = None,
                 holder: DraftHolder | None = None, base: Framework | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("frameworkEditor")
        self.doc = doc
        if holder is None:
            holder = DraftHolder(FrameworkDraft.from_framework(doc.framework), doc.portfolio,
                                 language(), self)
        else:  # taken over from an editor built in another language (in_new_language)
            holder.setParent(self)
        self.holder = holder
        self.handed_over = False
        self.release = DraftRelease(self, self.holder, doc)
        if base is not None:
            self.release.base = base
        self.tree = StructureTree(self.holder)
        self.form = ItemForm(self.holder)
        self.tree.chosen.connect(self.form.show_item)
        self.form.show_item(self.tree.current_path())
        self.tabs = self._build_tabs()
        self.problems_label = QLabel()
        self.problems_list = QListWidget()
        self.problems_list.setObjectName("problemsList")
        self.problems_list.itemClicked.connect(self._problem_chosen)
        self.problems_list.itemActivated.connect(self._problem_chosen)
        central = QWidget()
        box = QVBoxLayout(central)
        box.setContentsMargins(6, 6, 6, 6)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.problems_label)
        box.addWidget(self.problems_list)
        box.addLayout(self._build_buttons())
        self.setCentralWidget(central)
        self.holder.changed.connect(self.refresh)
        self.holder.undo_stack.cleanChanged.connect(self._clean_changed)
        self._rank_as_window()
        doc.perspectiveChanged.connect(self._rank_as_window)
        self.resize(1240, 760)  # made to fit its screen when opened (open_editor)
        self.refresh()

    def _rank_as_window(self) -> None:
        """The previews follow the window's perspective and gates setting."""
        self.holder.rank_as(self.doc.perspective, self.doc.ignore_gates)

    def _build_tabs(self) -> QTabWidget:
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.tree)
        splitter.addWidget(self.form)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 900])
        tabs = QTabWidget()
        tabs.addTab(splitter, self.tr("Structure"))
        self.rules_panel = RulesPanel(self.holder)
        self.scenarios_panel = ScenariosPanel(self.holder)
        tabs.addTab(self.rules_panel, self.tr("Rules"))
        tabs.addTab(self.scenarios_panel, self.tr("Scenarios"))
        return tabs

    def _build_buttons(self) -> QHBoxLayout:
        stack = self.holder.undo_stack
        self.undo_action = StackAction(stack, self)
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = StackAction(stack, self, redo=True)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            self.addAction(action)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.redo_button = QPushButton(self.tr("Redo"))
        self.undo_button.clicked.connect(lambda _c=False: stack.undo())
        self.redo_button.clicked.connect(lambda _c=False: stack.redo())
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        stack.undoTextChanged.connect(self.undo_button.setToolTip)
        stack.redoTextChanged.connect(self.redo_button.setToolTip)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.save_button = QPushButton(self.tr("Save As…"))
        self.save_button.setToolTip(self.tr("Write the framework to a file, as a new version "
                                            "or as a new framework"))
        self.use_button = QPushButton(self.tr("Use in Portfolio…"))
        self.use_button.setToolTip(self.tr("Move the portfolio to this framework, after a "
                                           "preview of what changes"))
        self.close_button = QPushButton(self.tr("Close"))
        self.save_button.clicked.connect(lambda _c=False: self.save_as())
        self.use_button.clicked.connect(lambda _c=False: self.use_in_portfolio())
        self.close_button.clicked.connect(lambda _c=False: self.close())
        row = QHBoxLayout()
        for button in (self.undo_button, self.redo_button):
            row.addWidget(button)
        row.addStretch(1)
        for button in (self.save_button, self.use_button, self.close_button):
            row.addWidget(button)
        return row

    # -- showing ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the draft's problems, title and what can be done with it."""
        problems = self.holder.draft.problems(self.holder.lang)
        self.problems_list.clear()
        for problem in problems:
            item = QListWidgetItem(self.tr("{where}: {problem}").format(
                where=self.where(problem.path), problem=problem.message))
            item.setData(_PATH, problem.path)
            self.problems_list.addItem(item)
        if problems:
            self.problems_label.setText("<b style='color:#a4262c'>" + html.escape(self.tr(
                "%n problem(s): the framework cannot be saved or used until each is "
                "solved. Click one to go to its field.", "", len(problems))) + "</b>")
        else:
            self.problems_label.setText(html.escape(self.tr("No problems.")))
        self.problems_list.setVisible(bool(problems))
        self.problems_list.setMaximumHeight(
            self.problems_list.sizeHintForRow(0) * min(len(problems), 5) + 6 if problems
            else 0)
        self.save_button.setEnabled(not problems)
        self.use_button.setEnabled(not problems)
        self._show_title()

    def _clean_changed(self, clean: bool) -> None:
        self._show_title(not clean)

    def _show_title(self, modified: bool | None = None) -> None:
        data = self.holder.draft.data
        name = data.get("name")
        title = self.tr("Framework Editor — {name} ({id} {version})").format(
            name=text(name, self.holder.lang) if isinstance(name, dict) and name.get("en")
            else "", id=data.get("id", ""), version=data.get("version", ""))
        if self.holder.is_modified() if modified is None else modified:
            title += " " + self.tr("— unsaved changes")
        self.setWindowTitle(title)

    def where(self, path: Path) -> str:
        """Where ``path`` is, in words: the names of the items it is in, then the field
        ("Niche position › Dirty work › Level 3 (English)")."""
        draft = self.holder.draft
        names: list[str] = []
        start = 0
        for end in range(1, len(path)):
            node: Any = draft.get(path[:end])
            if isinstance(node, dict) and isinstance(node.get("name"), dict):
                name = node["name"]
                names.append(text(name, self.holder.lang) if str(name.get("en", "")).strip()
                             else str(node.get("id", "")))
                start = end
        return " › ".join([*names, self._field_words(path[start:])])

    def _field_words(self, tail: Path) -> str:
        parts = list(tail)
        words = self._field_name(parts[:-1] if parts[-1:] in (["en"], ["zh_CN"]) else parts)
        if parts[-1:] == ["en"]:
            return self.tr("{field} (English)").format(field=words)
        if parts[-1:] == ["zh_CN"]:
            return self.tr("{field} (Chinese)").format(field=words)
        return words

    def _field_name(self, parts: list[str | int]) -> str:
        if len(parts) >= 2 and parts[-2] == "rubric" and isinstance(parts[-1], int):
            return self.tr("Level {n}").format(n=parts[-1] + 1)
        if (len(parts) >= 2 and parts[-2] == "when" and isinstance(parts[-1], int)) or \
                (len(parts) >= 3 and parts[-3] == "when" and isinstance(parts[-2], int)):
            n = parts[-1] if isinstance(parts[-1], int) else parts[-2]
            return self.tr("Condition {n}").format(n=int(n) + 1)
        if len(parts) >= 2 and parts[-2] == "shifts":
            return self.tr("Shift of {id}").format(id=parts[-1])
        fields = {"name": self.tr("Name"), "description": self.tr("Description"),
                  "question": self.tr("Question"), "direction": self.tr("Direction"),
                  "weight": self.tr("Weight"), "enabled": self.tr("Switched on"),
                  "source": self.tr("Source"), "id": self.tr("Id"),
                  "criteria": self.tr("Criteria"), "shifts": self.tr("Shifts"),
                  "when": self.tr("Conditions")}
        last = parts[-1] if parts else ""
        words = fields.get(str(last), ".".join(str(p) for p in parts))
        return words

    # -- going to a field ---------------------------------------------------------------------
    def _problem_chosen(self, item: QListWidgetItem) -> None:
        self.go_to(item.data(_PATH))

    def go_to(self, path: Path) -> None:
        """Show the field at ``path``: its tab, its item, the focus in it."""
        if path[:1] == ("pillars",) and len(path) >= 2:
            self.tabs.setCurrentIndex(0)
            self.tree.select(path)
            self.form.focus_path(path)
            return
        if path[:1] == ("scenarios",):
            self.tabs.setCurrentWidget(self.scenarios_panel)
            self.scenarios_panel.go_to(path)
        elif path[:1] in (("postures",), ("deal_breakers",)):
            self.tabs.setCurrentWidget(self.rules_panel)
            self.rules_panel.go_to(path)

    # -- saving and using ---------------------------------------------------------------------
    def save_as(self, name: str | None = None, as_new: bool | None = None) -> bool:
        """Save the draft (see :meth:`DraftRelease.save_as`); True when a file was written."""
        return self.release.save_as(name, as_new)

    def use_in_portfolio(self) -> bool:
        """Move the portfolio to the draft after the migration preview; True when moved."""
        return self.release.use_in_portfolio()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.handed_over and self.holder.is_modified() and self.isVisible() and \
                not ask.confirm(
                self, self.tr("Close the framework editor"),
                self.tr("The changes to this framework are neither saved nor used in the "
                        "portfolio. Close the editor and discard them?")):
            event.ignore()
            return
        event.accept()


def editor_of(view: QWidget) -> FrameworkEditor | None:
    """The framework editor ``view`` opened, if it is still open."""
    editor = getattr(view, "framework_editor", None)
    return editor if isinstance(editor, FrameworkEditor) and isValid(editor) else None


def open_editor(view: QWidget, doc: Document) -> FrameworkEditor:
    """The framework editor of ``view`` on ``doc``'s framework, shown and raised: the one
    already open on ``doc``, else a new one (a window of its own, deleted when closed)."""
    editor = editor_of(view)
    if editor is None or editor.doc is not doc:
        editor = FrameworkEditor(doc, view.window())
        editor.setWindowFlag(Qt.WindowType.Window, True)
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        view.framework_editor = editor  # type: ignore[attr-defined]
        fit_to_screen(editor, 1240, 760)
    editor.show()
    editor.raise_()
    editor.activateWindow()
    return editor


def let_go(view: QWidget, doc: Document) -> None:
    """Close the framework editor ``view`` opened on another portfolio than ``doc`` (one the
    window closed): asked first if its draft has changes; a draft kept can still be saved
    as a file, not used in the closed portfolio."""
    editor = editor_of(view)
    if editor is not None and editor.doc is not doc:
        editor.close()


def in_new_language(old: FrameworkEditor) -> FrameworkEditor:
    """``old`` built again in the interface language now installed, with its draft, history
    (its steps named in that language) and place (tab, chosen item, size), shown if it was;
    ``old`` goes."""
    old.holder.lang = language()
    rename_steps(old.holder.undo_stack)  # before Undo and Redo are named from them
    new = FrameworkEditor(old.doc, old.parentWidget(), old.holder, old.release.base)
    new.setWindowFlag(Qt.WindowType.Window, True)
    new.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
    new.setGeometry(old.geometry())
    new.tabs.setCurrentIndex(old.tabs.currentIndex())
    new.tree.select(old.tree.current_path())
    if old.isVisible():
        new.show()
    old.handed_over = True
    old.close()
    old.deleteLater()
    return new
