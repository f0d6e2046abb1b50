"""Invariants over every entry of the shipped framework, and validation of bad frameworks."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path

import pytest

from models.core.errors import InputError
from models.core.framework import LANGUAGES
from models.files.framework_file import default_framework, load_framework, save_framework

SOURCE = Path(__file__).resolve().parents[3] / "shared" / "source" / "000_b8b817261007554c.txt"

EXPECTED = {
    "niche": ("benefit", ["segment_focus", "dirty_work", "customer_depth"]),
    "tech": ("benefit", ["threshold", "disruption", "immaturity_edge", "rd_efficiency"]),
    "eco": ("benefit", ["new_ecosystem", "distribution_independence", "allies"]),
    "press": ("cost", ["segment_attention", "product_overlap", "traffic_cost", "price_pressure",
                       "latent_entrant"]),
    "cap": ("benefit", ["runway", "team_stability", "backing"]),
}


@pytest.fixture(scope="module")
def fw():
    return default_framework()


def test_pillars_and_criteria_match_the_design(fw):
    assert [p.id for p in fw.pillars] == list(EXPECTED)
    assert len(fw.criteria) == 18
    for p in fw.pillars:
        direction, slugs = EXPECTED[p.id]
        assert p.direction == direction and p.enabled and p.weight == 1.0
        assert [c.id for c in p.criteria] == [f"{p.id}.{s}" for s in slugs]
        for c in p.criteria:
            assert c.direction == direction, c.id
            assert c.weight == 1.0


def _texts(obj):
    if isinstance(obj, dict):
        if set(obj) <= set(LANGUAGES) and "en" in obj and all(isinstance(v, str)
                                                               for v in obj.values()):
            yield obj
        else:
            for v in obj.values():
                yield from _texts(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _texts(v)


def test_every_text_is_in_both_languages(fw):
    texts = list(_texts(fw.model_dump(mode="json")))
    assert len(texts) > 150
    for t in texts:
        assert t["en"].strip() and t.get("zh_CN", "").strip(), t
        assert re.search(r"[\u4e00-\u9fff]", t["zh_CN"]), t


def test_rubric_levels_are_distinct_and_concrete(fw):
    for c in fw.criteria:
        levels = [lv["en"] for lv in c.rubric]
        assert len(set(levels)) == 5, c.id
        assert all(len(lv) >= 25 for lv in levels), c.id


def test_no_sentence_copied_from_the_article(fw):
    if not SOURCE.exists():
        pytest.skip("article not beside the project")
    article = SOURCE.read_text(encoding="utf-8").lower()
    words = re.findall(r"[a-z']+", article)
    # no run of 8 consecutive words of the article appears in any framework text
    grams = {" ".join(words[i:i + 8]) for i in range(len(words) - 7)}
    for t in _texts(fw.model_dump(mode="json")):
        tw = re.findall(r"[a-z']+", t["en"].lower())
        for i in range(len(tw) - 7):
            assert " ".join(tw[i:i + 8]) not in grams, t["en"]


def test_rules_and_scenarios_reference_real_ids(fw):
    names = {p.name["en"] for p in fw.postures}
    assert {"Niche specialist", "Dirty-work specialist", "New-ecosystem pioneer",
            "Technology frontrunner", "Head-on with the giants",
            "Waiting for an opening"} <= names
    assert any(p.kind == "warning" for p in fw.postures)
    assert {s.id for s in fw.scenarios} >= {"sleeping_giant_enters", "open_source_price_war",
                                             "financing_thaw"}
    for rule in fw.iter_rules():
        assert rule.source or rule in fw.deal_breakers
    for s in fw.scenarios:
        assert all(cid in fw.criterion_index for cid in s.shifts)


def test_sources_cite_paragraphs(fw):
    assert set(fw.paragraphs) == {str(i) for i in range(1, 7)}
    for c in fw.criteria:
        assert c.source and all(1 <= p <= 6 for p in c.source)


def _raw(fw):
    return json.loads(json.dumps(fw.model_dump(mode="json")))


@pytest.mark.parametrize("mutate,where,fragment", [
    (lambda d: d["pillars"][0]["criteria"][0].update(weight=0), "pillars[0].criteria[0].weight",
     "greater than or equal to 0.0001"),
    (lambda d: d["pillars"][1]["criteria"][0]["rubric"].pop(), "pillars[1].criteria[0].rubric",
     "at least 5"),
    (lambda d: d["pillars"][0]["criteria"][0].update(direction="up"),
     "pillars[0].criteria[0].direction", "'benefit' or 'cost'"),
    (lambda d: d["pillars"][0]["criteria"][1].update(id="niche.segment_focus"), "criteria",
     "more than once"),
    (lambda d: d["pillars"][0]["criteria"][1].update(id="tech.other"),
     "pillars[0].criteria[1].id", "must start with"),
    (lambda d: d["postures"][0]["when"][1].update(ref="criterion:niche.nope"),
     "postures[0].when[1].ref", "names no criterion"),
    (lambda d: d["postures"][0]["when"][1].update(value=9), "postures[0].when[1].value",
     "outside 1–5"),
    (lambda d: d["deal_breakers"][0].update(id=d["postures"][0]["id"]),
     "deal_breakers[0].id", "already a posture's id"),
    (lambda d: d["paragraphs"].update({"7": {"en": "x"}}), "paragraphs", "¶1–¶6"),
    (lambda d: d["scenarios"][0]["shifts"].update({"x.y": 1}), "scenarios[0].shifts",
     "names no criterion"),
    (lambda d: d["pillars"][0].update(colour="red"), "pillars[0].colour", "unknown field"),
    (lambda d: d["pillars"][0]["name"].pop("en"), "pillars[0].name", "English"),
])
def test_bad_framework_names_the_field(tmp_path, fw, mutate, where, fragment):
    data = copy.deepcopy(_raw(fw))
    mutate(data)
    p = tmp_path / "bad.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError) as e:
        load_framework(p)
    problems = {pr.location: pr.message for pr in e.value.problems}
    assert where in problems, problems
    assert fragment in problems[where]


def test_save_and_load_framework(tmp_path, fw):
    p = tmp_path / "custom.json"
    custom = fw.with_weights(pillar_weights={"cap": 0.5}, enabled={"eco": False})
    save_framework(custom, p)
    again = load_framework(p)
    assert again == custom
    assert again.pillar("cap").weight == 0.5 and not again.pillar("eco").enabled


def test_not_json(tmp_path):
    p = tmp_path / "f.json"
    p.write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="not valid JSON"):
        load_framework(p)


def test_framework_is_hashable(fw):
    assert len({fw, default_framework()}) == 1


@pytest.mark.parametrize("weight", [0.0, 5e-324, 1e-5, 1.8e306, 1e5, float("inf"), float("nan")])
def test_weights_outside_the_documented_range_are_refused(weight):
    from pydantic import ValidationError

    from models.files.framework_file import default_framework

    fw = default_framework()
    with pytest.raises(ValidationError) as info:
        fw.with_weights(pillar_weights={"niche": weight})
    assert "pillars.0.weight" in str(info.value).replace("\n", " ") or "weight" in str(info.value)
    with pytest.raises(ValidationError):
        fw.with_weights(criterion_weights={"niche.dirty_work": weight})


def test_weights_at_the_bounds_score_exactly():
    from models.core.framework import MAX_WEIGHT, MIN_WEIGHT
    from models.core.portfolio import Assessment, Score, Startup
    from models.engine.results import score_assessment
    from models.files.framework_file import default_framework

    fw = default_framework().with_weights(pillar_weights={"niche": MAX_WEIGHT, "tech": MIN_WEIGHT})
    levels = {c.id: 5 for p in fw.pillars for c in p.criteria if p.id == "niche"}
    levels.update({c.id: 1 for p in fw.pillars for c in p.criteria if p.id != "niche"})
    r = score_assessment(Startup(name="x"), Assessment(
        scores={k: Score(value=v) for k, v in levels.items()}), fw)
    # niche 100 at weight 10,000; tech 0 at 1e-4; eco 0 and cap 0 at 1; press (cost, all 1) 100 at 1
    expected = 100 * (MAX_WEIGHT + 1) / (MAX_WEIGHT + MIN_WEIGHT + 3)
    assert r.overall == pytest.approx(expected, rel=1e-12)
