"""``beachhead framework migrate PORTFOLIO --to FILE [--dry-run]`` on workspaces (a file and a
team workspace on the PostgreSQL server) and JSON portfolios: the plan printed, a dry run
changing nothing, the migration made in one transaction (workspace) or one atomic rewrite
(JSON)."""

from __future__ import annotations

import pytest

from models.engine.sample import sample_portfolio
from models.files.framework_file import save_framework
from models.files.portfolio_file import load_portfolio, save_portfolio
from models.store.changelog import Kind
from models.store.workspace import Workspace
from tests.domain.test_framework_migration import GONE, STARTUP, traction_framework
from tests.helpers import run_cli


@pytest.fixture
def target(tmp_path):
    path = tmp_path / "traction.json"
    save_framework(traction_framework(sample_portfolio().framework), path)
    return path


@pytest.fixture
def json_portfolio(tmp_path):
    path = tmp_path / "deals.json"
    save_portfolio(sample_portfolio(), path)
    return path


def _without_gone(portfolio):
    return [{k: v for k, v in a.scores.items() if k != GONE} for _, a in portfolio.assessments()]


def _startup_line(out: str) -> list[str]:
    return next(line.split() for line in out.splitlines() if line.strip().startswith(STARTUP))


def test_a_dry_run_prints_the_plan_and_leaves_the_file_as_it_was(capsys, json_portfolio,
                                                                  target):
    before = json_portfolio.read_bytes()
    code, out, err = run_cli(capsys, "framework", "migrate", str(json_portfolio), "--to",
                             str(target), "--dry-run")
    assert (code, err) == (0, "")
    assert json_portfolio.read_bytes() == before
    assert not json_portfolio.with_name("deals.json.bak").exists()
    assert "removed (scores leave the assessments): tech.immaturity_edge  Immaturity edge  " \
           "(13 scores)" in out
    assert "pillar added: traction  Traction" in out
    assert "added (unscored): traction.retention  Retention" in out
    assert "renamed (scores kept): niche.dirty_work  Dirty work → Dirty work done" in out
    # by hand: 59.25 → 58.0 (halves away from zero), rank 4 both, 100% → 83%
    assert _startup_line(out) == [STARTUP, "1.0.0", "59.3", "58.0", "-1.3", "4", "4", "100%",
                                  "83%"]
    assert out.rstrip().endswith("Dry run: nothing was changed.")


def test_a_json_portfolio_is_rewritten_with_the_previous_version_kept(capsys, json_portfolio,
                                                                       target):
    old = load_portfolio(json_portfolio)
    code, out, _ = run_cli(capsys, "framework", "migrate", str(json_portfolio), "--to",
                           str(target), "--lang", "zh_CN")
    assert code == 0 and "已迁移" in out and "删除（评分移出评估）" in out
    now = load_portfolio(json_portfolio)
    assert now.framework.version == "2.0.0"
    assert [a.scores for _, a in now.assessments()] == _without_gone(old)
    assert load_portfolio(json_portfolio.with_name("deals.json.bak")) == old
    code, out, _ = run_cli(capsys, "framework", "migrate", str(json_portfolio), "--to",
                           str(target))
    assert code == 0 and "already uses exactly this framework" in out


def test_a_workspace_is_migrated_in_one_transaction_and_keeps_the_scores_in_its_log(
        capsys, new_location, target):
    location = new_location()
    Workspace.create(location, sample_portfolio(), who="Ann").close()
    with Workspace.open(location) as ws:
        before, revision = ws.load(), ws.info()["revision"]
        logged = len(ws.changes())
    code, out, _ = run_cli(capsys, "framework", "migrate", str(location), "--to", str(target),
                           "--dry-run")
    assert code == 0 and "Dry run" in out
    with Workspace.open(location) as ws:
        assert ws.load() == before and ws.info()["revision"] == revision
        assert len(ws.changes()) == logged
    code, out, _ = run_cli(capsys, "framework", "migrate", str(location), "--to", str(target))
    assert code == 0 and "the change log keeps each score taken out" in out
    with Workspace.open(location) as ws:
        now = ws.load()
        assert now.framework.version == "2.0.0"
        assert [a.scores for _, a in now.assessments()] == _without_gone(before)
        assert ws.info()["revision"] == revision + 1  # one transaction
        gone = [c for c in ws.changes() if c.kind == Kind.SCORE_REMOVE]
        assert len(gone) == 13 and {c.comment for c in gone} == {"framework migrate"}
        assert ws.as_of(ws.changes()[-1].at) == before


def test_a_framework_file_that_is_not_one_is_named(capsys, json_portfolio, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    code, _, err = run_cli(capsys, "framework", "migrate", str(json_portfolio), "--to",
                           str(bad))
    assert code == 1 and str(bad) in err
