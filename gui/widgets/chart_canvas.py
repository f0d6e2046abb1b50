"""A matplotlib chart inside a widget, drawn on idle.

:class:`IdleChart` holds a placeholder until its first draw, then a ``Figure`` (never pyplot) in
a ``FigureCanvasQTAgg``; matplotlib is imported at that first draw, not when the module is
imported. Every change asks for a redraw with :meth:`IdleChart.schedule`: a short single-shot
timer coalesces a burst of changes into one redraw, which happens only while the chart is on
screen (a hidden chart catches up when it is shown) and ends with ``draw_idle()``.

A chart that updates what it drew before (``clear=False``) may have ``draw`` return the artists
it changed in place. Those artists are then *animated*: a full draw leaves them out, saves the
rest as a background image and draws them on top; a later redraw that changes only them (same
artists, same size) puts back the background and draws just them (blitting), a few
milliseconds instead of the tens a polar chart's full draw takes, so editing never stalls the
window on a chart.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

#: How long a chart waits after the last change before it redraws (milliseconds).
REDRAW_DELAY_MS = 150
_FONTS_FOUND: list[str] | None = None


def chart_fonts() -> list[str]:
    """Font families for chart text that exist on this machine (Latin first, then CJK), from
    :func:`models.charts.fonts.font_families`. The first call also makes them matplotlib's default
    family in this (GUI) process, so every label, title and legend renders Chinese, and reads
    every text as text (no ``$…$`` mathematics: names may hold dollar signs)."""
    global _FONTS_FOUND
    if _FONTS_FOUND is None:
        import matplotlib as mpl

        from models.charts.fonts import font_families

        _FONTS_FOUND = font_families()
        mpl.rcParams["font.family"] = list(_FONTS_FOUND)
        mpl.rcParams["axes.unicode_minus"] = False
        # startup names are text: "$5 and $10" is not mathematics, "$\\foo$" no error
        mpl.rcParams["text.parse_math"] = False
    return list(_FONTS_FOUND)


class IdleChart(QWidget):
    """A chart drawn by ``draw(figure)`` on idle (see the module docstring).

    Args:
        draw: called with the ``matplotlib.figure.Figure`` to draw the chart on it (cleared
            first unless ``clear`` is False: then ``draw`` may update what it drew before, and
            return the artists it changed to have only them redrawn; see the module docstring).
        name: the canvas's object name (for tests and style sheets).
        min_height: the smallest height of the canvas, in pixels at scale 1.
        min_width: the smallest width of the chart (default: 1.6 × ``min_height``).
        figsize: the figure's size in inches before the layout gives it its own (sets the
            canvas's size hint).
        layout: the figure's layout engine (``constrained``), or None to place axes by hand.
        events: matplotlib canvas events to follow, name → handler (e.g.
            ``{"button_press_event": on_click}``), connected when the canvas is made.

    Attributes:
        figure, canvas: the ``Figure`` and its ``FigureCanvasQTAgg`` (None before the first
            draw).
        draws: how many times the chart was drawn (tests use it to see redraws coalesce).
        full_draws: how many of those drew the whole figure (the others drew only the animated
            artists over the background).
    """

    def __init__(self, draw: Callable[[Any], Iterable[Any] | None], name: str,
                 min_height: int = 160, parent: QWidget | None = None, *,
                 min_width: int | None = None,
                 figsize: tuple[float, float] = (5.0, 3.0), layout: str | None = "constrained",
                 clear: bool = True,
                 events: Mapping[str, Callable[[Any], None]] | None = None) -> None:
        super().__init__(parent)
        self._draw_fn = draw
        self._name = name
        self._min_height = min_height
        self._figsize = figsize
        self._layout_engine = layout
        self._clear = clear
        self._events = dict(events or {})
        self.figure: Any = None
        self.canvas: Any = None
        self.draws = 0
        self.full_draws = 0
        self._animated: list[Any] = []
        self._background: Any = None
        self._background_bounds: tuple[float, ...] = ()
        self._dirty = True
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(min_height)
        self.setMinimumWidth(round(min_height * 1.6) if min_width is None else min_width)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REDRAW_DELAY_MS)
        self._timer.timeout.connect(self.redraw)

    def schedule(self, *_args: object) -> None:
        """Ask for a redraw once things settle (drawn only while visible)."""
        self._dirty = True
        self._timer.start()

    def is_pending(self) -> bool:
        """True while a change waits to be drawn."""
        return self._dirty

    def showEvent(self, event: QShowEvent) -> None:
        """Catch up with changes made while hidden."""
        super().showEvent(event)
        if self._dirty:
            self._timer.start()

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        chart_fonts()
        self.figure = Figure(figsize=self._figsize, dpi=self.logicalDpiY() or 96)
        if self._layout_engine is not None:
            self.figure.set_layout_engine(self._layout_engine)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setObjectName(self._name)
        self.canvas.setMinimumHeight(self._min_height)
        for event, handler in self._events.items():
            self.canvas.mpl_connect(event, handler)
        self.canvas.mpl_connect("draw_event", self._on_full_draw)
        self._layout.addWidget(self.canvas, 1)

    def redraw(self) -> None:
        """Draw now if visible (otherwise when next shown)."""
        if not self.isVisible():
            return
        self._dirty = False
        self._ensure_canvas()
        if self._clear:
            self.figure.clear()
        changed = list(self._draw_fn(self.figure) or [])
        self.draws += 1
        if changed and changed == self._animated and self._can_blit():
            self._blit()
            return
        for artist in changed:
            artist.set_animated(True)
        self._animated = changed
        self._background = None
        self.full_draws += 1
        self.canvas.draw_idle()

    def image(self, fmt: str = "png") -> bytes:
        """The chart as on screen, whole (the artists drawn over the saved background too),
        as the bytes of a ``png`` or ``svg`` file at the screen's resolution; b'' before the
        first draw."""
        import io

        if self.figure is None:
            return b""
        # a saved figure draws its animated artists with the rest; the full draw's handler
        # must not draw them a second time over it
        animated, self._animated = self._animated, []
        out = io.BytesIO()
        try:
            self.figure.savefig(out, format=fmt, dpi="figure")
        finally:
            self._animated, self._background = animated, None
            self.canvas.draw_idle()  # the screen's background is saved again
        return out.getvalue()

    def _can_blit(self) -> bool:
        """The saved background fits the figure as it is and no full draw is pending."""
        return (self._background is not None
                and tuple(self.figure.bbox.bounds) == self._background_bounds
                and not getattr(self.canvas, "_draw_pending", False))

    def _blit(self) -> None:
        """Put back the background and draw only the animated artists on it."""
        self.canvas.restore_region(self._background)
        for artist in self._animated:
            self.figure.draw_artist(artist)
        self.canvas.blit(self.figure.bbox)

    def _on_full_draw(self, _event: object) -> None:
        """After a full draw (which leaves the animated artists out): save the background,
        then draw the animated artists on it."""
        if not self._animated:
            self._background = None
            return
        self._background = self.canvas.copy_from_bbox(self.figure.bbox)
        self._background_bounds = tuple(self.figure.bbox.bounds)
        for artist in self._animated:
            self.figure.draw_artist(artist)
