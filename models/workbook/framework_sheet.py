"""The ``Framework`` sheet, shared by the export (weights editable) and the founder template
(protected): the pillar table, then the criteria table, as documented in
:mod:`models.workbook.layout`. Weights and Enabled are plain values, the only inputs of the
formulas besides the scores. The export writes it in English; a template in the words of its
language (:mod:`models.workbook.words`).
"""

from __future__ import annotations

from collections.abc import Sequence

from models.core.framework import MAX_WEIGHT, MIN_WEIGHT, Framework, text
from models.workbook.formulas import DISABLED, ENABLED
from models.workbook.layout import (
    CRITERIA_HEADERS,
    FRAMEWORK,
    PILLAR_HEADERS,
    FrameworkSheet,
    column_letter,
)
from models.workbook.sheets import BOLD, INPUT, TOP, WRAP, Book, Sheet, row_height
from models.workbook.texts import TEXTS
from models.workbook.words import Words
from models.workbook.xlsx_text import TextWarning

FRAMEWORK_WIDTHS = (26, 24, 28, 48, 10, 9, 36, 36, 36, 36, 36, 12)


def source_text(paragraphs: Sequence[int]) -> str:
    """``[2, 4]`` → ``¶2, ¶4``."""
    return ", ".join(f"¶{p}" for p in paragraphs)


def write_framework_sheet(
    book: Book, framework: Framework, lang: str, warnings: list[TextWarning],
    *, editable: bool, words: Words | None = None,
) -> FrameworkSheet:
    """Write the ``Framework`` sheet: the pillar table, then the criteria table.

    ``editable`` highlights the weight and Enabled cells as inputs (the export); otherwise
    they are plain and the whole sheet is protected, without a password (the template).
    ``words`` names the sheet, its headers and its values (English when None). Returns the
    sheet's geometry.
    """
    words = words or Words("en")
    sh = book.sheet(words.sheet(FRAMEWORK), warnings)
    geo = FrameworkSheet(len(framework.pillars), len(framework.criteria), sh.title)
    sh.widths(FRAMEWORK_WIDTHS)
    sh.print_setup()
    _pillar_table(sh, framework, lang, geo, editable, words)
    _criteria_table(sh, framework, lang, geo, editable, words)
    _validations(sh, geo, words)
    if not editable:
        sh.ws.protect()
    return geo


def _pillar_table(sh: Sheet, framework: Framework, lang: str, geo: FrameworkSheet,
                  editable: bool, words: Words) -> None:
    """The pillar table, with the sheet's notes beside it in column G."""
    inputs = INPUT if editable else None
    notes = list(TEXTS[lang]["framework_notes" if editable else "framework_locked"])
    if len(notes) > geo.pillars + 2:  # the notes sit beside the pillar table
        notes = [" ".join(notes)]
    notes += [""] * (geo.pillars + 2 - len(notes))
    sh.header(geo.pillar_header_row, words.labels(PILLAR_HEADERS))
    sh.text(1, 7, notes[0], BOLD)
    for i, p in enumerate(framework.pillars):
        r = geo.pillar_row(i)
        sh.text(r, 1, p.id)
        sh.text(r, 2, text(p.name, lang))
        sh.text(r, 3, words.value(p.direction))
        sh.number(r, 4, p.weight, inputs)
        sh.text(r, 5, words.value(ENABLED if p.enabled else DISABLED), inputs)
        sh.text(r, 7, notes[i + 1])
    sh.text(geo.criteria_header_row - 1, 7, notes[-1])


def _criteria_table(sh: Sheet, framework: Framework, lang: str, geo: FrameworkSheet,
                    editable: bool, words: Words) -> None:
    sh.header(geo.criteria_header_row, words.labels(CRITERIA_HEADERS))
    weight_style = {**TOP, **INPUT} if editable else TOP
    for j, c in enumerate(framework.criteria):
        r = geo.criterion_row(j)
        levels = [text(level, lang) for level in c.rubric]
        question = text(c.question, lang)
        sh.height(r, row_height([(question, FRAMEWORK_WIDTHS[3]),
                                 *((lv, FRAMEWORK_WIDTHS[6]) for lv in levels)]))
        sh.text(r, 1, c.id, TOP)
        sh.text(r, 2, c.pillar_id, TOP)
        sh.text(r, 3, text(c.name, lang), WRAP)
        sh.text(r, 4, question, WRAP)
        sh.text(r, 5, words.value(c.direction), TOP)
        sh.number(r, 6, c.weight, weight_style)
        for k, lv in enumerate(levels):
            sh.text(r, 7 + k, lv, WRAP, where=f"{column_letter(7 + k)}{r}")
        sh.text(r, 12, source_text(c.source), TOP)


def _validations(sh: Sheet, geo: FrameworkSheet, words: Words) -> None:
    first, last = geo.pillar_row(0) - 1, geo.pillar_row(geo.pillars - 1) - 1
    on, off = words.value(ENABLED), words.value(DISABLED)
    checks = TEXTS[words.lang]["checks"]
    sh.ws.data_validation(first, 4, last, 4, {
        "validate": "list", "source": [on, off], "ignore_blank": False,
        "error_title": words.label("Enabled"),
        "error_message": checks["enabled"].format(on=on, off=off)})
    crit_first, crit_last = geo.criterion_row(0), geo.criterion_row(geo.criteria - 1)
    sh.ws.data_validation(first, 3, last, 3, {
        "validate": "decimal", "criteria": "between", "minimum": MIN_WEIGHT,
        "maximum": MAX_WEIGHT, "ignore_blank": False, "error_title": words.label("Weight"),
        "error_message": checks["weight"].format(low=f"{MIN_WEIGHT:g}",
                                                 high=f"{MAX_WEIGHT:g}"),
        "multi_range": f"D{first + 1}:D{last + 1} F{crit_first}:F{crit_last}"})
