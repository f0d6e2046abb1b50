"""History: the change log filtered by startup, assessment and dates, newest first; the
portfolio as of any past moment, through edits, removals, imports and framework changes."""

from __future__ import annotations

import datetime as dt

import pytest

from models.core.decisions import Decision
from models.core.errors import InputError
from models.core.portfolio import Assessment, Score, Startup
from models.store.changelog import Kind
from models.store.replay import Mismatch, Replay
from models.store.workspace import Workspace
from tests.domain.test_store_workspace import make, rich_portfolio


@pytest.fixture
def file_ws(tmp_path):
    """A workspace file (for what only a file has: its pages, its place on the disk)."""
    with make(tmp_path) as w:
        yield w


def _moment(ws) -> dt.datetime:
    """When the newest change was made."""
    return ws.changes(limit=1)[0].at


def _session(ws) -> list[tuple[dt.datetime, object]]:
    """A session of edits, with removals and re-insertions between them; returns the moment
    after each step and the portfolio as it was then."""
    states = [(_moment(ws), ws.load())]

    def step() -> None:
        states.append((_moment(ws), ws.load()))

    ws.set_score_field("a1", "a.x", "value", 1)
    ws.set_startup_field("s1", "name", "Acme Two")
    step()
    index, startup = ws.remove_startup("s1")
    step()
    ws.add_many([Startup(id=f"n{i}", name=f"New {i}", assessments=[
        Assessment(id=f"na{i}", scores={"b.z": Score(value=i % 5 + 1)})]) for i in range(4)],
        [("s3", Assessment(id="x1", role="investor"))], [("s2", "notes", "imported")])
    step()
    ws.insert_startup(index, startup)
    ws.set_assessment_field("a2", "assessor", "Bea")
    ws.remove_assessment("a3")
    step()
    ws.set_decisions("s2", [Decision(status="passed", date=dt.date(2025, 5, 1))])
    ws.set_score_field("x1", "a.y", "value", 4)
    ws.replace_framework(ws.framework().with_weights(pillar_weights={"a": 5.0}))
    step()
    ws.remove_many(["n1", "n2"], ["x1"], [("s2", "notes", "")])
    ws.set_startup_field("n0", "tags", ["late"])
    step()
    round_id = ws.open_round("s2")
    mine = ws.start_round_assessment(round_id, "Cy")
    ws.set_score_field(mine, "a.x", "value", 3)
    ws.submit(mine)
    step()
    ws.reveal(round_id)
    ws.record_consensus(round_id, {"a.x": 3}, {})
    step()
    return states


def test_as_of_each_moment_gives_the_portfolio_as_it_was_then(ws):
    states = _session(ws)
    current = ws.load()
    kept = current.model_dump()
    for moment, state in states:
        assert ws.as_of(moment).model_dump() == state.model_dump(), moment
        assert ws.as_of(moment, current=current).model_dump() == state.model_dump(), moment
    assert current.model_dump() == kept  # taking changes back left the current one alone
    assert ws.as_of(states[0][0]) == rich_portfolio()
    assert ws.as_of(states[-1][0] + dt.timedelta(days=1)) == ws.load()


def test_every_kind_of_change_names_who_made_it(ws):
    _session(ws)
    ws.who = "Bo"
    ws.replace_framework(ws.framework().with_weights(pillar_weights={"a": 1.0}),
                         comment="back")
    log = ws.changes()
    assert {c.kind for c in log} == set(Kind) - {Kind.SCORE_REMOVE, Kind.SCORE_RESTORE}
    assert {c.who for c in log[1:]} == {"Ann"} and log[0].who == "Bo"
    assert all(c.at.tzinfo == dt.UTC for c in log)


def test_as_of_between_two_changes_shows_the_earlier_one(ws):
    states = _session(ws)
    (t1, s1), (t2, _) = states[2], states[3]
    assert t1 < t2
    assert ws.as_of(t1 + (t2 - t1) / 2) == s1


def test_as_of_before_the_workspace_began_is_refused(ws):
    created = ws.info()["created_at"]
    with pytest.raises(InputError, match="before the workspace was created") as e:
        ws.as_of(created - dt.timedelta(seconds=1))
    assert e.value.problems[0].source == ws.location
    with pytest.raises(ValueError, match="time zone"):
        ws.as_of(dt.datetime(2025, 1, 1))  # a naive moment


def test_history_of_one_startup_is_newest_first_and_outlives_it(ws):
    ws.set_score_field("a1", "a.x", "value", 3)
    ws.set_assessment_field("a2", "role", "other")
    ws.set_startup_field("s3", "notes", "not s1")
    ws.remove_startup("s1")
    history = ws.changes(startup_id="s1")
    assert [c.kind for c in history] == [Kind.STARTUP_REMOVE, Kind.ASSESSMENT_FIELD,
                                         Kind.SCORE_FIELD]
    assert [c.id for c in history] == sorted((c.id for c in history), reverse=True)
    assert [c.kind for c in ws.changes(assessment_id="a2")] == [Kind.ASSESSMENT_FIELD]


def test_history_between_two_moments(ws):
    ws.set_startup_field("s2", "notes", "one")
    first = _moment(ws)
    ws.set_startup_field("s2", "notes", "two")
    ws.set_startup_field("s2", "notes", "three")
    last = _moment(ws)
    ws.set_startup_field("s2", "notes", "four")
    assert [c.new for c in ws.changes(startup_id="s2", since=first, until=last)] == \
        ["three", "two", "one"]
    assert [c.new for c in ws.changes(since=last)] == ["four", "three"]
    assert [c.new for c in ws.changes(startup_id="s2", until=first)] == ["one"]


def test_moments_of_transactions_only_go_forward(ws):
    for i in range(20):
        ws.set_startup_field("s2", "stage", f"round {i}")
    moments = [c.at for c in reversed(ws.changes())]
    assert moments == sorted(moments) and len(set(moments)) == len(moments)


def test_as_of_from_a_copy_that_lacks_another_windows_changes_is_still_right(ws, tmp_path):
    """A window's copy that has yet to take in another's removals: taking those back on it
    used to put each removed startup and assessment back beside itself (Beachhead twice)."""
    moment = _moment(ws)
    stale = ws.load()
    with Workspace.open(ws.address, who="Bo") as other:
        other.remove_startup("s3")
        other.remove_assessment("a2")
        other.set_score_field("a1", "a.x", "value", 1)
        other.insert_startup(0, Startup(id="n1", name="New"))
    past = ws.as_of(moment, current=stale)
    assert past == rich_portfolio()
    assert [s.name for s in past.startups] == ["Acme 智能", "Empty Co", "Beta"]
    assert [a.id for a in past.startups[0].assessments] == ["a1", "a2"]
    assert stale.find_startup("Beta") is not None and len(stale.startups) == 3


def test_taking_back_a_removal_of_an_item_still_there_is_a_mismatch(ws):
    moment = _moment(ws)
    kept = ws.load()
    ws.remove_assessment("a3")
    taken = ws.changes(since=moment + dt.timedelta(microseconds=1))
    with pytest.raises(Mismatch, match="assessment a3 is already there"):
        Replay(kept, ws.framework_version).take_back(taken)
