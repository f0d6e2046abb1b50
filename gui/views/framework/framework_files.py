"""The Framework view's framework files: save the portfolio's framework (with its weights) as
a framework file or as a review workbook a partner reads and annotates (a name ending in
.xlsx: :mod:`models.workbook.framework_review`, in the interface language), or load one into
the portfolio as one undoable step.

A framework whose content differs from the framework its id and version name (a portfolio
saved before every change made a new version) is given the next version of that framework
before it is saved, so two different weightings never share an identity.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from gui.commands import ChangeFramework
from gui.dialogs import ask, with_suffix
from gui.document import Document
from gui.framework_versions import edited, own_identity
from gui.i18n import language
from gui.settings import AppSettings
from gui.views.framework.migration_dialog import migrate
from models.core.errors import InputError, write_failure
from models.core.framework import Framework, text
from models.core.framework_identity import claimed
from models.files.framework_file import (
    load_framework,
    save_framework,
    shipped_framework,
    shipped_frameworks,
)


class _NewVersion(ChangeFramework):
    """The portfolio's framework under the identity it was given (its content unchanged)."""

    versioned = False


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
        name: a shipped one, or the one the portfolio had when opened or loaded (a portfolio
        saved before every change of weights made a new version)."""
        return self._claimed() is not None

    def _claimed(self) -> Framework | None:
        """The framework whose id and version the portfolio's framework carries with other
        content, if any."""
        if self.doc is None:
            return None
        refs = [r for r in (*shipped_frameworks(), self._baseline) if r is not None]
        return claimed(self.doc.framework, refs)

    # -- save -------------------------------------------------------------------------------
    def save_as(self) -> bool:
        """Ask where, then write the portfolio's framework (with its weights) as a framework
        file. A framework whose content differs from the one its id and version name is
        first given the next version of that one (:func:`gui.framework_versions.edited`),
        which the portfolio adopts (one undoable step). Returns True when a file was
        written."""
        if self.doc is None:
            return False
        fw, named = self.doc.framework, self._claimed()
        if named is not None:
            fw = edited(self.doc, named, fw)
        settings = AppSettings()
        target = self._ask_target(fw, settings)
        if target is None or not self._write(fw, target):
            return False
        settings.last_folder = str(target.parent)
        if named is not None:
            self._baseline = fw
            self.doc.undo_stack.push(_NewVersion(self.doc, fw, "version", fw.name))
        return True

    def _ask_target(self, fw: Framework, settings: AppSettings) -> Path | None:
        folder = Path(settings.last_folder or Path.home())
        path = ask.save_file(self.view, self.tr("Save framework as"),
                             str(folder / f"{fw.id}-{fw.version}.json"),
                             self.tr("Beachhead frameworks (*.json);;Review workbooks for "
                                     "partners (*.xlsx)"))
        if not path:
            return None
        return Path(path) if Path(path).suffix.lower() == ".xlsx" else with_suffix(path, ".json")

    def _write(self, fw: Framework, target: Path) -> bool:
        from models.workbook.framework_review import write_framework_review

        review = target.suffix.lower() == ".xlsx"
        try:
            if review:
                warnings = write_framework_review(fw, target, self.lang)
            else:
                save_framework(fw, target)
        except OSError as exc:
            ask.error(self.view, self.tr("Cannot save the framework"),
                      write_failure(exc, target, language()))
            return False
        if review:
            self._offer_review(fw, target, [str(w) for w in warnings])
        return True

    def _offer_review(self, fw: Framework, target: Path, warnings: list[str]) -> None:
        """Say that the review workbook of ``fw``, ``target``, was written (and which texts
        had to change to fit in a workbook), offering to open it or show it in its folder."""
        from gui.reveal import reveal_written

        note = (self.tr("Some texts had to change to fit in a workbook:") + "\n" +
                "\n".join(warnings[:20]) if warnings else "")
        answer = ask.exported(self.view, self.tr("Review workbook written"), self.tr(
            "Wrote the review workbook of {id} {version} to {file}: pillars, criteria, rubrics, "
            "rules and scenarios in words, each row with a Comments cell.").format(
                id=fw.id, version=fw.version, file=target), note)
        problem = reveal_written(target, answer)
        if problem:
            ask.error(self.view, self.tr("Cannot open the file") if answer == "open" else
                      self.tr("Cannot show the folder"), problem)

    # -- load -------------------------------------------------------------------------------
    def load(self, path: str | None = None) -> bool:
        """Replace the portfolio's framework with one read from a file (asked for when
        ``path`` is None) once the user confirms the migration preview
        (:func:`gui.views.framework.migration_dialog.migrate`), as one undoable step. A file
        whose id and version name other content (a shipped framework's, say) comes in as the
        next version of that framework (:func:`gui.framework_versions.own_identity`). A file
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
        fw = own_identity(self.doc, fw)
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
