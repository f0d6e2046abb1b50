"""What the window does with the workbooks File ▸ Import Workbooks read
(an :class:`~models.workbook.importing.report.ImportReport`): refused workbooks are shown as a
table of problems (File, Sheet, Cell, Problem; :mod:`gui.import_problems`), which asks whether
to import the good ones; what is imported becomes one undoable change; what is worth a look
afterwards (assessments already in the portfolio, look-alike startups, weights the portfolio
does not take, cells not scored) is shown in the same table."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from gui.dialogs import ask

if TYPE_CHECKING:
    from gui.main_window import MainWindow
    from models.workbook.importing.report import ImportReport


class ImportResults(QObject):
    """Turns an import's report into the window's change and messages."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def summary(self, report: ImportReport) -> str:
        """One line: workbooks read, how many have problems, how many problems
        ("3 workbooks read, 2 with problems; 5 problems.")."""
        return self.tr("{read}, {bad}; {problems}.").format(
            read=self.tr("%n workbook(s) read", "", len(report.files)),
            bad=self.tr("%n with problems", "", len(report.refused)),
            problems=self.tr("%n problem(s)", "", len(report.problems)))

    def apply(self, report: ImportReport) -> dict[str, Any]:
        """Show the problems (asking whether to import the good workbooks), then import as
        one undoable change and show what is worth a look. Returns ``{"imported": number of
        assessments, "report": report}``."""
        if not report.ok and not self._go_on(report):
            return {"imported": 0, "report": report}
        from gui.commands import ImportStartups
        from models.workbook.importing.batch import plan_merge

        w = self.window
        plan = plan_merge(w.doc.portfolio, report)
        if plan.new_startups or plan.new_assessments or plan.field_updates:
            w.doc.undo_stack.push(ImportStartups(w.doc, plan.new_startups,
                                                 plan.new_assessments, plan.field_updates))
        n = len(plan.new_assessments) + sum(len(s.assessments) for s in plan.new_startups)
        message = self.tr("Imported {assessments} from {workbooks}.").format(
            assessments=self.tr("%n assessment(s)", "", n),
            workbooks=self.tr("%n workbook(s)", "", len(report.imported)))
        w.statusBar().showMessage(message, 8000)
        # assessments already there, look-alike startups kept apart, weights the portfolio
        # does not take, cells not scored or cleaned: each names its file, sheet and cell
        others = [*plan.duplicates, *plan.look_alikes, *plan.weight_notes, *report.notes]
        if others:
            ask.import_problems(w, self.tr("Workbooks imported"), message + " " + self.tr(
                "%n thing(s) worth a look:", "", len(others)), others)
        if plan.new_startups:
            w.assess_view.select_startup(plan.new_startups[0].id)
        return {"imported": n, "report": report}

    def superseded(self, report: ImportReport, name: str) -> dict[str, Any]:
        """The workbooks were read for the portfolio ``name``, which was closed or replaced
        meanwhile: nothing is imported (into the one open now, least of all); say so."""
        from gui.welcome import is_open

        doc = self.window.current_document()
        workbooks = self.tr("%n workbook(s)", "", len(report.files))
        if doc is not None and is_open(doc):
            what = self.tr("The import of {workbooks} into {name} ended after {other} was "
                           "opened: nothing was imported into {other}. Open the portfolio "
                           "they belong to and import them again.").format(
                               workbooks=workbooks, name=name, other=doc.display_name())
        else:
            what = self.tr("The import of {workbooks} into {name} ended after {name} was "
                           "closed: nothing was imported. Open the portfolio they belong to "
                           "and import them again.").format(workbooks=workbooks, name=name)
        ask.error(self.window, self.tr("Nothing imported"), what)
        return {"imported": 0, "report": report}

    def _go_on(self, report: ImportReport) -> bool:
        """Show the problems of the refused workbooks; True when the user imports the good
        ones (the report then skips the bad)."""
        good = len(report.files) - len(report.refused)
        if not good:
            ask.import_problems(self.window, self.tr("Nothing imported"), self.summary(report)
                                + " " + self.tr("Nothing was imported: fix the problems and "
                                                "import the workbooks again."), report.problems)
            return False
        if not ask.import_problems(
                self.window, self.tr("Some workbooks have problems"), self.summary(report),
                report.problems,
                self.tr("Import the %n good workbook(s) and leave the others out?", "", good),
                self.tr("&Import the Good Ones")):
            return False
        report.skip_bad = True
        return True

    def failed(self, paths: list[str], message: str, details: str) -> None:
        """The import's own process stopped (each workbook is read in a reader process of
        its own, so a file that kills its reader is named in the report instead): say so,
        what to do, and name the workbooks that were being read."""
        files = "\n".join(paths[:20])
        if len(paths) > 20:
            files += "\n" + self.tr("… and {n} more").format(n=len(paths) - 20)
        ask.error(self.window, self.tr("The import failed"), self.tr(
            "The import stopped before it ended: {reason} Nothing was imported. Try again, or "
            "import fewer workbooks at a time to find the one at fault. It was reading these "
            "workbooks:\n{files}").format(reason=message, files=files), details)
