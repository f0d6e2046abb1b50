"""Uncertainty: Monte Carlo over scores (from each score's confidence) and pillar weights.

**Scores.** A score's confidence spreads it over its neighbouring levels:

============  ============  ==========  ============
confidence    one level     same level  one level
              down                      up
============  ============  ==========  ============
``high``      0             1           0
``medium``    0.1           0.8         0.1
``low``       0.2           0.6         0.2
============  ============  ==========  ============

Levels stay within 1–5: the mass that would fall below 1 or above 5 stays on the boundary level
(a ``medium`` 5 is 5 with probability 0.9 and 4 with 0.1). Unscored criteria stay unscored in
every draw. Each draw picks its level from a 16-bit random integer, so the probabilities above
hold to within 1/65,536. Draws are independent across criteria and assessments.

**Weights (optional).** With a ``concentration`` ``c``, each draw also takes pillar weights from a
Dirichlet distribution with ``α_p = c · W_p / ΣW`` over the enabled pillars: its mean is the
current weights and the spread shrinks as ``c`` grows (``Var = w (1 - w) / (c + 1)``; at the
default ``c = 50`` a 20 % weight has a standard deviation of about 5.6 points). Criterion
weights inside a pillar stay fixed; disabled pillars stay out.

**Ranks.** Rank 1 is the highest overall score. Overall scores that agree to within
:data:`TIE_RESOLUTION` points count as tied, and every draw orders tied assessments at random, so
tied assessments share those ranks evenly on average. Assessments with nothing scored have no
rank. Rows marked ``behind`` (gated startups, :mod:`models.analysis.startups`) rank after every
row not so marked in every draw, and among themselves by their overall. Percentiles use numpy's
default (linear interpolation between draws).

Everything is seeded (``numpy.random.default_rng(seed)``) and reproducible: the same inputs and
seed give identical results. Draws are processed in chunks (a few million level draws each) so
memory stays bounded, with no Python loop per draw: about 20 bytes of scratch per level draw in
a chunk (some 80 MB) plus 8 bytes per assessment and draw for the percentiles (80 MB for
5,000 assessments × 2,000 draws).
"""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from models.core.framework import Framework
from models.core.portfolio import CONFIDENCES
from models.engine.arrays import FrameworkArrays
from models.engine.arrays import confidence_matrix as confidence_matrix
from models.engine.scores import ScoreTable, level_slopes, score_levels

#: Probabilities (one level down, same level, one level up) for each confidence.
CONFIDENCE_SPREAD: dict[str, tuple[float, float, float]] = {
    "high": (0.0, 1.0, 0.0),
    "medium": (0.1, 0.8, 0.1),
    "low": (0.2, 0.6, 0.2),
}
DEFAULT_DRAWS = 2000
DEFAULT_SEED = 0
#: Default Dirichlet concentration for uncertain pillar weights.
DEFAULT_CONCENTRATION = 50.0
#: Overall scores closer than this (in points, 0–100 scale) are ranked as ties.
TIE_RESOLUTION = 1e-4
#: Ranks whose probabilities are kept by default (``max_rank``).
DEFAULT_MAX_RANK = 10
#: Level draws (assessments × draws × criteria) per chunk; bounds the scratch memory.
CHUNK_CELLS = 4_000_000

_RESOLUTION = 65536  # 16-bit draws
_TIE_BITS = 20
#: Added to the quantised overall of rows not ``behind``: above any quantised 0–100 score
#: (100 / TIE_RESOLUTION + 1 < 2**20).
_AHEAD = 1 << 21

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Uncertainty:
    """Monte Carlo results for ``n`` assessments (rows in the order they were given).

    Attributes:
        draws, seed: how many draws and which seed produced these figures.
        concentration: the Dirichlet concentration of the pillar weights, or ``None`` when the
            weights were held fixed.
        top_k: the ``k`` of :attr:`p_top_k`.
        overall: ``(n,)`` the deterministic overall score (0–100, NaN = nothing scored).
        p10, p50, p90, mean: ``(n,)`` percentiles and mean of the overall over the draws.
        rank_probabilities: ``(n, R)`` probability of holding rank ``r + 1`` (column ``r``);
            ``R`` is ``max_rank`` capped at the number of ranked assessments. Each row sums to
            1 when every rank is kept; each column sums to 1.
        p_rank1: ``(n,)`` probability of rank 1; p_top_k: ``(n,)`` of a rank ≤ ``top_k``.
        samples: ``(n, draws)`` every drawn overall, only when asked for (``keep_samples``).
        weight_samples: ``(draws, k)`` the drawn pillar weights (shares summing to 1, 0 for
            disabled pillars), only with ``keep_samples`` and a ``concentration``.
    """

    draws: int
    seed: int
    concentration: float | None
    top_k: int
    overall: np.ndarray
    p10: np.ndarray
    p50: np.ndarray
    p90: np.ndarray
    mean: np.ndarray
    rank_probabilities: np.ndarray
    p_rank1: np.ndarray
    p_top_k: np.ndarray
    samples: np.ndarray | None = None
    weight_samples: np.ndarray | None = None


def _thresholds(levels: np.ndarray, confidence: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """16-bit thresholds: a draw ``u`` moves down when ``u < lo`` and up when ``u > hi``."""
    down = np.array([CONFIDENCE_SPREAD[c][0] for c in CONFIDENCES])
    up = np.array([CONFIDENCE_SPREAD[c][2] for c in CONFIDENCES])
    conf = np.asarray(confidence, dtype=np.intp)
    scored = ~np.isnan(levels)
    lo = np.rint(down[conf] * _RESOLUTION).astype(np.int64)
    hi = (_RESOLUTION - 1) - np.rint(up[conf] * _RESOLUTION).astype(np.int64)
    lo = np.where(scored & (np.nan_to_num(levels) > 1), lo, 0)
    hi = np.where(scored & (np.nan_to_num(levels, nan=5.0) < 5), hi, _RESOLUTION - 1)
    return lo.astype(np.uint16), hi.astype(np.uint16)


def _pillar_weight_draws(
    fa: FrameworkArrays, draws: int, concentration: float | None, rng: np.random.Generator
) -> np.ndarray | None:
    if concentration is None:
        return None
    enabled = fa.pillar_weight > 0
    alpha = concentration * fa.pillar_weight[enabled] / fa.pillar_weight[enabled].sum()
    out = np.zeros((draws, len(fa.pillar_weight)))
    # a tiny floor keeps a weight that underflowed to 0 from dropping a pillar altogether
    out[:, enabled] = np.maximum(rng.dirichlet(alpha, size=draws), np.finfo(float).tiny)
    return out


def simulate(
    levels: np.ndarray,
    confidence: np.ndarray,
    framework: Framework | FrameworkArrays,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    concentration: float | None = None,
    top_k: int = 3,
    max_rank: int | None = DEFAULT_MAX_RANK,
    keep_samples: bool = False,
    progress: Progress | None = None,
    behind: np.ndarray | None = None,
) -> Uncertainty:
    """Monte Carlo of every assessment's overall score and rank.

    Args:
        levels: ``(n, m)`` levels 1–5 in framework column order (NaN = not scored), e.g. from
            :func:`models.engine.arrays.level_matrix` (after
            :func:`models.engine.scenarios.apply_scenario`).
        confidence: ``(n, m)`` confidence codes from :func:`confidence_matrix`.
        framework: the framework (its current weights are the centre of the weight draws).
        draws: number of draws, ≥ 1. seed: the random seed.
        concentration: Dirichlet concentration for the pillar weights (> 0), e.g.
            :data:`DEFAULT_CONCENTRATION`; ``None`` holds the weights fixed.
        top_k: ``k`` for :attr:`Uncertainty.p_top_k`, ≥ 1.
        max_rank: keep rank probabilities for ranks 1…``max_rank`` (``None`` = every rank,
            an ``n × n`` matrix; 0 = none, P(rank 1) and P(top k) are 0, the draws the same).
        keep_samples: also return every drawn overall (``n × draws`` floats).
        progress: called as ``progress(done_draws, draws)`` after each chunk; it may raise
            (e.g. to cancel) and the exception propagates.
        behind: ``(n,)`` flags: rows ranked after all others in each draw (gated startups).

    Returns:
        An :class:`Uncertainty`.

    Raises:
        ValueError: bad shapes, a level outside 1–5, an unknown confidence code, ``draws`` or
            ``top_k`` below 1, ``max_rank`` below 0, ``concentration`` not > 0, bad ``behind``.
    """
    fa = framework if isinstance(framework, FrameworkArrays) else FrameworkArrays.of(framework)
    levels, confidence = _checked(levels, confidence, draws, top_k, max_rank, concentration)
    table = score_levels(levels, fa)  # validates shape and range
    level_rng, tie_rng, weight_rng = np.random.default_rng(seed).spawn(3)
    weights = _pillar_weight_draws(fa, draws, concentration, weight_rng)
    ranks = _RankCounts(table.overall, top_k, max_rank, tie_rng, behind)
    drawer = _Drawer(levels, confidence, table, fa, weights, draws)
    samples = drawer.run(level_rng, ranks.add, progress)
    with np.errstate(invalid="ignore"):
        mean = samples.mean(axis=1)
    # percentiles partially sort their input: work in place unless the caller keeps the draws
    pct = np.percentile(samples, [10.0, 50.0, 90.0], axis=1, overwrite_input=not keep_samples)
    probs, p_rank1, p_top = ranks.probabilities(draws, top_k)
    return Uncertainty(
        draws=draws, seed=seed, concentration=concentration, top_k=top_k,
        overall=table.overall, p10=pct[0], p50=pct[1], p90=pct[2], mean=mean,
        rank_probabilities=probs, p_rank1=p_rank1, p_top_k=p_top,
        samples=samples if keep_samples else None,
        weight_samples=weights if keep_samples else None,
    )


def _checked(levels: np.ndarray, confidence: np.ndarray, draws: int, top_k: int,
             max_rank: int | None, concentration: float | None) -> tuple[np.ndarray, np.ndarray]:
    """``levels`` as floats and ``confidence`` as an array, once the arguments of
    :func:`simulate` are checked (the levels' own range is checked by the scoring)."""
    levels = np.asarray(levels, dtype=float)
    confidence = np.asarray(confidence)
    if confidence.shape != levels.shape:
        raise ValueError(f"confidence has shape {confidence.shape}, levels {levels.shape}")
    if confidence.size and (confidence.min() < 0 or confidence.max() >= len(CONFIDENCES)):
        raise ValueError("confidence codes must be 0 (low), 1 (medium) or 2 (high)")
    if draws < 1:
        raise ValueError("draws must be at least 1")
    if top_k < 1:
        raise ValueError("top_k must be at least 1")
    if max_rank is not None and max_rank < 0:
        raise ValueError("max_rank must be 0 or more")
    if concentration is not None and not concentration > 0:
        raise ValueError("concentration must be greater than 0")
    return levels, confidence


class _Drawer:
    """Draws the overall scores of every assessment, a chunk of draws at a time.

    Layout (assessment, draw, criterion): each assessment's draws form one small matrix, so a
    batched matrix product turns level shifts into score shifts. Thresholds are tiled to the
    chunk's shape once, which keeps the comparisons contiguous.
    """

    def __init__(self, levels: np.ndarray, confidence: np.ndarray, table: ScoreTable,
                 fa: FrameworkArrays, weights: np.ndarray | None, draws: int) -> None:
        n, m = levels.shape
        self.draws = draws
        chunk = max(2, CHUNK_CELLS // max(1, n * m))
        self.chunk = min(chunk - chunk % 2, draws + draws % 2)
        lo, hi = _thresholds(levels, confidence)
        self.lo = np.repeat(lo[:, None, :], self.chunk, axis=1)
        self.hi = np.repeat(hi[:, None, :], self.chunk, axis=1)
        self.base = table.overall
        self.weights = weights
        slopes = level_slopes(levels, fa)  # (n, m) pillar points per level
        has = ~np.isnan(table.pillars)
        if weights is None:
            # fixed weights: overall = overall₀ + Σ_c shift · slope · (pillar's share of the row)
            share = np.where(has, fa.pillar_weight, 0.0)
            with np.errstate(invalid="ignore", divide="ignore"):
                share = np.nan_to_num(share / share.sum(axis=1, keepdims=True))
            self.coef = (slopes * share[:, fa.pillar_of])[:, :, None]
        else:
            # single precision is plenty here (the weights vary continuously anyway) and halves
            # the memory traffic of the (n, c, m) @ (n, m, k) product
            self.coef = (slopes[:, :, None] * fa.membership[None]).astype(np.float32)
            self.base_pillars = np.nan_to_num(table.pillars)
            self.has = has.astype(float)

    def run(self, rng: np.random.Generator, each: Callable[[np.ndarray], None],
            progress: Progress | None) -> np.ndarray:
        """``(n, draws)`` every drawn overall score; ``each`` is given each chunk's ``(n, c)``
        scores, then ``progress`` hears of the chunk."""
        samples = np.empty((len(self.lo), self.draws))
        done = 0
        while done < self.draws:
            c = min(self.chunk, self.draws - done)
            overall = self.overall(rng, done, c)
            samples[:, done:done + c] = overall
            each(overall)
            done += c
            if progress is not None:
                progress(done, self.draws)
        return samples

    def overall(self, rng: np.random.Generator, done: int, c: int) -> np.ndarray:
        """``(n, c)`` overall scores of draws ``done`` to ``done + c``."""
        n, _, m = self.lo.shape
        u = uniform16(rng, (n, c, m))
        shift = (u > self.hi[:, :c]).view(np.int8) - (u < self.lo[:, :c]).view(np.int8)
        del u
        moved = np.matmul(shift.astype(self.coef.dtype), self.coef)  # (n, c, 1) or (n, c, k)
        del shift
        if self.weights is None:
            overall: np.ndarray = self.base[:, None] + moved[:, :, 0]
            return overall
        # models.engine.scores.overall_from_pillars with each draw's own weights, where the
        # pattern of scored pillars is fixed: Σ_k w·(P + ΔP) / Σ_k w·has. (einsum rather than a
        # matrix product: multi-threaded BLAS slows these thin products down badly on a busy
        # machine.)
        w = self.weights[done:done + c]  # (c, k)
        num = np.einsum("nk,ck->nc", self.base_pillars, w)
        num += np.einsum("nck,ck->nc", moved, w.astype(np.float32))
        with np.errstate(invalid="ignore", divide="ignore"):
            overall = num / np.einsum("nk,ck->nc", self.has, w)
        return overall


def uniform16(rng: np.random.Generator, shape: tuple[int, ...]) -> np.ndarray:
    """The same numbers as ``rng.integers(0, 65536, size=shape, dtype=np.uint16)``, a quarter
    of the time.

    For the full 16-bit range numpy takes each pair of draws from one 32-bit output of the bit
    generator, and PCG64 (``default_rng``'s) makes its 32-bit outputs from the two halves of a
    64-bit one: so the 16-bit draws are the 64-bit outputs read as little-endian 16-bit
    numbers. Those are read straight from :meth:`~numpy.random.BitGenerator.random_raw`
    (leaving the generator where ``integers`` would) whenever no half of a 64-bit output is
    pending; the draws beyond a multiple of four, and any other generator or byte order, go
    through ``integers``.
    """
    bits = rng.bit_generator
    size = math.prod(shape)
    if (type(bits) is not np.random.PCG64 or sys.byteorder != "little"
            or bits.state["has_uint32"]):
        return rng.integers(0, _RESOLUTION, size=shape, dtype=np.uint16)
    whole = bits.random_raw(size // 4).view(np.uint16)
    if size % 4 == 0:
        return whole.reshape(shape)
    out = np.empty(size, dtype=np.uint16)
    out[:len(whole)] = whole
    out[len(whole):] = rng.integers(0, _RESOLUTION, size=size % 4, dtype=np.uint16)
    return out.reshape(shape)


class _RankCounts:
    """How often each assessment holds each of the first ranks, draw by draw (rows without an
    overall score hold none); ``max_rank`` and ``top_k`` say how many ranks are kept."""

    def __init__(self, overall: np.ndarray, top_k: int, max_rank: int | None,
                 rng: np.random.Generator, behind: np.ndarray | None = None) -> None:
        self.valid = ~np.isnan(overall)
        self.ahead = None if behind is None else ~np.asarray(behind, dtype=bool)
        if self.ahead is not None and self.ahead.shape != overall.shape:
            raise ValueError(f"behind has shape {self.ahead.shape}, overall {overall.shape}")
        n_valid = int(self.valid.sum())
        if max_rank is None:
            keep = n_valid
        else:  # max_rank 0: no rank at all, whatever top_k
            keep = min(n_valid, max(max_rank, top_k)) if max_rank else 0
        self.counts = np.zeros((len(overall), keep), dtype=np.int64)
        self.rng = rng

    def add(self, overall: np.ndarray) -> None:
        """Count the ranks in a chunk's ``(n, c)`` overall scores."""
        if self.counts.shape[1]:
            _count_ranks(overall.T, self.valid, self.rng, self.counts, self.ahead)

    def probabilities(self, draws: int, top_k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """``(n, keep)`` rank probabilities, ``(n,)`` P(rank 1) and ``(n,)`` P(rank ≤ top_k)."""
        keep = self.counts.shape[1]
        probs = self.counts / draws
        p_rank1 = probs[:, 0] if keep else np.zeros(len(probs))
        return probs, p_rank1, probs[:, : min(top_k, keep)].sum(axis=1)


def _count_ranks(
    overall: np.ndarray, valid: np.ndarray, rng: np.random.Generator, counts: np.ndarray,
    ahead: np.ndarray | None = None,
) -> None:
    """Add one to ``counts[i, r]`` for every draw in which row ``i`` holds rank ``r + 1``
    (rows in ``ahead``, when given, before every other row)."""
    c, n = overall.shape
    keep = counts.shape[1]
    q = np.rint(np.where(valid, overall, 0.0) / TIE_RESOLUTION).astype(np.int64) + 1
    if ahead is not None:
        q[:, ahead] += _AHEAD
    q[:, ~valid] = 0  # nothing scored: below every ranked row
    key = -((q << _TIE_BITS) + rng.integers(0, 1 << _TIE_BITS, size=(c, n)))
    if keep < n:
        top = np.argpartition(key, keep - 1, axis=1)[:, :keep]
        order = np.take_along_axis(
            top, np.argsort(np.take_along_axis(key, top, axis=1), axis=1), axis=1
        )
    else:
        order = np.argsort(key, axis=1)[:, :keep]
    if n * keep <= CHUNK_CELLS:
        flat = (order * keep + np.arange(keep)).ravel()
        counts += np.bincount(flat, minlength=n * keep).reshape(n, keep)
    else:
        np.add.at(counts, (order.ravel(), np.tile(np.arange(keep), c)), 1)
