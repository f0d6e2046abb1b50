"""The Compare view's Uncertainty tab: how sure each startup's overall score and rank are,
under the window's perspective.

A Monte Carlo run (the analysis of :func:`models.analysis.startups.analyze_startups`, through
:func:`gui.jobs.analysis.startup_uncertainty_job`) spreads every level over its neighbours
according to its confidence, resamples the investors under the investor view, and optionally
draws the pillar weights around their current values (Dirichlet). The tab shows each
startup's P10, P50 and P90 overall score and its probability of ranking first and in the top
three among the startups ranked (gated ones after the others in every draw unless gates are
ignored), as a sortable table (:class:`~gui.tables.uncertainty.UncertaintyTableModel`) and the
P10–P90 bands as a chart. The Compare view's filters only hide rows: the probabilities are
always over every startup ranked, which the status line says.

A run takes a moment for a large portfolio, so it is never repeated on every keystroke: small
portfolios (under :data:`INLINE_LIMIT` startups) compute at once when asked, larger ones in a
worker process (:class:`gui.jobs.process.ProcessJob`) with progress and Cancel. Once levels,
confidences, weights, the perspective, the scenario or the settings change, the figures go
**stale**: greyed, with a note and a Recompute button.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QMetaObject, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from gui.dialogs import ask
from gui.document import Document
from gui.i18n import language, number
from gui.jobs import analysis as job_analysis
from gui.jobs.process import ProcessJob
from gui.tables.uncertainty import UncertaintyTableModel
from gui.views.compare.rank_bands import RankBandChart
from gui.views.compare.uncertainty_settings import UncertaintySettings
from gui.widgets.panes import splitter
from gui.widgets.table_view import fit_columns, table_view
from models.engine.ranking import Ranking

#: Portfolios with fewer startups than this compute on the UI thread (a few milliseconds).
INLINE_LIMIT = 500
#: Widest the startup column starts (pixels at scale 1).
NAME_COLUMN_MAX = 160


def _inputs_signature(ranking: Ranking) -> tuple[Any, ...]:
    """What the figures depend on in a ranking: its startups (ids and names), levels and
    confidences, the stacked assessments (the bootstrap), and the gates."""
    view = ranking.view
    return ([s.id for s in view.startups], [s.name for s in view.startups],
            view.levels, view.confidence, view.stacked, view.stacked_confidence,
            [(r.row, r.gated) for r in ranking.rows])


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return len(a) == len(b) and all(
        np.array_equal(x, y, equal_nan=True) if isinstance(x, np.ndarray) and
        isinstance(y, np.ndarray) else x == y for x, y in zip(a, b, strict=True))


class UncertaintyPanel(QWidget):
    """The Uncertainty tab (see the module docstring).

    Attributes:
        model: the :class:`~gui.tables.uncertainty.UncertaintyTableModel` (sorting and
            filtering itself; the Compare view gives it the startups its filters show).
        job: the running :class:`~gui.jobs.process.ProcessJob`, if any.
        inline_limit: portfolios with fewer startups compute on the UI thread.

    Signals:
        startupChosen(str): the user chose a row; argument = the startup id.
        computed(): new figures are shown.
    """

    startupChosen = Signal(str)
    computed = Signal()

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self.job: ProcessJob | None = None
        self.inline_limit = INLINE_LIMIT
        self._connections: list[QMetaObject.Connection] = []
        self._signature: tuple[Any, ...] = ()
        self._check_due = False
        self._changed_while_running = False
        self._pending: Ranking | None = None
        self._visible_ids: set[str] | None = None
        self._columns_fitted = False
        self._current_sid = ""
        self.model = UncertaintyTableModel(self)
        controls = self._build_controls()
        self.status_label = QLabel()
        self.status_label.setObjectName("uncertaintyStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # names are not markup
        self.table = table_view("uncertaintyTable", self.model, sortable=True)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setResizeContentsPrecision(60)
        self.table.sortByColumn(UncertaintyTableModel.RANK, Qt.SortOrder.AscendingOrder)
        self.chart = RankBandChart(self.model)
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
        for sig in (self.model.modelReset, self.model.layoutChanged):
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
        self._signature = ()
        self._connections = [
            doc.scoresChanged.connect(self._inputs_changed),
            doc.structureChanged.connect(self._inputs_changed),
            doc.frameworkChanged.connect(self.mark_stale),
            doc.scenarioChanged.connect(self.mark_stale),
            doc.perspectiveChanged.connect(self.mark_stale),
        ]
        self._show_status()
        self.chart.schedule()

    def showEvent(self, event: QShowEvent) -> None:
        """The first time the tab is shown for a document, compute its figures; later, check
        whether edits made while it was hidden changed what they depend on."""
        super().showEvent(event)
        if not self.model.figures and self.job is None:
            self.compute()
        elif self._check_due:
            self._check_inputs()

    def _inputs_changed(self, *_args: object) -> None:
        """A score, a name or an assessment changed: the figures are stale if the ranking's
        levels, confidences or gates moved (a rationale does not); checked once the burst of
        edits is handled, and only while the tab is on screen."""
        if self.job is not None:
            self._changed_while_running = True
            return
        if not self.model.figures or self.model.stale or self._check_due:
            return
        self._check_due = True
        if self.isVisible():
            QTimer.singleShot(0, self._check_inputs)

    def _check_inputs(self) -> None:
        if not self._check_due or self.doc is None:
            return
        self._check_due = False
        if self.model.figures and not self.model.stale and not _same(
                self._signature, _inputs_signature(self.doc.ranking())):
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
        self._check_inputs()
        return self.model.stale

    def set_visible_ids(self, ids: set[str] | None) -> None:
        """Show only these startups' rows (``None``: all); the figures stay those of every
        startup ranked."""
        self._visible_ids = ids
        self.model.set_visible_ids(ids)
        self._show_status()

    def take_over(self, old: UncertaintyPanel) -> None:
        """Show what ``old``, the tab this one replaces (the view built again in another
        language), showed: its settings, sort and row, its figures as they are (not computed
        again: said in this language, with this document's ranking when the figures are still
        its own), and its run going on, which reports here from now on."""
        s = old.run_settings.settings()
        self.run_settings.set_settings(s["draws"], s["seed"], s["concentration"])
        header = old.table.horizontalHeader()
        self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self._current_sid = old._current_sid
        if old.model.figures:
            ranking = self.doc.ranking() if self.doc is not None else None
            if ranking is not None and not old.model.stale and _same(
                    old._signature, _inputs_signature(ranking)):
                self.model.set_figures(ranking, old.model.figures)
            else:
                self.model.take_figures(old.model)
                self.model.set_stale(True)
            self._signature = old._signature
            self.model.set_visible_ids(self._visible_ids)
            self._fit_columns()
            self._select_current()
            self.chart.schedule()
        job, old.job = old.job, None
        if job is not None:
            for signal in (job.progress, job.finished, job.failed, job.cancelled):
                signal.disconnect()
            job.setParent(self)
            self._pending, self._changed_while_running = old._pending, old._changed_while_running
            self._follow(job)
        else:
            self._show_status()

    # -- computing ------------------------------------------------------------------------
    def compute(self) -> bool:
        """Start a run with the current settings: at once for a small portfolio, in a worker
        process otherwise. Returns False if a run is already going."""
        doc = self.doc
        if doc is None or self.job is not None:
            return False
        s = self.run_settings.settings()
        scenario_id = doc.scenario.id if doc.scenario is not None else None
        ranking = self._pending = doc.ranking()
        self._changed_while_running = False
        inputs = job_analysis.startup_uncertainty_inputs(ranking)
        n = len(ranking.rows)
        if n < self.inline_limit:
            try:
                figures = job_analysis.startup_uncertainty_job(
                    inputs, doc.framework, s["draws"], s["seed"], scenario_id,
                    s["concentration"], None)
            except (ValueError, KeyError) as exc:
                ask.error(self, self.tr("Cannot compute the uncertainty"), str(exc))
                return True
            self._finished(figures)
            return True
        job = ProcessJob(job_analysis.startup_uncertainty_job,
                         (inputs, doc.framework.model_dump_json(), s["draws"], s["seed"],
                          scenario_id, s["concentration"]), self)
        self._follow(job)
        job.start()
        return True

    def _follow(self, job: ProcessJob) -> None:
        """Show ``job``'s progress, and its figures when it ends."""
        job.progress.connect(self._progress)
        job.finished.connect(self._finished)
        job.failed.connect(self._failed)
        job.cancelled.connect(self._cancelled)
        self.job = job
        self.progress_bar.setRange(0, 0)
        self.progress_bar.setVisible(True)
        self.cancel_button.setVisible(True)
        self.compute_button.setEnabled(False)
        n = len(self._pending.rows) if self._pending is not None else 0
        self.status_label.setText(self.tr("Computing %Ln startup(s) × {draws} draws…", "", n)
                                  .format(draws=number(self.run_settings.settings()["draws"])))
        self.status_label.setStyleSheet("")

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
        self._job_ended()
        ranking = self._pending
        if self.doc is None or ranking is None:
            return
        self.model.set_figures(ranking, figures)
        self.model.set_visible_ids(self._visible_ids)
        self._signature = _inputs_signature(ranking)
        self._check_due = False
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
                "exact; medium: ±1 level with 10 % each; low: 20 % each); under the investor "
                "view the investors are resampled too. Press Compute."))
            self.status_label.setStyleSheet("")
            self.compute_button.setText(self.tr("Compute"))
            return
        shown = self.model.rowCount() if self.model.visible_mask() is not None else None
        what = self.run_settings.describe(f, self.doc.framework if self.doc else None,
                                          self.lang, shown)
        if self.model.stale:
            self.status_label.setText(self.tr(
                "Out of date: scores, weights, the perspective or settings changed since these "
                "figures were computed. Press Recompute. (Last run: {what})").format(what=what))
            self.status_label.setStyleSheet("color: #8a6d00; font-style: italic;")
        else:
            self.status_label.setText(what)
            self.status_label.setStyleSheet("")
        self.compute_button.setText(self.tr("Recompute"))

    def _fit_columns(self) -> None:
        if not self._columns_fitted:
            self._columns_fitted = True
            fit_columns(self.table, (UncertaintyTableModel.STARTUP,), NAME_COLUMN_MAX)

    # -- selection ------------------------------------------------------------------------
    def set_current(self, startup_id: str) -> None:
        """Highlight a startup (the one chosen elsewhere in the Compare view)."""
        if startup_id == self._current_sid:
            return
        self._current_sid = startup_id
        self._select_current()
        self.chart.set_current(startup_id)

    def _select_current(self) -> None:
        row = self.model.row_of(self._current_sid)
        if row < 0:
            return
        index = self.model.index(row, 0)
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
        sid = self.model.ranked(current.row()).startup_id
        if sid != self._current_sid:
            self._current_sid = sid
            self.chart.set_current(sid)
            self.startupChosen.emit(sid)
