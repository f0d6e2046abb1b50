"""Weights from pairwise judgements as a framework takes them (models.analysis.pairwise_weights):
the proportions of the judgements, on the scale of the weights they replace, rounded."""

from __future__ import annotations

import numpy as np
import pytest

from models.analysis.pairwise_weights import WEIGHT_DECIMALS, pairwise_weights


def test_pairwise_weights_keep_the_scale_and_report_no_change():
    ids = ["a", "b"]
    assert pairwise_weights(np.array([0.75, 0.25]), [2.0, 2.0], ids) == {"a": 3.0, "b": 1.0}
    assert pairwise_weights(np.array([0.5, 0.5]), [2.0, 2.0], ids) is None
    # old weights of 1e-4 would round the new ones flat: they are put on a usable scale
    new = pairwise_weights(np.array([0.9, 0.1]), [1e-4, 1e-4], ids)
    assert new is not None and new["a"] / new["b"] == pytest.approx(9.0, rel=1e-3)


def test_shares_need_not_sum_to_one_and_the_mean_stays():
    new = pairwise_weights(np.array([2.0, 1.0, 1.0]), [1.0, 2.0, 3.0], ["x", "y", "z"])
    assert new == {"x": 3.0, "y": 1.5, "z": 1.5}
    assert all(round(w, WEIGHT_DECIMALS) == w for w in new.values())
