"""The open portfolio as the GUI sees it: the document, its undo stack and its live results.

Every change goes through a :class:`~gui.commands` undo command, which calls one of the
``apply_*`` methods of :mod:`gui.document_edits`; each writes the change to the document's
workspace first (one transaction, durable on disk and in the change log when it returns),
then makes it in memory and emits the narrowest signal that says so. Changes other windows
and programs write to the same file are noticed by :mod:`gui.workspace_watch` and taken in
(:meth:`Document.take_in`). A document without a workspace (a scratch portfolio, never
written anywhere) is kept in memory only.

A team workspace lives on a PostgreSQL server (:attr:`Document.server`): while it cannot be
reached, the document says so (``connectionChanged``), keeps what it shows and refuses edits;
the watch reconnects and takes in what others committed meanwhile.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoStack

from gui.document_edits import DocumentEdits
from gui.document_index import PortfolioIndex
from gui.document_results import DocumentResults
from gui.i18n import language
from gui.workspace_watch import WorkspaceWatch
from models.core import edits
from models.core.framework import Framework, Scenario
from models.core.portfolio import Assessment, Portfolio, Startup
from models.engine.ranking_cache import RankingCache
from models.engine.results import Result
from models.files.framework_file import default_framework
from models.store.changelog import Change, Kind
from models.store.workspace import Workspace

if TYPE_CHECKING:
    from gui.document_loading import Loaded

T = TypeVar("T")

#: Changes after which a window reads the whole portfolio again rather than some startups.
_STRUCTURAL = frozenset({Kind.CREATE, Kind.FRAMEWORK, Kind.STARTUP_INSERT, Kind.STARTUP_REMOVE,
                         Kind.ASSESSMENT_INSERT, Kind.ASSESSMENT_REMOVE})


class Document(QObject, DocumentEdits, DocumentResults):
    """A portfolio being edited.

    Signals:
        scoresChanged(str): an assessment's scores (or texts) changed; argument = its id.
        structureChanged(): startups or assessments were added, removed, renamed or reordered.
        frameworkChanged(): weights, enabled pillars or the whole framework changed.
        resultsChanged(): results were recomputed for everything (framework, scenario, load).
        scenarioChanged(): the active scenario changed.
        perspectiveChanged(): the perspective rankings use, or whether they ignore gates,
            changed (a view setting, not an edit of the document).
        decisionsChanged(str): a startup's decisions changed; argument = its id.
        pathChanged(): the document was saved under, or loaded from, another path.
        writeRefused(str): an edit was not made (the disk refused it, or another window had
            removed what it changes); argument = what to tell the user.
        historyChanged(): changes were written to the workspace's log (edits made here,
            undo and redo, or changes made by another window or program, taken in).
        connectionChanged(str): the team workspace's server stopped answering (argument:
            why) or answers again (argument: '').
    """

    scoresChanged = Signal(str)
    structureChanged = Signal()
    frameworkChanged = Signal()
    resultsChanged = Signal()
    scenarioChanged = Signal()
    perspectiveChanged = Signal()
    decisionsChanged = Signal(str)
    pathChanged = Signal()
    historyChanged = Signal()
    writeRefused = Signal(str)
    connectionChanged = Signal(str)

    def __init__(self, portfolio: Portfolio, path: Path | None = None,
                 parent: QObject | None = None, workspace: Workspace | None = None,
                 scored: Loaded | None = None) -> None:
        super().__init__(parent)
        self.portfolio = portfolio
        self.path = path
        #: where every edit is written (``None``: a scratch portfolio kept in memory)
        self.workspace = workspace
        #: the team workspace's server address (``None``: a file or a scratch portfolio)
        self.server = workspace.server if workspace is not None else None
        #: the JSON portfolio this document's workspace was converted from when opened
        self.converted_from: Path | None = None
        self._comment: str | None = None
        #: a document that only shows (a portfolio as of a past day): edits are refused
        self.read_only = False
        self.discarded = False  # closed by the window (discard): nothing more comes to it
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(0)
        self._history_timer.timeout.connect(self.historyChanged)
        self.watch = WorkspaceWatch(self) if workspace is not None else None
        self.undo_stack = QUndoStack(self)
        self.scenario: Scenario | None = None
        #: the perspective every ranking uses (:mod:`models.engine.perspectives`)
        self.perspective = "investor"
        #: rank startups with a deal-breaker among the others, by overall alone
        self.ignore_gates = False
        self._results: dict[str, Result] = {}
        self._index = PortfolioIndex(portfolio)
        self._ranking = RankingCache() if scored is None else scored.ranking
        self._one_startup_changed = False
        self._follow_for_ranking()
        if scored is not None:  # scored and ranked as it was read
            self._results = scored.results
            self.perspective, self.ignore_gates = scored.perspective, scored.ignore_gates
        if scored is None or scored.lang != language():  # (the language switched meanwhile)
            self.rescore_all()

    # -- files ----------------------------------------------------------------------------
    @classmethod
    def new(cls, parent: QObject | None = None) -> Document:
        """An empty scratch portfolio with the default framework, in memory only."""
        return cls(Portfolio(framework=default_framework()), None, parent)

    @classmethod
    def open(cls, path: Path | str, parent: QObject | None = None,
             who: str | None = None) -> Document:
        """Open the workspace at ``path``, a file or a server's address (a ``postgresql://``
        URL, never made a ``Path``, which would fold its ``//``); a JSON portfolio is first
        converted into a workspace beside it (:func:`models.store.convert.convert_json`,
        which never changes the JSON file), and that is opened. Changes are recorded under
        ``who``.

        Raises:
            InputError: a missing, damaged or foreign file, or one from a newer Beachhead;
                a server that cannot be reached or holds no workspace.
        """
        from gui.document_loading import load

        return cls.of_loaded(load(path, who, language()), parent)

    @classmethod
    def of_loaded(cls, loaded: Loaded, parent: QObject | None = None) -> Document:
        """The document of a workspace :func:`gui.document_loading.load` opened, read,
        scored and ranked (perhaps in another thread: this is made in the window's)."""
        try:
            doc = cls(loaded.portfolio, loaded.path, parent, loaded.workspace, loaded)
        except BaseException:
            loaded.workspace.close()
            raise
        doc.converted_from = loaded.converted_from
        return doc

    @classmethod
    def create(cls, path: Path, portfolio: Portfolio, parent: QObject | None = None,
               who: str | None = None) -> Document:
        """Write ``portfolio`` as a new workspace at ``path`` (replacing a file there that is
        not in use) and open it.

        Raises:
            InputError: ``path`` is a workspace in use. OSError: it cannot be written.
        """
        ws = Workspace.create(path, portfolio, who, overwrite=True)
        try:
            return cls(ws.load(), Path(path), parent, ws)
        except BaseException:
            ws.close()
            raise

    def close(self) -> None:
        """Close the workspace file (nothing is pending: every edit is on disk already)."""
        if self.workspace is not None:
            self.workspace.close()
            self.workspace = None
        if self.watch is not None:
            self.watch.timer.stop()

    def discard(self) -> None:
        """Close the file and let the portfolio go (once no view shows this document): the
        undo history, results and ranking are dropped at once, so their memory returns
        without waiting for the cycle collector, which the window pauses and freezes while
        opening (:mod:`gui.portfolio_files`)."""
        self.discarded = True
        self.close()
        self.undo_stack.clear()
        self._results = {}
        self._ranking.drop()
        self.portfolio = Portfolio.model_construct(framework=self.portfolio.framework,
                                                   startups=[])
        self._reindex()

    def is_modified(self) -> bool:
        """True for a scratch portfolio with changes (a workspace never has unsaved ones)."""
        return self.workspace is None and not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The file name, ``database@host`` (a team workspace), or "Untitled"."""
        if self.server is not None:
            from gui.team_dialog import short_name

            return short_name(self.server)
        return self.path.name if self.path else self.tr("Untitled")

    @contextlib.contextmanager
    def commenting(self, comment: str | None) -> Iterator[None]:
        """Record the changes written inside the block with ``comment`` ("Undo: …")."""
        saved, self._comment = self._comment, comment
        try:
            yield
        finally:
            self._comment = saved

    @contextlib.contextmanager
    def one_transaction(self) -> Iterator[None]:
        """Write the edits made inside the block as one transaction (one undo step that makes
        several changes). If it cannot be committed, the portfolio is read again from the
        file, so the window shows what the file holds (from a server that stopped
        answering: once it answers again)."""
        if self.workspace is None or self.watch is None:
            yield
            return
        try:
            with self.watch.writing(), self.workspace.transaction(self._comment):
                yield
        except BaseException:
            if self.watch.offline:
                self.watch.stale = True  # memory may be ahead of the server: read it again
            else:
                self._reload()
            raise

    def _store(self, write: Callable[[Workspace, str | None], T]) -> T | None:
        """Write a change to the workspace first (``OSError`` if refused, memory left as it
        is; see :meth:`WorkspaceWatch.writing`); ``None`` for a scratch portfolio."""
        if self.workspace is None or self.watch is None:
            return None
        with self.watch.writing():
            result = write(self.workspace, self._comment)
        self.watch.noted_own_write()
        self._history_timer.start()  # once the change is in memory too
        return result

    def report_refused(self, exc: OSError | KeyError | ValueError | None) -> None:
        """Tell the window (``writeRefused``) that an edit was not made, and why (``None``:
        the document is read-only)."""
        if exc is None:
            message = self.tr("This is the portfolio as it stood in the past, which cannot "
                              "be changed; switch off \"As of\" to edit the portfolio.")
        elif isinstance(exc, ValueError):
            message = self.tr("The change could not be made: {reason}").format(reason=exc)
        elif isinstance(exc, OSError) and self.server is not None and self.watch is not None:
            message = self.watch.refusal(exc)
        elif isinstance(exc, OSError):
            from models.core.errors import write_failure

            message = write_failure(exc, self.path or Path(self.display_name()), language())
        else:
            message = self.tr("What this change edits was removed meanwhile, in another "
                              "window or program; the change was not made.")
        self.writeRefused.emit(message)

    # -- others' changes ------------------------------------------------------------------
    def take_in(self, changes: list[Change]) -> None:
        """Show changes another window or program wrote to the workspace (oldest first):
        the startups they touched are read again and brought up to date in place; a change
        of the framework or of which startups and assessments exist reads everything again.
        The undo history stays (undoing an own edit writes its old value back)."""
        if self.workspace is None or not changes:
            return
        kinds = {c.kind for c in changes}
        ids = list(dict.fromkeys(c.startup_id for c in changes if c.startup_id))
        structural = bool(kinds & _STRUCTURAL)
        fresh = [] if structural else self.workspace.startups(ids)
        if structural or len(fresh) != len(ids) or not all(
                edits.refresh_startup(self.startup(st.id), st) for _, st in fresh):
            self._reload()
        else:
            self._refreshed(ids, kinds)
        self.historyChanged.emit()

    def _refreshed(self, startup_ids: list[str], kinds: set[Kind]) -> None:
        for sid in startup_ids:
            st = self.startup(sid)
            for a in st.assessments:
                self._rescore(a.id)
                self.scoresChanged.emit(a.id)
            self.decisionsChanged.emit(sid)
        if kinds & {Kind.STARTUP_FIELD, Kind.ASSESSMENT_FIELD}:
            self.structureChanged.emit()

    def _reload(self) -> None:
        assert self.workspace is not None
        old_framework = self.portfolio.framework
        self.portfolio = self.workspace.load()
        self._reindex()
        if self.scenario is not None:
            try:
                self.scenario = self.framework.scenario(self.scenario.id)
            except KeyError:
                self.scenario = None
                self.scenarioChanged.emit()
        self.rescore_all()
        self.structureChanged.emit()
        if self.framework != old_framework:
            self.frameworkChanged.emit()

    # -- lookups --------------------------------------------------------------------------
    @property
    def framework(self) -> Framework:
        """The portfolio's own framework."""
        return self.portfolio.framework

    def startup(self, startup_id: str) -> Startup:
        """The startup with this id; ``KeyError`` if none."""
        return self._index.startup(startup_id)

    def startup_index(self, startup_id: str) -> int:
        """Position of the startup in the portfolio; ``KeyError`` if none."""
        return self._index.position(startup_id)

    def assessment(self, assessment_id: str) -> tuple[Startup, Assessment]:
        """(startup, assessment) for an assessment id; ``KeyError`` if none."""
        return self._index.assessment(assessment_id)

    def counts(self) -> tuple[int, int]:
        """How many startups and assessments the portfolio holds (kept, not counted)."""
        return self._index.counts()

    def result(self, assessment_id: str) -> Result:
        """The current result of an assessment (under the active scenario)."""
        return self._results[assessment_id]

    def results(self) -> list[Result]:
        """Results of every assessment in document order."""
        return [self._results[a.id] for _, a in self.portfolio.assessments()]

    def primary_assessment(self, startup: Startup) -> Assessment | None:
        """The assessment shown for a startup in lists: the latest by date (last on ties)."""
        if not startup.assessments:
            return None
        return max(reversed(startup.assessments), key=lambda a: a.date)

    def _reindex(self) -> None:
        self._index.rebuild(self.portfolio)
