"""The open portfolio's file: New, Open (an old JSON portfolio is converted into a workspace
beside it), Open Team Workspace (on a PostgreSQL server, by its address), Save a Copy, the
sample (opened as a copy the user keeps, never the bundled file) and the recent files (files
and addresses).

A workspace needs no saving: every edit is written to it as it is made. Only a scratch
portfolio (the empty one shown before anything is opened) lives in memory; before its changes
would be lost the user is asked whether to keep them in a workspace file."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from gui.dialogs import ask, with_suffix
from gui.i18n import language
from gui.settings import documents_folder

if TYPE_CHECKING:
    from gui.document import Document
    from gui.document_loading import BackgroundOpen, Loaded
    from gui.main_window import MainWindow

# The suffix of workspaces (old JSON portfolios have it too).
SUFFIX = ".beachhead"
# What the window imports to show a portfolio (the Assess view, then its radar): imported
# by an opening in the background, so that the window's thread need not stop for it.
_SHOWING = ("gui.document", "gui.views.assess.view", "matplotlib.figure",
            "matplotlib.backends.backend_qtagg")
# A workspace file larger than this (some 1,200 startups, half a second's reading) is
# opened in the background by File ▸ Open too, the open portfolio staying on screen meanwhile.
BACKGROUND_BYTES = 4_000_000


class PortfolioFiles(QObject):
    """New, Open, Save a Copy and the recent files for ``window``'s portfolio (its
    :attr:`~gui.main_window.MainWindow.doc`), remembering folders and recent files in the
    window's settings."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        # the opening under way in the background (:meth:`open_in_background`), if any
        self.opening: BackgroundOpen | None = None

    def _filters(self) -> str:
        return self.tr("Beachhead portfolios (*.beachhead)")

    def _ask_new_file(self, title: str, stem: str) -> Path | None:
        """Where to keep a new file: asked, starting in the folder used last (else the
        user's documents) with the first free name of ``stem`` (``stem 2.beachhead``…)."""
        w = self.window
        folder = Path(w.settings.last_folder or documents_folder())
        chosen = ask.save_file(w, title, str(folder / free_name(folder, stem)), self._filters())
        return with_suffix(chosen, SUFFIX) if chosen else None

    # -- scratch portfolios -----------------------------------------------------------------
    def maybe_save(self) -> bool:
        """True when the open portfolio may go now: a workspace always (everything is on
        disk); a scratch portfolio with changes only once the user has kept it in a file or
        chosen to discard it."""
        doc = self.window.current_document()
        if doc is None or not doc.is_modified():
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
        path = self._ask_new_file(self.tr("New portfolio"), "portfolio")
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
        path = self._ask_new_file(self.tr("Keep a copy of the sample"),
                                  self.tr("Beachhead sample"))
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
        return self._open_now(path)

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
        from gui.team_dialog import team_ask

        w = self.window
        if address is None:
            address = team_ask.address(w, w.settings.recent_addresses)
            if not address:
                return False
        if not self.maybe_save():
            return False
        return self._open_now(address)

    def _open_now(self, location: Path | str) -> bool:
        """Open ``location`` (a file or a server's address) and show it, or say why not."""
        from gui.document import Document
        from gui.document_loading import collector_paused, load

        if isinstance(location, Path) and _size(location) > BACKGROUND_BYTES:
            self._start_opening(location, location.name, replacing=True)
            return True
        with collector_paused():
            try:
                doc = Document.of_loaded(load(location, *self._loading()), self.window)
            except _open_errors() as exc:
                self._cannot_open(location, exc)
                return False
            self.window.replace_document(doc)
        self._opened(doc, location)
        return True

    def open_in_background(self, location: str) -> None:
        """Open a file or team workspace as the window's first portfolio in a thread, a line
        in the status bar saying how far it got (:class:`~gui.document_loading.BackgroundOpen`);
        shown once read, or the welcome page after saying why not (:attr:`opening` till then)."""
        target: Path | str = Path(location)
        name = Path(location).name
        if "://" in location:  # the database drivers are imported for an address only
            from gui.team_dialog import short_name
            from models.store.server import is_server_address

            if is_server_address(location):
                target, name = location, short_name(location)
        self._start_opening(target, name, replacing=False)

    def _start_opening(self, target: Path | str, name: str, replacing: bool) -> None:
        """Open ``target`` in the background; ``replacing``: in place of the open portfolio
        (File ▸ Open), else as the first one. A later opening supersedes this one."""
        from gui.document_loading import BackgroundOpen, edit_mark

        self.opening = opening = BackgroundOpen(self.window.statusBar(), name, self.window)
        shown = self.window.current_document() if replacing else None
        edits = edit_mark(shown)  # (its changes, if any, were asked about: kept or discarded)
        opening.opened.connect(lambda loaded: self._opened_in_background(
            loaded, target, opening, shown, edits))
        opening.failed.connect(lambda exc: self._failed_in_background(target, exc, opening))
        opening.start(target, *self._loading(), modules=_SHOWING)

    def _opened_in_background(self, loaded: Loaded, location: Path | str,
                              opening: BackgroundOpen, replacing: Document | None,
                              edits: object = None) -> None:
        from gui.document import Document  # replacing: shown when File ▸ Open began, or None
        from gui.document_loading import edit_mark

        if self.opening is not opening:  # another opening began since: that one counts
            loaded.workspace.close()
            return
        self.opening = None
        current = self.window.current_document()
        # the first portfolio gives way to one opened or begun meanwhile; File ▸ Open replaces
        # the one it began on (not one opened, begun or closed to since), asking about changes since
        keep = current is not None and (current is not replacing or (
            edit_mark(current) != edits and not self.maybe_save()) if replacing is not None else
            current.workspace is not None or current.is_modified())
        if keep:
            loaded.workspace.close()
            return
        doc = Document.of_loaded(loaded, self.window)
        self.window.replace_document(doc)
        self._opened(doc, location)

    def _failed_in_background(self, location: Path | str, exc: BaseException,
                              opening: BackgroundOpen) -> None:
        if self.opening is not opening and isinstance(exc, _open_errors()):
            return  # superseded by a later opening
        self.opening = None
        w = self.window
        if isinstance(exc, _open_errors()):
            self._cannot_open(location, exc)
        if w.current_document() is None:
            w.welcome.show_page()
            w.ensure_ready()
        if not isinstance(exc, _open_errors()):
            raise exc  # a fault inside Beachhead: told as one (gui.app's crash handler)

    def _loading(self) -> tuple[str | None, str, str, bool]:
        """What opening needs from the window: who changes are recorded under, the interface
        language, and the perspective and gates setting its ranking follows."""
        s = self.window.settings
        return self.who(), language(), s.perspective, s.ignore_gates

    def _cannot_open(self, location: Path | str, exc: Exception) -> None:
        """Say why ``location`` could not be opened (a file gone leaves the recent files)."""
        from gui.settings import without_password
        from gui.team_dialog import short_name
        from models.store.server import is_server_address

        w = self.window
        reason = _reason(exc)
        if isinstance(location, str) and is_server_address(location):
            if "password" in reason:
                reason += " " + self.tr("(Beachhead never asks for a password: keep it in "
                                        "~/.pgpass or a service file.)")
            ask.error(w, self.tr("Cannot open the team workspace"), self.tr(
                "{name} could not be opened: {reason}").format(
                    name=short_name(location), reason=reason), without_password(location))
            return
        if not Path(location).exists():
            w.settings.remove_recent_file(location)
        ask.error(w, self.tr("Cannot open portfolio"), self.tr(
            "{name} could not be opened: {reason}").format(name=Path(location).name,
                                                          reason=reason))

    def _opened(self, doc: Document, location: Path | str) -> None:
        """Remember what was opened; say so when an older portfolio file was converted."""
        w = self.window
        if doc.server is not None:
            w.settings.add_recent_file(str(location))
            return
        self._remember(doc.path or Path(location))
        if doc.converted_from is not None and doc.path is not None:
            w.statusBar().showMessage(self.tr(
                "{old} is an older portfolio file: it was converted into {new} beside it, "
                "which keeps every change as you make it ({old} is unchanged).").format(
                    old=doc.converted_from.name, new=doc.path.name), 15000)

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
        from contextlib import nullcontext

        from models.core.errors import InputError
        from models.core.speech import speaking

        try:  # from a server: refused at once while it is away
            with speaking(language()), doc.watch.writing() if doc.watch else nullcontext():
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
        from models.core.speech import speaking

        try:
            with speaking(language()):  # the domain's refusals in the window's language
                doc = make()
        except (InputError, OSError) as exc:
            ask.error(self.window, self.tr("Cannot create the portfolio"), _message(exc, path))
            return False
        self.window.replace_document(doc)
        self._remember(path)
        return True

    def end_session(self) -> None:
        """A clean exit: close the workspace file (one being read is let go when read)."""
        self.opening = None
        self.window.doc.close()


def _open_errors() -> tuple[type[Exception], ...]:
    """What opening a file or a team workspace raises when it cannot be opened (others are
    faults inside Beachhead)."""
    from models.core.errors import InputError

    return (InputError, OSError, ValueError)


def free_name(folder: Path, stem: str) -> str:
    """``stem.beachhead``, or ``stem 2.beachhead``, ``stem 3.beachhead``… : the first name
    no file in ``folder`` has."""
    name, n = f"{stem}{SUFFIX}", 1
    while (folder / name).exists():
        n += 1
        name = f"{stem} {n}{SUFFIX}"
    return name


def _copy_name(doc: Document) -> str:
    """The name Save a Copy suggests (without its suffix): ``deals copy`` for
    ``deals.beachhead``, the database's name for a team workspace, ``portfolio`` for a
    scratch one."""
    if doc.server is not None:
        from gui.team_dialog import address_parts

        return address_parts(doc.server).database or "portfolio"
    return f"{doc.path.stem} copy" if doc.path else "portfolio"


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

        return write_failure(exc, path, language())
    return str(exc)


def _size(path: Path) -> int:
    """The file's size in bytes (0 when it cannot be read: opening it says why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0
