"""Undo texts: every step names what it changed ("Score Segment focus (Tokenforge)", "Edit
sector of Tokenforge"), wholly in the interface language with the framework's names in that
language too; the steps already in the history are renamed when the language changes; Edit ▸
Undo and Redo and the History's "Undo: …" comments say the same step. A long session of edits
of every kind, undone and redone, with the language switched every 50 edits, keeps every text
in one language."""

from __future__ import annotations

import random
import re

import pytest
import shiboken6
from PySide6.QtTest import QTest

from gui import conflict_dialog
from gui.main_window import MainWindow

CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
LATIN = re.compile(r"[A-Za-z]")


@pytest.fixture
def chinese_afterwards(chinese_built, window: MainWindow):  # type: ignore[no-untyped-def]
    """The window of :func:`window`, English again after the test."""
    yield window
    window.doc.undo_stack.setClean()


def _sid(window: MainWindow, name: str) -> str:
    return window.doc.portfolio.find_startup(name).id


def _texts(window: MainWindow) -> list[str]:
    stack = window.doc.undo_stack
    return [stack.text(i) for i in range(stack.count())]


def _edits_of_every_kind(window: MainWindow, scripted_ask) -> None:  # type: ignore[no-untyped-def]
    """Score, confidence, rationale and evidence of a criterion; a startup's sector and name;
    an assessment's assessor; a decision; a pillar's weight; a startup added and deleted."""
    view = window.assess_view
    view.select_startup(_sid(window, "Tokenforge"))
    cid = "niche.segment_focus"
    view.set_level(cid, 4 if view.current_assessment().level(cid) != 4 else 3)
    view.criteria.fieldEdited.emit(cid, "confidence", "low")
    view.criteria.fieldEdited.emit(cid, "rationale", "Narrow focus")
    view.criteria.fieldEdited.emit(cid, "evidence", "Pilot with three firms")
    view.header.details.fieldEdited.emit("sector", "Legal AI")
    view.header.fieldEdited.emit("assessor", "Bo Chen")
    view.decision_panel.set_status("diligence")
    framework = window.ensure_framework_view()
    model = framework.pillar_model
    model.setData(model.index(model.row_of("cap"), model.WEIGHT), 2.0)
    scripted_ask.queue("text", "Tokenforge Labs")
    view.rename_startup()
    scripted_ask.queue("text", "Nova")
    view.add_startup()
    scripted_ask.queue("confirm", True)
    view.delete_startup()


ENGLISH = ["Score Segment focus (Tokenforge)", "Set confidence of Segment focus (Tokenforge)",
           "Edit rationale of Segment focus (Tokenforge)",
           "Edit evidence of Segment focus (Tokenforge)", "Edit sector of Tokenforge",
           "Edit the assessor of an assessment of Tokenforge",
           "Decide Diligence for Tokenforge", "Set the weight of Capital resilience",
           "Rename Tokenforge to Tokenforge Labs", "Add Nova", "Delete Nova"]
CHINESE = ["为 细分聚焦 评分（Tokenforge）", "设置 细分聚焦 的置信度（Tokenforge）",
           "编辑 细分聚焦 的理由（Tokenforge）", "编辑 细分聚焦 的证据（Tokenforge）",
           "编辑 Tokenforge 的赛道", "编辑 Tokenforge 一项评估的评估人",
           "为 Tokenforge 作出决定：尽调", "设置 资本韧性 的权重",
           "将 Tokenforge 重命名为 Tokenforge Labs", "添加 Nova", "删除 Nova"]


def test_each_step_names_what_it_changed_and_is_renamed_in_the_new_language(
        chinese_afterwards: MainWindow, scripted_ask) -> None:  # type: ignore[no-untyped-def]
    window = chinese_afterwards
    _edits_of_every_kind(window, scripted_ask)
    assert _texts(window) == ENGLISH
    menus = window.menus
    assert menus.undo_action.text() == "&Undo Delete Nova"
    window.set_language("zh_CN")
    assert _texts(window) == CHINESE  # the steps made in English are renamed
    assert window.menus.undo_action.text() == "撤销 删除 Nova(&U)"
    window.menus.undo_action.trigger()
    window.menus.undo_action.trigger()
    assert window.menus.undo_action.text() == "撤销 将 Tokenforge 重命名为 Tokenforge Labs(&U)"
    assert window.menus.redo_action.text() == "重做 添加 Nova(&R)"
    # the History records the undo under the step's name as the Edit menu says it
    (change,) = window.doc.workspace.changes(limit=1)
    assert change.comment == "撤销：添加 Nova"
    window.set_language("en")
    assert _texts(window) == ENGLISH
    assert window.menus.undo_action.text() == "&Undo Rename Tokenforge to Tokenforge Labs"
    assert window.menus.redo_action.text() == "&Redo Add Nova"
    window.menus.redo_action.trigger()
    (change,) = window.doc.workspace.changes(limit=1)
    assert change.comment == "Redo: Add Nova"


def test_a_startup_name_with_an_ampersand_is_not_an_accelerator(
        window: MainWindow, scripted_ask) -> None:  # type: ignore[no-untyped-def]
    view = window.assess_view
    view.select_startup(_sid(window, "Lumenreel"))
    scripted_ask.queue("text", "R&D Reel")
    view.rename_startup()
    view.header.details.fieldEdited.emit("region", "Shenzhen")
    assert window.doc.undo_stack.undoText() == "Edit region of R&D Reel"
    assert window.menus.undo_action.text() == "&Undo Edit region of R&&D Reel"
    window.menus.undo_action.trigger()
    assert window.menus.undo_action.text() == "&Undo Rename Lumenreel to R&&D Reel"
    assert window.menus.redo_action.text() == "&Redo Edit region of R&&D Reel"


class LongSession:
    """Edits of every kind on random startups, undo and redo through Edit's actions."""

    def __init__(self, window: MainWindow, ask) -> None:  # type: ignore[no-untyped-def]
        self.window, self.ask = window, ask
        self.rng = random.Random(20260512)
        self.names = {s.name for s in window.doc.portfolio.startups}
        self.criteria = list(window.doc.framework.criterion_ids)
        self.added = 0

    def edit(self) -> None:
        """One edit, of a kind chosen at random."""
        view, rng = self.window.assess_view, self.rng
        startups = self.window.doc.portfolio.startups
        view.select_startup(rng.choice(startups).id)
        cid = rng.choice(self.criteria)
        kind = rng.choice(("level", "level", "confidence", "rationale", "evidence", "detail",
                           "assessor", "decision", "weight", "add", "delete"))
        if kind == "level":
            view.set_level(cid, rng.randint(0, 5))
        elif kind in ("confidence", "rationale", "evidence"):
            value = rng.choice(("low", "medium", "high")) if kind == "confidence" else \
                f"note {rng.randint(1, 10_000)}"
            view.criteria.fieldEdited.emit(cid, kind, value)
        elif kind == "detail":
            view.header.details.fieldEdited.emit(rng.choice(("sector", "stage", "region")),
                                                 f"value {rng.randint(1, 10_000)}")
        elif kind == "assessor":
            view.header.fieldEdited.emit("assessor", f"Assessor {rng.randint(1, 10_000)}")
        elif kind == "decision":
            view.decision_panel.set_status(rng.choice(("screening", "diligence", "watch")))
        elif kind == "weight":
            model = self.window.ensure_framework_view().pillar_model
            row = rng.randrange(model.rowCount())
            model.setData(model.index(row, model.WEIGHT), float(rng.randint(1, 9)))
        elif kind == "add":
            self.added += 1
            name = f"Added {self.added}"
            self.names.add(name)
            self.ask.queue("text", name)
            view.add_startup()
        elif len(startups) > 3:
            self.ask.queue("confirm", True)
            view.delete_startup()

    def undo_or_redo(self) -> None:
        menus = self.window.menus
        action = menus.undo_action if self.rng.random() < 0.6 else menus.redo_action
        if action.isEnabled():
            action.trigger()

    def check(self, lang: str) -> None:
        """Every step's text in ``lang`` only (the startups' names aside), and Edit's Undo
        and Redo naming the steps the stack would take."""
        window = self.window
        stack = window.doc.undo_stack
        names = sorted(self.names | {s.name for s in window.doc.portfolio.startups},
                       key=len, reverse=True)
        for text in _texts(window):
            rest = text
            for name in names:
                rest = rest.replace(name, "")
            foreign = LATIN if lang == "zh_CN" else CJK
            assert not foreign.search(rest), (lang, text)
            assert rest.strip(), text
        undo, redo = stack.undoText().replace("&", "&&"), stack.redoText().replace("&", "&&")
        if lang == "zh_CN":
            assert window.menus.undo_action.text() == (f"撤销 {undo}(&U)" if undo
                                                       else "撤销(&U)")
            assert window.menus.redo_action.text() == (f"重做 {redo}(&R)" if redo
                                                       else "重做(&R)")
        else:
            assert window.menus.undo_action.text() == (f"&Undo {undo}" if undo else "&Undo")
            assert window.menus.redo_action.text() == (f"&Redo {redo}" if redo else "&Redo")


@pytest.mark.slow
def test_a_long_session_keeps_every_undo_text_in_the_language_shown(
        chinese_afterwards: MainWindow, scripted_ask,  # type: ignore[no-untyped-def]
        monkeypatch: pytest.MonkeyPatch) -> None:
    window = chinese_afterwards
    conflicts: list[object] = []  # one window alone never meets another's value

    def asked(doc, conflict):  # type: ignore[no-untyped-def]
        conflicts.append((conflict, window.doc.undo_stack.text(
            window.doc.undo_stack.index() - 1)))
        raise AssertionError(f"conflict: {conflict!r} {conflicts[-1]}")

    monkeypatch.setattr(conflict_dialog, "use_yours", asked)
    session = LongSession(window, scripted_ask)
    lang = "en"
    kinds_seen: set[str] = set()
    for i in range(1, 301):
        session.edit()
        if i % 3 == 0:
            session.undo_or_redo()
        if i % 50 == 0:
            session.check(lang)
            lang = "zh_CN" if lang == "en" else "en"
            old_views = [window.assess_view, window.framework_view]
            window.menus.language_actions[lang].trigger()
            QTest.qWait(10)  # the event loop deletes the views replaced...
            assert not any(shiboken6.isValid(v) for v in old_views)  # ...nothing keeps them
            assert window.lang == lang
            session.check(lang)
            kinds_seen |= {t.split(" ")[0] for t in _texts(window)}
    stack = window.doc.undo_stack
    assert stack.count() > 150
    assert scripted_ask.errors() == []
    # the steps of every kind were in the history at a switch
    assert {"Score", "Edit", "Set", "Decide", "Add", "Delete"} <= kinds_seen | {
        t.split(" ")[0] for t in _texts(window)}
    # everything undone and redone again in the last language, without a refusal
    while stack.canUndo():
        window.menus.undo_action.trigger()
    session.check(lang)
    while stack.canRedo():
        window.menus.redo_action.trigger()
    assert scripted_ask.errors() == []
