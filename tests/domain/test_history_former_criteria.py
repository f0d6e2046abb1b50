"""The history names a score of a criterion the current framework no longer has by its name
in the framework version in force when it was scored (a workspace keeps every version), in
English and Chinese, on a file and on a team workspace; ``beachhead history`` prints it."""

from __future__ import annotations

from models.cli import main as cli
from models.core.framework import Framework
from models.engine.sample import sample_portfolio
from models.history.describe import describe_changes
from models.history.timeline import Timeline
from models.store.changelog import Kind
from models.store.workspace import Workspace
from tests.domain.test_framework_migration import GONE, STARTUP, traction_framework


def test_a_removed_score_is_named_as_the_framework_it_was_scored_under_named_it(
        new_location):
    sample = sample_portfolio()
    new = traction_framework(sample.framework)
    with Workspace.create(new_location(), sample, who="Ann") as ws:
        sid = next(st.id for st in sample.startups if st.name == STARTUP)
        ws.replace_framework(new, "migrate", drop_scored=True)
        assert [(f.id, f.version) for f in ws.frameworks()] == [
            ("beachhead.llm-startups", "1.0.0"), ("beachhead.llm-startups", "2.0.0")]
        changes = ws.changes(startup_id=sid)
        rows = {lang: [r for r in describe_changes(changes, ws.load(), lang, Timeline.of(ws))
                       if r.change.kind is Kind.SCORE_REMOVE] for lang in ("en", "zh_CN")}
        assert len(rows["en"]) == 2 and {r.change.criterion_id for r in rows["en"]} == {GONE}
        assert rows["en"][0].what == ("Immaturity edge (not in beachhead.llm-startups 2.0.0; "
                                      "named as in 1.0.0) – score taken out")
        assert rows["zh_CN"][0].what.startswith(
            "不成熟红利（不在 beachhead.llm-startups 2.0.0 中；名称依 1.0.0 版）")
        # without the versions, only the id is left
        bare = describe_changes(changes, ws.load(), "en")
        assert any(r.what.startswith(f"{GONE} (not in the framework)") for r in bare)


def test_beachhead_history_names_it(tmp_path, capsys):
    sample = sample_portfolio()
    path = tmp_path / "w.beachhead"
    with Workspace.create(path, sample, who="Ann") as ws:
        ws.replace_framework(traction_framework(sample.framework), "migrate",
                             drop_scored=True)
    assert cli.main(["history", str(path), "--startup", STARTUP, "--format", "csv"]) == 0
    out = capsys.readouterr().out
    assert "Immaturity edge (not in beachhead.llm-startups 2.0.0; named as in 1.0.0)" in out
    assert f"{GONE} (not in the framework)" not in out
    assert cli.main(["history", str(path), "--startup", STARTUP, "--lang", "zh_CN"]) == 0
    assert "不成熟红利（不在 beachhead.llm-startups 2.0.0 中；名称依 1.0.0 版）" in \
        capsys.readouterr().out


def test_each_change_is_named_as_the_version_then_in_force_named_it(new_location):
    sample = sample_portfolio()
    first = sample.framework
    data = first.model_dump(mode="json")
    data["version"] = "1.0.1"
    tech = next(p for p in data["pillars"] if p["id"] == "tech")
    gone = next(c for c in tech["criteria"] if c["id"] == GONE)
    gone["name"] = {"en": "Immaturity window", "zh_CN": "不成熟窗口"}
    reworded = Framework.model_validate(data)
    with Workspace.create(new_location(), sample, who="Ann") as ws:
        aid = sample.startups[0].assessments[0].id
        ws.set_score_field(aid, GONE, "value", 2)  # under 1.0.0
        ws.replace_framework(reworded)
        ws.set_score_field(aid, GONE, "value", 3)  # under 1.0.1, which renamed it
        ws.replace_framework(traction_framework(reworded), drop_scored=True)
        rows = [r for r in describe_changes(ws.changes(assessment_id=aid), ws.load(), "en",
                                            Timeline.of(ws)) if r.change.criterion_id == GONE]
        now = "beachhead.llm-startups 2.0.0"
        assert [(r.what, r.old, r.new) for r in rows] == [
            (f"Immaturity window (not in {now}; named as in 1.0.1) – score taken out",
             rows[0].old, rows[0].new),
            (f"Immaturity window (not in {now}; named as in 1.0.1) – level", "2", "3"),
            (f"Immaturity edge (not in {now}; named as in 1.0.0) – level", "5", "2")]
