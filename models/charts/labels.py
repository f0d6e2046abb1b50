"""Labels of charts laid out for the little room a chart gives them (no matplotlib here):
radar spokes' labels wrapped (:func:`spoke_label`), and labels placed beside their points
without overlapping one another (:func:`place_labels`)."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


def spoke_label(label: str, width: int = 12) -> str:
    """A radar spoke's label on short lines: its words wrapped at ``width`` characters, and a
    closing parenthesis (such as a cost pillar's "(100 = least)", see
    :meth:`models.core.framework.Pillar.score_name`) kept whole on a line of its own. Text
    without spaces (Chinese) is not broken inside.

    >>> spoke_label("Incumbent pressure (100 = least)")
    'Incumbent\\npressure\\n(100 = least)'
    """
    name, note = label, ""
    at = max(label.rfind("("), label.rfind("（"))
    if at >= 0 and label.endswith((")", "）")):
        name, note = label[:at].rstrip(), label[at:]
    lines = textwrap.wrap(name, width, break_long_words=False, break_on_hyphens=False)
    return "\n".join([*lines, note] if note else lines or [name])


#: Where a label may go around its point, as the position of the label's box relative to the
#: point in units of (gap + box width, gap + box height), nearest ones first: right-above,
#: left-above, right-below, left-below, right, left, above, below; then the same farther out
#: (those get a leader line).
_SPOTS: tuple[tuple[float, float], ...] = ((1, 1), (-1, 1), (1, -1), (-1, -1), (1, 0), (-1, 0),
                                           (0, 1), (0, -1))


#: How many marks covered a far place is worth (a leader line is harder to read).
FAR_COST = 3
#: For a kept label with no free place around its point: how many columns of stacked places
#: on each side (each a label's width farther out) and rows above and below are tried.
STACK_COLUMNS, STACK_ROWS = 4, 12


@dataclass(frozen=True)
class Placed:
    """Where one label went: its box's lower-left corner relative to its point (``dx``,
    ``dy``, in the units given), and whether it is far enough to want a leader line."""

    dx: float
    dy: float
    far: bool


def _box(anchor: np.ndarray, size: np.ndarray, spot: tuple[float, float], gap: float
         ) -> np.ndarray:
    """The box (x0, y0, x1, y1) of a label of ``size`` put at ``spot`` around ``anchor``."""
    w, h = size
    sx, sy = spot
    x0 = anchor[0] + (gap if sx > 0 else -gap - w if sx < 0 else -w / 2)
    y0 = anchor[1] + (gap if sy > 0 else -gap - h if sy < 0 else -h / 2)
    return np.array([x0, y0, x0 + w, y0 + h])


def _overlaps(box: np.ndarray, boxes: np.ndarray) -> bool:
    if not len(boxes):
        return False
    return bool(np.any((boxes[:, 0] < box[2]) & (box[0] < boxes[:, 2]) &
                       (boxes[:, 1] < box[3]) & (box[1] < boxes[:, 3])))


def _inside(box: np.ndarray, points: np.ndarray) -> int:
    if not len(points):
        return 0
    return int(np.count_nonzero((points[:, 0] >= box[0]) & (points[:, 0] <= box[2]) &
                                (points[:, 1] >= box[1]) & (points[:, 1] <= box[3])))


def _fits(box: np.ndarray, bounds: tuple[float, float, float, float]) -> bool:
    x0, y0, x1, y1 = bounds
    return bool(box[0] >= x0 and box[1] >= y0 and box[2] <= x1 and box[3] <= y1)


def _stacked(anchor: np.ndarray, size: np.ndarray, gap: float,
             bounds: tuple[float, float, float, float], taken: np.ndarray,
             others: np.ndarray) -> np.ndarray | None:
    """The nearest free place for a label in a column beside its point, as names are stacked
    when many share one crowded spot (several startups at the same levels): columns three
    gaps out on the right and the left, then a label's width farther each, rows of the
    label's height above and below. A place over none of the ``others`` (labelled points) is
    preferred; where every place covers one (a crowded selection), one over no name will do.
    ``None`` when none is free."""
    w, h = size
    rows = sorted(range(-STACK_ROWS, STACK_ROWS + 1), key=abs)
    for clear in (others, others[:0]):
        for column in range(STACK_COLUMNS):
            out = 3 * gap + column * (w + gap)
            for x0 in (anchor[0] + out, anchor[0] - out - w):
                for row in rows:
                    y0 = anchor[1] - h / 2 + row * (h + gap / 2)
                    box = np.array([x0, y0, x0 + w, y0 + h])
                    if _fits(box, bounds) and not _overlaps(box, taken) and \
                            not _inside(box, clear):
                        return box
    return None


def place_labels(anchors: Sequence[tuple[float, float]], sizes: Sequence[tuple[float, float]],
                 bounds: tuple[float, float, float, float], *,
                 points: Sequence[tuple[float, float]] | np.ndarray = (),
                 avoid: Sequence[tuple[float, float, float, float]] = (), gap: float = 4.0,
                 keep: int = 0) -> list[Placed | None]:
    """Place labels beside their points so that no two overlap, none leaves ``bounds`` or
    covers a box of ``avoid``, and none covers another labelled point; among such places,
    the one covering fewest of ``points`` (the other marks of the chart; a far place counts
    :data:`FAR_COST` more), nearest first.

    Labels are placed in the order given (put the most important first): each takes the
    first best place left. A label with no such place is left out (None), except the first
    ``keep`` ones: they go to the nearest free place in a column beside their point (with a
    leader line). When there is none either, the very first label (the most important) goes
    to the place that breaks the fewest rules, and the others are left out, so that names
    never overlap however crowded the chart. All lengths are in one unit, y upwards (e.g.
    display pixels).

    Args:
        anchors: each label's point; sizes: each label's (width, height).
        bounds: (x0, y0, x1, y1) the labels must stay inside.
        points: other marks a label should rather not cover.
        avoid: boxes (x0, y0, x1, y1) no label may cover (other texts of the chart).
        gap: the distance between a point and the nearest corner or side of its label; the
            far places are three gaps out.
        keep: how many labels, from the first, are always placed.

    Returns:
        One :class:`Placed` or None per label.

    >>> place_labels([(10, 10)], [(20, 8)], (0, 0, 100, 100), gap=2)
    [Placed(dx=2.0, dy=2.0, far=False)]
    """
    own = np.asarray(anchors, dtype=float).reshape(-1, 2)
    marks = np.asarray(points, dtype=float).reshape(-1, 2)
    taken = np.asarray(avoid, dtype=float).reshape(-1, 4)
    out: list[Placed | None] = []
    for i, (anchor, size) in enumerate(zip(own, np.asarray(sizes, dtype=float).reshape(-1, 2),
                                           strict=True)):
        others = np.delete(own, i, axis=0)
        reach = size + 3 * gap  # no place of this label goes farther from its point
        near = marks[(np.abs(marks[:, 0] - anchor[0]) <= reach[0]) &
                     (np.abs(marks[:, 1] - anchor[1]) <= reach[1])]
        box, far, free = _around(anchor, size, gap, bounds, taken, others, near)
        if not free and i >= keep:
            out.append(None)
            continue
        if not free:
            stacked = _stacked(anchor, size, gap, bounds, taken, others)
            if stacked is not None:
                box, far = stacked, True
            elif i > 0:  # only the first name is worth a place that breaks a rule
                out.append(None)
                continue
        taken = np.vstack([taken, box])
        out.append(Placed(float(box[0] - anchor[0]), float(box[1] - anchor[1]), far))
    return out


def _around(anchor: np.ndarray, size: np.ndarray, gap: float,
            bounds: tuple[float, float, float, float], taken: np.ndarray, others: np.ndarray,
            near: np.ndarray) -> tuple[np.ndarray, bool, bool]:
    """The best of a label's places around its point (see :func:`place_labels`): its box,
    whether it is far, and whether it is free (inside ``bounds``, over no ``taken`` box and
    no other labelled point)."""
    best: tuple[tuple[int, int, int, int], np.ndarray, bool] | None = None
    for step, far in ((gap, False), (3 * gap, True)):
        for order, spot in enumerate(_SPOTS):
            box = _box(anchor, size, spot, step)
            cost = (int(not _fits(box, bounds)) + int(_overlaps(box, taken)),
                    _inside(box, others), _inside(box, near) + FAR_COST * far,
                    order + 8 * far)
            if best is None or cost < best[0]:
                best = (cost, box, far)
    assert best is not None
    (broken, covered, _, _), box, far = best
    return box, far, not (broken or covered)
