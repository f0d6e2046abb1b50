"""The issue's whole flow in the window, on the sample as a workspace file: the framework
editor opened from the Framework view adds a pillar with two criteria (both languages),
rewords a rubric level, adds a deal-breaker in the Rules tab (its preview checked against the
startups picked by hand from the file), and uses the framework in the portfolio through the
migration preview. A second connection to the file then reads: every score of the criteria
kept as it was, the new criteria unscored, completeness 5/6 (six pillars of weight 1, one of
them unscored), version 2.0.0 with a major changelog entry; the history (the command line's
and the Assess view's History tab) shows the framework change with every earlier change
still there; undo gives the old framework and every score back exactly.

The sample has one investor assessment per startup, all 18 criteria scored, every pillar and
criterion of weight 1.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gui import commands as cmd
from gui.views.framework.editor_window import FrameworkEditor
from models.cli.main import main as cli_main
from models.core.portfolio import Portfolio
from models.store.workspace import Workspace
from tests.ui.test_framework_editor import LEVEL_3, add_traction, write

NEW = ("traction.revenue_growth", "traction.gross_margin")
ALLIES = "eco.allies"


def _scores(port: Portfolio) -> dict[str, dict[str, tuple[object, ...]]]:
    """Every score of every assessment: (level, confidence, rationale, evidence)."""
    return {a.id: {c: (s.value, s.confidence, s.rationale, s.evidence)
                   for c, s in a.scores.items()}
            for st in port.startups for a in st.assessments}


def _read(path: Path) -> Portfolio:
    with Workspace.open(path) as ws:  # a second connection, as another program would
        return ws.load()


def _history(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert cli_main(["history", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_a_framework_authored_in_the_window_and_the_sample_migrated_to_it(
        window, scripted_ask, sample_file: Path, capsys):  # type: ignore[no-untyped-def]
    doc = window.doc
    doc.undo_stack.push(cmd.SetScoreField(doc, "s01-investor", "cap.backing", "rationale",
                                          "The lead has signed for the next round"))
    before = _read(sample_file)
    scores_before, fw_before = _scores(before), before.framework
    history_before = _history(sample_file, capsys)
    # by hand: the investor's level of Allies is 2 at s01, s02 and s03 (3 or 4 elsewhere)
    low_allies = [st.name for st in before.startups for a in st.assessments
                  if a.role == "investor" and a.scores[ALLIES].value <= 2]
    assert low_allies == ["栖语科技", "Chattersky", "Tokenforge"]

    window.ensure_framework_view()
    editor = window.framework_view.edit_framework()
    assert isinstance(editor, FrameworkEditor) and editor.isVisible()
    add_traction(editor)
    reworded = "The segment is named in writing, with its buyers"
    write(editor, LEVEL_3, reworded, "细分市场已书面写明，并列出其买家")
    editor.tabs.setCurrentWidget(editor.rules_panel)
    panel = editor.rules_panel
    panel.add_rule("deal_breakers")
    panel.forms["deal_breakers"].conditions.rows[0].choose(f"criterion:{ALLIES}", "<=", 2)
    panel.flush_preview()
    assert panel.preview_names() == low_allies
    assert editor.holder.draft.problems() == [] and editor.use_button.isEnabled()

    scripted_ask.queue("migration", True)
    assert editor.use_in_portfolio()
    plan = scripted_ask.migration_dialogs[-1].plan
    assert [c.id for c in plan.criteria.added] == list(NEW)
    assert plan.criteria.removed == [] and plan.removed_scores == 0
    QApplication.processEvents()

    after = _read(sample_file)
    fw = after.framework
    assert (fw.id, fw.version) == ("beachhead.llm-startups", "2.0.0")
    entry = fw.changelog[-1]
    assert (entry.version, entry.kind) == ("2.0.0", "major")
    assert entry.summary["en"] == (
        "Rubric level 3 of Segment focus reworded; Pillar Traction added with criteria "
        "Revenue growth, Gross margin; Deal-breaker New deal-breaker added: all of: "
        "Allies ≤ 2")
    assert fw.criterion("niche.segment_focus").rubric[2]["en"] == reworded
    assert len(fw.deal_breakers) == len(fw_before.deal_breakers) + 1
    # the criteria kept: every score as it was; the new ones: no score anywhere
    assert _scores(after) == scores_before
    assert not any(c in a.scores for st in after.startups for a in st.assessments for c in NEW)
    # completeness: 1 before (all 18 scored), 5/6 after (the Traction pillar unscored)
    move = {m.startup_id: m for m in plan.startups}["s01"]
    assert move.completeness_before == pytest.approx(1.0)
    assert move.completeness_after == pytest.approx(5 / 6)
    assert doc.result("s01-investor").completeness == pytest.approx(5 / 6)

    # the whole history: what was there before, then the framework change
    history_after = _history(sample_file, capsys)
    new_rows = history_after[:len(history_after) - len(history_before)]
    assert history_after[len(new_rows):] == history_before  # newest first, nothing lost
    assert [(r["kind"], r["old"], r["new"]) for r in new_rows] == [
        ("framework.replace", "beachhead.llm-startups 1.0.0", "beachhead.llm-startups 2.0.0")]
    assert [r["what"] for r in history_before] == [
        "Follow-on backing – rationale", "workspace created"]
    view = window.assess_view
    view.select_startup("s01", "s01-investor")
    view.tabs.setCurrentWidget(view.tabs.history)
    view.tabs.history.refresh()
    shown = view.tabs.history.model
    assert [(shown.row(i).what, shown.row(i).new) for i in range(shown.row_count())] == [
        ("framework", "beachhead.llm-startups 2.0.0"),
        ("Follow-on backing – rationale", "The lead has signed for the next round")]

    # undo in the window: the old framework and every score back, read from the file
    doc.undo_stack.undo()
    back = _read(sample_file)
    assert back.framework == fw_before
    assert _scores(back) == scores_before
    undone = _history(sample_file, capsys)
    assert undone[1:] == history_after and (undone[0]["kind"], undone[0]["new"]) == (
        "framework.replace", "beachhead.llm-startups 1.0.0")
