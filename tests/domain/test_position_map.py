"""The 2×2 position map chart (models.charts.position_map), drawn on a plain Figure: marks in
input order, bubbles for a few items and translucent dots for many, names only for the named
and selected items, and the points changed in place."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from models.charts.position_map import DENSE_FROM, dot_style, position_map, short_name


def _axes():
    figure = Figure(figsize=(6, 4))
    FigureCanvasAgg(figure)
    return figure.add_subplot()


def _names(layers) -> list[str]:
    layers.ax.figure.canvas.draw()
    return [layers.labels._texts[i].get_text() for i in layers.labels.shown]


def test_one_bubble_per_item_in_input_order():
    ax = _axes()
    layers = position_map(ax, [10, 60, 90], [80, 40, 95], [20, None, 100],
                          ["A", "B", "C"], "x", "y")
    assert layers.xy.tolist() == [[10, 80], [60, 40], [90, 95]]
    # area 24 + 5 × size: 124, 24 (None), 524
    assert layers.area.tolist() == [124.0, 24.0, 524.0]
    (dots,) = layers.dots.values()  # one group
    assert dots.get_offsets().tolist() == layers.xy.tolist()
    assert list(dots.get_sizes()) == [124.0, 24.0, 524.0]
    assert ax.get_xlabel() == "x →" and ax.get_title(loc="left") == "↑ y"
    assert _names(layers) == []  # nothing named unless asked


def test_quadrant_lines_captions_legend_names_and_rings():
    ax = _axes()
    captions = ["top-left", "top-right", "bottom-left", "bottom-right"]
    layers = position_map(ax, [10, 60], [80, 40], [50, 60], ["Alpha", "Beta"], "x", "y",
                          groups=["founder", "investor"], captions=captions, selected=[1])
    assert [t.get_text() for t in ax.texts] == captions
    lines = [(tuple(line.get_xdata()), tuple(line.get_ydata())) for line in ax.lines]
    assert ((50, 50), (0, 1)) in lines and ((0, 1), (50, 50)) in lines
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["founder", "investor"]
    assert {g: d.get_offsets().tolist() for g, d in layers.dots.items()} == \
        {"founder": [[10, 80]], "investor": [[60, 40]]}
    assert layers.rings.get_offsets().tolist() == [[60, 40]]
    assert _names(layers) == ["Beta"]
    # captions sit outside the 0–100 data range
    low, high = ax.get_ylim()
    assert low < 0 and high > 100


def test_many_items_are_translucent_dots():
    assert dot_style(10) == (0.65, 1.0)
    alpha, scale = dot_style(2000)  # 9 / √2000 and 200 / 2000
    assert alpha == pytest.approx(0.2012, abs=1e-4) and scale == pytest.approx(0.1)
    assert dot_style(1_000_000) == (0.08, 0.06)
    n = DENSE_FROM
    layers = position_map(_axes(), [50.0] * n, [50.0] * (n - 1) + [40.0], [100.0] * n,
                          ["a"] * n, "x", "y", groups=["open"] * (n - 1) + ["gated"])
    open_dots, gated_dots = layers.dots.values()
    assert open_dots.get_alpha() == gated_dots.get_alpha() == dot_style(n)[0]
    assert list(open_dots.get_linewidths()) == [0.0]
    # one size for every dot, whatever its item's: (24 + 5 × 55) × 1 (the factor at 150)
    assert list(open_dots.get_sizes()) == [299.0] and len(open_dots.get_offsets()) == n - 1
    assert gated_dots.get_offsets().tolist() == [[50.0, 40.0]]


def test_set_points_changes_the_marks_in_place():
    ax = _axes()
    layers = position_map(ax, [10], [10], [50], ["A"], "x", "y", named=[0])
    layers.set_points([20, 30], [40, 50], [None, 0], ["B", "C"], named=[1], selected=[0])
    assert layers.xy.tolist() == [[20, 40], [30, 50]]
    assert layers.rings.get_offsets().tolist() == [[20, 40]]
    assert sorted(_names(layers)) == ["B", "C"]
    assert ax.collections[:3] == [*layers.dots.values(), layers.marks, layers.rings]


def test_long_names_are_cut():
    assert short_name("x" * 30, 10) == "x" * 9 + "…"
    assert short_name("Acme") == "Acme"


def test_empty_map_draws_the_frame():
    ax = _axes()
    layers = position_map(ax, [], [], [], [], "x", "y", captions=["a", "b", "c", "d"])
    assert len(layers.xy) == 0
    ax.figure.canvas.draw()


def test_mismatched_lengths_are_refused():
    with pytest.raises(ValueError):
        position_map(_axes(), [1, 2], [1], [1, 2], ["a", "b"], "x", "y")
    with pytest.raises(ValueError):
        position_map(_axes(), [1], [1], [1], ["a"], "x", "y", captions=["only one"])


def test_move_points_moves_only_the_marks_named_and_keeps_groups():
    ax = _axes()
    layers = position_map(ax, [10, 60, 90, 30], [80, 40, 95, 20], [20, 50, 100, 70],
                          ["A", "B", "C", "D"], "x", "y", groups=["g1", "g2", "g1", "g2"],
                          named=[0])
    g1, g2 = layers.dots.values()
    assert g1.get_offsets().tolist() == [[10, 80], [90, 95]]
    assert g2.get_offsets().tolist() == [[60, 40], [30, 20]]
    # D moves and grows, C moves; A stays named where it is
    layers.move_points([3, 2], [10, 60, 50, 35], [80, 40, 55, 25], [20, 50, 100, 90],
                       ["A", "B", "C", "D"], named=[0])
    assert g1.get_offsets().tolist() == [[10, 80], [50, 55]]
    assert g2.get_offsets().tolist() == [[60, 40], [35, 25]]
    assert list(g2.get_sizes()) == [24 + 5 * 50.0, 24 + 5 * 90.0]  # bubbles: 24 + 5 × size
    assert layers.xy.tolist() == [[10, 80], [60, 40], [50, 55], [35, 25]]
    assert layers.marks.get_offsets().tolist() == [[10, 80]]
    assert _names(layers) == ["A"]
    # naming another moves the name and the opaque mark to it
    layers.move_points([], [10, 60, 50, 35], [80, 40, 55, 25], [20, 50, 100, 90],
                       ["A", "B", "C", "D"], named=[3])
    assert layers.marks.get_offsets().tolist() == [[35, 25]]
    assert _names(layers) == ["D"]
    with pytest.raises(ValueError, match="one value per item"):
        layers.move_points([0], [1, 2], [1, 2], [1, 2], ["A", "B"])


def test_names_drawn_on_screen_from_pictures_look_as_the_text_does():
    """On screen (Agg) a name is stamped from a picture made once; the map looks as with the
    names written as text (the same pixels but for a few at the glyphs' edges), and an SVG
    still holds the names as text."""
    import io

    import numpy as np

    pictures, figures = [], []
    for as_text in (False, True):
        figure = Figure(figsize=(6, 4), dpi=96)
        figures.append(figure)
        canvas = FigureCanvasAgg(figure)
        layers = position_map(figure.add_subplot(), [20, 50, 80], [30, 60, 90], [10, 50, 90],
                              ["Tokenforge", "Lumenreel", "Gearloom Systems"], "x", "y",
                              named=[0, 1, 2])
        if as_text:
            layers.labels._draw_name = lambda text, renderer, x0, y0: text.draw(renderer)
        canvas.draw()
        assert layers.labels.shown == [0, 1, 2]
        pictures.append(np.asarray(canvas.buffer_rgba()).astype(int))
    difference = np.abs(pictures[0] - pictures[1])
    assert difference.mean() < 0.5  # of 255
    assert (difference.max(axis=2) > 64).mean() < 0.005
    out = io.StringIO()
    figures[0].savefig(out, format="svg")  # the names as text (each glyph a path), no picture
    assert "Gearloom Systems" in out.getvalue() and "<image" not in out.getvalue()


def test_a_large_selection_is_ringed_whole_and_named_in_part():
    from models.charts.position_map import NAMED_SELECTED

    n = 300
    xs = [float(i % 20) * 5 for i in range(n)]
    ys = [float(i // 20) * 6 for i in range(n)]
    names = [f"S{i}" for i in range(n)]
    selected = list(range(100))
    layers = position_map(_axes(), xs, ys, [50.0] * n, names, "x", "y", selected=selected,
                          named=[250, 251, 5])
    assert len(layers.rings.get_offsets()) == 100
    shown = _names(layers)
    assert shown[:NAMED_SELECTED] == [f"S{i}" for i in range(NAMED_SELECTED)]
    assert set(shown) <= {*(f"S{i}" for i in range(NAMED_SELECTED)), "S250", "S251"}
