"""File ▸ Open of a big workspace, read in the background: what the user does meanwhile (opens
another, begins a new one, closes the portfolio) is what stays; a big file that is no
workspace is said and the open portfolio stays."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from gui import document_loading, portfolio_files
from models.engine.sample import synthetic_portfolio
from models.store.workspace import Workspace


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Openings in the background wait for this event before reading."""
    gate = threading.Event()
    load = document_loading.load

    def held_load(*args, **kwargs):  # type: ignore[no-untyped-def]
        if threading.current_thread() is not threading.main_thread():
            assert gate.wait(30)
        return load(*args, **kwargs)

    monkeypatch.setattr(document_loading, "load", held_load)
    return gate


@pytest.fixture
def big(tmp_path: Path) -> Path:
    """A workspace of 6 startups."""
    p = tmp_path / "big.beachhead"
    Workspace.create(p, synthetic_portfolio(6, seed=4)).close()
    return p


def _open_big(w, big: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """File ▸ Open of ``big`` as a file over the size read in the background; the open
    portfolio stays meanwhile. Files opened afterwards are read at once."""
    before = w.doc.path
    monkeypatch.setattr(portfolio_files, "BACKGROUND_BYTES", big.stat().st_size - 1)
    assert w.files.open_document(big)
    assert w.files.opening is not None and w.doc.path == before
    monkeypatch.setattr(portfolio_files, "BACKGROUND_BYTES", 10**12)


def test_a_small_file_opened_while_a_big_one_is_read_stays(make_window, qtbot, tmp_path,
                                                           sample_file, big, held, monkeypatch):
    small = tmp_path / "small.beachhead"
    Workspace.create(small, synthetic_portfolio(3, seed=5)).close()
    w = make_window()
    assert w.files.open_document(sample_file)
    _open_big(w, big, monkeypatch)
    assert w.files.open_document(small) and w.doc.path == small
    held.set()
    qtbot.wait(1500)
    assert w.doc.path == small and len(w.doc.portfolio.startups) == 3
    assert w.settings.recent_files[0] == str(small)


def test_file_new_while_a_big_one_is_read_stays(make_window, qtbot, tmp_path, sample_file,
                                                big, held, scripted_ask, monkeypatch):
    new = tmp_path / "new.beachhead"
    w = make_window()
    assert w.files.open_document(sample_file)
    _open_big(w, big, monkeypatch)
    scripted_ask.queue("save_file", str(new))
    assert w.files.new_document() and w.doc.path == new
    held.set()
    qtbot.wait(1500)
    assert w.doc.path == new and w.doc.portfolio.startups == []


def test_file_close_while_a_big_one_is_read_stays_closed(make_window, qtbot, sample_file, big,
                                                         held, monkeypatch):
    w = make_window()
    assert w.files.open_document(sample_file)
    _open_big(w, big, monkeypatch)
    w.menus.close_action.trigger()
    held.set()
    qtbot.wait(1500)
    assert w.doc.path is None and w.doc.portfolio.startups == []
    assert w.files.opening is None
    with Workspace.open(big) as ws:  # the one let go is closed
        assert len(ws.load().startups) == 6


def test_a_scratch_portfolio_changed_while_a_big_one_is_read_is_asked_about(
        make_window, qtbot, big, held, monkeypatch, scripted_ask):
    from gui import commands as cmd
    from models.core.portfolio import Startup

    w = make_window()
    w.ensure_ready()  # the empty scratch portfolio
    scratch = w.doc
    _open_big(w, big, monkeypatch)
    scratch.undo_stack.push(cmd.AddStartup(scratch, Startup(name="Kept")))
    scripted_ask.queue("save_changes", "cancel")
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    assert ("save_changes", scratch.display_name()) in scripted_ask.asked
    assert w.doc is scratch and [s.name for s in w.doc.portfolio.startups] == ["Kept"]
    with Workspace.open(big) as ws:  # let go: closed
        assert len(ws.load().startups) == 6


def test_a_big_file_cut_short_is_said_and_the_open_portfolio_stays(
        make_window, qtbot, sample_file, big, held, monkeypatch, scripted_ask):
    w = make_window()
    assert w.files.open_document(sample_file)
    data = big.read_bytes()
    big.write_bytes(data[:len(data) // 2])
    _open_big(w, big, monkeypatch)
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    errors = [t for kind, t in scripted_ask.asked if kind == "error"]
    assert len(errors) == 1 and "big.beachhead" in errors[0]
    assert w.doc.path == sample_file and len(w.doc.portfolio.startups) == 8


def test_the_window_closed_while_a_big_one_is_read_lets_it_go(make_window, qtbot, sample_file,
                                                              big, held, monkeypatch):
    w = make_window()
    assert w.files.open_document(sample_file)
    w.show()
    _open_big(w, big, monkeypatch)
    assert w.close()
    held.set()
    qtbot.wait(1500)
    assert w.doc.path == sample_file and w.files.opening is None
    assert w.doc.workspace is None  # the sample closed with the window
    with Workspace.open(big) as ws:  # let go: closed
        assert len(ws.load().startups) == 6


def test_a_language_switched_while_a_big_one_is_read_is_its_language(
        make_window, qtbot, sample_file, big, held, monkeypatch, chinese_built):
    from models.engine.results import score_assessment

    w = make_window()
    assert w.files.open_document(sample_file)
    w.show()
    _open_big(w, big, monkeypatch)  # read in English…
    w.set_language("zh_CN", remember=False)  # …shown in Chinese
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    doc = w.doc
    assert doc.path == big
    for st, a in doc.portfolio.assessments():
        assert doc.result(a.id) == score_assessment(st, a, doc.framework, None, "zh_CN")


def test_the_same_big_file_opened_twice_opens_once(make_window, qtbot, sample_file, big, held,
                                                   monkeypatch, scripted_ask):
    w = make_window()
    assert w.files.open_document(sample_file)
    _open_big(w, big, monkeypatch)
    _open_big(w, big, monkeypatch)
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    qtbot.wait(500)
    assert w.doc.path == big and len(w.doc.portfolio.startups) == 6
    assert not [t for kind, t in scripted_ask.asked if kind == "error"]
    assert w.settings.recent_files.count(str(big)) == 1


def test_scratch_changes_discarded_at_file_open_are_not_asked_about_again(
        make_window, qtbot, big, held, monkeypatch, scripted_ask):
    from gui import commands as cmd
    from models.core.portfolio import Startup

    w = make_window()
    w.ensure_ready()
    w.doc.undo_stack.push(cmd.AddStartup(w.doc, Startup(name="Dropped")))
    scripted_ask.queue("save_changes", "discard")
    _open_big(w, big, monkeypatch)
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    assert [k for k, _ in scripted_ask.asked].count("save_changes") == 1
    assert w.doc.path == big and len(w.doc.portfolio.startups) == 6


def test_a_big_file_that_is_no_workspace_is_said_and_the_open_portfolio_stays(
        make_window, qtbot, sample_file, tmp_path, held, monkeypatch, scripted_ask):
    other = tmp_path / "notes.beachhead"
    other.write_bytes(b"These are meeting notes, not a portfolio.\n" * 200)
    w = make_window()
    assert w.files.open_document(sample_file)
    _open_big(w, other, monkeypatch)
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    errors = [t for kind, t in scripted_ask.asked if kind == "error"]
    assert len(errors) == 1 and "notes.beachhead" in errors[0]
    assert "Traceback" not in errors[0]
    assert w.doc.path == sample_file and len(w.doc.portfolio.startups) == 8


def test_the_big_file_already_open_opened_again_is_shown_once_more(
        make_window, qtbot, big, held, monkeypatch, scripted_ask):
    w = make_window()
    assert w.files.open_document(big)  # read at once: under the size
    first = w.doc
    _open_big(w, big, monkeypatch)
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    assert w.doc is not first and w.doc.path == big and len(w.doc.portfolio.startups) == 6
    assert first.workspace is None  # the first one's file closed
    assert not [t for kind, t in scripted_ask.asked if kind == "error"]


def test_a_perspective_chosen_while_a_big_one_is_read_is_the_one_it_is_ranked_under(
        make_window, qtbot, sample_file, big, held, monkeypatch):
    from models.engine.ranking import rank_startups

    w = make_window()
    assert w.files.open_document(sample_file)
    assert w.doc.perspective == "investor"
    _open_big(w, big, monkeypatch)  # read under the investors' perspective…
    w.perspective_bar.choose("founder")  # …chosen meanwhile
    w.perspective_bar.set_ignore_gates(True)
    held.set()
    qtbot.waitUntil(lambda: w.files.opening is None, timeout=30_000)
    doc = w.doc
    assert doc.path == big
    assert (doc.perspective, doc.ignore_gates) == ("founder", True)
    fresh = rank_startups(doc.portfolio, "founder", ignore_gates=True)
    assert doc.ranking().rows == fresh.rows
    assert w.perspective_bar.combo.currentData() == "founder"
