"""A framework changed in the Framework view never keeps the identity of the one it came from:
weights, pillar switches and pairwise weights make the next minor version with a changelog
entry in words; the merged steps of one weight are one version; undo gives the old identity
back; on a workspace (file or team) a version naming other content is passed over, and the
framework that comes back reuses its row (pytest-qt, offscreen)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.commands import ChangeFramework
from gui.document import Document
from gui.views.framework.view import FrameworkView
from models.core.framework import Framework
from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework, load_framework
from models.store.workspace import Workspace


@pytest.fixture
def view(qtbot, doc, scripted_ask) -> FrameworkView:
    v = FrameworkView(doc)
    qtbot.addWidget(v)
    return v


def _set_pillar(view: FrameworkView, row: int, weight: float) -> None:
    model = view.pillar_model
    assert model.setData(model.index(row, model.WEIGHT), weight)


def _last(fw: Framework) -> tuple[str, str, str, str]:
    entry = fw.changelog[-1]
    return entry.version, entry.kind, entry.summary["en"], entry.summary["zh_CN"]


def test_a_weight_edit_makes_the_next_minor_version_and_undo_gives_the_old_back(view, doc):
    shipped = doc.framework
    assert (shipped.id, shipped.version) == ("beachhead.llm-startups", "1.0.0")
    _set_pillar(view, 0, 2.0)
    fw = doc.framework
    assert (fw.id, fw.version) == ("beachhead.llm-startups", "1.1.0")
    assert fw.pillars[0].weight == 2.0
    assert fw.changelog[:-1] == shipped.changelog
    assert _last(fw) == ("1.1.0", "minor", "Weight of pillar Niche position 1 → 2",
                         "支柱“细分定位”的权重 1 → 2")
    assert fw.changelog[-1].date == dt.date.today()
    assert "1.1.0" in view.identity_label.text()
    doc.undo_stack.undo()
    assert doc.framework == shipped
    doc.undo_stack.redo()
    assert doc.framework == fw


def test_the_merged_steps_of_one_weight_are_one_version(view, doc):
    shipped = doc.framework
    for weight in (1.1, 1.2, 1.3, 3.0):  # the spin box's arrow steps, then a typed value
        _set_pillar(view, 0, weight)
    assert doc.undo_stack.count() == 1
    fw = doc.framework
    assert fw.version == "1.1.0" and len(fw.changelog) == len(shipped.changelog) + 1
    assert _last(fw)[2] == "Weight of pillar Niche position 1 → 3"
    doc.undo_stack.undo()
    assert doc.framework == shipped


def test_each_undo_step_is_a_version_of_its_own(view, doc):
    _set_pillar(view, 0, 2.0)
    _set_pillar(view, 1, 3.0)  # another weight: another step
    model = view.pillar_model
    assert model.setData(model.index(3, model.ENABLED), Qt.CheckState.Unchecked,
                         Qt.ItemDataRole.CheckStateRole)
    fw = doc.framework
    assert [(e.version, e.summary["en"]) for e in fw.changelog[1:]] == [
        ("1.1.0", "Weight of pillar Niche position 1 → 2"),
        ("1.2.0", "Weight of pillar Technology threshold 1 → 3"),
        ("1.3.0", "Pillar Incumbent pressure switched off")]
    assert fw.version == "1.3.0"
    doc.undo_stack.undo()
    assert doc.framework.version == "1.2.0" and doc.framework.pillars[3].enabled


def test_a_weight_set_back_gives_back_the_identity(view, doc):
    shipped = doc.framework
    _set_pillar(view, 0, 2.0)
    _set_pillar(view, 0, 1.0)
    assert doc.framework == shipped


def test_pairwise_weights_make_a_new_version(view, doc):
    shipped = doc.framework
    panel = view.pairwise_panel
    assert panel.apply([4.0, 1.0, 1.0, 1.0, 1.0])
    fw = doc.framework
    assert fw.version == "1.1.0" and fw.id == shipped.id
    assert _last(fw)[1] == "minor" and "Weight of pillar Niche position" in _last(fw)[2]
    doc.undo_stack.undo()
    assert doc.framework == shipped


def test_a_framework_claiming_the_shipped_identity_gets_its_next_version_when_saved(
        view, doc, scripted_ask, tmp_path):
    # a portfolio saved before every change made a version: other weights, same identity
    shipped = doc.framework
    doc.apply_framework(shipped.with_weights(pillar_weights={"cap": 2.0}))
    assert view.files.is_modified()
    scripted_ask.queue("save_file", str(tmp_path / "mine"))
    assert view.files.save_as()
    saved = load_framework(tmp_path / "mine.json")
    assert (saved.id, saved.version) == (shipped.id, "1.1.0")
    assert _last(saved)[2] == "Weight of pillar Capital resilience 1 → 2"
    assert doc.framework == saved and not view.files.is_modified()
    assert doc.undo_stack.undoText().startswith("Make a new version of the framework")
    doc.undo_stack.undo()
    assert (doc.framework.id, doc.framework.version) == (shipped.id, "1.0.0")


def test_a_file_claiming_the_shipped_identity_comes_in_as_its_next_version(
        view, doc, scripted_ask, tmp_path):
    shipped = doc.framework
    data = shipped.model_dump(mode="json")
    data["pillars"][4]["weight"] = 4.0  # hand-edited, id and version left as they were
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    scripted_ask.queue("open_file", str(path))
    scripted_ask.queue("migration", True)
    assert view.files.load()
    fw = doc.framework
    assert (fw.id, fw.version, fw.pillars[4].weight) == (shipped.id, "1.1.0", 4.0)
    assert _last(fw)[2] == "Weight of pillar Capital resilience 1 → 4"
    doc.undo_stack.undo()
    assert doc.framework == shipped


def _rows(ws: Workspace) -> list[tuple[str, str]]:
    return [(f.id, f.version) for f in ws.frameworks()]


def _on_workspace(qapp, address: str | Path) -> Document:
    ws = Workspace.open(address, who="Ann")
    return Document(ws.load(), workspace=ws)


def _workspace_versions(doc: Document) -> None:
    """Edit, undo and edit another weight on a workspace document."""
    assert doc.workspace is not None
    ws = doc.workspace
    push = doc.undo_stack.push
    fw = doc.framework
    push(ChangeFramework(doc, fw.with_weights(pillar_weights={"niche": 2.0}), "weight",
                         fw.pillar("niche").name, "pillar:niche"))
    assert doc.framework.version == "1.1.0"
    doc.undo_stack.undo()
    assert doc.framework == fw == ws.framework()
    # the framework that came back reuses its row
    assert _rows(ws) == [(fw.id, "1.0.0"), (fw.id, "1.1.0")]
    push(ChangeFramework(doc, fw.with_weights(pillar_weights={"eco": 2.0}), "weight",
                         fw.pillar("eco").name, "pillar:eco"))
    # 1.1.0 names the first weighting in this workspace: the other one is 1.2.0
    assert doc.framework.version == "1.2.0"
    assert _last(doc.framework)[2] == "Weight of pillar Ecosystem 1 → 2"
    assert _rows(ws) == [(fw.id, "1.0.0"), (fw.id, "1.1.0"), (fw.id, "1.2.0")]
    assert ws.framework() == doc.framework


def test_a_workspace_never_holds_two_contents_under_one_version(qapp, tmp_path):
    path = tmp_path / "w.beachhead"
    Workspace.create(path, sample_portfolio(), who="Ann").close()
    doc = _on_workspace(qapp, path)
    _workspace_versions(doc)
    doc.close()


def test_a_team_workspace_never_holds_two_contents_under_one_version(qapp, pg_url):
    Workspace.create(pg_url, sample_portfolio(), who="Ann").close()
    doc = _on_workspace(qapp, pg_url)
    _workspace_versions(doc)
    doc.close()


def test_the_shipped_version_is_never_taken_by_other_content():
    from models.core.framework_identity import successor

    shipped = default_framework()
    heavier = shipped.with_weights(pillar_weights={"tech": 2.0})
    first = successor(shipped, heavier)
    # a 1.1.0 already known with other content is passed over; with the same content it is
    # that framework, as it is
    other = successor(shipped, shipped.with_weights(pillar_weights={"eco": 2.0}), [first])
    assert other.version == "1.2.0" and other.changelog[-1].version == "1.2.0"
    assert successor(shipped, heavier, [first]) is first
    assert successor(shipped, shipped) is shipped


def test_the_status_bar_names_the_version_results_are_computed_with(qtbot, make_window):
    window = make_window()
    window.replace_document(Document(sample_portfolio(), None, window))
    status = window.status_label.text
    assert status().endswith("framework beachhead.llm-startups 1.0.0")
    window.show_view("framework")
    _set_pillar(window.framework_view, 0, 2.0)
    assert status().endswith("framework beachhead.llm-startups 1.1.0")
    assert window.framework_view.identity_label.text() == \
        "Framework id beachhead.llm-startups · version 1.1.0"
    window.doc.undo_stack.undo()
    assert status().endswith("framework beachhead.llm-startups 1.0.0")


def test_the_status_bar_names_the_version_in_chinese(qtbot, make_window, chinese_built):
    window = make_window()
    window.replace_document(Document(sample_portfolio(), None, window))
    window.set_language("zh_CN")
    assert window.status_label.text().endswith("框架 beachhead.llm-startups 1.0.0")
    window.set_language("en")


def test_the_compare_map_names_the_version_in_saved_images(qtbot, compare_view, doc, tmp_path):
    from tests.ui.test_compare_map_menu import _drawn

    chart = _drawn(qtbot, compare_view)
    ax = compare_view.map._layers.ax
    assert ax.get_title("right") == "beachhead.llm-startups 1.0.0"
    fw = doc.framework
    doc.undo_stack.push(ChangeFramework(doc, fw.with_weights(pillar_weights={"eco": 2.0}),
                                        "weight", fw.pillar("eco").name))
    qtbot.waitUntil(lambda: not chart.is_pending(), timeout=5000)
    chart.canvas.draw()
    assert compare_view.map._layers.ax.get_title("right") == "beachhead.llm-startups 1.1.0"
    saved = compare_view.map.menu.save_image(str(tmp_path / "map.svg"))
    assert saved is not None
    assert "beachhead.llm-startups 1.1.0" in saved.read_text(encoding="utf-8")
