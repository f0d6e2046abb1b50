"""The export's ``Summary`` sheet: the startups ranked under one perspective, one row each.

Rows 1–4 say how: the title names the perspective; then its definition and the gate rule, the
scenario, weights and suggestion thresholds, and what is live (:mod:`models.workbook.view_texts`).
The table's header is row :data:`~models.workbook.layout.SUMMARY_HEADER_ROW`; below it one row
per startup in rank order at export (:mod:`models.workbook.view_plan`), frozen and filtered.

Live formulas, each written with the engine's value (:mod:`models.workbook.summary_formulas`):
Overall, the pillar scores, Completeness and Deal-breakers over the startup's row on the Levels
sheet (:mod:`models.workbook.levels_sheet`) and the Framework weights; Gated and Suggested over
those; Founder gap over the founder's assessment row on the Assessments sheet; Rank over three
hidden key columns (group and overall, completeness, name order) with ``COUNTIF``/``COUNTIFS``,
the ranking's exact order (:mod:`models.engine.ranking`). Every reference to another sheet is
absolute and every reference within the row relative, so sorting the table keeps each row whole.
Values at export: Status (the current decision), P10 and P90, Assessments used, Startup ID.
"""

from __future__ import annotations

from models.core.decisions import status_name, suggestion_name
from models.core.framework import text
from models.engine.weight_changes import WeightChange, weights_note
from models.workbook.cell_xml import formula_tail, xml_escape
from models.workbook.count_texts import counted
from models.workbook.layout import (
    SUMMARY,
    SUMMARY_HEAD,
    SUMMARY_HEADER_ROW,
    SUMMARY_KEYS,
    SUMMARY_TAIL,
    column_letter,
)
from models.workbook.plan import ExportPlan
from models.workbook.sheets import (
    GAP,
    RANK,
    SCORE,
    SCORE_SCALE,
    SHARE,
    SHARE_SCALE,
    TITLE,
    WHOLE,
    WRAP,
    Book,
    Sheet,
    header_height,
    row_height,
)
from models.workbook.summary_formulas import Columns, SummaryFormulas, rank_keys
from models.workbook.view_plan import ViewPlan
from models.workbook.view_texts import view_definition, view_name, view_texts
from models.workbook.xlsx_text import TextWarning, column_width, formula_text

#: Fill of a gated startup's Gated cell.
_GATED_FILL = {"bg_color": "#F8CBAD"}


def summary_statements(plan: ExportPlan, view: ViewPlan) -> list[str]:
    """The three lines above the table (see the module notes), in the plan's language."""
    fw, lang = plan.framework, plan.lang
    t = view_texts(lang)
    ranking = view.ranking
    gates = t["gates_off" if ranking.ignore_gates else "gates_on"]
    scenario = (t["scenario_none"] if ranking.scenario is None
                else t["scenario"].format(name=text(ranking.scenario.name, lang)))
    th = fw.decision_thresholds
    suggestion = t["suggestion"].format(pursue=f"{th.pursue:g}", watch=f"{th.watch:g}")
    if view.draws:
        bands = t["bands"].format(mc_draws=counted(lang, "mc_draws", view.draws),
                                  seed=view.seed)
    elif view.requested:
        bands = t["bands_skipped"].format(startups=counted(lang, "startups", len(view.rows)),
                                          perspective=ranking.perspective.name)
    else:
        bands = t["bands_off"]
    definition = t["perspective"].format(definition=view_definition(ranking.perspective, lang))
    return [f"{definition} {gates}",
            f"{scenario} {weights_line(plan)} {suggestion}",
            f"{t['live']} {bands}"]


def weights_line(plan: ExportPlan) -> str:
    """Which weights the scores use, as the Summary says it
    (:mod:`models.engine.weight_changes`)."""
    fw, lang = plan.framework, plan.lang
    t = view_texts(lang)
    own = f"{fw.id} {fw.version}"
    note = weights_note(fw)
    if note is None:
        return t["weights_default"].format(framework=own)
    if not note.base:
        return t["weights_custom"].format(framework=own)
    changes = "; ".join(_change(c, lang) for c in note.changes)
    if note.custom:
        return t["weights_custom_differ"].format(framework=own, base=note.base,
                                                 changes=changes)
    return t["weights_differ"].format(base=note.base, changes=changes)


def _change(change: WeightChange, lang: str) -> str:
    t = view_texts(lang)
    name = text(change.name, lang)
    if change.kind == "enabled":
        return t["weight_on" if change.new else "weight_off"].format(name=name)
    return t[f"weight_{change.kind}"].format(name=name, old=f"{change.old:g}",
                                             new=f"{change.new:g}")


def write_summary(book: Book, plan: ExportPlan, view: ViewPlan,
                  warnings: list[TextWarning]) -> None:
    """Write the Summary sheet (see the module notes)."""
    sh = book.sheet(SUMMARY, warnings)
    fw, lang = plan.framework, plan.lang
    cols = Columns(len(fw.pillars))
    n = len(view.rows)
    pillar_names = [p.score_name(lang) for p in fw.pillars]
    headers = [*SUMMARY_HEAD, *pillar_names, *SUMMARY_TAIL, *SUMMARY_KEYS]
    widths = _widths(plan, view, pillar_names)
    sh.widths(widths)
    sh.ws.set_column(cols.keys - 1, cols.keys + len(SUMMARY_KEYS) - 2, 14, None,
                     {"hidden": True})
    h = SUMMARY_HEADER_ROW
    sh.ws.freeze_panes(h, 2)
    sh.print_setup(repeat=(h, h))
    sh.text(1, 1, view_texts(lang)["summary_title"].format(
        view=view_name(view.ranking.perspective, lang)), TITLE)
    visible = sum(widths[:cols.sid])
    for r, line in enumerate(summary_statements(plan, view), 2):
        sh.height(r, row_height([(line, visible)]))
        sh.ws.merge_range(r - 1, 0, r - 1, cols.sid - 1, "", sh.book.fmt(WRAP))
        sh.text(r, 1, line, WRAP)
    sh.height(h, header_height(headers, widths))
    sh.header(h, headers)
    _rows(sh, plan, view, cols)
    if n:
        last = h + n
        sh.ws.autofilter(h - 1, 0, last - 1, cols.keys + len(SUMMARY_KEYS) - 2)
        first_score = column_letter(cols.overall)
        sh.ws.conditional_format(f"{first_score}{h + 1}:{column_letter(cols.pillar(-1))}{last}",
                                 SCORE_SCALE)
        share = column_letter(cols.completeness)
        sh.ws.conditional_format(f"{share}{h + 1}:{share}{last}", SHARE_SCALE)
        gated = column_letter(cols.gated)
        sh.ws.conditional_format(f"{gated}{h + 1}:{gated}{last}", {
            "type": "no_blanks", "format": sh.book.fmt(_GATED_FILL)})


def _widths(plan: ExportPlan, view: ViewPlan, pillar_names: list[str]) -> list[float]:
    lang = plan.lang
    rows = view.rows
    statuses = [status_name(r.status, lang) for r in rows if r.status]
    return [
        6, column_width((r.startup for r in rows), 12, 40),
        column_width(["Status", *statuses], 8, 16), 11, 8,
        column_width(["Deal-breakers", *("; ".join(r.deal_breakers) for r in rows[:2000])],
                     14, 50),
        9, *(max(12.0, column_width([name], 10, 16)) for name in pillar_names),
        13, 8, 8, 9, 12, column_width((r.startup_id for r in rows[:2000]), 12, 36),
    ]


def _rows(sh: Sheet, plan: ExportPlan, view: ViewPlan, cols: Columns) -> None:
    """One row per ranked startup, best first, its cells in column order (see
    :class:`~models.workbook.summary_formulas.Columns`)."""
    lang = plan.lang
    formulas = SummaryFormulas(plan, view, cols)
    share, whole = sh.book.attribute(SHARE), sh.book.attribute(WHOLE)
    rank = sh.book.attribute(RANK)
    yes = view_texts(lang)["gated"]
    keys = rank_keys(view)
    breakers, sid = column_letter(cols.breakers), column_letter(cols.sid)
    for n, ranked in enumerate(view.rows):
        r = SUMMARY_HEADER_ROW + 1 + n
        f = formulas.row(n)
        names = "; ".join(ranked.deal_breakers)
        cells = [
            _formula(f.rank, ranked.rank, rank), sh.text_cell(ranked.startup, f"B{r}"),
            sh.text_cell(status_name(ranked.status, lang) if ranked.status else "", f"C{r}"),
            _formula(f.suggested,
                     suggestion_name(ranked.suggested, lang) if ranked.suggested else ""),
            _formula(f.gated, yes if ranked.gated else ""),
            sh.text_cell(names, f"{breakers}{r}") if f.breakers is None
            else sh.formula_cell(f.breakers, formula_text(names))]
        values = [ranked.overall, *ranked.pillars.values()]
        cells += [sh.formula_cell(formula, value, SCORE)
                  for formula, value in zip(f.scores, values, strict=True)]
        p10, p90 = view.band(n)
        cells += [_formula(f.completeness, ranked.completeness, share),
                  sh.number_cell(p10, SCORE), sh.number_cell(p90, SCORE),
                  sh.number_cell(ranked.founder_gap, GAP) if f.gap is None
                  else sh.formula_cell(f.gap, ranked.founder_gap, GAP),
                  sh.number_cell(ranked.assessments, WHOLE),
                  sh.text_cell(ranked.startup_id, f"{sid}{r}")]
        cells += [sh.number_cell(value, WHOLE) if key is None else _formula(key, value, whole)
                  for key, value in zip(f.keys, keys[n], strict=True)]
        sh.row(r, cells)


def _formula(formula: str, value: float | str, style: str = "") -> str:
    """A formula cell whose value is written as it is given (a whole number without ``.0``;
    a text from Beachhead's own words)."""
    return formula_tail(xml_escape(formula.removeprefix("=")), value, style)
