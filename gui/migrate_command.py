"""The undo command of a migration to another framework
(:mod:`gui.views.framework.migration_dialog` pushes it once the user confirms the preview).

It is :class:`gui.commands.ChangeFramework` made so that scored criteria the new framework
lacks do not refuse the change: their scores leave the current assessments (on a workspace,
each recorded in the change log) and undoing the migration puts them back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.commands import ChangeFramework
from gui.document import Document
from models.core.framework import Framework, text

translate = QCoreApplication.translate


def _words(name: dict[str, str], version: str) -> str:
    from gui.i18n import language

    return translate("Commands", "Migrate to the framework {name} {version}").format(
        name=text(name, language()), version=version)


class MigrateFramework(ChangeFramework):
    """Move the document's portfolio to ``framework`` (one undoable step)."""

    versioned = False

    def __init__(self, doc: Document, framework: Framework) -> None:
        super().__init__(doc, framework, "load", framework.name)
        self.set_words(lambda: _words(framework.name, framework.version))

    def _redo(self) -> None:
        self._removed = self.doc.apply_framework(self.new, drop_scored=True)
