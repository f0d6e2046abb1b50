"""The export's ``Analysis`` sheet: how sure the ranking of startups is, as values.

Unlike the Summary, nothing here is a formula: the figures come from the analysis of startups
under the export's perspective (:func:`models.analysis.startups.analyze_startups`, through
:mod:`models.workbook.view_plan`; a Monte Carlo run with the investor bootstrap, and exact
sweeps) and the ranking under each scenario (startups ordered as
:func:`models.engine.ranking.rank_startups` orders them), which a spreadsheet cannot redo. They
describe the scores and weights **at export time**, and the sheet says so together with the
draws and seed, so anyone can reproduce them with
``beachhead analyze FILE --perspective P --draws N --seed S``.

Layout (1-based rows; labels in column A are fixed English, explanations follow the language):

* Row 1: title. From row 2, label/value pairs in columns A/B: ``Draws``, ``Seed``,
  ``Draws requested``, ``Perspective``, ``Pillar weights`` (``fixed``), ``Computed from``,
  ``Note``.
* A section whose column A reads ``Leader reversals``, a note, then the header ``Pillar ID``,
  ``Pillar``, ``Current share``, ``Reversal share``, ``Previous leader``, ``New leader`` and one
  row per reversal (pillar by pillar, by increasing share; shares 0–1 shown as percentages).
  The leader is rank 1 under the Summary's gate rule.
* A section ``Startups``; its header ``Rank``, ``Startup``, ``Gated``, ``Overall``, ``P10``,
  ``P50``, ``P90``, ``P(rank 1)``, ``P(top 3)``, then for each scenario
  ``<scenario name>: overall`` and ``<scenario name>: rank change`` (rank without the scenario
  minus rank with it: positive = moves up), then ``Startup ID``; one row per startup in the
  Summary's order. The panes are frozen below this header and it carries the sheet's filter.

Cells are empty where nothing is scored, and the P columns are empty when the Monte Carlo run
was skipped. Scores are rounded to 0.01 points and probabilities to 0.0001 (finer than the
Monte Carlo's own precision), halves away from zero as a spreadsheet's ``ROUND`` does, and every
figure has a number format: scores ``0.0``, shares and probabilities ``0.0%``, ranks whole,
rank changes signed.

Large portfolios get fewer draws so that an export stays quick and lean: at most
:data:`ANALYSIS_WORK` startup-draws (2,000 draws up to 500 startups, 1,000 at 1,000, 500 at
2,000), never fewer than :data:`MIN_DRAWS` (fewer draws make P10 and P90 too noisy to print);
beyond that (e.g. 10,000 startups) the Monte Carlo figures are skipped. The sheet says which
happened and how to get the full figures; reversals and scenarios are always there.
"""

from __future__ import annotations

import numpy as np

from models.analysis.run import TOP_K
from models.core.framework import Framework, Scenario, text
from models.core.portfolio import Portfolio
from models.engine.perspectives import PerspectiveLevels
from models.engine.ranking import score_view, sort_key
from models.engine.rules import rule_mask
from models.workbook.analysis_texts import analysis_texts
from models.workbook.count_texts import counted
from models.workbook.layout import ANALYSIS, column_letter
from models.workbook.plan import ExportPlan
from models.workbook.sheets import (
    BOLD,
    RANK,
    SECTION,
    SHARE,
    TITLE,
    WRAP,
    Book,
    Sheet,
    Style,
    header_height,
    round_half_away,
    row_height,
)
from models.workbook.view_plan import ViewPlan
from models.workbook.view_texts import view_definition, view_texts
from models.workbook.xlsx_text import TextWarning, column_width

#: Default Monte Carlo draws and seed of the sheet (as ``beachhead analyze``).
DEFAULT_ANALYSIS_DRAWS = 2000
DEFAULT_ANALYSIS_SEED = 0
#: Most startups × draws an export spends on the Monte Carlo run.
ANALYSIS_WORK = 1_000_000
#: Fewest draws worth reporting; larger portfolios skip the Monte Carlo part.
MIN_DRAWS = 500

#: Column A labels and section titles.
LABEL_DRAWS = "Draws"
LABEL_SEED = "Seed"
LABEL_REQUESTED = "Draws requested"
LABEL_PERSPECTIVE = "Perspective"
LABEL_WEIGHTS = "Pillar weights"
LABEL_FROM = "Computed from"
LABEL_NOTE = "Note"
SECTION_REVERSALS = "Leader reversals"
SECTION_STARTUPS = "Startups"
STARTUP_HEAD = ("Rank", "Startup", "Gated", "Overall", "P10", "P50", "P90", "P(rank 1)",
                f"P(top {TOP_K})")
REVERSAL_HEADERS = ("Pillar ID", "Pillar", "Current share", "Reversal share",
                    "Previous leader", "New leader")
SCENARIO_COLUMNS = ("overall", "rank change")
#: Decimals kept for scores and for probabilities and shares.
SCORE_DECIMALS = 2
SHARE_DECIMALS = 4
#: Number formats of the figures: a score, and a rank change (signed).
_SCORE: Style = {"num_format": "0.0"}
_CHANGE: Style = {"num_format": "+0;-0;0"}


def analysis_draws(n: int, requested: int) -> int:
    """Draws the export uses for ``n`` startups when ``requested`` were asked for: all of
    them within :data:`ANALYSIS_WORK`, fewer (but at least :data:`MIN_DRAWS`) above it, and 0
    (skipped) when even :data:`MIN_DRAWS` would exceed it or ``requested`` is 0."""
    if requested <= 0 or n == 0:
        return max(0, requested) if n == 0 else 0
    if n * requested <= ANALYSIS_WORK:
        return requested
    fit = ANALYSIS_WORK // n
    return fit if fit >= MIN_DRAWS else 0


def write_analysis_sheet(book: Book, portfolio: Portfolio, plan: ExportPlan, view: ViewPlan,
                         warnings: list[TextWarning]) -> dict[str, object]:
    """Add the ``Analysis`` sheet to ``book`` (see the module docstring).

    Returns:
        ``{"draws": used, "requested": requested, "seed": seed}``.
    """
    lang = plan.lang
    t = analysis_texts(lang)
    fw = plan.framework
    sh = book.sheet(ANALYSIS, warnings)
    pillar_names = {p.id: text(p.name, lang) for p in fw.pillars}
    head = _startup_head(plan)
    widths = _widths(view, head)
    sh.widths(widths)
    reversals = view.analysis.reversals
    # rows above the startups' header: title, 7 labels, blank, the reversals section (title,
    # note, header, rows or a line saying there are none), blank, section title (and a line
    # when there are no scenarios); the header is the row after those
    header_row = (1 + 7 + 1 + 3 + max(1, len(reversals)) + 1 + 1
                  + (0 if fw.scenarios else 1) + 1)
    sh.ws.freeze_panes(header_row, 2)
    sh.print_setup(repeat=(header_row, header_row))
    sh.text(1, 1, t["title"], TITLE)
    labels: list[tuple[str, object]] = [
        (LABEL_DRAWS, view.draws), (LABEL_SEED, view.seed), (LABEL_REQUESTED, view.requested),
        (LABEL_PERSPECTIVE, f"{view.ranking.perspective.name}: "
                            f"{view_definition(view.ranking.perspective, lang)}"),
        (LABEL_WEIGHTS, t["weights"]), (LABEL_FROM, t["from"]),
        (LABEL_NOTE, _note(t, view, lang))]
    for r, (label, value) in enumerate(labels, 2):
        sh.text(r, 1, label, BOLD)
        sh.value(r, 2, value)
    r = _reversals(sh, view, pillar_names, t, 2 + len(labels) + 1, widths)
    sh.text(r + 1, 1, SECTION_STARTUPS, SECTION)
    if not fw.scenarios:
        sh.text(r + 2, 1, t["no_scenarios"])
    assert r + (2 if fw.scenarios else 3) == header_row
    sh.height(header_row, header_height(head, widths))
    sh.header(header_row, head)
    _startups(sh, portfolio, view, header_row + 1, lang)
    n = len(view.rows)
    if n:
        sh.ws.autofilter(f"A{header_row}:{column_letter(len(head))}{header_row + n}")
    return {"draws": view.draws, "requested": view.requested, "seed": view.seed}


def _startup_head(plan: ExportPlan) -> list[str]:
    return [*STARTUP_HEAD, *(f"{text(s.name, 'en')}: {what}" for s in plan.framework.scenarios
                             for what in SCENARIO_COLUMNS), "Startup ID"]


def _widths(view: ViewPlan, head: list[str]) -> list[float]:
    """Column widths: the startups table's, with columns E and F (P10, P50) wide enough for
    the leader names of the reversals table above it (up to 20)."""
    rows = view.rows[:2000]
    names = [r.startup for r in rows]
    analysis = view.analysis
    leaders = [analysis.label(i) for rev in analysis.reversals
               for i in (rev.previous_leader, rev.new_leader)]
    leader = column_width(leaders, 9, 20)
    scenario_cols = len(head) - len(STARTUP_HEAD) - 1
    return [18, max(22.0, column_width(names, 12, 40)), 9, 9, leader, leader, 9, 10, 10,
            *(14 for _ in range(scenario_cols)),
            column_width((r.startup_id for r in rows), 12, 36)]


def _note(t: dict[str, str], view: ViewPlan, lang: str) -> str:
    n, used, asked = len(view.rows), view.draws, view.requested
    p = view.ranking.perspective.name
    if asked <= 0:
        return t["off"]
    if used and (used >= asked or n == 0):
        return t["full"].format(draws=used, seed=view.seed, perspective=p)
    if used:
        return t["reduced"].format(startups=counted(lang, "startups", n),
                                   draws=counted(lang, "draws", used), asked=asked,
                                   seed=view.seed, perspective=p)
    return t["skipped"].format(startups=counted(lang, "startups", n), asked=asked,
                               seed=view.seed, perspective=p)


def _reversals(sh: Sheet, view: ViewPlan, pillar_names: dict[str, str], t: dict[str, str],
               r: int, widths: list[float]) -> int:
    """The leader-reversals section from row ``r``; returns the blank row after it."""
    sh.text(r, 1, SECTION_REVERSALS, SECTION)
    sh.text(r + 1, 1, t["reversals_note"])
    sh.height(r + 2, header_height(REVERSAL_HEADERS, widths))
    sh.header(r + 2, REVERSAL_HEADERS)
    r += 3
    analysis = view.analysis
    current = {s.pillar: s.current for s in analysis.sweeps}
    for rev in analysis.reversals:
        names = [analysis.label(rev.previous_leader), analysis.label(rev.new_leader)]
        sh.height(r, row_height([(n, widths[4]) for n in names]))
        sh.text(r, 1, rev.pillar)
        sh.text(r, 2, pillar_names[rev.pillar])
        sh.number(r, 3, round_half_away(current[rev.pillar], SHARE_DECIMALS), SHARE)
        sh.number(r, 4, round_half_away(rev.weight, SHARE_DECIMALS), SHARE)
        sh.text(r, 5, names[0], WRAP)
        sh.text(r, 6, names[1], WRAP)
        r += 1
    if not analysis.reversals:
        sh.text(r, 1, t["no_reversals"])
        r += 1
    return r


def _scenario_columns(portfolio: Portfolio, view: ViewPlan) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per framework scenario, each startup's overall under it and its rank change (rank
    without any scenario minus rank with it), document order: the ranking's levels scored
    under each scenario and ordered as the ranking orders startups."""
    ranking, fw = view.ranking, portfolio.framework
    before = _ranks(ranking.view, fw, None, ranking.ignore_gates)[1]
    out = []
    for s in fw.scenarios:
        overall, ranks = _ranks(ranking.view, fw, s, ranking.ignore_gates)
        out.append((overall, before - ranks))
    return out


def _ranks(levels: PerspectiveLevels, fw: Framework, scenario: Scenario | None,
           ignore_gates: bool) -> tuple[np.ndarray, np.ndarray]:
    """The overall of each startup (document order) under ``scenario`` and its rank, as
    :func:`models.engine.ranking.rank_startups` ranks it (gated by a deal-breaker unless
    ``ignore_gates``, then by :func:`~models.engine.ranking.sort_key`)."""
    table = score_view(levels, fw, scenario)
    gated: list[bool] = np.asarray(rule_mask(table, fw.deal_breakers).any(axis=1)).tolist()
    overall, completeness = table.overall.tolist(), table.completeness.tolist()
    sts = levels.startups
    order = sorted(range(len(sts)), key=lambda i: sort_key(
        None if overall[i] != overall[i] else overall[i], gated[i] and not ignore_gates,
        completeness[i], sts[i].name, sts[i].id))
    ranks = np.zeros(len(sts), dtype=float)
    ranks[order] = np.arange(1, len(sts) + 1)
    return table.overall, ranks


def _startups(sh: Sheet, portfolio: Portfolio, view: ViewPlan, first: int, lang: str) -> None:
    """One row per startup in rank order from row ``first``."""
    u = view.analysis.uncertainty
    scenarios = _scenario_columns(portfolio, view)
    yes = view_texts(lang)["gated"]
    for n, ranked in enumerate(view.rows):
        r, i = first + n, ranked.row
        cells = [sh.number_cell(ranked.rank, RANK), sh.text_cell(ranked.startup, f"B{r}"),
                 sh.text_cell(yes if ranked.gated else "", f"C{r}"),
                 sh.number_cell(_round(ranked.overall, SCORE_DECIMALS), _SCORE)]
        figures: list[tuple[float | None, Style]] = [(None, _SCORE)] * 5
        if view.draws and ranked.overall is not None:
            figures = [(_round(u.p10[i], SCORE_DECIMALS), _SCORE),
                       (_round(u.p50[i], SCORE_DECIMALS), _SCORE),
                       (_round(u.p90[i], SCORE_DECIMALS), _SCORE),
                       (_round(u.p_rank1[i], SHARE_DECIMALS), SHARE),
                       (_round(u.p_top_k[i], SHARE_DECIMALS), SHARE)]
        for after, change in scenarios:
            ok = not np.isnan(after[i])
            figures += [(_round(after[i], SCORE_DECIMALS), _SCORE),
                        (int(change[i]) if ok else None, _CHANGE)]
        # empty figures stay unwritten: a large export skips them
        cells += [None if value is None else sh.number_cell(value, style)
                  for value, style in figures]
        cells.append(sh.text_cell(ranked.startup_id, f"{column_letter(len(cells) + 1)}{r}"))
        sh.row(r, cells)


def _round(x: float | None, decimals: int) -> float | None:
    if x is None or np.isnan(x):
        return None
    return round_half_away(float(x), decimals)
