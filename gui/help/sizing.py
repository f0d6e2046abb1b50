"""The size the Help windows open at: what they were drawn for, within the screen."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget


def fit_to_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize ``widget`` to ``width`` × ``height``, or to nine tenths of the screen's free area
    where that is smaller (a laptop at 125 %)."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() * 9 // 10)
        height = min(height, free.height() * 9 // 10)
    widget.resize(width, height)
