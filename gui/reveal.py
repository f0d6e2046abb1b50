"""After Beachhead writes a file: open it in the program the system gives its kind, or show it
in the file manager, the file selected where the platform allows.

Show in Folder asks, on Linux, the file manager on the session's D-Bus
(``org.freedesktop.FileManager1.ShowItems``: Files, Dolphin, Nemo, Caja, Thunar…), on Windows
Explorer (``/select,``) and on macOS the Finder (``open -R``); without one of these, or when it
refuses, the folder itself opens. Nothing here waits for the other program: the D-Bus call is
asynchronous and the others are started detached.

:func:`reveal_written` does what the user chose in the message that says a file was written,
and says why when it cannot be done: the file or its folder moved or deleted since, or no
program on the computer set to open its kind.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QUrl
from PySide6.QtGui import QDesktopServices

if TYPE_CHECKING:
    from PySide6.QtDBus import QDBusConnection, QDBusMessage

translate = QCoreApplication.translate

#: How long the file manager has to answer on D-Bus before the folder is opened instead.
DBUS_TIMEOUT_MS = 5000

_SERVICE = "org.freedesktop.FileManager1"
_OBJECT = "/org/freedesktop/FileManager1"


def open_file(path: Path) -> bool:
    """Open ``path`` in the program the system associates with it; False when none."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve())))


def open_folder(path: Path) -> bool:
    """Open the folder that holds ``path``."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(path).resolve().parent)))


def show_in_folder(path: Path) -> None:
    """Show ``path`` selected in the file manager, else open its folder."""
    path = Path(path).resolve()
    if sys.platform == "win32":
        started = QProcess.startDetached("explorer.exe", ["/select,", str(path)])[0]
    elif sys.platform == "darwin":
        started = QProcess.startDetached("open", ["-R", str(path)])[0]
    else:
        started = _ask_file_manager(path)
    if not started:
        open_folder(path)


def reveal_written(path: Path, answer: str) -> str:
    """After ``path`` was written: ``open`` it or show it in its ``folder`` (any other
    ``answer``: nothing). Returns why that could not be done, naming the file ('' when it
    was done, or nothing was asked)."""
    path = Path(path)
    if answer == "open":
        if not path.is_file():
            return translate("Reveal", "{file} is no longer there: it was moved or deleted "
                                       "after it was written.").format(file=path)
        if not open_file(path):
            return translate("Reveal", "No program on this computer is set to open {name}. "
                                       "It is in {folder}.").format(name=path.name,
                                                                   folder=path.parent)
    elif answer == "folder":
        if not path.parent.is_dir():
            return translate("Reveal", "The folder {folder} is no longer there: it was moved "
                                       "or deleted after {name} was written.").format(
                folder=path.parent, name=path.name)
        show_in_folder(path)
    return ""


def session_bus() -> QDBusConnection | None:
    """The session's D-Bus connection, or None without one (or without QtDBus)."""
    try:
        from PySide6.QtDBus import QDBusConnection
    except ImportError:
        return None
    bus = QDBusConnection.sessionBus()
    return bus if bus.isConnected() else None


def show_items_message(path: Path) -> QDBusMessage:
    """The D-Bus call that asks the file manager to show ``path`` selected."""
    from PySide6.QtDBus import QDBusMessage

    message = QDBusMessage.createMethodCall(_SERVICE, _OBJECT, _SERVICE, "ShowItems")
    message.setArguments([[QUrl.fromLocalFile(str(path)).toString()], ""])
    return message


def _ask_file_manager(path: Path) -> bool:
    """Send ShowItems without waiting; if the file manager refuses or does not answer, the
    folder opens instead. False when there is no session bus to ask."""
    bus = session_bus()
    if bus is None:
        return False
    from PySide6.QtDBus import QDBusPendingCallWatcher

    call = bus.asyncCall(show_items_message(path), DBUS_TIMEOUT_MS)
    watcher = QDBusPendingCallWatcher(call, _owner())

    def answered(done: QDBusPendingCallWatcher) -> None:
        if done.isError():
            open_folder(path)
        done.deleteLater()

    watcher.finished.connect(answered)
    return True


def _owner() -> QObject | None:
    """What keeps a pending call's watcher alive until it is answered."""
    return QCoreApplication.instance()
