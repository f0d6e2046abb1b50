"""An associate's long day with the details a startup has: two thousand edits of scores,
websites and sectors in the main window, typed as a user types them (odd and refused websites
among them), undone and redone through Edit, ten switches of the interface language, and File ▸
Close followed by the portfolio opened again from the welcome page's recent list, twice.

What each edit should leave is worked out here from what was typed (the websites' kept forms
are written out below, not asked of the application), mirrored through undo and redo, and
compared with the window and with the workspace file read by a connection of its own. Qt
warnings and exceptions in slots fail the test (tests/ui/conftest.py); no error dialog may
have been shown.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from gui.i18n import install_language
from gui.main_window import MainWindow
from tests.ui.test_startup_details import type_text
from tests.workspaces import read_back

ACTIONS = 2000  # each written to the workspace: 20-45 ms apiece on a busy 2-core machine
SWITCHES = 10
CLOSES = (700, 1400)  # after these actions, File ▸ Close and the recent tile
SEED = 20261203

#: What is typed into the Website line, and what the startup keeps (None: refused, the line
#: says why and nothing changes).
WEBSITES: dict[str, str | None] = {
    "acme.ai": "https://acme.ai",
    "  HTTPS://ACME.AI/Path  ": "https://acme.ai/Path",
    "例子。中国": "https://例子.中国",
    "www.beta.io/en": "https://www.beta.io/en",
    "https://gamma.dev:8080/a?b=c#d": "https://gamma.dev:8080/a?b=c#d",
    "   ": "",
    "": "",
    "javascript:alert(1)": None,
    "not a site": None,
    "x" * 2100: None,
}
#: What is typed into the Sector line, and what the startup keeps.
SECTORS = {"Legal AI": "Legal AI", "R&D tools": "R&D tools", "%1 and %n": "%1 and %n",
           "{name}": "{name}", "机器人": "机器人", "  spaced   out  ": "spaced out"}

Entry = tuple[str, str, str, object, object]  # (kind, id, what, old, new)


@dataclass
class Expected:
    """The portfolio's details and levels as the session should leave them, and a mirror of
    the undo history since the portfolio was last opened."""

    details: dict[str, dict[str, str]]  # startup id → sector, website
    levels: dict[str, dict[str, int | None]]  # assessment id → criterion → level
    history: list[Entry] = field(default_factory=list)
    index: int = 0

    def push(self, entry: Entry) -> None:
        del self.history[self.index:]
        self.history.append(entry)
        self.index += 1
        self._apply(entry, forward=True)

    def undo(self) -> None:
        self.index -= 1
        self._apply(self.history[self.index], forward=False)

    def redo(self) -> None:
        self._apply(self.history[self.index], forward=True)
        self.index += 1

    def _apply(self, entry: Entry, forward: bool) -> None:
        kind, key, what, old, new = entry
        target = self.levels if kind == "score" else self.details
        target[key][what] = new if forward else old  # type: ignore[assignment]


def _details(portfolio) -> dict[str, dict[str, str]]:  # type: ignore[no-untyped-def]
    return {s.id: {"sector": s.sector, "website": s.website} for s in portfolio.startups}


def _levels(portfolio) -> dict[str, dict[str, int | None]]:  # type: ignore[no-untyped-def]
    return {a.id: {c: s.value for c, s in a.scores.items()}
            for st in portfolio.startups for a in st.assessments}


class Day:
    """The session in ``window``, one action at a time as a user takes it."""

    def __init__(self, window: MainWindow, expected: Expected) -> None:
        self.window, self.expected = window, expected
        self.rng = random.Random(SEED)
        self.criteria = list(window.doc.framework.criterion_ids)
        self.startups = [s.id for s in window.doc.portfolio.startups]
        self.counts = {"score": 0, "website": 0, "refused": 0, "sector": 0, "undo": 0,
                       "redo": 0, "switches": 0, "closes": 0}

    def run(self) -> None:
        for step in range(1, ACTIONS + 1):
            if step == 1 or self.rng.random() < 0.15:  # a few edits on each startup chosen
                self.choose()
            roll = self.rng.random()
            if roll < 0.45:
                self.score()
            elif roll < 0.60:
                self.type_line("website", self.rng.choice(list(WEBSITES)))
            elif roll < 0.72:
                self.type_line("sector", self.rng.choice(list(SECTORS)))
            elif roll < 0.85:
                for _ in range(self.rng.randint(1, 4)):
                    self.undo()
            else:
                for _ in range(self.rng.randint(1, 4)):
                    self.redo()
            if step % (ACTIONS // SWITCHES) == 0:
                self.switch_language()
            if step in CLOSES:
                self.close_and_reopen()
            if step % 50 == 0:
                QTest.qWait(5)  # a pause: timers and idle redraws run

    def choose(self) -> None:
        self.window.assess_view.select_startup(self.rng.choice(self.startups))

    def score(self) -> None:
        view = self.window.assess_view
        aid, cid = view.current_assessment_id(), self.rng.choice(self.criteria)
        old = self.expected.levels[aid].get(cid)
        new = self.rng.choice([v for v in range(1, 6) if v != old])
        view.set_level(cid, new)
        self.expected.push(("score", aid, cid, old, new))
        self.counts["score"] += 1

    def type_line(self, name: str, typed: str) -> None:
        """Type ``typed`` over the detail's line and press Enter."""
        sid = self.window.assess_view.current_startup().id
        details = self.window.assess_view.header.details
        details.set_open(True)
        edit = details.edits[name]
        edit.setFocus()
        edit.selectAll()
        if len(typed) > 100:  # pasted, as a text this long would be
            edit.insert(typed)
        else:
            type_text(edit, typed) if typed else edit.del_()
        QTest.keyClick(edit, Qt.Key.Key_Return)
        kept = (WEBSITES if name == "website" else SECTORS)[typed]
        if kept is None:
            assert details.website_problem.isVisibleTo(self.window), typed
            self.counts["refused"] += 1
            return
        old = self.expected.details[sid][name]
        if kept != old:
            self.expected.push(("detail", sid, name, old, kept))
            self.counts[name] += 1

    def undo(self) -> None:
        if self.expected.index == 0:
            assert not self.window.menus.undo_action.isEnabled()
            return
        self.window.menus.undo_action.trigger()
        self.expected.undo()
        self.counts["undo"] += 1

    def redo(self) -> None:
        if self.expected.index == len(self.expected.history):
            assert not self.window.menus.redo_action.isEnabled()
            return
        self.window.menus.redo_action.trigger()
        self.expected.redo()
        self.counts["redo"] += 1

    def switch_language(self) -> None:
        window = self.window
        lang = "zh_CN" if window.lang == "en" else "en"
        old_view = window.assess_view
        window.menus.language_actions[lang].trigger()
        assert window.lang == lang
        assert window.doc.undo_stack.count() == len(self.expected.history)
        QTest.qWait(5)  # the event loop deletes the replaced views...
        assert not shiboken6.isValid(old_view)  # ...and nothing keeps them
        self.counts["switches"] += 1

    def close_and_reopen(self) -> None:
        """File ▸ Close, then the portfolio again from the welcome page's recent list: its
        undo history starts afresh."""
        window = self.window
        path = window.doc.path
        window.menus.close_action.trigger()
        assert window.welcome.is_shown()
        tile = window.welcome.page.recent_tiles[0]
        assert tile.title() == path.name
        tile.click()
        assert window.doc.path == path and not window.welcome.is_shown()
        assert window.doc.undo_stack.count() == 0
        self.expected.history, self.expected.index = [], 0
        self.counts["closes"] += 1


@pytest.mark.slow
def test_a_day_of_details_scores_languages_and_reopening(window: MainWindow, scripted_ask,
                                                         chinese_built) -> None:
    window.activateWindow()
    QTest.qWait(20)
    start = read_back(window.doc.path)
    expected = Expected(details=_details(start), levels=_levels(start))
    day = Day(window, expected)
    try:
        day.run()
    finally:
        install_language("en")  # the translators are process-wide
    counts = day.counts
    assert counts["switches"] == SWITCHES and counts["closes"] == len(CLOSES)
    assert min(counts["score"], counts["website"], counts["sector"], counts["refused"],
               counts["undo"], counts["redo"]) > 30, counts
    assert scripted_ask.errors() == []
    # the window responds and shows what the session left
    assert window.isVisible() and window.lang == "en"
    assert window.menus.file_menu.title() == "&File"
    doc = window.doc
    assert _details(doc.portfolio) == expected.details
    assert _levels(doc.portfolio) == expected.levels
    # ...which is what the workspace holds, read as another program would
    on_disk = read_back(doc.path)
    assert _details(on_disk) == expected.details and _levels(on_disk) == expected.levels
    # the views show it too: the startup on screen, its details and its levels
    view = window.assess_view
    st = view.current_startup()
    assert view.header.details.edits["sector"].text() == expected.details[st.id]["sector"]
    shown = {cid: e.level() for cid, e in view.criteria.editors.items()}
    assert shown == {c: v for c, v in expected.levels[view.current_assessment_id()].items()}
    assert doc.undo_stack.count() == len(expected.history)
    QApplication.processEvents()
