"""The Assess view's History, Differences and Trend tabs on a real workspace in a temporary
folder: edits made through the window's undo commands appear in the history (with undo and
redo), the filters keep the right rows, comparing selected changes, two moments or two
assessments shows hand-computed scores, and the trend follows the perspective. The tiny
framework: pillar a (benefit, weight 2: a.x w1, a.y w3), pillar b (cost, weight 1: b.z, b.w)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication

from gui import commands as cmd
from gui.document import Document
from gui.views.assess.view import AssessView
from models.store.workspace import Workspace
from tests.domain.test_store_workspace import make, rich_portfolio

_OPEN: list[Document] = []


@pytest.fixture(autouse=True)
def _close_documents():
    """Each workspace a test opened is closed after it."""
    yield
    while _OPEN:
        _OPEN.pop().close()


def _view(qtbot, tmp_path, tab: str = "history",
          where: str | None = None) -> tuple[AssessView, Document]:
    """The Assess view on the rich portfolio's workspace (in ``tmp_path``, or at the server
    address ``where``), ``tab`` shown."""
    if where is None:
        make(tmp_path).close()
    else:
        Workspace.create(where, rich_portfolio(), who="Ann").close()
    doc = Document.open(where or tmp_path / "w.beachhead", who="Ann")
    _OPEN.append(doc)
    view = AssessView(doc)
    qtbot.addWidget(view)
    view.resize(1280, 760)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()   # the layout's deferred work, while the widgets live
    view.select_startup("s1", "a2")
    tabs = view.tabs
    tabs.setCurrentWidget({"history": tabs.history, "diff": tabs.differences,
                           "trend": tabs.trend}[tab])
    return view, doc


def _edit(qtbot, doc: Document, *args) -> None:
    with qtbot.waitSignal(doc.historyChanged):
        doc.undo_stack.push(cmd.SetScoreField(doc, *args))


def _rows(panel) -> list[tuple[str, str, str, str, str]]:
    m = panel.model
    return [(m.row(i).who, m.row(i).assessment_label, m.row(i).what, m.row(i).old,
             m.row(i).new) for i in range(m.row_count())]


def _tree(tree) -> dict[str, list[tuple[str, ...]]]:
    """Each section of the diff table: its rows' Item, Before, After and Change."""
    out = {}
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        out[top.text(0)] = [tuple(top.child(j).text(c) for c in range(4))
                            for j in range(top.childCount())]
    return out


def test_edits_undo_and_redo_appear_newest_first(qtbot, tmp_path):
    view, doc = _view(qtbot, tmp_path)
    panel = view.tabs.history
    assert panel.model.row_count() == 0 and panel.count_label.text() == "No change recorded."
    _edit(qtbot, doc, "a2", "a.y", "value", 3)
    _edit(qtbot, doc, "a1", "b.z", "rationale", "calmer")
    bo, ann = "Bo (investor, 2024-11-05)", "Ann (founder, 2024-10-02)"
    assert _rows(panel) == [("Ann", ann, "b.z – rationale", "quiet", "calmer"),
                            ("Ann", bo, "a.y – level", "5", "3")]
    with qtbot.waitSignal(doc.historyChanged):
        doc.undo_stack.undo()
    assert _rows(panel)[0] == ("Ann", ann, "b.z – rationale", "calmer", "quiet")
    assert panel.model.row(0).comment == "Undo: Edit rationale of b.z (Acme 智能)"
    assert panel.count_label.text() == "3 changes"
    table = panel.table.model()
    assert table.index(0, 3).data() == "b.z – rationale"
    assert table.index(0, 6).data() == "Undo: Edit rationale of b.z (Acme 智能)"


def test_filters_by_text_person_kind_and_assessment(qtbot, tmp_path):
    view, doc = _view(qtbot, tmp_path)
    panel = view.tabs.history
    _edit(qtbot, doc, "a2", "a.y", "value", 3)
    doc.workspace.who = "Bo"
    _edit(qtbot, doc, "a1", "a.x", "confidence", "high")
    with qtbot.waitSignal(doc.historyChanged):
        doc.undo_stack.push(cmd.SetStartupField(doc, "s1", "sector", "Robotics"))
    assert [r[2] for r in _rows(panel)] == ["sector", "a.x – confidence", "a.y – level"]
    panel.filter_edit.setText("ROBOT")
    assert [r[2] for r in _rows(panel)] == ["sector"]
    assert panel.count_label.text() == "1 of 3 changes"
    panel.filter_edit.clear()
    assert [panel.who_combo.itemText(i) for i in range(panel.who_combo.count())] == [
        "Everyone", "Ann", "Bo"]
    panel.who_combo.setCurrentIndex(panel.who_combo.findData("Ann"))
    assert [r[2] for r in _rows(panel)] == ["a.y – level"]
    panel.who_combo.setCurrentIndex(0)
    panel.what_combo.setCurrentIndex(panel.what_combo.findData("scores"))
    assert [r[2] for r in _rows(panel)] == ["a.x – confidence", "a.y – level"]
    panel.what_combo.setCurrentIndex(0)
    panel.scope_combo.setCurrentIndex(panel.scope_combo.findData("assessment"))
    assert [r[2] for r in _rows(panel)] == ["a.y – level"]      # a2 is on screen
    assert panel.table.isColumnHidden(panel.model.ASSESSMENT)
    view.select_assessment("a1")
    assert [r[2] for r in _rows(panel)] == ["a.x – confidence"]


def test_another_startup_shows_its_own_history(qtbot, tmp_path):
    view, doc = _view(qtbot, tmp_path)
    _edit(qtbot, doc, "a3", "a.x", "value", 2)
    assert view.tabs.history.model.row_count() == 0
    view.select_startup("s3")
    assert _rows(view.tabs.history) == [("Ann", "Cy (other, 2025-01-15)", "a.x – level",
                                         "1", "2")]


def test_comparing_the_selected_changes(qtbot, tmp_path):
    view, doc = _view(qtbot, tmp_path)
    panel, diff = view.tabs.history, view.tabs.differences
    _edit(qtbot, doc, "a2", "b.z", "value", 2)      # investor view: b 75
    _edit(qtbot, doc, "a2", "a.y", "value", 3)      # a.y 3: a 50
    _edit(qtbot, doc, "a2", "a.y", "rationale", "slower")
    selection = panel.table.selectionModel()
    for row in (1, 2):
        selection.select(panel.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert panel.compare_button.isEnabled()
    panel.compare_button.click()
    assert view.tabs.currentWidget() is diff
    sections = _tree(diff.tree)
    # before: a.y 5 -> a 100, overall 100; after: a 50, b 75, overall (2*50 + 75) / 3 = 58.3
    assert sections["Scores under Investor view"] == [
        ("Overall", "100.0", "58.3", "−41.7"), ("Alpha", "100.0", "50.0", "−50.0"),
        ("Beta (100 = least)", "—", "75.0", "scored")]
    assert sections["Levels"] == [("a.y", "5", "3", "−2"), ("b.z", "—", "2", "scored")]
    assert sections["Postures"] == [("No change", "", "", "")]
    assert sections["Assessments"] == [("Bo (investor, 2024-11-05)", "100.0", "58.3", "−41.7")]
    assert diff.first.moment() < panel.model.row(2).at <= panel.model.row(1).at \
        == diff.second.moment()


def test_two_moments_chosen_and_two_assessments(qtbot, tmp_path):
    view, doc = _view(qtbot, tmp_path, "diff")
    diff = view.tabs.differences
    _edit(qtbot, doc, "a2", "b.w", "value", 5)       # deal-breaker "Fatal w"
    diff.first.set_moment(doc.workspace.info()["created_at"])
    diff.second.set_moment(None)
    diff.compare()
    sections = _tree(diff.tree)
    assert sections["Deal-breakers"] == [("Fatal w", "", "✓", "appeared")]
    # b.w 5 -> b 0: overall (2*100 + 0) / 3 = 66.7
    assert sections["Scores under Investor view"][0] == ("Overall", "100.0", "66.7", "−33.3")
    diff.compare_assessments("a1", "a2")
    sections = _tree(diff.tree)
    # a1: a 75 (a.x 4), b 75 (b.z 2), overall 75; a2 now: a 100, b 0, overall 66.7
    assert sections["Scores"] == [("Overall", "75.0", "66.7", "−8.3"),
                                  ("Alpha", "75.0", "100.0", "+25.0"),
                                  ("Beta (100 = least)", "75.0", "0.0", "−75.0")]
    assert sections["Postures"] == [("Strong alpha", "✓", "", "vanished")]
    levels = {row[0]: row for row in sections["Levels"]}
    assert levels["b.w"] == ("b.w", "—", "5", "scored")
    a_y = next(diff.tree.topLevelItem(i) for i in range(diff.tree.topLevelItemCount())
               if diff.tree.topLevelItem(i).text(0) == "Levels")
    rationale = next(a_y.child(j).child(k) for j in range(a_y.childCount())
                     for k in range(a_y.child(j).childCount())
                     if a_y.child(j).text(0) == "a.y" and a_y.child(j).child(k).text(0)
                     == "Rationale")
    assert (rationale.text(1), rationale.text(2), rationale.text(3)) == ("—", "strong",
                                                                          "changed")


def test_a_moment_before_the_workspace_is_explained(qtbot, tmp_path):
    view, _doc = _view(qtbot, tmp_path, "diff")
    diff = view.tabs.differences
    diff.mode_combo.setCurrentIndex(0)
    diff.first.combo.setCurrentIndex(diff.first.combo.findData("typed"))
    diff.first.edit.setDateTime(diff.first.edit.dateTime().addYears(-3))
    diff.compare()
    assert diff.message.text().startswith("The workspace holds nothing before it was created")
    assert diff.tree.topLevelItemCount() == 0


def test_trend_follows_edits_and_the_perspective(qtbot, tmp_path):
    view, doc = _view(qtbot, tmp_path, "trend")
    page = view.tabs.trend
    _edit(qtbot, doc, "a2", "a.x", "value", 3)   # a = 100 (0.5 + 3) / 4 = 87.5
    assert [(p.overall, p.pillars["a"]) for p in page.trend.points] == [(100.0, 100.0),
                                                                        (87.5, 87.5)]
    assert page.series()[0] == ("Overall", [100.0, 87.5])
    qtbot.waitUntil(lambda: page.chart.draws > 0)
    doc.set_perspective("founder")                # a1: a 75, b 75, overall 75
    assert [p.overall for p in page.trend.points] == [75.0]
    assert "Founder view" in page.caption.text()


def test_a_scratch_portfolio_has_no_history_but_compares_assessments(qtbot, tmp_path):
    from tests.domain.test_store_workspace import rich_portfolio

    doc = Document(rich_portfolio())
    view = AssessView(doc)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    view.select_startup("s1")
    tabs = view.tabs
    tabs.setCurrentWidget(tabs.history)
    assert tabs.history.notice.isVisible() and tabs.history.model.row_count() == 0
    tabs.setCurrentWidget(tabs.differences)
    tabs.differences.compare()
    assert "not kept in a workspace" in tabs.differences.message.text()
    tabs.differences.compare_assessments("a1", "a2")
    assert _tree(tabs.differences.tree)["Scores"][0] == ("Overall", "75.0", "100.0", "+25.0")


def test_changes_written_by_another_program_appear(qtbot, tmp_path):
    view, doc = _view(qtbot, tmp_path)
    with Workspace.open(tmp_path / "w.beachhead", who="Dee") as other:
        other.set_startup_field("s1", "notes", "from the command line")
    with qtbot.waitSignal(doc.historyChanged, timeout=10_000):
        pass
    assert _rows(view.tabs.history)[0][:3] == ("Dee", "", "notes")


def test_the_trend_waits_for_changes_the_window_has_not_taken_in(qtbot, tmp_path):
    from models.core.portfolio import Assessment

    view, doc = _view(qtbot, tmp_path, "trend")
    page = view.tabs.trend
    with Workspace.open(tmp_path / "w.beachhead", who="Dee") as other:
        other.insert_assessment("s1", 2, Assessment(id="z", role="investor", assessor="Dee",
                                                    date="2025-06-01"))
        other.set_score_field("z", "a.y", "value", 1)
    page.refresh()              # the log has them, the window's portfolio not yet
    assert page.trend is None
    assert page.caption.text() == "Taking in changes made in another window or program…"
    with qtbot.waitSignal(doc.historyChanged, timeout=10_000):
        pass
    # Dee's empty assessment moves nothing; then Bo's a.y 5 and Dee's 1: the lower middle
    # level, 1 -> a 0, overall 0
    assert [p.overall for p in page.trend.points] == [100.0, 0.0]


def test_a_hidden_tab_reads_nothing_and_catches_up_when_shown(qtbot, tmp_path):
    view, doc = _view(qtbot, tmp_path, "history")
    page = view.tabs.trend
    assert page.trend is None                     # never shown: never worked out
    _edit(qtbot, doc, "a2", "a.x", "value", 3)
    doc.set_perspective("founder")
    assert page.trend is None and page.refresher.dirty
    view.tabs.setCurrentWidget(page)              # a1 under the founder view: overall 75
    assert [p.overall for p in page.trend.points] == [75.0] and not page.refresher.dirty
    assert "Founder view" in page.caption.text()
    view.tabs.setCurrentWidget(view.tabs.history)
    doc.set_perspective("investor")               # a2, a.x 3: 100 then 87.5
    assert [p.overall for p in page.trend.points] == [75.0]
    view.tabs.setCurrentWidget(page)
    assert [p.overall for p in page.trend.points] == [100.0, 87.5]


def test_on_a_team_workspace_a_colleagues_change_names_its_database_role(qtbot, pg_url):
    from PySide6.QtCore import Qt

    view, _ = _view(qtbot, None, where=pg_url)
    with Workspace.open(pg_url, who="Dee") as other:
        round_id = other.open_round("s1")
        other.set_startup_field("s1", "notes", "from a colleague")
    panel = view.tabs.history
    qtbot.waitUntil(lambda: bool(_rows(panel)) and _rows(panel)[0][2] == "notes",
                    timeout=10_000)
    assert _rows(panel)[0][0] == "Dee"
    who = panel.model.index(0, panel.model.WHO)
    assert panel.model.data(who, Qt.ItemDataRole.ToolTipRole) == \
        "Dee (database role: postgres)"
    panel.what_combo.setCurrentIndex(panel.what_combo.findData("rounds"))
    assert [(r[0], r[2]) for r in _rows(panel)] == [("Dee", "independent round opened")]
    assert round_id
