"""A startup's details edited in the Assess view (pytest-qt, offscreen, on a workspace file):
sector, tags and notes typed into their editors, undone and redone, read back from the document
and from the file as another program would; tags as typed are tidied; the list's filters offer
a sector as soon as it is typed."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.views.assess.startup_details import parse_tags, summary
from tests.ui.assess_portfolio import open_view
from tests.workspaces import read_back


@pytest.fixture
def opened(qtbot, tmp_path):
    yield from open_view(qtbot, tmp_path)


def type_text(widget, text: str) -> None:
    """Type ``text`` as a user would: Latin letters as key presses, the others as an input
    method commits them (key presses cannot carry Chinese)."""
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            QTest.keyClicks(widget, run)
        else:
            event = QInputMethodEvent()
            event.setCommitString(run)
            QApplication.sendEvent(widget, event)


def _type_line(edit, text: str) -> None:
    """Type ``text`` over a line's contents and press Enter."""
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def _fields(portfolio, sid: str) -> tuple[str, list[str], str]:
    st = next(s for s in portfolio.startups if s.id == sid)
    return st.sector, st.tags, st.notes


def test_sector_tags_and_notes_are_edited_with_undo_and_redo(opened):
    view, doc = opened
    view.select_startup("s-Cobalt")
    details = view.header.details
    details.set_open(True)
    assert details.form.isVisible()
    assert details.edits["sector"].text() == "Legal AI"
    assert details.edits["tags"].text() == "b2b, saas"
    assert details.summary_label.text() == "Legal AI · Series A · Beijing · b2b, saas"
    steps = doc.undo_stack.count()

    _type_line(details.edits["sector"], "Robotics")
    _type_line(details.edits["tags"], "b2b; 机器人 ,B2B,  field ops ")
    details.notes.setFocus()
    QTest.keyClicks(details.notes, "Met the CTO")
    QTest.keyClick(details.notes, Qt.Key.Key_Return)
    QTest.keyClicks(details.notes, "pilot in May")

    after = ("Robotics", ["b2b", "机器人", "field ops"], "Met the CTO\npilot in May")
    assert _fields(doc.portfolio, "s-Cobalt") == after
    assert _fields(read_back(doc.path), "s-Cobalt") == after
    # one step each: the sector, the tags, and the notes as typed
    assert doc.undo_stack.count() == steps + 3
    assert details.edits["tags"].text() == "b2b, 机器人, field ops"  # as stored, tidied
    assert details.summary_label.text() == "Robotics · Series A · Beijing · b2b, 机器人, field ops"
    assert view.model.index(view.model.row_of("s-Cobalt")).data(
        Qt.ItemDataRole.ToolTipRole).splitlines()[1] == "Robotics · Series A · Beijing"

    doc.undo_stack.undo()  # the notes
    assert _fields(doc.portfolio, "s-Cobalt") == ("Robotics", after[1], "")
    assert details.notes.text() == ""
    doc.undo_stack.undo()  # the tags
    doc.undo_stack.undo()  # the sector
    before = ("Legal AI", ["b2b", "saas"], "")
    assert _fields(doc.portfolio, "s-Cobalt") == before
    assert _fields(read_back(doc.path), "s-Cobalt") == before
    assert details.edits["sector"].text() == "Legal AI"
    for _ in range(3):
        doc.undo_stack.redo()
    assert _fields(doc.portfolio, "s-Cobalt") == after
    assert _fields(read_back(doc.path), "s-Cobalt") == after
    assert details.notes.text() == "Met the CTO\npilot in May"


def test_leaving_a_line_unchanged_or_choosing_another_startup_records_nothing(opened):
    view, doc = opened
    view.select_startup("s-Atlas")
    details = view.header.details
    details.set_open(True)
    steps = doc.undo_stack.count()
    for name in ("region", "stage"):  # values other startups have: no completion pop-up
        details.edits[name].setCompleter(None)  # (it cannot grab the keyboard offscreen)
    _type_line(details.edits["region"], "Shanghai")  # as it was
    _type_line(details.edits["stage"], "  Seed ")  # the same once tidied
    assert doc.undo_stack.count() == steps
    assert details.edits["stage"].text() == "Seed"
    view.select_startup("s-Borealis")
    assert details.edits["region"].text() == "Beijing"
    assert details.notes.text() == ""
    assert details.is_open()  # stays open from one startup to the next


def test_a_sector_typed_is_offered_by_the_filters_at_once(opened):
    view, _doc = opened
    view.select_startup("s-Ember")
    details = view.header.details
    details.set_open(True)
    _type_line(details.edits["sector"], "Climate")
    bar = view.startup_pane.filter_bar
    combo = bar.combos["sector"]
    offered = [combo.itemText(i) for i in range(1, combo.count())]
    assert offered == ["Climate", "Health", "Legal AI"]  # "legal ai" is the same sector
    combo.setCurrentIndex(combo.findData("Climate"))
    assert [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())] == ["Ember"]
    # the completer offers the sectors the startups have
    completer = details.edits["sector"].completer()
    model = completer.model()
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == \
        ["Climate", "Health", "Legal AI"]


def test_tags_as_typed_and_the_summary():
    assert parse_tags("b2b, 陪伴；Saas , b2b,,SAAS ; a  b") == ["b2b", "陪伴", "Saas", "a b"]
    assert parse_tags("  ") == []
    from models.core.portfolio import Startup

    assert summary(Startup(name="X")) == ""
    assert summary(Startup(name="X", stage="Seed", tags=["a", "b"])) == "Seed · a, b"
