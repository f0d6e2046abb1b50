"""Opening a workspace file, with every check that turns a wrong file into one clear line,
and filling a new one.

Opening refuses, naming the file: a missing file; a JSON portfolio (which is converted, see
:mod:`models.store.convert`); a file that is not an SQLite database; an SQLite database of
another program; a workspace from a newer Beachhead (both schema revisions named). An older
workspace is migrated in place after a backup copy (:mod:`models.store.migrate`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import os
import sqlite3
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from models.core.errors import InputError, write_error
from models.core.portfolio import Portfolio
from models.core.speech import os_reason
from models.files.texts import say
from models.store import migrate
from models.store.changelog import Kind, Recorder, new_group
from models.store.frameworks import framework_version
from models.store.schema import PORTFOLIO_ROW, WORKSPACE_FORMAT, metadata, portfolio
from models.store.server import problem_text, server_engine, server_url, shown
from models.store.sqlite import (
    APPLICATION_ID,
    is_workspace,
    mark_file,
    pragma,
    sqlite_engine,
    unlike_target,
)
from models.store.writes import insert_startups


def default_user() -> str:
    """The operating system's name for the user, or ``unknown``."""
    try:
        return getpass.getuser() or "unknown"
    except (OSError, KeyError, ImportError):
        return "unknown"


def now() -> dt.datetime:
    """The current moment in UTC."""
    return dt.datetime.now(dt.UTC)


def _not_sqlite(path: Path) -> InputError:
    try:
        with open(path, "rb") as fh:
            start = fh.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError as exc:
        return InputError.single(str(path), "", say("cannot_open", reason=os_reason(exc)))
    if start.startswith(b"{"):
        return InputError.single(str(path), "", "is a JSON portfolio, not a workspace; "
                                 "open it to convert it into a workspace beside it")
    return InputError.single(str(path), "", "not a Beachhead workspace (not an SQLite "
                             "database)")


def connect(path: Path, scripts: Path = migrate.SCRIPTS) -> tuple[sa.Engine, sa.Connection]:
    """An engine and a connection on the workspace at ``path``, checked and brought up to
    date (see the module notes for what is refused, as :class:`InputError`)."""
    if not path.is_file():
        raise InputError.single(str(path), "", "no such workspace file")
    if not is_workspace(path):
        raise _not_sqlite(path)
    engine = sqlite_engine(path)
    real = os.path.realpath(path)  # the journal is beside the real file
    absent = [extra for extra in ("-wal", "-shm") if not os.path.lexists(f"{real}{extra}")]
    try:
        conn = engine.connect()
    except (sa.exc.DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        raise _damaged(path, exc, absent) from None
    try:
        _check(conn, path, scripts)
    except BaseException:
        conn.close()
        engine.dispose()
        raise
    return engine, conn


#: Free space (bytes) below which SQLite's "disk I/O error" on opening means a full disk.
LOW_SPACE = 1 << 20


def _disk_full(path: Path, exc: Exception) -> bool:
    """Whether opening ``path`` failed for want of room: SQLite says the disk is full, or it
    says "disk I/O error" (its ``-shm`` file could not be made) where the folder has less
    than :data:`LOW_SPACE` free."""
    refused = write_error(exc)
    if refused is None or refused.errno not in (errno.ENOSPC, errno.EIO):
        return False
    if refused.errno == errno.ENOSPC:
        return True
    try:
        room = os.statvfs(path.resolve().parent)
    except OSError:
        return False
    return room.f_bavail * room.f_frsize < LOW_SPACE


def _damaged(path: Path, exc: Exception, absent: list[str] | None = None) -> InputError:
    reason = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
    if _disk_full(path, exc):  # the companion files this opening began are let go
        real = os.path.realpath(path)
        for extra in absent or []:
            with contextlib.suppress(OSError):
                if os.path.getsize(f"{real}{extra}") < 32768:  # a -shm in use is 32 KiB
                    os.unlink(f"{real}{extra}")
        return InputError.single(str(path), "", say("full_disk", name=path.name))
    folder = path.resolve().parent
    if not os.access(folder, os.W_OK):  # SQLite cannot make the journal (-wal, -shm) beside it
        return InputError.single(str(path), "", f"cannot be opened: its folder {folder} is "
                                 f"read-only, and a workspace writes its journal beside it "
                                 f"({path.name}-wal, {path.name}-shm), even to be read; copy "
                                 f"it to a folder you can write to ({reason})")
    return InputError.single(str(path), "", f"cannot be opened as a workspace, it is damaged "
                             f"or another program's database ({reason})")


def _check(conn: sa.Connection, path: Path, scripts: Path) -> None:
    foreign = InputError.single(str(path), "", "an SQLite database, but not a Beachhead "
                                "workspace")
    try:
        if pragma(conn, "application_id") != APPLICATION_ID:
            raise foreign
        migrate.bring_up_to_date(conn, path, scripts)
        with conn.begin():
            marker = conn.execute(sa.select(portfolio.c.format)).scalar()
    except (sa.exc.DBAPIError, sqlite3.Error) as exc:
        raise _damaged(path, exc) from None
    if marker != WORKSPACE_FORMAT:
        raise foreign


def current_role(conn: sa.Connection) -> str:
    """The database role ``conn`` acts as (a team workspace's default name for changes)."""
    with conn.begin():
        return str(conn.execute(sa.text("SELECT current_user")).scalar_one())


def server_user(address: str) -> str:
    """The role named in ``address``, else the operating system's user name (libpq's
    default role)."""
    return server_url(address).username or default_user()


def connect_server(address: str, scripts: Path = migrate.SCRIPTS
                   ) -> tuple[sa.Engine, sa.Connection]:
    """An engine and a connection on the team workspace at the server ``address``, brought
    up to date (by a role allowed to change the schema).

    Raises:
        InputError: the address is not valid, the server cannot be reached or refuses the
            connection, the database holds no Beachhead workspace, or one from a newer
            Beachhead (both revisions named).
    """
    name = shown(address)
    try:
        engine = server_engine(address)
    except ValueError as exc:
        raise InputError.single(name, "", str(exc)) from None
    try:
        conn = engine.connect()
    except sa.exc.DBAPIError as exc:
        engine.dispose()
        raise InputError.single(name, "", problem_text(exc)) from None
    try:
        if migrate.stored_revision(conn) is None:
            raise InputError.single(name, "", "holds no Beachhead workspace; make one with "
                                    "'beachhead workspace init' or copy one there with "
                                    "'beachhead copy'")
        migrate.bring_up_to_date(conn, name, scripts)
        with conn.begin():
            marker = conn.execute(sa.select(portfolio.c.format)).scalar()
        if marker != WORKSPACE_FORMAT:
            raise InputError.single(name, "", "holds an empty workspace (no portfolio yet); "
                                    "copy one there with 'beachhead copy'")
    except sa.exc.DBAPIError as exc:
        conn.close()
        engine.dispose()
        raise InputError.single(name, "", problem_text(exc)) from None
    except BaseException:
        conn.close()
        engine.dispose()
        raise
    return engine, conn


def build_server(address: str, content: Portfolio, who: str, overwrite: bool,
                 source: tuple[str, str] | None = None) -> None:
    """Make the database at ``address`` a team workspace holding ``content`` (already
    validated), in one transaction: the schema and the roles' rules if it has none yet
    (:func:`init_server`), then the rows. A database that holds a portfolio already is
    refused unless ``overwrite``, which empties it first."""
    fill_server(address, overwrite, partial(_fill, content=content, who=who, source=source))


def fill_server(address: str, overwrite: bool, fill: Callable[[sa.Connection], object]
                ) -> None:
    """Make the database at ``address`` a workspace (:func:`prepare_server`) and ``fill``
    it, in one transaction."""
    engine = server_engine(address)
    try:
        with engine.connect() as conn, migrate.writing(conn):
            prepare_server(conn, address, overwrite)
            fill(conn)
    except sa.exc.DBAPIError as exc:
        raise InputError.single(shown(address), "", problem_text(exc)) from None
    finally:
        engine.dispose()


def prepare_server(conn: sa.Connection, address: str, overwrite: bool) -> None:
    """In ``conn``'s write transaction: create the schema if the database has none, check
    it is at this Beachhead's revision, and make sure it holds no portfolio (emptying it when
    ``overwrite``, refusing otherwise)."""
    name = shown(address)
    if not sa.inspect(conn).has_table("alembic_version"):
        migrate.upgrade(conn)
    elif conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar() != \
            migrate.HEAD:
        raise InputError.single(name, "schema revision", "the workspace's schema is not this "
                                f"Beachhead's ({migrate.HEAD}); open it once to update it")
    if conn.execute(sa.select(portfolio.c.id)).first() is None:
        return
    if not overwrite:
        raise InputError.single(name, "", "already holds a workspace; use --overwrite to "
                                "replace it, or another database")
    for table in reversed(metadata.sorted_tables):
        conn.execute(sa.delete(table))


def init_server(address: str) -> bool:
    """Create the workspace schema, the roles and their rules in the database at ``address``
    (nothing when they are there already, at this revision); returns whether it created
    them."""
    engine = server_engine(address)
    try:
        with engine.connect() as conn:
            with migrate.writing(conn):
                if sa.inspect(conn).has_table("alembic_version"):
                    found = conn.execute(sa.text("SELECT version_num FROM alembic_version")
                                         ).scalar()
                    made = False
                else:
                    migrate.upgrade(conn)
                    made, found = True, migrate.HEAD
            if found != migrate.HEAD:
                migrate.bring_up_to_date(conn, shown(address))
                made = True
        return made
    except sa.exc.DBAPIError as exc:
        raise InputError.single(shown(address), "", problem_text(exc)) from None
    finally:
        engine.dispose()


def build(path: Path, content: Portfolio, who: str,
          source: tuple[str, str] | None = None) -> None:
    """Make the empty file ``path`` a workspace holding ``content`` (already validated):
    the schema, the framework version, the portfolio row, every startup, and the log's
    first row. ``source`` is the name and SHA-256 of the JSON file it was converted from."""
    fill_file(path, partial(_fill, content=content, who=who, source=source))


def fill_file(path: Path, fill: Callable[[sa.Connection], object]) -> None:
    """Make the empty file ``path`` a workspace: the schema, then ``fill``, in one
    transaction; then its header's marks."""
    engine = sqlite_engine(path, create=True)
    try:
        with engine.connect() as conn:
            with migrate.writing(conn):
                migrate.upgrade(conn)
                fill(conn)
            mark_file(conn, migrate.HEAD)
    except BaseException:
        from models.store.sqlite import remove_companions

        engine.dispose()
        remove_companions(path)  # the new file is removed too (a full disk, say)
        raise
    finally:
        engine.dispose()


def _fill(conn: sa.Connection, content: Portfolio, who: str,
          source: tuple[str, str] | None) -> None:
    at = now()
    version = framework_version(conn, content.framework, at, who)
    row: dict[str, Any] = {
        "id": PORTFOLIO_ROW, "format": WORKSPACE_FORMAT, "framework_version_id": version,
        "revision": 1, "created_at": at, "created_by": who,
        "source_name": source[0] if source else None,
        "source_sha256": source[1] if source else None}
    conn.execute(sa.insert(portfolio).values(row))
    insert_startups(conn, list(enumerate(content.startups)), version)
    log = Recorder(group=new_group(), at=at, who=who)
    log.add(Kind.CREATE, new={"startups": len(content.startups),
                              "framework": f"{content.framework.id} "
                                           f"{content.framework.version}",
                              "source": source[0] if source else None})
    log.flush(conn)


def identity(path: Path) -> tuple[int, int] | None:
    """The device and inode of the file at ``path`` (``None``: there is none)."""
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino


def check_still_there(path: Path, opened: tuple[int, int] | None) -> None:
    """Refuse (``OSError`` naming ``path``) to write once the file opened as ``opened`` is
    no longer at ``path`` (deleted, or moved or replaced): the writes would go to a file
    nobody can open again."""
    if opened is not None and identity(path) != opened:
        raise OSError(errno.ESTALE, "the workspace was moved, replaced or deleted while it "
                      "was open; open it again where it is now", str(path))


def check_replaceable(path: Path, overwrite: bool) -> None:
    """Refuse (``InputError``) to write a new workspace or copy over ``path`` when it exists
    and ``overwrite`` is off, when it is a symbolic link to a file of another kind (a
    workbook, a JSON portfolio: :func:`models.store.sqlite.unlike_target`; never replaced,
    not even with ``overwrite``), or when it is a workspace in use (its ``-wal`` file is
    there: another window has it open, or one crashed and it has yet to be opened again)."""
    target = unlike_target(path)
    if target is not None and not is_workspace(target):
        raise InputError.single(str(path), "", say("link_unlike", target=target))
    if path.exists() and not overwrite:
        raise InputError.single(str(path), "", say("exists"))
    for extra in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            if path.with_name(path.name + extra).exists():
                raise InputError.single(str(path), "", say("in_use"))
