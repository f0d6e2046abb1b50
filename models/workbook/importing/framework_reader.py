"""Reading the weights on a workbook's Framework sheet.

The sheet invites editing them, and the workbook's formulas re-score everything with what it
holds, so an import reads them back: pillar weights (``Pillar weight``), criterion weights
(``Weight``) and ``Enabled``, read the way the formulas read them (a pillar is enabled only
when its cell reads ``yes``, in any case; ``是`` in a Chinese template, whose header reads
``启用``). Where they differ from the framework the file was
read against they become :class:`~models.workbook.importing.report.WorkbookWeights`; what happens
to them
is decided on merging (:mod:`models.workbook.importing.merge`). A weight that is not a number in
range is
not taken (the framework's stays), with a note naming the cell.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from models.core.framework import MAX_WEIGHT, MIN_WEIGHT, text
from models.workbook.formulas import DISABLED, ENABLED
from models.workbook.importing.cells import as_name, as_text, is_blank
from models.workbook.importing.problem_texts import say
from models.workbook.importing.report import WorkbookWeights
from models.workbook.importing.sheet_grid import SheetGrid
from models.workbook.words import Words

if TYPE_CHECKING:
    from models.workbook.importing.reader import WorkbookReader

_ROWS = 200


def read_weights(reader: WorkbookReader, grid: SheetGrid) -> WorkbookWeights | None:
    """The Framework sheet's weights (:attr:`~WorkbookWeights.changes` lists how they differ
    from ``reader.fw``, empty when they do not); ``None`` when the sheet has no weight
    tables."""
    fw = reader.fw
    pillars, on_off = _table(reader, grid, "pillarid", ("pillarweight", "enabled"),
                             {p.id for p in fw.pillars})
    criteria, _ = _table(reader, grid, "criterionid", ("weight",), set(fw.criterion_ids))
    if not pillars and not criteria:
        return None
    out = WorkbookWeights({p.id: p.weight for p in fw.pillars},
                          {c.id: c.weight for c in fw.criteria},
                          {p.id: p.enabled for p in fw.pillars})
    switches = []
    for p in fw.pillars:
        row = pillars.get(p.id, {})
        _weight(reader, out, out.pillar_weights, p.id, row.get("pillarweight"),
                say("pillar", id=p.id, name=text(p.name)))
        switches.append(_enabled(reader, out, p.id, text(p.name), row.get("enabled"), on_off))
    for c in fw.criteria:
        _weight(reader, out, out.criterion_weights, c.id, criteria.get(c.id, {}).get("weight"),
                say("criterion", id=c.id))
    if not any(out.enabled.values()):
        reader.note(grid.sheet, say("all_off"))
        out.enabled = {p.id: p.enabled for p in fw.pillars}
        out.changes = [c for c in out.changes if c not in switches]
    return out


Cell = tuple[object, str, bool, str | None]  # value, reference, formula, error


def _table(reader: WorkbookReader, grid: SheetGrid, id_key: str, keys: tuple[str, ...],
           known: set[str]) -> tuple[dict[str, dict[str, Cell]], tuple[str, str]]:
    """Id → {column key → cell} for the table headed by ``id_key`` (known ids only), and the
    values that switch a pillar on and off: ``是`` and ``否`` when the ``Enabled`` header is a
    Chinese template's, else ``yes`` and ``no``."""
    h = grid.find_header(id_key, _ROWS)
    if h is None:
        return {}, (ENABLED, DISABLED)
    columns = grid.header_columns(h)
    zh = Words("zh_CN")
    on_off = ((zh.value(ENABLED), zh.value(DISABLED))
              if "enabled" in columns
              and as_name(grid.value(h, columns["enabled"][0])) == zh.label("Enabled")
              else (ENABLED, DISABLED))
    c_id = columns[id_key][0]
    wanted = {k: columns[k][0] for k in keys if k in columns}
    out: dict[str, dict[str, Cell]] = {}
    for r in range(h + 1, min(grid.height, h + 1 + _ROWS)):
        ident = as_name(grid.value(r, c_id))
        if not ident:
            break
        if ident in known and ident not in out and not grid.is_formula(r, c_id):
            out[ident] = {k: (grid.value(r, c), grid.ref(r, c), grid.is_formula(r, c),
                              grid.error(r, c)) for k, c in wanted.items()}
    return out, on_off


def _usable(reader: WorkbookReader, cell: Cell | None, kept: str) -> object | None:
    """The cell's value, or ``None`` (with a note) for a formula or an error."""
    if cell is None:
        return None
    value, ref, formula, error = cell
    if formula:
        reader.note(ref, say("formula_kept", kept=kept))
        return None
    if error is not None:
        reader.note(ref, say("error_kept", error=error, kept=kept))
        return None
    return value


def _weight(reader: WorkbookReader, out: WorkbookWeights, weights: dict[str, float],
            ident: str, cell: Cell | None, what: str) -> None:
    kept = say("weight_kept", weight=weights[ident])
    value = _usable(reader, cell, kept)
    if value is None or cell is None:
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not (math.isfinite(value) and MIN_WEIGHT <= value <= MAX_WEIGHT):
        shown = as_text(value) or say("an_empty_cell")
        reader.note(cell[1], say("bad_weight", what=what, shown=shown, low=MIN_WEIGHT,
                                 high=MAX_WEIGHT, kept=kept))
        return
    new = float(value)
    old = weights[ident]
    if not math.isclose(new, old, rel_tol=1e-12, abs_tol=1e-15):
        weights[ident] = new
        out.changes.append(say("weight_change", what=what, old=old, new=new, cell=cell[1]))


def _enabled(reader: WorkbookReader, out: WorkbookWeights, pid: str, name: str,
             cell: Cell | None, on_off: tuple[str, str]) -> str | None:
    """Read the Enabled cell of pillar ``pid``; the line added to ``out.changes`` when it
    switches the pillar on or off."""
    was = out.enabled[pid]
    value = _usable(reader, cell, say("stays_on" if was else "stays_off", id=pid))
    if value is None or cell is None:
        return None
    on, off = on_off
    shown = as_text(value)
    now = isinstance(value, str) and value.casefold() == on
    if is_blank(value) or (not now and shown.strip().casefold() not in (off, on)):
        reader.note(cell[1], say("enabled_other", shown=shown, on=on, id=pid))
    elif not now and shown.strip().casefold() == on:
        reader.note(cell[1], say("enabled_spaces", shown=shown, on=on, id=pid))
    if now == was:
        return None
    out.enabled[pid] = now
    line = say("switched_on" if now else "switched_off", id=pid, name=name, cell=cell[1])
    out.changes.append(line)
    return line
