"""Charts drawn on matplotlib axes the caller owns (axes first, never pyplot).

The GUI draws these on a ``Figure`` inside a ``FigureCanvasQTAgg``; reports draw them on a
``Figure`` saved to PDF. Every function only draws on ``ax`` and returns what it drew.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Polygon

if TYPE_CHECKING:
    from matplotlib.projections.polar import PolarAxes

#: Colours for up to twelve series, distinguishable in print.
SERIES_COLOURS = ("#2f6fb0", "#c8453b", "#3f9a5a", "#e5a935", "#7b4fa0", "#1f9aa8",
                  "#b5651d", "#d1477a", "#5c6b73", "#8aa62f", "#4464d4", "#a37c52")


@dataclass
class RadarSeries:
    """The artists of one radar series, kept so its values can change without a replot."""

    line: Line2D
    fill: Polygon
    markers: Line2D
    angles: list[float]

    def set_values(self, values: Sequence[float | None]) -> None:
        """Show new 0–100 values (``None`` at 0 without a marker); the caller redraws."""
        vals = [0.0 if v is None else float(v) for v in values]
        closed_a, closed_v = [*self.angles, self.angles[0]], [*vals, vals[0]]
        self.line.set_data(closed_a, closed_v)
        self.fill.set_xy(list(zip(closed_a, closed_v, strict=True)))
        shown = [(a, v) for a, v, raw in zip(self.angles, vals, values, strict=True)
                 if raw is not None]
        self.markers.set_data([a for a, _ in shown], [v for _, v in shown])


def radar(
    ax: PolarAxes,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    fill_alpha: float = 0.15,
) -> list[RadarSeries]:
    """Draw a radar (spider) chart of 0–100 scores on a **polar** ``ax``.

    Args:
        ax: axes created with ``projection="polar"``.
        labels: one label per spoke (e.g. pillar names), at least three.
        series: (name, values) pairs; a ``None`` value is drawn at 0 with no marker.
        fill_alpha: opacity of each series' fill.

    Returns:
        One :class:`RadarSeries` per series; its ``set_values`` updates the chart in place.

    Raises:
        ValueError: fewer than three spokes, or a series of the wrong length.
    """
    n = len(labels)
    if n < 3:
        raise ValueError("a radar chart needs at least three spokes")
    angles = [2 * math.pi * i / n for i in range(n)]
    ax.set_theta_offset(math.pi / 2)
    ax.set_theta_direction(-1)
    ax.set_xticks(angles)
    ax.set_xticklabels(labels)
    ax.set_ylim(0, 100)
    ax.set_yticks([25, 50, 75, 100])
    ax.set_yticklabels(["25", "50", "75", "100"], fontsize="x-small", color="#777777")
    out = []
    for k, (name, values) in enumerate(series):
        if len(values) != n:
            raise ValueError(f"series '{name}' has {len(values)} values for {n} spokes")
        colour = SERIES_COLOURS[k % len(SERIES_COLOURS)]
        (line,) = ax.plot([], [], color=colour, linewidth=1.6, label=name)
        (fill,) = ax.fill([0, 0], [0, 0], color=colour, alpha=fill_alpha)
        (markers,) = ax.plot([], [], "o", color=colour, markersize=3.5)
        item = RadarSeries(line, fill, markers, angles)
        item.set_values(values)
        out.append(item)
    return out


def _short(label: str, limit: int) -> str:
    """``label`` cut to ``limit`` characters with an ellipsis (the full text goes elsewhere)."""
    return label if len(label) <= limit else label[: limit - 1].rstrip() + "…"


def _label_rows(ax: Axes, labels: Sequence[str], limit: int,
                font: str | Sequence[str] | None) -> None:
    """Row labels top to bottom on the y axis (row 0 at the top)."""
    n = len(labels)
    ax.set_yticks(range(n))
    ax.set_yticklabels([_short(str(s), limit) for s in labels], fontsize="small",
                       fontfamily=font)
    ax.set_ylim(n - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", labelsize="small", colors="#555555")
    for name, spine in ax.spines.items():
        spine.set_visible(name == "bottom")
        spine.set_color("#bbbbbb")


def rank_band_chart(
    ax: Axes,
    labels: Sequence[str],
    p10: Sequence[float],
    p50: Sequence[float],
    p90: Sequence[float],
    *,
    overall: Sequence[float | None] | None = None,
    highlight: int | None = None,
    xlabel: str = "Overall score (P10–P90 band, dot = P50)",
    legend: Sequence[str] = ("P10–P90", "P50", "score as entered"),
    label_limit: int = 28,
    label_font: str | Sequence[str] | None = None,
) -> dict[str, object]:
    """Draw each assessment's overall-score band: a bar from P10 to P90 with a dot at P50.

    Rows are drawn in the order given, the first at the top (sort them first, e.g. by P50).
    Rows whose P50 is NaN (nothing scored) are left empty.

    Args:
        ax: cartesian axes.
        labels: one name per row (cut to ``label_limit`` characters on the chart).
        p10, p50, p90: 0–100 percentiles per row.
        overall: optional deterministic score per row, drawn as a small tick.
        highlight: a row to draw darker and bold, or None.
        xlabel: the x axis title; legend: the three legend texts (band, P50, score).
        label_font: font family (or fallback list) for the row labels.

    Returns:
        ``{"bands": LineCollection, "medians": PathCollection}``; band ``i`` is row ``i``.

    Raises:
        ValueError: the sequences differ in length.
    """
    n = len(labels)
    if not (len(p10) == len(p50) == len(p90) == n) or (overall is not None and
                                                       len(overall) != n):
        raise ValueError("labels, p10, p50, p90 (and overall) must have the same length")
    drawn = _bands(ax, p10, p50, p90, overall, highlight, legend)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.grid(axis="x", color="#e4e6ea", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel(xlabel, fontsize="small")
    _label_rows(ax, labels, label_limit, label_font)
    if highlight is not None and 0 <= highlight < n:
        ax.get_yticklabels()[highlight].set_fontweight("bold")
    if n:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=3, fontsize="x-small",
                  frameon=False, handletextpad=0.4, columnspacing=1.2)
    return drawn


def _bands(ax: Axes, p10: Sequence[float], p50: Sequence[float], p90: Sequence[float],
           overall: Sequence[float | None] | None, highlight: int | None,
           legend: Sequence[str]) -> dict[str, object]:
    """The rows of :func:`rank_band_chart`: P10–P90 bars, P50 dots and the entered scores."""
    from matplotlib.collections import LineCollection

    segments = [[(float(lo), i), (float(hi), i)] for i, (lo, hi) in enumerate(zip(p10, p90,
                                                                             strict=True))]
    colours = [("#1f4e80" if i == highlight else SERIES_COLOURS[0]) for i in range(len(p50))]
    bands = LineCollection(segments, colors=colours, linewidths=6, alpha=0.45,
                           capstyle="butt", label=legend[0])
    ax.add_collection(bands)
    medians = ax.scatter(list(p50), list(range(len(p50))), s=26, c=colours, zorder=3,
                         label=legend[1])
    if overall is not None:
        xs = [v for v in overall if v is not None]
        ys = [i for i, v in enumerate(overall) if v is not None]
        ax.scatter(xs, ys, marker="|", s=90, color="#222222", linewidths=1.2, zorder=4,
                   label=legend[2])
    return {"bands": bands, "medians": medians}


def tornado_chart(
    ax: Axes,
    labels: Sequence[str],
    base: float,
    low: Sequence[float],
    high: Sequence[float],
    *,
    xlabel: str = "Overall score",
    legend: Sequence[str] = ("weight −10 points", "weight +10 points"),
    label_limit: int = 34,
    label_font: str | Sequence[str] | None = None,
) -> list[int]:
    """Draw a tornado chart: for each pillar, the overall score with its weight share lowered
    (``low``) and raised (``high``), as bars from the current score ``base``.

    Rows are ordered by swing ``|high − low|``, widest at the top; NaN values draw no bar.

    Args:
        ax: cartesian axes.
        labels: one label per pillar (e.g. ``"Ecosystem (20 % → 10 / 30 %)"``).
        base: the overall score at the current weights (0–100).
        low, high: the overall score at each pillar's lowered and raised share.
        xlabel: the x axis title; legend: the texts of the two bar colours.
        label_font: font family (or fallback list) for the row labels.

    Returns:
        The input indices in drawing order (top row first).

    Raises:
        ValueError: the sequences differ in length.
    """
    n = len(labels)
    if not (len(low) == len(high) == n):
        raise ValueError("labels, low and high must have the same length")

    def swing(i: int) -> float:
        d = abs(float(high[i]) - float(low[i]))
        return -1.0 if math.isnan(d) else d

    order = sorted(range(n), key=lambda i: -swing(i))
    lo_w = [0.0 if math.isnan(low[i]) else float(low[i]) - base for i in order]
    hi_w = [0.0 if math.isnan(high[i]) else float(high[i]) - base for i in order]
    rows = list(range(n))
    ax.barh(rows, lo_w, left=base, height=0.6, color=SERIES_COLOURS[1], alpha=0.8,
            label=legend[0])
    ax.barh(rows, hi_w, left=base, height=0.6, color=SERIES_COLOURS[0], alpha=0.8,
            label=legend[1])
    ax.axvline(base, color="#222222", linewidth=1.0, zorder=3)
    values = [v for v in (*low, *high, base) if not math.isnan(v)]
    spread = max((abs(v - base) for v in values), default=0.0)
    pad = max(2.0, spread * 1.25)
    ax.set_xlim(max(0.0, base - pad), min(100.0, base + pad))
    ax.grid(axis="x", color="#e4e6ea", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel(xlabel, fontsize="small")
    _label_rows(ax, [labels[i] for i in order], label_limit, label_font)
    if n:
        ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncol=2, fontsize="x-small",
                  frameon=False)
    return order


def gap_chart(
    ax: Axes,
    labels: Sequence[str],
    gaps: Sequence[int],
    *,
    flagged: Sequence[bool] | None = None,
    xlabel: str = "Investor level − founder level",
    legend: Sequence[str] = ("gap", "2 levels or more"),
    label_limit: int = 30,
    label_font: str | Sequence[str] | None = None,
) -> object:
    """Draw founder–investor gaps as horizontal bars, one per criterion, the first at the top.

    Args:
        ax: cartesian axes.
        labels: one criterion name per bar.
        gaps: ``investor − founder`` in levels (−4 to 4), e.g. largest ``|gap|`` first.
        flagged: rows to draw in the warning colour (default: ``|gap| ≥ 2``).
        xlabel: the x axis title; legend: texts for ordinary and flagged bars.
        label_font: font family (or fallback list) for the row labels.

    Returns:
        The ``BarContainer`` of the bars (bar ``i`` is row ``i``).

    Raises:
        ValueError: the sequences differ in length.
    """
    n = len(labels)
    flags = [abs(g) >= 2 for g in gaps] if flagged is None else list(flagged)
    if not (len(gaps) == len(flags) == n):
        raise ValueError("labels, gaps (and flagged) must have the same length")
    colours = ["#c8453b" if f else SERIES_COLOURS[0] for f in flags]
    bars = ax.barh(list(range(n)), [float(g) for g in gaps], height=0.6, color=colours,
                   alpha=0.85)
    ax.axvline(0, color="#222222", linewidth=1.0)
    ax.set_xlim(-4.4, 4.4)
    ax.set_xticks(range(-4, 5))
    ax.grid(axis="x", color="#e4e6ea", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_xlabel(xlabel, fontsize="small")
    _label_rows(ax, labels, label_limit, label_font)
    if n:
        from matplotlib.patches import Patch

        handles = [Patch(color=SERIES_COLOURS[0], alpha=0.85, label=legend[0])]
        if any(flags):
            handles.append(Patch(color="#c8453b", alpha=0.85, label=legend[1]))
        ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0),
                  ncol=len(handles), fontsize="x-small", frameon=False)
    return bars
