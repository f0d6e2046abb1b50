"""The document's view settings (perspective) and its undoable decisions."""

from __future__ import annotations

import datetime as dt

import pytest

from gui.commands import SetDecisions
from models.core.decisions import Decision


def test_decisions_are_undoable_and_signalled(doc, qtbot):
    st = doc.portfolio.startups[0]
    first = Decision(status="screening", date=dt.date(2026, 1, 5), by="Ana")
    second = Decision(status="committee", date=dt.date(2026, 2, 1), by="IC", rationale="moat")
    with qtbot.waitSignal(doc.decisionsChanged) as sig:
        doc.undo_stack.push(SetDecisions(doc, st.id, [first]))
    assert sig.args == [st.id]
    doc.undo_stack.push(SetDecisions(doc, st.id, [first, second]))
    assert doc.startup(st.id).decision == second
    assert doc.undo_stack.undoText() == f"Decide Committee for {st.name}" and doc.is_modified()
    doc.undo_stack.undo()
    assert doc.startup(st.id).decisions == [first]
    doc.undo_stack.undo()
    assert doc.startup(st.id).decisions == [] and not doc.is_modified()
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert [d.status for d in doc.startup(st.id).decisions] == ["screening", "committee"]


def test_perspective_is_a_view_setting(doc, qtbot):
    assert (doc.perspective, doc.ignore_gates) == ("investor", False)
    with qtbot.waitSignal(doc.perspectiveChanged):
        doc.set_perspective("assessor:Lena Park")
    with qtbot.assertNotEmitted(doc.perspectiveChanged):
        doc.set_perspective("assessor:Lena Park")
    with qtbot.waitSignal(doc.perspectiveChanged):
        doc.set_perspective("assessor:Lena Park", ignore_gates=True)
    assert doc.ignore_gates and not doc.is_modified()
    with pytest.raises(ValueError, match="unknown perspective"):
        doc.set_perspective("partners")
    assert doc.perspective == "assessor:Lena Park"


def test_ranking_follows_edits_and_the_perspective(doc):
    from gui.commands import SetScoreField

    first = doc.ranking()
    assert doc.ranking() is first  # kept until something changes
    assert len(first.rows) == len(doc.portfolio.startups)
    doc.set_perspective("founder")
    founder = doc.ranking()
    assert founder is not first and founder.perspective.kind == "founder"
    leader = founder.rows[0]
    st = doc.startup(leader.startup_id)
    own = next(a for a in st.assessments if a.role == "founder")
    cid = doc.framework.criterion_ids[0]
    doc.undo_stack.push(SetScoreField(doc, own.id, cid, "value", 1))
    after = {r.startup_id: r for r in doc.ranking().rows}[st.id]
    assert after.overall != leader.overall
    doc.undo_stack.undo()
    assert {r.startup_id: r for r in doc.ranking().rows}[st.id].overall == leader.overall
