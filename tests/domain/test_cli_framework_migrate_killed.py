"""``beachhead framework migrate`` killed with SIGKILL at several moments while it migrates a
1,500-startup workspace file to a framework lacking a scored criterion: the file is sound
each time and holds the migration whole or not at all — the old framework with every score,
or the new one without the removed criterion's scores (each of them in the change log)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from models.core.portfolio import Portfolio
from models.engine.sample import synthetic_portfolio
from models.files.framework_file import save_framework
from models.store.changelog import Kind
from models.store.sqlite import integrity_check
from models.store.workspace import Workspace
from tests.domain.test_framework_migration import GONE, traction_framework

ROOT = Path(__file__).resolve().parents[2]
#: seconds after the start when the command is killed (it takes about 3 s in all, writing
#: from about 1.3 s on); None: left to finish
MOMENTS = (0.4, 1.0, 1.2, 1.3, 1.4, 1.5, 1.6, 1.8, 2.2, None)


def _scores(port: Portfolio) -> dict[str, dict[str, object]]:
    return {a.id: {c: s.value for c, s in a.scores.items()} for _, a in port.assessments()}


@pytest.mark.slow
def test_a_migration_killed_at_any_moment_is_whole_or_absent(tmp_path):
    port = synthetic_portfolio(1500, seed=5)
    original = tmp_path / "original.beachhead"
    Workspace.create(original, port).close()
    target = tmp_path / "traction.json"
    new_fw = traction_framework(port.framework)
    save_framework(new_fw, target)
    before = _scores(port)
    gone = sum(GONE in s for s in before.values())
    assert gone > 1000
    outcomes = []
    for k, moment in enumerate(MOMENTS):
        path = tmp_path / f"w{k}.beachhead"
        shutil.copyfile(original, path)
        child = subprocess.Popen(
            [sys.executable, "-c", "import sys; from models.cli.main import main; "
             "sys.exit(main(sys.argv[1:]))", "framework", "migrate", str(path),
             "--to", str(target)], cwd=ROOT, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        if moment is not None:
            time.sleep(moment)
            if child.poll() is None:
                os.kill(child.pid, signal.SIGKILL)
        assert child.wait(120) in (0, -signal.SIGKILL)
        assert integrity_check(path) == "ok"
        with Workspace.open(path) as ws:
            now, removed = ws.load(), [c for c in ws.changes() if c.kind == Kind.SCORE_REMOVE]
        if now.framework == port.framework:
            assert _scores(now) == before and removed == []
            outcomes.append("old")
        else:
            assert now.framework == new_fw
            assert _scores(now) == {a: {c: v for c, v in s.items() if c != GONE}
                                    for a, s in before.items()}
            assert len(removed) == gone
            outcomes.append("new")
    assert outcomes[0] == "old" and outcomes[-1] == "new", outcomes
