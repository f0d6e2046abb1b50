"""A long editing session in the framework editor: 500 random edits through its widgets
(pillars and criteria added, removed, moved; texts typed in both languages; weights,
directions and switches), Undo and Redo in between. The draft at the end equals a replay, in
a fresh editor, of the edits the history still holds; and undoing everything gives back the
framework the editor opened on."""

from __future__ import annotations

import random
from collections.abc import Callable

from gui.document import Document
from gui.views.framework.editor_fields import ChoiceField, NumberField, TextPair
from gui.views.framework.editor_window import FrameworkEditor
from models.core.framework_draft import Path

Edit = Callable[[FrameworkEditor], object]


def _items(editor: FrameworkEditor) -> list[Path]:
    draft = editor.holder.draft
    found: list[Path] = []
    for i, pillar in enumerate(draft.get(("pillars",), [])):
        found.append(("pillars", i))
        found += [("pillars", i, "criteria", j) for j in range(len(pillar["criteria"]))]
    return found


def _text_edit(path: Path, lang: str, value: str) -> Edit:
    def edit(editor: FrameworkEditor) -> None:
        editor.tree.select(path[:4] if "criteria" in path else path[:2])
        field = editor.form.field_for(path)
        assert isinstance(field, TextPair)
        widget = field.en if lang == "en" else field.zh
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        else:
            widget.setText(value)
    return edit


def _field_edit(path: Path, value: object) -> Edit:
    def edit(editor: FrameworkEditor) -> None:
        editor.tree.select(path[:-1])
        field = editor.form.field_for(path)
        if isinstance(field, NumberField):
            field.spin.setValue(float(value))  # type: ignore[arg-type]
        elif isinstance(field, ChoiceField):
            field.combo.setCurrentIndex(field.combo.findData(value))
            field.combo.activated.emit(field.combo.currentIndex())
    return edit


def _tree_edit(path: Path, what: str, name: str = "") -> Edit:
    def edit(editor: FrameworkEditor) -> None:
        editor.tree.select(path)
        if what == "pillar":
            editor.tree.add_pillar(name)
        elif what == "criterion":
            editor.tree.add_criterion(name)
        elif what == "remove":
            editor.tree.remove_current()
        else:
            editor.tree.move_current(-1 if what == "up" else 1)
    return edit


def _random_edit(rng: random.Random, editor: FrameworkEditor, n: int) -> Edit:
    items = _items(editor)
    path = rng.choice(items) if items else ()
    roll = rng.random()
    if not path or roll < 0.06:
        return _tree_edit(path, "pillar", f"Pillar {n}")
    if roll < 0.16:
        return _tree_edit(path, "criterion", f"Criterion {n}")
    if roll < 0.22:
        return _tree_edit(path, "remove")
    if roll < 0.34:
        return _tree_edit(path, rng.choice(("up", "down")))
    if roll < 0.42:
        return _field_edit((*path, "weight"), rng.choice((0.5, 1.0, 2.0, 3.5)))
    if roll < 0.48:
        return _field_edit((*path, "direction"), rng.choice(("benefit", "cost")))
    key: Path = ("name",) if len(path) == 2 or rng.random() < 0.3 else (
        ("question",) if rng.random() < 0.3 else ("rubric", rng.randrange(5)))
    return _text_edit((*path, *key), rng.choice(("en", "zh_CN")), f"text {n}")


def test_500_random_edits_with_undo_and_redo_end_as_a_replay(qtbot, doc: Document,
                                                             scripted_ask) -> None:
    rng = random.Random(16)
    editor = FrameworkEditor(doc)
    qtbot.addWidget(editor)
    stack = editor.holder.undo_stack
    steps: list[list[Edit]] = []  # the edits of each step of the history, in order
    undos = redos = 0
    for n in range(500):
        edit = _random_edit(rng, editor, n)
        before, count = editor.holder.draft, stack.count()
        edit(editor)
        editor.holder.end_typing()
        if editor.holder.draft != before:
            assert stack.count() == stack.index() and stack.index() >= 1
            del steps[stack.index() - 1:]
            steps.append([edit])
            assert stack.count() <= count + 1
        for _ in range(rng.choice((0, 0, 0, 1, 2))):
            if rng.random() < 0.6 and stack.canUndo():
                stack.undo()
                undos += 1
            elif stack.canRedo():
                stack.redo()
                redos += 1
    assert undos > 50 and redos > 20
    assert len(steps) == stack.count()

    replay = FrameworkEditor(doc)
    qtbot.addWidget(replay)
    for step in steps[:stack.index()]:
        for edit in step:
            edit(replay)
            replay.holder.end_typing()
    assert replay.holder.draft == editor.holder.draft
    assert [replay.problems_list.item(i).text() for i in range(replay.problems_list.count())] \
        == [editor.problems_list.item(i).text() for i in range(editor.problems_list.count())]
    while stack.canUndo():
        stack.undo()
    assert editor.holder.draft.framework() == doc.framework
    assert not editor.holder.is_modified()
