"""Migrating a portfolio to another framework: the plan (criteria and pillars kept, renamed,
removed, added; each startup before and after, ranked by the engine) and the move itself, in
memory and on a workspace, whose change log keeps every score the move took out."""

from __future__ import annotations

import pytest

from models.core import edits
from models.core.framework import Framework
from models.core.framework_migration import apply_migration, criterion_changes, migrated_copy
from models.engine.migration_plan import plan_migration
from models.engine.sample import sample_portfolio
from models.store.changelog import Kind
from models.store.workspace import Workspace
from tests.workspaces import newest_change_at

GONE = "tech.immaturity_edge"
STARTUP = "栖语科技"  # one investor assessment: its levels are the investor view


def _criterion(cid: str, name: str, zh: str) -> dict[str, object]:
    return {"id": cid, "name": {"en": name, "zh_CN": zh}, "question": {"en": f"{name}?"},
            "rubric": [{"en": f"level {i}"} for i in range(1, 6)], "direction": "benefit",
            "source": [1]}


def traction_framework(base: Framework) -> Framework:
    """``base`` with a Traction pillar (two criteria) added, tech.immaturity_edge removed,
    and niche.dirty_work renamed; a new major version."""
    data = base.model_dump(mode="json")
    data["version"] = "2.0.0"
    tech = next(p for p in data["pillars"] if p["id"] == "tech")
    tech["criteria"] = [c for c in tech["criteria"] if c["id"] != GONE]
    niche = next(p for p in data["pillars"] if p["id"] == "niche")
    niche["criteria"][1]["name"] = {"en": "Dirty work done", "zh_CN": "脏活已做"}
    data["pillars"].append({
        "id": "traction", "name": {"en": "Traction", "zh_CN": "牵引力"},
        "description": {"en": "Customers paying and staying."}, "direction": "benefit",
        "source": [1], "criteria": [
            _criterion("traction.revenue_growth", "Revenue growth", "收入增长"),
            _criterion("traction.retention", "Retention", "客户留存")]})
    return Framework.model_validate(data)


@pytest.fixture
def sample():
    return sample_portfolio()


def test_the_plan_names_the_criteria_and_pillars_it_changes(sample):
    new = traction_framework(sample.framework)
    plan = plan_migration(sample, new)
    assert [c.id for c in plan.criteria.removed] == [GONE]
    # every assessment of the eight startups (13) scores it
    assert plan.criteria.removed[0].scores == 13 == plan.removed_scores
    assert [c.id for c in plan.criteria.added] == ["traction.revenue_growth",
                                                   "traction.retention"]
    assert [(c.id, c.after) for c in plan.criteria.renamed] == [
        ("niche.dirty_work", {"en": "Dirty work done", "zh_CN": "脏活已做"})]
    assert plan.criteria.renamed[0].scores == 13
    assert len(plan.criteria.kept) == 18 - 2
    assert [p.id for p in plan.pillars.added] == ["traction"]
    assert plan.pillars.removed == plan.pillars.renamed == []
    assert plan.changes_anything
    assert plan_migration(sample, sample.framework).removed_scores == 0


def test_before_and_after_as_computed_by_hand(sample):
    plan = plan_migration(sample, traction_framework(sample.framework))
    row = next(r for r in plan.startups if r.startup == STARTUP)
    # niche 75, tech (2,3,4,4) 56.25, eco 41.667, press (cost 2,2,3,1,4) 65, cap 58.333
    assert row.overall_before == pytest.approx((75 + 56.25 + 125 / 3 + 65 + 175 / 3) / 5)
    assert row.overall_before == pytest.approx(59.25)
    # tech without immaturity_edge (level 4) is (2,3,4): 50; Traction unscored counts not
    assert row.overall_after == pytest.approx((75 + 50 + 125 / 3 + 65 + 175 / 3) / 5)
    assert row.overall_after == pytest.approx(58.0)
    assert row.change == pytest.approx(-1.25)
    assert row.completeness_before == pytest.approx(1.0)
    assert row.completeness_after == pytest.approx(5 / 6)  # six pillars of equal weight
    assert row.scored_under == (("beachhead.llm-startups", "1.0.0"),)
    assert sorted(r.rank_before for r in plan.startups) == list(range(1, 9))
    assert sorted(r.rank_after for r in plan.startups) == list(range(1, 9))
    assert sample.framework.version == "1.0.0"  # the plan changed nothing


def test_applying_keeps_unaffected_scores_and_returns_the_removed_for_undo(sample):
    before = sample.model_copy(deep=True)
    new = traction_framework(sample.framework)
    with pytest.raises(ValueError, match=GONE):
        edits.replace_framework(sample.model_copy(deep=True), new)  # a plain load refuses
    removed = apply_migration(sample, new)
    assert len(removed) == 13 and {cid for _, cid, _ in removed} == {GONE}
    assert sample.framework == new
    for (_, a), (_, old) in zip(sample.assessments(), before.assessments(), strict=True):
        assert a.scores == {k: v for k, v in old.scores.items() if k != GONE}
        assert "traction.retention" not in a.scores
    edits.replace_framework(sample, before.framework)
    edits.restore_scores(sample, removed)
    assert [a.scores for _, a in sample.assessments()] == [
        a.scores for _, a in before.assessments()]


def test_the_preview_copy_is_what_applying_leaves_and_the_portfolio_is_untouched(sample):
    new = traction_framework(sample.framework)
    before = sample.model_copy(deep=True)
    copy = migrated_copy(sample, new)
    moved = sample.model_copy(deep=True)
    apply_migration(moved, new)
    assert copy == moved and sample == before


def test_criterion_changes_without_counts():
    fw = sample_portfolio().framework
    same = criterion_changes(fw, fw)
    assert not same.structural and len(same.kept) == 18


def test_a_workspace_keeps_the_removed_scores_in_its_history(new_location, sample):
    new = traction_framework(sample.framework)
    with Workspace.create(new_location(), sample, who="Ann") as ws:
        level = next(a for st in sample.startups if st.name == STARTUP
                     for a in st.assessments if a.role == "investor").scores[GONE]
        moment = newest_change_at(ws)
        assert set(ws.scored_under().values()) == {("beachhead.llm-startups", "1.0.0")}
        plan = plan_migration(ws.load(), new, scored_under=ws.scored_under())
        removed = ws.replace_framework(new, "migrate", drop_scored=True)
        assert len(removed) == plan.removed_scores == 13
        now = ws.load()
        assert now.framework == new
        for (_, a), (_, old) in zip(now.assessments(), sample.assessments(), strict=True):
            assert a.scores == {k: v for k, v in old.scores.items() if k != GONE}
        gone = [c for c in ws.changes() if c.kind == Kind.SCORE_REMOVE]
        assert len(gone) == 13 and {c.criterion_id for c in gone} == {GONE}
        assert all(c.comment == "migrate" for c in gone)
        sid = next(st.id for st in sample.startups if st.name == STARTUP)
        mine = [c for c in gone if c.startup_id == sid and c.assessment_id ==
                next(a.id for a in sample.startups[0].assessments if a.role == "investor")]
        assert mine[0].old["score"]["value"] == level.value == 4
        assert ws.as_of(moment) == sample  # the past still shows them
        # an assessment keeps the framework it was scored under until scored again
        assert set(ws.scored_under().values()) == {("beachhead.llm-startups", "1.0.0")}
        aid = now.startups[0].assessments[0].id
        ws.set_score_field(aid, "traction.retention", "value", 4)
        assert ws.scored_under()[aid] == ("beachhead.llm-startups", "2.0.0")
