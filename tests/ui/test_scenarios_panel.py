"""The Scenarios tab of the framework editor, driven as a user would: an exposure rule added to
a scenario and edited, the preview of rank changes, undo, a scenario added, and a shift left
naming a removed criterion.

The portfolio is tests.domain.test_rule_preview's (five startups on the tiny framework; the
ranking puts S2, S0, then the gated S1, S3, S4). The tiny framework's scenario *Squeeze*
shifts b.z by +2 and a.x by −1: nobody changes rank. With an exposure rule "a.x ≥ 4 (S1, S2):
a.y −4" on top, hand-computed overall scores under the scenario are S0 29.17, S1 16.67,
S2 37.5, S3 37.5, S4 0: S3 passes S1 among the gated startups.
"""

from __future__ import annotations

import pytest

from gui.views.framework.draft_holder import DraftHolder
from gui.views.framework.scenarios_panel import ScenariosPanel
from models.core.framework_draft import FrameworkDraft
from tests.domain.test_rule_preview import _portfolio

UNMOVED = [("S2", 1, 1, 0), ("S0", 2, 2, 0), ("S1", 3, 3, 0), ("S3", 4, 4, 0),
           ("S4", 5, 5, 0)]


@pytest.fixture
def panel(qapp) -> ScenariosPanel:
    port = _portfolio()
    holder = DraftHolder(FrameworkDraft.from_framework(port.framework), port, lang="en")
    return ScenariosPanel(holder)


def test_an_exposure_rule_moves_startups_in_the_preview(panel):
    holder = panel.holder
    panel.select(0)
    assert panel.exposure is None and panel.exposure_form.isHidden()
    assert panel.preview_rows() == UNMOVED
    assert panel.summary.text() == "0 startups change rank (Investor view)."
    panel.add_exposure()
    assert panel.exposure == 0
    rule_path = ("scenarios", 0, "exposure", 0)
    assert holder.draft.get((*rule_path, "shifts")) == {"a.x": -1}
    form = panel.exposure_form
    form.conditions.rows[0].choose("criterion:a.x", ">=", 4)
    assert form.shifts is not None
    form.shifts.set_shift(0, cid="a.y", delta=-4)
    assert holder.draft.get(rule_path)["when"] == [
        {"ref": "criterion:a.x", "op": ">=", "value": 4.0}]
    assert holder.draft.get((*rule_path, "shifts")) == {"a.y": -4}
    assert panel.preview_rows() == [("S3", 4, 3, 1), ("S1", 3, 4, -1), ("S2", 1, 1, 0),
                                    ("S0", 2, 2, 0), ("S4", 5, 5, 0)]
    assert panel.summary.text() == "2 startups change rank (Investor view)."
    model = panel.model
    assert [model.data(model.index(0, c)) for c in range(5)] == [
        "S3", "4", "3", "▲ 1", ""]
    assert [model.data(model.index(1, c)) for c in range(5)] == [
        "S1", "3", "4", "▼ 1", "New exposure"]
    for _ in range(3):  # the shift, the condition, the rule added
        holder.undo_stack.undo()
    assert holder.draft.get(("scenarios", 0, "exposure")) == []
    assert panel.exposure is None and panel.preview_rows() == UNMOVED


def test_base_shifts_are_edited_in_place(panel):
    holder = panel.holder
    panel.select(0)
    shifts = panel.form.shifts
    assert shifts is not None
    assert [row.criterion.currentData() for row in shifts.rows] == ["b.z", "a.x"]
    assert [row.delta.text() for row in shifts.rows] == ["+2", "-1"]
    shifts.set_shift(1, delta=-3)
    assert holder.draft.get(("scenarios", 0, "shifts")) == {"b.z": 2, "a.x": -3}
    shifts.add.click()  # the first criterion not shifted yet: a.y
    assert holder.draft.get(("scenarios", 0, "shifts")) == {"b.z": 2, "a.x": -3, "a.y": -1}
    shifts.rows[0].drop.click()
    assert list(holder.draft.get(("scenarios", 0, "shifts"))) == ["a.x", "a.y"]
    assert holder.undo_stack.count() == 3


def test_a_new_scenario_and_a_shift_on_a_removed_criterion(panel):
    holder = panel.holder
    panel.add_scenario()
    assert panel.current == 1
    assert holder.draft.get(("scenarios", 1, "id")) == "new_scenario"
    assert holder.draft.get(("scenarios", 1, "shifts")) == {"a.x": -1}
    assert len(panel.preview_rows()) == 5
    panel.select(0)
    holder.edit(holder.draft.with_removed(("pillars", 1, "criteria", 0)), lambda: "Remove b.z")
    row = panel.form.shifts.rows[0]  # type: ignore[union-attr]
    assert row.criterion.currentText() == "⚠ b.z"
    assert row.message.text() == "'b.z' names no criterion of this framework"
    assert panel.list.item(0).text() == "⚠ Squeeze"
    assert panel.preview_rows() == []
    panel.select(1)
    panel.go_to(("scenarios", 0, "shifts", "b.z"))  # as the editor's problem list does
    assert panel.current == 0 and panel.focusWidget() is row.criterion
    row.drop.click()
    assert holder.draft.get(("scenarios", 0, "shifts")) == {"a.x": -1}
    assert panel.list.item(0).text() == "Squeeze"
    # the posture Strong alpha still names b.z: the preview waits for it
    assert panel.preview_rows() == []
    assert panel.summary.text() == \
        "The preview waits until the framework has no problems (1 left)."
