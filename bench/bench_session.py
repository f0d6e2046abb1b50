"""A long editing session in the main window, to show that it stays flat.

The session is the one a user has over an afternoon, driven from the event loop as typing is:
score edits by key presses on the focused criterion (keys 1–5, 0, the arrows), undo and redo
through the Edit menu's actions, startups added and deleted with the Assess view's buttons,
File ▸ Save, the Compare view open, and one round trip of View ▸ Language to Chinese and back.

Printed per block of 250 edits: the median time of one score edit (key press until every view
has updated), the block's wall time per edit (idle redraws included), the resident memory at the
block's end, and the longest gap of a 10 ms heartbeat timer (how long the event loop was busy at
a stretch). A flat session has the same figures in the last block as in the first. The baseline,
measured in the same run, is one key press in a bare ``QLineEdit`` of the same window.
"""

from __future__ import annotations

import gc
import importlib
import os
import pkgutil
import random
import re
import statistics
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

BLOCKS = 10
PER_BLOCK = 250
HEARTBEAT_MS = 10
SEED = 7


def _rss_mb() -> float:
    status = Path("/proc/self/status").read_text()
    return int(re.search(r"VmRSS:\s+(\d+)", status)[1]) / 1024.0  # type: ignore[index]


def _scripted_dialogs() -> dict[str, list[object]]:
    """Answer every dialog of the application from queues (what a user would click)."""
    import gui
    from gui import dialogs

    answers: dict[str, list[object]] = {}

    class Answers(dialogs.Ask):
        def _next(self, kind: str, default: object) -> object:
            queue = answers.get(kind)
            return queue.pop(0) if queue else default

        def text(self, parent, title, label, default=""):  # type: ignore[no-untyped-def]
            return self._next("text", None)

        def confirm(self, parent, title, message):  # type: ignore[no-untyped-def]
            return self._next("confirm", False)

        def save_changes(self, parent, name):  # type: ignore[no-untyped-def]
            return self._next("save_changes", "discard")

        def save_file(self, parent, title, path, filters):  # type: ignore[no-untyped-def]
            return self._next("save_file", "")

        def error(self, parent, title, message, details=""):  # type: ignore[no-untyped-def]
            raise RuntimeError(f"error dialog during the session: {title}: {message}")

    fake = Answers()
    for info in pkgutil.walk_packages(gui.__path__, "gui."):
        module = importlib.import_module(info.name)
        if isinstance(getattr(module, "ask", None), dialogs.Ask):
            module.ask = fake  # type: ignore[attr-defined]
    return answers


def _session(window, answers: dict[str, list[object]], target: Path,  # type: ignore[no-untyped-def]
             rng: random.Random) -> Iterator[str]:
    """Perform the session one user action at a time; yields each action's kind."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    digits = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5]
    moves = [Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right]
    clears = [Qt.Key.Key_0, Qt.Key.Key_Delete]
    sample_ids = [s.id for s in window.doc.portfolio.startups]
    criteria = list(window.doc.framework.criterion_ids)
    edits = 0
    added: list[str] = []
    for block in range(BLOCKS):
        for step in range(PER_BLOCK // 10):
            if step % 5 == 2:  # a new startup, scored, then deleted again a little later
                answers.setdefault("text", []).append(f"Session Startup {len(added)}")
                window.assess_view.add_button.click()
                added.append(window.assess_view.current_startup().id)
                yield "add startup"
            else:
                window.assess_view.select_startup(rng.choice(sample_ids))
            view = window.assess_view
            view.criteria.focus_criterion(rng.choice(criteria))
            done = 0
            while done < 10:
                editor = QApplication.focusWidget()
                if rng.random() < 0.3:
                    QTest.keyClick(editor, rng.choice(moves))
                    yield "move"
                    continue
                level = editor.level()
                if level is not None and rng.random() < 0.1:
                    key = rng.choice(clears)
                else:
                    key = digits[rng.choice([v for v in range(1, 6) if v != level]) - 1]
                QTest.keyClick(editor, key)
                done += 1
                edits += 1
                yield "edit"
            if step % 5 == 4 and added:
                doc = window.doc
                live = {s.id for s in doc.portfolio.startups}
                sid = next((s for s in added if s in live), None)
                if sid is not None:
                    window.assess_view.select_startup(sid)
                    answers.setdefault("confirm", []).append(True)
                    window.assess_view.delete_button.click()
                    yield "delete startup"
            if step % 6 == 3:
                for _ in range(4):
                    window.menus.undo_action.trigger()
                    yield "undo"
                for _ in range(4):
                    window.menus.redo_action.trigger()
                    yield "redo"
            if step % 12 == 11:
                # every edit is on disk already; a copy is what a user still writes
                answers.setdefault("save_file", []).append(str(target))
                window.menus.save_copy_action.trigger()
                yield "save a copy"
        if block == 0:  # once, in the first block (which the later ones are compared with)
            window.menus.view_actions[1].trigger()  # View ▸ Compare, then back to Assess
            yield "compare view"
            window.menus.view_actions[0].trigger()
            yield "assess view"
            window.menus.language_actions["zh_CN"].trigger()  # View ▸ Language and back
            yield "language"
            window.menus.language_actions["en"].trigger()
            yield "language"
        yield "end of block"


def _bare_key_press_ms(window) -> float:  # type: ignore[no-untyped-def]
    """Median time of one key press in a plain QLineEdit of the same window (the baseline)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QLineEdit

    edit = QLineEdit(window)
    edit.show()
    edit.setFocus()
    times = []
    for i in range(400):
        t0 = time.perf_counter()
        QTest.keyClick(edit, Qt.Key.Key_Backspace if i % 2 else Qt.Key.Key_5)
        times.append((time.perf_counter() - t0) * 1000)
    edit.deleteLater()
    return statistics.median(times)


def main() -> None:
    """Run the session (its files in a temporary folder) and print its figures."""
    with tempfile.TemporaryDirectory() as folder:
        _run(Path(folder))


def _run(tmp: Path) -> None:
    from PySide6.QtCore import QSettings, Qt, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from gui.i18n import install_language
    from gui.main_window import MainWindow
    from gui.settings import AppSettings
    from models.engine.sample import sample_portfolio
    from models.store.workspace import Workspace

    answers = _scripted_dialogs()
    sample = tmp / "sample.beachhead"
    Workspace.create(sample, sample_portfolio()).close()
    window = MainWindow(AppSettings(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat)))
    window.resize(1280, 800)
    window.show()
    window.files.open_document(sample)
    window.late_start()
    window.activateWindow()
    for _ in range(20):
        app.processEvents()

    baseline_before = _bare_key_press_ms(window)
    steps = _session(window, answers, tmp / "session.beachhead", random.Random(SEED))
    blocks: list[dict[str, float]] = []
    edit_ms: list[float] = []
    slowest: dict[str, float] = {}
    state = {"beat": time.perf_counter(), "max_gap": 0.0, "block_start": time.perf_counter()}
    since_beat: set[str] = set()  # the actions run since the last heartbeat
    other_gaps: dict[str, float] = {}  # the longest gap around each other kind of action

    def beat() -> None:
        now = time.perf_counter()
        gap = (now - state["beat"]) * 1000
        state["beat"] = now
        if since_beat <= {"edit", "move"}:  # only typing (and what it set off) since then
            state["max_gap"] = max(state["max_gap"], gap)
        else:
            for kind in since_beat - {"edit", "move"}:
                other_gaps[kind] = max(other_gaps.get(kind, 0.0), gap)
        since_beat.clear()

    def step() -> None:
        t0 = time.perf_counter()
        try:
            kind = next(steps)
        except StopIteration:
            app.quit()
            return
        ms = (time.perf_counter() - t0) * 1000
        since_beat.add(kind)
        if kind == "edit":
            edit_ms.append(ms)
        elif kind == "end of block":
            gc.collect()
            blocks.append({
                "median": statistics.median(edit_ms), "edits": len(edit_ms),
                "wall": (time.perf_counter() - state["block_start"]) * 1000 / len(edit_ms),
                "rss": _rss_mb(), "gap": state["max_gap"]})
            edit_ms.clear()
            since_beat.clear()
            state["max_gap"] = 0.0
            state["beat"] = state["block_start"] = time.perf_counter()
        elif kind != "move":
            slowest[kind] = max(slowest.get(kind, 0.0), ms)
        QTimer.singleShot(0, step)  # the next action once the event loop has had its turn

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    rss_start = _rss_mb()
    QTimer.singleShot(0, step)
    app.exec()
    heartbeat.stop()
    baseline_after = _bare_key_press_ms(window)

    print(f"session: {BLOCKS} blocks of {PER_BLOCK} score edits by key presses, with undo and "
          "redo, startups added and deleted, saves; in the first block also Compare opened and "
          "a language round trip")
    print(f"  baseline: one key press in a bare QLineEdit: {baseline_before:.3f} ms before, "
          f"{baseline_after:.3f} ms after the session")
    print("  block  edit median  wall/edit   RSS MB  longest heartbeat gap while typing")
    for i, b in enumerate(blocks, 1):
        print(f"  {i:5d}  {b['median']:8.2f} ms  {b['wall']:6.2f} ms  {b['rss']:7.1f}  "
              f"{b['gap']:6.1f} ms")
    first, second, last = blocks[0], blocks[1], blocks[-1]
    steady = sum(b["edits"] for b in blocks[2:])
    growth = last["rss"] - second["rss"]
    print(f"  edit median: first block {first['median']:.2f} ms, last {last['median']:.2f} ms "
          f"(×{last['median'] / first['median']:.2f}); a bare key press ×"
          f"{last['median'] / baseline_after:.0f}")
    print(f"  RSS: {rss_start:.1f} MB at the start, {second['rss']:.1f} MB after two blocks, "
          f"{last['rss']:.1f} MB at the end: {growth:+.1f} MB over the last {steady} edits "
          f"({growth / steady * 1000:+.2f} MB per 1000 edits; the undo history keeps every edit)")
    print(f"  heartbeat every {HEARTBEAT_MS} ms: longest gap while typing "
          f"{max(b['gap'] for b in blocks):.1f} ms; around other actions: " + ", ".join(
              f"{k} {v:.0f} ms" for k, v in sorted(other_gaps.items(), key=lambda kv: -kv[1])
              if k != "end of block"))
    print("  slowest single actions: " + ", ".join(
        f"{k} {v:.0f} ms" for k, v in sorted(slowest.items(), key=lambda kv: -kv[1])
        if k != "end of block"))
    install_language("en")
    window.doc.undo_stack.setClean()
    window.close()


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    main()
