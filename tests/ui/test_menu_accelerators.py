"""Each menu's accelerators (the underlined letter, Alt+letter) are distinct within the menu
and across the menu bar, in English and in Chinese: two entries sharing a letter make the key
cycle between them instead of choosing one."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from gui.help.shortcuts import submenus
from gui.main_window import MainWindow


def _letter(text: str) -> str | None:
    """The accelerator letter of a menu text, upper-cased ("&&" is a literal ampersand)."""
    mnemonic = QKeySequence.mnemonic(text)
    return mnemonic.toString().removeprefix("Alt+").upper() if not mnemonic.isEmpty() else None


def _clashes(entries: list[QAction]) -> dict[str, list[str]]:
    letters = {a: _letter(a.text()) for a in entries if a.isVisible() and not a.isSeparator()}
    counts = Counter(letter for letter in letters.values() if letter)
    return {k: [a.text() for a, letter in letters.items() if letter == k]
            for k, n in counts.items() if n > 1}


def _menus(menu: QMenu, submenus: dict[QAction, QMenu]) -> list[QMenu]:
    found = [menu]
    for action in menu.actions():
        if action in submenus:
            found += _menus(submenus[action], submenus)
    return found


def _all_clashes(window: MainWindow) -> dict[str, dict[str, list[str]]]:
    bar = window.menuBar()
    found = {"menu bar": _clashes(bar.actions())}
    menus = submenus(window)
    for top in bar.actions():
        for menu in _menus(menus[top], menus):
            found[menu.title()] = _clashes(menu.actions())
    return {name: c for name, c in found.items() if c}


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_no_menu_has_two_entries_on_one_letter(window, lang, request):
    if lang == "zh_CN":
        request.getfixturevalue("chinese_built")
    window.set_language(lang, remember=False)
    assert _all_clashes(window) == {}
    assert _letter(window.menus.next_unscored_action.text()) == "N"
