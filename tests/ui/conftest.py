"""GUI test fixtures: an isolated settings store and data folder, Qt warnings as failures, and
a scripted replacement for every modal dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, QtMsgType, qInstallMessageHandler

from gui import dialogs

# Messages Qt prints in an offscreen session that say nothing about our code.
_HARMLESS = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise()",
    "QStandardPaths: XDG_RUNTIME_DIR",
    "propagateSizeHints",
)


@pytest.fixture(autouse=True)
def _isolated_paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """QSettings and the application data folder live in the test's temporary folder."""
    QStandardPaths.setTestModeEnabled(True)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield


@pytest.fixture(autouse=True)
def _fail_on_qt_warnings() -> Iterator[None]:
    """Any Qt warning, critical or fatal message during a test fails it."""
    problems: list[str] = []

    def handler(mode, _context, message: str) -> None:  # type: ignore[no-untyped-def]
        if mode in (QtMsgType.QtWarningMsg, QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg) \
                and not any(h in message for h in _HARMLESS):
            problems.append(message)

    previous = qInstallMessageHandler(handler)
    yield
    qInstallMessageHandler(previous)
    assert not problems, f"Qt warnings: {problems}"


class ScriptedAsk(dialogs.Ask):
    """Answers dialogs from queues set by the test; records every question asked."""

    def __init__(self) -> None:
        self.answers: dict[str, list[object]] = {}
        self.asked: list[tuple[str, str]] = []

    def queue(self, kind: str, *answers: object) -> None:
        """Queue answers for ``kind`` (text, confirm, save_changes, open_file, ...)."""
        self.answers.setdefault(kind, []).extend(answers)

    def _next(self, kind: str, title: str, default: object) -> object:
        self.asked.append((kind, title))
        queue = self.answers.get(kind)
        return queue.pop(0) if queue else default

    def text(self, parent, title, label, default=""):  # type: ignore[no-untyped-def]
        return self._next("text", title, None)

    def confirm(self, parent, title, message):  # type: ignore[no-untyped-def]
        return self._next("confirm", title, False)

    def save_changes(self, parent, name):  # type: ignore[no-untyped-def]
        return self._next("save_changes", name, "cancel")

    def error(self, parent, title, message, details=""):  # type: ignore[no-untyped-def]
        self.asked.append(("error", f"{title}: {message}"))

    def info(self, parent, title, message):  # type: ignore[no-untyped-def]
        self.asked.append(("info", f"{title}: {message}"))

    def open_file(self, parent, title, folder, filters):  # type: ignore[no-untyped-def]
        return self._next("open_file", title, "")

    def open_files(self, parent, title, folder, filters):  # type: ignore[no-untyped-def]
        return self._next("open_files", title, [])

    def save_file(self, parent, title, path, filters):  # type: ignore[no-untyped-def]
        return self._next("save_file", title, "")

    def errors(self) -> list[str]:
        """The error messages shown so far."""
        return [t for k, t in self.asked if k == "error"]


@pytest.fixture
def scripted_ask(monkeypatch: pytest.MonkeyPatch) -> ScriptedAsk:
    """Replace every dialog with scripted answers (default: cancel / no / empty)."""
    import importlib
    import pkgutil

    import gui

    fake = ScriptedAsk()
    for info in pkgutil.walk_packages(gui.__path__, "gui."):
        mod = importlib.import_module(info.name)
        if isinstance(getattr(mod, "ask", None), dialogs.Ask):
            monkeypatch.setattr(mod, "ask", fake)
    return fake
