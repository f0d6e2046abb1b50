"""A team workspace under load: ten associates (separate processes, each its own database
role: six assessors scoring their own assessments, four partners scoring anyone's) edit a
5,000-startup workspace on a PostgreSQL server with its durable defaults (every commit
flushed to disk) for two minutes.

Each associate works as the window does: it loads the portfolio, keeps its own view of the
levels, takes in colleagues' commits when the server's notification count moves
(``Workspace.data_version``, LISTEN/NOTIFY) and writes each edit with the level it saw
(``expected``), so an edit made on a stale view is refused (a conflict) and the view corrected.
A third of the edits go to a small pool of hot scores that several associates share.

Reported: the edits' latency (median, p95, p99; goal p95 <= 50 ms) against one associate
alone on the same server in the same run (the baseline), the conflicts, the lost updates
found in the change log (each level change must start from the level the previous one left:
goal 0), and whether every associate's view converged to the database.
"""

from __future__ import annotations

import importlib
import multiprocessing as mp
import random
import statistics
import time
from typing import Any

import sqlalchemy as sa

from models.core.portfolio import Assessment
from models.engine.sample import synthetic_portfolio
from models.store.changelog import Kind
from models.store.conflicts import Conflict
from models.store.members import add_member
from models.store.workspace import Workspace
from tests.postgres import PostgresServer

SIZE = 5_000
SECONDS = 120.0
BASELINE_SECONDS = 20.0
ASSESSORS, PARTNERS = 6, 4
OWN_STARTUPS = 60  # each assessor's assessments
HOT = 24  # scores shared by several associates
THINK = (0.3, 0.7)  # seconds between one associate's edits: a fast typist's 2 a second

Cell = tuple[str, str]


def _as(server: PostgresServer, url: str, role: str) -> str:
    """The address of ``url``'s database for ``role``."""
    return server.url(str(sa.make_url(url).database), role)


def _levels(ws: Workspace, cells: list[Cell]) -> dict[Cell, int | None]:
    wanted = set(cells)
    found: dict[Cell, int | None] = {}
    for s in ws.load().startups:
        for a in s.assessments:
            for cid, score in a.scores.items():
                if (a.id, cid) in wanted:
                    found[(a.id, cid)] = score.value
    return {c: found.get(c) for c in cells}


def _take_in(ws: Workspace, view: dict[Cell, int | None], seen: int) -> int:
    for c in ws.changes_since(seen):
        seen = c.id
        if c.kind in (Kind.SCORE_FIELD, Kind.SCORE_NEW) and c.field == "value":
            key = (str(c.assessment_id), str(c.criterion_id))
            if key in view:
                view[key] = c.new
    return seen


def associate(url: str, role: str, cells: list[Cell], hot: list[Cell], seconds: float,
              seed: int) -> dict[str, Any]:
    """One associate's session (run in its own process); returns its measurements."""
    rng = random.Random(seed)
    with Workspace.open(url, who=role) as ws:
        t0 = time.perf_counter()
        mine = sorted(set(cells) | set(hot))
        view = _levels(ws, mine)
        load_s = time.perf_counter() - t0
        version, seen = ws.log_state()
        latencies: list[float] = []
        conflicts = refused = 0
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(rng.uniform(*THINK))
            now = ws.data_version()
            if now != version:
                version, seen = now, _take_in(ws, view, seen)
            cell = rng.choice(hot if hot and rng.random() < 1 / 3 else cells)
            level = rng.choice([v for v in range(1, 6) if v != view[cell]])
            began = time.perf_counter()
            try:
                ws.set_score_field(*cell, "value", level, expected=view[cell])
                view[cell] = level
            except Conflict as exc:
                view[cell] = exc.current  # type: ignore[assignment]
                conflicts += 1
            except PermissionError:
                refused += 1
            latencies.append((time.perf_counter() - began) * 1000)
        time.sleep(1.5)  # colleagues' last commits and their notifications
        _take_in(ws, view, seen)
        truth = _levels(ws, mine)
    return {"role": role, "latencies": latencies, "conflicts": conflicts, "refused": refused,
            "load_s": load_s, "diverged": sum(view[c] != truth[c] for c in mine)}


def _lost_updates(ws: Workspace) -> tuple[int, int]:
    """(level changes checked, changes that did not start from the previous one's level)."""
    last: dict[Cell, Any] = {}
    checked = broken = 0
    for c in reversed(ws.changes()):
        if c.kind not in (Kind.SCORE_FIELD, Kind.SCORE_NEW) or c.field != "value":
            continue
        key = (str(c.assessment_id), str(c.criterion_id))
        if key in last:
            checked += 1
            broken += c.old != last[key]
        last[key] = c.new
    return checked, broken


def _setup(server: PostgresServer) -> tuple[str, dict[str, list[Cell]], list[Cell]]:
    """The workspace, its people and the scores each associate works on."""
    url = server.new_database()
    portfolio = synthetic_portfolio(SIZE, seed=7)
    t0 = time.perf_counter()
    Workspace.create(url, portfolio, who="admin").close()
    print(f"  setup: {SIZE:,}-startup workspace written to the server in "
          f"{time.perf_counter() - t0:.1f} s", flush=True)
    criteria = portfolio.framework.criterion_ids
    rng = random.Random(1)
    cells: dict[str, list[Cell]] = {}
    for n in range(ASSESSORS):
        role = f"assessor{n + 1}"
        add_member(url, role, "assessor")
        with Workspace.open(_as(server, url, role)) as ws, \
                ws.transaction("their assessments"):
            own = []
            for s in rng.sample(portfolio.startups, OWN_STARTUPS):
                a = Assessment(assessor=role, role="investor", date="2026-11-30")
                ws.insert_assessment(s.id, len(s.assessments), a)
                own += [(a.id, cid) for cid in rng.sample(criteria, 4)]
            cells[role] = own
    shared = [(a.id, cid) for s in portfolio.startups[:200] for a in s.assessments
              for cid in a.scores]
    for n in range(PARTNERS):
        role = f"partner{n + 1}"
        add_member(url, role, "partner")
        cells[role] = rng.sample(shared, 200)
    # hot scores: some of the assessors' own, shared with the partners
    hot = [c for own in list(cells.values())[:ASSESSORS] for c in own[:HOT // ASSESSORS]]
    return url, cells, hot


def _run(server: PostgresServer, url: str, cells: dict[str, list[Cell]], hot: list[Cell],
         roles: list[str], seconds: float) -> list[dict[str, Any]]:
    # by its importable name: bench/run.py loads this file under another one
    work = importlib.import_module("bench.bench_team").associate
    ctx = mp.get_context("spawn")
    with ctx.Pool(len(roles)) as pool:
        jobs = [pool.apply_async(work, (
            _as(server, url, role), role, cells[role],
            [c for c in hot if c in cells[role]] if role.startswith("assessor") else hot,
            seconds, n)) for n, role in enumerate(roles)]
        return [j.get(timeout=seconds + 300) for j in jobs]


def _figures(results: list[dict[str, Any]]) -> tuple[float, float, float, int]:
    times = sorted(t for r in results for t in r["latencies"])
    q = statistics.quantiles(times, n=100)
    return statistics.median(times), q[94], q[98], len(times)


def main() -> None:
    with PostgresServer("bench", durable=True) as server:
        url, cells, hot = _setup(server)
        roles = list(cells)
        alone = _run(server, url, cells, hot, roles[:1], BASELINE_SECONDS)
        team = _run(server, url, cells, hot, roles, SECONDS)
        with Workspace.open(url) as ws:
            checked, broken = _lost_updates(ws)
    b50, b95, _, bn = _figures(alone)
    m50, m95, m99, n = _figures(team)
    print(f"  one associate alone ({BASELINE_SECONDS:.0f} s, baseline): {bn} edits, "
          f"median {b50:.1f} ms, p95 {b95:.1f} ms")
    print(f"  {len(roles)} associates at once ({SECONDS:.0f} s): {n} edits "
          f"({n / SECONDS:.1f}/s), median {m50:.1f} ms, p95 {m95:.1f} ms (goal <= 50 ms; "
          f"x{m95 / b95:.2f} the baseline), p99 {m99:.1f} ms")
    print(f"  conflicts (an edit on a stale view, refused and shown): "
          f"{sum(r['conflicts'] for r in team)}; refused by the rules: "
          f"{sum(r['refused'] for r in team)}")
    print(f"  lost updates: {broken} of {checked} successive level changes "
          f"(goal 0); views not converged: "
          f"{sum(1 for r in team if r['diverged'])} of {len(team)}")
    loads = [r["load_s"] for r in team]
    print(f"  each associate's load of the {SIZE:,} startups: median "
          f"{statistics.median(loads):.2f} s (10 at once)")


if __name__ == "__main__":
    main()
