"""Building blocks shared by the workbook export and the founder template.

Cells for openpyxl's write-only (streaming) sheets with safe text
(:class:`SheetCells`), styles, column widths and row heights, print setup, the ``Framework``
and ``About`` sheets, the workbook's identity (defined names, custom document properties)
and an atomic save.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties

from models import __version__
from models.atomic_file import atomic_output
from models.framework import Framework, text
from models.workbook_formulas import DISABLED, ENABLED
from models.workbook_layout import (
    ABOUT,
    ABOUT_APP,
    ABOUT_EXPORTED,
    ABOUT_FRAMEWORK,
    ABOUT_FRAMEWORK_ID,
    ABOUT_FRAMEWORK_VERSION,
    ABOUT_LANGUAGE,
    ABOUT_LAYOUT,
    ABOUT_SOURCE,
    ABOUT_WORKBOOK,
    CRITERIA_HEADERS,
    CUSTOM_PROPERTIES,
    DEFINED_NAMES,
    FRAMEWORK,
    LAYOUT_VERSION,
    PILLAR_HEADERS,
    FrameworkSheet,
    column_letter,
)
from models.workbook_texts import TEXTS
from models.xlsx_text import TextWarning, cell_text, display_width, is_plain

DATE_FORMAT = "yyyy-mm-dd"
SCORE_FORMAT = "0.0"
SHARE_FORMAT = "0.0%"
HEADER_FONT = Font(name="Calibri", bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
TITLE_FONT = Font(name="Calibri", bold=True, size=14)
SECTION_FONT = Font(name="Calibri", bold=True, size=12)
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
UNLOCKED = Protection(locked=False)
# fixed anchors (no min-max normalisation): red at 0, amber at the middle, green at the top
RED, AMBER, GREEN = "F8696B", "FFEB84", "63BE7B"


class SheetCells:
    """Makes cells for one write-only sheet and collects text warnings for it.

    Plain text goes into a row as a ``str`` (the fast path); text that needs forcing to stay
    text, or escaping, becomes a styled :class:`~openpyxl.cell.WriteOnlyCell`.
    """

    def __init__(self, ws, warnings: list[TextWarning]) -> None:  # type: ignore[no-untyped-def]
        self.ws = ws
        self.title: str = ws.title
        self.warnings = warnings

    def text(self, value: str | None, where: str | Callable[[], str] = "", **style):  # type: ignore[no-untyped-def]
        """A cell value for user text ``value``; ``where`` names the cell for warnings
        (a string like ``M14`` or ``A2:A19``, or a function returning one)."""
        if value is None or value == "":
            return self.styled(None, **style) if style else None
        if not style and is_plain(value):
            return value  # the common case: nothing to force, escape or report
        ct = cell_text(value)
        if ct.problems:
            place = where() if callable(where) else where
            for problem in ct.problems:
                self.warnings.append(TextWarning(f"{self.title}!{place}", problem))
        if not ct.quote and not style:
            return ct.stored
        cell = WriteOnlyCell(self.ws)
        cell.value = ct.stored
        cell.data_type = "s"  # never a formula, whatever the first character
        if ct.quote:
            cell.quotePrefix = True
        apply_style(cell, style)
        return cell

    def styled(self, value: object, **style) -> WriteOnlyCell:  # type: ignore[no-untyped-def]
        """A non-text value (number, date, formula, None) with ``style`` (font, fill,
        number_format, alignment, protection)."""
        cell = WriteOnlyCell(self.ws, value=value)
        apply_style(cell, style)
        return cell

    def header(self, names: Sequence[str], row: int = 1) -> list[WriteOnlyCell]:
        """A header row (sheet row ``row``): bold on a light fill."""
        return [self.text(n, lambda i=i: f"{column_letter(i + 1)}{row}", font=HEADER_FONT,
                          fill=HEADER_FILL, alignment=WRAP)
                for i, n in enumerate(names)]


def apply_style(cell: WriteOnlyCell, style: dict) -> None:
    """Set style attributes (``font``, ``fill``, ``number_format``, ``alignment``,
    ``protection``…) on ``cell``."""
    for key, val in style.items():
        setattr(cell, key, val)


def set_widths(ws, widths: Sequence[float]) -> None:  # type: ignore[no-untyped-def]
    """Column widths (Excel character units) from column A on; on a write-only sheet, call
    before the first row is written."""
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[column_letter(i)].width = w


def row_height(texts: Sequence[tuple[str, float]], line: float = 15.0) -> float | None:
    """Row height (points) for wrapped ``(text, column width)`` pairs; None for one line."""
    lines = 1
    for value, width in texts:
        if not value:
            continue
        per_line = max(1.0, (width - 1) * 1.25)  # proportional font: ~1.25 chars per unit
        count = sum(max(1, math.ceil(display_width(part) / per_line))
                    for part in value.split("\n"))
        lines = max(lines, count)
    return None if lines <= 1 else min(409.0, lines * line)


# -- Framework sheet (shared with the founder template) -----------------------------------

FRAMEWORK_WIDTHS = (26, 24, 28, 48, 10, 9, 36, 36, 36, 36, 36, 12)


def source_text(paragraphs: Sequence[int]) -> str:
    """``[2, 4]`` → ``¶2, ¶4``."""
    return ", ".join(f"¶{p}" for p in paragraphs)


def write_framework_sheet(
    wb: Workbook, framework: Framework, lang: str, warnings: list[TextWarning],
    *, editable: bool,
) -> FrameworkSheet:
    """Write the ``Framework`` sheet: the pillar table, then the criteria table.

    ``editable`` highlights the weight and Enabled cells as inputs (the export); otherwise
    they are plain and the whole sheet is protected, without a password (the template).
    Returns the sheet's geometry.
    """
    ws = wb.create_sheet(FRAMEWORK)
    cells = SheetCells(ws, warnings)
    geo = FrameworkSheet(len(framework.pillars), len(framework.criteria))
    set_widths(ws, FRAMEWORK_WIDTHS)
    print_setup(ws)
    input_style = {"fill": INPUT_FILL} if editable else {}
    notes = list(TEXTS[lang]["framework_notes" if editable else "framework_locked"])
    if len(notes) > geo.pillars + 2:  # the notes sit beside the pillar table
        notes = [" ".join(notes)]
    notes += [""] * (geo.pillars + 2 - len(notes))
    ws.append([*cells.header(PILLAR_HEADERS), None, cells.text(notes[0], "G1",
                                                               font=HEADER_FONT)])
    for i, p in enumerate(framework.pillars):
        r = geo.pillar_row(i)
        ws.append([
            p.id, cells.text(text(p.name, lang), f"B{r}"), p.direction,
            cells.styled(p.weight, **input_style),
            cells.styled(ENABLED if p.enabled else DISABLED, **input_style),
            None, cells.text(notes[i + 1], f"G{r}"),
        ])
    ws.append([None] * 6 + [cells.text(notes[-1], f"G{geo.criteria_header_row - 1}")])
    ws.append(cells.header(CRITERIA_HEADERS, geo.criteria_header_row))
    for j, c in enumerate(framework.criteria):
        r = geo.criterion_row(j)
        levels = [text(level, lang) for level in c.rubric]
        question = text(c.question, lang)
        height = row_height([(question, FRAMEWORK_WIDTHS[3]),
                               *((lv, FRAMEWORK_WIDTHS[6]) for lv in levels)])
        if height:
            ws.row_dimensions[r].height = height
        ws.append([
            cells.text(c.id, f"A{r}", alignment=TOP),
            cells.text(c.pillar_id, f"B{r}", alignment=TOP),
            cells.text(text(c.name, lang), f"C{r}", alignment=WRAP),
            cells.text(question, f"D{r}", alignment=WRAP),
            cells.styled(c.direction, alignment=TOP),
            cells.styled(c.weight, alignment=TOP, **input_style),
            *(cells.text(lv, f"{column_letter(7 + k)}{r}", alignment=WRAP)
              for k, lv in enumerate(levels)),
            cells.styled(source_text(c.source), alignment=TOP),
        ])
    first, last = geo.pillar_row(0), geo.pillar_row(geo.pillars - 1)
    enabled = DataValidation(type="list", formula1=f'"{ENABLED},{DISABLED}"', allow_blank=False,
                             showErrorMessage=True, errorTitle="Enabled",
                             error=f"Type {ENABLED} or {DISABLED}.")
    enabled.add(f"E{first}:E{last}")
    weights = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                             allow_blank=False, showErrorMessage=True, errorTitle="Weight",
                             error="A weight is a number, 0 or more.")
    weights.add(f"D{first}:D{last}")
    weights.add(f"F{geo.criterion_row(0)}:F{geo.criterion_row(geo.criteria - 1)}")
    ws.data_validations.append(enabled)
    ws.data_validations.append(weights)
    if not editable:
        ws.protection.sheet = True
    return geo


def print_setup(ws, *, landscape: bool = True, title_rows: str | None = None) -> None:  # type: ignore[no-untyped-def]
    """Print one page wide (as many pages down as needed), repeating ``title_rows``.

    On a write-only sheet, call before the first row is written.
    """
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    if title_rows:
        ws.print_title_rows = title_rows


# -- About sheet and workbook identity (shared with the founder template) ------------------

def about_values(
    framework: Framework, kind: str, lang: str, now: dt.datetime | None = None,
    extra: Sequence[tuple[str, object]] = (),
) -> list[tuple[str, object]]:
    """The label/value pairs at the top of an About sheet (see :mod:`models.workbook_layout`):
    workbook kind, layout and app versions, framework id, version and name, language, the
    export time when ``now`` is given, the source article, then ``extra``."""
    values: list[tuple[str, object]] = [
        (ABOUT_WORKBOOK, kind),
        (ABOUT_LAYOUT, LAYOUT_VERSION),
        (ABOUT_APP, __version__),
        (ABOUT_FRAMEWORK_ID, framework.id),
        (ABOUT_FRAMEWORK_VERSION, framework.version),
        (ABOUT_FRAMEWORK, text(framework.name, lang)),
        (ABOUT_LANGUAGE, lang),
    ]
    if now is not None:
        values.append((ABOUT_EXPORTED, now.strftime("%Y-%m-%d %H:%M:%S UTC")))
    values.append((ABOUT_SOURCE, text(framework.source, lang)))
    values.extend(extra)
    return values


def write_about_sheet(
    wb: Workbook, values: Sequence[tuple[str, object]], sections: Sequence[tuple[str, list]],
    framework: Framework, lang: str, warnings: list[TextWarning], *, protect: bool = False,
) -> None:
    """Write the ``About`` sheet: label/value pairs, explanatory sections, the paragraphs.

    ``sections`` are ``(title, lines)`` pairs. Values must be text or numbers; everything is
    written as plain values (no formulas).
    """
    ws = wb.create_sheet(ABOUT)
    cells = SheetCells(ws, warnings)
    set_widths(ws, [24, 110])
    print_setup(ws, landscape=False)
    r = 0

    def add(row: list, height: float | None = None) -> None:
        nonlocal r
        r += 1
        if height:
            ws.row_dimensions[r].height = height
        ws.append(row)

    for label, value in values:
        v = cells.text(value, f"B{r + 1}", alignment=WRAP) if isinstance(value, str) else value
        height = row_height([(value, 110)]) if isinstance(value, str) else None
        add([cells.text(label, font=HEADER_FONT, alignment=TOP), v], height)
    for title, lines in sections:
        add([])
        add([cells.text(title, font=SECTION_FONT)])
        for line in lines:
            if isinstance(line, tuple):
                label, body = line
                add([cells.text(label, alignment=TOP), cells.text(body, alignment=WRAP)],
                    row_height([(body, 110)]))
            else:
                add([None, cells.text(line, alignment=WRAP)], row_height([(line, 110)]))
    if framework.paragraphs:
        add([])
        add([cells.text(TEXTS[lang]["paragraphs_title"], font=SECTION_FONT)])
        for key in sorted(framework.paragraphs, key=int):
            body = text(framework.paragraphs[key], lang)
            add([f"¶{key}", cells.text(body, alignment=WRAP)], row_height([(body, 110)]))
    if protect:
        ws.protection.sheet = True


def set_workbook_identity(wb: Workbook, values: Sequence[tuple[str, object]], title: str,
                          now: dt.datetime | None) -> None:
    """Defined names and custom document properties carrying the About sheet's identity
    values (workbook kind, layout version, app version, framework id and version)."""
    rows = {label: i + 1 for i, (label, _) in enumerate(values)}
    by_label = dict(values)
    for name, label in DEFINED_NAMES.items():
        wb.defined_names[name] = DefinedName(name, attr_text=f"{ABOUT}!$B${rows[label]}")
    for name, label in CUSTOM_PROPERTIES.items():
        wb.custom_doc_props.append(StringProperty(name=name, value=str(by_label[label])))
    wb.properties.creator = f"Beachhead {__version__}"
    wb.properties.title = title
    if now is not None:
        stamp = now.replace(tzinfo=None)
        wb.properties.created = stamp
        wb.properties.modified = stamp


def save_atomic(wb: Workbook, path: Path) -> None:
    """Save ``wb`` to ``path`` by :func:`models.atomic_file.atomic_output`.

    Raises:
        OSError: the folder is not writable, the disk is full… ``path`` is then untouched.
    """
    with atomic_output(path) as tmp:
        wb.save(tmp)
