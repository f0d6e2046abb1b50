"""Panes side by side or one above the other, in a splitter that never collapses them."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget


def splitter(orientation: Qt.Orientation, panes: Sequence[QWidget], stretch: Sequence[int],
             sizes: Sequence[int]) -> QSplitter:
    """A splitter of ``panes`` with their stretch factors and first sizes."""
    split = QSplitter(orientation)
    split.setChildrenCollapsible(False)
    for i, (pane, factor) in enumerate(zip(panes, stretch, strict=True)):
        split.addWidget(pane)
        split.setStretchFactor(i, factor)
    split.setSizes(list(sizes))
    return split


def column(*widgets: QWidget | None, margin: int = 0) -> QWidget:
    """A widget holding ``widgets`` one above the other (the last one stretches)."""
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.setContentsMargins(margin, margin, margin, margin)
    shown = [w for w in widgets if w is not None]
    for w in shown:
        layout.addWidget(w, 1 if w is shown[-1] else 0)
    return host
