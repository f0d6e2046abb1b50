"""Migrating the portfolio to another framework from the window: :func:`migrate` shows the
preview (:class:`gui.migration_preview.MigrationDialog`: the criteria and pillars renamed,
removed and added with the scores they concern, and each startup before and after) and, once
the user confirms, pushes one undoable step (:class:`gui.migrate_command.MigrateFramework`)
whose undo puts the removed scores back.

Load Framework… (:mod:`gui.views.framework.framework_files`) and the framework editor use it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui.dialogs import ask
from gui.document import Document
from gui.i18n import language
from gui.migrate_command import MigrateFramework
from gui.migration_preview import MigrationDialog
from models.core.framework import Framework
from models.core.framework_version import change_kind
from models.engine.migration_plan import plan_migration

__all__ = ["MigrationDialog", "migrate"]

translate = QCoreApplication.translate


def migrate(view: QWidget, doc: Document, new_fw: Framework) -> bool:
    """Show the preview of moving ``doc``'s portfolio to ``new_fw`` and, once the user
    confirms, migrate it as one undoable step. Returns True when migrated."""
    title = translate("MigrationDialog", "Migrate to another framework")
    old = doc.framework
    if new_fw == old or ((new_fw.id, new_fw.version) == (old.id, old.version)
                         and change_kind(old, new_fw) is None):  # a changelog aside
        ask.info(view, title, translate(
            "MigrationDialog", "This portfolio already uses exactly this framework."))
        return False
    try:
        under = doc.workspace.scored_under() if doc.workspace is not None else None
    except OSError as exc:
        ask.error(view, title, str(exc))
        return False
    plan = plan_migration(doc.portfolio, new_fw, scored_under=under,
                          perspective=doc.perspective)
    if not ask.migration(view, plan, language()):
        return False
    doc.undo_stack.push(MigrateFramework(doc, new_fw))
    return doc.framework == new_fw

