"""The migration preview says in words what else changes besides the criteria added, removed
or renamed: a version that turns a criterion's direction, raises its weight and gives a rubric
level another meaning keeps every criterion, and the scores kept now count under the new
meaning, so the preview lists those changes (in the framework's language), as it does the
criteria added, removed and renamed; a move to the same content under another id shows no
such list."""

from __future__ import annotations

from gui.migration_preview import MigrationDialog
from models.core.framework import Framework
from models.engine.migration_plan import plan_migration
from tests.domain.test_framework_migration import traction_framework


def _turned(fw: Framework) -> Framework:
    data = fw.model_dump(mode="json")
    data["version"] = "1.1.0"
    focus = data["pillars"][0]["criteria"][0]
    focus["direction"], focus["weight"] = "cost", 5
    focus["rubric"][2]["zh_CN"] = "细分市场只是猜测"
    return Framework.model_validate(data)


def test_the_preview_lists_what_changed_in_words(qtbot, doc):  # type: ignore[no-untyped-def]
    dialog = MigrationDialog(None, plan_migration(doc.portfolio, _turned(doc.framework)), "en")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.criteria_table.rowCount() == 0
    assert [dialog.changes.item(i).text() for i in range(dialog.changes.count())] == [
        "Rubric level 3 of Segment focus reworded (Chinese text)",
        "Weight of criterion Segment focus 1 → 5",
        "Direction of criterion Segment focus higher is better → higher is worse"]
    assert dialog.changes.isVisible()
    chinese = MigrationDialog(None, plan_migration(doc.portfolio, _turned(doc.framework)),
                              "zh_CN")
    qtbot.addWidget(chinese)
    assert chinese.changes.item(1).text() == "标准“细分聚焦”的权重 1 → 5"


def test_criteria_added_removed_and_renamed_are_said_in_words_too(qtbot, doc):  # type: ignore[no-untyped-def]
    new = traction_framework(doc.framework)
    dialog = MigrationDialog(None, plan_migration(doc.portfolio, new), "en")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.criteria_table.rowCount() == 5  # a pillar and two criteria added, …
    assert [dialog.changes.item(i).text() for i in range(dialog.changes.count())] == [
        "Criterion Dirty work renamed Dirty work done",
        "Criterion Immaturity edge (tech.immaturity_edge) removed from pillar Technology "
        "threshold", "Pillar Traction added with criteria Revenue growth, Retention"]


def test_a_move_changing_nothing_else_shows_no_list(qtbot, doc):  # type: ignore[no-untyped-def]
    data = doc.framework.model_dump(mode="json")
    data["id"], data["version"] = "custom.same", "1.0.0"
    dialog = MigrationDialog(None, plan_migration(doc.portfolio,
                                                  Framework.model_validate(data)), "en")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.changes.count() == 0 and not dialog.changes.isVisible()
