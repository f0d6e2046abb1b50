"""The Compare view's Uncertainty tab: how sure each overall score and rank is.

A Monte Carlo run (:mod:`models.analysis.uncertainty`) spreads every score over its neighbouring
levels
according to its confidence, and optionally the pillar weights around their current values
(Dirichlet); the tab shows each assessment's P10, P50 and P90 overall score, its probability of
ranking first and of ranking in the top three (a sortable table), and the P10–P90 bands as a
chart.

A run takes a moment for a large portfolio (1–2 s for 5,000 assessments), so it is never
repeated on every keystroke: small portfolios (under :data:`INLINE_LIMIT` assessments) compute
at once when asked, larger ones in a worker process (:class:`gui.jobs.process.ProcessJob`) with
progress
and Cancel. Once scores, confidences, weights, the scenario or the settings change, the figures
go **stale**: greyed, with a note and a Recompute button.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QMetaObject,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import ask
from gui.document import Document
from gui.i18n import language
from gui.jobs import targets as job_targets
from gui.jobs.process import ProcessJob
from gui.tables.base import ReadOnlyTableModel
from gui.tables.results import ResultsFilterProxy, search_text
from gui.tables.roles import AssessmentIdRole, SortRole, StartupIdRole
from gui.widgets.chart_canvas import IdleChart, chart_fonts
from models.analysis.uncertainty import DEFAULT_CONCENTRATION, DEFAULT_DRAWS, DEFAULT_SEED
from models.core.framework import text
from models.core.rounding import fixed, percent
from models.engine.results import Result

_Index = QModelIndex | QPersistentModelIndex

#: Portfolios with fewer assessments than this compute on the UI thread (a few milliseconds).
INLINE_LIMIT = 500
#: Most assessments the band chart shows (the highest P50 first; the selected one always).
CHART_MAX = 40
#: Colour of stale figures.
STALE_FG = QColor("#9a9ea6")


def _num(x: Any) -> float | None:
    return None if x is None or math.isnan(x) else float(x)


class UncertaintyTableModel(ReadOnlyTableModel):
    """One row per assessment of the last run: Startup, Assessor, Overall (as scored), P10,
    P50, P90, P(rank 1), P(top 3).

    ``DisplayRole`` is formatted text (scores with one decimal, probabilities as
    percentages), :data:`~gui.tables.results.SortRole` the raw number (None when empty),
    ``ForegroundRole`` grey while the figures are stale. The rows are a snapshot taken when
    the run started, so they stay valid whatever happens to the document afterwards; the model
    offers the :class:`~gui.tables.results.RowSource` methods, so the Compare view's filters
    apply to it.
    """

    STARTUP, ASSESSOR, OVERALL, P10, P50, P90, P_RANK1, P_TOP3 = range(8)
    COLUMNS = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._results: list[Result] = []
        self._figures: dict[str, Any] = {}
        self._rows: dict[str, int] = {}
        # per row: the raw values, and the sort keys (case-folded text), built once per run
        self._values: list[tuple[Any, ...]] = []
        self._keys: list[tuple[Any, ...]] = []
        self.stale = False

    # -- data -----------------------------------------------------------------------------
    def set_figures(self, results: list[Result], figures: dict[str, Any]) -> None:
        """Show a run's figures (:func:`gui.jobs.targets.uncertainty_figures`) for ``results``
        (the document's results when the run started, same order); clears staleness."""
        if [r.assessment_id for r in results] != list(figures["ids"]):
            raise ValueError("figures and results describe different assessments")
        columns = []
        for key in ("overall", "p10", "p50", "p90", "p_rank1", "p_top_k"):
            col = np.asarray(figures[key], dtype=float)
            columns.append([None if math.isnan(x) else x for x in col.tolist()])
        scored = [v is not None for v in columns[2]]
        # nothing scored: no rank at all
        columns[4] = [v if ok else None for v, ok in zip(columns[4], scored, strict=True)]
        columns[5] = [v if ok else None for v, ok in zip(columns[5], scored, strict=True)]
        values = [(r.startup, r.assessor, *cells)
                  for r, cells in zip(results, zip(*columns, strict=True), strict=True)]
        self.beginResetModel()
        self._results = list(results)
        self._figures = dict(figures)
        self._rows = {r.assessment_id: i for i, r in enumerate(results)}
        self._values = values
        self._keys = [(v[0].casefold(), v[1].casefold(), *v[2:]) for v in values]
        self.stale = False
        self.endResetModel()

    def clear(self) -> None:
        """Forget the figures (e.g. another portfolio was opened)."""
        self.beginResetModel()
        self._results, self._figures, self._rows = [], {}, {}
        self._values, self._keys = [], []
        self.stale = False
        self.endResetModel()

    def set_stale(self, stale: bool) -> None:
        """Grey the figures out (or back in)."""
        if stale == self.stale:
            return
        self.stale = stale
        if self._results:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._results) - 1, self.COLUMNS - 1),
                                  [Qt.ItemDataRole.ForegroundRole])

    @property
    def figures(self) -> dict[str, Any]:
        """The last run's figures ({} before the first)."""
        return self._figures

    def row_of(self, assessment_id: str) -> int:
        """The row of an assessment, or -1."""
        return self._rows.get(assessment_id, -1)

    def results(self) -> list[Result]:
        """The rows' results, as the document had them when the run started."""
        return list(self._results)

    def result(self, row: int) -> Result:
        """The document's result for ``row`` when the run started."""
        return self._results[row]

    def search_text(self, row: int) -> str:
        """What the filter box searches (see :func:`gui.tables.results.search_text`)."""
        return search_text(self._results[row])

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell: text, or a float (None when empty; the rank
        probabilities are None too for an assessment with nothing scored)."""
        return self._values[row][column]

    def sort_key(self, row: int, column: int) -> Any:
        """A float or None for numbers, case-folded text otherwise."""
        return self._keys[row][column]

    # -- Qt model interface ---------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._results)

    def column_count(self) -> int:
        return self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Startup"), self.tr("Assessor"), self.tr("Overall"), self.tr("P10"),
                    self.tr("P50"), self.tr("P90"), self.tr("P(rank 1)"),
                    self.tr("P(top 3)"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return {
                self.OVERALL: self.tr("Overall score with the levels as scored"),
                self.P10: self.tr("In 10 % of the draws the overall score is lower than this"),
                self.P50: self.tr("The median overall score over the draws"),
                self.P90: self.tr("In 10 % of the draws the overall score is higher than this"),
                self.P_RANK1: self.tr("Share of the draws in which this assessment ranks first "
                                      "in the portfolio"),
                self.P_TOP3: self.tr("Share of the draws in which this assessment ranks among "
                                     "the first three"),
            }.get(section)
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._results):
            return None
        row, col = index.row(), index.column()
        if not 0 <= col < self.COLUMNS:
            return None
        if role == SortRole:
            return self.sort_key(row, col)
        if role == AssessmentIdRole:
            return self._results[row].assessment_id
        if role == StartupIdRole:
            return self._results[row].startup_id
        if role == Qt.ItemDataRole.ForegroundRole:
            return STALE_FG if self.stale else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col >= self.OVERALL:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        v = self.value(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            if col < self.OVERALL:
                return v
            if v is None:
                return "–"
            if col in (self.P_RANK1, self.P_TOP3):
                return percent(v, 1)
            return fixed(v)
        if role == Qt.ItemDataRole.ToolTipRole and col < self.OVERALL:
            return v or None
        return None


class UncertaintyPanel(QWidget):
    """The Uncertainty tab (see the module docstring).

    Attributes:
        model: the :class:`UncertaintyTableModel`; proxy: the sorting and filtering proxy in
            front of it (the Compare view drives its filters).
        job: the running :class:`~gui.jobs.process.ProcessJob`, if any.
        inline_limit: portfolios smaller than this compute on the UI thread.

    Signals:
        assessmentChosen(str): the user chose a row; argument = the assessment id.
        computed(): new figures are shown.
    """

    assessmentChosen = Signal(str)
    computed = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self.job: ProcessJob | None = None
        self.inline_limit = INLINE_LIMIT
        self._connections: list[QMetaObject.Connection] = []
        self._signatures: dict[str, tuple] = {}
        self._changed_while_running = False
        self._pending_results: list[Result] = []
        self._pending_extra: dict[str, Any] = {}
        self._columns_fitted = False
        self._current_aid = ""
        self.model = UncertaintyTableModel(self)
        self.proxy = ResultsFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        # controls
        self.draws_spin = QSpinBox()
        self.draws_spin.setObjectName("drawsSpin")
        self.draws_spin.setRange(100, 100_000)
        self.draws_spin.setSingleStep(500)
        self.draws_spin.setValue(DEFAULT_DRAWS)
        self.draws_spin.setToolTip(self.tr("How many random draws the estimate uses; more draws "
                                           "give steadier figures and take longer"))
        self.seed_spin = QSpinBox()
        self.seed_spin.setObjectName("seedSpin")
        self.seed_spin.setRange(0, 2_147_483_647)
        self.seed_spin.setValue(DEFAULT_SEED)
        self.seed_spin.setToolTip(self.tr("The same seed gives the same figures"))
        self.weights_check = QCheckBox(self.tr("Uncertain pillar weights, concentration"))
        self.weights_check.setToolTip(self.tr(
            "Also draw the pillar weights around their current values (Dirichlet); a larger "
            "concentration keeps them closer (at 50, a 20 % weight varies by about ±6 points)"))
        self.concentration_spin = QDoubleSpinBox()
        self.concentration_spin.setObjectName("concentrationSpin")
        self.concentration_spin.setRange(1.0, 10_000.0)
        self.concentration_spin.setDecimals(0)
        self.concentration_spin.setValue(DEFAULT_CONCENTRATION)
        self.concentration_spin.setEnabled(False)
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setObjectName("computeButton")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setVisible(False)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Draws")))
        controls.addWidget(self.draws_spin)
        controls.addSpacing(8)
        controls.addWidget(QLabel(self.tr("Seed")))
        controls.addWidget(self.seed_spin)
        controls.addSpacing(8)
        controls.addWidget(self.weights_check)
        controls.addWidget(self.concentration_spin)
        controls.addSpacing(8)
        controls.addWidget(self.compute_button)
        controls.addWidget(self.progress_bar)
        controls.addWidget(self.cancel_button)
        controls.addStretch(1)
        self.status_label = QLabel()
        self.status_label.setObjectName("uncertaintyStatus")
        self.status_label.setWordWrap(True)

        self.table = QTableView()
        self.table.setObjectName("uncertaintyTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(60)
        self.table.sortByColumn(UncertaintyTableModel.P50, Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.chart = IdleChart(self._draw_chart, "uncertaintyCanvas", 160)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.chart)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([680, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.status_label)
        layout.addWidget(self.splitter, 1)

        self.compute_button.clicked.connect(lambda _c=False: self.compute())
        self.cancel_button.clicked.connect(self.cancel)
        self.weights_check.toggled.connect(self.concentration_spin.setEnabled)
        for sig in (self.draws_spin.valueChanged, self.seed_spin.valueChanged,
                    self.weights_check.toggled, self.concentration_spin.valueChanged):
            sig.connect(self._settings_changed)
        for sig in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                    self.proxy.rowsRemoved):
            sig.connect(self.chart.schedule)
        self.set_document(doc)

    # -- document -------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Follow ``doc``; the figures of the previous document are dropped."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self.cancel()
        self.doc = doc
        self.model.clear()
        self._columns_fitted = False
        self._signatures = {}
        self._connections = [
            doc.scoresChanged.connect(self._scores_changed),
            doc.structureChanged.connect(self._structure_changed),
            doc.frameworkChanged.connect(self.mark_stale),
            doc.scenarioChanged.connect(self.mark_stale),
        ]
        self._show_status()
        self.chart.schedule()

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the tab is shown for a document, compute its figures."""
        super().showEvent(event)
        if not self.model.figures and self.job is None:
            self.compute()

    def _signature(self, assessment_id: str) -> tuple:
        """What the figures depend on in one assessment: its levels and confidences."""
        assert self.doc is not None
        _, a = self.doc.assessment(assessment_id)
        return tuple(sorted((cid, s.value, s.confidence) for cid, s in a.scores.items()
                            if s.value is not None))

    def _scores_changed(self, assessment_id: str) -> None:
        if self.job is not None:
            self._changed_while_running = True
            return
        if not self.model.figures or self.model.stale:
            return
        # a rationale or evidence edit changes nothing here
        if self._signatures.get(assessment_id) != self._signature(assessment_id):
            self.mark_stale()

    def _structure_changed(self) -> None:
        if self.doc is None:
            return
        now = [(r.assessment_id, r.startup, r.assessor) for r in self.doc.results()]
        shown = [(r.assessment_id, r.startup, r.assessor) for r in self.model.results()]
        if now != shown:
            self.mark_stale()

    def _settings_changed(self, *_args: object) -> None:
        if self.model.figures:
            self.mark_stale()

    def mark_stale(self, *_args: object) -> None:
        """The figures no longer match the document or the settings: grey them out."""
        if self.job is not None:
            self._changed_while_running = True
            return
        if not self.model.figures:
            return
        self.model.set_stale(True)
        self._show_status()
        self.chart.schedule()

    def is_stale(self) -> bool:
        """True when the figures shown no longer match the document or the settings."""
        return self.model.stale

    # -- computing ------------------------------------------------------------------------
    def settings(self) -> dict[str, Any]:
        """The run settings: ``draws``, ``seed`` and ``concentration`` (None = fixed weights)."""
        return {
            "draws": self.draws_spin.value(),
            "seed": self.seed_spin.value(),
            "concentration": (self.concentration_spin.value() if self.weights_check.isChecked()
                              else None),
        }

    def set_settings(self, draws: int | None = None, seed: int | None = None,
                     concentration: float | bool | None = False) -> None:
        """Change the run settings (``concentration=None`` fixes the weights; ``False``, the
        default, leaves that setting alone)."""
        if draws is not None:
            self.draws_spin.setValue(draws)
        if seed is not None:
            self.seed_spin.setValue(seed)
        if concentration is not False:
            self.weights_check.setChecked(concentration is not None)
            if concentration is not None:
                self.concentration_spin.setValue(float(concentration))

    def compute(self) -> bool:
        """Start a run with the current settings: at once for a small portfolio, in a worker
        process otherwise. Returns False if a run is already going."""
        doc = self.doc
        if doc is None or self.job is not None:
            return False
        s = self.settings()
        scenario_id = doc.scenario.id if doc.scenario is not None else None
        self._pending_results = doc.results()
        self._changed_while_running = False
        n = len(self._pending_results)
        if n < self.inline_limit:
            try:
                figures = job_targets.uncertainty_figures(
                    doc.portfolio, draws=s["draws"], seed=s["seed"],
                    concentration=s["concentration"], scenario_id=scenario_id)
            except (ValueError, KeyError) as exc:
                ask.error(self, self.tr("Cannot compute the uncertainty"), str(exc))
                return True
            self._finished(figures)
            return True
        try:
            ids, levels, confidence, fa = job_targets.uncertainty_inputs(doc.portfolio,
                                                                         scenario_id)
        except KeyError as exc:
            ask.error(self, self.tr("Cannot compute the uncertainty"), str(exc))
            return True
        self._pending_extra = {"ids": ids, "scenario": scenario_id}
        job = ProcessJob(job_targets.uncertainty_job,
                         (job_targets.pack_levels(levels), confidence, fa, s["draws"],
                          s["seed"], s["concentration"]),
                         self)
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job = job
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.compute_button.setEnabled(False)
        self.status_label.setText(self.tr("Computing {n} assessments × {draws} draws…").format(
            n=n, draws=s["draws"]))
        self.status_label.setStyleSheet("")
        job.start()
        return True

    def cancel(self) -> None:
        """Stop a running computation (the figures shown before stay, greyed if stale)."""
        if self.job is not None:
            self.job.cancel()

    def _progress(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(min(done, total))

    def _job_ended(self) -> None:
        if self.job is not None:
            self.job.deleteLater()
        self.job = None
        self.progress_bar.setVisible(False)
        self.cancel_button.setVisible(False)
        self.compute_button.setEnabled(True)

    def _finished(self, figures: dict[str, Any]) -> None:
        from_job = self.job is not None
        self._job_ended()
        if self.doc is None:
            return
        if from_job:
            figures = {**self._pending_extra, **figures}
        self.model.set_figures(self._pending_results, figures)
        present = {a.id for _, a in self.doc.portfolio.assessments()}
        self._signatures = {r.assessment_id: self._signature(r.assessment_id)
                            for r in self._pending_results if r.assessment_id in present}
        if self._changed_while_running or self.settings()["draws"] != figures["draws"] or \
                self.settings()["seed"] != figures["seed"]:
            self.model.set_stale(True)
        self._fit_columns()
        self._select_current()
        self._show_status()
        self.chart.schedule()
        self.computed.emit()

    def _failed(self, message: str, details: str) -> None:
        self._job_ended()
        self._show_status()
        ask.error(self, self.tr("Cannot compute the uncertainty"), message, details)

    def _cancelled(self) -> None:
        self._job_ended()
        self._show_status()

    def _show_status(self) -> None:
        f = self.model.figures
        if not f:
            self.status_label.setText(self.tr(
                "Each score is spread over its neighbouring levels by its confidence (high: "
                "exact; medium: ±1 level with 10 % each; low: 20 % each). Press Compute."))
            self.status_label.setStyleSheet("")
            self.compute_button.setText(self.tr("Compute"))
            return
        weights = (self.tr("pillar weights fixed") if f["concentration"] is None else
                   self.tr("pillar weights drawn around the current ones (concentration "
                           "{c:g})").format(c=f["concentration"]))
        what = self.tr("{draws} draws, seed {seed}, {weights}.").format(
            draws=f["draws"], seed=f["seed"], weights=weights)
        if f.get("scenario") and self.doc is not None:
            try:
                name = text(self.doc.framework.scenario(f["scenario"]).name, self.lang)
            except KeyError:
                name = f["scenario"]
            what += " " + self.tr("Under the scenario “{name}”.").format(name=name)
        if self.model.stale:
            self.status_label.setText(self.tr(
                "Out of date: scores, weights or settings changed since these figures were "
                "computed. Press Recompute. (Last run: {what})").format(what=what))
            self.status_label.setStyleSheet("color: #8a6d00; font-style: italic;")
            self.compute_button.setText(self.tr("Recompute"))
        else:
            self.status_label.setText(what + " " + self.tr(
                "Each score is spread over its neighbouring levels by its confidence."))
            self.status_label.setStyleSheet("")
            self.compute_button.setText(self.tr("Recompute"))

    def _fit_columns(self) -> None:
        if self._columns_fitted:
            return
        self._columns_fitted = True
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        limit = round(130 * max(1.0, self.logicalDpiX() / 96))
        for c in (UncertaintyTableModel.STARTUP, UncertaintyTableModel.ASSESSOR):
            header.resizeSection(c, min(header.sectionSize(c), limit))

    # -- selection ------------------------------------------------------------------------
    def set_current(self, assessment_id: str) -> None:
        """Highlight an assessment (the one chosen elsewhere in the Compare view)."""
        if assessment_id == self._current_aid:
            return
        self._current_aid = assessment_id
        self._select_current()
        self.chart.schedule()

    def _select_current(self) -> None:
        row = self.model.row_of(self._current_aid)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return
        sm = self.table.selectionModel()
        if sm.currentIndex().row() == index.row():
            return
        blocked = sm.blockSignals(True)
        sm.setCurrentIndex(index, sm.SelectionFlag.ClearAndSelect | sm.SelectionFlag.Rows)
        sm.blockSignals(blocked)
        self.table.viewport().update()
        self.table.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        aid = current.data(AssessmentIdRole)
        if aid and aid != self._current_aid:
            self._current_aid = aid
            self.chart.schedule()
            self.assessmentChosen.emit(aid)

    # -- chart ----------------------------------------------------------------------------
    def chart_rows(self) -> list[int]:
        """Model rows the band chart shows, top first: the table's order (the filters and
        sorting apply), at most as many as fit (up to :data:`CHART_MAX`), and always the
        selected assessment."""
        rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row()
                for r in range(self.proxy.rowCount())]
        if not self.model.figures:
            return []
        p50 = self.model.figures["p50"]
        rows = [r for r in rows if not math.isnan(float(p50[r]))]
        fit = max(5, min(CHART_MAX, int((self.chart.height() - 70) // 15)))
        shown = rows[:fit]
        cur = self.model.row_of(self._current_aid)
        if cur in rows and cur not in shown and shown:
            shown[-1] = cur
        return shown

    def _draw_chart(self, figure: Any) -> None:
        from models.charts.drawing import rank_band_chart

        ax = figure.add_subplot()
        rows = self.chart_rows()
        f = self.model.figures
        if not rows:
            ax.set_axis_off()
            ax.text(0.5, 0.5, self.tr("No figures yet.") if not f else
                    self.tr("No assessment with a score."), ha="center", va="center",
                    color="#6b6f76", transform=ax.transAxes)
            return
        labels = []
        for r in rows:
            res = self.model.result(r)
            labels.append(f"{res.startup} ({res.assessor})" if res.assessor else res.startup)
        cur = self.model.row_of(self._current_aid)
        rank_band_chart(
            ax, labels, [float(f["p10"][r]) for r in rows], [float(f["p50"][r]) for r in rows],
            [float(f["p90"][r]) for r in rows],
            overall=[_num(float(f["overall"][r])) for r in rows],
            highlight=rows.index(cur) if cur in rows else None,
            xlabel=self.tr("Overall score: P10–P90 band, dot = P50"),
            legend=(self.tr("P10–P90"), self.tr("P50"), self.tr("as scored")),
            label_limit=26, label_font=chart_fonts())
        if self.model.stale:
            for artist in (*ax.collections, *ax.lines):
                artist.set_alpha(0.15)
            ax.text(0.5, 0.5, self.tr("Out of date"), transform=ax.transAxes, ha="center",
                    va="center", fontsize="large", color="#8a6d00", alpha=0.8)
        shown = len(rows)
        total = int(np.count_nonzero(~np.isnan(np.asarray(f["p50"], dtype=float))))
        if shown < total:
            ax.set_title(self.tr("{shown} of {total}, in the table's order").format(
                shown=shown, total=total), fontsize="x-small", color="#6b6f76", loc="right",
                pad=14)
