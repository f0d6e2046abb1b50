"""The consensus view of a round of independent scoring (models.core.consensus): spreads,
flags at 2 levels apart, the proposed level (the investor view's prudent median) and which
criteria a consensus must comment on, all computed by hand on the tiny framework (a.x, a.y
benefit; b.z, b.w cost)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest

from models.analysis.assessors import DISAGREEMENT_LEVELS
from models.core import consensus
from models.core.consensus import ConsensusTable, column_names, consensus_table, prudent_median
from models.core.portfolio import Assessment, Score
from models.engine.perspectives import prudent_median as array_median
from tests.helpers import tiny_framework


def _assessment(assessor: str, **levels: int | None) -> Assessment:
    return Assessment(assessor=assessor, role="investor", scores={
        cid.replace("_", "."): Score(value=v) for cid, v in levels.items()})


def _three() -> ConsensusTable:
    """Ann, Bo and Cy; nobody scored b.w; Cy left a.y out."""
    return consensus_table(tiny_framework(), [
        _assessment("Ann", a_x=1, a_y=4, b_z=2),
        _assessment("Bo", a_x=3, a_y=4, b_z=5),
        _assessment("Cy", a_x=4, b_z=3, b_w=None),
    ])


def test_three_assessors_levels_spreads_flags_and_proposals():
    table = _three()
    assert table.assessors == ("Ann", "Bo", "Cy")
    rows = {r.criterion_id: r for r in table.rows}
    assert list(rows) == ["a.x", "a.y", "b.z", "b.w"]  # the framework's order
    assert {c: r.levels for c, r in rows.items()} == {
        "a.x": (1, 3, 4), "a.y": (4, 4, None), "b.z": (2, 5, 3), "b.w": (None, None, None)}
    # spread = highest - lowest of the levels given; flagged from 2 levels apart
    assert {c: r.spread for c, r in rows.items()} == {"a.x": 3, "a.y": 0, "b.z": 3,
                                                      "b.w": None}
    assert table.flagged() == ["a.x", "b.z"]
    # odd count: the middle level (1,3,4 -> 3; 2,3,5 -> 3); a.y: 4,4 -> 4; nobody: None
    assert table.proposal() == {"a.x": 3, "a.y": 4, "b.z": 3, "b.w": None}


def test_with_two_levels_the_proposal_is_the_one_less_favourable_to_the_startup():
    table = consensus_table(tiny_framework(), [_assessment("Ann", a_x=1, a_y=2, b_z=2),
                                               _assessment("Bo", a_x=3, a_y=5, b_z=5)])
    # a.x, a.y benefit: the lower middle level; b.z cost: the higher one
    assert table.proposal() == {"a.x": 1, "a.y": 2, "b.z": 5, "b.w": None}
    assert table.flagged() == ["a.x", "a.y", "b.z"]  # 2, 3 and 3 levels apart
    assert [r.spread for r in table.rows] == [2, 3, 3, None]


def test_changed_criteria_and_the_comments_a_consensus_needs():
    table = _three()
    kept = table.proposal()
    assert table.changed(kept) == []
    # keeping every proposal still needs a word on the two flagged criteria
    assert table.needs_comment(kept) == ["a.x", "b.z"]
    levels = {"a.x": 3, "a.y": 3, "b.z": 3}  # a.y moved from 4; b.w missing = unscored
    assert table.changed(levels) == ["a.y"]
    assert table.needs_comment(levels) == ["a.x", "a.y", "b.z"]
    assert table.missing_comments(levels, {"a.x": "the pilot counts", "b.z": "  "}) == \
        ["a.y", "b.z"]  # a blank comment is none
    # giving a level to a criterion nobody scored, or taking one away, is a change
    assert table.changed({**kept, "b.w": 2, "a.y": None}) == ["a.y", "b.w"]
    assert table.missing_comments({**kept, "b.w": 2}, {"a.x": "x", "b.z": "z"}) == ["b.w"]


def test_a_row_is_found_by_its_criterion():
    table = _three()
    assert table.row("b.z").levels == (2, 5, 3)
    with pytest.raises(KeyError):
        table.row("nope")


def test_assessors_with_the_same_name_get_their_own_columns():
    assert column_names(["Ann", "Bo", "Ann", " ", "Ann"]) == ("Ann", "Bo", "Ann (2)", "?",
                                                              "Ann (3)")


def test_the_proposal_is_the_investor_views_median_for_every_set_of_levels():
    """The scalar rule here and the array rule of the investor view agree on every
    combination of up to four assessors' levels (or none), both directions."""
    for n in range(5):
        for combo in itertools.product([None, 1, 2, 3, 4, 5], repeat=n):
            given = [v for v in combo if v is not None]
            column = np.array([[np.nan if v is None else v] for v in combo], dtype=float)
            for benefit in (True, False):
                expected = array_median(column.reshape(n, 1), np.array([benefit]))[0]
                mine = prudent_median(given, benefit)
                assert (mine is None and np.isnan(expected)) or mine == expected, combo


def test_the_flag_is_the_gaps_tabs_disagreement():
    assert consensus.FLAG_LEVELS == DISAGREEMENT_LEVELS == 2
