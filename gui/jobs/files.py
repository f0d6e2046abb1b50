"""File ▸ Import Workbooks, Export Workbook and Export Report: long file jobs run in a worker
process with a progress dialog and Cancel. An export writes its destination through the one
atomic writer (:mod:`models.files.atomic`), so it is replaced only when the export succeeds and
a cancelled export's temporary file is removed; an import changes the portfolio only at the
end, as one undoable command."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QProgressDialog

from gui.dialogs import ask, with_suffix
from gui.jobs import targets as job_targets

if TYPE_CHECKING:
    from gui.document import Document
    from gui.jobs.process import ProcessJob
    from gui.main_window import MainWindow
    from gui.report_options import ReportChoice


class FileJobs(QObject):
    """Adds Import Workbooks, Export Workbook and Export Report to a main window's File menu
    and runs them off the UI thread.

    Attributes:
        job: the running :class:`~gui.jobs.process.ProcessJob`, if any (tests wait on it).
        last_result: what the last finished job returned.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.job: ProcessJob | None = None
        self.last_result: dict[str, Any] | None = None
        self._target: Path | None = None
        self._progress: QProgressDialog | None = None
        self.export_action = QAction(window)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(lambda _c=False: self.export_workbook())
        self.import_action = QAction(window)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda _c=False: self.import_workbooks())
        self.report_action = QAction(window)
        self.report_action.setShortcut(QKeySequence("Ctrl+R"))
        self.report_action.triggered.connect(lambda _c=False: self.export_report())
        self.template_action = QAction(window)
        self.template_action.triggered.connect(lambda _c=False: self.export_template())
        self.retranslate()
        for action in (self.import_action, self.export_action, self.report_action,
                       self.template_action):
            window.menus.add_file_action(action)

    def retranslate(self) -> None:
        """Set the actions' texts in the interface language now installed."""
        self.export_action.setText(self.tr("&Export Workbook…"))
        self.export_action.setStatusTip(self.tr(
            "Write an Excel workbook with live formulas for people without Beachhead"))
        self.import_action.setText(self.tr("&Import Workbooks…"))
        self.import_action.setStatusTip(self.tr(
            "Add founders' filled templates or Beachhead workbooks to this portfolio"))
        self.report_action.setText(self.tr("Export Re&port…"))
        self.report_action.setStatusTip(self.tr(
            "Write a PDF ranking the startups, with a page per startup: all of them, those "
            "selected, or the best under the perspective"))
        self.template_action.setText(self.tr("Export &Founder Template…"))
        self.template_action.setStatusTip(self.tr(
            "Write a workbook founders fill in with their own scores, for this portfolio's "
            "framework and in the interface language; Import Workbooks reads it back"))

    # -- export ---------------------------------------------------------------------------
    def export_workbook(self, target: Path | None = None) -> bool:
        """Ask where to write (unless ``target``), then export in the background, the
        Summary ranking the startups under the window's perspective, gates setting and
        scenario, with the Monte Carlo draws and seed of Preferences."""
        out = self._output(target, self.tr("Export workbook"), ".xlsx",
                           self.tr("Excel workbooks (*.xlsx)"))
        if out is None:
            return False
        from models.files.portfolio_file import dumps_portfolio

        w = self.window
        scenario = w.doc.scenario.id if w.doc.scenario else None
        self._start(
            self.tr("Exporting workbook…"), job_targets.export_workbook_job,
            (dumps_portfolio(w.doc.portfolio), str(out), w.lang, w.doc.perspective,
             w.doc.ignore_gates, scenario, w.settings.analysis_draws, w.settings.analysis_seed),
            out, lambda result: self._export_done(result, out))
        return True

    def _busy(self) -> bool:
        return self.job is not None and self.job.is_running()

    def _output(self, target: Path | None, title: str, suffix: str, filters: str,
                name: str = "{portfolio}") -> Path | None:
        """The file a job is to write: ``target``, else the one the user chooses; None when
        a job is running, the user cancels, or the folder cannot be written (said so)."""
        if self._busy():
            return None
        if target is None:
            target = self._ask_target(title, suffix, filters, name)
        return target if target is not None and self._writable(target) else None

    def _ask_target(self, title: str, suffix: str, filters: str, name: str) -> Path | None:
        """Asked, suggesting ``name`` (its ``{portfolio}``: the portfolio file's name) with
        ``suffix`` beside the portfolio file (else in the folder used last)."""
        w = self.window
        path = w.doc.path
        folder = path.parent if path else Path(w.settings.last_folder or Path.home())
        stem = name.format(portfolio=path.stem if path else "portfolio")
        chosen = ask.save_file(w, title, str(folder / f"{stem}{suffix}"), filters)
        return with_suffix(chosen, suffix) if chosen else None

    def _writable(self, target: Path) -> bool:
        """True when ``target``'s folder exists and can be written and no workspace (or, at
        the end of a symbolic link, a file of another kind) would be replaced; else says so
        (:func:`models.store.sqlite.unlike_target`, as the command line decides)."""
        from gui.i18n import language
        from models.core.errors import file_in_the_way
        from models.store.sqlite import is_workspace, unlike_target

        folder, unlike = target.parent, unlike_target(target)
        if unlike is None and folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
            return True
        if unlike is not None and is_workspace(unlike):
            reason = self.tr("{file} is a workspace, which an export never replaces. Choose "
                             "another name.").format(file=unlike)
        elif unlike is not None:
            reason = self.tr("it is a link to {file}, which is not a {suffix} file. Choose "
                             "another name.").format(file=unlike, suffix=target.suffix.lower())
        elif folder.is_dir():
            reason = self.tr("the folder {folder} is read-only for you. Choose another "
                             "folder.").format(folder=folder)
        elif file_in_the_way(target):  # afile/x.xlsx, afile a file
            reason = file_in_the_way(target, language())
        else:
            reason = self.tr("the folder {folder} does not exist. Choose an existing "
                             "folder.").format(folder=folder)
        ask.error(self.window, self.tr("Cannot export"), self.tr(
            "Could not export to {file}: {reason}").format(file=target, reason=reason))
        return False

    # -- report ---------------------------------------------------------------------------
    def export_report(self, target: Path | None = None, choice: ReportChoice | None = None
                      ) -> bool:
        """Ask which startups to cover (unless ``choice``: all, those selected in the window,
        or the top N) and where to write (unless ``target``), then write the PDF report in
        the background, ranked under the window's perspective and gates setting: the ranking,
        then a page per startup, its bands drawn with the draws and seed of Preferences."""
        if self._busy():
            return False
        w = self.window
        if choice is None:
            from gui.perspective import perspective_label

            choice = ask.report_options(w, self.selected_startups(),
                                        len(w.doc.portfolio.startups),
                                        perspective_label(w.doc.perspective),
                                        w.doc.ignore_gates)
            if choice is None:
                return False
        out = self._output(target, self.tr("Export report"), ".pdf",
                           self.tr("PDF documents (*.pdf)"))
        if out is None:
            return False
        from models.files.portfolio_file import dumps_portfolio

        scenario = w.doc.scenario.id if w.doc.scenario else None
        self._start(
            self.tr("Writing report…"), job_targets.report_job,
            (dumps_portfolio(w.doc.portfolio), str(out), w.lang, choice.startup_ids(),
             choice.top_n(), w.doc.perspective, w.doc.ignore_gates, scenario,
             w.settings.analysis_draws, w.settings.analysis_seed),
            out, lambda result: self._report_done(result, out))
        return True

    def selected_startups(self) -> list[tuple[str, str]]:
        """(id, name) of the startups selected in the view on screen, in document order: the
        Compare table's rows when Compare is shown, else the Assess list's."""
        from gui.tables.roles import StartupIdRole

        w = self.window
        compare = w.compare_view if w.tabs.currentIndex() == 1 else None
        table = getattr(compare, "table", None)
        if table is not None:
            ids = {i.data(StartupIdRole) for i in table.selectionModel().selectedRows()}
        else:
            ids = set(w.assess_view.selected_startup_ids())
        return [(st.id, st.name) for st in w.doc.portfolio.startups if st.id in ids]

    def _report_done(self, result: dict[str, Any], target: Path) -> None:
        self._offer(target, self.tr("Report written"), self.tr(
            "Wrote the report to {file}: {pages}.").format(
                file=target, pages=self.tr("%n page(s)", "", int(result["pages"]))))

    def _export_done(self, result: dict[str, Any], target: Path) -> None:
        self._offer(target, self.tr("Workbook exported"), self.tr(
            "Exported {assessments} to {file}.").format(
                file=target,
                assessments=self.tr("%n assessment(s)", "", int(result["assessments"]))),
            result.get("warnings") or [])

    def _offer(self, target: Path, title: str, message: str,
               warnings: list[str] | None = None) -> None:
        """Say that ``target`` was written (and which texts had to change to fit in a
        workbook), offering to open it or show it in its folder."""
        from gui.reveal import reveal_written

        self.window.statusBar().showMessage(self.tr("Wrote {name}").format(name=target.name),
                                            6000)
        note = ""
        if warnings:
            note = self.tr("Some texts had to change to fit in a workbook:") + "\n" + \
                self._lines(warnings, 20)
        answer = ask.exported(self.window, title, message, note)
        problem = reveal_written(target, answer)
        if problem:
            ask.error(self.window, self.tr("Cannot open the file") if answer == "open" else
                      self.tr("Cannot show the folder"), problem)

    # -- template -------------------------------------------------------------------------
    def export_template(self, target: Path | None = None) -> bool:
        """Ask where to write (unless ``target``), then write the founder template for the
        portfolio's framework, in the interface language, in the background."""
        out = self._output(target, self.tr("Export founder template"), ".xlsx",
                           self.tr("Excel workbooks (*.xlsx)"),
                           self.tr("{portfolio} – founder template"))
        if out is None:
            return False
        w = self.window
        self._start(self.tr("Writing template…"), job_targets.template_job,
                    (w.doc.framework.model_dump_json(), str(out), w.lang), out,
                    lambda result: self._offer(out, self.tr("Template written"), self.tr(
                        "Wrote the founder template to {file}. Founders fill in their scores; "
                        "Import Workbooks reads it back.").format(file=out),
                        result.get("warnings") or []))
        return True

    # -- import ---------------------------------------------------------------------------
    def import_workbooks(self, paths: list[Path] | None = None) -> bool:
        """Ask for workbooks (unless ``paths``), read them in the background, then add them
        to the portfolio as one undoable change."""
        w = self.window
        if self._busy():
            return False
        if paths is None:
            chosen = ask.open_files(w, self.tr("Import workbooks"), w.settings.last_folder,
                                    self.tr("Excel workbooks (*.xlsx)"))
            if not chosen:
                return False
            paths = [Path(p) for p in chosen]
        w.settings.last_folder = str(Path(paths[0]).resolve().parent)
        doc = w.doc  # the import lands in this portfolio only (not one opened meanwhile)
        names = [str(p) for p in paths]
        self._start(self.tr("Reading workbooks…"), job_targets.import_workbooks_job,
                    (names, doc.framework.model_dump_json(), w.lang), None,
                    lambda report: self._import_read(report, doc, doc.display_name()),
                    on_failed=lambda message, details: self._import_failed(
                        names, message, details))
        return True

    def _import_failed(self, paths: list[str], message: str, details: str) -> None:
        from gui.jobs.import_results import ImportResults

        ImportResults(self.window).failed(paths, message, details)

    def _import_read(self, report: Any, doc: Document, name: str) -> None:
        from gui.jobs.import_results import ImportResults

        results = ImportResults(self.window)
        self.last_result = results.apply(report) if self.window.current_document() is doc \
            else results.superseded(report, name)

    def _lines(self, items: list[Any], most: int = 40) -> str:
        """One item a line, at most ``most`` of them."""
        text = "\n".join(str(p) for p in items[:most])
        if len(items) > most:
            text += "\n" + self.tr("… and {n} more").format(n=len(items) - most)
        return text

    # -- running jobs ---------------------------------------------------------------------
    def _start(self, title: str, target: Callable[..., Any], args: tuple,
               output: Path | None, on_done: Callable[[Any], None],
               on_failed: Callable[[str, str], None] | None = None) -> None:
        from gui.jobs.process import ProcessJob  # multiprocessing: not on the start-up path

        self._target = output
        job = ProcessJob(target, args, self)
        dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, self.window)
        dialog.setWindowTitle(self.tr("Beachhead"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(300)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(job.cancel)
        job.progress.connect(self._on_progress)
        job.finished.connect(lambda result: self._on_finished(result, on_done))
        job.failed.connect(lambda message, details: self._on_failed(message, details,
                                                                     on_failed))
        job.cancelled.connect(self._on_cancelled)
        self.job, self._progress = job, dialog
        job.start()

    def _on_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(max(total, 1))
            self._progress.setValue(min(done, total))

    def _close(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        if self._target is not None:
            # the worker has ended: a temporary file it left (cancelled, crashed) is free
            from models.files.atomic import remove_stale_temporaries

            remove_stale_temporaries(self._target)
            self._target = None

    def _on_finished(self, result: Any, on_done: Callable[[Any], None]) -> None:
        self._close()  # the progress dialog goes before any message
        self.last_result = result
        on_done(result)

    def _on_failed(self, message: str, details: str,
                   explain: Callable[[str, str], None] | None = None) -> None:
        """A job ended in an error: ``details`` holds a traceback when the error was
        unexpected (a fault inside Beachhead), else ``message`` is the reason (a file that
        cannot be written, say), which names the file."""
        target = self._target
        self._close()
        if explain is not None:
            explain(message, details)
        elif details:
            ask.error(self.window, self.tr("The export failed"), self.tr(
                "Could not export to {file}: Beachhead met an unexpected problem ({error}). "
                "Nothing was written. Try again; if it happens again, report it with the "
                "details below.").format(file=target, error=message), details)
        else:
            reason = message.removeprefix(f"{target}: ")  # a failed write names the file
            ask.error(self.window, self.tr("Cannot export"), self.tr(
                "Could not export to {file}: {reason}").format(file=target, reason=reason))

    def _on_cancelled(self) -> None:
        self._close()
        self.window.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 6000)
