"""The Compare view's Map tab: a 2×2 position map of two chosen scores (technology threshold
against incumbent pressure by default) with one bubble per startup under the window's
perspective that the filters let through, sized by its overall score and coloured by the
startups a deal-breaker gates apart from the others.

The map is an :class:`~gui.widgets.chart_canvas.IdleChart`: matplotlib is imported when it is
first drawn, and it is redrawn on idle, never synchronously per keystroke or edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from gui.tables.ranking import StartupRankingModel
from gui.widgets.chart_canvas import IdleChart, chart_fonts
from models.core.framework import Framework, text
from models.core.rounding import fixed


@dataclass(frozen=True)
class MapPoint:
    """One bubble of the position map.

    Attributes:
        startup_id: the startup the bubble stands for; label: its name, shown on hover.
        x, y: the two chosen scores (0–100); size: the overall score (None if none).
        group: ``gated`` when a deal-breaker fired, else ``open`` (colours the bubble).
    """

    startup_id: str
    label: str
    x: float
    y: float
    size: float | None
    group: str


#: The bubbles' groups, in the order they take their colours.
GROUPS = ("open", "gated")
#: Most bubbles drawn: the table's first ones (and always the current startup). Ten thousand
#: bubbles say nothing one can read and take seconds to draw.
MAP_MAX = 400


class PositionMap(QWidget):
    """The Map tab: the axis choices, a note and the map of the startups ``model`` shows, the
    current startup ringed and named.

    Signals:
        startupChosen(str): the user clicked a bubble; argument = its startup id.
    """

    startupChosen = Signal(str)

    def __init__(self, model: StartupRankingModel, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.lang = lang
        self.framework: Framework | None = None
        self._current_sid = ""
        self._points: list[MapPoint] = []
        self._bubbles: Any = None
        self.x_combo = QComboBox()
        self.y_combo = QComboBox()
        self.note = QLabel()
        self.chart = IdleChart(
            self._draw, "mapCanvas", 200, min_width=0, figsize=(6.0, 3.6),
            events={"motion_notify_event": self._hover, "button_press_event": self._click})
        self._build()
        self.x_combo.currentIndexChanged.connect(self.schedule)
        self.y_combo.currentIndexChanged.connect(self.schedule)
        for sig in (model.modelReset, model.layoutChanged, model.dataChanged):
            sig.connect(self.schedule)

    def _build(self) -> None:
        for combo in (self.x_combo, self.y_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.note.setObjectName("mapNote")
        self.note.setWordWrap(True)
        axes_row = QHBoxLayout()
        axes_row.addWidget(QLabel(self.tr("Horizontal axis")))
        axes_row.addWidget(self.x_combo)
        axes_row.addSpacing(12)
        axes_row.addWidget(QLabel(self.tr("Vertical axis")))
        axes_row.addWidget(self.y_combo)
        axes_row.addSpacing(12)
        axes_row.addWidget(self.note, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(axes_row)
        layout.addWidget(self.chart, 1)

    # -- choices ----------------------------------------------------------------------------
    def set_framework(self, framework: Framework) -> None:
        """Refill the axis choices from ``framework``'s pillars (keeping the chosen ones while
        they exist; technology threshold against incumbent pressure by default)."""
        self.framework = framework
        pillar_ids = [p.id for p in framework.pillars]
        default_x = "pillar:tech" if "tech" in pillar_ids else f"pillar:{pillar_ids[0]}"
        default_y = ("pillar:press" if "press" in pillar_ids else
                     f"pillar:{pillar_ids[1 if len(pillar_ids) > 1 else 0]}")
        for combo, default in ((self.x_combo, default_x), (self.y_combo, default_y)):
            keep = combo.currentData() or default
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("Overall"), "overall")
            for p in framework.pillars:
                name = text(p.name, self.lang)
                combo.addItem(name if p.enabled else self.tr("{name} (switched off)").format(
                    name=name), f"pillar:{p.id}")
            i = combo.findData(keep)
            combo.setCurrentIndex(i if i >= 0 else max(0, combo.findData(default)))
            combo.blockSignals(False)
        self.schedule()

    def set_current(self, startup_id: str) -> None:
        """Ring and name this startup's bubble ('' for none)."""
        if startup_id != self._current_sid:
            self._current_sid = startup_id
            self.schedule()

    def axis_keys(self) -> tuple[str, str]:
        """The keys of the map's axes: ``overall`` or ``pillar:ID`` for x and y."""
        return self.x_combo.currentData() or "overall", self.y_combo.currentData() or "overall"

    def set_axes(self, x_key: str, y_key: str) -> None:
        """Choose the map's axes by key (``overall`` or ``pillar:ID``)."""
        for combo, key in ((self.x_combo, x_key), (self.y_combo, y_key)):
            i = combo.findData(key)
            if i < 0:
                raise KeyError(key)
            combo.setCurrentIndex(i)

    # -- points -----------------------------------------------------------------------------
    def map_points(self) -> list[MapPoint]:
        """The bubbles the map shows: the startups the table shows, in its order, minus those
        lacking a score on either axis, at most :data:`MAP_MAX` of them (the current startup
        always); grouped (:data:`GROUPS`), in table order within each group."""
        model = self.model
        x_key, y_key = self.axis_keys()
        xs, ys = model.shown_values(x_key), model.shown_values(y_key)
        placed = np.flatnonzero(~(np.isnan(xs) | np.isnan(ys)))
        rows = placed[:MAP_MAX].tolist()
        current = model.row_of(self._current_sid) if self._current_sid else -1
        if current >= 0 and current not in rows and current in set(placed.tolist()):
            rows.append(current)
        points = []
        for row in rows:
            r = model.ranked(row)
            points.append(MapPoint(r.startup_id, r.startup, float(xs[row]), float(ys[row]),
                                   r.overall, "gated" if r.gated else "open"))
        return sorted(points, key=lambda p: GROUPS.index(p.group))

    def unplaced(self) -> tuple[int, int]:
        """How many rows of the table the map leaves out: (unscored on an axis, beyond the
        first :data:`MAP_MAX`)."""
        x_key, y_key = self.axis_keys()
        xs, ys = self.model.shown_values(x_key), self.model.shown_values(y_key)
        unscored = int(np.count_nonzero(np.isnan(xs) | np.isnan(ys)))
        return unscored, max(0, len(xs) - unscored - len(self._points))

    def _group_label(self, group: str) -> str:
        if group == "gated":
            return self.tr("Gated by a deal-breaker")
        return self.tr("No deal-breaker")

    def drawn_points(self) -> list[MapPoint]:
        """The bubbles on the map as last drawn ([] before the first draw)."""
        return list(self._points)

    def schedule(self, *_args: object) -> None:
        """Ask for a redraw once things settle (debounced; drawn only while visible)."""
        self.chart.schedule()

    # -- drawing ----------------------------------------------------------------------------
    def _axis_label(self, key: str) -> str:
        if key == "overall" or self.framework is None:
            return self.tr("Overall score\n(100 = best for the startup)")
        pillar = self.framework.pillar(key.split(":", 1)[1])
        name = text(pillar.name, self.lang)
        if pillar.direction == "cost":
            return self.tr("{name}\n(100 = least, best for the startup)").format(name=name)
        return self.tr("{name}\n(100 = best for the startup)").format(name=name)

    def _short_name(self, key: str) -> str:
        if key == "overall" or self.framework is None:
            return self.tr("overall")
        return text(self.framework.pillar(key.split(":", 1)[1]).name, self.lang)

    def _captions(self, x_key: str, y_key: str) -> list[str]:
        """Quadrant captions: top-left, top-right, bottom-left, bottom-right."""
        if (x_key, y_key) == ("pillar:tech", "pillar:press"):
            return [self.tr("Little pressure, easy to copy"),
                    self.tr("Beachhead: hard to copy, little pressure"),
                    self.tr("Exposed: easy to copy, under pressure"),
                    self.tr("Hard to copy, under pressure")]
        x, y = self._short_name(x_key), self._short_name(y_key)
        return [self.tr("Strong on {y} only").format(y=y), self.tr("Strong on both"),
                self.tr("Weak on both"), self.tr("Strong on {x} only").format(x=x)]

    def _draw(self, figure: Any) -> None:
        from models.charts.drawing import position_map

        self._points = self.map_points()
        pts = self._points
        x_key, y_key = self.axis_keys()
        ax = figure.add_subplot()
        highlight = next((i for i, p in enumerate(pts) if p.startup_id == self._current_sid),
                         None)
        self._bubbles = position_map(
            ax, [p.x for p in pts], [p.y for p in pts], [p.size for p in pts],
            [p.label for p in pts], self._axis_label(x_key), self._axis_label(y_key),
            highlight, groups=[self._group_label(p.group) for p in pts],
            captions=self._captions(x_key, y_key), label_font=chart_fonts())
        unscored, beyond = self.unplaced()
        note = self.tr("One bubble per startup; size: overall score. Hover a bubble for its "
                       "name; click it to select the startup.")
        if beyond:
            note += " " + self.tr("The table's first {n} are shown; filter or sort the table "
                                  "to see others.").format(n=len(pts))
        if unscored:
            note += " " + self.tr("{n} not shown: unscored on an axis.").format(n=unscored)
        self.note.setText(note)

    def _point_at(self, event: Any) -> int | None:
        if self._bubbles is None or event.inaxes is None:
            return None
        hit, info = self._bubbles.contains(event)
        indices = list(info.get("ind", [])) if hit else []
        i = int(indices[-1]) if indices else None
        return i if i is not None and i < len(self._points) else None

    def _hover(self, event: Any) -> None:
        i = self._point_at(event)
        if i is None:
            QToolTip.hideText()
            return
        p = self._points[i]
        x_key, y_key = self.axis_keys()
        overall = "–" if p.size is None else fixed(p.size)
        overall_word = self.tr("Overall")
        tip = (f"{p.label}\n{self._short_name(x_key)}: {fixed(p.x)} · "
               f"{self._short_name(y_key)}: {fixed(p.y)} · {overall_word}: {overall}")
        QToolTip.showText(QCursor.pos(), tip, self.chart.canvas)

    def _click(self, event: Any) -> None:
        i = self._point_at(event)
        if i is not None:
            self.startupChosen.emit(self._points[i].startup_id)
