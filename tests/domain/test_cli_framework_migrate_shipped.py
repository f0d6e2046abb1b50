"""``beachhead framework migrate PORTFOLIO --to ID``: the id of a shipped framework stands for
it, as ``framework list`` says it does where a FILE is asked (a file of that name comes
first; neither says the file is missing)."""

from __future__ import annotations

from pathlib import Path

from models.engine.sample import sample_portfolio
from models.files.framework_file import shipped_framework
from models.store.workspace import Workspace
from tests.helpers import run_cli
from tests.workspaces import read_back

TRACTION = "beachhead.llm-startups-traction"


def test_a_workspace_moves_to_a_shipped_framework_named_by_its_id(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "w.beachhead"
    Workspace.create(path, sample_portfolio()).close()
    code, out, err = run_cli(capsys, "framework", "migrate", str(path), "--to", TRACTION)
    assert (code, err) == (0, "")
    assert "added (unscored): traction.revenue_growth  Revenue growth" in out
    assert read_back(path).framework == shipped_framework(TRACTION)
    code, _, err = run_cli(capsys, "framework", "migrate", str(path), "--to", "no.such-id")
    assert (code, err) == (1, "no.such-id: no such file, and no shipped framework has this id; "
                              "expected a framework file (JSON), a workspace or JSON portfolio "
                              "whose framework is used, or the id of a shipped framework (see "
                              "'beachhead framework list')\n")


def test_a_workspace_moves_to_the_framework_another_portfolio_uses(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    fund, deals = tmp_path / "fund.beachhead", tmp_path / "deals.beachhead"
    Workspace.create(fund, sample_portfolio()).close()
    Workspace.create(deals, sample_portfolio()).close()
    assert run_cli(capsys, "framework", "migrate", str(fund), "--to", TRACTION)[0] == 0
    code, out, err = run_cli(capsys, "framework", "migrate", str(deals), "--to", str(fund))
    assert (code, err) == (0, "")
    assert "added (unscored): traction.revenue_growth  Revenue growth" in out
    assert read_back(deals).framework == read_back(fund).framework
