"""The window's one perspective selector: its choices (the views and every assessor), the tool
bar and View ▸ Perspective driving the document, every view following, and the choice
remembered in the settings for the next portfolio and session (pytest-qt, offscreen)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from gui.document import Document
from gui.i18n import install_language, qm_path
from gui.perspective import assessor_names, perspective_label
from gui.settings import AppSettings
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio


def _combo_names(window) -> list[str]:  # type: ignore[no-untyped-def]
    combo = window.perspective_bar.combo
    return [combo.itemData(i) for i in range(combo.count())]


def test_choices_are_the_three_views_then_every_assessor(window):
    names = _combo_names(window)
    assessors = assessor_names(window.doc)
    assert names[:3] == ["investor", "founder", "latest"]
    assert names[3:] == [f"assessor:{n}" for n in assessors]
    every = {a.assessor for _, a in window.doc.portfolio.assessments()}
    assert "Priya Raman, Northgate Capital" in assessors and len(assessors) == len(every) == 9
    combo = window.perspective_bar.combo
    assert combo.currentText() == "Investor view"
    assert combo.itemText(3) == perspective_label(names[3]) == f"Assessor: {assessors[0]}"


def test_the_combo_drives_the_document_and_every_view_follows(window, qtbot):
    compare = window.ensure_compare_view()
    bar = window.perspective_bar
    with qtbot.waitSignal(window.doc.perspectiveChanged):
        bar.combo.setCurrentIndex(bar.combo.findData("founder"))
        bar.combo.activated.emit(bar.combo.currentIndex())
    assert window.doc.perspective == "founder"
    expected = [r.startup for r in rank_startups(window.doc.portfolio, "founder").rows]
    m = compare.model
    assert [m.ranked(r).startup for r in range(m.rowCount())] == expected
    bar.gates_check.setChecked(True)
    assert window.doc.ignore_gates
    # the document changed elsewhere: the bar shows it
    window.doc.set_perspective("latest", ignore_gates=False)
    assert bar.combo.currentData() == "latest" and not bar.gates_check.isChecked()


def test_view_menu_offers_the_same_choices(window):
    menu = window.menus.perspective_menu
    window.perspective_bar.fill_menu(menu)
    actions = [a for a in menu.actions() if not a.isSeparator()]
    labels = [a.text() for a in actions]
    assert labels[:3] == ["Investor view", "Founder view", "Latest assessment"]
    assert labels[-1] == "Rank ignoring deal-breakers"
    assert [a.isChecked() for a in actions[:3]] == [True, False, False]
    priya = next(a for a in actions if "Priya" in a.text())
    priya.trigger()
    assert window.doc.perspective == "assessor:Priya Raman, Northgate Capital"
    assert window.perspective_bar.combo.currentData() == window.doc.perspective
    actions[-1].trigger()
    assert window.doc.ignore_gates and window.perspective_bar.gates_check.isChecked()


def test_the_choice_is_remembered_for_the_next_portfolio_and_session(window, make_window):
    bar = window.perspective_bar
    bar.choose("assessor:Zhang Hao")
    bar.set_ignore_gates(True)
    settings = AppSettings()
    assert (settings.perspective, settings.ignore_gates) == ("assessor:Zhang Hao", True)
    # another portfolio with that assessor opens under the same perspective
    window.replace_document(Document(sample_portfolio(), None, window))
    assert (window.doc.perspective, window.doc.ignore_gates) == ("assessor:Zhang Hao", True)
    # one without falls back to the investor view, gates as chosen
    empty = sample_portfolio().model_copy(update={"startups": []})
    window.replace_document(Document(empty, None, window))
    assert (window.doc.perspective, window.doc.ignore_gates) == ("investor", True)
    assert _combo_names(window) == ["investor", "founder", "latest"]
    # a new session starts where the last one ended
    bar.choose("founder")
    other = make_window()
    other.ensure_ready()
    assert other.doc.perspective == "founder"


def test_a_new_assessor_is_offered_at_once(window):
    from gui import commands as cmd

    st = window.doc.portfolio.startups[0]
    a = st.assessments[0]
    window.doc.undo_stack.push(cmd.SetAssessmentField(window.doc, a.id, "assessor", "Mina Cho"))
    assert "assessor:Mina Cho" in _combo_names(window)


def test_the_perspective_follows_its_assessor_renamed_and_stays_when_deleted(window):
    from gui import commands as cmd

    doc, bar = window.doc, window.perspective_bar
    bar.choose("assessor:Zhang Hao")  # one assessment: the founder's of Gearloom Systems
    (a,) = [a for _, a in doc.portfolio.assessments() if a.assessor == "Zhang Hao"]
    doc.undo_stack.push(cmd.SetAssessmentField(doc, a.id, "assessor", "Zhang H."))
    assert doc.perspective == bar.combo.currentData() == "assessor:Zhang H."
    assert "assessor:Zhang Hao" not in _combo_names(window)
    assert AppSettings().perspective == "assessor:Zhang H."
    assert doc.ranking().rows[0].startup == "Gearloom Systems"  # still his view: 77.2
    doc.undo_stack.undo()
    assert doc.perspective == "assessor:Zhang Hao"
    # another assessment given the same name: nobody was renamed
    other = doc.portfolio.find_startup("Lumenreel").assessments[0]
    doc.undo_stack.push(cmd.SetAssessmentField(doc, other.id, "assessor", "Ann Lee"))
    assert doc.perspective == "assessor:Zhang Hao"
    # deleted: the choice stays (ranking nothing) until an undo brings the assessment back
    doc.undo_stack.push(cmd.RemoveAssessment(doc, a.id))
    assert doc.perspective == bar.combo.currentData() == "assessor:Zhang Hao"
    assert all(r.overall is None for r in doc.ranking().rows)
    doc.undo_stack.undo()
    assert doc.ranking().rows[0].startup == "Gearloom Systems"


def test_a_long_assessor_name_leaves_the_bar_on_screen(window, qtbot):
    from gui import commands as cmd

    name = ("Investment Committee of Northgate Capital Partners Fund III, Shanghai "
            "Representative Office, acting for the limited partners of the fund")
    a = window.doc.portfolio.startups[0].assessments[1]
    window.doc.undo_stack.push(cmd.SetAssessmentField(window.doc, a.id, "assessor", name))
    bar = window.perspective_bar
    bar.choose(f"assessor:{name}")
    window.resize(1024, 700)
    qtbot.wait(10)
    combo = bar.combo
    assert combo.width() <= combo.fontMetrics().averageCharWidth() * 44
    assert bar.gates_check.isVisible()
    assert bar.gates_check.geometry().right() <= bar.width()
    # the list shows the name whole, and so does the box's tooltip
    assert combo.view().minimumWidth() > combo.fontMetrics().horizontalAdvance(
        perspective_label(f"assessor:{name}"))
    assert name in combo.toolTip()


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield
    install_language("en")


def test_the_bar_is_translated_with_the_window(window, english_afterwards):
    if qm_path("zh_CN") is None:
        pytest.skip("the Chinese translation is not built (make translations)")
    window.set_language("zh_CN")
    bar = window.perspective_bar
    assert bar.combo.itemText(0) != "Investor view" and bar.combo.currentData() == "investor"
    assert bar.gates_check.text() != "Rank ignoring deal-breakers"


def test_an_assessor_named_with_an_ampersand_is_offered_whole(window):
    """View ▸ Perspective shows "Assessor: Ann & Bo", not "Ann  Bo" with a shortcut letter."""
    from gui import commands as cmd

    a = window.doc.portfolio.startups[0].assessments[0]
    window.doc.undo_stack.push(cmd.SetAssessmentField(window.doc, a.id, "assessor",
                                                      "Ann & Bo"))
    menu = window.menus.perspective_menu
    window.perspective_bar.fill_menu(menu)
    (action,) = [x for x in menu.actions() if "Ann" in x.text()]
    assert action.iconText() == "Assessor: Ann & Bo"
    action.trigger()
    assert window.doc.perspective == "assessor:Ann & Bo"
