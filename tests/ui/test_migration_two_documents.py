"""Two documents (two windows, or a window and another program) on one workspace file, one
migrating the portfolio to a framework that lacks a criterion the other has just scored:
the migration takes out the scores the file holds, and its undo puts back those (the other
window's level, its new assessment's score), never the stale copies of the window that
migrated; a startup the other window removed meanwhile does not stop the undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from gui import commands as cmd
from gui.document import Document
from gui.migrate_command import MigrateFramework
from models.core.portfolio import Assessment, Score
from models.engine.sample import sample_portfolio
from models.store.workspace import Workspace
from tests.domain.test_framework_migration import GONE, traction_framework
from tests.workspaces import read_back

AID = "s01-investor"


@pytest.fixture
def two(qapp, tmp_path: Path) -> Iterator[tuple[Document, Document, Path]]:  # type: ignore[no-untyped-def]
    path = tmp_path / "w.beachhead"
    Workspace.create(path, sample_portfolio()).close()
    ann, bo = Document.open(path, who="Ann"), Document.open(path, who="Bo")
    yield ann, bo, path
    ann.close()
    bo.close()


def _score(path: Path, aid: str, cid: str) -> Score | None:
    return {a.id: a for _, a in read_back(path).assessments()}[aid].scores.get(cid)


def test_undoing_a_migration_gives_back_the_level_another_window_wrote(two):
    ann, bo, path = two
    assert _score(path, AID, GONE).value == 4  # type: ignore[union-attr]
    bo.undo_stack.push(cmd.SetScoreField(bo, AID, GONE, "value", 1))
    ann.undo_stack.push(MigrateFramework(ann, traction_framework(ann.framework)))
    assert _score(path, AID, GONE) is None
    ann.undo_stack.undo()
    assert read_back(path).framework == bo.framework
    assert _score(path, AID, GONE).value == 1  # type: ignore[union-attr]  # Bo's, not 4


def test_undoing_a_migration_gives_back_the_score_of_an_assessment_added_meanwhile(two):
    ann, bo, path = two
    added = Assessment(id="s01-second", assessor="Bo", role="investor",
                       date=dt.date(2024, 12, 1), scores={GONE: Score(value=2)})
    bo.undo_stack.push(cmd.AddAssessment(bo, "s01", added))
    ann.undo_stack.push(MigrateFramework(ann, traction_framework(ann.framework)))
    assert _score(path, "s01-second", GONE) is None
    ann.undo_stack.undo()
    assert _score(path, "s01-second", GONE) == Score(value=2)


def test_undoing_a_migration_after_another_window_removed_a_startup(two):
    ann, bo, path = two
    before = {a.id: dict(a.scores) for _, a in read_back(path).assessments()}
    ann.undo_stack.push(MigrateFramework(ann, traction_framework(ann.framework)))
    bo.watch.poll()  # Bo's window takes the migration in
    bo.undo_stack.push(cmd.RemoveStartup(bo, "s02"))
    refused: list[str] = []
    ann.writeRefused.connect(refused.append)
    ann.undo_stack.undo()
    assert refused == []
    back = read_back(path)
    assert back.framework == sample_portfolio().framework
    assert {a.id: dict(a.scores) for _, a in back.assessments()} == {
        aid: scores for aid, scores in before.items() if not aid.startswith("s02-")}
    assert ann.undo_stack.canRedo()
