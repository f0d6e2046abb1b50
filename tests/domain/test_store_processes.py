"""Several processes on one workspace, and processes killed in the middle of writing:
two imports at once both land; an import killed with SIGKILL at random moments, fifty times,
leaves a sound file holding whole transactions only."""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import time
from multiprocessing.sharedctypes import Synchronized
from multiprocessing.synchronize import Event
from pathlib import Path

import pytest

from models.core.portfolio import Portfolio, Startup
from models.engine.sample import synthetic_portfolio
from models.store.sqlite import integrity_check
from models.store.workspace import Workspace

_FORKS = "fork" in multiprocessing.get_all_start_methods()
pytestmark = pytest.mark.skipif(not _FORKS, reason="the writers are forked processes")
_fork = multiprocessing.get_context("fork" if _FORKS else None)

BATCH = 10
KILLS = 50


def _batch(pool: Portfolio, k: int) -> list[Startup]:
    """Batch ``k`` of the import: :data:`BATCH` fully scored startups with ids of their own."""
    out = []
    for j, s in enumerate(pool.startups):
        s = s.model_copy(deep=True)
        s.id, s.name = f"k{k:04d}-{j}", f"Import {k}-{j}"
        s.assessments[0].id = f"k{k:04d}-{j}-a"
        out.append(s)
    return out


def _expected(pool: Portfolio, batches: int) -> list[str]:
    return [s.id for k in range(batches) for s in _batch(pool, k)]


def _importer(path: str, ready: Event, writing: Synchronized[int]) -> None:
    """Import batch after batch, each one transaction, until killed; resume after the last
    whole batch in the file. ``writing`` is 1 while a transaction is under way."""
    pool = synthetic_portfolio(BATCH, seed=2)
    with Workspace.open(path, who="importer") as ws:
        k = len(ws.load().startups) // BATCH
        ready.set()
        while True:
            batch = _batch(pool, k)
            writing.value = 1
            ws.add_many(batch, comment=f"batch {k}")
            writing.value = 0
            k += 1


@pytest.mark.slow
def test_an_import_killed_at_random_moments_leaves_whole_transactions_only(tmp_path):
    path = tmp_path / "w.beachhead"
    Workspace.create(path, synthetic_portfolio(0)).close()
    pool = synthetic_portfolio(BATCH, seed=2)
    rng = random.Random(13)
    counts, in_transaction = [], 0
    for _ in range(KILLS):
        ready, writing = _fork.Event(), _fork.Value("i", 0, lock=False)
        child = _fork.Process(target=_importer, args=(str(path), ready, writing))
        child.start()
        assert ready.wait(60), "the importer did not start"
        time.sleep(rng.uniform(0.0, 0.12))
        os.kill(child.pid, signal.SIGKILL)
        child.join()
        in_transaction += writing.value
        assert child.exitcode == -signal.SIGKILL
        assert integrity_check(path) == "ok"
        with Workspace.open(path) as ws:
            ids = [s.id for s in ws.load().startups]
            groups = {c.group for c in ws.changes()}
        assert len(ids) % BATCH == 0  # each transaction all or nothing…
        assert ids == _expected(pool, len(ids) // BATCH)  # …and in the order written
        assert len(groups) == len(ids) // BATCH + 1  # one group per batch, plus creation
        counts.append(len(ids))
    assert counts == sorted(counts) and counts[-1] > 0
    assert in_transaction > 0  # some kills did land inside a transaction


def _adder(path: str, tag: str, go: Event, rounds: int) -> None:
    with Workspace.open(path, who=tag) as ws:
        go.wait(60)
        for r in range(rounds):
            ws.add_many([Startup(id=f"{tag}-{r}-{j}", name=f"{tag} {r}.{j}") for j in range(3)])


def test_two_imports_into_one_workspace_at_once_both_land(tmp_path):
    path = tmp_path / "w.beachhead"
    Workspace.create(path, synthetic_portfolio(2, seed=1)).close()
    go = _fork.Event()
    rounds = 40
    children = [_fork.Process(target=_adder, args=(str(path), tag, go, rounds))
                for tag in ("left", "right")]
    for child in children:
        child.start()
    go.set()
    for child in children:
        child.join(120)
        assert child.exitcode == 0
    with Workspace.open(path) as ws:
        ids = [s.id for s in ws.load().startups]
        log = ws.changes()
    assert len(ids) == 2 + 2 * rounds * 3 and len(set(ids)) == len(ids)
    for tag in ("left", "right"):
        mine = [i for i in ids if i.startswith(tag)]
        assert mine == [f"{tag}-{r}-{j}" for r in range(rounds) for j in range(3)]
        assert len({c.group for c in log if c.who == tag}) == rounds
    assert integrity_check(Path(path)) == "ok"
