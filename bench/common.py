"""Helpers shared by the benchmarks: medians of repeated timings and peak memory of a child."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time
from collections.abc import Callable


def median_ms(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of ``fn()`` over ``repeat`` runs, in milliseconds."""
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000.0)
    return statistics.median(times)


def child_peak_rss_mb(code: str) -> tuple[float, dict]:
    """Run ``code`` in a fresh Python; returns (peak RSS in MB, the JSON it printed last)."""
    # VmHWM, not ru_maxrss: Linux carries ru_maxrss over from the forking parent
    wrapper = (
        code
        + "\nimport json as _j, re as _re\n"
        + "_hwm = int(_re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])\n"
        + "print(_j.dumps({'rss_kb': _hwm, **globals().get('RESULT', {})}))\n"
    )
    out = subprocess.run([sys.executable, "-c", wrapper], check=True, capture_output=True,
                         text=True).stdout.strip().splitlines()[-1]
    data = json.loads(out)
    return data.pop("rss_kb") / 1024.0, data
