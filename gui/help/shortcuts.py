"""Help ▸ Keyboard Shortcuts: every action of the window that has a shortcut, listed from the
actions themselves (their menu, their name, their keys), so the list never drifts from what
the keys do."""

from __future__ import annotations

import re

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.help.sizing import fit_to_screen

#: Between a menu and what it holds ("Edit ▸ Copy").
MENU_ARROW = " ▸ "
#: A mnemonic written after the text, as Chinese menus do: "文件(&F)".
_MNEMONIC = re.compile(r"\(&\w\)")


def plain_text(text: str) -> str:
    """A menu text without its mnemonic and trailing dots ("&Open…" → "Open", "打开(&O)…"
    → "打开")."""
    text = _MNEMONIC.sub("", text.replace("&&", "\x00"))
    return text.replace("&", "").replace("\x00", "&").rstrip("…").strip()


def keys(action: QAction) -> str:
    """The action's shortcuts as this platform writes them ("Ctrl+Shift+Z, Ctrl+Y")."""
    return ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText)
                     for s in action.shortcuts() if not s.isEmpty())


def submenus(window: QWidget) -> dict[QAction, QMenu]:
    """Each menu of ``window`` by the action that opens it. (``QAction.menu()`` is not asked:
    on PySide6 6.6 it can answer, after the menus are rebuilt, with a deleted menu.)"""
    return {menu.menuAction(): menu for menu in window.findChildren(QMenu)}


def _menu_rows(menu: QMenu, path: str, seen: set[int], rows: list[tuple[str, str]],
               menus: dict[QAction, QMenu]) -> None:
    for action in menu.actions():
        if action.isSeparator():
            continue
        sub = menus.get(action)
        if sub is not None:
            _menu_rows(sub, path + plain_text(action.text()) + MENU_ARROW, seen, rows, menus)
        elif keys(action) and id(action) not in seen:
            seen.add(id(action))
            rows.append((path + plain_text(action.text()), keys(action)))


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(command, keys) of every action of ``window`` with a shortcut: those in the menus in
    menu order, named by their menu path, then the others the window's widgets hold."""
    rows: list[tuple[str, str]] = []
    seen: set[int] = set()
    menus = submenus(window)
    for action in window.menuBar().actions():
        menu = menus.get(action)
        if menu is not None:
            _menu_rows(menu, plain_text(action.text()) + MENU_ARROW, seen, rows, menus)
    for action in window.findChildren(QAction):
        if keys(action) and id(action) not in seen and action.text() and \
                action.associatedObjects():  # in the window, so its keys work
            seen.add(id(action))
            rows.append((plain_text(action.text()), keys(action)))
    return rows


class ShortcutsDialog(QDialog):
    """The table of ``window``'s shortcuts.

    Attributes:
        table: one row per command: its menu path and name, its keys.
    """

    def __init__(self, window: QMainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcutsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        for r, (command, sequence) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(command))
            self.table.setItem(r, 1, QTableWidgetItem(sequence))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(self.tr(
            "In the Assess view, the keys 1 to 5 score the focused criterion, 0 or Delete "
            "clears it, and the arrow keys move between criteria."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        fit_to_screen(self, 560, 620)

    def rows(self) -> list[tuple[str, str]]:
        """What the table lists: (command, keys) per row."""
        return [(self._text(r, 0), self._text(r, 1)) for r in range(self.table.rowCount())]

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""
