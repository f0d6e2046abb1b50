"""The About sheet: what kind of workbook this is, its layout version, and the framework it
was made for (see :mod:`models.workbook.layout`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from models.workbook.importing.cells import as_name
from models.workbook.importing.problem_texts import say
from models.workbook.layout import EXPORT_KIND, LAYOUT_VERSION, TEMPLATE_KIND

if TYPE_CHECKING:
    from models.workbook.importing.reader import WorkbookReader

TEMPLATE, EXPORT = "template", "export"
ABOUT_FIELDS = ("workbook", "layoutversion", "frameworkid", "frameworkversion")


def workbook_kind(reader: WorkbookReader, about: dict[str, tuple[object, str]]
                  ) -> str | None:
    """``template`` or ``export`` (``None`` with a problem for another kind or a newer
    layout)."""
    kind_cell = about.get("workbook")
    kind_value = as_name(kind_cell[0]) if kind_cell else ""
    if kind_value == TEMPLATE_KIND:
        kind = TEMPLATE
    elif kind_value == EXPORT_KIND:
        kind = EXPORT
    elif kind_value:
        assert kind_cell is not None
        reader.problem(kind_cell[1], say("other_kind", kind=kind_value, template=TEMPLATE_KIND,
                                         export=EXPORT_KIND))
        return None
    else:
        kind = EXPORT if "scores" in reader.folded else TEMPLATE
    layout = about.get("layoutversion")
    if layout:
        try:
            version = int(float(as_name(layout[0])))
        except ValueError:
            version = LAYOUT_VERSION
        if version > LAYOUT_VERSION:
            reader.problem(layout[1], say("newer_layout", version=version,
                                          expected=LAYOUT_VERSION))
            return None
    return kind


def about_cells(reader: WorkbookReader) -> dict[str, tuple[object, str]]:
    """About-sheet label → (value, cell)."""
    name = reader.folded.get("about")
    if name is None:
        return {}
    grid = reader.grid(name)
    at = reader.labels(grid, ABOUT_FIELDS, range(min(grid.height, 60)))
    return {k: (grid.value(r, c), grid.ref(r, c)) for k, (r, c) in at.items()}


def framework_matches(reader: WorkbookReader, fid: tuple[object, str] | None,
                      fver: tuple[object, str] | None, where: str) -> bool:
    """True when the workbook says it was made for the framework read against (or says
    nothing, with a note); a problem otherwise."""
    fw = reader.fw
    if fid is None and fver is None:
        reader.note(where, say("framework_unsaid", id=fw.id, version=fw.version))
        return True
    wid = as_name(fid[0]) if fid else ""
    wver = as_name(fver[0]) if fver else ""
    reader.result.framework = (wid, wver)
    remedy = say("remedy")
    if fid is not None and wid != fw.id:
        reader.problem(fid[1], say("other_framework_version" if wver else "other_framework",
                                   wid=wid, wver=wver, id=fw.id, version=fw.version,
                                   remedy=remedy))
        return False
    if fver is not None and wver != fw.version:
        reader.problem(fver[1], say("other_version", wver=wver or say("empty_version"),
                                    wid=wid or fw.id, version=fw.version, remedy=remedy))
        return False
    return True
