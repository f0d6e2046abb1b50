"""A long run of decisions in the real main window: 500 edits through the Assess view's decision
panel (statuses, takes of the suggestion, withdrawals, names, dates and rationales typed key by
key), undo and redo through the Edit menu, and a switch to Chinese and back in the middle.

The expected decisions are kept here, apart from the application, with a mirror of the undo
stack (typed text merges into one step, as the stack merges it), and compared with the
document at every undo checkpoint and at the end. Qt warnings fail the test
(tests/ui/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from PySide6.QtTest import QTest

from gui.i18n import install_language
from gui.main_window import MainWindow
from models.core.decisions import STATUSES, SUGGESTED_STATUS

EDITS = 500
SEED = 20261202
NAMES = ("Ana Lima", "Bo Chen", "投委会", "Cy Okafor")
WORDS = ("moat", "runway", "churn", "pricing", "channel", "team")  # typed by QTest: Latin-1

Snapshot = tuple[tuple[str, dt.date, str, str], ...]  # (status, date, by, rationale) each


@dataclass
class Mirror:
    """The decisions expected per startup and a mirror of the undo stack: entries of
    (startup id, before, after, merge key)."""

    decisions: dict[str, Snapshot]
    history: list[tuple[str, Snapshot, Snapshot, str | None]] = field(default_factory=list)
    index: int = 0

    def push(self, sid: str, after: Snapshot, key: str | None) -> None:
        before = self.decisions[sid]
        if before == after:
            return
        if key is not None and self.index > 0 and self.history[self.index - 1][0] == sid \
                and self.history[self.index - 1][3] == key:
            first = self.history[self.index - 1][1]
            del self.history[self.index:]
            self.history[self.index - 1] = (sid, first, after, key)
        else:
            del self.history[self.index:]
            self.history.append((sid, before, after, key))
            self.index += 1
        self.decisions[sid] = after

    def undo(self) -> None:
        self.index -= 1
        sid, before, _, _ = self.history[self.index]
        self.decisions[sid] = before

    def redo(self) -> None:
        sid, _, after, _ = self.history[self.index]
        self.decisions[sid] = after
        self.index += 1


def _snapshot(window: MainWindow, sid: str) -> Snapshot:
    return tuple((d.status, d.date, d.by, d.rationale)
                 for d in window.doc.startup(sid).decisions)


def _check(window: MainWindow, mirror: Mirror) -> None:
    for st in window.doc.portfolio.startups:
        assert _snapshot(window, st.id) == mirror.decisions[st.id], st.name
    panel = window.assess_view.decision_panel
    st = panel.startup()
    if st is not None:
        shown = panel.status_combo.currentData() if panel.status_combo.currentIndex() >= 0 \
            else None
        assert shown == (st.decision.status if st.decision else None)
        assert panel.rationale_edit.toPlainText() == (st.decision.rationale
                                                      if st.decision else "")


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield
    install_language("en")


def _assessor(window: MainWindow, sid: str) -> str:
    """Who a decision is by before a name was used: the latest assessment's assessor, leaving
    out founders (the sample's investors)."""
    others = [a for a in window.doc.startup(sid).assessments if a.role != "founder"]
    return max(reversed(others), key=lambda a: a.date).assessor if others else ""


def _edit(window: MainWindow, mirror: Mirror, rng: random.Random, who: list[str]) -> None:
    """One edit of a random startup's decisions, mirrored."""
    view = window.assess_view
    sid = rng.choice([s.id for s in window.doc.portfolio.startups])
    view.select_startup(sid)
    panel = view.decision_panel
    now = mirror.decisions[sid]
    kind = rng.choice(("status", "status", "take", "withdraw", "who", "date", "type", "type"))
    today = dt.date.today()
    if kind in ("status", "take") or not now:
        if kind == "take" and panel.take_button.isEnabled():
            status = SUGGESTED_STATUS[panel.suggestion()]
            panel.take_button.click()
            why = window.doc.startup(sid).decision.rationale
            assert why.startswith(("Framework suggestion", "框架建议"))
        else:
            status = rng.choice([s for s in STATUSES if not now or s != now[-1][0]])
            panel.set_status(status)
            why = ""
        if now and now[-1][0] == status:
            return
        by = who[0] or _assessor(window, sid)
        # dated today, or the current decision's date when that is later: it becomes current
        day = max(today, now[-1][1]) if now else today
        mirror.push(sid, (*now, (status, day, by, why)), None)
        if by:
            who[0] = by
    elif kind == "withdraw":
        panel.withdraw_button.click()
        mirror.push(sid, now[:-1], None)
    elif kind == "who":
        name = rng.choice(NAMES)
        panel.set_who(name)
        who[0] = name
        mirror.push(sid, (*now[:-1], (*now[-1][:2], name, now[-1][3])), "by")
    elif kind == "date":
        day = dt.date(2026, rng.randint(1, 12), rng.randint(1, 28))
        panel.set_date(day)
        if len(now) > 1:  # not before the previous decision: they stay in date order
            day = max(day, now[-2][1])
        mirror.push(sid, (*now[:-1], (now[-1][0], day, *now[-1][2:])), "date")
    else:
        edit = panel.rationale_edit
        edit.setFocus()
        edit.moveCursor(edit.textCursor().MoveOperation.End)
        typed = " " + rng.choice(WORDS)
        QTest.keyClicks(edit, typed)
        mirror.push(sid, (*now[:-1], (*now[-1][:3], now[-1][3] + typed)), "rationale")


@pytest.mark.slow
def test_five_hundred_decision_edits_with_undo_redo_and_a_language_switch(
        window: MainWindow, scripted_ask, english_afterwards) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(SEED)
    mirror = Mirror({s.id: _snapshot(window, s.id) for s in window.doc.portfolio.startups})
    who = [""]  # the name the panel uses next, once one was used
    undo, redo = window.menus.undo_action, window.menus.redo_action
    for i in range(1, EDITS + 1):
        _edit(window, mirror, rng, who)
        if i % 50 == 0:
            back = rng.randint(1, min(12, mirror.index))
            for _ in range(back):
                undo.trigger()
                mirror.undo()
            _check(window, mirror)
            for _ in range(rng.randint(0, back)):
                redo.trigger()
                mirror.redo()
            _check(window, mirror)
        if i in (200, 350):
            window.set_language("zh_CN" if i == 200 else "en")
            undo, redo = window.menus.undo_action, window.menus.redo_action
            who[0] = ""  # the rebuilt panel has not used a name yet
            _check(window, mirror)
    _check(window, mirror)
    assert window.doc.undo_stack.index() == mirror.index
    while mirror.index:
        window.doc.undo_stack.undo()
        mirror.undo()
    _check(window, mirror)
    assert scripted_ask.errors() == []
