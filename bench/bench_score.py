"""``beachhead score`` of 10,000 startups, from a workspace and from a JSON portfolio, against a
bare script that loads the same data and scores it with numpy (``bench/score_baseline.py``:
``json.load`` of the file, or a raw ``sqlite3`` ``SELECT`` of the workspace's rows; the investor
view, pillars, overall, completeness, the ranking and the P10–P90 bands from 2,000 Monte
Carlo draws, one printed line per startup).

The portfolio is :func:`models.engine.sample.synthetic_portfolio` (10,000 startups, one
scored investor assessment each), written as a workspace (``beachhead sample``) and exported
as JSON. Every run is a fresh process with its output thrown away, as a user runs the command
(start-up and imports included); the command and its baseline alternate, round after round,
so that other work on the machine weighs on both alike. Printed: the median wall time, and the
median CPU time of the process (steadier when the cores are shared).

Run with ``python bench/run.py score`` (``BENCH_SCORE_ROUNDS=N`` changes the rounds).
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZE = 10_000
ROUNDS = int(os.environ.get("BENCH_SCORE_ROUNDS", "5"))
GOAL = 1.3


def _timed(argv: list[str]) -> tuple[float, float]:
    """Run ``argv`` (output discarded); returns its wall and CPU seconds."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    subprocess.run(argv, check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _portfolio(folder: str) -> tuple[str, str]:
    """A 10,000-startup workspace and the same portfolio as JSON, in ``folder``."""
    ws, js = os.path.join(folder, "big.beachhead"), os.path.join(folder, "big.json")
    cli = [sys.executable, "-m", "models.cli.main"]
    for argv in ([*cli, "sample", "-o", ws, "--size", str(SIZE), "--seed", "1"],
                 [*cli, "export", ws, "-o", js]):
        subprocess.run(argv, check=True, cwd=ROOT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    return ws, js


def main() -> None:
    """Print the figures of ``score`` on a workspace and on a JSON portfolio."""
    with tempfile.TemporaryDirectory() as tmp:
        ws, js = _portfolio(tmp)
        print(f"score {SIZE:,} startups (investor view, P10–P90 from 2,000 draws), medians of "
              f"{ROUNDS} runs; baseline: the same data loaded and scored with numpy")
        for kind, path in (("workspace", ws), ("json", js)):
            command = [sys.executable, "-m", "models.cli.main", "score", path]
            baseline = [sys.executable, str(HERE / "score_baseline.py"), kind, path]
            runs: dict[str, list[tuple[float, float]]] = {"score": [], "base": []}
            _timed(command)  # files in the page cache, byte code compiled
            for _ in range(ROUNDS):
                runs["score"].append(_timed(command))
                runs["base"].append(_timed(baseline))
            wall, cpu = (statistics.median(r[k] for r in runs["score"]) for k in (0, 1))
            b_wall, b_cpu = (statistics.median(r[k] for r in runs["base"]) for k in (0, 1))
            print(f"  {kind:9}  {wall:5.2f} s wall  (baseline {b_wall:5.2f} s, "
                  f"×{wall / b_wall:.2f}; goal ≤ ×{GOAL})   CPU {cpu:5.2f} s "
                  f"(baseline {b_cpu:5.2f} s, ×{cpu / b_cpu:.2f})")


if __name__ == "__main__":
    main()
