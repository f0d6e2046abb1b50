"""The Excel workbook export: ``beachhead export FILE -o OUT.xlsx``.

The workbook is for people who never install Beachhead: every score in it is a live formula
over the scores on the ``Scores`` sheet and the weights on the ``Framework`` sheet, so an
investor who changes a weight, switches a pillar off or edits a score in Excel or LibreOffice
sees everything re-score, and the numbers equal Beachhead's own (:mod:`models.scoring`).
The layout (sheet names, headers, rows) is documented in :mod:`models.workbook_layout`; the
formulas in :mod:`models.workbook_formulas`; how user text is kept as text in
:mod:`models.xlsx_text`.

The ``Analysis`` sheet (:mod:`models.workbook_analysis`) is the exception: Monte Carlo
uncertainty, rank reversals and scenario effects as values at export time, with the draws and
seed that reproduce them.

The workbook is written in openpyxl's write-only (streaming) mode: rows go to disk as they are
made, so a 10,000-startup export needs little memory beyond the portfolio itself.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from openpyxl import Workbook
from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.chart.data_source import NumFmt
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.worksheet.datavalidation import DataValidation

from models.framework import Framework, text
from models.portfolio import CONFIDENCES, Assessment, Portfolio, Startup
from models.scoring import level_matrix, rule_mask, score_levels
from models.workbook_analysis import (
    DEFAULT_ANALYSIS_DRAWS,
    DEFAULT_ANALYSIS_SEED,
    write_analysis_sheet,
)
from models.workbook_formulas import (
    MAX_FORMULA_CHARS,
    PillarRefs,
    completeness,
    condition,
    favourability,
    overall,
    rule_names,
    weighted_pillar,
)
from models.workbook_layout import (
    ABOUT_ASSESSMENTS,
    ABOUT_STARTUPS,
    CHARTS,
    EXPORT_KIND,
    SCORES,
    SCORES_HEADERS,
    STARTUPS,
    STARTUPS_HEADERS,
    SUMMARY,
    SUMMARY_HEAD,
    SUMMARY_TAIL,
    TAG_SEPARATOR,
    FrameworkSheet,
    column_letter,
)
from models.workbook_sheets import (
    AMBER,
    DATE_FORMAT,
    GREEN,
    RED,
    SCORE_FORMAT,
    SHARE_FORMAT,
    SheetCells,
    about_values,
    print_setup,
    save_atomic,
    set_widths,
    set_workbook_identity,
    write_about_sheet,
    write_framework_sheet,
)
from models.workbook_texts import TEXTS
from models.xlsx_text import TextWarning, column_width

#: Called as ``progress(done, total)`` with assessments written so far.
Progress = Callable[[int, int], None]

#: Report progress every this many assessments.
PROGRESS_EVERY = 1000
#: The radar chart shows at most this many startups, the bar chart at most :data:`BAR_MAX`.
RADAR_MAX = 12
BAR_MAX = 30
#: Row of the Charts sheet's data-block header (the charts sit above it).
CHART_DATA_ROW = 68


@dataclass
class ExportResult:
    """What an export wrote.

    Attributes:
        path: the workbook written.
        assessments: rows on the Summary sheet.
        warnings: texts that had to change to fit in a workbook, each naming its cell.
        analysis: what the Analysis sheet used: ``draws`` (0 = Monte Carlo skipped),
            ``requested`` and ``seed``.
    """

    path: Path
    assessments: int
    warnings: list[TextWarning] = field(default_factory=list)
    analysis: dict[str, object] = field(default_factory=dict)


# -- the export ------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Plan:
    """Everything about the portfolio the sheet writers share."""

    framework: Framework
    lang: str
    pairs: list[tuple[Startup, Assessment]]
    geo: FrameworkSheet
    pillar_spans: list[tuple[int, int]]  # (first, last) criterion index of each pillar
    overall: np.ndarray
    posture_names: list[str]
    breaker_names: list[str]

    @property
    def m(self) -> int:
        return self.geo.criteria

    def scores_first_row(self, i: int) -> int:
        """First Scores row of assessment ``i``."""
        return 2 + i * self.m


def _plan(portfolio: Portfolio, lang: str) -> _Plan:
    fw = portfolio.framework
    pairs = portfolio.assessments()
    spans, start = [], 0
    for p in fw.pillars:
        spans.append((start, start + len(p.criteria) - 1))
        start += len(p.criteria)
    table = score_levels(level_matrix([a for _, a in pairs], fw), fw)
    pm = rule_mask(table, fw.postures)
    bm = rule_mask(table, fw.deal_breakers)
    postures = ["; ".join(text(r.name, lang) for j, r in enumerate(fw.postures) if row[j])
                for row in pm]
    breakers = ["; ".join(text(r.name, lang) for j, r in enumerate(fw.deal_breakers) if row[j])
                for row in bm]
    return _Plan(fw, lang, pairs, FrameworkSheet(len(fw.pillars), len(fw.criteria)), spans,
                 table.overall, postures, breakers)


def export_workbook(
    portfolio: Portfolio,
    path: str | Path,
    *,
    lang: str = "en",
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    analysis_draws: int = DEFAULT_ANALYSIS_DRAWS,
    analysis_seed: int = DEFAULT_ANALYSIS_SEED,
) -> ExportResult:
    """Write ``portfolio`` as an ``.xlsx`` workbook with live formulas at ``path``.

    Args:
        portfolio: what to export; its own framework provides the weights.
        path: the workbook to write; replaced atomically (a crash leaves the old file).
        lang: ``en`` or ``zh_CN`` for framework texts and explanations.
        progress: called as ``progress(done, total)`` every :data:`PROGRESS_EVERY`
            assessments and once at the end (total = number of assessments).
        now: the export time written on the About sheet (default: now, UTC).
        analysis_draws, analysis_seed: Monte Carlo draws and seed of the Analysis sheet;
            large portfolios get fewer draws (see :func:`models.workbook_analysis.
            analysis_draws`) and ``analysis_draws=0`` leaves the Monte Carlo figures out.

    Returns:
        An :class:`ExportResult` with the warnings about texts that had to change.

    Raises:
        OSError: the file cannot be written.
    """
    path = Path(path)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    plan = _plan(portfolio, lang)
    warnings: list[TextWarning] = []
    wb = Workbook(write_only=True)
    total = len(plan.pairs)
    _write_summary(wb, plan, warnings)
    _write_scores(wb, plan, warnings, progress)
    _write_startups(wb, portfolio, warnings)
    write_framework_sheet(wb, plan.framework, lang, warnings, editable=True)
    _write_charts(wb, plan, warnings)
    analysis = write_analysis_sheet(wb, portfolio, lang, warnings, draws=analysis_draws,
                                    seed=analysis_seed)
    about = about_values(plan.framework, EXPORT_KIND, lang, now,
                         [(ABOUT_STARTUPS, len(portfolio.startups)), (ABOUT_ASSESSMENTS, total)])
    write_about_sheet(wb, about, TEXTS[lang]["about_export"], plan.framework, lang, warnings)
    set_workbook_identity(wb, about, f"Beachhead export: {text(plan.framework.name, 'en')}",
                          now)
    save_atomic(wb, path)
    if progress:
        progress(total, total)
    return ExportResult(path, total, warnings, analysis)


def _write_summary(wb: Workbook, plan: _Plan, warnings: list[TextWarning]) -> None:
    ws = wb.create_sheet(SUMMARY)
    cells = SheetCells(ws, warnings)
    fw, lang = plan.framework, plan.lang
    k = len(fw.pillars)
    pillar_names = [text(p.name, lang) for p in fw.pillars]
    headers = [*SUMMARY_HEAD, *pillar_names, *SUMMARY_TAIL]
    n = len(plan.pairs)
    last_col = column_letter(len(headers))
    col_completeness = 6 + k
    set_widths(ws, [
        column_width((s.name for s, _ in plan.pairs), 10, 40),
        column_width((a.assessor for _, a in plan.pairs), 10, 36),
        10, 12, 9,
        *(column_width([name], 9, 22) for name in pillar_names),
        14,
        column_width([*plan.posture_names, "Postures"], 12, 60),
        column_width([*plan.breaker_names, "Deal-breakers"], 14, 50),
    ])
    ws.freeze_panes = "B2"
    print_setup(ws, title_rows="1:1")
    ws.append(cells.header(headers))

    row_formulas = _SummaryFormulas(plan)
    postures_static = row_formulas.too_long("postures", n)
    breakers_static = row_formulas.too_long("breakers", n)
    date_cell = cells.styled(None, number_format=DATE_FORMAT)
    score_cells = [cells.styled(None, number_format=SCORE_FORMAT) for _ in range(k + 1)]
    share_cell = cells.styled(None, number_format=SHARE_FORMAT)
    for i, (st, a) in enumerate(plan.pairs):
        r = 2 + i
        date_cell.value = a.date
        formulas = row_formulas.row(i)
        for c, f in zip(score_cells, formulas["scores"], strict=True):
            c.value = f
        share_cell.value = formulas["completeness"]
        ws.append([
            cells.text(st.name, f"A{r}"), cells.text(a.assessor, f"B{r}"), a.role, date_cell,
            *score_cells, share_cell,
            cells.text(plan.posture_names[i]) if postures_static else formulas["postures"],
            cells.text(plan.breaker_names[i]) if breakers_static else formulas["breakers"],
        ])
    if n:
        ws.auto_filter.ref = f"A1:{last_col}{n + 1}"
        ws.conditional_formatting.add(
            f"E2:{column_letter(5 + k)}{n + 1}",
            ColorScaleRule(start_type="num", start_value=0, start_color=RED,
                           mid_type="num", mid_value=50, mid_color=AMBER,
                           end_type="num", end_value=100, end_color=GREEN))
        ws.conditional_formatting.add(
            f"{column_letter(col_completeness)}2:{column_letter(col_completeness)}{n + 1}",
            ColorScaleRule(start_type="num", start_value=0, start_color="FFFFFF",
                           end_type="num", end_value=1, end_color="9BC2E6"))


# placeholders in a formula template: the Summary row, and the Scores row of criterion j
_ROW = "\x00r\x00"


def _scores_row(j: int) -> str:
    return f"\x00s{j}\x00"


class _SummaryFormulas:
    """The formulas of a Summary row, built once as templates and filled in per row.

    Every Summary row has the same formulas but for its own row number and its block of
    Scores rows, so the text is made once with placeholders (control characters, which
    :func:`~models.xlsx_text.formula_string` never lets through from framework texts) and
    each row only substitutes numbers.
    """

    def __init__(self, plan: _Plan) -> None:
        self.plan = plan
        fw, geo = plan.framework, plan.geo
        k = len(plan.pillar_spans)
        pillar_cells = [f"{column_letter(6 + p)}{_ROW}" for p in range(k)]
        refs, pillars = [], []
        for p, (lo, hi) in enumerate(plan.pillar_spans):
            a, b = _scores_row(lo), _scores_row(hi)
            refs.append(PillarRefs(score=pillar_cells[p], weight=geo.pillar_weight(p),
                                   enabled=geo.pillar_enabled(p),
                                   weights=f"{SCORES}!$I${a}:$I${b}",
                                   scores=f"{SCORES}!$J${a}:$J${b}"))
            pillars.append(weighted_pillar(f"{SCORES}!$I${a}:$I${b}", f"{SCORES}!$J${a}:$J${b}",
                                           f"{SCORES}!$L${a}:$L${b}"))
        texts = {
            "scores": [overall(refs), *pillars],
            "completeness": completeness(refs, geo.pillar_weights, geo.pillar_enabled_range),
            "postures": self._rules(fw.postures),
            "breakers": self._rules(fw.deal_breakers),
        }
        self.templates = {key: [_template(t) for t in v] if isinstance(v, list) else _template(v)
                          for key, v in texts.items()}

    def _rules(self, rules: Sequence) -> str:  # type: ignore[type-arg]
        fw = self.plan.framework
        pillar_col = {p.id: column_letter(6 + n) for n, p in enumerate(fw.pillars)}
        out = []
        for rule in rules:
            conds = []
            for cond in rule.when:
                if cond.kind == "overall":
                    ref = f"$E{_ROW}"
                elif cond.kind == "pillar":
                    ref = f"${pillar_col[cond.target]}{_ROW}"
                else:
                    ref = f"{SCORES}!$J${_scores_row(fw.criterion_index[cond.target])}"
                conds.append(condition(ref, cond))
            out.append((text(rule.name, self.plan.lang), conds))
        return rule_names(out)

    def row(self, i: int) -> dict:
        """Formulas of assessment ``i``'s Summary row: ``scores`` [overall, pillars…],
        ``completeness``, ``postures``, ``breakers``; each starts with ``=``."""
        base = self.plan.scores_first_row(i)
        values = {f"s{j}": base + j for j in range(self.plan.m)}
        values["r"] = 2 + i
        out: dict = {}
        for key, tpl in self.templates.items():
            if isinstance(tpl, list):
                out[key] = ["=" + t.format_map(values) for t in tpl]
            else:
                out[key] = "=" + tpl.format_map(values)
        return out

    def too_long(self, key: str, n: int) -> bool:
        """True when the ``postures`` or ``breakers`` formula of the last of ``n`` rows would
        pass Excel's formula length; those cells then hold fixed names, computed at export."""
        return bool(n) and len(self.row(n - 1)[key]) > MAX_FORMULA_CHARS


def _template(formula: str) -> str:
    """``formula`` with its placeholders turned into ``str.format`` fields."""
    escaped = formula.replace("{", "{{").replace("}", "}}")
    return re.sub("\x00(r|s[0-9]+)\x00", r"{\1}", escaped)


def _write_scores(
    wb: Workbook, plan: _Plan, warnings: list[TextWarning], progress: Progress | None
) -> None:
    ws = wb.create_sheet(SCORES)
    cells = SheetCells(ws, warnings)
    fw, lang, geo, m = plan.framework, plan.lang, plan.geo, plan.m
    crits = fw.criteria
    crit_names = [text(c.name, lang) for c in crits]
    sample = plan.pairs[:300]
    set_widths(ws, [
        column_width((s.name for s, _ in plan.pairs), 10, 40),
        column_width((a.assessor for _, a in plan.pairs), 10, 36),
        10, 12, 10,
        column_width(fw.criterion_ids, 12, 36),
        column_width(crit_names, 12, 40),
        10, 8, 7, 12, 13,
        column_width((sc.rationale for _, a in sample for sc in a.scores.values()), 12, 60),
        column_width((sc.evidence for _, a in sample for sc in a.scores.values()), 10, 40),
    ])
    ws.freeze_panes = "B2"
    print_setup(ws, title_rows="1:1")
    ws.append(cells.header(SCORES_HEADERS))
    # criterion columns are the same for every assessment: make them once
    fixed = []
    for j, c in enumerate(crits):
        fixed.append((
            c.pillar_id, c.id,
            cells.text(crit_names[j], lambda j=j: f"G{2 + j}"),
            c.direction, "=" + geo.criterion_weight(j),
        ))
    fav = "=" + favourability("J{r}", "H{r}")
    date_cell = cells.styled(None, number_format=DATE_FORMAT)
    total = len(plan.pairs)
    for i, (st, a) in enumerate(plan.pairs):
        base = plan.scores_first_row(i)
        end = base + m - 1
        name = cells.text(st.name, lambda b=base, e=end: f"A{b}:A{e}")
        assessor = cells.text(a.assessor, lambda b=base, e=end: f"B{b}:B{e}")
        date_cell.value = a.date
        scores = a.scores
        for j, cid in enumerate(fw.criterion_ids):
            r = base + j
            pillar_id, crit_id, crit_name, direction, weight = fixed[j]
            sc = scores.get(cid)
            if sc is None:
                value = confidence = rationale = evidence = None
            else:
                value, confidence = sc.value, sc.confidence
                rationale = cells.text(sc.rationale, f"M{r}") if sc.rationale else None
                evidence = cells.text(sc.evidence, f"N{r}") if sc.evidence else None
            ws.append([name, assessor, a.role, date_cell, pillar_id, crit_id, crit_name,
                       direction, weight, value, confidence, fav.format(r=r), rationale,
                       evidence])
        if progress and (i + 1) % PROGRESS_EVERY == 0 and i + 1 < total:
            progress(i + 1, total)
    if total:
        last = 1 + total * m
        score_dv = DataValidation(type="whole", operator="between", formula1="1",
                                  formula2="5", allow_blank=True, showErrorMessage=True,
                                  errorTitle="Score",
                                  error="A score is a whole number from 1 to 5, or empty.")
        score_dv.add(f"J2:J{last}")
        conf_dv = DataValidation(type="list", formula1='"' + ",".join(CONFIDENCES) + '"',
                                 allow_blank=True, showErrorMessage=True,
                                 errorTitle="Confidence",
                                 error="Confidence is low, medium or high.")
        conf_dv.add(f"K2:K{last}")
        ws.data_validations.append(score_dv)
        ws.data_validations.append(conf_dv)
        ws.conditional_formatting.add(
            f"L2:L{last}",
            ColorScaleRule(start_type="num", start_value=0, start_color=RED,
                           mid_type="num", mid_value=0.5, mid_color=AMBER,
                           end_type="num", end_value=1, end_color=GREEN))


def _write_startups(wb: Workbook, portfolio: Portfolio, warnings: list[TextWarning]) -> None:
    ws = wb.create_sheet(STARTUPS)
    cells = SheetCells(ws, warnings)
    sts = portfolio.startups
    set_widths(ws, [
        column_width((s.id for s in sts), 12, 36),
        column_width((s.name for s in sts), 10, 40),
        column_width((s.sector for s in sts), 10, 36),
        column_width((s.stage for s in sts), 8, 20),
        column_width((s.region for s in sts), 8, 24),
        column_width((TAG_SEPARATOR.join(s.tags) for s in sts[:2000]), 8, 40),
        column_width((s.notes for s in sts[:2000]), 10, 80),
    ])
    ws.freeze_panes = "C2"
    print_setup(ws, title_rows="1:1")
    ws.append(cells.header(STARTUPS_HEADERS))
    for i, s in enumerate(sts):
        r = 2 + i
        ws.append([
            cells.text(s.id, f"A{r}"), cells.text(s.name, f"B{r}"),
            cells.text(s.sector, f"C{r}"), cells.text(s.stage, f"D{r}"),
            cells.text(s.region, f"E{r}"), cells.text(TAG_SEPARATOR.join(s.tags), f"F{r}"),
            cells.text(s.notes, f"G{r}"),
        ])
    if sts:
        ws.auto_filter.ref = f"A1:G{len(sts) + 1}"


def chart_rows(plan_pairs: Sequence[tuple[Startup, Assessment]], overall: np.ndarray,
               limit: int) -> list[int]:
    """Indices of the assessments to chart: one per startup, highest overall first.

    A startup is represented by its latest investor assessment, or its latest assessment of
    any role when no investor scored it; assessments with no score are left out.
    """
    chosen: dict[str, int] = {}
    for i, (st, a) in enumerate(plan_pairs):
        if np.isnan(overall[i]):
            continue
        key = (a.role == "investor", a.date, i)
        best = chosen.get(st.id)
        if best is None:
            chosen[st.id] = i
            continue
        b = plan_pairs[best][1]
        if key > (b.role == "investor", b.date, best):
            chosen[st.id] = i
    order = sorted(chosen.values(), key=lambda i: (-overall[i], i))
    return order[:limit]


def _write_charts(wb: Workbook, plan: _Plan, warnings: list[TextWarning]) -> None:
    ws = wb.create_sheet(CHARTS)
    cells = SheetCells(ws, warnings)
    fw, lang = plan.framework, plan.lang
    k = len(fw.pillars)
    rows = chart_rows(plan.pairs, plan.overall, BAR_MAX)
    names = [plan.pairs[i][0].name for i in rows]
    set_widths(ws, [column_width(names, 14, 30), *(
        column_width([text(p.name, lang)], 10, 16) for p in fw.pillars), 9])
    print_setup(ws, landscape=False)
    if not rows:
        ws.append([cells.text(TEXTS[lang]["no_charts"])])
        return
    # the charts come first, where the sheet opens; their data block sits below them
    for _ in range(CHART_DATA_ROW - 2):
        ws.append([])
    ws.append([cells.text(TEXTS[lang]["charts_note"].format(radar=RADAR_MAX, bar=BAR_MAX))])
    ws.append(cells.header(["Startup", *(text(p.name, lang) for p in fw.pillars), "Overall"],
                           CHART_DATA_ROW))
    score = {"number_format": SCORE_FORMAT}
    for i in rows:
        sr = 2 + i  # the assessment's Summary row
        ws.append([
            f"={SUMMARY}!$A${sr}",
            *(cells.styled(f"={SUMMARY}!${column_letter(6 + p)}${sr}", **score)
              for p in range(k)),
            cells.styled(f"={SUMMARY}!$E${sr}", **score),
        ])
    head, first, last = CHART_DATA_ROW, CHART_DATA_ROW + 1, CHART_DATA_ROW + len(rows)
    axis_format = NumFmt(formatCode="0", sourceLinked=False)

    radar = RadarChart()
    radar.type = "marker"
    radar.title = TEXTS[lang]["radar_title"]
    radar.style = 26
    radar.add_data(Reference(ws, min_col=1, max_col=1 + k, min_row=first,
                             max_row=first + min(RADAR_MAX, len(rows)) - 1),
                   from_rows=True, titles_from_data=True)
    radar.set_categories(Reference(ws, min_col=2, max_col=1 + k, min_row=head, max_row=head))
    radar.y_axis.scaling.min = 0
    radar.y_axis.scaling.max = 100
    radar.y_axis.majorUnit = 25
    radar.y_axis.number_format = axis_format
    radar.y_axis.delete = False
    radar.width, radar.height = 22, 13
    ws.add_chart(radar, "A1")

    bar = BarChart()
    bar.type = "bar"  # horizontal bars: long names stay readable
    bar.title = TEXTS[lang]["bar_title"]
    bar.style = 10
    bar.add_data(Reference(ws, min_col=k + 2, max_col=k + 2, min_row=head, max_row=last),
                 titles_from_data=True)
    bar.set_categories(Reference(ws, min_col=1, max_col=1, min_row=first, max_row=last))
    bar.legend = None
    bar.y_axis.scaling.min = 0
    bar.y_axis.scaling.max = 100
    bar.y_axis.majorUnit = 25
    bar.y_axis.number_format = axis_format
    bar.y_axis.delete = False
    bar.x_axis.delete = False
    bar.x_axis.scaling.orientation = "maxMin"  # highest first, at the top
    bar.y_axis.crosses = "max"  # keep the value axis at the bottom when categories are reversed
    bar.width, bar.height = 22, max(7.0, 0.55 * len(rows) + 2.5)
    ws.add_chart(bar, "A28")
