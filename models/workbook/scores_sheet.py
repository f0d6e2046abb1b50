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
from models.workbook.cell_xml import (
    formula_tail,
    number_tail,
    row_parts,
    string_tail,
    xml_escape,
)
from models.workbook.formulas import favourability
from models.workbook.layout import SCORES, SCORES_HEADERS
from models.workbook.plan import ExportPlan, excel_date
from models.workbook.rows import slot
from models.workbook.sheets import AMBER, DATE, GREEN, RED, Book, Sheet, color_scale
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


def _criterion_cells(sh: Sheet, plan: ExportPlan, names: list[str]) -> list[list[str]]:
    """The cells that are the same for every assessment, per criterion (as
    :func:`~models.workbook.cell_xml.row_parts`): pillar id, criterion id, name, direction
    and the weight formula (warnings about the name name its first row)."""
    geo = plan.geo
    return [row_parts([
        (4, sh.text_cell(c.pillar_id, f"E{2 + j}")), (5, sh.text_cell(c.id, f"F{2 + j}")),
        (6, sh.text_cell(names[j], f"G{2 + j}")), (7, sh.text_cell(c.direction, f"H{2 + j}")),
        (8, formula_tail(xml_escape(geo.criterion_weight(j)), float(c.weight)))])
        for j, c in enumerate(plan.framework.criteria)]


def _rows(sh: Sheet, plan: ExportPlan, names: list[str], progress: Progress | None,
          every: int) -> None:
    """Columns A–O of every assessment's rows, each row made from parts prepared once per
    assessment (A–D, O) or per criterion (E–I)."""
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
        head_cells = [sh.text_cell(st.name, _span("A", base, last)),
                      sh.text_cell(a.assessor, _span("B", base, last)),
                      sh.text_cell(a.role, _span("C", base, last)),
                      number_tail(excel_date(a.date), date_style)]
        head = row_parts(enumerate(head_cells))
        sid = sh.text_cell(st.id, _span("O", base, last))
        fav_row = favs[i].tolist()
        rows = []
        for j, cid in enumerate(ids):
            r = base + j
            at = str(r)
            fav = fav_row[j]
            cells = [at.join(head), at.join(fixed[j])]
            sc = a.scores.get(cid)
            if sc is not None:
                if sc.value is not None:
                    cells.append(f'<c r="J{at}"{levels.get(sc.value) or number_tail(sc.value)}')
                cells.append(f'<c r="K{at}"{confidences[sc.confidence]}')
            cells.append(f'<c r="L{at}"' + formula_tail(at.join(fav_parts),
                                                        "" if fav < 0 else fav))
            if sc is not None:
                for col, text in (("M", sc.rationale), ("N", sc.evidence)):
                    cell = sh.text_cell(text, f"{col}{r}")
                    if cell is not None:
                        cells.append(f'<c r="{col}{at}"{cell}')
            if sid is not None:
                cells.append(f'<c r="O{at}"{sid}')
            rows.append("".join(cells))
        sh.rows(base, rows, 1, len(SCORES_HEADERS))  # within the header's columns
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
