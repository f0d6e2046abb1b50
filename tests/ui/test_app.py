"""Application start-up: later starts, screenshot mode, crash handling (the first start and
the welcome page: test_welcome)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from gui import app as app_module
from gui.settings import AppSettings
from models.engine.sample import sample_portfolio
from models.files.portfolio_file import save_portfolio

ROOT = Path(__file__).resolve().parents[2]


def test_window_geometry_is_remembered(qtbot, make_window):
    w = make_window()
    w.show()
    qtbot.waitExposed(w)
    w.resize(790, 570)
    qtbot.waitUntil(lambda: w.width() == 790)
    w.close()
    assert AppSettings().geometry is not None
    w2 = make_window()
    assert (w2.width(), w2.height()) == (790, 570)


def test_crash_handler_explains_without_a_traceback(make_window, tmp_path, scripted_ask,
                                                    monkeypatch):
    w = make_window()
    w.doc.portfolio.startups.extend(sample_portfolio().startups[:1])
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    app_module.install_crash_handler(lambda: w)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    (message,) = scripted_ask.errors()
    assert "every change was written" in message and "Traceback" not in message
    assert "beachhead.log" in message


@pytest.mark.parametrize("view", ["assess", "compare", "framework", "editor", "rules",
                                  "migration"])
def test_screenshot_mode(tmp_path, view):
    src = tmp_path / "s.beachhead"
    save_portfolio(sample_portfolio(), src)
    out = tmp_path / f"{view}.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.run(
        [sys.executable, "-m", "gui.launcher", str(src), "--screenshot", str(out), "--view", view,
         "--startup", "Lumenreel", "--size", "1280x800"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    assert "Traceback" not in proc.stderr


def test_screenshot_mode_errors(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(tmp_path / "cfg"), "XDG_DATA_HOME": str(tmp_path / "data")}
    src = tmp_path / "s.beachhead"
    save_portfolio(sample_portfolio(), src)
    proc = subprocess.run(
        [sys.executable, "-m", "gui.launcher", str(src), "--screenshot", str(tmp_path / "x.png"),
         "--startup", "Nobody"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "no startup named 'Nobody'" in proc.stderr
    proc = subprocess.run(
        [sys.executable, "-m", "gui.launcher", str(tmp_path / "missing.beachhead"),
         "--screenshot", str(tmp_path / "x.png")], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=120)
    assert proc.returncode == 1 and "no such portfolio file" in proc.stderr
    assert "Traceback" not in proc.stderr


@pytest.mark.parametrize(("argv", "first"), [
    (["--startup", "report", "deals.beachhead"], "deals.beachhead"),
    (["deals.beachhead", "--view", "compare"], "deals.beachhead"),
    (["--lang", "zh_CN", "score", "x.beachhead"], "score"),
    (["--screenshot", "import", "--", "--odd.beachhead"], "--odd.beachhead"),
    (["--size", "1280x800"], None),
])
def test_option_values_are_never_taken_for_commands(argv, first):
    from gui.launcher import first_positional

    assert first_positional(argv) == first


def test_a_startup_called_like_a_command_opens_the_window(tmp_path):
    src = tmp_path / "s.beachhead"
    save_portfolio(sample_portfolio(), src)
    done = subprocess.run(
        [sys.executable, "-m", "gui.launcher", str(src), "--startup", "report",
         "--screenshot", str(tmp_path / "x.png")],
        capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    # the window's own check answers (no such startup), not the report command's usage error
    assert done.returncode == 1
    assert "no startup named 'report'" in done.stderr
    assert "usage" not in done.stderr


def test_the_windows_help_names_every_command():
    from gui.app import build_parser
    from models.cli.main import COMMANDS

    description = build_parser().description or ""
    assert all(f" {c}," in description or f" {c})" in description or f"({c}," in description
               for c in COMMANDS), description
