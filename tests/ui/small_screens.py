"""Running a measurement in a child process given a small screen: a laptop's 1366×768 at
125 % (1093×614 logical pixels) or 1024×640, through the offscreen platform's screen file and
``QT_SCALE_FACTOR``, with settings in a temporary home."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCREENS = {"1024x640": ((1024, 640), 1.0), "1366x768@1.25": ((1366, 768), 1.25)}


def logical_room(name: str) -> tuple[int, int]:
    """The screen's size in logical pixels (what a window may fill)."""
    (w, h), scale = SCREENS[name]
    return round(w / scale), round(h / scale)


def measure_on(tmp_path: Path, name: str, module: str, *args: str) -> dict[str, Any]:
    """What ``module.measure(*args)`` returns (a JSON-able dict), run in a child process on
    the screen ``name`` of :data:`SCREENS`."""
    (w, h), scale = SCREENS[name]
    screen_file = tmp_path / "screen.json"
    screen_file.write_text(json.dumps({"screens": [
        {"name": name, "x": 0, "y": 0, "width": w, "height": h, "logicalDpi": 96,
         "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen_file}",
           "QT_SCALE_FACTOR": str(scale), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    code = f"import json; from {module} import measure; print(json.dumps(measure(*{args!r})))"
    done = subprocess.run([sys.executable, "-c", code], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found
