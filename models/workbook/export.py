"""The Excel workbook export: ``beachhead export FILE -o OUT.xlsx``.

The workbook is for people who never install Beachhead, a committee first: its **Summary**
ranks the startups under one perspective (the investor view by default), one row per startup,
and says how (:mod:`models.workbook.summary_sheet`); the Charts and Analysis sheets show the
same startups; every assessment keeps its row on the Assessments sheet for audit, and the
decisions taken are on the Decisions sheet.

Every score in it is a live formula over the scores on the ``Scores`` sheet and the weights on
the ``Framework`` sheet, so an investor who changes a weight, switches a pillar off or edits a
score in Excel or LibreOffice sees everything re-score: each assessment, each startup's levels
under the perspective (the ``Levels`` sheet) and the Summary's scores and rank, and the numbers
equal Beachhead's own (:mod:`models.engine.scores`, :mod:`models.engine.ranking`). Every
formula is also written **with its value** as Beachhead computes it, and the charts with their
data, so mail and phone previews, Quick Look, ``pandas.read_excel`` and calamine, which do not
recalculate, show the scores and charts too.

The layout (sheet names, headers, rows) is documented in :mod:`models.workbook.layout`; the
formulas in :mod:`models.workbook.formulas` and :mod:`models.workbook.summary_formulas`; how
user text is kept as text in :mod:`models.workbook.xlsx_text`. One module per sheet:
:mod:`models.workbook.summary_sheet`, :mod:`models.workbook.charts_sheet`,
:mod:`models.workbook.analysis_sheet`, :mod:`models.workbook.decisions_sheet`,
:mod:`models.workbook.assessments_sheet`, :mod:`models.workbook.levels_sheet`,
:mod:`models.workbook.scores_sheet`, the Startups sheet here,
:mod:`models.workbook.framework_sheet` and :mod:`models.workbook.about_sheet`. What the
startup sheets share (the ranking, its Monte Carlo figures) is made once,
:mod:`models.workbook.view_plan`; what the assessment sheets share,
:mod:`models.workbook.plan`.

Values, not formulas: the Summary's P10–P90 and the whole Analysis sheet (Monte Carlo
figures, leader reversals and scenario effects at export time, with the draws and seed that
reproduce them), and which assessments make each startup's view.

The workbook is written with XlsxWriter in ``constant_memory`` mode (rows go to scratch files
as they are made; see :mod:`models.workbook.sheets` for why and what it costs), so a
10,000-startup export needs little memory beyond the portfolio itself. The file appears only
when complete: an exception from ``progress`` (how the app cancels an export) leaves no file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from models.core.framework import Scenario, text
from models.core.portfolio import Portfolio
from models.engine.perspectives import Perspective
from models.workbook.about_sheet import about_values, set_workbook_identity, write_about_sheet
from models.workbook.analysis_sheet import (
    DEFAULT_ANALYSIS_DRAWS,
    DEFAULT_ANALYSIS_SEED,
    analysis_draws,
    write_analysis_sheet,
)
from models.workbook.assessments_sheet import write_assessments
from models.workbook.charts_sheet import write_charts
from models.workbook.decisions_sheet import write_decisions
from models.workbook.framework_sheet import write_framework_sheet
from models.workbook.layout import (
    ABOUT_ASSESSMENTS,
    ABOUT_GATES,
    ABOUT_PERSPECTIVE,
    ABOUT_SCENARIO,
    ABOUT_STARTUPS,
    EXPORT_KIND,
    STARTUPS,
    STARTUPS_HEADERS,
    TAG_SEPARATOR,
    column_letter,
)
from models.workbook.levels_sheet import write_levels
from models.workbook.plan import ExportPlan, make_plan
from models.workbook.scores_sheet import Progress, write_scores
from models.workbook.sheets import Book, writing
from models.workbook.summary_sheet import write_summary
from models.workbook.texts import TEXTS
from models.workbook.view_plan import ViewPlan, make_view_plan
from models.workbook.view_texts import view_definition, view_texts
from models.workbook.xlsx_text import TextWarning, column_width

#: Report progress every this many assessments.
PROGRESS_EVERY = 1000


@dataclass
class ExportResult:
    """What an export wrote.

    Attributes:
        path: the workbook written.
        assessments: rows on the Assessments sheet (every assessment).
        startups: rows on the Summary sheet (every startup).
        perspective: the perspective the Summary ranks startups under (its name).
        warnings: texts that had to change to fit in a workbook, each naming its cell.
        analysis: what the Analysis sheet and the Summary's P10–P90 used: ``draws`` (0 =
            Monte Carlo skipped), ``requested`` and ``seed``.
    """

    path: Path
    assessments: int
    startups: int = 0
    perspective: str = "investor"
    warnings: list[TextWarning] = field(default_factory=list)
    analysis: dict[str, object] = field(default_factory=dict)


def export_workbook(
    portfolio: Portfolio,
    path: str | Path,
    *,
    lang: str = "en",
    progress: Progress | None = None,
    now: dt.datetime | None = None,
    analysis_draws: int = DEFAULT_ANALYSIS_DRAWS,
    analysis_seed: int = DEFAULT_ANALYSIS_SEED,
    perspective: Perspective | str = "investor",
    ignore_gates: bool = False,
    scenario: Scenario | str | None = None,
) -> ExportResult:
    """Write ``portfolio`` as an ``.xlsx`` workbook with live formulas at ``path``.

    Args:
        portfolio: what to export; its own framework provides the weights.
        path: the workbook to write; replaced atomically (a crash leaves the old file).
        lang: ``en`` or ``zh_CN`` for framework texts and explanations.
        progress: called as ``progress(done, total)`` every :data:`PROGRESS_EVERY`
            assessments and once at the end (total = number of assessments).
        now: the export time written on the About sheet (default: now, UTC).
        analysis_draws, analysis_seed: Monte Carlo draws and seed of the Summary's P10–P90
            and the Analysis sheet; large portfolios get fewer draws (see
            :func:`models.workbook.analysis_sheet.analysis_draws`) and ``analysis_draws=0``
            leaves the Monte Carlo figures out.
        perspective: what the Summary ranks startups under (object or name: ``investor``,
            ``founder``, ``latest``, ``assessor:NAME``).
        ignore_gates: rank gated startups by their overall among the others.
        scenario: a scenario (object, id or English name) applied to the ranking's levels.

    Returns:
        An :class:`ExportResult` with the warnings about texts that had to change.

    Raises:
        OSError: the file cannot be written. ValueError: an unknown perspective.
        KeyError: an unknown scenario.
    """
    path = Path(path)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    plan = make_plan(portfolio, lang)
    draws = _draws(len(portfolio.startups), analysis_draws)
    view = make_view_plan(portfolio, plan, perspective, ignore_gates=ignore_gates,
                          scenario=scenario, draws=draws, requested=analysis_draws,
                          seed=analysis_seed)
    warnings: list[TextWarning] = []
    with writing(path) as book:
        analysis = _write_sheets(book, portfolio, plan, view, warnings, progress, now)
    total = len(plan.pairs)
    if progress:
        progress(total, total)
    return ExportResult(path, total, len(portfolio.startups), view.ranking.perspective.name,
                        warnings, analysis)


def _write_sheets(book: Book, portfolio: Portfolio, plan: ExportPlan, view: ViewPlan,
                  warnings: list[TextWarning], progress: Progress | None, now: dt.datetime
                  ) -> dict[str, object]:
    """Every sheet, in the order a reader meets them; returns what the Analysis sheet used."""
    lang = plan.lang
    write_summary(book, plan, view, warnings)
    write_charts(book, plan, view, warnings)
    analysis = write_analysis_sheet(book, portfolio, plan, view, warnings)
    write_decisions(book, portfolio, warnings)
    write_assessments(book, plan, warnings)
    write_levels(book, plan, view, warnings)
    write_scores(book, plan, warnings, progress, PROGRESS_EVERY)
    _write_startups(book, portfolio, warnings)
    write_framework_sheet(book, plan.framework, lang, warnings, editable=True)
    about = about_values(plan.framework, EXPORT_KIND, lang, now, [
        (ABOUT_STARTUPS, len(portfolio.startups)), (ABOUT_ASSESSMENTS, len(plan.pairs)),
        *_view_values(view, lang)])
    write_about_sheet(book, about, TEXTS[lang]["about_export"], plan.framework, lang,
                      warnings)
    set_workbook_identity(book, about,
                          f"Beachhead export: {text(plan.framework.name, 'en')}", now)
    return analysis


#: :func:`models.workbook.analysis_sheet.analysis_draws` (``export_workbook``'s keyword of the
#: same name hides it there).
_draws = analysis_draws


def _view_values(view: ViewPlan, lang: str) -> list[tuple[str, object]]:
    """The About sheet's lines on the ranking: perspective, gates, scenario."""
    ranking = view.ranking
    t = view_texts(lang)
    scenario = "" if ranking.scenario is None else (
        f"{ranking.scenario.id}: {text(ranking.scenario.name, lang)}")
    return [(ABOUT_PERSPECTIVE, f"{ranking.perspective.name}: "
                                f"{view_definition(ranking.perspective, lang)}"),
            (ABOUT_GATES, t["gates_off" if ranking.ignore_gates else "gates_on"]),
            (ABOUT_SCENARIO, scenario or t["scenario_none"])]


def _write_startups(book: Book, portfolio: Portfolio, warnings: list[TextWarning]) -> None:
    sh = book.sheet(STARTUPS, warnings)
    sts = portfolio.startups
    sh.widths([
        column_width((s.id for s in sts), 12, 36),
        column_width((s.name for s in sts), 10, 40),
        column_width((s.sector for s in sts), 10, 36),
        column_width((s.stage for s in sts), 8, 20),
        column_width((s.region for s in sts), 8, 24),
        column_width((s.website for s in sts[:2000]), 10, 40),
        column_width((TAG_SEPARATOR.join(s.tags) for s in sts[:2000]), 8, 40),
        column_width((s.notes for s in sts[:2000]), 10, 80),
    ])
    sh.ws.freeze_panes("C2")
    sh.print_setup(repeat=(1, 1))
    sh.header(1, STARTUPS_HEADERS)
    for i, s in enumerate(sts):
        r = 2 + i
        sh.row(r, [sh.text_cell(value, f"{column_letter(c)}{r}") for c, value in enumerate(
            (s.id, s.name, s.sector, s.stage, s.region, s.website, TAG_SEPARATOR.join(s.tags),
             s.notes), 1)])
    if sts:
        sh.ws.autofilter(f"A1:{column_letter(len(STARTUPS_HEADERS))}{len(sts) + 1}")
