"""The main window's menus and their actions: File (New, Open, Open Team Workspace, Open
Recent, Save a Copy, the long file jobs' actions, Quit), Edit (Undo and Redo of the open
portfolio) and View (the three views and the interface language). They are built again, in
the new language, when the language changes."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMenu

from gui.i18n import LANGUAGES

if TYPE_CHECKING:
    from gui.main_window import MainWindow


class MainMenus(QObject):
    """Builds the menus of ``window`` and holds their actions.

    Attributes:
        new_action, open_action, open_team_action, save_copy_action, sign_as_action,
            quit_action: File's own.
        save_action: not in a menu: Ctrl+S says every change is already written (or, for a
            scratch portfolio, asks where to keep it).
        view_actions: View ▸ Assess, Compare and Framework, in that order.
        perspective_menu: View ▸ Perspective, filled as it opens by the window's
            perspective bar.
        language_actions: View ▸ Language's actions by language (``en``, ``zh_CN``).
        undo_action, redo_action: Edit's, for the undo stack bound last (None before).
        file_menu, recent_menu, edit_menu, view_menu, language_menu: the menus.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.undo_action: QAction | None = None
        self.redo_action: QAction | None = None
        self._undo_stack: QUndoStack | None = None
        self._file_actions: list[QAction] = []
        self._build_actions()
        self._build_menus()

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
        self.open_action = self._action(self.tr("&Open…"), lambda: w.files.open_document(),
                                        sk.Open, self.tr("Open a portfolio"))
        self.open_team_action = self._action(
            self.tr("Open &Team Workspace…"), lambda: w.files.open_team_workspace(), None,
            self.tr("Open a portfolio shared on a PostgreSQL server"))
        self.save_copy_action = self._action(
            self.tr("Save a &Copy…"), lambda: w.files.save_copy(), sk.SaveAs,
            self.tr("Write a copy of this portfolio to another file"))
        self.sign_as_action = self._action(
            self.tr("Sign Changes &As…"), lambda: w.files.sign_as(), None,
            self.tr("The name your changes are recorded under in the history"))
        # every edit is on disk already: Ctrl+S, pressed from habit, says so
        self.save_action = self._action(self.tr("Save"), self._saved, sk.Save)
        self.quit_action = self._action(self.tr("&Quit"), w.close, sk.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.view_actions: list[QAction] = []
        for i, name in enumerate((self.tr("&Assess"), self.tr("&Compare"),
                                  self.tr("&Framework"))):
            self.view_actions.append(self._action(
                name, partial(w.tabs.setCurrentIndex, i), f"Ctrl+{i + 1}"))
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
        self.file_menu.addAction(self.sign_as_action)
        self.file_menu.addSeparator()
        self._file_actions_at = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
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
        self._fill_recent_menu()

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
        self.edit_menu.clear()
        undo = stack.createUndoAction(self.window, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = stack.createRedoAction(self.window, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action, self.redo_action = undo, redo
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)

    def check_language(self, lang: str) -> None:
        """Tick ``lang`` in View ▸ Language."""
        for action_lang, action in self.language_actions.items():
            action.setChecked(action_lang == lang)

    def rebuild(self) -> None:
        """Build the menus and actions again in the interface language now installed."""
        old_actions = [self.new_action, self.open_action, self.open_team_action,
                       self.save_action,
                       self.save_copy_action, self.sign_as_action, self.quit_action,
                       *self.view_actions, *self.language_actions.values()]
        old_menus = [self.file_menu, self.recent_menu, self.edit_menu, self.view_menu]
        self.window.menuBar().clear()
        for action in old_actions:
            self.window.removeAction(action)
            action.deleteLater()
        self._build_actions()
        self._build_menus()
        for action in self._file_actions:
            self.file_menu.insertAction(self._file_actions_at, action)
        if self._undo_stack is not None:
            self.bind_undo_stack(self._undo_stack)
        for menu in old_menus:
            menu.deleteLater()
