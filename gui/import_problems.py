"""What File ▸ Import Workbooks found wrong, or worth a look, as a table: File, Sheet, Cell and
Problem (:class:`gui.tables.problems.ProblemsTableModel`), sortable and with columns the user
resizes, above a summary line. **Copy** puts the rows (the selected ones, else all) on the
clipboard as tab-separated text with a header row, which pastes into a spreadsheet; **Save as
CSV…** writes them to a file in UTF-8 with a byte-order mark, so Excel reads Chinese correctly.
In both, a text a spreadsheet would run as a formula (``= + - @`` first) is neutralised
(:func:`models.cli.tables.csv_text`, through :func:`gui.edit_actions.spreadsheet_text` for
Copy), since a workbook's own text can end up in a problem.

The dialog is shown through :meth:`gui.dialogs.Ask.import_problems`, and asks through the same
:class:`~gui.dialogs.Ask`, so tests script the answers and drive the dialog itself.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.edit_actions import spreadsheet_text
from gui.tables.problems import ProblemsTableModel
from models.cli.tables import csv_text
from models.core.errors import Problem

if TYPE_CHECKING:
    from gui.dialogs import Ask

#: Up to this many rows, rows grow to show a long problem whole (beyond, one line each and
#: the whole text in the tooltip: measuring every row would slow the dialog down).
WRAPPED_ROWS = 100


def tsv_text(header: list[str], rows: Sequence[Sequence[str]]) -> str:
    """``rows`` under ``header`` as tab-separated lines, each ending with a line break."""
    return "".join("\t".join(spreadsheet_text(c) for c in line) + "\n"
                   for line in [header, *rows])


def write_csv(path: Path, header: list[str], rows: Sequence[Sequence[str]]) -> None:
    """Write ``rows`` under ``header`` to ``path`` as CSV in UTF-8 with a byte-order mark
    (through the one atomic writer: the file is replaced only when it is whole)."""
    from models.files.atomic import atomic_output

    with atomic_output(path) as tmp, open(tmp, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([csv_text(h) for h in header])
        writer.writerows([csv_text(c) for c in row] for row in rows)


class ImportProblemsDialog(QDialog):
    """The problems of an import in a table, with Copy and Save as CSV….

    Args:
        asker: the dialogs it asks through (where to save the CSV file, what went wrong).
        title: the window's title.
        summary: the line above the table ("3 workbooks read, 2 with problems; 5 problems").
        problems: the rows, in the order the importer listed them.
        question: asked below the table (empty: none).
        accept: the text of the button that answers yes (empty: the dialog only has Close).

    Attributes:
        model, table: the problems and their view; summary_label, question_label; copy_button,
        csv_button; buttons (the dialog's own); note_label says what Copy or Save did.
    """

    def __init__(self, parent: QWidget | None, asker: Ask, title: str, summary: str,
                 problems: list[Problem], question: str = "", accept: str = "") -> None:
        super().__init__(parent)
        self.asker = asker
        self.setWindowTitle(title)
        self.model = ProblemsTableModel(problems, self)
        self.summary_label = QLabel(summary)
        self.summary_label.setWordWrap(True)
        self.table = self._table()
        self.question_label = QLabel(question)
        self.question_label.setWordWrap(True)
        self.question_label.setVisible(bool(question))
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(self.tr(
            "Copy the selected rows, or all of them, as a table that pastes into a spreadsheet"))
        self.copy_button.clicked.connect(lambda _c=False: self.copy())
        self.csv_button = QPushButton(self.tr("&Save as CSV…"))
        self.csv_button.clicked.connect(lambda _c=False: self.save_csv())
        self.note_label = QLabel()
        self.buttons = QDialogButtonBox()
        if accept:
            self.buttons.addButton(accept, QDialogButtonBox.ButtonRole.AcceptRole)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.Copy), self.table)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.copy)
        self._lay_out()

    def _table(self) -> QTableView:
        table = QTableView(self)
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setAlternatingRowColors(True)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the importer's order first
        table.setSortingEnabled(True)
        for column, most in ((ProblemsTableModel.FILE, 220), (ProblemsTableModel.SHEET, 130),
                             (ProblemsTableModel.CELL, 90)):
            table.resizeColumnToContents(column)
            table.setColumnWidth(column, min(table.columnWidth(column), most))
        if self.model.rowCount() <= WRAPPED_ROWS:
            table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _lay_out(self) -> None:
        actions = QHBoxLayout()
        actions.addWidget(self.copy_button)
        actions.addWidget(self.csv_button)
        actions.addWidget(self.note_label, 1)
        actions.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.question_label)
        layout.addLayout(actions)
        screen = self.screen().availableGeometry() if self.screen() else None
        width, height = 820, 440
        if screen is not None:
            width, height = min(width, screen.width() - 40), min(height, screen.height() - 80)
        self.resize(width, height)

    # -- rows -----------------------------------------------------------------------------
    def header(self) -> list[str]:
        """The column names, as the table shows them."""
        return [c.header for c in self.model.columns]

    def rows(self, selected_only: bool = False) -> list[tuple[str, str, str, str]]:
        """The rows in the order shown (each file by its full path): the selected ones when
        ``selected_only`` and some are selected, else all of them."""
        chosen = self.table.selectionModel().selectedRows() if selected_only else []
        view_rows = sorted(i.row() for i in chosen) if chosen else range(self.model.rowCount())
        return [self.model.values(self.model.source_row(r)) for r in view_rows]

    # -- copy and save --------------------------------------------------------------------
    def copy(self) -> str:
        """Put the selected rows (else all) on the clipboard as tab-separated text with a
        header row; returns that text."""
        rows = self.rows(selected_only=True)
        text = tsv_text(self.header(), rows)
        QGuiApplication.clipboard().setText(text)
        self.note_label.setText(self.tr("Copied %Ln row(s) with their column names.", "",
                                        len(rows)))
        return text

    def save_csv(self, target: Path | None = None) -> Path | None:
        """Write every row, in the order shown, to ``target`` (default: a file the user
        chooses) as CSV; the file written, or None when cancelled or not written (said so)."""
        if target is None:
            first = Path(self.model.values(0)[0]).parent if self.model.rowCount() else Path()
            target = self.asker.save_as(self, self.tr("Save the problems as CSV"),
                                        str(first.resolve() / "import-problems.csv"),
                                        self.tr("CSV files (*.csv)"), ".csv")
            if target is None:
                return None
        try:
            write_csv(target, self.header(), self.rows())
        except OSError as exc:
            from gui.i18n import language
            from models.core.errors import write_failure

            self.asker.error(self, self.tr("Cannot save the problems"),
                             write_failure(exc, target, language()))
            return None
        self.note_label.setText(self.tr("Saved {name}").format(name=target.name))
        return target
