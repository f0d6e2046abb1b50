"""Framework files as they come from elsewhere: one written by a newer Beachhead (schema 3),
one saved with a byte-order mark (Notepad), one that is a portfolio, a workspace or a JSON
list, each read or refused in one line naming the file and what is wrong (by
``beachhead framework validate`` too)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from models.core.errors import InputError
from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework, load_framework
from models.files.portfolio_file import save_portfolio
from models.store.workspace import Workspace
from tests.helpers import run_cli


def _problems(path: Path) -> list[str]:
    with pytest.raises(InputError) as caught:
        load_framework(path)
    return str(caught.value).splitlines()


def _shipped_data() -> dict[str, object]:
    return default_framework().model_dump(mode="json")


def test_a_file_from_a_newer_beachhead_says_so(tmp_path: Path):
    data = _shipped_data()
    data["schema_version"] = 3
    path = tmp_path / "newer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert _problems(path) == [
        f"{path}: schema_version: the file uses framework schema version 3, written by a "
        "newer Beachhead; this version reads framework schema versions up to 2. Update "
        "Beachhead to open it."]


def test_a_file_with_a_byte_order_mark_reads(tmp_path: Path):
    path = tmp_path / "notepad.json"
    path.write_text(json.dumps(_shipped_data(), ensure_ascii=False), encoding="utf-8-sig")
    assert load_framework(path) == default_framework()


def test_a_portfolio_or_a_list_is_named_as_no_framework(tmp_path: Path):
    portfolio = tmp_path / "deals.json"
    save_portfolio(sample_portfolio(), portfolio)
    assert _problems(portfolio) == [
        f"{portfolio}: format: not a Beachhead framework (expected \"beachhead.framework\", "
        "found \"beachhead.portfolio\")"]
    listed = tmp_path / "list.json"
    listed.write_text("[1, 2]", encoding="utf-8")
    assert _problems(listed) == [
        f"{listed}: not a Beachhead framework (expected a JSON object)"]


def test_a_workspace_is_named_as_no_framework_file(tmp_path: Path):
    path = tmp_path / "deals.beachhead"
    Workspace.create(path, sample_portfolio()).close()
    assert _problems(path) == [
        f"{path}: a Beachhead workspace (an SQLite database), not a framework file"]


def test_validate_says_the_one_line(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = _shipped_data()
    data["schema_version"] = 3
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data), encoding="utf-8")
    portfolio = tmp_path / "deals.json"
    save_portfolio(sample_portfolio(), portfolio)
    for path in (newer, portfolio):
        code, out, err = run_cli(capsys, "framework", "validate", str(path))
        assert (code, out) == (1, "")
        assert err.strip().splitlines() == _problems(path)


def test_validate_names_an_unknown_field_in_words(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = _shipped_data()
    data["pillars"][0]["criteria"][0]["weigth"] = 2  # type: ignore[index]
    path = tmp_path / "typo.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli(capsys, "framework", "validate", str(path))
    assert code == 1 and err.splitlines() == [
        f"{path}: pillars[0].criteria[0].weigth: Unknown field (not part of a Beachhead "
        "framework)"]
    code, _, err = run_cli(capsys, "framework", "validate", str(path), "--lang", "zh_CN")
    assert err.splitlines() == [
        f"{path}: pillars[0].criteria[0].weigth: 未知字段（不属于 Beachhead 框架格式）"]


def test_validate_says_each_wrong_value_in_words(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = _shipped_data()
    niche = data["pillars"][0]  # type: ignore[index]
    niche["criteria"][0]["rubric"] = niche["criteria"][0]["rubric"][:4]
    niche["criteria"][1]["direction"] = "up"
    niche["criteria"][2]["weight"] = "heavy"
    data["pillars"][1]["source"] = [9]  # type: ignore[index]
    data["pillars"][2]["name"] = "Ecosystem"  # type: ignore[index]
    data["deal_breakers"][0]["match"] = "some"  # type: ignore[index]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    said = {}
    for lang in ("en", "zh_CN"):
        code, _, err = run_cli(capsys, "framework", "validate", str(path), "--lang", lang)
        assert code == 1
        said[lang] = [line.removeprefix(f"{path}: ") for line in err.splitlines()]
    assert said["en"] == [
        "pillars[0].criteria[2].weight: The weight must be a number from 0.0001 to 10000",
        "pillars[0].criteria[0].rubric: At least 5 entries are needed, not 4",
        "pillars[0].criteria[1].direction: Must be 'benefit' or 'cost'",
        "pillars[1].source[0]: Must be at most 6",
        'pillars[2].name: Must be an object: {"en": "…", "zh_CN": "…"} for a text',
        "deal_breakers[0].match: Must be 'all' or 'any'"]
    assert said["zh_CN"][1:4] == [
        "pillars[0].criteria[0].rubric: 至少需要 5 项，现有 4 项",
        "pillars[0].criteria[1].direction: 须为 'benefit' 或 'cost'",
        "pillars[1].source[0]: 须不大于 6"]


def test_validate_names_a_language_beachhead_has_not(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = _shipped_data()
    data["pillars"][0]["name"]["fr"] = "Position de niche"  # type: ignore[index]
    path = tmp_path / "french.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, _, err = run_cli(capsys, "framework", "validate", str(path))
    assert code == 1 and err.splitlines() == [
        f"{path}: pillars[0].name.fr: Unknown language 'fr': a text has English (en) and "
        "Simplified Chinese (zh_CN)"]
    code, _, err = run_cli(capsys, "framework", "validate", str(path), "--lang", "zh_CN")
    assert err.splitlines() == [
        f"{path}: pillars[0].name.fr: 未知语言“fr”：文本只有英文（en）和简体中文（zh_CN）"]


def test_validate_notes_a_version_that_is_not_semantic(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    data = _shipped_data()
    data["version"] = "1.0"
    path = tmp_path / "short.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    code, out, err = run_cli(capsys, "framework", "validate", str(path))
    assert code == 0 and "valid framework beachhead.llm-startups 1.0" in out
    assert err.splitlines() == [f"{path}: note: version '1.0' is not MAJOR.MINOR.PATCH; its "
                                "next version will be 1.0.0"]
