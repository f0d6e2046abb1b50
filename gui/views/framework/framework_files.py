"""The Framework view's framework files: save the portfolio's framework (with its weights) as
a framework file, or load one into the portfolio as one undoable step.

A framework whose weights differ from the framework its id and version name is given a name
of its own before it is saved, and with it a new id and version, so two different weightings
never share an identity.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from gui.commands import ChangeFramework
from gui.dialogs import ask, with_suffix
from gui.document import Document
from gui.settings import AppSettings
from gui.views.framework.migration_dialog import migrate
from models.core.errors import InputError, write_failure
from models.core.framework import Framework, text
from models.core.framework_identity import custom_framework
from models.core.framework_version import change_kind
from models.files.framework_file import (
    load_framework,
    save_framework,
    shipped_framework,
    shipped_frameworks,
)


class FrameworkFiles(QObject):
    """Saves and loads the framework of a document, asking the user through dialogs parented
    to ``view``.

    The *baseline* is the framework the portfolio had when opened, loaded or last named: with
    the shipped framework, it tells whether the weights were changed (:meth:`is_modified`).
    """

    def __init__(self, view: QWidget, lang: str) -> None:
        super().__init__(view)
        self.view = view
        self.lang = lang
        self.doc: Document | None = None
        self._baseline: Framework | None = None

    def set_document(self, doc: Document) -> None:
        """Save and load ``doc``'s framework from now on; its framework is the baseline."""
        self.doc = doc
        self._baseline = doc.framework

    def is_modified(self) -> bool:
        """True when the portfolio's framework differs from the framework its id and version
        name: a shipped one, or the one the portfolio had when opened or loaded."""
        if self.doc is None:
            return False
        fw = self.doc.framework
        refs = [r for r in (*shipped_frameworks(), self._baseline) if r is not None and
                (r.id, r.version) == (fw.id, fw.version)]
        return any(change_kind(r, fw) is not None for r in refs)

    # -- save -------------------------------------------------------------------------------
    def save_as(self) -> bool:
        """Ask where, then write the portfolio's framework (with its weights) as a framework
        file. A framework whose weights changed is first given a name, and with it a new id
        (``custom.<name>``) and version that the portfolio adopts (one undoable step).
        Returns True when a file was written."""
        if self.doc is None:
            return False
        fw = self.doc.framework
        renamed: Framework | None = None
        if self.is_modified():
            renamed = self._ask_name(fw)
            if renamed is None:
                return False
            fw = renamed
        settings = AppSettings()
        target = self._ask_target(fw, settings)
        if target is None or not self._write(fw, target):
            return False
        settings.last_folder = str(target.parent)
        if renamed is not None:
            self._baseline = renamed
            self.doc.undo_stack.push(ChangeFramework(self.doc, renamed, "name", renamed.name))
        return True

    def _ask_name(self, fw: Framework) -> Framework | None:
        """``fw`` under the name the user gives it (None when cancelled)."""
        name = ask.text(self.view, self.tr("Name the custom framework"), self.tr(
            "These weights differ from {id} {version}, so the file gets its own name, id "
            "and version. Name:").format(id=fw.id, version=fw.version),
            self.tr("{name} (custom weights)").format(name=text(fw.name, self.lang)))
        if name is None or not name.strip():
            return None
        return custom_framework(fw, name.strip())

    def _ask_target(self, fw: Framework, settings: AppSettings) -> Path | None:
        folder = Path(settings.last_folder or Path.home())
        path = ask.save_file(self.view, self.tr("Save framework as"),
                             str(folder / f"{fw.id}-{fw.version}.json"),
                             self.tr("Beachhead frameworks (*.json)"))
        return with_suffix(path, ".json") if path else None

    def _write(self, fw: Framework, target: Path) -> bool:
        try:
            save_framework(fw, target)
        except OSError as exc:
            ask.error(self.view, self.tr("Cannot save the framework"),
                      write_failure(exc, target))
            return False
        return True

    # -- load -------------------------------------------------------------------------------
    def load(self, path: str | None = None) -> bool:
        """Replace the portfolio's framework with one read from a file (asked for when
        ``path`` is None) once the user confirms the migration preview
        (:func:`gui.views.framework.migration_dialog.migrate`), as one undoable step. A file
        that is not a valid framework is refused with a plain-language message and nothing
        changes. Returns True when the framework was replaced."""
        if self.doc is None:
            return False
        settings = AppSettings()
        if path is None:
            path = ask.open_file(self.view, self.tr("Load framework"),
                                 settings.last_folder or str(Path.home()),
                                 self.tr("Beachhead frameworks (*.json);;All files (*)"))
            if not path:
                return False
        source = Path(path)
        try:
            fw = load_framework(source)
        except InputError as exc:
            ask.error(self.view, self.tr("Cannot load the framework"),
                      self.tr("{file} is not a framework Beachhead can use, so nothing was "
                              "changed:").format(file=source.name) + "\n" + self._lines(
                          [f"{p.location}: {p.message}" if p.location else p.message
                           for p in exc.problems]))
            return False
        settings.last_folder = str(source.parent)
        if not migrate(self.view, self.doc, fw):
            return False
        self._baseline = fw
        return True

    def shipped_button(self) -> QToolButton:
        """A small arrow button beside *Load framework…* whose menu lists the frameworks
        Beachhead ships; choosing one moves the portfolio to it (:meth:`load_shipped`)."""
        button = QToolButton()
        button.setObjectName("shippedFrameworks")
        button.setArrowType(Qt.ArrowType.DownArrow)
        button.setAccessibleName(self.tr("Shipped Frameworks"))
        button.setToolTip(self.tr("Shipped frameworks: move this portfolio to a framework "
                                  "that comes with Beachhead, after a preview of what "
                                  "changes (undoable)"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setStyleSheet("QToolButton::menu-indicator { image: none; }")  # arrow enough
        menu = QMenu(button)
        for fw in shipped_frameworks():
            action = menu.addAction(f"{text(fw.name, self.lang)} ({fw.id} {fw.version})")
            action.setData(fw.id)
            action.triggered.connect(lambda _c=False, fid=fw.id: self.load_shipped(fid))
        button.setMenu(menu)
        return button

    def load_shipped(self, framework_id: str) -> bool:
        """Move the portfolio to the shipped framework ``framework_id`` once the user confirms
        the migration preview, as one undoable step. Returns True when it was moved."""
        if self.doc is None:
            return False
        fw = shipped_framework(framework_id)
        if not migrate(self.view, self.doc, fw):
            return False
        self._baseline = fw
        return True

    def _lines(self, items: list[str], most: int = 20) -> str:
        """One item a line, at most ``most`` of them."""
        more = len(items) - most
        return "\n".join(items[:most] + ([self.tr("… and {n} more").format(n=more)]
                                         if more > 0 else []))
