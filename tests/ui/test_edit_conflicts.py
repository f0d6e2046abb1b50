"""No lost update in the window: an edit of a value someone else changed after the window
showed it is not written; the window shows their value and asks whether to keep it or to use
one's own (asking again if it changes again meanwhile). Undo and redo ask the same way, and the
undo history stays consistent."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pytest

from gui.conflict_dialog import ConflictDialog
from gui.main_window import MainWindow
from models.store.workspace import Workspace
from tests.workspaces import read_back

STARTUP, CRITERION = "Tokenforge", "niche.segment_focus"


@dataclass
class ScriptedConflicts:
    """Answers the conflict dialog (the real one, built and then clicked) from a queue:
    ``"keep"`` or ``"yours"``, or a callable run while the dialog is up that returns one."""

    answers: list[str | Callable[[], str]] = field(default_factory=list)
    #: (message, keep button's text, use-yours button's text) of every dialog shown
    asked: list[tuple[str, str, str]] = field(default_factory=list)

    def exec(self, dialog: ConflictDialog) -> int:
        self.asked.append((dialog.text(), dialog.keep_button.text(),
                           dialog.yours_button.text()))
        answer = self.answers.pop(0) if self.answers else "keep"
        if callable(answer):
            answer = answer()
        (dialog.yours_button if answer == "yours" else dialog.keep_button).click()
        return 0


@pytest.fixture
def conflicts(monkeypatch: pytest.MonkeyPatch) -> ScriptedConflicts:
    scripted = ScriptedConflicts()
    monkeypatch.setattr(ConflictDialog, "exec", lambda dialog: scripted.exec(dialog))
    return scripted


@pytest.fixture
def shown(window: MainWindow) -> MainWindow:
    """The window with Tokenforge's assessment chosen in the Assess view."""
    st = window.doc.portfolio.find_startup(STARTUP)
    assert st is not None
    window.assess_view.select_startup(st.id)
    assert window.assess_view.current_assessment() is st.assessments[0]
    return window


def _aid(window: MainWindow) -> str:
    st = window.doc.portfolio.find_startup(STARTUP)
    assert st is not None
    return st.assessments[0].id


def _stored(window: MainWindow) -> int | None:
    st = read_back(window.doc.path).find_startup(STARTUP)
    assert st is not None
    return st.assessments[0].level(CRITERION)


def _in_memory(window: MainWindow) -> int | None:
    st = window.doc.portfolio.find_startup(STARTUP)
    assert st is not None
    return st.assessments[0].level(CRITERION)


def _on_screen(window: MainWindow) -> int | None:
    return window.assess_view.criteria.editors[CRITERION].level()


def _bo_sets(window: MainWindow, level: int, field: str = "value") -> str:
    """Bo, in a workspace of his own on the window's file, sets the level; returns when, as
    the dialog says it (local time)."""
    with Workspace.open(window.doc.path, "Bo") as bo:
        bo.set_score_field(_aid(window), CRITERION, field, level)
        return f"{bo.changes(limit=1)[0].at.astimezone():%H:%M}"


def _message(at: str, level: int) -> str:
    return (f"Bo changed Segment focus of Tokenforge (Daniel Okafor, Harbourline Ventures's "
            f"assessment) to {level} at {at} while you were editing.")


def test_keep_shows_their_value_and_writes_nothing(shown, conflicts):
    assert _in_memory(shown) == _on_screen(shown) == 2
    depth = shown.doc.undo_stack.count()
    at = _bo_sets(shown, 4)  # after the window showed 2, before it noticed
    shown.assess_view.set_level(CRITERION, 3)
    assert conflicts.asked == [(_message(at, 4), "Keep 4", "Use yours (3)")]
    assert _stored(shown) == _in_memory(shown) == _on_screen(shown) == 4
    assert shown.doc.undo_stack.count() == depth  # nothing to undo
    with Workspace.open(shown.doc.path) as ws:
        assert [(c.who, c.old, c.new) for c in ws.changes(assessment_id=_aid(shown))] == \
            [("Bo", 2, 4)]


def test_use_yours_writes_yours_over_theirs_and_undo_brings_theirs_back(shown, conflicts):
    me = shown.doc.workspace.who
    depth = shown.doc.undo_stack.count()
    _bo_sets(shown, 4)
    conflicts.answers.append("yours")
    shown.assess_view.set_level(CRITERION, 3)
    assert len(conflicts.asked) == 1
    assert _stored(shown) == _in_memory(shown) == _on_screen(shown) == 3
    with Workspace.open(shown.doc.path) as ws:
        assert [(c.who, c.old, c.new) for c in ws.changes(assessment_id=_aid(shown))] == \
            [(me, 4, 3), ("Bo", 2, 4)]
    assert shown.doc.undo_stack.count() == depth + 1
    shown.doc.undo_stack.undo()  # takes back the window's edit: Bo's level, not 2
    assert _stored(shown) == _on_screen(shown) == 4 and len(conflicts.asked) == 1
    shown.doc.undo_stack.redo()
    assert _stored(shown) == _on_screen(shown) == 3


def test_a_value_changed_again_while_asking_is_asked_about_again(shown, conflicts):
    _bo_sets(shown, 4)
    later: list[str] = []

    def cy_changes_it_meanwhile() -> str:
        with Workspace.open(shown.doc.path, "Bo") as bo:
            bo.set_score_field(_aid(shown), CRITERION, "value", 5)
            later.append(f"{bo.changes(limit=1)[0].at.astimezone():%H:%M}")
        return "yours"

    conflicts.answers.extend([cy_changes_it_meanwhile, "yours"])
    shown.assess_view.set_level(CRITERION, 3)
    assert [a[1:] for a in conflicts.asked] == [("Keep 4", "Use yours (3)"),
                                                 ("Keep 5", "Use yours (3)")]
    assert conflicts.asked[1][0] == _message(later[0], 5)
    assert _stored(shown) == _in_memory(shown) == _on_screen(shown) == 3


def test_undo_over_a_value_someone_changed_asks_and_keep_drops_the_step(shown, conflicts):
    stack = shown.doc.undo_stack
    depth = stack.count()
    shown.assess_view.set_level(CRITERION, 3)
    assert conflicts.asked == [] and stack.count() == depth + 1
    at = _bo_sets(shown, 4)
    assert shown.doc.watch is not None and shown.doc.watch.poll()  # the window took it in
    assert _on_screen(shown) == 4
    stack.undo()  # would write 2 over Bo's 4
    assert conflicts.asked == [(_message(at, 4), "Keep 4", "Use yours (2)")]
    assert _stored(shown) == _in_memory(shown) == _on_screen(shown) == 4
    assert stack.count() == depth and stack.index() == depth and not stack.canRedo()


def test_redo_over_a_value_someone_changed_asks_and_use_yours_redoes(shown, conflicts):
    stack = shown.doc.undo_stack
    shown.assess_view.set_level(CRITERION, 3)
    stack.undo()
    assert _stored(shown) == 2
    _bo_sets(shown, 5)
    conflicts.answers.append("yours")
    stack.redo()  # would write 3 over Bo's 5
    assert [a[1:] for a in conflicts.asked] == [("Keep 5", "Use yours (3)")]
    assert _stored(shown) == _on_screen(shown) == 3 and not stack.canRedo()
    stack.undo()  # back to what the redo replaced: Bo's 5
    assert _stored(shown) == _on_screen(shown) == 5 and len(conflicts.asked) == 1


def test_typing_goes_on_in_a_new_step_after_writing_over_someone_elses_text(shown, conflicts):
    stack = shown.doc.undo_stack
    editor = shown.assess_view.criteria.editors[CRITERION]
    depth = stack.count()
    editor.rationale.textEdited.emit("ab")
    editor.rationale.textEdited.emit("abc")
    assert stack.count() == depth + 1  # typing is one step
    _bo_sets(shown, "Bo's view", field="rationale")  # type: ignore[arg-type]
    conflicts.answers.append("yours")
    editor.rationale.textEdited.emit("abcd")
    assert [a[1:] for a in conflicts.asked] == [("Keep Bo's view", "Use yours (abcd)")]
    assert stack.count() == depth + 2  # not merged into the typing before Bo's text

    def rationale() -> str:
        st = read_back(shown.doc.path).find_startup(STARTUP)
        assert st is not None
        return st.assessments[0].scores[CRITERION].rationale

    assert rationale() == "abcd"
    stack.undo()
    assert rationale() == editor.rationale.text() == "Bo's view"
    stack.undo()  # the first typing would wipe Bo's text: asked, and kept
    assert [a[1:] for a in conflicts.asked][-1] == (
        "Keep Bo's view", "Use yours (Claims a focus on e-commerce…)")
    assert rationale() == "Bo's view" and stack.count() == depth + 1


def test_a_rename_meets_a_rename_and_the_startup_is_called_as_the_user_saw_it(
        shown, conflicts, scripted_ask):
    sid = shown.assess_view.current_startup().id
    with Workspace.open(shown.doc.path, "Bo") as bo:
        bo.set_startup_field(sid, "name", "Tokenforge AI")
        at = f"{bo.changes(limit=1)[0].at.astimezone():%H:%M}"
    scripted_ask.queue("text", "Forge")
    shown.assess_view.rename_startup()
    assert conflicts.asked == [(f"Bo changed the name of Tokenforge to Tokenforge AI at {at} "
                                "while you were editing.", "Keep Tokenforge AI",
                                "Use yours (Forge)")]
    assert shown.doc.startup(sid).name == "Tokenforge AI"
    assert read_back(shown.doc.path).find_startup("Tokenforge AI") is not None
