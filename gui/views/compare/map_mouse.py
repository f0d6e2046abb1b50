"""The mouse on the Compare view's map: a click picks the nearest startup, a drag draws a
rectangle (a ``QRubberBand`` over the canvas, so dragging redraws nothing) and picks every
startup inside it, and hovering names the startup under the pointer.

Positions are matplotlib's: display pixels from the canvas's bottom-left corner, which
:class:`MapMouse` turns into the widget's coordinates (top-left, logical pixels) only to show
the rectangle. Ctrl or Shift held while clicking or dragging adds to the selection.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QRubberBand

#: How far (in points, 1/72 inch) from a mark a click still picks it.
PICK_RADIUS_PT = 9.0
#: How far (in logical pixels) the pointer must move before a press becomes a drag.
DRAG_START_PX = 4


def nearest(xy_px: np.ndarray, x: float, y: float, radius: float, after: int = -1
            ) -> int | None:
    """The index of the mark nearest (``x``, ``y``) among ``xy_px`` (display pixels), or None
    when none is within ``radius``. Among marks at the same place, the one after ``after``
    (the one picked before, so clicking again goes through them), else the first."""
    if not len(xy_px):
        return None
    d = np.hypot(xy_px[:, 0] - x, xy_px[:, 1] - y)
    best = float(d.min())
    if best > radius:
        return None
    tied = np.flatnonzero(d <= best + 0.5)
    later = tied[tied > after] if after in set(tied.tolist()) else tied[:0]
    return int(later[0]) if len(later) else int(tied[0])


def inside(xy: np.ndarray, corner_a: tuple[float, float], corner_b: tuple[float, float]
           ) -> np.ndarray:
    """The indices of the points of ``xy`` inside the rectangle with these opposite corners
    (edges included), in order."""
    if not len(xy):
        return np.zeros(0, dtype=int)
    (x0, x1), (y0, y1) = sorted((corner_a[0], corner_b[0])), sorted((corner_a[1],
                                                                     corner_b[1]))
    return np.flatnonzero((xy[:, 0] >= x0) & (xy[:, 0] <= x1) & (xy[:, 1] >= y0) &
                          (xy[:, 1] <= y1))


def _adds(event: Any) -> bool:
    """Ctrl or Shift was held (the selection grows instead of being replaced)."""
    held = getattr(event, "modifiers", None) or frozenset()
    return bool({"ctrl", "shift", "control", "cmd"} & set(held)) or \
        (event.key or "") in ("control", "shift", "ctrl+shift")


class MapMouse:
    """Clicks, drags and hovering over one axes of a canvas.

    Args:
        canvas: the ``FigureCanvasQTAgg``; ax: the axes the marks are in, and xy: their data
            coordinates (functions: the map changes them).
        picked(index, adds): a click picked a mark.
        boxed(indices, adds): a drag enclosed these marks (maybe none).
        hovered(index or None): the mark under the pointer changed.
    """

    def __init__(self, canvas: Any, ax: Callable[[], Any], xy: Callable[[], np.ndarray],
                 picked: Callable[[int, bool], None], boxed: Callable[[list[int], bool], None],
                 hovered: Callable[[int | None], None]) -> None:
        self.canvas = canvas
        self._ax, self._xy = ax, xy
        self._picked, self._boxed, self._hovered = picked, boxed, hovered
        self._press: tuple[float, float] | None = None
        self._dragging = False
        self.last_pick = -1
        self.band = QRubberBand(QRubberBand.Shape.Rectangle, canvas)
        canvas.mpl_connect("button_press_event", self.press)
        canvas.mpl_connect("motion_notify_event", self.move)
        canvas.mpl_connect("button_release_event", self.release)

    # -- geometry -------------------------------------------------------------------------
    def _ratio(self) -> float:
        return float(getattr(self.canvas, "device_pixel_ratio", 1.0) or 1.0)

    def _widget_point(self, x: float, y: float) -> tuple[int, int]:
        ratio = self._ratio()
        height = self.canvas.figure.bbox.height
        return round(x / ratio), round((height - y) / ratio)

    def mark_at_widget(self, x: int, y: int) -> int | None:
        """The mark at the canvas's point (``x``, ``y``) (logical pixels from its top-left
        corner, as Qt gives them), or None; the first of several at the same place."""
        ratio = self._ratio()
        return self._nearest(x * ratio, self.canvas.figure.bbox.height - y * ratio, -1)

    def mark_at(self, x: float, y: float) -> int | None:
        """The mark a click at display pixel (``x``, ``y``) picks, or None."""
        return self._nearest(x, y, self.last_pick)

    def _nearest(self, x: float, y: float, after: int) -> int | None:
        ax = self._ax()
        if ax is None:
            return None
        xy = self._xy()
        px = ax.transData.transform(xy) if len(xy) else np.zeros((0, 2))
        radius = PICK_RADIUS_PT * self.canvas.figure.dpi / 72.0
        return nearest(px, x, y, radius, after)

    # -- events ---------------------------------------------------------------------------
    def press(self, event: Any) -> None:
        """Button 1 down inside the axes: a click or the start of a drag."""
        if event.button == 1 and event.inaxes is not None and event.inaxes is self._ax():
            self._press = (float(event.x), float(event.y))
            self._dragging = False

    def move(self, event: Any) -> None:
        """Grow the rectangle while dragging; otherwise say which mark is under the
        pointer."""
        if self._press is None:
            inside_axes = event.inaxes is not None and event.inaxes is self._ax()
            self._hovered(self.mark_at(event.x, event.y) if inside_axes else None)
            return
        if event.x is None or event.y is None:
            return
        a = self._widget_point(*self._press)
        b = self._widget_point(event.x, event.y)
        if not self._dragging and max(abs(a[0] - b[0]), abs(a[1] - b[1])) < DRAG_START_PX:
            return
        self._dragging = True
        self.band.setGeometry(QRect(min(a[0], b[0]), min(a[1], b[1]), abs(a[0] - b[0]),
                                    abs(a[1] - b[1])))
        self.band.show()

    def release(self, event: Any) -> None:
        """End a click (pick the nearest mark) or a drag (pick the marks inside)."""
        start, self._press = self._press, None
        self.band.hide()
        if start is None or event.button != 1:
            return
        ax = self._ax()
        if self._dragging and ax is not None and event.x is not None:
            self._dragging = False
            to_data = ax.transData.inverted()
            a, b = to_data.transform([start, (float(event.x), float(event.y))])
            self._boxed(inside(self._xy(), tuple(a), tuple(b)).tolist(), _adds(event))
            return
        hit = self.mark_at(*start)
        if hit is not None:
            self.last_pick = hit
            self._picked(hit, _adds(event))
