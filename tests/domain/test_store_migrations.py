"""Schema revisions: the migrations create exactly the schema the code describes; an older
workspace is migrated in place after a backup copy; one from a newer Beachhead is refused
with both revisions named. The newer revision here is a test's own, in a copy of the
migrations folder."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.core.errors import InputError
from models.store import migrate
from models.store.schema import metadata
from models.store.sqlite import integrity_check
from models.store.workspace import Workspace
from tests.domain.test_store_workspace import make, rich_portfolio

#: A revision after the shipped ones that rebuilds the startups table (as SQLite does for most
#: changes) with one more column: rebuilding must not cascade into the assessments that refer
#: to it.
_NEXT_REVISION = '''
"""Startups get the year they were founded."""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("startups", recreate="always") as batch:
        batch.add_column(sa.Column("founded", sa.Integer, nullable=True))


def downgrade():
    with op.batch_alter_table("startups", recreate="always") as batch:
        batch.drop_column("founded")
'''


@pytest.fixture
def newer_scripts(tmp_path) -> Path:
    """The shipped migrations plus a revision 0004."""
    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.SCRIPTS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "v0004_founded.py").write_text(_NEXT_REVISION, encoding="utf-8")
    return scripts


def _columns(path: Path, table: str) -> list[str]:
    engine = sa.create_engine(f"sqlite:///{path}")
    try:
        return [c["name"] for c in sa.inspect(engine).get_columns(table)]
    finally:
        engine.dispose()


def test_the_head_constant_is_the_newest_revision():
    assert migrate.revisions() == ["0001", "0002", "0003"] and migrate.HEAD == "0003"


def test_the_migrations_create_the_schema_the_code_describes(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    make(tmp_path).close()
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'w.beachhead'}")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        assert compare_metadata(context, metadata) == []
    engine.dispose()


def test_an_older_workspace_is_migrated_in_place_after_a_backup(tmp_path, newer_scripts):
    path = tmp_path / "w.beachhead"
    with make(tmp_path) as ws:
        ws.set_startup_field("s2", "notes", "before the upgrade")
        before, history = ws.load(), ws.changes()
    with Workspace.open(path, scripts=newer_scripts) as ws:
        assert ws.load() == before  # every assessment is still there
        assert ws.changes() == history
        ws.set_startup_field("s2", "notes", "after the upgrade")
    assert "founded" in _columns(path, "startups")
    assert int.from_bytes(path.read_bytes()[60:64], "big") == 4  # user_version
    backup = tmp_path / "w.beachhead.bak-0003"
    assert integrity_check(path) == "ok" and integrity_check(backup) == "ok"
    assert "founded" not in _columns(backup, "startups")
    with Workspace.open(backup) as old:
        assert old.load() == before and old.load().startups[1].notes == "before the upgrade"


def test_a_workspace_from_a_newer_beachhead_is_refused_naming_both_revisions(
        tmp_path, newer_scripts):
    path = tmp_path / "w.beachhead"
    Workspace.create(path, rich_portfolio()).close()
    Workspace.open(path, scripts=newer_scripts).close()
    original = path.read_bytes()
    with pytest.raises(InputError) as e:
        Workspace.open(path)
    (problem,) = e.value.problems
    assert problem.source == str(path)
    assert "schema revision 0004" in problem.message and "up to 0003" in problem.message
    assert "newer Beachhead" in problem.message
    assert path.read_bytes() == original
    assert not (tmp_path / "w.beachhead.bak-0004").exists()


@pytest.mark.parametrize("damage", ["DROP TABLE alembic_version",
                                    "INSERT INTO alembic_version VALUES ('0000')"])
def test_a_workspace_without_one_schema_revision_is_called_damaged(tmp_path, damage):
    path = tmp_path / "w.beachhead"
    Workspace.create(path, rich_portfolio()).close()
    with sqlite3.connect(path) as raw:
        raw.execute(damage)
    raw.close()
    with pytest.raises(InputError) as e:
        Workspace.open(path)
    (problem,) = e.value.problems
    assert problem.source == str(path) and problem.location == "schema revision"
    assert problem.message == ("the workspace records no schema revision (its "
                               "alembic_version table is missing or holds more than one); "
                               "it is damaged")


def test_the_schema_is_written_for_postgresql_too():
    from sqlalchemy.dialects import postgresql
    from sqlalchemy.schema import CreateIndex, CreateTable

    ddl = "\n".join(str(CreateTable(t).compile(dialect=postgresql.dialect()))
                    for t in metadata.sorted_tables)
    ddl += "\n".join(str(CreateIndex(i).compile(dialect=postgresql.dialect()))
                     for t in metadata.sorted_tables for i in t.indexes)
    assert "id BIGSERIAL NOT NULL" in ddl  # the change log's numbering
    assert "at TIMESTAMP WITH TIME ZONE NOT NULL" in ddl
    assert "document JSON NOT NULL" in ddl and "ON DELETE CASCADE" in ddl
    assert "CREATE INDEX ix_changes_startup ON changes (startup_id, id)" in ddl
    assert "sqlite" not in ddl.lower() and "pragma" not in ddl.lower()


_FOUNDED = _NEXT_REVISION.replace(
    '''    with op.batch_alter_table("startups", recreate="always") as batch:
        batch.add_column(sa.Column("founded", sa.Integer, nullable=True))''',
    '''    op.add_column("startups", sa.Column("founded", sa.Integer, nullable=True))''')


def test_a_team_workspace_is_migrated_by_its_owner_and_anyone_else_told_so(tmp_path, pg_server,
                                                                           pg_url):
    from models.store.members import add_member

    scripts = tmp_path / "migrations"
    shutil.copytree(migrate.SCRIPTS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    (scripts / "versions" / "v0004_founded.py").write_text(_FOUNDED, encoding="utf-8")
    Workspace.create(pg_url, rich_portfolio(), who="Admin").close()
    add_member(pg_url, "ann", "assessor")
    ann = pg_server.url(str(sa.make_url(pg_url).database), user="ann")
    with pytest.raises(InputError, match=r"schema revision: the workspace has schema revision "
                                         r"0003 and this Beachhead needs 0004; its owner "
                                         r"\(postgres\) must open it once"):
        Workspace.open(ann, scripts=scripts)
    for address in (pg_url, ann):
        with Workspace.open(address, scripts=scripts) as ws:
            assert ws.load() == rich_portfolio()
    with pg_server.admin(str(sa.make_url(pg_url).database)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0004",)]
        assert conn.execute("SELECT count(founded) FROM startups").fetchone() == (0,)
