"""File ▸ Import Workbooks, Export Workbook and Export Report: long file jobs run in a worker
process with a progress dialog and Cancel. An export writes its destination through the one
atomic writer (:mod:`models.files.atomic`), so it is replaced only when the export succeeds and
a cancelled export's temporary file is removed; an import changes the portfolio only at the
end, as one undoable command."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QProgressDialog

from gui.dialogs import ask, with_suffix
from gui.jobs import targets as job_targets
from gui.jobs.process import ProcessJob

if TYPE_CHECKING:
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
        self.retranslate()
        for action in (self.import_action, self.export_action, self.report_action):
            window.menus.add_file_action(action)

    def retranslate(self) -> None:
        """Set the actions' texts in the interface language now installed."""
        self.export_action.setText(self.tr("&Export Workbook…"))
        self.export_action.setStatusTip(self.tr(
            "Write an Excel workbook with live formulas for people without Beachhead"))
        self.import_action.setText(self.tr("&Import Workbooks…"))
        self.import_action.setStatusTip(self.tr(
            "Add founders' filled templates or Beachhead workbooks to this portfolio"))
        self.report_action.setText(self.tr("Export &Report…"))
        self.report_action.setStatusTip(self.tr(
            "Write a PDF ranking the startups, with a page per startup: all of them, those "
            "selected, or the best under the perspective"))

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

    def _output(self, target: Path | None, title: str, suffix: str,
                filters: str) -> Path | None:
        """The file a job is to write: ``target``, else the one the user chooses; None when
        a job is running, the user cancels, or the folder cannot be written (said so)."""
        if self._busy():
            return None
        if target is None:
            target = self._ask_target(title, suffix, filters)
        return target if target is not None and self._writable(target) else None

    def _ask_target(self, title: str, suffix: str, filters: str) -> Path | None:
        w = self.window
        base = w.doc.path.with_suffix(suffix) if w.doc.path else \
            Path(w.settings.last_folder or Path.home()) / f"portfolio{suffix}"
        chosen = ask.save_file(w, title, str(base), filters)
        return with_suffix(chosen, suffix) if chosen else None

    def _writable(self, target: Path) -> bool:
        """True when ``target``'s folder exists and can be written; else says so."""
        folder = target.parent
        if folder.is_dir() and os.access(folder, os.W_OK | os.X_OK):
            return True
        from models.core.errors import write_failure

        code = errno.EACCES if folder.is_dir() else errno.ENOENT
        ask.error(self.window, self.tr("Cannot export"), self.tr(
            "The file cannot be written in {folder}.").format(folder=folder),
            write_failure(OSError(code, os.strerror(code), str(target)), target))
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
            out, lambda result: self._file_done(result, out))
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

    def _file_done(self, result: dict[str, Any], target: Path) -> None:
        self.window.statusBar().showMessage(
            self.tr("Wrote {name}").format(name=target.name), 6000)

    def _export_done(self, result: dict[str, Any], target: Path) -> None:
        warnings = result.get("warnings") or []
        self.window.statusBar().showMessage(
            self.tr("Exported {n} assessments to {name}").format(
                n=result["assessments"], name=target.name), 6000)
        if warnings:
            ask.info(self.window, self.tr("Workbook exported"), self.tr(
                "The workbook was written. Some texts had to change to fit in a workbook:\n"
                "{items}").format(items="\n".join(str(x) for x in warnings[:20])))

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
        framework_json = w.doc.framework.model_dump_json()
        names = [str(p) for p in paths]
        self._start(self.tr("Reading workbooks…"), job_targets.import_workbooks_job,
                    (names, framework_json), None, self._import_read,
                    on_failed=lambda message, details: self._import_failed(
                        names, message, details))
        return True

    def _import_failed(self, paths: list[str], message: str, details: str) -> None:
        """The import's own process stopped (each workbook is read in a reader process of
        its own, so a file that kills its reader is named in the report instead): name the
        workbooks that were being read."""
        ask.error(self.window, self.tr("The import failed"), self.tr(
            "The import stopped unexpectedly ({reason}) while reading these workbooks:\n"
            "{files}").format(reason=message, files=self._lines(paths, 20)), details)

    def _import_read(self, report: Any) -> None:
        from gui.commands import ImportStartups
        from models.workbook.importing.batch import plan_merge

        w = self.window
        if not report.ok:
            good = [f for f in report.files if f.ok]
            problems = "\n".join(str(p) for p in report.problems[:40])
            more = len(report.problems) - 40
            if more > 0:
                problems += "\n" + self.tr("… and {n} more").format(n=more)
            if not good:
                ask.error(w, self.tr("Nothing imported"), self.tr(
                    "None of the {n} workbook(s) could be imported.").format(
                        n=len(report.files)), problems)
                self.last_result = {"imported": 0, "report": report}
                return
            if not ask.confirm(w, self.tr("Some workbooks have problems"), self.tr(
                    "{bad} of {n} workbook(s) cannot be imported:\n\n{problems}\n\n"
                    "Import the {good} good one(s) and leave the others out?").format(
                        bad=len(report.refused), n=len(report.files), good=len(good),
                        problems=problems)):
                self.last_result = {"imported": 0, "report": report}
                return
            report.skip_bad = True
        plan = plan_merge(w.doc.portfolio, report)
        if plan.new_startups or plan.new_assessments or plan.field_updates:
            w.doc.undo_stack.push(ImportStartups(w.doc, plan.new_startups,
                                                 plan.new_assessments, plan.field_updates))
        n = len(plan.new_assessments) + sum(len(s.assessments) for s in plan.new_startups)
        message = self.tr("Imported {n} assessment(s) from {files} workbook(s).").format(
            n=n, files=len(report.imported))
        parts = [message]
        if plan.duplicates:
            parts.append(self.tr("Already in the portfolio, so left out:") + "\n"
                         + self._lines(plan.duplicates))
        # look-alike startups kept apart, weights the portfolio does not take, cells not
        # scored or cleaned: each names its file, sheet and cell
        others = [*plan.look_alikes, *plan.weight_notes, *report.notes]
        if others:
            parts.append(self.tr("Worth a look:") + "\n" + self._lines(others))
        if len(parts) > 1:
            ask.info(w, self.tr("Workbooks imported"), "\n\n".join(parts))
        w.statusBar().showMessage(message, 8000)
        if plan.new_startups:
            w.assess_view.select_startup(plan.new_startups[0].id)
        self.last_result = {"imported": n, "report": report}

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
        try:
            self.last_result = result
            on_done(result)
        except OSError as exc:
            from models.core.errors import write_failure

            ask.error(self.window, self.tr("Cannot write the file"), write_failure(exc))
        finally:
            self._close()

    def _on_failed(self, message: str, details: str,
                   explain: Callable[[str, str], None] | None = None) -> None:
        self._close()
        if explain is not None:
            explain(message, details)
        else:
            ask.error(self.window, self.tr("The task failed"), message, details)

    def _on_cancelled(self) -> None:
        self._close()
        self.window.statusBar().showMessage(self.tr("Cancelled; nothing was written."), 6000)
