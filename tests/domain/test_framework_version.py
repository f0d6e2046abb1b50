"""Semantic versions of frameworks: parsing, bumping, the kind of a change, the changelog and
schema-1 files."""

from __future__ import annotations

import copy
import datetime as dt
import json

import pytest
from pydantic import ValidationError

from models.core.framework import Framework
from models.core.framework_version import (
    Version,
    bump,
    change_kind,
    compare_versions,
    next_version,
    parse_version,
)
from models.files.framework_file import default_framework, load_framework, save_framework
from tests.domain.small_framework import criterion as _criterion
from tests.domain.small_framework import small


def fw(data: dict) -> Framework:
    return Framework.model_validate(data)


def test_parse_compare_and_bump():
    assert parse_version("1.4.2") == Version(1, 4, 2) and str(Version(1, 4, 2)) == "1.4.2"
    assert compare_versions("1.10.0", "1.9.9") == 1
    assert compare_versions("2.0.0", "2.0.0") == 0
    assert compare_versions("0.9.0", "1.0.0") == -1
    for bad in ("1.0", "1.0.0.0", "01.0.0", "1.a.0", "2026-01-02.101010"):
        with pytest.raises(ValueError, match=r"MAJOR\.MINOR\.PATCH"):
            parse_version(bad)
    assert bump("1.4.2", "patch") == "1.4.3"
    assert bump("1.4.2", "minor") == "1.5.0"
    assert bump("1.4.2", "major") == "2.0.0"
    assert bump("2026-01-02.101010", "minor") == "1.0.0"


def test_same_content_is_no_change_even_with_another_identity():
    a = small()
    b = copy.deepcopy(a)
    b["id"], b["version"] = "test.other", "9.9.9"
    b["changelog"] = [{"version": "9.9.9", "date": "2026-01-01", "kind": "major",
                       "summary": {"en": "Moved."}}]
    assert change_kind(fw(a), fw(b)) is None
    assert next_version(fw(a), fw(b)) == ("1.2.3", None)


@pytest.mark.parametrize("edit", [
    lambda d: d["pillars"][0]["criteria"][1]["rubric"].__setitem__(2, {"en": "Reworded"}),
    lambda d: d["pillars"][0]["criteria"][0]["name"].__setitem__("zh_CN", "新名字"),
    lambda d: d["pillars"][1].__setitem__("description", {"en": "Other words."}),
    lambda d: d["deal_breakers"][0]["description"].__setitem__("en", "Explained anew."),
    lambda d: d["pillars"][0]["criteria"][0].__setitem__("source", [1, 3]),
    lambda d: d.__setitem__("paragraphs", {"1": {"en": "A paragraph."}}),
    lambda d: d["pillars"].reverse(),
])
def test_text_edits_are_a_patch(edit):
    a = small()
    b = copy.deepcopy(a)
    edit(b)
    assert change_kind(fw(a), fw(b)) == "patch"
    assert next_version(fw(a), fw(b)) == ("1.2.4", "patch")


@pytest.mark.parametrize("edit", [
    lambda d: d["pillars"][0].__setitem__("weight", 2.0),
    lambda d: d["pillars"][0]["criteria"][1].__setitem__("weight", 3.0),
    lambda d: d["pillars"][0]["criteria"][1].__setitem__("direction", "cost"),
    lambda d: d["pillars"][1].__setitem__("enabled", False),
    lambda d: d["deal_breakers"][0]["when"][0].__setitem__("value", 40),
    lambda d: d["deal_breakers"].append(
        {"id": "weak_beta", "name": {"en": "Weak beta"}, "description": {"en": "Beta."},
         "when": [{"ref": "criterion:beta.one", "op": "<=", "value": 1}]}),
    lambda d: d.__setitem__("postures", [
        {"id": "strong", "name": {"en": "Strong"}, "description": {"en": "Strong."},
         "when": [{"ref": "overall", "op": ">=", "value": 70}]}]),
    lambda d: d.__setitem__("scenarios", [
        {"id": "shock", "name": {"en": "Shock"}, "description": {"en": "A shock."},
         "shifts": {"alpha.one": -1}}]),
    lambda d: d.__setitem__("decision_thresholds", {"pursue": 70, "watch": 40}),
])
def test_weight_and_rule_edits_are_a_minor(edit):
    a = small()
    b = copy.deepcopy(a)
    edit(b)
    assert change_kind(fw(a), fw(b)) == "minor"
    assert next_version(fw(a), fw(b)) == ("1.3.0", "minor")


@pytest.mark.parametrize("edit", [
    lambda d: d["pillars"][1]["criteria"].append(_criterion("beta.two")),
    lambda d: d["pillars"][0]["criteria"].pop(),
    lambda d: d["pillars"].append(
        {"id": "gamma", "name": {"en": "Gamma"}, "description": {"en": "Third."},
         "direction": "benefit", "source": [3], "criteria": [_criterion("gamma.one")]}),
])
def test_criteria_or_pillars_added_or_removed_are_a_major(edit):
    a = small()
    b = copy.deepcopy(a)
    edit(b)
    b["pillars"][0]["weight"] = 5.0  # a weight change alongside does not lessen it
    assert change_kind(fw(a), fw(b)) == "major"
    assert next_version(fw(a), fw(b)) == ("2.0.0", "major")


def test_changelog_entries_are_checked():
    data = small()
    data["changelog"] = [{"version": "1.0", "date": "2026-01-01", "kind": "major",
                          "summary": {"en": "First."}}]
    with pytest.raises(ValidationError, match=r"MAJOR\.MINOR\.PATCH"):
        fw(data)
    data["changelog"] = [{"version": "1.0.0", "date": "2026-01-01", "kind": "huge",
                          "summary": {"en": "First."}}]
    with pytest.raises(ValidationError, match="kind"):
        fw(data)


def test_shipped_framework_has_a_changelog_and_schema_two():
    shipped = default_framework()
    assert shipped.schema_version == 2 and shipped.version == "1.0.0"
    [entry] = shipped.changelog
    assert (entry.version, entry.date, entry.kind) == ("1.0.0", dt.date(2026, 11, 29), "major")
    assert entry.summary["en"] and entry.summary["zh_CN"]


def test_schema_one_file_still_reads_and_saves_as_schema_two(tmp_path):
    data = small()
    data["schema_version"] = 1
    old = tmp_path / "old.json"
    old.write_text(json.dumps(data), encoding="utf-8")
    read = load_framework(old)
    assert read.schema_version == 2 and read.changelog == []
    assert read.criterion_ids == ["alpha.one", "alpha.two", "beta.one"]
    save_framework(read, tmp_path / "new.json")
    saved = json.loads((tmp_path / "new.json").read_text(encoding="utf-8"))
    assert saved["schema_version"] == 2 and saved["changelog"] == []
    data["schema_version"] = 3
    with pytest.raises(ValidationError, match="schema_version"):
        fw(data)


def test_the_shipped_framework_from_a_schema_one_file_has_the_same_content():
    data = default_framework().model_dump(mode="json")
    data["schema_version"] = 1
    del data["changelog"]
    old = Framework.model_validate(data)
    assert old != default_framework()  # it lacks the changelog
    assert change_kind(old, default_framework()) is None
