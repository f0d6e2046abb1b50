"""Every question the application asks the user goes through :data:`ask`, a small seam that
tests replace with scripted answers (pytest-qt's advice for modal dialogs)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from gui.report_options import ReportChoice
    from models.core.errors import Problem
    from models.engine.migration_plan import MigrationPlan

translate = QCoreApplication.translate


class Ask:
    """Modal questions and messages. Each method returns the user's answer."""

    def text(self, parent: QWidget | None, title: str, label: str, default: str = "") -> str | None:
        """A line of text, or None when cancelled."""
        value, ok = QInputDialog.getText(parent, title, label, text=default)
        return value if ok else None

    def confirm(self, parent: QWidget | None, title: str, message: str) -> bool:
        """Yes/No; True for Yes."""
        answer = QMessageBox.question(parent, title, message)
        return answer == QMessageBox.StandardButton.Yes

    def save_changes(self, parent: QWidget | None, name: str) -> str:
        """Unsaved changes: returns ``"save"``, ``"discard"`` or ``"cancel"``."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(translate("Dialogs", "Unsaved changes"))
        box.setText(translate("Dialogs", "Save the changes to {name}?").format(name=name))
        box.setInformativeText(
            translate("Dialogs", "Your changes will be lost if you don't save them."))
        box.setStandardButtons(QMessageBox.StandardButton.Save |
                               QMessageBox.StandardButton.Discard |
                               QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"

    def error(self, parent: QWidget | None, title: str, message: str,
              details: str = "") -> None:
        """Show a problem: ``message`` says what failed and why, naming the file, sheet,
        cell or field, and what to do. ``details`` (behind Show Details…) is only for an
        unexpected problem inside Beachhead, a traceback to report; never the reason for
        bad input."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setText(message)
        if details:
            box.setDetailedText(details)
        box.exec()

    def info(self, parent: QWidget | None, title: str, message: str) -> None:
        """Show a short message."""
        QMessageBox.information(parent, title, message)

    def import_problems(self, parent: QWidget | None, title: str, summary: str,
                        problems: list[Problem], question: str = "",
                        accept: str = "") -> bool:
        """The problems of an import in a table (File, Sheet, Cell, Problem) with Copy and
        Save as CSV… (:mod:`gui.import_problems`); ``question`` and an ``accept`` button
        ask to go on. True when the user accepts."""
        from gui.import_problems import ImportProblemsDialog

        dialog = ImportProblemsDialog(parent, self, title, summary, problems, question, accept)
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def exported(self, parent: QWidget | None, title: str, message: str,
                 note: str = "") -> str:
        """A file was written: ``message`` (and ``note`` below it), with Open, Show in
        Folder and Close. Returns ``"open"``, ``"folder"`` or ``"close"``."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(title)
        box.setText(message)
        if note:
            box.setInformativeText(note)
        open_button = box.addButton(translate("Dialogs", "&Open"),
                                    QMessageBox.ButtonRole.ActionRole)
        folder_button = box.addButton(translate("Dialogs", "Show in &Folder"),
                                      QMessageBox.ButtonRole.ActionRole)
        close_button = box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(close_button)
        box.setEscapeButton(close_button)
        box.exec()
        clicked = box.clickedButton()
        box.deleteLater()
        return "open" if clicked is open_button else "folder" if clicked is folder_button \
            else "close"

    def open_file(self, parent: QWidget | None, title: str, folder: str, filters: str) -> str:
        """One file to open ('' when cancelled)."""
        return QFileDialog.getOpenFileName(parent, title, folder, filters)[0]

    def open_files(self, parent: QWidget | None, title: str, folder: str,
                   filters: str) -> list[str]:
        """Files to open (empty when cancelled)."""
        return QFileDialog.getOpenFileNames(parent, title, folder, filters)[0]

    def save_dialog(self, parent: QWidget | None, title: str, path: str,
                    filters: str) -> tuple[str, str]:
        """The save dialog itself: the name chosen ('' when cancelled) and the filter
        selected. It asks before replacing a file whose name was chosen or typed in full."""
        chosen, selected = QFileDialog.getSaveFileName(parent, title, path, filters)
        return chosen, selected

    def save_file(self, parent: QWidget | None, title: str, path: str, filters: str) -> str:
        """Where to save ('' when cancelled): the name chosen, ending in a suffix ``filters``
        name (the selected filter's is added to a name ending otherwise, as the caller would
        add it). A file that name replaces is asked about first (once: the dialog asked
        already when the name was typed in full); No shows the dialog again."""
        while True:
            chosen, selected = self.save_dialog(parent, title, path, filters)
            if not chosen:
                return ""
            full = _completed(chosen, filters, selected)
            if str(full) == chosen or not full.exists() or full.is_dir() \
                    or self.replace_file(parent, title, full):
                return str(full)
            path = str(full)

    def replace_file(self, parent: QWidget | None, title: str, path: Path) -> bool:
        """Whether to replace the file ``path`` (it exists); True for Yes."""
        return self.confirm(parent, title, translate(
            "Dialogs", "{name} already exists in {folder}.\nDo you want to replace it?").format(
                name=path.name, folder=path.parent))

    def save_as(self, parent: QWidget | None, title: str, path: str, filters: str,
                suffix: str) -> Path | None:
        """Where to save a file of the kind ``suffix`` names (``.csv``, …), added to the
        chosen name when it ends otherwise; None when cancelled."""
        chosen = self.save_file(parent, title, path, filters)
        return with_suffix(chosen, suffix) if chosen else None

    def report_options(self, parent: QWidget | None, selected: list[tuple[str, str]],
                       total: int, ranked_under: str, ignore_gates: bool) -> ReportChoice | None:
        """Which startups a report covers: all, the ``selected`` ones ((id, name) pairs) or
        the top N (:mod:`gui.report_options`); None when cancelled."""
        from gui.report_options import ReportOptionsDialog

        dialog = ReportOptionsDialog(parent, selected, total, ranked_under, ignore_gates)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def migration(self, parent: QWidget | None, plan: MigrationPlan, lang: str) -> bool:
        """The preview of a migration to another framework
        (:mod:`gui.migration_preview`); True when the user confirms."""
        from gui.migration_preview import MigrationDialog

        return MigrationDialog(parent, plan, lang).exec() == QDialog.DialogCode.Accepted


#: The application's dialogs; tests assign a scripted replacement.
ask = Ask()


def with_suffix(chosen: str, suffix: str) -> Path:
    """The file a save dialog returned, with ``suffix`` (``.json``, …) added when the name
    ends otherwise (case aside)."""
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


_PATTERN = re.compile(r"\*(\.[^\s;()*]+)")


def _completed(chosen: str, filters: str, selected: str) -> Path:
    """``chosen`` ending in a suffix ``filters`` name (``Excel workbooks (*.xlsx);;…``):
    as it is when it does, else with the ``selected`` filter's first suffix (the first
    filter's when none is selected) added."""
    path = Path(chosen)
    suffixes = [s.lower() for s in _PATTERN.findall(filters)]
    if not suffixes or path.suffix.lower() in suffixes:
        return path
    own = _PATTERN.findall(selected) if selected else []
    return path.with_name(path.name + (own[0] if own else suffixes[0]).lower())
