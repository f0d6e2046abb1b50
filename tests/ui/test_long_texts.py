"""Names as typed: long ones without a space wrap in the Assess view instead of being cut at the
column's edge or widening it, and names that look like markup are shown as written
(pytest-qt, offscreen)."""

from __future__ import annotations

from PySide6.QtCore import Qt

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


def test_names_that_look_like_markup_are_shown_as_typed(window, qtbot):
    doc = window.doc
    st = doc.portfolio.find_startup("衡策智能")  # the investor view's leader
    doc.undo_stack.push(cmd.SetStartupField(doc, st.id, "name", "<b>Bold</b> Co"))
    doc.undo_stack.push(cmd.SetAssessmentField(doc, st.assessments[0].id, "assessor",
                                               "<i>Ann</i>"))
    window.perspective_bar.choose("assessor:<i>Ann</i>")
    compare = window.ensure_compare_view()
    window.show_view("compare")
    compare.sensitivity_panel.refresh()
    compare.uncertainty_panel.compute()
    window.assess_view.select_startup(st.id)
    labels = {
        compare.startups.count_label: "8 startups, Assessor: <i>Ann</i>",
        compare.sensitivity_panel.summary_label: "Leader at the current weights: <b>Bold</b> Co.",
        compare.uncertainty_panel.status_label: "Assessor: <i>Ann</i>: ",
    }
    for label, typed in labels.items():
        assert label.text().startswith(typed)
        assert label.textFormat() == Qt.TextFormat.PlainText  # not read as bold or italic
    window.show_view("assess")  # the decision panel reads its suggestion once on screen
    label = window.assess_view.decision_panel.suggestion_label
    assert label.text().startswith("Assessor: <i>Ann</i> suggests: ")
    assert label.textFormat() == Qt.TextFormat.PlainText


def test_dollar_signs_in_names_are_drawn_as_text_in_charts(window, qtbot):
    doc = window.doc
    st = doc.portfolio.find_startup("衡策智能")
    doc.undo_stack.push(cmd.SetStartupField(doc, st.id, "name", r"$\foo$ Labs"))
    doc.undo_stack.push(cmd.SetStartupField(doc, doc.portfolio.startups[0].id, "name",
                                            "Price $5 and $10"))
    compare = window.ensure_compare_view()
    window.show_view("compare")
    compare.tabs.setCurrentWidget(compare.uncertainty_panel)
    compare.uncertainty_panel.compute()
    chart = compare.uncertainty_panel.chart
    chart.redraw()
    chart.canvas.draw()  # matplotlib read "$\foo$" as mathematics and raised here
    labels = [t.get_text() for ax in chart.figure.axes for t in ax.get_yticklabels()]
    assert any(r"$\foo$ Labs" in x for x in labels)
    assert any("Price $5 and $10" in x for x in labels)
