"""The founder template: ``beachhead template -o OUT.xlsx [--framework FILE]``.

A fillable one-startup workbook a founder completes in Excel or LibreOffice and sends back.
Its ``Assessment`` sheet holds the startup fields at the top, live results (overall, pillar
scores, completeness: formulas over the founder's scores and the weights on the protected
``Framework`` sheet, equal to Beachhead's own numbers), short instructions, and one row per
criterion with its question, the five level descriptions and the inputs (``Score`` and
``Confidence`` dropdowns, ``Rationale``, ``Evidence``). Every cell except the inputs is
protected, without a password. The exact layout is in :mod:`models.workbook_layout`.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from models.framework import Framework, text
from models.portfolio import CONFIDENCES, ROLES
from models.workbook_formulas import PillarRefs, completeness, favourability, overall
from models.workbook_formulas import weighted_pillar as pillar_formula
from models.workbook_layout import (
    ABOUT_FRAMEWORK_ID,
    ABOUT_FRAMEWORK_VERSION,
    ASSESSMENT,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADERS,
    TEMPLATE_KIND,
    FrameworkSheet,
    column_letter,
)
from models.workbook_sheets import (
    AMBER,
    DATE_FORMAT,
    GREEN,
    HEADER_FONT,
    INPUT_FILL,
    RED,
    SCORE_FORMAT,
    SHARE_FORMAT,
    TITLE_FONT,
    TOP,
    UNLOCKED,
    WRAP,
    SheetCells,
    about_values,
    print_setup,
    row_height,
    save_atomic,
    set_widths,
    set_workbook_identity,
    write_about_sheet,
    write_framework_sheet,
)
from models.workbook_texts import TEXTS
from models.xlsx_text import TextWarning

#: Column widths of the Assessment sheet, by :data:`TEMPLATE_HEADERS` column.
TEMPLATE_WIDTHS = (24, 22, 24, 42, 30, 30, 30, 30, 30, 8, 12, 42, 30, 10, 8, 13)
#: First row of the label/value pairs (A/B) and of the live results (C/D).
FIELDS_ROW = 2
#: Defined names of the input cells and of the criteria table.
FIELD_NAMES = {f: f"Beachhead_{f}" for f in TEMPLATE_FIELDS}
CRITERIA_NAME = "Beachhead_Criteria"
# inputs are dates from 2000-01-01 to 2100-12-31 (Excel serial numbers)
_FIRST_DATE, _LAST_DATE = 36526, 73415


def template_header_row(framework: Framework) -> int:
    """The row of the criteria table's header on the Assessment sheet."""
    fields = FIELDS_ROW + len(TEMPLATE_FIELDS) + 2  # + Framework ID and version
    results = FIELDS_ROW + len(framework.pillars) + 2  # Overall, pillars, Completeness
    return max(fields, results)


def write_template(
    framework: Framework, path: str | Path, *, lang: str = "en"
) -> list[TextWarning]:
    """Write the founder template for ``framework`` to ``path`` (replaced atomically).

    Args:
        framework: the framework the founder scores against; its id and version go into
            the workbook so that the importer can check them.
        path: the ``.xlsx`` file to write.
        lang: ``en`` or ``zh_CN`` for framework texts and instructions.

    Returns:
        Warnings about framework texts that had to change to fit in a workbook.

    Raises:
        OSError: the file cannot be written.
    """
    warnings: list[TextWarning] = []
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(ASSESSMENT)
    # the Framework sheet's geometry is known before it is written (it comes second)
    _write_assessment(wb, ws, framework, lang, warnings)
    write_framework_sheet(wb, framework, lang, warnings, editable=False)
    about = about_values(framework, TEMPLATE_KIND, lang)
    write_about_sheet(wb, about, TEXTS[lang]["about_template"], framework, lang, warnings,
                      protect=True)
    set_workbook_identity(wb, about, f"Beachhead template: {text(framework.name, 'en')}",
                          None)
    wb.security = WorkbookProtection(lockStructure=True)
    save_atomic(wb, Path(path))
    return warnings


def _write_assessment(wb: Workbook, ws, framework: Framework, lang: str,  # type: ignore[no-untyped-def]
                      warnings: list[TextWarning]) -> None:
    cells = SheetCells(ws, warnings)
    t = TEXTS[lang]
    geo = FrameworkSheet(len(framework.pillars), len(framework.criteria))
    k, m = geo.pillars, geo.criteria
    head = template_header_row(framework)
    first, last = head + 1, head + m
    set_widths(ws, TEMPLATE_WIDTHS)
    print_setup(ws, title_rows=f"{head}:{head}")
    ws.freeze_panes = f"A{first}"
    ws.row_dimensions[1].height = 24

    # pillar spans inside the criteria rows
    spans, start = [], first
    for p in framework.pillars:
        spans.append((start, start + len(p.criteria) - 1))
        start += len(p.criteria)
    refs = [
        PillarRefs(score=f"$D${FIELDS_ROW + 1 + p}", weight=geo.pillar_weight(p),
                   enabled=geo.pillar_enabled(p), weights=f"$O${a}:$O${b}",
                   scores=f"$J${a}:$J${b}")
        for p, (a, b) in enumerate(spans)
    ]
    inputs = {"fill": INPUT_FILL, "protection": UNLOCKED}
    label = {"font": HEADER_FONT}

    # left block: label/value pairs; middle: live results; right: instructions
    left: list[tuple[str, object]] = [(f, None) for f in TEMPLATE_FIELDS]
    left += [(ABOUT_FRAMEWORK_ID, framework.id), (ABOUT_FRAMEWORK_VERSION, framework.version)]
    results: list[tuple[str, str, str]] = [("Overall", "=" + overall(refs), SCORE_FORMAT)]
    for p, (a, b) in enumerate(spans):
        results.append((text(framework.pillars[p].name, lang),
                        "=" + pillar_formula(f"$O${a}:$O${b}", f"$J${a}:$J${b}",
                                             f"$P${a}:$P${b}"),
                        SCORE_FORMAT))
    results.append(("Completeness",
                    "=" + completeness(refs, geo.pillar_weights, geo.pillar_enabled_range),
                    SHARE_FORMAT))
    instructions = t["template_instructions"]

    title = t["template_title"].format(framework=text(framework.name, lang))
    ws.append([cells.text(title, "A1", font=TITLE_FONT)])
    for n in range(head - FIELDS_ROW):
        r = FIELDS_ROW + n
        row: list[object] = [None] * 5
        if n < len(left):
            name, value = left[n]
            row[0] = cells.text(name, f"A{r}", **label)
            if name in TEMPLATE_FIELDS:
                fmt = {"number_format": DATE_FORMAT} if name == "Date" else {}
                default = "founder" if name == "Role" else None
                row[1] = cells.styled(default, **inputs, **fmt)
            else:
                row[1] = cells.text(str(value), f"B{r}")
        if n < len(results):
            name, formula, fmt = results[n]
            row[2] = cells.text(name, f"C{r}", **label)
            row[3] = cells.styled(formula, number_format=fmt, font=HEADER_FONT)
        if n < len(instructions):
            row[4] = cells.text(instructions[n], f"E{r}", **(label if n == 0 else {}))
        ws.append(row)

    ws.append(cells.header(TEMPLATE_HEADERS, head))
    pillar_name = {p.id: text(p.name, lang) for p in framework.pillars}
    widths = TEMPLATE_WIDTHS
    for j, c in enumerate(framework.criteria):
        r = first + j
        question = text(c.question, lang)
        levels = [text(level, lang) for level in c.rubric]
        height = row_height([(question, widths[3]), *((lv, widths[4]) for lv in levels)])
        if height:
            ws.row_dimensions[r].height = height
        ws.append([
            cells.text(c.id, f"A{r}", alignment=TOP),
            cells.text(pillar_name[c.pillar_id], f"B{r}", alignment=WRAP),
            cells.text(text(c.name, lang), f"C{r}", alignment=WRAP),
            cells.text(question, f"D{r}", alignment=WRAP),
            *(cells.text(lv, f"{column_letter(5 + n)}{r}", alignment=WRAP)
              for n, lv in enumerate(levels)),
            cells.styled(None, alignment=TOP, **inputs),
            cells.styled(None, alignment=TOP, **inputs),
            cells.styled(None, alignment=WRAP, **inputs),
            cells.styled(None, alignment=WRAP, **inputs),
            cells.styled(c.direction, alignment=TOP),
            cells.styled("=" + geo.criterion_weight(j), alignment=TOP),
            cells.styled("=" + favourability(f"J{r}", f"N{r}"), alignment=TOP,
                         number_format="0.00"),
        ])

    role = DataValidation(type="list", formula1='"' + ",".join(ROLES) + '"', allow_blank=True,
                          showErrorMessage=True, errorTitle="Role",
                          error="Role is founder, investor or other.")
    role.add(f"B{FIELDS_ROW + TEMPLATE_FIELDS.index('Role')}")
    date = DataValidation(type="date", operator="between", formula1=str(_FIRST_DATE),
                          formula2=str(_LAST_DATE), allow_blank=True, showErrorMessage=True,
                          errorTitle="Date", error="A date, e.g. 2024-10-31.")
    date.add(f"B{FIELDS_ROW + TEMPLATE_FIELDS.index('Date')}")
    score = DataValidation(type="list", formula1='"1,2,3,4,5"', allow_blank=True,
                           showErrorMessage=True, errorTitle="Score",
                           error="Pick a level from 1 to 5, or leave the cell empty.")
    score.add(f"J{first}:J{last}")
    confidence = DataValidation(type="list", formula1='"' + ",".join(CONFIDENCES) + '"',
                                allow_blank=True, showErrorMessage=True,
                                errorTitle="Confidence", error="Pick low, medium or high.")
    confidence.add(f"K{first}:K{last}")
    for dv in (role, date, score, confidence):
        ws.data_validations.append(dv)
    ws.conditional_formatting.add(
        f"D{FIELDS_ROW}:D{FIELDS_ROW + k}",
        ColorScaleRule(start_type="num", start_value=0, start_color=RED,
                       mid_type="num", mid_value=50, mid_color=AMBER,
                       end_type="num", end_value=100, end_color=GREEN))
    prot = ws.protection
    prot.sheet = True
    prot.formatColumns = False  # allowed: widen a column to read a long text
    prot.formatRows = False
    for n, name in enumerate(TEMPLATE_FIELDS):
        wb.defined_names[FIELD_NAMES[name]] = DefinedName(
            FIELD_NAMES[name], attr_text=f"{ASSESSMENT}!$B${FIELDS_ROW + n}")
    wb.defined_names[CRITERIA_NAME] = DefinedName(
        CRITERIA_NAME, attr_text=f"{ASSESSMENT}!$A${head}:$P${last}")
