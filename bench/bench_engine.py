"""Engine benchmark: scoring 10,000 assessments, saving and loading a 10,000-startup portfolio.

Baselines measured in the same run: a bare numpy matrix product of the same size (scoring) and
plain ``json.dumps``/``json.loads`` of the same document (saving and loading).
"""

from __future__ import annotations

import json
import os
import tempfile

import numpy as np

from bench.common import child_peak_rss_mb, median_ms
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.results import score_portfolio
from models.engine.sample import synthetic_portfolio
from models.engine.scores import score_levels
from models.files.portfolio_file import dumps_portfolio, load_portfolio, save_portfolio

SIZE = 10_000


def main() -> None:
    """Print the engine's figures."""
    portfolio = synthetic_portfolio(SIZE, seed=1)
    fw = portfolio.framework
    pairs = portfolio.assessments()
    levels = level_matrix([a for _, a in pairs], fw)
    fa = FrameworkArrays.of(fw)
    base = median_ms(lambda: np.nan_to_num(levels) @ fa.membership, repeat=9)
    maths = median_ms(lambda: score_levels(levels, fa), repeat=9)
    extract = median_ms(lambda: level_matrix([a for _, a in pairs], fw), repeat=5)
    full = median_ms(lambda: score_portfolio(portfolio), repeat=3)
    print(f"score {SIZE:,} assessments × {levels.shape[1]} criteria")
    print(f"  vectorised maths (score_levels):   {maths:8.1f} ms  "
          f"(baseline matmul {base:.2f} ms, ×{maths / base:.0f})")
    print(f"  level matrix from documents:       {extract:8.1f} ms")
    print(f"  full results incl. postures/texts: {full:8.1f} ms")

    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "big.beachhead")
        text = dumps_portfolio(portfolio)
        data = json.loads(text)
        save = median_ms(lambda: save_portfolio(portfolio, path), repeat=3)
        load = median_ms(lambda: load_portfolio(path), repeat=3)
        jd = median_ms(lambda: json.dumps(data, ensure_ascii=False, indent=2), repeat=3)
        jl = median_ms(lambda: json.loads(text), repeat=3)
        size_mb = os.path.getsize(path) / 1e6
        rss, _ = child_peak_rss_mb(
            f"from models.files.portfolio_file import load_portfolio\np = load_portfolio({path!r})"
        )
        rss0, _ = child_peak_rss_mb("import models.files.portfolio_file, models.core.portfolio")
    print(f"save {SIZE:,} startups: {save:8.1f} ms  (baseline json.dumps {jd:.1f} ms, "
          f"×{save / jd:.1f}); file {size_mb:.1f} MB")
    print(f"load {SIZE:,} startups: {load:8.1f} ms  (baseline json.loads {jl:.1f} ms, "
          f"×{load / jl:.1f}); peak RSS {rss:.0f} MB (interpreter + imports {rss0:.0f} MB)")


if __name__ == "__main__":
    main()
