"""What the Compare view's map shows: the startups of the table that are scored on both axes,
as columns (:class:`MapData`, built with numpy so a redraw at 10,000 startups costs
milliseconds) or one :class:`MapPoint` each.

After an edit the marks are not gathered again: :func:`updated` finds the startups whose row
of the ranking changed (a row that did not change is the same object) and gives their new
figures, so the map moves only their marks (:meth:`MapLayers.move_points
<models.charts.position_map.MapLayers.move_points>`); the other columns are copied from the
table's arrays in one step each."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from gui.tables.ranking import StartupRankingModel
from models.engine.ranking import RankedStartup


@dataclass(frozen=True)
class MapPoint:
    """One startup's mark on the position map.

    Attributes:
        startup_id: the startup the mark stands for; label: its name.
        x, y: the two chosen scores (0–100); size: the overall score (None if none).
        group: ``gated`` when a deal-breaker fired, else ``open`` (colours the mark).
        rank: its rank under the perspective.
    """

    startup_id: str
    label: str
    x: float
    y: float
    size: float | None
    group: str
    rank: int = 0


#: The marks' groups, in the order they take their colours.
GROUPS = ("open", "gated")


@dataclass(frozen=True)
class MapData:
    """The marks of the map, one per index: ungated startups first, then gated ones, each in
    the portfolio's order.

    Attributes:
        ids, names: the startups'; x, y: the two scores; overall: the overall score (NaN when
        none); rank: the rank; gated: whether a deal-breaker fired.
        keys: the axes and the table's rows they were gathered from (see :func:`updated`).
    """

    ids: list[str]
    names: list[str]
    x: np.ndarray
    y: np.ndarray
    overall: np.ndarray
    rank: np.ndarray
    gated: np.ndarray
    keys: _Source | None = field(default=None, compare=False)
    _where: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

    def __len__(self) -> int:
        return len(self.ids)

    def xy(self) -> np.ndarray:
        """``(n, 2)`` data coordinates."""
        return np.column_stack([self.x, self.y]).reshape(-1, 2)

    def sizes(self) -> list[float | None]:
        """The overall scores, None where there is none."""
        return [None if np.isnan(v) else float(v) for v in self.overall.tolist()]

    def point(self, i: int) -> MapPoint:
        """Mark ``i`` as a :class:`MapPoint`."""
        size = float(self.overall[i])
        return MapPoint(self.ids[i], self.names[i], float(self.x[i]), float(self.y[i]),
                        None if np.isnan(size) else size,
                        GROUPS[int(self.gated[i])], int(self.rank[i]))

    def points(self) -> list[MapPoint]:
        """Every mark as a :class:`MapPoint`."""
        return [self.point(i) for i in range(len(self))]

    def indices(self, startup_ids: list[str]) -> list[int]:
        """The marks of these startups (those on the map), in the order given, once each."""
        if not startup_ids:
            return []
        where = self._where
        if len(where) != len(self.ids):  # made once, shared by the data updated from this
            where.update((sid, i) for i, sid in enumerate(self.ids))
        return list(dict.fromkeys(where[s] for s in startup_ids if s in where))

    def best(self, n: int) -> list[int]:
        """The marks of the ``n`` best ranked startups, best first."""
        return np.argsort(self.rank, kind="stable")[:n].tolist()


EMPTY = MapData([], [], np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0, dtype=int),
                np.zeros(0, dtype=bool))


@dataclass(frozen=True)
class _Source:
    """Where :class:`MapData` came from: the axes, the table's rows (a copy of the list, its
    objects shared), which of them are marks, and each mark's row."""

    axes: tuple[str, str]
    rows: list[RankedStartup]
    placed: np.ndarray
    at: np.ndarray
    stamps: np.ndarray  # the table's row stamps when gathered


def _columns(model: StartupRankingModel, axes: tuple[str, str]
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """x, y, overall and rank of every row of the table (the portfolio's order), and which
    rows are marks: shown by the filters and scored on both axes."""
    xs, ys = model.source_values(axes[0]), model.source_values(axes[1])
    placed = ~(np.isnan(xs) | np.isnan(ys))
    shown = model.visible_mask()
    if shown is not None and len(shown) == len(placed):
        placed &= shown
    return xs, ys, model.source_values("overall"), model.source_values("rank"), placed


def map_data(model: StartupRankingModel, x_key: str, y_key: str) -> MapData:
    """The startups ``model`` shows that are scored on both axes (``overall`` or ``pillar:ID``
    each), as :class:`MapData`."""
    axes = (x_key, y_key)
    xs, ys, overall, rank, placed = _columns(model, axes)
    rows = list(model.source_rows())
    at = np.flatnonzero(placed)
    gated = np.array([rows[i].gated for i in at.tolist()], dtype=bool)
    order = np.argsort(gated, kind="stable")  # ungated first, the portfolio's order kept
    at, gated = at[order], gated[order]
    marks = [rows[i] for i in at.tolist()]
    return MapData([r.startup_id for r in marks], [r.startup for r in marks], xs[at], ys[at],
                   overall[at], rank[at].astype(int), gated,
                   _Source(axes, rows, placed, at, model.source_stamps()))


def updated(data: MapData, model: StartupRankingModel, x_key: str, y_key: str
            ) -> tuple[MapData, list[int]] | None:
    """``data`` brought up to date with ``model`` after an edit: the new data and the marks
    whose place, size or name changed. ``None`` when the marks are others (another filter,
    other axes, startups added, removed, gated or no longer scored): gather them again with
    :func:`map_data`."""
    src = data.keys
    rows = model.source_rows()
    if src is None or src.axes != (x_key, y_key) or len(rows) != len(src.rows):
        return None
    xs, ys, overall, rank, placed = _columns(model, src.axes)
    if not np.array_equal(placed, src.placed):
        return None
    old, stamps = src.rows, model.source_stamps()
    changed = np.flatnonzero(stamps != src.stamps).tolist() \
        if len(stamps) == len(src.stamps) else range(len(rows))
    if any(rows[i].gated != old[i].gated or rows[i].startup_id != old[i].startup_id
           for i in changed):
        return None
    at = src.at
    fresh = replace(data, names=list(data.names), x=xs[at], y=ys[at], overall=overall[at],
                    rank=rank[at].astype(int),
                    keys=replace(src, rows=list(rows), stamps=stamps))
    moved = set(np.flatnonzero((fresh.x != data.x) | (fresh.y != data.y)
                               | ~_same(fresh.overall, data.overall)).tolist())
    if changed:  # a rename moves no mark, but changes what it is called
        where = np.full(len(rows), -1, dtype=np.intp)
        where[at] = np.arange(len(at), dtype=np.intp)
        for i in changed:
            k = int(where[i])
            if k >= 0 and rows[i].startup != fresh.names[k]:
                fresh.names[k] = rows[i].startup
                moved.add(k)
    return fresh, sorted(moved)


def _same(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Where ``a`` and ``b`` hold the same number, or both none (NaN)."""
    return (a == b) | (np.isnan(a) & np.isnan(b))
