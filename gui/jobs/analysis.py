"""The Compare view's analysis, run in a worker process for large portfolios (see
:mod:`gui.jobs.process`) or at once for small ones. No Qt here: the worker starts fast and the
functions can be tested directly.

What crosses to the worker is arrays, not the portfolio: pickling or writing 10,000 startups
as JSON takes seconds, their levels a few milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

    from models.analysis.uncertainty import Uncertainty
    from models.core.framework import Framework
    from models.engine.ranking import Ranking

Progress = Callable[[int, int], None]


def startup_uncertainty_inputs(ranking: Ranking) -> dict[str, Any]:
    """What a Monte Carlo run of a ranking's startups needs, small and quick to send to a
    worker: the startup ids (document order), the perspective, its levels and confidence
    codes, the assessments it is made of stacked per startup (for the investor bootstrap),
    levels packed as integers (:func:`pack_levels`), and which startups rank after the others
    in every draw (the gated ones, unless the ranking ignores gates)."""
    import numpy as np

    view = ranking.view
    behind = np.zeros(len(view.startups), dtype=bool)
    if not ranking.ignore_gates:
        for r in ranking.rows:
            behind[r.row] = r.gated
    return {"ids": [s.id for s in view.startups], "perspective": view.perspective.name,
            "levels": pack_levels(view.levels), "confidence": view.confidence,
            "stacked": pack_levels(view.stacked), "stacked_confidence": view.stacked_confidence,
            "behind": behind}


def startup_uncertainty_job(inputs: dict[str, Any], framework: Framework | str, draws: int,
                            seed: int, scenario_id: str | None, concentration: float | None,
                            progress: Progress | None) -> dict[str, object]:
    """Monte Carlo figures of the startups of :func:`startup_uncertainty_inputs`: the
    analysis of :func:`models.analysis.startups.analyze_startups` (its
    :func:`~models.analysis.perspective_bands.simulate_perspective`, with the gated startups
    behind), on the arrays a worker process receives. ``framework`` may come as JSON text.

    Returns:
        ``{"ids", "perspective", "scenario", "draws", "seed", "concentration", "top_k",
        "resamples", "overall", "p10", "p50", "p90", "p_rank1", "p_top_k"}``; the last six are
        ``(n,)`` float arrays (NaN for an unscored startup, whose rank probabilities are 0).

    Raises:
        KeyError: ``scenario_id`` names no scenario. ValueError: see
            :func:`models.analysis.uncertainty.simulate`.
    """
    import json

    from models.analysis.perspective_bands import simulate_perspective
    from models.analysis.run import TOP_K
    from models.engine.perspectives import Perspective, PerspectiveLevels
    from models.files.framework_file import parse_framework

    if isinstance(framework, str):
        framework = parse_framework(json.loads(framework), "framework")
    levels, stacked = _unpacked(inputs["levels"]), _unpacked(inputs["stacked"])
    n = len(levels)
    nobody: list[Any] = [None] * n  # the simulation reads arrays, never the startups
    view = PerspectiveLevels(
        perspective=Perspective.parse(inputs["perspective"]), startups=nobody,
        levels=levels, confidence=inputs["confidence"], low=levels, high=levels,
        used=[[] for _ in range(n)], stacked=stacked,
        stacked_confidence=inputs["stacked_confidence"])
    d = simulate_perspective(view, framework, draws=draws, seed=seed,
                             scenario=scenario_id or None, concentration=concentration,
                             top_k=TOP_K, max_rank=TOP_K, behind=inputs["behind"],
                             progress=progress)
    u = d.uncertainty
    return {"ids": list(inputs["ids"]), "perspective": inputs["perspective"],
            "scenario": scenario_id or None, "resamples": d.resamples, **_figures(u)}


def pack_levels(levels: np.ndarray) -> np.ndarray:
    """``levels`` (1–5, NaN = not scored) as ``int8`` with 0 for NaN."""
    import numpy as np

    packed: np.ndarray = np.nan_to_num(levels, nan=0.0).astype(np.int8)
    return packed


def _unpacked(levels: np.ndarray) -> np.ndarray:
    import numpy as np

    if np.issubdtype(levels.dtype, np.integer):
        return np.where(levels == 0, np.nan, levels.astype(float))
    return levels


def _figures(u: Uncertainty) -> dict[str, object]:
    return {
        "draws": u.draws, "seed": u.seed, "concentration": u.concentration, "top_k": u.top_k,
        "overall": u.overall, "p10": u.p10, "p50": u.p50, "p90": u.p90,
        "p_rank1": u.p_rank1, "p_top_k": u.p_top_k,
    }
