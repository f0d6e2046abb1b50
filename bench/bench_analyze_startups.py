"""Startup analysis benchmark: ``analyze`` on 10,000 startups × 2,000 draws under the investor
view (:func:`models.analysis.startups.analyze_startups`), with one investor per startup (no
bootstrap: one Monte Carlo run) and with three (200 investor resamples × 10 draws).

Baseline measured in the same run: the Monte Carlo of every assessment of the same file one by
one (:func:`models.analysis.run.run_uncertainty` on the portfolio), 10,000 or 30,000
assessments × 2,000 draws.
"""

from __future__ import annotations

from functools import partial

import numpy as np

from bench.common import median_ms
from models.analysis.run import run_uncertainty
from models.analysis.startups import analyze_startups
from models.core.portfolio import Portfolio
from models.engine.sample import synthetic_portfolio

SIZE = 10_000
DRAWS = 2_000


def _three_investors(portfolio: Portfolio) -> Portfolio:
    """``portfolio`` with two more investors per startup, each level moved by −1, 0 or +1."""
    rng = np.random.default_rng(5)
    for st in portfolio.startups:
        first = st.assessments[0]
        for k in (2, 3):
            other = first.model_copy(deep=True)
            other.assessor, other.id = f"Investor {k}", f"{first.id}-{k}"
            for cid, score in other.scores.items():
                if score.value is not None:
                    level = int(np.clip(score.value + rng.integers(-1, 2), 1, 5))
                    other.scores[cid] = score.model_copy(update={"value": level})
            st.assessments.append(other)
    return portfolio


def _startups(portfolio: Portfolio, resamples: list[int]) -> object:
    """What ``beachhead analyze --format json`` computes; notes the resamples drawn."""
    result = analyze_startups(portfolio, draws=DRAWS, seed=0)
    resamples.append(result.resamples)
    return result.as_json()


def main() -> None:
    """Print the startup analysis figures."""
    one = synthetic_portfolio(SIZE, seed=1)
    three = _three_investors(synthetic_portfolio(SIZE, seed=1))
    analyze_startups(synthetic_portfolio(200, seed=1), draws=200)  # warm up
    print(f"analyze on {SIZE:,} startups × {DRAWS:,} draws, investor view (medians of 3 runs)")
    for name, portfolio in (("one investor each", one), ("three investors each", three)):
        n = len(portfolio.assessments())
        base = median_ms(partial(run_uncertainty, portfolio, draws=DRAWS, seed=0), repeat=3)
        resamples: list[int] = []
        new = median_ms(partial(_startups, portfolio, resamples), repeat=3)
        print(f"  {name}: startups {new:8.1f} ms ({resamples[-1]} resample(s)); "
              f"baseline {n:,} assessments {base:8.1f} ms (×{new / base:.2f})")


if __name__ == "__main__":
    main()
