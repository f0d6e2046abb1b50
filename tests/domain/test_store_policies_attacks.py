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
from tests.domain.test_store_policies import (
    ADD_ASSESSMENT,
    ADD_CHANGE,
    ADD_SCORE,
    Refused,
    Team,
    refused,
)

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
        "beachhead_is_admin", "beachhead_may_edit", "beachhead_notify", "beachhead_round_rules",
        "beachhead_score_rules", "beachhead_stage"]
    assert {tuple(config) for _, config in found} == \
        {("search_path=pg_catalog, public, pg_temp",)}


def _round(team: Team, submitted: bool = True) -> int:
    """A round on s3 opened by pat, with ann's r-ann (a.x at 2) and bo's r-bo (5), both
    submitted unless told."""
    (round_id,), _ = team.write("pat", "INSERT INTO rounds (startup_id, opened_at, opened_by) "
                                       "VALUES ('s3', now(), 'Pat') RETURNING id")
    team.add_assessment("ann", "r-ann", sid="s3", round_id=round_id, level=2)
    team.add_assessment("bo", "r-bo", sid="s3", round_id=round_id, level=5)
    if submitted:
        for role in ("ann", "bo"):
            team.write(role, "UPDATE assessments SET submitted_at = now() WHERE id = %s",
                       (f"r-{role}",))
    return int(round_id)


def test_a_partner_does_not_take_an_assessment_out_of_an_open_round_to_read_it(team):
    _round(team)
    for statement in ["UPDATE assessments SET round_id = NULL WHERE id = 'r-bo'",
                      "UPDATE assessments SET owner = 'pat' WHERE id = 'r-bo'"]:
        assert "only bo may take it out" in refused(team, "pat", statement)
    # bo may: the scores are his
    team.write("bo", "UPDATE assessments SET round_id = NULL WHERE id = 'r-bo'")
    assert team.read("pat", "SELECT value FROM scores WHERE assessment_id = 'r-bo'") == [(5,)]


def test_a_submission_and_a_reveal_stay(team):
    round_id = _round(team)
    assert "a submission stays" in refused(
        team, "ann", "UPDATE assessments SET submitted_at = NULL WHERE id = 'r-ann'")
    refused(team, "pat", "UPDATE assessments SET submitted_at = now() WHERE id = 'r-ann'")
    team.write("pat", "UPDATE rounds SET revealed_at = now() WHERE id = %s", (round_id,))
    assert "a reveal stays" in refused(team, "pat", "UPDATE rounds SET revealed_at = NULL")


def test_after_the_reveal_an_assessor_neither_rescores_nor_joins(team):
    round_id = _round(team)
    team.add_assessment("ann", "spare", sid="s3")
    team.write("pat", "UPDATE rounds SET revealed_at = now() WHERE id = %s", (round_id,))
    for role, statement, params in [
            ("ann", "UPDATE scores SET value = 5 WHERE assessment_id = 'r-ann'", None),
            ("ann", "DELETE FROM scores WHERE assessment_id = 'r-ann'", None),
            ("ann", "UPDATE assessments SET assessor = 'Ann B' WHERE id = 'r-ann'", None),
            ("ann", "DELETE FROM assessments WHERE id = 'r-ann'", None),
            ("ann", "UPDATE assessments SET round_id = %s WHERE id = 'spare'", (round_id,)),
            ("ann", ADD_ASSESSMENT, {"id": "late", "sid": "s3", "assessor": "Ann",
                                     "owner": None, "round": round_id}),
            ("pat", "UPDATE scores SET value = 1 WHERE assessment_id = 'r-bo'", None),
            ("pat", "UPDATE assessments SET round_id = NULL WHERE id = 'r-bo'", None)]:
        refused(team, role, statement, params)
    assert "which is revealed: its scoring has ended" in refused(
        team, "ann", "UPDATE assessments SET date = '2025-09-09' WHERE id = 'r-ann'")
    assert team.read("postgres", "SELECT assessment_id, value FROM scores WHERE assessment_id "
                                 "LIKE 'r-%' ORDER BY 1") == [("r-ann", 2), ("r-bo", 5)]


def test_a_refused_score_names_whose_it_is_or_why_it_is_closed(team):
    round_id = _round(team, submitted=False)
    assert "the scores of assessment a1 are postgres's: only they or a partner may change " \
           "them" in refused(team, "ann", "UPDATE scores SET value = 1 WHERE assessment_id "
                                          "= 'a1'")
    assert f"the scores of assessment r-bo are bo's: only they (round {round_id} is open) " \
           "may change them" in refused(team, "pat", ADD_SCORE, ("r-bo", "a.y", 1, 1))
    team.write("ann", "UPDATE assessments SET submitted_at = now() WHERE id = 'r-ann'")
    team.write("pat", "UPDATE rounds SET revealed_at = now() WHERE id = %s", (round_id,))
    assert f"assessment r-ann belongs to round {round_id}, which is revealed: its scoring " \
           "has ended" in refused(team, "ann", ADD_SCORE, ("r-ann", "a.y", 1, 1))


def test_a_change_dated_ahead_of_the_servers_clock_is_refused(team):
    """Every later change is dated after the newest one: a row dated in 2999 would date
    everyone's changes from then on in 2999."""
    future = ADD_CHANGE.replace("now()", "now() + interval '1 day'")
    assert "is ahead of the server's clock" in refused(team, "ann", future,
                                                      ("Ann", "b1", None))
    near = ADD_CHANGE.replace("now()", "now() + interval '1 minute'")  # a clock a bit off
    *_, (made,), _ = team.write("ann", near, ("Ann", None, None))
    assert team.read("postgres", "SELECT who, db_role FROM changes WHERE id = %s",
                     (made,)) == [("Ann", "ann")]
    # the administrator copying a history keeps its moments and roles
    *_, (copied,), _ = team.write("postgres", future, ("Bo", None, "bo"))
    assert team.read("postgres", "SELECT db_role FROM changes WHERE id = %s",
                     (copied,)) == [("bo",)]


def test_a_transaction_left_open_holds_writers_back_for_a_while_only(team, monkeypatch):
    """An assessor's session that counted the revision up and stopped there holds the
    portfolio row; a window's edit waits for it as long as for a file's writer, then is
    refused as a busy file is."""
    import errno
    import time

    from models.store import server
    from models.store.workspace import Workspace

    monkeypatch.setattr(server, "LOCK_TIMEOUT_MS", 400)
    with team.session("ann") as hog, Workspace.open(team.url("pat")) as ws:
        hog.execute("UPDATE portfolio SET revision = revision + 1")
        began = time.monotonic()
        with pytest.raises(OSError) as caught:
            ws.set_score_field("b1", "a.x", "value", 5)
        assert 0.4 <= time.monotonic() - began < 5
        assert (caught.value.errno, caught.value.filename) == (errno.EBUSY, ws.location)
        assert "another connection has held the workspace for over 0.4 s" in str(caught.value)
        hog.rollback()
        ws.set_score_field("b1", "a.x", "value", 5)
    assert team.read("postgres", "SELECT value FROM scores WHERE assessment_id = 'b1'") == \
        [(5,)]


def test_a_round_is_neither_removed_moved_nor_locked_without_its_consensus(team):
    round_id = _round(team)
    # removing it would have put its assessments out of any round, their scores in sight
    assert "stays while its startup does" in refused(
        team, "pat", "DELETE FROM rounds WHERE id = %s", (round_id,))
    for change in ("startup_id = 's1'", "locked_at = now()",
                   "locked_at = now(), revealed_at = now()"):
        assert "locked only by its consensus" in refused(
            team, "pat", f"UPDATE rounds SET {change} WHERE id = %s", (round_id,))
    assert team.read("pat", "SELECT count(*) FROM scores WHERE assessment_id LIKE 'r-%'") \
        == [(0,)]


def test_a_partner_removes_a_startup_with_its_locked_round(team):
    from models.store.workspace import Workspace

    round_id = _round(team)
    with Workspace.open(team.url("pat"), who="Pat") as ws:
        ws.reveal(round_id)
        ws.record_consensus(round_id, {"a.x": 3}, {"a.x": "between"})
        ws.remove_startup("s3")
        assert [s.id for s in ws.load().startups] == ["s1", "s2"]
    assert team.read("postgres", "SELECT count(*) FROM rounds") == [(0,)]
