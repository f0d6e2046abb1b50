"""After many random edits (scores, names, decisions, startups added and removed, undo and
redo, perspective and scenario switches, a filter on, the table switched off for two edits),
every rank the window shows equals a ranking computed afresh: Compare's table (its rank column
and its sort by rank), the Assess list's sort by overall and its tooltips."""

from __future__ import annotations

import datetime as dt
import random

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from gui import commands as cmd
from models.core.decisions import Decision
from models.core.portfolio import Startup
from models.engine.ranking import rank_startups


def _fresh(doc):  # type: ignore[no-untyped-def]
    return rank_startups(doc.portfolio, doc.perspective, scenario=doc.scenario,
                         ignore_gates=doc.ignore_gates)


def _check(w, model, qtbot) -> None:  # type: ignore[no-untyped-def]
    doc = w.doc
    fresh = _fresh(doc)
    want = {r.startup_id: r.rank for r in fresh.rows}
    scored = {r.startup_id for r in fresh.rows if r.overall is not None}
    model.set_active(True)
    shown = model.shown_rows()
    assert {r.startup_id: r.rank for r in shown} == {k: v for k, v in want.items()
                                                     if k in {r.startup_id for r in shown}}
    rank_col = [c.key for c in model.columns].index("rank")
    ranks = [want[r.startup_id] for r in shown]  # the table sorted by rank, best first or last
    assert ranks == sorted(ranks, reverse=model.sort_order == Qt.SortOrder.DescendingOrder)
    for row in range(model.rowCount()):
        sid = model.ranked(row).startup_id
        assert int(model.data(model.index(row, rank_col))) == want[sid]
    chart = w.compare_view.map.chart
    chart.schedule()
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    drawn = w.compare_view.map.drawn_points()
    assert drawn == w.compare_view.map.map_points()
    assert all(p.rank == want[p.startup_id] for p in drawn)
    listing = w.assess_view.model
    listing.set_sort("overall")
    ids = [listing.startup_at(i).id for i in range(listing.rowCount())]
    assert ids == sorted(want, key=want.__getitem__)
    for i, sid in enumerate(ids):
        tip = listing.data(listing.index(i), Qt.ItemDataRole.ToolTipRole)
        assert (f"Rank {want[sid]} of {len(want)}" in tip) == (sid in scored), tip


def test_hundreds_of_random_edits_leave_every_rank_as_a_fresh_ranking(window, qtbot):
    w = window
    view = w.ensure_compare_view()
    w.show_view("compare")
    model = view.model
    model.sort(0, Qt.SortOrder.AscendingOrder)
    rng = random.Random(11)
    doc = w.doc
    for step in range(300):
        doc = w.doc
        sts = doc.portfolio.startups
        st = rng.choice(sts)
        kind = rng.random()
        if step % 37 == 5:
            model.set_active(False)  # two edits before the table follows
        if kind < 0.6 and st.assessments:
            a = rng.choice(st.assessments)
            cid = rng.choice(doc.framework.criterion_ids)
            doc.undo_stack.push(cmd.SetScoreField(doc, a.id, cid, "value",
                                                  rng.choice([1, 2, 3, 4, 5, None])))
        elif kind < 0.68:
            doc.undo_stack.push(cmd.SetStartupField(doc, st.id, "name", f"N{step}"))
        elif kind < 0.74:
            doc.undo_stack.push(cmd.SetDecisions(doc, st.id, [Decision(
                status=rng.choice(["watch", "committee", "passed"]), date=dt.date(2026, 3, 1))]))
        elif kind < 0.78:
            doc.undo_stack.push(cmd.AddStartup(doc, Startup(name=f"New{step}")))
        elif kind < 0.8 and len(sts) > 3:
            doc.undo_stack.push(cmd.RemoveStartup(doc, st.id))
        elif kind < 0.88:
            doc.undo_stack.undo()
        elif kind < 0.94:
            doc.undo_stack.redo()
        elif kind < 0.97:
            doc.set_perspective(rng.choice(["investor", "founder", "latest"]),
                                ignore_gates=rng.random() < 0.3)
        else:
            doc.set_scenario(rng.choice([None, *[s.id for s in doc.framework.scenarios]]))
        if step % 37 == 5 or step % 37 == 6:
            continue
        if step % 50 == 20:
            model.set_filter("N")
        elif step % 50 == 30:
            model.set_filter("")
        if step % 100 == 60:
            model.sort(0, Qt.SortOrder.DescendingOrder)
        if step % 3 == 0:
            _check(w, model, qtbot)
    _check(w, model, qtbot)
    # Edit ▸ Copy of every row of Compare's table: the Rank column as a fresh ranking's
    model.set_filter("")
    table = view.table
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().clearSelection()
    for r in range(model.rowCount()):
        table.selectionModel().select(table.model().index(r, 0), flags)
    table.setFocus()
    QApplication.processEvents()
    w.menus.edit.copy_action.trigger()
    lines = [line.split("\t") for line in QApplication.clipboard().text()[:-1].split("\n")]
    want = {r.startup_id: r.rank for r in _fresh(w.doc).rows}
    at = lines[0].index("Rank")
    assert [int(line[at]) for line in lines[1:]] == [
        want[model.ranked(i).startup_id] for i in range(model.rowCount())]
