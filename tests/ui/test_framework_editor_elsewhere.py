"""The framework editor while the rest of the window moves on: a language switch rebuilds the
Framework view, and Edit Framework… then raises the editor already open with its unsaved
draft (not a second, empty one) and its undo steps named in the new language; a weight
changed in the Framework view while the editor is open is not silently undone when the
editor's framework is used in the portfolio."""

from __future__ import annotations

from gui.commands import ChangeFramework
from gui.main_window import MainWindow
from gui.views.framework.editor_window import FrameworkEditor
from tests.ui.test_framework_editor import add_traction, text_field


def test_after_a_language_switch_edit_framework_raises_the_open_editor(
        chinese_built, window: MainWindow, scripted_ask):  # type: ignore[no-untyped-def]
    window.ensure_framework_view()
    editor = window.framework_view.edit_framework()
    assert isinstance(editor, FrameworkEditor)
    editor.tree.select(("pillars", 4))
    assert editor.tree.add_pillar("Traction")
    window.set_language("zh_CN")
    try:
        window.ensure_framework_view()
        shown = window.framework_view.edit_framework()
        assert shown.holder is editor.holder  # the same draft and history, in Chinese
        assert shown.isVisible() and shown.holder.undo_stack.count() == 1
        assert shown.holder.draft.get(("pillars", 5, "name", "en")) == "Traction"
        assert shown.tree.current_path() == ("pillars", 5)
        assert window.framework_view.edit_framework() is shown
    finally:
        editor.holder.mark_saved()  # no question when the window closes
        window.set_language("en")


def test_the_open_editor_speaks_the_new_language(
        chinese_built, window: MainWindow, scripted_ask):  # type: ignore[no-untyped-def]
    window.ensure_framework_view()
    editor = window.framework_view.edit_framework()
    window.set_language("zh_CN")
    try:
        window.ensure_framework_view()
        shown = window.framework_view.edit_framework()
        assert (shown.save_button.text(), shown.use_button.text()) == ("另存为…", "在组合中使用…")
        assert shown.holder.lang == "zh_CN"
    finally:
        editor.holder.mark_saved()
        window.set_language("en")


def test_a_weight_changed_while_the_editor_is_open_is_not_undone_by_using_it(
        qtbot, doc, scripted_ask):  # type: ignore[no-untyped-def]
    editor = FrameworkEditor(doc)
    qtbot.addWidget(editor)
    editor.show()
    fw = doc.framework
    doc.undo_stack.push(ChangeFramework(doc, fw.with_weights(pillar_weights={"niche": 2.0}),
                                        "weight", fw.pillars[0].name))
    assert (doc.framework.version, doc.framework.pillar("niche").weight) == ("1.1.0", 2.0)
    add_traction(editor)
    scripted_ask.queue("migration", True)
    if editor.use_in_portfolio():
        assert doc.framework.pillar("traction") is not None
        assert doc.framework.pillar("niche").weight == 2.0
    else:  # refused or asked: the portfolio keeps the weight it was given
        assert doc.framework.pillar("niche").weight == 2.0
        assert any(kind in ("confirm", "info", "error") for kind, _ in scripted_ask.asked)
    assert [t for kind, t in scripted_ask.asked if kind == "confirm"] == ["Use in Portfolio"]
    # told, the user may still put the editor's framework over it
    scripted_ask.queue("confirm", True)
    scripted_ask.queue("migration", True)
    assert editor.use_in_portfolio()
    assert doc.framework.pillar("traction") is not None
    assert doc.framework.pillar("niche").weight == 1.0


def test_a_criterion_removed_and_added_again_is_a_new_criterion(
        qtbot, doc, scripted_ask):  # type: ignore[no-untyped-def]
    editor = FrameworkEditor(doc)
    qtbot.addWidget(editor)
    editor.tree.select(("pillars", 2, "criteria", 2))  # Allies, eco.allies
    assert editor.holder.draft.get(("pillars", 2, "criteria", 2, "id")) == "eco.allies"
    assert editor.tree.remove_current()
    editor.tree.select(("pillars", 2, "criteria", 1))
    assert editor.tree.add_criterion("Allies")
    assert editor.holder.draft.get(("pillars", 2, "criteria", 2, "id")) != "eco.allies"
    new_id = editor.holder.draft.get(("pillars", 2, "criteria", 2, "id"))
    assert new_id == "eco.allies_2"


def test_the_editor_of_a_closed_portfolio_does_not_pretend_to_migrate(
        window: MainWindow, scripted_ask, tmp_path, sample_file):  # type: ignore[no-untyped-def]
    from models.engine.sample import sample_portfolio
    from models.store.workspace import Workspace
    from tests.workspaces import read_back

    window.ensure_framework_view()
    editor = window.framework_view.edit_framework()
    add_traction(editor)
    other = tmp_path / "other.beachhead"
    Workspace.create(other, sample_portfolio()).close()
    scripted_ask.queue("confirm", True)  # discard the editor's draft, if asked
    assert window.files.open_document(other)
    scripted_ask.queue("migration", True)
    used = editor.isVisible() and editor.use_in_portfolio()
    versions = (read_back(sample_file).framework.version, read_back(other).framework.version)
    editor.holder.mark_saved()
    assert (used, versions) in ((False, ("1.0.0", "1.0.0")), (True, ("1.0.0", "2.0.0")))


EDITOR_ENGLISH = ["Add the pillar Traction", "Edit the description of Niche position",
                  "Move Dirty work up", "Add posture", "Add scenario"]
EDITOR_CHINESE = ["添加支柱 Traction", "编辑 细分定位 的说明", "上移 脏活累活", "添加战略姿态",
                  "添加情景"]


def test_the_editor_s_undo_steps_are_renamed_in_the_new_language(
        chinese_built, window: MainWindow, scripted_ask):  # type: ignore[no-untyped-def]
    """Steps made in English (the tree, the form, the rules and the scenarios) are named in
    Chinese after a switch, the item names too, and in English again after the next."""
    window.ensure_framework_view()
    editor = window.framework_view.edit_framework()
    editor.tree.select(("pillars", 4))
    assert editor.tree.add_pillar("Traction")
    text_field(editor, ("pillars", 0, "description")).en.setPlainText("Narrow and deep")
    editor.holder.end_typing()
    editor.tree.select(("pillars", 0, "criteria", 1))
    assert editor.tree.move_current(-1)
    editor.rules_panel.add_rule("postures")
    editor.scenarios_panel.add_scenario()
    stack = editor.holder.undo_stack

    def steps() -> list[str]:
        return [stack.text(i) for i in range(stack.count())]

    assert steps() == EDITOR_ENGLISH
    window.set_language("zh_CN")
    try:
        window.ensure_framework_view()
        shown = window.framework_view.edit_framework()
        assert shown.holder.undo_stack is stack
        assert steps() == EDITOR_CHINESE
        assert shown.undo_action.text() == "撤销 添加情景(&U)"
        stack.undo()
        assert shown.redo_action.text() == "重做 添加情景(&R)"
        assert shown.undo_action.text() == "撤销 添加战略姿态(&U)"
        window.set_language("en")
        window.ensure_framework_view()
        shown = window.framework_view.edit_framework()
        assert steps() == EDITOR_ENGLISH
        assert shown.undo_action.text() == "&Undo Add posture"
    finally:
        editor.holder.mark_saved()  # no question when the window closes
        window.set_language("en")


def test_the_previews_follow_the_windows_perspective_and_gates(
        qtbot, doc, scripted_ask):  # type: ignore[no-untyped-def]
    editor = FrameworkEditor(doc)
    qtbot.addWidget(editor)
    editor.show()
    rules, scenarios = editor.rules_panel, editor.scenarios_panel
    editor.tabs.setCurrentWidget(rules)
    runway = [r.id for r in doc.framework.deal_breakers].index("runway_exhausted")
    rules.select("deal_breakers", runway)
    # the sample's investors judge Tokenforge's runway exhausted; its founder does not
    assert rules.preview_names() == ["Tokenforge"]
    assert rules.preview.summary.text() == "1 startup of 8 (Investor view)."
    doc.set_perspective("founder", False)
    assert editor.holder.perspective == "founder"
    assert rules.preview_names() == []
    assert rules.preview.summary.text() == "0 startups of 8 (Founder view)."
    doc.set_perspective("investor", True)
    assert (editor.holder.perspective, editor.holder.ignore_gates) == ("investor", True)
    assert rules.preview_names() == ["Tokenforge"]
    editor.tabs.setCurrentWidget(scenarios)
    scenarios.select(0)
    scenarios.flush_preview()
    assert scenarios.summary.text().endswith("(Investor view).")
