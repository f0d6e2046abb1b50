"""``beachhead report``: exit status, the --startup and --top selection, the perspective and
gates, messages, progress and atomicity."""

from __future__ import annotations

import json
import re

import pytest

from models.cli import main as cli
from models.core.rounding import fixed
from tests.helpers import run_cli
from tests.pdftext import pdf_pages

DRAWS = "200"


def test_report_is_a_headless_command():
    assert "report" in cli.COMMANDS


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def test_report_writes_selected_startups(capsys, sample_file, tmp_path):
    out = tmp_path / "two.pdf"
    code, stdout, err = run_cli(capsys, "report", str(sample_file), "-o", str(out),
                                "--startup", "Tokenforge", "--startup", "lumenreel",
                                "--draws", DRAWS, "--seed", "3")
    assert code == 0, err
    assert stdout == ""
    assert err.splitlines() == [f"wrote {out}: 3 pages (2 startups)"]  # short: no progress
    pages = pdf_pages(out)
    assert len(pages) == 3
    # rank order: Lumenreel (5th) before the gated Tokenforge (7th)
    assert "Lumenreel" in pages[1] and "Tokenforge" in pages[2]
    assert "Chattersky" not in "".join(pages)


def score_json(capsys, sample_file, *args: str) -> list[dict]:  # type: ignore[type-arg]
    code, stdout, err = run_cli(capsys, "score", str(sample_file), "--format", "json",
                                "--draws", DRAWS, *args)
    assert code == 0, err
    return json.loads(stdout)  # type: ignore[no-any-return]


@pytest.mark.parametrize("args", [[], ["--perspective", "founder"], ["--ignore-gates"]])
def test_page_one_lists_the_startups_in_the_order_of_score(capsys, sample_file, tmp_path,
                                                           args):
    rows = score_json(capsys, sample_file, *args)
    out = tmp_path / "order.pdf"
    code, _, err = run_cli(capsys, "report", str(sample_file), "-o", str(out), "--top", "3",
                           "--draws", DRAWS, *args)
    assert code == 0, err
    assert err.splitlines() == [f"wrote {out}: 4 pages (3 startups)"]
    pages = [squash(p) for p in pdf_pages(out)]
    assert len(pages) == 4
    view = "Founder view" if "founder" in args else "Investor view"
    assert squash(f"Startups ranked · {view}") in pages[0]
    table = pages[0].split("Overallscore(dot)")[0]
    at = [table.find(squash(r["startup"])) for r in rows[:3]]
    assert -1 not in at and at == sorted(at)
    for r in rows[3:]:
        assert squash(r["startup"]) not in "".join(pages)
    for k, r in enumerate(rows[:3]):
        assert squash(r["startup"]) in pages[k + 1]
        assert f"{fixed(r['p10'])}–{fixed(r['p90'])}" in pages[0]


def test_report_in_chinese_with_a_scenario(capsys, sample_file, tmp_path):
    out = tmp_path / "zh.pdf"
    code, _, err = run_cli(capsys, "report", str(sample_file), "-o", str(out), "--lang", "zh_CN",
                           "--startup", "Tokenforge", "--scenario", "Financing thaw",
                           "--draws", DRAWS)
    assert code == 0, err
    text = "".join(pdf_pages(out)).replace(" ", "")
    assert "初创公司排名·投资人视角" in text and "评估指标" in text and "融资回暖" in text


def test_unknown_startup_is_bad_input_naming_it(capsys, sample_file, tmp_path):
    out = tmp_path / "none.pdf"
    code, _, err = run_cli(capsys, "report", str(sample_file), "-o", str(out),
                           "--startup", "Chattersky", "--startup", "No Such Co")
    assert code == 1
    assert err.strip().splitlines() == [
        f"{sample_file}: --startup: no startup named 'No Such Co'"]
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "message"), [
    (["-o", "x.txt"], "must be a .pdf file"),
    (["-o", "x.pdf", "--scenario", "nope"], "unknown scenario 'nope'"),
])
def test_usage_errors(capsys, sample_file, tmp_path, args, message):
    args = [a if not a.startswith("x.") else str(tmp_path / a) for a in args]
    code, _, err = run_cli(capsys, "report", str(sample_file), *args)
    assert code == 2
    assert message in err


@pytest.mark.parametrize("args", [["--draws", "0"], ["--draws", "many"], []])
def test_argument_errors_exit_2(capsys, sample_file, tmp_path, args):
    # [] lacks the required -o
    extra = ["-o", str(tmp_path / "x.pdf")] if args else []
    code, _, err = run_cli(capsys, "report", str(sample_file), *extra, *args)
    assert code == 2
    assert "usage:" in err


def test_bad_portfolio_is_bad_input(capsys, tmp_path):
    bad = tmp_path / "bad.beachhead"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run_cli(capsys, "report", str(bad), "-o", str(tmp_path / "r.pdf"))
    assert code == 1
    assert str(bad) in err and "not valid JSON" in err
    assert not (tmp_path / "r.pdf").exists()


def test_unwritable_output_is_bad_input_and_leaves_nothing(capsys, sample_file, tmp_path):
    out = tmp_path / "missing-folder" / "r.pdf"
    code, _, err = run_cli(capsys, "report", str(sample_file), "-o", str(out),
                           "--startup", "Tokenforge", "--draws", DRAWS)
    assert code == 1
    assert "missing-folder" in err
    assert not out.parent.exists()


def test_progress_on_long_reports(capsys, sample_file, tmp_path, monkeypatch):
    monkeypatch.setattr("models.cli.report.REPORT_PROGRESS_PAGES", 3)
    out = tmp_path / "p.pdf"
    code, _, err = run_cli(capsys, "report", str(sample_file), "-o", str(out),
                           "--startup", "Chattersky", "--startup", "Tokenforge", "--draws", DRAWS)
    assert code == 0
    assert [line.strip() for line in err.splitlines()[:-1]] == ["writing 3 pages…",
                                                                "page 3 of 3"]


def test_interrupted_report_keeps_the_previous_file(capsys, sample_file, tmp_path,
                                                    monkeypatch):
    out = tmp_path / "r.pdf"
    out.write_bytes(b"%PDF previous")
    import models.report.startup_page as report

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr(report, "gaps_block", interrupted)
    code, _, err = run_cli(capsys, "report", str(sample_file), "-o", str(out), "--overwrite",
                           "--startup", "Tokenforge", "--draws", DRAWS)
    assert code == 130 and "interrupted" in err
    assert out.read_bytes() == b"%PDF previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.pdf"]


@pytest.mark.parametrize("top", ["0", "-1"])
def test_top_needs_one_startup_at_least(capsys, sample_file, tmp_path, top):
    out = tmp_path / "none.pdf"
    code, _, err = run_cli(capsys, "report", str(sample_file), "-o", str(out), "--top", top)
    assert code == 2  # a usage error, not an unexpected problem
    assert err.splitlines()[-1] == "beachhead report: error: argument --top: must be 1 or more"
    assert not out.exists()
