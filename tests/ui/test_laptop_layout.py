"""Every view, tab and dialog on a laptop: the main window on a copy of the sample at 1366×768
with 125 % scaling (1093×614 device-independent pixels) and at 1024×640, in English and in
Chinese — Assess with its History, Differences and Trend tabs (the decision and round panels
beside them) and with a startup's Details opened (its notes box at least three lines high,
the column scrolling rather than squeezing its editors), Compare with each of its tabs and
"As of", Framework with each of its tabs (the pairwise editor among them), and the
Preferences, user guide, shortcuts, About, team workspace and consensus dialogs. In each, no
text is cut (a label, button or check box at least as wide as its text; a wrapped label as
tall as its lines), no widget is squeezed below the least size its contents need or lies
outside the window, no scroll area scrolls sideways, and no chart text lies outside its
figure (:mod:`tests.ui.layout_checks`).

The scale factor is read when the application starts, so each screen runs in a process of its
own (:func:`measure`, both languages in turn, one window per language), which renders every
place to a PNG (kept in ``$BEACHHEAD_SHOTS`` when set) and prints what it found as JSON; the
tests read it once per module."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
#: (screen size in pixels, scale factor)
SCREENS = {"1366x768@1.25": ((1366, 768), 1.25), "1024x640": ((1024, 640), 1.0)}
LANGS = ("en", "zh_CN")
#: The places shown, by name: view, tab or dialog.
PLACES = ("assess", "assess-history", "assess-differences", "assess-trend", "assess-details",
          "compare-startups", "compare-assessments", "compare-scenarios", "compare-uncertainty",
          "compare-sensitivity", "compare-gaps", "compare-as-of",
          "framework-criterion", "framework-pairwise", "framework-postures",
          "framework-deal-breakers", "framework-scenarios",
          "preferences", "guide", "shortcuts", "about", "team", "consensus")


def _settle(seconds: float = 0.25) -> None:
    """Run the event loop for ``seconds`` (a loop of its own: widgets deleted later go, as in
    the application; ``processEvents`` alone would leave them on screen)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def _settle_charts(top: Any, timeout: float = 10.0) -> None:
    """Run the event loop until every chart shown in ``top`` is drawn with the latest data
    (charts wait for the application to be idle; an analysis tab computes first)."""
    from gui.widgets.chart_canvas import IdleChart

    waited = 0.0
    while waited < timeout:
        _settle(0.1)
        waited += 0.1
        charts = [c for c in top.findChildren(IdleChart) if c.isVisible()]
        if all(c.draws >= 1 and not c.is_pending() for c in charts):
            break
    _settle(0.2)


def _assess(window: Any, tab: int) -> Any:
    window.show_view("assess")
    window.assess_view.tabs.setCurrentIndex(tab)
    return window


def _details(window: Any) -> Any:
    """Assess's Criteria tab with the startup's Details opened."""
    _assess(window, 0)
    window.assess_view.header.details.set_open(True)
    return window


def details_problems(window: Any) -> list[str]:
    """What is wrong with the details open in Assess beyond what every place is checked for:
    a notes box under three lines high, the criteria out of sight or the column not
    scrolling while they need more height than it has."""
    from PySide6.QtWidgets import QScrollArea

    view = window.assess_view
    notes = view.header.details.notes
    problems = []
    lines = (notes.height() - 2 * notes.frameWidth() -
             2 * notes.document().documentMargin()) / notes.fontMetrics().lineSpacing()
    if lines < 3 - 0.01:
        problems.append(f"the notes box shows {lines:.1f} lines")
    scroll = view.header.parentWidget()
    while scroll is not view and not isinstance(scroll, QScrollArea):
        scroll = scroll.parentWidget()
    if isinstance(scroll, QScrollArea):  # what scrolls when the head needs more room
        needed, room = view.header.minimumSizeHint().height(), scroll.viewport().height()
        scrolls = scroll.verticalScrollBar().isVisible()
    else:
        column = view.header.parentWidget()
        needed, room, scrolls = column.minimumSizeHint().height(), column.height(), False
    if needed > room and not scrolls:
        problems.append(f"the column needs {needed} px, has {room} and does not scroll")
    least = view.tabs.fontMetrics().lineSpacing() * 12
    if view.tabs.height() < least:
        problems.append(f"the criteria have {view.tabs.height()} px, less than {least}")
    return problems


def _compare(window: Any, upper: str, lower: str = "map") -> Any:
    window.show_view("compare")
    view = window.ensure_compare_view()
    view.upper.setCurrentWidget(getattr(view, upper))
    page = getattr(view, lower)
    view.tabs.setCurrentWidget(page)
    if lower == "uncertainty_panel" and not page.model.figures:
        page.inline_limit = 10_000  # computed at once, in this process
        page.compute()
    return window


def _as_of(window: Any) -> Any:
    _compare(window, "startups")
    bar = window.compare_view.as_of
    bar.check.setChecked(True)
    return window


def _framework(window: Any, tab: int) -> Any:
    window.show_view("framework")
    view = window.ensure_framework_view()
    view.pairwise_panel.parentWidget().parentWidget().setCurrentIndex(tab)  # the texts' tabs
    return window


def _consensus(window: Any) -> Any:
    import datetime as dt

    from gui.views.assess.consensus_dialog import ConsensusDialog
    from models.core.consensus import consensus_table
    from models.store.rounds import RoundState

    doc = window.doc
    startup = doc.portfolio.find_startup("Gearloom Systems")
    table = consensus_table(doc.framework, startup.assessments)
    now = dt.datetime(2025, 3, 1, 10, 0, tzinfo=dt.UTC)
    state = RoundState(1, startup.id, startup.name, now, "Ann", now, None, None, ())
    dialog = ConsensusDialog(table, doc.framework, state, window)
    dialog.show()
    return dialog


def _team(window: Any) -> Any:
    from gui.team_dialog import TeamWorkspaceDialog

    dialog = TeamWorkspaceDialog(window, ["postgresql://ann@db.example.com:5432/deals"], "ann")
    dialog.show()
    return dialog


def _history(window: Any) -> None:
    """Gearloom Systems chosen in Assess, with a few changes to its investor assessment (its
    History lists them, its Differences and Trend show them)."""
    view = window.assess_view
    view.select_startup(window.doc.portfolio.find_startup("Gearloom Systems").id,
                        "s06-investor")
    first, second = list(view.criteria.editors)[:2]
    for criterion, level in ((first, 2), (second, 1), (first, 3)):
        view.set_level(criterion, level)
        _settle(0.05)


def places(window: Any) -> dict[str, Callable[[], Any]]:
    """How to show each place of :data:`PLACES` in ``window``; each returns the window or
    dialog to check."""
    from gui.preferences import open_preferences

    help_ = window.menus.help
    return {
        "assess": lambda: _assess(window, 0),
        "assess-history": lambda: _assess(window, 1),
        "assess-differences": lambda: _assess(window, 2),
        "assess-trend": lambda: _assess(window, 3),
        "assess-details": lambda: _details(window),
        "compare-startups": lambda: _compare(window, "startups"),
        "compare-assessments": lambda: _compare(window, "assessments"),
        "compare-scenarios": lambda: _compare(window, "startups", "scenarios"),
        "compare-uncertainty": lambda: _compare(window, "startups", "uncertainty_panel"),
        "compare-sensitivity": lambda: _compare(window, "startups", "sensitivity_panel"),
        "compare-gaps": lambda: _compare(window, "startups", "gaps_panel"),
        "compare-as-of": lambda: _as_of(window),
        "framework-criterion": lambda: _framework(window, 0),
        "framework-pairwise": lambda: _framework(window, 1),
        "framework-postures": lambda: _framework(window, 2),
        "framework-deal-breakers": lambda: _framework(window, 3),
        "framework-scenarios": lambda: _framework(window, 4),
        "preferences": lambda: open_preferences(window),
        "guide": lambda: help_.show_guide(),
        "shortcuts": lambda: help_.show_shortcuts(),
        "about": lambda: help_.show_about(),
        "team": lambda: _team(window),
        "consensus": lambda: _consensus(window),
    }


def _check(top: Any) -> list[str]:
    """The problems of ``top`` that last: a layout catching up with a change (a text box
    refitting on a timer) is given a second look a moment later."""
    from tests.ui.layout_checks import chart_problems, widget_problems

    found = widget_problems(top) + chart_problems(top)
    if found:
        _settle(1.0)
        found = widget_problems(top) + chart_problems(top)
    return found


def measure_language(sample: str, lang: str, shots: Path, size: tuple[int, int]) -> dict:
    """Open ``sample`` in a window of ``size`` (logical pixels) in ``lang``, show every place
    in turn, check it and render it to ``shots``; returns the problems by place."""
    from PySide6.QtWidgets import QApplication

    from gui.i18n import install_language
    from gui.main_window import MainWindow
    from gui.settings import AppSettings

    install_language(lang, QApplication.instance())
    window = MainWindow(AppSettings())
    assert window.files.open_document(Path(sample))
    window.resize(*size)
    window.show()
    _settle()
    window.late_start()
    _history(window)
    found: dict[str, Any] = {"window": [window.width(), window.height()]}
    shown = places(window)
    assert tuple(shown) == PLACES
    for place, show in shown.items():
        top = show()
        _settle_charts(top)
        found[place] = _check(top) + (details_problems(top) if place == "assess-details"
                                      else [])
        top.grab().save(str(shots / f"{place}-{lang}.png"))
        if top is not window:
            top.close()
            _settle(0.05)
    window.close()
    return found


def measure(sample: str, shots: str) -> dict:
    """Run in the child process: both languages, every place (see the module docstring)."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    scale = float(os.environ.get("QT_SCALE_FACTOR", "1"))
    w, h = (int(x) for x in os.environ["BEACHHEAD_TEST_SCREEN"].split("x"))
    size = (round(w / scale), round(h / scale))
    free = app.primaryScreen().availableGeometry()
    assert (free.width(), free.height()) == size, "the screen is the laptop's"
    out = {lang: measure_language(sample, lang, Path(shots), size) for lang in LANGS}
    out["ratio"] = app.devicePixelRatio()
    return out


@pytest.fixture(scope="module", params=list(SCREENS))
def screen(request, tmp_path_factory) -> tuple[str, dict]:  # type: ignore[no-untyped-def]
    """What the child process found on one screen (run once per module)."""
    from models.engine.sample import sample_portfolio
    from models.store.workspace import Workspace

    name = request.param
    (w, h), scale = SCREENS[name]
    tmp = tmp_path_factory.mktemp(f"laptop-{name}")
    sample = tmp / "sample.beachhead"
    Workspace.create(sample, sample_portfolio()).close()
    shots = Path(os.environ.get("BEACHHEAD_SHOTS") or tmp / "shots") / name
    shots.mkdir(parents=True, exist_ok=True)
    # the offscreen screen is the laptop's (its own is 800×600), so that dialogs sized to
    # the screen they open on are sized as they would be there
    screen_file = tmp / "screen.json"
    screen_file.write_text(json.dumps({"screens": [
        {"name": name, "x": 0, "y": 0, "width": w, "height": h, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen_file}",
           "QT_SCALE_FACTOR": str(scale),
           "BEACHHEAD_TEST_SCREEN": f"{w}x{h}", "XDG_CONFIG_HOME": str(tmp / "config"),
           "XDG_DATA_HOME": str(tmp / "data"), "HOME": str(tmp)}
    code = ("import json, sys; from tests.ui.test_laptop_layout import measure; "
            "print(json.dumps(measure(sys.argv[1], sys.argv[2])))")
    done = subprocess.run([sys.executable, "-c", code, str(sample), str(shots)], env=env,
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return name, json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("lang", LANGS)
def test_every_place_fits_the_screen(screen, lang):
    name, found = screen
    (w, h), scale = SCREENS[name]
    assert found["ratio"] == scale
    assert found[lang]["window"] == [round(w / scale), round(h / scale)]
    problems = {place: found[lang][place] for place in PLACES if found[lang][place]}
    assert problems == {}
