"""What the framework editor does with a valid draft: Save As… (a framework file, as the
next version of the framework edited or as a new framework of its own) and Use in Portfolio…
(the migration preview, then the portfolio moves to it).

A saved or used framework carries a changelog entry for its version
(:mod:`models.core.framework_release`); the next version is the one the window gives every
changed framework (:func:`gui.framework_versions.edited`: a version the shipped frameworks or
the workspace hold with other content is passed over); it becomes the draft's new starting
point, so that the next save is the version after it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import ask, with_suffix
from gui.document import Document
from gui.framework_versions import edited
from gui.i18n import language
from gui.settings import AppSettings
from gui.views.framework.draft_holder import DraftHolder
from gui.views.framework.migration_dialog import migrate
from models.core.errors import write_failure
from models.core.framework import Framework, text
from models.core.framework_diff import framework_differences
from models.core.framework_draft import FrameworkDraft
from models.core.framework_release import new_framework
from models.files.framework_file import save_framework

translate = QCoreApplication.translate


class SaveChoice(QDialog):
    """Save as the next version of ``base`` (its id, ``version``) or as a new framework,
    named in the field."""

    def __init__(self, parent: QWidget, base: Framework, version: str, lang: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save framework as"))
        self.next_version = QRadioButton(self.tr(
            "A new version of {id}: {old} → {new}").format(id=base.id, old=base.version,
                                                           new=version))
        self.new_framework = QRadioButton(self.tr("A new framework of its own, named:"))
        self.name = QLineEdit(self.tr("{name} (adapted)").format(name=text(base.name, lang)))
        group = QButtonGroup(self)
        group.addButton(self.next_version)
        group.addButton(self.new_framework)
        self.next_version.setChecked(True)
        self.name.textEdited.connect(lambda _t: self.new_framework.setChecked(True))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                                   QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(QLabel(self.tr("Save the edited framework as:")))
        box.addWidget(self.next_version)
        box.addWidget(self.new_framework)
        box.addWidget(self.name)
        box.addWidget(buttons)

    def choice(self) -> str | None:
        """``None`` for the next version, else the new framework's name."""
        return self.name.text().strip() if self.new_framework.isChecked() else None


class DraftRelease(QObject):
    """Saves and uses the draft of ``holder``, edited from ``doc``'s framework (see the
    module notes). Dialogs are parented to ``window``."""

    def __init__(self, window: QWidget, holder: DraftHolder, doc: Document) -> None:
        super().__init__(window)
        self.window = window
        self.holder = holder
        self.doc = doc
        # the framework the draft was opened from, or last saved or used as
        self.base: Framework = doc.framework

    def _released(self, fw: Framework, name: str | None) -> Framework:
        if name is not None:
            return new_framework(self.base, fw, name)
        return edited(self.doc, self.base, fw)

    def _adopt(self, fw: Framework, words: Callable[[], str]) -> None:
        """``fw`` is the draft's new starting point (one step: its id, version and
        changelog), and the draft counts as saved."""
        self.base = fw
        self.holder.end_typing()
        self.holder.edit(FrameworkDraft.from_framework(fw), words)
        self.holder.mark_saved()

    def save_as(self, name: str | None = None, as_new: bool | None = None) -> bool:
        """Save the draft as a framework file: the next version of the framework edited, or
        (``as_new``) a new framework named ``name``; asked when ``as_new`` is None. Returns
        True when a file was written."""
        fw = self.holder.draft.framework()
        if fw is None:
            return False
        if as_new is None:
            dialog = SaveChoice(self.window, self.base, edited(self.doc, self.base, fw).version,
                                self.holder.lang)
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            name = dialog.choice()
        elif not as_new:
            name = None
        if name is not None and not name.strip():
            return False
        released = self._released(fw, name.strip() if name is not None else None)
        settings = AppSettings()
        folder = Path(settings.last_folder or Path.home())
        chosen = ask.save_file(self.window, self.tr("Save framework as"),
                               str(folder / f"{released.id}-{released.version}.json"),
                               self.tr("Beachhead frameworks (*.json)"))
        if not chosen:
            return False
        target = with_suffix(chosen, ".json")
        try:
            save_framework(released, target)
        except OSError as exc:
            ask.error(self.window, self.tr("Cannot save the framework"),
                      write_failure(exc, target, language()))
            return False
        settings.last_folder = str(target.parent)
        self._adopt(released, lambda: translate("DraftRelease", "Save as {id} {version}").format(
            id=released.id, version=released.version))
        return True

    def _over_changes_made_meanwhile(self) -> bool:
        """True when the portfolio's framework is still the one the draft was opened from,
        or the user agrees to put the draft over what was changed since (weights in the
        Framework view, another framework loaded), which the draft does not hold."""
        now = self.doc.framework
        if now == self.base:
            return True
        lang = self.holder.lang
        changes = framework_differences(self.base, now, lang) or [
            self.tr("{id} {version} instead of {old}").format(
                id=now.id, version=now.version, old=self.base.version)]
        shown = "\n".join(f"• {line}" for line in changes[:12])
        if len(changes) > 12:
            shown += "\n" + self.tr("… and {n} more").format(n=len(changes) - 12)
        return ask.confirm(self.window, self.tr("Use in Portfolio"), self.tr(
            "The portfolio's framework was changed after this editor opened:\n{changes}\n\n"
            "The edited framework does not hold these changes, so using it undoes them. "
            "Use it anyway?").format(changes=shown))

    def use_in_portfolio(self) -> bool:
        """Move the portfolio to the draft (the next version of the framework edited, if it
        changed), after the migration preview. Returns True when the portfolio moved."""
        fw = self.holder.draft.framework()
        if fw is None:
            return False
        if self.doc.discarded:
            ask.error(self.window, self.tr("Use in Portfolio"), self.tr(
                "The portfolio this editor was opened on has been closed, so the framework "
                "cannot be used in it. Save it as a file (Save As…), then load it into the "
                "open portfolio with Load framework…."))
            return False
        if not self._over_changes_made_meanwhile():
            return False
        released = edited(self.doc, self.base, fw)
        if not migrate(self.window, self.doc, released):
            return False
        self._adopt(released, lambda: translate(
            "DraftRelease", "Use {id} {version} in the portfolio").format(
                id=released.id, version=released.version))
        return True
