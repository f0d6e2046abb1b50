"""Edits of a workspace: each one a transaction recorded in the change log with who, old and
new values and a comment; each leaves the workspace as the same edit of
:mod:`models.core.edits` leaves a portfolio in memory; undo-style reverse edits are changes too.
"""

from __future__ import annotations

import datetime as dt
import errno

import pytest
from pydantic import ValidationError

from models.core import edits
from models.core.decisions import Decision
from models.core.framework import Framework
from models.core.portfolio import Assessment, Score, Startup
from models.store.changelog import Kind
from models.store.workspace import Workspace
from tests.domain.test_store_workspace import make, rich_portfolio


@pytest.fixture
def file_ws(tmp_path):
    """A workspace file (for what only a file has: its pages, its place on the disk)."""
    with make(tmp_path) as w:
        yield w


def _last(ws: Workspace, n: int = 1):
    return ws.changes(limit=n)


def _weights(fw: Framework, **weights: float) -> Framework:
    return fw.with_weights(criterion_weights={k.replace("_", "."): v
                                              for k, v in weights.items()})


def test_a_score_edit_records_old_and_new_value_who_and_comment(ws):
    ws.who = "Bo"
    ws.set_score_field("a1", "a.x", "value", 2, comment="after the round")
    (c,) = _last(ws)
    assert (c.kind, c.startup_id, c.assessment_id, c.criterion_id, c.field) == \
        (Kind.SCORE_FIELD, "s1", "a1", "a.x", "value")
    assert (c.old, c.new, c.who, c.comment) == (4, 2, "Bo", "after the round")
    assert c.at.tzinfo == dt.UTC
    assert ws.load().startups[0].assessments[0].scores["a.x"].value == 2


def test_a_score_set_on_an_unscored_criterion_is_added_after_the_others(ws):
    ws.set_score_field("a2", "b.z", "rationale", "new view")
    (c,) = _last(ws)
    assert (c.kind, c.field, c.old, c.new) == (Kind.SCORE_NEW, "rationale", None, "new view")
    scores = ws.load().startups[0].assessments[1].scores
    assert list(scores) == ["a.y", "b.z"]
    assert scores["b.z"] == Score(rationale="new view")


def test_setting_the_value_a_field_has_records_nothing(ws):
    revision = ws.info()["revision"]
    ws.set_score_field("a1", "a.x", "value", 4)
    ws.set_startup_field("s1", "name", "Acme 智能")
    ws.set_decisions("s2", [])
    assert ws.info()["revision"] == revision + 3  # three transactions…
    assert [c.kind for c in ws.changes()] == [Kind.CREATE]  # …and no change


@pytest.mark.parametrize("call,error", [
    (lambda ws: ws.set_score_field("a1", "a.x", "value", 6), ValidationError),
    (lambda ws: ws.set_score_field("a1", "a.x", "value", True), ValidationError),
    (lambda ws: ws.set_score_field("a1", "a.x", "confidence", "sure"), ValidationError),
    (lambda ws: ws.set_score_field("a1", "zz.top", "value", 3), KeyError),
    (lambda ws: ws.set_score_field("nope", "a.x", "value", 3), KeyError),
    (lambda ws: ws.set_score_field("a1", "a.x", "colour", 3), KeyError),
    (lambda ws: ws.set_startup_field("s1", "name", "  "), ValidationError),
    (lambda ws: ws.set_startup_field("s1", "id", "x"), KeyError),
    (lambda ws: ws.set_assessment_field("a1", "role", "boss"), ValidationError),
    (lambda ws: ws.set_assessment_field("a1", "date", "yesterday"), ValidationError),
    (lambda ws: ws.insert_startup(0, Startup(id="a1", name="Clash")), ValueError),
    (lambda ws: ws.insert_assessment("s2", 0, Assessment(scores={"q.q": Score()})),
     ValueError),
    (lambda ws: ws.remove_startup("nope"), KeyError),
    (lambda ws: ws.set_decisions("s1", [Decision.model_construct(status="maybe")]),
     ValidationError),
])
def test_a_bad_edit_is_refused_and_changes_nothing(ws, call, error):
    before, revision = ws.load(), ws.info()["revision"]
    with pytest.raises(error):
        call(ws)
    assert ws.load() == before and ws.info()["revision"] == revision
    assert len(ws.changes()) == 1


def test_every_edit_leaves_the_workspace_as_the_same_edit_in_memory(ws):
    """Each operation of models.core.edits, on both sides, compared after every step."""
    mem = rich_portfolio()
    s1, s3 = mem.startups[0], mem.startups[2]

    def same() -> None:
        assert ws.load().model_dump() == mem.model_dump()

    edits.set_score_field(s1.assessments[1], "b.w", "value", 5)
    ws.set_score_field("a2", "b.w", "value", 5)
    same()
    edits.set_field(s3, "tags", ["x", "y"])
    ws.set_startup_field("s3", "tags", ["x", "y"])
    edits.set_field(s3.assessments[0], "date", dt.date(2025, 6, 1))
    ws.set_assessment_field("a3", "date", "2025-06-01")
    same()
    new = Startup(id="s4", name="Delta", assessments=[Assessment(id="a4", role="investor")])
    edits.insert_startup(mem, 1, new)
    assert ws.insert_startup(1, new) == 1
    same()
    extra = Assessment(id="a5", assessor="Di", role="investor", scores={"a.x": Score(value=3)})
    edits.insert_assessment(s1, 1, extra)
    assert ws.insert_assessment("s1", 1, extra) == 1
    same()
    assert edits.remove_assessment(s1, s1.assessments[0]) == 0
    assert ws.remove_assessment("a1")[:2] == ("s1", 0)
    same()
    index, gone = edits.remove_startup(mem, "s2")
    assert ws.remove_startup("s2") == (index, gone)
    same()
    decided = [Decision(status="passed", date=dt.date(2025, 7, 1), by="IC")]
    old = edits.set_decisions(s3, decided)
    assert ws.set_decisions("s3", decided) == old
    same()
    edits.set_startup_fields(mem, [("s1", "stage", "A"), ("s3", "region", "Beijing")])
    ws.set_startup_fields([("s1", "stage", "A"), ("s3", "region", "Beijing")])
    same()


def test_each_kind_of_edit_is_recorded_with_what_taking_it_back_needs(ws):
    ws.insert_startup(0, Startup(id="s4", name="Delta"))
    ws.remove_assessment("a3")
    _, removed = ws.remove_startup("s1")
    ws.set_decisions("s3", [Decision(status="watch", date=dt.date(2025, 1, 1))])
    removed_startup, inserted, decided = (
        ws.changes(startup_id=sid)[0] for sid in ("s1", "s4", "s3"))
    assert inserted.kind == Kind.STARTUP_INSERT and inserted.new["position"] == 0
    c = ws.changes(assessment_id="a3")[0]
    assert c.kind == Kind.ASSESSMENT_REMOVE and c.old["position"] == 0
    assert Assessment.model_validate(c.old["assessment"]) == rich_portfolio().startups[2] \
        .assessments[0]
    assert removed_startup.kind == Kind.STARTUP_REMOVE and removed_startup.old["position"] == 1
    assert Startup.model_validate(removed_startup.old["startup"]) == removed
    assert decided.kind == Kind.DECISIONS and decided.old == [] and \
        decided.new == [{"status": "watch", "date": "2025-01-01", "by": "", "rationale": ""}]


def test_undo_style_reverse_edits_are_changes_of_their_own(ws):
    original = ws.load()
    ws.set_score_field("a1", "a.x", "value", 1)
    ws.set_score_field("a1", "a.x", "value", 4, comment="undo")
    index, startup = ws.remove_startup("s1")
    ws.insert_startup(index, startup, comment="undo")
    _, position, assessment = ws.remove_assessment("a3")
    ws.insert_assessment("s3", position, assessment, comment="undo")
    assert ws.load() == original
    log = ws.changes()
    assert [c.kind for c in log[:6]] == [
        Kind.ASSESSMENT_INSERT, Kind.ASSESSMENT_REMOVE, Kind.STARTUP_INSERT,
        Kind.STARTUP_REMOVE, Kind.SCORE_FIELD, Kind.SCORE_FIELD]
    assert [c.comment for c in log[:6:2]] == ["undo"] * 3
    assert (log[4].old, log[4].new) == (1, 4)


def test_one_transaction_is_one_group_and_a_failed_edit_inside_it_goes_alone(ws):
    with ws.transaction(comment="committee"):
        ws.set_startup_field("s2", "stage", "A")
        with pytest.raises(KeyError):
            ws.set_startup_field("nope", "stage", "A")
        ws.set_startup_field("s3", "stage", "B", comment="their own")
    first, second = ws.changes(limit=2)
    assert first.group == second.group and len(ws.changes()) == 3
    assert (first.comment, second.comment) == ("their own", "committee")
    with pytest.raises(RuntimeError), ws.transaction():
        ws.set_startup_field("s2", "stage", "C")
        raise RuntimeError("a crash in the middle of an undo step")
    assert ws.load().startups[1].stage == "A" and len(ws.changes()) == 3


def test_an_import_and_its_undo_are_one_group_each(ws):
    mem = rich_portfolio()
    new = [Startup(id=f"n{i}", name=f"New {i}",
                   assessments=[Assessment(id=f"na{i}", scores={"a.x": Score(value=2)})])
           for i in range(3)]
    more = [("s2", Assessment(id="x1")), ("n1", Assessment(id="x2")), ("s2", Assessment(id="x3"))]
    fields = [("s3", "notes", "imported")]
    former = edits.startup_fields(mem, fields)
    edits.add_many(mem, [s.model_copy(deep=True) for s in new],
                   [(sid, a.model_copy()) for sid, a in more], fields)
    ws.add_many(new, more, fields, comment="import")
    assert ws.load().model_dump() == mem.model_dump()
    assert len({c.group for c in ws.changes(limit=7)}) == 1
    edits.remove_many(mem, {s.id for s in new}, {"x1", "x3"}, former)
    ws.remove_many([s.id for s in new], ["x1", "x3"], former, comment="undo import")
    assert ws.load() == mem == rich_portfolio()
    undo = ws.changes(limit=6)
    assert {c.group for c in undo} == {undo[0].group} and undo[0].comment == "undo import"


def test_a_new_framework_is_a_new_version_and_its_undo_points_back(ws):
    fw = ws.framework()
    version = ws.info()["framework_version_id"]
    ws.replace_framework(_weights(fw, a_x=3.0))
    assert ws.framework() == _weights(fw, a_x=3.0)
    assert ws.info()["framework_version_id"] != version
    ws.replace_framework(fw)
    assert ws.info()["framework_version_id"] == version  # the same row, not a copy
    c = ws.changes(limit=1)[0]
    assert c.kind == Kind.FRAMEWORK and c.new["version_id"] == version


def test_a_framework_without_a_blank_scores_criterion_takes_it_out_and_back(ws):
    fw = ws.framework()
    data = fw.model_dump()
    data["pillars"][1]["criteria"] = data["pillars"][1]["criteria"][:1]  # b.w goes
    data["deal_breakers"] = []
    smaller = Framework.model_validate(data)
    ws.set_score_field("a2", "b.w", "value", 3)
    with pytest.raises(ValueError, match=r"b\.w"):
        ws.replace_framework(smaller)  # a2 has a level on b.w
    ws.set_score_field("a2", "b.w", "value", None)
    ws.set_score_field("a2", "b.w", "confidence", "medium")
    mem = ws.load()
    removed = ws.replace_framework(smaller)
    assert removed == edits.replace_framework(mem, smaller)
    assert [(aid, cid) for aid, cid, _ in removed] == [("a1", "b.w"), ("a2", "b.w")]
    assert ws.load() == mem
    with ws.transaction(comment="undo"):
        ws.replace_framework(fw)
        ws.restore_scores(removed)
    edits.replace_framework(mem, fw)
    edits.restore_scores(mem, removed)
    assert ws.load() == mem
    assert [c.kind for c in ws.changes(limit=3)] == [Kind.SCORE_RESTORE, Kind.SCORE_RESTORE,
                                                     Kind.FRAMEWORK]


def test_an_assessment_is_marked_with_the_framework_it_was_last_scored_under(ws):
    import sqlalchemy as sa

    from models.store.schema import assessments

    def versions() -> dict[str, int]:
        rows = ws._conn.execute(sa.select(assessments.c.id,
                                          assessments.c.framework_version_id)).all()
        ws._conn.rollback()
        return dict(rows)

    first = versions()["a1"]
    ws.replace_framework(_weights(ws.framework(), a_y=2.0))
    ws.set_score_field("a1", "a.y", "value", 2)
    after = versions()
    assert after["a1"] != first and after["a3"] == first


@pytest.mark.parametrize("big", [
    [Startup(name=f"Big {i}", notes="x" * 5000) for i in range(20)],
    [Startup(name="Small", assessments=[Assessment(scores={
        cid: Score(rationale=cid * 20_000) for cid in ("a.x", "a.y", "b.z", "b.w")})])],
], ids=["startups", "scores"])
def test_a_write_the_disk_refuses_is_an_os_error_naming_the_file(file_ws, big):
    from models.core.errors import write_failure

    ws = file_ws
    raw = ws._conn.connection.driver_connection
    pages = raw.execute("PRAGMA page_count").fetchone()[0]
    raw.execute(f"PRAGMA max_page_count = {pages}")  # as if the disk were full
    before = ws.load()
    with pytest.raises(OSError) as e:
        ws.add_many(big)
    assert "the disk is full" in write_failure(e.value)
    assert e.value.filename == str(ws.path)
    assert ws.load() == before


def test_a_writer_kept_waiting_past_the_busy_timeout_is_told_the_file_is_in_use(
        tmp_path, monkeypatch):
    import sqlite3

    from models.store import sqlite as store_sqlite

    monkeypatch.setattr(store_sqlite, "BUSY_TIMEOUT_MS", 100)
    with make(tmp_path) as ws:
        other = sqlite3.connect(ws.path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            with pytest.raises(OSError) as e:
                ws.set_startup_field("s2", "notes", "waiting")
        finally:
            other.execute("ROLLBACK")
            other.close()
        assert e.value.errno == errno.EBUSY
        ws.set_startup_field("s2", "notes", "now")
        assert ws.load().startups[1].notes == "now"


@pytest.mark.parametrize("how", ["deleted", "moved", "replaced"])
def test_an_edit_to_a_workspace_gone_from_its_place_is_refused(tmp_path, how):
    """An edit to a workspace deleted or moved while open went on into a file nobody could
    open again, and was lost when the window closed, without a word."""
    with make(tmp_path) as ws:
        path = ws.path
        if how == "deleted":
            path.unlink()
        else:
            path.rename(tmp_path / "elsewhere.beachhead")
            if how == "replaced":
                Workspace.create(tmp_path / "other.beachhead", rich_portfolio()).close()
                (tmp_path / "other.beachhead").replace(path)
        with pytest.raises(OSError) as e:
            ws.set_score_field("a1", "a.x", "value", 1)
        assert e.value.filename == str(path) and e.value.errno == errno.ESTALE
        assert "moved, replaced or deleted while it was open" in str(e.value)
    if how != "deleted":
        with Workspace.open(tmp_path / "elsewhere.beachhead") as moved:
            assert moved.load() == rich_portfolio()
