"""The size the Help windows and the dialogs open at: what they were drawn for, or what their
contents need, within the screen."""

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


def fit_to_contents(widget: QWidget) -> None:
    """Resize ``widget`` (a dialog with a layout) to what its contents need, the lines of its
    wrapped texts included, within the screen. Left to itself, Qt opens a window at most two
    thirds of the screen high, which on a laptop cut a dialog's last lines."""
    layout = widget.layout()
    width = max(widget.sizeHint().width(), widget.minimumWidth())
    height = widget.sizeHint().height()
    if layout is not None and layout.hasHeightForWidth():
        height = max(height, layout.totalHeightForWidth(width))
    fit_to_screen(widget, width, height)
