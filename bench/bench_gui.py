"""Desktop benchmarks.

1. Start-up with a document: ``beachhead FILE`` in a fresh interpreter, on the bundled sample
   and on a 10,000-startup workspace, and the sample reopened as the last file (``beachhead``
   with nothing named). Printed: the time from the interpreter's first line to the main
   window's first paint (its chrome: menus, tool bar, tabs, status bar) against a bare PySide6
   ``QMainWindow``'s first paint measured the same way in the same run (goal ≤ 2.5 × whatever
   the document's size), the time until the document is filled in (bound to the views and
   painted), and the longest gap of a 10 ms heartbeat timer between the first paint and then
   (how long the window could not paint while the document loaded). Medians of interleaved
   runs, each in its own process, with settings in a temporary folder; the modules'
   bytecode is written by a first run (in a temporary folder), as an installed program
   starts, not compiled at every start as ``PYTHONDONTWRITEBYTECODE`` would have it.
2. Editing: one score edit on a 500-startup portfolio until every open view has updated
   (the undo command, the re-score, the list, the results panel and the Compare table;
   matplotlib charts redraw later, when idle). Goal: median ≤ 30 ms.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5
BIG = 10_000
#: Where the children keep the bytecode of the modules they import ('' : nowhere, as
#: PYTHONDONTWRITEBYTECODE may ask), set by :func:`startup`.
_BYTECODE = ""

# Both children print the time of the main window's first paint event.
_FIRST_PAINT = """
from PySide6.QtCore import QEvent, QObject, QTimer
class FirstPaint(QObject):
    at = None
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and FirstPaint.at is None:
            FirstPaint.at = time.perf_counter()
            QTimer.singleShot(0, app.quit)
        return False
watch = FirstPaint()
"""

_BARE = """
import time; t0 = time.perf_counter()
import json
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
""" + _FIRST_PAINT + """
w = QMainWindow(); w.installEventFilter(watch); w.resize(1280, 800); w.show()
app.exec()
print(json.dumps({"paint": (FirstPaint.at - t0) * 1000}))
"""

# ``beachhead FILE`` (or ``beachhead`` reopening the last file) through gui.app.run; the
# application's event filter notes the window's first paint, when the document is bound to
# the views (documentChanged), and the first paint after that; a heartbeat runs between.
_APP = """
import time; t0 = time.perf_counter()
import json, sys
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(["beachhead"])
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[1])
FILE, REOPEN = sys.argv[2], sys.argv[3] == "reopen"  # (the settings name it last)
marks, beats = {}, []
heart = QTimer(); heart.setInterval(10)
heart.timeout.connect(lambda: beats.append(time.perf_counter()))
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() != QEvent.Type.Paint:
            return False
        if "paint" not in marks and obj.objectName() == "mainWindow":
            marks["paint"] = time.perf_counter()
            heart.start()
            obj.documentChanged.connect(lambda: marks.setdefault("bound", time.perf_counter()))
            if getattr(obj, "_doc", None) is not None and obj._doc.workspace is not None:
                marks["bound"] = marks["filled"] = marks["paint"]  # opened before painting
                heart.stop()
                QTimer.singleShot(0, app.quit)
        elif "bound" in marks and "filled" not in marks:
            marks["filled"] = time.perf_counter()
            heart.stop()
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch(); app.installEventFilter(watch)
from gui.app import run
run([] if REOPEN else [FILE])
window = next(w for w in app.topLevelWidgets() if w.objectName() == "mainWindow")
assert len(window.doc.portfolio.startups) == int(sys.argv[4]), "not the document asked for"
gaps = [b - a for a, b in zip([marks["paint"], *beats], [*beats, marks["filled"]])]
print(json.dumps({"paint": (marks["paint"] - t0) * 1000, "filled": (marks["filled"] - t0) * 1000,
                  "stall": max(gaps) * 1000}))
"""


def _child(code: str, *args: str) -> dict[str, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    if _BYTECODE:  # as an installed program starts: its modules' bytecode written before
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = _BYTECODE
    out = subprocess.run([sys.executable, "-c", code, *args], check=True, capture_output=True,
                         text=True, cwd=ROOT, env=env).stdout.strip().splitlines()[-1]
    return json.loads(out)


def _workspaces(folder: Path) -> dict[str, tuple[Path, int]]:
    """The bundled sample and a 10,000-startup portfolio, as workspace files in ``folder``,
    with their numbers of startups."""
    from models.engine.sample import sample_portfolio, synthetic_portfolio
    from models.store.workspace import Workspace

    made = {}
    for name, portfolio in (("sample", sample_portfolio()),
                            (f"{BIG:,} startups", synthetic_portfolio(BIG, seed=1))):
        path = folder / f"{name.split()[0]}.beachhead"
        Workspace.create(path, portfolio).close()
        made[name] = (path, len(portfolio.startups))
    return made


def _last_file(folder: Path, path: Path) -> None:
    """Settings in ``folder`` (the user's, as the child points them) naming ``path`` as the
    last file opened, written before the child starts."""
    from PySide6.QtCore import QSettings

    from gui.settings import AppSettings

    store = QSettings(str(folder / "Beachhead" / "Beachhead.ini"), QSettings.Format.IniFormat)
    AppSettings(store).add_recent_file(path)
    store.sync()


def startup() -> None:
    """Print the first paint with a document against a bare QMainWindow's, and the time
    until the document is filled in."""
    global _BYTECODE
    with tempfile.TemporaryDirectory() as tmp:
        files = _workspaces(Path(tmp))
        cases = [(name, *made, "file") for name, made in files.items()]
        cases.append(("sample reopened", *files["sample"], "reopen"))
        bare: list[float] = []
        found: dict[str, list[dict[str, float]]] = {name: [] for name, *_ in cases}
        _BYTECODE = str(Path(tmp) / "bytecode")
        _child(_BARE)  # bytecode written for both, as after a program's installation
        _child(_APP, str(Path(tmp) / "warm-up"), str(files["sample"][0]), "file", "8")
        for run in range(RUNS):  # interleaved, so load on the machine hits all alike
            bare.append(_child(_BARE)["paint"])
            for name, path, size, how in cases:
                settings = Path(tmp) / f"settings-{run}-{how}"
                if how == "reopen":
                    _last_file(settings, path)
                found[name].append(_child(_APP, str(settings), str(path), how, str(size)))
    b = statistics.median(bare)
    print(f"first paint: bare QMainWindow {b:.0f} ms (median of {RUNS})")
    for name, runs in found.items():
        paint, filled, stall = (statistics.median(r[k] for r in runs)
                                for k in ("paint", "filled", "stall"))
        print(f"  beachhead {name}: window painted {paint:.0f} ms (×{paint / b:.2f}, goal "
              f"≤ 2.5), document filled in {filled:.0f} ms, longest stall between "
              f"{stall:.0f} ms")


def editing() -> None:
    """Print the median time of a score edit until every view has updated (500 startups)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import tempfile

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    from gui import commands as cmd
    from gui.document import Document
    from gui.main_window import MainWindow
    from gui.settings import AppSettings
    from models.engine.sample import synthetic_portfolio

    tmp = tempfile.mkdtemp()
    w = MainWindow(AppSettings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)))
    w.resize(1280, 800)
    w.show()
    doc = Document(synthetic_portfolio(500, seed=2), None, w)
    w.replace_document(doc)
    w.late_start()
    views = ["assess"]
    if w.ensure_compare_view() is not None:
        views.append("compare")
    app.processEvents()
    st = doc.portfolio.startups[250]
    w.assess_view.select_startup(st.id)
    aid = st.assessments[0].id
    app.processEvents()
    from PySide6.QtTest import QTest

    times = []
    for i in range(40):
        level = 1 + i % 5
        t0 = time.perf_counter()
        doc.undo_stack.push(cmd.SetScoreField(doc, aid, "tech.threshold", "value", level))
        app.processEvents()
        times.append((time.perf_counter() - t0) * 1000)
        QTest.qWait(300)  # idle: the charts redraw here, outside the measured edit
    doc.undo_stack.setClean()
    w.close()
    print(f"score edit → {' + '.join(views)} updated, 500 startups: median "
          f"{statistics.median(times):.1f} ms, p90 {sorted(times)[int(len(times) * 0.9)]:.1f} ms "
          "(goal ≤ 30 ms median)")


def main() -> None:
    """Run both desktop benchmarks."""
    startup()
    editing()


if __name__ == "__main__":
    main()
