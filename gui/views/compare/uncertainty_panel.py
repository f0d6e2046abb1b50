"""The Compare view's Uncertainty tab: how sure each overall score and rank is.

A Monte Carlo run (:mod:`models.analysis.uncertainty`) spreads every score over its neighbouring
levels according to its confidence, and optionally the pillar weights around their current
values (Dirichlet); the tab shows each assessment's P10, P50 and P90 overall score, its
probability of ranking first and of ranking in the top three (a sortable table,
:class:`~gui.tables.uncertainty.UncertaintyTableModel`), and the P10–P90 bands as a chart.

A run takes a moment for a large portfolio (1–2 s for 5,000 assessments), so it is never
repeated on every keystroke: small portfolios (under :data:`INLINE_LIMIT` assessments) compute
at once when asked, larger ones in a worker process (:class:`gui.jobs.process.ProcessJob`) with
progress and Cancel. Once scores, confidences, weights, the scenario or the settings change, the
figures go **stale**: greyed, with a note and a Recompute button.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMetaObject, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from gui.dialogs import ask
from gui.document import Document
from gui.i18n import language
from gui.jobs import targets as job_targets
from gui.jobs.process import ProcessJob
from gui.tables.results_proxy import ResultsFilterProxy
from gui.tables.roles import AssessmentIdRole
from gui.tables.uncertainty import UncertaintyTableModel
from gui.views.compare.rank_bands import RankBandChart
from gui.views.compare.uncertainty_settings import UncertaintySettings
from gui.widgets.panes import splitter
from gui.widgets.table_view import fit_columns, table_view
from models.core.framework import text
from models.engine.results import Result

#: Portfolios with fewer assessments than this compute on the UI thread (a few milliseconds).
INLINE_LIMIT = 500
#: Widest the startup and assessor columns start (pixels at scale 1).
NAME_COLUMN_MAX = 130


class UncertaintyPanel(QWidget):
    """The Uncertainty tab (see the module docstring).

    Attributes:
        model: the :class:`~gui.tables.uncertainty.UncertaintyTableModel`; proxy: the sorting
            and filtering proxy in front of it (the Compare view drives its filters).
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
        self._signatures: dict[str, tuple[Any, ...]] = {}
        self._changed_while_running = False
        self._pending_results: list[Result] = []
        self._pending_extra: dict[str, Any] = {}
        self._columns_fitted = False
        self._current_aid = ""
        self.model = UncertaintyTableModel(self)
        self.proxy = ResultsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        controls = self._build_controls()
        self.status_label = QLabel()
        self.status_label.setObjectName("uncertaintyStatus")
        self.status_label.setWordWrap(True)
        self.table = table_view("uncertaintyTable", self.proxy, sortable=True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(60)
        self.table.sortByColumn(UncertaintyTableModel.P50, Qt.SortOrder.DescendingOrder)
        self.chart = RankBandChart(self.model, self.proxy)
        self.splitter = splitter(Qt.Orientation.Horizontal, (self.table, self.chart), (3, 2),
                                 (680, 560))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.status_label)
        layout.addWidget(self.splitter, 1)
        self._connect_widgets()
        self.set_document(doc)

    def _build_controls(self) -> QHBoxLayout:
        self.run_settings = UncertaintySettings()
        self.compute_button = QPushButton(self.tr("Compute"))
        self.compute_button.setObjectName("computeButton")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setVisible(False)
        controls = QHBoxLayout()
        controls.addWidget(self.run_settings)
        controls.addSpacing(8)
        for w in (self.compute_button, self.progress_bar, self.cancel_button):
            controls.addWidget(w)
        controls.addStretch(1)
        return controls

    def _connect_widgets(self) -> None:
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.compute_button.clicked.connect(lambda _c=False: self.compute())
        self.cancel_button.clicked.connect(self.cancel)
        self.run_settings.changed.connect(self._settings_changed)
        for sig in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsInserted,
                    self.proxy.rowsRemoved):
            sig.connect(self.chart.schedule)

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

    def _signature(self, assessment_id: str) -> tuple[Any, ...]:
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
    def compute(self) -> bool:
        """Start a run with the current settings: at once for a small portfolio, in a worker
        process otherwise. Returns False if a run is already going."""
        doc = self.doc
        if doc is None or self.job is not None:
            return False
        s = self.run_settings.settings()
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
        now = self.run_settings.settings()
        if self._changed_while_running or (now["draws"], now["seed"]) != (figures["draws"],
                                                                          figures["seed"]):
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
        if not self._columns_fitted:
            self._columns_fitted = True
            fit_columns(self.table, (UncertaintyTableModel.STARTUP, UncertaintyTableModel.ASSESSOR),
                        NAME_COLUMN_MAX)

    # -- selection ------------------------------------------------------------------------
    def set_current(self, assessment_id: str) -> None:
        """Highlight an assessment (the one chosen elsewhere in the Compare view)."""
        if assessment_id == self._current_aid:
            return
        self._current_aid = assessment_id
        self._select_current()
        self.chart.set_current(assessment_id)

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
            self.chart.set_current(aid)
            self.assessmentChosen.emit(aid)
