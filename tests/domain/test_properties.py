"""Property-based checks of the scoring maths and the file format (hypothesis)."""

from __future__ import annotations

import datetime as dt

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.results import score_portfolio
from models.engine.scores import score_levels
from models.files.framework_file import default_framework
from models.files.portfolio_file import dumps_portfolio, parse_portfolio

FW = default_framework()
M = len(FW.criteria)
BENEFIT = np.array([c.direction == "benefit" for c in FW.criteria])

level = st.one_of(st.none(), st.integers(1, 5))
rows = st.lists(level, min_size=M, max_size=M)
weights = st.lists(st.floats(0.05, 10, allow_nan=False), min_size=5, max_size=5)


def _matrix(rs):
    return np.array([[np.nan if v is None else v for v in r] for r in rs], dtype=float)


@given(st.lists(rows, min_size=1, max_size=6), weights)
def test_results_within_bounds(rs, pw):
    fw = FW.with_weights(pillar_weights=dict(zip([p.id for p in FW.pillars], pw, strict=True)))
    t = score_levels(_matrix(rs), fw)
    ok = ~np.isnan(t.overall)
    assert np.all((t.overall[ok] >= -1e-9) & (t.overall[ok] <= 100 + 1e-9))
    p = t.pillars[~np.isnan(t.pillars)]
    assert np.all((p >= -1e-9) & (p <= 100 + 1e-9))
    assert np.all((t.completeness >= 0) & (t.completeness <= 1))
    scored_any = ~np.all(np.isnan(_matrix(rs)), axis=1)
    assert np.array_equal(ok, scored_any)


@given(rows, st.integers(0, M - 1))
def test_monotone_in_each_score(r, c):
    if r[c] is None or r[c] == 5:
        r[c] = 3
    up = list(r)
    up[c] = r[c] + 1
    t = score_levels(_matrix([r, up]), FW)
    if BENEFIT[c]:
        assert t.overall[1] >= t.overall[0] - 1e-12
    else:
        assert t.overall[1] <= t.overall[0] + 1e-12


@given(st.lists(rows, min_size=2, max_size=5), st.integers(0, 4))
def test_other_startups_do_not_change_a_result(rs, drop):
    m = _matrix(rs)
    alone = score_levels(m[:1], FW)
    together = score_levels(m, FW)
    assert np.array_equal(alone.overall[:1], together.overall[:1], equal_nan=True)
    keep = [i for i in range(len(rs)) if i != drop % len(rs) or i == 0]
    fewer = score_levels(m[keep], FW)
    assert np.array_equal(fewer.pillars[:1], together.pillars[:1], equal_nan=True)


safe_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@st.composite
def portfolios(draw):
    startups = []
    for i in range(draw(st.integers(0, 3))):
        assessments = []
        for j in range(draw(st.integers(0, 2))):
            scores = {
                cid: Score(value=draw(level), confidence=draw(st.sampled_from(
                    ["low", "medium", "high"])), rationale=draw(safe_text))
                for cid in draw(st.lists(st.sampled_from(FW.criterion_ids), unique=True,
                                         max_size=5))
            }
            assessments.append(Assessment(
                id=f"a{i}-{j}", assessor=draw(safe_text),
                role=draw(st.sampled_from(["founder", "investor", "other"])),
                date=draw(st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1))), scores=scores))
        name = draw(safe_text.filter(lambda s: s.strip()))
        startups.append(Startup(id=f"s{i}", name=name, notes=draw(safe_text),
                                assessments=assessments))
    return Portfolio(framework=FW, startups=startups)


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(portfolios())
def test_save_load_save_is_identical(p):
    import json

    text1 = dumps_portfolio(p)
    again = parse_portfolio(json.loads(text1), "mem")
    assert dumps_portfolio(again) == text1
    assert [r.overall for r in score_portfolio(again)] == [r.overall for r in score_portfolio(p)]
