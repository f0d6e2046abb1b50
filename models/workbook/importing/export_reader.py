"""Reading a Beachhead export: every startup and assessment from the Scores sheet, with the
startups' fields from the Startups sheet (see :mod:`models.workbook.layout`).

**Startups keep their identity.** Rows belong to a startup by their ``Startup ID`` (layout 2);
in a workbook without that column (layout 1) by the exact ``Startup`` text, and a name found
on the Startups sheet gives the startup that row's id. Names that differ only in case or
spacing are never merged: each stays a startup of its own, with a note naming both.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypedDict

from models.core.decisions import Decision
from models.core.portfolio import Assessment, Role, Score, Startup, new_id
from models.workbook.importing.cells import (
    CellError,
    as_name,
    as_text,
    identity_key,
    parse_date,
    parse_role,
    parse_website,
    split_tags,
)
from models.workbook.importing.decisions_reader import DecisionRow, read_decisions
from models.workbook.importing.problem_texts import say
from models.workbook.importing.sheet_grid import SheetGrid

if TYPE_CHECKING:
    from models.workbook.importing.reader import WorkbookReader

_KEYS = ("startup", "startupid", "assessor", "role", "date")
_FIELDS = ("sector", "stage", "region", "website", "tags", "notes")
_EMPTY = Score()


class _Fields(TypedDict, total=False):
    """A startup's fields from the Startups sheet."""

    sector: str
    stage: str
    region: str
    website: str
    tags: list[str]
    notes: str


@dataclass
class _Draft:
    """A startup being assembled from an export's rows."""

    name: str
    sid: str | None
    where: str
    fields: _Fields = field(default_factory=lambda: _Fields())
    decisions: list[Decision] = field(default_factory=list)
    # (assessor, role, date) → assessments, each a dict criterion → Score, with its rows
    groups: dict[tuple[str, Role, dt.date], list[tuple[dict[str, Score], list[int]]]] = field(
        default_factory=dict)


class _Startups:
    """The startups of one export, found by id or by exact name."""

    def __init__(self, reader: WorkbookReader) -> None:
        self.reader = reader
        self.drafts: list[_Draft] = []
        self.by_id: dict[str, _Draft] = {}
        self.by_name: dict[str, list[_Draft]] = {}
        self._seen: dict[tuple[str, str], _Draft] = {}
        self.listed = False  # the Startups sheet was read: every Startup ID must be on it

    def add(self, name: str, sid: str | None, where: str) -> _Draft:
        draft = _Draft(name, sid, where)
        self.drafts.append(draft)
        if sid:
            self.by_id[sid] = draft
        self.by_name.setdefault(name, []).append(draft)
        return draft

    def for_row(self, sid: str, name: str, where: str, id_cell: str) -> _Draft:
        """The startup a Scores row belongs to (made on first sight); ``where`` is the row's
        Startup cell, ``id_cell`` its Startup ID cell."""
        key = (sid, name)
        draft = self._seen.get(key)
        if draft is not None:
            return draft
        if sid and self.listed and sid not in self.by_id:
            self.reader.problem(id_cell, say("id_not_listed", sid=sid))
            draft = self.by_name.get(name, [None])[0] or self.add(name, sid, where)
        elif sid:
            draft = self.by_id.get(sid) or self.add(name, sid, where)
            if name and name != draft.name:
                self.reader.note(where, say("id_other_name", sid=sid, name=name,
                                            known=draft.name, where=draft.where))
        else:
            same = self.by_name.get(name, [])
            draft = same[0] if same else self.add(name, None, where)
            if len(same) > 1:
                self.reader.note(where, say("same_names", n=len(same), name=name,
                                            where=draft.where))
        self._seen[key] = draft
        return draft

    def decide(self, row: DecisionRow) -> None:
        """Attach a decision read on the Decisions sheet to its startup (a problem when the
        workbook has no such startup)."""
        sid, name = row.startup_id, row.startup
        draft = self.by_id.get(sid) if sid else None
        if draft is None and not (sid and self.listed):
            same = self.by_name.get(name, [])
            draft = same[0] if same else None
        if draft is not None:
            draft.decisions.append(row.decision)
        elif sid and self.listed:
            self.reader.problem(row.id_cell, say("decision_id", sid=sid))
        else:
            self.reader.problem(row.where, say("decision_name", name=name))

    def read_sheet(self) -> None:
        """The Startups sheet: every startup with its fields (a note when it is missing)."""
        r_ = self.reader
        name = r_.folded.get("startups")
        if name is None:
            r_.note("", say("no_startups_sheet"))
            return
        grid = r_.grid(name)
        h = grid.find_header("startup")
        if h is None:
            r_.note(name, say("no_startup_header"))
            return
        cols = r_.columns(grid, h, ("startup",), ("startupid", *_FIELDS))
        if cols is None:
            return
        for r in range(h + 1, grid.height):
            self._startup_row(grid, r, cols)
        self.listed = "startupid" in cols

    def _startup_row(self, grid: SheetGrid, r: int, cols: dict[str, int]) -> None:
        r_ = self.reader
        values = {k: r_.value(grid, r, c, filled=True) for k, c in cols.items()}
        if any(v is None for v in values.values()):
            return
        text = as_text(values["startup"])
        if not text.strip():
            return
        sid = as_name(values.get("startupid", ""))
        if sid and sid in self.by_id:
            r_.note(grid.ref(r, cols["startupid"]), say("id_twice", sid=sid,
                                                         where=self.by_id[sid].where))
            return
        website = r_.parsed("website", parse_website, values.get("website", ""),
                            lambda: grid.ref(r, cols["website"]))
        draft = self.add(text, sid or None, grid.ref(r, cols["startup"]))
        draft.fields = _Fields(
            sector=as_name(values.get("sector", "")), stage=as_name(values.get("stage", "")),
            region=as_name(values.get("region", "")),
            website=website if isinstance(website, str) else "",
            tags=split_tags(values.get("tags", "")), notes=as_text(values.get("notes", "")),
        )


def read_export(reader: WorkbookReader, about: dict[str, tuple[object, str]]) -> None:
    """Read an export's startups and assessments into ``reader.result``."""
    if not reader.framework_matches(about.get("frameworkid"), about.get("frameworkversion"),
                                    reader.folded.get("about", "")):
        return
    found = reader.criteria_table(
        "scores", ("about", "startups", "framework"), say("table_scores"),
        say("expected_scores"))
    if found is None:
        return
    grid, h = found
    cols = reader.columns(grid, h, ("startup", "criterionid", "score"),
                          ("assessor", "role", "date", "confidence", "rationale", "evidence",
                           "startupid"))
    startups = _Startups(reader)
    startups.read_sheet()
    if cols is None:
        return
    undated = _Rows(reader, grid, cols, startups).read(h)
    for row in read_decisions(reader):
        startups.decide(row)
    if reader.result.problems:
        return
    if undated:
        reader.note(grid.sheet, say("undated", n=undated, today=reader.today.isoformat()))
    _build(reader, startups, grid)


class _Rows:
    """The Scores rows, grouped into assessments: by startup, assessor, role and date; a
    criterion met again for the same four starts another assessment."""

    def __init__(self, reader: WorkbookReader, grid: SheetGrid, cols: dict[str, int],
                 startups: _Startups) -> None:
        self.reader, self.grid, self.cols, self.startups = reader, grid, cols, startups
        self.key_cols = {k: cols.get(k) for k in _KEYS}
        self.texts: dict[tuple[int, object], str] = {}

    def read(self, h: int) -> int:
        """Read every row below the header ``h``; returns how many assessments had no date."""
        undated: set[tuple[int, str, str]] = set()
        for r in range(h + 1, self.grid.height):
            self._row(r, undated)
        return len(undated)

    def _key(self, r: int, k: str) -> object | None:
        c = self.key_cols[k]
        if c is None:
            return ""
        grid = self.grid
        if (r, c) in grid.formulas:
            self.reader.problem(grid.ref(r, c), say("formula"))
            return None
        if grid.errors and (r, c) in grid.errors:
            self.reader.note(grid.ref(r, c), say("error_empty", error=grid.errors[(r, c)]))
            return ""
        raw = grid.filled(r, c)
        if not isinstance(raw, str):
            return raw
        text = self.texts.get((c, raw))
        if text is None:  # each distinct text cleaned (and noted) once per column
            text = self.texts[(c, raw)] = str(self.reader.clean(grid, r, c, raw))
        return text

    def _where(self, k: str, r: int) -> Callable[[], str]:
        c = self.key_cols[k]
        return lambda: self.grid.ref(r, c) if c is not None else self.grid.sheet

    def _row(self, r: int, undated: set[tuple[int, str, str]]) -> None:
        reader, grid = self.reader, self.grid
        cid = reader.criterion(grid, r, self.cols["criterionid"], self.cols)
        if cid is None:
            return
        keys = {k: self._key(r, k) for k in _KEYS}
        if any(v is None for v in keys.values()):
            return
        name, sid = as_text(keys["startup"]), as_name(keys["startupid"])
        if not name.strip() and not (sid and sid in self.startups.by_id):
            reader.problem(grid.ref(r, self.cols["startup"]), say("no_name"))
            return
        role = reader.parsed("role", parse_role, keys["role"], self._where("role", r))
        date = reader.parsed("date", parse_date, keys["date"], self._where("date", r))
        score = reader.score(grid, r, self.cols)
        if isinstance(role, CellError) or isinstance(date, CellError):
            return
        draft = self.startups.for_row(sid, name, grid.ref(r, self.cols["startup"]),
                                      self._where("startupid", r)())
        assessor = as_name(keys["assessor"])
        if date is None:
            undated.add((id(draft), identity_key(assessor), str(role)))
            date = reader.today
        group = draft.groups.setdefault((assessor, role or "founder", date), [])
        for scores, rows in group:  # noqa: B007 - the pair found is used below
            if cid not in scores:
                break
        else:
            scores, rows = {}, []
            group.append((scores, rows))
        rows.append(r)
        # an unscored, empty row still marks the criterion as seen for this assessment
        scores[cid] = score if score is not None else _EMPTY


def _build(reader: WorkbookReader, startups: _Startups, grid: SheetGrid) -> None:
    result = reader.result
    last_col = max(len(row) for row in grid.rows) - 1 if grid.rows else 0
    for draft in startups.drafts:
        assessments = []
        for (assessor, role, date), group in draft.groups.items():
            for scores, rows in group:
                a = Assessment(assessor=assessor, role=role, date=date,
                               scores={k: v for k, v in scores.items() if v is not _EMPTY})
                assessments.append((rows[0], a))
                result.origins[a.id] = grid.span_ref(min(rows), 0, max(rows), last_col)
        assessments.sort(key=lambda pair: pair[0])
        result.startups.append(Startup(
            id=draft.sid or new_id(), name=draft.name, assessments=[a for _, a in assessments],
            decisions=sorted(draft.decisions, key=lambda d: d.date), **draft.fields))
        if draft.sid:
            result.workbook_ids.add(draft.sid)
    _look_alikes(reader, startups.drafts)


def _look_alikes(reader: WorkbookReader, drafts: list[_Draft]) -> None:
    """A note for every pair of startups whose names differ only in case or spacing (or
    not at all): they stay apart."""
    groups: dict[str, list[_Draft]] = {}
    for d in drafts:
        groups.setdefault(identity_key(d.name), []).append(d)
    for same in groups.values():
        for other in same[1:]:
            first = same[0]
            how = say("how_same" if other.name == first.name else "how_case")
            apart = say("apart_ids" if first.sid and other.sid else "apart_names")
            reader.note(other.where, say("look_alike", first=first.name, other=other.name,
                                         first_where=first.where, other_where=other.where,
                                         how=how, apart=apart))
