"""Starting the desktop application: arguments, what the window opens (a file, the last one,
else the welcome page), crash handling and the ``--screenshot`` mode used for documentation
and visual checks."""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSize, QTimer
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from gui.screenshot_pages import PAGES, page

if TYPE_CHECKING:
    from gui.document import Document
    from gui.main_window import MainWindow

log = logging.getLogger("beachhead")

VIEWS = ("assess", "compare", "framework")
#: The desktop entry the running window belongs to (``resources/beachhead.desktop``): the
#: desktop shows the entry's icon and name for it and groups its windows.
DESKTOP_FILE_NAME = "beachhead"


def _size(value: str) -> QSize:
    try:
        w, h = (int(x) for x in value.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a size like 1280x800") from None
    if w < 400 or h < 300:
        raise argparse.ArgumentTypeError("the window must be at least 400x300")
    if w > 7680 or h > 4320:
        raise argparse.ArgumentTypeError("the window can be at most 7680x4320")
    return QSize(w, h)


def _has_display() -> bool:
    """True when Qt can open a window: a desktop session, or a platform chosen explicitly."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def build_parser() -> argparse.ArgumentParser:
    """Arguments of the desktop application."""
    p = argparse.ArgumentParser(prog="beachhead", description=(
        "Open Beachhead's window. Subcommands (score, sample, analyze, export, template, import, "
        "report, copy, history, workspace, framework) run without a window: see "
        "'beachhead COMMAND --help'."))
    p.add_argument("file", nargs="?", metavar="FILE", help=(
        "a .beachhead portfolio to open, or a team workspace's address "
        "(postgresql://USER@HOST/DATABASE; the password comes from ~/.pgpass)"))
    p.add_argument("--screenshot", metavar="OUT.png",
                   help="render the window to a PNG and exit")
    p.add_argument("--view", choices=VIEWS + PAGES, default="assess", help=(
        "view to show; for a screenshot also 'welcome' (the welcome page), 'guide' (the user "
        "guide's window), 'editor' and 'rules' (the framework editor's Structure and Rules "
        "tabs) or 'migration' (the preview of moving to the shipped Traction framework)"))
    p.add_argument("--startup", metavar="NAME", help="startup to select in the Assess view")
    p.add_argument("--size", type=_size, default=None, metavar="WxH",
                   help="window size (default 1280x800 for screenshots)")
    p.add_argument("--lang", choices=["en", "zh_CN"], default=None,
                   help="interface language (default: the remembered choice, else the system's)")
    return p


def install_crash_handler(window_getter: Callable[[], MainWindow | None]) -> None:
    """Log unexpected exceptions and tell the user — never a bare traceback, never a silent
    exit. Every edit is on disk before the window shows it, so nothing needs rescuing."""
    from gui.settings import data_folder

    log_path = data_folder() / "beachhead.log"

    def handler(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        try:
            with open(log_path, "a", encoding="utf-8") as fh:
                fh.write(details + "\n")
        except OSError:
            pass
        window = window_getter()
        if window is not None and _connection_lost(window, exc):
            return  # the status bar says so; the window reconnects by itself
        if window is not None:
            from gui.dialogs import ask

            message = QCoreApplication.translate(
                "App", "Something went wrong inside Beachhead. Your work is safe: every "
                "change was written to the portfolio's file as you made it. You can carry on; "
                "if it happens again, restart Beachhead and report the problem with the "
                "details written to {log}.").format(log=log_path)
            try:
                ask.error(window, QCoreApplication.translate("App", "Unexpected problem"),
                          message, details)
            except Exception:
                print(message, file=sys.stderr)
        else:
            print(details, file=sys.stderr)

    sys.excepthook = handler


def _connection_lost(window: MainWindow, exc: BaseException) -> bool:
    """Whether ``exc`` is a read of a team workspace (a view's) cut off because its server
    went away: the window's watch is told instead of the user being shown an unexpected
    problem, since nothing is wrong inside Beachhead."""
    from gui.workspace_watch import is_lost

    if not is_lost(exc):
        return False
    watch = window.doc.watch
    return watch is not None and watch.failed(exc)


def run(argv: Sequence[str] | None = None) -> int:
    """Start the desktop application; returns its exit status."""
    parser = build_parser()
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.file and not _is_address(args.file) and not Path(args.file).is_file():
        print(f"{args.file}: no such portfolio file", file=sys.stderr)
        return 1
    if args.screenshot and not os.environ.get("QT_QPA_PLATFORM") and not _has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a screenshot needs no screen
    if not args.screenshot and not _has_display():
        print("beachhead: no display to open the window on. Run it in a desktop session, use "
              "--screenshot OUT.png, or set QT_QPA_PLATFORM=offscreen.", file=sys.stderr)
        return 1
    app = cast(QApplication, QApplication.instance() or QApplication([sys.argv[0]]))
    name_application(app)

    from gui.i18n import choose_language, install_language
    from gui.main_window import MainWindow
    from gui.settings import AppSettings, detach_settings

    # a picture reads the user's settings but never writes them (nor the window's geometry)
    scratch = tempfile.TemporaryDirectory(prefix="beachhead-") if args.screenshot else None
    if scratch is not None:
        detach_settings(scratch.name)
    settings = AppSettings()
    install_language(choose_language(args.lang, settings.language), app)
    window = MainWindow(settings)
    # a screenshot runs unattended: a fault is printed, never a dialog that waits for a click
    install_crash_handler(lambda: None if args.screenshot else window)
    if args.screenshot:
        return _screenshot(app, window, args)
    window.start_with(lambda: open_initial(window, args.file))  # once it has painted
    window.show()
    return app.exec()


def name_application(app: QApplication) -> None:
    """Name the application for its settings, its windows' titles and the desktop (whose
    entry gives the windows their icon and name in a task bar)."""
    app.setOrganizationName("Beachhead")
    app.setApplicationName("Beachhead")
    app.setApplicationDisplayName("Beachhead")
    QGuiApplication.setDesktopFileName(DESKTOP_FILE_NAME)


def _is_address(location: str) -> bool:
    """Whether ``location`` is a team workspace's address (never made a ``Path``, which would
    fold its ``//``). A file's name is told without importing the database drivers, which
    would hold the window's first paint."""
    if "://" not in location:
        return False
    from models.store.server import is_server_address

    return is_server_address(location)


def open_initial(window: MainWindow, file: str | None) -> bool:
    """What the window opens at start, once it has painted: ``file`` (a file or an address),
    else the last file or team workspace, read in the background while the window paints
    (:meth:`~gui.portfolio_files.PortfolioFiles.open_in_background`: True); the welcome page
    when there is neither (the first start, or the last file is gone: False), or after
    saying why it cannot be opened."""
    location = file
    if not location:
        recent = window.settings.recent_files
        if recent and (_is_address(recent[0]) or Path(recent[0]).exists()):
            location = recent[0]
    if not location:
        window.welcome.show_page()
        return False
    window.files.open_in_background(location)
    return True


def _screenshot(app: QApplication, window: MainWindow, args: argparse.Namespace) -> int:
    """Render the window (or the user guide's) as ``args`` ask to a PNG; the exit status."""
    if args.file or args.view != "welcome":
        doc = _screenshot_document(window, args.file)
        if doc is None:
            return 1
        window.replace_document(doc)
    window.resize(args.size or QSize(1280, 800))
    window.show()
    window.late_start()
    if args.startup:
        st = window.doc.portfolio.find_startup(args.startup)
        if st is None:
            print(f"{window.doc.path or window.doc.display_name()}: no startup named "
                  f"'{args.startup}'", file=sys.stderr)
            return 1
        window.assess_view.select_startup(st.id)
    shown: QWidget = window
    if args.view in PAGES:  # the welcome page, or a window of its own at the size asked
        shown = page(window, args.view, args.size or QSize(1280, 800))
    else:
        window.show_view(args.view)
    for _ in range(3):
        app.processEvents()
    grabbed: list[QPixmap] = []  # before quitting, which closes (and deletes) the guide

    def grab() -> None:
        grabbed.append(shown.grab())
        app.quit()

    QTimer.singleShot(400, grab)
    app.exec()
    out = Path(args.screenshot)
    out.parent.mkdir(parents=True, exist_ok=True)
    if not grabbed or not grabbed[0].save(str(out)):
        print(f"{out}: could not write the screenshot", file=sys.stderr)
        return 1
    window.close()
    print(f"wrote {out}", file=sys.stderr)
    return 0


def _screenshot_document(window: MainWindow, file: str | None) -> Document | None:
    """The portfolio a screenshot shows: ``file`` (a JSON portfolio as it is, not converted:
    a picture changes nothing), else the bundled sample, in memory (nothing is written);
    ``None`` after saying why it cannot be read."""
    from gui.document import Document
    from models.core.errors import InputError
    from models.engine.sample import sample_portfolio
    from models.files.portfolio_file import load_portfolio
    from models.store.sqlite import is_workspace

    if not file:
        return Document(sample_portfolio(), None, window)
    try:
        if _is_address(file) or is_workspace(Path(file)):
            return Document.open(file if _is_address(file) else Path(file), window)
        return Document(load_portfolio(Path(file)), Path(file), window)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return None
