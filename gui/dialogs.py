"""Every question the application asks the user goes through :data:`ask`, a small seam that
tests replace with scripted answers (pytest-qt's advice for modal dialogs)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox, QWidget

if TYPE_CHECKING:
    from gui.report_options import ReportChoice

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
        """Show a problem in plain language (with optional details behind a button)."""
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

    def open_file(self, parent: QWidget | None, title: str, folder: str, filters: str) -> str:
        """One file to open ('' when cancelled)."""
        return QFileDialog.getOpenFileName(parent, title, folder, filters)[0]

    def open_files(self, parent: QWidget | None, title: str, folder: str,
                   filters: str) -> list[str]:
        """Files to open (empty when cancelled)."""
        return QFileDialog.getOpenFileNames(parent, title, folder, filters)[0]

    def save_file(self, parent: QWidget | None, title: str, path: str, filters: str) -> str:
        """Where to save ('' when cancelled)."""
        return QFileDialog.getSaveFileName(parent, title, path, filters)[0]

    def report_options(self, parent: QWidget | None, selected: list[tuple[str, str]],
                       total: int, ranked_under: str, ignore_gates: bool) -> ReportChoice | None:
        """Which startups a report covers: all, the ``selected`` ones ((id, name) pairs) or
        the top N (:mod:`gui.report_options`); None when cancelled."""
        from gui.report_options import ReportOptionsDialog

        dialog = ReportOptionsDialog(parent, selected, total, ranked_under, ignore_gates)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


#: The application's dialogs; tests assign a scripted replacement.
ask = Ask()


def with_suffix(chosen: str, suffix: str) -> Path:
    """The file a save dialog returned, with ``suffix`` (``.json``, …) added when the name
    ends otherwise (case aside)."""
    path = Path(chosen)
    return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)
