"""The document's ranking after edits equals a ranking computed from scratch, row for row and
array for array, whether it was brought up to date one startup at a time or ranked again."""

from __future__ import annotations

import datetime as dt
import random

import numpy as np
import pytest

from gui import commands as cmd
from gui.document import Document
from models.core.decisions import Decision
from models.core.portfolio import Assessment
from models.engine.ranking import Ranking, rank_startups
from models.engine.sample import sample_portfolio, synthetic_portfolio


def _fresh(doc: Document) -> Ranking:
    return rank_startups(doc.portfolio, doc.perspective, scenario=doc.scenario,
                         ignore_gates=doc.ignore_gates)


def _assert_same(got: Ranking, want: Ranking) -> None:
    assert got.rows == want.rows
    np.testing.assert_array_equal(got.ranks, want.ranks)
    for name in ("levels", "confidence", "low", "high"):
        np.testing.assert_array_equal(getattr(got.view, name), getattr(want.view, name))
    assert got.view.used == want.view.used
    width = want.view.stacked.shape[1]
    np.testing.assert_array_equal(got.view.stacked[:, :width], want.view.stacked)
    assert np.isnan(got.view.stacked[:, width:]).all()  # only padding beyond
    for name in ("pillars", "overall", "completeness", "gains", "favourability"):
        np.testing.assert_array_equal(getattr(got.table, name), getattr(want.table, name))


def _mixed_portfolio(rng: random.Random) -> Document:
    """120 startups with one to four assessments each, by investors and founders."""
    portfolio = synthetic_portfolio(120, seed=3)
    for st in portfolio.startups:
        base = st.assessments[0]
        for k in range(rng.randrange(4)):
            scores = {cid: s.model_copy(update={"value": rng.choice([1, 2, 3, 4, 5, None])})
                      for cid, s in base.scores.items()}
            st.assessments.append(Assessment(
                assessor=rng.choice(["Ana", "Bo", "Cy"]), role=rng.choice(["investor", "founder"]),
                date=dt.date(2026, 1, 1 + k), scores=scores))
    return Document(portfolio)


@pytest.mark.parametrize("perspective", ["investor", "founder", "latest", "assessor:Bo"])
def test_random_edits_keep_the_ranking_equal_to_a_fresh_one(qapp, monkeypatch, perspective):
    import models.engine.ranking_cache

    rng = random.Random(7)
    doc = _mixed_portfolio(rng)
    doc.set_perspective(perspective)
    cids = doc.framework.criterion_ids
    doc.ranking()
    sizes: list[int] = []

    def counted(portfolio, *args, **kwargs):  # type: ignore[no-untyped-def]
        sizes.append(len(portfolio.startups))
        return rank_startups(portfolio, *args, **kwargs)

    monkeypatch.setattr(models.engine.ranking_cache, "rank_startups", counted)
    for step in range(60):
        st = rng.choice(doc.portfolio.startups)
        a = rng.choice(st.assessments)
        if step % 7 == 3:
            doc.undo_stack.push(cmd.SetAssessmentField(doc, a.id, "role", rng.choice(
                ["founder", "investor", "other"])))
        elif step % 11 == 5:
            doc.undo_stack.push(cmd.SetStartupField(doc, st.id, "name", f"Z{step}"))
        else:
            doc.undo_stack.push(cmd.SetScoreField(doc, a.id, rng.choice(cids), "value",
                                                  rng.choice([1, 2, 3, 4, 5, None])))
        _assert_same(doc.ranking(), _fresh(doc))
    assert sizes == [1] * 60  # each edit ranked its startup alone


def test_one_edit_ranks_one_startup_again_and_shares_the_other_rows(qapp):
    doc = Document(sample_portfolio())
    before = doc.ranking()
    last = before.rows[-1]
    ranks = [(r.startup_id, r.rank) for r in before.rows]
    levels, overall = before.view.levels.copy(), before.table.overall.copy()
    st = doc.startup(last.startup_id)
    # lift the last startup's investor scores to the top of every benefit criterion
    for a in st.assessments:
        for c in doc.framework.criteria:
            doc.undo_stack.push(cmd.SetScoreField(
                doc, a.id, c.id, "value", 5 if c.direction == "benefit" else 1))
    after = doc.ranking()
    _assert_same(after, _fresh(doc))
    assert after.rows[0].startup_id == st.id and after.rows[0].rank == 1
    assert [r.rank for r in after.rows] == list(range(1, len(after.rows) + 1))
    # every other startup's row is kept as it was, the ones it passed too: only their rank,
    # read from the rank array, changed
    kept = {r.startup_id: r for r in before.rows.stored()}
    assert all(r is kept[r.startup_id] for r in after.rows.stored() if r.startup_id != st.id)
    np.testing.assert_array_equal(after.ranks, _fresh(doc).ranks)
    assert [after.ranks[r.row] for r in after.rows] == list(range(1, len(after.rows) + 1))
    assert after.delta is not None and after.delta.rows == (doc.portfolio.startups.index(st),)
    # the ranking handed out earlier did not change: rows, ranks and arrays
    assert before.rows[-1] is last and last.rank == len(before.rows)
    assert [(r.startup_id, r.rank) for r in before.rows] == ranks
    np.testing.assert_array_equal(before.view.levels, levels)
    np.testing.assert_array_equal(before.table.overall, overall)
    assert not np.array_equal(after.table.overall, overall)


def test_a_decision_updates_the_status_and_a_new_assessment_ranks_again(qapp):
    doc = Document(sample_portfolio())
    st = doc.portfolio.startups[2]
    doc.ranking()
    doc.undo_stack.push(cmd.SetDecisions(doc, st.id, [Decision(status="committee",
                                                               date=dt.date(2026, 3, 1))]))
    row = next(r for r in doc.ranking().rows if r.startup_id == st.id)
    assert row.status == "committee"
    _assert_same(doc.ranking(), _fresh(doc))
    doc.undo_stack.push(cmd.AddAssessment(doc, st.id, Assessment(assessor="New", role="investor")))
    _assert_same(doc.ranking(), _fresh(doc))
    doc.undo_stack.push(cmd.RemoveStartup(doc, doc.portfolio.startups[0].id))
    _assert_same(doc.ranking(), _fresh(doc))


def test_perspective_gates_and_scenario_rank_everything_again(qapp):
    doc = Document(sample_portfolio())
    first = doc.ranking()
    doc.set_perspective("investor", ignore_gates=True)
    assert doc.ranking() is not first and doc.ranking().ignore_gates
    _assert_same(doc.ranking(), _fresh(doc))
    doc.set_scenario("sleeping_giant_enters")
    _assert_same(doc.ranking(), _fresh(doc))
    aid = doc.portfolio.startups[1].assessments[-1].id
    doc.undo_stack.push(cmd.SetScoreField(doc, aid, "press.latent_entrant", "value", 1))
    _assert_same(doc.ranking(), _fresh(doc))


def test_the_ranking_table_shows_the_ranks_of_a_startup_passing_many(qapp):
    """The table takes the rank column from the ranking's rank array and rewrites only the
    edited startup's row; every row it hands out carries its current rank."""
    from gui.tables.ranking import StartupRankingModel

    doc = Document(synthetic_portfolio(60, seed=4))
    model = StartupRankingModel(doc)
    last = doc.ranking().rows[-1]
    rows_before, stamps_before = list(model.source_rows()), model.source_stamps()
    st = doc.startup(last.startup_id)
    for c in doc.framework.criteria:
        doc.undo_stack.push(cmd.SetScoreField(
            doc, st.assessments[0].id, c.id, "value", 5 if c.direction == "benefit" else 1))
    fresh = _fresh(doc)
    want = {r.startup_id: r.rank for r in fresh.rows}
    rank_col = model.column_of("rank")
    shown = {model.ranked(v).startup_id: model.ranked(v).rank for v in range(model.rowCount())}
    assert shown == want and want[st.id] == 1
    assert [model.data(model.index(v, rank_col)) for v in range(3)] == ["1", "2", "3"]
    assert [r.rank for r in model.shown_rows()] == list(range(1, 61))
    assert model.row_of(st.id) == 0 and model.ranked(0).startup_id == st.id
    # only the edited startup's row is another object, and only its stamp moved
    at = doc.portfolio.startups.index(st)
    assert [i for i, (a, b) in enumerate(zip(model.source_rows(), rows_before, strict=True))
            if a is not b] == [at]
    assert np.flatnonzero(model.source_stamps() != stamps_before).tolist() == [at]
