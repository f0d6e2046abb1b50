"""Monte Carlo of every startup's overall score and rank under a perspective
(:mod:`models.engine.perspectives`): the one place that draws startups, behind the P10–P90
bands of ``beachhead score`` (:func:`perspective_bands`) and the whole startup analysis of
``beachhead analyze`` (:mod:`models.analysis.startups`).

Two sources of uncertainty are drawn:

* **confidence**: each level of the view spreads over its neighbours by its confidence, as in
  :mod:`models.analysis.uncertainty`, through the one analysis entry point
  (:func:`models.analysis.run.run_uncertainty`);
* **disagreement between investors** (the investor view): an *assessor bootstrap*. A resample
  draws, for each startup, as many investors as it has, with replacement, from its investors'
  latest assessments (an investor's levels on every criterion are drawn together), and takes
  the view's prudent median and confidence of that resample exactly as the view does
  (:func:`models.engine.perspectives.summarise`). Two investors at 2 and 5 thus give a median of
  2 in three resamples out of four (2–2, 2–5, 5–2 with the prudent rule on a benefit criterion)
  and 5 in one, where two at 3 and 4 give 3 or 4: the first band is wider. Investors whose
  latest assessment scores nothing are left out of the draw (they are not part of the median
  either).

"Resample the investors in every draw", grouped to keep the work in large arrays:
``B = min(draws,`` :data:`BOOTSTRAP_RESAMPLES` ``)`` resamples, each drawn ``D = ⌈draws / B⌉``
times with the confidence spread, so each startup has ``B · D`` draws (exactly ``draws`` when
``B`` divides it, as for the default 2,000 = 200 × 10). Resample ``b`` of every startup is drawn
in one Monte Carlo run of all the startups (its own seed, from ``numpy.random.SeedSequence``),
so draw ``b · D + k`` is one joint draw of the whole portfolio: the startups' draws are
independent of each other, and with uncertain pillar weights every startup of a draw has the
same weights. Ranks are counted in each of these joint draws, among the startups with a score.
When no startup has two assessments under the view (every other perspective, or one investor
each) there is nothing to resample: ``B = 1``, ``D = draws``, one run with the seed itself.

P10, P50 and P90 are numpy's default percentiles (linear interpolation) over a startup's draws;
an unscored startup has none (NaN). Everything is seeded: the same file, perspective and seed
give the same figures. Only the view's arrays (``levels``, ``confidence``, ``stacked``,
``stacked_confidence``) and its number of startups are read, so a worker process may pass a
view without the startups themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.analysis.run import TOP_K, Prepared, run_uncertainty
from models.analysis.uncertainty import (
    DEFAULT_DRAWS,
    DEFAULT_MAX_RANK,
    DEFAULT_SEED,
    Progress,
    Uncertainty,
)
from models.core.framework import Framework, Scenario
from models.engine.arrays import FrameworkArrays
from models.engine.perspectives import PerspectiveLevels, summarise
from models.engine.scenarios import apply_scenario
from models.engine.scores import score_levels

#: Most investor resamples per startup (see the module notes).
BOOTSTRAP_RESAMPLES = 200


@dataclass(frozen=True)
class Bands:
    """P10 and P90 per startup (rows as in the view), and how they were drawn.

    Attributes:
        p10, p90: ``(n,)`` overall scores 0–100, NaN for an unscored startup.
        draws: draws per startup (``resamples × ⌈requested / resamples⌉``).
        resamples: investor resamples per startup (1: no bootstrap). seed: the seed.
    """

    p10: np.ndarray
    p90: np.ndarray
    draws: int
    resamples: int
    seed: int


@dataclass(frozen=True)
class PerspectiveDraws:
    """The Monte Carlo figures of a view's startups (rows as in the view).

    Attributes:
        uncertainty: overall (the view's own score), P10/P50/P90, mean, rank probabilities,
            P(rank 1) and P(top k) per startup, over ``uncertainty.draws`` joint draws.
        resamples: investor resamples (1: no bootstrap); each was drawn
            ``uncertainty.draws // resamples`` times.
    """

    uncertainty: Uncertainty
    resamples: int


def perspective_bands(view: PerspectiveLevels, framework: Framework, *,
                      draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED,
                      scenario: Scenario | str | None = None) -> Bands:
    """P10–P90 bands of every startup of ``view``: those of :func:`simulate_perspective`
    with the same draws, seed and scenario (pillar weights fixed); no rank is counted.

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
        ValueError: ``draws`` below 1.
    """
    d = simulate_perspective(view, framework, draws=draws, seed=seed, scenario=scenario,
                             top_k=1, max_rank=0)
    u = d.uncertainty
    return Bands(p10=u.p10, p90=u.p90, draws=u.draws, resamples=d.resamples, seed=seed)


def simulate_perspective(
    view: PerspectiveLevels,
    framework: Framework,
    *,
    draws: int = DEFAULT_DRAWS,
    seed: int = DEFAULT_SEED,
    scenario: Scenario | str | None = None,
    concentration: float | None = None,
    top_k: int = TOP_K,
    max_rank: int | None = DEFAULT_MAX_RANK,
    behind: np.ndarray | None = None,
    keep_samples: bool = False,
    progress: Progress | None = None,
) -> PerspectiveDraws:
    """Monte Carlo of every startup of ``view`` (see the module notes).

    Args:
        scenario: applied to the levels of every resample (object, id or English name).
        behind: ``(n,)`` startups ranked after the others in every draw (gated ones).
        concentration, top_k, max_rank, keep_samples, progress: as for
            :func:`models.analysis.uncertainty.simulate` (``progress`` counts ``B · D`` draws;
            with resamples, ``keep_samples`` keeps the overall scores, not the weights).

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
        ValueError: ``draws`` below 1, or see :func:`models.analysis.uncertainty.simulate`.
    """
    if draws < 1:
        raise ValueError("draws must be at least 1")
    if isinstance(scenario, str):
        scenario = framework.scenario(scenario)
    pool = _Pool.of(view, framework)
    resamples = min(draws, BOOTSTRAP_RESAMPLES) if bool((pool.count > 1).any()) else 1
    per = -(-draws // resamples)
    fa = FrameworkArrays.of(framework)

    def run(levels: np.ndarray, confidence: np.ndarray, run_seed: int, keep: bool,
            told: Progress | None) -> Uncertainty:
        return run_uncertainty(
            Prepared(raw=levels, levels=apply_scenario(levels, framework, scenario),
                     confidence=confidence, arrays=fa),
            draws=per, seed=run_seed, concentration=concentration, top_k=top_k,
            max_rank=max_rank, keep_samples=keep, progress=told, behind=behind)

    if resamples == 1:
        return PerspectiveDraws(run(view.levels, view.confidence, seed, keep_samples,
                                    progress), 1)
    seeds = np.random.SeedSequence(seed).generate_state(resamples + 1)
    rng, total = np.random.default_rng(int(seeds[0])), resamples * per
    samples, counts = np.empty((len(view.startups), total)), np.zeros((len(view.startups), 0))
    for b in range(resamples):
        levels, conf = pool.resample(rng)
        u = run(levels, conf, int(seeds[b + 1]), True, _shifted(progress, b * per, total))
        assert u.samples is not None
        samples[:, b * per:(b + 1) * per] = u.samples
        counts = _summed(counts, np.rint(u.rank_probabilities * per))
    overall = score_levels(apply_scenario(view.levels, framework, scenario), fa).overall
    return PerspectiveDraws(_pooled(samples, overall, counts / total, seed, concentration,
                                    top_k, keep_samples), resamples)


def _shifted(progress: Progress | None, done: int, total: int) -> Progress | None:
    """``progress`` told of a run's draws as draws ``done + …`` out of ``total``."""
    if progress is None:
        return None
    return lambda d, _n: progress(done + d, total)


def _summed(counts: np.ndarray, more: np.ndarray) -> np.ndarray:
    """``counts + more``, the narrower one padded with zeros (a resample may rank fewer
    startups)."""
    width = max(counts.shape[1], more.shape[1])
    out = np.zeros((len(more), width))
    out[:, :counts.shape[1]] += counts
    out[:, :more.shape[1]] += more
    return out


def _pooled(samples: np.ndarray, overall: np.ndarray, probs: np.ndarray, seed: int,
            concentration: float | None, top_k: int, keep_samples: bool) -> Uncertainty:
    """The :class:`Uncertainty` of the pooled draws of every resample."""
    total = samples.shape[1]
    pct = np.percentile(samples, [10.0, 50.0, 90.0], axis=1)
    partly = np.isnan(pct[0]) & ~np.isnan(samples).all(axis=1)
    if partly.any():  # a resample without a score (an investor scoring a disabled pillar only)
        pct[:, partly] = np.nanpercentile(samples[partly], [10.0, 50.0, 90.0], axis=1)
        scored = ~np.isnan(samples[partly])
        mean = samples.mean(axis=1)
        mean[partly] = np.where(scored, samples[partly], 0.0).sum(axis=1) / scored.sum(axis=1)
    else:
        mean = samples.mean(axis=1)
    keep = probs.shape[1]
    return Uncertainty(
        draws=total, seed=seed, concentration=concentration, top_k=top_k, overall=overall,
        p10=pct[0], p50=pct[1], p90=pct[2], mean=mean, rank_probabilities=probs,
        p_rank1=probs[:, 0] if keep else np.zeros(len(samples)),
        p_top_k=probs[:, :min(top_k, keep)].sum(axis=1),
        samples=samples if keep_samples else None,
    )


@dataclass(frozen=True)
class _Pool:
    """Each startup's assessments to resample: those scoring something, first in ``stacked``.

    Attributes:
        stacked, confidence: ``(n, a, m)`` levels and codes, scoring assessments first.
        count: ``(n,)`` how many assessments score something. benefit: ``(m,)``.
    """

    stacked: np.ndarray
    confidence: np.ndarray
    count: np.ndarray
    benefit: np.ndarray

    @classmethod
    def of(cls, view: PerspectiveLevels, framework: Framework) -> _Pool:
        scoring = ~np.isnan(view.stacked).all(axis=2)  # (n, a)
        order = np.argsort(~scoring, axis=1, kind="stable")[:, :, None]
        return cls(np.take_along_axis(view.stacked, order, axis=1),
                   np.take_along_axis(view.stacked_confidence, order, axis=1),
                   scoring.sum(axis=1), np.asarray(FrameworkArrays.of(framework).benefit,
                                                   dtype=bool))

    def resample(self, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
        """``(n, m)`` levels and confidence codes of one investor resample of every startup."""
        n, a, _ = self.stacked.shape
        pick = (rng.random((n, a)) * np.maximum(self.count, 1)[:, None]).astype(np.intp)
        who = np.arange(n)[:, None]
        outside = (np.arange(a)[None, :] >= self.count[:, None])[:, :, None]  # (n, a, 1)
        levels = np.where(outside, np.nan, self.stacked[who, pick])  # (n, a, m)
        med, codes = summarise(levels, self.confidence[who, pick], self.benefit)
        return med, codes
