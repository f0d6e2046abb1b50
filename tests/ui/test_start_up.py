"""Starting with a portfolio (``beachhead FILE``, or the last file reopened): the window paints
its menus, tool bar and tabs before the portfolio, which is read, scored and ranked in the
background while a line in the status bar says how far it got, then shown in views built once
on it. What cannot be opened is said, then the welcome page shows; a portfolio opened
meanwhile stays. Showing the window imports none of the domain's heavy libraries."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from gui import app as app_module
from gui import document_loading
from gui.document_loading import BackgroundOpen, OpeningLine
from gui.views.assess.criteria_panel import CriteriaPanel
from models.engine.results import score_assessment
from models.engine.sample import sample_portfolio, synthetic_portfolio
from models.store.workspace import Workspace

ROOT = Path(__file__).resolve().parents[2]


def _start(qtbot, window, file: str | None) -> None:  # type: ignore[no-untyped-def]
    """What ``gui.app.run`` does: the window shown, what it opens started once it has
    painted."""
    window.start_with(lambda: app_module.open_initial(window, file))
    window.show()
    qtbot.waitUntil(lambda: window._opening is None, timeout=10_000)  # it has painted


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Openings in the background wait for this event before reading (those in the
    window's thread do not)."""
    gate = threading.Event()
    load = document_loading.load

    def held_load(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():
            assert gate.wait(30)
        return load(*args, **kwargs)

    monkeypatch.setattr(document_loading, "load", held_load)
    return gate


def test_the_window_paints_first_and_builds_the_views_once_on_the_portfolio(
        make_window, qtbot, sample_file, monkeypatch, held):
    builds: list[object] = []
    build = CriteriaPanel.build
    monkeypatch.setattr(CriteriaPanel, "build",
                        lambda self, *a: builds.append(a) or build(self, *a))
    w = make_window()
    _start(qtbot, w, str(sample_file))
    # the window is up, the portfolio not yet: the Assess tab says it is loading
    assert w.files.opening is not None and w.current_document() is None
    assert w.tabs.widget(0).text() == "Loading…"  # type: ignore[attr-defined]
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    assert w.doc.path == sample_file and w.tabs.widget(0) is w.assess_view
    assert w.assess_view.doc is w.doc and len(builds) == 1  # the criteria, built once
    assert w.compare_view is None and w.framework_view is None  # built when first shown
    assert w.status_label.text().startswith("8 ")  # counted: 8 startups, 13 assessments
    assert w.settings.recent_files == [str(sample_file.resolve())]
    assert w.assess_view.current_startup().name == sample_portfolio().startups[0].name
    # ranked as it was read, under the perspective the window remembers
    assert w.doc.ranking().perspective.name == "investor"


def test_the_last_file_reopens_under_the_remembered_perspective(make_window, qtbot,
                                                               sample_file):
    first = make_window()
    assert first.files.open_document(sample_file)
    first.settings.perspective = "founder"
    first.close()
    w = make_window()
    _start(qtbot, w, None)
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    assert w.doc.path == sample_file and w.doc.perspective == "founder"
    ranked = w.doc.ranking()
    assert ranked.perspective.name == "founder"
    # the ranking read in the background is the one the window would have made
    assert [r.startup_id for r in ranked.rows] == \
        [r.startup_id for r in w.doc._ranking.ranking(w.doc.portfolio,
                                                      w.doc.ranking_settings()).rows]


def test_a_status_bar_line_says_how_far_a_big_opening_got(make_window, qtbot, tmp_path,
                                                         monkeypatch, held):
    path = tmp_path / "big.beachhead"
    Workspace.create(path, synthetic_portfolio(3000, seed=3)).close()
    monkeypatch.setattr(document_loading, "SHOW_AFTER_MS", 0)
    w = make_window()
    _start(qtbot, w, str(path))
    opening = w.files.opening
    assert isinstance(opening, BackgroundOpen)
    line = opening.line
    qtbot.waitUntil(line.isVisible, timeout=10_000)
    assert line.label.text().startswith("Opening big.beachhead: ")
    assert line.bar.maximum() == 0  # busy
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=60_000)
    assert len(w.doc.portfolio.startups) == 3000
    qtbot.waitUntil(lambda: not w.statusBar().findChildren(OpeningLine), timeout=5000)


def test_the_line_names_each_step(qapp):
    line = OpeningLine("deals.beachhead")
    assert line.label.text() == "Opening deals.beachhead: reading the portfolio…"
    line.show_step("score", 1)
    assert line.label.text().startswith("Opening deals.beachhead: scoring 1 startup")
    line.show_step("rank", 1)
    assert line.label.text().startswith("Opening deals.beachhead: ranking 1 startup")


def test_a_file_that_cannot_be_opened_is_said_then_the_welcome_page(make_window, qtbot,
                                                                   tmp_path, scripted_ask):
    bad = tmp_path / "notes.beachhead"
    bad.write_text("not a portfolio", encoding="utf-8")
    w = make_window()
    _start(qtbot, w, str(bad))
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    (error,) = scripted_ask.errors()
    assert error.startswith("Cannot open portfolio: notes.beachhead could not be opened: ")
    assert w.welcome.is_shown()
    assert w.doc.workspace is None and w.doc.portfolio.startups == []


def test_a_portfolio_opened_while_the_first_loads_stays(make_window, qtbot, tmp_path,
                                                       sample_file, held):
    other = tmp_path / "other.beachhead"
    Workspace.create(other, synthetic_portfolio(3, seed=1)).close()
    w = make_window()
    _start(qtbot, w, str(sample_file))
    assert w.files.open_document(other)  # File ▸ Open before the first is read
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    assert w.doc.path == other and len(w.doc.portfolio.startups) == 3
    # the one read meanwhile was let go: its file can be opened again at once
    with Workspace.open(sample_file) as ws:
        assert len(ws.load().startups) == 8


@pytest.mark.parametrize("heavy", [("pydantic", "numpy", "sqlalchemy", "matplotlib")])
def test_the_window_paints_without_the_domains_libraries(heavy, tmp_path):
    code = f"""
import sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
app = QApplication([])
bare = set(sys.modules)  # some releases of the binding bring numpy in themselves (shiboken6 6.6)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, {str(tmp_path)!r})
from gui.main_window import MainWindow
w = MainWindow()
w.start_with(lambda: True)  # the portfolio would come later
w.show()
w.repaint()
print(sorted(m for m in {heavy!r} if m in sys.modules and m not in bare))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_a_language_switched_while_it_loads_is_the_results_language(make_window, qtbot,
                                                                    sample_file, held,
                                                                    chinese_built):
    w = make_window()
    _start(qtbot, w, str(sample_file))  # read in English…
    w.set_language("zh_CN", remember=False)  # …shown in Chinese
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    doc = w.doc
    for st, a in doc.portfolio.assessments():
        assert doc.result(a.id) == score_assessment(st, a, doc.framework, None, "zh_CN")
    hits = [h.name for _, a in doc.portfolio.assessments() for h in doc.result(a.id).postures]
    assert hits and all(any("\u4e00" <= c <= "\u9fff" for c in name) for name in hits)


def test_file_open_reads_a_big_workspace_in_the_background(make_window, qtbot, tmp_path,
                                                          sample_file, held, monkeypatch):
    """File ▸ Open of a workspace over the size limit: the open portfolio stays on screen and
    usable while the other is read, then is replaced; a second File ▸ Open meanwhile wins."""
    from gui import portfolio_files

    big, bigger = tmp_path / "big.beachhead", tmp_path / "bigger.beachhead"
    Workspace.create(big, synthetic_portfolio(5, seed=1)).close()
    Workspace.create(bigger, synthetic_portfolio(7, seed=2)).close()
    w = make_window()
    assert w.files.open_document(sample_file)  # small: at once
    assert w.doc.path == sample_file
    monkeypatch.setattr(portfolio_files, "BACKGROUND_BYTES", big.stat().st_size - 1)
    assert w.files.open_document(big)
    assert w.files.opening is not None and w.doc.path == sample_file  # still the sample
    assert w.files.open_document(bigger)  # File ▸ Open again before the first is read
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    qtbot.wait(50)  # the first opening's result, if it came last, is let go too
    assert w.doc.path == bigger and len(w.doc.portfolio.startups) == 7
    assert w.settings.recent_files[0] == str(bigger)
    with Workspace.open(big) as ws:  # the one let go is closed: it opens at once
        assert len(ws.load().startups) == 5
