"""The application's icon and the tool bar's icons, drawn as SVG in ``resources/icons``.

A tool bar icon is the desktop theme's own when the theme has one (so Beachhead looks like
the other programs of a Linux desktop), else Beachhead's drawing."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtGui import QIcon

#: Each tool bar icon's drawing and the freedesktop.org name a theme knows it by.
THEME_NAMES = {"new": "document-new", "open": "document-open", "undo": "edit-undo",
               "redo": "edit-redo", "find": "edit-find", "export": "document-export"}


def icon_path(name: str) -> Path:
    """The SVG file of the icon ``name`` (``beachhead`` for the application's)."""
    try:
        return Path(str(resources.files("resources.icons") / f"{name}.svg"))
    except (ModuleNotFoundError, TypeError):
        return Path(__file__).resolve().parent.parent / "resources" / "icons" / f"{name}.svg"


def app_icon() -> QIcon:
    """Beachhead's icon: a flag on a hill above the sea."""
    return QIcon(str(icon_path("beachhead")))


def action_icon(name: str) -> QIcon:
    """The tool bar icon ``name`` (a key of :data:`THEME_NAMES`)."""
    return QIcon.fromTheme(THEME_NAMES[name], QIcon(str(icon_path(name))))
