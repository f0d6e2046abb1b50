"""Beachhead's main window: the three views in tabs (or the welcome page, :mod:`gui.welcome`),
the open portfolio bound to them, the interface language, drag and drop, and closing; menus in
:mod:`gui.actions`, the file in :mod:`gui.portfolio_files`, long jobs in :mod:`gui.jobs.files`."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QPaintEvent
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from gui.actions import MainMenus
from gui.i18n import language, list_separator
from gui.icons import app_icon
from gui.perspective import PerspectiveBar
from gui.portfolio_files import PortfolioFiles
from gui.preferences import apply_to_analysis, apply_to_document
from gui.settings import AppSettings
from gui.welcome import Welcome

if TYPE_CHECKING:
    from gui.document import Document
    from gui.views.assess.view import AssessView

STYLE_SHEET = """
#criterionEditor { border: 1px solid #d5d8de; border-left: 4px solid #2f6fb0;
                   border-radius: 4px; background: palette(base); }
#criterionEditor[scored="false"] { border-left: 4px dashed #b8bcc4; }
#criterionEditor:focus { border: 1px solid #2f6fb0; border-left: 4px solid #2f6fb0; }
#criterionEditor QToolButton { padding: 3px 8px; }
#criterionEditor QToolButton:checked { background: #2f6fb0; color: white; font-weight: bold;
                                       border: 1px solid #24568a; border-radius: 3px; }
#statusLabel { color: #8a6d00; font-style: italic; }
#offlineLabel { color: white; background: #b3261e; font-weight: bold; padding: 1px 8px;
                border-radius: 3px; }
#sourceLabel { color: #2f6fb0; }
#questionLabel { color: #444; }
#rubricLabel { background: #f4f6f9; padding: 4px; border-radius: 3px; }
"""

# File types that can be dropped on the window: a portfolio opens, workbooks are imported.
DROP_SUFFIXES = (".beachhead", ".xlsx")


class MainWindow(QMainWindow):
    """The application window.

    Args:
        settings: where geometry, recent files and the last folder are remembered.

    Attributes:
        menus: the menus and their actions (:class:`~gui.actions.MainMenus`).
        perspective_bar: the one perspective selector every view follows
            (:class:`~gui.perspective.PerspectiveBar`).
        files: the portfolio's file (:class:`~gui.portfolio_files.PortfolioFiles`).
        file_jobs: import, export and report (:class:`~gui.jobs.files.FileJobs`).

    Signals:
        documentChanged(): a different portfolio is now open (New, Open).
    """

    documentChanged = Signal()

    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.setObjectName("mainWindow")
        self.setWindowIcon(app_icon())
        self.lang = language()
        self.setStyleSheet(STYLE_SHEET)
        self.setAcceptDrops(True)
        self.setMinimumSize(760, 520)
        # The document and the views are built just after the first paint (ensure_ready), so
        # the window shows before pydantic, numpy, pandas and matplotlib are imported.
        self._doc: Document | None = None
        self._assess_view: AssessView | None = None
        self.compare_view: QWidget | None = None
        self.framework_view: QWidget | None = None
        self._build_tabs()
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        # a team workspace's server that does not answer: said until it answers again
        self.offline_label = QLabel()
        self.offline_label.setObjectName("offlineLabel")
        self.offline_label.hide()
        self.statusBar().addPermanentWidget(self.offline_label)
        self._told_offline, self._refused = False, ("", 0.0)  # (message, when shown)
        self.files = PortfolioFiles(self)
        self.perspective_bar = PerspectiveBar(self.settings, self)
        self.addToolBar(self.perspective_bar)
        self.menus = MainMenus(self)
        from gui.jobs.files import FileJobs

        self.file_jobs = FileJobs(self)
        self.menus.fill_tool_bar()  # with Export
        self.menus.update_enabled()  # nothing to export before a portfolio is open
        self._late_started = False
        self._opening: Callable[[], bool] | None = None
        self.setWindowTitle(self.tr("Beachhead"))
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1280, 800)

    def _build_tabs(self) -> None:
        """The three tabs, each holding a placeholder until its view is built."""
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        loading = QLabel(self.tr("Loading…"))  # while the first portfolio is read
        loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._assess_host: QWidget = loading
        self.tabs.addTab(self._assess_host, self.tr("Assess"))
        self._compare_host = QWidget()
        self._framework_host = QWidget()
        self.tabs.addTab(self._compare_host, self.tr("Compare"))
        self.tabs.addTab(self._framework_host, self.tr("Framework"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.welcome = Welcome(self)  # the central widget: the tabs, or the welcome page

    # -- document binding -----------------------------------------------------------------
    @property
    def doc(self) -> Document:
        """The open portfolio (building the views first if needed)."""
        self.ensure_ready()
        assert self._doc is not None
        return self._doc

    @property
    def assess_view(self) -> AssessView:
        """The Assess view (built on first use)."""
        self.ensure_ready()
        assert self._assess_view is not None
        return self._assess_view

    def current_document(self) -> Document | None:
        """The open portfolio, ``None`` before the window has made or opened its first."""
        return self._doc

    def ensure_ready(self, doc: Document | None = None) -> None:
        """Import the domain and build the Assess view, once, on ``doc`` (default: an empty
        scratch portfolio); then matplotlib's radar, when the application is idle."""
        if self._doc is not None:
            return
        from gui.document import Document
        from gui.views.assess.view import AssessView

        self._doc = doc or Document.new(self)
        self._assess_view = AssessView(self._doc)
        self._swap_tab(0, self._assess_host, self._assess_view, self.tr("Assess"))
        self._bind_document()
        self._assess_view.results_panel.enable_radar_later()

    def _bind_document(self) -> None:
        doc = self.doc
        apply_to_document(self)  # new assessments' assessor and role (Preferences)
        self.menus.bind_undo_stack(doc.undo_stack)
        doc.undo_stack.indexChanged.connect(self.update_title)
        doc.undo_stack.indexChanged.connect(self._update_status)
        doc.writeRefused.connect(self._write_refused)
        doc.connectionChanged.connect(self._connection_changed)
        doc.structureChanged.connect(self._update_status)
        doc.scenarioChanged.connect(self._update_status)
        doc.frameworkChanged.connect(self._update_status)
        doc.pathChanged.connect(self.update_title)
        self.perspective_bar.set_document(doc)
        if self.assess_view.doc is not doc:  # not just built on it
            self.assess_view.set_document(doc)
        for view in (self.compare_view, self.framework_view):
            if view is not None:
                view.set_document(doc)  # type: ignore[attr-defined]
        self.update_title()
        self._update_status()
        self.offline_label.hide()
        self._told_offline = False
        if doc.watch is not None and doc.watch.offline:
            self._connection_changed(doc.watch.offline_reason)
        self.documentChanged.emit()

    def replace_document(self, doc: Document) -> None:
        """Show ``doc`` in every view instead of the open portfolio, which goes (without a
        question: see :meth:`~gui.portfolio_files.PortfolioFiles.maybe_save`)."""
        if self._doc is None:  # the first: the views are built on it
            self.ensure_ready(doc)
            return
        old = self.doc
        self._doc = doc
        self._bind_document()
        old.discard()
        old.deleteLater()

    def _write_refused(self, message: str) -> None:
        """Say why an edit was not made, in a dialog the first time only (then in the status
        bar) while the server is away or the same refusal comes again within 10 s, since
        every key typed into a field is refused too."""
        from gui.dialogs import ask

        offline, now = self.doc.watch is not None and self.doc.watch.offline, time.monotonic()
        again = message == self._refused[0] and now - self._refused[1] < 10
        told, self._told_offline, self._refused = self._told_offline, offline, (message, now)
        if (offline and told) or again:
            self.statusBar().showMessage(message, 8000)
            return
        ask.error(self, self.tr("Change not made"), message)

    def _connection_changed(self, reason: str) -> None:
        """Show, until it answers again, that the team workspace's server does not."""
        was_offline = not self.offline_label.isHidden()
        self.offline_label.setVisible(bool(reason))
        if reason:
            self.offline_label.setText(self.tr("Offline — reconnecting…"))
            self.offline_label.setToolTip(self.tr(
                "{name} cannot be reached ({reason}). What is on screen stays readable; "
                "changes are refused until the server answers again, which Beachhead "
                "checks by itself.").format(name=self.doc.display_name(), reason=reason))
        elif was_offline:
            self._told_offline = False
            self.statusBar().showMessage(self.tr(
                "{name} answers again: its changes are shown.").format(
                    name=self.doc.display_name()), 8000)

    def update_title(self) -> None:
        """Show the portfolio's file name in the title, and for a scratch portfolio whether
        it has changes kept nowhere yet."""
        self.setWindowTitle(self.tr("{name}[*] — Beachhead").format(name=self.doc.display_name()))
        self.setWindowModified(self.doc.is_modified())

    def _update_status(self, *_args: object) -> None:
        n_startups, n_assess = self.doc.counts()  # kept by the document, not counted here
        parts = [self.tr("%Ln startup(s)", "", n_startups) + list_separator()
                 + self.tr("%Ln assessment(s)", "", n_assess)]
        if self.doc.scenario is not None:
            from models.core.framework import text

            parts.append(self.tr("scenario: {name}").format(
                name=text(self.doc.scenario.name, self.lang)))
        fw = self.doc.framework  # the version every result on screen is computed with
        parts.append(self.tr("framework {id} {version}").format(id=fw.id, version=fw.version))
        self.status_label.setText("  ·  ".join(parts))

    # -- language -------------------------------------------------------------------------
    def set_language(self, lang: str, remember: bool = True) -> None:
        """Switch the interface to ``lang`` (``en`` or ``zh_CN``) without a restart, keeping
        the document, its undo history and the user's place (:mod:`gui.language_switch`)."""
        from gui.language_switch import switch_language

        switch_language(self, lang, remember)

    # -- views, built after the first paint ------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._late_started:
            self._late_started = True
            QTimer.singleShot(0, self.late_start)

    def start_with(self, opening: Callable[[], bool]) -> None:
        """Once the window has painted, call ``opening()``, which opens the first portfolio
        (True) or leaves the window to make an empty one (False)."""
        self._opening = opening

    def late_start(self) -> None:
        """Work kept off the start-up path: what :meth:`start_with` gave (opening the first
        portfolio, whose views are then built on it), else the domain and views on an empty
        portfolio."""
        opening, self._opening = self._opening, None
        if opening is None or not opening():
            self.ensure_ready()

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.ensure_compare_view()
        elif index == 2:
            self.ensure_framework_view()
        self.menus.edit.install_context_menus(self.tabs.widget(index))  # tables built late

    def ensure_compare_view(self) -> QWidget | None:
        """Create the Compare view on first use (it imports pandas and matplotlib)."""
        if self.compare_view is None:
            try:
                from gui.views.compare.view import CompareView
            except ImportError:
                return None
            self.compare_view = CompareView(self.doc)
            apply_to_analysis(self)  # the Uncertainty tab's draws and seed (Preferences)
            self.compare_view.assessmentActivated.connect(self._show_assessment)
            self.compare_view.openInAssess.connect(self.menus.edit.show_in_assess)
            # Compare follows the assessment chosen in Assess
            self.assess_view.assessmentShown.connect(self.compare_view.select_assessment)
            if self.assess_view.current_assessment_id():
                self.compare_view.select_assessment(self.assess_view.current_assessment_id())
            self._swap_tab(1, self._compare_host, self.compare_view, self.tr("Compare"))
        return self.compare_view

    def ensure_framework_view(self) -> QWidget | None:
        """Create the Framework view on first use."""
        if self.framework_view is None:
            try:
                from gui.views.framework.view import FrameworkView
            except ImportError:
                return None
            self.framework_view = FrameworkView(self.doc)
            self._swap_tab(2, self._framework_host, self.framework_view, self.tr("Framework"))
        return self.framework_view

    def _swap_tab(self, index: int, host: QWidget, view: QWidget, title: str) -> None:
        blocked = self.tabs.blockSignals(True)
        current = self.tabs.currentIndex()
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, view, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        host.deleteLater()
        self.menus.edit.install_context_menus(view)

    def _show_assessment(self, startup_id: str, assessment_id: str) -> None:
        self.assess_view.select_startup(startup_id, assessment_id or None)

    def show_view(self, name: str) -> None:
        """Switch to ``assess``, ``compare`` or ``framework``."""
        self.tabs.setCurrentIndex({"assess": 0, "compare": 1, "framework": 2}[name])
        self.welcome.leave()  # from the welcome page too, when a portfolio is open

    # -- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = _dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_dropped(paths))

    def open_dropped(self, paths: list[Path]) -> None:
        """Open a dropped portfolio, or import dropped workbooks."""
        portfolios = [p for p in paths if p.suffix.lower() == ".beachhead"]
        workbooks = [p for p in paths if p.suffix.lower() == ".xlsx"]
        if portfolios:
            self.files.open_document(portfolios[0])
        elif workbooks:
            self.file_jobs.import_workbooks(workbooks)

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_save():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.files.end_session()
        event.accept()


def _dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files of a drag that the window can take."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in DROP_SUFFIXES]
