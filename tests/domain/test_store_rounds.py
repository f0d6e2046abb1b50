"""Rounds of independent scoring in a workspace (models.store.rounds), on an SQLite file and on
a PostgreSQL database: opening, scoring, submitting, revealing, recording a consensus that
locks the round, each step one transaction in the change log, described in both languages,
taken back by the as-of view; and every step the round's state does not allow refused,
naming the startup and the round. The hiding of scores on a server, tried by people of each
group, is in test_store_rounds_team.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.history.describe import describe_changes
from models.store.changelog import Kind
from models.store.members import add_member
from models.store.rounds import CONSENSUS_ASSESSOR, RoundError
from models.store.schema import assessments, rounds, scores
from models.store.workspace import Workspace
from tests.domain.test_store_workspace import rich_portfolio
from tests.postgres import PostgresServer

#: Ann, Bo and Cy's levels of a.x, a.y, b.z, b.w (b.w left unscored).
LEVELS = {"Ann": (1, 4, 2), "Bo": (3, 4, 5), "Cy": (4, 3, 3)}


#: The people: a partner and three assessors (their groups on a server).
PEOPLE = {"Pat": "partner", "Ann": "assessor", "Bo": "assessor", "Cy": "assessor"}


@pytest.fixture(params=["sqlite", "postgresql"])
def people(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[dict[str, Workspace]]:
    """The rich portfolio in a new workspace, on a file and on a server database, opened by
    each of :data:`PEOPLE` under their name: in a file, one window each; on a server, each
    connected as their own login role in their group."""
    place: str | Path = tmp_path / "w.beachhead"
    addresses = dict.fromkeys(PEOPLE, place)
    if request.param == "postgresql":
        place = request.getfixturevalue("pg_url")
        server: PostgresServer = request.getfixturevalue("pg_server")
        database = str(sa.make_url(place).database)
    Workspace.create(place, rich_portfolio(), who="Admin").close()
    if request.param == "postgresql":
        for name, group in PEOPLE.items():
            add_member(place, name.lower(), group)
            addresses[name] = server.url(database, user=name.lower())
    opened = {name: Workspace.open(addresses[name], who=name) for name in PEOPLE}
    yield opened
    for w in opened.values():
        w.close()


@pytest.fixture
def ws(people: dict[str, Workspace]) -> Workspace:
    """The partner's workspace."""
    return people["Pat"]


def _scored_round(people: dict[str, Workspace], submit: tuple[str, ...] = ("Ann", "Bo", "Cy")
                  ) -> tuple[int, dict[str, str]]:
    """A round on s2 (Empty Co), opened by Pat, where Ann, Bo and Cy scored :data:`LEVELS`
    and the named ones submitted."""
    rid = people["Pat"].open_round("s2")
    ids = {}
    for name, levels in LEVELS.items():
        ws = people[name]
        ids[name] = aid = ws.start_round_assessment(rid)
        for cid, level in zip(("a.x", "a.y", "b.z"), levels, strict=True):
            ws.set_score_field(aid, cid, "value", level)
    for name in submit:
        people[name].submit(ids[name])
    return rid, ids


def _rows(ws: Workspace, table: sa.Table, *where: sa.ColumnElement[bool]) -> list[dict]:
    with ws._reading():
        return [dict(r) for r in ws._conn.execute(sa.select(table).where(*where)).mappings()]


def test_a_round_from_opening_to_the_locked_consensus(people, ws):
    rid, _ = _scored_round(people, submit=("Ann", "Bo"))
    state = ws.round_state(rid)
    assert (state.startup_id, state.startup, state.opened_by, state.stage) == \
        ("s2", "Empty Co", "Pat", "open")
    assert [(m.assessor, m.submitted) for m in state.members] == \
        [("Ann", True), ("Bo", True), ("Cy", False)]
    rows = _rows(ws, assessments, assessments.c.startup_id == "s2")
    assert sorted((r["assessor"], r["role"], r["round_id"], r["position"]) for r in rows) == \
        [("Ann", "investor", rid, 0), ("Bo", "investor", rid, 1), ("Cy", "investor", rid, 2)]
    ws.reveal(rid)
    table = ws.consensus_table(rid)
    # the submitted ones only: Cy did not submit
    assert table.assessors == ("Ann", "Bo")
    assert table.proposal() == {"a.x": 1, "a.y": 4, "b.z": 5, "b.w": None}
    assert table.flagged() == ["a.x", "b.z"]
    levels = {**table.proposal(), "a.x": 2}
    comments = {"a.x": "the pilot is signed", "b.z": "Bo's reading of the rubric"}
    cid = ws.record_consensus(rid, levels, comments)
    state = ws.round_state(rid)
    assert (state.stage, state.consensus_id) == ("locked", cid)
    assert state.locked_at is not None and state.locked_at > state.revealed_at
    assert [m.assessor for m in state.members] == ["Ann", "Bo", "Cy"]  # consensus apart
    consensus = ws.load().startups[1].assessments[3]
    assert (consensus.id, consensus.assessor, consensus.role) == \
        (cid, CONSENSUS_ASSESSOR, "investor")
    assert {c: (s.value, s.rationale) for c, s in consensus.scores.items()} == {
        "a.x": (2, "the pilot is signed"), "a.y": (4, ""), "b.z": (5, "Bo's reading of the "
                                                                       "rubric")}
    (row,) = _rows(ws, rounds, rounds.c.id == rid)
    assert (row["consensus_id"], row["locked_at"]) == (cid, state.locked_at)


def test_each_step_is_one_transaction_in_the_change_log(people, ws):
    rid, ids = _scored_round(people, submit=("Ann",))
    ws.reveal(rid)
    ws.record_consensus(rid, {"a.x": 1, "a.y": 4, "b.z": 2},
                        {"a.y": "agreed at the meeting"})
    log = list(reversed(ws.changes(startup_id="s2")))
    opened, joined, added = log[0], log[1], log[2]
    assert (opened.kind, opened.new) == (Kind.ROUND_OPEN, {"round": rid})
    # the join names the startup and the round, not the assessment (see the module notes)
    assert (joined.kind, joined.assessment_id, joined.new) == \
        (Kind.ROUND_JOIN, None, {"round": rid, "assessment": ids["Ann"], "assessor": "Ann"})
    assert (added.kind, added.assessment_id, added.group) == \
        (Kind.ASSESSMENT_INSERT, ids["Ann"], joined.group)
    submitted = next(c for c in log if c.kind is Kind.ROUND_SUBMIT)
    assert (submitted.assessment_id, submitted.new["assessor"]) == (None, "Ann")
    revealed = next(c for c in log if c.kind is Kind.ROUND_REVEAL)
    assert revealed.new == {"round": rid, "submitted": 1, "members": 3}
    last_group = [c for c in log if c.group == log[-1].group]
    assert [c.kind for c in last_group] == [
        Kind.ASSESSMENT_INSERT, Kind.SCORE_NEW, Kind.SCORE_NEW, Kind.SCORE_FIELD,
        Kind.SCORE_NEW, Kind.ROUND_CONSENSUS]
    # each score's change carries its criterion's comment
    assert [(c.criterion_id, c.field, c.comment) for c in last_group[1:5]] == [
        ("a.x", "value", None), ("a.y", "value", "agreed at the meeting"),
        ("a.y", "rationale", "agreed at the meeting"), ("b.z", "value", None)]
    assert last_group[-1].new["changed"] == []  # Ann alone: her levels are the proposal


def test_the_history_tells_each_step_in_both_languages(people, ws):
    rid, _ = _scored_round(people, submit=("Ann", "Bo"))
    ws.reveal(rid)
    ws.record_consensus(rid, {"a.x": 2, "a.y": 4, "b.z": 5},
                        {"a.x": "settled", "b.z": "settled too"})
    kinds = (Kind.ROUND_OPEN, Kind.ROUND_JOIN, Kind.ROUND_SUBMIT, Kind.ROUND_REVEAL,
             Kind.ROUND_CONSENSUS)
    changes = [c for c in ws.changes(startup_id="s2") if c.kind in kinds]
    portfolio = ws.load()
    en = {(r.what, r.new) for r in describe_changes(changes, portfolio, "en")}
    zh = {(r.what, r.new) for r in describe_changes(changes, portfolio, "zh_CN")}
    assert ("independent round opened", f"round {rid}") in en
    assert ("independent scoring started", f"Cy · round {rid}") in en
    assert ("independent scores submitted", f"Bo · round {rid}") in en
    assert ("independent scores revealed", f"round {rid} · 2 of 3 submitted") in en
    assert ("consensus recorded, round locked", f"round {rid} · changed: a.x") in en
    assert ("开启独立评分轮次", f"第 {rid} 轮") in zh
    assert ("揭晓独立评分", f"第 {rid} 轮 · 3 人中 2 人已提交") in zh
    assert ("记录共识，轮次锁定", f"第 {rid} 轮 · 改动：a.x") in zh


def test_the_portfolio_as_of_any_moment_of_a_round(people, ws):
    before = ws.load()
    opened_at = ws.changes(limit=1)[0].at
    rid, _ = _scored_round(people, submit=("Ann", "Bo", "Cy"))
    scored_at = people["Cy"].changes(limit=1)[0].at  # Cy's submission, the newest change
    ws.reveal(rid)
    cid = ws.record_consensus(rid, {"a.x": 3, "a.y": 4, "b.z": 3}, {"a.x": "a", "b.z": "b"})
    now = ws.load()
    # once scored: the three assessments with their levels, no consensus yet
    scored = now.model_copy(deep=True)
    scored.startups[1].assessments.pop()
    assert [[a.level(c) for c in ("a.x", "a.y", "b.z", "b.w")]
            for a in scored.startups[1].assessments] == [[1, 4, 2, None], [3, 4, 5, None],
                                                         [4, 3, 3, None]]
    for current in (None, now):
        assert ws.as_of(opened_at, current=current) == before
        assert ws.as_of(scored_at, current=current) == scored
        assert ws.as_of(ws.changes(limit=1)[0].at, current=current) == now
    assert now.startups[1].assessments[3].id == cid


def _refusal(call, *words: str) -> str:
    with pytest.raises(RoundError) as caught:
        call()
    message = str(caught.value)
    assert all(w in message for w in words), message
    return message


def test_steps_the_round_does_not_allow_are_refused_naming_startup_and_round(people, ws):
    ann_ws, bo_ws = people["Ann"], people["Bo"]
    rid = ws.open_round("s2")
    _refusal(lambda: ws.open_round("s2"), "Empty Co", f"round {rid}", "still open")
    _refusal(lambda: ws.reveal(rid), "Empty Co", f"round {rid}", "nobody has submitted")
    _refusal(lambda: ws.consensus_table(rid), f"round {rid}", "not revealed")
    _refusal(lambda: ws.record_consensus(rid, {}, {}), f"round {rid}", "not revealed")
    ann = ann_ws.start_round_assessment(rid)
    _refusal(lambda: ann_ws.start_round_assessment(rid), "Ann is scoring in it already")
    ann_ws.set_score_field(ann, "a.x", "value", 4)
    ann_ws.submit(ann)
    _refusal(lambda: ann_ws.submit(ann), "Ann submitted already")
    bo = bo_ws.start_round_assessment(rid)
    ws.reveal(rid)
    _refusal(lambda: ws.reveal(rid), "Empty Co", f"round {rid}", "revealed already")
    _refusal(lambda: bo_ws.submit(bo), f"round {rid}", "is revealed", "Bo's assessment")
    _refusal(lambda: people["Cy"].start_round_assessment(rid), "is revealed")
    _refusal(lambda: ws.record_consensus(rid, {"a.x": 3}, {}), "a.x")
    with pytest.raises(KeyError):
        ws.record_consensus(rid, {"a.x": 4, "z.z": 1}, {})
    cid = ws.record_consensus(rid, {"a.x": 4}, {})
    revision = ws.info()["revision"]
    # every assessment of the round, the consensus included, by its owner
    for w, aid in ((ann_ws, ann), (bo_ws, bo), (ws, cid)):
        _refusal(lambda w=w, a=aid: w.set_score_field(a, "a.x", "value", 1), "Empty Co",
                 f"round {rid}", "locked since")
        _refusal(lambda w=w, a=aid: w.set_assessment_field(a, "assessor", "Zed"), "locked")
        _refusal(lambda w=w, a=aid: w.remove_assessment(a), "locked")
    _refusal(lambda: ws.record_consensus(rid, {"a.x": 4}, {}), "is locked")
    _refusal(lambda: ws.submit("a1"), "a1 is not part of a round")
    assert ws.info()["revision"] == revision  # nothing written
    with pytest.raises(KeyError):
        ws.round_state(rid + 1)
    # the other assessments stay editable, and a new round may open once this one is locked
    ws.set_score_field("a1", "a.x", "value", 5)
    assert ws.open_round("s2") == rid + 1
    assert [r.stage for r in ws.rounds("s2")] == ["locked", "open"]
    assert ws.latest_round("s1") is None


def test_a_file_has_one_user_who_may_take_every_step(tmp_path):
    """(A server's people are tried in test_store_rounds_team.py.)"""
    ws = Workspace.create(tmp_path / "one.beachhead", rich_portfolio(), who="Ann")
    assert ws.is_partner()
    rid = ws.open_round("s1")
    ws.who = "Bo"
    mine = ws.start_round_assessment(rid)
    state = ws.round_state(rid)
    assert ws.own_member(state) == state.members[0] and state.members[0].assessor == "Bo"
    assert state.members[0].owner is None
    ws.who = "Ann"
    assert ws.own_member(state) is None
    ws.set_score_field(mine, "a.x", "value", 2)  # nothing is hidden in a file
    assert ws.load().startups[0].assessments[2].scores["a.x"].value == 2
    ws.close()


def test_a_consensus_leaves_a_criterion_unscored_or_blanks_one_with_a_comment(people, ws):
    rid, _ = _scored_round(people, submit=("Ann", "Bo", "Cy"))
    ws.reveal(rid)
    # proposals 3, 4, 3; a.y taken away (a change: comment); b.w nobody scored, left out
    cid = ws.record_consensus(rid, {"a.x": 3, "a.y": None, "b.z": 3},
                              {"a.x": "median", "b.z": "median", "a.y": "not known yet"})
    assert sorted((r["criterion_id"], r["position"], r["value"], r["rationale"])
                  for r in _rows(ws, scores, scores.c.assessment_id == cid)) == [
        ("a.x", 0, 3, "median"), ("a.y", 1, None, "not known yet"), ("b.z", 2, 3, "median")]
    consensus = next(a for a in ws.load().startups[1].assessments if a.id == cid)
    assert {c: (s.value, s.rationale) for c, s in consensus.scores.items()} == {
        "a.x": (3, "median"), "a.y": (None, "not known yet"), "b.z": (3, "median")}


def test_a_startup_with_a_round_still_open_is_not_removed(new_location):
    from tests.domain.test_store_workspace import rich_portfolio

    with Workspace.create(new_location(), rich_portfolio(), who="Pat") as ws:
        number = ws.open_round("s1")
        with pytest.raises(ValueError, match=f"Acme 智能: round {number} of independent "
                                             "scoring is still open"):
            ws.remove_startup("s1")
        assert [s.id for s in ws.load().startups] == ["s1", "s2", "s3"]
        ws.remove_startup("s3")  # no round: removed as before
        assert [s.id for s in ws.load().startups] == ["s1", "s2"]


def test_once_revealed_no_one_changes_what_each_assessor_scored_alone(people, ws):
    rid, ids = _scored_round(people, submit=("Ann", "Bo"))
    ann_ws = people["Ann"]
    ann_ws.set_score_field(ids["Ann"], "a.x", "value", 2)  # before the reveal: still hers
    ws.reveal(rid)
    revision = ws.info()["revision"]
    for w, aid in ((ann_ws, ids["Ann"]), (ws, ids["Bo"]), (people["Cy"], ids["Cy"])):
        _refusal(lambda w=w, a=aid: w.set_score_field(a, "a.x", "value", 5, expected=2),
                 "Empty Co", f"round {rid}: revealed at", "can no longer be changed")
        _refusal(lambda w=w, a=aid: w.set_assessment_field(a, "assessor", "Zed"), "revealed")
        _refusal(lambda w=w, a=aid: w.remove_assessment(a), "revealed")
    assert ws.info()["revision"] == revision  # nothing written
    table = ws.consensus_table(rid)
    assert [r.levels for r in table.rows][:3] == [(2, 3), (4, 4), (2, 5)]
    cid = ws.record_consensus(rid, {"a.x": 2, "a.y": 4, "b.z": 3}, {"b.z": "between"})
    assert ws.round_state(rid).consensus_id == cid


def test_the_framework_is_not_replaced_while_a_round_hides_scores(people, ws):
    """A partner cannot see an open round's scores, so cannot tell whether the new framework
    lacks a criterion one of them names; a file refuses the same."""
    from tests.domain.test_history_describe import _without_bw

    rid, ids = _scored_round(people, submit=("Bo",))
    people["Bo"].set_score_field(ids["Bo"], "b.w", "value", 4)
    framework = ws.framework()
    with pytest.raises(ValueError, match=f"Empty Co: round {rid} of independent scoring is "
                                         "still open, its scores unseen; reveal it"):
        ws.replace_framework(_without_bw(framework))
    assert ws.framework() == framework
    ws.reveal(rid)  # now the check sees Bo's b.w
    with pytest.raises(ValueError, match=f"assessment {ids['Bo']} scores b.w"):
        ws.replace_framework(_without_bw(framework))


def test_undoing_an_import_keeps_a_startup_with_a_round_open(ws):
    from models.core.portfolio import Startup

    ws.add_many([Startup(id="s9", name="Newco")])
    rid = ws.open_round("s9")
    with pytest.raises(ValueError, match=f"Newco: round {rid} of independent scoring is "
                                         "still open"):
        ws.remove_many(["s9"])
    assert [s.id for s in ws.load().startups] == ["s1", "s2", "s3", "s9"]
