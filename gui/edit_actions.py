"""Edit ▸ Copy, Select All and Find, and the context menus of the startup list and the tables.

Copy takes what has the keyboard focus: in a table or a list, the selected rows (or, in a
table, the selected cells) as tab-separated text with a header row, so they paste into a
spreadsheet as they look (:func:`spreadsheet_text`: a gap of −10.2 pastes as the number
-10.2, a startup named "=1+1" as that text, never run as a formula); in a text field, the
field's own copy of its selected text. Find
puts the keyboard in the filter field of what is on screen: the one beside the focused table
if it has one, else the current view's."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTextEdit,
    QWidget,
)

from gui.icons import action_icon
from gui.tables.roles import OverallRole, StartupIdRole, StatusRole

if TYPE_CHECKING:
    from gui.main_window import MainWindow

#: Marks an item view whose context menu this module gives (dynamic property).
_HAS_MENU = "beachheadContextMenu"
#: A number as the tables show it: a sign (the typographic minus too), digits, decimals, %.
_NUMBER = re.compile(r"[+\-\u2212]?\d[\d,]*(?:\.\d+)?%?")


def _text_field(widget: QWidget | None) -> QWidget | None:
    """The text field ``widget`` is, or edits through (a spin box's, a combo box's)."""
    if isinstance(widget, QAbstractSpinBox | QComboBox) and widget.lineEdit() is not None:
        return widget.lineEdit()
    return widget if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit) else None


def _item_view(widget: QWidget | None) -> QAbstractItemView | None:
    """The table or list ``widget`` is, or is the viewport of."""
    while widget is not None and not isinstance(widget, QAbstractItemView):
        parent = widget.parentWidget()
        if not isinstance(parent, QAbstractItemView):
            return None
        widget = parent
    return widget


def _one_line(value: object) -> str:
    """``value`` as text on one line (a tab or line break would split the spreadsheet's)."""
    text = "" if value is None else str(value)
    return " ".join(text.replace("\t", " ").splitlines())


def spreadsheet_text(value: object) -> str:
    """``value`` as a spreadsheet takes it when pasted: on one line, a number's typographic
    minus (−10.2) the minus a spreadsheet reads as one (-10.2), and a text it would run as
    a formula (``= + - @`` first) neutralised as in a CSV file (``csv_text``)."""
    from models.cli.tables import csv_text  # not on the start-up path: it imports pydantic

    text = _one_line(value)
    if _NUMBER.fullmatch(text):
        return text.replace("\u2212", "-")
    return csv_text(text)


def _cell(index: QModelIndex) -> str:
    """What a cell shows, as a spreadsheet should take it."""
    return spreadsheet_text(index.data(Qt.ItemDataRole.DisplayRole))


class EditActions(QObject):
    """Copy, Select All and Find for ``window``, and the context menus of its item views.

    Attributes:
        copy_action, select_all_action, find_action: Edit's actions (built again with the
            menus when the language changes).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.build_actions()

    def build_actions(self) -> None:
        """Make the actions in the interface language now installed."""
        w, sk = self.window, QKeySequence.StandardKey
        self.copy_action = QAction(self.tr("&Copy"), w)
        self.copy_action.setShortcut(sk.Copy)
        self.copy_action.setStatusTip(self.tr(
            "Copy the selected rows as a table that pastes into a spreadsheet, or the "
            "selected text"))
        self.copy_action.triggered.connect(lambda _c=False: self.copy())
        self.select_all_action = QAction(self.tr("Select &All"), w)
        self.select_all_action.setShortcut(sk.SelectAll)
        self.select_all_action.triggered.connect(lambda _c=False: self.select_all())
        self.find_action = QAction(action_icon("find"), self.tr("&Find"), w)
        self.find_action.setShortcut(sk.Find)
        self.find_action.setStatusTip(self.tr("Type in the filter of the view on screen"))
        self.find_action.triggered.connect(lambda _c=False: self.find())
        for action in self.actions():
            w.addAction(action)

    def actions(self) -> list[QAction]:
        """Copy, Select All and Find."""
        return [self.copy_action, self.select_all_action, self.find_action]

    # -- copy and select all ---------------------------------------------------------------
    def copy(self, widget: QWidget | None = None) -> bool:
        """Copy from ``widget`` (default: the one with the keyboard focus); False when it has
        nothing to copy (the status bar then says how to)."""
        widget = widget or QApplication.focusWidget()
        field = _text_field(widget)
        if field is not None:
            field.copy()  # type: ignore[attr-defined]
            return True
        view = _item_view(widget)
        text = self.selection_text(view) if view is not None else ""
        if not text:
            self.window.statusBar().showMessage(self.tr(
                "Nothing to copy: select rows in a table or the list, or text in a field."),
                5000)
            return False
        QGuiApplication.clipboard().setText(text)
        rows = text.count("\n") - 1  # the header is no row of data
        self.window.statusBar().showMessage(
            self.tr("Copied %Ln row(s) with their column names.", "", rows), 5000)
        return True

    def selection_text(self, view: QAbstractItemView) -> str:
        """The rows or cells selected in ``view`` as tab-separated lines, the first naming
        the columns ('' when nothing is selected)."""
        selected = view.selectionModel().selectedIndexes() if view.selectionModel() else []
        if not selected:
            return ""
        if isinstance(view, QTableView):
            rows, columns = self._table_rows_and_columns(view, selected)
            model = view.model()
            header = [spreadsheet_text(model.headerData(c, Qt.Orientation.Horizontal))
                      for c in columns]
            chosen = {(i.row(), i.column()) for i in selected}
            body = [[_cell(model.index(r, c)) if (r, c) in chosen else "" for c in columns]
                    for r in rows]
            return "\n".join("\t".join(line) for line in [header, *body]) + "\n"
        return self._list_text(view, selected)

    @staticmethod
    def _table_rows_and_columns(view: QTableView, selected: list[QModelIndex]
                                ) -> tuple[list[int], list[int]]:
        """The selected rows in the order shown, and the columns to copy: every column shown
        when whole rows are selected, else the columns of the selected cells."""
        v_header, h_header = view.verticalHeader(), view.horizontalHeader()
        rows = sorted({i.row() for i in selected}, key=v_header.visualIndex)
        whole_rows = view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
        columns = range(view.model().columnCount()) if whole_rows else \
            {i.column() for i in selected}
        shown = [c for c in columns if not view.isColumnHidden(c)]
        return rows, sorted(shown, key=h_header.visualIndex)

    def _list_text(self, view: QAbstractItemView, selected: list[QModelIndex]) -> str:
        """A list's selected rows: the name, and the startup list's overall and status."""
        from models.core.decisions import status_name
        from models.core.rounding import fixed

        indexes = sorted(selected, key=lambda i: i.row())
        header = [self.tr("Name")]
        extras = []
        if any(i.data(StartupIdRole) for i in indexes):
            header = [self.tr("Startup"), self.tr("Overall"), self.tr("Status")]
            lang = self.window.lang
            extras = [lambda i: "" if i.data(OverallRole) is None else fixed(i.data(OverallRole)),
                      lambda i: status_name(i.data(StatusRole), lang) if i.data(StatusRole)
                      else ""]
        lines = [header] + [[_cell(i), *(f(i) for f in extras)] for i in indexes]
        return "\n".join("\t".join(line) for line in lines) + "\n"

    def select_all(self, widget: QWidget | None = None) -> None:
        """Select all the text of the focused field, or every row of the focused table."""
        widget = widget or QApplication.focusWidget()
        target = _text_field(widget) or _item_view(widget)
        if target is not None:
            target.selectAll()  # type: ignore[attr-defined]

    # -- find ------------------------------------------------------------------------------
    def filter_field(self) -> QLineEdit | None:
        """The filter field Find goes to: the nearest to the keyboard focus within the view
        on screen, else the view's first shown."""
        view = self.window.tabs.currentWidget()
        if view is None:
            return None
        widget = QApplication.focusWidget()
        while widget is not None and view.isAncestorOf(widget):
            field = getattr(widget, "filter_edit", None)
            if isinstance(field, QLineEdit) and field.isVisibleTo(self.window):
                return field
            widget = widget.parentWidget()
        for holder in [view, *view.findChildren(QWidget)]:
            field = getattr(holder, "filter_edit", None)
            if isinstance(field, QLineEdit) and field.isVisibleTo(self.window):
                return field
        return None

    def find(self) -> bool:
        """Put the keyboard in the filter field of what is on screen (the views, from the
        welcome page too), its text selected so typing replaces it; False when the view has
        no filter or no portfolio is open (said in the status bar)."""
        if not self.window.welcome.leave():  # the welcome page, and no portfolio open
            self.window.statusBar().showMessage(
                self.tr("Nothing to find in: open a portfolio first."), 5000)
            return False
        field = self.filter_field()
        if field is None:
            self.window.statusBar().showMessage(
                self.tr("This view has no filter: Find works in Assess and Compare."), 5000)
            return False
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()
        return True

    # -- context menus ---------------------------------------------------------------------
    def install_context_menus(self, root: QWidget | None) -> None:
        """Give every table and list under ``root`` without a context menu of its own one
        with Copy and Select All (and what fits its rows). Called again as views are built."""
        if root is None:
            return
        for view in [root, *root.findChildren(QAbstractItemView)]:
            if not isinstance(view, QAbstractItemView) or view.property(_HAS_MENU) or \
                    view.contextMenuPolicy() != Qt.ContextMenuPolicy.DefaultContextMenu:
                continue
            view.setProperty(_HAS_MENU, True)
            view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            view.customContextMenuRequested.connect(
                lambda pos, v=view: self.context_menu(v, pos).popup(
                    v.viewport().mapToGlobal(pos)))

    def context_menu(self, view: QAbstractItemView, pos: QPoint) -> QMenu:
        """The menu a right click at ``pos`` in ``view`` opens: Copy and Select All, then,
        for the startup list, its startup commands, and for a table of startups, Show in
        Assess and Export Report."""
        view.setFocus(Qt.FocusReason.PopupFocusReason)
        menu = QMenu(view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        copy = menu.addAction(self.copy_action.text(), lambda: self.copy(view))
        copy.setShortcut(self.copy_action.shortcut())
        copy.setEnabled(bool(view.selectionModel() and view.selectionModel().hasSelection()))
        select_all = menu.addAction(self.select_all_action.text(), lambda: self.select_all(view))
        select_all.setShortcut(self.select_all_action.shortcut())
        assess = self.window.assess_view
        if view is getattr(assess, "list_view", None):
            menu.addSeparator()
            for text, button in ((self.tr("Add Startup…"), assess.add_button),
                                 (self.tr("Rename…"), assess.rename_button),
                                 (self.tr("Duplicate"), assess.duplicate_button),
                                 (self.tr("Delete…"), assess.delete_button)):
                self._add_button(menu, text, button)
        else:
            startup_id = view.indexAt(pos).data(StartupIdRole)
            if startup_id:
                menu.addSeparator()
                menu.addAction(self.tr("Show in Assess"),
                               lambda: self.show_in_assess(str(startup_id)))
                menu.addAction(self.window.file_jobs.report_action)
        return menu

    @staticmethod
    def _add_button(menu: QMenu, text: str, button: QPushButton) -> None:
        """An entry ``text`` of ``menu`` that does what ``button`` does, when it can."""
        action = menu.addAction(text, button.click)
        action.setStatusTip(button.toolTip())
        action.setEnabled(button.isEnabled())

    def show_in_assess(self, startup_id: str) -> None:
        """Choose the startup in the Assess view and show it."""
        self.window.assess_view.select_startup(startup_id)
        self.window.show_view("assess")
