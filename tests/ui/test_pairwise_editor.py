"""The pairwise (AHP) weights editor: published examples entered through the grid show their
weights and consistency ratio, a warning names the worst judgement above 0.10, and Apply is one
undoable framework change (pytest-qt, offscreen)."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from gui.tables.roles import JudgementRole
from gui.views.framework.pairwise_editor import PairwiseEditor
from gui.views.framework.pairwise_model import PairwiseMatrixModel
from gui.views.framework.view import FrameworkView
from models.analysis.ahp import consistency_warning, pairwise
from models.core.rounding import percent
from models.core.weight_shares import criterion_shares, pillar_shares
from tests.domain.test_weights import DRINKS, DRINKS_PUBLISHED, LEADER_CRITERIA

DRINK_NAMES = ["Coffee", "Wine", "Tea", "Beer", "Sodas", "Milk", "Water"]


@pytest.fixture
def editor(qtbot, qapp) -> PairwiseEditor:
    e = PairwiseEditor()
    qtbot.addWidget(e)
    e.resize(700, 500)
    return e


@pytest.fixture
def view(qtbot, doc, scripted_ask) -> FrameworkView:
    v = FrameworkView(doc)
    qtbot.addWidget(v)
    v.resize(1280, 800)
    v.tabs.setCurrentWidget(v.pairwise_panel)
    return v


def test_model_passes_qt_model_tester(qtmodeltester, qapp):
    model = PairwiseMatrixModel()
    model.set_items(DRINK_NAMES, [1.0] * 7)
    model.set_judgement(0, 1, 9)
    qtmodeltester.check(model)


def test_only_the_upper_triangle_is_editable_and_mirrored(editor):
    editor.set_items(["A", "B", "C"], [1, 1, 1])
    m = editor.model
    assert m.flags(m.index(0, 1)) & Qt.ItemFlag.ItemIsEditable
    assert not m.flags(m.index(1, 0)) & Qt.ItemFlag.ItemIsEditable
    assert not m.flags(m.index(1, 1)) & Qt.ItemFlag.ItemIsEditable
    assert m.setData(m.index(0, 2), 5.0)
    assert m.index(2, 0).data() == "1/5" and m.index(2, 0).data(JudgementRole) == 0.2
    assert not m.setData(m.index(2, 0), 3.0)
    assert not m.setData(m.index(0, 1), -1.0) and not m.setData(m.index(0, 1), "x")
    assert m.headerData(0, Qt.Orientation.Vertical) == "(1) A"


def test_saaty_drinks_example_shows_its_weights_and_ratio(editor):
    editor.set_items(DRINK_NAMES, [1.0] * 7)
    editor.set_matrix(DRINKS)
    assert np.round(editor.weights(), 3).tolist() == DRINKS_PUBLISHED
    assert round(editor.result().consistency_ratio, 3) == 0.022
    n = 7
    shown = [editor.model.index(i, n).data() for i in range(n)]
    assert shown == [percent(w, 1) for w in editor.weights()]
    assert "0.022" in editor.cr_label.text() and "acceptable" in editor.cr_label.text()
    assert not editor.warning_label.isVisibleTo(editor)


def test_judgements_entered_through_the_combo_boxes(qtbot, editor):
    editor.set_items(["Experience", "Education", "Charisma", "Age"], [1, 1, 1, 1])
    editor.show()
    for i in range(4):
        for j in range(i + 1, 4):
            combo = editor.table.indexWidget(editor.model.index(i, j))
            assert isinstance(combo, QComboBox)  # a persistent editor per judgement
            k = next(k for k in range(combo.count())
                     if abs(combo.itemData(k) - LEADER_CRITERIA[i][j]) < 1e-9)
            combo.setCurrentIndex(k)
    np.testing.assert_allclose(editor.weights(), [0.547, 0.127, 0.270, 0.056], atol=0.001)
    combo = editor.table.indexWidget(editor.model.index(0, 1))
    assert [combo.itemText(k) for k in (0, 8, 16)] == ["1/9", "1", "9"]
    assert editor.model.index(1, 0).data() == "1/4"


def test_warning_above_ten_percent_names_the_worst_judgement(editor):
    names = ["Niche", "Tech", "Ecosystem", "Pressure"]
    editor.set_items(names, [8, 4, 2, 1])  # consistent: CR 0
    assert not editor.warning_label.isVisibleTo(editor)
    editor.set_judgement(0, 2, 1 / 4)  # reverse one judgement
    result = pairwise(editor.model.matrix)
    assert result.consistency_ratio > 0.10
    assert editor.warning_label.isVisibleTo(editor)
    assert editor.warning_label.text() == consistency_warning(result, names)
    assert "Niche vs Ecosystem" in editor.warning_label.text()
    assert "too inconsistent" in editor.cr_label.text()
    # the worst judgement is marked in the grid
    assert editor.model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    editor.set_judgement(0, 2, 4)
    assert not editor.warning_label.isVisibleTo(editor)


def test_starts_from_the_current_weights(view, doc):
    from gui import commands as cmd

    doc.undo_stack.push(cmd.ChangeFramework(
        doc, doc.framework.with_weights(pillar_weights={"niche": 3.0}),
        "weight", {"en": "a pillar"}))
    panel = view.pairwise_panel
    m = panel.editor.model
    assert m.names[0] == "Niche position" and m.size == 5
    assert m.judgement(0, 1) == pytest.approx(3.0)
    assert m.index(0, 1).data() == "3"
    assert panel.editor.result().consistency_ratio == pytest.approx(0.0, abs=1e-9)
    np.testing.assert_allclose(panel.editor.weights(),
                               list(pillar_shares(doc.framework).values()))


def test_apply_pillar_weights_is_undoable(view, doc):
    panel = view.pairwise_panel
    panel.editor.set_judgement(0, 1, 3)
    panel.editor.set_judgement(0, 4, 5)
    wanted = panel.editor.weights()
    n = doc.undo_stack.count()
    panel.editor.apply_button.click()
    assert doc.undo_stack.count() == n + 1
    assert doc.undo_stack.undoText() == "Pairwise weights of the pillars"
    np.testing.assert_allclose(list(pillar_shares(doc.framework).values()), wanted, atol=1e-4)
    # the grid keeps the judgements the user entered
    assert panel.editor.model.judgement(0, 1) == 3
    doc.undo_stack.undo()
    assert [p.weight for p in doc.framework.pillars] == [1.0] * 5
    assert panel.editor.model.judgement(0, 1) == pytest.approx(1.0)  # back to the weights


def test_apply_criterion_weights_of_the_chosen_pillar(view, doc):
    view.select_criterion("tech.disruption")
    panel = view.pairwise_panel
    panel.set_scope("criteria")
    assert panel.editor.model.names[1] == "Degree of disruption"
    panel.editor.set_matrix(LEADER_CRITERIA)
    assert panel.apply()
    shares = list(criterion_shares(doc.framework.pillar("tech")).values())
    np.testing.assert_allclose(shares, [0.547, 0.127, 0.270, 0.056], atol=0.001)
    assert doc.undo_stack.undoText() == (
        "Pairwise weights of the criteria of Technology threshold")
    assert [p.weight for p in doc.framework.pillars] == [1.0] * 5
    # choosing another pillar in the view compares its criteria
    view.select_criterion("eco.allies")
    assert panel.editor.model.names[-1] == "Allies"


def test_disabled_pillars_are_left_out(view, doc):
    from gui import commands as cmd

    doc.undo_stack.push(cmd.ChangeFramework(
        doc, doc.framework.with_weights(enabled={"cap": False}), "off", {"en": "Capital"}))
    assert view.pairwise_panel.editor.model.size == 4


def test_apply_works_when_the_current_weights_are_tiny(view, doc):
    from gui import commands as cmd
    from models.core.framework import MIN_WEIGHT

    tiny = {p.id: MIN_WEIGHT for p in doc.framework.pillars}
    doc.undo_stack.push(cmd.ChangeFramework(
        doc, doc.framework.with_weights(pillar_weights=tiny), "weight", {"en": "a pillar"}))
    panel = view.pairwise_panel
    panel.editor.set_judgement(0, 1, 3)
    panel.editor.set_judgement(0, 4, 5)
    wanted = panel.editor.weights()
    assert panel.apply()
    np.testing.assert_allclose(list(pillar_shares(doc.framework).values()), wanted, atol=1e-3)
