"""The framework editor opened from the Framework view (Edit Framework…) on a small screen,
1024×640 and 1366×768 at 125 % (1093×614 logical pixels): the window fits the screen, so
Save As… and Use in Portfolio… at its foot can be reached. Measured in a child process given
that screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {"1024x640": ((1024, 640), 1.0), "1366x768@1.25": ((1366, 768), 1.25)}


def measure() -> dict[str, list[int]]:
    """In this process's screen: the screen's room and the editor's frame once opened."""
    from PySide6.QtWidgets import QApplication

    from gui.document import Document
    from gui.views.framework.view import FrameworkView
    from models.engine.sample import sample_portfolio

    app = QApplication.instance() or QApplication([])
    view = FrameworkView(Document(sample_portfolio()))
    view.show()
    editor = view.edit_framework()
    assert editor is not None
    for _ in range(20):
        app.processEvents()
    room, frame = editor.screen().availableGeometry(), editor.frameGeometry()
    button = editor.use_button  # type: ignore[attr-defined]
    corner = button.mapToGlobal(button.rect().bottomRight())
    return {"room": [room.x(), room.y(), room.width(), room.height()],
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "use_button": [corner.x(), corner.y()]}


@pytest.mark.parametrize("name", list(SCREENS))
def test_the_editor_fits_a_small_screen(tmp_path: Path, name: str) -> None:
    (w, h), scale = SCREENS[name]
    screen_file = tmp_path / "screen.json"
    screen_file.write_text(json.dumps({"screens": [
        {"name": name, "x": 0, "y": 0, "width": w, "height": h, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen_file}",
           "QT_SCALE_FACTOR": str(scale), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    code = ("import json; from tests.ui.test_framework_editor_small_screen import measure; "
            "print(json.dumps(measure()))")
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    rx, ry, rw, rh = found["room"]
    assert (rw, rh) == (round(w / scale), round(h / scale))
    fx, fy, fw, fh = found["frame"]
    assert rx <= fx and ry <= fy and fx + fw <= rx + rw and fy + fh <= ry + rh, found
    bx, by = found["use_button"]
    assert bx < rx + rw and by < ry + rh, found
