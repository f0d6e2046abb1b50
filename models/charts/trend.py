"""A startup's scores through time drawn axes-first: one step line per series, each value
holding from its moment until the next one (the last until ``until``), so a chart reads as the
scores stood at any date. A ``None`` value leaves a gap (nothing scored, or the startup did
not exist then)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.lines import Line2D

from models.charts.drawing import SERIES_COLOURS

#: The colour of the emphasised series (the overall score).
EMPHASIS_COLOUR = "#222222"


def trend_chart(
    ax: Axes,
    moments: Sequence[dt.datetime],
    series: Sequence[tuple[str, Sequence[float | None]]],
    until: dt.datetime,
    *,
    emphasis: int = 0,
    ylabel: str = "Score (0–100)",
) -> list[Line2D]:
    """Draw ``series`` of 0–100 scores over ``moments`` (oldest first) as step lines.

    Args:
        ax: cartesian axes.
        moments: when each value starts to hold, oldest first (datetimes, all naive or all
            aware alike, as ``until``).
        series: (name, values) pairs, one value per moment; ``None`` leaves a gap.
        until: where the lines end (now); at least the last moment.
        emphasis: the index of the series drawn thick and dark (the overall score), or -1.
        ylabel: the y axis title.

    Returns:
        One step line per series, in order.

    Raises:
        ValueError: a series has not one value per moment.
    """
    if any(len(values) != len(moments) for _, values in series):
        raise ValueError("each series needs one value per moment")
    from matplotlib.dates import date2num

    days = [*moments, max(until, *moments)] if moments else [until]
    xs = np.asarray(date2num(days), dtype=np.float64)  # type: ignore[no-untyped-call]
    lines = []
    for i, (name, values) in enumerate(series):
        ys = np.array([np.nan if v is None else float(v) for v in values], dtype=float)
        ys = np.append(ys, ys[-1] if len(ys) else np.nan)
        strong = i == emphasis
        colour = EMPHASIS_COLOUR if strong else SERIES_COLOURS[i % len(SERIES_COLOURS)]
        (line,) = ax.step(xs, ys, where="post", color=colour, linewidth=2.4 if strong else 1.3,
                          label=name, zorder=3 if strong else 2)
        ax.plot(xs[:-1], ys[:-1], linestyle="none", marker="o", markersize=4 if strong else 3,
                color=colour, zorder=line.get_zorder())
        lines.append(line)
    ax.set_ylim(0, 100)
    ax.set_yticks([0, 25, 50, 75, 100])
    ax.grid(color="#e4e6ea", linewidth=0.8)
    ax.set_axisbelow(True)
    ax.set_ylabel(ylabel, fontsize="small")
    ax.tick_params(labelsize="x-small")
    _date_axis(ax, xs)
    if series:
        ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize="x-small",
                  frameon=False)
    return lines


def _date_axis(ax: Axes, xs: np.ndarray) -> None:
    """Dates on the x axis (``xs`` in matplotlib's days), concise, with some room when every
    moment is the same."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=3, maxticks=7)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    first, last = float(xs.min()), float(xs.max())
    pad = max((last - first) * 0.03, 1 / 48)   # half an hour at least
    ax.set_xlim(first - pad, last + pad)
