"""The framework editor's draft and its own undo history: snapshots, typing merged into one
step, a new step after the field is left."""

from __future__ import annotations

import pytest

from gui.views.framework.draft_holder import DraftHolder
from models.core.framework_draft import FrameworkDraft
from models.files.framework_file import default_framework

LEVEL = ("pillars", 0, "criteria", 1, "rubric", 0, "en")
NAME = ("pillars", 1, "name", "zh_CN")


@pytest.fixture
def holder(qapp) -> DraftHolder:
    return DraftHolder(FrameworkDraft.from_framework(default_framework()), lang="en")


def type_into(holder: DraftHolder, path: tuple[str | int, ...], words: str) -> None:
    start = holder.draft.get(path)
    for n in range(1, len(words) + 1):
        holder.edit(holder.draft.with_value(path, start + words[:n]), lambda: "Edit text")


def test_each_edit_is_a_step_and_undo_shows_the_draft_before(holder):
    first = holder.draft
    seen: list[object] = []
    holder.changed.connect(lambda: seen.append(holder.draft))
    moved = first.with_moved(("pillars",), 4, 0)
    holder.edit(moved, lambda: "Move up Capital resilience")
    heavier = moved.with_value(("pillars", 0, "weight"), 2.0)
    holder.edit(heavier, lambda: "Weight")
    assert holder.undo_stack.count() == 2 and holder.is_modified()
    assert holder.undo_stack.undoText() == "Weight"
    holder.undo_stack.undo()
    assert holder.draft is moved
    holder.undo_stack.undo()
    assert holder.draft is first and not holder.is_modified()
    holder.undo_stack.redo()
    holder.undo_stack.redo()
    assert holder.draft is heavier
    assert seen == [moved, heavier, moved, first, moved, heavier]
    holder.edit(heavier, lambda: "Nothing")  # the same draft again: no step
    assert holder.undo_stack.count() == 2


def test_typing_in_one_field_is_one_step(holder):
    before = holder.draft.get(LEVEL)
    type_into(holder, LEVEL, " today")
    assert holder.draft.get(LEVEL) == before + " today"
    assert holder.undo_stack.count() == 1
    type_into(holder, NAME, "（二）")
    assert holder.undo_stack.count() == 2
    holder.undo_stack.undo()
    assert holder.draft.get(NAME) == "技术门槛"
    holder.undo_stack.undo()
    assert holder.draft.get(LEVEL) == before


def test_a_field_left_and_typed_in_again_is_a_new_step(holder):
    type_into(holder, LEVEL, "ab")
    holder.end_typing()
    type_into(holder, LEVEL, "cd")
    assert holder.undo_stack.count() == 2
    holder.undo_stack.undo()
    assert holder.draft.get(LEVEL).endswith("ab")


def test_typed_and_erased_again_leaves_no_step(holder):
    before = holder.draft.get(LEVEL)
    type_into(holder, LEVEL, "x")
    holder.edit(holder.draft.with_value(LEVEL, before), lambda: "Edit text")
    assert holder.undo_stack.count() == 0
    assert holder.draft.get(LEVEL) == before


def test_saved_marks_the_draft_clean(holder):
    type_into(holder, LEVEL, "z")
    holder.mark_saved()
    assert not holder.is_modified()
    holder.undo_stack.undo()
    assert holder.is_modified()
