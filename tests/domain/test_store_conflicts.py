"""No lost update: an edit given the value its editor saw (``expected``) is written only if the
workspace still holds it; otherwise nothing is written and the ``Conflict`` names the value now,
who changed it and when. Two workspaces on one SQLite file and on one PostgreSQL database, and
threads hammering one score with compare-and-set."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.core.portfolio import Portfolio
from models.store.changelog import Kind
from models.store.conflicts import Conflict
from models.store.workspace import Workspace
from tests.domain.test_store_workspace import rich_portfolio


def _portfolio() -> Portfolio:
    """The rich portfolio with Ann's (``a1``) level of ``a.x`` at 2."""
    p = rich_portfolio()
    p.startups[0].assessments[0].scores["a.x"].value = 2
    return p


@pytest.fixture(params=["file", "server"])
def address(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where the workspace lives: an SQLite file, or a database on the test's PostgreSQL
    server; it holds :func:`_portfolio`, created by Ann."""
    where = (str(tmp_path / "w.beachhead") if request.param == "file"
             else request.getfixturevalue("pg_url"))
    Workspace.create(where, _portfolio(), who="Ann").close()
    return where


@pytest.fixture
def two(address: str) -> Iterator[tuple[Workspace, Workspace]]:
    """Ann's and Bo's workspaces on the same file or database."""
    with Workspace.open(address, "Ann") as ann, Workspace.open(address, "Bo") as bo:
        yield ann, bo


def _level(ws: Workspace, aid: str = "a1", cid: str = "a.x") -> int | None:
    for st in ws.load().startups:
        for a in st.assessments:
            if a.id == aid:
                return a.level(cid)
    raise KeyError(aid)


def test_the_second_of_two_editors_who_saw_the_same_value_is_told_and_writes_nothing(two):
    ann, bo = two
    assert _level(ann) == _level(bo) == 2
    ann.set_score_field("a1", "a.x", "value", 4, expected=2)
    revision = bo.info()["revision"]
    with pytest.raises(Conflict) as caught:
        bo.set_score_field("a1", "a.x", "value", 5, expected=2)
    c = caught.value
    (anns,) = ann.changes(assessment_id="a1", limit=1)
    assert (c.expected, c.current, c.value, c.who, c.at) == (2, 4, 5, "Ann", anns.at)
    assert (c.target.startup_id, c.target.assessment_id, c.target.criterion_id,
            c.target.field) == ("s1", "a1", "a.x", "value")
    assert c.role == (None if ann.server is None else "postgres")
    assert isinstance(c, ValueError) and "value is 4 now" in str(c) and "by Ann" in str(c)
    # nothing written: no change, no revision, Ann's level stays
    assert bo.info()["revision"] == revision
    assert [(x.who, x.old, x.new) for x in bo.changes(assessment_id="a1")] == [("Ann", 2, 4)]
    assert _level(bo) == _level(ann) == 4
    # Bo, having seen 4, chooses his 5
    bo.set_score_field("a1", "a.x", "value", 5, expected=4)
    assert _level(ann) == 5
    assert [(x.who, x.old, x.new) for x in ann.changes(assessment_id="a1", limit=1)] == \
        [("Bo", 4, 5)]


def test_startup_and_assessment_fields_are_compared_too(two):
    ann, bo = two
    ann.set_startup_field("s1", "tags", ["b2b"], expected=["b2b", "陪伴"])
    with pytest.raises(Conflict) as caught:
        bo.set_startup_field("s1", "tags", ["ai"], expected=["b2b", "陪伴"])
    assert (caught.value.current, caught.value.who, caught.value.target.field) == \
        (["b2b"], "Ann", "tags")
    bo.set_assessment_field("a2", "date", "2024-12-01", expected="2024-11-05")
    with pytest.raises(Conflict) as caught:
        ann.set_assessment_field("a2", "date", dt.date(2025, 1, 1),
                                 expected=dt.date(2024, 11, 5))
    assert (caught.value.current, caught.value.who, caught.value.target.assessment_id) == \
        (dt.date(2024, 12, 1), "Bo", "a2")
    loaded = ann.load()
    assert loaded.startups[0].tags == ["b2b"]
    assert loaded.startups[0].assessments[1].date == dt.date(2024, 12, 1)


def test_a_score_added_meanwhile_conflicts_even_with_the_value_the_edit_wanted(two):
    ann, bo = two
    # b.z of a2 is not scored: both saw no level
    ann.set_score_field("a2", "b.z", "value", 3, expected=None)
    with pytest.raises(Conflict) as caught:
        bo.set_score_field("a2", "b.z", "value", 1, expected=None)
    assert (caught.value.current, caught.value.who) == (3, "Ann")
    (new,) = ann.changes(assessment_id="a2", limit=1)
    assert caught.value.change == new and new.kind is Kind.SCORE_NEW
    # Bo wanted 3 as well: he is told all the same, and nothing is written
    with pytest.raises(Conflict) as caught:
        bo.set_score_field("a2", "b.z", "value", 3, expected=None)
    assert (caught.value.current, caught.value.value, caught.value.who) == (3, 3, "Ann")
    assert ann.changes(assessment_id="a2", limit=1) == [new]


def test_without_an_expected_value_an_edit_writes_over_whatever_is_there(two):
    ann, bo = two
    ann.set_score_field("a1", "a.x", "value", 4)
    bo.set_score_field("a1", "a.x", "value", 5)  # the command line, an import
    assert _level(ann) == 5


def _run(workers: list[Callable[[], None]]) -> None:
    """Run each worker in a thread of its own; re-raise the first error one of them met."""
    errors: list[BaseException] = []

    def guarded(work: Callable[[], None]) -> None:
        try:
            work()
        except BaseException as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=(w,)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not any(t.is_alive() for t in threads)
    if errors:
        raise errors[0]


def test_of_editors_who_saw_the_same_value_exactly_one_writes(address):
    """Four threads read the level at the same moment, then each writes a level of its own
    over it: in every round one write lands and the three others are told who won."""
    rounds, names = 12, ["Ann", "Bo", "Cy", "Di"]
    barrier = threading.Barrier(len(names))
    won: list[tuple[int, str, int, int]] = []  # round, who, expected, written
    told: list[tuple[int, str, int, object, str | None]] = []  # round, who, expected, now, by

    def editor(k: int) -> Callable[[], None]:
        def work() -> None:
            with Workspace.open(address, names[k]) as ws:
                for r in range(rounds):
                    barrier.wait()  # every write of the round before is done
                    seen = _level(ws)
                    assert seen is not None
                    barrier.wait()  # everyone has read
                    mine = (seen + k) % 5 + 1  # four different levels, none of them ``seen``
                    try:
                        ws.set_score_field("a1", "a.x", "value", mine, expected=seen)
                        won.append((r, names[k], seen, mine))
                    except Conflict as c:
                        told.append((r, names[k], seen, c.current, c.who))
        return work

    _run([editor(k) for k in range(len(names))])
    assert sorted(r for r, *_ in won) == list(range(rounds))  # one winner per round
    assert len(told) == rounds * (len(names) - 1)
    by_round = {r: (who, seen, mine) for r, who, seen, mine in won}
    for r, _, seen, now, by in told:  # each saw what the winner saw, and is told its level
        assert (by, seen, now) == by_round[r]
    with Workspace.open(address) as ws:
        log = [c for c in reversed(ws.changes(assessment_id="a1")) if c.criterion_id == "a.x"]
        assert [(c.who, c.old, c.new) for c in log] == [(who, seen, mine)
                                                        for _, who, seen, mine in sorted(won)]
        assert _level(ws) == sorted(won)[-1][3]


def test_editors_hammering_one_score_never_lose_an_update(address):
    """Three threads each read the level and write the next one over what they read, as fast
    as they can, retrying when told of a conflict: the log is one unbroken chain of the
    successful writes, each made over exactly the value its writer saw."""
    names, attempts = ["Ann", "Bo", "Cy"], 40
    writes: list[tuple[int, int]] = []  # (expected, written) of every successful write
    conflicts = Counter[str]()

    def editor(name: str) -> Callable[[], None]:
        def work() -> None:
            with Workspace.open(address, name) as ws:
                for _ in range(attempts):
                    seen = _level(ws)
                    assert seen is not None
                    try:
                        ws.set_score_field("a1", "a.x", "value", seen % 5 + 1, expected=seen)
                        writes.append((seen, seen % 5 + 1))
                    except Conflict as c:
                        assert c.current != seen
                        conflicts[name] += 1
        return work

    _run([editor(n) for n in names])
    assert len(writes) + sum(conflicts.values()) == len(names) * attempts
    with Workspace.open(address) as ws:
        log = [(c.old, c.new) for c in reversed(ws.changes(assessment_id="a1"))
               if c.criterion_id == "a.x"]
        final = _level(ws)
    assert Counter(log) == Counter(writes) and len(log) == len(writes)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(log))  # unbroken chain
    assert log[0][0] == 2 and final == log[-1][1]
    assert final == (2 + len(writes) - 1) % 5 + 1  # every write moved the level on by one
