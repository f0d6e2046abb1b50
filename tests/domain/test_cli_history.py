"""``beachhead history``: a workspace's changes newest first, as a table, CSV (text that looks
like a formula quoted) or JSON; ``--startup`` chosen as other commands choose one, ``--since``;
a JSON portfolio refused (it keeps no history)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from models.cli.moments import local_text
from models.core.decisions import Decision
from models.core.portfolio import Startup
from models.files.portfolio_file import save_portfolio
from models.store.workspace import Workspace
from tests.domain.test_store_workspace import rich_portfolio
from tests.helpers import run_cli

HEAD = ["when", "who", "startup", "assessment", "what", "old", "new", "comment"]


@pytest.fixture
def path(new_location) -> Path | str:
    """The rich portfolio's workspace, made by Ann, then edited by Dee and Eve (in a file or
    on the server: each test runs on both)."""
    where = new_location()
    with Workspace.create(where, rich_portfolio(), who="Ann") as ws:
        ws.who = "Dee"
        ws.set_score_field("a1", "a.x", "value", 2, comment="after the call")
        ws.set_startup_field("s1", "notes", "=2+2")
        ws.who = "Eve"
        ws.set_startup_field("s3", "name", "Beta Labs")
        ws.set_decisions("s3", [Decision(status="watch", date=dt.date(2025, 2, 1), by="Eve")])
    return where


def _changes(path: Path) -> list:  # type: ignore[type-arg]
    with Workspace.open(path) as ws:
        return ws.changes()


def _csv(capsys, *args: str) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    code, out, err = run_cli(capsys, "history", *args, "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert out.splitlines()[0].split(",") == HEAD
    return rows


def test_the_log_newest_first_in_words(capsys, path):
    log = _changes(path)
    rows = _csv(capsys, str(path))
    assert [(r["who"], r["startup"], r["what"], r["old"], r["new"]) for r in rows] == [
        ("Eve", "Beta Labs", "decision", "—", "Watch (2025-02-01)\n2025-02-01 Watch — Eve"),
        ("Eve", "Beta Labs", "name", "Beta", "Beta Labs"),
        ("Dee", "Acme 智能", "notes", "'=1+1", "'=2+2"),
        ("Dee", "Acme 智能", "a.x – level", "4", "2"),
        ("Ann", "", "workspace created", "—", "3 startups · framework test.tiny 1")]
    assert [r["when"] for r in rows] == [local_text(c.at) for c in log]
    assert rows[3]["assessment"] == "Ann (founder, 2024-10-02)"
    assert rows[3]["comment"] == "after the call"


def test_the_table(capsys, path):
    code, out, _ = run_cli(capsys, "history", str(path))
    lines = out.splitlines()
    assert code == 0 and len(lines) == 2 + 5
    assert lines[0].split() == ["When", "Who", "Startup", "Assessment", "What", "Before",
                                "After", "Comment"]
    assert lines[2].split()[2:] == ["Eve", "Beta", "Labs", "decision", "—", "Watch",
                                    "(2025-02-01)"]
    assert "after the call" in lines[5] and "'=2+2" in lines[4]
    code, out, _ = run_cli(capsys, "history", str(path), "--lang", "zh_CN")
    assert out.split()[:3] == ["时间", "修改人", "初创公司"] and "名称" in out


def test_one_startup_chosen_as_other_commands_choose_it(capsys, path):
    for name in ("Acme 智能", " acme 智能", "s1"):
        rows = _csv(capsys, str(path), "--startup", name)
        assert [r["what"] for r in rows] == ["notes", "a.x – level"], name
    code, out, err = run_cli(capsys, "history", str(path), "--startup", "Beta")
    assert (code, out) == (1, "")
    assert err == f"{path}: --startup: no startup named 'Beta'\n"
    with Workspace.open(path) as ws:
        ws.remove_startup("s2")
    rows = _csv(capsys, str(path), "--startup", "s2")  # gone, yet the log knows it
    assert [(r["startup"], r["what"]) for r in rows] == [("Empty Co", "startup removed")]


def test_a_removed_startup_chosen_by_the_name_it_had(capsys, path):
    with Workspace.open(path, who="Fay") as ws:
        ws.set_startup_field("s2", "notes", "dropped")
        ws.remove_startup("s2")
        ws.remove_startup("s1")
        ws.insert_startup(0, Startup(id="n1", name="Empty Co"))  # the name, taken again
    for name in ("Acme 智能", " acme 智能"):  # exactly, or but for case and spacing
        acme = _csv(capsys, str(path), "--startup", name)
        assert [(r["startup"], r["what"]) for r in acme] == [
            ("Acme 智能", "startup removed"), ("Acme 智能", "notes"),
            ("Acme 智能", "a.x – level")], name
    # a startup present now comes before a removed one of the same name
    assert [r["what"] for r in _csv(capsys, str(path), "--startup", "Empty Co")] == [
        "startup added"]
    gone = _csv(capsys, str(path), "--startup", "s2")
    assert [r["what"] for r in gone] == ["startup removed", "notes"]
    code, _, err = run_cli(capsys, "history", str(path), "--startup", "Gamma")
    assert code == 1 and err == f"{path}: --startup: no startup named 'Gamma'\n"


def test_since(capsys, path):
    log = _changes(path)
    since = (log[2].at + dt.timedelta(microseconds=1)).isoformat()
    rows = _csv(capsys, str(path), "--since", since)
    assert [r["what"] for r in rows] == ["decision", "name"]
    today = dt.datetime.now().date().isoformat()  # a date: from the start of that day
    assert len(_csv(capsys, str(path), "--since", today)) == 5
    code, out, _ = run_cli(capsys, "history", str(path), "--since", "2999-01-01")
    assert (code, out) == (0, "no changes\n")


def test_json_is_a_list_of_objects_with_stable_keys(capsys, path):
    code, out, _ = run_cli(capsys, "history", str(path), "--format", "json",
                           "--startup", "s1")
    rows = json.loads(out)
    assert code == 0 and len(rows) == 2
    assert set(rows[0]) == {"id", "at", "who", "db_role", "kind", "startup_id", "startup",
                            "assessment_id", "assessor", "role", "date", "criterion_id",
                            "field", "what", "old", "new", "old_value", "new_value",
                            "comment"}
    level = rows[1]
    server = not isinstance(path, Path)  # its server records the role: the tests' superuser
    assert level["db_role"] == ("postgres" if server else None)
    assert (level["kind"], level["criterion_id"], level["field"], level["old_value"],
            level["new_value"], level["assessor"], level["comment"]) == (
        "score.field", "a.x", "value", 4, 2, "Ann", "after the call")
    assert dt.datetime.fromisoformat(level["at"]) == _changes(path)[3].at


def test_a_json_portfolio_keeps_no_history(capsys, tmp_path):
    js = tmp_path / "deals.json"
    save_portfolio(rich_portfolio(), js)
    code, _, err = run_cli(capsys, "history", str(js))
    assert code == 2 and err.startswith("beachhead history: history needs a workspace")
    code, _, err = run_cli(capsys, "history", str(tmp_path / "none.beachhead"))
    assert code == 1 and err.startswith(f"{tmp_path / 'none.beachhead'}: cannot open")
