"""The welcome page's list of recent portfolios on a laptop's screen (1024×640, and 1366×768
at 125 %), in English and Chinese: at first start with the last file gone and folder paths
that wrap, after File ▸ Close and after a language switch, every tile listed is as tall as
its lines wrap at the width it has (none cut, no two lines drawn over each other), the list
is never 0 pixels high, no taller than the Start column, and scrolls only when its tiles
need more room than that."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from models.engine.sample import sample_portfolio
from models.store.workspace import Workspace
from tests.ui.small_screens import SCREENS, measure_on

#: A folder whose path wraps on a recent tile's second line.
FOLDER = ("deals", "pipeline reviewed by the investment committee", "second half of the year")


def _settle() -> None:
    """Let the layouts and the page's measuring run, as the event loop does."""
    from PySide6.QtCore import QEvent

    app = QApplication.instance()
    for _ in range(25):
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def list_problems(page: Any) -> list[str]:
    """What is wrong with the recent list of ``page`` as laid out now (nothing: [])."""
    problems: list[str] = []
    listed, tiles = page.recent_list, page.recent_tiles
    if not tiles:
        return ["no recent tile"]
    start = page.tiles["team"].geometry().bottom() - page.tiles["sample"].geometry().top() + 1
    if listed.height() <= 0:
        problems.append("the list has no height")
    if listed.height() > start + 1:
        problems.append(f"the list ({listed.height()} px) is taller than Start ({start} px)")
    for tile in tiles:
        name, width = tile.title(), tile.width()
        if tile.height() < tile.heightForWidth(width):
            problems.append(f"{name}: {tile.height()} px tall, its lines need "
                            f"{tile.heightForWidth(width)} at {width} px")
        line, title = tile.line_label, tile.title_label
        if line.height() < line.heightForWidth(line.width()):
            problems.append(f"{name}: its second line is cut")
        if line.geometry().top() < title.geometry().bottom():
            problems.append(f"{name}: its two lines are drawn over each other")
    needed = sum(t.heightForWidth(listed.width()) for t in tiles) + \
        listed.column.spacing() * (len(tiles) - 1)
    if needed <= start:  # it all fits: no scroll bar, every tile whole in sight
        if listed.verticalScrollBar().isVisible():
            problems.append(f"the list scrolls though its {needed} px fit in {start}")
        bottom = tiles[-1].mapTo(listed.viewport(), tiles[-1].rect().bottomLeft()).y()
        if bottom >= listed.viewport().height():
            problems.append(f"the last tile ends at {bottom}, the list at "
                            f"{listed.viewport().height()}")
    return problems


def _edge_name(page: Any) -> str:
    """A folder's name that, shown as ``~/name`` on a recent tile's second line, fits on one
    line at the width the tile has, and no longer once a scroll bar beside it takes its
    width."""
    line = page.recent_tiles[0].line_label
    room = line.width()
    bar = page.recent_list.verticalScrollBar().sizeHint().width()
    metrics = line.fontMetrics()
    vocabulary = " ".join(FOLDER).split()
    words = [vocabulary[0]]
    while metrics.horizontalAdvance("~/" + " ".join(words)) < room - bar - 40:
        words.append(vocabulary[len(words) % len(vocabulary)])
    name = " ".join(words) + " "
    while metrics.horizontalAdvance(f"~/{name}i") < room - bar // 2:
        name += "i"
    assert room - bar < metrics.horizontalAdvance(f"~/{name}") < room, (room, bar, name)
    return name


def measure(lang: str) -> dict[str, Any]:
    """In this process's screen, the window filling it in ``lang``: the list's problems at
    first start (a team workspace, a portfolio and, last opened, one gone, in a folder whose
    path wraps), after opening the portfolio and File ▸ Close, and after switching to the
    other language."""
    from gui import app as app_module
    from gui.i18n import install_language
    from gui.main_window import MainWindow
    from gui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    install_language(lang)
    probe = MainWindow(AppSettings())  # how wide a recent tile's line is, on this screen
    probe.settings.add_recent_file("postgresql://ann@db.example.com/deals")
    probe.resize(probe.screen().availableGeometry().size())
    probe.show()
    probe.welcome.show_page()
    _settle()
    folder = Path.home() / _edge_name(probe.welcome.page)
    probe.close()
    probe.deleteLater()
    _settle()
    folder.mkdir(parents=True)
    keep, gone = folder / "AI deals 2026.beachhead", folder / "Earlier pipeline.beachhead"
    for path in (keep, gone):
        Workspace.create(path, sample_portfolio()).close()
    w = MainWindow(AppSettings())  # started anew: its page made with these files listed
    w.settings.add_recent_file(keep)
    w.settings.add_recent_file(gone)
    gone.unlink()
    w.resize(w.screen().availableGeometry().size())
    w.show()
    _settle()
    assert not app_module.open_initial(w, None)  # the start, with the last file gone
    _settle()
    found: dict[str, Any] = {"first start": list_problems(w.welcome.page)}
    assert w.files.open_document(keep)
    _settle()
    w.menus.close_document()
    _settle()
    found["after close"] = list_problems(w.welcome.page)
    w.set_language("en" if lang == "zh_CN" else "zh_CN", remember=False)
    _settle()
    found["after a language switch"] = list_problems(w.welcome.page)
    found["tiles"] = len(w.welcome.page.recent_tiles)
    app.processEvents()
    return found


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_the_recent_list_shows_its_tiles_whole_on_a_laptop(tmp_path, chinese_built, screen,
                                                           lang):
    found = measure_on(tmp_path, screen, "tests.ui.test_welcome_recent", lang)
    assert found == {"first start": [], "after close": [], "after a language switch": [],
                     "tiles": 3}, found


def test_the_recent_list_is_measured_again_when_a_file_has_gone(make_window, qtbot, tmp_path,
                                                                scripted_ask):
    """At 1280×800: a recent file gone and the page refreshed (as clicking it does), the list
    fits the one tile left, whole."""
    folder = tmp_path.joinpath(*FOLDER)
    folder.mkdir(parents=True)
    paths = [folder / f"Pipeline {n}.beachhead" for n in (1, 2)]
    w = make_window()
    for path in paths:
        Workspace.create(path, sample_portfolio()).close()
        w.settings.add_recent_file(path)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    page = w.welcome.show_page()
    qtbot.waitUntil(lambda: list_problems(page) == [], timeout=3000)
    paths[1].unlink()
    assert page.recent_tiles[0].title() == "Pipeline 2.beachhead"
    page.recent_tiles[0].click()  # it is gone: said, and it leaves the list
    assert [t.title() for t in page.recent_tiles] == ["Pipeline 1.beachhead"]
    qtbot.waitUntil(lambda: list_problems(page) == [], timeout=3000)
    tile = page.recent_tiles[0]
    assert page.recent_list.height() == tile.heightForWidth(page.recent_list.width())
