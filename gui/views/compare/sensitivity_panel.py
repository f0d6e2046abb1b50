"""The Compare view's Sensitivity tab: how much the ranking of startups depends on the pillar
weights.

Left, the **rank-reversal points** (:func:`models.analysis.sensitivity.leader_reversals`): for each
pillar whose share of the weight, moved from 0 to 100 % with the others rescaled
proportionally, changes which startup leads the ranking under the window's perspective (gated
startups never lead while an ungated one is scored, unless gates are ignored), the share at
which it happens and the new leader. Right, a **tornado chart** of the selected startup: its
overall score with each pillar's share lowered and raised by ten points
(:func:`models.analysis.sensitivity.tornado`).

Both follow the document's current ranking (:class:`~gui.tables.reversals.StartupSensitivity`,
the active scenario included). They are cheap to compute (no Monte Carlo) and refresh on idle
while the tab is on screen.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from gui.document import Document
from gui.i18n import language
from gui.tables.reversals import ReversalsModel, StartupSensitivity
from gui.tables.roles import StartupIdRole
from gui.widgets.chart_canvas import REDRAW_DELAY_MS, IdleChart, chart_fonts
from gui.widgets.idle_refresh import IdleRefresher
from gui.widgets.panes import column, splitter
from gui.widgets.table_view import fit_columns, table_view
from models.core.rounding import fixed, percent


class SensitivityPanel(QWidget):
    """The Sensitivity tab (see the module docstring).

    Signals:
        startupChosen(str): the user chose a reversal; argument = the new leader's startup id.
    """

    startupChosen = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self.data: StartupSensitivity | None = None
        self._current_sid = ""
        self.model = ReversalsModel(self)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("sensitivitySummary")
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)  # names are not markup
        self.table = table_view("reversalsTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.tornado_label = QLabel()
        self.tornado_label.setObjectName("tornadoTitle")
        self.tornado_label.setWordWrap(True)
        self.chart = IdleChart(self._draw_tornado, "tornadoCanvas", 160)
        self.splitter = splitter(
            Qt.Orientation.Horizontal, (column(self.summary_label, self.table),
                                        column(self.tornado_label, self.chart)),
            (3, 2), (620, 580))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter, 1)
        self.refresher = IdleRefresher(
            self, self.refresh, ("scoresChanged", "structureChanged", "resultsChanged",
                                 "perspectiveChanged"), REDRAW_DELAY_MS)
        self.set_document(doc)

    # -- document -------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Follow ``doc``."""
        self.doc = doc
        self.refresher.follow(doc)

    def refresh(self) -> None:
        """Recompute the reversal points and redraw the tornado chart now."""
        if self.doc is None:
            return
        self.data = StartupSensitivity.of(self.doc.ranking(), self.doc.framework, self.lang)
        self.model.set_data(self.data)
        fit_columns(self.table, (ReversalsModel.PILLAR, ReversalsModel.BEFORE))
        self._show_summary()
        self.chart.schedule()

    def _show_summary(self) -> None:
        d = self.data
        if d is None:
            return
        lead = d.leader_now()
        if lead < 0:
            self.summary_label.setText(self.tr("No startup has a score yet."))
            return
        steady = [d.pillar_names[s.pillar] for s in d.sweeps if not s.reversals]
        text_ = self.tr("Leader at the current weights: {name}.").format(name=d.label(lead))
        if not d.reversals:
            text_ += " " + self.tr("No pillar weight from 0 to 100 % changes the leader.")
        else:
            text_ += " " + self.tr(
                "Each row: as that pillar's share of the weight grows (the others rescaled "
                "proportionally), the leader changes at this share.")
            if steady:
                text_ += " " + self.tr("No change of leader for: {names}.").format(
                    names=", ".join(steady))
        self.summary_label.setText(text_)

    # -- selection ------------------------------------------------------------------------
    def set_current(self, startup_id: str) -> None:
        """Show the tornado chart of this startup (the one chosen in the Compare view)."""
        if startup_id != self._current_sid:
            self._current_sid = startup_id
            self.chart.schedule()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            sid = current.data(StartupIdRole)
            if sid:
                self.startupChosen.emit(sid)

    # -- tornado --------------------------------------------------------------------------
    def tornado_rows(self) -> dict[str, Any] | None:
        """The tornado data of the selected startup: ``{"label", "base", "pillars":
        [(name, share, low_share, high_share, low, high), ...]}``, or None when no startup
        with a score is selected."""
        if self.data is None:
            return None
        return self.data.tornado_rows(self._current_sid)

    def _draw_tornado(self, figure: Any) -> None:
        from models.charts.drawing import tornado_chart

        ax = figure.add_subplot()
        data = self.tornado_rows()
        if data is None:
            self.tornado_label.setText(self.tr("Choose a startup with a score to see how the "
                                               "pillar weights move it."))
            ax.set_axis_off()
            return
        self.tornado_label.setText(self.tr(
            "<b>{name}</b>: overall {base} at the current weights; each bar moves one pillar's "
            "share by ±10 points.").format(name=html.escape(data["label"]),
                                           base=fixed(data['base'])))
        labels = [self.tr("{pillar} ({share} → {low}–{high})").format(
            pillar=name, share=percent(share), low=percent(lo), high=percent(hi))
            for name, share, lo, hi, _l, _h in data["pillars"]]
        tornado_chart(ax, labels, data["base"], [p[4] for p in data["pillars"]],
                      [p[5] for p in data["pillars"]],
                      xlabel=self.tr("Overall score"),
                      legend=(self.tr("share −10 points"), self.tr("share +10 points")),
                      label_limit=40, label_font=chart_fonts())
