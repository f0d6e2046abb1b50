"""The export's ``Levels`` sheet: each startup's levels under the perspective, live.

One row per startup, in the Summary's order at export (rank order), so Summary row
``SUMMARY_HEADER_ROW + 1 + n`` reads Levels row :data:`FIRST_ROW` ``+ n``. Above the table,
rows labelled in column A give each criterion column its criterion's name, direction, weight
(``=Framework!$F$…``) and how a level becomes a favourability, ``base + step · level``
(``−0.25`` and ``0.25`` for a benefit criterion, ``1.25`` and ``−0.25`` for a cost one): the
Summary's pillar scores are weighted sums of the levels with them
(:func:`models.workbook.formulas.level_pillar`). The table: ``Startup ID``, ``Startup``,
``Assessments used`` (how many assessments the view is made of), ``Assessments`` (which:
assessor and date, chosen at export), then one **level** column per criterion, headed by its
id.

A level cell is a formula over the Scores sheet:

* one assessment: its Score when the score counts (its favourability cell on the Scores sheet
  holds a number), else ``""``;
* several (the investor view): the prudent median of the scores that count. With the
  favourabilities ``f`` of those Score cells, the view's favourability is the
  ``⌈c/2⌉``-th smallest of the ``c`` that are numbers,
  ``SMALL((f₁,f₂,…),INT((COUNT((f₁,f₂,…))+1)/2))`` (a reference union): the middle one, or on
  an even count the lower of the two middle ones, which is the level less favourable to the
  startup whatever the criterion's direction, exactly the rule of
  :func:`models.engine.perspectives.prudent_median`. The level is ``1 + 4f`` for a benefit
  criterion and ``5 − 4f`` for a cost criterion;
* none: an empty cell.

With a scenario, each level adds the shift the scenario gave it at export, kept within 1–5
(``MIN(5,MAX(1,…))``). Which assessments make a view is fixed at export; their scores stay
live.
"""

from __future__ import annotations

from models.core.framework import text
from models.engine.scenarios import apply_scenario
from models.workbook.formulas import MAX_FORMULA_CHARS, number
from models.workbook.layout import LEVELS, LEVELS_HEAD, LEVELS_LABELS, SCORES, column_letter
from models.workbook.plan import ExportPlan
from models.workbook.sheets import BOLD, WHOLE, WRAP, Book, Sheet, header_height
from models.workbook.view_plan import ViewPlan
from models.workbook.xlsx_text import TextWarning, column_width

#: Rows of the criterion weights, favourability bases and steps above the table, the header
#: row, and the first startup's row.
WEIGHT_ROW, BASE_ROW, STEP_ROW = 3, 4, 5
HEADER_ROW = len(LEVELS_LABELS) + 1
FIRST_ROW = HEADER_ROW + 1
#: Column of the first criterion's level.
FIRST_LEVEL = len(LEVELS_HEAD) + 1
#: A level's favourability ``base + step · level`` by direction.
BASE = {"benefit": -0.25, "cost": 1.25}
STEP = {"benefit": 0.25, "cost": -0.25}


def level_column(j: int) -> int:
    """Column (1-based) of criterion ``j``'s level."""
    return FIRST_LEVEL + j


def level_formula(scores_rows: list[int], cost: bool, shift: float = 0.0) -> str | None:
    """The formula (``=…``) of a level made of the assessments whose criterion sits on
    ``scores_rows`` of the Scores sheet (see the module notes); ``None`` for no assessment or
    a formula too long for Excel (then the level is written as a value)."""
    if not scores_rows:
        return None
    if len(scores_rows) == 1:
        r = scores_rows[0]
        value, test = f"{SCORES}!$J${r}", f"ISNUMBER({SCORES}!$L${r})"
    else:
        union = "(" + ",".join(f"{SCORES}!$L${r}" for r in scores_rows) + ")"
        middle = f"SMALL({union},INT((COUNT({union})+1)/2))"
        value = f"5-4*{middle}" if cost else f"1+4*{middle}"
        test = f"COUNT({union})>0"
    if shift:
        value = f"MIN(5,MAX(1,{value}+{number(shift)}))"
    formula = f'=IF({test},{value},"")'
    return formula if len(formula) <= MAX_FORMULA_CHARS else None


def write_levels(book: Book, plan: ExportPlan, view: ViewPlan,
                 warnings: list[TextWarning]) -> None:
    """Write the Levels sheet (see the module notes)."""
    sh = book.sheet(LEVELS, warnings)
    fw, lang, m = plan.framework, plan.lang, plan.m
    names = [text(c.name, lang) for c in fw.criteria]
    rows = view.rows
    widths = [
        column_width((r.startup_id for r in rows[:2000]), 12, 36),
        column_width((r.startup for r in rows), 10, 40),
        12,
        column_width(_assessors(plan, view, n) for n in range(min(len(rows), 2000))),
        *(max(12.0, column_width([cid], 6, 16)) for cid in fw.criterion_ids),
    ]
    sh.widths(widths)
    sh.ws.freeze_panes(FIRST_ROW - 1, FIRST_LEVEL - 1)
    sh.print_setup(repeat=(1, HEADER_ROW))
    _criteria_rows(sh, plan, names)
    head = [*LEVELS_HEAD, *fw.criterion_ids]
    sh.height(HEADER_ROW, header_height(head, widths))
    sh.header(HEADER_ROW, head)
    _startup_rows(sh, plan, view)
    if rows:
        last = column_letter(FIRST_LEVEL + m - 1)
        sh.ws.autofilter(f"A{HEADER_ROW}:{last}{HEADER_ROW + len(rows)}")


def _criteria_rows(sh: Sheet, plan: ExportPlan, names: list[str]) -> None:
    """The criterion name, direction, weight, favourability base and step above each level
    column (row by row: the sheet is written top to bottom)."""
    fw, geo = plan.framework, plan.geo
    sh.height(1, 60)
    for r, label in enumerate(LEVELS_LABELS, 1):
        sh.text(r, 1, label, BOLD)
        for j, c in enumerate(fw.criteria):
            col = level_column(j)
            if r == 1:
                sh.text(r, col, names[j], WRAP)
            elif r == 2:
                sh.text(r, col, c.direction)
            elif r == WEIGHT_ROW:
                sh.formula(r, col, f"={geo.criterion_weight(j)}", float(c.weight))
            else:
                sh.number(r, col, (BASE if r == BASE_ROW else STEP)[c.direction])


def _assessors(plan: ExportPlan, view: ViewPlan, n: int) -> str:
    """Which assessments ranked row ``n``'s view is made of: ``assessor date; …``."""
    return "; ".join(f"{plan.pairs[i][1].assessor or '-'} {plan.pairs[i][1].date.isoformat()}"
                     for i in view.used[n])


def _startup_rows(sh: Sheet, plan: ExportPlan, view: ViewPlan) -> None:
    fw, m = plan.framework, plan.m
    ranking = view.ranking
    order = [r.row for r in view.rows]
    levels = apply_scenario(ranking.view.levels[order], fw, ranking.scenario)
    cost = [c.direction == "cost" for c in fw.criteria]
    for n, ranked in enumerate(view.rows):
        r = FIRST_ROW + n
        cells = [sh.text_cell(ranked.startup_id, f"A{r}"), sh.text_cell(ranked.startup, f"B{r}"),
                 sh.number_cell(len(view.used[n]), WHOLE),
                 sh.text_cell(_assessors(plan, view, n), f"D{r}")]
        firsts = [plan.scores_first_row(i) for i in view.used[n]]
        row_levels = levels[n].tolist()
        for j in range(m):
            shift = float(view.shifts[n, j]) if view.shifts is not None else 0.0
            formula = level_formula([f + j for f in firsts], cost[j], shift)
            value = row_levels[j]
            cells.append(sh.number_cell(value, WHOLE) if formula is None
                         else sh.formula_cell(formula, value, WHOLE))
        sh.row(r, cells)
