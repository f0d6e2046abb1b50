"""The one rounding rule: halves away from zero, like a spreadsheet's number format."""

from __future__ import annotations

import math

import pytest

from models.core.rounding import fixed, percent, round_half_away


@pytest.mark.parametrize(("x", "decimals", "shown"), [
    (59.25, 1, "59.3"),          # Python's own format gives 59.2
    (-59.25, 1, "-59.3"),
    (0.125, 2, "0.13"),
    (2.5, 0, "3"),
    (3.5, 0, "4"),
    (0.05, 1, "0.1"),
    (-0.04, 1, "0.0"),           # never "-0.0"
    (100.0, 1, "100.0"),
    (0.1 + 0.2 + 0.15, 2, "0.45"),  # 0.44999999999999996 shows as a spreadsheet shows it
])
def test_fixed(x, decimals, shown):
    assert fixed(x, decimals) == shown


def test_a_score_the_engine_produces():
    # benefit criteria 4, 4, 5, 2 with equal weights: 100 * (0.75+0.75+1+0.25)/4 = 68.75
    pillar = 100 * (0.75 + 0.75 + 1.0 + 0.25) / 4
    assert f"{pillar:.1f}" == "68.8"
    overall = (68.75 + 49.75) / 2  # 59.25
    assert f"{overall:.1f}" == "59.2"
    assert fixed(overall) == "59.3"
    assert round_half_away(overall) == 59.3


def test_percent_and_non_finite():
    assert percent(0.125, 0) == "13%"
    assert percent(0.125, 1) == "12.5%"
    assert math.isnan(round_half_away(math.nan))
    assert fixed(math.inf) == "inf"
