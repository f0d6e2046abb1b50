"""The PDF report: the startups ranked under a perspective, then one A4 page per startup.

:func:`write_report` draws the pages on ``matplotlib.figure.Figure`` objects (never pyplot)
and writes them with ``PdfPages``:

* the ranking pages (:mod:`models.report.ranking_page`): one row per selected startup in the
  order of :func:`models.engine.ranking.rank_startups` under the perspective (gated startups
  after the others unless gates are ignored), with status, suggested decision, overall, P10–P90,
  pillars and founder gap, continued over as many pages as the rows need; page 1 names the
  perspective, the selection, the gates, the scenario and the weights that differ from the
  framework's defaults;
* a page per selected startup, in rank order (:mod:`models.report.startup_page`): rank, facts and
  the assessments its levels are made of, its decision and the suggestion
  (:mod:`models.report.decision_block`), the overall score with its band, a pillar radar,
  what would raise the score most (the fixes of deal-breakers first), postures and
  deal-breakers with their reasons, the criteria with the level under the perspective, the
  spread between investors, confidence and rationale, and the founder–investor gaps
  (:mod:`models.report.startup_blocks`). The page's Figure is built once and its axes updated
  in place, which saves most of the cost of a page's charts.

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
from models.engine.perspectives import Perspective
from models.files.atomic import atomic_output
from models.report.data import ReportData
from models.report.metrics import Metrics
from models.report.page import INK, MUTED, RULE
from models.report.ranking_page import RankingPages
from models.report.startup_page import StartupSheet
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
        pages: its page count (``ranking_pages + startups``).
        startups: how many startups are ranked in it (each has its own page).
        ranking_pages: how many pages the ranking takes.
    """

    path: Path
    pages: int
    startups: int
    ranking_pages: int


def write_report(
    portfolio: Portfolio,
    path: str | Path,
    *,
    startups: Iterable[str] | str | None = None,
    top: int | None = None,
    perspective: Perspective | str = "investor",
    ignore_gates: bool = False,
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
        startups: names or ids of the startups to report (default: all).
        top: report only the ``top`` best-ranked startups (of ``startups`` when both are
            given). Ranks stay those among all the portfolio's startups.
        perspective: what the startups are ranked under (``investor``, ``founder``,
            ``latest``, ``assessor:NAME``, or a :class:`Perspective`).
        ignore_gates: rank startups with a triggered deal-breaker by overall score among the
            others (they are still marked).
        lang: ``en`` or ``zh_CN``, for the report's labels and the framework's texts.
        draws, seed: the Monte Carlo behind the P10–P90 bands
            (:func:`models.analysis.perspective_bands.perspective_bands`).
        scenario: a scenario (object, id or English name) applied to every level.
        progress: called as ``progress(done_pages, total_pages)`` after every page.

    Returns:
        A :class:`ReportResult`.

    matplotlib's rcParams change while the pages are drawn (restored afterwards): call this
    from the main thread or a worker process, not beside charts drawn in another thread.

    Raises:
        models.report.data.UnknownStartupError: ``startups`` names a startup the portfolio
            lacks.
        KeyError: ``scenario`` names no scenario of the framework.
        ValueError: ``draws`` or ``top`` is below 1, or ``perspective`` is unknown.
        OSError: the file cannot be written.
    """
    path = Path(path)
    fw = portfolio.framework
    if isinstance(scenario, str):
        scenario = fw.scenario(scenario)
    if draws < 1:
        raise ValueError("draws must be at least 1")
    if top is not None and top < 1:
        raise ValueError("top must be at least 1")
    data = ReportData.build(portfolio, startups=startups, top=top, perspective=perspective,
                            ignore_gates=ignore_gates, lang=lang, draws=draws, seed=seed,
                            scenario=scenario)
    ranking_pages = _write_pages(path, data, progress)
    return ReportResult(path=path, pages=ranking_pages + len(data.rows),
                        startups=len(data.rows), ranking_pages=ranking_pages)


def _write_pages(path: Path, data: ReportData, progress: Progress | None) -> int:
    """Draw every page of ``data`` and write them to ``path`` atomically; returns how many
    ranking pages there are."""
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages

    from models.charts.fonts import font_families

    families = font_families(symbols=True)
    with atomic_output(path) as tmp_name, mpl.rc_context(), _quiet_font_lookup():
        mpl.rcdefaults()
        mpl.rcParams.update(report_rc(families))
        metrics = Metrics(families)
        ranking = RankingPages(data, metrics)
        total = ranking.count + len(data.rows)
        done = 0
        # the file is finished only when every page was written: after a failed write (a full
        # disk) finishing it would fail again, its compressed stream broken
        with open(tmp_name, "wb") as fh:
            pdf: Any = PdfPages(fh, metadata=_metadata(data))
            for k in range(ranking.count):
                pdf.savefig(ranking.draw(k, total))
                done += 1
                if progress is not None:
                    progress(done, total)
            if data.rows:
                sheet = StartupSheet(data, metrics, ranking.count + 1)
                for i in range(len(data.rows)):
                    pdf.savefig(sheet.draw(i, total))
                    done += 1
                    if progress is not None:
                        progress(done, total)
            pdf.close()
        return ranking.count


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


def report_rc(families: list[str]) -> dict[RcKeyType, Any]:
    """The matplotlib settings the report's pages are drawn under, ``families`` being the
    font fallback list (:func:`models.charts.fonts.font_families`)."""
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
        # names are text: "$5 and $10" is not mathematics, and "$\\foo$" must not stop the report
        "text.parse_math": False,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
    }
