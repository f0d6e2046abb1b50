"""The window on a team workspace on a real PostgreSQL server: opened by its address (command
line, File ▸ Open Team Workspace, the recent files, never remembering a password), a
colleague's edit shown within two seconds with the selection and scroll kept, and a server
that goes away: said in the status bar, edits refused without losing what was typed, and
everything committed meanwhile shown once it answers again."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from psycopg import sql
from sqlalchemy.engine import make_url

from gui import app as app_module
from gui import commands as cmd
from gui import launcher
from gui.main_window import MainWindow
from gui.portfolio_files import _copy_name
from gui.team_dialog import TeamWorkspaceDialog
from gui.workspace_watch import retry_ms
from models.engine.sample import sample_portfolio
from models.store.workspace import Workspace
from tests.postgres import PostgresServer

#: How long a change or a reconnection may take to show (the watch looks every second).
SHOWN_MS = 2500


def _database(url: str) -> str:
    return str(make_url(url).database)


def _runway(window: MainWindow, startup: str) -> int | None:
    st = window.doc.portfolio.find_startup(startup)
    assert st is not None
    return st.assessments[0].level("cap.runway")


def _colleague_sets(ws: Workspace, startup: str, criterion: str, level: int) -> None:
    st = ws.load().find_startup(startup)
    assert st is not None
    ws.set_score_field(st.assessments[0].id, criterion, "value", level)


def _end_sessions(server: PostgresServer, database: str, user: str | None = None) -> int:
    """End every session on ``database`` (of ``user`` only, when given), as an administrator
    would; returns how many."""
    with server.admin() as conn:
        rows = conn.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s "
            "AND pid <> pg_backend_pid() AND (%s::text IS NULL OR usename = %s)",
            (database, user, user)).fetchall()
    return len(rows)


def _pg_ctl(server: PostgresServer, *args: str) -> None:
    done = subprocess.run(server._command("pg_ctl", "-D", str(server.data), *args),
                          cwd=server.dir, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture
def team_url(pg_url: str) -> str:
    """A team workspace holding the sample, on the test's database."""
    Workspace.create(pg_url, sample_portfolio(), who="Ann").close()
    return pg_url


@pytest.fixture
def team_window(qtbot, make_window: Callable[[], MainWindow],  # type: ignore[no-untyped-def]
                team_url: str) -> MainWindow:
    """A main window showing the team workspace, opened as File ▸ Open Team Workspace does."""
    w = make_window()
    assert w.files.open_team_workspace(team_url)
    w.show()
    qtbot.waitExposed(w)
    return w


# -- opening --------------------------------------------------------------------------------
def test_an_address_on_the_command_line_opens_the_window_on_it(monkeypatch, team_url):
    """``beachhead postgresql://…`` goes to the window, not to the mistyped-command message,
    and the window opens the address as it is (a Path would make ``postgresql:/…``)."""
    started: list[list[str]] = []
    monkeypatch.setattr(app_module, "run", lambda args: started.append(list(args)) or 0)
    assert launcher.main([team_url]) == 0
    assert started == [[team_url]]
    assert launcher.main(["postgresql://ann@db.example.com/deals", "--lang", "en"]) == 0
    assert started[-1][0] == "postgresql://ann@db.example.com/deals"


def test_open_initial_opens_the_address_and_the_title_names_database_at_host(
        make_window, qtbot, team_url):
    w = make_window()
    assert app_module.open_initial(w, team_url)  # read in the background
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    name = f"{_database(team_url)}@localhost"
    assert w.doc.server == team_url and w.doc.path is None
    assert len(w.doc.portfolio.startups) == 8
    assert w.doc.display_name() == name
    assert w.windowTitle() == f"{name}[*] — Beachhead"
    assert not w.doc.is_modified()
    # the next start opens it again, from the recent files
    w2 = make_window()
    app_module.open_initial(w2, None)
    qtbot.waitUntil(lambda: w2.files.opening is None, timeout=30_000)
    assert w2.doc.server == make_url(team_url).render_as_string(hide_password=False)


def test_a_screenshot_of_a_team_workspace(team_url, tmp_path):
    out = tmp_path / "team.png"
    done = subprocess.run([sys.executable, "-m", "gui.launcher", team_url, "--screenshot",
                           str(out), "--startup", "Tokenforge"], capture_output=True,
                          text=True, timeout=120, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert out.stat().st_size > 10_000


def test_the_address_is_remembered_without_its_password(make_window, team_url, tmp_path):
    url = make_url(team_url).set(password="hunter2")  # trust: the server ignores it
    with_password = url.render_as_string(hide_password=False)
    assert "hunter2" in with_password
    w = make_window()
    assert w.files.open_team_workspace(with_password)
    remembered = make_url(team_url).render_as_string(hide_password=False)
    assert w.settings.recent_files[0] == remembered
    assert w.settings.recent_addresses == [remembered]
    w.settings.add_recent_file("postgresql://bo:s3cret@db.example.com:5433/deals?"
                               "password=s3cret&sslmode=require&sslpassword=s3cret")
    assert w.settings.recent_files[:2] == [
        "postgresql://bo@db.example.com:5433/deals?sslmode=require", remembered]
    w.settings.sync()
    stored = "".join(p.read_text() for p in (tmp_path / "settings").rglob("*.ini"))
    assert "hunter2" not in stored and "s3cret" not in stored and "sslmode" in stored
    # Open Recent lists the address and opens it
    w.menus._fill_recent_menu()
    action = next(a for a in w.menus.recent_menu.actions()
                  if a.text().replace("&&", "&") == remembered)
    action.trigger()
    assert w.doc.server == remembered


def test_open_team_workspace_asks_for_the_address(make_window, team_url, monkeypatch):
    from gui import team_dialog

    asked: list[list[str]] = []

    class Answer:
        def address(self, parent, recent):  # type: ignore[no-untyped-def]
            asked.append(recent)
            return team_url

    monkeypatch.setattr(team_dialog, "team_ask", Answer())
    w = make_window()
    w.menus.open_team_action.trigger()
    assert asked == [[]]
    assert w.doc.server == team_url
    w.menus.open_team_action.trigger()
    assert asked[-1] == [make_url(team_url).render_as_string(hide_password=False)]


def test_an_unreachable_address_says_why_without_a_traceback(make_window, scripted_ask,
                                                              tmp_path, team_url):
    w = make_window()
    before = w.doc
    nowhere = f"postgresql://nobody@/deals?host={tmp_path / 'no-server'}"
    assert not w.files.open_team_workspace(nowhere)
    (message,) = scripted_ask.errors()
    assert message.startswith("Cannot open the team workspace: deals@localhost could not be "
                              "opened: cannot reach the server (")
    assert "Traceback" not in message and "sqlalchemy" not in message.lower()
    assert w.doc is before and w.settings.recent_files == []
    missing = make_url(team_url).set(database="no_such_db").render_as_string(False)
    assert not w.files.open_team_workspace(missing)
    assert 'database "no_such_db" does not exist' in scripted_ask.errors()[-1]
    empty = make_url(team_url).set(database="postgres").render_as_string(False)
    assert not w.files.open_team_workspace(empty)
    assert "holds no Beachhead workspace" in scripted_ask.errors()[-1]


def test_save_a_copy_of_a_team_workspace_writes_a_file(team_window, scripted_ask, tmp_path):
    w = team_window
    assert _copy_name(w.doc) == _database(w.doc.server)
    target = tmp_path / "mine.beachhead"
    scripted_ask.queue("save_file", str(target))
    assert w.files.save_copy()
    assert w.doc.server is not None  # the window stays on the server
    with Workspace.open(target) as copy:
        assert copy.load() == w.doc.portfolio
        assert copy.changes()[-1].who == "Ann"  # the history came along


# -- the dialog -------------------------------------------------------------------------------
def test_the_dialog_builds_the_address_from_its_parts_and_back(qtbot):
    d = TeamWorkspaceDialog(None, [], "ann")
    qtbot.addWidget(d)
    assert d.address() == "" and not d.open_button.isEnabled()
    assert d.user_edit.placeholderText() == "ann"
    for edit, text in ((d.host_edit, "db.example.com"), (d.port_edit, "5433"),
                       (d.database_edit, "deals"), (d.user_edit, "bo")):
        qtbot.keyClicks(edit, text)
    assert d.address() == "postgresql://bo@db.example.com:5433/deals"
    assert d.open_button.isEnabled() and d.problem_label.isHidden()
    d.address_edit.clear()
    qtbot.keyClicks(d.address_edit, "postgresql://cy:pw@/team?host=/run/pg&sslmode=require")
    assert (d.host_edit.text(), d.port_edit.text(), d.database_edit.text(),
            d.user_edit.text()) == ("/run/pg", "", "team", "cy")
    assert "never remembered" in d.problem_label.text() and d.open_button.isEnabled()
    d.database_edit.clear()
    qtbot.keyClicks(d.database_edit, "deals")  # the password and sslmode stay
    assert d.address() == "postgresql://cy:pw@/deals?host=%2Frun%2Fpg&sslmode=require"
    d.database_edit.clear()
    qtbot.keyClicks(d.database_edit, " ")
    assert not d.open_button.isEnabled()
    assert d.problem_label.text() == "Name the database that holds the workspace."
    d.address_edit.clear()
    qtbot.keyClicks(d.address_edit, "deals.beachhead")
    assert not d.open_button.isEnabled() and "postgresql://" in d.problem_label.text()
    assert "~/.pgpass" in d.hint_label.text()


def test_the_dialog_offers_the_recent_addresses(qtbot):
    recent = ["postgresql://bo@db.example.com/deals", "postgresql://cy@/team?host=%2Frun"]
    d = TeamWorkspaceDialog(None, recent, "ann")
    qtbot.addWidget(d)
    assert d.address() == recent[0] and d.database_edit.text() == "deals"
    d.recent_combo.setCurrentIndex(1)
    d.recent_combo.activated.emit(1)
    assert d.address() == recent[1]
    assert (d.host_edit.text(), d.database_edit.text()) == ("/run", "team")


# -- live refresh -----------------------------------------------------------------------------
def test_a_colleagues_edit_appears_with_selection_and_scroll_kept(team_window, team_url,
                                                                    qtbot):
    w = team_window
    view = w.assess_view
    st = w.doc.portfolio.find_startup("Tokenforge")
    view.select_startup(st.id)
    bar = view.criteria.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 100)
    bar.setValue(100)
    row = view.list_view.currentIndex().row()
    assert _runway(w, "Tokenforge") == 1
    with Workspace.open(team_url, "Bob") as bob:
        _colleague_sets(bob, "Tokenforge", "cap.runway", 5)
        qtbot.waitUntil(lambda: _runway(w, "Tokenforge") == 5, timeout=SHOWN_MS)
    assert view.criteria.editors["cap.runway"].buttons.button(5).isChecked()
    assert view.current_startup() is st  # refreshed in place
    assert view.list_view.currentIndex().row() == row and bar.value() == 100
    assert w.doc.undo_stack.count() == 0  # a colleague's edit is not this window's to undo
    assert w.offline_label.isHidden()


# -- the server goes away ----------------------------------------------------------------------
def test_a_dropped_connection_is_said_and_mended_by_itself(team_window, team_url, pg_server,
                                                           qtbot):
    w = team_window
    assert _end_sessions(pg_server, _database(team_url)) >= 2  # the workspace and listener
    qtbot.waitUntil(lambda: not w.offline_label.isHidden(), timeout=SHOWN_MS + 2000)
    assert w.offline_label.text() == "Offline — reconnecting…"
    assert "cannot reach the server" in w.offline_label.toolTip()
    # the server is up: the next try (after a second) reconnects, and live refresh goes on
    qtbot.waitUntil(lambda: w.offline_label.isHidden(), timeout=SHOWN_MS)
    assert "answers again" in w.statusBar().currentMessage()
    with Workspace.open(team_url, "Bob") as bob:
        _colleague_sets(bob, "Lumenreel", "cap.runway", 4)
    qtbot.waitUntil(lambda: _runway(w, "Lumenreel") == 4, timeout=SHOWN_MS)
    aid = w.doc.portfolio.find_startup("Lumenreel").assessments[0].id
    w.doc.undo_stack.push(cmd.SetScoreField(w.doc, aid, "cap.runway", "value", 2))
    with Workspace.open(team_url) as ws:
        assert ws.load().find_startup("Lumenreel").assessments[0].level("cap.runway") == 2


def test_edits_while_offline_are_refused_and_others_edits_arrive_after(
        make_window, team_url, pg_server, scripted_ask, qtbot):
    """The window signs in as Ann, whose logins the administrator stops for a while; her
    colleague goes on editing meanwhile."""
    database = _database(team_url)
    with pg_server.admin() as conn:
        conn.execute(sql.SQL("CREATE ROLE ann LOGIN SUPERUSER"))
    w = make_window()
    assert w.files.open_team_workspace(pg_server.url(database, user="ann"))
    assert w.doc.workspace is not None and w.doc.workspace.who == "ann"
    w.show()
    qtbot.waitExposed(w)
    view = w.assess_view
    st = w.doc.portfolio.find_startup("Tokenforge")
    view.select_startup(st.id)
    editor = view.criteria.editors["cap.team_stability"]
    before = st.assessments[0].scores["cap.team_stability"].model_copy()
    with pg_server.admin() as conn:
        conn.execute("ALTER ROLE ann NOLOGIN")
    assert _end_sessions(pg_server, database, "ann") >= 2
    qtbot.waitUntil(lambda: not w.offline_label.isHidden(), timeout=SHOWN_MS + 2000)
    assert w.doc.watch.offline

    # a level and a typed rationale are refused, said once, and nothing is lost or half-made
    w.doc.undo_stack.push(cmd.SetScoreField(w.doc, st.assessments[0].id, "cap.runway",
                                            "value", 3))
    editor.rationale.setFocus()
    editor.rationale.clear()
    qtbot.keyClicks(editor.rationale, "Founders stayed")
    (message,) = scripted_ask.errors()
    assert f"{database}@localhost cannot be reached, so the change was not made" in message
    assert "still on screen but not saved" in message
    assert "cannot be reached" in w.statusBar().currentMessage()  # later refusals
    assert editor.rationale.text() == "Founders stayed"
    assert st.assessments[0].scores["cap.team_stability"] == before
    assert _runway(w, "Tokenforge") == 1 and w.doc.undo_stack.count() == 0

    with Workspace.open(team_url, "Bob") as bob:  # the colleague is still connected
        _colleague_sets(bob, "Tokenforge", "cap.runway", 5)
        _colleague_sets(bob, "Chattersky", "niche.segment_focus", 1)
        bob.set_startup_field(bob.load().find_startup("Lumenreel").id, "stage", "Series B")
    qtbot.wait(retry_ms(1) + 200)
    assert not w.offline_label.isHidden() and _runway(w, "Tokenforge") == 1  # still away

    with pg_server.admin() as conn:
        conn.execute("ALTER ROLE ann LOGIN")
    qtbot.waitUntil(lambda: w.offline_label.isHidden(), timeout=retry_ms(4) + SHOWN_MS)
    assert _runway(w, "Tokenforge") == 5
    chattersky = w.doc.portfolio.find_startup("Chattersky")
    assert chattersky.assessments[0].level("niche.segment_focus") == 1
    assert w.doc.portfolio.find_startup("Lumenreel").stage == "Series B"
    assert view.current_startup().id == st.id
    assert editor.rationale.text() == "Founders stayed"  # what was typed is still there
    assert len(scripted_ask.errors()) == 1
    # edits are written again, under Ann's name
    w.doc.undo_stack.push(cmd.SetScoreField(w.doc, st.assessments[0].id, "cap.runway",
                                            "value", 4))
    with Workspace.open(team_url) as ws:
        assert ws.load().find_startup("Tokenforge").assessments[0].level("cap.runway") == 4
        assert ws.changes(limit=1)[0].who == "ann"


def test_a_server_stopped_and_started_again(team_window, team_url, pg_server, scripted_ask,
                                            monkeypatch, qtbot):
    w = team_window
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.install_crash_handler(lambda: w)
    _pg_ctl(pg_server, "-w", "-s", "-m", "fast", "stop")
    try:
        qtbot.waitUntil(lambda: not w.offline_label.isHidden(), timeout=SHOWN_MS + 2000)
        # a view reading the history meanwhile is told the same, not "unexpected problem"
        try:
            w.doc.workspace.changes(limit=5)
        except Exception:
            sys.excepthook(*sys.exc_info())
        else:
            pytest.fail("the workspace read a server that is stopped")
        assert scripted_ask.errors() == []
        qtbot.wait(retry_ms(2))  # tries fail quietly: the label stays
        assert not w.offline_label.isHidden() and scripted_ask.errors() == []
        # a step of several writes (a framework undo) is refused before it starts, and
        # memory, which such a step may have changed halfway, is read again afterwards
        portfolio = w.doc.portfolio
        with pytest.raises(ConnectionError), w.doc.one_transaction():
            pass
        assert w.doc.watch.stale
    finally:
        _pg_ctl(pg_server, "-l", str(pg_server.log), "-w", "-s", "start")
    qtbot.waitUntil(lambda: w.offline_label.isHidden(), timeout=retry_ms(5) + SHOWN_MS)
    assert not w.doc.watch.stale and w.doc.portfolio is not portfolio
    assert w.doc.portfolio == portfolio
    with Workspace.open(team_url, "Bob") as bob:
        _colleague_sets(bob, "Tokenforge", "cap.runway", 3)
    qtbot.waitUntil(lambda: _runway(w, "Tokenforge") == 3, timeout=SHOWN_MS)
