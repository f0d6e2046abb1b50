"""Run every benchmark in this folder (``bench_*.py``, each with a ``main()``) and print figures.

Usage: ``python bench/run.py [NAME ...]`` — with names (e.g. ``engine export``), only those run.
Figures are medians over repeated runs, printed next to a baseline measured in the same run,
because these machines are shared and noisy.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    """Run the selected benchmarks in name order; returns 0."""
    wanted = set(argv if argv is not None else sys.argv[1:])
    sys.path.insert(0, str(HERE.parent))
    for path in sorted(HERE.glob("bench_*.py")):
        name = path.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        print(f"== {name} ==", flush=True)
        module.main()
        print(flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
