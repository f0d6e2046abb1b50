"""The 2×2 position map drawn axes-first: one mark per item at two 0–100 scores, dashed
quadrant lines at 50, captions in the corners, and names written only where they can be read.

Readable from a handful of items to thousands: with few items each is a bubble whose area says
its size (e.g. the overall score); with many (:data:`DENSE_FROM` and more) each is a small
translucent dot whose opacity falls with the count (:func:`dot_style`), so crowded places show
darker. Only some items are named: those the caller lists (the selection, the top ranked),
each placed beside its mark without overlapping another name (:func:`models.charts.labels.
place_labels`), at every draw, so the names follow the chart's size. Named and selected items
are drawn opaque on top; selected ones are ringed.

:func:`position_map` draws the frame once and returns the :class:`MapLayers`, whose
:meth:`MapLayers.set_points` changes the points, names and rings in place (no new axes, no new
layout), so a live chart redraws just those artists.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.text import Text

from models.charts.drawing import SERIES_COLOURS
from models.charts.labels import place_labels

if TYPE_CHECKING:
    from matplotlib.backend_bases import RendererBase
    from matplotlib.collections import PathCollection

#: From this many items on, items are small translucent dots rather than bubbles.
DENSE_FROM = 150
#: The longest name written on the map (longer ones are cut with an ellipsis).
NAME_LIMIT = 24
#: The colour of rings and of names.
INK = "#222222"


def dot_style(n: int) -> tuple[float, float]:
    """The opacity of a mark and the factor on its area when ``n`` items are drawn: 0.65 and 1
    up to :data:`DENSE_FROM` items, then both falling with the count (0.2 and 0.1 at 2,000),
    no lower than 0.08 and 0.06."""
    if n < DENSE_FROM:
        return 0.65, 1.0
    return max(0.08, min(0.65, 9.0 / math.sqrt(n))), max(0.06, min(1.0, 200.0 / n))


def areas(sizes: Sequence[float | None] | np.ndarray) -> np.ndarray:
    """The marks' areas (points²) for these 0–100 sizes (None or NaN: none): bubbles of
    24 + 5 × size for a few items; from :data:`DENSE_FROM` on, every dot the area of a bubble
    of size 55 times the factor of :func:`dot_style` (dots of many sizes only add noise)."""
    n = len(sizes)
    _, scale = dot_style(n)
    if n >= DENSE_FROM:
        return np.full(n, (24.0 + 5.0 * 55.0) * scale)
    values = sizes.astype(float) if isinstance(sizes, np.ndarray) else \
        np.array([np.nan if v is None else v for v in sizes], dtype=float)
    return np.where(np.isnan(values), 24.0, 24.0 + 5.0 * np.clip(values, 0.0, 100.0))


def short_name(name: str, limit: int = NAME_LIMIT) -> str:
    """``name`` cut to ``limit`` characters with an ellipsis."""
    return name if len(name) <= limit else name[: limit - 1].rstrip() + "…"


def _px(renderer: RendererBase, points: float) -> float:
    """``points`` (1/72 inch) in the renderer's pixels."""
    return float(np.asarray(renderer.points_to_pixels(points)))


class LabelLayer(Artist):
    """Names beside their items' marks, placed anew at every draw in the space the axes have
    then (see :func:`models.charts.labels.place_labels`): the first ``keep`` always, the
    others where they fit; a name set farther out gets a leader line."""

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
        self.shown: list[int] = []
        self.set_in_layout(False)
        self.set_zorder(6)

    def set_names(self, names: Sequence[str], anchors: Sequence[tuple[float, float]],
                  marks: np.ndarray, keep: int) -> None:
        """Write ``names`` at ``anchors`` (data coordinates; most important first), keeping
        clear of ``marks`` (every item's data coordinates) where possible."""
        while len(self._texts) < len(names):
            text = Text(0, 0, "", fontsize="small", color=INK, fontfamily=self._font,
                        bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "#bbbbbb",
                              "alpha": 0.88, "lw": 0.6})
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
        placed = place_labels([tuple(a) for a in anchors], sizes, (box.x0, box.y0, box.x1,
                                                                   box.y1),
                              points=marks, avoid=avoid, gap=gap,
                              keep=self._keep)
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
            text.draw(renderer)
        self.stale = False


@dataclass
class MapLayers:
    """The artists of a position map that change with its points (see :meth:`set_points`):
    the dots of each group (one collection each, so thousands of dots of one colour and size
    are stamped at once), the opaque marks of the named and selected items, the rings of the
    selected ones and the names.

    Attributes:
        xy, area: every item's data coordinates and mark area, as last set.
    """

    ax: Axes
    dots: dict[str, PathCollection]
    marks: PathCollection
    rings: PathCollection
    labels: LabelLayer
    xy: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    area: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def artists(self) -> list[Artist]:
        """The artists :meth:`set_points` changes, bottom first."""
        return [*self.dots.values(), self.marks, self.rings, self.labels]

    def set_points(self, x: Sequence[float] | np.ndarray, y: Sequence[float] | np.ndarray,
                   sizes: Sequence[float | None] | np.ndarray,
                   labels: Sequence[str], groups: Sequence[str] | None = None, *,
                   named: Sequence[int] = (), selected: Sequence[int] = ()) -> None:
        """Show these items (as :func:`position_map` takes them) in place of the previous;
        an item of a group the map was not drawn with takes the first group's colour.

        Raises:
            ValueError: the sequences differ in length.
        """
        n = len(x)
        if not (len(y) == len(sizes) == len(labels) == n) or (groups is not None and
                                                              len(groups) != n):
            raise ValueError("x, y, sizes, labels (and groups) must have the same length")
        self.xy = xy = np.column_stack([np.asarray(x, dtype=float),
                                        np.asarray(y, dtype=float)]).reshape(-1, 2)
        self.area = area = areas(sizes)
        alpha, _ = dot_style(n)
        place = {g: k for k, g in enumerate(self.dots)}
        codes = np.array([place.get(g, 0) for g in groups] if groups is not None else
                         np.zeros(n), dtype=int)
        for k, dots in enumerate(self.dots.values()):
            mine = codes == k
            dots.set_offsets(xy[mine])
            # one size for every dot lets the renderer stamp them (ten times faster)
            dots.set_sizes(area[mine] if n < DENSE_FROM else area[:1])
            dots.set_alpha(alpha)
            dots.set_linewidth(0.8 if n < DENSE_FROM else 0.0)
        self._mark(xy, area, codes, labels, [*selected, *named], len(selected))
        self.ax.stale = True

    def _mark(self, xy: np.ndarray, area: np.ndarray, codes: np.ndarray,
              labels: Sequence[str], picked: list[int], ringed: int) -> None:
        """Opaque marks and names for the ``picked`` items, rings for the first ``ringed``."""
        n = len(xy)
        chosen = list(dict.fromkeys(i for i in picked if 0 <= i < n))
        rings = list(dict.fromkeys(i for i in picked[:ringed] if 0 <= i < n))
        colours = [c.get_facecolor()[0] for c in self.dots.values()]
        least = 24.0 if n >= DENSE_FROM else 0.0
        self.marks.set_offsets(xy[chosen] if chosen else np.zeros((0, 2)))
        self.marks.set_sizes(np.maximum(area[chosen], least) if chosen else [])
        self.marks.set_facecolor([tuple(colours[codes[i]][:3]) for i in chosen] or "none")
        self.marks.set_edgecolor("white")
        self.rings.set_offsets(xy[rings] if rings else np.zeros((0, 2)))
        self.rings.set_sizes(np.maximum(area[rings], least) + 60 if rings else [])
        self.labels.set_names([short_name(labels[i]) for i in chosen],
                              [(xy[i, 0], xy[i, 1]) for i in chosen], xy, len(rings))


def position_map(
    ax: Axes,
    x: Sequence[float] | np.ndarray,
    y: Sequence[float] | np.ndarray,
    sizes: Sequence[float | None] | np.ndarray,
    labels: Sequence[str],
    xlabel: str,
    ylabel: str,
    *,
    groups: Sequence[str] | None = None,
    captions: Sequence[str] | None = None,
    named: Sequence[int] = (),
    selected: Sequence[int] = (),
    label_font: str | Sequence[str] | None = None,
) -> MapLayers:
    """Draw a 2×2 position map of 0–100 scores: one mark per item, quadrant lines at 50.

    Args:
        ax: cartesian axes.
        x, y: the two scores of each item, 0–100.
        sizes: a 0–100 value per item (e.g. the overall score) setting its bubble's area
            (:func:`areas`); ``None`` or NaN draws the smallest bubble.
        labels: one name per item; only the named and selected ones are written on the chart
            (callers show the others on hover).
        xlabel, ylabel: axis titles, saying which way is better (the vertical one is written
            above the axes, on their left: ``ax.get_title("left")``).
        groups: optional group name per item (e.g. gated or not); each group gets a colour and
            a legend entry, in order of first appearance.
        captions: optional four quadrant captions: top-left, top-right, bottom-left,
            bottom-right.
        named: items to name where their names fit, most important first (e.g. the top
            ranked); selected: items to ring and always name (before the others).
        label_font: font family (or fallback list) for the names, for scripts the default
            font lacks.

    Returns:
        The :class:`MapLayers`.

    Raises:
        ValueError: the sequences differ in length, or ``captions`` is not four texts.
    """
    if captions is not None and len(captions) != 4:
        raise ValueError("captions needs four texts: top-left, top-right, bottom-left, "
                         "bottom-right")
    texts = _quadrants(ax, xlabel, ylabel, captions)
    order = list(dict.fromkeys(groups)) if groups is not None else []
    colour_of = {g: SERIES_COLOURS[k % len(SERIES_COLOURS)]
                 for k, g in enumerate(order or [""])}
    empty = np.zeros(0)
    layers = MapLayers(
        ax, {g: ax.scatter(empty, empty, color=c, edgecolors="white", zorder=3)
             for g, c in colour_of.items()},
        ax.scatter(empty, empty, linewidths=0.8, zorder=4),
        ax.scatter(empty, empty, facecolors="none", edgecolors=INK, linewidths=1.6,
                   zorder=5),
        LabelLayer(ax, label_font, texts))
    ax.add_artist(layers.labels)
    _legend(ax, colour_of if order else {})
    layers.set_points(x, y, sizes, labels, groups, named=named, selected=selected)
    return layers


def _legend(ax: Axes, colour_of: dict[str, str]) -> None:
    """A legend entry per group, right of the axes."""
    if colour_of:
        handles = [ax.scatter([], [], s=40, color=c, alpha=0.65, label=g)
                   for g, c in colour_of.items()]
        ax.legend(handles=handles, loc="center left", bbox_to_anchor=(1.01, 0.5),
                  fontsize="small", frameon=False, handletextpad=0.3)


def _quadrants(ax: Axes, xlabel: str, ylabel: str, captions: Sequence[str] | None
               ) -> list[Text]:
    """The position map's frame: 0–100 axes, dashed quadrant lines at 50, the axis titles
    (the vertical one written level above the axes, so a short chart still has room for it)
    and the quadrant captions (in room kept above and below the data range), which it
    returns."""
    ax.set_xlim(-6, 106)
    ax.set_ylim(-6 if captions is None else -14, 106 if captions is None else 114)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.tick_params(labelsize="small", colors="#555555")
    for spine in ax.spines.values():
        spine.set_color("#bbbbbb")
    ax.axvline(50, color="#999999", linewidth=0.9, linestyle="--", zorder=1)
    ax.axhline(50, color="#999999", linewidth=0.9, linestyle="--", zorder=1)
    ax.set_xlabel(f"{xlabel} →", fontsize="small", loc="right")
    ax.set_title(f"↑ {ylabel}", fontsize="small", loc="left", pad=4)
    texts = []
    if captions is not None:
        spots = ((-4, 112, "left", "top"), (104, 112, "right", "top"),
                 (-4, -12, "left", "bottom"), (104, -12, "right", "bottom"))
        for caption, (cx, cy, ha, va) in zip(captions, spots, strict=True):
            texts.append(ax.text(cx, cy, caption, ha=ha, va=va, fontsize="small",
                                 color="#6b6f76", style="italic", zorder=1))
    return texts
