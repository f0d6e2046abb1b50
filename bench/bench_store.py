"""Workspace benchmark at 10,000 startups: opening to a portfolio, a durable score edit, the
history of one startup and the portfolio as of a past moment.

Baselines measured in the same run: ``load_portfolio`` of the same portfolio's JSON document
(opening), one bare ``INSERT`` committed to an SQLite file in the same mode (WAL, full sync:
the disk's own cost of a durable commit) for the edit, and ``Workspace.load`` for the as-of
view read from the file (which loads, then takes changes back); an as-of view from a
portfolio already in memory takes the changes back on copies of the startups they touch.
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable

from bench.common import child_peak_rss_mb, median_ms
from models.engine.sample import synthetic_portfolio
from models.files.portfolio_file import load_portfolio, save_portfolio
from models.store.workspace import Workspace

SIZE = 10_000
EDITS = 200
HISTORY_EDITS = 2_000


def _times_ms(fn: Callable[[int], object], count: int) -> list[float]:
    times = []
    for i in range(count):
        t0 = time.perf_counter()
        fn(i)
        times.append((time.perf_counter() - t0) * 1000.0)
    return times


def _wall_and_cpu_ms(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Medians of the wall time and of this process's processor time of ``fn()``, in ms."""
    wall, cpu = [], []
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - w0) * 1000.0)
        cpu.append((time.process_time() - c0) * 1000.0)
    return statistics.median(wall), statistics.median(cpu)


def _p95(times: list[float]) -> float:
    return statistics.quantiles(times, n=20)[-1]


def _bare_commits_ms(folder: str) -> list[float]:
    conn = sqlite3.connect(os.path.join(folder, "bare.db"), isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (x INTEGER)")

    def commit(i: int) -> None:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?)", (i,))
        conn.execute("COMMIT")

    try:
        return _times_ms(commit, EDITS)
    finally:
        conn.close()


def _open(path: str, json_path: str) -> None:
    def open_load() -> None:
        with Workspace.open(path) as ws:
            ws.load()

    ws_ms, ws_cpu = _wall_and_cpu_ms(open_load, repeat=5)
    json_ms, json_cpu = _wall_and_cpu_ms(lambda: load_portfolio(json_path), repeat=3)
    ws_rss, _ = child_peak_rss_mb(
        "from models.store.workspace import Workspace\n"
        f"ws = Workspace.open({path!r})\np = ws.load()")
    json_rss, _ = child_peak_rss_mb(
        "from models.files.portfolio_file import load_portfolio\n"
        f"p = load_portfolio({json_path!r})")
    base_rss, _ = child_peak_rss_mb("import models.store.workspace, models.files.portfolio_file")
    print(f"open {SIZE:,} startups to a Portfolio: {ws_ms:8.1f} ms  (baseline load_portfolio of "
          f"the JSON {json_ms:.1f} ms, ×{ws_ms / json_ms:.2f})")
    print(f"  processor time: {ws_cpu:.1f} ms  (JSON {json_cpu:.1f} ms, ×{ws_cpu / json_cpu:.2f}; "
          "less disturbed than wall time on a busy machine)")
    print(f"  peak RSS: workspace {ws_rss:.0f} MB, JSON {json_rss:.0f} MB "
          f"(interpreter + imports {base_rss:.0f} MB)")


def _edits(ws: Workspace, folder: str) -> None:
    portfolio = ws.load()
    ids = [s.assessments[0].id for s in portfolio.startups]
    cids = portfolio.framework.criterion_ids

    def edit(i: int) -> None:
        ws.set_score_field(ids[(i * 7919) % len(ids)], cids[i % len(cids)], "value", i % 5 + 1)

    times = _times_ms(edit, EDITS)
    bare = _bare_commits_ms(folder)
    print(f"score edit, durable on return ({EDITS} edits): median {statistics.median(times):.1f} "
          f"ms, p95 {_p95(times):.1f} ms  (baseline bare SQLite commit: median "
          f"{statistics.median(bare):.1f} ms, p95 {_p95(bare):.1f} ms)")


def _history(ws: Workspace) -> None:
    portfolio = ws.load()
    before = ws.changes(limit=1)[0].at
    target = portfolio.startups[SIZE // 2]
    cids = portfolio.framework.criterion_ids
    with ws.transaction(comment="history for the benchmark"):
        for i in range(HISTORY_EDITS):
            st = target if i % 40 == 0 else portfolio.startups[(i * 104729) % SIZE]
            ws.set_score_field(st.assessments[0].id, cids[i % len(cids)], "rationale",
                               f"view {i}")
    count = len(ws.changes(startup_id=target.id))
    hist = median_ms(lambda: ws.changes(startup_id=target.id), repeat=9)
    load = median_ms(ws.load, repeat=3)
    as_of = median_ms(lambda: ws.as_of(before), repeat=3)
    current = ws.load()
    kept = median_ms(lambda: ws.as_of(before, current=current), repeat=5)
    print(f"history of one startup ({count} changes among {HISTORY_EDITS + EDITS:,}): "
          f"{hist:8.1f} ms")
    print(f"as of a moment {HISTORY_EDITS:,} changes back, {SIZE:,} startups: {as_of:8.1f} ms  "
          f"(baseline load {load:.1f} ms, ×{as_of / load:.2f})")
    print(f"  from the current portfolio already in memory (a window's): {kept:8.1f} ms")


def main() -> None:
    """Print the workspace's figures."""
    portfolio = synthetic_portfolio(SIZE, seed=1)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "big.beachhead")
        json_path = os.path.join(folder, "big.json.beachhead")
        t0 = time.perf_counter()
        Workspace.create(path, portfolio, who="bench").close()
        made = time.perf_counter() - t0
        save_portfolio(portfolio, json_path)
        print(f"create a {SIZE:,}-startup workspace: {made:.1f} s; file "
              f"{os.path.getsize(path) / 1e6:.1f} MB (JSON {os.path.getsize(json_path) / 1e6:.1f}"
              " MB)")
        _open(path, json_path)
        with Workspace.open(path, who="bench") as ws:
            _edits(ws, folder)
            _history(ws)


if __name__ == "__main__":
    main()
