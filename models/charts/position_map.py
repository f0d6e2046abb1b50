"""The 2×2 position map drawn axes-first: one mark per item at two 0–100 scores, dashed
quadrant lines at 50, captions in the corners, and names written only where they can be read.

Readable from a handful of items to thousands: with few items each is a bubble whose area says
its size (e.g. the overall score); with many (:data:`DENSE_FROM` and more) each is a small
translucent dot whose opacity falls with the count (:func:`dot_style`), so crowded places show
darker. Only some items are named: those the caller lists (the selection, the top ranked),
each placed beside its mark without overlapping another name (:func:`models.charts.labels.
place_labels`, through :mod:`models.charts.name_layer`) at a draw, so the names follow the
chart's size. Named and selected items
are drawn opaque on top; selected ones are ringed.

:func:`position_map` draws the frame once and returns the :class:`MapLayers`, whose
:meth:`MapLayers.set_points` changes the points, names and rings in place (no new axes, no new
layout), so a live chart redraws just those artists; :meth:`MapLayers.move_points` moves only
some marks (after an edit of one item: its mark alone), leaving the names where they were
placed unless the items named, or one of their places or names, changed.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.text import Text

from models.charts.drawing import SERIES_COLOURS
from models.charts.name_layer import INK, LabelLayer

if TYPE_CHECKING:
    from matplotlib.collections import PathCollection

#: From this many items on, items are small translucent dots rather than bubbles.
DENSE_FROM = 150
#: At most this many selected items are named (every one is ringed): names for hundreds
#: would cover the map, and placing them would take seconds.
NAMED_SELECTED = 40
#: The longest name written on the map (longer ones are cut with an ellipsis).
NAME_LIMIT = 24


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
    #: each item's group (an index into ``dots``) and its place in that group's collection
    _codes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    _slots: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=int))
    #: the items named and ringed, with their places and names, as last marked
    _picked: tuple[object, ...] = ()

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
        self._codes, self._slots = codes, np.zeros(n, dtype=int)
        for k, dots in enumerate(self.dots.values()):
            mine = codes == k
            self._slots[mine] = np.arange(int(np.count_nonzero(mine)))
            dots.set_offsets(xy[mine])
            # one size for every dot lets the renderer stamp them (ten times faster)
            dots.set_sizes(area[mine] if n < DENSE_FROM else area[:1])
            dots.set_alpha(alpha)
            dots.set_linewidth(0.8 if n < DENSE_FROM else 0.0)
        self._picked = ()
        self._mark(xy, area, codes, labels, [*selected, *named], len(selected))
        self.ax.stale = True

    def move_points(self, moved: Sequence[int], x: np.ndarray, y: np.ndarray,
                    sizes: np.ndarray, labels: Sequence[str], *, named: Sequence[int] = (),
                    selected: Sequence[int] = ()) -> None:
        """Move the marks of the items ``moved`` (indices) to their places in ``x`` and
        ``y``, with their sizes; every other item keeps its mark (the same items as
        :meth:`set_points` last showed, in the same groups). The names and rings are set
        again only when the items ``named`` or ``selected``, or the place or name of one of
        them, changed.

        Raises:
            ValueError: the arrays' length is not the number of items shown.
        """
        n = len(self.xy)
        if not (len(x) == len(y) == len(sizes) == len(labels) == n):
            raise ValueError("x, y, sizes and labels must have one value per item shown")
        if len(moved):
            idx = np.asarray(moved, dtype=np.intp)
            self.xy[idx] = np.column_stack([np.asarray(x, dtype=float)[idx],
                                            np.asarray(y, dtype=float)[idx]])
            if n < DENSE_FROM:  # bubbles: the size says the overall score
                self.area[idx] = areas(np.asarray(sizes, dtype=float))[idx]
            for k, dots in enumerate(self.dots.values()):
                mine = idx[self._codes[idx] == k]
                if len(mine):
                    offsets = np.array(dots.get_offsets(), dtype=float)
                    offsets[self._slots[mine]] = self.xy[mine]
                    dots.set_offsets(offsets)
                    if n < DENSE_FROM:
                        dots.set_sizes(self.area[self._codes == k])
        self._mark(self.xy, self.area, self._codes, labels, [*selected, *named],
                   len(selected))
        self.ax.stale = True

    def _mark(self, xy: np.ndarray, area: np.ndarray, codes: np.ndarray,
              labels: Sequence[str], picked: list[int], ringed: int) -> None:
        """Opaque marks and names for the ``picked`` items, rings for the first ``ringed``
        (unchanged when they, their places, sizes and names are the same as last time)."""
        n = len(xy)
        chosen = list(dict.fromkeys(i for i in picked if 0 <= i < n))
        rings = list(dict.fromkeys(i for i in picked[:ringed] if 0 <= i < n))
        seen = (tuple(chosen), tuple(rings), xy[chosen].tobytes(), area[chosen].tobytes(),
                tuple(labels[i] for i in chosen))
        if seen == self._picked:
            return
        self._picked = seen
        colours = [c.get_facecolor()[0] for c in self.dots.values()]
        least = 24.0 if n >= DENSE_FROM else 0.0
        self.marks.set_offsets(xy[chosen] if chosen else np.zeros((0, 2)))
        self.marks.set_sizes(np.maximum(area[chosen], least) if chosen else [])
        self.marks.set_facecolor([tuple(colours[codes[i]][:3]) for i in chosen] or "none")
        self.marks.set_edgecolor("white")
        self.rings.set_offsets(xy[rings] if rings else np.zeros((0, 2)))
        self.rings.set_sizes(np.maximum(area[rings], least) + 60 if rings else [])
        kept, ringed_set = rings[:NAMED_SELECTED], set(rings)
        written = [*kept, *(i for i in chosen if i not in ringed_set)]
        self.labels.set_names([short_name(labels[i]) for i in written],
                              [(xy[i, 0], xy[i, 1]) for i in written], xy, len(kept))


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
