"""The names written on the position map (:mod:`models.charts.position_map`): each beside its
item's mark, placed anew in the space the axes have at a draw (see
:func:`models.charts.labels.place_labels`), the places kept while the names, the axes and the
figure's size stay the same.

On screen (matplotlib's Agg renderer) a name is drawn from a picture of it made once per
name and resolution: stamping a picture takes a hundredth of the time of laying the text out
through the font fallback chain and drawing its glyphs and box again, which a live map does
at each redraw. Any other output (SVG, PDF) gets the text itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import IdentityTransform

from models.charts.labels import place_labels

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase

#: The colour of names (and of the map's rings).
INK = "#222222"
#: How a name is written: small, in a white rounded box.
NAME_STYLE: dict[str, Any] = {
    "fontsize": "small", "color": INK,
    "bbox": {"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#bbbbbb", "alpha": 0.88,
             "lw": 0.6}}
#: Pictures of names kept (the oldest go first beyond).
PICTURES_KEPT = 400


def _px(renderer: RendererBase, points: float) -> float:
    """``points`` (1/72 inch) in the renderer's pixels."""
    return float(np.asarray(renderer.points_to_pixels(points)))


class LabelLayer(Artist):
    """Names beside their items' marks, placed in the space the axes have at a draw (see
    the module notes): the first ``keep`` always, the others where they fit; a name set
    farther out gets a leader line."""

    def __init__(self, ax: Axes, font: str | Sequence[str] | None,
                 avoid: Sequence[Text] = ()) -> None:
        super().__init__()
        self._ax = ax
        self._font = font
        self._avoid = list(avoid)
        self._texts: list[Text] = []
        self._lines: list[Line2D] = []
        self._anchors = np.zeros((0, 2))
        self._marks = np.zeros((0, 2))
        self._keep = 0
        self._sizes: dict[tuple[str, float], tuple[float, float]] = {}
        self._placed: tuple[tuple[object, ...], list[Any]] | None = None
        self._pictures: dict[tuple[str, float], np.ndarray] = {}
        self.shown: list[int] = []
        self.set_in_layout(False)
        self.set_zorder(6)

    def set_names(self, names: Sequence[str], anchors: Sequence[tuple[float, float]],
                  marks: np.ndarray, keep: int) -> None:
        """Write ``names`` at ``anchors`` (data coordinates; most important first), keeping
        clear of ``marks`` (every item's data coordinates) where possible."""
        while len(self._texts) < len(names):
            text = Text(0, 0, "", fontfamily=self._font, **NAME_STYLE)
            line = Line2D([], [], color="#777777", linewidth=0.7)
            for artist in (text, line):
                artist.set_figure(self._ax.figure)
            self._texts.append(text)
            self._lines.append(line)
        for text, name in zip(self._texts, names, strict=False):
            text.set_text(name)
        self._anchors = np.asarray(anchors, dtype=float).reshape(-1, 2)
        self._marks = np.asarray(marks, dtype=float).reshape(-1, 2)
        self._keep = keep
        self._placed = None  # placed again at the next draw
        self.stale = True

    def _size(self, text: Text, renderer: RendererBase, pad: float) -> tuple[float, float]:
        """The size of a name's box in display pixels (measured once per name and scale)."""
        key = (text.get_text(), _px(renderer, 1.0))
        if key not in self._sizes:
            text.set_position((0, 0))
            b = text.get_window_extent(renderer)
            self._sizes[key] = (b.width + 2 * pad, b.height + 2 * pad)
        return self._sizes[key]

    def draw(self, renderer: RendererBase) -> None:
        """Place the names in the axes' present size and draw them."""
        n = len(self._anchors)
        self.shown = []
        if not self.get_visible() or not n:
            return
        to_px = self._ax.transData
        anchors = to_px.transform(self._anchors)
        texts = self._texts[:n]
        pad = _px(renderer, 2.0)  # the box drawn around a name
        sizes = [self._size(t, renderer, pad) for t in texts]
        box = self._ax.bbox
        marks = to_px.transform(self._marks) if len(self._marks) else self._marks
        gap = _px(renderer, 5.0)
        avoid = [(b.x0, b.y0, b.x1, b.y1)
                 for b in (t.get_window_extent(renderer) for t in self._avoid)]
        # the places found last stand while the names, the axes and the figure's size do
        # (marks moved since, after an edit, do not move the names)
        key = (anchors.round(1).tobytes(), tuple(sizes), tuple(box.bounds), tuple(avoid))
        if self._placed is not None and self._placed[0] == key:
            placed = self._placed[1]
        else:
            placed = place_labels([tuple(a) for a in anchors], sizes,
                                  (box.x0, box.y0, box.x1, box.y1), points=marks,
                                  avoid=avoid, gap=gap, keep=self._keep)
            self._placed = (key, placed)
        to_data = to_px.inverted()
        for i, (text, spot, anchor) in enumerate(zip(texts, placed, anchors, strict=True)):
            if spot is None:
                continue
            self.shown.append(i)
            x0, y0 = anchor[0] + spot.dx, anchor[1] + spot.dy
            w, h = sizes[i]
            text.set_position(tuple(to_data.transform((x0 + pad, y0 + pad))))
            text.set_horizontalalignment("left")
            text.set_verticalalignment("bottom")
            text.set_transform(self._ax.transData)
            if spot.far:
                ex = min(max(anchor[0], x0), x0 + w)
                ey = min(max(anchor[1], y0), y0 + h)
                end = to_data.transform([tuple(anchor), (ex, ey)])
                self._lines[i].set_data(end[:, 0], end[:, 1])
                self._lines[i].set_transform(self._ax.transData)
                self._lines[i].draw(renderer)
            self._draw_name(text, renderer, x0, y0)
        self.stale = False

    def _draw_name(self, text: Text, renderer: RendererBase, x0: float, y0: float) -> None:
        """Draw a name whose box's lower left corner is at (``x0``, ``y0``) (display
        pixels): on screen its picture, elsewhere the text."""
        if not isinstance(renderer, RendererAgg):
            text.draw(renderer)
            return
        key = (text.get_text(), float(renderer.dpi))
        picture = self._pictures.get(key)
        if picture is None:
            if len(self._pictures) >= PICTURES_KEPT:
                del self._pictures[next(iter(self._pictures))]
            picture = self._pictures[key] = self._picture(text.get_text(), renderer)
        text.update_bbox_position_size(renderer)  # its box, where it is drawn (for readers)
        gc = renderer.new_gc()
        renderer.draw_image(gc, round(x0) - 1, round(y0) - 1, picture)
        gc.restore()

    def _picture(self, name: str, renderer: RendererAgg) -> np.ndarray:
        """``name`` written as the layer writes it, on a transparent picture whose lower left
        pixel is 1 px beyond its box's corner."""
        pad = _px(renderer, 2.0)
        text = Text(pad + 1, pad + 1, name, fontfamily=self._font, **NAME_STYLE)
        text.set_figure(self._ax.figure)
        text.set_transform(IdentityTransform())
        text.set_verticalalignment("bottom")
        w, h = self._size(text, renderer, pad)
        canvas = RendererAgg(  # type: ignore[no-untyped-call]
            int(np.ceil(w)) + 3, int(np.ceil(h)) + 3, renderer.dpi)
        text.set_position((pad + 1, pad + 1))
        text.draw(canvas)
        pixels = np.asarray(canvas.buffer_rgba())  # type: ignore[no-untyped-call]
        return pixels[::-1].copy()  # the top row last: a picture is drawn upwards
