"""What ``beachhead import`` reads: founders' workbooks and Beachhead exports (through the
guard and the readers of :mod:`models.workbook.importing`), and portfolios, JSON or workspace,
whose startups, assessments and decisions are merged by the same rules as a workbook's.

A portfolio's startups keep their ids (they join the target's startups of the same id, else of
the same exact name); its assessments get new ids, so that importing a file twice, or a copy
of the target itself, skips every assessment as a duplicate instead of clashing. A portfolio
must use the framework the import reads for (the same id and version), as a workbook must.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from models.cli.import_texts import count, say
from models.core.errors import InputError, Problem
from models.workbook.guard.texts import language

if TYPE_CHECKING:
    from models.core.framework import Framework
    from models.workbook.importing.report import FileResult, ImportReport

#: JSON starts with this (after an optional byte-order mark and blanks).
_JSON_START = b"{"


def is_portfolio_file(path: str) -> bool:
    """Whether ``path`` is a portfolio (a workspace, or a JSON document) rather than a
    workbook; a missing or unreadable file counts as a workbook (the workbook reader names
    what is wrong with it)."""
    from models.store.access import is_workspace_location

    if is_workspace_location(path):
        return True
    try:
        with open(path, "rb") as fh:
            start = fh.read(64)
    except OSError:
        return False
    return start.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(_JSON_START)


def read_inputs(paths: Sequence[str], framework: Framework, *, skip_bad: bool,
                progress: Callable[[int, int], None] | None) -> ImportReport:
    """One report of every input, in the order given: workbooks read by
    :func:`models.workbook.importing.batch.import_workbooks` (``progress`` counts them),
    portfolios by :func:`portfolio_result`; problems and notes in the language the command
    speaks (:func:`models.workbook.guard.texts.speaking`)."""
    from models.workbook.importing.batch import import_workbooks
    from models.workbook.importing.report import ImportReport

    books = [p for p in paths if not is_portfolio_file(p)]
    read = {}
    if books:
        report = import_workbooks(books, framework, skip_bad=skip_bad, progress=progress,
                                  lang=language())
        read = dict(zip(books, report.files, strict=True))
    files = [read[p] if p in read else portfolio_result(p, framework) for p in paths]
    return ImportReport(framework, files, skip_bad, lang=language())


def portfolio_result(path: str, framework: Framework) -> FileResult:
    """A portfolio file as an import reads it: its startups with new assessment ids, or the
    problems that refuse it (it cannot be read, or uses another framework)."""
    from models.core.portfolio import new_id
    from models.store.access import read_portfolio_file
    from models.workbook.importing.report import FileResult

    try:
        content = read_portfolio_file(path)
    except InputError as exc:
        return FileResult(path, problems=list(exc.problems))
    fw = content.framework
    result = FileResult(path, kind="portfolio", framework=(fw.id, fw.version))
    if (fw.id, fw.version) != (framework.id, framework.version):
        result.problems.append(Problem(path, "framework", say(
            "other_framework", fid=fw.id, fver=fw.version, id=framework.id,
            version=framework.version)))
        return result
    for i, startup in enumerate(content.startups):
        fresh = [a.model_copy(update={"id": new_id()}) for a in startup.assessments]
        for j, a in enumerate(fresh):
            result.origins[a.id] = f"startups[{i}].assessments[{j}]"
        result.startups.append(startup.model_copy(update={"assessments": fresh}))
        result.workbook_ids.add(startup.id)
    return result


def files_noun(paths: Sequence[str]) -> tuple[str, str]:
    """What the inputs are, singular and plural: workbooks, portfolios, or files (the keys of
    their words in :mod:`models.cli.import_texts`; the plural one is their count's kind)."""
    portfolios = sum(is_portfolio_file(p) for p in paths)
    if portfolios == 0:
        return "workbook", "workbooks"
    if portfolios == len(paths):
        return "portfolio", "portfolios"
    return "file", "files"


def summary(report: ImportReport, noun: tuple[str, str]) -> str:
    """One line: inputs read, imported and refused, startups and assessments."""
    imported = report.imported
    n = len(report.files)
    text = say("summary", inputs=count(noun[1], n), imported=len(imported),
               startups=count("startups", sum(len(f.startups) for f in imported)),
               assessments=count("assessments", sum(f.assessments for f in imported)))
    if report.refused:
        text += say("refused", n=len(report.refused))
    return text

