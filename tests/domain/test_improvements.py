"""What would raise the score most: the fixes of triggered deal-breakers first, then the best
one-level moves; values computed by hand on the tiny framework (tests/helpers.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from models.core.framework import Condition
from models.core.portfolio import Assessment, Score, Startup
from models.engine.improvements import escape_level
from models.engine.results import score_assessment
from tests.helpers import t, tiny_framework


def _assess(**levels: int | None) -> Assessment:
    return Assessment(
        assessor="Ann", role="investor", date=dt.date(2024, 10, 1),
        scores={k.replace("_", "."): Score(value=v) for k, v in levels.items()},
    )


def _rows(r) -> list[tuple[str, int, int, float, str | None]]:  # type: ignore[no-untyped-def]
    return [(i.criterion, i.from_level, i.to_level, round(i.gain, 4), i.fixes)
            for i in r.improvements]


def test_fix_of_deal_breaker_comes_first():
    fw = tiny_framework()
    r = score_assessment(Startup(name="F"), _assess(a_x=5, a_y=3, b_z=2, b_w=5), fw)
    # fatal_w: b.w >= 5 fires. b.w is a cost criterion: at 4 the rule no longer holds.
    # pillar b: b.z=2 -> 0.75, b.w=5 -> 0 -> 37.5; pillar a = 62.5 (a.x 1.0, a.y 0.5)
    # overall = (2*62.5 + 37.5)/3 = 54.1667; b.w 5 -> 4: pillar b +12.5 -> overall +12.5/3
    # Then ordinary moves: a.y +1 -> pillar a +18.75 -> overall +12.5; b.z 2 -> 1: +4.1667
    # (b.w is left out: the fix moves it). The fix ties b.z's gain and comes first.
    assert [h.id for h in r.deal_breakers] == ["fatal_w"]
    assert r.overall == pytest.approx(162.5 / 3)
    assert _rows(r) == [("b.w", 5, 4, 4.1667, "Fatal w"), ("a.y", 3, 4, 12.5, None),
                        ("b.z", 2, 1, 4.1667, None)]
    fixed = score_assessment(Startup(name="F"), _assess(a_x=5, a_y=3, b_z=2, b_w=4), fw)
    assert fixed.deal_breakers == []
    assert fixed.overall - r.overall == pytest.approx(r.improvements[0].gain)


def test_without_deal_breaker_nothing_is_marked_as_fix():
    r = score_assessment(Startup(name="I"), _assess(a_x=5, a_y=3, b_z=2, b_w=4), tiny_framework())
    assert _rows(r) == [("a.y", 3, 4, 12.5, None), ("b.z", 2, 1, 4.1667, None),
                        ("b.w", 4, 3, 4.1667, None)]


def test_ties_keep_framework_order():
    # every criterion at 3: a.x +1 -> pillar a +6.25 -> overall +4.1667; a.y -> +12.5;
    # b.z and b.w -> +4.1667 each: a.y first, then a.x, b.z, b.w in framework order (top 3).
    r = score_assessment(Startup(name="T"), _assess(a_x=3, a_y=3, b_z=3, b_w=3), tiny_framework())
    assert _rows(r) == [("a.y", 3, 4, 12.5, None), ("a.x", 3, 4, 4.1667, None),
                        ("b.z", 3, 2, 4.1667, None)]


def _pillar_rule(op: str, value: float) -> list[dict]:
    return [{"id": "weak_a", "name": t("Weak alpha"), "description": t("d"),
             "when": [{"ref": "pillar:a", "op": op, "value": value}]}]


def test_pillar_deal_breaker_gets_smallest_single_move():
    fw = tiny_framework(deal_breakers=_pillar_rule("<", 40))
    r = score_assessment(Startup(name="P"), _assess(a_x=1, a_y=2, b_z=3, b_w=3), fw)
    # pillar a = (0*1 + 0.25*3)/4 = 18.75 < 40. a.y 2 -> 3 gives 37.5 (still < 40), 2 -> 4 gives
    # 56.25; a.x alone needs 1 -> 5 (43.75). Fewest levels: a.y 2 -> 4.
    # overall (2*18.75 + 50)/3 = 29.1667 -> (2*56.25 + 50)/3 = 54.1667: +25
    # ordinary: a.y left out; a.x +1, b.z -1, b.w -1 each +4.1667, framework order.
    assert _rows(r) == [("a.y", 2, 4, 25.0, "Weak alpha"), ("a.x", 1, 2, 4.1667, None),
                        ("b.z", 3, 2, 4.1667, None), ("b.w", 3, 2, 4.1667, None)]


def test_pillar_deal_breaker_no_single_move_says_what_is_needed():
    fw = tiny_framework(deal_breakers=_pillar_rule("<", 90))
    r = score_assessment(Startup(name="N"), _assess(a_x=1, a_y=1, b_z=3, b_w=3), fw)
    # best single moves: a.x -> 5 gives 25, a.y -> 5 gives 75: neither reaches 90
    first = r.improvements[0]
    assert (first.criterion, first.needs, first.fixes, first.gain) == \
        ("pillar:a", "Alpha ≥ 90", "Weak alpha", 0.0)
    assert [i.fixes for i in r.improvements[1:]] == [None, None, None]


@pytest.mark.parametrize(("op", "value", "level", "benefit", "expected"), [
    ("<=", 1, 1, True, 2), ("<", 2, 1, True, 2), ("<=", 2.5, 2, True, 3),
    (">=", 5, 5, False, 4), (">", 3, 5, False, 3), (">=", 3.5, 4, False, 3),
    ("==", 3, 3, True, 4), ("==", 3, 3, False, 2), ("==", 5, 5, True, 4), ("==", 1, 1, False, 2),
    ("<=", 5, 3, True, None), (">=", 1, 3, False, None),
])
def test_escape_level(op, value, level, benefit, expected):
    cond = Condition(ref="criterion:x.y", op=op, value=value)
    assert escape_level(cond, level, benefit) == expected


def test_nothing_scored_has_no_improvements_and_no_fixes():
    r = score_assessment(Startup(name="E"), Assessment(), tiny_framework())
    assert r.improvements == [] and r.deal_breakers == []
    assert r.as_json()["top_improvements"] == []


def test_json_entries_name_the_fix():
    r = score_assessment(Startup(name="F"), _assess(a_x=5, a_y=3, b_z=2, b_w=5), tiny_framework())
    entries = r.as_json()["top_improvements"]
    assert entries[0] == {"criterion": "b.w", "gain": pytest.approx(12.5 / 3),
                          "fixes": "Fatal w", "needs": None}
    assert entries[1]["fixes"] is None
