"""What the Compare view's map shows: the startups of the table that are scored on both axes,
as columns (:class:`MapData`, built with numpy so a redraw at 10,000 startups costs
milliseconds) or one :class:`MapPoint` each."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from gui.tables.ranking import StartupRankingModel


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
    the table's order.

    Attributes:
        ids, names: the startups'; x, y: the two scores; overall: the overall score (NaN when
        none); rank: the rank; gated: whether a deal-breaker fired.
    """

    ids: list[str]
    names: list[str]
    x: np.ndarray
    y: np.ndarray
    overall: np.ndarray
    rank: np.ndarray
    gated: np.ndarray

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
        where = {sid: i for i, sid in enumerate(self.ids)}
        return list(dict.fromkeys(where[s] for s in startup_ids if s in where))

    def best(self, n: int) -> list[int]:
        """The marks of the ``n`` best ranked startups, best first."""
        return np.argsort(self.rank, kind="stable")[:n].tolist()


EMPTY = MapData([], [], np.zeros(0), np.zeros(0), np.zeros(0), np.zeros(0, dtype=int),
                np.zeros(0, dtype=bool))


def map_data(model: StartupRankingModel, x_key: str, y_key: str) -> MapData:
    """The startups ``model`` shows that are scored on both axes (``overall`` or ``pillar:ID``
    each), as :class:`MapData`."""
    xs, ys = model.shown_values(x_key), model.shown_values(y_key)
    placed = np.flatnonzero(~(np.isnan(xs) | np.isnan(ys)))
    shown = model.shown_rows()
    rows = [shown[i] for i in placed.tolist()]
    gated = np.fromiter((r.gated for r in rows), dtype=bool, count=len(rows))
    order = np.argsort(gated, kind="stable")  # ungated first, the table's order kept
    at = placed[order]
    rows = [rows[i] for i in order.tolist()]
    return MapData([r.startup_id for r in rows], [r.startup for r in rows], xs[at], ys[at],
                   model.shown_values("overall")[at],
                   model.shown_values("rank")[at].astype(int), gated[order])
