"""Charts drawn on matplotlib axes the caller owns (axes first, never pyplot).

The GUI draws these on a ``Figure`` inside a ``FigureCanvasQTAgg``; reports draw them on a
``Figure`` saved to PDF. Every function only draws on ``ax`` and returns what it drew.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from matplotlib.axes import Axes

#: Colours for up to twelve series, distinguishable in print.
SERIES_COLOURS = ("#2f6fb0", "#c8453b", "#3f9a5a", "#e5a935", "#7b4fa0", "#1f9aa8",
                  "#b5651d", "#d1477a", "#5c6b73", "#8aa62f", "#4464d4", "#a37c52")


def radar(
    ax: Axes,
    labels: Sequence[str],
    series: Sequence[tuple[str, Sequence[float | None]]],
    *,
    fill_alpha: float = 0.15,
) -> list:
    """Draw a radar (spider) chart of 0–100 scores on a **polar** ``ax``.

    Args:
        ax: axes created with ``projection="polar"``.
        labels: one label per spoke (e.g. pillar names), at least three.
        series: (name, values) pairs; a ``None`` value is drawn at 0 with no marker.
        fill_alpha: opacity of each series' fill.

    Returns:
        The line artists, one per series.

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
    lines = []
    for k, (name, values) in enumerate(series):
        if len(values) != n:
            raise ValueError(f"series '{name}' has {len(values)} values for {n} spokes")
        vals = [0.0 if v is None else float(v) for v in values]
        colour = SERIES_COLOURS[k % len(SERIES_COLOURS)]
        (line,) = ax.plot([*angles, angles[0]], [*vals, vals[0]], color=colour, linewidth=1.6,
                          label=name)
        ax.fill([*angles, angles[0]], [*vals, vals[0]], color=colour, alpha=fill_alpha)
        shown = [(a, v) for a, v, raw in zip(angles, vals, values, strict=True) if raw is not None]
        if shown:
            ax.plot([a for a, _ in shown], [v for _, v in shown], "o", color=colour,
                    markersize=3.5)
        lines.append(line)
    return lines
