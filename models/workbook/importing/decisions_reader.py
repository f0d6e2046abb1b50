"""Reading an export's ``Decisions`` sheet (:mod:`models.workbook.decisions_sheet`): every
decision with the startup it belongs to.

A workbook without the sheet (an export of layout 2 or older) has no decisions to read. Rows
belong to a startup by ``Startup ID``, else by the exact ``Startup`` text, as on the Scores
sheet (:mod:`models.workbook.importing.export_reader` attaches them). A status reads in any
case, as the portfolio stores it (``diligence``) or by its name in English or Chinese
(``Diligence``, ``尽调``); a decision needs a date; ``By`` and ``Rationale`` are kept as typed;
``Current`` is not read (the current decision is the latest by date). A blank row is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from models.core.decisions import STATUSES, Decision, Status, status_name
from models.workbook.importing.cells import (
    CellError,
    as_name,
    as_text,
    is_blank,
    parse_date,
)
from models.workbook.importing.problem_texts import say
from models.workbook.importing.sheet_grid import SheetGrid

if TYPE_CHECKING:
    from models.workbook.importing.reader import WorkbookReader

_OPTIONAL = ("startupid", "date", "by", "rationale")
#: Each status's names in every language Beachhead speaks, folded → the stored status.
_STATUS_NAMES = {status_name(s, lang).casefold(): s for s in STATUSES
                 for lang in ("en", "zh_CN")} | {s: s for s in STATUSES}


@dataclass(frozen=True)
class DecisionRow:
    """One decision read, with the startup it names.

    Attributes:
        startup_id: the row's Startup ID (``""`` when none), startup: its Startup text.
        where: the row's Startup cell, id_cell: its Startup ID cell (for problems).
        decision: the decision.
    """

    startup_id: str
    startup: str
    where: str
    id_cell: str
    decision: Decision


def parse_status(value: object) -> Status:
    """A status from a cell (see the module notes).

    Raises:
        CellError: an empty cell or anything else.
    """
    key = as_name(value).casefold()
    if key in _STATUS_NAMES:
        return cast("Status", _STATUS_NAMES[key])
    shown = as_name(value)
    raise CellError(say("bad_status" if shown else "no_status", shown=shown,
                        choices=say("list_sep").join(STATUSES)))


def read_decisions(reader: WorkbookReader) -> list[DecisionRow]:
    """Every decision on the workbook's Decisions sheet (none without one); problems for
    cells that cannot be read."""
    name = reader.folded.get("decisions")
    if name is None:
        return []
    grid = reader.grid(name)
    h = grid.find_header("status")
    if h is None:
        reader.note(name, say("no_status_header"))
        return []
    cols = reader.columns(grid, h, ("startup", "status"), _OPTIONAL)
    if cols is None:
        return []
    out = []
    for r in range(h + 1, grid.height):
        row = _row(reader, grid, r, cols)
        if row is not None:
            out.append(row)
    return out


def _row(reader: WorkbookReader, grid: SheetGrid, r: int, cols: dict[str, int]
         ) -> DecisionRow | None:
    values = {k: reader.value(grid, r, c) for k, c in cols.items()}
    if any(v is None for v in values.values()):
        return None  # a formula, reported
    if all(is_blank(v) for v in values.values()):
        return None
    status = day = None
    try:
        status = parse_status(values["status"])
    except CellError as exc:
        reader.problem(grid.ref(r, cols["status"]), str(exc))
    where_date = grid.ref(r, cols["date"]) if "date" in cols else grid.ref(r, cols["status"])
    try:
        day = parse_date(values.get("date", ""))
        if day is None:
            reader.problem(where_date, say("decision_no_date", expected=say("expected_date")))
    except CellError as exc:
        reader.problem(where_date, str(exc))
    name, sid = as_text(values["startup"]), as_name(values.get("startupid", ""))
    if not name.strip() and not sid:
        reader.problem(grid.ref(r, cols["startup"]), say("decision_no_startup"))
        return None
    if status is None or day is None:
        return None
    id_cell = grid.ref(r, cols["startupid"]) if "startupid" in cols else ""
    return DecisionRow(sid, name, grid.ref(r, cols["startup"]), id_cell, Decision(
        status=status, date=day, by=as_text(values.get("by", "")),
        rationale=as_text(values.get("rationale", ""))))
