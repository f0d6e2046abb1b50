"""The export's ``Analysis`` sheet: uncertainty, rank reversals and scenarios as values.

Unlike the other sheets, nothing here is a formula: the figures come from a Monte Carlo run and
exact sweeps (:mod:`models.analysis.run`, :mod:`models.engine.scenarios`) that a spreadsheet cannot
redo,
so they describe the scores and weights **at export time**, and the sheet says so together with
the number of draws and the seed, so anyone can reproduce them with
``beachhead analyze FILE --draws N --seed S``.

Layout (1-based rows; labels in column A are fixed English, explanations follow the language):

* Row 1: title. From row 2, label/value pairs in columns A/B: ``Draws``, ``Seed``,
  ``Draws requested``, ``Pillar weights`` (``fixed``), ``Computed from``, ``Note``.
* A section whose column A reads ``Rank reversals``, a note, then the header ``Pillar ID``,
  ``Pillar``, ``Current share``, ``Reversal share``, ``Previous leader``,
  ``Previous assessor``, ``New leader``, ``New assessor`` and one row per reversal (pillar by
  pillar, by increasing share; shares 0–1).
* A section ``Assessments``; its header ``Startup``, ``Assessor``, ``Role``, ``Overall``,
  ``Rank`` (both as entered), ``P10``, ``P50``, ``P90``, ``P(rank 1)``, ``P(top 3)``, then
  for each scenario ``<scenario name>: overall`` and ``<scenario name>: rank change``
  (positive = moves up); one row per assessment in document order (the Summary sheet's
  order). The panes are frozen below this header and it carries the sheet's filter.

Cells are empty where nothing is scored, and the P columns are empty when the Monte Carlo run
was skipped. Scores are rounded to 0.01 points and probabilities to 0.0001 (finer than the
Monte Carlo's own precision), halves away from zero as a spreadsheet's ``ROUND`` does, and
written without cell styles, which keeps a 10,000-startup export quick.

Large portfolios get fewer draws so that an export stays quick and lean: at most
:data:`ANALYSIS_WORK` assessment-draws (2,000 draws up to 500 assessments, 1,000 at 1,000,
500 at 2,000), never fewer than :data:`MIN_DRAWS` (fewer draws make P10 and P90 too noisy to
print); beyond that (e.g. 10,000 startups) the Monte Carlo part is skipped, which also keeps
its scratch memory out of a big export. The sheet says which happened and how to get the full
figures (``beachhead analyze``); reversals and scenarios are always there.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.analysis.run import TOP_K, prepare, run_uncertainty
from models.analysis.sensitivity import Reversal, leader_reversals
from models.analysis.uncertainty import Uncertainty
from models.core.framework import Framework, text
from models.core.portfolio import Assessment, Portfolio, Startup
from models.engine.scenarios import ScenarioImpact, competition_ranks, portfolio_scenario_impacts
from models.engine.scores import ScoreTable, score_levels
from models.workbook.layout import ANALYSIS, column_letter
from models.workbook.sheets import BOLD, SECTION, TITLE, Book, Sheet, round_half_away
from models.workbook.xlsx_text import TextWarning, column_width

#: Default Monte Carlo draws and seed of the sheet (as ``beachhead analyze``).
DEFAULT_ANALYSIS_DRAWS = 2000
DEFAULT_ANALYSIS_SEED = 0
#: Most assessments × draws an export spends on the Monte Carlo run (about 0.2 s).
ANALYSIS_WORK = 1_000_000
#: Fewest draws worth reporting; larger portfolios skip the Monte Carlo part.
MIN_DRAWS = 500

#: Column A labels and section titles.
LABEL_DRAWS = "Draws"
LABEL_SEED = "Seed"
LABEL_REQUESTED = "Draws requested"
LABEL_WEIGHTS = "Pillar weights"
LABEL_FROM = "Computed from"
LABEL_NOTE = "Note"
SECTION_REVERSALS = "Rank reversals"
SECTION_ASSESSMENTS = "Assessments"
ASSESSMENT_HEAD = ("Startup", "Assessor", "Role", "Overall", "Rank", "P10", "P50", "P90",
                   "P(rank 1)", f"P(top {TOP_K})")
REVERSAL_HEADERS = ("Pillar ID", "Pillar", "Current share", "Reversal share",
                    "Previous leader", "Previous assessor", "New leader", "New assessor")
SCENARIO_COLUMNS = ("overall", "rank change")
#: Decimals kept for scores and for probabilities and shares.
SCORE_DECIMALS = 2
SHARE_DECIMALS = 4

_TEXTS = {
    "en": {
        "title": "Analysis: how sure the scores and ranks are (values at export time)",
        "from": "The scores and weights at export time. These figures are values, not "
                "formulas: they do not follow edits made in this workbook.",
        "weights": "fixed",
        "full": "Each score is spread over its neighbouring levels by its confidence (high: "
                "exact; medium: one level down or up with 10 % each; low: 20 % each). "
                "Reproduce with: beachhead analyze FILE --draws {draws} --seed {seed}.",
        "reduced": "{n} assessments: {draws} draws instead of {asked}, to keep the export "
                   "quick; run beachhead analyze FILE --draws {asked} --seed {seed} for the "
                   "full figures.",
        "skipped": "{n} assessments: the Monte Carlo figures were skipped to keep the export "
                   "quick; run beachhead analyze FILE --draws {asked} --seed {seed} for them.",
        "off": "The Monte Carlo figures were not requested for this export.",
        "no_reversals": "No pillar weight from 0 to 100 % changes the leading assessment.",
        "reversals_note": "As a pillar's share of the weight grows from 0 to 100 % (the other "
                          "pillars rescaled proportionally), the leading assessment changes at "
                          "the reversal share.",
        "no_scenarios": "The framework has no scenarios.",
    },
    "zh_CN": {
        "title": "分析：分数与排名的确定程度（导出时的数值）",
        "from": "导出时的分数与权重。这些是数值而不是公式：不会随本工作簿中的修改而变化。",
        "weights": "fixed",
        "full": "每个分数按其置信度分布到相邻等级（高：不变；中：上下各一级各 10%；"
                "低：各 20%）。复现：beachhead analyze FILE --draws {draws} --seed {seed}。",
        "reduced": "{n} 个评估：为保持导出速度，抽样 {draws} 次而非 {asked} 次；完整结果请运行 "
                   "beachhead analyze FILE --draws {asked} --seed {seed}。",
        "skipped": "{n} 个评估：为保持导出速度，未计算蒙特卡洛结果；请运行 "
                   "beachhead analyze FILE --draws {asked} --seed {seed}。",
        "off": "本次导出未要求蒙特卡洛结果。",
        "no_reversals": "任何支柱权重在 0 到 100% 之间变化都不会改变领先的评估。",
        "reversals_note": "当某支柱的权重占比从 0 增加到 100%（其他支柱按比例缩放）时，"
                          "领先的评估在“Reversal share”处发生变化。",
        "no_scenarios": "该框架没有情景。",
    },
}


def analysis_draws(n: int, requested: int) -> int:
    """Draws the export uses for ``n`` assessments when ``requested`` were asked for: all of
    them within :data:`ANALYSIS_WORK`, fewer (but at least :data:`MIN_DRAWS`) above it, and 0
    (skipped) when even :data:`MIN_DRAWS` would exceed it or ``requested`` is 0."""
    if requested <= 0 or n == 0:
        return max(0, requested) if n == 0 else 0
    if n * requested <= ANALYSIS_WORK:
        return requested
    fit = ANALYSIS_WORK // n
    return fit if fit >= MIN_DRAWS else 0


@dataclass(frozen=True)
class _Figures:
    """What the sheet shows, computed before anything is written."""

    framework: Framework
    pairs: list[tuple[Startup, Assessment]]
    table: ScoreTable
    uncertainty: Uncertainty | None
    reversals: list[tuple[float, Reversal]]  # (current share, reversal)
    impacts: list[ScenarioImpact]


def _figures(portfolio: Portfolio, lang: str, used: int, seed: int) -> _Figures:
    fw = portfolio.framework
    pairs = portfolio.assessments()
    n = len(pairs)
    prepared = prepare(fw, [a for _, a in pairs])
    fa = prepared.arrays
    table = score_levels(prepared.levels, fa)
    unc = None
    if used and n:
        unc = run_uncertainty(prepared, draws=used, seed=seed, max_rank=TOP_K)
    sweeps = leader_reversals(table.pillars, fa.pillar_weight, list(fa.pillar_ids)) if n \
        else []
    impacts = portfolio_scenario_impacts(portfolio, None, lang) if n else []
    reversals: list[tuple[float, Reversal]] = [(sweep.current, rev) for sweep in sweeps
                                             for rev in sweep.reversals]
    return _Figures(fw, pairs, table, unc, reversals, impacts)


def write_analysis_sheet(
    book: Book,
    portfolio: Portfolio,
    lang: str,
    warnings: list[TextWarning],
    *,
    draws: int = DEFAULT_ANALYSIS_DRAWS,
    seed: int = DEFAULT_ANALYSIS_SEED,
) -> dict[str, object]:
    """Add the ``Analysis`` sheet to ``book`` (see the module docstring).

    Args:
        book: the workbook being written; portfolio: what it exports (its own framework).
        lang: ``en`` or ``zh_CN`` for explanations and framework names.
        warnings: where texts that had to change are reported.
        draws: Monte Carlo draws requested (reduced for large portfolios, 0 to skip).
        seed: the random seed.

    Returns:
        ``{"draws": used, "requested": draws, "seed": seed}``.
    """
    t = _TEXTS.get(lang, _TEXTS["en"])
    n = len(portfolio.assessments())
    used = analysis_draws(n, draws)
    fig = _figures(portfolio, lang, used, seed)
    fw = fig.framework
    sh = book.sheet(ANALYSIS, warnings)
    pillar_names = {p.id: text(p.name, lang) for p in fw.pillars}
    _widths(sh, fig, list(pillar_names.values()))
    sh.print_setup()
    # rows above the assessments' header: title, 6 labels, blank, the reversals section
    # (title, note, header, rows or a line saying there are none), blank, section title
    # (and a line when there are no scenarios); the header is the row after those
    header_row = (1 + 6 + 1 + 3 + max(1, len(fig.reversals)) + 1 + 1
                  + (0 if fw.scenarios else 1) + 1)
    sh.ws.freeze_panes(f"C{header_row + 1}")
    sh.text(1, 1, t["title"], TITLE)
    labels = [(LABEL_DRAWS, used), (LABEL_SEED, seed), (LABEL_REQUESTED, draws),
              (LABEL_WEIGHTS, t["weights"]), (LABEL_FROM, t["from"]),
              (LABEL_NOTE, _note(t, n, used, draws, seed))]
    for r, (label, value) in enumerate(labels, 2):
        sh.text(r, 1, label, BOLD)
        sh.value(r, 2, value)
    r = _reversals(sh, fig, pillar_names, t, 2 + len(labels) + 1)
    sh.text(r + 1, 1, SECTION_ASSESSMENTS, SECTION)
    if not fw.scenarios:
        sh.text(r + 2, 1, t["no_scenarios"])
    head = [*ASSESSMENT_HEAD, *(f"{text(s.name, 'en')}: {what}" for s in fw.scenarios
                                for what in SCENARIO_COLUMNS)]
    assert r + (2 if fw.scenarios else 3) == header_row
    sh.header(header_row, head)
    _assessments(sh, fig, header_row + 1)
    if n:
        sh.ws.autofilter(f"A{header_row}:{column_letter(len(head))}{header_row + n}")
    return {"draws": used, "requested": draws, "seed": seed}


def _widths(sh: Sheet, fig: _Figures, pillar_names: list[str]) -> None:
    sample = fig.pairs[:2000]
    names = column_width((s.name for s, _ in sample), 12, 30)
    sh.widths([
        max(18.0, column_width((s.name for s, _ in sample), 10, 40)),
        max(16.0, column_width([*(a.assessor for _, a in sample), *pillar_names], 10, 36)),
        12, 10, names, names, names, names, 10, 10,
        *(14 for _ in range(len(SCENARIO_COLUMNS) * len(fig.framework.scenarios))),
    ])


def _note(t: dict[str, str], n: int, used: int, draws: int, seed: int) -> str:
    if draws <= 0:
        return t["off"]
    if used == draws or n == 0:
        return t["full"].format(draws=used, seed=seed)
    if used:
        return t["reduced"].format(n=f"{n:,}", draws=used, asked=draws, seed=seed)
    return t["skipped"].format(n=f"{n:,}", asked=draws, seed=seed)


def _reversals(sh: Sheet, fig: _Figures, pillar_names: dict[str, str], t: dict[str, str],
               r: int) -> int:
    """The rank-reversals section from row ``r``; returns the blank row after it."""
    sh.text(r, 1, SECTION_REVERSALS, SECTION)
    sh.text(r + 1, 1, t["reversals_note"])
    sh.header(r + 2, REVERSAL_HEADERS)
    r += 3
    pairs = fig.pairs
    for current, rev in fig.reversals:
        old, new = pairs[rev.previous_leader], pairs[rev.new_leader]
        sh.text(r, 1, rev.pillar)
        sh.text(r, 2, pillar_names[rev.pillar])
        sh.number(r, 3, round_half_away(current, SHARE_DECIMALS))
        sh.number(r, 4, round_half_away(rev.weight, SHARE_DECIMALS))
        for c, value in enumerate((old[0].name, old[1].assessor, new[0].name, new[1].assessor),
                                  5):
            sh.text(r, c, value)
        r += 1
    if not fig.reversals:
        sh.text(r, 1, t["no_reversals"])
        r += 1
    return r


def _assessments(sh: Sheet, fig: _Figures, first: int) -> None:
    """One row per assessment from row ``first``."""
    rank = competition_ranks(fig.table.overall)
    unc = fig.uncertainty
    for i, (st, a) in enumerate(fig.pairs):
        r = first + i
        sh.text(r, 1, st.name)
        sh.text(r, 2, a.assessor)
        sh.text(r, 3, a.role)
        row: list[float | None] = [_round(fig.table.overall[i], SCORE_DECIMALS), _rank(rank[i])]
        if unc is not None and not np.isnan(fig.table.overall[i]):
            row += [_round(unc.p10[i], SCORE_DECIMALS), _round(unc.p50[i], SCORE_DECIMALS),
                    _round(unc.p90[i], SCORE_DECIMALS), _round(unc.p_rank1[i], SHARE_DECIMALS),
                    _round(unc.p_top_k[i], SHARE_DECIMALS)]
        else:
            row += [None] * 5
        for imp in fig.impacts:
            row += [_round(imp.after[i], SCORE_DECIMALS), _rank(imp.rank_change[i])]
        for c, value in enumerate(row, 4):
            sh.number(r, c, value)


def _round(x: float, decimals: int) -> float | None:
    return None if np.isnan(x) else round_half_away(float(x), decimals)


def _rank(x: float) -> int | None:
    return None if np.isnan(x) else int(x)
