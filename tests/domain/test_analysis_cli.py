"""``beachhead analyze``: one row per startup under a perspective; JSON shape, table in both
languages, determinism, agreement with ``score``, exit status and progress."""

from __future__ import annotations

import json

import pytest

from models.analysis.startups import analyze_startups
from models.engine.ranking import rank_startups
from models.engine.sample import sample_portfolio
from tests.helpers import run_cli

ROW_KEYS = {"rank", "startup_id", "startup", "gated", "deal_breakers", "status", "suggested",
            "overall", "p10", "p50", "p90", "p_rank1", "p_top3", "founder_gap", "assessments"}


def test_analyze_json_document(capsys, sample_file):
    code, out, _ = run_cli(capsys, "analyze", str(sample_file), "--format", "json",
                           "--draws", "300", "--seed", "4")
    assert code == 0
    doc = json.loads(out)
    assert set(doc) == {"perspective", "ignore_gates", "draws", "resamples", "seed",
                        "weight_concentration", "top_k", "scenario", "startups", "reversals",
                        "current_weights", "framework"}
    assert doc["framework"] == {"id": "beachhead.llm-startups", "version": "1.0.0"}
    assert (doc["perspective"], doc["ignore_gates"], doc["draws"], doc["seed"]) == (
        "investor", False, 300, 4)
    assert doc["resamples"] == 1  # no sample startup has two investors
    rows = doc["startups"]
    assert [r["rank"] for r in rows] == list(range(1, 9))  # one row per startup, no founders
    assert all(set(r) == ROW_KEYS for r in rows)
    ranking = rank_startups(sample_portfolio())
    assert [r["startup_id"] for r in rows] == [r.startup_id for r in ranking.rows]
    for row in rows:
        assert row["p10"] <= row["p50"] <= row["p90"]
    assert sum(r["p_rank1"] for r in rows) == pytest.approx(1.0)
    assert sum(r["p_top3"] for r in rows) == pytest.approx(3.0)
    assert [r["gated"] for r in rows][-2:] == [True, True]
    assert rows[-1]["p_rank1"] == 0 and rows[-1]["deal_breakers"] == ["Head-on without a niche"]
    names = {r["startup"] for r in rows}
    assert doc["reversals"], "the sample has leader changes"
    for rev in doc["reversals"]:
        assert set(rev) == {"pillar", "weight", "new_leader", "new_leader_id",
                            "previous_leader", "previous_leader_id"}
        assert {rev["new_leader"], rev["previous_leader"]} <= names
        assert 0 < rev["weight"] < 1
    assert doc["current_weights"] == pytest.approx(
        {"niche": 0.2, "tech": 0.2, "eco": 0.2, "press": 0.2, "cap": 0.2})
    # the same figures as the domain function
    assert {**analyze_startups(sample_portfolio(), draws=300, seed=4).as_json(),
            "framework": {"id": "beachhead.llm-startups", "version": "1.0.0"}} == doc


def test_analyze_bands_are_those_of_score(capsys, sample_file):
    for perspective in ("investor", "founder"):
        args = (str(sample_file), "--format", "json", "--draws", "300", "--seed", "7",
                "--perspective", perspective, "--scenario", "financing_thaw")
        _, out, _ = run_cli(capsys, "analyze", *args)
        analysed = {r["startup_id"]: (r["p10"], r["p90"]) for r in json.loads(out)["startups"]}
        _, out, _ = run_cli(capsys, "score", *args)
        scored = {r["startup_id"]: (r["p10"], r["p90"]) for r in json.loads(out)}
        assert analysed == scored


def test_analyze_is_reproducible_and_seed_dependent(capsys, sample_file):
    args = ("analyze", str(sample_file), "--format", "json", "--draws", "200")
    _, first, _ = run_cli(capsys, *args)
    _, again, _ = run_cli(capsys, *args)
    _, other, _ = run_cli(capsys, *args, "--seed", "1")
    assert first == again
    assert json.loads(first)["startups"] != json.loads(other)["startups"]


def test_analyze_perspective_and_gates_options(capsys, sample_file):
    code, out, _ = run_cli(capsys, "analyze", str(sample_file), "--format", "json",
                           "--draws", "200", "--perspective", "founder", "--ignore-gates")
    assert code == 0
    doc = json.loads(out)
    assert doc["perspective"] == "founder" and doc["ignore_gates"] is True
    rows = doc["startups"]
    unscored = [r for r in rows if r["overall"] is None]
    # three startups have no founder assessment: last, and they compete for nothing
    assert [r["rank"] for r in unscored] == [6, 7, 8]
    assert all(r["p_rank1"] is None and r["p10"] is None for r in unscored)
    assert sum(r["p_rank1"] for r in rows if r["p_rank1"] is not None) == pytest.approx(1.0)
    assert rows[0]["startup_id"] == "s06"  # Gearloom leads on its founder's scores
    code, _, err = run_cli(capsys, "analyze", str(sample_file), "--perspective", "assessments")
    assert code == 2 and "assessor:NAME" in err


def test_analyze_table_with_scenario_and_weights(capsys, sample_file):
    code, out, _ = run_cli(capsys, "analyze", str(sample_file), "--draws", "200",
                           "--scenario", "A sleeping giant enters", "--weight-concentration", "50")
    assert code == 0
    head, *lines = out.splitlines()
    assert head.startswith(f"{sample_file}: 8 startups, investor view")
    assert "concentration 50" in head and "gated startups rank after the others" in head
    assert lines[0] == "scenario: A sleeping giant enters (sleeping_giant_enters)"
    columns = lines[2].split("  ")
    assert [c.strip() for c in columns if c.strip()] == [
        "Rank", "Startup", "Gated by", "Overall", "P10", "P50", "P90", "P(rank 1)", "P(top 3)",
        "Founder gap", "Status", "Before", "Rank change"]
    body = lines[4:12]
    assert [line.split()[0] for line in body] == [str(i) for i in range(1, 9)]
    assert "Chattersky" in body[-1] and "Head-on without a niche" in body[-1]
    assert "Leader changes" in out and "(Zhang Hao)" not in out  # startups, not assessments
    code, out, _ = run_cli(capsys, "analyze", str(sample_file), "--draws", "50",
                           "--scenario", "sleeping_giant_enters", "--format", "json")
    doc = json.loads(out)
    assert doc["scenario"]["id"] == "sleeping_giant_enters"
    assert all(set(r) == ROW_KEYS | {"rank_change", "overall_before"} for r in doc["startups"])


def test_analyze_table_in_chinese(capsys, sample_file):
    code, out, _ = run_cli(capsys, "analyze", str(sample_file), "--draws", "50", "--lang",
                           "zh_CN", "--ignore-gates")
    assert code == 0
    head = out.splitlines()[0]
    assert "8 家初创公司" in head and "投资人视角" in head and "致命缺陷不影响排序" in head
    for word in ("排名", "初创公司", "总分", "P(排名第 1)", "P(前 3 名)", "与创始人差距",
                 "领先者"):
        assert word in out
    assert "Startup" not in out and "Leader changes" not in out and "gated" not in out


@pytest.mark.parametrize("args, status, message", [
    (["--scenario", "nope"], 2, "unknown scenario"),
    (["--draws", "0"], 2, "between 1 and 100,000"),
    (["--draws", "-1"], 2, "between 1 and 100,000"),
    (["--weight-concentration", "-1"], 2, "greater than 0"),
    (["--format", "csv"], 2, "invalid choice"),
    (["--perspective", "everyone"], 2, "unknown perspective"),
])
def test_analyze_usage_errors(capsys, sample_file, args, status, message):
    code, _, err = run_cli(capsys, "analyze", str(sample_file), *args)
    assert code == status and message in err


def test_analyze_bad_file(capsys, tmp_path):
    bad = tmp_path / "bad.beachhead"
    bad.write_text("{not json", encoding="utf-8")
    code, out, err = run_cli(capsys, "analyze", str(bad))
    assert code == 1 and out == "" and str(bad) in err
    code, _, err = run_cli(capsys, "analyze", str(tmp_path / "missing.beachhead"))
    assert code == 1 and "missing.beachhead" in err


def test_analyze_reports_progress_on_long_work(capsys, sample_file, monkeypatch):
    monkeypatch.setattr("models.cli.analyze._PROGRESS_WORK", 1)
    code, out, err = run_cli(capsys, "analyze", str(sample_file), "--draws", "100",
                             "--format", "json")
    assert code == 0 and json.loads(out)["draws"] == 100
    assert "analysing 8 startups × 100 draws" in err and "100%" in err


def test_analyze_with_nothing_scored_says_so(capsys, tmp_path):
    from models.files.portfolio_file import save_portfolio

    unscored = sample_portfolio()
    for st in unscored.startups:
        st.assessments = [a for a in st.assessments if a.role == "founder"]
    path = tmp_path / "founders.beachhead"
    save_portfolio(unscored, path)
    code, out, _ = run_cli(capsys, "analyze", str(path), "--draws", "20")
    assert code == 0
    # no investor assessment: nobody leads, rather than "the same startup leads"
    assert out.splitlines()[-2:] == [
        "  none: no startup has a score under this perspective",
        "Computed with the framework Beachhead: LLM startups against the incumbents "
        "(beachhead.llm-startups 1.0.0)"]
    code, out, _ = run_cli(capsys, "analyze", str(path), "--draws", "20", "--lang", "zh_CN")
    assert out.splitlines()[-2:] == [
        "  无：在此视角下没有公司有评分",
        "计算所用框架：Beachhead：大模型创业公司对阵巨头（beachhead.llm-startups 1.0.0）"]
    code, out, _ = run_cli(capsys, "analyze", str(path), "--draws", "20", "--perspective",
                           "founder")
    assert "no startup has a score" not in out
