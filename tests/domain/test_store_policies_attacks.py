"""Ways around a team workspace's rules that a raw SQL session might try
(``models.store.policies``), each checked refused, by reading the rows back as the workspace's
owner. People and rows: those of ``tests/domain/test_store_policies.py``'s ``team``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from tests.domain import test_store_policies
from tests.domain.test_store_policies import ADD_CHANGE, Refused, Team

team = test_store_policies.team  # the fixture

#: A temporary table named as the catalog the administrator check reads, saying the session's
#: role owns every table: a session's temporary tables come before the catalogs in its
#: search path unless the path says otherwise.
SHADOW = ["CREATE TEMP TABLE pg_class (oid oid, relowner oid)",
          "INSERT INTO pg_temp.pg_class SELECT c.oid, r.oid FROM pg_catalog.pg_class c, "
          "pg_catalog.pg_roles r WHERE r.rolname = current_user "
          "AND c.relnamespace = 'public'::regnamespace"]


@contextlib.contextmanager
def shadowed(team: Team, role: str) -> Iterator[psycopg.Connection[Any]]:
    """A session as ``role`` with :data:`SHADOW` made, in a write transaction."""
    with team.session(role) as conn:
        for statement in SHADOW:
            conn.execute(statement)
        conn.execute("UPDATE portfolio SET revision = revision + 1")
        yield conn


@pytest.mark.parametrize("statement", [
    "UPDATE assessments SET owner = 'ann' WHERE id = 'b1'",
    "UPDATE assessments SET assessor = 'Ann' WHERE id = 'b1'",
    "DELETE FROM assessments WHERE id = 'b1'",
])
def test_a_temporary_catalog_does_not_make_an_assessor_the_administrator(team, statement):
    before = team.snapshot()
    with shadowed(team, "ann") as conn, pytest.raises(Refused, match="b1 is bo's"):
        conn.execute(statement)
    assert team.snapshot() == before
    assert team.read("postgres", "SELECT owner, assessor FROM assessments WHERE id = 'b1'") \
        == [("bo", "Bo")]


def test_a_temporary_catalog_does_not_let_an_assessor_sign_as_another(team):
    with shadowed(team, "ann") as conn:
        (forged,) = conn.execute(ADD_CHANGE, ("Pat", "b1", "pat")).fetchone() or ()
        conn.commit()
    assert team.read("postgres", "SELECT who, db_role FROM changes WHERE id = %s",
                     (forged,)) == [("Pat", "ann")]


def test_every_function_of_the_rules_looks_in_the_catalogs_first(team):
    found = team.read("postgres", "SELECT proname, proconfig FROM pg_proc "
                                  "WHERE proname LIKE 'beachhead%' ORDER BY 1")
    assert [name for name, _ in found] == [
        "beachhead_assessment_rules", "beachhead_change_role", "beachhead_hidden",
        "beachhead_is_admin", "beachhead_locked", "beachhead_may_edit", "beachhead_notify",
        "beachhead_round_rules", "beachhead_score_rules"]
    assert {tuple(config) for _, config in found} == \
        {("search_path=pg_catalog, public, pg_temp",)}
