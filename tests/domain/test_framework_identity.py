"""An id and version name one content: a framework file claiming the shipped framework's
identity with other weights comes into a portfolio (``beachhead framework migrate``) as the
next version of the shipped framework, on a JSON portfolio and on a workspace."""

from __future__ import annotations

from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework, save_framework
from models.files.portfolio_file import load_portfolio, save_portfolio
from models.store.workspace import Workspace
from tests.helpers import run_cli


def _hand_edited(path):
    fw = default_framework().with_weights(pillar_weights={"eco": 3.0})
    assert (fw.id, fw.version) == ("beachhead.llm-startups", "1.0.0")
    save_framework(fw, path)


def test_migrating_a_json_portfolio_to_a_file_claiming_the_shipped_identity(capsys, tmp_path):
    _hand_edited(tmp_path / "fw.json")
    save_portfolio(sample_portfolio(), tmp_path / "deals.json")
    code, _out, _err = run_cli(capsys, "framework", "migrate", str(tmp_path / "deals.json"),
                               "--to", str(tmp_path / "fw.json"))
    assert code == 0
    fw = load_portfolio(tmp_path / "deals.json").framework
    assert (fw.id, fw.version, fw.pillar("eco").weight) == ("beachhead.llm-startups", "1.1.0",
                                                             3.0)
    assert fw.changelog[-1].summary["en"] == "Weight of pillar Ecosystem 1 → 3"


def test_migrating_a_workspace_passes_over_the_versions_it_holds(capsys, tmp_path):
    where = tmp_path / "w.beachhead"
    with Workspace.create(where, sample_portfolio(), who="Ann") as ws:
        shipped = ws.framework()
        ws.replace_framework(shipped.model_copy(update={"version": "1.1.0"}).with_weights(
            pillar_weights={"tech": 2.0}))  # 1.1.0 already names other weights here
        ws.replace_framework(shipped)
    _hand_edited(tmp_path / "fw.json")
    code, _out, _err = run_cli(capsys, "framework", "migrate", str(where), "--to",
                               str(tmp_path / "fw.json"))
    assert code == 0
    with Workspace.open(where) as ws:
        assert [(f.version, f.pillar("eco").weight) for f in ws.frameworks()] == [
            ("1.0.0", 1.0), ("1.1.0", 1.0), ("1.2.0", 3.0)]
        assert ws.framework().version == "1.2.0"
