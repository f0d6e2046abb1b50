"""With nothing open (the welcome page at first start or after File ▸ Close) the actions that
need a portfolio are disabled, and enabled again once one is open."""

from __future__ import annotations

from PySide6.QtGui import QAction

from gui.commands import AddStartup
from models.core.portfolio import Startup

NEED_A_PORTFOLIO = {"Save", "Save a Cop&y…", "&Close", "&Export Workbook…", "Export Re&port…",
                    "Export &Founder Template…"}
ALWAYS = {"&New", "&Open…", "Open &Team Workspace…", "&Import Workbooks…", "&Quit"}


def _states(window) -> dict[str, bool]:
    return {a.text(): a.isEnabled() for a in window.findChildren(QAction)
            if a.text() in NEED_A_PORTFOLIO | ALWAYS}


def _expect(window, open_: bool) -> dict[str, bool]:
    return {**{t: open_ for t in NEED_A_PORTFOLIO}, **{t: True for t in ALWAYS}}


def test_first_start_disables_what_needs_a_portfolio(make_window, sample_file, scripted_ask):
    w = make_window()
    w.welcome.show_page()
    assert _states(w) == _expect(w, False)
    assert not w.file_jobs.export_action.isEnabled()
    assert w.files.open_document(sample_file)
    assert _states(w) == _expect(w, True)


def test_close_disables_them_and_opening_enables_them(window, sample_file, scripted_ask):
    assert _states(window) == _expect(window, True)
    window.menus.close_action.trigger()
    assert window.welcome.is_shown()
    assert _states(window) == _expect(window, False)
    window.file_jobs.export_action.trigger()  # a shortcut does nothing either
    window.menus.save_copy_action.trigger()
    assert scripted_ask.asked == [] and window.file_jobs.job is None
    window.menus.rebuild()  # a language switch builds the menus again: the states stay
    assert _states(window) == _expect(window, False)
    assert window.files.open_document(sample_file)
    assert _states(window) == _expect(window, True)


def test_a_startup_added_to_the_empty_portfolio_enables_them(make_window, scripted_ask):
    w = make_window()
    w.welcome.show_page()
    doc = w.doc
    assert _states(w) == _expect(w, False)
    doc.undo_stack.push(AddStartup(doc, Startup(name="Solo AI")))
    assert _states(w) == _expect(w, True)
    doc.undo_stack.undo()
    assert _states(w) == _expect(w, False)
