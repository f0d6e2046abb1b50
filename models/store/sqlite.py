"""A workspace file on SQLite: telling it from a JSON portfolio, and the engine that opens it.

Every connection is set up the same way (:func:`sqlite_engine`):

* ``journal_mode=WAL``: readers never block the writer, and a commit is one append to the
  ``-wal`` file beside the database;
* ``synchronous=FULL``: each commit is flushed to disk before it returns, so an edit the window
  shows survives a crash or a power cut (``NORMAL`` would keep the file sound but could lose
  the last commits on a power cut);
* ``foreign_keys=ON``: removing a startup removes its assessments, scores and decisions;
* ``busy_timeout``: a second process waits for the writer (up to :data:`BUSY_TIMEOUT_MS`)
  instead of failing;
* write transactions begin with ``BEGIN IMMEDIATE`` (the write lock first), so two writers
  queue rather than one of them failing when it reaches its first write.

The file carries SQLite's ``application_id`` :data:`APPLICATION_ID` and, in ``user_version``,
the number of its schema revision, so tools that read only a file's header can tell what it is.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import urllib.parse
from pathlib import Path
from typing import Any, Final

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import NullPool

#: The first 16 bytes of every SQLite database file.
SQLITE_HEADER: Final = b"SQLite format 3\x00"
#: SQLite's ``PRAGMA application_id`` of a Beachhead workspace ("BHWS").
APPLICATION_ID: Final = 0x42485753
BUSY_TIMEOUT_MS: Final = 30_000
#: The execution option that makes a transaction begin with the write lock.
WRITE_OPTION: Final = "beachhead_write"


def is_workspace(path: str | Path) -> bool:
    """Whether ``path`` is an SQLite database (a workspace, or another program's database,
    which opening then refuses by name) rather than a JSON portfolio or anything else.

    Looks at the first 16 bytes only; a missing or unreadable file is not a workspace, nor
    is anything but a regular file (symbolic links followed): a named pipe or a device is
    never opened, as reading it could wait for ever.
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def unlike_target(path: str | Path) -> Path | None:
    """The file that writing ``path`` would replace when it is not of the kind ``path``'s
    suffix names, which is never replaced by another kind (not after a confirmation, not with
    ``--overwrite``): a workspace, whatever its name (``deals.xlsx`` an SQLite database, or
    ``link.xlsx`` a symbolic link to ``deals.beachhead``), or the end of a symbolic link whose
    name ends otherwise than ``path``'s (``link.xlsx`` → ``notes.pdf``, there or not).

    ``None`` when the write may go ahead: nothing is there, or a file of that kind, also at
    the end of a symbolic link (it is written through, the link staying, see
    :mod:`models.files.atomic`).
    """
    from models.files.atomic import real_target

    target = real_target(path)
    if is_workspace(target):
        return target
    if Path(path).is_symlink() and target.suffix.lower() != Path(path).suffix.lower():
        return target
    return None


def remove_companions(path: str | Path) -> None:
    """Remove the files SQLite keeps beside the database ``path`` (``-wal``, ``-shm``,
    ``-journal``), as a write that failed (a full disk) leaves them beside a new file that
    is removed; call it once no connection has the file open."""
    for extra in ("-wal", "-shm", "-journal"):
        with contextlib.suppress(OSError):
            os.unlink(f"{path}{extra}")


def json_text(value: object) -> str:
    """A JSON column's text: Unicode kept as it is, NaN refused (one writer for both
    databases)."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def _connect(path: Path, create: bool) -> sqlite3.Connection:
    # a URI, so that opening never creates a missing file (mode=rw) unless asked to (rwc)
    uri = f"file:{urllib.parse.quote(str(path))}?mode={'rwc' if create else 'rw'}"
    conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000,
                           check_same_thread=False)
    # no implicit BEGIN from the driver: the engine's "begin" hook starts every transaction
    conn.isolation_level = None
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    return conn


def sqlite_engine(path: str | Path, *, create: bool = False) -> sa.Engine:
    """An engine on the SQLite file ``path`` (symbolic links resolved, so the ``-wal`` file
    sits beside the real file), every connection set up as the module notes say.

    With ``create`` a missing file is created; otherwise opening a missing file fails with
    ``sqlite3.OperationalError`` when the first connection is made.
    """
    real = Path(os.path.realpath(path))
    engine = sa.create_engine("sqlite+pysqlite://", creator=lambda: _connect(real, create),
                              poolclass=NullPool, json_serializer=json_text)

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    return engine


def driver(conn: sa.Connection) -> sqlite3.Connection:
    """The ``sqlite3`` connection under ``conn`` (for pragmas and ``VACUUM INTO``, which must
    run outside a transaction)."""
    raw: Any = conn.connection.driver_connection
    assert isinstance(raw, sqlite3.Connection)
    return raw


def pragma(conn: sa.Connection, name: str) -> int:
    """An integer pragma's value (``data_version``, ``user_version``, ``application_id``)."""
    row = driver(conn).execute(f"PRAGMA {name}").fetchone()
    return int(row[0])


def mark_file(conn: sa.Connection, revision: str) -> None:
    """Write the workspace's ``application_id`` and its schema revision's number into the
    file's header (outside any transaction)."""
    raw = driver(conn)
    raw.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    raw.execute(f"PRAGMA user_version = {revision_number(revision)}")


def revision_number(revision: str) -> int:
    """The number of a schema revision (``0001`` → 1); 0 for a revision not so numbered."""
    return int(revision) if revision.isdigit() else 0


def integrity_check(path: str | Path) -> str:
    """SQLite's ``PRAGMA integrity_check`` of the file: ``ok``, or the problems it found."""
    conn = _connect(Path(path), create=False)
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()
    return "\n".join(str(r[0]) for r in rows)


def as_os_error(exc: sa.exc.DBAPIError | sqlite3.Error, path: str | Path) -> OSError | None:
    """The ``OSError`` naming ``path`` that a failed write means (the disk is full, the file
    is read-only or locked by another program longer than the busy timeout, the disk failed),
    so that it is reported like any file that cannot be written; ``None`` for other errors
    (:func:`models.core.errors.write_error` reads SQLite's words)."""
    from models.core.errors import write_error

    refused = write_error(exc)
    return None if refused is None else OSError(refused.errno, refused.strerror, str(path))
