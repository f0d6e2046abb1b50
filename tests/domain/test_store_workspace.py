"""The workspace file: round trips, the engine's settings, what opening refuses, copies, JSON
export and noticing another connection's commits. Real SQLite files in temporary folders."""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
import time
from pathlib import Path

import pytest
from pydantic import ValidationError

from models.core.decisions import Decision
from models.core.errors import InputError
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.sample import sample_portfolio, synthetic_portfolio
from models.files.portfolio_file import load_portfolio
from models.store import migrate
from models.store.sqlite import APPLICATION_ID, is_workspace
from models.store.workspace import Workspace
from tests.helpers import tiny_framework


def rich_portfolio() -> Portfolio:
    """Three startups on the tiny framework: two assessments with scores out of framework
    order, a blank score, decisions, tags, Unicode and a formula-like note; one startup with
    nothing in it."""
    return Portfolio(framework=tiny_framework(), startups=[
        Startup(id="s1", name="Acme 智能", sector="AI", stage="Seed", region="上海",
                tags=["b2b", "陪伴"], notes="=1+1", assessments=[
                    Assessment(id="a1", assessor="Ann", role="founder", date="2024-10-02",
                               scores={"b.z": Score(value=2, confidence="high",
                                                    rationale="quiet", evidence="memo"),
                                       "a.x": Score(value=4, confidence="low"),
                                       "b.w": Score()}),
                    Assessment(id="a2", assessor="Bo", role="investor", date="2024-11-05",
                               scores={"a.y": Score(value=5, rationale="strong")}),
                ],
                decisions=[Decision(status="screening", date=dt.date(2024, 9, 1), by="IC"),
                           Decision(status="diligence", date=dt.date(2024, 12, 1), by="Ann",
                                    rationale="good fit")]),
        Startup(id="s2", name="Empty Co"),
        Startup(id="s3", name="Beta", assessments=[
            Assessment(id="a3", assessor="Cy", role="other", date="2025-01-15",
                       scores={"a.x": Score(value=1), "a.y": Score(value=3)})]),
    ])


def make(tmp_path: Path, content: Portfolio | None = None, name: str = "w.beachhead",
         who: str = "Ann") -> Workspace:
    """A new workspace in ``tmp_path`` holding ``content`` (default: :func:`rich_portfolio`)."""
    return Workspace.create(tmp_path / name, content or rich_portfolio(), who=who)


@pytest.mark.parametrize("build", [rich_portfolio, sample_portfolio,
                                   lambda: synthetic_portfolio(30, seed=4)],
                         ids=["rich", "sample", "synthetic"])
def test_a_portfolio_comes_back_as_it_went_in(new_location, build):
    original = build()
    where = new_location()
    with Workspace.create(where, original, who="Ann") as ws:
        loaded = ws.load()
    assert loaded.model_dump() == original.model_dump()
    assert loaded == original
    for mine, theirs in zip(loaded.assessments(), original.assessments(), strict=True):
        assert list(mine[1].scores) == list(theirs[1].scores)  # the order of scores too
    with Workspace.open(where) as again:
        assert again.load() == original


def test_scores_come_back_in_their_order_however_the_rows_lie(tmp_path):
    with make(tmp_path) as ws:
        ws.set_score_field("a3", "b.w", "value", 2)  # a3: a.x, a.y, b.w
        raw = ws._conn.connection.driver_connection
        # the rows stay where they are, their positions say b.w first, then a.y, then a.x
        raw.execute("UPDATE scores SET position = 10 - position WHERE assessment_id = 'a3'")
        scores = ws.load().startups[2].assessments[0].scores
        assert list(scores) == ["b.w", "a.y", "a.x"]
        assert scores["b.w"].value == 2 and scores["a.x"].value == 1
        assert list(ws.load().startups[0].assessments[0].scores) == ["b.z", "a.x", "b.w"]


def test_loaded_models_behave_as_validated_ones(new_location):
    with Workspace.create(new_location(), rich_portfolio()) as ws:
        loaded = ws.load()
    a = loaded.startups[0].assessments[0]
    assert a.date == dt.date(2024, 10, 2) and a.scores["b.z"].value == 2
    with pytest.raises(ValidationError):
        a.scores["a.x"].value = 6  # assignment is validated as on any model
    a.date = "2025-02-03"
    assert a.date == dt.date(2025, 2, 3)
    assert loaded.model_copy(deep=True) == loaded
    assert Portfolio.model_validate(loaded.model_dump()) == loaded
    other = loaded.startups[2].assessments[0].scores["a.x"]
    a.scores["b.z"].rationale = "changed"
    assert other.model_fields_set == {"value", "confidence", "rationale", "evidence"}
    assert other.rationale == "" and a.scores["b.z"].rationale == "changed"
    assert other.model_copy(update={"value": 2}).value == 2 and other.value == 1


def test_some_startups_are_read_by_their_ids_in_the_portfolios_order(new_location):
    original = rich_portfolio()
    with Workspace.create(new_location(), original) as ws:
        found = ws.startups(["s3", "no such startup", "s1"])
    assert [(i, s.model_dump()) for i, s in found] == [
        (0, original.startups[0].model_dump()), (2, original.startups[2].model_dump())]


def test_equal_texts_are_read_as_one_string_and_what_can_change_as_each_ones_own(
        new_location):
    """Loading keeps one copy of each distinct text and date (they cannot change), and gives
    every model its own tags, scores and lists."""
    seen = "Seen in the data room"
    content = Portfolio(framework=tiny_framework(), startups=[
        Startup(id=f"s{i}", name=f"Co {i}", sector="Robotics", tags=["b2b"], assessments=[
            Assessment(id=f"a{i}", date="2024-05-06", scores={
                "a.x": Score(value=i + 1, rationale=seen), "a.y": Score(rationale=seen)})])
        for i in range(2)])
    with Workspace.create(new_location(), content) as ws:
        one, two = ws.load().startups
    a, b = one.assessments[0], two.assessments[0]
    assert a.scores["a.x"].rationale is b.scores["a.y"].rationale
    assert b.scores["a.y"].rationale == seen
    assert one.sector is two.sector and a.date is b.date and b.date == dt.date(2024, 5, 6)
    one.tags.append("seed")
    a.scores["a.x"].value = 5
    assert two.tags == ["b2b"] and one.tags == ["b2b", "seed"]
    assert b.scores["a.x"].value == 2 and a.scores["a.x"].value == 5


def test_create_checks_its_content_and_refuses_an_existing_file(tmp_path):
    bad = rich_portfolio()
    bad.startups[0].assessments[0].scores["a.x"].__dict__["value"] = 9  # around validation
    with pytest.raises(ValidationError):
        Workspace.create(tmp_path / "bad.beachhead", bad)
    assert not list(tmp_path.iterdir())  # nothing half-made is left
    make(tmp_path).close()
    with pytest.raises(InputError, match="already exists") as e:
        make(tmp_path)
    assert e.value.problems[0].source == str(tmp_path / "w.beachhead")


def test_every_connection_is_set_up_for_safety(tmp_path):
    with make(tmp_path) as ws:
        raw = ws._conn.connection.driver_connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert raw.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert raw.execute("PRAGMA busy_timeout").fetchone()[0] == 30_000
    header = (tmp_path / "w.beachhead").read_bytes()[:100]
    assert header[:16] == b"SQLite format 3\x00"
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(header[60:64], "big") == int(migrate.HEAD)  # user_version


def test_a_workspace_is_told_from_a_json_portfolio_by_its_first_bytes(tmp_path):
    make(tmp_path).close()
    js = tmp_path / "p.beachhead"
    js.write_text(json.dumps({"format": "beachhead.portfolio"}), encoding="utf-8")
    short = tmp_path / "short.beachhead"
    short.write_bytes(b"SQLite")
    assert is_workspace(tmp_path / "w.beachhead")
    assert not is_workspace(js) and not is_workspace(short)
    assert not is_workspace(tmp_path / "missing.beachhead")


def test_opening_refuses_what_is_not_a_workspace_naming_the_file(tmp_path):
    js = tmp_path / "deals.beachhead"
    js.write_text(json.dumps({"format": "beachhead.portfolio"}), encoding="utf-8")
    junk = tmp_path / "junk.beachhead"
    junk.write_bytes(os.urandom(2048))
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    damaged = tmp_path / "damaged.beachhead"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    cases = {tmp_path / "none.beachhead": "no such workspace file",
             js: "is a JSON portfolio", junk: "not an SQLite database",
             other: "not a Beachhead workspace", damaged: "damaged"}
    for path, words in cases.items():
        with pytest.raises(InputError) as e:
            Workspace.open(path)
        assert words in str(e.value) and e.value.problems[0].source == str(path)
    assert not (tmp_path / "none.beachhead").exists()  # opening never creates a file


def test_a_copy_holds_the_committed_state_and_history(tmp_path, new_location):
    with Workspace.create(new_location(), rich_portfolio(), who="Ann") as ws:
        ws.set_startup_field("s2", "notes", "copied", comment="before the copy")
        dest = ws.copy_to(tmp_path / "copy.beachhead")
        ws.set_startup_field("s2", "notes", "after")
        with Workspace.open(dest) as copy:
            assert copy.load().startups[1].notes == "copied"
            assert copy.changes(startup_id="s2")[0].comment == "before the copy"
        assert ws.load().startups[1].notes == "after"


def test_a_copy_never_overwrites_its_source_or_a_workspace_in_use(tmp_path):
    link = tmp_path / "link.beachhead"
    with make(tmp_path) as ws:
        link.symlink_to(tmp_path / "w.beachhead")
        for target in (tmp_path / "w.beachhead", link):
            with pytest.raises(InputError, match="is this workspace itself"):
                ws.copy_to(target)
        with make(tmp_path, name="busy.beachhead") as busy:
            busy.set_startup_field("s2", "notes", "in use")
            with pytest.raises(InputError, match="in use"):
                ws.copy_to(tmp_path / "busy.beachhead")
        with pytest.raises(InputError, match="is this workspace itself"):
            ws.export_json(link)
        with pytest.raises(OSError) as e:
            ws.copy_to(tmp_path / "missing" / "copy.beachhead")
        assert e.value.filename == str(tmp_path / "missing" / "copy.beachhead")
    assert link.is_symlink()


def test_json_export_writes_the_interchange_format(tmp_path, new_location):
    with Workspace.create(new_location(), rich_portfolio()) as ws:
        ws.set_decisions("s2", [Decision(status="watch", date=dt.date(2025, 3, 1))])
        ws.export_json(tmp_path / "out.beachhead")
        assert load_portfolio(tmp_path / "out.beachhead") == ws.load()


def test_another_connections_commit_changes_the_data_version(new_location):
    with Workspace.create(new_location(), rich_portfolio()) as mine, \
            Workspace.open(mine.address) as theirs:
        before_mine, before_theirs = mine.data_version(), theirs.data_version()
        mine.set_startup_field("s2", "sector", "robots")
        # a server's notification is on its way once the commit returns: allow it a moment
        deadline = time.monotonic() + 2
        while theirs.data_version() == before_theirs and time.monotonic() < deadline:
            time.sleep(0.01)
        assert theirs.data_version() != before_theirs
        assert mine.data_version() == before_mine  # its own edit is not news to it
        assert theirs.load().startups[1].sector == "robots"


def test_a_workspace_opened_through_a_link_keeps_the_link(tmp_path):
    make(tmp_path).close()
    link = tmp_path / "link.beachhead"
    link.symlink_to(tmp_path / "w.beachhead")
    with Workspace.open(link) as ws:
        ws.set_startup_field("s3", "name", "Gamma")
        assert (tmp_path / "w.beachhead-wal").exists()  # beside the real file
    assert link.is_symlink()
    with Workspace.open(tmp_path / "w.beachhead") as ws:
        assert ws.load().startups[2].name == "Gamma"


def test_an_edit_from_a_window_never_undoes_an_import_made_meanwhile(new_location):
    """The JSON document's failure: a window's save overwrote what the command line had
    imported into the same file. Here each edit changes only its own rows."""
    with Workspace.create(new_location(), rich_portfolio()) as window:
        shown = window.load()
        with Workspace.open(window.address, who="cli") as cli:
            cli.add_many([Startup(id="imported", name="Imported Co")])
        window.set_score_field("a1", "a.x", "value", 1)  # edited on what it showed
        after = window.load()
    assert [s.id for s in after.startups] == [s.id for s in shown.startups] + ["imported"]
    assert after.startups[0].assessments[0].scores["a.x"].value == 1


def test_reads_inside_a_write_transaction_see_its_edits(new_location):
    with Workspace.create(new_location(), sample_portfolio(), "Ana") as ws:
        a = ws.load().startups[0].assessments[0]
        with ws.transaction("two steps"):
            ws.set_score_field(a.id, "cap.runway", "value", 5)
            inside = ws.load().startups[0].assessments[0].level("cap.runway")
        assert inside == 5
        assert ws.changes(assessment_id=a.id)[0].comment == "two steps"
        assert ws.load().startups[0].assessments[0].level("cap.runway") == 5


def test_a_read_on_a_lost_server_connection_names_the_server_and_the_next_one_reconnects(
        pg_server, pg_url):
    with Workspace.create(pg_url, rich_portfolio()) as ws:
        with pg_server.admin() as admin:
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                          "WHERE application_name = 'beachhead' AND pid <> pg_backend_pid()")
        with pytest.raises(ConnectionError) as e:
            ws.load()
        assert e.value.filename == ws.location and "cannot reach the server" in str(e.value)
        assert ws.load() == rich_portfolio()
        ws.set_startup_field("s2", "notes", "after the drop")
        assert ws.load().startups[1].notes == "after the drop"


def test_a_framework_stored_before_a_field_was_added_is_not_stored_twice(tmp_path):
    """A version row written before the framework format gained fields (changelog, a rule's
    match) has the hash of the shorter document; scoring under that framework finds the row
    by its id, version and content instead of adding a second one."""
    path = tmp_path / "old.beachhead"
    Workspace.create(path, sample_portfolio()).close()
    with sqlite3.connect(path) as conn:
        (doc,) = conn.execute("SELECT document FROM framework_versions").fetchone()
        older = json.loads(doc)
        older.pop("changelog")
        for rule in [*older["postures"], *older["deal_breakers"]]:
            rule.pop("match")
        conn.execute("UPDATE framework_versions SET document = ?, content_hash = 'older'",
                     (json.dumps(older),))
    with Workspace.open(path) as ws:
        fw = ws.load().framework
        heavier = fw.with_weights(pillar_weights={"niche": 2.0}).model_copy(
            update={"version": "1.1.0"})
        ws.replace_framework(heavier)
        ws.replace_framework(fw)  # and back, as an undo does
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT id, version FROM framework_versions").fetchall()
        (now,) = conn.execute("SELECT framework_version_id FROM portfolio").fetchone()
    assert rows == [(1, "1.0.0"), (2, "1.1.0")] and now == 1
