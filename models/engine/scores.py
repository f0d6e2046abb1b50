"""Scores: favourability, pillar and overall scores, completeness and the gain of one level.

The maths (the README's "How scores are computed"), for a criterion scored ``s`` (an integer
level 1–5):

* favourability ``f = (s - 1) / 4`` for a *benefit* criterion and ``f = (5 - s) / 4`` for a
  *cost* criterion, so 0 is the worst and 1 the best for the startup;
* pillar score (0–100) ``= 100 · Σ w_c f_c / Σ w_c`` over the pillar's **scored** criteria,
  with ``w_c`` the criterion weights; no score if none of its criteria is scored;
* overall score (0–100) ``= Σ W_p P_p / Σ W_p`` over the **enabled** pillars that have a score,
  with ``W_p`` the pillar weights;
* completeness (0–1) ``= Σ e_c`` over scored criteria, where ``e_c = (W_p / Σ W) · (w_c / Σ_p w)``
  is the criterion's share of the total weight of the enabled pillars; below 1 the result is
  *partial*;
* scales are fixed anchors: there is no min–max normalisation, so one assessment's result never
  depends on any other.

Everything runs on ``(n, m)`` numpy matrices of levels (``NaN`` = not scored,
:func:`models.engine.arrays.level_matrix`), with no Python loop over individual scores, so a
portfolio of 10,000 assessments scores in milliseconds.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.core.framework import Framework
from models.engine.arrays import FrameworkArrays


@dataclass(frozen=True)
class ScoreTable:
    """Vectorised results for ``n`` assessments over ``m`` criteria and ``k`` pillars.

    Attributes:
        levels: ``(n, m)`` levels 1–5 as floats, NaN where not scored.
        favourability: ``(n, m)`` 0–1, NaN where not scored.
        pillars: ``(n, k)`` pillar scores 0–100, NaN where the pillar has no score.
        overall: ``(n,)`` overall 0–100, NaN where nothing is scored.
        completeness: ``(n,)`` 0–1.
        gains: ``(n, m)`` points the overall would rise if that criterion moved one level in
            the startup's favour; NaN where unscored or already at the best level.
    """

    arrays: FrameworkArrays
    levels: np.ndarray
    favourability: np.ndarray
    pillars: np.ndarray
    overall: np.ndarray
    completeness: np.ndarray
    gains: np.ndarray


def favourability(levels: np.ndarray, benefit: np.ndarray) -> np.ndarray:
    """``(s-1)/4`` for benefit columns, ``(5-s)/4`` for cost columns; NaN stays NaN.

    Args:
        levels: ``(..., m)`` levels 1–5 (NaN = not scored).
        benefit: ``(m,)`` bool.
    """
    return np.where(benefit, (levels - 1.0) / 4.0, (5.0 - levels) / 4.0)


def score_levels(levels: np.ndarray, framework: Framework | FrameworkArrays) -> ScoreTable:
    """Score a ``(n, m)`` matrix of levels (columns in framework order, NaN = not scored).

    Raises:
        ValueError: the matrix has the wrong number of columns or a level outside 1–5.
    """
    fa = FrameworkArrays.of(framework)
    levels = np.asarray(levels, dtype=float)
    if levels.ndim != 2 or levels.shape[1] != len(fa.criterion_ids):
        raise ValueError(
            f"expected a matrix with {len(fa.criterion_ids)} columns, got shape {levels.shape}"
        )
    scored = ~np.isnan(levels)
    if np.any((levels[scored] < 1) | (levels[scored] > 5)):
        raise ValueError("levels must lie between 1 and 5")
    fav = favourability(levels, fa.benefit)
    w = np.where(scored, fa.criterion_weight, 0.0)
    num = np.where(scored, fav, 0.0) * fa.criterion_weight @ fa.membership
    den = w @ fa.membership
    with np.errstate(invalid="ignore", divide="ignore"):
        pillars = np.where(den > 0, 100.0 * num / den, np.nan)
        pw_scored = np.where((den > 0), fa.pillar_weight, 0.0)
        pw_total = pw_scored.sum(axis=1)
        completeness = np.where(scored, fa.share, 0.0).sum(axis=1)
        # One level in the startup's favour moves f by 1/4, the pillar by 25·w_c/Σw, the
        # overall by that times W_p/ΣW over scored pillars (the set of scored pillars is unchanged).
        pillar_gain = 25.0 * fa.criterion_weight / den[:, fa.pillar_of]
        overall_share = (pw_scored / pw_total[:, None])[:, fa.pillar_of]
        improvable = scored & np.where(fa.benefit, levels < 5, levels > 1)
        gains = np.where(improvable, pillar_gain * overall_share, np.nan)
    overall = overall_from_pillars(pillars, fa.pillar_weight)
    return ScoreTable(fa, levels, fav, pillars, overall, np.clip(completeness, 0.0, 1.0), gains)


def level_slopes(levels: np.ndarray, framework: Framework | FrameworkArrays) -> np.ndarray:
    """How many points each criterion's pillar score moves when that criterion rises one level.

    Args:
        levels: ``(..., m)`` levels 1–5 (NaN = not scored); any leading shape.

    Returns:
        ``(..., m)`` slopes in pillar points (0–100 scale) per level: ``+25 · w_c / Σw`` for a
        scored benefit criterion and ``-25 · w_c / Σw`` for a scored cost criterion, where
        ``Σw`` sums the weights of the *scored* criteria of its pillar; 0 where not scored.

    Once the set of scored criteria is fixed, a pillar score is affine in the levels, so for
    integer shifts ``d`` that keep every level within 1–5 (and unscored criteria unscored)
    ``pillars(levels + d) == pillars(levels) + (slopes * d) @ membership`` exactly. Monte Carlo
    over levels uses this instead of rescoring every draw.
    """
    fa = FrameworkArrays.of(framework)
    levels = np.asarray(levels, dtype=float)
    scored = ~np.isnan(levels)
    m = len(fa.criterion_ids)
    per_level = favourability(np.full(m, 2.0), fa.benefit) - favourability(np.ones(m), fa.benefit)
    den = np.where(scored, fa.criterion_weight, 0.0) @ fa.membership
    with np.errstate(invalid="ignore", divide="ignore"):
        slopes = 100.0 * per_level * fa.criterion_weight / den[..., fa.pillar_of]
    return np.where(scored, slopes, 0.0)


def overall_from_pillars(pillars: np.ndarray, pillar_weight: np.ndarray) -> np.ndarray:
    """Overall score(s) from pillar scores, by the same formula as :func:`score_levels`.

    Args:
        pillars: ``(..., k)`` pillar scores 0–100, NaN where a pillar has no score.
        pillar_weight: ``(k,)`` weights, or any shape broadcastable to ``(..., k)`` (e.g. one
            row of weights per Monte Carlo draw); ≥ 0, where 0 means the pillar takes no part.

    Returns:
        ``(...)`` the weighted mean over the pillars that have a score and a positive weight,
        0–100; NaN where there is none.
    """
    pillars = np.asarray(pillars, dtype=float)
    pw_scored = np.where(np.isnan(pillars), 0.0, pillar_weight)
    pw_total = pw_scored.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(
            pw_total > 0, np.nansum(pillars * pw_scored, axis=-1) / pw_total, np.nan
        )
