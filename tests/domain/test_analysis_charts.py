"""Axes-first analysis charts (models.charts.drawing): rank bands, tornado and founder–investor
gaps,
drawn on a plain matplotlib Figure (never pyplot)."""

from __future__ import annotations

import math

import pytest
from matplotlib.figure import Figure

from models.charts.drawing import gap_chart, rank_band_chart, tornado_chart


def _ax():  # type: ignore[no-untyped-def]
    return Figure(figsize=(6, 4)).add_subplot()


def test_rank_bands_one_per_row_first_on_top():
    ax = _ax()
    out = rank_band_chart(ax, ["A", "B", "C"], [10, 40, math.nan], [20, 50, math.nan],
                          [30, 60, math.nan], overall=[21, 49, None], highlight=1)
    segs = out["bands"].get_segments()
    assert len(segs) == 3
    assert segs[0][:, 0].tolist() == [10, 30] and segs[1][:, 0].tolist() == [40, 60]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["A", "B", "C"]
    assert ax.get_ylim()[0] > ax.get_ylim()[1]  # row 0 at the top
    assert ax.get_yticklabels()[1].get_fontweight() == "bold"
    assert ax.get_xlim() == (0, 100)
    ax.figure.canvas.draw()  # NaN rows draw nothing and raise nothing


def test_rank_band_labels_are_cut_and_lengths_checked():
    ax = _ax()
    rank_band_chart(ax, ["x" * 60], [1], [2], [3], label_limit=20)
    label = ax.get_yticklabels()[0].get_text()
    assert len(label) == 20 and label.endswith("…")
    with pytest.raises(ValueError):
        rank_band_chart(_ax(), ["A", "B"], [1], [2], [3])


def test_tornado_orders_by_swing_and_centres_on_the_base():
    ax = _ax()
    order = tornado_chart(ax, ["small", "big", "none"], 50.0, [49, 40, math.nan],
                          [51, 62, math.nan])
    assert order == [1, 0, 2]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["big", "small", "none"]
    bars = ax.patches
    assert len(bars) == 6
    lows, highs = bars[:3], bars[3:]
    assert lows[0].get_x() == 50 and lows[0].get_width() == pytest.approx(-10)
    assert highs[0].get_width() == pytest.approx(12)
    assert lows[2].get_width() == 0  # NaN draws no bar
    lo, hi = ax.get_xlim()
    assert lo <= 40 and hi >= 62
    with pytest.raises(ValueError):
        tornado_chart(_ax(), ["a"], 1.0, [1, 2], [1])


def test_gap_bars_flag_two_levels_or_more():
    ax = _ax()
    bars = gap_chart(ax, ["a", "b", "c"], [3, -2, 1])
    widths = [b.get_width() for b in bars]
    assert widths == [3, -2, 1]
    colours = [b.get_facecolor()[:3] for b in bars]
    assert colours[0] == colours[1] != colours[2]
    assert len(ax.get_legend().get_texts()) == 2
    ax2 = _ax()
    bars = gap_chart(ax2, ["a"], [1], flagged=[True])
    assert bars[0].get_facecolor()[:3] == colours[0]
    with pytest.raises(ValueError):
        gap_chart(_ax(), ["a", "b"], [1])
