"""The export's ``Scores`` sheet: one row per assessment and criterion.

``Weight`` reads the criterion's weight on the Framework sheet and ``Favourability`` turns the
``Score`` into 0–1 (:func:`models.workbook.formulas.favourability`); both are written with the
engine's values. This is the export's largest sheet (18 rows per assessment with the default
framework: 180,000 rows for 10,000 startups), so its rows are made of cells prepared once per
criterion or per assessment (:mod:`models.workbook.cell_xml`).
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from models.core.framework import text
from models.core.portfolio import CONFIDENCES
from models.workbook.cell_xml import formula_tail, number_tail, string_tail, xml_escape
from models.workbook.formulas import favourability
from models.workbook.layout import SCORES, SCORES_HEADERS
from models.workbook.plan import ExportPlan, excel_date
from models.workbook.rows import slot
from models.workbook.sheets import AMBER, DATE, GREEN, RED, Book, Sheet, Text, color_scale
from models.workbook.xlsx_text import TextWarning, column_width

#: Called as ``progress(done, total)`` with assessments written so far.
Progress = Callable[[int, int], None]

_ROW = slot("r")


def write_scores(book: Book, plan: ExportPlan, warnings: list[TextWarning],
                 progress: Progress | None, every: int) -> None:
    """Write the Scores sheet; ``progress`` is called every ``every`` assessments (not after
    the last one: the caller reports the end)."""
    sh = book.sheet(SCORES, warnings)
    fw, lang = plan.framework, plan.lang
    crit_names = [text(c.name, lang) for c in fw.criteria]
    sample = plan.pairs[:300]
    sh.widths([
        column_width((s.name for s, _ in plan.pairs), 10, 40),
        column_width((a.assessor for _, a in plan.pairs), 10, 36),
        10, 12, 10,
        column_width(fw.criterion_ids, 12, 36),
        column_width(crit_names, 12, 40),
        10, 8, 7, 12, 13,
        column_width((sc.rationale for _, a in sample for sc in a.scores.values()), 12, 60),
        column_width((sc.evidence for _, a in sample for sc in a.scores.values()), 10, 40),
        column_width((s.id for s, _ in sample), 12, 36),
    ])
    sh.ws.freeze_panes("B2")
    sh.print_setup(repeat=(1, 1))
    sh.header(1, SCORES_HEADERS)
    _rows(sh, plan, crit_names, progress, every)
    total = len(plan.pairs)
    if total:
        _validations(sh, 1 + total * plan.m)


def _criterion_cells(sh: Sheet, plan: ExportPlan, names: list[str]) -> list[list[Text | None]]:
    """The cells that are the same for every assessment, per criterion: pillar id, criterion
    id, name, direction and the weight formula (warnings about the name name its first
    row)."""
    geo = plan.geo
    return [[sh.prepare(c.pillar_id, f"E{2 + j}"), sh.prepare(c.id, f"F{2 + j}"),
             sh.prepare(names[j], f"G{2 + j}"), sh.prepare(c.direction, f"H{2 + j}"),
             formula_tail(xml_escape(geo.criterion_weight(j)), float(c.weight))]
            for j, c in enumerate(plan.framework.criteria)]


def _rows(sh: Sheet, plan: ExportPlan, names: list[str], progress: Progress | None,
          every: int) -> None:
    """Columns A–O of every assessment's rows, each row's cells made from parts prepared once
    per assessment (A–D, O) or per criterion (E–I)."""
    ids, m = plan.framework.criterion_ids, plan.m
    fixed = _criterion_cells(sh, plan, names)
    # the favourability formula's text around its row numbers
    fav_parts = xml_escape(favourability(f"J{_ROW}", f"H{_ROW}")).split(_ROW)
    date_style = sh.book.attribute(DATE)
    levels = {v: number_tail(v) for v in range(1, 6)}
    confidences = {c: string_tail(c) for c in CONFIDENCES}
    favs = np.where(np.isnan(plan.table.favourability), -1.0, plan.table.favourability)
    total = len(plan.pairs)
    for i, (st, a) in enumerate(plan.pairs):
        base = plan.scores_first_row(i)
        last = base + m - 1
        head = [sh.prepare(st.name, _span("A", base, last)),
                sh.prepare(a.assessor, _span("B", base, last)),
                sh.prepare(a.role, _span("C", base, last)),
                number_tail(excel_date(a.date), date_style)]
        sid = sh.prepare(st.id, _span("O", base, last))
        fav_row = favs[i].tolist()
        for j, cid in enumerate(ids):
            r = base + j
            fav = fav_row[j]
            fav_cell = formula_tail(str(r).join(fav_parts), "" if fav < 0 else fav)
            sc = a.scores.get(cid)
            if sc is None:
                sh.row(r, [*head, *fixed[j], None, None, fav_cell, None, None, sid])
            else:
                level = None if sc.value is None else levels.get(sc.value) or number_tail(
                    sc.value)
                sh.row(r, [*head, *fixed[j], level, confidences[sc.confidence], fav_cell,
                           sh.prepare(sc.rationale, f"M{r}"),
                           sh.prepare(sc.evidence, f"N{r}"), sid])
        if progress and (i + 1) % every == 0 and i + 1 < total:
            progress(i + 1, total)


def _span(col: str, first: int, last: int) -> Callable[[], str]:
    """Names column ``col`` from row ``first`` to ``last`` (for warnings about a text
    repeated on every row of an assessment)."""
    return lambda: f"{col}{first}:{col}{last}"


def _validations(sh: Sheet, last: int) -> None:
    sh.ws.data_validation(f"J2:J{last}", {
        "validate": "integer", "criteria": "between", "minimum": 1, "maximum": 5,
        "ignore_blank": True, "error_title": "Score",
        "error_message": "A score is a whole number from 1 to 5, or empty."})
    sh.ws.data_validation(f"K2:K{last}", {
        "validate": "list", "source": list(CONFIDENCES), "ignore_blank": True,
        "error_title": "Confidence", "error_message": "Confidence is low, medium or high."})
    sh.ws.conditional_format(f"L2:L{last}",
                             color_scale([(0, RED), (0.5, AMBER), (1, GREEN)]))
