"""The Compare view: its results table model, the sort/filter proxy, the view's signals and
the position map's data, driven through their API (pytest-qt, offscreen)."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from gui import commands as cmd
from gui.document import Document
from gui.tables.results import ResultsTableModel
from gui.tables.results_proxy import ResultsFilterProxy
from gui.tables.roles import AssessmentIdRole, SortRole
from gui.views.compare.view import CompareView
from models.core.portfolio import Assessment
from models.core.rounding import fixed
from models.engine.sample import sample_portfolio


@pytest.fixture
def view(compare_view: CompareView) -> CompareView:
    return compare_view


def _proxy_ids(proxy: ResultsFilterProxy) -> list[str]:
    return [proxy.index(r, 0).data(AssessmentIdRole) for r in range(proxy.rowCount())]


def _result_by_id(doc: Document) -> dict:
    return {r.assessment_id: r for r in doc.results()}


# -- the table model --------------------------------------------------------------------------

def test_model_passes_qt_model_tester(qtmodeltester, doc):
    model = ResultsTableModel(doc)
    qtmodeltester.check(model)
    proxy = ResultsFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(model.column_of("overall"), Qt.SortOrder.DescendingOrder)
    proxy.set_text("a")
    qtmodeltester.check(proxy)


def test_model_has_one_row_per_assessment_and_the_agreed_columns(doc):
    model = ResultsTableModel(doc)
    assert model.rowCount() == len(doc.results()) == 13
    keys = [c.key for c in model.columns]
    pillars = [f"pillar:{p.id}" for p in doc.framework.pillars]
    assert keys == ["startup", "assessor", "role", "date", "overall", *pillars,
                    "completeness", "deal_breakers", "postures"]
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(keys))]
    assert headers[0] == "Startup" and "Technology\nthreshold" in headers
    # the frame holds the same numbers as the engine
    for r in doc.results():
        row = model.row_of(r.assessment_id)
        assert model.frame.loc[row, "overall"] == pytest.approx(r.overall)
        assert model.frame.loc[row, "startup"] == r.startup


def test_numbers_show_one_decimal_and_sort_by_raw_value(doc):
    model = ResultsTableModel(doc)
    r = doc.results()[0]
    idx = model.index(0, model.column_of("overall"))
    assert idx.data() == fixed(r.overall)
    assert idx.data(SortRole) == pytest.approx(r.overall)
    tech = model.index(0, model.column_of("pillar:tech"))
    assert tech.data() == fixed(r.pillars['tech'])
    assert model.index(0, model.column_of("completeness")).data() == "100%"
    assert idx.data(Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)


def test_deal_breakers_in_warning_colours_with_reasons(doc):
    model = ResultsTableModel(doc)
    col = model.column_of("deal_breakers")
    rows = {model.result(i).startup for i in range(model.rowCount())
            if model.result(i).deal_breakers}
    assert rows == {"Tokenforge", "Chattersky"}
    for i in range(model.rowCount()):
        idx = model.index(i, col)
        if model.result(i).deal_breakers:
            assert idx.data(Qt.ItemDataRole.ForegroundRole) is not None
            assert idx.data(Qt.ItemDataRole.BackgroundRole) is not None
            assert "because" in idx.data(Qt.ItemDataRole.ToolTipRole)
            assert idx.data().startswith("⚠")
            assert model.index(i, 0).data(Qt.ItemDataRole.DecorationRole) is not None
        else:
            assert idx.data(Qt.ItemDataRole.BackgroundRole) is None


def test_posture_tooltip_gives_the_reasons(doc):
    model = ResultsTableModel(doc)
    col = model.column_of("postures")
    row = next(i for i in range(model.rowCount()) if model.result(i).postures)
    tip = model.index(row, col).data(Qt.ItemDataRole.ToolTipRole)
    hit = model.result(row).postures[0]
    assert hit.name in tip and hit.reasons[0] in tip


def test_score_edit_updates_only_that_row_with_the_narrowest_signal(qtbot, doc):
    model = ResultsTableModel(doc)
    r = doc.results()[3]
    row = model.row_of(r.assessment_id)
    _, a = doc.assessment(r.assessment_id)
    old = a.level("tech.threshold")
    new = 5 if old != 5 else 1
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged) as blocker:
        doc.undo_stack.push(cmd.SetScoreField(doc, r.assessment_id, "tech.threshold", "value",
                                              new))
    top, bottom = blocker.args[0], blocker.args[1]
    assert top.row() == bottom.row() == row
    # overall and the technology pillar changed; the text columns before them did not
    assert top.column() == model.column_of("overall")
    assert bottom.column() >= model.column_of("pillar:tech")
    assert bottom.column() < model.columnCount()
    assert not resets
    assert model.index(row, model.column_of("overall")).data() == \
        fixed(doc.result(r.assessment_id).overall)


def test_text_edit_emits_no_data_change(qtbot, doc):
    model = ResultsTableModel(doc)
    aid = doc.results()[0].assessment_id
    with qtbot.assertNotEmitted(model.dataChanged):
        doc.undo_stack.push(cmd.SetScoreField(doc, aid, "tech.threshold", "rationale", "why"))


def test_framework_change_keeps_rows_without_reset_but_structure_change_resets(qtbot, doc):
    model = ResultsTableModel(doc)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    fw = doc.framework.with_weights(pillar_weights={"tech": 3.0})
    with qtbot.waitSignal(model.dataChanged):
        doc.undo_stack.push(cmd.ChangeFramework(doc, fw, "Weight"))
    assert not resets
    assert model.frame["overall"].tolist() == pytest.approx([r.overall for r in doc.results()])
    st = doc.portfolio.startups[0]
    doc.undo_stack.push(cmd.AddAssessment(doc, st.id, Assessment(assessor="New")))
    assert resets and model.rowCount() == 14


# -- sorting and filtering ------------------------------------------------------------------

def test_sorting_by_overall_puts_the_highest_first_and_empty_last(doc):
    st = doc.portfolio.startups[0]
    empty = Assessment(assessor="Nobody yet")
    doc.undo_stack.push(cmd.AddAssessment(doc, st.id, empty))
    model = ResultsTableModel(doc)
    proxy = ResultsFilterProxy()
    proxy.setSourceModel(model)
    col = model.column_of("overall")
    overall = {r.assessment_id: r.overall for r in doc.results()}
    proxy.sort(col, Qt.SortOrder.DescendingOrder)
    ids = _proxy_ids(proxy)
    assert proxy.index(len(ids) - 1, col).data() == "–"
    assert proxy.index(len(ids) - 1, col).data(SortRole) is None
    assert overall[ids[0]] == max(v for v in overall.values() if v is not None)
    assert ids[-1] == empty.id
    values = [overall[i] for i in ids[:-1]]
    assert values == sorted(values, reverse=True)
    proxy.sort(col, Qt.SortOrder.AscendingOrder)
    ids = _proxy_ids(proxy)
    assert ids[-1] == empty.id
    assert [overall[i] for i in ids[:-1]] == sorted(values)


def test_sorting_text_ignores_case(doc):
    model = ResultsTableModel(doc)
    proxy = ResultsFilterProxy()
    proxy.setSourceModel(model)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == sorted(names, key=str.casefold)


def test_filters_by_text_role_and_deal_breakers(doc):
    model = ResultsTableModel(doc)
    proxy = ResultsFilterProxy()
    proxy.setSourceModel(model)
    results = _result_by_id(doc)
    proxy.set_text("CHATTER")
    assert {results[i].startup for i in _proxy_ids(proxy)} == {"Chattersky"}
    proxy.set_text("priya")  # assessor
    assert {results[i].assessor for i in _proxy_ids(proxy)} == {
        "Priya Raman, Northgate Capital"}
    proxy.set_text("niche specialist")  # posture
    assert _proxy_ids(proxy)
    assert all(any(h.name == "Niche specialist" for h in results[i].postures)
               for i in _proxy_ids(proxy))
    proxy.set_text("")
    proxy.set_role("founder")
    assert {results[i].role for i in _proxy_ids(proxy)} == {"founder"}
    proxy.set_role("")
    proxy.set_deal_breakers_only(True)
    assert {results[i].startup for i in _proxy_ids(proxy)} == {"Tokenforge", "Chattersky"}
    proxy.set_role("founder")
    assert _proxy_ids(proxy) == []
    proxy.set_role("")
    proxy.set_deal_breakers_only(False)
    assert proxy.rowCount() == 13


# -- the view ---------------------------------------------------------------------------------

def test_view_starts_sorted_by_overall_descending(view, doc):
    first = view.proxy.index(0, 0).data(AssessmentIdRole)
    assert doc.result(first).overall == max(r.overall for r in doc.results())
    assert view.count_label.text() == "13 of 13 assessments"


def test_filter_widgets_drive_the_proxy(view, doc):
    view.filter_edit.setText("tokenforge")
    assert view.proxy.rowCount() == 1
    view.filter_edit.clear()
    view.role_combo.setCurrentIndex(view.role_combo.findData("investor"))
    assert view.proxy.rowCount() == sum(r.role == "investor" for r in doc.results()) == 8
    view.breakers_check.setChecked(True)
    assert view.proxy.rowCount() == 2
    assert view.count_label.text() == "2 of 13 assessments"


def test_selecting_a_row_emits_assessment_activated(qtbot, view, doc):
    target = view.proxy.index(2, 0)
    aid = target.data(AssessmentIdRole)
    st, _ = doc.assessment(aid)
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        view.table.selectionModel().setCurrentIndex(
            target, QItemSelectionModel.SelectionFlag.ClearAndSelect |
            QItemSelectionModel.SelectionFlag.Rows)
    assert blocker.args == [st.id, aid]
    assert view.current_assessment_id() == aid


def test_select_assessment_follows_without_emitting(qtbot, view, doc):
    aid = doc.results()[5].assessment_id
    view.filter_edit.setText("no such startup")
    with qtbot.assertNotEmitted(view.assessmentActivated):
        view.select_assessment(aid)
    assert view.filter_edit.text() == ""  # the filter hid it, so it was cleared
    current = view.table.selectionModel().currentIndex()
    assert current.data(AssessmentIdRole) == aid


def test_selection_survives_a_weight_change(qtbot, view, doc):
    aid = doc.results()[4].assessment_id
    view.select_assessment(aid)
    fw = doc.framework.with_weights(pillar_weights={"niche": 4.0})
    doc.undo_stack.push(cmd.ChangeFramework(doc, fw, "Weight"))
    assert view.table.selectionModel().currentIndex().data(AssessmentIdRole) == aid


def test_map_data_matches_results(view, doc):
    assert view.map.axis_keys() == ("pillar:tech", "pillar:press")
    points = view.map.map_points()
    results = _result_by_id(doc)
    assert len(points) == 13
    for p in points:
        r = results[p.assessment_id]
        assert (p.x, p.y, p.size) == (r.pillars["tech"], r.pillars["press"], r.overall)
        assert p.startup_id == r.startup_id and r.startup in p.label
    view.map.set_axes("overall", "pillar:niche")
    for p in view.map.map_points():
        r = results[p.assessment_id]
        assert (p.x, p.y) == (r.overall, r.pillars["niche"])
    view.filter_edit.setText("chattersky")
    assert {p.assessment_id for p in view.map.map_points()} == set(_proxy_ids(view.proxy))


def test_map_skips_assessments_unscored_on_an_axis(view, doc):
    st = doc.portfolio.startups[0]
    doc.undo_stack.push(cmd.AddAssessment(doc, st.id, Assessment(assessor="Empty")))
    assert view.proxy.rowCount() == 14
    assert len(view.map.map_points()) == 13


def test_map_draws_on_idle_and_a_click_activates_a_bubble(qtbot, view, doc):
    view.show()
    qtbot.waitExposed(view)
    chart = view.map.chart
    qtbot.waitUntil(lambda: chart.draws >= 1 and not chart.is_pending(), timeout=3000)
    assert view.map.drawn_points() == view.map.map_points()
    # a burst of changes schedules one redraw after the debounce, not one per keystroke
    draws = chart.draws
    view.filter_edit.setText("c")
    view.filter_edit.setText("ch")
    assert chart.is_pending() and chart.draws == draws
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=3000)
    assert chart.draws == draws + 1
    assert view.map.drawn_points() == view.map.map_points()
    view.filter_edit.clear()
    qtbot.waitUntil(lambda: len(view.map.drawn_points()) == 13, timeout=3000)
    chart.canvas.draw()

    from matplotlib.backend_bases import MouseEvent

    points = view.map.drawn_points()
    point = points[0]
    ax = chart.figure.axes[0]
    x, y = ax.transData.transform((point.x, point.y))
    event = MouseEvent("button_press_event", chart.canvas, x, y, button=1)
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        chart.canvas.callbacks.process("button_press_event", event)
    hit = blocker.args[1]
    assert hit in {p.assessment_id for p in points
                   if math.isclose(p.x, point.x) and math.isclose(p.y, point.y)}
    assert view.current_assessment_id() == hit


def test_scenario_changes_the_table(view, doc):
    col = view.model.column_of("overall")
    before = [view.model.index(r, col).data(SortRole) for r in range(view.model.rowCount())]
    doc.set_scenario("sleeping_giant_enters")
    after = [view.model.index(r, col).data(SortRole) for r in range(view.model.rowCount())]
    assert after != before
    assert after == pytest.approx([r.overall for r in doc.results()])
    assert "A sleeping giant enters" in view.scenario_label.text()
    doc.set_scenario(None)
    assert view.scenario_label.text() == ""


def test_set_document_disconnects_the_old_one(qtbot, view, doc):
    other = Document(sample_portfolio())
    view.set_document(other)
    assert view.model.doc is other
    aid = doc.results()[0].assessment_id
    with qtbot.assertNotEmitted(view.model.dataChanged):
        doc.undo_stack.push(cmd.SetScoreField(doc, aid, "tech.threshold", "value", 1))
    assert view.proxy.rowCount() == 13


# -- scenario deltas ----------------------------------------------------------------------

def test_scenario_model_passes_qt_model_tester(qtmodeltester, doc):
    from gui.tables.scenarios import ScenarioDeltasModel

    model = ScenarioDeltasModel(doc)
    qtmodeltester.check(model)
    model.set_scenario("financing_thaw")
    qtmodeltester.check(model)


def test_scenario_table_matches_the_analysis(qtbot, view, doc):
    from gui.tables.scenarios import ScenarioDeltasModel
    from models.engine.scenarios import portfolio_scenario_impacts

    view.show_scenario_deltas("sleeping_giant_enters")
    assert view.tabs.currentWidget() is view.scenarios
    model = view.scenarios.model
    assert model.scenario_id == "sleeping_giant_enters"
    impact = portfolio_scenario_impacts(doc.portfolio, ["sleeping_giant_enters"])[0]
    for row in range(model.rowCount()):
        assert model.value(row, ScenarioDeltasModel.BEFORE) == pytest.approx(impact.before[row])
        assert model.value(row, ScenarioDeltasModel.AFTER) == pytest.approx(impact.after[row])
        assert model.value(row, ScenarioDeltasModel.RANK_CHANGE) == impact.rank_change[row]
    # the document's active scenario is untouched: this tab only compares
    assert doc.scenario is None
    assert "giant" in view.scenarios.note.text().lower()
    # the view's filters apply here too
    view.filter_edit.setText("chattersky")
    assert view.scenarios.proxy.rowCount() == 2


def test_scenario_table_follows_score_edits_while_shown(qtbot, view, doc):
    from gui.tables.scenarios import ScenarioDeltasModel

    view.show()
    qtbot.waitExposed(view)
    view.show_scenario_deltas("financing_thaw")
    row = 0  # rows follow document order
    aid = doc.results()[row].assessment_id
    doc.undo_stack.push(cmd.SetScoreField(doc, aid, "niche.segment_focus", "value", 1))
    qtbot.waitUntil(lambda: view.scenarios.model.value(row, ScenarioDeltasModel.BEFORE) ==
                    pytest.approx(doc.result(aid).overall), timeout=3000)


def test_choosing_a_row_in_the_scenario_table_activates_it(qtbot, view, doc):
    view.show_scenario_deltas("open_source_price_war")
    index = view.scenarios.proxy.index(1, 0)
    aid = index.data(AssessmentIdRole)
    with qtbot.waitSignal(view.assessmentActivated) as blocker:
        view.scenarios.table.setCurrentIndex(index)
    assert blocker.args == [doc.assessment(aid)[0].id, aid]


def test_hidden_view_catches_up_with_sorting_and_filters_when_shown(qtbot, view, doc):
    view.show()
    qtbot.waitExposed(view)
    view.breakers_check.setChecked(True)
    assert view.proxy.rowCount() == 2
    view.hide()
    assert not view.proxy.dynamicSortFilter()
    # a heavy capital weight reorders the table while it is hidden
    fw = doc.framework.with_weights(pillar_weights={"cap": 20.0})
    doc.undo_stack.push(cmd.ChangeFramework(doc, fw, "Weight"))
    view.breakers_check.setChecked(False)
    view.show()
    qtbot.waitExposed(view)
    assert view.proxy.dynamicSortFilter()
    ids = _proxy_ids(view.proxy)
    overall = {r.assessment_id: r.overall for r in doc.results()}
    assert [overall[i] for i in ids] == sorted(overall.values(), reverse=True)
