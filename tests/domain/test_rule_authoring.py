"""New postures, deal-breakers, scenarios and exposure rules in a framework being edited: valid
at once, with ids unique where they must be, and copies named as copies."""

from __future__ import annotations

from models.core.framework_draft import FrameworkDraft
from models.core.rule_authoring import (
    with_exposure,
    with_rule,
    with_rule_copy,
    with_scenario,
    with_scenario_copy,
)
from models.files.framework_file import default_framework


def _draft() -> FrameworkDraft:
    return FrameworkDraft.from_framework(default_framework())


def test_new_rules_are_valid_and_their_ids_unique_across_postures_and_deal_breakers():
    draft = _draft()
    n_postures = len(draft.get(("postures",)))
    draft = with_rule(draft, "postures", n_postures)
    draft = with_rule(draft, "postures", 0)
    draft = with_rule(draft, "deal_breakers", 1)
    fw = draft.framework()
    assert fw is not None, draft.problems()
    assert fw.postures[0].id == "new_posture_2"
    assert fw.postures[-1].id == "new_posture"
    assert (fw.postures[-1].kind, fw.postures[-1].match) == ("strategy", "all")
    assert fw.postures[-1].name == {"en": "New posture", "zh_CN": "新战略姿态"}
    breaker = fw.deal_breakers[1]
    assert breaker.id == "new_deal_breaker"
    assert [(c.ref, c.op, c.value) for c in breaker.when] == [("overall", "<", 30.0)]
    assert [p for p in draft.missing_translations() if p[0] in ("postures", "deal_breakers")] \
        == []


def test_a_copy_follows_its_original_with_a_new_id_and_name():
    draft = with_rule_copy(_draft(), "deal_breakers", 0)
    fw = draft.framework()
    assert fw is not None, draft.problems()
    first, copy = fw.deal_breakers[0], fw.deal_breakers[1]
    assert copy.id == f"{first.id}_2"
    assert copy.name == {"en": f"{first.name['en']} (copy)",
                         "zh_CN": f"{first.name['zh_CN']}（副本）"}
    assert copy.when == first.when and copy.description == first.description


def test_new_scenarios_and_exposure_rules():
    draft = _draft()
    n = len(draft.get(("scenarios",)))
    draft = with_scenario(draft, n, "niche.segment_focus")
    draft = with_exposure(draft, n, 0, "cap.runway")
    draft = with_exposure(draft, n, 1, "cap.runway")
    draft = with_scenario_copy(draft, n)
    fw = draft.framework()
    assert fw is not None, draft.problems()
    new, copy = fw.scenarios[n], fw.scenarios[n + 1]
    assert (new.id, new.shifts) == ("new_scenario", {"niche.segment_focus": -1})
    assert [r.id for r in new.exposure] == ["new_exposure", "new_exposure_2"]
    assert new.exposure[0].shifts == {"cap.runway": -1}
    assert (copy.id, copy.name["en"]) == ("new_scenario_2", "New scenario (copy)")
