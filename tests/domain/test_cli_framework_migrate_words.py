"""``beachhead framework migrate --dry-run`` to a version whose criteria are all kept but one of
them is scored otherwise (its direction turned, its weight raised, a rubric level given
another meaning) says so in words, in English and Chinese, instead of calling the criteria
unchanged: the old levels are counted under the new meaning."""

from __future__ import annotations

from pathlib import Path

from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework, save_framework
from models.store.workspace import Workspace
from tests.helpers import run_cli


def test_a_dry_run_says_in_words_what_changed_in_the_criteria_kept(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = default_framework().model_dump(mode="json")
    data["version"] = "1.1.0"
    focus = data["pillars"][0]["criteria"][0]
    focus["direction"], focus["weight"] = "cost", 5
    focus["rubric"][2]["en"] = "The segment is a guess"
    target = tmp_path / "turned.json"
    save_framework(default_framework().model_validate(data), target)
    path = tmp_path / "w.beachhead"
    Workspace.create(path, sample_portfolio()).close()
    code, out, _ = run_cli(capsys, "framework", "migrate", str(path), "--to", str(target),
                           "--dry-run")
    assert code == 0
    lines = out.splitlines()
    at = lines.index("Criteria and pillars:")
    assert lines[at:at + 8] == [
        "Criteria and pillars:", "  the same criteria and pillars",
        "  18 criteria kept with their scores", "", "What changed, in words:",
        "  Rubric level 3 of Segment focus reworded (English text)",
        "  Weight of criterion Segment focus 1 → 5",
        "  Direction of criterion Segment focus higher is better → higher is worse"]
    code, out, _ = run_cli(capsys, "framework", "migrate", str(path), "--to", str(target),
                           "--dry-run", "--lang", "zh_CN")
    assert code == 0 and "变更说明：\n  标准“细分聚焦”的第 3 级评分说明已改写（英文）\n" in out
    assert "  18 项标准保留评分\n" in out
