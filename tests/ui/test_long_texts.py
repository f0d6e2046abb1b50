"""Long names without a space wrap in the Assess view instead of being cut at the column's edge
or widening it (pytest-qt, offscreen)."""

from __future__ import annotations

from gui import commands as cmd
from gui.views.assess.decision_texts import UNBROKEN_RUN, breakable


def test_breakable_marks_a_wrap_point_in_long_runs_only():
    assert breakable("Gearloom Systems") == "Gearloom Systems"
    run = "x" * (2 * UNBROKEN_RUN + 3)
    assert breakable(run) == "x" * UNBROKEN_RUN + "\u200b" + "x" * UNBROKEN_RUN + "\u200b" + "xxx"
    assert breakable(run).replace("\u200b", "") == run


def test_a_long_startup_name_wraps_in_the_assess_header(window, qtbot):
    name = "TokenforgeHoldingsInternationalGlobalAIPlatformServicesLimitedPartnership"
    doc, view = window.doc, window.assess_view
    sid = doc.portfolio.find_startup("Tokenforge").id
    doc.undo_stack.push(cmd.SetStartupField(doc, sid, "name", name))
    window.resize(1366, 768)
    view.select_startup(sid)
    qtbot.wait(10)
    title = view.header.title_label
    assert name in title.text().replace("\u200b", "")
    # the whole name fits the label's width, on two lines
    assert title.heightForWidth(title.width()) > 1.5 * title.fontMetrics().height()
    assert title.minimumSizeHint().width() <= title.width()
