"""Fixtures shared by the domain tests: the sample file, and workspaces on both kinds of
store: each test that takes ``ws`` or ``new_location`` runs once on an SQLite file and once
on a database of the throwaway PostgreSQL server (``tests/postgres.py``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.store.workspace import Workspace
from tests.postgres import PostgresServer

#: Where a new workspace goes: a file name in the test's folder, or a new server database.
NewLocation = Callable[..., "str | Path"]


@pytest.fixture(scope="module")
def sample_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample portfolio written by ``beachhead sample``, once per test module."""
    from models.cli import main as cli

    p = tmp_path_factory.mktemp("sample") / "sample.beachhead"
    assert cli.main(["sample", "-o", str(p)]) == 0
    return p


@pytest.fixture(params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> str:
    """The store a workspace test runs on (each test runs on both)."""
    return str(request.param)


@pytest.fixture
def new_location(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> NewLocation:
    """``new_location(name="w.beachhead")``: where a new workspace goes on this test's
    backend: ``tmp_path / name``, or the address of a new empty database (as the server's
    superuser; the databases and roles the test makes are dropped afterwards)."""
    if backend == "sqlite":
        return lambda name="w.beachhead": tmp_path / name
    request.getfixturevalue("pg_url")  # the clean-up of what the test makes on the server
    server: PostgresServer = request.getfixturevalue("pg_server")
    return lambda name="w.beachhead": server.new_database()


@pytest.fixture
def ws(new_location: NewLocation) -> Iterator[Workspace]:
    """A new workspace holding the rich portfolio
    (:func:`tests.domain.test_store_workspace.rich_portfolio`), on each backend, closed after
    the test."""
    from tests.domain.test_store_workspace import rich_portfolio

    with Workspace.create(new_location(), rich_portfolio(), who="Ann") as w:
        yield w
