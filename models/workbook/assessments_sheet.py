"""The export's ``Assessments`` sheet: one row per assessment with live formulas, for audit
(the ``Summary`` ranks startups; see :mod:`models.workbook.summary_sheet`).

Overall, pillar, Completeness, Postures and Deal-breakers cells are formulas over the Scores
sheet and the Framework weights (:mod:`models.workbook.formulas`), each written with the value
Beachhead computes for it (:mod:`models.workbook.plan`). When the postures or deal-breakers
formula of a framework with very many rules would pass Excel's formula length, those cells
hold the rule names computed at export, as text.
"""

from __future__ import annotations

from collections.abc import Sequence

from models.core.framework import Rule
from models.workbook.formulas import (
    MAX_FORMULA_CHARS,
    PillarRefs,
    completeness,
    fired_rules,
    overall,
    weighted_pillar,
)
from models.workbook.layout import (
    ASSESSMENTS,
    ASSESSMENTS_HEAD,
    ASSESSMENTS_TAIL,
    SCORES,
    column_letter,
)
from models.workbook.plan import ExportPlan, excel_date
from models.workbook.rows import fill, slot, template
from models.workbook.sheets import (
    DATE,
    SCORE,
    SCORE_SCALE,
    SHARE,
    SHARE_SCALE,
    Book,
    Sheet,
    header_height,
)
from models.workbook.xlsx_text import TextWarning, column_width, formula_text

# placeholders in a formula template: the row itself, and the Scores row of criterion j
_ROW = slot("r")


def _scores_row(j: int) -> str:
    return slot(f"s{j}")


class AssessmentFormulas:
    """The formulas of an Assessments row, built once as templates and filled in per row
    (:mod:`models.workbook.rows`): every row has the same formulas but for its own row number
    and its block of Scores rows."""

    def __init__(self, plan: ExportPlan) -> None:
        self.plan = plan
        geo = plan.geo
        refs, pillars = [], []
        for p, (lo, hi) in enumerate(plan.pillar_spans):
            a, b = _scores_row(lo), _scores_row(hi)
            weights, favs = f"{SCORES}!$I${a}:$I${b}", f"{SCORES}!$L${a}:$L${b}"
            refs.append(PillarRefs(score=f"{column_letter(6 + p)}{_ROW}",
                                   weight=geo.pillar_weight(p), enabled=geo.pillar_enabled(p),
                                   weights=weights, favourabilities=favs))
            pillars.append(weighted_pillar(weights, favs))
        self.scores = [template(f) for f in (overall(refs), *pillars)]
        self.completeness = template(
            completeness(refs, geo.pillar_weights, geo.pillar_enabled_range))
        self.postures = template(self._rules(plan.framework.postures))
        self.breakers = template(self._rules(plan.framework.deal_breakers))

    def _rules(self, rules: Sequence[Rule]) -> str:
        fw = self.plan.framework
        index = fw.criterion_index

        def criterion(cid: str) -> tuple[str, str]:
            row = _scores_row(index[cid])
            return f"{SCORES}!$J${row}", f"{SCORES}!$L${row}"

        return fired_rules(rules, self.plan.lang, f"$E{_ROW}",
                           {p.id: f"${column_letter(6 + n)}{_ROW}"
                            for n, p in enumerate(fw.pillars)}, criterion)

    def fields(self, i: int) -> dict[str, str]:
        """The placeholder values of assessment ``i``'s row (as text, see
        :func:`~models.workbook.rows.fill`)."""
        base = self.plan.scores_first_row(i)
        values = {f"s{j}": str(base + j) for j in range(self.plan.m)}
        values["r"] = str(2 + i)
        return values

    def too_long(self, formula: str, n: int) -> bool:
        """True when ``formula`` (postures or breakers) filled in for the last of ``n`` rows
        passes Excel's formula length; those cells then hold fixed names."""
        return bool(n) and len(fill(formula, self.fields(n - 1))) > MAX_FORMULA_CHARS


def write_assessments(book: Book, plan: ExportPlan, warnings: list[TextWarning]) -> None:
    """Write the Assessments sheet (layout in :mod:`models.workbook.layout`)."""
    sh = book.sheet(ASSESSMENTS, warnings)
    fw, lang, n = plan.framework, plan.lang, len(plan.pairs)
    k = len(fw.pillars)
    pillar_names = [p.score_name(lang) for p in fw.pillars]
    headers = [*ASSESSMENTS_HEAD, *pillar_names, *ASSESSMENTS_TAIL]
    widths = [
        column_width((s.name for s, _ in plan.pairs), 10, 40),
        column_width((a.assessor for _, a in plan.pairs), 10, 36),
        10, 12, 9,
        *(max(12.0, column_width([name], 9, 16)) for name in pillar_names),
        14,
        column_width([*plan.posture_names, "Postures"], 12, 60),
        column_width([*plan.breaker_names, "Deal-breakers"], 14, 50),
        column_width((s.id for s, _ in plan.pairs[:2000]), 12, 36),
    ]
    sh.widths(widths)
    sh.ws.freeze_panes("B2")
    sh.print_setup(repeat=(1, 1))
    sh.height(1, header_height(headers, widths))
    sh.header(1, headers)
    _rows(sh, plan, AssessmentFormulas(plan))
    if n:
        sh.ws.autofilter(f"A1:{column_letter(len(headers))}{n + 1}")
        sh.ws.conditional_format(f"E2:{column_letter(5 + k)}{n + 1}", SCORE_SCALE)
        share = column_letter(6 + k)
        sh.ws.conditional_format(f"{share}2:{share}{n + 1}", SHARE_SCALE)


def _rows(sh: Sheet, plan: ExportPlan, formulas: AssessmentFormulas) -> None:
    n, k = len(plan.pairs), len(plan.framework.pillars)
    table = plan.table
    overall, pillars = table.overall.tolist(), table.pillars.tolist()
    done = table.completeness.tolist()
    rules = [(column_letter(7 + k), formulas.too_long(formulas.postures, n), formulas.postures,
              plan.posture_names),
             (column_letter(8 + k), formulas.too_long(formulas.breakers, n), formulas.breakers,
              plan.breaker_names)]
    sid = column_letter(9 + k)
    for i, (st, a) in enumerate(plan.pairs):
        r = 2 + i
        fields = formulas.fields(i)
        cells = [sh.text_cell(st.name, f"A{r}"), sh.text_cell(a.assessor, f"B{r}"),
                 sh.text_cell(a.role, f"C{r}"), sh.number_cell(excel_date(a.date), DATE)]
        values = [overall[i], *pillars[i]]
        cells += [sh.formula_cell(fill(tpl, fields), value, SCORE)
                  for tpl, value in zip(formulas.scores, values, strict=True)]
        cells.append(sh.formula_cell(fill(formulas.completeness, fields), done[i], SHARE))
        for col, static, tpl, names in rules:  # names as text where a formula is too long
            cells.append(sh.text_cell(names[i], f"{col}{r}") if static
                         else sh.formula_cell(fill(tpl, fields), formula_text(names[i])))
        cells.append(sh.text_cell(st.id, f"{sid}{r}"))
        sh.row(r, cells)
