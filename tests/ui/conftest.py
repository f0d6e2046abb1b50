"""GUI test fixtures: an isolated settings store and data folder, Qt warnings as failures, a
scripted replacement for every modal dialog, and main windows on a copy of the sample."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import (
    QMimeData,
    QPoint,
    QPointF,
    QSettings,
    QStandardPaths,
    Qt,
    QtMsgType,
    QUrl,
    qInstallMessageHandler,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent

from gui import dialogs
from gui.document import Document
from gui.main_window import MainWindow
from gui.settings import AppSettings
from models.engine.sample import sample_portfolio
from models.store.workspace import Workspace

# Messages Qt prints in an offscreen session that say nothing about our code.
_HARMLESS = (
    "This plugin does not support propagateSizeHints",
    "This plugin does not support raise()",
    "QStandardPaths: XDG_RUNTIME_DIR",
    "propagateSizeHints",
    "This plugin does not support grabbing the keyboard",  # a completer's popup, offscreen
    "This plugin does not support setParent!",  # PySide6 6.6's offscreen platform, a dialog
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
        self.details: list[str] = []  # of each error, in order
        self.problem_dialogs: list = []  # type: ignore[type-arg]
        self.written: list[str] = []  # what each "file written" message said
        self.migration_dialogs: list = []  # type: ignore[type-arg]

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
        self.details.append(details)

    def import_problems(self, parent, title, summary, problems,  # type: ignore[no-untyped-def]
                        question="", accept=""):
        """Builds the real dialog (kept in :attr:`problem_dialogs`, not shown) and answers
        as queued (default: Close / Cancel)."""
        from gui.import_problems import ImportProblemsDialog

        self.problem_dialogs.append(ImportProblemsDialog(parent, self, title, summary,
                                                         problems, question, accept))
        return self._next("import_problems", title, False)

    def exported(self, parent, title, message, note=""):  # type: ignore[no-untyped-def]
        """Answers ``"open"``, ``"folder"`` or, by default, ``"close"``."""
        self.written.append(f"{title}: {message}" + (f"\n{note}" if note else ""))
        return self._next("exported", title, "close")

    def info(self, parent, title, message):  # type: ignore[no-untyped-def]
        self.asked.append(("info", f"{title}: {message}"))

    def open_file(self, parent, title, folder, filters):  # type: ignore[no-untyped-def]
        return self._next("open_file", title, "")

    def open_files(self, parent, title, folder, filters):  # type: ignore[no-untyped-def]
        return self._next("open_files", title, [])

    def save_dialog(self, parent, title, path, filters):  # type: ignore[no-untyped-def]
        """The name queued as ``save_file`` (the dialog's filter: none selected)."""
        return self._next("save_file", title, ""), ""

    def report_options(self, parent, selected, total, ranked_under,  # type: ignore[no-untyped-def]
                       ignore_gates):
        """OK with the dialog's first choice, all startups, unless a test queued another."""
        from gui.report_options import ReportChoice

        self.report_offered = (list(selected), total, ranked_under, ignore_gates)
        return self._next("report_options", "Export report", ReportChoice("all"))

    def migration(self, parent, plan, lang):  # type: ignore[no-untyped-def]
        """Builds the real preview (kept in :attr:`migration_dialogs`, not shown) and
        answers as queued (default: Cancel)."""
        from gui.migration_preview import MigrationDialog

        self.migration_dialogs.append(MigrationDialog(parent, plan, lang))
        return self._next("migration", "migration", False)

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


@pytest.fixture
def doc(qapp) -> Document:  # type: ignore[no-untyped-def]
    """A document on the sample portfolio, with no window."""
    return Document(sample_portfolio())


@pytest.fixture
def compare_view(qtbot, doc: Document, scripted_ask: ScriptedAsk):  # type: ignore[no-untyped-def]
    """The Compare view on :func:`doc`, at 1280×800."""
    from gui.views.compare.view import CompareView

    v = CompareView(doc)
    qtbot.addWidget(v)
    v.resize(1280, 800)
    return v


@pytest.fixture
def sample_file(tmp_path: Path) -> Path:
    """The bundled sample portfolio as a workspace in the test's folder."""
    p = tmp_path / "sample.beachhead"
    Workspace.create(p, sample_portfolio()).close()
    return p


@pytest.fixture
def make_window(qtbot, tmp_path: Path, scripted_ask: ScriptedAsk  # type: ignore[no-untyped-def]
                ) -> Callable[[], MainWindow]:
    """Makes main windows with the test's settings and scripted dialogs; pytest-qt closes
    them at the end."""
    def make() -> MainWindow:
        w = MainWindow(AppSettings())
        qtbot.addWidget(w)
        return w

    return make


@pytest.fixture
def window(qtbot, make_window: Callable[[], MainWindow],  # type: ignore[no-untyped-def]
           sample_file: Path) -> MainWindow:
    """A main window showing a copy of the sample portfolio."""
    w = make_window()
    assert w.files.open_document(sample_file)
    w.show()
    qtbot.waitExposed(w)
    return w


def _drop_files(window: MainWindow, paths: list[Path]) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    enter = QDragEnterEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dragEnterEvent(enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(drop)
    return True


@pytest.fixture
def drop() -> Callable[[MainWindow, list[Path]], bool]:
    """Drags files onto a window and drops them: ``drop(window, paths)``, False when the
    window refuses them."""
    return _drop_files


def build_translation(lang: str) -> None:
    """Build ``lang``'s translation file if it is missing (as ``make translations`` does)."""
    import subprocess
    import sys

    from gui.i18n import qm_path

    if qm_path(lang) is None:
        ts = Path(__file__).resolve().parents[2] / "resources" / "translations" / \
            f"beachhead_{lang}.ts"
        subprocess.run([str(Path(sys.executable).parent / "pyside6-lrelease"), "-silent",
                        str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


@pytest.fixture(autouse=True, scope="session")
def _english(qapp) -> None:  # type: ignore[no-untyped-def]
    """English installed as the application installs it: counts take their plural forms
    ("1 startup", "2 startups") from its translation file."""
    from gui.i18n import install_language

    build_translation("en")
    install_language("en")


@pytest.fixture
def chinese_built() -> Iterator[None]:
    """The Chinese translation built (as ``make translations`` does); English afterwards."""
    from gui.i18n import install_language

    build_translation("zh_CN")
    yield
    install_language("en")
