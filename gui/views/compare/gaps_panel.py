"""The Compare view's Gaps tab: where the assessors of one startup disagree.

For the startup selected in the Compare view (:mod:`models.analysis.gaps`):

* the per-criterion gap between its latest founder and latest investor assessment
  (``investor − founder`` in levels), largest first, as a table and a bar chart;
* flags (⚠) where the chosen assessors differ by two levels or more;
* the consensus of the chosen assessors (the median level per criterion, the less favourable
  middle level on an even count), which "Add consensus as assessment" adds to the startup as an
  undoable edit.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gui.commands import AddAssessment
from gui.document import Document
from gui.i18n import language
from gui.tables.gaps import GapsTableModel
from gui.widgets.chart_canvas import REDRAW_DELAY_MS, IdleChart, chart_fonts
from gui.widgets.idle_refresh import IdleRefresher
from gui.widgets.panes import splitter
from gui.widgets.table_view import table_view
from models.analysis.gaps import StartupGaps, startup_gaps
from models.core.portfolio import Assessment, Startup


class GapsPanel(QWidget):
    """The Gaps tab (see the module docstring).

    Attributes:
        model: the :class:`~gui.tables.gaps.GapsTableModel`; gaps: what is shown (None
            without a startup).

    Signals:
        assessmentAdded(str, str): a consensus assessment was added; arguments are the
            startup id and the new assessment's id.
    """

    assessmentAdded = Signal(str, str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self.gaps: StartupGaps | None = None
        self._startup_id = ""
        self._excluded: set[str] = set()
        self.model = GapsTableModel(self)

        self.title_label = QLabel()
        # a push button keeps room for its menu's arrow beside the text (a tool button that
        # pops its menu up at once draws the arrow over the end of the text)
        self.assessors_button = QPushButton()
        self.assessors_menu = QMenu(self)
        self.add_button = QPushButton(self.tr("Add consensus as assessment"))
        top = self._build_top()
        self.table = table_view("gapsTable", self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(GapsTableModel.CRITERION, QHeaderView.ResizeMode.Stretch)
        self.chart = IdleChart(self._draw_chart, "gapCanvas", 160)
        self.splitter = splitter(Qt.Orientation.Horizontal, (self.table, self.chart), (1, 1),
                                 (600, 600))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.refresher = IdleRefresher(
            self, self.refresh, ("scoresChanged", "structureChanged", "frameworkChanged"),
            REDRAW_DELAY_MS)
        self.add_button.clicked.connect(lambda _c=False: self.add_consensus())
        self.set_document(doc)

    def _build_top(self) -> QHBoxLayout:
        self.title_label.setObjectName("gapsTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.assessors_button.setObjectName("consensusAssessors")
        self.assessors_button.setMenu(self.assessors_menu)
        self.assessors_button.setToolTip(self.tr("The assessments the consensus and the flags "
                                                 "are computed over"))
        self.add_button.setObjectName("addConsensus")
        self.add_button.setToolTip(self.tr("Add the consensus to this startup as a new "
                                           "assessment (undoable)"))
        top = QHBoxLayout()
        top.addWidget(self.title_label, 1)
        top.addWidget(self.assessors_button)
        top.addWidget(self.add_button)
        return top

    # -- document -------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Follow ``doc`` (no startup is shown until one is chosen)."""
        self.doc = doc
        self._startup_id = ""
        self._excluded = set()
        self.refresher.follow(doc)

    def set_startup(self, startup_id: str) -> None:
        """Show one startup's gaps and consensus."""
        if startup_id != self._startup_id:
            self._startup_id = startup_id
            self.refresher.schedule()

    def startup_id(self) -> str:
        """The startup shown ('' if none)."""
        return self._startup_id

    def state(self) -> frozenset[str]:
        """The assessments left out of the consensus (kept when the tab is built again)."""
        return frozenset(self._excluded)

    def set_state(self, excluded: frozenset[str]) -> None:
        """Leave out of the consensus the assessments :meth:`state` gave."""
        self._excluded = set(excluded)
        self.refresher.schedule()

    # -- assessors ------------------------------------------------------------------------
    def _consensus_name(self) -> str:
        return self.tr("Consensus")

    def _default_excluded(self, a: Assessment) -> bool:
        """Consensus assessments added earlier stay out of the next consensus by default."""
        return a.role == "other" and a.assessor in (self._consensus_name(), "Consensus")

    def chosen(self) -> list[Assessment]:
        """The shown startup's assessments the consensus is over."""
        if self.doc is None or not self._startup_id:
            return []
        try:
            st = self.doc.startup(self._startup_id)
        except KeyError:
            return []
        return [a for a in st.assessments if a.id not in self._excluded]

    def set_chosen(self, assessment_id: str, on: bool) -> None:
        """Include or leave out one assessment of the consensus."""
        if on:
            self._excluded.discard(assessment_id)
        else:
            self._excluded.add(assessment_id)
        self.refresh()

    def _fill_assessors_menu(self, startup: Startup) -> None:
        self.assessors_menu.clear()
        for a in startup.assessments:
            action = QAction(a.label().replace("&", "&&"), self.assessors_menu)  # no mnemonic
            action.setCheckable(True)
            action.setChecked(a.id not in self._excluded)
            action.toggled.connect(lambda on, aid=a.id: self.set_chosen(aid, on))
            self.assessors_menu.addAction(action)
        n = len(self.chosen())
        button = self.assessors_button
        button.setText(self.tr("Consensus of {n} of {total}").format(
            n=n, total=len(startup.assessments)))
        # room for the menu's arrow beside the text whatever the style's own margins
        arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None,
                                           button)
        button.setMinimumWidth(button.fontMetrics().horizontalAdvance(button.text())
                               + 2 * arrow + 24)

    # -- computing ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Recompute and show the chosen startup's gaps now."""
        doc = self.doc
        st = None
        if doc is not None and self._startup_id:
            try:
                st = doc.startup(self._startup_id)
            except KeyError:
                self._startup_id = ""
        if doc is None or st is None:
            self.gaps = None
            self.model.set_rows([])
            self.title_label.setText(html.escape(self.tr(
                "Choose a startup in the table above to compare its assessors.")))
            self.assessors_button.setVisible(False)
            self.add_button.setEnabled(False)
            self.chart.schedule()
            return
        for a in st.assessments:
            if a.id not in self._excluded and self._default_excluded(a):
                self._excluded.add(a.id)
        self.gaps = startup_gaps(doc.framework, st, self.chosen(), self._consensus_name(),
                                 self.lang)
        self.model.set_rows(self.gaps.rows)
        self.assessors_button.setVisible(True)
        self._fill_assessors_menu(st)
        self.add_button.setEnabled(len(self.gaps.chosen) >= 2)
        self._show_title()
        self.chart.schedule()

    def _show_title(self) -> None:
        g = self.gaps
        if g is None:
            return
        name = f"<b>{html.escape(g.startup.name)}</b>"
        if g.founder is None or g.investor is None:
            missing = self.tr("a founder") if g.founder is None else self.tr("an investor")
            line = self.tr("{name}: no gaps to show, as it has no assessment by {missing}.") \
                .format(name=name, missing=missing)
        else:
            flagged = sum(r.flagged for r in g.rows)
            line = self.tr("{name}: founder {founder} ({fdate}) against investor {investor} "
                           "({idate}).").format(
                name=name, founder=html.escape(g.founder.assessor or self.tr("unnamed")),
                fdate=g.founder.date.isoformat(),
                investor=html.escape(g.investor.assessor or self.tr("unnamed")),
                idate=g.investor.date.isoformat())
            if flagged:
                line += " " + self.tr("⚠ %n criteria differ by two levels or more.", "",
                                      flagged)
        self.title_label.setText(line)

    def add_consensus(self) -> bool:
        """Add the consensus of the chosen assessments to the startup (one undoable step).
        Returns True when an assessment was added."""
        g = self.gaps
        if self.doc is None or g is None or g.consensus is None or len(g.chosen) < 2:
            return False
        cons = g.consensus.model_copy(deep=True)
        self.doc.undo_stack.push(AddAssessment(self.doc, g.startup.id, cons, "consensus"))
        self.assessmentAdded.emit(g.startup.id, cons.id)
        return True

    # -- chart ----------------------------------------------------------------------------
    def _draw_chart(self, figure: Any) -> None:
        from models.charts.drawing import gap_chart

        ax = figure.add_subplot()
        g = self.gaps
        rows = [r for r in g.rows if r.gap is not None] if g is not None else []
        if not rows:
            ax.set_axis_off()
            ax.text(0.5, 0.5, self.tr("No founder–investor gaps to chart."), ha="center",
                    va="center", color="#6b6f76", transform=ax.transAxes)
            return
        fit = max(5, int((self.chart.height() - 70) // 15))
        rows = rows[:fit]
        gap_chart(ax, [r.name for r in rows], [r.gap for r in rows],  # type: ignore[misc]
                  flagged=[r.flagged for r in rows],
                  xlabel=self.tr("Investor level − founder level"),
                  legend=(self.tr("gap"), self.tr("assessors differ by 2 levels or more")),
                  label_limit=30, label_font=chart_fonts())
