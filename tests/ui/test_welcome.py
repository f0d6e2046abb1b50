"""The welcome page: shown at start when there is nothing to reopen, after File ▸ Close and
from Help ▸ Welcome Page; each of its ways in does what it says; the sample opens as the
user's own copy, never written in the application's data folder."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication, QScrollArea

from gui import app as app_module
from gui import team_dialog
from gui.settings import data_folder, documents_folder
from models.core.portfolio import Portfolio
from models.engine.sample import sample_portfolio
from models.files.framework_file import default_framework
from models.store.sqlite import is_workspace
from models.store.workspace import Workspace
from tests.ui.small_screens import SCREENS, measure_on

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def save_paths(scripted_ask, monkeypatch):
    """The paths the save dialogs were opened on (the name and folder they suggest)."""
    offered: list[str] = []
    answer = scripted_ask.save_file

    def save_file(parent, title, path, filters):  # type: ignore[no-untyped-def]
        offered.append(path)
        return answer(parent, title, path, filters)

    monkeypatch.setattr(scripted_ask, "save_file", save_file)
    return offered


def _workspaces_in(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.beachhead"))


def test_first_start_shows_the_welcome_page_and_writes_nothing(make_window):
    before = _workspaces_in(data_folder())
    w = make_window()
    app_module.open_initial(w, None)
    page = w.welcome.page
    assert w.welcome.is_shown() and w.welcome.stack.currentWidget() is page
    assert w.windowTitle() == "Beachhead"
    assert [t.title_label.text() for t in page.tiles.values()] == [
        "Open the Sample", "New Portfolio…", "Open a Portfolio…",
        "Import Founders' Workbooks…", "Open Team Workspace…"]
    assert "five pillars" in page.about_label.text()
    assert page.recent_tiles == [] and not page.no_recent_label.isHidden()
    assert page.back_button.isHidden()  # nothing open to go back to
    assert w.doc.workspace is None and w.doc.portfolio.startups == []
    assert _workspaces_in(data_folder()) == before  # no sample written in the data folder


def test_the_last_file_opens_again_and_a_gone_one_shows_the_page(make_window, qtbot, tmp_path):
    mine = tmp_path / "mine.beachhead"
    Workspace.create(mine, sample_portfolio()).close()
    w = make_window()
    assert w.files.open_document(mine)
    w.close()
    w2 = make_window()
    assert app_module.open_initial(w2, None)  # read in the background
    qtbot.waitUntil(lambda: w2.files.opening is None, timeout=30_000)
    assert w2.doc.path == mine and not w2.welcome.is_shown()
    w2.close()
    mine.unlink()
    w3 = make_window()
    assert not app_module.open_initial(w3, None)
    assert w3.welcome.is_shown()
    (tile,) = w3.welcome.page.recent_tiles
    assert tile.title_label.text() == "mine.beachhead"
    assert tile.line_label.text().endswith("— not found")


def test_a_file_given_at_start_opens_without_the_page(make_window, qtbot, sample_file):
    w = make_window()
    assert app_module.open_initial(w, str(sample_file))
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    assert w.doc.path == sample_file and not w.welcome.is_shown()


def test_open_the_sample_keeps_a_copy_the_first_edit_goes_to(make_window, qtbot, tmp_path,
                                                            scripted_ask, save_paths):
    in_data_folder = _workspaces_in(data_folder())
    w = make_window()
    w.show()
    app_module.open_initial(w, None)
    copy = tmp_path / "my sample.beachhead"
    scripted_ask.queue("save_file", str(copy))
    qtbot.mouseClick(w.welcome.page.tiles["sample"], Qt.MouseButton.LeftButton)
    # offered in the documents folder (the home folder where the system has none)
    assert save_paths == [str(Path(documents_folder()) / "Beachhead sample.beachhead")]
    assert ("save_file", "Keep a copy of the sample") in scripted_ask.asked
    assert w.doc.path == copy and is_workspace(copy)
    assert len(w.doc.portfolio.startups) == 8 and not w.welcome.is_shown()
    assert w.windowTitle() == "my sample.beachhead[*] — Beachhead"
    assert w.statusBar().currentMessage().startswith(
        "my sample.beachhead is your own copy of the sample")
    # the first edit: written to the copy at once, nowhere else
    view = w.assess_view
    st = w.doc.portfolio.startups[0]
    view.select_startup(st.id)
    before = view.current_assessment().level("cap.runway")
    level = 1 if before != 1 else 2
    view.set_level("cap.runway", level)
    assessment_id = view.current_assessment_id()
    with Workspace.open(copy) as ws:
        saved = next(a for s in ws.load().startups for a in s.assessments
                     if a.id == assessment_id)
    assert saved.level("cap.runway") == level
    assert _workspaces_in(data_folder()) == in_data_folder
    bundled = next(a for s in sample_portfolio().startups for a in s.assessments
                   if a.id == assessment_id)
    assert bundled.level("cap.runway") == before


def test_the_documents_folder_is_the_systems_when_it_exists(tmp_path, monkeypatch):
    documents = tmp_path / "Documents"
    monkeypatch.setattr(QStandardPaths, "writableLocation", lambda _kind: str(documents))
    assert documents_folder() == str(Path.home())  # named, but not there
    documents.mkdir()
    assert documents_folder() == str(documents)


def test_a_second_sample_copy_is_offered_a_free_name(make_window, tmp_path, scripted_ask,
                                                    save_paths):
    w = make_window()
    first = tmp_path / "Beachhead sample.beachhead"
    scripted_ask.queue("save_file", str(first))
    assert w.files.open_sample()
    assert not w.files.open_sample()  # cancelled: the first copy stays open
    assert save_paths[1] == str(tmp_path / "Beachhead sample 2.beachhead")
    assert w.doc.path == first


def test_new_portfolio_from_the_page_creates_a_workspace(make_window, qtbot, tmp_path,
                                                        scripted_ask):
    w = make_window()
    w.show()
    app_module.open_initial(w, None)
    path = tmp_path / "deals.beachhead"
    scripted_ask.queue("save_file", str(path))
    qtbot.mouseClick(w.welcome.page.tiles["new"], Qt.MouseButton.LeftButton)
    assert is_workspace(path) and w.doc.path == path
    assert w.doc.portfolio.startups == [] and not w.welcome.is_shown()
    assert w.settings.recent_files == [str(path.resolve())]


def test_a_recent_portfolio_opens_from_the_page(make_window, qtbot, tmp_path):
    first, second = tmp_path / "a.beachhead", tmp_path / "b.beachhead"
    for p in (first, second):
        Workspace.create(p, Portfolio(framework=default_framework())).close()
    w = make_window()
    for p in (first, second):
        w.settings.add_recent_file(p)
    w.show()
    page = w.welcome.show_page()
    assert [t.title_label.text() for t in page.recent_tiles] == ["b.beachhead", "a.beachhead"]
    assert page.no_recent_label.isHidden()
    qtbot.mouseClick(page.recent_tiles[1], Qt.MouseButton.LeftButton)
    assert w.doc.path == first and not w.welcome.is_shown()


def test_a_team_workspace_is_listed_by_its_name_and_asked_for(make_window, qtbot,
                                                             monkeypatch):
    asked: list[list[str]] = []

    class Answer:
        def address(self, parent, recent):  # type: ignore[no-untyped-def]
            asked.append(recent)
            return None

    monkeypatch.setattr(team_dialog, "team_ask", Answer())
    w = make_window()
    w.settings.add_recent_file("postgresql://ann@db.example.com/deals")
    w.show()
    page = w.welcome.show_page()
    (tile,) = page.recent_tiles
    assert tile.title_label.text() == "deals@db.example.com"
    assert tile.line_label.text() == "postgresql://ann@db.example.com/deals"
    qtbot.mouseClick(page.tiles["team"], Qt.MouseButton.LeftButton)
    assert asked == [["postgresql://ann@db.example.com/deals"]]
    assert w.welcome.is_shown()  # cancelled: still on the page


def test_import_from_the_page_fills_the_window(make_window, qtbot, tmp_path, scripted_ask):
    from tests.workbook_corpus import fill_template

    book = tmp_path / "nova.xlsx"
    fill_template(book, fields={"Startup": "Nova Robotics", "Assessor": "Founder of Nova",
                                "Role": "founder", "Date": dt.date(2024, 11, 2)},
                  rows={"cap.runway": (4, "high", "18 months of cash", "bank statement")})
    w = make_window()
    w.show()
    app_module.open_initial(w, None)
    scripted_ask.queue("open_files", [str(book)])
    qtbot.mouseClick(w.welcome.page.tiles["import"], Qt.MouseButton.LeftButton)
    assert ("open_files", "Import workbooks") in scripted_ask.asked
    qtbot.waitUntil(lambda: not w.file_jobs.job.is_running(), timeout=60_000)
    qtbot.waitUntil(lambda: not w.welcome.is_shown())
    (nova,) = w.doc.portfolio.startups
    assert nova.name == "Nova Robotics" and nova.assessments[0].level("cap.runway") == 4
    assert w.assess_view.current_startup().id == nova.id


def test_help_shows_the_page_again_and_back_returns(window, qtbot):
    help_ = window.menus.help
    assert help_.welcome_action in window.menus.help_menu.actions()
    help_.welcome_action.trigger()
    page = window.welcome.page
    assert window.welcome.is_shown()
    assert page.back_button.text() == "Back to sample.beachhead"
    assert not page.back_button.isHidden()
    qtbot.mouseClick(page.back_button, Qt.MouseButton.LeftButton)
    assert not window.welcome.is_shown()
    assert window.windowTitle() == "sample.beachhead[*] — Beachhead"
    help_.welcome_action.trigger()
    qtbot.keyClick(page.tiles["open"], Qt.Key.Key_Escape)
    assert not window.welcome.is_shown()


def test_an_edit_shows_the_views_again(window):
    view = window.assess_view
    view.select_startup(window.doc.portfolio.startups[0].id)
    window.welcome.show_page()
    level = view.current_assessment().level("cap.runway")
    view.set_level("cap.runway", 3 if level != 3 else 2)
    assert not window.welcome.is_shown()


def test_close_shows_the_page(window):
    window.menus.close_action.trigger()
    assert window.welcome.is_shown()
    assert window.welcome.page.back_button.isHidden()
    (tile,) = window.welcome.page.recent_tiles
    assert tile.title_label.text() == "sample.beachhead"


def test_the_page_follows_the_language(make_window, qtbot, chinese_built):
    w = make_window()
    page = w.welcome.show_page()
    w.set_language("zh_CN", remember=False)
    qtbot.waitUntil(lambda: page.tiles["sample"].title_label.text() == "打开示例组合")
    assert page.recent_heading.text() == "最近的组合"
    assert w.menus.help.welcome_action.text() == "欢迎页(&W)"
    w.set_language("en", remember=False)
    qtbot.waitUntil(lambda: page.tiles["sample"].title_label.text() == "Open the Sample")


def test_the_window_belongs_to_the_desktop_entry(qapp):
    app_module.name_application(qapp)
    assert QGuiApplication.desktopFileName() == "beachhead"
    entry = (ROOT / "resources" / "beachhead.desktop").read_text(encoding="utf-8")
    assert "StartupWMClass=beachhead" in entry and "Icon=beachhead" in entry


@pytest.mark.parametrize("view", ["welcome", "guide"])
def test_screenshots_of_the_page_and_the_guide(tmp_path, view):
    out = tmp_path / f"{view}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.run(
        [sys.executable, "-m", "gui.launcher", "--screenshot", str(out), "--view", view,
         "--size", "1024x640"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1024, 640)
    assert not (tmp_path / "data").exists() or _workspaces_in(tmp_path / "data") == []


def _recent_files(folder: Path, count: int) -> list[Path]:
    """``count`` portfolios in ``folder``, named as a pipeline's might be."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = [folder / f"AI pipeline {i} — committee review.beachhead" for i in range(count)]
    for p in paths:
        Workspace.create(p, Portfolio(framework=default_framework())).close()
    return paths


def _out_of_sight(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The ways in and foot links of ``page`` not whole in the page's visible part (none
    when it shows them all without scrolling), and "page scrolls" if its scroll bar shows."""
    scroll = page.findChild(QScrollArea)
    viewport = scroll.viewport().rect()
    missing = ["page scrolls"] if scroll.verticalScrollBar().isVisible() else []
    parts = {**page.tiles, "guide": page.guide_link, "shortcuts": page.shortcuts_link,
             "first recent": page.recent_tiles[0]}
    for name, part in parts.items():
        top_left = part.mapTo(scroll.viewport(), part.rect().topLeft())
        bottom_right = part.mapTo(scroll.viewport(), part.rect().bottomRight())
        if not (viewport.contains(top_left) and viewport.contains(bottom_right)):
            missing.append(name)
    return missing


def measure(lang: str) -> dict[str, list[str]]:
    """In this process's screen: the window filling it in ``lang``, ten recent portfolios
    listed; what of the welcome page is out of sight."""
    from PySide6.QtCore import QEvent

    from gui.i18n import install_language
    from gui.main_window import MainWindow
    from gui.settings import AppSettings

    app = QApplication.instance() or QApplication([])
    install_language(lang)
    w = MainWindow(AppSettings())
    for p in _recent_files(Path.home() / "deals", 10):
        w.settings.add_recent_file(p)
    w.resize(w.screen().availableGeometry().size())
    w.show()
    page = w.welcome.show_page()
    for _ in range(20):
        app.processEvents()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    return {"missing": _out_of_sight(page), "room": [w.width(), w.height()]}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("size", [(1024, 640), (1366, 768), (1280, 800)])
def test_every_way_in_shows_without_scrolling_on_a_laptop(make_window, qtbot, tmp_path,
                                                          chinese_built, size, lang):
    """Both languages, five recent portfolios listed: the tiles, the first recent one and
    the foot's links whole in sight, the page not scrolled (the recent list scrolls within
    itself when longer than the Start column)."""
    w = make_window()
    for p in _recent_files(tmp_path / "deals", 5):
        w.settings.add_recent_file(p)
    w.set_language(lang, remember=False)
    w.resize(*size)
    w.show()
    qtbot.waitExposed(w)
    page = w.welcome.show_page()
    assert len(page.recent_tiles) == 5

    def all_in_sight() -> None:  # once laid out at the new size, in the language's lines
        assert _out_of_sight(page) == []
        start = page.tiles["team"].geometry().bottom() - page.tiles["sample"].geometry().top()
        assert page.recent_list.height() <= start + 1

    qtbot.waitUntil(all_in_sight, timeout=3000)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_way_in_shows_on_a_small_or_scaled_screen(tmp_path, chinese_built, screen,
                                                        lang):
    """1024×640, and 1366×768 at 125 % (1093×614 logical pixels), ten recent portfolios."""
    found = measure_on(tmp_path, screen, "tests.ui.test_welcome", lang)
    assert found["missing"] == [], found


def test_back_names_a_file_with_an_ampersand_whole(make_window, tmp_path):
    """Back to "R&D deals.beachhead": no letter of the name taken as the button's shortcut."""
    path = tmp_path / "R&D deals.beachhead"
    Workspace.create(path, sample_portfolio()).close()
    w = make_window()
    assert w.files.open_document(path)
    page = w.welcome.show_page()
    assert page.back_button.shortcut().isEmpty()  # "R&D" would have made it Alt+D
    assert page.back_button.text().replace("&&", "&") == "Back to R&D deals.beachhead"


def test_the_title_stays_beachhead_when_the_language_changes_on_the_page(window, qtbot,
                                                                       chinese_built):
    window.menus.close_action.trigger()
    assert window.welcome.is_shown() and window.windowTitle() == "Beachhead"
    window.set_language("zh_CN", remember=False)
    assert window.welcome.is_shown() and window.windowTitle() == "Beachhead"
    window.set_language("en", remember=False)
    assert window.windowTitle() == "Beachhead"
    window.welcome.page.recent_tiles[0].click()  # the portfolio again: its name
    assert window.windowTitle() == "sample.beachhead[*] — Beachhead"


def test_a_long_recent_name_is_shortened_in_its_middle_to_fit(make_window, qtbot, tmp_path):
    """A recent file's long name shows its start and its end (.beachhead) with … between,
    within its tile, instead of being cut off mid-letter."""
    name = "Healthcare AI pipeline — committee review, September 2025 final v3.beachhead"
    path = tmp_path / name
    Workspace.create(path, Portfolio(framework=default_framework())).close()
    w = make_window()
    w.settings.add_recent_file(path)
    w.resize(1024, 640)
    w.show()
    qtbot.waitExposed(w)
    qtbot.waitUntil(lambda: w.welcome.doc is not None)  # the window's first portfolio made
    page = w.welcome.show_page()
    qtbot.waitUntil(lambda: "…" in page.recent_tiles[0].title_label.text())  # once laid out
    (tile,) = page.recent_tiles
    label = tile.title_label
    assert label.text().startswith("Healthcare AI") and label.text().endswith("v3.beachhead")
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    assert label.geometry().right() < tile.width() and tile.title() == name
    assert tile.accessibleName() == name


def test_a_view_find_or_next_unscored_leaves_the_page_for_the_portfolio(window, qtbot):
    """On the welcome page over an open portfolio (Help ▸ Welcome Page), View ▸ Compare,
    Edit ▸ Find and Edit ▸ Next Unscored Criterion show the views and do what they say,
    rather than acting behind the page; with nothing open the page stays and Find says so."""
    menus, welcome = window.menus, window.welcome
    window.assess_view.select_startup(window.doc.portfolio.startups[0].id)
    window.assess_view.new_assessment()  # nothing scored in it yet
    window.activateWindow()
    menus.help.welcome_action.trigger()
    menus.view_actions[1].trigger()
    assert not welcome.is_shown() and window.tabs.currentWidget() is window.compare_view
    menus.help.welcome_action.trigger()
    menus.edit.find_action.trigger()
    assert not welcome.is_shown()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.compare_view.startups
                    .filter_edit)
    menus.help.welcome_action.trigger()
    menus.next_unscored_action.trigger()
    assert not welcome.is_shown() and window.tabs.currentWidget() is window.assess_view
    first = next(iter(window.assess_view.criteria.editors.values()))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    menus.close_action.trigger()
    menus.view_actions[1].trigger()
    assert welcome.is_shown()
    menus.edit.find_action.trigger()
    assert welcome.is_shown()
    assert window.statusBar().currentMessage() == "Nothing to find in: open a portfolio first."
