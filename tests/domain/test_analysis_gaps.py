"""One startup's assessors side by side (models.analysis.gaps), by hand: the rows' order, the
founder–investor gaps, the spread and its flag, and the consensus."""

from __future__ import annotations

import datetime as dt

from models.analysis.assessors import consensus
from models.analysis.gaps import startup_gaps
from models.core.portfolio import Assessment, Score, Startup
from tests.helpers import tiny_framework

FW = tiny_framework()  # a.x, a.y benefit; b.z, b.w cost


def _assess(role: str, day: int = 1, **levels: int | None) -> Assessment:
    return Assessment(
        assessor=role.title(), role=role, date=dt.date(2024, 10, day),
        scores={k.replace("_", "."): Score(value=v) for k, v in levels.items()},
    )


def test_rows_list_the_gaps_largest_first_then_the_other_scored_criteria():
    founder = _assess("founder", a_x=2, a_y=4, b_z=1)
    investor = _assess("investor", a_x=5, a_y=4, b_z=3)
    other = _assess("other", b_w=2)
    st = Startup(name="Acme", assessments=[founder, investor, other])
    g = startup_gaps(FW, st, st.assessments)
    assert (g.founder, g.investor) == (founder, investor)
    assert [(r.criterion, r.founder, r.investor, r.gap) for r in g.rows] == [
        ("a.x", 2, 5, 3), ("b.z", 1, 3, 2), ("a.y", 4, 4, 0), ("b.w", None, None, None)]
    assert [gap.criterion for gap in g.gaps] == ["a.x", "b.z", "a.y"]
    assert g.rows[0].pillar == "Alpha" and g.rows[0].name == "a.x"


def test_spread_flags_and_levels_are_over_the_chosen_assessments():
    founder = _assess("founder", a_x=1, a_y=3)
    investor = _assess("investor", a_x=4, a_y=4)
    other = _assess("other", a_x=2)
    st = Startup(name="Acme", assessments=[founder, investor, other])
    g = startup_gaps(FW, st, [founder, investor, other])
    by_id = {r.criterion: r for r in g.rows}
    assert (by_id["a.x"].spread, by_id["a.x"].flagged) == (3, True)
    assert (by_id["a.y"].spread, by_id["a.y"].flagged) == (1, False)
    assert by_id["a.x"].levels == [(founder.label(), 1), (investor.label(), 4),
                                   (other.label(), 2)]
    # leaving the investor out: one level apart, no flag; the gap stays founder v. investor
    g = startup_gaps(FW, st, [founder, other])
    x = next(r for r in g.rows if r.criterion == "a.x")
    assert (x.spread, x.flagged, x.gap) == (1, False, 3)


def test_consensus_is_over_the_chosen_and_named():
    a = _assess("founder", a_x=2, a_y=3, b_z=2)
    b = _assess("investor", day=7, a_x=4, a_y=4, b_z=5)
    st = Startup(name="Acme", assessments=[a, b])
    g = startup_gaps(FW, st, [a, b], consensus_name="Median")
    assert g.consensus is not None and g.consensus.assessor == "Median"
    expected = consensus([a, b], FW)
    assert {r.criterion: r.consensus for r in g.rows} == \
        {cid: s.value for cid, s in expected.scores.items()}
    assert g.chosen == [a, b]


def test_nothing_chosen_and_no_founder():
    investor = _assess("investor", a_x=4)
    st = Startup(name="Solo", assessments=[investor])
    g = startup_gaps(FW, st, [])
    assert (g.founder, g.consensus, g.gaps, g.rows) == (None, None, [], [])
    g = startup_gaps(FW, st, [investor])
    assert [(r.criterion, r.gap, r.consensus) for r in g.rows] == [("a.x", None, 4)]
