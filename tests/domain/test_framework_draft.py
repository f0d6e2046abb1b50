"""A framework being edited: immutable snapshots, problems on the exact field, missing
translations, and new pillars and criteria with ids made from their names."""

from __future__ import annotations

import pytest

from models.core.framework import Framework
from models.core.framework_authoring import slug, unique, with_criterion, with_pillar
from models.core.framework_draft import DraftProblem, FrameworkDraft
from models.files.framework_file import default_framework


@pytest.fixture(scope="module")
def fw() -> Framework:
    return default_framework()


@pytest.fixture
def draft(fw: Framework) -> FrameworkDraft:
    return FrameworkDraft.from_framework(fw)


def test_the_shipped_framework_is_a_draft_without_problems(fw, draft):
    assert draft.problems() == []
    assert draft.framework() == fw
    assert draft.missing_translations() == []
    assert draft.get(("pillars", 3, "criteria", 1, "id")) == "press.product_overlap"
    assert draft.get(("pillars", 9, "id")) is None
    assert draft.get(("nothing", "here"), "x") == "x"


def test_changes_make_new_drafts_and_leave_the_old_one_as_it_was(draft):
    path = ("pillars", 0, "criteria", 0, "rubric", 2, "en")
    before = draft.get(path)
    reworded = draft.with_value(path, "Three concrete customers named")
    assert reworded.get(path) == "Three concrete customers named"
    assert draft.get(path) == before
    assert reworded.changed == path and draft.changed is None
    # parts not on the path are shared, not copied
    assert reworded.data["pillars"][1] is draft.data["pillars"][1]
    assert reworded.data["pillars"][0] is not draft.data["pillars"][0]
    assert reworded != draft
    assert reworded.with_value(path, before) == draft

    moved = draft.with_moved(("pillars",), 0, 2)
    assert [p["id"] for p in moved.data["pillars"]] == ["tech", "eco", "niche", "press", "cap"]
    assert [p["id"] for p in draft.data["pillars"]] == ["niche", "tech", "eco", "press", "cap"]
    assert moved.framework() is not None
    assert moved.with_moved(("pillars",), 2, 0) == draft

    removed = draft.with_removed(("postures", 0))
    assert len(removed.data["postures"]) == len(draft.data["postures"]) - 1
    assert removed.data["postures"][0] == draft.data["postures"][1]
    back = removed.with_inserted(("postures",), 0, draft.data["postures"][0])
    assert back == draft


def test_an_empty_rubric_level_is_named_to_its_language(draft):
    path = ("pillars", 2, "criteria", 0, "rubric", 3, "en")
    broken = draft.with_value(path, "   ")
    assert broken.framework() is None
    assert broken.problems() == [DraftProblem(path, "The English text is empty")]
    assert broken.problems("zh_CN") == [DraftProblem(path, "英文文本为空")]


def test_a_missing_chinese_text_is_no_problem_but_is_listed(draft):
    a = ("pillars", 1, "criteria", 2, "question", "zh_CN")
    b = ("pillars", 0, "name", "zh_CN")
    partial = draft.with_value(a, "").with_removed(b)
    assert partial.problems() == []
    assert partial.missing_translations() == [b, a]


def test_a_removed_criterion_is_a_problem_of_every_rule_naming_it(draft):
    broken = draft.with_removed(("pillars", 0, "criteria", 0))
    refs = [p.path for p in broken.problems()]
    # counted by hand in resources/frameworks/default.json: two postures and one
    # deal-breaker name niche.segment_focus, in their second condition
    assert refs == [("postures", 0, "when", 1, "ref"), ("postures", 5, "when", 1, "ref"),
                    ("deal_breakers", 1, "when", 1, "ref")]
    assert broken.problems()[0].message == (
        "'criterion:niche.segment_focus' names no criterion of this framework")
    assert broken.problems("zh_CN")[0].message == (
        "“criterion:niche.segment_focus”不是本框架中的标准")


def test_a_pillar_with_no_criterion_and_duplicate_ids(draft):
    empty = draft.with_value(("pillars", 2, "criteria"), [])
    assert empty.problems()[0] == DraftProblem(
        ("pillars", 2, "criteria"), "This pillar has no criterion: add one or remove the pillar")
    twice = draft.with_value(("deal_breakers", 1, "id"), draft.get(("deal_breakers", 0, "id")))
    assert [p.path for p in twice.problems()] == [("deal_breakers", 1, "id")]
    crit = draft.with_value(("pillars", 0, "criteria", 2, "id"), "niche.dirty_work")
    # and what named niche.customer_depth now names nothing
    assert [p.path for p in crit.problems()] == [
        ("pillars", 0, "criteria", 2, "id"), ("postures", 1, "when", 1, "ref"),
        ("scenarios", 1, "exposure", 1, "when", 1, "ref"),
        ("scenarios", 1, "exposure", 1, "shifts", "niche.customer_depth")]
    assert "used more than once" in crit.problems()[0].message


def test_weights_and_other_field_errors_land_on_their_field(draft):
    bad = (draft.with_value(("pillars", 1, "weight"), 0)
           .with_value(("pillars", 4, "criteria", 0, "direction"), "sideways")
           .with_value(("pillars", 3, "criteria", 1, "source"), []))
    assert [p.path for p in bad.problems()] == [
        ("pillars", 1, "weight"), ("pillars", 3, "criteria", 1, "source"),
        ("pillars", 4, "criteria", 0, "direction")]
    assert bad.problems()[0].message == "The weight must be a number from 0.0001 to 10000"
    off = draft
    for i in range(5):
        off = off.with_value(("pillars", i, "enabled"), False)
    assert off.problems() == [DraftProblem(("pillars", 0, "enabled"),
                                           "At least one pillar must be switched on")]


def test_a_condition_value_out_of_range_is_named_by_pydantic_at_its_field(draft):
    bad = draft.with_value(("postures", 0, "when", 1, "value"), 9)
    assert [p.path for p in bad.problems()] == [("postures", 0, "when", 1, "value")]
    assert "outside 1–5" in bad.problems()[0].message


def test_slugs_and_unique_ids():
    assert slug("Gross margin (%)", "x") == "gross_margin"
    assert slug("Équipe & Culture", "x") == "equipe_culture"
    assert slug("增长", "criterion") == "criterion"
    assert slug("2x growth", "criterion") == "criterion_2x_growth"
    assert unique("a", {"a", "a_2"}) == "a_3"
    assert unique("b", {"a"}) == "b"


def test_a_new_pillar_with_two_criteria_becomes_valid_once_written(draft):
    d = with_pillar(draft, 5, "Traction", "牵引力")
    assert d.get(("pillars", 5, "id")) == "traction"
    assert d.problems()[0] == DraftProblem(("pillars", 5, "description", "en"),
                                           "The English text is empty")
    d = with_criterion(d, 5, 0, "Revenue growth")
    d = with_criterion(d, 5, 1, "Revenue growth")
    assert [c["id"] for c in d.get(("pillars", 5, "criteria"))] == [
        "traction.revenue_growth", "traction.revenue_growth_2"]
    empties = [p.path for p in d.problems()]
    assert len(empties) == 1 + 2 * 6  # the description; each question and five levels
    for j in range(2):
        d = d.with_value(("pillars", 5, "criteria", j, "question", "en"), f"Question {j}?")
        for k in range(5):
            d = d.with_value(("pillars", 5, "criteria", j, "rubric", k, "en"), f"Level {k + 1}")
    d = d.with_value(("pillars", 5, "description", "en"), "Customers paying, and more")
    fw = d.framework()
    assert fw is not None and d.problems() == []
    assert fw.criterion_ids[-2:] == ["traction.revenue_growth", "traction.revenue_growth_2"]
    assert fw.pillar("traction").name == {"en": "Traction", "zh_CN": "牵引力"}
    # the Chinese texts still to write: the criteria's names, questions and levels, and
    # the pillar's description
    assert len(d.missing_translations()) == 1 + 2 * 7


def test_a_reworded_level_is_a_patch_and_a_new_pillar_a_major_version(fw, draft):
    import datetime as dt

    from models.core.framework_release import framework_id, new_framework, next_release

    day = dt.date(2026, 12, 2)
    level = ("pillars", 0, "criteria", 0, "rubric", 2, "en")
    reworded = draft.with_value(level, "Exactly one segment, named").framework()
    assert reworded is not None
    released, kind = next_release(fw, reworded, day)
    assert (released.id, released.version, kind) == (fw.id, "1.0.1", "patch")
    entry = released.changelog[-1]
    assert (entry.version, entry.date, entry.kind) == ("1.0.1", day, "patch")
    assert entry.summary["en"] == "Rubric level 3 of Segment focus reworded (English text)"
    assert len(released.changelog) == len(fw.changelog) + 1
    same, none = next_release(fw, fw, day)
    assert none is None and same == fw
    heavier = draft.with_value(("pillars", 1, "weight"), 2.0).framework()
    assert next_release(fw, heavier, day)[0].version == "1.1.0"
    own = new_framework(fw, reworded, "Traction Plus!", day)
    assert (own.id, own.version, own.name) == (
        "custom.traction-plus", "1.0.0", {"en": "Traction Plus!", "zh_CN": "Traction Plus!"})
    assert [e.version for e in own.changelog] == ["1.0.0"]
    assert own.changelog[0].summary["en"].startswith(
        "Based on beachhead.llm-startups 1.0.0; Rubric level 3")
    assert own.changelog[0].summary["zh_CN"].startswith("基于 beachhead.llm-startups 1.0.0；")
    assert framework_id("Traction Plus!") == "custom.traction-plus"
    # names beyond ASCII keep ids of their own
    ids = {framework_id(n) for n in ("远帆框架", "澄川框架", "AI 远帆", "AI 澄川")}
    assert len(ids) == 4 and framework_id("远帆框架") == framework_id(" 远帆框架 ")
    assert framework_id("远帆框架").startswith("custom.framework-")
    assert framework_id("AI 远帆").startswith("custom.ai-")
