"""The one analysis entry point: the Monte Carlo figures behind ``beachhead analyze``, the
workbook's Analysis sheet, the PDF report and the Compare view.

* :func:`prepare` turns assessments into the arrays a Monte Carlo run works on (levels with
  a scenario applied, confidence codes, the framework as arrays);
* :func:`run_uncertainty` runs the Monte Carlo of
  :func:`models.analysis.uncertainty.simulate` on a portfolio or on prepared arrays (which a
  worker process receives);
* :func:`models.analysis.startups.analyze_startups` builds on them: the startups ranked under
  a perspective, one row per startup, with leader reversals and a scenario's impact.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.analysis.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_MAX_RANK,
    DEFAULT_SEED,
    Progress,
    Uncertainty,
    confidence_matrix,
    simulate,
)
from models.core.framework import Framework, Scenario
from models.core.portfolio import Assessment, Portfolio
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.scenarios import apply_scenario

#: ``k`` of the "top k" probability the command line reports.
TOP_K = 3


@dataclass(frozen=True)
class Prepared:
    """The arrays of a Monte Carlo run, in framework column order, small and quick to send to
    a worker process.

    Attributes:
        raw: ``(n, m)`` levels 1–5 as assessed (NaN = not scored).
        levels: ``(n, m)`` the levels the draws spread around: ``raw`` with the scenario
            applied (the same values without one).
        confidence: ``(n, m)`` confidence codes
            (:func:`models.analysis.uncertainty.confidence_matrix`).
        arrays: the framework as arrays (its weights centre any weight draws).
    """

    raw: np.ndarray
    levels: np.ndarray
    confidence: np.ndarray
    arrays: FrameworkArrays


def prepare(framework: Framework, assessments: Sequence[Assessment],
            scenario: Scenario | str | None = None) -> Prepared:
    """The :class:`Prepared` arrays of ``assessments`` under ``framework``, with ``scenario``
    (object, id or English name) applied to the levels.

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
    """
    if isinstance(scenario, str):
        scenario = framework.scenario(scenario)
    raw = level_matrix(assessments, framework)
    return Prepared(raw=raw, levels=apply_scenario(raw, framework, scenario),
                    confidence=confidence_matrix(assessments, framework),
                    arrays=FrameworkArrays.of(framework))


def run_uncertainty(
    source: Portfolio | Prepared,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    scenario: Scenario | str | None = None,
    concentration: float | None = None,
    top_k: int = TOP_K,
    max_rank: int | None = DEFAULT_MAX_RANK,
    keep_samples: bool = False,
    progress: Progress | None = None,
    behind: np.ndarray | None = None,
) -> Uncertainty:
    """Monte Carlo figures of every assessment of a portfolio (document order) or of the rows
    of :class:`Prepared` arrays.

    Args:
        source: a portfolio, under its own framework, or arrays from :func:`prepare`.
        draws, seed: how many draws, and the random seed.
        scenario: applied to a portfolio's levels (object, id or English name); prepared
            arrays already hold theirs, so it must be ``None`` with them.
        concentration: Dirichlet concentration of the pillar weights, ``None`` to hold them
            fixed. top_k, max_rank, keep_samples, progress, behind: as for
            :func:`models.analysis.uncertainty.simulate`.

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
        ValueError: a scenario with prepared arrays, or see
            :func:`models.analysis.uncertainty.simulate`.
    """
    if isinstance(source, Prepared):
        if scenario is not None:
            raise ValueError("prepared arrays already have their scenario applied")
        prepared = source
    else:
        prepared = prepare(source.framework, [a for _, a in source.assessments()], scenario)
    return simulate(prepared.levels, prepared.confidence, prepared.arrays, draws=draws,
                    seed=seed, concentration=concentration, top_k=top_k, max_rank=max_rank,
                    keep_samples=keep_samples, progress=progress, behind=behind)
