"""The PDF report: a ranking page for the portfolio, then one A4 page per assessment.

:func:`write_report` draws the pages on ``matplotlib.figure.Figure`` objects (never pyplot)
and writes them with ``PdfPages``. The assessment pages share one Figure whose axes (band strip
and radar) are built once and updated in place, which saves most of the cost of a page's
charts:

* page 1 ranks the selected assessments by overall score, with the P10–P90 band of each from
  the Monte Carlo of :mod:`models.analysis.uncertainty` (as a chart and as a table with postures,
  deal-breakers and the page of each assessment): :mod:`models.report.ranking_page`;
* every other page shows one assessment: the startup's facts, the overall score and its band,
  a pillar radar (:func:`models.charts.drawing.radar`), the criteria with score, confidence and a
  one-line rationale, postures with their reasons, deal-breakers, what would raise the score most
  and, when the startup has both, the founder–investor gaps (:mod:`models.analysis.assessors`):
  :mod:`models.report.assessment_page` and :mod:`models.report.assessment_blocks`.

What the pages show is computed once (:mod:`models.report.data`); they are drawn with the
primitives of :mod:`models.report.page`, and text is measured, cut and wrapped by
:mod:`models.report.metrics`.

Fonts are embedded as TrueType/OpenType subsets with a Unicode map (``pdf.fonttype`` 42), so
the text can be selected, searched and copied; Chinese renders through the fallback list of
:func:`models.charts.fonts.font_families`. Every setting the report needs is applied in a
``matplotlib.rc_context`` that starts from matplotlib's defaults, so the output does not depend
on the caller's rcParams (and leaves them unchanged). Fixed labels come from
:mod:`models.report.texts`.

The file is written atomically: the pages go to a temporary file in the target folder, which
replaces the target only once it is complete.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from models.analysis.uncertainty import DEFAULT_DRAWS, DEFAULT_SEED
from models.core.framework import Scenario, text
from models.core.portfolio import Portfolio
from models.files.atomic import atomic_output
from models.report.assessment_page import AssessmentSheet
from models.report.data import ReportData, select_assessments
from models.report.metrics import Metrics
from models.report.page import INK, MUTED, RULE
from models.report.ranking_page import ranking_page
from models.report.texts import labels

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType

#: ``progress(done_pages, total_pages)``; it may raise (e.g. to cancel) and nothing is written.
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportResult:
    """What :func:`write_report` wrote.

    Attributes:
        path: the PDF file.
        pages: its page count (1 + ``assessments``).
        assessments: how many assessments have a page.
    """

    path: Path
    pages: int
    assessments: int


def write_report(
    portfolio: Portfolio,
    path: str | Path,
    *,
    startups: Iterable[str] | None = None,
    lang: str = "en",
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    scenario: Scenario | str | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    """Write the PDF report of ``portfolio`` to ``path``.

    Args:
        portfolio: scored with its own framework.
        path: the PDF to write; replaced atomically, so a failure leaves any previous file
            as it was and no temporary file behind.
        startups: names or ids of the startups to include (default: all); all their
            assessments get a page.
        lang: ``en`` or ``zh_CN``, for the report's labels and the framework's texts.
        draws, seed: the Monte Carlo behind the P10–P90 bands
            (:func:`models.analysis.run.run_uncertainty`, scores varying with their confidence).
        scenario: a scenario (object, id or English name) applied to every score.
        progress: called as ``progress(done_pages, total_pages)`` after every page.

    Returns:
        A :class:`ReportResult`; the PDF has ``1 + assessments`` pages.

    matplotlib's rcParams are changed while the pages are drawn (and restored afterwards), so
    call this from the main thread or a worker process, not beside charts drawn in another
    thread.

    Raises:
        models.report.data.UnknownStartupError: ``startups`` names a startup the portfolio
            lacks.
        KeyError: ``scenario`` names no scenario of the framework.
        ValueError: ``draws`` is below 1.
        OSError: the file cannot be written.
    """
    path = Path(path)
    fw = portfolio.framework
    if isinstance(scenario, str):
        scenario = fw.scenario(scenario)
    if draws < 1:
        raise ValueError("draws must be at least 1")
    pairs = select_assessments(portfolio, startups)
    _write_pages(path, ReportData.build(fw, pairs, lang, draws, seed, scenario), progress)
    return ReportResult(path=path, pages=1 + len(pairs), assessments=len(pairs))


def _write_pages(path: Path, data: ReportData, progress: Progress | None) -> None:
    """Draw every page of ``data`` and write them to ``path`` atomically."""
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages

    from models.charts.fonts import font_families

    total = 1 + len(data.pairs)
    families = font_families(symbols=True)
    with atomic_output(path) as tmp_name, mpl.rc_context(), _quiet_font_lookup():
        mpl.rcdefaults()
        mpl.rcParams.update(_rc(families))
        metrics = Metrics(families)
        with PdfPages(tmp_name, metadata=_metadata(data)) as pdf:
            pdf.savefig(ranking_page(data, metrics, total))
            if progress is not None:
                progress(1, total)
            if not data.pairs:
                return
            sheet = AssessmentSheet(data, metrics)
            for i in range(len(data.pairs)):
                pdf.savefig(sheet.draw(i, total))
                if progress is not None:
                    progress(i + 2, total)


def _metadata(data: ReportData) -> dict[str, str]:
    """The PDF's document properties: title, subject and the program that made it."""
    from models import __version__

    fw, lang = data.framework, data.lang
    return {
        "Title": f"{labels(lang)['document_title']}: {text(fw.name, lang)}",
        "Subject": text(fw.description, lang),
        "Creator": f"Beachhead {__version__}",
    }


@contextlib.contextmanager
def _quiet_font_lookup() -> Iterator[None]:
    """Keep matplotlib's font lookup from logging that a fallback family (the symbol font)
    has no bold face: its regular face is what the report wants there."""
    import logging

    log = logging.getLogger("matplotlib.font_manager")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        yield
    finally:
        log.setLevel(level)


def _rc(families: list[str]) -> dict[RcKeyType, Any]:
    return {
        "pdf.fonttype": 42,
        # matplotlib 3.11 sizes the PDF's font subsets from ps.fonttype: without this, every
        # 256 characters beyond ASCII start another embedded copy of the font
        "ps.fonttype": 42,
        # hinting only matters for pixels; skipping it makes text layout about twice as fast
        "text.hinting": "no_hinting",
        "pdf.compression": 6,
        "font.family": families,
        "font.size": 8.0,
        "text.color": INK,
        "axes.edgecolor": RULE,
        "axes.labelcolor": MUTED,
        "axes.linewidth": 0.6,
        "xtick.color": MUTED,
        "ytick.color": MUTED,
        "xtick.labelsize": 6.5,
        "ytick.labelsize": 6.5,
        "axes.unicode_minus": False,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
    }
