"""The whole way, in the window on the sample workspace: Framework ▸ Edit Framework…, a pillar
with two criteria added in both languages, a rubric level reworded, a deal-breaker added in
the Rules tab, then Use in Portfolio… through the migration preview. The scores of the
criteria kept are unchanged, the new criteria are unscored, the framework's changelog says
what changed, the migration is one step of the window's history (written to the workspace's
change log), and undoing it gives the old framework back."""

from __future__ import annotations

from gui.views.framework.editor_window import FrameworkEditor
from tests.ui.test_framework_editor import LEVEL_3, add_traction, write


def _scores(window) -> dict[tuple[str, str], int | None]:  # type: ignore[no-untyped-def]
    return {(a.id, cid): s.value for _startup, a in window.doc.portfolio.assessments()
            for cid, s in a.scores.items()}


def test_edit_the_framework_and_migrate_the_sample(window, scripted_ask):  # type: ignore[no-untyped-def]
    before = _scores(window)
    old = window.doc.framework
    view = window.ensure_framework_view()
    window.show_view("framework")
    view.edit_button.click()
    editor = view.framework_editor
    assert isinstance(editor, FrameworkEditor)

    add_traction(editor)
    write(editor, LEVEL_3, "A segment is named and the product clearly wins on 2 or 3 tasks",
          "已明确细分领域，且产品在 2–3 项任务上明显胜出")
    rules = editor.rules_panel
    editor.tabs.setCurrentWidget(rules)
    rules.add_rule("deal_breakers")
    group, index = rules.current
    form = rules.forms["deal_breakers"]
    form.conditions.rows[0].choose("criterion:cap.runway", "<=", 1)
    assert editor.holder.draft.get((group, index, "when")) == [
        {"ref": "criterion:cap.runway", "op": "<=", "value": 1.0}]
    assert editor.holder.draft.problems() == [] and editor.use_button.isEnabled()

    scripted_ask.queue("migration", True)
    editor.use_in_portfolio()
    fw = window.doc.framework
    assert (fw.id, fw.version) == (old.id, "2.0.0")
    assert fw.criterion_ids[-2:] == ["traction.revenue_growth", "traction.gross_margin"]
    assert fw.criteria[0].rubric[2]["zh_CN"] == "已明确细分领域，且产品在 2–3 项任务上明显胜出"
    assert len(fw.deal_breakers) == len(old.deal_breakers) + 1
    summary = fw.changelog[-1].summary["en"]
    assert fw.changelog[-1].kind == "major" and "Traction" in summary
    assert "Rubric level 3 of Segment focus reworded" in summary
    # unaffected scores unchanged, new criteria unscored
    after = _scores(window)
    assert {k: v for k, v in after.items() if k[1] in old.criterion_index} == before
    assert all(v is None for k, v in after.items() if k[1].startswith("traction."))
    completeness = []
    for _startup, a in window.doc.portfolio.assessments():
        result = window.doc.result(a.id)
        assert result.pillars.get("traction") is None
        completeness.append(result.completeness)
    assert max(completeness) < 1.0  # two of twenty criteria unscored everywhere
    # the history: one step of the window, in the workspace's change log
    assert window.doc.undo_stack.undoText() == (
        "Migrate to the framework Beachhead: LLM startups against the incumbents 2.0.0")
    assert any("2.0.0" in str(c.new) for c in window.doc.workspace.changes(limit=20))
    assert "unsaved changes" not in editor.windowTitle()
    window.doc.undo_stack.undo()
    assert window.doc.framework == old and _scores(window) == before
