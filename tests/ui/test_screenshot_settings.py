"""``beachhead --screenshot OUT.png`` (what ``make run`` does without a display) reads the
user's settings but leaves their file as it was: the offscreen window's geometry, the
language and the recent files are not written into it, and no file is made where there was
none."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def _screenshot(tmp_path: Path, *args: str) -> Path:
    """Run ``beachhead --screenshot`` with the settings and data folders in ``tmp_path``;
    returns the settings file's path."""
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "gui.launcher", "--screenshot", str(out),
                           "--size", "1024x700", *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert (QImage(str(out)).width(), QImage(str(out)).height()) == (1024, 700)
    return tmp_path / "cfg" / "Beachhead" / "Beachhead.ini"


def test_a_screenshot_leaves_the_users_settings_file_as_it_was(tmp_path: Path) -> None:
    ini = tmp_path / "cfg" / "Beachhead" / "Beachhead.ini"
    ini.parent.mkdir(parents=True)
    remembered = tmp_path / "deals.beachhead"
    remembered.write_bytes(b"")
    stored = QSettings(str(ini), QSettings.Format.IniFormat)
    stored.setValue("window/geometry", QByteArray(b"\x01\xd9\xd0\xcb\x00\x03\x00\x00"))
    stored.setValue("app/language", "zh_CN")
    stored.setValue("files/recent", [str(remembered), str(tmp_path / "old.beachhead")])
    stored.setValue("files/last_folder", str(tmp_path))
    stored.sync()
    del stored
    before = ini.read_bytes()
    assert b"geometry" in before and b"zh_CN" in before
    assert _screenshot(tmp_path, "--view", "compare") == ini
    assert ini.read_bytes() == before
    assert sorted(p.name for p in ini.parent.iterdir()) == ["Beachhead.ini"]


def test_a_screenshot_makes_no_settings_file(tmp_path: Path) -> None:
    ini = _screenshot(tmp_path, "--view", "welcome", "--lang", "en")
    assert not ini.exists() and not (tmp_path / "cfg" / "Beachhead.ini").exists()
