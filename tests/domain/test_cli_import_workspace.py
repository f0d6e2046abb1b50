"""``beachhead import`` on workspaces: ``--into`` a workspace is one transaction worked out
under the write lock (imports at once all land), ``-o`` writes a new workspace, a JSON
``--into`` target is rewritten as before with a note, and portfolios are read as inputs."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from models.core.decisions import Decision
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.files.framework_file import default_framework
from models.files.portfolio_file import load_portfolio, save_portfolio
from models.store.access import read_portfolio_file
from models.store.changelog import Kind
from models.store.sqlite import is_workspace
from models.store.workspace import Workspace
from tests.helpers import run_cli, tiny_framework
from tests.workbook_corpus import DATE, fill_template
from tests.workspaces import named

ROOT = Path(__file__).resolve().parents[2]
FW = default_framework()
IDS = FW.criterion_ids
#: Startups imported at once by as many processes.
RACERS = 4


@pytest.fixture(scope="module")
def books(tmp_path_factory) -> dict[str, Path]:
    """Founders' templates: Acme by Li Wei and by Wang Fang, and one per racing startup."""
    folder = tmp_path_factory.mktemp("books")
    specs = {"acme_li": {"Startup": "Acme AI", "Assessor": "Li Wei"},
             "acme_wang": {"Startup": "Acme AI", "Assessor": "Wang Fang"},
             **{f"race{i}": {"Startup": f"Racer {i}", "Assessor": "Li Wei"}
                for i in range(RACERS)}}
    for name, fields in specs.items():
        fill_template(folder / f"{name}.xlsx", fields=fields)
    return {name: folder / f"{name}.xlsx" for name in specs}


def _existing() -> Portfolio:
    return Portfolio(framework=FW, startups=[
        Startup(id="acme", name="Acme AI", assessments=[
            Assessment(assessor="Ann", date=dt.date(2024, 9, 1),
                       scores={IDS[0]: Score(value=1)})]),
        Startup(id="gamma", name="Gamma", sector="Fintech")])


@pytest.fixture
def workspace(new_location) -> Path | str:
    """The existing portfolio, in a file or on the server (each test runs on both)."""
    where = new_location("deals.beachhead")
    Workspace.create(where, _existing(), who="Ann").close()
    return where


def test_into_a_workspace_is_one_transaction(capsys, workspace, books):
    code, _, err = run_cli(capsys, "import", str(books["acme_li"]), str(books["race0"]),
                           "--into", str(workspace))
    assert code == 0
    assert err.splitlines()[-1] == (f"wrote {named(workspace)}: 2 workbooks read: 2 imported (2 "
                                    "startups, 2 assessments); 2 assessments added, 0 "
                                    "duplicates skipped; 3 startups in all")
    with Workspace.open(workspace) as ws:
        port, log = ws.load(), ws.changes()
    assert [s.name for s in port.startups] == ["Acme AI", "Gamma", "Racer 0"]
    acme = port.startups[0]
    assert [(a.assessor, a.date) for a in acme.assessments] == [
        ("Ann", dt.date(2024, 9, 1)), ("Li Wei", DATE)]
    assert acme.assessments[1].level(IDS[1]) == 2  # the template's level, read back
    made, created = log[:-1], log[-1]
    assert created.kind is Kind.CREATE and len({c.group for c in made}) == 1
    assert sorted(c.kind.value for c in made) == ["assessment.insert", "startup.insert"]
    # the same files again: every assessment a duplicate, nothing added
    code, _, err = run_cli(capsys, "import", str(books["acme_li"]), "--into", str(workspace))
    assert code == 0 and "0 assessments added, 1 duplicate skipped" in err
    assert read_portfolio_file(workspace) == port


def test_imports_at_once_into_one_workspace_all_land(workspace, books):
    run = "import sys; from models.cli.main import main; sys.exit(main(sys.argv[1:]))"
    procs = [subprocess.Popen([sys.executable, "-c", run, "import", str(books[f"race{i}"]),
                               "--into", str(workspace)], cwd=ROOT, stderr=subprocess.PIPE,
                              text=True) for i in range(RACERS)]
    results = [(p.wait(timeout=300), p.stderr.read() if p.stderr else "") for p in procs]
    for p in procs:
        if p.stderr:
            p.stderr.close()
    assert [code for code, _ in results] == [0] * RACERS, results
    with Workspace.open(workspace) as ws:
        names = [s.name for s in ws.load().startups]
        groups = {c.group for c in ws.changes() if c.kind is Kind.STARTUP_INSERT}
    assert sorted(names) == ["Acme AI", "Gamma", *(f"Racer {i}" for i in range(RACERS))]
    assert len(groups) == RACERS  # one transaction each


def test_a_bad_file_changes_nothing(capsys, tmp_path, workspace, books):
    bad = tmp_path / "bad.xlsx"
    fill_template(bad, rows={IDS[0]: ("3 or 4", None, None, None)})
    with Workspace.open(workspace) as ws:
        before = ws.info()["revision"]
    code, _, err = run_cli(capsys, "import", str(books["acme_li"]), str(bad), "--into",
                           str(workspace))
    assert code == 1 and "nothing written: 1 of 2 workbooks has problems" in err
    with Workspace.open(workspace) as ws:
        assert ws.info()["revision"] == before and len(ws.changes()) == 1


def test_a_new_portfolio_is_a_new_workspace(capsys, tmp_path, workspace, books):
    out = tmp_path / "new.beachhead"
    assert run_cli(capsys, "import", str(books["acme_li"]), "-o", str(out))[0] == 0
    assert is_workspace(out) and [s.name for s in read_portfolio_file(out).startups] == [
        "Acme AI"]
    code, _, err = run_cli(capsys, "import", str(books["acme_wang"]), "-o", str(out))
    assert (code, err) == (1, f"{out}: already exists; -o writes a new workspace (to add to "
                              f"this one: --into {out})\n")
    # --into and -o naming the same workspace: into it, as before workspaces
    assert run_cli(capsys, "import", str(books["acme_wang"]), "--into", str(out), "-o",
                   str(out))[0] == 0
    assert [a.assessor for a in read_portfolio_file(out).startups[0].assessments] == [
        "Li Wei", "Wang Fang"]
    # --into one portfolio, -o another: the first is only read
    with Workspace.open(workspace) as ws:
        before = ws.info()["revision"]
    other = tmp_path / "other.beachhead"
    assert run_cli(capsys, "import", str(books["race1"]), "--into", str(workspace), "-o",
                   str(other))[0] == 0
    assert [s.name for s in read_portfolio_file(other).startups] == ["Acme AI", "Gamma",
                                                                     "Racer 1"]
    with Workspace.open(workspace) as ws:
        assert ws.info()["revision"] == before
    code, _, err = run_cli(capsys, "import", str(books["race1"]))
    assert code == 2 and "--into an existing portfolio, or -o a new .beachhead file" in err


def test_into_a_json_portfolio_rewrites_it_with_a_note(capsys, tmp_path, books):
    target = tmp_path / "deals.beachhead"
    save_portfolio(_existing(), target)
    before = target.read_bytes()
    code, _, err = run_cli(capsys, "import", str(books["race2"]), "--into", str(target))
    assert code == 0
    assert (f"{target}: note: a JSON portfolio is rewritten whole (the previous version is "
            f"kept as {target}.bak), and two imports into it at once can lose one") in err
    assert not is_workspace(target)
    assert (tmp_path / "deals.beachhead.bak").read_bytes() == before
    assert [s.name for s in load_portfolio(target).startups] == ["Acme AI", "Gamma",
                                                                 "Racer 2"]


def _decided() -> Portfolio:
    """Acme with a decision and a new assessment, and a startup of its own."""
    return Portfolio(framework=FW, startups=[
        Startup(id="acme", name="Acme AI", assessments=[
            Assessment(id="x1", assessor="Bo", role="investor", date=dt.date(2025, 2, 3),
                       scores={IDS[2]: Score(value=4, rationale="deep")})],
            decisions=[Decision(status="diligence", date=dt.date(2025, 2, 4), by="IC",
                                rationale="strong niche")]),
        Startup(id="delta", name="Delta", region="深圳")])


def test_portfolios_are_read_as_inputs(capsys, tmp_path, workspace, books):
    js = tmp_path / "from-a-colleague.json"
    save_portfolio(_decided(), js)
    code, _, err = run_cli(capsys, "import", str(js), str(books["acme_li"]), "--into",
                           str(workspace))
    assert code == 0 and "2 files read: 2 imported (3 startups, 2 assessments)" in err
    port = read_portfolio_file(workspace)
    assert [s.name for s in port.startups] == ["Acme AI", "Gamma", "Delta"]
    acme = port.startups[0]
    assert [(a.assessor, a.level(IDS[2]), getattr(a.scores.get(IDS[2]), "rationale", None))
            for a in acme.assessments] == [("Ann", None, None), ("Bo", 4, "deep"),
                                           ("Li Wei", 3, f"why {IDS[2]}")]
    assert "x1" not in {a.id for a in acme.assessments}  # new ids: never a clash
    assert [(d.status, d.by, d.rationale) for d in acme.decisions] == [
        ("diligence", "IC", "strong niche")]
    assert (port.startups[2].id, port.startups[2].region) == ("delta", "深圳")
    with Workspace.open(workspace) as ws:
        (decided,) = [c for c in ws.changes() if c.kind is Kind.DECISIONS]
    assert decided.startup_id == "acme" and decided.new[0]["status"] == "diligence"
    # a workspace is an input too; importing it again adds nothing
    code, _, err = run_cli(capsys, "import", str(workspace), "--into", str(workspace))
    assert code == 0 and "0 assessments added, 3 duplicates skipped" in err


def test_a_portfolio_of_another_framework_is_refused(capsys, tmp_path, workspace):
    js = tmp_path / "tiny.json"
    save_portfolio(Portfolio(framework=tiny_framework()), js)
    code, _, err = run_cli(capsys, "import", str(js), "--into", str(workspace))
    assert code == 1
    assert err.splitlines()[0] == (
        f"{js}: framework: this portfolio uses framework 'test.tiny' version 1; expected "
        f"framework '{FW.id}' version {FW.version}: import it into a portfolio that uses "
        "that framework (--into), or copy it whole (beachhead copy)")
    assert "nothing written: 1 of 1 portfolio has problems" in err
