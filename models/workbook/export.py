"""The Excel workbook export: ``beachhead export FILE -o OUT.xlsx``.

The workbook is for people who never install Beachhead: every score in it is a live formula
over the scores on the ``Scores`` sheet and the weights on the ``Framework`` sheet, so an
investor who changes a weight, switches a pillar off or edits a score in Excel or LibreOffice
sees everything re-score, and the numbers equal Beachhead's own (:mod:`models.engine.scores`).
Every formula is also written **with its value** as Beachhead computes it, and the charts
with their data, so mail and phone previews, Quick Look, ``pandas.read_excel`` and calamine,
which do not recalculate, show the scores and charts too.

The layout (sheet names, headers, rows) is documented in :mod:`models.workbook.layout`; the
formulas in :mod:`models.workbook.formulas`; how user text is kept as text in
:mod:`models.workbook.xlsx_text`. One module per sheet: :mod:`models.workbook.summary_sheet`,
:mod:`models.workbook.scores_sheet`, the Startups sheet here,
:mod:`models.workbook.framework_sheet`,
:mod:`models.workbook.charts_sheet`, :mod:`models.workbook.analysis_sheet` and
:mod:`models.workbook.about_sheet`.

The ``Analysis`` sheet is the exception to live formulas: Monte Carlo uncertainty, rank
reversals and scenario effects as values at export time, with the draws and seed that
reproduce them.

The workbook is written with XlsxWriter in ``constant_memory`` mode (rows go to scratch files
as they are made; see :mod:`models.workbook.sheets` for why and what it costs), so a
10,000-startup export needs little memory beyond the portfolio itself. The file appears only
when complete: an exception from ``progress`` (how the app cancels an export) leaves no file.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from models.core.framework import text
from models.core.portfolio import Portfolio
from models.workbook.about_sheet import about_values, set_workbook_identity, write_about_sheet
from models.workbook.analysis_sheet import (
    DEFAULT_ANALYSIS_DRAWS,
    DEFAULT_ANALYSIS_SEED,
    write_analysis_sheet,
)
from models.workbook.charts_sheet import write_charts
from models.workbook.framework_sheet import write_framework_sheet
from models.workbook.layout import (
    ABOUT_ASSESSMENTS,
    ABOUT_STARTUPS,
    EXPORT_KIND,
    STARTUPS,
    STARTUPS_HEADERS,
    TAG_SEPARATOR,
)
from models.workbook.plan import make_plan
from models.workbook.scores_sheet import Progress, write_scores
from models.workbook.sheets import Book, writing
from models.workbook.summary_sheet import write_summary
from models.workbook.texts import TEXTS
from models.workbook.xlsx_text import TextWarning, column_width

#: Report progress every this many assessments.
PROGRESS_EVERY = 1000


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
            large portfolios get fewer draws (see :func:`models.workbook.analysis_sheet.
            analysis_draws`) and ``analysis_draws=0`` leaves the Monte Carlo figures out.

    Returns:
        An :class:`ExportResult` with the warnings about texts that had to change.

    Raises:
        OSError: the file cannot be written.
    """
    path = Path(path)
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    plan = make_plan(portfolio, lang)
    warnings: list[TextWarning] = []
    total = len(plan.pairs)
    with writing(path) as book:
        write_summary(book, plan, warnings)
        write_scores(book, plan, warnings, progress, PROGRESS_EVERY)
        _write_startups(book, portfolio, warnings)
        write_framework_sheet(book, plan.framework, lang, warnings, editable=True)
        write_charts(book, plan, warnings)
        analysis = write_analysis_sheet(book, portfolio, lang, warnings,
                                        draws=analysis_draws, seed=analysis_seed)
        about = about_values(plan.framework, EXPORT_KIND, lang, now,
                             [(ABOUT_STARTUPS, len(portfolio.startups)),
                              (ABOUT_ASSESSMENTS, total)])
        write_about_sheet(book, about, TEXTS[lang]["about_export"], plan.framework, lang,
                          warnings)
        set_workbook_identity(book, about,
                              f"Beachhead export: {text(plan.framework.name, 'en')}", now)
    if progress:
        progress(total, total)
    return ExportResult(path, total, warnings, analysis)


def _write_startups(book: Book, portfolio: Portfolio, warnings: list[TextWarning]) -> None:
    sh = book.sheet(STARTUPS, warnings)
    sts = portfolio.startups
    sh.widths([
        column_width((s.id for s in sts), 12, 36),
        column_width((s.name for s in sts), 10, 40),
        column_width((s.sector for s in sts), 10, 36),
        column_width((s.stage for s in sts), 8, 20),
        column_width((s.region for s in sts), 8, 24),
        column_width((TAG_SEPARATOR.join(s.tags) for s in sts[:2000]), 8, 40),
        column_width((s.notes for s in sts[:2000]), 10, 80),
    ])
    sh.ws.freeze_panes("C2")
    sh.print_setup(repeat=(1, 1))
    sh.header(1, STARTUPS_HEADERS)
    for i, s in enumerate(sts):
        r = 2 + i
        for c, value in enumerate((s.id, s.name, s.sector, s.stage, s.region,
                                   TAG_SEPARATOR.join(s.tags), s.notes), 1):
            sh.text(r, c, value)
    if sts:
        sh.ws.autofilter(f"A1:G{len(sts) + 1}")
