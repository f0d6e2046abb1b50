"""The Help menu's actions and the windows they open: User Guide (F1), Keyboard Shortcuts,
Welcome Page (shown again in the main window, :mod:`gui.welcome`) and About Beachhead. The
windows do not block the main window; each is opened once and raised when asked for again,
and follows a change of the interface language."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QMenu

if TYPE_CHECKING:
    from gui.help.about import AboutDialog
    from gui.help.guide import GuideWindow
    from gui.help.shortcuts import ShortcutsDialog
    from gui.main_window import MainWindow

D = TypeVar("D", bound=QDialog)


class HelpActions(QObject):
    """Help's actions for ``window``, and the windows they opened.

    Attributes:
        guide_action, shortcuts_action, welcome_action, about_action: the actions.
        guide, shortcuts, about: the window each opened (None before, or once closed).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.guide: GuideWindow | None = None
        self.shortcuts: ShortcutsDialog | None = None
        self.about: AboutDialog | None = None
        self.build_actions()

    def build_actions(self) -> None:
        """Make the actions in the interface language now installed."""
        w = self.window
        self.guide_action = QAction(self.tr("Beachhead &User Guide"), w)
        self.guide_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.guide_action.setStatusTip(self.tr(
            "The framework, how scores are computed, every view and the workbooks, offline"))
        self.guide_action.triggered.connect(lambda _c=False: self.show_guide())
        self.shortcuts_action = QAction(self.tr("&Keyboard Shortcuts"), w)
        self.shortcuts_action.triggered.connect(lambda _c=False: self.show_shortcuts())
        self.welcome_action = QAction(self.tr("&Welcome Page"), w)
        self.welcome_action.setStatusTip(self.tr(
            "Open the sample, start or open a portfolio, or import founders' workbooks"))
        self.welcome_action.triggered.connect(lambda _c=False: w.welcome.show_page())
        self.about_action = QAction(self.tr("&About Beachhead"), w)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(lambda _c=False: self.show_about())
        for action in self.actions():
            w.addAction(action)

    def actions(self) -> list[QAction]:
        """User Guide, Keyboard Shortcuts, Welcome Page, About."""
        return [self.guide_action, self.shortcuts_action, self.welcome_action, self.about_action]

    def fill(self, menu: QMenu) -> None:
        """Put the actions in the Help menu."""
        menu.addAction(self.guide_action)
        menu.addAction(self.shortcuts_action)
        menu.addAction(self.welcome_action)
        menu.addSeparator()
        menu.addAction(self.about_action)

    def show_guide(self, chapter: str = "") -> GuideWindow:
        """Open the user guide in the interface language (on ``chapter``, if given)."""
        from gui.help.guide import GuideWindow  # each window imported when first opened

        guide = self.guide or self._kept(GuideWindow(self.window.lang, self.window), "guide")
        self.guide = guide
        if chapter:
            guide.show_chapter(chapter)
        self._raise(guide)
        return guide

    def show_shortcuts(self) -> ShortcutsDialog:
        """List the window's keyboard shortcuts."""
        from gui.help.shortcuts import ShortcutsDialog

        dialog = self.shortcuts or self._kept(ShortcutsDialog(self.window), "shortcuts")
        self.shortcuts = dialog
        self._raise(dialog)
        return dialog

    def show_about(self) -> AboutDialog:
        """Show About Beachhead (read afresh: the open workspace may have changed)."""
        if self.about is not None:
            self.about.close()
        from gui.help.about import AboutDialog  # reads every package's metadata

        dialog = self.about = self._kept(AboutDialog(self.window), "about")
        self._raise(dialog)
        return dialog

    def _kept(self, dialog: D, name: str) -> D:
        """``dialog``, deleted when closed and then forgotten."""
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r=0, n=name, d=dialog: self._forget(n, d))
        return dialog

    def _forget(self, name: str, dialog: QDialog) -> None:
        if getattr(self, name) is dialog:
            setattr(self, name, None)

    @staticmethod
    def _raise(dialog: QDialog) -> None:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def retranslate(self) -> None:
        """After a change of language: the guide shows the new language's chapters; the
        shortcut list and About close (they are read afresh when opened again)."""
        if self.guide is not None:
            self.guide.load(self.window.lang)
        for dialog in (self.shortcuts, self.about):
            if dialog is not None:
                dialog.close()
