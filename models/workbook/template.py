"""The founder template: ``beachhead template -o OUT.xlsx [--framework FILE]``.

A fillable one-startup workbook a founder completes in Excel or LibreOffice and sends back.
Its ``Assessment`` sheet holds the startup fields at the top, live results (overall, pillar
scores, completeness: formulas over the founder's scores and the weights on the protected
``Framework`` sheet, equal to Beachhead's own numbers), short instructions, and one row per
criterion with its question, the five level descriptions and the inputs (``Score`` and
``Confidence`` dropdowns, ``Rationale``, ``Evidence``). A Score that is not a whole number
from 1 to 5 (pasted past the dropdown) counts as not scored, in the live results as in the
importer. The formulas are written with their values for an empty assessment (no score,
completeness 0). Every cell except the inputs is protected, without a password, and so is
the workbook's structure (no sheet added, removed or renamed). The exact layout is in
:mod:`models.workbook.layout`.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import numpy as np

from models.core.framework import Framework, text
from models.core.portfolio import CONFIDENCES, ROLES
from models.engine.scores import score_levels
from models.workbook.about_sheet import about_values, set_workbook_identity, write_about_sheet
from models.workbook.formulas import PillarRefs, completeness, favourability, overall
from models.workbook.formulas import weighted_pillar as pillar_formula
from models.workbook.framework_sheet import write_framework_sheet
from models.workbook.layout import (
    ABOUT_FRAMEWORK_ID,
    ABOUT_FRAMEWORK_VERSION,
    ASSESSMENT,
    TEMPLATE_FIELDS,
    TEMPLATE_HEADERS,
    TEMPLATE_KIND,
    FrameworkSheet,
    column_letter,
)
from models.workbook.sheets import (
    BOLD,
    DATE,
    INPUT,
    SCORE_FORMAT,
    SCORE_SCALE,
    SHARE_FORMAT,
    TITLE,
    TOP,
    UNLOCKED,
    WRAP,
    Book,
    Sheet,
    row_height,
    writing,
)
from models.workbook.texts import TEXTS
from models.workbook.xlsx_text import TextWarning

#: Column widths of the Assessment sheet, by :data:`TEMPLATE_HEADERS` column.
TEMPLATE_WIDTHS = (24, 22, 24, 42, 30, 30, 30, 30, 30, 8, 12, 42, 30, 10, 8, 13)
#: First row of the label/value pairs (A/B) and of the live results (C/D).
FIELDS_ROW = 2
#: Defined names of the input cells and of the criteria table.
FIELD_NAMES = {f: f"Beachhead_{f}" for f in TEMPLATE_FIELDS}
CRITERIA_NAME = "Beachhead_Criteria"
#: The dates the Date input accepts.
_FIRST_DATE, _LAST_DATE = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
_INPUT = {**INPUT, **UNLOCKED}


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
    with writing(Path(path), finish=lock_structure) as book:
        # the Framework sheet's geometry is known before it is written (it comes second)
        _write_assessment(book, framework, lang, warnings)
        write_framework_sheet(book, framework, lang, warnings, editable=False)
        about = about_values(framework, TEMPLATE_KIND, lang)
        write_about_sheet(book, about, TEXTS[lang]["about_template"], framework, lang,
                          warnings, protect=True)
        set_workbook_identity(book, about,
                              f"Beachhead template: {text(framework.name, 'en')}", None)
    return warnings


def lock_structure(path: Path) -> None:
    """Protect the structure of the workbook at ``path`` (no password): sheets cannot be
    added, removed, renamed or moved. XlsxWriter has no call for it, so the
    ``<workbookProtection>`` element goes into ``xl/workbook.xml`` where the standard puts it
    (before ``<bookViews>``)."""
    with zipfile.ZipFile(path) as z:
        members = [(info, z.read(info)) for info in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info, data in members:
            if info.filename == "xl/workbook.xml":
                if b"<bookViews>" not in data:
                    raise ValueError("xl/workbook.xml has no <bookViews> element")
                data = data.replace(b"<bookViews>",
                                    b'<workbookProtection lockStructure="1"/><bookViews>', 1)
            z.writestr(info, data)


def _spans(framework: Framework, first: int) -> list[tuple[int, int]]:
    """First and last criteria-table row of each pillar."""
    spans, start = [], first
    for p in framework.pillars:
        spans.append((start, start + len(p.criteria) - 1))
        start += len(p.criteria)
    return spans


def _results(framework: Framework, lang: str, geo: FrameworkSheet, first: int
             ) -> list[tuple[str, str, float, str]]:
    """The live results: ``(label, formula, value, number format)`` for Overall, each pillar
    and Completeness; the values are the engine's for a template with nothing scored."""
    spans = _spans(framework, first)
    refs = [PillarRefs(score=f"$D${FIELDS_ROW + 1 + p}", weight=geo.pillar_weight(p),
                       enabled=geo.pillar_enabled(p), weights=f"$O${a}:$O${b}",
                       favourabilities=f"$P${a}:$P${b}")
            for p, (a, b) in enumerate(spans)]
    empty = score_levels(np.full((1, geo.criteria), np.nan), framework)
    out = [("Overall", "=" + overall(refs), float(empty.overall[0]), SCORE_FORMAT)]
    for p, (a, b) in enumerate(spans):
        out.append((text(framework.pillars[p].name, lang),
                    "=" + pillar_formula(f"$O${a}:$O${b}", f"$P${a}:$P${b}"),
                    float(empty.pillars[0, p]), SCORE_FORMAT))
    out.append(("Completeness",
                "=" + completeness(refs, geo.pillar_weights, geo.pillar_enabled_range),
                float(empty.completeness[0]), SHARE_FORMAT))
    return out


def _write_assessment(book: Book, framework: Framework, lang: str,
                      warnings: list[TextWarning]) -> None:
    sh = book.sheet(ASSESSMENT, warnings)
    geo = FrameworkSheet(len(framework.pillars), len(framework.criteria))
    head = template_header_row(framework)
    first, last = head + 1, head + geo.criteria
    sh.widths(TEMPLATE_WIDTHS)
    sh.print_setup(repeat=(head, head))
    sh.ws.freeze_panes(f"A{first}")
    sh.height(1, 24)
    t = TEXTS[lang]
    sh.text(1, 1, t["template_title"].format(framework=text(framework.name, lang)), TITLE)
    _top_block(sh, framework, t["template_instructions"], _results(framework, lang, geo, first),
               head)
    sh.header(head, TEMPLATE_HEADERS)
    _criteria_rows(sh, framework, lang, geo, first)
    _validations(sh, first, last)
    sh.ws.conditional_format(f"D{FIELDS_ROW}:D{FIELDS_ROW + geo.pillars}", SCORE_SCALE)
    sh.ws.protect("", {"format_columns": True, "format_rows": True})
    for n, name in enumerate(TEMPLATE_FIELDS):
        book.wb.define_name(FIELD_NAMES[name], f"={ASSESSMENT}!$B${FIELDS_ROW + n}")
    book.wb.define_name(CRITERIA_NAME, f"={ASSESSMENT}!$A${head}:$P${last}")


def _top_block(sh: Sheet, framework: Framework, instructions: list[str],
               results: list[tuple[str, str, float, str]], head: int) -> None:
    """Rows ``FIELDS_ROW`` to ``head - 1``: the startup fields (A/B), live results (C/D) and
    the instructions (E)."""
    left: list[tuple[str, str | None]] = [(f, None) for f in TEMPLATE_FIELDS]
    left += [(ABOUT_FRAMEWORK_ID, framework.id), (ABOUT_FRAMEWORK_VERSION, framework.version)]
    for n in range(head - FIELDS_ROW):
        r = FIELDS_ROW + n
        if n < len(left):
            name, value = left[n]
            sh.text(r, 1, name, BOLD)
            if name in TEMPLATE_FIELDS:
                style = {**_INPUT, **DATE} if name == "Date" else _INPUT
                sh.text(r, 2, "founder" if name == "Role" else None, style)
            else:
                sh.text(r, 2, value)
        if n < len(results):
            label, formula, result, fmt = results[n]
            sh.text(r, 3, label, BOLD)
            sh.formula(r, 4, formula, result, {"num_format": fmt, **BOLD})
        if n < len(instructions):
            sh.text(r, 5, instructions[n], BOLD if n == 0 else None)


def _criteria_rows(sh: Sheet, framework: Framework, lang: str, geo: FrameworkSheet,
                   first: int) -> None:
    pillar_name = {p.id: text(p.name, lang) for p in framework.pillars}
    widths = TEMPLATE_WIDTHS
    for j, c in enumerate(framework.criteria):
        r = first + j
        question = text(c.question, lang)
        levels = [text(level, lang) for level in c.rubric]
        sh.height(r, row_height([(question, widths[3]), *((lv, widths[4]) for lv in levels)]))
        sh.text(r, 1, c.id, TOP)
        sh.text(r, 2, pillar_name[c.pillar_id], WRAP)
        sh.text(r, 3, text(c.name, lang), WRAP)
        sh.text(r, 4, question, WRAP)
        for n, lv in enumerate(levels):
            sh.text(r, 5 + n, lv, WRAP, where=f"{column_letter(5 + n)}{r}")
        for col, style in ((10, TOP), (11, TOP), (12, WRAP), (13, WRAP)):
            sh.blank(r, col, {**style, **_INPUT})
        sh.text(r, 14, c.direction, TOP)
        sh.formula(r, 15, "=" + geo.criterion_weight(j), float(c.weight), TOP)
        sh.formula(r, 16, "=" + favourability(f"J{r}", f"N{r}"), "",
                   {**TOP, "num_format": "0.00"})


def _validations(sh: Sheet, first: int, last: int) -> None:
    ws = sh.ws
    role_row, date_row = (FIELDS_ROW + TEMPLATE_FIELDS.index(f) for f in ("Role", "Date"))
    ws.data_validation(f"B{role_row}", {
        "validate": "list", "source": list(ROLES), "ignore_blank": True,
        "error_title": "Role", "error_message": "Role is founder, investor or other."})
    ws.data_validation(f"B{date_row}", {
        "validate": "date", "criteria": "between", "minimum": _FIRST_DATE,
        "maximum": _LAST_DATE, "ignore_blank": True, "error_title": "Date",
        "error_message": "A date, e.g. 2024-10-31."})
    ws.data_validation(f"J{first}:J{last}", {
        "validate": "list", "source": ["1", "2", "3", "4", "5"], "ignore_blank": True,
        "error_title": "Score",
        "error_message": "Pick a level from 1 to 5, or leave the cell empty."})
    ws.data_validation(f"K{first}:K{last}", {
        "validate": "list", "source": list(CONFIDENCES), "ignore_blank": True,
        "error_title": "Confidence", "error_message": "Pick low, medium or high."})
