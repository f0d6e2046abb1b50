"""The rows of the founder template's Assessment sheet (:mod:`models.workbook.template`): the
block above the criteria table (startup fields, live results, instructions) and one row per
criterion, in the columns of :data:`models.workbook.layout.TEMPLATE_HEADERS`."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models.core.framework import Framework, text
from models.engine.scores import score_levels
from models.workbook.formulas import ENABLED, PillarRefs, completeness, favourability, overall
from models.workbook.formulas import weighted_pillar as pillar_formula
from models.workbook.layout import (
    ABOUT_FRAMEWORK_ID,
    ABOUT_FRAMEWORK_VERSION,
    TEMPLATE_COLUMN,
    TEMPLATE_FIELDS,
    FrameworkSheet,
    column_letter,
)
from models.workbook.sheets import (
    BOLD,
    DATE,
    INPUT,
    SCORE_FORMAT,
    SHARE_FORMAT,
    TOP,
    UNLOCKED,
    WRAP,
    Sheet,
    row_height,
)
from models.workbook.words import Words

#: First row of the label/value pairs (A/B), of the live results and of the instructions.
FIELDS_ROW = 2
#: Columns of the block above the table: live results' labels and values, instructions.
RESULT_LABEL = TEMPLATE_COLUMN["Rationale"]
RESULT_VALUE = TEMPLATE_COLUMN["Evidence"]
INSTRUCTIONS = TEMPLATE_COLUMN["Question"]
#: A live result: label, formula, value for an empty template, number format.
Result = tuple[str, str, float, str]

_INPUT = {**INPUT, **UNLOCKED}
_INPUT_TOP = {**TOP, **_INPUT, "align": "center"}
_INPUT_WRAP = {**WRAP, **_INPUT}
_RESULT_LABEL = {**BOLD, "align": "right"}
_COL = {name: column_letter(n) for name, n in TEMPLATE_COLUMN.items()}
#: Points per line of wrapped text: Chinese glyphs stand taller than Latin ones.
_LINE = {"en": 15.0, "zh_CN": 17.5}


def _spans(framework: Framework, first: int) -> list[tuple[int, int]]:
    """First and last criteria-table row of each pillar."""
    spans, start = [], first
    for p in framework.pillars:
        spans.append((start, start + len(p.criteria) - 1))
        start += len(p.criteria)
    return spans


def results(framework: Framework, words: Words, geo: FrameworkSheet, first: int
            ) -> list[Result]:
    """The live results: ``(label, formula, value, number format)`` for Overall, each pillar
    and Completeness; the values are the engine's for a template with nothing scored."""
    spans = _spans(framework, first)
    weight, fav, value = _COL["Weight"], _COL["Favourability"], _COL["Evidence"]
    refs = [PillarRefs(score=f"${value}${FIELDS_ROW + 1 + p}", weight=geo.pillar_weight(p),
                       enabled=geo.pillar_enabled(p), weights=f"${weight}${a}:${weight}${b}",
                       favourabilities=f"${fav}${a}:${fav}${b}")
            for p, (a, b) in enumerate(spans)]
    on = words.value(ENABLED)
    empty = score_levels(np.full((1, geo.criteria), np.nan), framework)
    out = [(words.label("Overall"), "=" + overall(refs, on), float(empty.overall[0]),
            SCORE_FORMAT)]
    for p, ref in enumerate(refs):
        out.append((text(framework.pillars[p].name, words.lang),
                    "=" + pillar_formula(ref.weights, ref.favourabilities),
                    float(empty.pillars[0, p]), SCORE_FORMAT))
    out.append((words.label("Completeness"),
                "=" + completeness(refs, geo.pillar_weights, geo.pillar_enabled_range, on),
                float(empty.completeness[0]), SHARE_FORMAT))
    return out


def top_block(sh: Sheet, framework: Framework, words: Words, instructions: Sequence[str],
              live: Sequence[Result], head: int) -> None:
    """Rows ``FIELDS_ROW`` to ``head - 1``: the startup fields (A/B), the live results
    (labels right-aligned beside their values) and the instructions."""
    left: list[tuple[str, str | None]] = [(f, None) for f in TEMPLATE_FIELDS]
    left += [(ABOUT_FRAMEWORK_ID, framework.id), (ABOUT_FRAMEWORK_VERSION, framework.version)]
    for n in range(head - FIELDS_ROW):
        r = FIELDS_ROW + n
        if n < len(left):
            name, value = left[n]
            sh.text(r, 1, words.label(name), BOLD)
            if name in TEMPLATE_FIELDS:
                style = {**_INPUT, **DATE} if name == "Date" else _INPUT
                sh.text(r, 2, words.value("founder") if name == "Role" else None, style)
            else:
                sh.text(r, 2, value)
        if n < len(live):
            label, formula, result, fmt = live[n]
            sh.text(r, RESULT_LABEL, label, _RESULT_LABEL)
            sh.formula(r, RESULT_VALUE, formula, result,
                       {"num_format": fmt, "align": "left", **BOLD})
        if n < len(instructions):
            sh.text(r, INSTRUCTIONS, instructions[n], BOLD if n == 0 else None)


def criteria_rows(sh: Sheet, framework: Framework, words: Words, geo: FrameworkSheet,
                  first: int, widths: Sequence[float]) -> None:
    """One row per criterion from row ``first``: id and name, the empty inputs, question and
    levels, then the helpers (pillar, direction, weight, favourability)."""
    lang, col = words.lang, TEMPLATE_COLUMN
    pillar_name = {p.id: text(p.name, lang) for p in framework.pillars}
    cost = words.value("cost")
    for j, c in enumerate(framework.criteria):
        r = first + j
        name, question = text(c.name, lang), text(c.question, lang)
        levels = [text(level, lang) for level in c.rubric]
        wide = [(name, col["Criterion"]), (question, col["Question"]),
                (pillar_name[c.pillar_id], col["Pillar"]),
                *((lv, col["Level 1"] + n) for n, lv in enumerate(levels))]
        sh.height(r, row_height([(t, widths[k - 1]) for t, k in wide], _LINE.get(lang, 15.0)))
        sh.text(r, col["Criterion ID"], c.id, TOP)
        sh.text(r, col["Criterion"], name, {**WRAP, **BOLD})
        sh.blank(r, col["Score"], _INPUT_TOP)
        sh.blank(r, col["Confidence"], _INPUT_TOP)
        sh.blank(r, col["Rationale"], _INPUT_WRAP)
        sh.blank(r, col["Evidence"], _INPUT_WRAP)
        sh.text(r, col["Question"], question, WRAP)
        for n, lv in enumerate(levels):
            k = col["Level 1"] + n
            sh.text(r, k, lv, WRAP, where=f"{column_letter(k)}{r}")
        sh.text(r, col["Pillar"], pillar_name[c.pillar_id], WRAP)
        sh.text(r, col["Direction"], words.value(c.direction), TOP)
        sh.formula(r, col["Weight"], "=" + geo.criterion_weight(j), float(c.weight), TOP)
        sh.formula(r, col["Favourability"],
                   "=" + favourability(f"{_COL['Score']}{r}", f"{_COL['Direction']}{r}", cost),
                   "", {**TOP, "num_format": "0.00"})
