"""The application's icon and the tool bar's icons, drawn as SVG in ``resources/icons``.

A tool bar icon is the desktop theme's own when the theme has one (so Beachhead looks like
the other programs of a Linux desktop), else Beachhead's drawing. The welcome page draws
them larger, in the window's accent colour (:func:`tinted_icon`)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap

#: The colour Beachhead's line icons are drawn in.
LINE_COLOUR = "#3b4252"

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


def tinted_icon(name: str, colour: str, size: int, ratio: float = 1.0) -> QIcon:
    """Beachhead's own drawing ``name`` (never the theme's) with its lines in ``colour``, at
    ``size`` pixels square on a screen of device pixel ``ratio``."""
    from PySide6.QtSvg import QSvgRenderer

    svg = icon_path(name).read_text(encoding="utf-8").replace(LINE_COLOUR, colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    renderer.render(painter)
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return QIcon(pixmap)
