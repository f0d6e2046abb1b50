"""The Rules tab of the framework editor, driven as a user would: a deal-breaker added and
edited, its live preview, all → any, undo, and a condition left naming a removed criterion.

The portfolio is tests.domain.test_rule_preview's: five startups on the tiny framework whose
levels (a.x, a.y, b.z, b.w) are S0 (1, 2, 3, 1), S1 (4, 5, 1, 5), S2 (5, 5, 1, 1),
S3 (–, 3, 2, 5), S4 (2, 1, 5, 5); overall 37.5, 79.17, 100, 45.83, 4.17.
"""

from __future__ import annotations

import time

import pytest

from gui.views.framework.draft_holder import DraftHolder
from gui.views.framework.preview_panel import PREVIEW_DELAY_MS
from gui.views.framework.rules_panel import RulesPanel
from models.core.framework_draft import FrameworkDraft
from models.engine.sample import synthetic_portfolio
from tests.domain.test_rule_preview import _portfolio


@pytest.fixture
def panel(qapp) -> RulesPanel:
    port = _portfolio()
    holder = DraftHolder(FrameworkDraft.from_framework(port.framework), port, lang="en")
    return RulesPanel(holder)


def _choose_match(panel: RulesPanel, match: str) -> None:
    combo = panel.forms["deal_breakers"].match.combo  # type: ignore[attr-defined]
    combo.setCurrentIndex(combo.findData(match))
    combo.activated.emit(combo.currentIndex())


def test_a_new_deal_breaker_previews_the_startups_it_fires_on(panel):
    holder = panel.holder
    panel.add_rule("deal_breakers")
    assert panel.current == ("deal_breakers", 1)
    assert holder.draft.get(("deal_breakers", 1, "id")) == "new_deal_breaker"
    assert panel.preview_names() == ["S4"]  # overall < 30
    form = panel.forms["deal_breakers"]
    assert form.isVisibleTo(panel) and not panel.forms["postures"].isVisibleTo(panel)
    # a.y ≤ 2: S0 (2) and S4 (1)
    form.conditions.rows[0].choose("criterion:a.y", "<=", 2)
    assert holder.draft.get(("deal_breakers", 1, "when")) == [
        {"ref": "criterion:a.y", "op": "<=", "value": 2.0}]
    assert panel.preview_names() == ["S0", "S4"]
    assert panel.preview.summary.text() == "2 startups of 5 (Investor view)."
    # and b.w ≥ 5 (S1, S3, S4): all → S4; any → S0, S1, S3, S4
    form.conditions.add.click()
    form.conditions.rows[1].choose("criterion:b.w", ">=", 5)
    assert panel.preview_names() == ["S4"]
    _choose_match(panel, "any")
    assert holder.draft.get(("deal_breakers", 1, "match")) == "any"
    assert panel.preview_names() == ["S0", "S1", "S3", "S4"]
    assert holder.undo_stack.undoText() == "Edit all or any of New deal-breaker"
    holder.undo_stack.undo()
    assert panel.preview_names() == ["S4"]
    assert form.match.combo.currentData() == "all"  # type: ignore[attr-defined]
    for _ in range(3):  # b.w's condition, the second row, a.y's condition
        holder.undo_stack.undo()
    assert len(form.conditions.rows) == 1 and panel.preview_names() == ["S4"]
    holder.undo_stack.undo()  # the deal-breaker added
    assert holder.draft.get(("deal_breakers",)) == [
        holder.draft.framework().deal_breakers[0].model_dump(mode="json")]
    assert panel.current == ("deal_breakers", 0)


def test_a_value_stays_within_its_range(panel):
    panel.add_rule("deal_breakers")
    row = panel.forms["deal_breakers"].conditions.rows[0]
    assert (row.value.minimum(), row.value.maximum()) == (0, 100)
    assert [row.what.itemText(i) for i in range(row.what.count())] == [
        "Overall score (0–100)", "Pillar: Alpha (score 0–100)",
        "Pillar: Beta (score 0–100, 100 = least)", "a.x (level 1–5)", "a.y (level 1–5)",
        "b.z (level 1–5)", "b.w (level 1–5)"]
    row.choose("criterion:a.x")  # overall < 30 becomes a.x < 5 (clamped to the level's 1–5)
    assert (row.value.minimum(), row.value.maximum(), row.value.decimals()) == (1, 5, 0)
    assert panel.holder.draft.get(("deal_breakers", 1, "when", 0)) == {
        "ref": "criterion:a.x", "op": "<", "value": 5.0}
    assert panel.preview_names() == ["S0", "S1", "S4"]  # a.x 1, 4, 2 (S3 unscored)


def test_a_condition_on_a_removed_criterion_shows_the_problem_in_place(panel):
    holder = panel.holder
    panel.select("deal_breakers", 0)  # Fatal w: b.w ≥ 5
    holder.edit(holder.draft.with_removed(("pillars", 1, "criteria", 1)), lambda: "Remove b.w")
    row = panel.forms["deal_breakers"].conditions.rows[0]
    assert row.what.currentText() == "⚠ criterion:b.w"
    assert row.message.text() == "'criterion:b.w' names no criterion of this framework"
    assert row.what.property("problem") is True
    names = [panel.tree.topLevelItem(1).child(i).text(0)
             for i in range(panel.tree.topLevelItem(1).childCount())]
    assert names == ["⚠ Fatal w"]
    assert panel.preview_names() == []
    assert "waits until the framework has no problems" in panel.preview.summary.text()
    panel.select("postures", 0)
    panel.go_to(("deal_breakers", 0, "when", 0, "ref"))  # as the editor's problem list does
    assert panel.current == ("deal_breakers", 0) and panel.focusWidget() is row.what
    row.choose("criterion:b.z", ">=", 5)  # S4 only
    assert row.message.isHidden() and panel.preview_names() == ["S4"]


def test_duplicate_and_remove(panel):
    holder = panel.holder
    panel.select("postures", 0)
    panel.duplicate()
    assert [r["id"] for r in holder.draft.get(("postures",))] == ["strong_a", "strong_a_2"]
    assert holder.draft.get(("postures", 1, "name")) == {"en": "Strong alpha (copy)"}
    assert panel.current == ("postures", 1) and panel.preview_names() == ["S1", "S2"]
    panel.remove()
    assert [r["id"] for r in holder.draft.get(("postures",))] == ["strong_a"]
    assert holder.undo_stack.undoText() == "Remove Strong alpha (copy)"


def test_the_preview_is_fast_at_2000_startups(qapp):
    port = synthetic_portfolio(2000, seed=3)
    holder = DraftHolder(FrameworkDraft.from_framework(port.framework), port, lang="en")
    panel = RulesPanel(holder)
    panel.add_rule("deal_breakers")
    panel.flush_preview()
    row = panel.forms["deal_breakers"].conditions.rows[0]
    start = time.perf_counter()
    for level in (1, 2, 3, 4):
        row.choose(f"criterion:{port.framework.criterion_ids[0]}", "<=", level)
        panel.flush_preview()
    each = (time.perf_counter() - start) / 4
    assert len(panel.preview.names()) > 0
    assert each < 0.25, f"{each * 1000:.0f} ms per edit and preview"


def test_the_panel_in_chinese(qapp, chinese_built):
    from gui.i18n import install_language

    install_language("zh_CN")
    port = _portfolio()
    holder = DraftHolder(FrameworkDraft.from_framework(port.framework), port, lang="zh_CN")
    panel = RulesPanel(holder)
    assert panel.add_breaker.text() == "添加致命缺陷"
    panel.add_rule("deal_breakers")
    assert holder.undo_stack.undoText() == "添加致命缺陷"
    row = panel.forms["deal_breakers"].conditions.rows[0]
    assert row.what.currentText() == "总分（0–100）"
    assert panel.preview_names() == ["S4"]
    assert panel.preview.summary.text() == "5 家中的 1 家初创公司（投资人视角）。"
    assert panel.forms["deal_breakers"].heading.text().endswith("致命缺陷：新致命缺陷</b>")


def test_the_preview_follows_a_moment_after_a_change_and_waits_while_hidden(qtbot, panel):
    panel.add_rule("deal_breakers")
    qtbot.wait(PREVIEW_DELAY_MS * 3)
    assert panel.preview.names() == []  # a hidden tab works nothing out
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.preview.names() == ["S4"], timeout=3000)
    panel.forms["deal_breakers"].conditions.rows[0].choose("criterion:a.y", "<=", 2)
    assert panel.preview.names() == ["S4"]  # not yet: it follows a moment later
    qtbot.waitUntil(lambda: panel.preview.names() == ["S0", "S4"], timeout=3000)
