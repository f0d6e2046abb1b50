"""The throwaway PostgreSQL server the workspace tests run on (``tests/postgres.py``): it
answers, on its own socket with the settings of a disposable server; each test's database is
new and empty; roles log in without a password and are dropped after the test; stopping it
ends the server and removes its folder; missing programs are an error naming the fix."""

from __future__ import annotations

import multiprocessing
import os
from pathlib import Path

import psycopg
import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tests.postgres import PostgresServer, PostgresUnavailable, find_bindir

_seen_databases: list[str] = []


def _tables(url: str) -> list[str]:
    engine = sa.create_engine(url)
    try:
        return sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()


def _alive(pid: int) -> bool:
    """Whether process ``pid`` runs (a zombie left to a container's init does not count)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    stat = Path(f"/proc/{pid}/stat")
    return not stat.exists() or stat.read_text().rsplit(")", 1)[1].split()[0] != "Z"


def test_the_server_answers_on_its_own_socket_with_throwaway_settings(
        pg_server: PostgresServer) -> None:
    with pg_server.admin() as conn:
        version = conn.execute("SELECT version()").fetchone()
        assert version is not None and str(version[0]).startswith("PostgreSQL ")
        settings: dict[str, str] = dict(conn.execute(
            "SELECT name, setting FROM pg_settings WHERE name = ANY(%s)",
            (["listen_addresses", "unix_socket_directories", "data_directory", "fsync",
              "synchronous_commit", "full_page_writes", "max_connections", "server_encoding"],)
        ).fetchall())
    assert settings == {
        "listen_addresses": "", "unix_socket_directories": str(pg_server.dir),
        "data_directory": str(pg_server.data), "fsync": "off", "synchronous_commit": "off",
        "full_page_writes": "off", "max_connections": "200", "server_encoding": "UTF8"}


def test_the_server_belongs_to_this_test_process(pg_server: PostgresServer) -> None:
    """One server per pytest-xdist worker: started by this process, named after the worker."""
    assert pg_server.started_by == os.getpid()
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    assert pg_server.dir.name.startswith(f"beachhead-pg-{worker}-")
    assert (pg_server.data / "postmaster.pid").exists()


@pytest.mark.parametrize("run", [1, 2])
def test_each_test_gets_a_new_empty_database(pg_url: str, run: int) -> None:
    """Run twice: the second test would find the first one's table if they shared one."""
    name = make_url(pg_url).database
    assert name not in _seen_databases
    _seen_databases.append(str(name))
    assert _tables(pg_url) == []
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE marker (run integer)"))
        conn.execute(sa.text("INSERT INTO marker VALUES (:run)"), {"run": run})
        assert conn.execute(sa.text("SELECT current_database(), current_user, "
                                    "(SELECT run FROM marker)")).one() == (name, "postgres", run)
    engine.dispose()


def test_two_databases_of_one_test_are_distinct(pg_server: PostgresServer, pg_url: str) -> None:
    other = pg_server.new_database()
    assert make_url(other).database != make_url(pg_url).database
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(sa.text("CREATE TABLE only_here (x integer)"))
    engine.dispose()
    assert _tables(pg_url) == ["only_here"]
    assert _tables(other) == []


@pytest.mark.parametrize("run", [1, 2])
def test_a_role_logs_in_without_a_password(pg_server: PostgresServer, pg_url: str,
                                           run: int) -> None:
    """Run twice: creating the same role again works only because the first test's roles
    were dropped after it."""
    name = str(make_url(pg_url).database)
    with pg_server.admin() as conn:
        conn.execute(f'CREATE ROLE "assessor ann" LOGIN; '
                     f'GRANT CONNECT ON DATABASE "{name}" TO "assessor ann"')
    engine = sa.create_engine(pg_server.url(name, user="assessor ann"))
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT current_user, current_database(), "
                                    "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
                                    )).one() == ("assessor ann", name, False)
    engine.dispose()


def test_restore_drops_what_was_created_since(pg_server: PostgresServer) -> None:
    before = pg_server.state()
    name = str(make_url(pg_server.new_database()).database)
    with pg_server.admin() as conn:
        conn.execute("CREATE ROLE reader_group; CREATE ROLE bea LOGIN IN ROLE reader_group")
    session = psycopg.connect(host=str(pg_server.dir), port=5432, user="bea", dbname=name)
    after = pg_server.state()
    assert after.databases - before.databases == {name}
    assert after.roles - before.roles == {"reader_group", "bea"}
    pg_server.restore(before)
    assert pg_server.state() == before
    with pytest.raises(psycopg.OperationalError):  # its session was ended
        session.execute("SELECT 1")
    session.close()


def test_stop_ends_the_server_and_removes_its_folder() -> None:
    server = PostgresServer(label="stop-test")
    folder = server.dir
    pid = int((server.data / "postmaster.pid").read_text().split()[0])
    session = server.admin()
    assert session.execute("SELECT pg_backend_pid() > 0").fetchone() == (True,)
    assert _alive(pid) and (folder / ".s.PGSQL.5432").is_socket()
    server.stop()  # a session still open does not hold it up (fast shutdown)
    assert not folder.exists()
    assert not _alive(pid)
    with pytest.raises(psycopg.OperationalError):
        psycopg.connect(host=str(folder), port=5432, user="postgres", dbname="postgres",
                        connect_timeout=5)
    session.close()
    server.stop()  # again: nothing left to do
    assert not folder.exists()


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(),
                    reason="needs forked processes")
def test_a_forked_process_leaves_its_parent_s_server_running(pg_server: PostgresServer) -> None:
    """A process forked from the test process (a writer, a benchmark's associate) inherits the
    server object and its exit handler: stopping it there does nothing."""
    child = multiprocessing.get_context("fork").Process(target=pg_server.stop)
    child.start()
    child.join(60)
    assert child.exitcode == 0
    assert pg_server.dir.exists()
    with pg_server.admin() as conn:
        assert conn.execute("SELECT 1 + 1").fetchone() == (2,)


def test_missing_server_programs_name_the_fix(tmp_path: Path) -> None:
    with pytest.raises(PostgresUnavailable, match=r"scripts/system-deps\.sh test"):
        find_bindir(path=str(tmp_path), installs=tmp_path)


def test_the_newest_installed_version_is_chosen(tmp_path: Path) -> None:
    """Without ``pg_config`` on the path: the highest ``<version>/bin`` holding both
    programs (``9.6`` is older than ``13``; ``17`` lacks ``pg_ctl``)."""
    for version, programs in {"9.6": ("initdb", "pg_ctl"), "13": ("initdb", "pg_ctl"),
                              "17": ("initdb",)}.items():
        folder = tmp_path / version / "bin"
        folder.mkdir(parents=True)
        for program in programs:
            (folder / program).write_text("#!/bin/sh\n")
            (folder / program).chmod(0o755)
    assert find_bindir(path=str(tmp_path / "empty"), installs=tmp_path) == tmp_path / "13/bin"



def test_a_workspace_file_is_read_without_the_server_driver(tmp_path):
    """psycopg is imported for a server's address only: a command on a workspace file, and
    telling its errors apart, never load it."""
    import subprocess
    import sys

    from models.engine.sample import sample_portfolio
    from models.store.workspace import Workspace

    path = tmp_path / "deals.beachhead"
    Workspace.create(path, sample_portfolio()).close()
    code = ("import sys\nfrom models.cli.main import main\n"
            f"status = main(['score', {str(path)!r}])\n"
            "from models.store.server import is_disconnect, as_busy_error\n"
            "assert not is_disconnect(OSError()) and as_busy_error(OSError(), 'x') is None\n"
            "print(status, 'psycopg' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parents[2], timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "0 False"
