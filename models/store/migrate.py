"""The workspace schema's revisions: which one a file has, bringing an older file up to date
(after a backup copy), and refusing a file from a newer Beachhead.

Alembic runs programmatically on the workspace's own connection (``migrations/env.py`` takes
it from ``config.attributes``), inside one write transaction: SQLite changes its schema
transactionally, so a migration interrupted by a crash leaves the file at its old revision.
Foreign keys are off while the schema changes (SQLite rebuilds a changed table by copying
it, which must not cascade) and checked before the transaction commits.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final

import sqlalchemy as sa

from models.core.errors import InputError
from models.files.atomic import atomic_output
from models.store.sqlite import WRITE_OPTION, as_os_error, driver, mark_file, remove_companions

if TYPE_CHECKING:
    from alembic.config import Config

#: The migrations that ship with Beachhead.
SCRIPTS: Final = Path(__file__).resolve().with_name("migrations")
#: The newest revision in ``migrations/versions`` (a test checks it), so that opening an
#: up-to-date file needs no Alembic (whose import alone takes a noticeable part of a second).
HEAD: Final = "0003"
#: A backup copy taken before a migration: ``FILE.bak-<revision it had>``.
BACKUP_INFIX: Final = ".bak-"
#: Alembic's own table, read without Alembic.
_VERSION = sa.Table("alembic_version", sa.MetaData(),
                    sa.Column("version_num", sa.String(32), primary_key=True))


@contextlib.contextmanager
def writing(conn: sa.Connection) -> Iterator[sa.Connection]:
    """A write transaction on ``conn`` (on SQLite it takes the write lock first, ``BEGIN
    IMMEDIATE``; on PostgreSQL it runs at ``READ COMMITTED``), committed on a normal exit and
    rolled back on an exception."""
    conn.execution_options(**{WRITE_OPTION: True})
    try:
        with conn.begin():
            yield conn
    finally:
        conn.execution_options(**{WRITE_OPTION: False})


def _config(scripts: Path, conn: sa.Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(scripts))
    if conn is not None:
        config.attributes["connection"] = conn
    return config


def revisions(scripts: Path = SCRIPTS) -> list[str]:
    """The schema revisions these migrations know, oldest first (the last is the head)."""
    from alembic.script import ScriptDirectory

    found = ScriptDirectory.from_config(_config(scripts)).walk_revisions()
    return [s.revision for s in reversed(list(found))]


def stored_revision(conn: sa.Connection) -> str | None:
    """The revision the database has (``None`` when it has no Alembic version table)."""
    with conn.begin():
        if not sa.inspect(conn).has_table(_VERSION.name):
            return None
        found = conn.execute(sa.select(_VERSION.c.version_num)).scalars().all()
    return found[0] if len(found) == 1 else None


def upgrade(conn: sa.Connection, scripts: Path = SCRIPTS) -> None:
    """Bring the database on ``conn`` to the head revision, in the caller's transaction."""
    from alembic import command

    command.upgrade(_config(scripts, conn), "head")


def backup_path(path: Path, revision: str) -> Path:
    """Where the copy of ``path`` taken before migrating it from ``revision`` goes."""
    return path.with_name(f"{path.name}{BACKUP_INFIX}{revision}")


def snapshot(conn: sa.Connection, dest: Path) -> None:
    """Write a consistent copy of the database (its committed state, ``-wal`` included) to
    ``dest`` atomically, by SQLite's ``VACUUM INTO`` (``OSError`` naming ``dest`` when it
    cannot be written)."""
    with atomic_output(dest) as tmp:
        try:
            driver(conn).execute("VACUUM INTO ?", (str(tmp),))
        except sqlite3.Error as exc:
            remove_companions(tmp)  # the copy's journal, left when it failed
            refused = as_os_error(exc, dest)
            if refused is None:
                raise
            raise refused from exc


def bring_up_to_date(conn: sa.Connection, path: Path | str,
                     scripts: Path = SCRIPTS) -> str | None:
    """Check the revision of the workspace on ``conn`` and migrate an older one in place,
    after a backup copy :func:`backup_path`; returns the revision it had when it was
    migrated, ``None`` when it was up to date.

    Raises:
        InputError: the file has a revision these migrations do not know: a newer Beachhead
            wrote it (both revisions are named).
    """
    found = stored_revision(conn)
    if found == HEAD and scripts == SCRIPTS:
        return None
    known = revisions(scripts)
    head = known[-1]
    if found == head:
        return None
    if found is None:
        raise InputError.single(str(path), "schema revision", "the workspace records no "
                                "schema revision (its alembic_version table is missing or "
                                "holds more than one); it is damaged")
    if found not in known:
        raise InputError.single(
            str(path), "schema revision",
            f"the workspace has schema revision {found}, written by a newer Beachhead; this "
            f"Beachhead reads schema revisions up to {head}. Update Beachhead to open it.")
    assert found is not None
    if conn.dialect.name != "sqlite":
        # PostgreSQL changes its schema transactionally and keeps its references checked;
        # the server's own backups stand for the copy taken of a file
        _check_owner(conn, path, found, head)
        with writing(conn):
            if conn.execute(sa.select(_VERSION.c.version_num)).scalar() != head:
                upgrade(conn, scripts)
        return found
    snapshot(conn, backup_path(Path(path), found))
    raw = driver(conn)
    raw.execute("PRAGMA foreign_keys = OFF")
    try:
        with writing(conn):
            if conn.execute(sa.select(_VERSION.c.version_num)).scalar() != head:
                upgrade(conn, scripts)
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").first()
                if broken is not None:
                    raise RuntimeError(f"the migration to {head} broke a reference: {broken}")
    finally:
        raw.execute("PRAGMA foreign_keys = ON")
    mark_file(conn, head)
    return found


def _check_owner(conn: sa.Connection, path: Path | str, found: str, head: str) -> None:
    """Only the role owning a team workspace's tables may migrate them: anyone else is told
    so, with both revisions, rather than what the server refuses midway.

    Raises:
        InputError: the connection's role does not own the tables.
    """
    with conn.begin():
        owner, mine = conn.execute(sa.text(
            "SELECT pg_get_userbyid(relowner), pg_has_role(current_user, relowner, 'USAGE') "
            "FROM pg_catalog.pg_class WHERE oid = CAST(:t AS regclass)"),
            {"t": _VERSION.name}).one()
    if not mine:
        raise InputError.single(
            str(path), "schema revision",
            f"the workspace has schema revision {found} and this Beachhead needs {head}; "
            f"its owner ({owner}) must open it once to bring it up to date")
