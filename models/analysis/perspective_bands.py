"""Monte Carlo bands (P10 and P90) of every startup's overall score under a perspective
(:mod:`models.engine.perspectives`).

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
  and 5 in one, where two at 3 and 4 give 3 or 4: the first band is wider.

"Resample the investors in every draw", grouped to keep the arrays small: ``B = min(draws,``
:data:`BOOTSTRAP_RESAMPLES` ``)`` resamples, each drawn ``D = ⌈draws / B⌉`` times with the
confidence spread, so each startup has ``B · D`` draws (exactly ``draws`` when ``B`` divides it,
as for the default 2,000 = 200 × 10). When no startup has two assessments under the view
(every other perspective, or one investor each) there is nothing to resample: ``B = 1`` and
``D = draws``.

P10 and P90 are numpy's default percentiles (linear interpolation) over a startup's pooled
draws; an unscored startup has none (NaN). Pillar weights stay fixed. Everything is seeded:
the same file, perspective and seed give the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from models.analysis.run import Prepared, run_uncertainty
from models.analysis.uncertainty import DEFAULT_DRAWS, DEFAULT_SEED
from models.core.framework import Framework, Scenario
from models.engine.arrays import FrameworkArrays
from models.engine.perspectives import PerspectiveLevels, summarise
from models.engine.scenarios import apply_scenario

#: Most investor resamples per startup (see the module notes).
BOOTSTRAP_RESAMPLES = 200
#: Rows (startups × resamples) sent to one Monte Carlo run; bounds the memory used.
_BATCH_ROWS = 20_000


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


def perspective_bands(view: PerspectiveLevels, framework: Framework, *,
                      draws: int = DEFAULT_DRAWS, seed: int = DEFAULT_SEED,
                      scenario: Scenario | str | None = None) -> Bands:
    """P10–P90 bands of every startup of ``view`` (see the module notes).

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
        ValueError: ``draws`` below 1.
    """
    if draws < 1:
        raise ValueError("draws must be at least 1")
    if isinstance(scenario, str):
        scenario = framework.scenario(scenario)
    n = len(view.startups)
    resamples = min(draws, BOOTSTRAP_RESAMPLES) if bool((view.count > 1).any()) else 1
    per = -(-draws // resamples)
    fa = FrameworkArrays.of(framework)
    benefit = np.asarray(fa.benefit, dtype=bool)
    rng = np.random.default_rng(seed)
    p10, p90 = np.full(n, np.nan), np.full(n, np.nan)
    batch = max(1, _BATCH_ROWS // resamples)
    for start in range(0, n, batch):
        rows = slice(start, min(n, start + batch))
        levels, conf = _resampled(view, rows, resamples, rng, benefit)
        prepared = Prepared(raw=levels, levels=apply_scenario(levels, framework, scenario),
                            confidence=conf, arrays=fa)
        unc = run_uncertainty(prepared, draws=per, seed=seed, max_rank=1, keep_samples=True)
        assert unc.samples is not None
        pooled = unc.samples.reshape(rows.stop - start, resamples * per)
        p10[rows], p90[rows] = np.percentile(pooled, [10.0, 90.0], axis=1)
    return Bands(p10=p10, p90=p90, draws=resamples * per, resamples=resamples, seed=seed)


def _resampled(view: PerspectiveLevels, rows: slice, resamples: int, rng: np.random.Generator,
               benefit: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(b · resamples, m)`` levels and confidence codes of ``resamples`` investor resamples of
    each startup in ``rows`` (resamples of one startup next to each other)."""
    if resamples == 1:
        return view.levels[rows], view.confidence[rows]
    stacked, conf, count = view.stacked[rows], view.stacked_confidence[rows], view.count[rows]
    b, a, m = stacked.shape
    pick = (rng.random((b, resamples, a)) * np.maximum(count, 1)[:, None, None]).astype(np.intp)
    who = np.arange(b)[:, None, None]
    outside = (np.arange(a)[None, :] >= count[:, None])[:, None, :, None]  # (b, 1, a, 1)
    levels = np.where(outside, np.nan, stacked[who, pick])  # (b, resamples, a, m)
    med, codes = summarise(levels, conf[who, pick], benefit)
    return med.reshape(b * resamples, m), codes.reshape(b * resamples, m)
