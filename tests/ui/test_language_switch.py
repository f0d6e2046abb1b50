"""Switching the interface language keeps the user's place: the tab on screen and each view's
own tabs, the startup list's typed filter, filters and sort, the startups selected and the
startup and assessment chosen, the History tab's filter, Compare's filters, sort, current and
selected startups and its Uncertainty figures (the same numbers, not computed again; a run
going on reports to the rebuilt tab), the Sensitivity tab's numbers, and the Framework view's
criterion and tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.jobs import analysis as job_analysis
from gui.main_window import MainWindow
from gui.tables.uncertainty import UncertaintyTableModel as U
from gui.widgets.startup_filter import StartupFilter

FIGURES = (U.STARTUP, U.P10, U.P50, U.P90, U.P_RANK1, U.P_TOP3)


@pytest.fixture
def switching(chinese_built, window: MainWindow):  # type: ignore[no-untyped-def]
    """The window on the sample, English again after the test."""
    yield window
    window.doc.undo_stack.setClean()


def _sid(window: MainWindow, name: str) -> str:
    return window.doc.portfolio.find_startup(name).id


def _cells(model, columns) -> list[tuple[str, ...]]:  # type: ignore[no-untyped-def]
    """The texts the table shows, row by row."""
    return [tuple(model.index(r, c).data() for c in columns) for r in range(model.rowCount())]


def _assess_place(window: MainWindow) -> dict[str, object]:
    view = window.assess_view
    pane = view.startup_pane
    return {"filter": pane.filter_edit.text(), "sort": pane.sort_combo.currentData(),
            "fields": pane.filter_bar.current(), "rows": view.proxy.rowCount(),
            "startup": view.current_startup().id, "assessment": view.current_assessment_id(),
            "selected": sorted(view.selected_startup_ids()), "tab": view.tabs.currentIndex(),
            "history": view.tabs.history.state()}


def _compare_place(window: MainWindow) -> dict[str, object]:
    view = window.compare_view
    header = view.startups.table.horizontalHeader()
    return {"upper": view.upper.currentIndex(), "tab": view.tabs.currentIndex(),
            "filter": view.startups.filter_edit.text(), "fields": view.startups.filters.current(),
            "sort": (header.sortIndicatorSection(), header.sortIndicatorOrder()),
            "rows": [view.model.ranked(r).startup_id for r in range(view.model.rowCount())],
            "current": view.current_startup_id(), "selected": view.startups.selected_ids(),
            "axes": view.map.axis_keys()}


def test_the_user_s_place_and_the_uncertainty_figures_survive_a_switch(
        switching: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = switching
    chattersky, gearloom = _sid(window, "Chattersky"), _sid(window, "Gearloom Systems")
    # Compare: a typed filter, sorted by name, two startups selected, Uncertainty computed
    window.show_view("compare")
    compare = window.compare_view
    QTest.keyClicks(compare.startups.filter_edit, "t")
    compare.startups.table.sortByColumn(compare.model.column_of("startup"),
                                        Qt.SortOrder.AscendingOrder)
    compare.startups.select_startups([chattersky, gearloom])
    compare.tabs.setCurrentWidget(compare.uncertainty_panel)
    qtbot.waitUntil(lambda: bool(compare.uncertainty_panel.model.figures), timeout=20_000)
    # Assess: a typed filter, a sort, the startup's second assessment, the History tab
    view = window.assess_view
    st = window.doc.startup(chattersky)
    shown = view.current_assessment_id()
    (second,) = [a.id for a in st.assessments if a.id != shown]  # not the one shown first
    view.select_assessment(second)
    QTest.keyClicks(view.startup_pane.filter_edit, "t")
    view.startup_pane.set_sort("name")
    view.startup_pane.filter_bar.set_filter(StartupFilter(status="passed"))
    view.tabs.setCurrentWidget(view.tabs.history)
    view.tabs.history.filter_edit.setText("level")
    assess = _assess_place(window)
    assert (assess["rows"], assess["startup"], assess["assessment"]) == (1, chattersky, second)
    before = _compare_place(window)
    assert (before["current"], before["selected"]) == (chattersky, [chattersky, gearloom])
    assert before["rows"][:2] == [chattersky, gearloom]
    figures = _cells(compare.uncertainty_panel.model, FIGURES)
    assert len(figures) == compare.startups.model.rowCount() == 4  # the filter's rows
    sensitivity = compare.sensitivity_panel
    sensitivity.refresh()
    tornado = sensitivity.tornado_rows()
    runs: list[object] = []
    real = job_analysis.startup_uncertainty_job
    monkeypatch.setattr(job_analysis, "startup_uncertainty_job",
                        lambda *a, **k: runs.append(a) or real(*a, **k))

    for lang in ("zh_CN", "en"):
        window.set_language(lang)
        QTest.qWait(10)
        assert window.tabs.currentIndex() == 1
        assert _compare_place(window) == before
        panel = window.compare_view.uncertainty_panel
        assert window.compare_view.tabs.currentWidget() is panel
        assert _cells(panel.model, FIGURES) == figures  # the same numbers...
        assert runs == [] and not panel.is_stale()  # ...not computed again
        assert (lang == "zh_CN") == ("参与排名" in panel.status_label.text())
        window.compare_view.sensitivity_panel.refresh()
        assert window.compare_view.sensitivity_panel.tornado_rows()["base"] == tornado["base"]
        assert _assess_place(window) == assess
    # Framework: the criterion and the tab on the right
    window.show_view("framework")
    framework = window.framework_view
    framework.select_criterion("eco.allies")
    framework.tabs.setCurrentIndex(3)
    window.set_language("zh_CN")
    assert window.tabs.currentIndex() == 2
    assert window.framework_view.current_criterion_id() == "eco.allies"
    assert window.framework_view.tabs.currentIndex() == 3
    window.set_language("en")


def test_a_run_going_on_reports_to_the_rebuilt_tab(switching: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = switching
    window.show_view("compare")
    panel = window.compare_view.uncertainty_panel
    panel.inline_limit = 0  # a worker process, as for a large portfolio
    panel.run_settings.set_settings(draws=400, seed=7)
    window.compare_view.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.job is not None, timeout=10_000)
    job = panel.job
    window.set_language("zh_CN")
    rebuilt = window.compare_view.uncertainty_panel
    assert rebuilt is not panel and rebuilt.job is job and job.is_running()
    assert rebuilt.cancel_button.isVisible() or not rebuilt.isVisible()
    qtbot.waitUntil(lambda: rebuilt.job is None, timeout=60_000)
    figures = rebuilt.model.figures
    assert (figures["draws"], figures["seed"]) == (400, 7)
    assert rebuilt.model.rowCount() == len(window.doc.portfolio.startups)
    assert rebuilt.job is None and not rebuilt.is_stale()
    window.set_language("en")


def test_switches_in_a_row_leave_no_widget_behind(switching: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Switches without the event loop turning in between (a script): what a replaced view
    had left for the loop to do (draw its radar, share its splitter) is not done on it once
    it is gone, the views on screen work, and no widget is left over: as many as after one
    switch there and back."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    window = switching
    window.ensure_compare_view()
    window.ensure_framework_view()

    def settle() -> int:
        for _ in range(3):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            qtbot.wait(5)  # the timers of the views built: their radar drawn
        return len(QApplication.allWidgets())

    window.set_language("zh_CN", remember=False)
    window.set_language("en", remember=False)
    before = settle()
    for i in range(6):
        window.set_language("zh_CN" if i % 2 == 0 else "en", remember=False)
    assert settle() == before
    assert window.lang == "en" and window.menus.file_menu.title() == "&File"
    panel = window.assess_view.results_panel
    assert panel.radar is not None and panel.radar.isVisibleTo(window)
    window.assess_view.select_startup(window.doc.portfolio.startups[1].id)
    assert window.assess_view.current_startup().id == window.doc.portfolio.startups[1].id


def test_a_website_refused_stays_typed_and_refused_in_the_new_language(
        switching: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """"acme.ai:eighty" typed in the details and refused: after the switch the field still
    holds it and the reason shows, said in Chinese, then in English again; nothing taken."""
    window = switching
    window.show()
    view = window.assess_view
    sid = _sid(window, "Chattersky")
    view.select_startup(sid)
    view.header.details.set_open(True)
    edit = view.header.details.edits["website"]
    edit.setFocus()
    edit.selectAll()
    QTest.keyClicks(edit, "acme.ai:eighty")
    QTest.keyClick(edit, Qt.Key.Key_Return)
    steps = window.doc.undo_stack.count()
    window.set_language("zh_CN", remember=False)
    details = window.assess_view.header.details
    assert details is not view.header.details and details.is_open()
    assert details.edits["website"].text() == "acme.ai:eighty"
    assert not details.website_problem.isHidden()
    assert details.website_problem.text() == \
        "网站“acme.ai:eighty”不是网址（“eighty”不是端口号）；应为网址，例如 acme.ai 或 https://acme.ai"
    window.set_language("en", remember=False)
    details = window.assess_view.header.details
    assert details.edits["website"].text() == "acme.ai:eighty"
    assert details.website_problem.text() == (
        "The website 'acme.ai:eighty' is not a web address ('eighty' is not a port number); "
        "expected a web address such as acme.ai or https://acme.ai")
    assert window.doc.startup(sid).website == "" and window.doc.undo_stack.count() == steps


def test_a_passing_message_of_the_former_language_goes(switching: MainWindow, scripted_ask,
                                                        qtbot) -> None:  # type: ignore[no-untyped-def]
    window = switching
    window.doc.undo_stack.setClean()
    assert window.menus.close_document()
    assert window.statusBar().currentMessage().startswith("Closed ")
    window.set_language("zh_CN", remember=False)
    assert window.statusBar().currentMessage() == ""
    assert window.menus.file_menu.title() == "文件(&F)"
    window.set_language("en", remember=False)


def test_the_keys_go_on_scoring_the_focused_criterion_after_a_switch(switching: MainWindow,
                                                                       qtbot) -> None:  # type: ignore[no-untyped-def]
    window = switching
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    cid = window.doc.framework.criterion_ids[5]
    window.assess_view.criteria.focus_criterion(cid)
    aid = window.assess_view.current_assessment_id()
    for lang, key, level in (("zh_CN", Qt.Key.Key_2, 2), ("en", Qt.Key.Key_4, 4)):
        window.menus.language_actions[lang].trigger()
        QTest.qWait(10)
        criteria = window.assess_view.criteria
        assert criteria.current_criterion() == cid
        QTest.keyClick(QApplication.focusWidget(), key)
        score = window.doc.assessment(aid)[1].scores[cid]
        assert score.value == level
    # the startup list keeps the focus the same way
    window.assess_view.startup_pane.list_view.setFocus()
    window.menus.language_actions["zh_CN"].trigger()
    assert QApplication.focusWidget() is window.assess_view.startup_pane.list_view
    window.set_language("en", remember=False)
