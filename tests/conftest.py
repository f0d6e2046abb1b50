"""Test settings shared by every test: Qt offscreen, settings and data folders in temp paths,
and property tests without time limits (machines are shared and noisy: speed belongs in
``bench/``, never in a test's verdict). A throwaway PostgreSQL server (``pg_server``, one per
test process, started by the first test that asks for it) and a fresh empty database on it for
each test (``pg_url``)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, settings

from tests.postgres import PostgresServer

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

settings.register_profile("beachhead", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("beachhead")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    """This test process's PostgreSQL server (each pytest-xdist worker has its own), started
    when a test first asks for it and stopped, its folder removed, at the end of the session."""
    server = PostgresServer(label=os.environ.get("PYTEST_XDIST_WORKER", "main"))
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server: PostgresServer) -> Iterator[str]:
    """The SQLAlchemy URL of a new empty database (connect as ``postgres``, or as any role with
    ``pg_server.url(name, user=role)``). The databases and roles the test created are dropped
    after it, open sessions on them ended."""
    before = pg_server.state()
    yield pg_server.new_database()
    pg_server.restore(before)
