"""One score edit through the window, at 500 startups against 10,000: an edit's cost must not
grow with the portfolio.

Each size runs in a fresh interpreter on a workspace file of its own (synthetic startups, one
assessment each): the window shows the portfolio with Compare on screen (the ranking table
above, the 2×2 map below), the Assess view built behind it. Score edits go through the
window's undo command (:class:`gui.commands.SetScoreField`) one after another from the event
loop, each on another startup, alternating with an undo and a redo. Each edit is timed until
the views have taken it (the list and the table) and until the map has moved the mark (its
redraw, :data:`~gui.widgets.chart_canvas.REDRAW_DELAY_MS` after the edit, done). Printed per
size: the medians of the wall time until shown and of the main thread's processor time for
the whole edit, map redraw included (the redraw's wait costs none; the processor time hides
the disk's ``fsync`` and other programs' load), and the longest gap of a 10 ms heartbeat timer
over the whole run of edits (the longest the window stalled). Then the ratios 10,000 / 500
(goal ≈ 1).

``python bench/bench_edit_scaling.py --profile N`` prints where an edit at N startups spends
its processor time (cProfile) instead.
"""

from __future__ import annotations

import itertools
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SIZES = (500, 10_000)
EDITS = 30
HEARTBEAT_MS = 10


def _window(folder: Path, size: int):  # type: ignore[no-untyped-def]
    """The window on a new ``size``-startup workspace, Compare's map on screen."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from gui.document import Document
    from gui.main_window import MainWindow
    from gui.settings import AppSettings
    from models.engine.sample import synthetic_portfolio

    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(AppSettings(settings))
    window.resize(1280, 800)
    window.show()
    window.late_start()
    path = folder / f"p{size}.beachhead"
    window.replace_document(Document.create(path, synthetic_portfolio(size, seed=2), window))
    compare = window.ensure_compare_view()
    window.show_view("compare")
    compare.tabs.setCurrentWidget(compare.map)  # type: ignore[union-attr]
    _settle(app, compare.map.chart)  # type: ignore[union-attr]
    return app, window, compare


def _settle(app, chart) -> None:  # type: ignore[no-untyped-def]
    """Run the event loop until the chart has no redraw pending (and a little after)."""
    from PySide6.QtCore import QEventLoop

    deadline = time.perf_counter() + 60
    while chart.is_pending() and time.perf_counter() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.002)
    app.processEvents()


def child(size: int, profiler: Any = None) -> dict[str, float]:
    """Edit a ``size``-startup workspace through the window; the figures as a dict (with a
    ``cProfile.Profile``, the edits are profiled)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QTimer

    with tempfile.TemporaryDirectory() as tmp:
        app, window, compare = _window(Path(tmp), size)
        from gui import commands as cmd

        doc, chart = window.doc, compare.map.chart
        beats: list[float] = []
        heart = QTimer()
        heart.setInterval(HEARTBEAT_MS)
        heart.timeout.connect(lambda: beats.append(time.perf_counter()))
        heart.start()
        if profiler is not None:
            profiler.enable()
        shown, cpu = [], []
        startups = doc.portfolio.startups
        for i in range(EDITS):
            st = startups[(i * 7919) % len(startups)]
            a = st.assessments[0]
            old = a.scores.get("tech.threshold")
            level = 1 + ((old.value if old and old.value else 3) + 1 + i % 3) % 5  # another
            draws = chart.draws
            t0, c0 = time.perf_counter(), time.thread_time()
            if i % 3 == 2:
                doc.undo_stack.undo()
                doc.undo_stack.redo()
            else:
                doc.undo_stack.push(cmd.SetScoreField(doc, a.id, "tech.threshold", "value",
                                                      level))
            app.processEvents()
            shown.append((time.perf_counter() - t0) * 1000)
            _settle(app, chart)
            cpu.append((time.thread_time() - c0) * 1000)
            if chart.draws == draws:
                raise RuntimeError("the map was not redrawn after an edit")
        heart.stop()
        if profiler is not None:
            profiler.disable()
        gaps = [b - a for a, b in itertools.pairwise(beats)]
        window.close()
        return {"shown": statistics.median(shown), "cpu": statistics.median(cpu),
                "gap": max(gaps) * 1000 if gaps else 0.0}


def _run_child(size: int) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run([sys.executable, __file__, "--child", str(size)], check=True,
                         capture_output=True, text=True, cwd=ROOT, env=env).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    """Print the figures of both sizes and their ratios."""
    found = {size: _run_child(size) for size in SIZES}
    for size, f in found.items():
        print(f"score edit, {size:,} startups, Compare with the map on screen: shown "
              f"{f['shown']:.1f} ms, processor time with the map redrawn {f['cpu']:.1f} ms "
              f"(medians of {EDITS}); longest heartbeat gap {f['gap']:.0f} ms")
    small, big = found[SIZES[0]], found[SIZES[-1]]
    print(f"ratio {SIZES[-1]:,} / {SIZES[0]:,}: shown ×{big['shown'] / small['shown']:.2f}, "
          f"processor time ×{big['cpu'] / small['cpu']:.2f} (goal ≈ 1)")


def _profile(size: int) -> None:
    import cProfile
    import pstats

    profiler = cProfile.Profile()
    child(size, profiler)
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    if sys.argv[1:2] == ["--child"]:
        print(json.dumps(child(int(sys.argv[2]))))
    elif sys.argv[1:2] == ["--profile"]:
        _profile(int(sys.argv[2]))
    else:
        main()
