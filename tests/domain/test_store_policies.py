"""Who may do what in a team workspace, enforced by the PostgreSQL server itself
(``models.store.policies``): each person connects with their own role and tries, in raw SQL,
what their group may and may not do; every refusal is checked by reading the rows back as the
workspace's owner. People: ann and bo (assessors), pat (partner), rita (reader)."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from models.core.portfolio import Assessment, Score
from models.store.members import grant_statements
from models.store.policies import rules, undo_rules
from models.store.server import libpq_params
from models.store.workspace import Workspace
from tests.domain.test_store_workspace import rich_portfolio
from tests.postgres import PostgresServer

PEOPLE = {"ann": "assessor", "bo": "assessor", "pat": "partner", "rita": "reader"}
TABLES = ("framework_versions", "portfolio", "startups", "rounds", "assessments", "scores",
          "decisions", "changes")
Refused = psycopg.errors.InsufficientPrivilege

ADD_ASSESSMENT = """
    INSERT INTO assessments (id, startup_id, position, assessor, role, date,
                             framework_version_id, owner, round_id)
    VALUES (%(id)s, %(sid)s::text,
            (SELECT count(*) FROM assessments WHERE startup_id = %(sid)s::text),
            %(assessor)s, 'investor', '2025-03-01', (SELECT framework_version_id FROM portfolio),
            %(owner)s, %(round)s)"""
ADD_SCORE = """
    INSERT INTO scores (assessment_id, criterion_id, position, value, confidence, rationale,
                        evidence) VALUES (%s, %s, %s, %s, 'medium', '', '')"""
ADD_CHANGE = """
    INSERT INTO changes (group_id, at, who, kind, assessment_id, criterion_id, field,
                         new_value, db_role)
    VALUES ('g', now(), %s, 'score_new', %s, 'a.x', 'value', '3', %s) RETURNING id"""


@dataclass
class Team:
    """A team workspace on the test server, its owner ``postgres`` and four people."""

    server: PostgresServer
    database: str

    def url(self, role: str = "postgres") -> str:
        return self.server.url(self.database, user=role)

    @contextlib.contextmanager
    def session(self, role: str) -> Iterator[psycopg.Connection[Any]]:
        """A raw connection as ``role`` (no Beachhead code in between)."""
        with psycopg.connect(**libpq_params(self.url(role))) as conn:
            yield conn

    def write(self, role: str, statement: str, params: Any = None) -> list[Any]:
        """Run ``statement`` as ``role`` in a write transaction as the application makes one
        (the portfolio's revision counted up first), committed; returns the rows it returned
        and its row count last."""
        with self.session(role) as conn, conn.transaction():
            conn.execute("UPDATE portfolio SET revision = revision + 1")
            cur = conn.execute(statement, params)
            return [*(cur.fetchall() if cur.description else []), cur.rowcount]

    def read(self, role: str, query: str, params: Any = None) -> list[tuple[Any, ...]]:
        with self.session(role) as conn:
            return conn.execute(query, params).fetchall()

    def snapshot(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, as the owner reads them."""
        with self.session("postgres") as conn:
            return {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr)
                    for t in TABLES}

    def add_assessment(self, role: str, aid: str, sid: str = "s2", round_id: int | None = None,
                       level: int = 3, owner: str | None = None) -> None:
        """``role`` adds assessment ``aid`` with a level for ``a.x`` and its change row."""
        with self.session(role) as conn, conn.transaction():
            conn.execute("UPDATE portfolio SET revision = revision + 1")
            conn.execute(ADD_ASSESSMENT, {"id": aid, "sid": sid, "assessor": role.title(),
                                          "owner": owner, "round": round_id})
            conn.execute(ADD_SCORE, (aid, "a.x", 0, level))
            conn.execute(ADD_CHANGE, (role, aid, None))


@pytest.fixture
def team(pg_server: PostgresServer, pg_url: str) -> Team:
    """The rich portfolio on the server, made by ``postgres`` (owner of a1, a2, a3); the four
    people; bo's assessment b1 of startup s2 (a.x at level 2)."""
    Workspace.create(pg_url, rich_portfolio(), who="Admin").close()
    made = Team(pg_server, str(make_url(pg_url).database))
    with pg_server.admin(made.database) as conn:
        for name, group in PEOPLE.items():
            for statement in grant_statements(name, group):
                conn.execute(statement)
    made.add_assessment("bo", "b1", level=2)
    return made


def refused(team: Team, role: str, statement: str, params: Any = None,
            error: type[Exception] = Refused) -> str:
    """Check that ``role`` may not run ``statement`` (nothing is changed); the message."""
    before = team.snapshot()
    with pytest.raises(error) as caught:
        team.write(role, statement, params)
    assert team.snapshot() == before
    return str(caught.value)


WRITES = [
    ("UPDATE portfolio SET revision = revision + 1", None),
    ("UPDATE portfolio SET framework_version_id = framework_version_id", None),
    ("INSERT INTO framework_versions (framework_id, version, content_hash, document, "
     "added_at, added_by) VALUES ('x', '2', 'h', '{}', now(), 'me')", None),
    ("UPDATE startups SET name = 'Renamed' WHERE id = 's1'", None),
    ("DELETE FROM startups WHERE id = 's2'", None),
    ("DELETE FROM decisions", None),
    ("INSERT INTO decisions (startup_id, position, status, date, decided_by, rationale) "
     "VALUES ('s1', 0, 'passed', '2025-01-01', 'me', '')", None),
    ("INSERT INTO rounds (startup_id, opened_at, opened_by) VALUES ('s1', now(), 'me')", None),
]


def test_a_reader_may_write_nothing(team):
    own = [(ADD_ASSESSMENT, {"id": "r1", "sid": "s2", "assessor": "Rita", "owner": None,
                             "round": None}),
           ("UPDATE scores SET value = 5 WHERE assessment_id = 'b1'", None),
           ("DELETE FROM scores", None),
           ("UPDATE assessments SET assessor = 'Rita' WHERE id = 'a1'", None),
           ("DELETE FROM assessments WHERE id = 'b1'", None),
           (ADD_CHANGE, ("rita", None, None))]
    for statement, params in own + WRITES:
        with team.session("rita") as conn, pytest.raises(Refused):
            conn.execute(statement, params)
    assert team.read("rita", "SELECT count(*) FROM scores") == [(7,)]


def test_an_assessor_adds_an_assessment_that_is_theirs_whatever_they_say(team):
    team.add_assessment("ann", "n1", sid="s1", level=4, owner="bo")
    team.write("ann", "UPDATE scores SET value = 5, rationale = 'better' "
                      "WHERE assessment_id = 'n1' AND criterion_id = 'a.x'")
    team.write("ann", ADD_SCORE, ("n1", "a.y", 1, 1))
    team.write("ann", "DELETE FROM scores WHERE assessment_id = 'n1' AND criterion_id = 'a.y'")
    assert team.read("postgres", "SELECT owner, position FROM assessments WHERE id = 'n1'") \
        == [("ann", 2)]
    assert team.read("postgres", "SELECT criterion_id, value, rationale FROM scores "
                                 "WHERE assessment_id = 'n1'") == [("a.x", 5, "better")]
    # the change log names the role that wrote each row, not the one the client gave
    *_, (forged,), _ = team.write("ann", ADD_CHANGE, ("Pat", "n1", "pat"))
    assert team.read("postgres", "SELECT who, db_role FROM changes WHERE id = %s",
                     (forged,)) == [("Pat", "ann")]
    assert team.read("postgres", "SELECT db_role FROM changes WHERE assessment_id = 'b1'") \
        == [("bo",)]


def test_an_assessor_cannot_change_anothers_assessment_or_its_scores(team):
    for statement in ["UPDATE scores SET value = 5 WHERE assessment_id = 'b1'",
                      "DELETE FROM scores WHERE assessment_id = 'b1'",
                      "UPDATE assessments SET assessor = 'Ann' WHERE id = 'b1'",
                      "UPDATE assessments SET owner = 'ann' WHERE id = 'b1'",
                      "DELETE FROM assessments WHERE id = 'b1'",
                      "DELETE FROM assessments",
                      "UPDATE scores SET rationale = 'mine' WHERE assessment_id = 'a1'"]:
        refused(team, "ann", statement)
    assert "the scores of assessment b1 are bo's: only they or a partner may change them" in \
        refused(team, "ann", ADD_SCORE, ("b1", "a.y", 1, 5))
    assert "b1 is bo's" in refused(team, "ann", "DELETE FROM assessments WHERE id = 'b1'")
    # a score cannot be moved into an assessment of one's own either
    team.add_assessment("ann", "n1")
    refused(team, "ann", "UPDATE scores SET assessment_id = 'n1' WHERE assessment_id = 'b1'")
    refused(team, "ann", "UPDATE assessments SET owner = 'bo' WHERE id = 'n1'")
    assert team.read("postgres", "SELECT value FROM scores WHERE assessment_id = 'b1'") \
        == [(2,)]


def test_an_assessor_cannot_change_the_framework_startups_decisions_or_rounds(team):
    for statement, params in WRITES[1:]:
        refused(team, "ann", statement, params)


def test_positions_move_when_an_assessor_adds_or_removes_their_own(team):
    with Workspace.open(team.url("ann")) as ws:
        ws.insert_assessment("s1", 0, Assessment(id="n1", assessor="Ann", role="investor",
                                                 date="2025-02-01",
                                                 scores={"a.x": Score(value=2)}))
        assert team.read("postgres", "SELECT id, position, owner FROM assessments "
                                     "WHERE startup_id = 's1' ORDER BY position") == \
            [("n1", 0, "ann"), ("a1", 1, "postgres"), ("a2", 2, "postgres")]
        assert team.read("postgres", "SELECT value FROM scores WHERE assessment_id = 'n1'") \
            == [(2,)]
        ws.remove_assessment("n1")  # its scores go with it
    assert team.read("postgres", "SELECT id, position FROM assessments "
                                 "WHERE startup_id = 's1' ORDER BY position") == \
        [("a1", 0), ("a2", 1)]
    assert team.read("postgres", "SELECT count(*) FROM scores WHERE assessment_id = 'n1'") \
        == [(0,)]


def test_a_partner_may_change_everything(team):
    team.write("pat", "UPDATE scores SET value = 5 WHERE assessment_id = 'b1'")
    team.write("pat", "UPDATE assessments SET owner = 'ann', assessor = 'Ann' WHERE id = 'b1'")
    assert team.read("postgres", "SELECT a.owner, a.assessor, s.value FROM assessments a "
                                 "JOIN scores s ON s.assessment_id = a.id WHERE a.id = 'b1'") \
        == [("ann", "Ann", 5)]
    team.write("pat", "DELETE FROM assessments WHERE id = 'a3'")
    for statement, params in WRITES:
        team.write("pat", statement, params)
    team.write("pat", "UPDATE portfolio SET framework_version_id = "
                      "(SELECT max(id) FROM framework_versions)")
    assert team.read("postgres", "SELECT id, name FROM startups ORDER BY id") == \
        [("s1", "Renamed"), ("s3", "Beta")]
    assert team.read("postgres", "SELECT framework_id FROM framework_versions f JOIN portfolio"
                                 " p ON p.framework_version_id = f.id") == [("x",)]
    assert team.read("postgres", "SELECT count(*) FROM assessments WHERE id = 'a3'") == [(0,)]
    assert team.read("postgres", "SELECT status FROM decisions") == [("passed",)]


def _round_scores(team: Team, role: str) -> list[tuple[Any, ...]]:
    return team.read(role, "SELECT s.assessment_id, s.value FROM scores s JOIN assessments a "
                           "ON a.id = s.assessment_id WHERE a.round_id IS NOT NULL ORDER BY 1")


def _round_changes(team: Team, role: str) -> list[tuple[Any, ...]]:
    return team.read(role, "SELECT assessment_id, db_role FROM changes "
                           "WHERE assessment_id LIKE 'r%' ORDER BY 1")


def _open_round(team: Team) -> int:
    (round_id,), _ = team.write("pat", "INSERT INTO rounds (startup_id, opened_at, opened_by) "
                                       "VALUES ('s3', now(), 'Pat') RETURNING id")
    team.add_assessment("ann", "r-ann", sid="s3", round_id=round_id, level=2)
    team.add_assessment("bo", "r-bo", sid="s3", round_id=round_id, level=5)
    return int(round_id)


def test_scores_in_an_open_round_are_seen_by_their_owner_alone_until_revealed(team):
    round_id = _open_round(team)
    assert _round_scores(team, "ann") == [("r-ann", 2)]
    assert _round_scores(team, "bo") == [("r-bo", 5)]
    assert _round_scores(team, "pat") == [] == _round_scores(team, "rita")
    assert _round_changes(team, "ann") == [("r-ann", "ann")]
    assert _round_changes(team, "pat") == []
    # who is scoring stays in sight; their other scores too
    assert team.read("rita", "SELECT id, owner FROM assessments WHERE round_id = %s "
                             "ORDER BY id", (round_id,)) == [("r-ann", "ann"), ("r-bo", "bo")]
    assert team.read("ann", "SELECT count(*) FROM scores") == [(7 + 1,)]
    # a score one cannot see cannot be written either, by a partner neither
    refused(team, "pat", ADD_SCORE, ("r-bo", "a.y", 1, 1))
    assert team.write("ann", "UPDATE scores SET value = 1 WHERE assessment_id = 'r-bo'") == [0]
    team.write("pat", "UPDATE rounds SET revealed_at = now() WHERE id = %s", (round_id,))
    everything = [("r-ann", 2), ("r-bo", 5)]
    for role in PEOPLE:
        assert _round_scores(team, role) == everything
        assert _round_changes(team, role) == [("r-ann", "ann"), ("r-bo", "bo")]
    assert _round_scores(team, "postgres") == everything


def test_no_one_changes_a_locked_round(team):
    round_id = _open_round(team)
    team.write("pat", "UPDATE rounds SET revealed_at = now() WHERE id = %s", (round_id,))
    # the consensus is scored outside the round, then joins it (as the workspace does it)
    team.add_assessment("pat", "r-consensus", sid="s3", level=4)
    team.write("pat", "UPDATE assessments SET round_id = %s WHERE id = 'r-consensus'",
               (round_id,))
    team.write("pat", "UPDATE rounds SET consensus_id = 'r-consensus', locked_at = now() "
                      "WHERE id = %s", (round_id,))
    for role, aid in [("pat", "r-bo"), ("pat", "r-consensus"), ("ann", "r-ann")]:
        refused(team, role, "UPDATE scores SET value = 1 WHERE assessment_id = %s", (aid,))
        refused(team, role, "DELETE FROM scores WHERE assessment_id = %s", (aid,))
        refused(team, role, ADD_SCORE, (aid, "b.z", 1, 1))
        refused(team, role, "UPDATE assessments SET submitted_at = now() WHERE id = %s",
                (aid,))
        refused(team, role, "UPDATE assessments SET round_id = NULL WHERE id = %s", (aid,))
        refused(team, role, "DELETE FROM assessments WHERE id = %s", (aid,))
    assert "locked" in refused(team, "pat", "UPDATE rounds SET locked_at = NULL")
    refused(team, "pat", "DELETE FROM rounds")
    refused(team, "ann", ADD_ASSESSMENT, {"id": "late", "sid": "s3", "assessor": "Ann",
                                          "owner": None, "round": round_id})
    assert _round_scores(team, "ann") == [("r-ann", 2), ("r-bo", 5), ("r-consensus", 4)]


def test_a_window_is_told_the_server_refused_an_edit_of_anothers_score(team):
    with Workspace.open(team.url("ann")) as ws:
        with pytest.raises(PermissionError) as caught:
            ws.set_score_field("b1", "a.x", "value", 4)
        assert caught.value.filename == ws.location
        with pytest.raises(PermissionError):
            ws.remove_assessment("b1")
        with pytest.raises(PermissionError):
            ws.set_startup_field("s1", "name", "Mine")
        ws.insert_assessment("s2", 1, Assessment(id="n1", assessor="Ann", role="investor",
                                                 date="2025-02-01",
                                                 scores={"a.y": Score(value=3)}))
        ws.set_score_field("n1", "a.y", "value", 4)
        assert ws.changes(assessment_id="n1")[0].role == "ann"
    assert team.read("postgres", "SELECT assessment_id, value FROM scores WHERE assessment_id "
                                 "IN ('b1', 'n1') ORDER BY 1") == [("b1", 2), ("n1", 4)]
    assert team.read("postgres", "SELECT name FROM startups WHERE id = 's1'") == [("Acme 智能",)]


def test_a_copy_by_the_owner_keeps_owners_and_roles(team, pg_server):
    dest = pg_server.new_database()
    with Workspace.open(team.url()) as ws:
        ws.copy_to(dest)
    copied = Team(pg_server, str(make_url(dest).database))
    query = "SELECT id, owner FROM assessments ORDER BY id"
    assert copied.read("postgres", query) == team.read("postgres", query) == \
        [("a1", "postgres"), ("a2", "postgres"), ("a3", "postgres"), ("b1", "bo")]
    query = "SELECT id, db_role FROM changes ORDER BY id"
    assert copied.read("postgres", query) == team.read("postgres", query) == \
        [(1, "postgres"), (2, "bo")]


def _rule_objects(team: Team) -> list[tuple[Any, ...]]:
    return team.read("postgres", """
        SELECT 'policy', tablename || '.' || policyname FROM pg_policies
        UNION ALL SELECT 'trigger', tgname FROM pg_trigger WHERE NOT tgisinternal
        UNION ALL SELECT 'secured', relname FROM pg_class WHERE relrowsecurity
        UNION ALL SELECT 'grant', grantee || ' ' || table_name || ' ' || privilege_type
                  FROM information_schema.role_table_grants WHERE grantee LIKE 'beachhead%'
        ORDER BY 1, 2""")


def test_the_rules_run_again_unchanged_and_come_out_whole(team):
    made = _rule_objects(team)
    assert ("secured", "scores") in made and ("trigger", "assessments_rules") in made
    with team.server.admin(team.database) as conn:
        for statement in rules():
            conn.execute(statement)
        assert _rule_objects(team) == made
        for statement in undo_rules():
            conn.execute(statement)
        assert _rule_objects(team) == []
        for statement in rules():
            conn.execute(statement)
    assert _rule_objects(team) == made


def test_the_groups_are_made_once_when_two_databases_make_them_at_once(pg_server, pg_url):
    """The second migration waits on the first one's new roles, then finds them there."""
    first, second = pg_url, pg_server.new_database()
    make_groups = rules()[0]
    with psycopg.connect(**libpq_params(first)) as early:
        early.execute(make_groups)  # not committed yet
        waiting: list[BaseException] = []

        def late() -> None:
            try:
                with psycopg.connect(**libpq_params(second), autocommit=True) as conn:
                    conn.execute(make_groups)
            except BaseException as exc:  # reported below
                waiting.append(exc)

        worker = threading.Thread(target=late)
        worker.start()
        with pg_server.admin() as watch:
            while watch.execute("SELECT count(*) FROM pg_stat_activity WHERE "
                                "wait_event_type = 'Lock'").fetchone() != (1,):
                assert worker.is_alive()
                time.sleep(0.01)
        early.commit()
        worker.join(30)
    assert waiting == []
    with pg_server.admin() as conn:
        assert conn.execute("""
            SELECT g.rolname, m.rolname FROM pg_auth_members a JOIN pg_roles g
            ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
            WHERE g.rolname LIKE 'beachhead%' ORDER BY 1""").fetchall() == \
            [("beachhead_assessor", "beachhead_partner"),
             ("beachhead_reader", "beachhead_assessor")]


def test_a_person_is_granted_one_group_whatever_their_name(team):
    name = "O'Neil \"Jr\" 李"
    with team.server.admin(team.database) as conn:
        for group in ("partner", "reader"):
            for statement in grant_statements(name, group):
                conn.execute(statement)
        assert conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
                            (name,)).fetchall() == [(True,)]
    assert team.read(name, "SELECT pg_has_role(current_user, 'beachhead_reader', 'MEMBER'), "
                           "pg_has_role(current_user, 'beachhead_assessor', 'MEMBER')") == \
        [(True, False)]
    with pytest.raises(ValueError, match="not a group"):
        grant_statements("ann", "owner")
