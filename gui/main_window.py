"""Beachhead's main window: the three views, the menus, files, autosave and recovery."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QWidget

from gui.dialogs import ask
from gui.i18n import LANGUAGES, install_language, language
from gui.recovery import AUTOSAVE_INTERVAL_MS, RecoveryStore
from gui.settings import AppSettings

if TYPE_CHECKING:
    from gui.document import Document
    from gui.views.assess.view import AssessView

log = logging.getLogger("beachhead")

STYLE_SHEET = """
#criterionEditor { border: 1px solid #d5d8de; border-left: 4px solid #2f6fb0;
                   border-radius: 4px; background: palette(base); }
#criterionEditor[scored="false"] { border-left: 4px dashed #b8bcc4; }
#criterionEditor:focus { border: 1px solid #2f6fb0; border-left: 4px solid #2f6fb0; }
#criterionEditor QToolButton { padding: 3px 8px; }
#criterionEditor QToolButton:checked { background: #2f6fb0; color: white; font-weight: bold;
                                       border: 1px solid #24568a; border-radius: 3px; }
#statusLabel { color: #8a6d00; font-style: italic; }
#sourceLabel { color: #2f6fb0; }
#questionLabel { color: #444; }
#rubricLabel { background: #f4f6f9; padding: 4px; border-radius: 3px; }
"""



class MainWindow(QMainWindow):
    """The application window.

    Args:
        settings: where geometry, recent files and the last folder are remembered.
        recovery: where recovery copies go (default: the user's data folder).

    Signals:
        documentChanged(): a different portfolio is now open (New, Open, recovery).
    """

    documentChanged = Signal()

    def __init__(self, settings: AppSettings | None = None,
                 recovery: RecoveryStore | None = None) -> None:
        super().__init__()
        self.settings = settings or AppSettings()
        self.recovery = recovery or RecoveryStore()
        self.setObjectName("mainWindow")
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
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self._assess_host = QLabel(self.tr("Loading…"))
        self.tabs.addTab(self._assess_host, self.tr("Assess"))
        self._compare_host = QWidget()
        self._framework_host = QWidget()
        self.tabs.addTab(self._compare_host, self.tr("Compare"))
        self.tabs.addTab(self._framework_host, self.tr("Framework"))
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self._build_actions()
        self._build_menus()
        from gui.jobs.files import FileJobs

        self.file_jobs = FileJobs(self)
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self._autosave_timer.timeout.connect(self.autosave)
        self._autosave_timer.start()
        self._late_started = False
        self.setWindowTitle(self.tr("Beachhead"))
        if self.settings.geometry is not None:
            self.restoreGeometry(self.settings.geometry)
        else:
            self.resize(1280, 800)

    # -- actions and menus ----------------------------------------------------------------
    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        sk = QKeySequence.StandardKey
        self.new_action = self._action(self.tr("&New"), self.new_document, sk.New,
                                       self.tr("Start an empty portfolio"))
        self.open_action = self._action(self.tr("&Open…"), self.open_document, sk.Open,
                                        self.tr("Open a portfolio"))
        self.save_action = self._action(self.tr("&Save"), self.save, sk.Save)
        self.save_as_action = self._action(self.tr("Save &As…"), self.save_as, sk.SaveAs)
        self.quit_action = self._action(self.tr("&Quit"), self.close, sk.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.view_actions = []
        for i, name in enumerate((self.tr("&Assess"), self.tr("&Compare"),
                                  self.tr("&Framework"))):
            self.view_actions.append(self._action(
                name, lambda i=i: self.tabs.setCurrentIndex(i), f"Ctrl+{i + 1}"))
        self.language_actions: dict[str, QAction] = {}
        for lang, label in LANGUAGES.items():
            # each language is named in itself, so anyone can find their own
            action = QAction(label, self)
            action.setCheckable(True)
            action.setChecked(lang == self.lang)
            action.triggered.connect(lambda _c=False, lang=lang: self.set_language(lang))
            self.language_actions[lang] = action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.file_menu.addAction(self.new_action)
        self.file_menu.addAction(self.open_action)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.file_menu.addMenu(self.recent_menu)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.save_action)
        self.file_menu.addAction(self.save_as_action)
        self.file_menu.addSeparator()
        self._file_menu_extra_at = self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        for action in self.view_actions:
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu(self.tr("&Language"))
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self._fill_recent_menu()

    def add_file_action(self, action: QAction) -> None:
        """Add an action (import, export, report) to the File menu above Quit."""
        self.file_menu.insertAction(self._file_menu_extra_at, action)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        files = self.settings.recent_files
        for path in files:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _c=False, p=path: self.open_document(Path(p)))
        if not files:
            empty = self.recent_menu.addAction(self.tr("No recent files"))
            empty.setEnabled(False)
        self.recent_menu.setEnabled(True)

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

    def ensure_ready(self) -> None:
        """Import the domain and build the document and the Assess view, once."""
        if self._doc is not None:
            return
        from gui.document import Document
        from gui.views.assess.view import AssessView
        from models.core.portfolio import Portfolio
        from models.files.framework_file import default_framework

        self._doc = Document(Portfolio(framework=default_framework()), None, self)
        self._assess_view = AssessView(self._doc)
        self._swap_tab(0, self._assess_host, self._assess_view, self.tr("Assess"))
        self._bind_document()

    def _fill_edit_menu(self) -> None:
        doc = self.doc
        self.edit_menu.clear()
        undo = doc.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = doc.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.undo_action, self.redo_action = undo, redo
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)

    def _bind_document(self) -> None:
        doc = self.doc
        self._fill_edit_menu()
        doc.undo_stack.cleanChanged.connect(self._update_title)
        doc.undo_stack.indexChanged.connect(self._update_status)
        doc.structureChanged.connect(self._update_status)
        doc.scenarioChanged.connect(self._update_status)
        doc.pathChanged.connect(self._update_title)
        self.assess_view.set_document(doc)
        for view in (self.compare_view, self.framework_view):
            if view is not None:
                view.set_document(doc)  # type: ignore[attr-defined]
        self._update_title()
        self._update_status()
        self.documentChanged.emit()

    def _replace_document(self, doc: Document) -> None:
        old = self.doc
        self._doc = doc
        self._bind_document()
        self.recovery.clear()
        old.deleteLater()

    def _update_title(self) -> None:
        self.setWindowTitle(self.tr("{name}[*] — Beachhead").format(name=self.doc.display_name()))
        self.setWindowModified(self.doc.is_modified())

    def _update_status(self, *_args: object) -> None:
        p = self.doc.portfolio
        n_assess = sum(len(s.assessments) for s in p.startups)
        parts = [self.tr("{n} startups, {m} assessments").format(n=len(p.startups), m=n_assess)]
        if self.doc.scenario is not None:
            from models.core.framework import text

            parts.append(self.tr("scenario: {name}").format(
                name=text(self.doc.scenario.name, self.lang)))
        self.status_label.setText("  ·  ".join(parts))

    # -- language -------------------------------------------------------------------------
    def set_language(self, lang: str, remember: bool = True) -> None:
        """Switch the interface to ``lang`` (``en`` or ``zh_CN``) without a restart.

        Installs the translators, then rebuilds the menus and the views in the new language;
        the open document, its undo history and the chosen startup and tab are kept.
        """
        if remember:
            self.settings.language = lang
        for action_lang, action in self.language_actions.items():
            action.setChecked(action_lang == lang)
        if lang == self.lang:
            return
        install_language(lang)
        self.lang = lang
        self._rebuild_menus()
        if self._doc is not None:
            # results carry posture and deal-breaker names: score again in the new language
            # (quietly: the views that would react are rebuilt next)
            blocked = self._doc.blockSignals(True)
            self._doc.rescore_all()
            self._doc.blockSignals(blocked)
            self._rebuild_views()
            self._update_title()
            self._update_status()
        else:
            self.tabs.setTabText(0, self.tr("Assess"))
            self.tabs.setTabText(1, self.tr("Compare"))
            self.tabs.setTabText(2, self.tr("Framework"))
            self.setWindowTitle(self.tr("Beachhead"))

    def _rebuild_menus(self) -> None:
        old_actions = [self.new_action, self.open_action, self.save_action,
                       self.save_as_action, self.quit_action, *self.view_actions,
                       *self.language_actions.values()]
        old_menus = [self.file_menu, self.recent_menu, self.edit_menu, self.view_menu]
        self.menuBar().clear()
        for action in old_actions:
            self.removeAction(action)
            action.deleteLater()
        self._build_actions()
        self._build_menus()
        self.file_jobs.retranslate()
        for action in (self.file_jobs.import_action, self.file_jobs.export_action,
                       self.file_jobs.report_action):
            self.add_file_action(action)
        if self._doc is not None:
            self._fill_edit_menu()
        for menu in old_menus:
            menu.deleteLater()

    def _rebuild_views(self) -> None:
        from gui.views.assess.view import AssessView

        current_tab = self.tabs.currentIndex()
        old = self.assess_view
        startup_id = old.current_startup().id if old.current_startup() else ""
        assessment_id = old.current_assessment_id()
        self._assess_view = AssessView(self.doc)
        if startup_id:
            self._assess_view.select_startup(startup_id, assessment_id or None)
        self._swap_tab(0, old, self._assess_view, self.tr("Assess"))
        for index, attr, make in ((1, "compare_view", self.ensure_compare_view),
                                  (2, "framework_view", self.ensure_framework_view)):
            view = getattr(self, attr)
            if view is None:
                self.tabs.setTabText(index, (self.tr("Compare"), self.tr("Framework"))[index - 1])
                continue
            setattr(self, attr, None)
            # a panel's background computation (uncertainty) goes with the old view
            for panel in view.findChildren(QWidget):
                job = getattr(panel, "job", None)
                if job is not None and job.is_running():
                    job.cancel()
            host = QWidget()
            self._swap_tab(index, view, host, "")
            if index == 1:
                self._compare_host = host
            else:
                self._framework_host = host
            make()
        self.tabs.setCurrentIndex(current_tab)
        QTimer.singleShot(0, self.assess_view.results_panel.enable_radar)

    # -- late start (after the first paint) ------------------------------------------------
    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not self._late_started:
            self._late_started = True
            QTimer.singleShot(0, self.late_start)

    def late_start(self) -> None:
        """Work kept off the start-up path: the domain and views, then matplotlib's radar."""
        self.ensure_ready()
        QTimer.singleShot(0, self.assess_view.results_panel.enable_radar)

    def _tab_changed(self, index: int) -> None:
        if index == 1:
            self.ensure_compare_view()
        elif index == 2:
            self.ensure_framework_view()

    def ensure_compare_view(self) -> QWidget | None:
        """Create the Compare view on first use (it imports pandas and matplotlib)."""
        if self.compare_view is None:
            try:
                from gui.views.compare.view import CompareView
            except ImportError:
                return None
            self.compare_view = CompareView(self.doc)
            self.compare_view.assessmentActivated.connect(self._show_assessment)
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

    def _show_assessment(self, startup_id: str, assessment_id: str) -> None:
        self.assess_view.select_startup(startup_id, assessment_id or None)

    def show_view(self, name: str) -> None:
        """Switch to ``assess``, ``compare`` or ``framework``."""
        self.tabs.setCurrentIndex({"assess": 0, "compare": 1, "framework": 2}[name])

    # -- files ----------------------------------------------------------------------------
    def maybe_save(self) -> bool:
        """Ask about unsaved changes; True when it is fine to discard the document now."""
        if not self.doc.is_modified():
            return True
        answer = ask.save_changes(self, self.doc.display_name())
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_document(self) -> None:
        """Start an empty portfolio with the default framework."""
        if not self.maybe_save():
            return
        from gui.document import Document
        from models.core.portfolio import Portfolio
        from models.files.framework_file import default_framework

        self._replace_document(Document(Portfolio(framework=default_framework()), None, self))

    def open_document(self, path: Path | None = None) -> bool:
        """Open ``path`` (or ask for one); True on success."""
        if path is None:
            chosen = ask.open_file(self, self.tr("Open portfolio"), self.settings.last_folder,
                                   self.tr("Beachhead portfolios (*.beachhead)"))
            if not chosen:
                return False
            path = Path(chosen)
        if not self.maybe_save():
            return False
        from gui.document import Document
        from models.core.errors import InputError

        try:
            doc = Document.load(path, self)
        except InputError as exc:
            if not Path(path).exists():
                self.settings.remove_recent_file(path)
            ask.error(self, self.tr("Cannot open portfolio"),
                      self.tr("{name} could not be opened.").format(name=Path(path).name),
                      str(exc))
            return False
        self._replace_document(doc)
        self._remember(path)
        return True

    def _remember(self, path: Path) -> None:
        self.settings.add_recent_file(path)
        self.settings.last_folder = str(Path(path).resolve().parent)

    def save(self) -> bool:
        """Save to the current file (asks for one if the document is new)."""
        if self.doc.path is None:
            return self.save_as()
        return self._save_to(self.doc.path)

    def save_as(self) -> bool:
        """Ask for a file name and save there."""
        folder = self.settings.last_folder or str(Path.home())
        suggested = str(Path(folder) / (self.doc.path.name if self.doc.path else
                                        "portfolio.beachhead"))
        chosen = ask.save_file(self, self.tr("Save portfolio"), suggested,
                               self.tr("Beachhead portfolios (*.beachhead)"))
        if not chosen:
            return False
        path = Path(chosen)
        if path.suffix.lower() != ".beachhead":
            path = path.with_name(path.name + ".beachhead")
        return self._save_to(path)

    def _save_to(self, path: Path) -> bool:
        try:
            self.doc.save(path)
        except OSError as exc:
            from models.core.errors import write_failure

            ask.error(self, self.tr("Cannot save"),
                      self.tr("The portfolio could not be saved to {path}; the previous file is "
                              "unchanged.").format(path=path), write_failure(exc, path))
            return False
        self._remember(path)
        self.recovery.clear()
        self._update_title()
        self.statusBar().showMessage(self.tr("Saved {name}").format(name=path.name), 4000)
        return True

    # -- autosave and recovery ------------------------------------------------------------
    def autosave(self) -> None:
        """Write a recovery copy if there are unsaved changes (runs every minute)."""
        if not self.doc.is_modified():
            return
        try:
            self.recovery.save(self.doc.portfolio, self.doc.path)
        except OSError as exc:
            log.warning("autosave failed: %s", exc)

    def offer_recovery(self) -> bool:
        """If an earlier session crashed, offer its recovery copy; True if one was restored."""
        copies = self.recovery.found()
        if not copies:
            return False
        newest = copies[0]
        name = Path(newest.original).name if newest.original else self.tr("an unsaved portfolio")
        restore = ask.confirm(self, self.tr("Recover unsaved work"), self.tr(
            "Beachhead did not close properly last time. Restore the unsaved changes to {name} "
            "from {time}?").format(name=name, time=newest.saved_at.replace("T", " ")))
        if not restore:
            for c in copies:
                c.discard()
            return False
        from gui.document import Document
        from models.core.errors import InputError

        try:
            portfolio = newest.load()
        except InputError as exc:
            ask.error(self, self.tr("Cannot recover"),
                      self.tr("The recovery copy could not be read."), str(exc))
            return False
        original = Path(newest.original) if newest.original else None
        doc = Document(portfolio, original, self)
        self._replace_document(doc)
        # the recovered changes are not in the original file yet: mark them unsaved
        doc.undo_stack.resetClean()
        self._update_title()
        for c in copies:
            c.discard()
        self.recovery.save(doc.portfolio, original)
        return True

    # -- drag and drop --------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped_paths(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self._dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        QTimer.singleShot(0, lambda: self.open_dropped(paths))

    def _dropped_paths(self, mime) -> list[Path]:  # type: ignore[no-untyped-def]
        if not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in self.dropped_suffixes()]

    def dropped_suffixes(self) -> set[str]:
        """File types that can be dropped on the window."""
        return {".beachhead", ".xlsx"}

    def open_dropped(self, paths: list[Path]) -> None:
        """Open a dropped portfolio, or import dropped workbooks."""
        portfolios = [p for p in paths if p.suffix.lower() == ".beachhead"]
        workbooks = [p for p in paths if p.suffix.lower() == ".xlsx"]
        if portfolios:
            self.open_document(portfolios[0])
        elif workbooks:
            self.file_jobs.import_workbooks(workbooks)

    # -- closing --------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.settings.geometry = self.saveGeometry()
        self.settings.sync()
        self.recovery.clear()
        self._autosave_timer.stop()
        event.accept()

