"""The Compare view's Map tab: a 2×2 position map of two chosen scores (technology threshold
against incumbent pressure by default) with one mark per startup under the window's perspective
that the filters let through, sized by its overall score and coloured by the startups a
deal-breaker gates apart from the others (:func:`models.charts.position_map.position_map`).

Readable with thousands of startups: from :data:`~models.charts.position_map.DENSE_FROM` on,
marks are small translucent dots, darker where many overlap; only the startups selected in the
table and the top :data:`TOP_NAMED` of the ranking are named, each name placed where it overlaps
no other. A click selects the nearest startup in the table (clicking again at the same place
goes through the startups there), a drag selects every startup inside the rectangle (Ctrl or
Shift adds to the selection: :mod:`gui.views.compare.map_mouse`), and the rows selected in the
table are ringed and named on the map. A right click opens :mod:`gui.views.compare.map_menu`
(open the startup in Assess, select it, copy its name; copy or save the map; clear the
selection; name the top of the ranking or only the selection).

The map is an :class:`~gui.widgets.chart_canvas.IdleChart`: matplotlib is imported when it is
first drawn, and it is redrawn on idle, never synchronously per keystroke or edit. The frame
(axes, captions, legend) is drawn again only when the axes, the groups or the language change;
a filter or a selection sets the marks and names in place, and only they are redrawn over the
saved frame. After an edit only the marks of the startups whose figures changed move
(:func:`~gui.views.compare.map_points.updated`), and the names stay where they were placed
unless the startups named, or one's place, changed: an edit costs the same with 10 startups
as with 10,000.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from gui.tables.ranking import StartupRankingModel
from gui.views.compare.map_menu import MapMenu
from gui.views.compare.map_mouse import MapMouse
from gui.views.compare.map_points import EMPTY, GROUPS, MapData, MapPoint, map_data, updated
from gui.widgets.chart_canvas import IdleChart, chart_fonts
from models.core.framework import Framework, text
from models.core.rounding import fixed

#: How many of the best ranked startups shown are named on the map (besides the selection).
TOP_NAMED = 15
#: The map's least height (pixels at scale 1): room for the axes in a 1024×640 window.
MAP_MIN_HEIGHT = 140


class PositionMap(QWidget):
    """The Map tab: the axis choices, a note and the map of the startups ``model`` shows, the
    selected ones ringed and named.

    Signals:
        startupChosen(str): the user clicked a mark; argument = its startup id.
        startupsSelected(list, bool): the user dragged a rectangle, clicked with Ctrl or
            Shift, or chose Select in Table or Clear Selection in the context menu;
            arguments = the startup ids picked and whether they add to the selection.
        openRequested(str): Open in Assess was chosen on a mark; argument = its startup id.
    """

    startupChosen = Signal(str)
    startupsSelected = Signal(list, bool)
    openRequested = Signal(str)

    def __init__(self, model: StartupRankingModel, lang: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.lang = lang
        self.framework: Framework | None = None
        self._current_sid = ""
        self._selected: list[str] = []
        self._data: MapData = EMPTY
        self._xy = np.zeros((0, 2))
        self._layers: Any = None
        self._frame: tuple[Any, ...] = ()
        self._names_top = True
        self.mouse: MapMouse | None = None
        self.x_combo = QComboBox()
        self.y_combo = QComboBox()
        self.note = QLabel()
        self.chart = IdleChart(self._draw, "mapCanvas", MAP_MIN_HEIGHT, min_width=0,
                               figsize=(6.0, 3.6), clear=False)
        self.menu = MapMenu(self)
        self.chart.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.chart.customContextMenuRequested.connect(
            lambda pos: self.context_menu(pos).popup(self.chart.mapToGlobal(pos)))
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
        self._frame = ()  # axis titles and captions may read otherwise
        self.schedule()

    def set_current(self, startup_id: str) -> None:
        """Ring and name this startup ('' for none)."""
        if startup_id != self._current_sid:
            self._current_sid = startup_id
            self.schedule()

    def set_selected(self, startup_ids: list[str]) -> None:
        """Ring and name these startups (the rows selected in the table)."""
        if startup_ids != self._selected:
            self._selected = list(startup_ids)
            self.schedule()

    def selected_ids(self) -> list[str]:
        """The startups ringed as selected in the table."""
        return list(self._selected)

    def names_top(self) -> bool:
        """Whether the top :data:`TOP_NAMED` of the ranking are named besides the
        selection."""
        return self._names_top

    def set_names_top(self, on: bool) -> None:
        """Name the top :data:`TOP_NAMED` besides the selection (on) or the selection
        only."""
        if on != self._names_top:
            self._names_top = on
            self.schedule()

    @staticmethod
    def top_count() -> int:
        """How many of the best ranked startups are named: :data:`TOP_NAMED`."""
        return TOP_NAMED

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
        """The marks the map shows: the startups the table shows, minus those lacking a
        score on either axis; grouped (:data:`~gui.views.compare.map_points.GROUPS`), in the
        portfolio's order within each group."""
        return map_data(self.model, *self.axis_keys()).points()

    def unscored(self) -> int:
        """How many rows of the table the map leaves out, unscored on an axis."""
        x_key, y_key = self.axis_keys()
        xs, ys = self.model.shown_values(x_key), self.model.shown_values(y_key)
        return int(np.count_nonzero(np.isnan(xs) | np.isnan(ys)))

    def named(self) -> tuple[list[int], list[int]]:
        """Indices into :meth:`drawn_points`: the startups ringed and always named (the
        current one, then the rows selected, in table order), and those named where their
        names fit (the top :data:`TOP_NAMED` by rank, best first)."""
        data = self._data
        wanted = [self._current_sid, *self._selected] if self._current_sid else self._selected
        selected = data.indices(wanted)
        chosen = set(selected)
        best = data.best(TOP_NAMED) if self._names_top else []
        return selected, [i for i in best if i not in chosen]

    def _group_label(self, group: str) -> str:
        if group == "gated":
            return self.tr("Gated by a deal-breaker")
        return self.tr("No deal-breaker")

    def drawn_points(self) -> list[MapPoint]:
        """The marks on the map as last drawn ([] before the first draw)."""
        return self._data.points()

    def layers(self) -> Any:
        """The :class:`~models.charts.position_map.MapLayers` drawn (None before the first
        draw)."""
        return self._layers

    def schedule(self, *_args: object) -> None:
        """Ask for a redraw once things settle (debounced; drawn only while visible)."""
        self.chart.schedule()

    # -- drawing ----------------------------------------------------------------------------
    def _axis_label(self, key: str) -> str:
        if key == "overall" or self.framework is None:
            return self.tr("Overall score (100 = best for the startup)")
        pillar = self.framework.pillar(key.split(":", 1)[1])
        name = text(pillar.name, self.lang)
        if pillar.direction == "cost":
            return self.tr("{name} (100 = least, best for the startup)").format(name=name)
        return self.tr("{name} (100 = best for the startup)").format(name=name)

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

    def _draw(self, figure: Any) -> list[Any]:
        """Draw the frame when it changed, then put the marks, rings and names in place;
        returns them (the chart redraws only them over the saved frame)."""
        from models.charts.position_map import position_map

        x_key, y_key = self.axis_keys()
        if self._layers is not None and self._frame[:3] == (x_key, y_key, self.lang):
            found = updated(self._data, self.model, x_key, y_key)
            if found is not None:  # the same marks: move those whose figures changed
                self._data, moved = found
                self._xy[moved] = np.column_stack([self._data.x[moved], self._data.y[moved]])
                selected, named = self.named()
                self._layers.move_points(moved, self._data.x, self._data.y,
                                         self._data.overall, self._data.names, named=named,
                                         selected=selected)
                self._show_note(len(self._data))
                return list(self._layers.artists())
        self._data = data = map_data(self.model, x_key, y_key)
        self._xy = data.xy()
        labels = {g: self._group_label(g) for g in GROUPS}
        groups = [labels["gated"] if g else labels["open"] for g in data.gated.tolist()]
        selected, named = self.named()
        args = (data.x, data.y, data.overall, data.names)
        present = set(data.gated.tolist())
        fw = self.framework
        version = f"{fw.id} {fw.version}" if fw is not None else ""
        frame = (x_key, y_key, self.lang, version,
                 tuple(labels[g] for g, gated in zip(GROUPS, (False, True), strict=True)
                       if gated in present))
        if frame != self._frame or self._layers is None:
            figure.clear()
            self._frame = frame
            self._layers = position_map(
                figure.add_subplot(), *args, self._axis_label(x_key), self._axis_label(y_key),
                groups=groups, captions=self._captions(x_key, y_key), named=named,
                selected=selected, label_font=chart_fonts())
            # the framework version the positions are computed with, in saved images too
            self._layers.ax.set_title(version, fontsize="x-small", loc="right", pad=4,
                                      color="#666666")
            self._connect_mouse()
        else:
            self._layers.set_points(*args, groups, named=named, selected=selected)
        self._show_note(len(data))
        return list(self._layers.artists())

    def _connect_mouse(self) -> None:
        if self.mouse is None:
            self.mouse = MapMouse(self.chart.canvas, lambda: self._layers and self._layers.ax,
                                  lambda: self._xy, self._picked, self._boxed, self._hover)

    def _show_note(self, shown: int) -> None:
        from models.charts.position_map import DENSE_FROM

        if shown >= DENSE_FROM:
            note = self.tr("One dot per startup, darker where many overlap.")
        else:
            note = self.tr("One bubble per startup; size: overall score.")
        note += " " + (self.tr("Named: the selection and the top {n}.").format(n=TOP_NAMED)
                       if self._names_top else self.tr("Named: the selection."))
        note += " " + self.tr("Click, or drag a rectangle, to select (Ctrl adds); "
                              "right-click for more.")
        unscored = self.unscored()
        if unscored:
            note += " " + self.tr("{n} not shown: unscored on an axis.").format(n=unscored)
        self.note.setText(note)

    # -- mouse ------------------------------------------------------------------------------
    def startup_at(self, pos: QPoint) -> str:
        """The startup whose mark a click at ``pos`` (the canvas's coordinates) picks, ''
        when none."""
        if self.mouse is None:
            return ""
        index = self.mouse.mark_at_widget(pos.x(), pos.y())
        return self._data.ids[index] if index is not None else ""

    def startup_name(self, startup_id: str) -> str:
        """The name of a startup on the map ('' when it is not)."""
        where = self._data.indices([startup_id])
        return self._data.names[where[0]] if where else ""

    def context_menu(self, pos: QPoint) -> QMenu:
        """The menu a right click at ``pos`` (the canvas's coordinates) opens
        (:class:`~gui.views.compare.map_menu.MapMenu`)."""
        return self.menu.menu(pos)

    def _picked(self, index: int, adds: bool) -> None:
        sid = self._data.ids[index]
        if adds:
            self.startupsSelected.emit([sid], True)
        else:
            self.startupChosen.emit(sid)

    def _boxed(self, indices: list[int], adds: bool) -> None:
        self.startupsSelected.emit([self._data.ids[i] for i in indices], adds)

    def _hover(self, index: int | None) -> None:
        if index is None or index >= len(self._data):
            QToolTip.hideText()
            return
        p = self._data.point(index)
        x_key, y_key = self.axis_keys()
        overall = "–" if p.size is None else fixed(p.size)
        overall_word = self.tr("Overall")
        tip = (f"{p.label}\n{self._short_name(x_key)}: {fixed(p.x)} · "
               f"{self._short_name(y_key)}: {fixed(p.y)} · {overall_word}: {overall}")
        QToolTip.showText(QCursor.pos(), tip, self.chart.canvas)
