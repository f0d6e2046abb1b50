"""Importing founders' workbooks: ``beachhead import`` and the app's File > Import Workbooks.

Public API (no Qt; the GUI runs :func:`import_workbooks` in its worker process, then applies
:func:`plan_merge`'s plan as undoable commands, or calls :func:`merge_into`):

* :func:`import_workbooks` reads many files into an :class:`ImportReport`
  (:mod:`models.workbook.importing.report`);
* :func:`read_workbook` reads one file into a :class:`FileResult`
  (:mod:`models.workbook.importing.reader`);
* :func:`plan_merge` works out what a report adds to a portfolio, without changing it, and
  :func:`merge_into` returns a new portfolio with the report merged in
  (:mod:`models.workbook.importing.merge`: startups matched by id, then exact name; look-alikes kept
  apart; duplicates skipped; the workbooks' weights).

**What is read.** A filled founder template becomes one startup with one assessment; a
Beachhead export gives back all its startups (id, name, sector, stage, region, tags, notes)
and assessments (assessor, role, date, and every score's value, confidence, rationale and
evidence), and either kind its Framework sheet's weights. The layout is
:mod:`models.workbook.layout`; tolerance of messy files and the exact value rules are in
:mod:`models.workbook.importing.cells`: tables are found by their header names (below title lines or
blank rows, with columns moved or added), startup fields by their labels (merged cells
allowed), and only the ``Criterion ID`` and ``Score`` columns (plus ``Startup`` in an export)
are required. A Score cell counts exactly when the workbook's own formulas count it (a
number, a whole number from 1 to 5); any other value that is not empty is not scored, with a
note naming the cell.

**Who reads what.**

* :mod:`models.workbook.guard.inspect` (``zipfile`` for the directory, ``zlib`` to unpack,
  defusedxml for
  the workbook's structure) reads every file first, refuses hostile or non-workbook files,
  finds each sheet's used area, formula cells and error cells by scanning the very parts the
  reader will parse, and hands the reader an archive of those parts alone.
* python-calamine reads every cell value and the merged ranges: it is ~15× faster than
  openpyxl on founder workbooks. It gives a formula cell's stored result, which is never used:
  a formula in a cell that is read is refused ("type the value").
* The reading happens in reader processes (:mod:`models.workbook.importing.pool`), under a memory
  cap: a
  file that makes the reader die is refused with a problem naming it, and the others are read.
* openpyxl is not used on this path; it is only checked to be using defusedxml
  (:func:`models.workbook.guard.inspect.require_defused_xml`).

**All or nothing.** Every file is read and every problem in every file is listed. Without
``skip_bad`` a single refused file means nothing is imported (:attr:`ImportReport.startups`
is empty and :func:`merge_into` raises); with it, good files are imported and bad ones listed.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Callable, Iterable
from pathlib import Path

from models.core.framework import Framework
from models.files.framework_file import default_framework
from models.workbook.guard.inspect import DEFAULT_LIMITS, Limits, require_defused_xml
from models.workbook.guard.texts import language, speaking
from models.workbook.importing.merge import MergePlan, merge_into, plan_merge
from models.workbook.importing.pool import read_in_processes
from models.workbook.importing.reader import read_workbook, sheets_to_read
from models.workbook.importing.report import FileResult, ImportReport, WorkbookWeights

__all__ = ["PARALLEL_MIN_FILES", "FileResult", "ImportReport", "MergePlan", "WorkbookWeights",
           "import_workbooks", "merge_into", "plan_merge", "read_workbook", "sheets_to_read"]

#: Called as ``progress(done, total)`` after each file.
Progress = Callable[[int, int], None]

#: From this many files on, two reader processes read them (when the machine has two cores).
PARALLEL_MIN_FILES = 40
PARALLEL_WORKERS = 2


def import_workbooks(
    paths: Iterable[str | Path],
    framework: Framework | None = None,
    *,
    skip_bad: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
    lang: str = "en",
) -> ImportReport:
    """Read founder templates and Beachhead exports.

    Args:
        paths: the ``.xlsx`` files, read in this order (a path may be anything: folders,
            missing files, PDFs… are reported as problems, never raised).
        framework: the framework the workbooks must have been made for (default: the one
            Beachhead ships); use the target portfolio's framework when merging.
        skip_bad: leave refused files out instead of refusing the whole import.
        progress: called as ``progress(done, total)`` after each file (files, not bytes).
        workers: reader processes (default: one, two from :data:`PARALLEL_MIN_FILES` files
            on when the machine has two cores); ``0`` reads in this process, without the
            protection of a separate process (as does a daemonic process, which may not
            start any).
        limits: the hostile-file limits (:class:`models.workbook.guard.inspect.Limits`).
        lang: the language of every problem and note (``en`` or ``zh_CN``: the command
            line's ``--lang``, the window's interface language); the report keeps it for the
            merge's notes.

    Returns:
        An :class:`ImportReport`; nothing is written anywhere.

    Raises:
        models.workbook.guard.inspect.UnsafeXmlSetup: defusedxml is missing or not in use (fail
        closed).
        models.workbook.importing.pool.ReaderStartError: a reader process could not start.
    """
    require_defused_xml()
    framework = framework or default_framework()
    names = [str(p) for p in paths]
    n_workers = _workers(workers, len(names))
    with speaking(lang):
        spoken = language()
        if n_workers and names:
            results = read_in_processes(names, framework, limits, n_workers, progress)
        else:
            results = []
            for done, name in enumerate(names, 1):
                results.append(read_workbook(name, framework, limits=limits, lang=lang))
                if progress:
                    progress(done, len(names))
    return ImportReport(framework, results, skip_bad, lang=spoken)


def _workers(requested: int | None, files: int) -> int:
    if mp.current_process().daemon:  # a daemonic process may not start children
        return 0
    if requested is not None:
        return max(0, requested)
    if files < PARALLEL_MIN_FILES:
        return 1
    return min(PARALLEL_WORKERS, os.cpu_count() or 1)
