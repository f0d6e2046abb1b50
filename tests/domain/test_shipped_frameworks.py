"""The frameworks Beachhead ships: the article's and its adaptation with a Traction pillar,
listed, validated, and told apart in words."""

from __future__ import annotations

import re

import pytest

from models.core.framework_diff import framework_differences
from models.core.framework_version import change_kind
from models.files.framework_file import (
    default_framework,
    shipped_framework,
    shipped_frameworks,
)
from tests.domain.test_framework import SOURCE, _texts
from tests.helpers import run_cli

TRACTION = "beachhead.llm-startups-traction"


@pytest.fixture(scope="module")
def traction():
    return shipped_framework(TRACTION)


def test_shipped_frameworks_are_listed_default_first(capsys):
    assert [(f.id, f.version) for f in shipped_frameworks()] == [
        ("beachhead.llm-startups", "1.0.0"), (TRACTION, "1.0.0")]
    assert shipped_frameworks()[0] == default_framework()
    with pytest.raises(KeyError):
        shipped_framework("nope")
    code, out, _ = run_cli(capsys, "framework", "list")
    assert code == 0 and out.splitlines() == [
        "beachhead.llm-startups\t1.0.0\tBeachhead: LLM startups against the incumbents",
        f"{TRACTION}\t1.0.0\tBeachhead with traction: LLM startups against the incumbents"]


def test_traction_validates_on_the_command_line(capsys):
    path = "resources/frameworks/traction.json"
    code, out, err = run_cli(capsys, "framework", "validate", path)
    assert (code, err) == (0, "")
    assert out == (f"{path}: valid framework {TRACTION} 1.0.0: 6 pillars, 21 criteria, "
                   "11 rules (7 postures, 4 deal-breakers), 4 scenarios\n")


def test_traction_is_the_default_plus_one_pillar(traction, capsys):
    shipped = default_framework()
    assert framework_differences(shipped, traction) == [
        "Pillar Traction added with criteria Revenue growth, Paying-customer retention, "
        "Organic usage depth"]
    assert framework_differences(shipped, traction, "zh_CN") == [
        "新增支柱“市场牵引力”，含标准：收入增长，付费客户留存，自然使用深度"]
    assert change_kind(shipped, traction) == "major"
    assert [p.id for p in traction.pillars][:5] == [p.id for p in shipped.pillars]
    assert traction.pillar("traction").weight == 1.0
    assert [c.id for c in traction.pillar("traction").criteria] == [
        "traction.revenue_growth", "traction.retention", "traction.usage_depth"]
    code, out, _ = run_cli(capsys, "framework", "diff", "beachhead.llm-startups", TRACTION)
    assert code == 0 and out.splitlines()[-1].startswith("a major change")


def test_traction_says_it_is_an_adaptation_with_a_changelog(traction):
    assert "adaptation" in traction.description["en"]
    assert "改编" in traction.description["zh_CN"]
    [entry] = traction.changelog
    assert (entry.version, entry.kind) == ("1.0.0", "major")


def test_traction_texts_are_in_both_languages_and_concrete(traction):
    pillar = traction.pillar("traction")
    texts = list(_texts(pillar.model_dump(mode="json")))
    assert len(texts) == 2 + 3 * 7  # pillar name and description; each criterion 7 texts
    for t in texts:
        assert t["en"].strip() and re.search(r"[\u4e00-\u9fff]", t.get("zh_CN", "")), t
    for c in pillar.criteria:
        levels = [lv["en"] for lv in c.rubric]
        assert len(set(levels)) == 5 and all(len(lv) >= 25 for lv in levels), c.id
        assert c.source and all(1 <= p <= 6 for p in c.source)


def test_traction_copies_no_sentence_of_the_article(traction):
    if not SOURCE.exists():
        pytest.skip("article not beside the project")
    words = re.findall(r"[a-z']+", SOURCE.read_text(encoding="utf-8").lower())
    grams = {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}
    for t in _texts(traction.model_dump(mode="json")):
        tw = re.findall(r"[a-z']+", t["en"].lower())
        for i in range(len(tw) - 7):
            assert " ".join(tw[i:i + 8]) not in grams, t["en"]
