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
import sqlite3
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from models.core.errors import InputError
from models.core.portfolio import Portfolio
from models.store import migrate
from models.store.changelog import Kind, Recorder, new_group
from models.store.frameworks import framework_version
from models.store.schema import PORTFOLIO_ROW, WORKSPACE_FORMAT, portfolio
from models.store.sqlite import APPLICATION_ID, is_workspace, mark_file, pragma, sqlite_engine
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
        return InputError.single(str(path), "", f"cannot open the file ({exc.strerror})")
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
    try:
        conn = engine.connect()
    except (sa.exc.DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        raise _damaged(path, exc) from None
    try:
        _check(conn, path, scripts)
    except BaseException:
        conn.close()
        engine.dispose()
        raise
    return engine, conn


def _damaged(path: Path, exc: Exception) -> InputError:
    reason = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
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


def build(path: Path, content: Portfolio, who: str,
          source: tuple[str, str] | None = None) -> None:
    """Make the empty file ``path`` a workspace holding ``content`` (already validated):
    the schema, the framework version, the portfolio row, every startup, and the log's
    first row. ``source`` is the name and SHA-256 of the JSON file it was converted from."""
    engine = sqlite_engine(path, create=True)
    try:
        with engine.connect() as conn:
            with migrate.writing(conn):
                migrate.upgrade(conn)
                _fill(conn, content, who, source)
            mark_file(conn, migrate.HEAD)
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
    and ``overwrite`` is off, or when it is a workspace in use (its ``-wal`` file is there:
    another window has it open, or one crashed and it has yet to be opened again)."""
    if path.exists() and not overwrite:
        raise InputError.single(str(path), "", "already exists; choose another name")
    for extra in ("-wal", "-shm"):
        with contextlib.suppress(OSError):
            if path.with_name(path.name + extra).exists():
                raise InputError.single(
                    str(path), "", "is a workspace in use (open in Beachhead, or left by a "
                    "crash: open it once to recover it); choose another name")
