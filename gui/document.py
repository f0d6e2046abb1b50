"""The open portfolio as the GUI sees it: the document, its undo stack and its live results.

Every change goes through a :class:`~gui.commands` undo command, which calls one of the
``apply_*`` methods here; each makes its change with an operation of :mod:`models.core.edits`,
re-scores only what the change touches and emits the narrowest signal that says so.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from gui.i18n import language
from models.core import edits
from models.core.decisions import Decision
from models.core.edits import FieldValue, RemovedScore
from models.core.framework import Framework, Scenario
from models.core.portfolio import Assessment, Portfolio, Startup
from models.engine.perspectives import Perspective
from models.engine.ranking import Ranking
from models.engine.ranking_cache import RankingCache, RankingSettings
from models.engine.results import Result, score_assessment, score_assessments
from models.files.framework_file import default_framework
from models.files.portfolio_file import load_portfolio, save_portfolio


class Document(QObject):
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
    """

    scoresChanged = Signal(str)
    structureChanged = Signal()
    frameworkChanged = Signal()
    resultsChanged = Signal()
    scenarioChanged = Signal()
    perspectiveChanged = Signal()
    decisionsChanged = Signal(str)
    pathChanged = Signal()

    def __init__(self, portfolio: Portfolio, path: Path | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.portfolio = portfolio
        self.path = path
        self.undo_stack = QUndoStack(self)
        self.scenario: Scenario | None = None
        #: the perspective every ranking uses (:mod:`models.engine.perspectives`)
        self.perspective = "investor"
        #: rank startups with a deal-breaker among the others, by overall alone
        self.ignore_gates = False
        self._results: dict[str, Result] = {}
        self._index: dict[str, tuple[Startup, Assessment]] = {}
        self._ranking = RankingCache()
        self._one_startup_changed = False
        # connected first, so views that ask for the ranking see it up to date
        for signal in (self.frameworkChanged, self.resultsChanged, self.scenarioChanged,
                       self.perspectiveChanged):
            signal.connect(self._drop_ranking)
        self.structureChanged.connect(self._structure_changed)
        self.scoresChanged.connect(self._assessment_changed)
        self.decisionsChanged.connect(self._ranking.touch)
        self._reindex()
        self.rescore_all()

    # -- files ----------------------------------------------------------------------------
    @classmethod
    def new(cls, parent: QObject | None = None) -> Document:
        """An empty portfolio with the default framework, never saved."""
        return cls(Portfolio(framework=default_framework()), None, parent)

    @classmethod
    def load(cls, path: Path, parent: QObject | None = None) -> Document:
        """Open ``path``; raises :class:`~models.core.errors.InputError` for a bad file."""
        return cls(load_portfolio(path), Path(path), parent)

    def save(self, path: Path | None = None) -> None:
        """Save to ``path`` (default: the current path) and mark the undo stack clean.

        Raises ``OSError`` if writing fails; the previous file is then untouched.
        """
        target = Path(path or self.path)  # type: ignore[arg-type]
        save_portfolio(self.portfolio, target)
        changed = target != self.path
        self.path = target
        self.undo_stack.setClean()
        if changed:
            self.pathChanged.emit()

    def is_modified(self) -> bool:
        """True when there are changes since the last save or load."""
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The file name, or "Untitled" for a document never saved."""
        return self.path.name if self.path else self.tr("Untitled")

    # -- lookups --------------------------------------------------------------------------
    @property
    def framework(self) -> Framework:
        """The portfolio's own framework."""
        return self.portfolio.framework

    def startup(self, startup_id: str) -> Startup:
        """The startup with this id; ``KeyError`` if none."""
        return edits.startup_by_id(self.portfolio, startup_id)

    def startup_index(self, startup_id: str) -> int:
        """Position of the startup in the portfolio; ``KeyError`` if none."""
        return edits.startup_index(self.portfolio, startup_id)

    def assessment(self, assessment_id: str) -> tuple[Startup, Assessment]:
        """(startup, assessment) for an assessment id; ``KeyError`` if none."""
        return self._index[assessment_id]

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

    # -- scoring --------------------------------------------------------------------------
    def rescore_all(self) -> None:
        """Recompute every result (vectorised) and emit ``resultsChanged``."""
        pairs = self.portfolio.assessments()
        results = score_assessments(pairs, self.framework, self.scenario, language())
        self._results = {r.assessment_id: r for r in results}
        self._ranking.drop()  # even with signals blocked (a language switch)
        self.resultsChanged.emit()

    def _rescore(self, assessment_id: str) -> None:
        st, a = self._index[assessment_id]
        self._results[assessment_id] = score_assessment(st, a, self.framework, self.scenario,
                                                        language())

    def _reindex(self) -> None:
        self._index = {a.id: (s, a) for s, a in self.portfolio.assessments()}

    def set_scenario(self, scenario_id: str | None) -> None:
        """Apply a scenario (by id) to every result, or none; not an edit of the document."""
        self.scenario = self.framework.scenario(scenario_id) if scenario_id else None
        self.rescore_all()
        self.scenarioChanged.emit()

    def ranking(self) -> Ranking:
        """The startups ranked under the perspective, the scenario and the gates setting
        (:func:`models.engine.ranking.rank_startups`); computed when first asked for after a
        change, then kept. After an edit of one startup only that startup is ranked again
        (:mod:`models.engine.ranking_cache`). A ranking returned is never changed afterwards."""
        return self._ranking.ranking(self.portfolio, RankingSettings(
            self.perspective, self.scenario, self.ignore_gates, language()))

    def _drop_ranking(self, *_: object) -> None:
        self._ranking.drop()

    def _assessment_changed(self, assessment_id: str) -> None:
        pair = self._index.get(assessment_id)
        if pair is None:
            self._ranking.drop()
        else:
            self._ranking.touch(pair[0].id)

    def _structure_changed(self) -> None:
        """Startups or assessments added or removed: rank again; one startup's name or one
        assessment's assessor, role or date changed: rank that startup again."""
        if not self._one_startup_changed:
            self._ranking.drop()
        self._one_startup_changed = False

    def _changed_one_startup(self, startup_id: str) -> None:
        """Call just before ``structureChanged`` when only this startup changed."""
        self._ranking.touch(startup_id)
        self._one_startup_changed = True

    def set_perspective(self, perspective: str, ignore_gates: bool | None = None) -> None:
        """Rank under ``perspective`` (``investor``, ``founder``, ``latest`` or
        ``assessor:NAME``), and ignore gates or not (unchanged when ``None``); not an edit of
        the document. Raises ``ValueError`` for an unknown perspective."""
        Perspective.parse(perspective)
        gates = self.ignore_gates if ignore_gates is None else ignore_gates
        if (perspective, gates) == (self.perspective, self.ignore_gates):
            return
        self.perspective, self.ignore_gates = perspective, gates
        self.perspectiveChanged.emit()

    # -- mutations (called by undo commands only) -----------------------------------------
    def apply_score_field(self, assessment_id: str, criterion_id: str, field: str,
                          value: object) -> None:
        """Set one field (``value``, ``confidence``, ``rationale``, ``evidence``) of a score."""
        _, a = self._index[assessment_id]
        edits.set_score_field(a, criterion_id, field, value)
        if field == "value":
            self._rescore(assessment_id)
        self.scoresChanged.emit(assessment_id)

    def apply_startup_field(self, startup_id: str, field: str, value: object) -> None:
        """Set a startup's ``name``, ``sector``, ``stage``, ``region``, ``tags`` or ``notes``."""
        st = self.startup(startup_id)
        edits.set_field(st, field, value)
        if field == "name":
            for a in st.assessments:
                self._rescore(a.id)
        self._changed_one_startup(startup_id)
        self.structureChanged.emit()

    def apply_assessment_field(self, assessment_id: str, field: str, value: object) -> None:
        """Set an assessment's ``assessor``, ``role`` or ``date``."""
        st, a = self._index[assessment_id]
        edits.set_field(a, field, value)
        self._rescore(assessment_id)
        self._changed_one_startup(st.id)
        self.structureChanged.emit()

    def apply_decisions(self, startup_id: str, decisions: list[Decision]) -> list[Decision]:
        """Replace a startup's decisions (oldest first); returns the previous ones."""
        old = edits.set_decisions(self.startup(startup_id), decisions)
        self.decisionsChanged.emit(startup_id)
        return old

    def apply_insert_startup(self, index: int, startup: Startup) -> None:
        """Insert ``startup`` (with its assessments) at ``index``."""
        edits.insert_startup(self.portfolio, index, startup)
        self._reindex()
        for a in startup.assessments:
            self._rescore(a.id)
        self.structureChanged.emit()

    def apply_remove_startup(self, startup_id: str) -> tuple[int, Startup]:
        """Remove a startup; returns (its former index, the startup) for undo."""
        index, st = edits.remove_startup(self.portfolio, startup_id)
        for a in st.assessments:
            self._results.pop(a.id, None)
        self._reindex()
        self.structureChanged.emit()
        return index, st

    def apply_insert_assessment(self, startup_id: str, index: int,
                                assessment: Assessment) -> None:
        """Insert ``assessment`` into a startup at ``index``."""
        edits.insert_assessment(self.startup(startup_id), index, assessment)
        self._reindex()
        self._rescore(assessment.id)
        self.structureChanged.emit()

    def apply_remove_assessment(self, assessment_id: str) -> tuple[str, int, Assessment]:
        """Remove an assessment; returns (startup id, former index, assessment) for undo."""
        st, a = self._index[assessment_id]
        index = edits.remove_assessment(st, a)
        self._results.pop(assessment_id, None)
        self._reindex()
        self.structureChanged.emit()
        return st.id, index, a

    def apply_bulk_add(self, startups: list[Startup], assessments: list[tuple[str, Assessment]],
                       fields: list[FieldValue] | None = None) -> None:
        """Set ``fields`` of existing startups, append many startups, and assessments to
        existing startups, then re-score once (an import of a thousand workbooks is one
        change, not a thousand); see :func:`models.core.edits.add_many`."""
        edits.add_many(self.portfolio, startups, assessments, fields or [])
        self._reindex()
        self.rescore_all()
        self.structureChanged.emit()

    def apply_bulk_remove(self, startup_ids: set[str], assessment_ids: set[str],
                          fields: list[FieldValue] | None = None) -> None:
        """Set ``fields`` back, and remove startups and assessments by id (the inverse of
        :meth:`apply_bulk_add`)."""
        edits.remove_many(self.portfolio, startup_ids, assessment_ids, fields or [])
        self._reindex()
        self.rescore_all()
        self.structureChanged.emit()

    def apply_framework(self, framework: Framework) -> list[RemovedScore]:
        """Replace the portfolio's framework (weights or a whole new one) and re-score all.
        Returns the blank scores of criteria the new framework lacks, taken out (for
        :meth:`restore_scores`).

        Raises ``ValueError`` if a score names a criterion the new framework lacks.
        """
        removed = edits.replace_framework(self.portfolio, framework)
        if self.scenario is not None:
            try:
                self.scenario = framework.scenario(self.scenario.id)
            except KeyError:
                self.scenario = None
                self.scenarioChanged.emit()
        self.rescore_all()
        self.frameworkChanged.emit()
        return removed

    def restore_scores(self, removed: list[RemovedScore]) -> None:
        """Put back blank scores :meth:`apply_framework` took out (they change no result)."""
        edits.restore_scores(self.portfolio, removed)
