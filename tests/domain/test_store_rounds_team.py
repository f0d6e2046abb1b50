"""Independent scoring on a team workspace, each person connected as their own PostgreSQL login
role: while a round is open each assessor reads only their own scores (and the change-log rows
naming their assessment), partners included, while who scores and who has submitted is seen
by all; after the reveal everyone reads everything; only partners open, reveal and record a
consensus. The hiding is the database's own (models.store.policies); the workspace's methods
are what the window calls."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import sqlalchemy as sa

from models.store.changelog import Kind
from models.store.members import add_member
from models.store.workspace import Workspace
from tests.domain.test_store_rounds import LEVELS, PEOPLE, _scored_round
from tests.domain.test_store_workspace import rich_portfolio
from tests.postgres import PostgresServer


@pytest.fixture
def team(pg_server: PostgresServer, pg_url: str) -> Iterator[dict[str, Workspace]]:
    """The rich portfolio on a server database made by its administrator (``postgres``),
    opened by Pat (partner), Ann, Bo and Cy (assessors), each as their own role, and by the
    administrator as ``Admin``."""
    Workspace.create(pg_url, rich_portfolio(), who="Admin").close()
    database = str(sa.make_url(pg_url).database)
    opened = {"Admin": Workspace.open(pg_url, who="Admin")}
    for name, group in PEOPLE.items():
        add_member(pg_url, name.lower(), group)
        opened[name] = Workspace.open(pg_server.url(database, user=name.lower()), who=name)
    yield opened
    for w in opened.values():
        w.close()


def _levels(ws: Workspace) -> dict[str, list[int | None]]:
    """Each assessment of Empty Co (s2) as ``ws``'s person reads it: its levels of a.x, a.y
    and b.z."""
    startup = ws.load().startups[1]
    return {a.assessor: [a.level(c) for c in ("a.x", "a.y", "b.z")]
            for a in startup.assessments}


def test_while_open_each_assessor_reads_only_their_own_scores(team):
    rid, ids = _scored_round(team, submit=("Ann", "Bo"))
    hidden = [None, None, None]
    assert _levels(team["Ann"]) == {"Ann": [1, 4, 2], "Bo": hidden, "Cy": hidden}
    assert _levels(team["Bo"]) == {"Ann": hidden, "Bo": [3, 4, 5], "Cy": hidden}
    assert _levels(team["Pat"]) == {"Ann": hidden, "Bo": hidden, "Cy": hidden}  # partners too
    # who scores and who has submitted: the same for everyone
    for name, ws in team.items():
        state = ws.round_state(rid)
        assert [(m.assessor, m.owner, m.submitted) for m in state.members] == [
            ("Ann", "ann", True), ("Bo", "bo", True), ("Cy", "cy", False)], name
        mine = ws.own_member(state)
        assert (mine.assessor if mine else None) == (name if name in LEVELS else None)
    # the log: every join and submission, but the rows naming an assessment only its owner's
    log = team["Ann"].changes(startup_id="s2")
    assert {c.new["assessor"] for c in log if c.kind is Kind.ROUND_JOIN} == {"Ann", "Bo", "Cy"}
    assert {c.assessment_id for c in log if c.assessment_id} == {ids["Ann"]}
    with pytest.raises(ValueError, match="not revealed"):
        team["Pat"].consensus_table(rid)


def test_after_the_reveal_everyone_reads_every_score(team):
    rid, ids = _scored_round(team, submit=("Ann", "Bo", "Cy"))
    team["Pat"].reveal(rid)
    everyone = {name: list(levels) for name, levels in LEVELS.items()}
    for name in ("Ann", "Bo", "Cy", "Pat"):
        assert _levels(team[name]) == everyone, name
        assert {c.assessment_id for c in team[name].changes(startup_id="s2")
                if c.assessment_id} == set(ids.values())
    table = team["Ann"].consensus_table(rid)
    assert [r.levels for r in table.rows] == [(1, 3, 4), (4, 4, 3), (2, 5, 3),
                                             (None, None, None)]


def test_only_partners_open_reveal_and_record(team):
    assert [team[n].is_partner() for n in ("Admin", "Pat", "Ann", "Bo")] == \
        [True, True, False, False]
    with pytest.raises(PermissionError, match=r"may not make this change"):
        team["Ann"].open_round("s2")
    rid, ids = _scored_round(team, submit=("Ann",))
    with pytest.raises(PermissionError):
        team["Ann"].reveal(rid)
    with pytest.raises(PermissionError):  # Bo's assessment is Bo's to submit
        team["Ann"].submit(ids["Bo"])
    with pytest.raises(PermissionError):  # nor may Ann score in it
        team["Ann"].set_score_field(ids["Bo"], "b.w", "value", 1)
    assert team["Bo"].round_state(rid).members[1].submitted is False
    team["Pat"].reveal(rid)
    with pytest.raises(PermissionError):
        team["Ann"].record_consensus(rid, {"a.x": 1, "a.y": 4, "b.z": 2}, {})
    assert team["Admin"].round_state(rid).stage == "revealed"
    cid = team["Pat"].record_consensus(rid, {"a.x": 1, "a.y": 4, "b.z": 2}, {})
    state = team["Cy"].round_state(rid)
    assert (state.stage, state.consensus_id) == ("locked", cid)
    consensus = team["Admin"].load().startups[1].assessments[3]
    assert (consensus.assessor, [consensus.level(c) for c in ("a.x", "a.y", "b.z")]) == \
        ("Consensus", [1, 4, 2])
    with team["Admin"]._reading():
        owner = team["Admin"]._conn.execute(sa.text(
            "SELECT owner FROM assessments WHERE id = :i"), {"i": cid}).scalar()
    assert owner == "pat"


def test_an_assessor_as_of_before_the_round_sees_no_round_assessment(team):
    before = team["Ann"].load()
    moment = team["Ann"].changes(limit=1)[0].at
    rid, ids = _scored_round(team, submit=("Bo",))
    ann = team["Ann"]
    # the rows that added Bo's and Cy's assessments are hidden from Ann: their joins take
    # them back
    assert not any(c.assessment_id == ids["Bo"] for c in ann.changes())
    for current in (None, ann.load()):
        assert ann.as_of(moment, current=current) == before
    joined = next(c for c in ann.changes(startup_id="s2") if c.kind is Kind.ROUND_JOIN
                  and c.new["assessor"] == "Cy")
    halfway = ann.as_of(joined.at)
    assert [a.assessor for a in halfway.startups[1].assessments] == ["Ann", "Bo", "Cy"]
    assert ann.round_state(rid).stage == "open"
