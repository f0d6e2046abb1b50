"""The window on a workspace file: New, Open (converting a JSON portfolio), Save a Copy, every
edit on disk at once, others' edits taken in, refused writes, and what the JSON document got
wrong (a save overwriting an import, recovery copies, a link replaced) made impossible."""

from __future__ import annotations

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from gui import commands as cmd
from gui.main_window import MainWindow
from gui.preferences import PreferencesDialog
from models.engine.sample import sample_portfolio
from models.files.portfolio_file import save_portfolio
from models.store.changelog import Kind
from models.store.sqlite import is_workspace
from models.store.workspace import Workspace
from tests.workspaces import read_back

ROOT = Path(__file__).resolve().parents[2]


def _level(path: Path | None, startup: str, criterion: str, index: int = 0) -> int | None:
    st = read_back(path).find_startup(startup)
    assert st is not None
    return st.assessments[index].level(criterion)


def _set(window: MainWindow, startup: str, criterion: str, level: int | None,
         index: int = 0) -> str:
    doc = window.doc
    st = doc.portfolio.find_startup(startup)
    assert st is not None
    aid = st.assessments[index].id
    doc.undo_stack.push(cmd.SetScoreField(doc, aid, criterion, "value", level))
    return aid


def test_every_edit_is_on_disk_and_nothing_asks_to_save(window, scripted_ask):
    _set(window, "Tokenforge", "cap.runway", 4)
    assert _level(window.doc.path, "Tokenforge", "cap.runway") == 4
    assert not window.isWindowModified() and not window.doc.is_modified()
    assert window.close()
    assert scripted_ask.asked == []


def test_new_asks_where_and_creates_an_empty_workspace(window, scripted_ask, tmp_path):
    scripted_ask.queue("save_file", str(tmp_path / "pipeline"))
    assert window.files.new_document()
    path = tmp_path / "pipeline.beachhead"
    assert window.doc.path == path and is_workspace(path)
    assert window.doc.portfolio.startups == [] and read_back(path).startups == []
    assert window.settings.recent_files[0] == str(path.resolve())
    assert window.windowTitle().startswith("pipeline.beachhead")
    scripted_ask.queue("text", "Solo AI")
    window.assess_view.add_startup()
    assert [s.name for s in read_back(path).startups] == ["Solo AI"]


def test_a_json_portfolio_opens_as_a_workspace_beside_it(window, tmp_path):
    old = tmp_path / "deals.beachhead"
    save_portfolio(sample_portfolio(), old)
    before = hashlib.sha256(old.read_bytes()).hexdigest()
    assert window.files.open_document(old)
    converted = tmp_path / "deals.workspace.beachhead"
    assert window.doc.path == converted and window.doc.converted_from == old
    assert "converted into deals.workspace.beachhead" in window.statusBar().currentMessage()
    _set(window, "Tokenforge", "cap.runway", 5)
    assert hashlib.sha256(old.read_bytes()).hexdigest() == before
    assert _level(converted, "Tokenforge", "cap.runway") == 5
    # opening the JSON file again finds the workspace made from it, with the edit
    assert window.files.open_document(old)
    assert window.doc.path == converted
    assert window.doc.portfolio.find_startup("Tokenforge").assessments[0].level(
        "cap.runway") == 5


def test_save_a_copy_writes_a_snapshot_and_stays_on_the_original(window, scripted_ask,
                                                                 tmp_path):
    original = window.doc.path
    _set(window, "Tokenforge", "cap.runway", 5)
    scripted_ask.queue("save_file", str(tmp_path / "for-partners"))
    assert window.files.save_copy()
    copy = tmp_path / "for-partners.beachhead"
    assert window.doc.path == original
    assert _level(copy, "Tokenforge", "cap.runway") == 5
    _set(window, "Tokenforge", "cap.runway", 2)
    assert _level(copy, "Tokenforge", "cap.runway") == 5  # a copy, not a link
    # the copy of an open workspace over the workspace itself is refused
    scripted_ask.queue("save_file", str(original))
    assert not window.files.save_copy()
    assert "this workspace itself" in scripted_ask.errors()[-1]


def test_ctrl_s_says_everything_is_written(window):
    window.menus.save_action.trigger()
    assert "every change is written to sample.beachhead" in (
        window.statusBar().currentMessage())


def test_a_scratch_portfolio_asks_before_its_changes_go(make_window, scripted_ask, tmp_path):
    w = make_window()
    scripted_ask.queue("text", "Draft Co")
    w.assess_view.add_startup()
    assert w.doc.workspace is None and w.isWindowModified()
    scripted_ask.queue("save_changes", "cancel")
    assert not w.close()
    scripted_ask.queue("save_changes", "save")
    scripted_ask.queue("save_file", str(tmp_path / "draft"))
    assert w.close()
    assert [s.name for s in read_back(tmp_path / "draft.beachhead").startups] == ["Draft Co"]


def test_undo_and_redo_are_recorded_and_undo_to_the_start_stays(window, make_window):
    path = window.doc.path
    aid = _set(window, "Tokenforge", "cap.runway", 4)
    window.doc.undo_stack.undo()
    window.doc.undo_stack.redo()
    window.doc.undo_stack.undo()
    assert window.close()
    assert _level(path, "Tokenforge", "cap.runway") == 1
    with Workspace.open(path) as ws:
        log = [(c.old, c.new, c.comment) for c in ws.changes(assessment_id=aid)]
    step = "Score Runway (Tokenforge)"
    assert log == [(4, 1, f"Undo: {step}"), (1, 4, f"Redo: {step}"), (4, 1, f"Undo: {step}"),
                   (1, 4, None)]
    w2 = make_window()  # nothing comes back from a copy kept elsewhere
    assert w2.files.open_document(path)
    assert w2.doc.portfolio.find_startup("Tokenforge").assessments[0].level(
        "cap.runway") == 1


def test_an_import_by_another_program_is_kept_and_shown(window, tmp_path):
    """The JSON era: a save from the window overwrote an import made meanwhile."""
    path = window.doc.path
    newcomer = sample_portfolio().startups[0].model_copy(deep=True, update={
        "id": "f" * 32, "name": "Newcomer AI"})
    for a in newcomer.assessments:
        a.id = hashlib.md5(a.id.encode()).hexdigest()
    with Workspace.open(path, "cli") as other:
        other.add_many([newcomer], comment="import")
    _set(window, "Tokenforge", "cap.runway", 4)  # the window's edit after the import
    names = [s.name for s in read_back(path).startups]
    assert "Newcomer AI" in names and len(names) == 9
    assert _level(path, "Tokenforge", "cap.runway") == 4
    assert window.doc.watch is not None and window.doc.watch.poll()
    assert window.doc.portfolio.find_startup("Newcomer AI") is not None
    assert window.assess_view.model.rowCount() == 9


def test_two_windows_on_one_file_see_each_others_edits(make_window, sample_file, qtbot,
                                                       tmp_path):
    """The JSON era: a second window took the first one's live recovery copy for a crash
    leftover. Now neither writes a copy; each sees the other's edits within two seconds."""
    w1, w2 = make_window(), make_window()
    assert w1.files.open_document(sample_file) and w2.files.open_document(sample_file)
    w2.assess_view.select_startup(w2.doc.portfolio.find_startup("Tokenforge").id)
    _set(w1, "Tokenforge", "cap.runway", 5)
    a2 = w2.doc.portfolio.find_startup("Tokenforge").assessments[0]
    qtbot.waitUntil(lambda: a2.level("cap.runway") == 5, timeout=2500)
    editor = w2.assess_view.criteria.editors["cap.runway"]
    assert editor.buttons.button(5).isChecked()
    _set(w2, "Tokenforge", "niche.segment_focus", 2)
    a1 = w1.doc.portfolio.find_startup("Tokenforge").assessments[0]
    qtbot.waitUntil(lambda: a1.level("niche.segment_focus") == 2, timeout=2500)
    assert w1.doc.result(a1.id).overall == w2.doc.result(a2.id).overall
    leftovers = [p.name for p in tmp_path.rglob("*") if p.is_file()
                 and p.suffix in (".beachhead", ".json") and p != sample_file]
    assert leftovers == []


_CRASH = """
import os, signal, sys
from models.store.workspace import Workspace
ws = Workspace.open(sys.argv[1], who=sys.argv[2])
p = ws.load()
a = p.find_startup(sys.argv[3]).assessments[0]
ws.set_score_field(a.id, "cap.runway", "value", int(sys.argv[4]))
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_two_crashed_sessions_both_keep_their_edits(make_window, sample_file, scripted_ask):
    """The JSON era: after two crashed sessions recovery offered only the newest copy and
    deleted the other."""
    for who, startup, level in (("Ana", "Tokenforge", 5), ("Ben", "Chattersky", 2)):
        done = subprocess.run([sys.executable, "-c", _CRASH, str(sample_file), who, startup,
                               str(level)], cwd=ROOT, timeout=120)
        assert done.returncode == -signal.SIGKILL
    w = make_window()
    assert w.files.open_document(sample_file)
    assert scripted_ask.asked == []  # no recovery question: nothing was lost
    assert w.doc.portfolio.find_startup("Tokenforge").assessments[0].level("cap.runway") == 5
    assert w.doc.portfolio.find_startup("Chattersky").assessments[0].level("cap.runway") == 2
    with Workspace.open(sample_file) as ws:
        assert {c.who for c in ws.changes() if c.kind == Kind.SCORE_FIELD} == {"Ana", "Ben"}


def test_editing_through_a_symbolic_link_keeps_the_link(window, make_window, sample_file,
                                                        tmp_path):
    link = tmp_path / "shortcut.beachhead"
    link.symlink_to(sample_file)
    w = make_window()
    assert w.files.open_document(link)
    _set(w, "Tokenforge", "cap.runway", 3)
    w.close()
    assert link.is_symlink() and os.readlink(link) == str(sample_file)
    assert _level(sample_file, "Tokenforge", "cap.runway") == 3


def test_a_refused_write_changes_nothing_and_says_why(window, scripted_ask):
    path = window.doc.path
    assert window.doc.workspace is not None
    raw = window.doc.workspace._conn.connection.driver_connection
    raw.execute("PRAGMA busy_timeout = 100")
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        st = window.doc.portfolio.find_startup("Tokenforge")
        count = window.doc.undo_stack.count()
        _set(window, "Tokenforge", "cap.runway", 5)
        assert st.assessments[0].level("cap.runway") == 1
        assert window.doc.undo_stack.count() == count
        (message,) = scripted_ask.errors()
        assert str(path) in message and "could not be written" in message
    finally:
        holder.rollback()
        holder.close()
    _set(window, "Tokenforge", "cap.runway", 5)
    assert _level(path, "Tokenforge", "cap.runway") == 5


def _two_documents(path: Path):  # type: ignore[no-untyped-def]
    from gui.document import Document

    return Document.open(path), Document.open(path)


def test_undoing_a_delete_puts_back_what_the_file_held(qtbot, sample_file):
    """A window deletes a startup another window had just edited (not yet taken in), then
    undoes: the other window's edit comes back with it."""
    d1, d2 = _two_documents(sample_file)
    tf = d2.portfolio.find_startup("Tokenforge")
    d2.undo_stack.push(cmd.SetScoreField(d2, tf.assessments[0].id, "cap.runway", "value", 5))
    d1.undo_stack.push(cmd.RemoveStartup(d1, tf.id))
    d1.undo_stack.undo()
    assert _level(sample_file, "Tokenforge", "cap.runway") == 5
    d1.close()
    d2.close()


def test_a_framework_change_in_another_window_is_taken_in(qtbot, sample_file):
    d1, d2 = _two_documents(sample_file)
    heavier = d1.framework.with_weights(pillar_weights={"cap": 3.0})
    d1.undo_stack.push(cmd.ChangeFramework(d1, heavier, "weight", {"en": "a pillar"}))
    assert d2.watch is not None and d2.watch.poll()
    assert d2.framework == d1.framework  # the next version, with its changelog entry
    assert (d2.framework.version, d2.framework.pillar("cap").weight) == ("1.1.0", 3.0)
    a = d2.portfolio.startups[0].assessments[0]
    assert d2.result(a.id).overall == d1.result(a.id).overall
    d1.close()
    d2.close()


def test_an_undo_the_file_no_longer_allows_is_refused_not_raised(qtbot, sample_file):
    """Undoing a framework that added a criterion, after another window scored it."""
    d1, d2 = _two_documents(sample_file)
    base = d1.framework
    pillar = base.pillars[0]
    extra = pillar.criteria[0].model_copy(update={"id": f"{pillar.id}.zzextra"})
    wider = base.model_copy(update={"pillars": [
        pillar.model_copy(update={"criteria": [*pillar.criteria, extra]}),
        *base.pillars[1:]]})
    d1.undo_stack.push(cmd.ChangeFramework(d1, wider, "load", {"en": "wider"}))
    assert d2.watch is not None and d2.watch.poll()
    a = d2.portfolio.startups[0].assessments[0]
    d2.undo_stack.push(cmd.SetScoreField(d2, a.id, extra.id, "value", 3))
    refused: list[str] = []
    d1.writeRefused.connect(refused.append)
    d1.undo_stack.undo()
    assert refused and "could not be made" in refused[0]
    assert d1.undo_stack.count() == 0
    with Workspace.open(sample_file) as ws:
        assert extra.id in ws.framework().criterion_ids
    d1.close()
    d2.close()


def test_a_replaced_portfolio_is_let_go(window, tmp_path, qtbot):
    """Opening another portfolio frees the one it replaces, even though opening freezes
    what exists for the cycle collector."""
    import weakref

    from models.engine.sample import synthetic_portfolio

    first = [weakref.ref(s) for s in window.doc.portfolio.startups]
    _set(window, "Tokenforge", "cap.runway", 4)  # an undo history holding the startup
    other = tmp_path / "other.beachhead"
    Workspace.create(other, synthetic_portfolio(30, 1)).close()
    assert window.files.open_document(other)
    qtbot.wait(10)  # the replaced document's deferred deletion
    assert [r() for r in first if r() is not None] == []


def _sign_as(window, name):  # type: ignore[no-untyped-def]
    """Edit ▸ Preferences, the name typed, OK."""
    window.menus.preferences_action.trigger()
    dialog = next(d for d in window.findChildren(PreferencesDialog) if d.isVisible())
    dialog.name_edit.setText(name)
    dialog.accept()


def test_changes_are_signed_with_the_chosen_name(window, make_window, sample_file):
    _sign_as(window, "  Mei Lin ")
    aid = _set(window, "Tokenforge", "cap.runway", 4)
    w2 = make_window()  # remembered for the next window and the next portfolio
    assert w2.files.open_document(sample_file)
    _set(w2, "Tokenforge", "cap.runway", 5)
    _sign_as(w2, "")  # back to the login name
    _set(w2, "Tokenforge", "cap.runway", 3)
    from models.store.opening import default_user

    with Workspace.open(sample_file) as ws:
        assert [c.who for c in ws.changes(assessment_id=aid)][:3] == [
            default_user(), "Mei Lin", "Mei Lin"]
