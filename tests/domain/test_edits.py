"""Edits of a portfolio (models.core.edits): each change, and taking it back with what it
returned, leaves the portfolio as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from models.core import edits
from models.core.framework import Framework
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from tests.helpers import crit, t, tiny_framework


@pytest.fixture
def portfolio() -> Portfolio:
    a1 = Assessment(assessor="Ada", role="founder", date=dt.date(2024, 5, 1),
                    scores={"a.x": Score(value=4, rationale="strong"),
                            "b.w": Score(confidence="high")})
    a2 = Assessment(assessor="Bo", role="investor", date=dt.date(2024, 6, 1),
                    scores={"a.y": Score(value=2)})
    return Portfolio(framework=tiny_framework(), startups=[
        Startup(name="Acme", sector="robots", assessments=[a1, a2]),
        Startup(name="Brio", assessments=[Assessment()]),
    ])


def _without_b_w() -> Framework:
    """The tiny framework lacking criterion b.w (and the deal-breaker that uses it)."""
    b = {"id": "b", "name": t("Beta"), "description": t("B"), "direction": "cost",
         "weight": 1.0, "source": [4], "criteria": [crit("b.z", "cost")]}
    a = tiny_framework().model_dump(mode="json")["pillars"][0]
    return tiny_framework(pillars=[a, b], deal_breakers=[])


def test_new_startups_and_assessments():
    st = edits.new_startup("Nova")
    assert st.name == "Nova" and [a.role for a in st.assessments] == ["founder"]
    assert edits.new_assessment(st).role == "investor"
    assert edits.new_assessment(Startup(name="Empty")).role == "founder"
    signed = edits.new_startup("Orbit", "Li Wei", "investor")
    assert [(a.assessor, a.role) for a in signed.assessments] == [("Li Wei", "investor")]
    unroled = edits.new_startup("Quill", "Li Wei")  # no role chosen: the founder's first
    assert [(a.assessor, a.role) for a in unroled.assessments] == [("Li Wei", "founder")]


def test_copies_get_fresh_ids_and_share_nothing(portfolio):
    acme = portfolio.startups[0]
    clone = edits.duplicate_startup(acme, "Acme (copy)")
    assert clone.name == "Acme (copy)" and clone.id != acme.id
    assert [a.id for a in clone.assessments] != [a.id for a in acme.assessments]
    assert [a.scores for a in clone.assessments] == [a.scores for a in acme.assessments]
    clone.assessments[0].scores["a.x"].value = 1
    assert acme.assessments[0].level("a.x") == 4
    copy = edits.copy_assessment(acme.assessments[0], assessor="", date=dt.date(2025, 1, 2))
    assert copy.id != acme.assessments[0].id and copy.assessor == ""
    assert copy.date == dt.date(2025, 1, 2) and copy.scores == acme.assessments[0].scores


def test_score_fields_default_until_set(portfolio):
    a = portfolio.startups[1].assessments[0]
    assert edits.score_field(a, "a.x", "value") is None
    assert edits.score_field(a, "a.x", "confidence") == "medium"
    edits.set_score_field(a, "a.x", "rationale", "why")
    assert a.scores["a.x"] == Score(rationale="why")
    edits.set_score_field(a, "a.x", "value", 3)
    assert edits.score_field(a, "a.x", "value") == 3


def test_startups_removed_and_inserted_back(portfolio):
    before = portfolio.model_copy(deep=True)
    index, acme = edits.remove_startup(portfolio, portfolio.startups[0].id)
    assert index == 0 and [s.name for s in portfolio.startups] == ["Brio"]
    edits.insert_startup(portfolio, index, acme)
    assert portfolio == before
    with pytest.raises(KeyError):
        edits.remove_startup(portfolio, "nobody")


def test_assessments_removed_and_inserted_back(portfolio):
    before = portfolio.model_copy(deep=True)
    acme = edits.startup_by_id(portfolio, portfolio.startups[0].id)
    second = acme.assessments[1]
    index = edits.remove_assessment(acme, second)
    assert index == 1 and len(acme.assessments) == 1
    edits.insert_assessment(acme, index, second)
    assert portfolio == before


def test_fields_set_and_set_back(portfolio):
    acme, first = portfolio.startups[0], portfolio.startups[0].assessments[0]
    edits.set_field(acme, "name", "Acme Labs")
    edits.set_field(first, "assessor", "Ada L.")
    assert (acme.name, first.assessor) == ("Acme Labs", "Ada L.")
    values = [(acme.id, "sector", "drones"), (acme.id, "stage", "Seed")]
    old = edits.startup_fields(portfolio, values)
    assert old == [(acme.id, "sector", "robots"), (acme.id, "stage", "")]
    edits.set_startup_fields(portfolio, values)
    assert (acme.sector, acme.stage) == ("drones", "Seed")


def test_an_import_added_and_removed_as_one_change(portfolio):
    before = portfolio.model_copy(deep=True)
    acme, brio = portfolio.startups
    nova = edits.new_startup("Nova")
    extra = Assessment(role="investor")
    fields = [(brio.id, "region", "Berlin")]
    old = edits.startup_fields(portfolio, fields)
    edits.add_many(portfolio, [nova], [(acme.id, extra)], fields)
    assert [s.name for s in portfolio.startups] == ["Acme", "Brio", "Nova"]
    assert acme.assessments[-1] is extra and brio.region == "Berlin"
    edits.remove_many(portfolio, {nova.id}, {extra.id}, old)
    assert portfolio == before


def test_a_framework_lacking_blank_scores_takes_them_out_and_gives_them_back(portfolio):
    before = portfolio.model_copy(deep=True)
    smaller = _without_b_w()
    assert edits.scored_criteria_missing(portfolio, smaller) == []
    removed = edits.replace_framework(portfolio, smaller)
    first = portfolio.startups[0].assessments[0]
    assert portfolio.framework == smaller and "b.w" not in first.scores
    assert removed == [(first.id, "b.w", Score(confidence="high"))]
    edits.replace_framework(portfolio, before.framework)
    edits.restore_scores(portfolio, removed)
    assert portfolio == before


def test_a_framework_lacking_scored_criteria_is_refused(portfolio):
    before = portfolio.model_copy(deep=True)
    portfolio.startups[0].assessments[0].scores["b.w"].evidence = "a letter"
    smaller = _without_b_w()
    assert edits.scored_criteria_missing(portfolio, smaller) == [
        "Acme, Ada (founder, 2024-05-01): b.w"]
    with pytest.raises(ValueError, match=r"Acme: Ada .* scores b\.w, which the new framework"):
        edits.replace_framework(portfolio, smaller)
    assert portfolio.framework == before.framework
    assert portfolio.startups[0].assessments[0].scores["b.w"].evidence == "a letter"
