"""Compare "as of" a past day: the portfolio rebuilt from the change log, read-only, ranked
under the window's perspective; switched off, the live portfolio again."""

from __future__ import annotations

import datetime as dt

import pytest

from gui import commands as cmd
from gui.views.compare.as_of import end_of_day
from models.engine.sample import sample_portfolio
from models.store import editing, opening
from models.store.workspace import Workspace


class Clock:
    """A clock the workspace reads instead of the system's."""

    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def dated_file(tmp_path):  # type: ignore[no-untyped-def]
    """The sample made on 1 November 2026; Tokenforge's runway scored 4 on the 10th and 5
    on the 20th."""
    clock = Clock(dt.datetime(2026, 11, 1, 9, tzinfo=dt.UTC))
    path = tmp_path / "dated.beachhead"
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(opening, "now", clock)
        mp.setattr(editing, "now", clock)
        with Workspace.create(path, sample_portfolio(), "Ana") as ws:
            a = ws.load().find_startup("Tokenforge").assessments[0]
            for day, level in ((10, 4), (20, 5)):
                clock.at = dt.datetime(2026, 11, day, 15, tzinfo=dt.UTC)
                ws.set_score_field(a.id, "cap.runway", "value", level)
    return path


def _runway(doc) -> int | None:  # type: ignore[no-untyped-def]
    return doc.portfolio.find_startup("Tokenforge").assessments[0].level("cap.runway")


def test_as_of_shows_each_day_and_back_to_now(make_window, dated_file, scripted_ask):
    w = make_window()
    assert w.files.open_document(dated_file)
    view = w.ensure_compare_view()
    live = w.doc
    assert _runway(view.doc) == 5
    view.as_of.set_day(dt.date(2026, 11, 15))
    assert view.doc is not live and view.doc.read_only and _runway(view.doc) == 4
    assert "2026-11-15" in view.as_of.note.text()
    view.as_of.set_day(dt.date(2026, 11, 5))
    assert _runway(view.doc) == 1  # the sample's own level
    # the ranking shown is the past one, under the window's perspective
    tf = view.doc.portfolio.find_startup("Tokenforge").id
    past_overall = next(r.overall for r in view.doc.ranking().rows if r.startup_id == tf)
    live_overall = next(r.overall for r in live.ranking().rows if r.startup_id == tf)
    assert past_overall < live_overall
    w.perspective_bar.choose("founder")
    assert view.doc.perspective == "founder"
    # the past cannot be edited
    past = view.doc
    a = past.portfolio.find_startup("Tokenforge").assessments[0]
    past.undo_stack.push(cmd.SetScoreField(past, a.id, "cap.runway", "value", 3))
    assert _runway(past) == 1 and past.undo_stack.count() == 0
    assert "cannot be changed" in scripted_ask.errors()[0]
    view.as_of.check.setChecked(False)
    assert view.doc is live and _runway(view.doc) == 5


def test_as_of_before_the_workspace_began_says_so(make_window, dated_file):
    w = make_window()
    assert w.files.open_document(dated_file)
    view = w.ensure_compare_view()
    view.as_of.set_day(dt.date(2026, 10, 1))
    assert view.doc is w.doc
    assert view.as_of.note.text() == (
        "Nothing to show: this workspace was created on 2026-11-01, after that day.")


def test_end_of_day_is_the_last_local_moment_and_never_the_future():
    day = dt.date(2020, 2, 29)
    moment = end_of_day(day)
    assert moment.tzinfo is not None
    local = moment.astimezone()
    assert (local.date(), local.hour, local.minute) == (day, 23, 59)
    assert end_of_day(dt.date.today()) <= dt.datetime.now().astimezone()


def test_the_past_stays_the_past_while_the_portfolio_changes(make_window, dated_file):
    w = make_window()
    assert w.files.open_document(dated_file)
    view = w.ensure_compare_view()
    view.as_of.set_day(dt.date(2026, 11, 15))
    live = w.doc
    chat = live.portfolio.find_startup("Chattersky").assessments[0]
    before = chat.level("cap.runway")
    live.undo_stack.push(cmd.SetScoreField(live, chat.id, "cap.runway", "value", 5))
    w.doc.historyChanged.emit()  # as the document does once its write is shown
    past_chat = view.doc.portfolio.find_startup("Chattersky").assessments[0]
    assert past_chat.level("cap.runway") == before != 5
    assert past_chat is not chat and _runway(view.doc) == 4


def test_the_chosen_startup_stays_chosen_across_days(make_window, dated_file):
    w = make_window()
    assert w.files.open_document(dated_file)
    view = w.ensure_compare_view()
    tf = w.doc.portfolio.find_startup("Tokenforge").id
    view.activate_startup(tf)
    view.as_of.set_day(dt.date(2026, 11, 15))
    assert view.current_startup_id() == tf
    view.as_of.check.setChecked(False)
    assert view.current_startup_id() == tf


def test_the_map_as_of_a_day_does_not_open_a_startup_deleted_since(make_window, dated_file,
                                                                   qtbot, scripted_ask):
    """As of 15 November Tokenforge is on the map, though it has been deleted since: its menu
    says so instead of opening an Assess view with no startup in it."""
    from tests.ui.test_compare_map_menu import _at, _drawn

    w = make_window()
    assert w.files.open_document(dated_file)
    tokenforge = w.doc.portfolio.find_startup("Tokenforge").id
    w.doc.undo_stack.push(cmd.RemoveStartup(w.doc, tokenforge))
    w.resize(1280, 800)
    w.show()
    w.show_view("compare")
    view = w.compare_view
    view.as_of.set_day(dt.date(2026, 11, 15))
    chart = _drawn(qtbot, view)
    menu = view.map.context_menu(_at(chart, (31.25, 40.0)))  # Tokenforge's mark
    (entry,) = [a for a in menu.actions() if a.text().startswith("Open in Assess")]
    assert menu.actions()[0].text() == "Tokenforge"
    assert entry.text() == "Open in Assess (deleted since)" and not entry.isEnabled()
    menu = view.map.context_menu(_at(chart, (75.0, 40.0)))  # Lumenreel, still there
    (entry,) = [a for a in menu.actions() if a.text().startswith("Open in Assess")]
    assert entry.text() == "Open in Assess" and entry.isEnabled()
    entry.trigger()
    assert w.assess_view.current_startup().name == "Lumenreel"
