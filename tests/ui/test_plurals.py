"""Counts take Qt's plural forms ("%n startup(s)"): "0 startups", "1 startup", "2 startups" in
English, one form in Chinese, read from the window's widgets; a count in thousands is written
"1,200" in both languages while spin boxes and dates are shown as before; the English plural
forms are built from ``beachhead_en.ts``, which holds every count of ``gui/`` with both forms
written."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtTest import QTest

from gui.document import Document
from gui.main_window import MainWindow
from models.engine.sample import sample_portfolio

ROOT = Path(__file__).resolve().parents[2]
EN = ROOT / "resources" / "translations" / "beachhead_en.ts"
ONE_ASSESSMENT = ("Tokenforge", "Lumenreel")  # startups of the sample with one assessment each

ENGLISH = {0: ("0 startups, 0 assessments", "0 of 0 startups shown", "0 startups, Investor view"),
           1: ("1 startup, 1 assessment", "0 of 1 startup shown", "1 startup, Investor view"),
           2: ("2 startups, 2 assessments", "0 of 2 startups shown",
               "2 startups, Investor view")}
CHINESE = {n: (f"{n} 家初创公司、{n} 项评估", f"显示 0 / {n} 家初创公司",
               f"{n} 家初创公司，投资人视角") for n in (0, 1, 2)}


def _portfolio_of(n: int):  # type: ignore[no-untyped-def]
    p = sample_portfolio()
    return p.model_copy(update={"startups": [s for s in p.startups
                                             if s.name in ONE_ASSESSMENT[:n]]})


def _counts(window: MainWindow, n: int) -> tuple[str, str, str]:
    """The status bar's count, the startup list's "shown" count with a filter hiding every
    startup, and Compare's count, for a portfolio of ``n`` startups of one assessment each."""
    window.replace_document(Document(_portfolio_of(n), None, window))
    return _counts_shown(window)


def _counts_shown(window: MainWindow) -> tuple[str, str, str]:
    """The status bar's count, the startup list's "shown" count with a filter hiding every
    startup, and Compare's count, for the portfolio open."""
    status = window.status_label.text().split("  ·  ")[0]  # then the framework's version
    pane = window.assess_view.startup_pane
    pane.filter_edit.setText("no such startup")
    shown = pane.count_label.text()
    pane.filter_edit.clear()
    window.show_view("compare")
    QTest.qWait(10)
    compare = window.compare_view.startups.count_label.text()
    window.show_view("assess")
    return status, shown, compare


def test_counts_in_english_and_chinese(qtbot, make_window, chinese_built) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    for n in (0, 1, 2):
        assert _counts(window, n) == ENGLISH[n]
    window.set_language("zh_CN")
    for n in (0, 1, 2):
        assert _counts(window, n) == CHINESE[n]
    window.set_language("en")
    assert _counts(window, 1) == ENGLISH[1]


def test_the_english_file_has_both_forms_of_every_count_in_gui(tmp_path: Path) -> None:
    lupdate = Path(sys.executable).parent / "pyside6-lupdate"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    probe = tmp_path / "probe.ts"
    subprocess.run([str(lupdate), "-locations", "none", "-pluralonly",
                    *map(str, sorted((ROOT / "gui").rglob("*.py"))), "-ts", str(probe)],
                   check=True, capture_output=True, cwd=ROOT)

    def numerus(ts: Path) -> dict[tuple[str, str], list[str]]:
        root = ET.parse(ts).getroot()
        return {(ctx.findtext("name") or "", m.findtext("source") or ""):
                [f.text or "" for f in m.iter("numerusform")]
                for ctx in root.iter("context") for m in ctx.iter("message")
                if m.get("numerus") == "yes"}

    wanted, have = numerus(probe), numerus(EN)
    assert wanted, "no count in gui/ uses a plural form"
    missing = sorted(set(wanted) - set(have))
    assert not missing, f"run make lupdate and write the English forms: {missing[:10]}"
    for key in wanted:
        one, many = have[key]
        count = "%Ln" if "%Ln" in key[1] else "%n"  # %Ln: written as the language does
        assert count in one and count in many and "(s)" not in one + many, (key, have[key])
        assert one != many or "(s)" not in key[1], (key, have[key])


def test_counts_in_thousands_are_grouped_spin_boxes_and_dates_are_not(
        qtbot, make_window, chinese_built) -> None:  # type: ignore[no-untyped-def]
    """A portfolio of 1,200 startups: the status bar, the startup list and Compare write the
    count "1,200" (the interface language's default locale, en_US or zh_CN, writes a count's
    ``%Ln``); a spin box still shows 12000 and a date 2025-03-01, as before."""
    from PySide6.QtCore import QDate

    from models.engine.sample import synthetic_portfolio

    window = make_window()
    window.show()
    qtbot.waitExposed(window)
    port = synthetic_portfolio(1200, seed=5)
    n_assess = sum(len(s.assessments) for s in port.startups)
    assert n_assess >= 1000
    window.replace_document(Document(port, None, window))
    status, shown, compare = _counts_shown(window)
    assert status == f"1,200 startups, {n_assess:,} assessments"
    assert (shown, compare) == ("0 of 1,200 startups shown", "1,200 startups, Investor view")
    spin = window.compare_view.uncertainty_panel.run_settings.draws_spin
    spin.setValue(12000)
    assert spin.text() == "12000"
    date = window.assess_view.header.date_edit
    date.setDate(QDate(2025, 3, 1))
    assert date.text() == "2025-03-01"
    window.set_language("zh_CN")
    status, shown, compare = _counts_shown(window)
    assert status == f"1,200 家初创公司、{n_assess:,} 项评估"
    assert (shown, compare) == ("显示 0 / 1,200 家初创公司", "1,200 家初创公司，投资人视角")
    spin = window.compare_view.uncertainty_panel.run_settings.draws_spin
    spin.setValue(12000)
    assert spin.text() == "12000"
    window.set_language("en")
