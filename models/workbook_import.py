"""Importing founders' workbooks: ``beachhead import`` and the app's File > Import Workbooks.

Public API (no Qt; the GUI runs :func:`import_workbooks` in its worker process, then applies
:func:`plan_merge`'s plan as undoable commands, or calls :func:`merge_into`):

* :func:`import_workbooks` reads many files into an :class:`ImportReport`;
* :func:`read_workbook` reads one file into a :class:`FileResult`;
* :func:`plan_merge` works out what a report adds to a portfolio, without changing it;
* :func:`merge_into` returns a new portfolio with the report merged in.

**What is read.** A filled founder template becomes one startup with one assessment; a
Beachhead export gives back all its startups (name, sector, stage, region, tags, notes) and
assessments (assessor, role, date, and every score's value, confidence, rationale and
evidence). The layout is :mod:`models.workbook_layout`; tolerance of messy files and the exact
value rules are in :mod:`models.workbook_cells`: tables are found by their header names
(below title lines or blank rows, with columns moved or added), startup fields by their
labels (merged cells allowed), and only the ``Criterion ID`` and ``Score`` columns (plus
``Startup`` in an export) are required.

**Who reads what.**

* :mod:`models.xlsx_guard` (``zipfile`` for the directory, ``zlib`` to unpack, defusedxml for
  the workbook's structure) reads every file first and refuses hostile or non-workbook files;
  it also finds each sheet's used area and its formula cells by scanning the sheet XML.
* python-calamine reads every cell value and the merged ranges: it is ~15× faster than
  openpyxl on founder workbooks. It reads a formula cell's stored result, which this module
  never uses: a formula in a cell that is read is refused ("type the value").
* openpyxl is not used on this path (calamine and the guard give everything needed); it is
  only checked to be using defusedxml (:func:`models.xlsx_guard.require_defused_xml`).

**All or nothing.** Every file is read and every problem in every file is listed. Without
``skip_bad`` a single refused file means nothing is imported (:attr:`ImportReport.startups`
is empty and :func:`merge_into` raises); with it, good files are imported and bad ones listed.

**Duplicates are skipped and reported.** An assessment whose startup name (ignoring case and
spacing), assessor (the same way) and date equal an assessment already in the portfolio, or
one imported earlier in the same batch, is not added; a notice names both. Re-importing the
same files is therefore harmless, and a corrected file with the same date must replace the
old assessment by hand (delete it, then import).
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing as mp
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook

from models.errors import InputError, Problem
from models.framework import Framework, default_framework
from models.portfolio import Assessment, Portfolio, Score, Startup
from models.workbook_cells import (
    CellError,
    SheetGrid,
    as_name,
    as_text,
    header_key,
    identity_key,
    is_blank,
    parse_confidence,
    parse_date,
    parse_role,
    parse_score,
    split_tags,
)
from models.workbook_layout import EXPORT_KIND, LAYOUT_VERSION, TEMPLATE_KIND, column_letter
from models.xlsx_guard import DEFAULT_LIMITS, Limits, inspect_workbook, require_defused_xml

#: Called as ``progress(done, total)`` after each file.
Progress = Callable[[int, int], None]

TEMPLATE, EXPORT = "template", "export"
#: From this many files on, two worker processes read them (when the machine has two cores
#: and this is not itself a daemonic worker process, such as the app's job process).
PARALLEL_MIN_FILES = 40
PARALLEL_WORKERS = 2
#: At most this many problems are listed per file (then one line says how many more).
MAX_PROBLEMS_PER_FILE = 100
#: The header row of a table is looked for in this many rows from the top.
HEADER_ROWS = 500

FORMULA = ("holds a formula; expected a typed value (Beachhead reads what was typed, never a "
           "formula's stored result)")
_LABELS = {
    "startup": "Startup", "assessor": "Assessor", "role": "Role", "date": "Date",
    "sector": "Sector", "stage": "Stage", "region": "Region", "tags": "Tags", "notes": "Notes",
    "criterionid": "Criterion ID", "score": "Score", "confidence": "Confidence",
    "rationale": "Rationale", "evidence": "Evidence", "frameworkid": "Framework ID",
    "frameworkversion": "Framework version", "workbook": "Workbook",
    "layoutversion": "Layout version",
}
_FIELD_ALIASES = {"startupname": "startup", "company": "startup", "companyname": "startup"}
_TEMPLATE_FIELDS = ("startup", "assessor", "role", "date", "sector", "stage", "region", "tags",
                    "notes", "frameworkid", "frameworkversion")
_ABOUT_FIELDS = ("workbook", "layoutversion", "frameworkid", "frameworkversion")
_SCORE_INPUTS = ("score", "confidence", "rationale", "evidence")
_NOT_DATA_SHEETS = {"framework", "charts", "summary", "about"}
_LABEL_MAX = 60  # longer texts are never labels or headers


@dataclass
class FileResult:
    """What one file gave.

    Attributes:
        path: the file as the caller named it (used in every problem).
        kind: ``template``, ``export``, or ``None`` when the file was refused early.
        framework: ``(id, version)`` the workbook says it was made for, when it says so.
        startups: the startups read (empty when the file has problems).
        origins: assessment id → where it came from (``Assessment`` or ``Scores!A2:N19``).
        problems: why the file is refused; empty when it can be imported.
        notes: things worth knowing that do not stop the import (a missing date read as
            today, criteria missing from the table…).
    """

    path: str
    kind: str | None = None
    framework: tuple[str, str] | None = None
    startups: list[Startup] = field(default_factory=list)
    origins: dict[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the file can be imported."""
        return not self.problems

    @property
    def status(self) -> str:
        """``read`` (good; imported unless another file was refused and ``skip_bad`` is
        false) or ``refused``."""
        return "read" if self.ok else "refused"

    @property
    def assessments(self) -> int:
        """Number of assessments read."""
        return sum(len(s.assessments) for s in self.startups)


@dataclass
class ImportReport:
    """The outcome of :func:`import_workbooks`.

    Attributes:
        framework: the framework the files were read against.
        files: one :class:`FileResult` per path, in the order given.
        skip_bad: whether refused files may be left out (``--skip-bad``).
    """

    framework: Framework
    files: list[FileResult]
    skip_bad: bool = False

    @property
    def ok(self) -> bool:
        """True when no file was refused."""
        return all(f.ok for f in self.files)

    @property
    def importable(self) -> bool:
        """True when the good files may be merged: no file refused, or ``skip_bad``."""
        return self.ok or self.skip_bad

    @property
    def imported(self) -> list[FileResult]:
        """The files whose startups are imported (none unless :attr:`importable`)."""
        return [f for f in self.files if f.ok] if self.importable else []

    @property
    def refused(self) -> list[FileResult]:
        """The files with problems."""
        return [f for f in self.files if not f.ok]

    @property
    def startups(self) -> list[Startup]:
        """Every imported startup, file by file (empty when one file was refused and
        ``skip_bad`` is false)."""
        return [s for f in self.imported for s in f.startups]

    @property
    def problems(self) -> list[Problem]:
        """Every problem in every file, file by file."""
        return [p for f in self.files for p in f.problems]

    @property
    def notes(self) -> list[Problem]:
        """Every note of every file that is imported."""
        return [n for f in self.imported for n in f.notes]

    def summary(self) -> str:
        """One line: files read, imported and refused, startups and assessments."""
        imported = self.imported
        n_st = sum(len(f.startups) for f in imported)
        n_as = sum(f.assessments for f in imported)
        text = (f"{len(self.files)} workbook{'s' if len(self.files) != 1 else ''} read: "
                f"{len(imported)} imported ({n_st} startups, {n_as} assessments)")
        if self.refused:
            text += f", {len(self.refused)} refused"
        return text


# -- many files -------------------------------------------------------------------------------

def import_workbooks(
    paths: Iterable[str | Path],
    framework: Framework | None = None,
    *,
    skip_bad: bool = False,
    progress: Progress | None = None,
    workers: int | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportReport:
    """Read founder templates and Beachhead exports.

    Args:
        paths: the ``.xlsx`` files, read in this order (a path may be anything: folders,
            missing files, PDFs… are reported as problems, never raised).
        framework: the framework the workbooks must have been made for (default: the one
            Beachhead ships); use the target portfolio's framework when merging.
        skip_bad: leave refused files out instead of refusing the whole import.
        progress: called as ``progress(done, total)`` after each file (files, not bytes).
        workers: processes reading files (default: 2 from :data:`PARALLEL_MIN_FILES` files
            on, when possible; 1 reads in this process).
        limits: the hostile-file limits (:class:`models.xlsx_guard.Limits`).

    Returns:
        An :class:`ImportReport`; nothing is written anywhere.

    Raises:
        models.xlsx_guard.UnsafeXmlSetup: defusedxml is missing or not in use (fail closed).
    """
    require_defused_xml()
    framework = framework or default_framework()
    names = [str(p) for p in paths]
    total = len(names)
    results: list[FileResult | None] = [None] * total
    n_workers = _workers(workers, total)
    done = 0
    if n_workers > 1:
        pool = ProcessPoolExecutor(n_workers, mp_context=_pool_context(),
                                   initializer=_init_worker,
                                   initargs=(framework.model_dump(mode="json"), limits))
        chunk = max(1, min(16, total // (n_workers * 8)))
        try:
            for i, result in enumerate(pool.map(_read_in_worker, names, chunksize=chunk)):
                results[i] = result
                done += 1
                if progress:
                    progress(done, total)
        except BrokenProcessPool:  # pragma: no cover - a worker died; finish in this process
            pass
        except BaseException:  # interrupted, or progress raised: do not wait for the rest
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        pool.shutdown()
    for i, name in enumerate(names):
        if results[i] is None:
            results[i] = read_workbook(name, framework, limits=limits)
            done += 1
            if progress:
                progress(done, total)
    return ImportReport(framework, [r for r in results if r is not None], skip_bad)


def _workers(requested: int | None, files: int) -> int:
    if requested is not None:
        wanted = max(1, requested)
    elif files < PARALLEL_MIN_FILES:
        return 1
    else:
        wanted = min(PARALLEL_WORKERS, os.cpu_count() or 1)
    if mp.current_process().daemon:  # a daemonic process may not start children
        return 1
    return min(wanted, max(1, files))


def _pool_context():  # type: ignore[no-untyped-def]
    """Fork (fast) unless other threads run in this process (a forked child could inherit a
    lock one of them holds): then a fork server, or spawn where there is none."""
    if threading.active_count() == 1:
        return mp.get_context()
    methods = mp.get_all_start_methods()
    return mp.get_context("forkserver" if "forkserver" in methods else "spawn")


_worker_state: dict[str, object] = {}


def _init_worker(framework_data: dict, limits: Limits) -> None:
    # a forked worker inherits the parent's objects: keep its garbage collector off them, or
    # every collection would touch (and so copy) the parent's memory pages
    gc.freeze()
    require_defused_xml()
    _worker_state["framework"] = Framework.model_validate(framework_data)
    _worker_state["limits"] = limits


def _read_in_worker(path: str) -> FileResult:
    framework = _worker_state["framework"]
    limits = _worker_state["limits"]
    assert isinstance(framework, Framework) and isinstance(limits, Limits)
    return read_workbook(path, framework, limits=limits)


# -- one file ---------------------------------------------------------------------------------

def read_workbook(
    path: str | Path,
    framework: Framework,
    *,
    limits: Limits = DEFAULT_LIMITS,
    source: str | None = None,
    today: dt.date | None = None,
) -> FileResult:
    """Read one founder template or Beachhead export; never raises for a bad file.

    Args:
        path: the file.
        framework: the framework it must have been made for.
        limits: the hostile-file limits.
        source: how problems name the file (default: ``str(path)``).
        today: the date given to an assessment whose date cell is empty (default: today).

    Returns:
        A :class:`FileResult`: startups when the file is good, problems when it is not.
    """
    source = source or str(path)
    result = FileResult(source)
    try:
        scan = inspect_workbook(path, limits, source, sheets=sheets_to_read)
        book = CalamineWorkbook.from_filelike(BytesIO(scan.data))
        _Reader(source, book, scan, framework, result, today or dt.date.today()).read()
    except InputError as exc:
        result.problems.extend(exc.problems)
    except CalamineError as exc:
        result.problems.append(Problem(source, "", f"the workbook cannot be read ({exc}); "
                                       "expected an .xlsx file saved by Excel, LibreOffice or "
                                       "Beachhead"))
    except Exception as exc:  # never a traceback for a user's file
        result.problems.append(Problem(source, "", f"the workbook cannot be read (unexpected "
                                       f"{type(exc).__name__}: {exc})"))
    if result.problems:
        result.startups, result.origins = [], {}
        if len(result.problems) > MAX_PROBLEMS_PER_FILE:
            more = len(result.problems) - MAX_PROBLEMS_PER_FILE
            result.problems = result.problems[:MAX_PROBLEMS_PER_FILE]
            result.problems.append(Problem(source, "", f"… and {more} more problems in this "
                                           "file (fix the ones above and import it again)"))
    return result


def sheets_to_read(names: list[str]) -> list[str]:
    """The worksheets the importer may read, given all of a workbook's sheet names: ``About``,
    ``Assessment``, ``Scores`` and ``Startups`` when present; every sheet but ``Framework``,
    ``Charts`` and ``Summary`` when neither ``Assessment`` nor ``Scores`` is there."""
    folded = {n.casefold().strip(): n for n in reversed(names)}
    wanted = [folded[k] for k in ("about", "assessment", "scores", "startups") if k in folded]
    if "assessment" not in folded and "scores" not in folded:
        wanted += [n for n in names if n.casefold().strip() not in _NOT_DATA_SHEETS]
    return wanted


@dataclass
class _Draft:
    """A startup being assembled from an export's rows."""

    name: str
    fields: dict[str, object] = field(default_factory=dict)
    # (assessor, role, date) → assessments, each a dict criterion → Score, with its rows
    groups: dict[tuple[str, str, dt.date], list[tuple[dict[str, Score], list[int]]]] = field(
        default_factory=dict)


class _Reader:
    """Reads one workbook that passed the guard; collects problems instead of stopping."""

    def __init__(self, source: str, book, scan, framework: Framework,  # type: ignore[no-untyped-def]
                 result: FileResult, today: dt.date) -> None:
        self.source = source
        self.book = book
        self.scan = scan
        self.fw = framework
        self.result = result
        self.today = today
        self.ids = {cid.casefold(): cid for cid in framework.criterion_ids}
        self.folded = {n.casefold().strip(): n for n in reversed(scan.names)}
        self._cache: dict[tuple[str, object], object] = {}

    # -- helpers ----------------------------------------------------------------------------
    def problem(self, where: str, message: str) -> None:
        self.result.problems.append(Problem(self.source, where, message))

    def note(self, where: str, message: str) -> None:
        self.result.notes.append(Problem(self.source, where, message))

    def grid(self, name: str) -> SheetGrid:
        sheet_scan = self.scan.sheets.get(name)
        if sheet_scan is None:  # pragma: no cover - sheets_to_read chose it, so it was scanned
            raise InputError.single(self.source, name, "this sheet was not checked; refused")
        sheet = self.book.get_sheet_by_name(name)
        grid = SheetGrid(name, sheet.to_python(skip_empty_area=False),
                         sheet.merged_cell_ranges, sheet_scan.formulas)
        if sheet_scan.unplaced_formulas:
            self.problem(name, f"{sheet_scan.unplaced_formulas} formula cells whose place "
                         "cannot be told (no cell reference); save the workbook again in "
                         "Excel or LibreOffice")
        return grid

    def labels(self, grid: SheetGrid, keys: Sequence[str], rows: range
               ) -> dict[str, tuple[int, int]]:
        """Label key → (row, column) of its value: the cell right of the label (or of the
        merged range holding the label). The first label of each key wins."""
        found: dict[str, tuple[int, int]] = {}
        for r in rows:
            row = grid.rows[r] if r < grid.height else []
            for c, v in enumerate(row):
                if not isinstance(v, str) or not v or len(v) > _LABEL_MAX:
                    continue
                key = header_key(v)
                key = _FIELD_ALIASES.get(key, key)
                if key in keys and key not in found:
                    found[key] = (r, grid.right_of(r, c))
                    if len(found) == len(keys):
                        return found
        return found

    def cell(self, grid: SheetGrid, at: tuple[int, int] | None, *, filled: bool = False
             ) -> object | None:
        """The value at ``at``; ``None`` (with a problem) when it is a formula."""
        if at is None:
            return ""
        r, c = at
        if grid.is_formula(r, c):
            self.problem(grid.ref(r, c), FORMULA)
            return None
        return grid.filled(r, c) if filled else grid.value(r, c)

    def parsed(self, kind: str, parse: Callable[[object], object], value: object,
               where: str | Callable[[], str]) -> object:
        """``parse(value)``, each distinct value parsed (and reported) once per file;
        ``CellError`` is reported at ``where`` (a cell, or a function giving it) and is
        returned instead of a value."""
        key = (kind, value if not isinstance(value, float) else repr(value))
        if key in self._cache:
            return self._cache[key]
        try:
            out: object = parse(value)
        except CellError as exc:
            self.problem(where() if callable(where) else where, str(exc))
            out = exc
        self._cache[key] = out
        return out

    def columns(self, grid: SheetGrid, h: int, required: Sequence[str],
                optional: Sequence[str]) -> dict[str, int] | None:
        found = grid.header_columns(h)
        width = len(grid.rows[h])
        headers = ", ".join(as_name(v) for v in grid.rows[h] if as_name(v)) or "none"
        out: dict[str, int] = {}
        ok = True
        for key in (*required, *optional):
            cols = found.get(key)
            if not cols:
                if key in required:
                    self.problem(grid.span_ref(h, 0, h, max(0, width - 1)),
                                 f"the table has no '{_LABELS[key]}' column (its headers: "
                                 f"{headers}); expected a column headed '{_LABELS[key]}'")
                    ok = False
                continue
            if len(cols) > 1 and key in (*required, *_SCORE_INPUTS):
                self.problem(grid.ref(h, cols[1]), f"a second '{_LABELS[key]}' column (the "
                             f"first is column {column_letter(cols[0] + 1)}); expected one")
                ok = False
            out[key] = cols[0]
        return out if ok else None

    # -- the workbook -----------------------------------------------------------------------
    def read(self) -> None:
        about = self.about()
        kind_cell = about.get("workbook")
        kind_value = as_name(kind_cell[0]) if kind_cell else ""
        if kind_value == TEMPLATE_KIND:
            kind = TEMPLATE
        elif kind_value == EXPORT_KIND:
            kind = EXPORT
        elif kind_value:
            assert kind_cell is not None
            self.problem(kind_cell[1], f"a workbook of kind '{kind_value}', which cannot be "
                         f"imported; expected a founder template ({TEMPLATE_KIND}) or a "
                         f"Beachhead export ({EXPORT_KIND})")
            return
        else:
            kind = EXPORT if "scores" in self.folded else TEMPLATE
        self.result.kind = kind
        layout = about.get("layoutversion")
        if layout:
            try:
                version = int(float(as_name(layout[0])))
            except ValueError:
                version = LAYOUT_VERSION
            if version > LAYOUT_VERSION:
                self.problem(layout[1], f"made by a newer Beachhead (workbook layout "
                             f"{version}); expected layout {LAYOUT_VERSION} or older: update "
                             "Beachhead to import it")
                return
        if kind == TEMPLATE:
            self.template(about)
        else:
            self.export(about)

    def about(self) -> dict[str, tuple[object, str]]:
        """About-sheet label → (value, cell)."""
        name = self.folded.get("about")
        if name is None:
            return {}
        grid = self.grid(name)
        at = self.labels(grid, _ABOUT_FIELDS, range(min(grid.height, 60)))
        return {k: (grid.value(r, c), grid.ref(r, c)) for k, (r, c) in at.items()}

    def framework_matches(self, fid: tuple[object, str] | None,
                          fver: tuple[object, str] | None, where: str) -> bool:
        fw = self.fw
        if fid is None and fver is None:
            self.note(where, f"the workbook does not say which framework it was made for; read "
                      f"as framework '{fw.id}' version {fw.version}")
            return True
        wid = as_name(fid[0]) if fid else ""
        wver = as_name(fver[0]) if fver else ""
        self.result.framework = (wid, wver)
        remedy = ("make a new template for it with 'beachhead template', or import the file "
                  "into a portfolio that uses that framework (--into, or --framework "
                  "FILE for a new one)")
        if fid is not None and wid != fw.id:
            self.problem(fid[1], f"this workbook is for framework '{wid}'"
                         f"{f' version {wver}' if wver else ''}; expected framework "
                         f"'{fw.id}' version {fw.version}: {remedy}")
            return False
        if fver is not None and wver != fw.version:
            self.problem(fver[1], f"this workbook is for version {wver or '(empty)'} of "
                         f"framework '{wid or fw.id}'; expected version {fw.version}: {remedy}")
            return False
        return True

    # -- founder template -------------------------------------------------------------------
    def template(self, about: dict[str, tuple[object, str]]) -> None:
        candidates = ([self.folded["assessment"]] if "assessment" in self.folded else
                      [n for n in self.scan.sheets if n.casefold().strip() != "about"])
        grid = h = None
        for name in candidates:
            g = self.grid(name)
            row = g.find_header("criterionid", HEADER_ROWS)
            if row is not None:
                grid, h = g, row
                break
        if grid is None or h is None:
            where = candidates[0] if candidates else ""
            self.problem(where, f"no criteria table: no row with a 'Criterion ID' header in the "
                         f"first {HEADER_ROWS} rows; expected the template's table (Criterion "
                         "ID, …, Score, Confidence, Rationale, Evidence)")
            return
        at = self.labels(grid, _TEMPLATE_FIELDS, range(h))
        fid = about.get("frameworkid") or self._at(grid, at, "frameworkid")
        fver = about.get("frameworkversion") or self._at(grid, at, "frameworkversion")
        if not self.framework_matches(fid, fver, grid.sheet):
            return
        cols = self.columns(grid, h, ("criterionid", "score"),
                            ("confidence", "rationale", "evidence"))
        fields = self.template_fields(grid, at)
        if cols is None:
            return
        scores = self.score_rows(grid, h, cols)
        if self.result.problems or fields is None:
            return
        missing = [cid for cid in self.fw.criterion_ids if cid not in scores]
        if missing:
            self.note(grid.sheet, f"{len(missing)} criteria of the framework have no row in the "
                      f"table and are not scored: {', '.join(missing)}")
        if not any(s.value is not None for s in scores.values()):
            self.note(grid.sheet, "no criterion is scored")
        assessment = Assessment(assessor=fields["assessor"], role=fields["role"],
                                date=fields["date"], scores=dict(scores))
        startup = Startup(name=fields["startup"], sector=fields["sector"],
                          stage=fields["stage"], region=fields["region"], tags=fields["tags"],
                          notes=fields["notes"], assessments=[assessment])
        self.result.startups.append(startup)
        self.result.origins[assessment.id] = grid.sheet

    @staticmethod
    def _at(grid: SheetGrid, at: dict[str, tuple[int, int]], key: str
            ) -> tuple[object, str] | None:
        if key not in at:
            return None
        r, c = at[key]
        return grid.value(r, c), grid.ref(r, c)

    def template_fields(self, grid: SheetGrid, at: dict[str, tuple[int, int]]
                        ) -> dict | None:  # type: ignore[type-arg]
        values = {key: self.cell(grid, at.get(key)) for key in _TEMPLATE_FIELDS}
        if any(v is None for v in values.values()):
            return None
        if "startup" not in at:
            self.problem(grid.sheet, "no 'Startup' field above the criteria table; expected a "
                         "cell reading 'Startup' with the startup's name right of it")
            return None
        name = as_name(values["startup"])
        if not name:
            self.problem(grid.ref(*at["startup"]), "the startup's name is empty; expected the "
                         "name of the startup right of 'Startup'")
            return None
        where = {k: grid.ref(*at[k]) if k in at else grid.sheet for k in _TEMPLATE_FIELDS}
        role = self.parsed("role", parse_role, values["role"], where["role"])
        date = self.parsed("date", parse_date, values["date"], where["date"])
        if isinstance(role, CellError) or isinstance(date, CellError):
            return None
        if date is None:
            date = self.today
            self.note(where["date"], f"no date given; the assessment is dated today "
                      f"({date.isoformat()})")
        return {
            "startup": name, "assessor": as_name(values["assessor"]),
            "role": role or "founder", "date": date,
            "sector": as_name(values["sector"]), "stage": as_name(values["stage"]),
            "region": as_name(values["region"]), "tags": split_tags(values["tags"]),
            "notes": as_text(values["notes"]),
        }

    def score_rows(self, grid: SheetGrid, h: int, cols: dict[str, int]) -> dict[str, Score]:
        """A template's criteria rows: criterion id → Score (rows with nothing entered are
        left out)."""
        out: dict[str, Score] = {}
        first_row: dict[str, int] = {}
        c_id = cols["criterionid"]
        for r in range(h + 1, grid.height):
            cid = self.criterion(grid, r, c_id, cols)
            if cid is None:
                continue
            if cid in first_row:
                self.problem(grid.ref(r, c_id), f"criterion '{cid}' appears a second time (first "
                             f"in row {first_row[cid] + 1}); expected one row per criterion")
                continue
            first_row[cid] = r
            score = self.score(grid, r, cols)
            if score is not None:
                out[cid] = score
        return out

    def criterion(self, grid: SheetGrid, r: int, c_id: int, cols: dict[str, int]) -> str | None:
        """The criterion id in row ``r`` (known to the framework), or ``None`` for a row to
        skip (blank, or reported)."""
        if grid.is_formula(r, c_id):
            self.problem(grid.ref(r, c_id), FORMULA)
            return None
        text = as_name(grid.value(r, c_id))
        if not text:
            c_score = cols["score"]
            if not is_blank(grid.value(r, c_score)) or grid.is_formula(r, c_score):
                self.problem(grid.ref(r, c_score), "a score in a row without a Criterion ID; "
                             f"expected the criterion's id in column {column_letter(c_id + 1)}")
            return None
        cid = self.ids.get(text.casefold())
        if cid is None:
            examples = ", ".join(self.fw.criterion_ids[:3])
            self.problem(grid.ref(r, c_id), f"unknown criterion id '{text}'; expected one of the "
                         f"{len(self.ids)} criterion ids of framework '{self.fw.id}' "
                         f"{self.fw.version} ({examples}, …)")
            return None
        return cid

    def score(self, grid: SheetGrid, r: int, cols: dict[str, int]) -> Score | None:
        """The Score in row ``r``, or ``None`` when nothing was entered (or it is bad)."""
        raw = {}
        bad = False
        for key in _SCORE_INPUTS:
            if key not in cols:
                raw[key] = ""
                continue
            c = cols[key]
            if grid.is_formula(r, c):
                self.problem(grid.ref(r, c), FORMULA)
                bad = True
            raw[key] = grid.value(r, c)
        if bad:
            return None
        try:
            value = parse_score(raw["score"])
        except CellError as exc:
            self.problem(grid.ref(r, cols["score"]), str(exc))
            bad = True
            value = None
        try:
            confidence = parse_confidence(raw["confidence"])
        except CellError as exc:
            self.problem(grid.ref(r, cols["confidence"]), str(exc))
            bad = True
            confidence = None
        rationale, evidence = as_text(raw["rationale"]), as_text(raw["evidence"])
        if bad or (value is None and confidence is None and not rationale and not evidence):
            return None
        return Score(value=value, confidence=confidence or "medium", rationale=rationale,
                     evidence=evidence)

    # -- Beachhead export -------------------------------------------------------------------
    def export(self, about: dict[str, tuple[object, str]]) -> None:
        if not self.framework_matches(about.get("frameworkid"), about.get("frameworkversion"),
                                      self.folded.get("about", "")):
            return
        candidates = ([self.folded["scores"]] if "scores" in self.folded else
                      [n for n in self.scan.sheets
                       if n.casefold().strip() not in ("about", "startups")])
        grid = h = None
        for name in candidates:
            g = self.grid(name)
            row = g.find_header("criterionid", HEADER_ROWS)
            if row is not None:
                grid, h = g, row
                break
        if grid is None or h is None:
            self.problem(candidates[0] if candidates else "", "no scores table: no row with a "
                         f"'Criterion ID' header in the first {HEADER_ROWS} rows; expected the "
                         "Scores sheet's header (Startup, Assessor, Role, Date, …, Criterion ID, "
                         "…, Score, Confidence, …, Rationale, Evidence)")
            return
        cols = self.columns(grid, h, ("startup", "criterionid", "score"),
                            ("assessor", "role", "date", "confidence", "rationale", "evidence"))
        drafts = self.startup_rows()
        if cols is None:
            return
        undated = self.export_rows(grid, h, cols, drafts)
        if self.result.problems:
            return
        if undated:
            self.note(grid.sheet, f"{undated} assessments have no date; they are dated today "
                      f"({self.today.isoformat()})")
        self.build(drafts, grid)

    def startup_rows(self) -> dict[str, _Draft]:
        """The Startups sheet: name key → draft with its fields (empty when absent)."""
        drafts: dict[str, _Draft] = {}
        name = self.folded.get("startups")
        if name is None:
            return drafts
        grid = self.grid(name)
        h = grid.find_header("startup", HEADER_ROWS)
        if h is None:
            self.note(name, "no 'Startup' header found; sector, stage, region, tags and notes "
                      "are not imported")
            return drafts
        cols = self.columns(grid, h, ("startup",), ("sector", "stage", "region", "tags",
                                                    "notes"))
        if cols is None:
            return drafts
        for r in range(h + 1, grid.height):
            raw = self.cell(grid, (r, cols["startup"]), filled=True)
            text = as_name(raw) if raw is not None else ""
            if not text:
                continue
            values = {k: self.cell(grid, (r, cols[k]), filled=True) if k in cols else ""
                      for k in ("sector", "stage", "region", "tags", "notes")}
            key = identity_key(text)
            if key in drafts or any(v is None for v in values.values()):
                continue
            drafts[key] = _Draft(text, {
                "sector": as_name(values["sector"]), "stage": as_name(values["stage"]),
                "region": as_name(values["region"]), "tags": split_tags(values["tags"]),
                "notes": as_text(values["notes"]),
            })
        return drafts

    def export_rows(self, grid: SheetGrid, h: int, cols: dict[str, int],
                    drafts: dict[str, _Draft]) -> int:
        """Group the Scores rows into assessments (by startup, assessor, role and date; a
        criterion met again for the same four starts another assessment). Returns how many
        assessments had no date."""
        c_id = cols["criterionid"]
        undated: set[tuple[str, str, str]] = set()
        key_cols = {k: cols.get(k) for k in ("startup", "assessor", "role", "date")}
        formulas = grid.formulas
        names: dict[object, str] = {}
        for r in range(h + 1, grid.height):
            cid = self.criterion(grid, r, c_id, cols)
            if cid is None:
                continue
            keys: dict[str, object] = {}
            for k, c in key_cols.items():
                if c is None:
                    keys[k] = ""
                elif (r, c) in formulas:
                    self.problem(grid.ref(r, c), FORMULA)
                    keys[k] = None
                else:
                    keys[k] = grid.filled(r, c)
            if any(v is None for v in keys.values()):
                continue
            raw_name = keys["startup"]
            name = names.get(raw_name) if isinstance(raw_name, str) else None
            if name is None:
                name = names[raw_name] = as_name(raw_name)
            if not name:
                self.problem(grid.ref(r, cols["startup"]), "no startup name in this row; "
                             "expected the startup's name")
                continue

            def where(k: str, r: int = r) -> Callable[[], str]:
                c = key_cols[k]
                return lambda: grid.ref(r, c) if c is not None else grid.sheet

            role = self.parsed("role", parse_role, keys["role"], where("role"))
            date = self.parsed("date", parse_date, keys["date"], where("date"))
            score = self.score(grid, r, cols)
            if isinstance(role, CellError) or isinstance(date, CellError):
                continue
            assessor = as_name(keys["assessor"])
            if date is None:
                undated.add((identity_key(name), identity_key(assessor), str(role)))
                date = self.today
            draft = drafts.setdefault(identity_key(name), _Draft(name))
            group = draft.groups.setdefault((assessor, str(role or "founder"), date), [])
            for scores, rows in group:  # noqa: B007 - the pair found is used below
                if cid not in scores:
                    break
            else:
                scores, rows = {}, []
                group.append((scores, rows))
            rows.append(r)
            # an unscored, empty row still marks the criterion as seen for this assessment
            scores[cid] = score if score is not None else _EMPTY
        return len(undated)

    def build(self, drafts: dict[str, _Draft], grid: SheetGrid) -> None:
        last_col = max(len(row) for row in grid.rows) - 1 if grid.rows else 0
        for draft in drafts.values():
            assessments = []
            for (assessor, role, date), group in draft.groups.items():
                for scores, rows in group:
                    a = Assessment(assessor=assessor, role=role, date=date,  # type: ignore[arg-type]
                                   scores={k: v for k, v in scores.items() if v is not _EMPTY})
                    assessments.append((rows[0], a))
                    self.result.origins[a.id] = grid.span_ref(min(rows), 0, max(rows), last_col)
            assessments.sort(key=lambda pair: pair[0])
            self.result.startups.append(Startup(
                name=draft.name, assessments=[a for _, a in assessments],
                **draft.fields))  # type: ignore[arg-type]


_EMPTY = Score()


# -- merging ----------------------------------------------------------------------------------

@dataclass
class MergePlan:
    """What merging a report into a portfolio does (the portfolio itself is not touched).

    Attributes:
        new_startups: startups to append, in order (fresh objects with fresh ids).
        new_assessments: ``(existing startup id, assessment)`` pairs to append.
        field_updates: ``(existing startup id, field, value)``: empty sector, stage, region,
            notes or tags filled from the import.
        duplicates: one notice per assessment skipped as a duplicate.
    """

    new_startups: list[Startup] = field(default_factory=list)
    new_assessments: list[tuple[str, Assessment]] = field(default_factory=list)
    field_updates: list[tuple[str, str, object]] = field(default_factory=list)
    duplicates: list[Problem] = field(default_factory=list)

    @property
    def added(self) -> int:
        """Assessments added, to new and to existing startups."""
        return len(self.new_assessments) + sum(len(s.assessments) for s in self.new_startups)


_FILLABLE = ("sector", "stage", "region", "notes", "tags")


def plan_merge(portfolio: Portfolio, report: ImportReport) -> MergePlan:
    """Work out what :func:`merge_into` would add, without changing anything.

    Startups are matched by name ignoring case and spacing (:func:`identity_key`); a matched
    startup gets the new assessments and any of its empty fields filled. Duplicates (same
    startup, assessor and date as an assessment in the portfolio or earlier in the batch)
    are skipped and reported.

    Raises:
        InputError: the report holds refused files and ``skip_bad`` was not set (all or
            nothing: every problem of every file is in the error).
        ValueError: the report was read against another framework than the portfolio's.
    """
    if not report.importable:
        raise InputError(report.problems)
    fw, rfw = portfolio.framework, report.framework
    if (fw.id, fw.version) != (rfw.id, rfw.version):
        raise ValueError(f"the report was read for framework '{rfw.id}' {rfw.version}, the "
                         f"portfolio uses '{fw.id}' {fw.version}")
    plan = MergePlan()
    existing = {}
    seen: dict[tuple[str, str, dt.date], tuple[Assessment, str]] = {}
    for st in portfolio.startups:
        key = identity_key(st.name)
        existing.setdefault(key, st)
        for a in st.assessments:
            seen.setdefault((key, identity_key(a.assessor), a.date), (a, "in the portfolio"))
    filled: dict[tuple[str, str], object] = {}
    new: dict[str, Startup] = {}
    for result in report.imported:
        for st in result.startups:
            key = identity_key(st.name)
            target = existing.get(key)
            if target is None and key not in new:
                new[key] = st.model_copy(update={"assessments": []})
                plan.new_startups.append(new[key])
            draft = new.get(key)
            for name in _FILLABLE:
                value = getattr(st, name)
                if not value:
                    continue
                if draft is not None and not getattr(draft, name):
                    setattr(draft, name, value)
                elif target is not None and not getattr(target, name) and (
                        target.id, name) not in filled:
                    filled[(target.id, name)] = value
                    plan.field_updates.append((target.id, name, value))
            for a in st.assessments:
                where = result.origins.get(a.id, "")
                dkey = (key, identity_key(a.assessor), a.date)
                if dkey in seen:
                    first, first_where = seen[dkey]
                    same = "the same" if first.scores == a.scores else "different"
                    plan.duplicates.append(Problem(result.path, where, (
                        f"'{st.name}' already has an assessment by "
                        f"{a.assessor or 'an unnamed assessor'} dated {a.date.isoformat()} "
                        f"{first_where}, with {same} scores; this one is skipped (not imported "
                        "twice; to replace it, delete the old assessment and import again)")))
                    continue
                seen[dkey] = (a, f"(imported from {result.path}"
                                 f"{', ' + where if where else ''})")
                if draft is not None:
                    draft.assessments.append(a)
                else:
                    assert target is not None
                    plan.new_assessments.append((target.id, a))
    return plan


def merge_into(portfolio: Portfolio, report: ImportReport) -> tuple[Portfolio, list[Problem]]:
    """A new portfolio: ``portfolio`` with the report's startups and assessments merged in.

    ``portfolio`` is not changed. Startups and assessments the merge does not touch are
    shared with it, not copied (copy the result before editing both). See :func:`plan_merge`
    for the matching and duplicate rules.

    Returns:
        ``(merged portfolio, duplicate notices)``.

    Raises:
        InputError: refused files and no ``skip_bad`` (nothing is merged).
        ValueError: the report was read against another framework.
    """
    plan = plan_merge(portfolio, report)
    adds: dict[str, list[Assessment]] = {}
    for sid, a in plan.new_assessments:
        adds.setdefault(sid, []).append(a)
    updates: dict[str, dict[str, object]] = {}
    for sid, name, value in plan.field_updates:
        updates.setdefault(sid, {})[name] = value
    startups = []
    for st in portfolio.startups:
        if st.id in adds or st.id in updates:
            st = st.model_copy(update={"assessments": [*st.assessments, *adds.get(st.id, [])],
                                       **updates.get(st.id, {})})
        startups.append(st)
    startups.extend(plan.new_startups)
    merged = Portfolio(framework=portfolio.framework, startups=startups)
    return merged, plan.duplicates
