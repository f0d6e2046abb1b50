"""The main window's menus, tool bar and their actions: File (New, Open, Open Team Workspace,
Open Recent, Save a Copy, the long file jobs' actions, Close, Quit), Edit (Undo and Redo of the
open portfolio, Copy, Select All, Find: :mod:`gui.edit_actions`; Next Unscored Criterion;
Preferences: :mod:`gui.preferences`), View (the three views, the perspective and the interface
language) and Help (:mod:`gui.help`); the tool bar holds New, Open, Undo, Redo, Find and
Export. They are built again, in the new language, when the language changes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu, QToolBar, QWidget

from gui.edit_actions import EditActions
from gui.help.menu import HelpActions
from gui.help.shortcuts import keys, plain_text
from gui.i18n import LANGUAGES
from gui.icons import action_icon
from gui.preferences import open_preferences
from gui.undo_texts import StackAction

if TYPE_CHECKING:
    from gui.main_window import MainWindow

#: The key of Edit ▸ Next Unscored Criterion (the Assess view's button names it too).
NEXT_UNSCORED_KEY = "Ctrl+J"

class MainMenus(QObject):
    """Builds the menus of ``window`` and holds their actions.

    Attributes:
        new_action, open_action, open_team_action, save_copy_action, close_action,
            quit_action: File's own.
        save_action: not in a menu: Ctrl+S says every change is already written (or, for a
            scratch portfolio, asks where to keep it).
        edit: Copy, Select All and Find (:class:`~gui.edit_actions.EditActions`).
        next_unscored_action: Edit ▸ Next Unscored Criterion (Ctrl+J): Assess, at the
            criterion of the assessment shown that is not scored yet.
        preferences_action: Edit ▸ Preferences (Ctrl+,).
        view_actions: View ▸ Assess, Compare and Framework, in that order.
        perspective_menu: View ▸ Perspective, filled as it opens by the window's
            perspective bar.
        language_actions: View ▸ Language's actions by language (``en``, ``zh_CN``).
        help: Help's actions and windows (:class:`~gui.help.menu.HelpActions`).
        undo_action, redo_action: Edit's, for the undo stack bound last (None before).
        file_menu, recent_menu, edit_menu, view_menu, language_menu, help_menu: the menus.
        tool_bar: New, Open, Undo, Redo, Find and Export.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        self._undo_stack: QUndoStack | None = None
        self._file_actions: list[QAction] = []
        self.edit = EditActions(window)
        self.help = HelpActions(window)
        self.tool_bar = QToolBar(self.tr("Tools"), window)
        self.tool_bar.setObjectName("mainToolBar")
        self.tool_bar.setMovable(False)
        self.tool_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        window.insertToolBar(window.perspective_bar, self.tool_bar)  # first, at the left
        self._build_actions()
        self._build_menus()
        window.documentChanged.connect(self._document_changed)

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def _build_actions(self) -> None:
        w, sk = self.window, QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New"), lambda: w.files.new_document(), sk.New,
                                       self.tr("Start an empty portfolio"))
        self.new_action.setIcon(action_icon("new"))
        self.open_action = self._action(self.tr("&Open…"), lambda: w.files.open_document(),
                                        sk.Open, self.tr("Open a portfolio"))
        self.open_action.setIcon(action_icon("open"))
        self.open_team_action = self._action(
            self.tr("Open &Team Workspace…"), lambda: w.files.open_team_workspace(), None,
            self.tr("Open a portfolio shared on a PostgreSQL server"))
        self.save_copy_action = self._action(
            self.tr("Save a Cop&y…"), lambda: w.files.save_copy(), sk.SaveAs,
            self.tr("Write a copy of this portfolio to another file"))
        # every edit is on disk already: Ctrl+S, pressed from habit, says so
        self.save_action = self._action(self.tr("Save"), self._saved, sk.Save)
        self.close_action = self._action(
            self.tr("&Close"), self.close_document, "Ctrl+W",
            self.tr("Close this portfolio and leave the window open"))
        self.quit_action = self._action(self.tr("&Quit"), w.close, sk.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.preferences_action = self._action(
            self.tr("&Preferences…"), lambda: open_preferences(w), "Ctrl+,",
            self.tr("Your name and role, the language, the perspective, the analysis's "
                    "draws and seed"))
        self.preferences_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.next_unscored_action = self._action(
            self.tr("&Next Unscored Criterion"), self.next_unscored, NEXT_UNSCORED_KEY,
            self.tr("Go to the next criterion of the assessment shown that is not scored yet"))
        self.view_actions: list[QAction] = []
        for i, (view, name) in enumerate((("assess", self.tr("&Assess")),
                                          ("compare", self.tr("&Compare")),
                                          ("framework", self.tr("&Framework")))):
            self.view_actions.append(self._action(
                name, partial(w.show_view, view), f"Ctrl+{i + 1}"))
        self.language_actions: dict[str, QAction] = {}
        for lang, label in LANGUAGES.items():
            # each language is named in itself, so anyone can find their own
            action = QAction(label, w)
            action.setCheckable(True)
            action.setChecked(lang == w.lang)
            action.triggered.connect(lambda _c=False, lang=lang: w.set_language(lang))
            self.language_actions[lang] = action

    def _build_menus(self) -> None:
        bar = self.window.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.file_menu.addAction(self.open_team_action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self.window)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_copy_action)
        self.file_menu.addSeparator()
        self._file_actions_at = self.file_menu.addSeparator()
        self.file_menu.addAction(self.close_action)
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self._fill_edit_menu()
        self.view_menu = bar.addMenu(self.tr("&View"))
        for action in self.view_actions:
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.perspective_menu = self.view_menu.addMenu(self.tr("&Perspective"))
        self.perspective_menu.aboutToShow.connect(
            lambda: self.window.perspective_bar.fill_menu(self.perspective_menu))
        self.language_menu = self.view_menu.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.help.fill(self.help_menu)
        self._fill_recent_menu()
        self.fill_tool_bar()

    def _fill_edit_menu(self) -> None:
        """Undo and Redo (once an undo stack is bound), Copy, Select All, Find, Next Unscored
        Criterion, Preferences."""
        _empty(self.edit_menu)
        if self.undo_action is not None and self.redo_action is not None:
            self.edit_menu.addAction(self.undo_action)
            self.edit_menu.addAction(self.redo_action)
            self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.edit.copy_action)
        self.edit_menu.addAction(self.edit.select_all_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.edit.find_action)
        self.edit_menu.addAction(self.next_unscored_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.preferences_action)

    def fill_tool_bar(self) -> None:
        """New, Open | Undo, Redo | Find | Export (the last once the file jobs exist), each
        with a tool tip naming it and its keys ("Open (Ctrl+O)")."""
        _empty(self.tool_bar)
        self.tool_bar.setWindowTitle(self.tr("Tools"))
        groups: list[list[tuple[QAction, str]]] = [
            [(self.new_action, self.new_action.text()),
             (self.open_action, self.open_action.text())]]
        if self.undo_action is not None and self.redo_action is not None:
            groups.append([(self.undo_action, self.tr("&Undo")),
                           (self.redo_action, self.tr("&Redo"))])
        groups.append([(self.edit.find_action, self.edit.find_action.text())])
        jobs = getattr(self.window, "file_jobs", None)
        if jobs is not None:
            jobs.export_action.setIcon(action_icon("export"))
            groups.append([(jobs.export_action, jobs.export_action.text())])
        for i, group in enumerate(groups):
            if i:
                self.tool_bar.addSeparator()
            for action, name in group:
                self.tool_bar.addAction(action)
                shortcut = keys(action)
                action.setToolTip(f"{plain_text(name)} ({shortcut})" if shortcut
                                  else plain_text(name))

    def close_document(self) -> bool:
        """File ▸ Close: the portfolio goes (a scratch one's changes kept or discarded as
        the user answers) and the window stays, on the welcome page."""
        w = self.window
        if not w.files.maybe_save():
            return False
        from gui.document import Document

        name = w.doc.display_name()
        w.replace_document(Document.new(w))
        w.statusBar().showMessage(self.tr("Closed {name}.").format(name=name), 5000)
        w.welcome.show_page()
        return True

    def update_enabled(self) -> None:
        """Save, Save a Copy, Close and the exports (a founder template too: it is for the
        framework of the portfolio its answers go back into) only while a portfolio is open,
        not on the welcome page after File ▸ Close or at first start; Import Workbooks
        always (with nothing open it makes a new portfolio)."""
        from gui.welcome import is_open

        doc = self.window.current_document()
        jobs = getattr(self.window, "file_jobs", None)
        for action in (self.save_action, self.save_copy_action, self.close_action,
                       *((jobs.export_action, jobs.report_action, jobs.template_action)
                         if jobs is not None else ())):
            action.setEnabled(doc is not None and is_open(doc))

    def _document_changed(self) -> None:
        """Another portfolio is open; an edit can make an empty one worth keeping."""
        self.window.doc.undo_stack.indexChanged.connect(self.update_enabled)
        self.update_enabled()

    def next_unscored(self) -> str:
        """Edit ▸ Next Unscored Criterion: show Assess at the next criterion of the assessment
        shown that is not scored yet; returns its id ('' when there is none, said in the
        status bar)."""
        w = self.window
        w.show_view("assess")
        view = w.assess_view
        found = view.next_unscored()
        if not found:
            w.statusBar().showMessage(
                self.tr("Every criterion of this assessment is scored.")
                if view.current_assessment() else
                self.tr("Choose a startup and an assessment to score first."), 5000)
        return found

    def _saved(self) -> None:
        w = self.window
        if w.doc.workspace is None:
            w.files.save_copy()
            return
        w.statusBar().showMessage(self.tr(
            "Nothing to save: every change is written to {name} as you make it.").format(
                name=w.doc.display_name()), 5000)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.window.settings.recent_files
        for path in files:
            action = self.recent_menu.addAction(path.replace("&", "&&"))  # not a mnemonic
            action.triggered.connect(
                lambda _c=False, p=path: self.window.files.open_location(p))
        if not files:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        self.recent_menu.setEnabled(True)

    def add_file_action(self, action: QAction) -> None:
        """Add an action (import, export, report) to the File menu above Quit; it stays there
        when the menus are built again."""
        self._file_actions.append(action)
        self.file_menu.insertAction(self._file_actions_at, action)

    def bind_undo_stack(self, stack: QUndoStack) -> None:
        """Edit ▸ Undo and Redo act on ``stack`` (the open portfolio's)."""
        self._undo_stack = stack
        for old in (self.undo_action, self.redo_action):
            if old is not None:
                self.window.removeAction(old)
                old.deleteLater()
        undo = StackAction(stack, self.window)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setIcon(action_icon("undo"))
        redo = StackAction(stack, self.window, redo=True)
        # the platform's keys with Ctrl (Ctrl+Shift+Z, Ctrl+Y), not a keyboard's Redo key
        redo.setShortcuts([k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                           if k.toString().startswith("Ctrl+")])
        redo.setIcon(action_icon("redo"))
        self.undo_action, self.redo_action = undo, redo
        self._fill_edit_menu()
        self.fill_tool_bar()

    def check_language(self, lang: str) -> None:
        """Tick ``lang`` in View ▸ Language."""
        for action_lang, action in self.language_actions.items():
            action.setChecked(action_lang == lang)

    def rebuild(self) -> None:
        """Build the menus and actions again in the interface language now installed."""
        old_actions = [self.new_action, self.open_action, self.open_team_action,
                       self.save_action, self.save_copy_action, self.close_action,
                       self.quit_action, self.preferences_action, self.next_unscored_action,
                       *self.edit.actions(),
                       *self.help.actions(), *self.view_actions,
                       *self.language_actions.values()]
        old_menus = [self.file_menu, self.recent_menu, self.edit_menu, self.view_menu,
                     self.help_menu]
        self.window.menuBar().clear()
        _empty(self.tool_bar)
        for action in old_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self.edit.build_actions()
        self.help.build_actions()
        self._build_actions()
        self._build_menus()
        for action in self._file_actions:
            self.file_menu.insertAction(self._file_actions_at, action)
        if self._undo_stack is not None:
            self.bind_undo_stack(self._undo_stack)
        self.help.retranslate()
        self.update_enabled()
        for menu in old_menus:
            menu.deleteLater()


def _empty(holder: QWidget) -> None:
    """Take every action out of a menu or tool bar, deleting only its separators (``clear()``
    would delete an undo stack's actions too)."""
    for action in holder.actions():
        holder.removeAction(action)
        if action.isSeparator():
            action.deleteLater()
