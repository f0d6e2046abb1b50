"""Labels placed beside their points without overlapping (models.charts.labels.place_labels),
checked against boxes worked out by hand."""

from __future__ import annotations

import numpy as np

from models.charts.labels import FAR_COST, Placed, place_labels


def test_the_first_place_is_right_above_the_point():
    # a 20 × 8 label 2 units right of and above (10, 10)
    assert place_labels([(10, 10)], [(20, 8)], (0, 0, 100, 100), gap=2) == \
        [Placed(2.0, 2.0, False)]


def test_a_label_that_would_leave_the_bounds_goes_left_or_below():
    # right of (90, 95): x up to 112 > 100; left-above: y up to 105 > 100; right-below also
    # leaves on the right; left-below: box (68, 85)–(88, 93) fits
    assert place_labels([(90, 95)], [(20, 8)], (0, 0, 100, 100), gap=2) == \
        [Placed(-22.0, -10.0, False)]


def test_the_second_label_avoids_the_first():
    # A at (10, 10) takes (12, 12)–(32, 20). B at (20, 8): right-above (22, 10)–(42, 18)
    # overlaps A's box; left-above and both below leave the bounds (x or y under 0); right,
    # (22, 4)–(42, 12), only touches A's box at y = 12, which is no overlap
    placed = place_labels([(10, 10), (20, 8)], [(20, 8), (20, 8)], (0, 0, 100, 100), gap=2)
    assert placed == [Placed(2.0, 2.0, False), Placed(2.0, -4.0, False)]


def test_texts_to_avoid_and_crowded_places():
    # a caption over (12, 12)–(40, 20): right-above (32, 12)–(42, 18) overlaps it,
    got = place_labels([(30, 10)], [(10, 6)], (0, 0, 100, 100), avoid=[(12, 12, 40, 20)],
                       gap=2)
    # left-above (18, 12)–(28, 18) overlaps the caption; right-below (32, 2)–(42, 8) is free
    assert got == [Placed(2.0, -8.0, False)]
    # marks in the way: right-above covers 3 marks, left-above 0
    marks = [(14, 14), (16, 15), (20, 16)]
    assert place_labels([(10, 10)], [(12, 8)], (-50, -50, 100, 100), points=marks,
                        gap=2) == [Placed(-14.0, 2.0, False)]
    assert FAR_COST == 3


def test_a_label_with_no_room_is_left_out_unless_kept():
    # bounds barely larger than the point: every place leaves them
    assert place_labels([(5, 5), (5, 5)], [(20, 8), (20, 8)], (0, 0, 10, 10), gap=2,
                        keep=1)[1] is None
    kept = place_labels([(5, 5)], [(20, 8)], (0, 0, 10, 10), gap=2, keep=1)
    assert kept[0] is not None


def test_only_the_first_kept_name_may_break_a_rule():
    # the same bounds with three names kept: none has a free place, around its point or in
    # a column beside it; the first still shows (overlapping the bounds), the other two are
    # left out rather than written over it
    placed = place_labels([(5, 5)] * 3, [(20, 8)] * 3, (0, 0, 10, 10), gap=2, keep=3)
    assert placed[0] is not None and placed[1:] == [None, None]


def test_kept_names_on_a_crowded_strip_never_overlap():
    # a laptop's map (1000 × 216 px) with all of 2,000 startups selected: every place near
    # a kept name covers another selected point, so the forty kept names go to columns
    # beside their points over marks, still clear of the bounds and of one another
    rng = np.random.default_rng(7)
    anchors = [tuple(p) for p in rng.uniform((0, 0), (1000, 216), size=(2000, 2))]
    sizes = [(70.0, 12.0)] * 2000
    placed = place_labels(anchors, sizes, (0, 0, 1000, 216), gap=4, keep=40)
    assert all(p is not None for p in placed[:40])
    shown = [(a, s, p) for a, s, p in zip(anchors, sizes, placed, strict=True) if p]
    boxes = _boxes(*zip(*shown, strict=True))
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= 1000 and a[1] >= 0 and a[3] <= 216, a
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)


def test_a_label_does_not_cover_another_labelled_point():
    # B's point (15, 14) lies inside A's right-above box (12, 12)–(32, 20): A goes left-above
    placed = place_labels([(10, 10), (15, 14)], [(20, 8), (4, 4)], (-50, -50, 100, 100),
                          gap=2)
    assert placed[0] == Placed(-22.0, 2.0, False)


def _boxes(anchors, sizes, placed):  # type: ignore[no-untyped-def]
    return [(a[0] + p.dx, a[1] + p.dy, a[0] + p.dx + s[0], a[1] + p.dy + s[1])
            for a, s, p in zip(anchors, sizes, placed, strict=True)]


def test_names_kept_at_one_crowded_spot_are_stacked_beside_it_without_overlapping():
    # ten selected startups at the same levels: the eight places around the point hold a
    # few names; the others go to columns beside it, a leader line each, none overlapping
    anchors, sizes = [(100.0, 100.0)] * 10, [(40.0, 10.0)] * 10
    placed = place_labels(anchors, sizes, (0, 0, 300, 200), gap=4, keep=10)
    assert all(p is not None for p in placed)
    boxes = _boxes(anchors, sizes, placed)
    for i, a in enumerate(boxes):
        assert a[0] >= 0 and a[2] <= 300 and a[1] >= 0 and a[3] <= 200
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    stacked = [p for p in placed if p.far and p.dx in (3 * 4, -3 * 4 - 40)
               and (p.dy + 5) % 12 == 0]  # a row of the column: (height + gap/2) apart
    assert len(stacked) >= 4
    # the nearest free rows: ten names need no more than a few rows up and down
    assert max(abs(p.dy + 5) for p in stacked) <= 4 * 12


def test_a_name_not_kept_is_not_stacked():
    anchors, sizes = [(100.0, 100.0)] * 10, [(40.0, 10.0)] * 10
    placed = place_labels(anchors, sizes, (0, 0, 300, 200), gap=4, keep=2)
    assert all(p is not None for p in placed[:2])
    assert all(p is None or (abs(p.dx), abs(p.dy)) in {
        (4.0, 4.0), (44.0, 4.0), (4.0, 14.0), (44.0, 14.0), (12.0, 12.0), (52.0, 12.0),
        (12.0, 22.0), (52.0, 22.0), (4.0, 5.0), (44.0, 5.0), (12.0, 5.0), (52.0, 5.0),
        (20.0, 4.0), (20.0, 14.0), (20.0, 12.0), (20.0, 22.0)} for p in placed[2:])
