"""The open portfolio's file: New, Open (an old JSON portfolio is converted into a workspace
beside it), Open Team Workspace (on a PostgreSQL server, by its address), Save a Copy, the
sample (opened as a copy the user keeps, never the bundled file) and the recent files (files
and addresses).

A workspace needs no saving: every edit is written to it as it is made. Only a scratch
portfolio (the empty one shown before anything is opened) lives in memory; before its changes
would be lost the user is asked whether to keep them in a workspace file."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gui.dialogs import ask, with_suffix

if TYPE_CHECKING:
    from gui.document import Document
    from gui.main_window import MainWindow

# The suffix of workspaces (old JSON portfolios have it too).
SUFFIX = ".beachhead"


class PortfolioFiles(QObject):
    """New, Open, Save a Copy and the recent files for ``window``'s portfolio (its
    :attr:`~gui.main_window.MainWindow.doc`), remembering folders and recent files in the
    window's settings."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def _filters(self) -> str:
        return self.tr("Beachhead portfolios (*.beachhead)")

    def _ask_new_file(self, title: str, name: str) -> Path | None:
        """Where to keep a new file: asked, starting in the folder used last (else the
        user's documents) with ``name``."""
        w = self.window
        folder = w.settings.last_folder or documents_folder()
        chosen = ask.save_file(w, title, str(Path(folder) / name), self._filters())
        return with_suffix(chosen, SUFFIX) if chosen else None

    # -- scratch portfolios -----------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when the open portfolio may go now: a workspace always (everything is on
        disk); a scratch portfolio with changes only once the user has kept it in a file or
        chosen to discard it."""
        doc = self.window.doc
        if not doc.is_modified():
            return True
        answer = ask.save_changes(self.window, doc.display_name())
        if answer == "save":
            return self.save_copy()
        return answer == "discard"

    # -- new and open -----------------------------------------------------------------------
    def new_document(self) -> bool:
        """Ask where to keep a new, empty portfolio, create that workspace and open it."""
        if not self.maybe_save():
            return False
        path = self._ask_new_file(self.tr("New portfolio"), "portfolio.beachhead")
        if path is None:
            return False
        from gui.document import Document
        from models.core.portfolio import Portfolio
        from models.files.framework_file import default_framework

        return self._created(path, lambda: Document.create(
            path, Portfolio(framework=default_framework()), self.window, self.who()))

    def open_sample(self) -> bool:
        """Keep a copy of the bundled sample in a new workspace file the user chooses (the
        documents folder at first) and open it: every change goes to that copy, as in any
        workspace; the sample itself is never written anywhere."""
        if not self.maybe_save():
            return False
        folder = Path(self.window.settings.last_folder or documents_folder())
        path = self._ask_new_file(self.tr("Keep a copy of the sample"), free_name(
            folder, self.tr("Beachhead sample")))
        if path is None:
            return False
        from gui.document import Document
        from models.engine.sample import sample_portfolio

        if not self._created(path, lambda: Document.create(path, sample_portfolio(),
                                                           self.window, self.who())):
            return False
        self.window.statusBar().showMessage(self.tr(
            "{name} is your own copy of the sample: change anything in it. File ▸ New "
            "starts a portfolio of your own.").format(name=path.name), 20000)
        return True

    def open_document(self, path: Path | None = None) -> bool:
        """Open ``path`` (or ask for one); an old JSON portfolio is converted into a workspace
        beside it, which opens. True on success."""
        w = self.window
        if path is None:
            chosen = ask.open_file(w, self.tr("Open portfolio"), w.settings.last_folder,
                                   self._filters())
            if not chosen:
                return False
            path = Path(chosen)
        if not self.maybe_save():
            return False
        from gui.document import Document
        from models.core.errors import InputError

        with _collector_paused():
            try:
                doc = Document.open(path, w, self.who())
            except (InputError, OSError) as exc:
                if not Path(path).exists():
                    w.settings.remove_recent_file(path)
                ask.error(w, self.tr("Cannot open portfolio"),
                          self.tr("{name} could not be opened: {reason}").format(
                              name=Path(path).name, reason=_reason(exc)))
                return False
            w.replace_document(doc)
        self._remember(doc.path or path)
        if doc.converted_from is not None and doc.path is not None:
            w.statusBar().showMessage(self.tr(
                "{old} is an older portfolio file: it was converted into {new} beside it, "
                "which keeps every change as you make it ({old} is unchanged).").format(
                    old=doc.converted_from.name, new=doc.path.name), 15000)
        return True

    def open_location(self, location: str) -> bool:
        """Open a recent file or team workspace (an address stays text: a ``Path`` would
        fold its ``//``)."""
        from models.store.server import is_server_address

        if is_server_address(location):
            return self.open_team_workspace(location)
        return self.open_document(Path(location))

    def open_team_workspace(self, address: str | None = None) -> bool:
        """Open the team workspace at a server's ``address`` (or ask for one); True on
        success. The address is remembered without its password."""
        from gui.team_dialog import short_name, team_ask

        w = self.window
        if address is None:
            address = team_ask.address(w, w.settings.recent_addresses)
            if not address:
                return False
        if not self.maybe_save():
            return False
        from gui.document import Document
        from gui.settings import without_password
        from models.core.errors import InputError

        with _collector_paused():
            try:
                doc = Document.open(address, w, self.who())
            except (InputError, OSError, ValueError) as exc:
                reason = _reason(exc)
                if "password" in reason:
                    reason += " " + self.tr("(Beachhead never asks for a password: keep it in "
                                            "~/.pgpass or a service file.)")
                ask.error(w, self.tr("Cannot open the team workspace"), self.tr(
                    "{name} could not be opened: {reason}").format(
                        name=short_name(address), reason=reason), without_password(address))
                return False
            w.replace_document(doc)
        w.settings.add_recent_file(address)
        return True

    def who(self) -> str | None:
        """The name this window's changes are recorded under, set in Edit ▸ Preferences
        (``None``: the operating system's user name)."""
        return self.window.settings.user_name or None

    def _remember(self, path: Path) -> None:
        self.window.settings.add_recent_file(path)
        self.window.settings.last_folder = str(Path(path).resolve().parent)

    # -- copies -----------------------------------------------------------------------------
    def save_copy(self) -> bool:
        """Write a copy of the portfolio to a file the user chooses. The copy of a workspace
        is a consistent snapshot and the window stays on the original; a scratch portfolio
        becomes the new workspace, which the window then shows."""
        w = self.window
        doc = w.doc
        path = self._ask_new_file(self.tr("Save a copy"), _copy_name(doc))
        if path is None:
            return False
        if doc.workspace is None:
            from gui.document import Document

            return self._created(path, lambda: Document.create(path, doc.portfolio, w,
                                                               self.who()))
        from models.core.errors import InputError

        try:
            if doc.watch is not None:  # from a server: refused at once while it is away
                with doc.watch.writing():
                    doc.workspace.copy_to(path)
            else:
                doc.workspace.copy_to(path)
        except (InputError, OSError) as exc:
            ask.error(w, self.tr("Cannot save a copy"), _message(exc, path))
            return False
        self.window.settings.last_folder = str(path.resolve().parent)
        w.statusBar().showMessage(self.tr("Saved a copy as {name}").format(name=path.name),
                                  6000)
        self._offer_copy(path)
        return True

    def _offer_copy(self, path: Path) -> None:
        """Say where the copy is, offering to open it in this window or show it in its
        folder."""
        from gui.reveal import show_in_folder

        answer = ask.exported(self.window, self.tr("Copy saved"), self.tr(
            "Saved a copy of {name} as {file}. This window stays on {name}.").format(
                name=self.window.doc.display_name(), file=path))
        if answer == "open":
            self.open_document(path)
        elif answer == "folder":
            show_in_folder(path)

    def _created(self, path: Path, make: Callable[[], Document]) -> bool:
        """Show the workspace ``make()`` creates at ``path``, or say why it could not be."""
        from models.core.errors import InputError

        w = self.window
        try:
            doc = make()
        except (InputError, OSError) as exc:
            ask.error(w, self.tr("Cannot create the portfolio"), _message(exc, path))
            return False
        w.replace_document(doc)
        self._remember(path)
        return True

    def end_session(self) -> None:
        """A clean exit: close the workspace file."""
        self.window.doc.close()


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Opening a portfolio makes hundreds of thousands of objects that live as long as it
    does; Python's cycle collector would walk them all several times meanwhile (about 0.6 s
    at 10,000 startups). It is paused while opening, and what exists afterwards is frozen
    (``gc.freeze``) so later collections skip it; the next opening unfreezes it first, so a
    replaced portfolio can still be collected."""
    gc.unfreeze()
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
        gc.freeze()


def documents_folder() -> str:
    """The user's documents folder (the home folder where the system names none)."""
    from PySide6.QtCore import QStandardPaths

    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and Path(found).is_dir() else str(Path.home())


def free_name(folder: Path, stem: str) -> str:
    """``stem.beachhead``, or ``stem 2.beachhead``, ``stem 3.beachhead``… : the first name
    no file in ``folder`` has."""
    name, n = f"{stem}{SUFFIX}", 1
    while (folder / name).exists():
        n += 1
        name = f"{stem} {n}{SUFFIX}"
    return name


def _copy_name(doc: Document) -> str:
    """The name Save a Copy suggests: ``deals copy.beachhead`` for ``deals.beachhead``, the
    database's name for a team workspace, ``portfolio.beachhead`` for a scratch one."""
    if doc.server is not None:
        from gui.team_dialog import address_parts

        return f"{address_parts(doc.server).database or 'portfolio'}{SUFFIX}"
    return f"{doc.path.stem} copy{SUFFIX}" if doc.path else f"portfolio{SUFFIX}"


def _reason(exc: Exception) -> str:
    """Why a file or team workspace could not be opened, without repeating its name or
    address: each problem on a line, with the field it concerns."""
    from models.core.errors import InputError

    if isinstance(exc, InputError):
        return "\n".join(f"{p.location}: {p.message}" if p.location else p.message
                         for p in exc.problems)
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)


def _message(exc: Exception, path: Path) -> str:
    """One line for the user: what is wrong with ``path``."""
    if isinstance(exc, ConnectionError):
        return f"{exc.filename}: {exc.strerror}"
    if isinstance(exc, OSError):
        from models.core.errors import write_failure

        return write_failure(exc, path)
    return str(exc)
