"""The command line's counts take the form their number does: "1 startup, 1 assessment",
"2 startups, 2 assessments", "1 draw", "1 duplicate skipped" (through
:func:`models.cli.count_texts.counted`, whose forms :func:`models.core.counts.say_count`
chooses, as the workbook's do); Chinese has one form."""

from __future__ import annotations

from pathlib import Path

import pytest

from models.cli.count_texts import counted
from models.engine.sample import sample_portfolio
from models.files.portfolio_file import save_portfolio
from models.store.workspace import Workspace
from tests.helpers import run_cli

#: Startups of the sample with one (investor) assessment each.
ONE_ASSESSMENT = ("Tokenforge", "Lumenreel")


def _portfolio(tmp_path: Path, n: int) -> Path:
    """A workspace holding the first ``n`` of :data:`ONE_ASSESSMENT`: ``n`` startups, ``n``
    assessments."""
    p = sample_portfolio()
    p = p.model_copy(update={"startups": [s for s in p.startups if s.name in ONE_ASSESSMENT[:n]]})
    path = tmp_path / f"deals{n}.beachhead"
    Workspace.create(path, p).close()
    return path


@pytest.mark.parametrize(("n", "s"), [(1, ""), (2, "s")])
def test_writing_commands_count_in_the_form_their_number_takes(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, n: int, s: str):
    src = _portfolio(tmp_path, n)
    out = tmp_path / "out.xlsx"
    code, _, err = run_cli(capsys, "export", str(src), "-o", str(out), "--draws", "0")
    assert (code, err) == (0, f"wrote {out}: {n} assessment{s}\n")
    js = tmp_path / "out.json"
    code, _, err = run_cli(capsys, "export", str(src), "-o", str(js))
    assert (code, err) == (0, f"wrote {js}: {n} assessment{s}\n")
    pdf = tmp_path / "out.pdf"
    code, _, err = run_cli(capsys, "report", str(src), "-o", str(pdf), "--draws", "20")
    assert code == 0 and err.endswith(f" ({n} startup{s})\n")
    ws = tmp_path / "synthetic.beachhead"
    code, _, err = run_cli(capsys, "sample", "-o", str(ws), "--size", str(n))
    assessments = len(Workspace.open(ws).load().assessments())
    assert (code, err) == (0, f"wrote {ws}: {n} startup{s}, {assessments} assessment"
                              f"{'' if assessments == 1 else 's'}\n")


@pytest.mark.parametrize(("n", "s"), [(1, ""), (2, "s")])
def test_score_and_analyze_count_startups_and_draws(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, n: int, s: str):
    src = _portfolio(tmp_path, n)
    code, out, _ = run_cli(capsys, "score", str(src), "--draws", str(n))
    assert code == 0 and out.splitlines()[0] == (
        f"{src}: {n} startup{s}, investor view (median of each investor's latest assessment); "
        f"P10–P90 from {n} draw{s}, seed 0")
    code, out, _ = run_cli(capsys, "analyze", str(src), "--draws", str(n))
    assert code == 0 and out.startswith(
        f"{src}: {n} startup{s}, investor view (median of each investor's latest assessment); "
        f"{n} draw{s}, seed 0; ")
    code, out, _ = run_cli(capsys, "--lang", "zh_CN", "score", str(src), "--draws", str(n))
    assert code == 0 and out.startswith(f"{src}：{n} 家初创公司，") and f"来自 {n} 次抽样，" in out


@pytest.mark.parametrize(("n", "s"), [(1, ""), (2, "s")])
def test_import_counts_what_it_read_added_and_skipped(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, n: int, s: str):
    p = sample_portfolio()
    p = p.model_copy(update={"startups": [x for x in p.startups if x.name in ONE_ASSESSMENT[:n]]})
    source = tmp_path / "replies.json"
    save_portfolio(p, source)
    target = tmp_path / "new.beachhead"
    code, _, err = run_cli(capsys, "import", str(source), "-o", str(target))
    assert (code, err) == (0, f"wrote {target}: 1 portfolio read: 1 imported ({n} startup{s}, "
                              f"{n} assessment{s}); {n} assessment{s} added, 0 duplicates "
                              f"skipped; {n} startup{s} in all\n")
    code, _, err = run_cli(capsys, "import", str(source), "--into", str(target))
    assert code == 0 and err.endswith(f"; 0 assessments added, {n} duplicate{s} skipped; "
                                      f"{n} startup{s} in all\n")
    code, _, err = run_cli(capsys, "--lang", "zh_CN", "import", str(source), "--into", str(target))
    assert code == 0 and err.endswith(f"：已读取 1 个组合：导入 1 个（{n} 家初创公司，"
                                      f"{n} 项评估）；新增 0 项评估，跳过 {n} 项重复评估；"
                                      f"共 {n} 家初创公司\n")


def test_every_kind_has_its_english_forms_and_one_chinese_form():
    assert [counted("en", k, 1) for k in ("criteria", "deal_breakers", "pages", "workbooks")] \
        == ["1 criterion", "1 deal-breaker", "1 page", "1 workbook"]
    assert [counted("en", k, 2) for k in ("criteria", "deal_breakers", "pages", "workbooks")] \
        == ["2 criteria", "2 deal-breakers", "2 pages", "2 workbooks"]
    assert counted("en", "draws", 0) == "0 draws" and counted("en", "draws", 2000) == "2,000 draws"
    assert (counted("zh_CN", "criteria", 1), counted("zh_CN", "criteria", 2)) == \
        ("1 项标准", "2 项标准")
