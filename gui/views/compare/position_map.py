"""The Compare view's Map tab: a 2×2 position map of two chosen scores (technology threshold
against incumbent pressure by default) with one bubble per assessment the filters let through,
sized by its overall score and coloured by the assessor's role.

The map is an :class:`~gui.widgets.chart_canvas.IdleChart`: matplotlib is imported when it is
first drawn, and it is redrawn on idle, never synchronously per keystroke or edit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolTip, QVBoxLayout, QWidget

from gui.tables.results import ResultsTableModel, role_label
from gui.tables.results_proxy import ResultsFilterProxy
from gui.widgets.chart_canvas import IdleChart, chart_fonts
from models.core.framework import Framework, text
from models.core.rounding import fixed


@dataclass(frozen=True)
class MapPoint:
    """One bubble of the position map.

    Attributes:
        assessment_id, startup_id: what the bubble stands for.
        label: startup name and assessor, shown on hover.
        x, y: the two chosen scores (0–100); size: the overall score (None if none).
        group: the assessor's role (colours the bubble).
    """

    assessment_id: str
    startup_id: str
    label: str
    x: float
    y: float
    size: float | None
    group: str


class PositionMap(QWidget):
    """The Map tab: the axis choices, a note and the map of the rows ``proxy`` shows (in the
    table's order), the current assessment ringed and named.

    Signals:
        assessmentChosen(str): the user clicked a bubble; argument = its assessment id.
    """

    assessmentChosen = Signal(str)

    def __init__(self, proxy: ResultsFilterProxy, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.proxy = proxy
        self.lang = lang
        self.framework: Framework | None = None
        self._current_aid = ""
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
        for sig in (proxy.rowsInserted, proxy.rowsRemoved, proxy.modelReset,
                    proxy.layoutChanged, proxy.dataChanged):
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

    def set_current(self, assessment_id: str) -> None:
        """Ring and name this assessment's bubble ('' for none)."""
        if assessment_id != self._current_aid:
            self._current_aid = assessment_id
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
        """The bubbles the map shows: the rows that pass the filters, in table order, minus
        those lacking a score on either axis."""
        model = self.proxy.sourceModel()
        if not isinstance(model, ResultsTableModel):
            return []
        x_key, y_key = self.axis_keys()
        xc, yc = model.column_of(x_key), model.column_of(y_key)
        oc = model.column_of("overall")
        points = []
        for prow in range(self.proxy.rowCount()):
            row = self.proxy.mapToSource(self.proxy.index(prow, 0)).row()
            x, y = model.value(row, xc), model.value(row, yc)
            if x is None or y is None:
                continue
            r = model.result(row)
            label = f"{r.startup} — {r.assessor}" if r.assessor else r.startup
            points.append(MapPoint(r.assessment_id, r.startup_id, label, x, y,
                                   model.value(row, oc), r.role))
        return points

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
        highlight = next((i for i, p in enumerate(pts) if p.assessment_id == self._current_aid),
                         None)
        self._bubbles = position_map(
            ax, [p.x for p in pts], [p.y for p in pts], [p.size for p in pts],
            [p.label for p in pts], self._axis_label(x_key), self._axis_label(y_key),
            highlight, groups=[role_label(p.group) for p in pts],
            captions=self._captions(x_key, y_key), label_font=chart_fonts())
        hidden = self.proxy.rowCount() - len(pts)
        note = self.tr("Bubble size: overall score. Hover a bubble for its name; click it to "
                       "select the assessment.")
        if hidden:
            note += " " + self.tr("{n} not shown: unscored on an axis.").format(n=hidden)
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
            self.assessmentChosen.emit(self._points[i].assessment_id)
