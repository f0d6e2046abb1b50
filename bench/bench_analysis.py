"""Analysis benchmark: Monte Carlo of 5,000 assessments × 18 criteria × 2,000 draws (goal ≤ 2 s).

Baseline measured in the same run: drawing the same 180 million random 16-bit numbers and
nothing else (the floor any Monte Carlo over these levels pays), so the ratio shows what the
scoring, ranking and percentiles add on top. Also timed: the same run with uncertain pillar
weights, the deterministic engine on the same matrix, and the whole ``analyze`` pipeline
(startups ranked under the investor view, Monte Carlo, leader reversals).
"""

from __future__ import annotations

import numpy as np

from bench.common import median_ms
from models.analysis.startups import analyze_startups
from models.analysis.uncertainty import CHUNK_CELLS, confidence_matrix, simulate
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.sample import synthetic_portfolio
from models.engine.scores import score_levels

SIZE = 5_000
DRAWS = 2_000
GOAL_MS = 2_000.0


def _draw_only(n: int, m: int) -> None:
    rng = np.random.default_rng(0)
    chunk = max(2, CHUNK_CELLS // (n * m))
    done = 0
    while done < DRAWS:
        c = min(chunk, DRAWS - done)
        rng.integers(0, 65536, size=(n, c, m), dtype=np.uint16)
        done += c


def main() -> None:
    """Print the analysis figures."""
    portfolio = synthetic_portfolio(SIZE, seed=1)
    fw = portfolio.framework
    rows = [a for _, a in portfolio.assessments()]
    levels = level_matrix(rows, fw)
    codes = confidence_matrix(rows, fw)
    fa = FrameworkArrays.of(fw)
    n, m = levels.shape
    simulate(levels, codes, fa, draws=200, seed=0, max_rank=3)  # warm up

    mc = median_ms(lambda: simulate(levels, codes, fa, draws=DRAWS, seed=0, max_rank=3))
    base = median_ms(lambda: _draw_only(n, m))
    dirichlet = median_ms(
        lambda: simulate(levels, codes, fa, draws=DRAWS, seed=0, max_rank=3, concentration=50.0),
        repeat=3,
    )
    det = median_ms(lambda: score_levels(levels, fa), repeat=9)
    full = median_ms(lambda: analyze_startups(portfolio, draws=DRAWS, seed=0), repeat=3)
    verdict = "meets" if mc <= GOAL_MS else "MISSES"
    print(f"Monte Carlo {n:,} assessments × {m} criteria × {DRAWS:,} draws "
          f"({n * m * DRAWS / 1e6:.0f} M level draws)")
    print(f"  scores uncertain, weights fixed:  {mc:8.1f} ms  "
          f"(baseline random draws alone {base:.1f} ms, ×{mc / base:.1f}); "
          f"{verdict} the {GOAL_MS / 1000:.0f} s goal")
    print(f"  + pillar weights (Dirichlet 50):  {dirichlet:8.1f} ms  (×{dirichlet / base:.1f})")
    print(f"  whole analyze (startups ranked, reversals): {full:6.1f} ms")
    print(f"  one deterministic scoring of the same matrix: {det:.2f} ms "
          f"(×{DRAWS} = {det * DRAWS / 1000:.1f} s if rescored draw by draw)")


if __name__ == "__main__":
    main()
