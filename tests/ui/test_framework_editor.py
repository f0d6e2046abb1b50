"""The framework editor driven through its widgets: a pillar with two criteria added to the
shipped framework in both languages, a rubric level reworded, each undone and redone;
problems shown on their field and in the list, blocking Save As and Use in Portfolio until
solved; saving as the next version; opening from the Framework view."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from gui.document import Document
from gui.views.framework.editor_fields import TextPair
from gui.views.framework.editor_window import FrameworkEditor
from models.files.framework_file import default_framework, load_framework

LEVEL_3 = ("pillars", 0, "criteria", 0, "rubric", 2)


@pytest.fixture
def editor(qtbot, doc: Document, scripted_ask) -> FrameworkEditor:  # type: ignore[no-untyped-def]
    e = FrameworkEditor(doc)
    qtbot.addWidget(e)
    e.resize(1280, 800)
    e.show()
    return e


def text_field(editor: FrameworkEditor, path: tuple[str | int, ...]) -> TextPair:
    """The text field of ``path`` (the item shown first)."""
    editor.go_to(path)
    field = editor.form.field_for(path)
    assert isinstance(field, TextPair), path
    return field


def write(editor: FrameworkEditor, path: tuple[str | int, ...], en: str, zh: str) -> None:
    """Write a text in both languages into its field, as typed."""
    field = text_field(editor, path)
    for widget, value in ((field.en, en), (field.zh, zh)):
        if hasattr(widget, "setPlainText"):
            widget.setPlainText(value)
        else:
            widget.setText(value)
        editor.holder.end_typing()


def add_traction(editor: FrameworkEditor) -> None:
    """The pillar Traction with Revenue growth and Gross margin, every text in both
    languages."""
    editor.tree.select(("pillars", 4))
    assert editor.tree.add_pillar("Traction")
    pillar = ("pillars", 5)
    assert editor.tree.current_path() == pillar and editor.form.path == pillar
    write(editor, (*pillar, "name"), "Traction", "牵引力")
    write(editor, (*pillar, "description"), "Paying customers, and how fast they grow",
          "付费客户及其增长速度")
    for j, (name, zh) in enumerate((("Revenue growth", "收入增长"), ("Gross margin", "毛利率"))):
        editor.tree.select(pillar if j == 0 else (*pillar, "criteria", 0))
        assert editor.tree.add_criterion(name)
        crit = (*pillar, "criteria", j)
        assert editor.form.path == crit
        write(editor, (*crit, "name"), name, zh)
        write(editor, (*crit, "question"), f"How strong is {name.lower()}?", f"{zh}有多强？")
        for k in range(5):
            write(editor, (*crit, "rubric", k), f"{name} at level {k + 1}", f"{zh}：第 {k + 1} 级")


def test_a_pillar_with_two_criteria_added_in_both_languages(editor: FrameworkEditor):
    add_traction(editor)
    draft = editor.holder.draft
    assert draft.problems() == [] and draft.missing_translations() == []
    fw = draft.framework()
    assert fw is not None and len(fw.criteria) == 20
    assert [c.id for c in fw.pillar("traction").criteria] == [
        "traction.revenue_growth", "traction.gross_margin"]
    crit = fw.criterion("traction.gross_margin")
    assert crit.rubric[4] == {"en": "Gross margin at level 5", "zh_CN": "毛利率：第 5 级"}
    assert crit.question["zh_CN"] == "毛利率有多强？"
    assert editor.save_button.isEnabled() and editor.use_button.isEnabled()
    assert [editor.tree.tree.topLevelItem(5).child(j).text(0) for j in range(2)] == [
        "Revenue growth", "Gross margin"]
    # each is added with its English name; then its Chinese name and its other texts in
    # two languages: the pillar's description, a criterion's question and five levels
    assert editor.holder.undo_stack.count() == (1 + 1 + 2) + 2 * (1 + 1 + 6 * 2)
    stack = editor.holder.undo_stack
    stack.undo()  # the Chinese of level 5 of Gross margin
    assert editor.holder.draft.get((*crit_path(1), "rubric", 4, "zh_CN")) == ""
    missing = text_field(editor, (*crit_path(1), "rubric", 4))
    assert missing.missing_chinese() and missing.marker.toolTip() == (
        "The Simplified Chinese text is missing")
    stack.redo()
    assert not missing.missing_chinese()
    while stack.canUndo():
        stack.undo()
    assert editor.holder.draft.framework() == default_framework()
    assert editor.tree.tree.topLevelItemCount() == 5
    while stack.canRedo():
        stack.redo()
    assert editor.holder.draft.framework() == fw


def crit_path(j: int) -> tuple[str | int, ...]:
    return ("pillars", 5, "criteria", j)


def test_a_rubric_level_reworded_by_typing_is_one_step(editor: FrameworkEditor):
    field = text_field(editor, LEVEL_3)
    before = editor.holder.draft.get((*LEVEL_3, "en"))
    field.en.setFocus()
    field.en.moveCursor(field.en.textCursor().MoveOperation.End)
    QTest.keyClicks(field.en, " (named in writing)")
    after = before + " (named in writing)"
    assert editor.holder.draft.get((*LEVEL_3, "en")) == after
    assert editor.holder.undo_stack.count() == 1
    assert "unsaved changes" in editor.windowTitle()
    QTest.keyClick(field.en, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.holder.draft.get((*LEVEL_3, "en")) == before
    assert field.en.toPlainText() == before
    assert "unsaved changes" not in editor.windowTitle()
    QTest.keyClick(field.en, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier |
                   Qt.KeyboardModifier.ShiftModifier)
    assert field.en.toPlainText() == after
    fw = editor.holder.draft.framework()
    assert fw is not None and fw.criteria[0].rubric[2]["en"] == after


def test_invalid_states_are_shown_in_place_and_block_saving(editor: FrameworkEditor):
    level_4 = ("pillars", 1, "criteria", 2, "rubric", 3)
    write(editor, level_4, "", editor.holder.draft.get((*level_4, "zh_CN")))
    field = text_field(editor, level_4)
    assert field.en.property("problem") is True and field.zh.property("problem") is False
    assert field.message.isVisible() and field.message.text() == "The English text is empty"
    assert not editor.save_button.isEnabled() and not editor.use_button.isEnabled()
    assert editor.save_as(as_new=False) is False
    editor.tree.select(("pillars", 4))
    editor.tree.add_pillar("Regulation")
    rows = [editor.problems_list.item(i).text() for i in range(editor.problems_list.count())]
    assert rows == [
        "Technology threshold › Immaturity edge › Level 4 (English): The English text is empty",
        "Regulation › Description (English): The English text is empty",
        "Regulation › Criteria: This pillar has no criterion: add one or remove the pillar"]
    page = editor.form.pillar_page
    assert page.item_problem.isVisible()
    assert page.item_problem.text() == "This pillar has no criterion: add one or remove the pillar"
    assert editor.tree.tree.topLevelItem(5).foreground(0).color().name() == "#a4262c"
    # clicking the first problem goes to its field
    editor.problems_list.itemClicked.emit(editor.problems_list.item(0))
    assert editor.form.path == ("pillars", 1, "criteria", 2)
    assert editor.tree.current_path() == ("pillars", 1, "criteria", 2)
    assert editor.form.field_for(level_4) is field and field.en.hasFocus()
    write(editor, level_4, "Written again", "再写一次")
    editor.tree.select(("pillars", 5))
    assert editor.tree.remove_current()
    assert editor.holder.draft.problems() == []
    assert editor.problems_list.count() == 0 and not field.message.isVisible()
    assert editor.save_button.isEnabled() and editor.use_button.isEnabled()


def test_save_as_the_next_version_and_as_a_new_framework(editor: FrameworkEditor, scripted_ask,
                                                         tmp_path: Path):
    add_traction(editor)
    target = tmp_path / "traction.json"
    scripted_ask.queue("save_file", str(target))
    assert editor.save_as(as_new=False)
    saved = load_framework(target)
    assert (saved.id, saved.version) == ("beachhead.llm-startups", "2.0.0")
    entry = saved.changelog[-1]
    assert (entry.version, entry.kind) == ("2.0.0", "major")
    assert entry.summary["en"].startswith("Pillar Traction added")
    assert editor.windowTitle().endswith("(beachhead.llm-startups 2.0.0)")
    assert editor.holder.draft.framework() == saved
    write(editor, (*LEVEL_3, ), "Reworded once more", "再次改写")
    second = tmp_path / "own.json"
    scripted_ask.queue("save_file", str(second))
    assert editor.save_as("Traction first", as_new=True)
    own = json.loads(second.read_text(encoding="utf-8"))
    assert (own["id"], own["version"]) == ("custom.traction-first", "1.0.0")
    assert [e["version"] for e in own["changelog"]] == ["1.0.0"]
    assert own["changelog"][0]["summary"]["en"].startswith(
        "Based on beachhead.llm-startups 2.0.0; Rubric level 3 of Segment focus reworded")


def test_use_in_portfolio_migrates_after_the_preview(editor: FrameworkEditor, scripted_ask,
                                                     doc: Document):
    add_traction(editor)
    scripted_ask.queue("migration", True)
    assert editor.use_in_portfolio()
    assert (doc.framework.id, doc.framework.version) == ("beachhead.llm-startups", "2.0.0")
    assert doc.framework.pillar("traction").criteria[1].name["zh_CN"] == "毛利率"
    assert len(scripted_ask.migration_dialogs) == 1
    assert not editor.holder.is_modified()


def test_the_framework_view_opens_the_editor(qtbot, doc: Document, scripted_ask):  # type: ignore[no-untyped-def]
    from gui.views.framework.view import FrameworkView

    view = FrameworkView(doc)
    qtbot.addWidget(view)
    view.edit_button.click()
    editor = view.framework_editor  # type: ignore[attr-defined]
    assert isinstance(editor, FrameworkEditor) and editor.isVisible()
    assert view.edit_framework() is editor  # the open one, raised
    assert editor.windowTitle() == ("Framework Editor — Beachhead: LLM startups against the "
                                    "incumbents (beachhead.llm-startups 1.0.0)")
    editor.close()


def test_rename_in_place_and_moves_keep_ids(editor: FrameworkEditor):
    item = editor.tree.tree.topLevelItem(1).child(0)
    item.setText(0, "Replication threshold")
    draft = editor.holder.draft
    assert draft.get(("pillars", 1, "criteria", 0, "name")) == {
        "en": "Replication threshold", "zh_CN": "技术门槛"}
    assert draft.get(("pillars", 1, "criteria", 0, "id")) == "tech.threshold"
    assert editor.holder.undo_stack.undoText() == (
        "Rename Technology threshold to Replication threshold")
    editor.tree.select(("pillars", 1, "criteria", 0))
    assert editor.tree.move_current(1) and not editor.tree.move_current(5)
    assert editor.tree.current_path() == ("pillars", 1, "criteria", 1)
    assert editor.form.path == ("pillars", 1, "criteria", 1)
    assert [c["id"] for c in editor.holder.draft.get(("pillars", 1, "criteria"))][:2] == [
        "tech.disruption", "tech.threshold"]
    assert editor.holder.undo_stack.undoText() == "Move Replication threshold down"


def test_the_save_choice_says_the_next_version(editor: FrameworkEditor):
    from gui.views.framework.editor_release import SaveChoice

    dialog = SaveChoice(editor, default_framework(), "1.1.0", "en")
    assert dialog.next_version.text() == "A new version of beachhead.llm-startups: 1.0.0 → 1.1.0"
    assert dialog.choice() is None
    dialog.name.setText("")
    QTest.keyClicks(dialog.name, "Our framework")
    assert dialog.new_framework.isChecked() and dialog.choice() == "Our framework"


def test_a_removed_criterion_shows_the_rules_naming_it(editor: FrameworkEditor):
    editor.tree.select(("pillars", 0, "criteria", 0))
    assert editor.tree.remove_current()
    rows = [editor.problems_list.item(i).text() for i in range(editor.problems_list.count())]
    assert len(rows) == 3 and rows[0].endswith(
        "Condition 2: 'criterion:niche.segment_focus' names no criterion of this framework")
    assert not editor.save_button.isEnabled()
    editor.problems_list.itemClicked.emit(editor.problems_list.item(2))
    assert editor.tabs.currentWidget() is editor.rules_panel
    editor.holder.undo_stack.undo()
    assert editor.problems_list.count() == 0 and editor.save_button.isEnabled()
    assert editor.tree.tree.topLevelItem(0).child(0).text(0) == "Segment focus"


def test_closing_with_unused_changes_asks_first(editor: FrameworkEditor, scripted_ask):
    write(editor, LEVEL_3, "Changed", "已改")
    assert not editor.close() and editor.isVisible()
    assert scripted_ask.asked[-1] == ("confirm", "Close the framework editor")
    scripted_ask.queue("confirm", True)
    assert editor.close() and not editor.isVisible()


def test_an_editor_kept_open_on_a_closed_portfolio_is_not_used_in_it(
        window, scripted_ask, tmp_path, sample_file):  # type: ignore[no-untyped-def]
    """Opening another portfolio closes the editor of the one closed, asking first about its
    draft; kept, the draft can be saved but not used in the closed portfolio."""
    from models.engine.sample import sample_portfolio
    from models.store.workspace import Workspace
    from tests.workspaces import read_back

    window.ensure_framework_view()
    editor = window.framework_view.edit_framework()
    add_traction(editor)
    other = tmp_path / "other.beachhead"
    Workspace.create(other, sample_portfolio()).close()
    scripted_ask.queue("confirm", False)  # keep the draft
    assert window.files.open_document(other)
    assert editor.isVisible() and editor.doc.discarded
    scripted_ask.queue("migration", True)
    assert not editor.use_in_portfolio()
    assert any("has been closed" in t for kind, t in scripted_ask.asked if kind == "error")
    assert scripted_ask.migration_dialogs == []
    assert read_back(sample_file).framework.version == "1.0.0"
    assert read_back(other).framework.version == "1.0.0"
    editor.holder.mark_saved()
