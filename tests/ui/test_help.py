"""The Help menu: the user guide in both languages (its chapters, links and sources), the
keyboard shortcuts listed from the window's actions, and About (version, libraries and their
licences, where data is kept) (pytest-qt, offscreen)."""

from __future__ import annotations

import re
import subprocess
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QKeySequence

from gui.help.about import libraries, licence, requirement_names
from gui.help.guide import chapters, help_folder
from gui.help.shortcuts import plain_text
from models import __version__

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT.parent / "shared" / "source" / "000_b8b817261007554c.txt"


def test_the_guide_has_the_same_chapters_in_both_languages() -> None:
    english, chinese = chapters("en"), chapters("zh_CN")
    assert [c.name for c in english] == [c.name for c in chinese] == [
        "start", "framework", "scores", "perspectives", "decisions", "scenarios", "views",
        "workbooks", "workspaces", "preferences"]
    assert all(re.search("[\u4e00-\u9fff]", c.title) for c in chinese)
    # every link to a chapter leads to one
    names = {c.name for c in english}
    for chapter in (*english, *chinese):
        for target in re.findall(r"\]\(([^)#]+)\.md\)", chapter.text):
            assert target in names, (chapter.name, target)


def test_the_framework_chapter_cites_each_paragraph_in_its_own_words() -> None:
    for lang in ("en", "zh_CN"):
        text = next(c.text for c in chapters(lang) if c.name == "framework")
        for n in "123456":
            assert f"**¶{n}**" in text, (lang, n)
        for pillar in (("Niche position", "Technology threshold", "Ecosystem",
                        "Incumbent pressure", "Capital resilience") if lang == "en" else
                       ("细分定位", "技术门槛", "生态", "巨头压力", "资本韧性")):
            assert f"**{pillar}**" in text, (lang, pillar)
    if not SOURCE.exists():
        pytest.skip("the source article is not beside this checkout")
    guide = " ".join(c.text for c in chapters("en")).lower()
    words = re.findall(r"[a-z’']+", SOURCE.read_text(encoding="utf-8").lower())
    copied = [" ".join(words[i:i + 7]) for i in range(len(words) - 6)
              if " ".join(words[i:i + 7]) in guide]
    assert not copied, f"sentences of the article copied into the guide: {copied}"


def test_the_guide_states_the_scoring_formulas() -> None:
    text = next(c.text for c in chapters("en") if c.name == "scores")
    assert "(*s* − 1) / 4" in text and "(5 − *s*) / 4" in text
    # the worked example: one level on a 3-criterion pillar of five equal pillars
    assert f"{0.25 * 100 / 3:.2f}" in text and f"{0.25 * 100 / 3 / 5:.2f}" in text


def test_user_guide_opens_and_follows_the_interface_language(window, chinese_built):
    help_ = window.menus.help
    assert help_.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert help_.guide_action in window.menus.help_menu.actions()
    help_.guide_action.trigger()
    guide = help_.guide
    assert guide is not None and guide.isVisible()
    assert guide.chapter_names()[0] == "start"
    assert guide.browser.toPlainText().startswith("Getting started")
    assert guide.show_chapter("scores")
    assert "Favourability" in guide.browser.toPlainText()
    guide.search_edit.setText("consensus")  # keeps the chapters that mention it
    shown = [guide.chapter_list.item(r).data(256) for r in range(guide.chapter_list.count())
             if not guide.chapter_list.item(r).isHidden()]
    assert shown == ["views", "workspaces"]
    guide.search_edit.clear()

    window.set_language("zh_CN")
    assert help_.guide is guide and guide.current_chapter() == "views"
    assert guide.windowTitle() == "Beachhead 用户指南"
    assert "定位图" in guide.browser.toPlainText()
    guide.browser.anchorClicked.emit(QUrl("scores.md"))
    assert guide.current_chapter() == "scores"
    assert "有利度" in guide.browser.toPlainText()
    window.set_language("en")
    assert guide.browser.toPlainText().startswith("How scores are computed")


def test_menu_texts_are_shown_without_their_mnemonics() -> None:
    assert [plain_text(t) for t in ("&Open…", "文件(&F)", "打开(&O)…", "Rock && Roll")] == [
        "Open", "文件", "打开", "Rock & Roll"]


def test_a_missing_language_falls_back_to_english() -> None:
    assert help_folder("klingon") == help_folder("en")


def test_shortcut_table_lists_every_action_with_keys(window):
    help_ = window.menus.help
    dialog = help_.show_shortcuts()
    rows = dialog.rows()
    for row in [("File ▸ New", "Ctrl+N"), ("File ▸ Close", "Ctrl+W"),
                ("Edit ▸ Undo", "Ctrl+Z"), ("Edit ▸ Copy", "Ctrl+C"),
                ("Edit ▸ Select All", "Ctrl+A"), ("Edit ▸ Find", "Ctrl+F"),
                ("Edit ▸ Preferences", "Ctrl+,"), ("View ▸ Compare", "Ctrl+2"),
                ("File ▸ Export Workbook", "Ctrl+E"), ("Help ▸ Beachhead User Guide", "F1"),
                ("Save", "Ctrl+S")]:
        assert row in rows, row
    # one row per action with keys, none left out
    with_keys = {id(a) for a in window.findChildren(QAction) if not a.shortcut().isEmpty()
                 and a.text() and a.associatedObjects()}
    assert len(rows) == len(with_keys)
    # built from the actions: a new one is listed the next time the list opens
    extra = QAction("Next Unscored Criterion", window)
    extra.setShortcut(QKeySequence("Ctrl+J"))
    window.addAction(extra)
    dialog.close()
    assert ("Next Unscored Criterion", "Ctrl+J") in help_.show_shortcuts().rows()


def test_shortcut_table_after_the_menus_are_rebuilt(window, qtbot):
    """A language switch builds the menus anew; the list still walks every submenu."""
    before = window.menus.help.show_shortcuts().rows()
    for wait in (0, 1, 0):  # the old menus still there, then deleted
        window.set_language("en", remember=False)
        qtbot.wait(wait)
    assert window.menus.help.show_shortcuts().rows() == before


def test_about_names_the_version_libraries_licences_and_data(window, sample_file):
    from gui.settings import data_folder

    about = window.menus.help.show_about()
    assert about.title_label.text() == f"<b>Beachhead</b> {__version__}"
    table = about.library_table
    rows = {table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
            for r in range(table.rowCount())}
    pyside = next(name for name in rows if name.startswith("PySide6"))
    version, pyside_licence = rows[pyside]
    assert version.startswith(metadata.version(pyside))
    assert "LGPL" in pyside_licence  # "LGPL-3.0-only OR GPL-..." in newer wheels' metadata
    assert rows["openpyxl"] == (metadata.version("openpyxl"), "MIT")
    assert set(requirement_names()) - {"PySide6-Essentials"} <= set(rows)
    assert str(sample_file) in about.places["workspace"]
    assert window.settings.file_name() in about.places["settings"]
    assert str(data_folder()) in about.places["data"]


def test_licences_come_from_each_package_metadata() -> None:
    by_name = {name: lic for name, _version, lic in libraries()}
    assert by_name["Python"] == "PSF-2.0"
    assert by_name["matplotlib"] == licence(metadata.distribution("matplotlib"))
    assert all(by_name.values()), by_name  # every library states one


def test_the_desktop_entry_names_the_program_and_its_icon(qapp) -> None:  # type: ignore[no-untyped-def]
    import configparser
    import shutil

    from PySide6.QtGui import QIcon

    from gui.icons import icon_path

    entry = ROOT / "resources" / "beachhead.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(entry, encoding="utf-8")
    desktop = parser["Desktop Entry"]
    assert (desktop["Type"], desktop["Exec"], desktop["Icon"]) == (
        "Application", "beachhead %f", "beachhead")
    assert not QIcon(str(icon_path(desktop["Icon"]))).pixmap(48, 48).isNull()
    validate = shutil.which("desktop-file-validate")
    if validate:
        result = subprocess.run([validate, str(entry)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
