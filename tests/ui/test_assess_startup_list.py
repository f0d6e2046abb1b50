"""The Assess view's startup list sorted and filtered (pytest-qt, offscreen, on a workspace
file holding the five startups of :mod:`tests.ui.assess_portfolio`, whose overall scores are
worked out there by hand): each sort gives the names in the expected order, the filters by
sector, stage, region, tags and status keep the right ones, and rows move and hide as the
startups change."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui import commands as cmd
from gui.tables.roles import OverallRole
from gui.views.assess.startup_pane import ListState
from gui.widgets.startup_filter import NO_DECISION, StartupFilter
from tests.ui.assess_portfolio import OVERALL, open_view


@pytest.fixture
def opened(qtbot, tmp_path):
    yield from open_view(qtbot, tmp_path)


def names(view) -> list[str]:
    proxy = view.proxy
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def choose(view, name: str, value: str) -> None:
    """Pick ``value`` in the filter bar's drop-down ``name`` (sector, stage, region, status)."""
    combo = view.startup_pane.filter_bar.combos[name]
    i = combo.findData(value)
    assert i > 0, f"{value!r} is not offered by the {name} filter"
    combo.setCurrentIndex(i)


def test_each_sort_gives_the_startups_in_order(opened):
    view, _doc = opened
    pane = view.startup_pane
    assert names(view) == ["Cobalt", "Ember", "Atlas", "Borealis", "Dynamo"]  # as added
    pane.set_sort("overall")
    # 100, 79.2, 50, 4.2; Ember's 83.3 is gated by its deal-breaker: last
    assert names(view) == ["Atlas", "Dynamo", "Cobalt", "Borealis", "Ember"]
    shown = [view.proxy.index(r, 0).data(OverallRole) for r in range(5)]
    assert shown == pytest.approx([OVERALL[n] for n in names(view)])
    pane.set_sort("name")
    assert names(view) == ["Atlas", "Borealis", "Cobalt", "Dynamo", "Ember"]
    pane.set_sort("status")  # screening, diligence (by rank), passed, then no decision
    assert names(view) == ["Dynamo", "Atlas", "Ember", "Borealis", "Cobalt"]
    pane.set_sort("date")  # the latest assessment, newest first
    assert names(view) == ["Dynamo", "Atlas", "Cobalt", "Borealis", "Ember"]
    pane.set_sort("order")
    assert names(view) == ["Cobalt", "Ember", "Atlas", "Borealis", "Dynamo"]
    with pytest.raises(ValueError, match="unknown sort"):
        pane.set_sort("size")


def test_sorted_by_overall_and_filtered_by_sector_and_status(opened):
    view, _doc = opened
    pane = view.startup_pane
    pane.set_sort("overall")
    pane.filters_button.setChecked(True)
    assert pane.filter_bar.isVisible()
    choose(view, "sector", "Legal AI")  # "legal ai" (Dynamo's) is the same sector
    assert names(view) == ["Atlas", "Dynamo", "Cobalt"]
    assert pane.count_label.text() == "3 of 5 startups shown"
    assert pane.count_label.isVisible() and pane.show_all_button.isVisible()
    assert pane.filters_button.text() == "Filters (1)"
    choose(view, "status", "diligence")
    assert names(view) == ["Atlas"]
    assert pane.filters_button.text() == "Filters (2)"
    choose(view, "status", NO_DECISION)
    assert names(view) == ["Cobalt"]
    pane.show_all_button.click()
    assert names(view) == ["Atlas", "Dynamo", "Cobalt", "Borealis", "Ember"]
    assert not pane.count_label.isVisible()
    assert pane.filters_button.text() == "Filters"


def test_filters_by_stage_region_and_tags(opened):
    view, _doc = opened
    bar = view.startup_pane.filter_bar
    choose(view, "stage", "Seed")
    assert names(view) == ["Ember", "Atlas", "Dynamo"]
    choose(view, "region", "Shanghai")
    assert names(view) == ["Ember", "Atlas", "Dynamo"]
    bar.clear()
    choose(view, "region", "Beijing")
    assert names(view) == ["Cobalt", "Borealis"]
    bar.set_filter(StartupFilter(tags=frozenset({"b2b"})))  # "B2B" is the same tag
    assert names(view) == ["Cobalt", "Atlas", "Dynamo"]
    bar.set_filter(StartupFilter(tags=frozenset({"b2b", "saas"})))  # every tag ticked
    assert names(view) == ["Cobalt"]
    view.filter_edit.setText("dyn")
    assert names(view) == []
    bar.clear()
    assert names(view) == ["Dynamo"]


def test_rows_move_and_hide_as_the_startups_change(opened):
    view, doc = opened
    pane = view.startup_pane
    pane.set_sort("overall")
    choose(view, "status", "diligence")
    view.select_startup("s-Atlas")
    assert names(view) == ["Atlas", "Ember"]
    # Cobalt to diligence: shown, in its place by overall
    doc.undo_stack.push(cmd.SetDecisions(doc, "s-Cobalt", [
        *doc.startup("s-Cobalt").decisions,
        doc.startup("s-Atlas").decisions[-1].model_copy()]))
    assert names(view) == ["Atlas", "Cobalt", "Ember"]
    # Cobalt scored 5 on a.y: a (0.5 + 3) / 4 = 87.5, b 50 -> 75: still after Atlas
    doc.undo_stack.push(cmd.SetScoreField(doc, "a-Cobalt", "a.y", "value", 5))
    assert view.proxy.index(1, 0).data(OverallRole) == pytest.approx(75.0)
    # Atlas's a.x and a.y at 1: a 0, b 100 -> 33.3: below Cobalt now
    doc.undo_stack.push(cmd.SetScoreField(doc, "a-Atlas", "a.x", "value", 1))
    doc.undo_stack.push(cmd.SetScoreField(doc, "a-Atlas", "a.y", "value", 1))
    assert names(view) == ["Cobalt", "Atlas", "Ember"]
    # the filters stay as chosen when the startup on screen leaves the list: it stays on
    # screen, with no row current
    doc.undo_stack.push(cmd.SetDecisions(doc, "s-Atlas", []))
    assert names(view) == ["Cobalt", "Ember"]
    assert pane.filter_bar.current().status == "diligence"
    assert view.current_startup().id == "s-Atlas"
    assert not view.list_view.currentIndex().isValid()
    # shown again, it is the current row again
    pane.filter_bar.clear()
    assert view.list_view.currentIndex().data() == "Atlas"
    choose(view, "region", "Beijing")  # hidden by a filter chosen: the same
    assert names(view) == ["Cobalt", "Borealis"]
    assert view.current_startup().id == "s-Atlas"
    assert not view.list_view.currentIndex().isValid()
    # choosing a startup the filters hide shows it: the filters are cleared
    view.select_startup("s-Ember")
    assert pane.filter_bar.current().is_empty()
    assert view.list_view.currentIndex().data() == "Ember"
    # a click on a row chooses its startup
    view.list_view.setCurrentIndex(view.proxy.index(names(view).index("Dynamo"), 0))
    assert view.current_startup().id == "s-Dynamo"


def test_the_choices_are_kept_when_the_view_is_built_again(opened, qtbot):
    from gui.views.assess.view import AssessView

    view, doc = opened
    pane = view.startup_pane
    pane.set_sort("date")
    choose(view, "region", "Shanghai")
    pane.filters_button.setChecked(True)
    view.filter_edit.setText("a")
    state = pane.state()
    assert state == ListState("a", "date", StartupFilter(region="Shanghai"), True)
    again = AssessView(doc)
    qtbot.addWidget(again)
    again.startup_pane.set_state(state)
    assert names(again) == ["Dynamo", "Atlas"]  # Shanghai, with an "a", newest first
    assert again.startup_pane.state() == state


def test_the_tooltip_tells_tags_and_the_latest_assessment(opened):
    view, _doc = opened
    tip = view.model.index(view.model.row_of("s-Cobalt")).data(Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == [
        "Cobalt", "Legal AI · Series A · Beijing", "Rank 3 of 5", "Alpha: 50.0",
        "Beta (100 = least): 50.0", "Tags: b2b, saas", "Latest assessment: 2025-02-15"]
