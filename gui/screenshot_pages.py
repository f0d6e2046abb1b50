"""The windows of their own that ``beachhead --screenshot`` can draw besides the main window
(:mod:`gui.app`): the user guide, the framework editor on its Structure and Rules tabs, and
the preview of migrating the portfolio to the shipped Traction framework."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from gui.main_window import MainWindow

#: The pages, by the name ``--view`` takes.
PAGES = ("welcome", "guide", "editor", "rules", "migration")
#: The framework the migration page moves the portfolio to.
MIGRATION_TARGET = "beachhead.llm-startups-traction"


def page(window: MainWindow, name: str, size: QSize) -> QWidget:
    """The widget to draw for page ``name`` (the main window for the welcome page), shown at
    ``size``."""
    if name == "welcome":
        window.welcome.show_page()
        return window
    if name == "guide":
        shown: QWidget = window.menus.help.show_guide()
    elif name in ("editor", "rules"):
        shown = _editor(window, name == "rules")
    else:
        shown = _migration(window)
    shown.resize(size)
    shown.show()
    return shown


def _editor(window: MainWindow, rules: bool) -> QWidget:
    from gui.views.framework.editor_window import FrameworkEditor
    from gui.views.framework.view import FrameworkView

    view = window.ensure_framework_view()
    assert isinstance(view, FrameworkView)
    editor = view.edit_framework()
    assert isinstance(editor, FrameworkEditor)
    if rules:
        editor.tabs.setCurrentWidget(editor.rules_panel)
        editor.rules_panel.select("deal_breakers", 0)
        editor.rules_panel.flush_preview()
    else:
        editor.tree.select(("pillars", 0, "criteria", 1))
    return editor


def _migration(window: MainWindow) -> QWidget:
    from gui.i18n import language
    from gui.migration_preview import MigrationDialog
    from models.engine.migration_plan import plan_migration
    from models.files.framework_file import shipped_framework

    doc = window.doc
    plan = plan_migration(doc.portfolio, shipped_framework(MIGRATION_TARGET),
                          perspective=doc.perspective)
    return MigrationDialog(window, plan, language())
