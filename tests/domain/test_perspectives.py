"""Perspectives: one set of levels per startup, startups ranked gated-last, founder gap and
P10–P90 bands, held to values computed by hand."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest

from models.analysis import assessors
from models.analysis.perspective_bands import perspective_bands
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.engine.perspectives import Perspective, perspective_levels, prudent_median
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio
from tests.helpers import run_cli, tiny_framework

LOW, MEDIUM, HIGH = 0, 1, 2


def _a(assessor: str, role: str, day: str, conf: str = "high", **levels: int) -> Assessment:
    return Assessment(assessor=assessor, role=role, date=dt.date.fromisoformat(day),
                      scores={k.replace("_", ".", 1): Score(value=v, confidence=conf)
                              for k, v in levels.items()})


def _scored(assessor: str, day: str, scores: dict[str, tuple[int, str]]) -> Assessment:
    return Assessment(assessor=assessor, role="investor", date=dt.date.fromisoformat(day),
                      scores={k: Score(value=v, confidence=c) for k, (v, c) in scores.items()})


@pytest.fixture
def more_investors() -> Portfolio:
    """The sample with two more investors on Gearloom (three, odd) and one more on Tokenforge
    (two, even), plus assessments the view must pass over."""
    p = sample_portfolio()
    gear = next(s for s in p.startups if s.id == "s06")
    token = next(s for s in p.startups if s.id == "s03")
    gear.assessments += [
        # Priya's older assessment: her latest one (2024-10-28) counts, not this
        _scored("Priya Raman, Northgate Capital", "2024-09-01",
                {"niche.segment_focus": (1, "high")}),
        _scored("Investor B", "2024-11-01", {
            "niche.segment_focus": (2, "low"), "tech.threshold": (5, "high"),
            "press.product_overlap": (3, "medium"), "cap.runway": (4, "medium")}),
        _scored("Investor C", "2024-11-02", {
            "niche.segment_focus": (3, "medium"), "tech.threshold": (4, "low"),
            "press.product_overlap": (2, "high"), "cap.runway": (2, "low")}),
    ]
    token.assessments += [
        # the same date twice: the later one in the list is the latest
        _scored("Investor D", "2024-11-05", {"niche.segment_focus": (1, "high")}),
        _scored("Investor D", "2024-11-05", {
            "niche.segment_focus": (5, "high"), "press.product_overlap": (4, "low"),
            "cap.runway": (3, "medium"), "tech.threshold": (2, "low")}),
    ]
    return p


def test_investor_view_of_two_sample_startups_is_the_hand_computed_median(more_investors):
    p = more_investors
    ids = p.framework.criterion_ids
    view = perspective_levels(p.startups, p.framework)
    gear = [s.id for s in p.startups].index("s06")
    token = [s.id for s in p.startups].index("s03")

    def at(row: int, cid: str, what: str = "levels") -> float:
        return float(getattr(view, what)[row, ids.index(cid)])

    # Gearloom: Priya (latest) 4h/3m/1h/4h, B 2l/5h/3m/4m, C 3m/4l/2h/2l → odd count, middle
    assert int(view.count[gear]) == 3
    assert [a.assessor for a in view.used[gear]] == [
        "Priya Raman, Northgate Capital", "Investor B", "Investor C"]
    assert at(gear, "niche.segment_focus") == 3       # {4, 2, 3}
    assert at(gear, "tech.threshold") == 4            # {3, 5, 4}
    assert at(gear, "press.product_overlap") == 2     # cost {1, 3, 2}
    assert at(gear, "cap.runway") == 4                # {4, 4, 2}
    assert at(gear, "niche.segment_focus", "confidence") == MEDIUM   # C's, at the median
    assert at(gear, "tech.threshold", "confidence") == LOW           # C's
    assert at(gear, "press.product_overlap", "confidence") == HIGH   # C's
    assert at(gear, "cap.runway", "confidence") == MEDIUM            # min(Priya high, B medium)
    assert (at(gear, "niche.segment_focus", "low"), at(gear, "niche.segment_focus", "high")) \
        == (2, 4)
    # only Priya scored the other criteria: her levels
    priya = view.used[gear][0]
    assert at(gear, "eco.allies") == priya.level("eco.allies")

    # Tokenforge: Daniel 2m/2h/3m/1h, D (the later of two on 2024-11-05) 5h/2l/4l/3m → even
    assert int(view.count[token]) == 2
    assert view.used[token][1].scores["niche.segment_focus"].value == 5
    assert at(token, "niche.segment_focus") == 2      # benefit {2, 5}: the lower
    assert at(token, "press.product_overlap") == 4    # cost {3, 4}: the higher
    assert at(token, "cap.runway") == 1               # benefit {1, 3}: the lower
    assert at(token, "tech.threshold") == 2           # {2, 2}
    assert at(token, "niche.segment_focus", "confidence") == MEDIUM  # Daniel's
    assert at(token, "press.product_overlap", "confidence") == LOW   # D's
    assert at(token, "tech.threshold", "confidence") == LOW          # min(high, low)
    assert (at(token, "niche.segment_focus", "low"), at(token, "niche.segment_focus", "high")) \
        == (2, 5)

    ranking = rank_startups(p)
    row = next(r for r in ranking.rows if r.startup_id == "s03")
    assert row.gated and row.deal_breakers == ["Runway exhausted"] and row.assessments == 2


def test_consensus_and_investor_view_share_one_median_rule():
    assert assessors.consensus_levels is prudent_median
    levels = np.array([[2.0, 3.0, np.nan], [5.0, 4.0, np.nan]])
    assert prudent_median(levels, np.array([True, False, True])).tolist()[:2] == [2.0, 4.0]


def test_founder_latest_and_assessor_perspectives():
    fw = tiny_framework()
    st = Startup(id="s", name="S", assessments=[
        _a("Fay", "founder", "2024-01-01", a_x=1),
        _a("Fay", "founder", "2024-03-01", a_x=2),
        _a("Ivan", "investor", "2024-03-01", a_x=4),
        _a("Olga", "other", "2024-02-01", a_x=5),
    ])

    def level(name: str) -> float:
        return float(perspective_levels([st], fw, name).levels[0, 0])

    assert level("founder") == 2
    assert level("latest") == 4  # same date as Fay's latest, later in the list
    assert level("assessor:Olga") == 5
    assert np.isnan(level("assessor:olga"))  # exact name
    with pytest.raises(ValueError):
        Perspective.parse("everyone")


def _gating_portfolio() -> Portfolio:
    """Tiny framework: overall = (2·A + B) / 3, A = 100·(f_x + 3·f_y)/4, B = 100·(f_z + f_w)/2;
    deal-breaker *Fatal w* when b.w ≥ 5."""
    return Portfolio(framework=tiny_framework(), startups=[
        Startup(id="g", name="Gated", assessments=[
            _a("Ivan", "investor", "2024-01-01", a_x=5, a_y=5, b_z=1, b_w=5)]),
        Startup(id="e", name="Empty", assessments=[
            _a("Fay", "founder", "2024-01-01", a_x=3, a_y=3, b_z=3, b_w=3)]),
        Startup(id="p", name="Plain", assessments=[
            _a("Fay", "founder", "2024-01-01", "medium", a_x=5, a_y=4, b_z=2, b_w=3),
            _a("Ivan", "investor", "2024-01-02", a_x=3, a_y=3, b_z=3, b_w=3)]),
    ])


def test_a_gated_startup_ranks_after_an_ungated_one_unless_gates_are_ignored():
    p = _gating_portfolio()
    rows = rank_startups(p).rows
    # Gated: A = 100, B = 100·(1 + 0)/2 = 50 → 250/3; Plain: A = B = 50 → 50; Empty: unscored
    assert [(r.rank, r.startup) for r in rows] == [(1, "Plain"), (2, "Gated"), (3, "Empty")]
    assert rows[1].overall == pytest.approx(250 / 3) and rows[0].overall == pytest.approx(50)
    assert rows[1].gated and rows[1].deal_breakers == ["Fatal w"] and not rows[0].gated
    assert rows[2].overall is None and rows[2].assessments == 0 and not rows[2].gated
    ignored = rank_startups(p, ignore_gates=True).rows
    assert [r.startup for r in ignored] == ["Gated", "Plain", "Empty"]
    assert ignored[0].gated


def test_founder_gap_by_hand():
    rows = {r.startup: r for r in rank_startups(_gating_portfolio()).rows}
    # Plain's founder: A = 100·(1 + 3·0.75)/4 = 81.25, B = 100·(0.75 + 0.5)/2 = 62.5 → 75
    assert rows["Plain"].founder_gap == pytest.approx(50 - 75)
    assert rows["Gated"].founder_gap is None   # no founder assessment
    assert rows["Empty"].founder_gap is None   # nothing under the investor view
    founder = {r.startup: r for r in rank_startups(_gating_portfolio(), "founder").rows}
    assert founder["Empty"].overall == pytest.approx(50) and founder["Empty"].founder_gap == 0
    assert founder["Gated"].overall is None and founder["Gated"].rank == 3


def test_ties_go_to_completeness_then_name():
    fw = tiny_framework()
    p = Portfolio(framework=fw, startups=[
        Startup(id="1", name="beta", assessments=[_a("I", "investor", "2024-01-01", a_x=3,
                                                     a_y=3, b_z=3, b_w=3)]),
        Startup(id="2", name="Alpha", assessments=[_a("I", "investor", "2024-01-01", a_x=3,
                                                      a_y=3, b_z=3, b_w=3)]),
        Startup(id="3", name="Aardvark", assessments=[_a("I", "investor", "2024-01-01",
                                                         a_x=3, a_y=3)]),
    ])
    rows = rank_startups(p).rows
    # all at 50 overall; Aardvark has only pillar a scored (completeness 2/3)
    assert [r.startup for r in rows] == ["Alpha", "beta", "Aardvark"]
    assert rows[2].completeness == pytest.approx(2 / 3)


def test_disagreeing_investors_widen_the_band():
    p = Portfolio(framework=tiny_framework(), startups=[
        Startup(id="w", name="Wide", assessments=[
            _a("I1", "investor", "2024-01-01", a_x=2, a_y=3, b_z=3, b_w=3),
            _a("I2", "investor", "2024-01-01", a_x=5, a_y=3, b_z=3, b_w=3)]),
        Startup(id="n", name="Narrow", assessments=[
            _a("I1", "investor", "2024-01-01", a_x=3, a_y=3, b_z=3, b_w=3),
            _a("I2", "investor", "2024-01-01", a_x=4, a_y=3, b_z=3, b_w=3)]),
    ])
    view = perspective_levels(p.startups, p.framework)
    assert view.levels[:, 0].tolist() == [2.0, 3.0]  # the prudent median
    bands = perspective_bands(view, p.framework, draws=2000, seed=3)
    assert bands.resamples == 200 and bands.draws == 2000
    width = bands.p90 - bands.p10
    # every score is high confidence: only the resampled median moves. a.x's one level moves
    # the overall by (2/3)·100·(1/4)/4 = 25/6; Wide's median is 2 in 3/4 of the resamples and 5
    # in 1/4 (3 levels), Narrow's 3 or 4 (1 level)
    assert width[0] == pytest.approx(3 * 25 / 6)
    assert width[1] == pytest.approx(25 / 6)
    assert bands.p10[0] == pytest.approx(rank_startups(p).table.overall[0])


def test_bands_of_one_assessment_follow_its_confidence():
    p = _gating_portfolio()
    view = perspective_levels(p.startups, p.framework, "founder")
    bands = perspective_bands(view, p.framework, draws=500, seed=1)
    assert bands.resamples == 1 and bands.draws == 500
    assert np.isnan(bands.p10[0]) and bands.p90[2] > bands.p10[2]  # no founder; medium scores


def test_cli_json_rows_on_the_sample(capsys, sample_file):
    code, out, _ = run_cli(capsys, "score", str(sample_file), "--format", "json", "--draws",
                           "200")
    assert code == 0
    rows = json.loads(out)
    assert [r["rank"] for r in rows] == list(range(1, 9))
    assert set(rows[0]) == {"rank", "startup_id", "startup", "gated", "deal_breakers",
                            "overall", "pillars", "completeness", "assessments", "p10", "p90",
                            "founder_gap", "status", "suggested", "framework"}
    assert rows[0]["framework"] == {"id": "beachhead.llm-startups", "version": "1.0.0"}
    gated = [r["gated"] for r in rows]
    assert gated == sorted(gated)  # ungated first
    assert {r["startup"] for r in rows if r["gated"]} == {"Tokenforge", "Chattersky"}
    ranking = rank_startups(sample_portfolio())
    for row, want in zip(rows, ranking.rows, strict=True):
        assert (row["startup_id"], row["overall"], row["founder_gap"]) == (
            want.startup_id, want.overall, want.founder_gap)
        assert row["p10"] < row["p90"]
    chat = next(r for r in rows if r["startup"] == "Chattersky")
    assert chat["overall"] == pytest.approx((0 + 18.75 + 25 / 3 + 5 + 25) / 5)
    assert chat["deal_breakers"] == ["Head-on without a niche"]
    assert chat["suggested"] == "pass"  # gated: pass whatever the score
    assert chat["status"] == "passed"  # the sample passed on it
    assert next(r for r in rows if r["startup_id"] == "s03")["founder_gap"] is None


def test_cli_perspectives_options_and_errors(capsys, sample_file):
    code, out, _ = run_cli(capsys, "score", str(sample_file), "--perspective", "founder",
                           "--format", "csv", "--draws", "50")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("rank,startup_id,startup,gated")
    assert len(lines) == 9 and lines[-1].split(",")[5] == ""  # unscored last, no overall
    code, out, _ = run_cli(capsys, "score", str(sample_file), "--ignore-gates", "--draws", "50")
    assert code == 0 and "investor view" in out and "not gating" in out
    code, _, err = run_cli(capsys, "score", str(sample_file), "--perspective", "everyone")
    assert code == 2 and "assessor:NAME" in err
    code, out, _ = run_cli(capsys, "score", str(sample_file), "--perspective",
                           "assessor:Zhang Hao", "--format", "json", "--draws", "50")
    assert code == 0 and json.loads(out)[0]["startup_id"] == "s06"


@pytest.mark.parametrize("command", ["score", "analyze", "report", "export"])
def test_cli_refuses_an_assessor_nobody_is(capsys, sample_file, tmp_path, command):
    target = tmp_path / ("r.xlsx" if command == "export" else "r.pdf")
    out = ["-o", str(target)] if command in ("report", "export") else []
    run = lambda name: run_cli(capsys, command, str(sample_file), *out,  # noqa: E731
                               "--perspective", f"assessor:{name}", "--draws", "20")
    # a mistyped name would rank every startup unscored: bad input naming the option
    code, stdout, err = run("Zhang Ho")
    assert (code, stdout) == (1, "")
    assert err.splitlines() == [
        f"{sample_file}: --perspective: no assessment is by 'Zhang Ho', so nothing would be "
        "ranked; its assessors are 'Daniel Okafor, Harbourline Ventures', 'Gao Ming', "
        "'Priya Raman, Northgate Capital', 'Ren Jie', 'Zhang Hao', '周语桐', '林薇', "
        "'许嘉宁，澄川资本' and 1 more"]
    assert not target.exists()
    code, _, err = run(" zhang hao")
    assert code == 1 and err.endswith(
        "the name differs only in case or spacing from 'Zhang Hao'; give it exactly\n")
    code, _, err = run("Zhang Hao")
    assert code == 0, err


def test_cli_assessor_of_an_empty_portfolio(capsys, tmp_path):
    path = tmp_path / "empty.beachhead"
    from models.files.portfolio_file import save_portfolio

    save_portfolio(sample_portfolio().model_copy(update={"startups": []}), path)
    code, _, err = run_cli(capsys, "score", str(path), "--perspective", "assessor:Ann")
    assert code == 1 and err == (f"{path}: --perspective: no assessment is by 'Ann', so "
                                 "nothing would be ranked; the portfolio has no assessments\n")
