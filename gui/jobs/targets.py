"""Functions that run inside a worker process (see :mod:`gui.jobs.process`). No Qt here: the worker
starts fast and the functions can be tested directly.

Each writes its file through the one atomic writer (:mod:`models.files.atomic`): the
destination changes only when the job succeeds, and a temporary file left by a cancelled
(terminated) job is removed by the parent, or by the next save of the same file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import numpy as np

    from models.analysis.uncertainty import Uncertainty
    from models.core.portfolio import Portfolio
    from models.engine.arrays import FrameworkArrays

Progress = Callable[[int, int], None]


def export_workbook_job(portfolio_json: str, target: str, lang: str, perspective: str,
                        ignore_gates: bool, progress: Progress) -> dict[str, object]:
    """Export a portfolio (given as ``.beachhead`` JSON text) to ``target``, its Summary
    ranking the startups under ``perspective`` (and ``ignore_gates``).

    Returns ``{"path": str, "assessments": int, "startups": int, "warnings": [str, ...]}``.
    """
    import json

    from models.files.portfolio_file import parse_portfolio
    from models.workbook.export import export_workbook

    portfolio = parse_portfolio(json.loads(portfolio_json), "portfolio")
    result = export_workbook(portfolio, Path(target), lang=lang, perspective=perspective,
                             ignore_gates=ignore_gates, progress=progress)
    return {"path": target, "assessments": result.assessments, "startups": result.startups,
            "warnings": [str(w) for w in result.warnings]}


def uncertainty_inputs(portfolio: Portfolio, scenario_id: str | None = None
                       ) -> tuple[list[str], np.ndarray, np.ndarray, FrameworkArrays]:
    """What a Monte Carlo run of ``portfolio`` needs, small and quick to send to a worker:
    the assessment ids (document order), the ``(n, m)`` levels with ``scenario_id`` applied,
    the ``(n, m)`` confidence codes and the framework as arrays
    (:func:`models.analysis.run.prepare`).

    Raises:
        KeyError: ``scenario_id`` names no scenario of the framework.
    """
    from models.analysis.run import prepare

    assessments = [a for _, a in portfolio.assessments()]
    prepared = prepare(portfolio.framework, assessments, scenario_id or None)
    return [a.id for a in assessments], prepared.levels, prepared.confidence, prepared.arrays


def uncertainty_job(levels: np.ndarray, confidence: np.ndarray, framework: FrameworkArrays,
                    draws: int, seed: int, concentration: float | None,
                    progress: Progress | None) -> dict[str, object]:
    """Monte Carlo figures for the inputs of :func:`uncertainty_inputs` (the Compare view runs
    this in a worker process for large portfolios; arrays rather than the portfolio's JSON,
    because writing and parsing 5,000 assessments as JSON takes seconds). ``levels`` may also
    come packed as integers with 0 for "not scored" (:func:`pack_levels`), eight times
    smaller to send.

    :func:`models.analysis.run.run_uncertainty`, as for ``beachhead analyze`` with the same
    draws, seed and concentration.

    Returns:
        ``{"draws", "seed", "concentration", "top_k", "overall", "p10", "p50", "p90",
        "p_rank1", "p_top_k"}``; the last six are ``(n,)`` float arrays (NaN where nothing is
        scored).

    Raises:
        ValueError: see :func:`models.analysis.uncertainty.simulate`.
    """
    import numpy as np

    from models.analysis.run import TOP_K, Prepared, run_uncertainty

    if np.issubdtype(levels.dtype, np.integer):
        levels = np.where(levels == 0, np.nan, levels.astype(float))
    # the levels come with any scenario applied already: they are the ones to draw around
    prepared = Prepared(raw=levels, levels=levels, confidence=confidence, arrays=framework)
    return _figures(run_uncertainty(prepared, draws=draws, seed=seed,
                                    concentration=concentration, max_rank=TOP_K,
                                    progress=progress))


def pack_levels(levels: np.ndarray) -> np.ndarray:
    """``levels`` (1–5, NaN = not scored) as ``int8`` with 0 for NaN."""
    import numpy as np

    packed: np.ndarray = np.nan_to_num(levels, nan=0.0).astype(np.int8)
    return packed


def uncertainty_figures(portfolio: Portfolio, *, draws: int, seed: int,
                        concentration: float | None = None, scenario_id: str | None = None,
                        progress: Progress | None = None) -> dict[str, object]:
    """Monte Carlo figures of every assessment of ``portfolio``, as the Compare view's
    Uncertainty tab shows them: those of :func:`uncertainty_job`, plus ``"ids"`` (assessment
    ids, document order) and ``"scenario"`` (``scenario_id``).

    Raises:
        KeyError: ``scenario_id`` names no scenario of the framework.
        ValueError: see :func:`models.analysis.uncertainty.simulate`.
    """
    from models.analysis.run import TOP_K, run_uncertainty

    u = run_uncertainty(portfolio, draws=draws, seed=seed, scenario=scenario_id or None,
                        concentration=concentration, max_rank=TOP_K, progress=progress)
    return {"ids": [a.id for _, a in portfolio.assessments()], "scenario": scenario_id,
            **_figures(u)}


def _figures(u: Uncertainty) -> dict[str, object]:
    return {
        "draws": u.draws, "seed": u.seed, "concentration": u.concentration, "top_k": u.top_k,
        "overall": u.overall, "p10": u.p10, "p50": u.p50, "p90": u.p90,
        "p_rank1": u.p_rank1, "p_top_k": u.p_top_k,
    }


def import_workbooks_job(paths: list[str], framework_json: str,
                         progress: Progress) -> object:
    """Read workbooks against a framework (given as JSON); returns the
    :class:`~models.workbook.importing.batch.ImportReport` (nothing is written).

    Each workbook is read in a reader process of its own, started from this job's process
    (:mod:`models.workbook.importing.pool`): a workbook that makes its reader die is a problem
    in the report, naming the file, and the others are read; this job's process never reads one."""
    import json

    from models.files.framework_file import parse_framework
    from models.workbook.importing.batch import import_workbooks

    framework = parse_framework(json.loads(framework_json), "framework")
    return import_workbooks(paths, framework, skip_bad=False, progress=progress)


def report_job(portfolio_json: str, target: str, lang: str, startups: list[str] | None,
               top: int | None, perspective: str, ignore_gates: bool, scenario_id: str | None,
               progress: Progress) -> dict[str, object]:
    """Write the PDF report of a portfolio (given as JSON) to ``target``: the startups named
    by id in ``startups`` (None: all), or the ``top`` best of them, ranked under
    ``perspective`` (and ``ignore_gates``), with ``scenario_id`` applied
    (:func:`models.report.document.write_report`).

    Returns ``{"path": str, "pages": int, "startups": int}``.
    """
    import json

    from models.files.portfolio_file import parse_portfolio
    from models.report.document import write_report

    portfolio = parse_portfolio(json.loads(portfolio_json), "portfolio")
    result = write_report(portfolio, Path(target), startups=startups, top=top,
                          perspective=perspective, ignore_gates=ignore_gates, lang=lang,
                          scenario=scenario_id, progress=progress)
    return {"path": target, "pages": result.pages, "startups": result.startups}
