"""Weight shares (models.core.weight_shares), by hand: a pillar's share of the enabled pillars'
weight, a criterion's share of its pillar's."""

from __future__ import annotations

import pytest

from models.core.weight_shares import criterion_shares, pillar_shares
from tests.helpers import tiny_framework


def test_pillar_shares_count_only_the_enabled_pillars():
    fw = tiny_framework()  # a weight 2, b weight 1
    assert pillar_shares(fw) == pytest.approx({"a": 2 / 3, "b": 1 / 3})
    off = fw.with_weights(enabled={"b": False})
    assert pillar_shares(off) == {"a": 1.0, "b": 0.0}


def test_criterion_shares_are_within_the_pillar():
    fw = tiny_framework()  # a.x weight 1, a.y weight 3
    assert criterion_shares(fw.pillar("a")) == pytest.approx({"a.x": 0.25, "a.y": 0.75})
    assert sum(criterion_shares(fw.pillar("b")).values()) == pytest.approx(1.0)
