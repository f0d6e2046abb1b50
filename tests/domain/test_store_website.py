"""A startup's website in the workspace, on a file and on a PostgreSQL server alike (each test
with ``new_location`` or ``ws`` runs on both): schema revision 0003 adds the column to a
workspace made before it, keeping every row; an edit is written with its change-log row, told
in both languages and taken back by as-of views; a copy carries it; on a team workspace the
server lets partners change it and refuses assessors and readers, as for every other detail of
a startup."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.files.portfolio_file import load_portfolio
from models.history.describe import describe_changes
from models.store import migrate
from models.store.changelog import Kind
from models.store.schema import metadata
from models.store.server import is_server_address, server_engine
from models.store.sqlite import mark_file, sqlite_engine
from models.store.workspace import Workspace
from tests.domain.test_store_policies import Refused, Team, refused, team  # noqa: F401
from tests.domain.test_store_workspace import rich_portfolio

#: The tables whose ids the database numbers (their sequences continue after a copy).
_NUMBERED = ("framework_versions", "decisions", "rounds", "changes")


def _engine(where: str | Path) -> sa.Engine:
    if is_server_address(where):
        return server_engine(str(where))
    return sqlite_engine(where, create=True)


def _rows(where: str | Path) -> dict[str, list[dict[str, object]]]:
    """Every row of every table of the workspace at ``where``, in key order (of the columns
    its revision has)."""
    engine = _engine(where)
    try:
        with engine.connect() as conn:
            found = sa.inspect(conn)
            return {t.name: [dict(r) for r in conn.execute(
                sa.select(*(t.c[c["name"]] for c in found.get_columns(t.name)))
                .order_by(*t.primary_key.columns)).mappings()]
                for t in metadata.sorted_tables}
    finally:
        engine.dispose()


def _made_before_the_website(where: str | Path, tmp_path: Path) -> dict[str, list[dict]]:  # type: ignore[type-arg]
    """Make ``where`` a workspace at revision 0002, as Beachhead made them before startups had
    a website: the schema by the migrations up to 0002, holding the rows of the rich portfolio
    with a history (a note edited, a startup renamed); returns its rows as it holds them."""
    source = tmp_path / "source.beachhead"
    with Workspace.create(source, rich_portfolio(), who="Ann") as ws:
        ws.set_startup_field("s2", "notes", "met at the fair")
        ws.set_startup_field("s3", "name", "Beta Labs")
    rows = _rows(source)
    for row in rows["startups"]:
        assert row.pop("website") == ""
    scripts = tmp_path / "migrations-0002"
    shutil.copytree(migrate.SCRIPTS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "v0003_website.py").unlink()
    engine = _engine(where)
    try:
        with engine.connect() as conn:
            with migrate.writing(conn):
                migrate.upgrade(conn, scripts)
                for table in metadata.sorted_tables:
                    if rows[table.name]:
                        conn.execute(sa.insert(table), rows[table.name])
                if conn.dialect.name == "postgresql":
                    for name in _NUMBERED:
                        conn.execute(sa.text(f"SELECT setval(pg_get_serial_sequence("
                                             f"'{name}', 'id'), (SELECT max(id) FROM {name}))"))
            if conn.dialect.name == "sqlite":
                mark_file(conn, "0002")
            assert "website" not in {c["name"] for c in sa.inspect(conn).get_columns("startups")}
            assert conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() \
                == "0002"
    finally:
        engine.dispose()
    return _rows(where)


def test_a_workspace_from_before_the_website_gets_it_keeping_every_row(new_location, tmp_path):
    where = new_location()
    before = _made_before_the_website(where, tmp_path)
    with Workspace.open(where, who="Ann") as ws:
        loaded = ws.load()
        assert [s.website for s in loaded.startups] == ["", "", ""]
        assert [s.name for s in loaded.startups] == ["Acme 智能", "Empty Co", "Beta Labs"]
        assert loaded.startups[1].notes == "met at the fair"
        ws.set_startup_field("s1", "website", "acme.ai")
    after = _rows(where)
    assert [r.pop("website") for r in after["startups"]] == ["https://acme.ai", "", ""]
    assert after["changes"][:-1] == before["changes"]  # the history as it was, then the edit
    del after["changes"], before["changes"]
    after["portfolio"][0]["revision"] -= 1  # the edit counted the revision up
    assert after == before
    if isinstance(where, Path):
        backup = where.with_name(where.name + ".bak-0002")
        assert _rows(backup)["startups"] == before["startups"]
        assert int.from_bytes(where.read_bytes()[60:64], "big") == 3  # user_version


def test_an_edit_is_written_logged_told_and_taken_back(ws: Workspace):
    start = ws.changes(limit=1)[0].at
    ws.set_startup_field("s1", "website", "  WWW.Acme.AI/zh  ", comment="from the deck")
    ws.set_startup_field("s1", "website", "https://acme.ai")
    ws.set_startup_field("s1", "website", "acme.ai")  # the same once kept whole: no change
    first, second = ws.changes(startup_id="s1", limit=2)[::-1]
    assert (second.kind, second.field, second.old, second.new) == (
        Kind.STARTUP_FIELD, "website", "https://www.acme.ai/zh", "https://acme.ai")
    assert (first.old, first.new, first.comment) == ("", "https://www.acme.ai/zh",
                                                     "from the deck")
    assert ws.load().startups[0].website == "https://acme.ai"
    current = ws.load()
    en, zh = (describe_changes([second, first], current, lang) for lang in ("en", "zh_CN"))
    assert [(r.startup, r.what, r.old, r.new) for r in en] == [
        ("Acme 智能", "website", "https://www.acme.ai/zh", "https://acme.ai"),
        ("Acme 智能", "website", "—", "https://www.acme.ai/zh")]
    assert [(r.what, r.old, r.new) for r in zh] == [
        ("网站", "https://www.acme.ai/zh", "https://acme.ai"),
        ("网站", "—", "https://www.acme.ai/zh")]
    assert ws.as_of(start).startups[0].website == ""
    assert ws.as_of(first.at).startups[0].website == "https://www.acme.ai/zh"
    # what is not a web address is refused and nothing is written
    with pytest.raises(ValueError, match=r"the website 'see deck' is not a web address \(it "
                                         r"has spaces\); expected a web address such as "
                                         r"acme.ai or https://acme.ai"):
        ws.set_startup_field("s1", "website", "see deck")
    assert ws.changes(limit=1)[0].id == second.id
    assert ws.load().startups[0].website == "https://acme.ai"


def test_a_copy_carries_the_websites(new_location, tmp_path):
    content = rich_portfolio()
    content.startups[2].website = "beta.example.org"
    with Workspace.create(new_location(), content, who="Ann") as ws:
        ws.set_startup_field("s1", "website", "http://acme.ai:8080/")
        there = ws.copy_to(tmp_path / "copy.beachhead")
    with Workspace.open(there) as copy:
        assert [s.website for s in copy.load().startups] == ["http://acme.ai:8080/", "",
                                                             "https://beta.example.org"]
        assert copy.changes(limit=1)[0].new == "http://acme.ai:8080/"
        assert copy.as_of(copy.changes(limit=1)[0].at - dt.timedelta(microseconds=1)
                          ).startups[0].website == ""


def test_partners_change_a_website_and_assessors_and_readers_may_not(team: Team):  # noqa: F811
    for role in ("ann", "rita"):
        refused(team, role, "UPDATE startups SET website = 'https://mine.example' "
                            "WHERE id = 's1'")
        with Workspace.open(team.url(role)) as ws:
            with pytest.raises(PermissionError) as caught:
                ws.set_startup_field("s1", "website", "mine.example")
            assert caught.value.filename == ws.location
    assert team.read("postgres", "SELECT website FROM startups WHERE id = 's1'") == [("",)]
    with Workspace.open(team.url("pat")) as ws:
        ws.set_startup_field("s1", "website", "acme.ai")
        (change,) = ws.changes(startup_id="s1", limit=1)
    assert (change.role, change.field, change.new) == ("pat", "website", "https://acme.ai")
    assert team.read("rita", "SELECT website FROM startups WHERE id = 's1'") == \
        [("https://acme.ai",)]
    team.write("pat", "UPDATE startups SET website = '' WHERE id = 's1'")
    assert team.read("postgres", "SELECT website FROM startups WHERE id = 's1'") == [("",)]


def test_the_portfolio_a_workspace_gives_is_of_the_current_json_schema(ws: Workspace,
                                                                       tmp_path: Path):
    ws.set_startup_field("s3", "website", "beta.example.org")
    out = tmp_path / "out.json"
    ws.export_json(out)
    again = load_portfolio(out)
    assert again.schema_version == 3 and again == ws.load()
    assert again.startups[2].website == "https://beta.example.org"
