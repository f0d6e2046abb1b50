"""The Framework view and its weight models: edits are undoable commands, consecutive edits
of one weight merge, the last pillar cannot be switched off, frameworks load and save, and
the active scenario applies to the document (pytest-qt, offscreen)."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QDoubleSpinBox

from gui.document import Document
from gui.tables.weights import CriterionWeightsModel, PillarWeightsModel
from gui.views.framework.framework_text import condition_text, rule_conditions
from gui.views.framework.view import FrameworkView
from models.core.edits import scored_criteria_missing
from models.core.framework import Framework
from models.engine.sample import sample_portfolio
from models.files.framework_file import load_framework, save_framework


@pytest.fixture
def view(qtbot, doc, scripted_ask) -> FrameworkView:
    v = FrameworkView(doc)
    qtbot.addWidget(v)
    v.resize(1280, 800)
    return v


def _overalls(doc: Document) -> list[float | None]:
    return [r.overall for r in doc.results()]


def _without_criterion(fw: Framework, cid: str) -> Framework:
    """A copy of ``fw`` lacking criterion ``cid`` (and the rules and shifts that use it)."""
    data = fw.model_dump(mode="json")
    data["id"], data["version"] = "custom", "2.0"
    for p in data["pillars"]:
        p["criteria"] = [c for c in p["criteria"] if c["id"] != cid]
    for group in ("postures", "deal_breakers"):
        data[group] = [r for r in data[group]
                       if all(c["ref"] != f"criterion:{cid}" for c in r["when"])]
    for s in data["scenarios"]:
        s["shifts"].pop(cid, None)
        s["exposure"] = [r for r in s["exposure"] if cid not in r["shifts"]
                         and all(c["ref"] != f"criterion:{cid}" for c in r["when"])]
    data["scenarios"] = [s for s in data["scenarios"] if s["shifts"] or s["exposure"]]
    return Framework.model_validate(data)


# -- models -----------------------------------------------------------------------------------

def test_weight_models_pass_qt_model_tester(qtmodeltester, doc):
    pillars = PillarWeightsModel(doc)
    qtmodeltester.check(pillars)
    criteria = CriterionWeightsModel(doc)
    qtmodeltester.check(criteria)
    criteria.set_pillar("press")
    qtmodeltester.check(criteria)


def test_pillar_rows_show_direction_switch_weight_and_share(doc):
    model = PillarWeightsModel(doc)
    assert model.rowCount() == len(doc.framework.pillars)
    press = model.row_of("press")
    assert model.index(press, model.NAME).data() == "Incumbent pressure"
    assert model.index(press, model.DIRECTION).data() == "cost"
    assert model.index(press, model.ENABLED).data(Qt.ItemDataRole.CheckStateRole) == \
        Qt.CheckState.Checked
    assert model.index(press, model.WEIGHT).data() == "1.00"
    assert model.index(press, model.WEIGHT).data(Qt.ItemDataRole.EditRole) == 1.0
    assert model.index(press, model.SHARE).data() == "20.0%"
    assert model.flags(model.index(press, model.WEIGHT)) & Qt.ItemFlag.ItemIsEditable
    assert model.flags(model.index(press, model.ENABLED)) & Qt.ItemFlag.ItemIsUserCheckable


def test_pillar_weight_edit_is_undoable_and_merges(qtbot, doc):
    model = PillarWeightsModel(doc)
    row = model.row_of("tech")
    before = _overalls(doc)
    with qtbot.waitSignal(model.dataChanged):
        assert model.setData(model.index(row, model.WEIGHT), 2.0)
    assert model.setData(model.index(row, model.WEIGHT), 3.0)
    assert doc.framework.pillar("tech").weight == 3.0
    assert model.index(row, model.SHARE).data() == "42.9%"
    assert _overalls(doc) != before
    assert doc.undo_stack.count() == 1  # consecutive edits of one weight merge
    assert doc.undo_stack.undoText() == "Set the weight of Technology threshold"
    model.setData(model.index(model.row_of("eco"), model.WEIGHT), 2.0)
    assert doc.undo_stack.count() == 2  # another weight is another step
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.framework.pillar("tech").weight == 1.0
    assert _overalls(doc) == pytest.approx(before)
    doc.undo_stack.redo()
    assert doc.framework.pillar("tech").weight == 3.0


def test_bad_or_unchanged_weights_push_nothing(qtbot, doc):
    model = PillarWeightsModel(doc)
    idx = model.index(0, model.WEIGHT)
    with qtbot.waitSignal(model.refused):
        assert not model.setData(idx, 0)
    assert not model.setData(idx, "heavy")
    assert model.setData(idx, 1.0)  # same value: nothing to do
    assert doc.undo_stack.count() == 0


def test_switching_a_pillar_off_and_on_is_undoable(doc):
    model = PillarWeightsModel(doc)
    row = model.row_of("cap")
    before = _overalls(doc)
    assert model.setData(model.index(row, model.ENABLED), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert not doc.framework.pillar("cap").enabled
    assert model.index(row, model.SHARE).data() == "off"
    assert model.index(0, model.SHARE).data() == "25.0%"
    assert _overalls(doc) != before
    assert doc.undo_stack.undoText() == "Switch off Capital resilience"
    doc.undo_stack.undo()
    assert doc.framework.pillar("cap").enabled
    assert _overalls(doc) == pytest.approx(before)
    doc.undo_stack.redo()
    assert not doc.framework.pillar("cap").enabled


def test_the_last_enabled_pillar_cannot_be_switched_off(view, doc, scripted_ask):
    fw = doc.framework.with_weights(enabled={p.id: p.id == "niche" for p in doc.framework.pillars})
    doc.apply_framework(fw)
    model = view.pillar_model
    row = model.row_of("niche")
    assert not model.setData(model.index(row, model.ENABLED), Qt.CheckState.Unchecked.value,
                             Qt.ItemDataRole.CheckStateRole)
    assert doc.framework.pillar("niche").enabled
    assert doc.undo_stack.count() == 0
    assert any("only pillar switched on" in e for e in scripted_ask.errors())


def test_criterion_weight_edit_shows_shares_and_undoes(doc):
    model = CriterionWeightsModel(doc)
    model.set_pillar("niche")
    row = model.row_of("niche.dirty_work")
    assert model.index(row, model.IN_PILLAR).data() == "33.3%"
    assert model.index(row, model.OF_TOTAL).data() == "6.7%"
    assert model.setData(model.index(row, model.WEIGHT), 2.0)
    assert doc.framework.criterion("niche.dirty_work").weight == 2.0
    assert model.index(row, model.IN_PILLAR).data() == "50.0%"
    assert model.index(row, model.OF_TOTAL).data() == "10.0%"
    doc.undo_stack.undo()
    assert doc.framework.criterion("niche.dirty_work").weight == 1.0


# -- the view ---------------------------------------------------------------------------------

def test_view_shows_name_id_version_and_sums(view, doc):
    fw = doc.framework
    assert fw.name["en"] in view.title_label.text()
    assert fw.id in view.identity_label.text() and fw.version in view.identity_label.text()
    assert "5.00" in view.pillar_sum_label.text()
    assert "normalised on use" in view.weights_note.text()


def test_weight_spin_box_delegate_commits_an_undoable_edit(qtbot, view, doc):
    view.show()
    qtbot.waitExposed(view)
    model = view.pillar_model
    index = model.index(model.row_of("eco"), model.WEIGHT)
    view.pillar_table.setCurrentIndex(index)
    view.pillar_table.edit(index)
    spin = view.pillar_table.findChild(QDoubleSpinBox)
    assert spin is not None and spin.value() == 1.0
    spin.setValue(1.5)
    spin.setValue(2.5)
    assert doc.framework.pillar("eco").weight == 2.5
    assert doc.undo_stack.count() == 1
    view.pillar_table.commitData(spin)
    view.pillar_table.closeEditor(spin, QAbstractItemDelegate.EndEditHint.NoHint)
    assert "6.50" in view.pillar_sum_label.text()
    doc.undo_stack.undo()
    assert doc.framework.pillar("eco").weight == 1.0


def test_selecting_a_criterion_shows_its_texts(view, doc):
    view.select_criterion("cap.runway")
    assert view.criterion_model.pillar_id == "cap"
    crit = doc.framework.criterion("cap.runway")
    html = view.criterion_text.toPlainText()
    assert crit.question["en"][:40] in html
    for level in crit.rubric:
        assert level["en"][:30] in html
    for n in crit.source:
        assert doc.framework.paragraphs[str(n)]["en"][:30] in html
    assert "benefit" in html
    assert "Runway exhausted" in html  # the deal-breaker that uses it
    # choosing another pillar shows its first criterion
    view.pillar_table.setCurrentIndex(view.pillar_model.index(
        view.pillar_model.row_of("press"), 0))
    assert view.current_criterion_id() == "press.segment_attention"
    assert "cost" in view.criterion_text.toPlainText()


def test_rules_and_scenarios_are_readable(view, doc):
    postures = view.postures_text.toPlainText()
    assert "Niche position ≥ 62.5 and Segment focus ≥ 4" in postures
    assert "Head-on with the giants" in postures and "warning" in postures
    assert "Runway ≤ 1" in view.breakers_text.toPlainText()
    scenarios = view.scenarios_text.toPlainText()
    assert "A sleeping giant enters" in scenarios and "+2" in scenarios
    assert "worse for the startup" in scenarios
    frontrunner = next(p for p in doc.framework.postures if p.id == "technology_frontrunner")
    assert rule_conditions(frontrunner, doc.framework) == \
        "Technology threshold (pillar) ≥ 70 and Technology threshold ≥ 4"
    assert condition_text(frontrunner.when[1], doc.framework) == "Technology threshold ≥ 4"


def test_scenario_combo_applies_everywhere_and_follows_the_document(view, doc):
    before = _overalls(doc)
    combo = view.scenario_combo
    assert combo.itemData(0) == "" and combo.count() == 1 + len(doc.framework.scenarios)
    i = combo.findData("open_source_price_war")
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    assert doc.scenario is not None and doc.scenario.id == "open_source_price_war"
    assert _overalls(doc) != before
    assert all(r.scenario == "open_source_price_war" for r in doc.results())
    doc.set_scenario(None)
    assert combo.currentIndex() == 0
    assert _overalls(doc) == pytest.approx(before)
    doc.set_scenario("financing_thaw")
    assert combo.currentData() == "financing_thaw"
    assert doc.undo_stack.count() == 0  # a scenario is a view, not an edit


def test_load_framework_replaces_it_undoably(view, doc, scripted_ask, tmp_path):
    data = doc.framework.model_dump(mode="json")
    data["id"], data["version"] = "custom", "2.0"
    data["pillars"][0]["weight"] = 3.0
    path = tmp_path / "custom.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    old = doc.framework
    before = _overalls(doc)
    scripted_ask.queue("open_file", str(path))
    scripted_ask.queue("migration", True)  # the preview confirmed
    assert view.files.load()
    assert doc.framework.id == "custom" and doc.framework.pillars[0].weight == 3.0
    assert "custom" in view.identity_label.text()
    assert _overalls(doc) != before
    doc.undo_stack.undo()
    assert doc.framework == old
    assert _overalls(doc) == pytest.approx(before)
    assert "beachhead.llm-startups" in view.identity_label.text()
    doc.undo_stack.redo()
    assert doc.framework.id == "custom"


def test_the_buttons_ask_for_a_file(view, doc, scripted_ask, tmp_path):
    data = doc.framework.model_dump(mode="json")
    data["id"], data["version"] = "custom", "2.0"
    path = tmp_path / "custom.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    scripted_ask.queue("open_file", str(path))
    scripted_ask.queue("migration", True)
    view.load_button.click()
    assert doc.framework.id == "custom"
    scripted_ask.queue("save_file", str(tmp_path / "again"))
    view.save_button.click()
    assert load_framework(tmp_path / "again.json") == doc.framework


def test_load_framework_refuses_a_bad_file(view, doc, scripted_ask, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    old = doc.framework
    scripted_ask.queue("open_file", str(bad))
    assert not view.files.load()
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps({"format": "beachhead.framework"}), encoding="utf-8")
    assert not view.files.load(str(invalid))
    assert doc.framework is old and doc.undo_stack.count() == 0
    errors = scripted_ask.errors()
    assert len(errors) == 2
    assert all("nothing was changed" in e for e in errors)


def test_load_framework_lacking_scored_criteria_previews_the_migration(view, doc,
                                                                      scripted_ask, tmp_path):
    smaller = _without_criterion(doc.framework, "cap.runway")
    assert scored_criteria_missing(doc.portfolio, smaller)
    path = tmp_path / "smaller.json"
    save_framework(smaller, path)
    old = doc.framework
    assert not view.files.load(str(path))  # the preview cancelled
    assert doc.framework is old and doc.undo_stack.count() == 0
    plan = scripted_ask.migration_dialogs[0].plan
    assert [c.id for c in plan.criteria.removed] == ["cap.runway"]
    scripted_ask.queue("migration", True)
    assert view.files.load(str(path))
    assert doc.framework == smaller and doc.undo_stack.count() == 1
    assert all("cap.runway" not in a.scores for _, a in doc.portfolio.assessments())
    doc.undo_stack.undo()
    assert doc.framework == old and not scripted_ask.errors()


def test_load_cancelled_changes_nothing(view, doc, scripted_ask):
    assert not view.files.load()  # the scripted dialog answers '' (cancel)
    assert doc.undo_stack.count() == 0


def test_save_framework_as_writes_a_loadable_file(view, doc, scripted_ask, tmp_path):
    scripted_ask.queue("save_file", str(tmp_path / "mine"))
    assert view.files.save_as()
    saved = load_framework(tmp_path / "mine.json")
    assert saved == doc.framework  # unchanged weights: the shipped identity stays
    assert not any(kind == "text" for kind, _ in scripted_ask.asked)


def test_save_framework_reports_a_write_error(view, scripted_ask, tmp_path):
    scripted_ask.queue("save_file", str(tmp_path / "missing-folder" / "x.json"))
    assert not view.files.save_as()
    assert any("could not be written" in e for e in scripted_ask.errors())


def test_set_document_follows_the_new_one(view, doc):
    other = Document(sample_portfolio())
    view.set_document(other)
    view.pillar_model.setData(view.pillar_model.index(0, view.pillar_model.WEIGHT), 2.0)
    assert other.framework.pillars[0].weight == 2.0
    assert doc.framework.pillars[0].weight == 1.0
    # edits of the old document no longer reach the view
    doc.apply_framework(doc.framework.with_weights(pillar_weights={"niche": 9.0}))
    assert "6.00" in view.pillar_sum_label.text()

