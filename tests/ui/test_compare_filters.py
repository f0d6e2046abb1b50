"""Filtering startups by sector, stage, region, tags and status
(gui.widgets.startup_filter) and the Compare view's Startups page using it: the rows kept are
those worked out by hand from the sample's details, ranks stay those of every startup, the map
and the tabs follow, and the choices follow edits of the startups' details (pytest-qt,
offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt, qInstallMessageHandler
from PySide6.QtGui import QMouseEvent

from gui import commands as cmd
from gui.views.compare.view import CompareView
from gui.widgets.startup_filter import (
    NO_DECISION,
    StartupFilter,
    StartupFilterBar,
    distinct,
)
from models.core.portfolio import Startup

# The sample's details (resources/sample): region, stage, some tags and the current status.
# s01 栖语科技 Shanghai, Series A, none · s02 Chattersky Beijing, Series B, to-C, passed ·
# s03 Tokenforge Beijing, Series A, to-B, none · s04 Lumenreel Beijing, Series B, screening ·
# s05 听澜科技 Shenzhen, Series A, none · s06 Gearloom Systems Suzhou, Series A, to-B, invested ·
# s07 衡策智能 Hangzhou, Pre-A, to-B, committee · s08 Summitcore AI Beijing, Series C, to-B and
# to-C, none.


@pytest.fixture
def view(compare_view: CompareView) -> CompareView:
    return compare_view


def _ids(view: CompareView) -> set[str]:
    m = view.model
    return {m.ranked(r).startup_id for r in range(m.rowCount())}


def _choose(bar: StartupFilterBar, name: str, value: str) -> None:
    combo = bar.combos[name]
    i = combo.findData(value)
    assert i >= 0, f"{value} not offered for {name}"
    combo.setCurrentIndex(i)


def _tick(bar: StartupFilterBar, tag: str, on: bool = True) -> None:
    action = next(a for a in bar.tags_menu.actions() if a.data() == tag)
    action.setChecked(on)


def test_the_rule_ignores_case_and_spaces_and_wants_every_tag():
    st = Startup(name="Acme", sector="Model API", stage="Series A", region=" Beijing ",
                 tags=["to-B", "API"])
    assert StartupFilter().is_empty() and StartupFilter().mask([st]) is None
    assert StartupFilter(region="beijing", sector="MODEL api").matches(st)
    assert not StartupFilter(region="Shanghai").matches(st)
    assert StartupFilter(tags=frozenset({"to-b", "api"})).matches(st)
    assert not StartupFilter(tags=frozenset({"to-B", "to-C"})).matches(st)
    assert StartupFilter(status=NO_DECISION).matches(st)
    assert not StartupFilter(status="invested").matches(st)
    assert StartupFilter(stage="Seed").mask([st, st]).tolist() == [False, False]
    assert distinct(["b", " B", "a", "", "c "]) == ["a", "b", "c"]


def test_the_bar_offers_the_values_the_startups_have(view, doc):
    bar = view.startups.filters
    texts = lambda name: [bar.combos[name].itemText(i)  # noqa: E731
                          for i in range(bar.combos[name].count())]
    assert texts("region") == ["All regions", "Beijing", "Hangzhou", "Shanghai", "Shenzhen",
                               "Suzhou"]
    assert texts("stage") == ["All stages", "Pre-A", "Series A", "Series B", "Series C"]
    assert texts("status")[:2] == ["All statuses", "No decision yet"]
    tags = [a.data() for a in bar.tags_menu.actions()]
    assert tags == distinct(t for s in doc.portfolio.startups for t in s.tags)
    assert "to-B" in tags and "to-C" in tags
    assert bar.tags_button.text() == "Tags"


def test_filters_keep_the_right_rows_and_the_ranks(view, doc):
    bar, m = view.startups.filters, view.model
    ranks = {m.ranked(r).startup_id: m.ranked(r).rank for r in range(m.rowCount())}
    _choose(bar, "region", "Beijing")
    assert _ids(view) == {"s02", "s03", "s04", "s08"}
    _choose(bar, "stage", "Series A")
    assert _ids(view) == {"s03"}
    assert m.value(0, "rank") == ranks["s03"]  # the rank among all eight
    assert "1 of 8 startups shown" in view.startups.count_label.text()
    bar.clear()
    assert len(_ids(view)) == 8
    _tick(bar, "to-B")
    assert _ids(view) == {"s03", "s06", "s07", "s08"}
    _tick(bar, "to-C")  # both tags
    assert _ids(view) == {"s08"} and bar.tags_button.text() == "Tags: to-B, to-C"
    _tick(bar, "to-C", False)
    _choose(bar, "status", NO_DECISION)
    assert _ids(view) == {"s03", "s08"}
    view.startups.filter_edit.setText("token")  # the text filter on top
    assert _ids(view) == {"s03"}
    view.startups.clear_filters()
    assert len(_ids(view)) == 8 and bar.current().is_empty()


def test_the_map_and_the_tabs_follow_the_filters(view):
    bar = view.startups.filters
    view.show_scenario_deltas("financing_thaw")
    view.scenarios.refresh()
    _choose(bar, "sector", "Industrial AI integration (auto-parts manufacturing)")
    assert [p.startup_id for p in view.map.map_points()] == ["s06"]
    view.uncertainty_panel.compute()
    assert view.uncertainty_panel.model.rowCount() == 1
    assert view.scenarios.model.rowCount() == 1


def test_an_edited_detail_refilters_and_is_offered(view, doc):
    bar = view.startups.filters
    _choose(bar, "region", "Beijing")
    doc.undo_stack.push(cmd.SetStartupField(doc, "s05", "region", "beijing"))
    assert _ids(view) == {"s02", "s03", "s04", "s05", "s08"}  # any case
    doc.undo_stack.push(cmd.SetStartupField(doc, "s03", "region", "Wuhan"))
    assert "s03" not in _ids(view)
    assert bar.combos["region"].findData("Wuhan") > 0
    # the only startup in Suzhou moves: the region is no longer offered nor chosen
    _choose(bar, "region", "Suzhou")
    assert _ids(view) == {"s06"}
    doc.undo_stack.push(cmd.SetStartupField(doc, "s06", "region", "Wuhan"))
    assert bar.combos["region"].findData("Suzhou") < 0
    assert bar.current().region == "" and len(_ids(view)) == 8


def test_the_filter_can_be_set_whole_and_read_back(view):
    bar = view.startups.filters
    wanted = StartupFilter(region="beijing", tags=frozenset({"TO-C"}), status="passed")
    with_signal = []
    bar.changed.connect(lambda: with_signal.append(1))
    bar.set_filter(wanted)
    assert with_signal == [1]
    assert bar.current() == StartupFilter(region="Beijing", tags=frozenset({"to-C"}),
                                          status="passed")
    assert _ids(view) == {"s02"}


def test_ticking_a_tag_keeps_the_menu_open(qtbot, view):
    bar = view.startups.filters
    menu = bar.tags_menu
    action = next(a for a in menu.actions() if a.data() == "to-B")
    previous = None

    def no_grab(mode, context, message):  # the offscreen platform cannot grab the keyboard
        if "grabbing the keyboard" not in message and previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(no_grab)
    try:
        menu.show()
        qtbot.waitExposed(menu)
    finally:
        qInstallMessageHandler(previous)
    menu.setActiveAction(action)
    at = menu.actionGeometry(action).center()
    release = QMouseEvent(QEvent.Type.MouseButtonRelease, QPointF(at), QPointF(at),
                          Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton,
                          Qt.KeyboardModifier.NoModifier)
    menu.mouseReleaseEvent(release)
    assert action.isChecked() and menu.isVisible()
    assert _ids(view) == {"s03", "s06", "s07", "s08"}
    menu.close()
