"""The migration preview: what moving the portfolio to another framework does, shown before
anything changes; confirming is one undoable step, whose undo brings the removed scores back,
and on a workspace the change log keeps every removed score."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from gui.views.framework.migration_dialog import MigrationDialog, migrate
from gui.views.framework.view import FrameworkView
from models.engine.migration_plan import plan_migration
from models.files.framework_file import save_framework
from models.store.changelog import Kind
from models.store.workspace import Workspace
from tests.domain.test_framework_migration import GONE, STARTUP, traction_framework


@pytest.fixture
def new_fw(doc):
    return traction_framework(doc.framework)


def _scores(portfolio):
    return {a.id: dict(a.scores) for _, a in portfolio.assessments()}


def test_the_preview_lists_the_changes_and_each_startup_before_and_after(qtbot, doc, new_fw):
    dialog = MigrationDialog(None, plan_migration(doc.portfolio, new_fw), "en")
    qtbot.addWidget(dialog)
    table = dialog.criteria_table
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows == [
        ["Pillar added", "Traction", "", ""],
        ["Renamed (scores kept)", "Dirty work → Dirty work done", "Niche position", "13"],
        ["Removed (scores leave the assessments)", "Immaturity edge", "Technology threshold",
         "13"],
        ["Added (unscored)", "Revenue growth", "Traction", "—"],
        ["Added (unscored)", "Retention", "Traction", "—"]]
    assert "13 scores of removed criteria leave" in dialog.summary.text()
    assert "1.0.0" in dialog.heading.text() and "2.0.0" in dialog.heading.text()
    row = dialog.column(0).index(STARTUP)
    # by hand (tests/domain/test_framework_migration.py): 59.25 → 58.0, halves away from 0
    assert [dialog.column(c)[row] for c in (1, 2, 3, 4, 7, 8)] == [
        "1.0.0", "59.3", "58.0", "−1.3", "100%", "83%"]
    assert dialog.column(5) == [str(r) for r in range(1, 9)]  # by rank at first
    dialog.startup_table.sortByColumn(4, Qt.SortOrder.AscendingOrder)
    changes = [float(t.replace("−", "-")) for t in dialog.column(4)]
    assert changes == sorted(changes) and changes[0] < 0 < changes[-1]


def test_cancel_changes_nothing(qtbot, doc, new_fw, scripted_ask):
    old, scores = doc.framework, _scores(doc.portfolio)
    assert not migrate(None, doc, new_fw)
    assert doc.framework is old and _scores(doc.portfolio) == scores
    assert doc.undo_stack.count() == 0 and len(scripted_ask.migration_dialogs) == 1


def test_the_same_framework_is_no_migration(qtbot, doc, scripted_ask):
    assert not migrate(None, doc, doc.framework)
    assert scripted_ask.migration_dialogs == []
    assert any("already uses exactly this framework" in t for k, t in scripted_ask.asked)


def test_the_same_framework_with_a_changelog_is_no_migration(qtbot, doc, scripted_ask):
    """A portfolio holding the shipped framework as read from an older file (no changelog)
    already uses the shipped one: same id, version and content."""
    shipped = doc.framework
    assert shipped.changelog
    doc.apply_framework(shipped.model_copy(update={"changelog": []}))
    assert doc.framework != shipped
    assert not migrate(None, doc, shipped)
    assert scripted_ask.migration_dialogs == []
    assert any("already uses exactly this framework" in t for k, t in scripted_ask.asked)


def test_confirming_migrates_in_one_undoable_step(qtbot, doc, new_fw, scripted_ask):
    old, scores = doc.framework, _scores(doc.portfolio)
    scripted_ask.queue("migration", True)
    assert migrate(None, doc, new_fw)
    assert doc.framework == new_fw and doc.undo_stack.count() == 1
    assert doc.undo_stack.text(0) == "Migrate to the framework Beachhead: LLM startups " \
                                     "against the incumbents 2.0.0"
    assert _scores(doc.portfolio) == {aid: {k: v for k, v in s.items() if k != GONE}
                                      for aid, s in scores.items()}
    row = next(r for r in doc.results() if r.startup == STARTUP and r.role == "investor")
    assert row.overall == pytest.approx(58.0)
    doc.undo_stack.undo()
    assert doc.framework == old and _scores(doc.portfolio) == scores
    doc.undo_stack.redo()
    assert doc.framework == new_fw


def test_load_framework_previews_a_framework_lacking_scored_criteria(window, scripted_ask,
                                                                    new_fw, tmp_path):
    """Through the Framework view's Load, on a workspace: the change log keeps each score
    the migration took out, and undo puts them back."""
    doc = window.doc
    window.ensure_framework_view()
    view = window.framework_view
    assert isinstance(view, FrameworkView)
    path = tmp_path / "traction.json"
    save_framework(new_fw, path)
    scores = _scores(doc.portfolio)
    assert not view.files.load(str(path))  # the preview cancelled
    assert _scores(doc.portfolio) == scores
    scripted_ask.queue("migration", True)
    assert view.files.load(str(path))
    assert doc.framework == new_fw and "2.0.0" in view.identity_label.text()
    with Workspace.open(doc.path) as ws:  # another connection reads what was written
        assert ws.framework() == new_fw
        gone = [c for c in ws.changes() if c.kind == Kind.SCORE_REMOVE]
        assert len(gone) == 13 and {c.criterion_id for c in gone} == {GONE}
        now = ws.load()
    assert _scores(now) == {aid: {k: v for k, v in s.items() if k != GONE}
                            for aid, s in scores.items()}
    doc.undo_stack.undo()
    with Workspace.open(doc.path) as ws:
        assert _scores(ws.load()) == scores
        assert [c.kind for c in ws.changes(limit=1)] == [Kind.SCORE_RESTORE]
