"""The PDF report: a ranking page for the portfolio, then one A4 page per assessment.

:func:`write_report` draws the pages on ``matplotlib.figure.Figure`` objects (never pyplot)
and writes them with ``PdfPages``. The assessment pages share one Figure whose axes (band strip
and radar) are built once and updated in place, which saves most of the cost of a page's
charts:

* page 1 ranks the selected assessments by overall score, with the P10–P90 band of each from
  the Monte Carlo of :mod:`models.analysis.uncertainty` (as a chart and as a table with postures,
  deal-breakers and the page of each assessment);
* every other page shows one assessment: the startup's facts, the overall score and its band,
  a pillar radar (:func:`models.charts.drawing.radar`), the criteria with score, confidence and a
  one-line rationale, postures with their reasons, deal-breakers, the top three improvements
  and, when the startup has both, the founder–investor gaps (:mod:`models.analysis.assessors`).

Fonts are embedded as TrueType/OpenType subsets with a Unicode map (``pdf.fonttype`` 42), so
the text can be selected, searched and copied;
Chinese renders through the fallback list of :func:`models.charts.fonts.font_families`. Every
setting
the report needs is applied in a ``matplotlib.rc_context`` that starts from matplotlib's
defaults, so the output does not depend on the caller's rcParams (and leaves them unchanged).
Fixed labels come from :mod:`models.report.texts`.

The file is written atomically: the pages go to a temporary file in the target folder, which
replaces the target only once it is complete.
"""

from __future__ import annotations

import contextlib
import itertools
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from models.analysis.assessors import Gap, founder_investor_gaps, latest
from models.analysis.run import prepare, run_uncertainty
from models.analysis.uncertainty import DEFAULT_DRAWS, DEFAULT_SEED
from models.core.framework import Framework, Scenario, text
from models.core.portfolio import Assessment, Portfolio, Startup
from models.core.rounding import fixed, percent
from models.engine.results import Result, score_assessments
from models.files.atomic import atomic_output
from models.report.texts import labels

#: ``progress(done_pages, total_pages)``; it may raise (e.g. to cancel) and nothing is written.
Progress = Callable[[int, int], None]

#: A4 portrait in inches.
PAGE_INCHES = (8.27, 11.69)
_W, _H = PAGE_INCHES[0] * 72.0, PAGE_INCHES[1] * 72.0  # page size in points
_LEFT, _RIGHT = 42.0, PAGE_INCHES[0] * 72.0 - 42.0
_FOOTER_TOP = _H - 48.0

#: Most assessments listed on the ranking page (each still gets its own page).
MAX_RANKING_ROWS = 32
#: Most founder–investor gaps listed on an assessment page.
MAX_GAPS = 6

_INK = "#1d2430"
_MUTED = "#5f6873"
_FAINT = "#98a1ab"
_RULE = "#c9cfd6"
_STRIPE = "#f2f4f6"
_RED = "#b3261e"
_RED_BG = "#fbeae9"
_AMBER = "#a86400"
_GREEN = "#2e7d46"
_ROLE_COLOURS = {"founder": "#2f6fb0", "investor": "#d08a1a", "other": "#7b4fa0"}
_ELLIPSIS = "…"


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


class UnknownStartupError(LookupError):
    """``startups`` named startups the portfolio does not hold.

    Attributes:
        names: the names (or ids) that matched nothing, as given.
    """

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        quoted = ", ".join(f"'{n}'" for n in self.names)
        super().__init__(f"no startup named {quoted} in this portfolio")


def select_assessments(
    portfolio: Portfolio, startups: Iterable[str] | None = None
) -> list[tuple[Startup, Assessment]]:
    """The (startup, assessment) pairs a report covers, in document order.

    Args:
        portfolio: the portfolio.
        startups: startup names (case and surrounding spaces ignored) or ids, or a single
            one as a string; ``None`` means every startup.

    Raises:
        UnknownStartupError: some names match no startup (all of them are listed).
    """
    if startups is None:
        return portfolio.assessments()
    if isinstance(startups, str):
        startups = [startups]
    chosen: set[str] = set()
    missing: list[str] = []
    for name in startups:
        found = portfolio.find_startup(name)
        if found is None:
            missing.append(name)
        else:
            chosen.add(found.id)
    if missing:
        raise UnknownStartupError(missing)
    return [(s, a) for s, a in portfolio.assessments() if s.id in chosen]


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
        UnknownStartupError: ``startups`` names a startup the portfolio lacks.
        KeyError: ``scenario`` names no scenario of the framework.
        ValueError: ``draws`` is below 1.
        OSError: the file cannot be written.
    """
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages

    from models.charts.fonts import font_families

    path = Path(path)
    fw = portfolio.framework
    if isinstance(scenario, str):
        scenario = fw.scenario(scenario)
    if draws < 1:
        raise ValueError("draws must be at least 1")
    pairs = select_assessments(portfolio, startups)
    data = _ReportData.build(fw, pairs, lang, draws, seed, scenario)
    total = 1 + len(pairs)
    families = font_families(symbols=True)
    with atomic_output(path) as tmp_name, mpl.rc_context(), _quiet_font_lookup():
        mpl.rcdefaults()
        mpl.rcParams.update(_rc(families))
        metrics = _Metrics(families)
        info = {
            "Title": f"{labels(lang)['document_title']}: {text(fw.name, lang)}",
            "Subject": text(fw.description, lang),
            "Creator": _creator(),
        }
        with PdfPages(tmp_name, metadata=info) as pdf:
            fig = _ranking_page(data, metrics, total)
            pdf.savefig(fig)
            del fig
            if progress is not None:
                progress(1, total)
            sheet = _AssessmentSheet(data, metrics) if pairs else None
            for i in range(len(pairs)):
                pdf.savefig(sheet.draw(i, total))  # type: ignore[union-attr]
                if progress is not None:
                    progress(i + 2, total)
    return ReportResult(path=path, pages=total, assessments=len(pairs))


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


def _creator() -> str:
    from models import __version__

    return f"Beachhead {__version__}"


def _rc(families: list[str]) -> dict[str, Any]:
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
        "text.color": _INK,
        "axes.edgecolor": _RULE,
        "axes.labelcolor": _MUTED,
        "axes.linewidth": 0.6,
        "xtick.color": _MUTED,
        "ytick.color": _MUTED,
        "xtick.labelsize": 6.5,
        "ytick.labelsize": 6.5,
        "axes.unicode_minus": False,
        "figure.facecolor": "white",
        "savefig.facecolor": "white",
    }


# -- the numbers ----------------------------------------------------------------------------

@dataclass
class _ReportData:
    """Everything the pages show, computed once; row ``i`` is ``pairs[i]``."""

    framework: Framework
    lang: str
    pairs: list[tuple[Startup, Assessment]]
    results: list[Result]
    raw: np.ndarray  # (n, m) levels as assessed
    levels: np.ndarray  # (n, m) after the scenario
    p10: np.ndarray
    p90: np.ndarray
    draws: int
    seed: int
    scenario: Scenario | None
    gaps: dict[str, tuple[list[Gap], Assessment, Assessment] | None]

    @classmethod
    def build(cls, fw: Framework, pairs: list[tuple[Startup, Assessment]], lang: str,
              draws: int, seed: int, scenario: Scenario | None) -> _ReportData:
        prepared = prepare(fw, [a for _, a in pairs], scenario)
        results = score_assessments(pairs, fw, scenario, lang)
        if pairs:
            unc = run_uncertainty(prepared, draws=draws, seed=seed, top_k=1, max_rank=1)
            p10, p90 = unc.p10, unc.p90
        else:
            p10 = p90 = np.zeros(0)
        gaps: dict[str, tuple[list[Gap], Assessment, Assessment] | None] = {}
        for st, _ in pairs:
            if st.id in gaps:
                continue
            founder, investor = latest(st, "founder"), latest(st, "investor")
            gaps[st.id] = None if founder is None or investor is None else (
                founder_investor_gaps(st, fw, founder, investor, lang), founder, investor)
        return cls(fw, lang, pairs, results, prepared.raw, prepared.levels, p10, p90, draws,
                   seed, scenario, gaps)

    def band(self, i: int) -> tuple[float, float] | None:
        lo, hi = float(self.p10[i]), float(self.p90[i])
        return None if math.isnan(lo) or math.isnan(hi) else (lo, hi)

    def ranking(self) -> list[int]:
        """Row indices by overall score, highest first; unscored last, ties in document order."""
        return sorted(range(len(self.results)), key=lambda i: (
            self.results[i].overall is None, -(self.results[i].overall or 0.0)))


def _score(x: float | None) -> str:
    return "—" if x is None or (isinstance(x, float) and math.isnan(x)) else fixed(x)


def _gain(x: float) -> str:
    return fixed(x)


# -- measuring text -------------------------------------------------------------------------

class _Metrics:
    """Widths of text in points, from each glyph's advance in the first family that has it.

    Kerning is ignored, which is why :meth:`fit` and :meth:`wrap` keep a small margin. This is
    much cheaper than a full layout, so truncating and wrapping stay fast.
    """

    _SAFETY = 1.03

    def __init__(self, families: list[str]) -> None:
        from matplotlib.font_manager import FontProperties, findfont, get_font

        self._chains: dict[bool, list[Any]] = {}
        for bold in (False, True):
            chain = []
            for family in families:
                try:
                    where = findfont(FontProperties(family=family,
                                                    weight="bold" if bold else "normal"),
                                     fallback_to_default=False)
                except ValueError:
                    continue
                chain.append(get_font(where))
            self._chains[bold] = chain
        self._em: dict[tuple[str, bool], float] = {}
        self._covered: dict[str, bool] = {}

    def _advance(self, ch: str, bold: bool) -> float:
        key = (ch, bold)
        em = self._em.get(key)
        if em is None:
            from matplotlib.ft2font import LoadFlags

            em = 1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.62
            for font in self._chains[bold]:
                index = font.get_char_index(ord(ch))
                if index:
                    font.set_size(100, 72)
                    glyph = font.load_glyph(index, flags=LoadFlags.NO_HINTING)
                    em = glyph.linearHoriAdvance / 65536 / 100
                    break
            self._em[key] = em
        return em

    def drawable(self, s: str) -> str:
        """``s`` with every character that no font of the chain has replaced by
        :data:`~models.charts.fonts.MISSING_GLYPH` (so nothing is silently dropped from the page and
        matplotlib has no missing glyph to warn about). Spaces and variation selectors, which
        draw nothing, are kept and dropped respectively."""
        from models.charts.fonts import MISSING_GLYPH

        out = []
        for ch in s:
            if ch.isspace():
                out.append(ch)
            elif unicodedata.category(ch) in ("Mn", "Cf") and not self._has(ch):
                continue  # a joiner or selector (emoji sequences): nothing to draw
            else:
                out.append(ch if self._has(ch) else MISSING_GLYPH)
        return "".join(out)

    def _has(self, ch: str) -> bool:
        found = self._covered.get(ch)
        if found is None:
            found = any(font.get_char_index(ord(ch)) for font in self._chains[False])
            self._covered[ch] = found
        return found

    def width(self, s: str, size: float, bold: bool = False) -> float:
        """The width of ``s`` at ``size`` points."""
        return size * self._SAFETY * sum(self._advance(c, bold) for c in s)

    def fit(self, s: str, size: float, width: float, bold: bool = False) -> str:
        """``s`` on one line, cut with an ellipsis if it is wider than ``width`` points."""
        s = " ".join(s.split())
        if self.width(s, size, bold) <= width:
            return s
        room = width - self.width(_ELLIPSIS, size, bold)
        used = 0.0
        for k, ch in enumerate(s):
            used += size * self._SAFETY * self._advance(ch, bold)
            if used > room:
                return s[:k].rstrip() + _ELLIPSIS
        return s

    def wrap(self, s: str, size: float, width: float, bold: bool = False,
             max_lines: int | None = None, first_width: float | None = None) -> list[str]:
        """``s`` broken into lines no wider than ``width`` (the first ``first_width``).

        Lines break at spaces, or between any two wide (CJK) characters; a word wider than
        a line is cut. Past ``max_lines`` the last line ends with an ellipsis.
        """
        lines: list[str] = []
        line = ""

        def limit() -> float:
            return first_width if (first_width is not None and not lines) else width

        for tok in _tokens(" ".join(s.split())):
            if self.width((line + tok).rstrip(), size, bold) <= limit():
                line += tok
                continue
            if line.strip():
                lines.append(line.rstrip())
            line = ""
            while tok.strip() and self.width(tok.rstrip(), size, bold) > limit():
                cut = self.fit(tok, size, limit(), bold)[:-1] or tok[0]
                lines.append(cut)
                tok = tok[len(cut):]
            line = tok if tok.strip() else ""
        if line.strip():
            lines.append(line.rstrip())
        if max_lines is not None and len(lines) > max_lines:
            lines = lines[:max_lines]
            last_limit = first_width if (first_width is not None and max_lines == 1) else width
            lines[-1] = self.fit(lines[-1].rstrip() + _ELLIPSIS, size, last_limit, bold)
        return lines


_TOKEN = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]|[^\s\u2e80-\u9fff"
                    r"\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|\s+")


def _tokens(s: str) -> list[str]:
    return _TOKEN.findall(s)


# -- drawing in points from the top-left corner ----------------------------------------------

class _Page:
    """A Figure of one A4 page, addressed in points from its top-left corner."""

    def __init__(self, metrics: _Metrics) -> None:
        from matplotlib.figure import Figure

        self.fig = Figure(figsize=PAGE_INCHES)
        self.m = metrics

    def text(self, x: float, y: float, s: str, *, size: float = 8.0, bold: bool = False,
             color: str = _INK, ha: str = "left", width: float | None = None,
             italic: bool = False) -> float:
        """Draw ``s`` with its baseline at ``y``; cut to ``width``; returns the width drawn."""
        s = self.m.drawable(s)
        if width is not None:
            s = self.m.fit(s, size, width, bold)
        if s:
            self.fig.text(x / _W, 1 - y / _H, s, fontsize=size, color=color, ha=ha,
                          va="baseline", fontweight="bold" if bold else "normal",
                          fontstyle="italic" if italic else "normal")
        return self.m.width(s, size, bold)

    def lines(self, x: float, y: float, rows: list[str], *, size: float, leading: float,
              color: str = _INK, bold: bool = False) -> float:
        """Draw ``rows`` one under the other from baseline ``y``; returns the next baseline."""
        for row in rows:
            self.text(x, y, row, size=size, color=color, bold=bold)
            y += leading
        return y

    def rect(self, x: float, y: float, w: float, h: float, face: str, edge: str | None = None,
             lw: float = 0.0) -> None:
        """A rectangle with its top-left corner at (``x``, ``y``)."""
        from matplotlib.patches import Rectangle

        self.fig.patches.append(Rectangle(
            (x / _W, 1 - (y + h) / _H), w / _W, h / _H, transform=self.fig.transFigure,
            facecolor=face, edgecolor=edge or "none", linewidth=lw, zorder=0))

    def rule(self, x0: float, x1: float, y: float, color: str = _RULE, lw: float = 0.6) -> None:
        """A horizontal line at ``y``."""
        from matplotlib.lines import Line2D

        self.fig.lines.append(Line2D([x0 / _W, x1 / _W], [1 - y / _H, 1 - y / _H],
                                     transform=self.fig.transFigure, color=color, linewidth=lw))

    def axes(self, x: float, y: float, w: float, h: float, **kwargs: Any) -> Any:
        """New axes whose box has its top-left corner at (``x``, ``y``)."""
        return self.fig.add_axes((x / _W, 1 - (y + h) / _H, w / _W, h / _H), **kwargs)


def _footer(page: _Page, data: _ReportData, number: int, total: int) -> None:
    lab = labels(data.lang)
    fw = data.framework
    top = _FOOTER_TOP
    page.rule(_LEFT, _RIGHT, top)
    page.text(_LEFT, top + 11, lab["footer_framework"].format(framework=fw.id,
                                                                version=fw.version),
              size=6.5, color=_MUTED, width=300)
    page.text(_RIGHT, top + 11, lab["footer_page"].format(page=number, pages=total),
              size=6.5, color=_MUTED, ha="right")
    source = lab["footer_source"].format(source=text(fw.source, data.lang))
    rows = page.m.wrap(source, 6.2, _RIGHT - _LEFT, max_lines=2)
    page.lines(_LEFT, top + 21, rows, size=6.2, leading=8.0, color=_FAINT)


def _role(lang: str, role: str) -> str:
    return labels(lang).get(role, role)


# -- page 1: the ranking --------------------------------------------------------------------

def _ranking_page(data: _ReportData, m: _Metrics, total: int) -> Any:
    lab = labels(data.lang)
    fw = data.framework
    page = _Page(m)
    page.text(_LEFT, 40, f"{lab['document_title']} · {text(fw.name, data.lang)}", size=7.5,
              color=_MUTED, width=_RIGHT - _LEFT)
    page.text(_LEFT, 64, lab["ranking_title"], size=18, bold=True)
    n_startups = len({s.id for s, _ in data.pairs})
    y = 82.0
    page.text(_LEFT, y, lab["ranking_summary"].format(
        assessments=len(data.pairs), startups=n_startups, framework=fw.id,
        version=fw.version), size=8.5, color=_INK, width=_RIGHT - _LEFT)
    y += 12
    method = m.wrap(lab["ranking_method"].format(draws=f"{data.draws:,}", seed=data.seed),
                    7.5, _RIGHT - _LEFT, max_lines=2)
    y = page.lines(_LEFT, y, method, size=7.5, leading=10, color=_MUTED)
    if data.scenario is not None:
        page.text(_LEFT, y, lab["scenario_applied"].format(
            name=text(data.scenario.name, data.lang)), size=8, bold=True, color=_AMBER,
            width=_RIGHT - _LEFT)
        y += 12
    y += 6
    order = data.ranking()
    if not order:
        page.text(_LEFT, y + 20, lab["no_assessments"], size=10, color=_MUTED)
        _footer(page, data, 1, total)
        return page.fig
    shown = order[:MAX_RANKING_ROWS]
    bottom = _FOOTER_TOP - 14 - (12 if len(order) > len(shown) else 0)
    # share the height between the chart (rows + axis) and the table (header + rows)
    avail = bottom - y - 40 - 18
    per_row = min(28.0, avail / len(shown))
    chart_row = per_row * 0.52
    table_row = per_row - chart_row
    chart_h = chart_row * len(shown)
    _ranking_chart(page, data, shown, y + 14, chart_h)
    y += 14 + chart_h + 34
    _ranking_table(page, data, shown, y, table_row)
    if len(order) > len(shown):
        page.text(_LEFT, bottom + 6, lab["ranking_more"].format(shown=len(shown),
                                                               total=len(order)),
                  size=7.5, color=_MUTED, italic=True)
    _footer(page, data, 1, total)
    return page.fig


def _row_label(data: _ReportData, i: int, rank: int) -> str:
    st, a = data.pairs[i]
    return f"{rank}. {st.name} · {_role(data.lang, a.role)}"


def _ranking_chart(page: _Page, data: _ReportData, shown: list[int], top: float,
                   height: float) -> None:
    from matplotlib.lines import Line2D

    lab = labels(data.lang)
    m = page.m
    label_w = 150.0
    ax = page.axes(_LEFT + label_w + 6, top, _RIGHT - _LEFT - label_w - 6, height)
    n = len(shown)
    ys = np.arange(n)
    ax.set_ylim(n - 0.4, -0.6)
    ax.set_xlim(0, 100)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.grid(axis="x", color="#e3e7eb", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.tick_params(axis="both", length=0, pad=3)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.set_yticks(ys)
    ax.set_yticklabels([m.fit(m.drawable(_row_label(data, i, r + 1)), 7.0, label_w)
                        for r, i in enumerate(shown)], fontsize=7.0, color=_INK)
    ax.set_xlabel(lab["chart_axis"], fontsize=7.0, labelpad=3)
    for row, i in enumerate(shown):
        res = data.results[i]
        colour = _ROLE_COLOURS.get(res.role, _ROLE_COLOURS["other"])
        band = data.band(i)
        if band is not None:
            ax.plot(band, [row, row], color=colour, alpha=0.35, linewidth=4.2,
                    solid_capstyle="butt")
        if res.overall is not None:
            ax.plot([res.overall], [row], "o", color=colour, markersize=4.6,
                    markeredgecolor=_RED if res.deal_breakers else "white",
                    markeredgewidth=1.4 if res.deal_breakers else 0.6)
    roles = list(dict.fromkeys(data.results[i].role for i in shown))
    handles = [Line2D([], [], marker="o", linestyle="", color=_ROLE_COLOURS.get(r, "#777777"),
                      markersize=4.6, label=_role(data.lang, r)) for r in roles]
    if any(data.results[i].deal_breakers for i in shown):
        handles.append(Line2D([], [], marker="o", linestyle="", color="white",
                              markeredgecolor=_RED, markeredgewidth=1.4, markersize=4.6,
                              label=lab["chart_breaker"]))
    ax.legend(handles=handles, loc="lower right", bbox_to_anchor=(1.0, 1.0), ncol=len(handles),
              fontsize=6.5, frameon=False, handletextpad=0.2, columnspacing=1.0,
              borderaxespad=0.2)


#: Ranking table columns: key, left x, width, alignment.
_RANK_COLUMNS = (
    ("col_rank", 42.0, 14.0, "right"),
    ("col_startup", 62.0, 84.0, "left"),
    ("col_assessor", 150.0, 86.0, "left"),
    ("col_role", 240.0, 40.0, "left"),
    ("col_overall", 282.0, 32.0, "right"),
    ("col_band", 322.0, 50.0, "left"),
    ("col_postures", 376.0, 88.0, "left"),
    ("col_breakers", 468.0, 62.0, "left"),
    ("col_page", 531.0, 22.0, "right"),
)


def _ranking_table(page: _Page, data: _ReportData, shown: list[int], top: float,
                   row_h: float) -> None:
    lab = labels(data.lang)
    size = max(6.0, min(7.5, row_h * 0.62))
    y = top
    for key, x, w, align in _RANK_COLUMNS:
        page.text(x + w if align == "right" else x, y, lab[key], size=6.8, bold=True,
                  color=_MUTED, ha=align, width=w)
    page.rule(_LEFT, _RIGHT, y + 4)
    y += 4
    for rank, i in enumerate(shown, start=1):
        st, a = data.pairs[i]
        res = data.results[i]
        if rank % 2 == 0:
            page.rect(_LEFT, y, _RIGHT - _LEFT, row_h, _STRIPE)
        base = y + row_h * 0.5 + size * 0.36
        band = data.band(i)
        cells = {
            "col_rank": str(rank),
            "col_startup": st.name,
            "col_assessor": a.assessor or lab["unnamed"],
            "col_role": _role(data.lang, a.role),
            "col_overall": _score(res.overall),
            "col_band": lab["none"] if band is None else f"{fixed(band[0])}–{fixed(band[1])}",
            "col_postures": ", ".join(h.name for h in res.postures) or lab["none"],
            "col_breakers": ", ".join(h.name for h in res.deal_breakers) or lab["none"],
            "col_page": str(i + 2),
        }
        for key, x, w, align in _RANK_COLUMNS:
            colour = _INK
            if key == "col_breakers" and res.deal_breakers:
                colour = _RED
            elif cells[key] == lab["none"] or key in ("col_page", "col_band"):
                colour = _MUTED
            page.text(x + w if align == "right" else x, base, cells[key], size=size,
                      color=colour, ha=align, width=w,
                      bold=key == "col_overall" or (key == "col_breakers"
                                                    and bool(res.deal_breakers)))
        y += row_h


# -- one page per assessment ------------------------------------------------------------------

#: Width of the score block's left column (overall, band, improvements).
_SCORE_COLUMN = 258.0


class _AssessmentSheet:
    """One Figure reused for every assessment page: its axes (band strip and pillar radar) are
    built once and updated in place; texts, patches and lines are redrawn for each page."""

    def __init__(self, data: _ReportData, metrics: _Metrics) -> None:
        from matplotlib.patches import Rectangle

        self.data = data
        self.page = _Page(metrics)
        self.header_end = 104.0 if data.scenario is not None else 93.0
        self.top = self.header_end + 8
        # the band strip: a 0–100 track, the P10–P90 band and the overall as a dot
        ax = self.page.axes(_LEFT + 2, self.top + 51, _SCORE_COLUMN - 14, 14)
        ax.set_xlim(0, 100)
        ax.set_ylim(0, 1)
        ax.set_yticks([])
        ax.set_xticks([0, 25, 50, 75, 100])
        ax.tick_params(axis="x", length=2, pad=1.5, labelsize=6)
        for side in ("top", "right", "left"):
            ax.spines[side].set_visible(False)
        ax.axhspan(0.35, 0.65, color="#e6e9ed", linewidth=0)
        self.band = Rectangle((0, 0.12), 0, 0.76, color="#2f6fb0", alpha=0.3, linewidth=0)
        ax.add_patch(self.band)
        (self.dot,) = ax.plot([], [], "o", color="#2f6fb0", markersize=5.5,
                              markeredgecolor="white", markeredgewidth=0.8, clip_on=False)
        # the pillars: a radar with three or more enabled pillars, bars otherwise
        self.pillars = [p for p in data.framework.pillars if p.enabled]
        self.chart_x = _LEFT + _SCORE_COLUMN + 22
        self.chart_w = _RIGHT - self.chart_x
        n = len(self.pillars)
        if n >= 3:
            from models.charts.drawing import radar

            size = 118.0
            self.chart = self.page.axes(self.chart_x + (self.chart_w - size) / 2,
                                        self.top + 38, size, size, projection="polar")
            (self.series,) = radar(self.chart, [""] * n, [("", [None] * n)], fill_alpha=0.2)
            self.chart.tick_params(axis="x", labelsize=6.8, pad=1, colors=_INK)
            self.chart.tick_params(axis="y", labelsize=5.5)
            self.chart.grid(color="#d5dae0", linewidth=0.5)
            self.chart.spines["polar"].set_color(_RULE)
            self.chart.set_rlabel_position(180 / n)
            self.bars = None
        else:
            self.chart = self.page.axes(self.chart_x + 70, self.top + 30, self.chart_w - 80,
                                        22.0 * n)
            self.bars = self.chart.barh(range(n), [0.0] * n, color="#2f6fb0", alpha=0.7)
            self.chart.set_xlim(0, 100)
            self.chart.set_yticks(range(n))
            self.chart.invert_yaxis()
            self.chart.tick_params(axis="y", labelsize=6.8)

    def draw(self, i: int, total: int) -> Any:
        """Compose the page of assessment ``i`` (of ``total`` pages) and return the Figure."""
        data, page = self.data, self.page
        fig = page.fig
        fig.texts.clear()
        fig.patches.clear()
        fig.lines.clear()
        fig.stale = True
        lab = labels(data.lang)
        st, a = data.pairs[i]
        res = data.results[i]
        width = _RIGHT - _LEFT
        # header: who and what
        page.text(_LEFT, 54, st.name, size=17, bold=True, width=width)
        facts = [(lab["sector"], st.sector), (lab["stage"], st.stage),
                 (lab["region"], st.region)]
        page.text(_LEFT, 71, "   ·   ".join(lab["fact"].format(label=k, value=v or lab["none"])
                                            for k, v in facts), size=8.2, color=_MUTED,
                  width=width)
        who = [(lab["assessor"], a.assessor or lab["unnamed"]),
               (lab["role"], _role(data.lang, a.role)), (lab["date"], a.date.isoformat())]
        page.text(_LEFT, 84, "   ·   ".join(lab["fact"].format(label=k, value=v)
                                            for k, v in who), size=8.2, color=_MUTED,
                  width=width)
        if data.scenario is not None:
            page.text(_LEFT, 97, lab["scenario_applied"].format(
                name=text(data.scenario.name, data.lang)), size=7.8, bold=True, color=_AMBER,
                width=width)
        page.rule(_LEFT, _RIGHT, self.header_end)
        y = self._score_block(i)
        self._pillar_chart(res)
        y = _rules_block(page, data, res, y + 6)
        gaps_top = _gaps_block(page, data, st, None)
        table_end = _criteria_table(page, data, i, y + 8, gaps_top - 10)
        _gaps_block(page, data, st, min(gaps_top, table_end + 14))
        _footer(page, data, i + 2, total)
        return fig

    def _score_block(self, i: int) -> float:
        """Overall score, its band, completeness and improvements; returns the block's end."""
        data, page = self.data, self.page
        lab = labels(data.lang)
        res = data.results[i]
        top = self.top
        y = top + 12
        page.text(_LEFT, y, lab["overall"], size=9, bold=True, color=_MUTED)
        y += 30
        if res.overall is None:
            page.text(_LEFT, y - 8, lab["not_scored_overall"], size=10, color=_MUTED)
            self.dot.set_data([], [])
        else:
            w = page.text(_LEFT, y, _score(res.overall), size=28, bold=True)
            page.text(_LEFT + w + 4, y, lab["out_of"], size=10, color=_MUTED)
            self.dot.set_data([res.overall], [0.5])
        band = data.band(i)
        self.band.set_visible(band is not None)
        if band is not None:
            self.band.set_x(band[0])
            self.band.set_width(max(band[1] - band[0], 0.4))
        y += 9 + 14 + 20
        if band is not None:
            page.text(_LEFT, y, lab["band"].format(low=fixed(band[0]), high=fixed(band[1])),
                      size=8, color=_INK)
            y += 11.5
        done = lab["completeness"].format(share=percent(res.completeness))
        w = page.text(_LEFT, y, done, size=8, color=_INK)
        if res.partial:
            page.text(_LEFT + w + 6, y, lab["partial"], size=8, bold=True, color=_AMBER)
        y += 20
        page.text(_LEFT, y, lab["improvements"], size=9, bold=True, color=_INK)
        y += 13
        if not res.improvements:
            page.text(_LEFT, y, lab["no_improvements"], size=7.6, color=_MUTED,
                      width=_SCORE_COLUMN)
            y += 11
        for imp in res.improvements:
            gain = lab["gain"].format(gain=_gain(imp.gain))
            gain_w = page.m.width(gain, 7.6, True)
            page.text(_LEFT + 8, y, lab["improvement"].format(
                name=imp.name, start=imp.from_level, end=imp.to_level), size=7.6,
                width=_SCORE_COLUMN - gain_w - 16)
            page.rect(_LEFT, y - 5.2, 3.2, 3.2, _GREEN)
            page.text(_LEFT + _SCORE_COLUMN, y, gain, size=7.6, bold=True, color=_GREEN,
                      ha="right")
            y += 11.5
        return max(y, top + 184)

    def _pillar_chart(self, res: Result) -> None:
        data, page = self.data, self.page
        page.text(self.chart_x, self.top + 12, labels(data.lang)["pillars"], size=9, bold=True,
                  color=_MUTED)
        values = [res.pillars.get(p.id) for p in self.pillars]
        names = ["\n".join(page.m.wrap(page.m.drawable(text(p.name, data.lang)), 7.0, 70,
                                        max_lines=2))
                 + "\n" + _score(v) for p, v in zip(self.pillars, values, strict=True)]
        if self.bars is None:
            self.chart.set_xticklabels(names)
            self.series.set_values(values)
        else:
            self.chart.set_yticklabels(names)
            for bar, v in zip(self.bars, values, strict=True):
                bar.set_width(v or 0.0)


def _rules_block(page: _Page, data: _ReportData, res: Result, top: float) -> float:
    """Postures with their reasons, then deal-breakers in a red box; returns the bottom."""
    lab = labels(data.lang)
    m = page.m
    width = _RIGHT - _LEFT
    y = top + 10
    page.text(_LEFT, y, lab["postures"], size=9, bold=True)
    y += 12
    size, lead = 7.6, 10.2
    if not res.postures:
        page.text(_LEFT, y, lab["no_postures"], size=size, color=_MUTED)
        y += lead
    for hit in res.postures:
        warn = hit.kind == "warning"
        colour = _AMBER if warn else "#2f6fb0"
        page.rect(_LEFT, y - 5.6, 4, 4, colour)
        name = hit.name + (lab["warning"] if warn else "")
        name_w = page.text(_LEFT + 9, y, name, size=size, bold=True,
                           color=_AMBER if warn else _INK, width=width * 0.45)
        y = _reasons(page, hit.reasons, _LEFT + 9, y, name_w, width - 9, size, lead, _MUTED)
    y += 5
    if not res.deal_breakers:
        w = page.text(_LEFT, y + 4, lab["deal_breakers"], size=9, bold=True)
        page.text(_LEFT + w + 8, y + 4, lab["no_deal_breakers"], size=size, color=_GREEN)
        return y + 6
    inner = width - 20
    lines = sum(len(_reason_rows(m, h.reasons, min(m.width(h.name, size, True), inner * 0.45),
                                 inner, size)[1]) or 1 for h in res.deal_breakers)
    height = 18 + lead * lines + 2
    page.rect(_LEFT, y - 4, width, height, _RED_BG, edge="#e3a19c", lw=0.6)
    page.rect(_LEFT, y - 4, 3, height, _RED)
    y += 8
    page.text(_LEFT + 10, y, lab["deal_breakers"], size=9, bold=True, color=_RED)
    y += 12
    for hit in res.deal_breakers:
        name_w = page.text(_LEFT + 10, y, hit.name, size=size, bold=True, color=_RED,
                           width=inner * 0.45)
        y = _reasons(page, hit.reasons, _LEFT + 10, y, name_w, inner, size, lead, _INK)
    return y


def _reason_rows(m: _Metrics, reasons: list[str], name_w: float, width: float,
                 size: float) -> tuple[bool, list[str]]:
    """Lines of a rule's reasons after its name; the flag says whether they start on the
    name's line (they go to the next line when little room is left beside the name)."""
    joined = " · ".join(reasons)
    first = width - name_w - 8
    if first >= 90:
        return True, m.wrap(joined, size, width, first_width=first, max_lines=2)
    return False, ["", *m.wrap(joined, size, width, max_lines=2)]


def _reasons(page: _Page, reasons: list[str], x: float, y: float, name_w: float,
             width: float, size: float, lead: float, colour: str) -> float:
    """Draw a rule's reasons after its name (drawn at ``x``, ``y``); returns the next line."""
    beside, rows = _reason_rows(page.m, reasons, name_w, width, size)
    for k, row in enumerate(rows):
        if k:
            y += lead
        if row:
            page.text(x + name_w + 8 if beside and k == 0 else x, y, row, size=size,
                      color=colour)
    return y + lead


def _favour_colour(f: float) -> str:
    """Chip colour for a favourability 0–1: soft red, amber, green."""
    stops = ((0.0, (0.93, 0.55, 0.52)), (0.5, (0.96, 0.82, 0.45)), (1.0, (0.55, 0.80, 0.56)))
    for (f0, c0), (f1, c1) in itertools.pairwise(stops):
        if f <= f1:
            t = (f - f0) / (f1 - f0)
            r, g, b = (c0[k] + t * (c1[k] - c0[k]) for k in range(3))
            return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
    return "#8ccc8f"


#: Criteria table columns: criterion, score chip centre, confidence, rationale (left x).
_COL_CRITERION, _COL_SCORE, _COL_CONF, _COL_RATIONALE = 42.0, 214.0, 236.0, 284.0


def _criteria_table(page: _Page, data: _ReportData, i: int, top: float,
                    bottom: float) -> float:
    """The criteria, grouped by pillar, between ``top`` and at most ``bottom``; returns
    where the table (with its note) ends."""
    lab = labels(data.lang)
    fw = data.framework
    _, a = data.pairs[i]
    res = data.results[i]
    m = page.m
    page.text(_LEFT, top + 10, lab["criteria"], size=9, bold=True)
    y = top + 24
    heads = ((_COL_CRITERION + 4, lab["col_criterion"], "left"),
             (_COL_SCORE, lab["col_score"], "center"),
             (_COL_CONF, lab["col_confidence"], "left"),
             (_COL_RATIONALE, lab["col_rationale"], "left"))
    for x, head, ha in heads:
        page.text(x, y, head, size=6.8, bold=True, color=_MUTED, ha=ha)
    page.rule(_LEFT, _RIGHT, y + 3.5)
    y += 3.5
    shifted = data.scenario is not None
    note = lab["criteria_note"].format(shifted=lab["criteria_note_shift"] if shifted else "")
    note_rows = m.wrap(note, 6.4, _RIGHT - _LEFT, max_lines=2)
    rows = len(fw.criteria) + len(fw.pillars)
    avail = bottom - y - 4 - 8.5 * len(note_rows)
    row_h = max(7.0, min(12.0, avail / rows))
    size = max(5.2, min(7.4, row_h * 0.64))
    index = fw.criterion_index
    for pillar in fw.pillars:
        page.rect(_LEFT, y, _RIGHT - _LEFT, row_h, "#e8ecf0")
        base = y + row_h * 0.5 + size * 0.36
        pname = text(pillar.name, data.lang)
        w = page.text(_COL_CRITERION + 4, base, pname, size=size, bold=True, width=150)
        value = res.pillars.get(pillar.id)
        page.text(_COL_CRITERION + 4 + w + 6, base,
                  _score(value) if pillar.enabled else lab["none"], size=size, bold=True,
                  color=_MUTED)
        y += row_h
        for crit in pillar.criteria:
            c = index[crit.id]
            base = y + row_h * 0.5 + size * 0.36
            score = a.scores.get(crit.id)
            page.text(_COL_CRITERION + 10, base, text(crit.name, data.lang), size=size,
                      width=_COL_SCORE - _COL_CRITERION - 30)
            raw, now = data.raw[i, c], data.levels[i, c]
            if math.isnan(raw):
                page.text(_COL_SCORE, base, lab["not_scored"], size=size * 0.92,
                          color=_FAINT, ha="center", italic=True)
            else:
                fav = (now - 1) / 4 if crit.direction == "benefit" else (5 - now) / 4
                chip_w = 13.0 if raw == now else 24.0
                page.rect(_COL_SCORE - chip_w / 2, y + 1.2, chip_w, row_h - 2.4,
                          _favour_colour(float(fav)))
                shown = f"{int(raw)}" if raw == now else f"{int(raw)}→{int(now)}"
                page.text(_COL_SCORE, base, shown, size=size, bold=True, ha="center")
                page.text(_COL_CONF, base, lab[score.confidence] if score else "",
                          size=size, color=_MUTED)
            rationale = score.rationale if score else ""
            page.text(_COL_RATIONALE, base, rationale or lab["none"], size=size,
                      color=_INK if rationale else _FAINT, width=_RIGHT - _COL_RATIONALE)
            y += row_h
    page.rule(_LEFT, _RIGHT, y)
    return page.lines(_LEFT, y + 8.5, note_rows, size=6.4, leading=8.5, color=_MUTED)


def _gaps_block(page: _Page, data: _ReportData, st: Startup, top: float | None) -> float:
    """The founder–investor gaps from ``top`` down; with ``top=None`` only measures them and
    returns the top that puts the block just above the footer."""
    lab = labels(data.lang)
    m = page.m
    entry = data.gaps.get(st.id)
    width = _RIGHT - _LEFT
    bottom = _FOOTER_TOP - 8
    if entry is None:
        if top is None:
            return bottom - 22
        page.text(_LEFT, top + 10, lab["gaps"], size=9, bold=True)
        page.text(_LEFT, top + 21, lab["gaps_missing"], size=7.4, color=_MUTED, width=width)
        return top
    gaps, founder, investor = entry
    differ = [g for g in gaps if g.gap != 0]
    listed = differ[:MAX_GAPS]
    per_col = math.ceil(len(listed) / 2) if listed else 0
    intro = m.wrap(lab["gaps_between"].format(
        founder=founder.assessor or lab["unnamed"], founder_date=founder.date.isoformat(),
        investor=investor.assessor or lab["unnamed"],
        investor_date=investor.date.isoformat()), 7.4, width, max_lines=2)
    row_h = 10.5
    height = 12 + 10 * len(intro) + (12 + row_h * per_col if listed else 0) + 20
    if top is None:
        return bottom - height
    y = top + 10
    page.text(_LEFT, y, lab["gaps"], size=9, bold=True)
    y += 11
    y = page.lines(_LEFT, y, intro, size=7.4, leading=10, color=_MUTED)
    if listed:
        col_w = (width - 16) / 2
        for col in range(2):
            x0 = _LEFT + col * (col_w + 16)
            chunk = listed[col * per_col:(col + 1) * per_col]
            if not chunk:
                continue
            name_w = col_w - 3 * 40
            heads = ((x0, lab["col_criterion"], "left"),
                     (x0 + name_w + 20, lab["col_founder"], "center"),
                     (x0 + name_w + 60, lab["col_investor"], "center"),
                     (x0 + name_w + 100, lab["col_gap"], "center"))
            for x, head, ha in heads:
                page.text(x, y + 2, head, size=6.6, bold=True, color=_MUTED, ha=ha)
            page.rule(x0, x0 + col_w, y + 5)
            yy = y + 5
            for g in chunk:
                base = yy + row_h * 0.5 + 2.6
                page.text(x0, base, g.name, size=7.2, width=name_w)
                page.text(x0 + name_w + 20, base, str(g.founder), size=7.2, ha="center")
                page.text(x0 + name_w + 60, base, str(g.investor), size=7.2, ha="center")
                colour = _RED if g.favourability_gap < 0 else _GREEN
                page.text(x0 + name_w + 100, base, f"{g.gap:+d}", size=7.2, bold=True,
                          color=colour, ha="center")
                yy += row_h
        y += 5 + row_h * per_col + 10
    else:
        y += 2
    agree = len(gaps) - len(differ)
    if not differ:
        summary = lab["gaps_agree"].format(count=len(gaps))
    elif len(differ) > len(listed):
        summary = lab["gaps_more"].format(more=len(differ) - len(listed), agree=agree,
                                          count=len(gaps))
    else:
        summary = lab["gaps_summary"].format(agree=agree, count=len(gaps))
    if differ:
        summary += "  " + lab["gaps_note"]
    page.text(_LEFT, y, summary, size=6.6, color=_MUTED, width=width)
    return top
