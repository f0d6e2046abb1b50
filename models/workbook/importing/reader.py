"""Reading one workbook that passed the guard: :func:`read_workbook`, and the
:class:`WorkbookReader` that the founder-template
(:mod:`models.workbook.importing.template_reader`), export
(:mod:`models.workbook.importing.export_reader`) and Framework-sheet
(:mod:`models.workbook.importing.framework_reader`) readers share: finding tables by their
headers, reading cells (formulas refused, error cells and control characters reported),
collecting problems and notes instead of stopping."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from io import BytesIO
from pathlib import Path
from typing import TypeVar, cast

from python_calamine import CalamineError, CalamineWorkbook

from models.core.errors import InputError, Problem
from models.core.framework import Framework
from models.core.portfolio import Score
from models.workbook.guard.inspect import DEFAULT_LIMITS, Limits, WorkbookScan, inspect_workbook
from models.workbook.guard.texts import speaking
from models.workbook.importing.about_reader import (
    TEMPLATE,
    about_cells,
    framework_matches,
    workbook_kind,
)
from models.workbook.importing.cells import (
    CellError,
    as_name,
    as_text,
    clean_cell_text,
    header_key,
    is_blank,
    parse_confidence,
    read_score,
)
from models.workbook.importing.problem_texts import say
from models.workbook.importing.report import FileResult
from models.workbook.importing.sheet_grid import HEADER_ROWS, SheetGrid
from models.workbook.layout import column_letter
from models.workbook.words import sheet_key

T = TypeVar("T")

#: At most this many problems are listed per file (then one line says how many more).
MAX_PROBLEMS_PER_FILE = 100
#: In a workbook of a founder's own making, the table is looked for in this many sheets.
MAX_DATA_SHEETS = 10

LABELS = {
    "startup": "Startup", "assessor": "Assessor", "role": "Role", "date": "Date",
    "sector": "Sector", "stage": "Stage", "region": "Region", "tags": "Tags", "notes": "Notes",
    "website": "Website",
    "criterionid": "Criterion ID", "score": "Score", "confidence": "Confidence",
    "rationale": "Rationale", "evidence": "Evidence", "frameworkid": "Framework ID",
    "frameworkversion": "Framework version", "workbook": "Workbook",
    "layoutversion": "Layout version", "startupid": "Startup ID", "pillarid": "Pillar ID",
    "pillarweight": "Pillar weight", "weight": "Weight", "enabled": "Enabled",
    "status": "Status", "by": "By",
}
FIELD_ALIASES = {"startupname": "startup", "company": "startup", "companyname": "startup",
                 "url": "website", "homepage": "website", "网址": "website", "官网": "website"}
SCORE_INPUTS = ("score", "confidence", "rationale", "evidence")
_NOT_DATA_SHEETS = {"framework", "charts", "summary", "about", "decisions"}
_LABEL_MAX = 60  # longer texts are never labels or headers


def read_workbook(
    path: str | Path,
    framework: Framework,
    *,
    limits: Limits = DEFAULT_LIMITS,
    source: str | None = None,
    today: dt.date | None = None,
    lang: str = "en",
) -> FileResult:
    """Read one founder template or Beachhead export; never raises for a bad file.

    Args:
        path: the file.
        framework: the framework it must have been made for.
        limits: the hostile-file limits.
        source: how problems name the file (default: ``str(path)``).
        today: the date given to an assessment whose date cell is empty (default: today).
        lang: the language of the problems and notes (``en`` or ``zh_CN``).

    Returns:
        A :class:`FileResult`: startups when the file is good, problems when it is not.
    """
    with speaking(lang):
        return _read(path, framework, limits, source or str(path), today or dt.date.today())


def _read(path: str | Path, framework: Framework, limits: Limits, source: str,
          today: dt.date) -> FileResult:
    result = FileResult(source)
    try:
        scan = inspect_workbook(path, limits, source, sheets=sheets_to_read)
        book = CalamineWorkbook.from_filelike(BytesIO(scan.data))
        WorkbookReader(source, book, scan, framework, result, today).read()
    except InputError as exc:
        result.problems.extend(exc.problems)
    except CalamineError as exc:
        result.problems.append(Problem(source, "", say("cannot_read", error=exc)))
    except MemoryError:
        result.problems.append(Problem(source, "", say("memory")))
    except Exception as exc:  # never a traceback for a user's file
        result.problems.append(Problem(source, "", say("unexpected", kind=type(exc).__name__,
                                                       error=exc)))
    if result.problems:
        result.startups, result.origins, result.weights = [], {}, None
        result.workbook_ids = set()
        if len(result.problems) > MAX_PROBLEMS_PER_FILE:
            more = len(result.problems) - MAX_PROBLEMS_PER_FILE
            result.problems = result.problems[:MAX_PROBLEMS_PER_FILE]
            result.problems.append(Problem(source, "", say("more_problems", n=more)))
    return result


def sheets_to_read(names: list[str]) -> list[str]:
    """The worksheets the importer may read, given all of a workbook's sheet names: ``About``,
    ``Assessment``, ``Scores``, ``Startups``, ``Decisions`` and ``Framework`` when present
    (any case, or a Chinese template's names: :func:`~models.workbook.words.sheet_key`);
    when neither ``Assessment`` nor ``Scores`` is there, the first :data:`MAX_DATA_SHEETS`
    other sheets but ``Charts`` and ``Summary`` (where a founder's own table may be)."""
    folded = {sheet_key(n): n for n in reversed(names)}
    wanted = [folded[k] for k in ("about", "assessment", "scores", "startups", "decisions",
                                  "framework") if k in folded]
    if "assessment" not in folded and "scores" not in folded:
        others = [n for n in names if sheet_key(n) not in _NOT_DATA_SHEETS]
        wanted += others[:MAX_DATA_SHEETS]
    return wanted


class WorkbookReader:
    """Reads one workbook that passed the guard; collects problems instead of stopping."""

    def __init__(self, source: str, book: CalamineWorkbook, scan: WorkbookScan,
                 framework: Framework, result: FileResult, today: dt.date) -> None:
        self.source = source
        self.book = book
        self.scan = scan
        self.fw = framework
        self.result = result
        self.today = today
        self.ids = {cid.casefold(): cid for cid in framework.criterion_ids}
        #: sheet key (:func:`~models.workbook.words.sheet_key`) → the sheet's name
        self.folded = {sheet_key(n): n for n in reversed(scan.names)}
        self._cache: dict[tuple[str, object], object] = {}
        self._grids: dict[str, SheetGrid] = {}

    # -- the workbook -----------------------------------------------------------------------
    def read(self) -> None:
        """Read the whole workbook into :attr:`result`."""
        from models.workbook.importing.export_reader import read_export
        from models.workbook.importing.framework_reader import read_weights
        from models.workbook.importing.template_reader import read_template

        if list(self.book.sheet_names) != self.scan.names:
            self.problem("", say("tampered"))
            return
        about = self.about()
        kind = workbook_kind(self, about)
        if kind is None:
            return
        self.result.kind = kind
        if kind == TEMPLATE:
            read_template(self, about)
        else:
            read_export(self, about)
        if not self.result.problems and "framework" in self.folded:
            self.result.weights = read_weights(self, self.grid(self.folded["framework"]))

    def about(self) -> dict[str, tuple[object, str]]:
        """About-sheet label → (value, cell)."""
        return about_cells(self)

    def framework_matches(self, fid: tuple[object, str] | None,
                          fver: tuple[object, str] | None, where: str) -> bool:
        """See :func:`models.workbook.importing.about_reader.framework_matches`."""
        return framework_matches(self, fid, fver, where)

    # -- problems and notes -----------------------------------------------------------------
    def problem(self, where: str, message: str) -> None:
        """The file cannot be imported: ``message`` says why, ``where`` is the sheet or cell."""
        self.result.problems.append(Problem(self.source, where, message))

    def note(self, where: str, message: str) -> None:
        """Something worth knowing that does not stop the import."""
        self.result.notes.append(Problem(self.source, where, message))

    # -- sheets and tables ------------------------------------------------------------------
    def grid(self, name: str) -> SheetGrid:
        """The sheet ``name`` (read once), with the formula and error cells the guard found."""
        if name in self._grids:
            return self._grids[name]
        sheet_scan = self.scan.sheets.get(name)
        if sheet_scan is None:  # pragma: no cover - sheets_to_read chose it, so it was scanned
            raise InputError.single(self.source, name, say("not_checked"))
        sheet = self.book.get_sheet_by_name(name)
        grid = SheetGrid(name, sheet.to_python(skip_empty_area=False),
                         sheet.merged_cell_ranges, sheet_scan.formulas,
                         errors=sheet_scan.errors)
        if sheet_scan.unplaced_formulas:
            self.problem(name, say("unplaced", n=sheet_scan.unplaced_formulas))
        self._grids[name] = grid
        return grid

    def forget(self, name: str) -> None:
        """Let the sheet ``name`` go (a sheet looked through for a table it does not hold)."""
        self._grids.pop(name, None)

    def criteria_table(self, sheet: str, skip: Sequence[str], what: str, expected: str
                       ) -> tuple[SheetGrid, int] | None:
        """The grid and header row of the table headed ``Criterion ID``: on the sheet named
        ``sheet`` (any case) when there is one, else on the first other sheet, but those in
        ``skip``, that holds it. ``None``, with a problem saying no ``what`` table was found
        and what was ``expected``, when none does."""
        candidates = ([self.folded[sheet]] if sheet in self.folded else
                      [n for n in self.scan.sheets if sheet_key(n) not in skip])
        for name in candidates:
            g = self.grid(name)
            row = g.find_header("criterionid")
            if row is not None:
                return g, row
            self.forget(name)
        if sheet not in self.folded:
            self.problem("", say("no_sheet", sheet=sheet.capitalize(), expected=expected))
        else:
            self.problem(candidates[0], say("no_table", what=what, rows=HEADER_ROWS,
                                            expected=expected))
        return None

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
                key = FIELD_ALIASES.get(key, key)
                if key in keys and key not in found:
                    found[key] = (r, grid.right_of(r, c))
                    if len(found) == len(keys):
                        return found
        return found

    def columns(self, grid: SheetGrid, h: int, required: Sequence[str],
                optional: Sequence[str]) -> dict[str, int] | None:
        """Header key → column of the table whose header is row ``h`` (``None``, with a
        problem, when a required column is missing or an input column appears twice)."""
        found = grid.header_columns(h)
        width = len(grid.rows[h])
        headers = say("list_sep").join(say("header_item", name=as_name(v))
                                       for v in grid.rows[h] if as_name(v)) or say("no_headers")
        out: dict[str, int] = {}
        ok = True
        for key in (*required, *optional):
            cols = found.get(key)
            if not cols:
                if key in required:
                    self.problem(grid.span_ref(h, 0, h, max(0, width - 1)),
                                 say("no_column", label=LABELS[key], headers=headers))
                    ok = False
                continue
            if len(cols) > 1 and key in (*required, *SCORE_INPUTS):
                self.problem(grid.ref(h, cols[1]), say("second_column", label=LABELS[key],
                                                       column=column_letter(cols[0] + 1)))
                ok = False
            out[key] = cols[0]
        return out if ok else None

    # -- cells ------------------------------------------------------------------------------
    def cell(self, grid: SheetGrid, at: tuple[int, int] | None, *, filled: bool = False
             ) -> object | None:
        """The value at ``at`` (``""`` when ``at`` is ``None``), as :meth:`value`."""
        if at is None:
            return ""
        return self.value(grid, *at, filled=filled)

    def value(self, grid: SheetGrid, r: int, c: int, *, filled: bool = False) -> object | None:
        """The value at ``(r, c)`` (of its merged range when ``filled``): ``None``, with a
        problem, for a formula; ``""``, with a note, for an error cell; text without control
        characters, with a note when some were replaced."""
        if (r, c) in grid.formulas:
            self.problem(grid.ref(r, c), say("formula"))
            return None
        if grid.errors and (r, c) in grid.errors:
            self.note(grid.ref(r, c), say("error_empty", error=grid.errors[(r, c)]))
            return ""
        v = grid.filled(r, c) if filled else grid.value(r, c)
        return self.clean(grid, r, c, v) if v.__class__ is str and v else v

    def clean(self, grid: SheetGrid, r: int, c: int, v: object) -> object:
        """``v`` (from the cell at ``(r, c)``) without control characters (noted)."""
        if isinstance(v, str) and v:
            v, message = clean_cell_text(v)
            if message:
                self.note(grid.ref(r, c), message)
        return v

    def parsed(self, kind: str, parse: Callable[[object], T], value: object,
               where: str | Callable[[], str]) -> T | CellError:
        """``parse(value)``, each distinct value parsed (and reported) once per file;
        ``CellError`` is reported at ``where`` (a cell, or a function giving it) and is
        returned instead of a value."""
        key = (kind, value if not isinstance(value, float) else repr(value))
        if key in self._cache:
            return cast("T | CellError", self._cache[key])
        out: T | CellError
        try:
            out = parse(value)
        except CellError as exc:
            self.problem(where() if callable(where) else where, str(exc))
            out = exc
        self._cache[key] = out
        return out

    def criterion(self, grid: SheetGrid, r: int, c_id: int, cols: dict[str, int]) -> str | None:
        """The criterion id in row ``r`` (known to the framework), or ``None`` for a row to
        skip (blank, or reported)."""
        if grid.is_formula(r, c_id):
            self.problem(grid.ref(r, c_id), say("formula"))
            return None
        text = as_name(grid.value(r, c_id))
        if not text:
            c_score = cols["score"]
            if not is_blank(grid.value(r, c_score)) or grid.is_formula(r, c_score):
                self.problem(grid.ref(r, c_score), say("score_no_id",
                                                       column=column_letter(c_id + 1)))
            return None
        cid = self.ids.get(text.casefold())
        if cid is None:
            examples = say("list_sep").join(self.fw.criterion_ids[:3])
            self.problem(grid.ref(r, c_id), say("unknown_criterion", shown=text, n=len(self.ids),
                                                id=self.fw.id, version=self.fw.version,
                                                examples=examples))
            return None
        return cid

    def score(self, grid: SheetGrid, r: int, cols: dict[str, int]) -> Score | None:
        """The Score in row ``r``, or ``None`` when nothing was entered (or it is bad). A
        score cell the workbook's formulas do not count is not scored, with a note."""
        raw: dict[str, object] = {}
        bad = False
        for key in SCORE_INPUTS:
            c = cols.get(key)
            if c is None:
                raw[key] = ""
            elif key == "score":
                raw[key] = self._score_cell(grid, r, c)
                bad = bad or raw[key] is None
            else:
                raw[key] = self.value(grid, r, c)
                bad = bad or raw[key] is None
        try:
            confidence = parse_confidence(raw["confidence"])
        except CellError as exc:
            self.problem(grid.ref(r, cols["confidence"]), str(exc))
            return None
        if bad:
            return None
        value = raw["score"]  # a level, or "" when not scored
        rationale, evidence = as_text(raw["rationale"]), as_text(raw["evidence"])
        if value == "" and confidence is None and not rationale and not evidence:
            return None
        level = value if isinstance(value, int) else None
        return Score(value=level, confidence=confidence or "medium",
                     rationale=rationale, evidence=evidence)

    def _score_cell(self, grid: SheetGrid, r: int, c: int) -> int | str | None:
        """The level in a Score cell; ``""`` when not scored; ``None`` (with a problem) when
        the cell refuses the file."""
        where = grid.ref(r, c)
        if grid.is_formula(r, c):
            self.problem(where, say("formula"))
            return None
        error = grid.error(r, c)
        if error is not None:
            self.note(where, say("score_error", error=error))
            return ""
        try:
            reading = read_score(grid.value(r, c))
        except CellError as exc:
            self.problem(where, str(exc))
            return None
        if reading.warning:
            self.note(where, reading.warning)
        return reading.value if reading.value is not None else ""
