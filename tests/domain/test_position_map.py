"""The 2×2 position map chart (models.charts.drawing.position_map), drawn on a plain Figure."""

from __future__ import annotations

import pytest
from matplotlib.figure import Figure

from models.charts.drawing import position_map


def _axes():
    return Figure(figsize=(6, 4)).add_subplot()


def test_one_bubble_per_item_in_input_order():
    ax = _axes()
    bubbles = position_map(ax, [10, 60, 90], [80, 40, 95], [20, None, 100],
                           ["A", "B", "C"], "x", "y")
    assert bubbles.get_offsets().tolist() == [[10, 80], [60, 40], [90, 95]]
    sizes = list(bubbles.get_sizes())
    assert sizes[1] < sizes[0] < sizes[2]  # None draws the smallest bubble
    assert ax.get_xlabel() == "x" and ax.get_ylabel() == "y"


def test_quadrant_lines_captions_legend_and_highlight():
    ax = _axes()
    captions = ["top-left", "top-right", "bottom-left", "bottom-right"]
    position_map(ax, [10, 60], [80, 40], [50, 60], ["Alpha", "Beta"], "x", "y",
                 highlight=1, groups=["founder", "investor"], captions=captions)
    texts = [t.get_text() for t in ax.texts]
    assert all(c in texts for c in captions) and "Beta" in texts and "Alpha" not in texts
    lines = [(tuple(line.get_xdata()), tuple(line.get_ydata())) for line in ax.lines]
    assert ((50, 50), (0, 1)) in lines and ((0, 1), (50, 50)) in lines
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["founder", "investor"]
    # captions sit outside the 0–100 data range
    low, high = ax.get_ylim()
    assert low < 0 and high > 100


def test_empty_map_draws_the_frame():
    ax = _axes()
    bubbles = position_map(ax, [], [], [], [], "x", "y", captions=["a", "b", "c", "d"])
    assert len(bubbles.get_offsets()) == 0


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        position_map(_axes(), [1, 2], [1], [1, 2], ["a", "b"], "x", "y")
    with pytest.raises(ValueError):
        position_map(_axes(), [1], [1], [1], ["a"], "x", "y", captions=["only one"])
