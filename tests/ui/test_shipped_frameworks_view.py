"""The Framework view's Shipped Frameworks menu: every framework Beachhead ships, each moving
the portfolio to it after the migration preview, as one undoable step (pytest-qt,
offscreen)."""

from __future__ import annotations

import pytest

from gui.commands import ChangeFramework
from gui.views.framework.view import FrameworkView
from models.files.framework_file import default_framework, shipped_frameworks

TRACTION = "beachhead.llm-startups-traction"


@pytest.fixture
def view(qtbot, doc, scripted_ask) -> FrameworkView:
    v = FrameworkView(doc)
    qtbot.addWidget(v)
    v.resize(1280, 800)
    return v


def _action(view, framework_id):
    return next(a for a in view.shipped_button.menu().actions() if a.data() == framework_id)


def test_the_menu_lists_every_shipped_framework(view):
    actions = view.shipped_button.menu().actions()
    assert [a.data() for a in actions] == [f.id for f in shipped_frameworks()]
    assert actions[1].text() == ("Beachhead with traction: LLM startups against the "
                                 f"incumbents ({TRACTION} 1.0.0)")
    assert view.shipped_button.accessibleName() == "Shipped Frameworks"
    assert view.shipped_button.toolTip().startswith("Shipped frameworks: move this portfolio")


def test_choosing_one_migrates_after_the_preview_and_undoes(view, doc, scripted_ask):
    before = {r.assessment_id: r.pillars["niche"] for r in doc.results()}
    scripted_ask.queue("migration", False)
    _action(view, TRACTION).trigger()
    assert doc.framework == default_framework() and doc.undo_stack.count() == 0
    scripted_ask.queue("migration", True)
    _action(view, TRACTION).trigger()
    assert doc.framework.id == TRACTION and doc.undo_stack.count() == 1
    assert [c.id for c in doc.framework.pillar("traction").criteria] == [
        "traction.revenue_growth", "traction.retention", "traction.usage_depth"]
    after = doc.results()
    assert {r.assessment_id: r.pillars["niche"] for r in after} == before
    assert all(r.pillars["traction"] is None for r in after)
    assert not view.files.is_modified()
    assert TRACTION in view.identity_label.text()
    doc.undo_stack.undo()
    assert doc.framework == default_framework()


def test_a_shipped_framework_with_other_weights_is_modified(view, doc, scripted_ask):
    scripted_ask.queue("migration", True)
    assert view.files.load_shipped(TRACTION)
    assert not view.files.is_modified()
    shipped = doc.framework
    heavier = shipped.with_weights(pillar_weights={"traction": 2.0})
    # a change in the window makes the next version: its identity is its own
    doc.undo_stack.push(ChangeFramework(doc, heavier, "weight", {"en": "Traction"}))
    assert (doc.framework.id, doc.framework.version) == (TRACTION, "1.1.0")
    assert not view.files.is_modified()
    # other weights under the shipped id and version (a portfolio saved before that rule)
    doc.apply_framework(heavier)
    assert view.files.is_modified()
