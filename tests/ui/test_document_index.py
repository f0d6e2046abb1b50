"""The document finds startups and assessments by id, knows each startup's position and how
many there are, through every edit, undo and redo (an index kept up to date rather than a
scan); the window's status bar shows those counts; an import of many scores only what it
brings in, with the same figures as scoring everything."""

from __future__ import annotations

import re

import pytest

from gui import commands as cmd
from gui.document import Document
from models.core import edits
from models.engine.results import score_assessment
from models.engine.sample import sample_portfolio, synthetic_portfolio

# The sample: s01–s08, 13 assessments (s03, s04 and s07 have one each, the others two).
IDS = ["s01", "s02", "s03", "s04", "s05", "s06", "s07", "s08"]


def _status(window) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    """The startups and assessments the window's status bar counts."""
    startups, assessments = re.findall(r"\d+", window.status_label.text())[:2]
    return int(startups), int(assessments)


def _truth(doc: Document) -> tuple[int, int]:
    """The counts, worked out from the portfolio itself."""
    p = doc.portfolio
    return len(p.startups), sum(len(s.assessments) for s in p.startups)


def test_the_status_bar_counts_after_every_edit_undo_and_redo(window):
    doc, stack = window.doc, window.doc.undo_stack
    assert _status(window) == _truth(doc) == (8, 13)
    stack.push(cmd.AddStartup(doc, edits.new_startup("Nimbus")))  # with a founder's
    assert _status(window) == (9, 14)
    stack.push(cmd.AddAssessment(doc, "s03", edits.new_assessment(doc.startup("s03"))))
    assert _status(window) == (9, 15)
    stack.push(cmd.RemoveStartup(doc, "s01"))  # with its two assessments
    assert _status(window) == (8, 13)
    stack.push(cmd.RemoveAssessment(doc, "s08-founder"))
    assert _status(window) == _truth(doc) == (8, 12)
    for expected in [(8, 13), (9, 15), (9, 14), (8, 13)]:
        stack.undo()
        assert _status(window) == _truth(doc) == expected
    for expected in [(9, 14), (9, 15), (8, 13), (8, 12)]:
        stack.redo()
        assert _status(window) == _truth(doc) == expected
    # an import of many: 300 new startups of one assessment each, and one more assessment
    # for Tokenforge
    new = synthetic_portfolio(300, seed=5).startups
    extra = edits.new_assessment(doc.startup("s03"), "Ann", "investor")
    stack.push(cmd.ImportStartups(doc, new, [("s03", extra)], []))
    assert _status(window) == _truth(doc) == (308, 313)
    stack.undo()
    assert _status(window) == _truth(doc) == (8, 12)
    stack.redo()
    assert _status(window) == _truth(doc) == (308, 313)


def test_the_index_finds_startups_and_assessments_after_removals_and_undo(qapp):
    doc = Document(sample_portfolio())
    stack = doc.undo_stack
    assert [doc.startup_index(s) for s in IDS] == list(range(8))
    stack.push(cmd.RemoveStartup(doc, "s03"))
    with pytest.raises(KeyError):
        doc.startup("s03")
    with pytest.raises(KeyError):
        doc.assessment("s03-investor")
    assert [doc.startup_index(s) for s in ("s01", "s02", "s04", "s08")] == [0, 1, 2, 6]
    assert doc.startup("s04").name == "Lumenreel"
    stack.push(cmd.RemoveAssessment(doc, "s05-founder"))
    with pytest.raises(KeyError):
        doc.assessment("s05-founder")
    assert doc.assessment("s05-investor")[0] is doc.startup("s05")
    stack.undo()
    st, a = doc.assessment("s05-founder")
    assert st is doc.startup("s05") and a in st.assessments
    stack.undo()
    assert [doc.startup_index(s) for s in IDS] == list(range(8))
    assert doc.startup("s03").name == "Tokenforge"
    assert doc.assessment("s03-investor")[0] is doc.startup("s03")
    stack.redo()
    with pytest.raises(KeyError):
        doc.startup_index("s03")
    assert doc.startup_index("s08") == 6
    # a startup added in the middle moves the positions after it
    stack.push(cmd.AddStartup(doc, edits.new_startup("Nimbus"), index=1))
    nimbus = doc.portfolio.startups[1]
    assert doc.startup_index(nimbus.id) == 1 and doc.startup_index("s02") == 2
    assert doc.startup(nimbus.id) is nimbus


def test_an_import_scores_only_what_it_brings_with_the_figures_of_scoring_all(qapp):
    doc = Document(sample_portfolio())
    before = {a.id: doc.result(a.id) for _, a in doc.portfolio.assessments()}
    new = synthetic_portfolio(40, seed=7).startups
    extra = edits.new_assessment(doc.startup("s04"), "Ann", "investor")
    edits.set_score_field(extra, "tech.threshold", "value", 5)
    doc.undo_stack.push(cmd.ImportStartups(doc, new, [("s04", extra)],
                                           [("s07", "sector", "Robotics")]))
    assert doc.startup("s07").sector == "Robotics"
    for st in doc.portfolio.startups:
        assert doc.startup(st.id) is st
        for a in st.assessments:
            assert doc.assessment(a.id) == (st, a)
            assert doc.result(a.id) == score_assessment(st, a, doc.framework, None, "en")
    # one criterion of its pillar scored, at 5: favourability (5 − 1) / 4 = 1
    assert doc.result(extra.id).pillars["tech"] == 100.0
    doc.undo_stack.undo()
    for aid, result in before.items():  # and Gearloom's sector back, its results unchanged
        assert doc.result(aid) == result
    with pytest.raises(KeyError):
        doc.result(extra.id)
    with pytest.raises(KeyError):
        doc.startup(new[0].id)
    assert doc.counts() == (8, 13)
