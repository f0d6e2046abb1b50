"""Functions that run inside a worker process (see :mod:`gui.jobs`). No Qt here: the worker
starts fast and the functions can be tested directly.

Each writes its output into ``work_dir`` (a private folder next to the final destination),
so the parent can move the result into place when the job succeeds, or remove the whole folder
when it is cancelled: nothing half-written is ever left where the user looks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.portfolio import Portfolio

Progress = Callable[[int, int], None]


def export_workbook_job(portfolio_json: str, work_dir: str, name: str, lang: str,
                        progress: Progress) -> dict[str, object]:
    """Export a portfolio (given as ``.beachhead`` JSON text) to ``work_dir/name``.

    Returns ``{"path": str, "assessments": int, "warnings": [str, ...]}``.
    """
    import json

    from models.storage import parse_portfolio
    from models.workbook_export import export_workbook

    portfolio = parse_portfolio(json.loads(portfolio_json), "portfolio")
    out = Path(work_dir) / name
    result = export_workbook(portfolio, out, lang=lang, progress=progress)
    return {"path": str(out), "assessments": result.assessments,
            "warnings": [str(w) for w in result.warnings]}


def uncertainty_figures(portfolio: Portfolio, *, draws: int, seed: int,
                        concentration: float | None = None, scenario_id: str | None = None,
                        progress: Progress | None = None) -> dict[str, object]:
    """Monte Carlo figures of every assessment of ``portfolio``, as the Compare view's
    Uncertainty tab shows them.

    The same computation as :func:`models.analysis.analyze_portfolio` (and so as
    ``beachhead analyze``) for the same draws, seed, concentration and scenario, without the
    sensitivity part. Rows follow the portfolio's document order.

    Returns:
        ``{"ids": [assessment id, ...], "draws", "seed", "concentration", "scenario",
        "top_k", "overall", "p10", "p50", "p90", "p_rank1", "p_top_k"}``; the last six are
        ``(n,)`` float arrays (NaN where nothing is scored).

    Raises:
        KeyError: ``scenario_id`` names no scenario of the framework.
        ValueError: see :func:`models.uncertainty.simulate`.
    """
    from models.analysis import TOP_K
    from models.scoring import apply_scenario, level_matrix
    from models.uncertainty import confidence_matrix, simulate

    fw = portfolio.framework
    assessments = [a for _, a in portfolio.assessments()]
    scenario = fw.scenario(scenario_id) if scenario_id else None
    levels = apply_scenario(level_matrix(assessments, fw), fw, scenario)
    u = simulate(levels, confidence_matrix(assessments, fw), fw, draws=draws, seed=seed,
                 concentration=concentration, top_k=TOP_K, max_rank=TOP_K, progress=progress)
    return {
        "ids": [a.id for a in assessments], "draws": u.draws, "seed": u.seed,
        "concentration": u.concentration, "scenario": scenario_id, "top_k": u.top_k,
        "overall": u.overall, "p10": u.p10, "p50": u.p50, "p90": u.p90,
        "p_rank1": u.p_rank1, "p_top_k": u.p_top_k,
    }


def uncertainty_job(portfolio_json: str, draws: int, seed: int, concentration: float | None,
                    scenario_id: str | None, progress: Progress) -> dict[str, object]:
    """:func:`uncertainty_figures` for a portfolio given as ``.beachhead`` JSON text (the
    Compare view runs this in a worker process for large portfolios)."""
    import json

    from models.storage import parse_portfolio

    portfolio = parse_portfolio(json.loads(portfolio_json), "portfolio")
    return uncertainty_figures(portfolio, draws=draws, seed=seed, concentration=concentration,
                               scenario_id=scenario_id, progress=progress)


def import_workbooks_job(paths: list[str], framework_json: str,
                         progress: Progress) -> object:
    """Read workbooks against a framework (given as JSON); returns the
    :class:`~models.workbook_import.ImportReport` (nothing is written)."""
    import json

    from models.framework import parse_framework
    from models.workbook_import import import_workbooks

    framework = parse_framework(json.loads(framework_json), "framework")
    return import_workbooks(paths, framework, skip_bad=False, progress=progress)
