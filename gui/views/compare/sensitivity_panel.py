"""The Compare view's Sensitivity tab: how much the ranking depends on the pillar weights.

Left, the **rank-reversal points** (:func:`models.analysis.sensitivity.leader_reversals`): for each
pillar whose share of the weight, moved from 0 to 100 % with the others rescaled
proportionally, changes which assessment leads the portfolio, the share at which it happens and
the new leader. Right, a **tornado chart** of the selected assessment: its overall score with
each pillar's share lowered and raised by ten points (:func:`models.analysis.sensitivity.tornado`).

Both follow the document's current results (the active scenario included,
:mod:`models.analysis.reversals`). They are cheap to compute (no Monte Carlo) and refresh on idle
while the tab is on screen.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.document import Document
from gui.i18n import language
from gui.tables.base import ReadOnlyTableModel
from gui.tables.roles import AssessmentIdRole, SortRole
from gui.widgets.chart_canvas import REDRAW_DELAY_MS, IdleChart, chart_fonts
from gui.widgets.idle_refresh import IdleRefresher
from models.analysis.reversals import SensitivityData
from models.analysis.sensitivity import Reversal
from models.core.rounding import fixed, percent

_Index = QModelIndex | QPersistentModelIndex


class ReversalsModel(ReadOnlyTableModel):
    """One row per rank-reversal point: Pillar, Current share, Leader changes at, Leader
    before, New leader.

    ``DisplayRole`` shows shares as percentages; :data:`~gui.tables.results.SortRole` gives raw
    values; :data:`~gui.tables.results.AssessmentIdRole` the new leader's assessment id.
    """

    PILLAR, CURRENT, AT, BEFORE, NEW = range(5)
    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._data: SensitivityData | None = None
        self._rows: list[tuple[Reversal, float]] = []

    def set_data(self, data: SensitivityData | None) -> None:
        """Show the reversals of ``data`` (a reset)."""
        self.beginResetModel()
        self._data = data
        self._rows = [] if data is None else [
            (r, s.current) for s in data.sweeps for r in s.reversals]
        self.endResetModel()

    def reversal(self, row: int) -> Reversal:
        """The reversal shown in ``row``."""
        return self._rows[row][0]

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell (text, or a share 0–1)."""
        assert self._data is not None
        r, current = self._rows[row]
        if column == self.PILLAR:
            return self._data.pillar_names.get(r.pillar, r.pillar)
        if column == self.CURRENT:
            return current
        if column == self.AT:
            return r.weight
        if column == self.BEFORE:
            return self._data.label(r.previous_leader)
        return self._data.label(r.new_leader)

    def row_count(self) -> int:
        return len(self._rows)

    def column_count(self) -> int:
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Pillar"), self.tr("Share now"), self.tr("Leader changes at"),
                    self.tr("Leader before"), self.tr("New leader"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.CURRENT: self.tr("The pillar's current share of the enabled pillars' "
                                      "weight"),
                self.AT: self.tr("As the pillar's share grows past this value (the other "
                                 "pillars rescaled proportionally), the leader changes"),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or \
                not 0 <= index.column() < self.COLUMNS or self._data is None:
            return None
        row, col = index.row(), index.column()
        if role == AssessmentIdRole:
            return self._data.results[self._rows[row][0].new_leader].assessment_id
        v = self.value(row, col)
        if role == SortRole:
            return v.casefold() if isinstance(v, str) else v
        if role == Qt.ItemDataRole.DisplayRole:
            return percent(v, 1) if col in (self.CURRENT, self.AT) else v
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (self.CURRENT, self.AT):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.BEFORE, self.NEW):
            return v
        return None


class SensitivityPanel(QWidget):
    """The Sensitivity tab (see the module docstring).

    Signals:
        assessmentChosen(str): the user chose a reversal; argument = the new leader's
            assessment id.
    """

    assessmentChosen = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self.data: SensitivityData | None = None
        self._current_aid = ""
        self.model = ReversalsModel(self)
        self.summary_label = QLabel()
        self.summary_label.setObjectName("sensitivitySummary")
        self.summary_label.setWordWrap(True)
        self.table = QTableView()
        self.table.setObjectName("reversalsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.tornado_label = QLabel()
        self.tornado_label.setObjectName("tornadoTitle")
        self.tornado_label.setWordWrap(True)
        self.chart = IdleChart(self._draw_tornado, "tornadoCanvas", 160)

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.summary_label)
        ll.addWidget(self.table, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.tornado_label)
        rl.addWidget(self.chart, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([620, 580])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter, 1)

        self.refresher = IdleRefresher(
            self, self.refresh, ("scoresChanged", "structureChanged", "resultsChanged"),
            REDRAW_DELAY_MS)
        self.set_document(doc)

    # -- document -------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Follow ``doc``."""
        self.doc = doc
        self.refresher.follow(doc)

    def schedule(self, *_args: object) -> None:
        """Recompute once things settle, if on screen (otherwise when next shown)."""
        self.refresher.schedule()

    def refresh(self) -> None:
        """Recompute the reversal points and redraw the tornado chart now."""
        if self.doc is None:
            return
        self.data = SensitivityData.of(self.doc.framework, self.doc.results(), self.lang)
        self.model.set_data(self.data)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        limit = round(170 * max(1.0, self.logicalDpiX() / 96))
        for c in (ReversalsModel.PILLAR, ReversalsModel.BEFORE):
            header.resizeSection(c, min(header.sectionSize(c), limit))
        self._show_summary()
        self.chart.schedule()

    def _show_summary(self) -> None:
        d = self.data
        if d is None:
            return
        lead = d.leader_now()
        if lead < 0:
            self.summary_label.setText(self.tr("No assessment has a score yet."))
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
    def set_current(self, assessment_id: str) -> None:
        """Show the tornado chart of this assessment (the one chosen in the Compare view)."""
        if assessment_id != self._current_aid:
            self._current_aid = assessment_id
            self.chart.schedule()

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            aid = current.data(AssessmentIdRole)
            if aid:
                self.assessmentChosen.emit(aid)

    # -- tornado --------------------------------------------------------------------------
    def tornado_rows(self) -> dict[str, Any] | None:
        """The tornado data of the selected assessment: ``{"label", "base", "pillars":
        [(name, share, low_share, high_share, low, high), ...]}``, or None when no assessment
        with a score is selected."""
        if self.data is None:
            return None
        return self.data.tornado_rows(self._current_aid)

    def _draw_tornado(self, figure: Any) -> None:
        from models.charts.drawing import tornado_chart

        ax = figure.add_subplot()
        data = self.tornado_rows()
        if data is None:
            self.tornado_label.setText(self.tr("Choose an assessment with a score to see how "
                                               "the pillar weights move it."))
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
