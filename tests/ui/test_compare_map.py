"""The Compare view's map: one mark per startup under the perspective (the ranking's pillar and
overall scores) that the Startups page's filters let through, unscored startups left out, every
startup drawn however many, the selection and the top of the ranking named without overlaps, a
click selecting the nearest startup's row, a dragged rectangle selecting the rows of the
startups inside it, and edits redrawn in place (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from matplotlib.backend_bases import MouseEvent

from gui import commands as cmd
from gui.document import Document
from gui.views.compare.position_map import TOP_NAMED
from gui.views.compare.view import CompareView
from models.charts.position_map import DENSE_FROM, short_name
from models.engine.sample import synthetic_portfolio

# The sample's startups at (technology threshold, incumbent pressure) under the investor view,
# from its levels (tests/domain cover the scoring): s07 衡策智能 (56.25, 80), s06 Gearloom
# Systems (50, 85), s05 听澜科技 (56.25, 70), s01 栖语科技 (56.25, 65), s04 Lumenreel (75, 40),
# s08 Summitcore AI (31.25, 25), s03 Tokenforge (31.25, 40), s02 Chattersky (18.75, 5).
AT = {"s07": (56.25, 80.0), "s06": (50.0, 85.0), "s05": (56.25, 70.0), "s01": (56.25, 65.0),
      "s04": (75.0, 40.0), "s08": (31.25, 25.0), "s03": (31.25, 40.0), "s02": (18.75, 5.0)}


@pytest.fixture
def view(compare_view: CompareView) -> CompareView:
    return compare_view


def _many(qtbot):  # type: ignore[no-untyped-def]
    """Compare on 600 synthetic startups at 1280×800, its map drawn: document, view, chart."""
    doc = Document(synthetic_portfolio(600, seed=4))
    view = CompareView(doc)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    return doc, view, _drawn(qtbot, view)


def _drawn(qtbot, view: CompareView):
    view.show()
    qtbot.waitExposed(view)
    chart = view.map.chart
    qtbot.waitUntil(lambda: chart.draws >= 1 and not chart.is_pending(), timeout=5000)
    chart.canvas.draw()
    return chart


def _mouse(chart, kind: str, xy: tuple[float, float], modifiers=frozenset()) -> None:
    """A matplotlib mouse event at data point ``xy`` of the map's axes."""
    ax = chart.figure.axes[0]
    x, y = ax.transData.transform(xy)
    event = MouseEvent(kind, chart.canvas, x, y, button=1, modifiers=modifiers)
    chart.canvas.callbacks.process(kind, event)


def _drag(chart, a: tuple[float, float], b: tuple[float, float], modifiers=frozenset()) -> None:
    _mouse(chart, "button_press_event", a, modifiers)
    _mouse(chart, "motion_notify_event", b, modifiers)
    _mouse(chart, "button_release_event", b, modifiers)


def test_one_mark_per_startup_with_the_ranking_scores(view, doc):
    assert view.map.axis_keys() == ("pillar:tech", "pillar:press")
    points = view.map.map_points()
    rows = {r.startup_id: r for r in doc.ranking().rows}
    assert len(points) == len(doc.portfolio.startups) == 8
    assert {p.startup_id: (p.x, p.y) for p in points} == AT
    for p in points:
        r = rows[p.startup_id]
        assert (p.size, p.rank) == (r.overall, r.rank)
        assert p.label == r.startup and p.group == ("gated" if r.gated else "open")
    assert [p.group for p in points] == sorted((p.group for p in points),
                                               key=("open", "gated").index)
    view.map.set_axes("overall", "pillar:niche")
    for p in view.map.map_points():
        assert (p.x, p.y) == (rows[p.startup_id].overall, rows[p.startup_id].pillars["niche"])


def test_filters_and_the_perspective_apply(view, doc):
    view.startups.filter_edit.setText("chattersky")
    assert [p.label for p in view.map.map_points()] == ["Chattersky"]
    view.startups.filter_edit.clear()
    region = view.startups.filters.combos["region"]
    region.setCurrentIndex(region.findData("Beijing"))
    assert {p.startup_id for p in view.map.map_points()} == {"s02", "s03", "s04", "s08"}
    region.setCurrentIndex(0)
    doc.set_perspective("founder")  # three startups have no founder assessment
    assert len(view.map.map_points()) == 5
    assert view.map.unscored() == 3


def test_thousands_of_startups_are_all_drawn_as_dots_the_top_named(qtbot, scripted_ask):
    _doc, view, chart = _many(qtbot)
    points = view.map.drawn_points()
    assert len(points) == 600 == view.model.rowCount()
    layers = view.map.layers()
    assert len(layers.xy) == 600 >= DENSE_FROM
    assert sum(len(d.get_offsets()) for d in layers.dots.values()) == 600
    assert all(d.get_alpha() < 0.65 for d in layers.dots.values())  # darker where many
    assert "darker where many overlap" in view.map.note.text()
    selected, named = view.map.named()
    best = sorted(points, key=lambda p: p.rank)[:TOP_NAMED]
    assert selected == [] and [points[i].startup_id for i in named] == \
        [p.startup_id for p in best]
    texts = [t for t in layers.labels._texts[:len(named)]]
    shown = [texts[i] for i in layers.labels.shown]
    assert len(shown) >= 8  # most of the top names fit, the rest are left out
    renderer = chart.figure.canvas.get_renderer()
    boxes = [t.get_bbox_patch().get_window_extent(renderer) for t in shown]
    frame = layers.ax.bbox
    for i, a in enumerate(boxes):
        assert frame.x0 <= a.x0 and a.x1 <= frame.x1 and frame.y0 <= a.y0 and a.y1 <= frame.y1
        assert not any(a.overlaps(b) for b in boxes[i + 1:]), shown[i].get_text()


def _name_boxes(chart, layers):  # type: ignore[no-untyped-def]
    renderer = chart.figure.canvas.get_renderer()
    shown = [layers.labels._texts[i] for i in layers.labels.shown]
    return shown, [t.get_bbox_patch().get_window_extent(renderer) for t in shown]


@pytest.mark.slow
def test_all_of_two_thousand_selected_on_a_short_map_names_none_over_another(qtbot,
                                                                           scripted_ask):
    # a laptop's map (the view 1000 × 560): every startup selected, so every place near a
    # kept name covers a selected mark; the names kept go beside them, inside the frame and
    # clear of one another, on every pair of axes
    doc = Document(synthetic_portfolio(2000, seed=4))
    view = CompareView(doc)
    qtbot.addWidget(view)
    view.resize(1000, 560)
    chart = _drawn(qtbot, view)
    view.startups.select_startups([p.startup_id for p in view.map.drawn_points()])
    for axes in (None, ("pillar:niche", "pillar:eco"), ("overall", "pillar:tech")):
        if axes is not None:
            view.map.set_axes(*axes)
        qtbot.waitUntil(lambda: not chart.is_pending(), timeout=60000)
        chart.canvas.draw()
        layers = view.map.layers()
        shown, boxes = _name_boxes(chart, layers)
        assert len(shown) >= 20, axes  # most of the forty kept names fit
        frame = layers.ax.bbox
        for i, a in enumerate(boxes):
            assert frame.x0 - 0.5 <= a.x0 and a.x1 <= frame.x1 + 0.5, shown[i].get_text()
            assert frame.y0 - 0.5 <= a.y0 and a.y1 <= frame.y1 + 0.5, shown[i].get_text()
            assert not any(a.overlaps(b) for b in boxes[i + 1:]), shown[i].get_text()


def test_a_click_at_a_startup_selects_its_row(qtbot, view):
    chart = _drawn(qtbot, view)
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        _mouse(chart, "button_press_event", AT["s04"])
        _mouse(chart, "button_release_event", AT["s04"])
    assert blocker.args[0] == "s04" == view.current_startup_id()
    assert view.startups.selected_ids() == ["s04"]
    # far from every mark: nothing changes
    _mouse(chart, "button_press_event", (95.0, 100.0))
    _mouse(chart, "button_release_event", (95.0, 100.0))
    assert view.startups.selected_ids() == ["s04"]
    # with Ctrl the startup is added to the selection
    _mouse(chart, "button_press_event", AT["s02"], frozenset({"ctrl"}))
    _mouse(chart, "button_release_event", AT["s02"], frozenset({"ctrl"}))
    assert set(view.startups.selected_ids()) == {"s04", "s02"}


def test_a_rectangle_selects_exactly_the_startups_inside(qtbot, view):
    chart = _drawn(qtbot, view)
    # technology 40–60, pressure 60–90: s07 (56.25, 80), s06 (50, 85), s05 (56.25, 70),
    # s01 (56.25, 65); s04 (75, 40) and the rest are outside
    _drag(chart, (40.0, 90.0), (60.0, 60.0))
    m = view.model
    by_rank = [m.ranked(r).startup_id for r in range(m.rowCount())]
    assert view.startups.selected_ids() == [s for s in by_rank
                                            if s in {"s07", "s06", "s05", "s01"}]
    assert view.current_startup_id() == "s07"  # the first of them in the table
    # technology 25–80, pressure 30–45, Shift held: s04 (75, 40) and s03 (31.25, 40) added;
    # s08 (31.25, 25) is below
    _drag(chart, (25.0, 30.0), (80.0, 45.0), frozenset({"shift"}))
    assert set(view.startups.selected_ids()) == {"s07", "s06", "s05", "s01", "s04", "s03"}
    # an empty rectangle clears the selection
    _drag(chart, (85.0, 100.0), (100.0, 90.0))
    assert view.startups.selected_ids() == []


def test_the_rows_selected_in_the_table_are_ringed_and_named(qtbot, view):
    chart = _drawn(qtbot, view)
    view.startups.select_startups(["s08", "s03"])
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    layers = view.map.layers()
    rings = {tuple(xy) for xy in layers.rings.get_offsets().tolist()}
    assert rings == {AT["s08"], AT["s03"]}
    selected, _ = view.map.named()
    points = view.map.drawn_points()
    assert {points[i].startup_id for i in selected} == {"s08", "s03"}
    chart.canvas.draw()
    names = {t.get_text() for t in (layers.labels._texts[i] for i in layers.labels.shown)}
    assert {"Summitcore AI", "Tokenforge"} <= names


def test_map_draws_on_idle_and_an_edit_moves_the_mark_in_place(qtbot, view, doc):
    chart = _drawn(qtbot, view)
    assert view.map.drawn_points() == view.map.map_points()
    draws = chart.draws
    view.startups.filter_edit.setText("c")
    view.startups.filter_edit.setText("ch")
    assert chart.is_pending() and chart.draws == draws  # one redraw for a burst
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    assert chart.draws == draws + 1
    view.startups.filter_edit.clear()
    qtbot.waitUntil(lambda: len(view.map.drawn_points()) == 8, timeout=5000)
    layers = view.map.layers()
    # Lumenreel's investors put its technology threshold at 1 on every criterion: 0
    st = doc.startup("s04")
    tech = [c.id for c in doc.framework.criteria if c.pillar_id == "tech"]
    for a in st.assessments:
        for cid in tech:
            doc.undo_stack.push(cmd.SetScoreField(doc, a.id, cid, "value", 1))
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    assert view.map.layers() is layers  # the frame was not drawn again
    where = view.map.drawn_points().index(
        next(p for p in view.map.drawn_points() if p.startup_id == "s04"))
    assert tuple(layers.xy[where]) == (0.0, 40.0)
    view.map.set_axes("overall", "pillar:niche")
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    assert view.map.layers() is not layers  # other axes: a new frame


def _offsets(layers) -> dict[str, list[list[float]]]:  # type: ignore[no-untyped-def]
    return {g: d.get_offsets().tolist() for g, d in layers.dots.items()}


def test_an_edit_moves_only_the_edited_startups_dot(qtbot, scripted_ask):
    doc, view, chart = _many(qtbot)
    layers = view.map.layers()
    before = _offsets(layers)
    named = layers._picked  # the items named and ringed, their places and names
    # syn000344 ranks 301st: technology 56.25, pressure 60, no deal-breaker; every technology
    # criterion at 5 puts its technology at 100
    sid = "syn000344"
    where = [p.startup_id for p in view.map.drawn_points()].index(sid)
    assert tuple(layers.xy[where]) == (56.25, 60.0)
    a = doc.startup(sid).assessments[0]
    tech = [c.id for c in doc.framework.criteria if c.pillar_id == "tech"]
    for cid in tech:
        doc.undo_stack.push(cmd.SetScoreField(doc, a.id, cid, "value", 5))
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    after = _offsets(layers)
    group = next(g for g, offsets in before.items() if [56.25, 60.0] in offsets)
    moved = [i for i, (old, new) in enumerate(zip(before[group], after[group], strict=True))
             if old != new]
    assert len(moved) == 1 and after[group][moved[0]] == [100.0, 60.0]
    assert all(before[g] == after[g] for g in before if g != group)
    assert tuple(layers.xy[where]) == (100.0, 60.0)
    assert view.map.layers() is layers  # the frame was not drawn again
    assert layers._picked is named  # the names were not set again
    for _ in tech:
        doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    assert _offsets(layers) == before


def test_a_startup_leaving_the_top_takes_its_name_with_it(qtbot, scripted_ask):
    doc, view, chart = _many(qtbot)
    points = view.map.drawn_points()
    _, named = view.map.named()
    assert points[named[0]].startup_id == "syn000548"  # ranked first
    a = doc.startup("syn000548").assessments[0]
    for c in doc.framework.criteria:
        if c.pillar_id in ("niche", "tech"):
            doc.undo_stack.push(cmd.SetScoreField(doc, a.id, c.id, "value", 1))
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    rank = {r.startup_id: r.rank for r in doc.ranking().rows}
    assert rank["syn000548"] > TOP_NAMED
    _, named = view.map.named()
    best = sorted(points, key=lambda p: rank[p.startup_id])[:TOP_NAMED]
    assert [points[i].startup_id for i in named] == [p.startup_id for p in best]
    texts = view.map.layers().labels._texts[:TOP_NAMED]
    assert [t.get_text() for t in texts] == [short_name(p.label) for p in best]


def test_a_renamed_startup_is_named_anew_in_place(qtbot, view, doc):
    chart = _drawn(qtbot, view)
    layers = view.map.layers()
    doc.undo_stack.push(cmd.SetStartupField(doc, "s07", "name", "Hengce AI"))  # ranked first
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    assert view.map.layers() is layers  # the same marks, where they were
    point = next(p for p in view.map.drawn_points() if p.startup_id == "s07")
    assert point.label == "Hengce AI" and (point.x, point.y) == AT["s07"]
    _, named = view.map.named()
    texts = [t.get_text() for t in layers.labels._texts[:len(named)]]
    assert "Hengce AI" in texts and "衡策智能" not in texts
