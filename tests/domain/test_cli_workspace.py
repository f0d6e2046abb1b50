"""The command line on workspaces: every reading command reads a workspace and a JSON
portfolio alike (the JSON file only read), refusals name the file in one line, ``sample``
writes a workspace, ``export`` writes the JSON interchange format, ``copy``, and ``--as-of``."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import time
from pathlib import Path

import pytest

from models.cli.moments import local_text, parse_moment
from models.core.portfolio import Portfolio
from models.engine.sample import sample_portfolio
from models.files.portfolio_file import dumps_portfolio, load_portfolio, save_portfolio
from models.store.changelog import Kind
from models.store.sqlite import is_workspace
from models.store.workspace import Workspace
from tests.domain.test_store_migrations import newer_scripts  # noqa: F401 (a fixture)
from tests.helpers import run_cli

READERS = ("score", "analyze", "export", "report")


def _args(command: str, path: Path, tmp_path: Path) -> list[str]:
    """``command`` on ``path`` with small draws and its output in ``tmp_path`` (replaced)."""
    out = {"export": ["-o", str(tmp_path / "out.xlsx"), "--overwrite", "--draws", "0"],
           "report": ["-o", str(tmp_path / "out.pdf"), "--overwrite", "--draws", "20"]}
    return [command, str(path), *out.get(command, ["--draws", "20"])]


@pytest.fixture
def both(tmp_path) -> tuple[Path, Path]:
    """The sample as a workspace and as a JSON portfolio."""
    ws, js = tmp_path / "deals.beachhead", tmp_path / "deals.json"
    Workspace.create(ws, sample_portfolio(), who="Ann").close()
    save_portfolio(sample_portfolio(), js)
    return ws, js


def test_reading_commands_read_a_workspace_and_a_json_portfolio_alike(capsys, tmp_path, both):
    _, js = both
    before, stamp = js.read_bytes(), js.stat().st_mtime_ns
    for command in ("score", "analyze"):
        outs = [run_cli(capsys, command, str(p), "--format", "json", "--draws", "50")
                for p in both]
        assert [code for code, _, _ in outs] == [0, 0]
        assert json.loads(outs[0][1]) == json.loads(outs[1][1])
    ranking = json.loads(outs[0][1])["startups"]
    assert len(ranking) == 8 and ranking[0]["startup"] == "衡策智能"
    for command in ("export", "report"):
        for path in both:
            code, _, err = run_cli(capsys, *_args(command, path, tmp_path))
            assert code == 0, err
    # the JSON file was only read: not changed, not converted
    assert js.read_bytes() == before and js.stat().st_mtime_ns == stamp
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "deals.beachhead", "deals.json", "out.pdf", "out.xlsx"]


def _newer_json(path: Path) -> None:
    doc = json.loads(dumps_portfolio(sample_portfolio()))
    doc["schema_version"] = 99
    path.write_text(json.dumps(doc), encoding="utf-8")


def _foreign_sqlite(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()


_REFUSED = {
    "missing": (lambda p: None, "cannot open the file"),
    "text": (lambda p: p.write_text("hello\n", encoding="utf-8"), "not valid JSON"),
    "another program's database": (_foreign_sqlite, "an SQLite database, but not a Beachhead "
                                                    "workspace"),
    "newer JSON": (_newer_json, "schema version 99, written by a newer Beachhead"),
    "damaged": (lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000),
                "cannot be opened as a workspace, it is damaged"),
}


@pytest.mark.parametrize("case", list(_REFUSED))
@pytest.mark.parametrize("command", READERS)
def test_a_file_that_cannot_be_read_is_named_in_one_line(capsys, tmp_path, case, command):
    make, words = _REFUSED[case]
    path = tmp_path / "deals.beachhead"
    make(path)
    code, out, err = run_cli(capsys, *_args(command, path, tmp_path))
    assert (code, out) == (1, "")
    (line,) = err.splitlines()
    assert line.startswith(f"{path}: ") and words in line
    assert not (tmp_path / "out.xlsx").exists() and not (tmp_path / "out.pdf").exists()


def test_a_workspace_from_a_newer_beachhead_is_refused_naming_both_revisions(
        capsys, tmp_path, newer_scripts):  # noqa: F811 (the fixture)
    path = tmp_path / "deals.beachhead"
    Workspace.create(path, sample_portfolio()).close()
    Workspace.open(path, scripts=newer_scripts).close()
    for command in READERS:
        code, _, err = run_cli(capsys, *_args(command, path, tmp_path))
        assert code == 1
        assert err == (f"{path}: schema revision: the workspace has schema revision 0004, "
                       "written by a newer Beachhead; this Beachhead reads schema revisions "
                       "up to 0003. Update Beachhead to open it.\n")


def test_sample_writes_a_workspace(capsys, tmp_path):
    path = tmp_path / "s.beachhead"
    code, _, err = run_cli(capsys, "sample", "-o", str(path))
    assert code == 0 and err == f"wrote {path}: 8 startups, 13 assessments\n"
    assert is_workspace(path)
    with Workspace.open(path) as ws:
        assert ws.load() == sample_portfolio()
        (created,) = ws.changes()
    assert created.kind is Kind.CREATE and created.new["startups"] == 8
    code, _, err = run_cli(capsys, "sample", "-o", str(tmp_path / "s.json"))
    assert code == 2 and "the output must be a .beachhead file" in err


def test_export_writes_the_json_interchange_format(capsys, tmp_path, both):
    ws, _ = both
    with Workspace.open(ws) as w:
        w.set_startup_field(w.load().startups[0].id, "notes", "met the founders")
        now = w.load()
    by_suffix, by_option = tmp_path / "a.json", tmp_path / "b.beachhead"
    assert run_cli(capsys, "export", str(ws), "-o", str(by_suffix))[0] == 0
    assert run_cli(capsys, "export", str(ws), "--format", "json", "-o", str(by_option))[0] == 0
    for path in (by_suffix, by_option):
        assert not is_workspace(path) and load_portfolio(path) == now
        assert path.read_text(encoding="utf-8") == dumps_portfolio(now)
    assert load_portfolio(by_suffix).startups[0].notes == "met the founders"
    # the default stays the workbook
    assert run_cli(capsys, "export", str(ws), "-o", str(tmp_path / "c.xlsx"),
                   "--draws", "0")[0] == 0
    assert (tmp_path / "c.xlsx").read_bytes()[:2] == b"PK"
    for bad in (["-o", str(tmp_path / "d.beachhead")],
                ["--format", "json", "-o", str(tmp_path / "d.xlsx")],
                ["--format", "json", "-o", str(tmp_path / "d.json"), "--scenario",
                 "financing_thaw"]):
        code, _, err = run_cli(capsys, "export", str(ws), *bad)
        assert code == 2 and "Traceback" not in err, bad
    # a JSON export never replaces a workspace
    other = tmp_path / "other.beachhead"
    Workspace.create(other, Portfolio(framework=now.framework)).close()
    code, _, err = run_cli(capsys, "export", str(ws), "--format", "json", "-o", str(other))
    assert code == 1 and err.startswith(f"{other}: is a workspace")
    assert is_workspace(other)


def test_copy_of_a_workspace_keeps_its_history(capsys, tmp_path, both):
    ws, _ = both
    with Workspace.open(ws, who="Bo") as w:
        first = w.load().startups[0]
        w.set_startup_field(first.id, "stage", "Series Z", comment="closed the round")
        history = w.changes()
    dest = tmp_path / "copy.beachhead"
    code, _, err = run_cli(capsys, "copy", str(ws), str(dest))
    assert (code, err) == (0, f"wrote {dest}: a copy of the workspace {ws}\n")
    with Workspace.open(dest) as c, Workspace.open(ws) as w:
        assert c.load() == w.load() and c.changes() == history
    assert [(h.who, h.new, h.comment) for h in history] == [
        ("Bo", "Series Z", "closed the round"), ("Ann", history[1].new, None)]


def test_copy_of_a_json_portfolio_is_a_workspace_holding_it(capsys, tmp_path, both):
    _, js = both
    before = js.read_bytes()
    dest = tmp_path / "converted.beachhead"
    code, _, err = run_cli(capsys, "copy", str(js), str(dest))
    assert code == 0 and err == (f"wrote {dest}: a workspace holding the JSON portfolio {js} "
                                 "(8 startups)\n")
    assert js.read_bytes() == before
    with Workspace.open(dest) as w:
        assert w.load() == load_portfolio(js)
        info = w.info()
    assert (info["source_name"], info["source_sha256"]) == (
        "deals.json", hashlib.sha256(before).hexdigest())


def test_copy_refuses_its_source_and_an_existing_file_unless_told(capsys, tmp_path, both):
    ws, js = both
    code, _, err = run_cli(capsys, "copy", str(ws), str(ws))
    assert code == 2 and "is also the input" in err
    dest = tmp_path / "taken.beachhead"
    dest.write_text("keep me", encoding="utf-8")
    code, _, err = run_cli(capsys, "copy", str(js), str(dest))
    assert (code, err) == (1, f"{dest}: already exists; choose another name, or give "
                              "--overwrite to replace it\n")
    assert dest.read_text(encoding="utf-8") == "keep me"
    assert run_cli(capsys, "copy", str(ws), str(dest), "--overwrite")[0] == 0
    assert is_workspace(dest) and len(Workspace.open(dest).load().startups) == 8
    code, _, err = run_cli(capsys, "copy", str(ws), str(tmp_path / "copy.json"))
    assert code == 2 and "must be a .beachhead file" in err


@pytest.fixture
def shanghai(monkeypatch):
    """Local time is China Standard Time (UTC+8, no daylight saving) for the test."""
    monkeypatch.setenv("TZ", "Asia/Shanghai")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_moments_are_read_in_local_time(shanghai):
    utc = dt.UTC
    assert parse_moment("2025-03-04", end_of_day=True) == dt.datetime(
        2025, 3, 4, 15, 59, 59, 999999, tzinfo=utc)
    assert parse_moment("2025-03-04", end_of_day=False) == dt.datetime(2025, 3, 3, 16,
                                                                       tzinfo=utc)
    assert parse_moment("2025-03-04T10:30", end_of_day=True) == dt.datetime(
        2025, 3, 4, 2, 30, tzinfo=utc)
    assert parse_moment(" 2025-03-04 10:30:05Z", end_of_day=True) == dt.datetime(
        2025, 3, 4, 10, 30, 5, tzinfo=utc)
    assert parse_moment("2025-03-04T10:30+02:00", end_of_day=False) == dt.datetime(
        2025, 3, 4, 8, 30, tzinfo=utc)
    assert parse_moment("2025-03-04", end_of_day=True).tzinfo is not None
    with pytest.raises(ValueError, match="'next week' is not a date"):
        parse_moment("next week", end_of_day=True)
    for edge in ("0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:00-12:00"):
        with pytest.raises(ValueError, match=f"'{edge}' is too far in the past or the future"):
            parse_moment(edge, end_of_day=True)
    assert local_text(dt.datetime(2025, 3, 4, 2, 30, tzinfo=utc)) == "2025-03-04 10:30:00"


def test_as_of_shows_the_portfolio_as_it_stood_then(capsys, tmp_path, both):
    ws, js = both
    with Workspace.open(ws) as w:
        created = w.changes()[0].at
        gearloom = w.load().find_startup("Gearloom Systems")
        assert gearloom is not None
        for a in gearloom.assessments:
            w.set_score_field(a.id, "niche.segment_focus", "value", 1)
    score = ("score", "--format", "json", "--draws", "50")
    _, original, _ = run_cli(capsys, score[0], str(js), *score[1:])
    _, now, _ = run_cli(capsys, score[0], str(ws), *score[1:])
    code, then, _ = run_cli(capsys, score[0], str(ws), *score[1:], "--as-of",
                            created.isoformat())
    assert code == 0 and json.loads(then) == json.loads(original) != json.loads(now)
    # a date alone is the end of that day: today's date shows every edit of today
    today = dt.datetime.now().date().isoformat()
    assert run_cli(capsys, score[0], str(ws), *score[1:], "--as-of", today)[1] == now
    out = tmp_path / "then.json"
    assert run_cli(capsys, "export", str(ws), "-o", str(out), "--as-of",
                   created.isoformat())[0] == 0
    assert load_portfolio(out) == load_portfolio(js)
    code, _, err = run_cli(capsys, "analyze", str(ws), "--draws", "20", "--as-of", today)
    assert code == 0, err


def test_as_of_needs_a_workspace_and_a_moment_it_holds(capsys, tmp_path, both):
    ws, js = both
    code, _, err = run_cli(capsys, "score", str(js), "--as-of", "2025-01-01")
    assert code == 2
    assert err.startswith(f"beachhead score: --as-of needs a workspace, which keeps the "
                          f"history of every change; {js} is a JSON portfolio")
    code, _, err = run_cli(capsys, "export", str(ws), "-o", str(tmp_path / "x.xlsx"),
                           "--as-of", "2001-02-03")
    (line,) = err.splitlines()
    assert code == 1 and line.startswith(f"{ws}: as of: 2001-02-03T23:59:59.999999")
    assert "is before the workspace was created" in line
    code, _, err = run_cli(capsys, "score", str(ws), "--as-of", "soon")
    assert code == 2 and "'soon' is not a date" in err
