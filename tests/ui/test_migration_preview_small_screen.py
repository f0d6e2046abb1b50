"""The migration preview on a laptop's screen, 1366×768 at 125 % (1093×614 logical pixels)
and 1024×640: the dialog fits the screen, so Migrate and Cancel at its foot can be reached.
Measured in a child process given that screen."""

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
    """In this process's screen: the screen's room, the dialog's frame and its Migrate
    button's bottom right corner, once shown."""
    from PySide6.QtWidgets import QApplication

    from gui.migration_preview import MigrationDialog
    from models.engine.migration_plan import plan_migration
    from models.engine.sample import sample_portfolio
    from tests.domain.test_framework_migration import traction_framework

    app = QApplication.instance() or QApplication([])
    port = sample_portfolio()
    dialog = MigrationDialog(None, plan_migration(port, traction_framework(port.framework)),
                             "en")
    dialog.show()
    for _ in range(20):
        app.processEvents()
    room, frame = dialog.screen().availableGeometry(), dialog.frameGeometry()
    button = dialog.migrate_button
    corner = button.mapToGlobal(button.rect().bottomRight())
    return {"room": [room.x(), room.y(), room.width(), room.height()],
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()],
            "button": [corner.x(), corner.y()]}


@pytest.mark.parametrize("name", list(SCREENS))
def test_the_preview_fits_a_laptop_screen(tmp_path: Path, name: str) -> None:
    (w, h), scale = SCREENS[name]
    screen_file = tmp_path / "screen.json"
    screen_file.write_text(json.dumps({"screens": [
        {"name": name, "x": 0, "y": 0, "width": w, "height": h, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen_file}",
           "QT_SCALE_FACTOR": str(scale), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    code = ("import json; from tests.ui.test_migration_preview_small_screen import measure; "
            "print(json.dumps(measure()))")
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stdout.strip().splitlines()[-1])
    _, _, rw, rh = found["room"]
    assert (rw, rh) == (round(w / scale), round(h / scale))
    fx, fy, fw, fh = found["frame"]
    assert fw <= rw and fh <= rh, found
    bx, by = found["button"]
    assert by - fy < rh and bx - fx < rw, found
