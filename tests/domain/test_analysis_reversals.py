"""The portfolio's sensitivity to the pillar weights from its results (models.analysis.reversals):
the reversal points and the tornado equal models.analysis.sensitivity on the sample, with the
reader's names."""

from __future__ import annotations

import numpy as np
import pytest

from models.analysis.reversals import SensitivityData
from models.analysis.sensitivity import leader_reversals, tornado
from models.engine.arrays import FrameworkArrays, level_matrix
from models.engine.results import score_portfolio
from models.engine.sample import sample_portfolio
from models.engine.scores import score_levels


@pytest.fixture(scope="module")
def portfolio():  # type: ignore[no-untyped-def]
    return sample_portfolio()


def _engine(portfolio):  # type: ignore[no-untyped-def]
    fw = portfolio.framework
    fa = FrameworkArrays.of(fw)
    levels = level_matrix([a for _, a in portfolio.assessments()], fw)
    return score_levels(levels, fa).pillars, fa


def test_reversals_equal_the_sweeps_of_the_results(portfolio):
    results = score_portfolio(portfolio)
    data = SensitivityData.of(portfolio.framework, results)
    pillars, fa = _engine(portfolio)
    np.testing.assert_allclose(data.pillars, pillars)
    expected = leader_reversals(pillars, fa.pillar_weight, list(fa.pillar_ids))
    assert data.reversals == [r for s in expected for r in s.reversals] != []
    assert data.pillar_names["tech"] == "Technology threshold"
    lead = data.leader_now()
    assert results[lead].overall == max(r.overall for r in results if r.overall is not None)
    r = results[3]
    assert data.label(3) == f"{r.startup} ({r.assessor})"
    assert data.row_of(r.assessment_id) == 3 and data.row_of("nobody") == -1


def test_tornado_rows_of_one_assessment(portfolio):
    results = score_portfolio(portfolio)
    data = SensitivityData.of(portfolio.framework, results, "zh_CN")
    pillars, fa = _engine(portfolio)
    t = tornado(pillars, fa.pillar_weight, list(fa.pillar_ids))
    rows = data.tornado_rows(results[3].assessment_id)
    assert rows is not None
    assert rows["label"] == data.label(3)
    assert rows["base"] == pytest.approx(t.base[3])
    assert [p[1] for p in rows["pillars"]] == pytest.approx(t.share.tolist())
    assert [p[4] for p in rows["pillars"]] == pytest.approx(t.low[3].tolist())
    assert [p[5] for p in rows["pillars"]] == pytest.approx(t.high[3].tolist())
    assert rows["pillars"][0][0] == portfolio.framework.pillars[0].name["zh_CN"]
    assert data.tornado_rows("nobody") is None


def test_nothing_scored_has_no_leader_and_no_tornado(portfolio):
    empty = portfolio.model_copy(deep=True)
    for _, a in empty.assessments():
        a.scores.clear()
    results = score_portfolio(empty)
    data = SensitivityData.of(empty.framework, results)
    assert data.leader_now() == -1 and data.reversals == []
    assert data.tornado_rows(results[0].assessment_id) is None
