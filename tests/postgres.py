"""A throwaway PostgreSQL server for the tests, from the Debian packages.

:class:`PostgresServer` runs ``initdb`` into a fresh temporary folder (in memory when there
is room) and starts the server on a Unix socket in that folder only (no TCP port), with the
settings that make a disposable server fast (no fsync, no synchronous commit, no full-page
writes) and room for 200 connections (the load benchmark runs ten processes). As root (CI),
the folder belongs to the ``postgres`` system user and ``initdb``/``pg_ctl`` run through
``runuser``: ``initdb`` refuses root. :meth:`PostgresServer.stop` stops it and removes the
folder; it is also registered with :mod:`atexit`, so an interrupted run leaves no server
behind.

Every workspace test runs on PostgreSQL as well as SQLite, so missing server programs are an
error naming the fix (``scripts/system-deps.sh test``), never a skipped test.

The tests reach it through the ``pg_server`` and ``pg_url`` fixtures (``tests/conftest.py``).
"""

from __future__ import annotations

import atexit
import os
import pwd
import re
import shutil
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from urllib.parse import quote

import psycopg
from psycopg import sql
from psycopg.rows import TupleRow

PORT = 5432
"""The port number in the socket's name (``.s.PGSQL.5432``): the server opens no TCP port."""

SERVER_USER = "postgres"
"""The system user that owns the server's folder when the tests run as root."""

INSTALLS = Path("/usr/lib/postgresql")
"""Where Debian installs each major version's programs (``<version>/bin``)."""

RAM_FOLDER = Path("/dev/shm")
"""The server's folder goes here when it has :data:`RAM_ROOM` free: a new database takes ~15 ms
in memory, 250-300 ms on this machine's shared disk (and ``initdb`` half the time)."""

RAM_ROOM = 2 << 30

_PROGRAMS = ("initdb", "pg_ctl")
_LOCALES = ("C.UTF-8", "C")
_SETTINGS = {"max_connections": "200"}
#: What makes a server quick and disposable: nothing waits for the disk.
_UNSAFE = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}
_FIX = "install PostgreSQL's server programs with: scripts/system-deps.sh test"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL's server programs are missing, or the server would not start."""


@dataclass(frozen=True)
class ServerState:
    """The databases and roles a server holds at one moment (see :meth:`PostgresServer.state`)."""

    databases: frozenset[str]
    roles: frozenset[str]


def _has_programs(folder: Path) -> bool:
    return all(os.access(folder / name, os.X_OK) for name in _PROGRAMS)


def _version(folder: Path) -> tuple[int, ...]:
    """``/usr/lib/postgresql/15/bin`` → ``(15,)``; ``9.6`` → ``(9, 6)``; not a number → ``()``."""
    return tuple(int(n) for n in re.findall(r"\d+", folder.parent.name))


def find_bindir(path: str | None = None, installs: Path = INSTALLS) -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``: ``pg_config --bindir``, else the newest
    ``installs/<version>/bin``, else the one ``initdb`` is found in on ``path`` (``$PATH`` by
    default).

    Raises:
        PostgresUnavailable: none of them holds both programs.
    """
    pg_config = shutil.which("pg_config", path=path)
    if pg_config:
        out = subprocess.run([pg_config, "--bindir"], capture_output=True, text=True,
                             check=False)
        if out.returncode == 0 and _has_programs(Path(out.stdout.strip())):
            return Path(out.stdout.strip())
    for folder in sorted(installs.glob("*/bin"), key=_version, reverse=True):
        if _has_programs(folder):
            return folder
    initdb = shutil.which("initdb", path=path)
    if initdb and _has_programs(Path(initdb).parent):
        return Path(initdb).parent
    raise PostgresUnavailable(f"PostgreSQL's initdb and pg_ctl were not found (pg_config, "
                              f"{installs}/*/bin, PATH): {_FIX}")


def _parent_folder() -> str | None:
    """:data:`RAM_FOLDER` when it is writable with room to spare (a container's is often 64 MB),
    else ``None``: the usual temporary folder."""
    try:
        free = os.statvfs(RAM_FOLDER)
    except OSError:
        return None
    room = free.f_bavail * free.f_frsize >= RAM_ROOM
    return str(RAM_FOLDER) if room and os.access(RAM_FOLDER, os.W_OK | os.X_OK) else None


def _check_server_user() -> None:
    """As root, the server runs as :data:`SERVER_USER` through ``runuser``: both must exist."""
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        raise PostgresUnavailable(f"the tests run as root and there is no '{SERVER_USER}' "
                                  f"system user to run the server as: {_FIX}") from None
    if shutil.which("runuser") is None:
        raise PostgresUnavailable(f"the tests run as root, and runuser (util-linux) is needed "
                                  f"to run the server as the '{SERVER_USER}' user")


class PostgresServer:
    """A PostgreSQL server of its own, started on construction, in a fresh temporary folder.

    ``label`` goes into the folder's name (the test worker's id, say). ``durable`` keeps the
    server's safe defaults (every commit flushed to a folder on disk), as a real server's,
    for measuring; otherwise nothing waits for the disk. Use it as a context manager, or
    call :meth:`stop`.
    """

    def __init__(self, label: str = "tests", durable: bool = False) -> None:
        self.durable = durable
        self.bindir = find_bindir()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            _check_server_user()
        folder = None if durable else _parent_folder()
        self.dir = Path(tempfile.mkdtemp(prefix=f"beachhead-pg-{label}-", dir=folder))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.started_by = os.getpid()
        self.startup_seconds = 0.0
        atexit.register(self.stop)
        try:
            began = time.perf_counter()
            self._initdb()
            self._configure()
            self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-s",
                      "-t", "60", "start")
            self.startup_seconds = time.perf_counter() - began
        except BaseException:
            self.stop()
            raise

    def __enter__(self) -> PostgresServer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.stop()

    def _command(self, program: str, *args: str) -> list[str]:
        cmd = [str(self.bindir / program), *args]
        return ["runuser", "-u", SERVER_USER, "--", *cmd] if self.as_root else cmd

    def _run(self, program: str, *args: str) -> None:
        proc = subprocess.run(self._command(program, *args), cwd=self.dir, capture_output=True,
                              text=True, timeout=120, check=False)
        if proc.returncode != 0:
            log = self.log.read_text(errors="replace")[-4000:] if self.log.exists() else ""
            raise PostgresUnavailable(
                f"{program} failed (exit {proc.returncode}) in {self.dir}:\n{proc.stdout}"
                f"{proc.stderr}{log}")

    def _initdb(self) -> None:
        """``initdb`` with the first locale it accepts (``C.UTF-8``, else ``C``)."""
        if self.as_root:
            shutil.chown(self.dir, user=SERVER_USER)
        for n, locale in enumerate(_LOCALES):
            try:
                self._run("initdb", "-D", str(self.data), "-U", "postgres", "--auth=trust",
                          "-E", "UTF8", f"--locale={locale}", "--no-sync", "--no-instructions")
                return
            except PostgresUnavailable:
                if n == len(_LOCALES) - 1:
                    raise
                shutil.rmtree(self.data, ignore_errors=True)

    def _configure(self) -> None:
        """The socket in the server's folder only, and the settings for a disposable server
        (appended to ``postgresql.conf``: the last value of a setting wins)."""
        folder = str(self.dir).replace("'", "''")
        lines = ["listen_addresses = ''", f"unix_socket_directories = '{folder}'",
                 f"port = {PORT}", *(f"{k} = {v}" for k, v in _SETTINGS.items()),
                 *([] if self.durable else (f"{k} = {v}" for k, v in _UNSAFE.items()))]
        with (self.data / "postgresql.conf").open("a", encoding="utf-8") as conf:
            conf.write("\n# a throwaway server for the tests\n" + "\n".join(lines) + "\n")

    def stop(self) -> None:
        """Stop the server (fast shutdown: open sessions are ended) and remove its folder.
        Calling it again does nothing, and so does a process forked from the one that started
        it (its exit must not stop its parent's server)."""
        if os.getpid() != self.started_by:
            return
        atexit.unregister(self.stop)
        for mode in ("fast", "immediate"):
            if not (self.data / "postmaster.pid").exists():
                break
            subprocess.run(self._command("pg_ctl", "-D", str(self.data), "-w", "-s", "-m", mode,
                                         "stop"),
                           cwd=self.dir, capture_output=True, timeout=120, check=False)
        shutil.rmtree(self.dir, ignore_errors=True)

    def url(self, database: str, user: str = "postgres") -> str:
        """The SQLAlchemy URL of ``database`` for ``user`` (no password: trust authentication)."""
        return (f"postgresql+psycopg://{quote(user, safe='')}@/{quote(database, safe='')}"
                f"?host={quote(str(self.dir))}&port={PORT}")

    def admin(self, database: str = "postgres") -> psycopg.Connection[TupleRow]:
        """A connection as the superuser ``postgres``, in autocommit (close it after use, or
        use it in a ``with`` block)."""
        return psycopg.connect(host=str(self.dir), port=PORT, user="postgres", dbname=database,
                               autocommit=True)

    def new_database(self) -> str:
        """Create an empty database with a name of its own; returns its URL (see :meth:`url`)."""
        name = f"test_{uuid.uuid4().hex[:12]}"
        with self.admin() as conn:
            # copying the template's files is the quicker way for a small database (15+)
            copy = sql.SQL(" STRATEGY = FILE_COPY" if conn.info.server_version >= 150000 else "")
            conn.execute(sql.SQL("CREATE DATABASE {}{}").format(sql.Identifier(name), copy))
        return self.url(name)

    def state(self) -> ServerState:
        """The databases and roles the server holds now (for :meth:`restore`)."""
        with self.admin() as conn:
            dbs = conn.execute("SELECT datname FROM pg_database").fetchall()
            roles = conn.execute("SELECT rolname FROM pg_roles").fetchall()
        return ServerState(frozenset(str(r[0]) for r in dbs), frozenset(str(r[0]) for r in roles))

    def restore(self, before: ServerState) -> None:
        """Drop the databases and roles created since ``before`` (roles are shared by every
        database of the server: a test's roles would otherwise meet the next test's).
        Sessions still open on those databases are ended."""
        now = self.state()
        with self.admin() as conn:
            for name in sorted(now.databases - before.databases):
                conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)")
                             .format(sql.Identifier(name)))
            roles = sorted(now.roles - before.roles)
            if roles:
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}")
                             .format(sql.SQL(", ").join(map(sql.Identifier, roles))))
