"""Opening a workspace: reading it, scoring every assessment and ranking the startups
(:func:`load`, Qt-free), then making the window's :class:`~gui.document.Document` of that.

:class:`BackgroundOpen` does the reading, scoring and ranking in a thread of its own, so the
window goes on painting (at start-up: its menus, tool bar and tabs first, then the document),
and says in its status bar how far it got. The workspace and the portfolio it reads are the
thread's alone until it hands them over, once, through a queued signal; from then on only the
window's thread uses them (a workspace is used by one thread at a time). The document, a Qt
object, is made in the window's thread.

Opening makes hundreds of thousands of objects that live as long as the portfolio: Python's
cycle collector is paused meanwhile (:func:`collector_paused`).
"""

from __future__ import annotations

import contextlib
import gc
import importlib
import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QStatusBar, QWidget

if TYPE_CHECKING:
    from gui.document import Document
    from models.core.portfolio import Portfolio
    from models.engine.ranking_cache import RankingCache
    from models.engine.results import Result
    from models.store.workspace import Workspace

# Steps of an opening, in order, as :func:`load` reports them.
STEPS = ("read", "score", "rank")
# How long an opening runs before the status bar says how far it got (milliseconds).
SHOW_AFTER_MS = 250


@dataclass
class Loaded:
    """A workspace opened, read, scored and ranked, ready to become a document.

    Attributes:
        workspace: the open workspace; path: its file (``None`` for a server's).
        converted_from: the JSON portfolio it was converted from, if it was one.
        portfolio, results: what it holds and every assessment's result (by id), in
            ``lang``.
        ranking: the startups ranked under ``perspective`` and ``ignore_gates``.
    """

    workspace: Workspace
    path: Path | None
    converted_from: Path | None
    portfolio: Portfolio
    results: dict[str, Result]
    ranking: RankingCache
    perspective: str
    ignore_gates: bool
    lang: str


def load(location: str | Path, who: str | None, lang: str, perspective: str = "investor",
         ignore_gates: bool = False, progress: Callable[[str, int], None] | None = None
         ) -> Loaded:
    """Open the workspace at ``location`` (a file or a server's address; a JSON portfolio is
    first converted into a workspace beside it, never changed), read it, score every
    assessment in ``lang`` and rank the startups under ``perspective``. Changes are recorded
    under ``who``. ``progress(step, startups)`` is told each step of :data:`STEPS` as it
    begins. Runs in any thread.

    Raises:
        InputError: a missing, damaged or foreign file, or one from a newer Beachhead; a
            server that cannot be reached or holds no workspace. OSError, ValueError: the
            file or the address cannot be used.
    """
    from models.engine.perspectives import Perspective
    from models.engine.ranking_cache import RankingCache, RankingSettings
    from models.engine.results import score_assessments
    from models.store.convert import convert_json
    from models.store.server import is_server_address
    from models.store.sqlite import is_workspace
    from models.store.workspace import Workspace

    tell = progress or (lambda step, n: None)
    tell("read", 0)
    target = None if is_server_address(location) else Path(location)
    converted = None
    if target is not None and target.is_file() and not is_workspace(target):
        converted, target = target, convert_json(target, who)
    ws = Workspace.open(str(location) if target is None else target, who)
    try:
        portfolio = ws.load()
        n = len(portfolio.startups)
        tell("score", n)
        results = {r.assessment_id: r for r in score_assessments(
            portfolio.assessments(), portfolio.framework, None, lang)}
        tell("rank", n)
        ranking = RankingCache()
        try:
            Perspective.parse(perspective)
        except ValueError:
            perspective = "investor"
        ranking.ranking(portfolio, RankingSettings(perspective, None, ignore_gates, lang))
    except BaseException:
        ws.close()
        raise
    return Loaded(ws, target, converted, portfolio, results, ranking, perspective,
                  ignore_gates, lang)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
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


class OpeningLine(QWidget):
    """The status bar's line while a portfolio opens: what is being done, and a busy bar."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: how long each step takes is not known
        self.bar.setMaximumWidth(140)
        self.bar.setMaximumHeight(14)
        self.bar.setTextVisible(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addStretch(1)
        self.show_step("read", 0)

    def show_step(self, step: str, startups: int) -> None:
        """Say which step of :data:`STEPS` the opening is at."""
        if step == "read":
            text = self.tr("Opening {name}: reading the portfolio…").format(name=self.name)
        elif step == "score":
            text = self.tr("Opening {name}: scoring %Ln startup(s)…", "", startups).format(
                name=self.name)
        else:
            text = self.tr("Opening {name}: ranking %Ln startup(s)…", "", startups).format(
                name=self.name)
        self.label.setText(text)


class BackgroundOpen(QObject):
    """Opens a workspace in a thread (see the module notes) and hands it over to the window's
    thread; ``status_bar`` says how far it got from :data:`SHOW_AFTER_MS` on.

    Signals:
        opened(object): what was opened (:class:`Loaded`), handed to the window's thread,
            which makes its document (:meth:`gui.document.Document.of_loaded`).
        failed(object): the exception that stopped the opening.
    """

    opened = Signal(object)
    failed = Signal(object)
    _step = Signal(str, int)
    _done = Signal(object)

    def __init__(self, status_bar: QStatusBar, name: str, parent: QObject | None = None
                 ) -> None:
        super().__init__(parent)
        self.line = OpeningLine(name)
        self._status_bar = status_bar
        self._shown = QTimer(self)
        self._shown.setSingleShot(True)
        self._shown.setInterval(SHOW_AFTER_MS)
        self._shown.timeout.connect(self._show_line)
        self._paused = contextlib.ExitStack()
        self._step.connect(self.line.show_step)
        self._done.connect(self._finish)

    def start(self, location: str | Path, who: str | None, lang: str, perspective: str,
              ignore_gates: bool, modules: Sequence[str] = ()) -> None:
        """Open ``location`` in a thread of its own (see :func:`load`), having imported
        ``modules`` there first: those the window needs to show the document (importing
        them is no work for its thread then)."""
        self._paused.enter_context(collector_paused())
        self._shown.start()

        def step(name: str, startups: int) -> None:
            with contextlib.suppress(RuntimeError):  # (the window may be closed meanwhile)
                self._step.emit(name, startups)

        def run() -> None:
            try:
                for name in modules:
                    importlib.import_module(name)
                found: object = load(location, who, lang, perspective, ignore_gates, step)
            except BaseException as exc:  # handed to the window's thread, raised or told there
                found = exc
            try:
                self._done.emit(found)
            except RuntimeError:  # the window was closed meanwhile: nothing to hand over to
                if isinstance(found, Loaded):
                    found.workspace.close()

        threading.Thread(target=run, name="beachhead-open", daemon=True).start()

    def _show_line(self) -> None:
        self._status_bar.addWidget(self.line)
        self.line.show()

    def _finish(self, found: object) -> None:
        """In the window's thread: hand over what was opened (or the failure)."""
        self._shown.stop()
        try:
            if isinstance(found, BaseException):
                self.failed.emit(found)
            else:
                self.opened.emit(found)
        finally:
            self._status_bar.removeWidget(self.line)
            self.line.deleteLater()
            self._paused.close()  # what the document and its views made is frozen
            self.deleteLater()


def edit_mark(doc: Document | None) -> object:
    """Where ``doc``'s edits stand (None for none): differs after any edit, undo or redo."""
    if doc is None:
        return None
    s = doc.undo_stack
    return s.index(), s.count(), s.command(s.index() - 1) if s.index() else None
