"""Counts in the export's texts take the form their number does, read back with openpyxl:
the Charts sheet's titles say "first 1 startup" and "first 3 startups" in English, "前 1 家公司"
and "前 3 家公司" in Chinese (one form); the Summary's P10–P90 line says "1 Monte Carlo draw"
of an export drawn once."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.engine.sample import synthetic_portfolio
from models.workbook.count_texts import counted
from models.workbook.export import export_workbook


def _chart_titles(path: Path) -> list[str]:
    """The titles of the Charts sheet's charts, top chart first."""
    titles = []
    for chart in load_workbook(path)["Charts"]._charts:
        rich = chart.title.tx.rich
        titles.append("".join(r.t for p in rich.p for r in (p.r or [])))
    return titles


@pytest.mark.parametrize(("n", "lang", "overall", "first"), [
    (1, "en", "Overall score of the first 1 startup of the Summary (0–100)", ": first 1 startup"),
    (3, "en", "Overall score of the first 3 startups of the Summary (0–100)",
     ": first 3 startups"),
    (1, "zh_CN", "Summary 前 1 家公司的总分（0–100）", "：前 1 家公司"),
    (3, "zh_CN", "Summary 前 3 家公司的总分（0–100）", "：前 3 家公司"),
])
def test_the_charts_titles_count_their_startups(tmp_path: Path, n: int, lang: str,
                                                overall: str, first: str) -> None:
    port = synthetic_portfolio(n, seed=5)
    path = tmp_path / f"{n}-{lang}.xlsx"
    export_workbook(port, path, lang=lang, analysis_draws=0)
    titles = _chart_titles(path)
    pillar = port.framework.pillars[0].score_name(lang)
    assert titles[0] == overall
    assert titles[1] == pillar + first
    assert len(titles) == 1 + len(port.framework.pillars)


@pytest.mark.parametrize(("draws", "lang", "said"), [
    (1, "en", "P10–P90: 1 Monte Carlo draw at export, seed 0."),
    (3, "en", "P10–P90: 3 Monte Carlo draws at export, seed 0."),
    (1, "zh_CN", "P10–P90：导出时 1 次蒙特卡洛抽样，种子 0。"),
])
def test_the_summary_counts_its_draws(tmp_path: Path, draws: int, lang: str,
                                      said: str) -> None:
    path = tmp_path / "s.xlsx"
    export_workbook(synthetic_portfolio(3, seed=5), path, lang=lang, analysis_draws=draws,
                    analysis_seed=0)
    assert said in load_workbook(path)["Summary"]["A4"].value


def test_counts_are_said_with_thousands_separated() -> None:
    assert counted("en", "startups", 1) == "1 startup"
    assert counted("en", "startups", 10_000) == "10,000 startups"
    assert counted("en", "draws", 1) == "1 draw"
    assert counted("zh_CN", "startups", 1) == "1 家公司"
    assert counted("zh_CN", "startups", 2) == "2 家公司"
    assert counted("fr", "startups", 2) == "2 startups"  # an unknown language: English
