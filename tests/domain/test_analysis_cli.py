"""``beachhead analyze``: JSON shape, table, determinism, exit status and progress."""

from __future__ import annotations

import json

import pytest

from models.analysis.run import analyze_portfolio
from models.engine.sample import sample_portfolio
from tests.helpers import run_cli


def test_analyze_json_document(capsys, sample_file):
    code, out, _ = run_cli(capsys, "analyze", str(sample_file), "--format", "json",
                           "--draws", "300", "--seed", "4")
    assert code == 0
    doc = json.loads(out)
    assert doc["draws"] == 300 and doc["seed"] == 4
    assert {"draws", "seed", "assessments", "reversals"} <= set(doc)
    assert len(doc["assessments"]) == 13
    for row in doc["assessments"]:
        assert {"startup", "assessor", "p10", "p50", "p90", "p_rank1", "p_top3"} <= set(row)
        assert row["p10"] <= row["p50"] <= row["p90"]
    assert sum(r["p_rank1"] for r in doc["assessments"]) == pytest.approx(1.0)
    assert sum(r["p_top3"] for r in doc["assessments"]) == pytest.approx(3.0)
    assert doc["reversals"], "the sample has leader changes"
    for rev in doc["reversals"]:
        assert {"pillar", "weight", "new_leader"} <= set(rev)
        assert 0 < rev["weight"] < 1
    assert doc["current_weights"] == pytest.approx(
        {"niche": 0.2, "tech": 0.2, "eco": 0.2, "press": 0.2, "cap": 0.2})
    # the same figures as the domain function
    direct = analyze_portfolio(sample_portfolio(), draws=300, seed=4).as_json()
    assert direct == doc


def test_analyze_is_reproducible_and_seed_dependent(capsys, sample_file):
    args = ("analyze", str(sample_file), "--format", "json", "--draws", "200")
    _, first, _ = run_cli(capsys, *args)
    _, again, _ = run_cli(capsys, *args)
    _, other, _ = run_cli(capsys, *args, "--seed", "1")
    assert first == again
    assert json.loads(first)["assessments"] != json.loads(other)["assessments"]


def test_analyze_table_with_scenario_and_weights(capsys, sample_file):
    code, out, _ = run_cli(capsys, "analyze", str(sample_file), "--draws", "200",
                           "--scenario", "A sleeping giant enters", "--weight-concentration", "50")
    assert code == 0
    assert "scenario: " in out and "concentration 50" in out
    assert "P(rank 1)" in out and "Rank change" in out
    assert "Leader changes" in out and "Gearloom Systems (Zhang Hao)" in out
    code, out, _ = run_cli(capsys, "analyze", str(sample_file), "--draws", "50",
                           "--scenario", "sleeping_giant_enters", "--format", "json")
    doc = json.loads(out)
    assert doc["scenario"]["id"] == "sleeping_giant_enters"
    assert all("rank_change" in r and "overall_before" in r for r in doc["assessments"])


@pytest.mark.parametrize("args, status, message", [
    (["--scenario", "nope"], 2, "unknown scenario"),
    (["--draws", "0"], 2, "between 1 and 100,000"),
    (["--draws", "-1"], 2, "between 1 and 100,000"),
    (["--weight-concentration", "-1"], 2, "greater than 0"),
    (["--format", "csv"], 2, "invalid choice"),
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
    assert "analysing 13 assessments × 100 draws" in err and "100%" in err
