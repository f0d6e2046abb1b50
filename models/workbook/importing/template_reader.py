"""Reading a filled founder template (or a founder's own sheet laid out like one): one startup
with one assessment. Startup fields are found by their labels, the criteria table by its
``Criterion ID`` header (see :mod:`models.workbook.layout`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.core.portfolio import Assessment, Role, Score, Startup
from models.core.speech import language
from models.workbook.count_texts import counted
from models.workbook.importing.cells import (
    CellError,
    as_name,
    as_text,
    parse_date,
    parse_role,
    parse_website,
    split_tags,
)
from models.workbook.importing.problem_texts import say
from models.workbook.importing.sheet_grid import SheetGrid

if TYPE_CHECKING:
    from models.workbook.importing.reader import WorkbookReader

TEMPLATE_FIELDS = ("startup", "assessor", "role", "date", "sector", "stage", "region",
                   "website", "tags", "notes", "frameworkid", "frameworkversion")


@dataclass(frozen=True)
class _Fields:
    """The startup and assessment fields above a template's criteria table."""

    startup: str
    assessor: str
    role: Role
    date: dt.date
    sector: str
    stage: str
    region: str
    website: str
    tags: list[str]
    notes: str


def read_template(reader: WorkbookReader, about: dict[str, tuple[object, str]]) -> None:
    """Read the template's one startup and assessment into ``reader.result``."""
    found = reader.criteria_table(
        "assessment", ("about", "framework"), say("table_criteria"), say("expected_template"))
    if found is None:
        return
    grid, h = found
    at = reader.labels(grid, TEMPLATE_FIELDS, range(h))
    fid = about.get("frameworkid") or _at(grid, at, "frameworkid")
    fver = about.get("frameworkversion") or _at(grid, at, "frameworkversion")
    if not reader.framework_matches(fid, fver, grid.sheet):
        return
    cols = reader.columns(grid, h, ("criterionid", "score"),
                          ("confidence", "rationale", "evidence"))
    fields = _fields(reader, grid, at)
    if cols is None:
        return
    scores, rows = _score_rows(reader, grid, h, cols)
    if reader.result.problems or fields is None:
        return
    # a criterion whose row is there is not missing, scored or not (a refused score has its
    # own note, naming its cell)
    missing = [cid for cid in reader.fw.criterion_ids if cid not in rows]
    if missing:
        reader.note(grid.sheet, say("criteria_missing",
                                    criteria=counted(language(), "criteria_without_row",
                                                     len(missing)),
                                    ids=say("list_sep").join(missing)))
    if not any(s.value is not None for s in scores.values()):
        reader.note(grid.sheet, say("nothing_scored"))
    assessment = Assessment(assessor=fields.assessor, role=fields.role, date=fields.date,
                            scores=dict(scores))
    startup = Startup(name=fields.startup, sector=fields.sector, stage=fields.stage,
                      region=fields.region, website=fields.website, tags=fields.tags,
                      notes=fields.notes,
                      assessments=[assessment])
    reader.result.startups.append(startup)
    reader.result.origins[assessment.id] = grid.sheet


def _at(grid: SheetGrid, at: dict[str, tuple[int, int]], key: str
        ) -> tuple[object, str] | None:
    if key not in at:
        return None
    r, c = at[key]
    return grid.value(r, c), grid.ref(r, c)


def _fields(reader: WorkbookReader, grid: SheetGrid, at: dict[str, tuple[int, int]]
            ) -> _Fields | None:
    """The startup and assessment fields above the table (``None`` when one is bad)."""
    values = {key: reader.cell(grid, at.get(key)) for key in TEMPLATE_FIELDS}
    if any(v is None for v in values.values()):
        return None
    if "startup" not in at:
        reader.problem(grid.sheet, say("no_startup_field"))
        return None
    name = as_text(values["startup"])
    if not name.strip():
        reader.problem(grid.ref(*at["startup"]), say("empty_name"))
        return None
    where = {k: grid.ref(*at[k]) if k in at else grid.sheet for k in TEMPLATE_FIELDS}
    role = reader.parsed("role", parse_role, values["role"], where["role"])
    date = reader.parsed("date", parse_date, values["date"], where["date"])
    website = reader.parsed("website", parse_website, values["website"], where["website"])
    if isinstance(role, CellError) or isinstance(date, CellError) or \
            isinstance(website, CellError):
        return None
    if date is None:
        date = reader.today
        reader.note(where["date"], say("dated_today", today=reader.today.isoformat()))
    return _Fields(
        startup=name, assessor=as_name(values["assessor"]), role=role or "founder", date=date,
        sector=as_name(values["sector"]), stage=as_name(values["stage"]),
        region=as_name(values["region"]), website=website, tags=split_tags(values["tags"]),
        notes=as_text(values["notes"]),
    )


def _score_rows(reader: WorkbookReader, grid: SheetGrid, h: int, cols: dict[str, int]
                ) -> tuple[dict[str, Score], set[str]]:
    """A template's criteria rows: criterion id → Score (rows with nothing entered, or whose
    score was refused, are left out), and the ids of the criteria that have a row."""
    out: dict[str, Score] = {}
    first_row: dict[str, int] = {}
    c_id = cols["criterionid"]
    for r in range(h + 1, grid.height):
        cid = reader.criterion(grid, r, c_id, cols)
        if cid is None:
            continue
        if cid in first_row:
            reader.problem(grid.ref(r, c_id), say("criterion_twice", id=cid,
                                                  row=first_row[cid] + 1))
            continue
        first_row[cid] = r
        score = reader.score(grid, r, cols)
        if score is not None:
            out[cid] = score
    return out, set(first_row)
