"""The document's results and ranking: every assessment scored (vectorised for all, or only
those an edit touched), the scenario applied to them, and the startups ranked under the
window's perspective, brought up to date one startup at a time after an edit of one
(:mod:`models.engine.ranking_cache`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from gui.i18n import language
from models.engine.perspectives import Perspective
from models.engine.ranking import Ranking
from models.engine.ranking_cache import RankingCache, RankingSettings
from models.engine.results import Result, score_assessment, score_assessments

if TYPE_CHECKING:
    from gui.document_index import PortfolioIndex
    from models.core.framework import Framework, Scenario
    from models.core.portfolio import Portfolio


class DocumentResults:
    """The scoring and ranking methods of :class:`gui.document.Document`."""

    portfolio: Portfolio
    scenario: Scenario | None
    perspective: str
    ignore_gates: bool
    _results: dict[str, Result]
    _index: PortfolioIndex
    _ranking: RankingCache
    _one_startup_changed: bool
    # the document's signals
    scoresChanged: Any
    structureChanged: Any
    frameworkChanged: Any
    resultsChanged: Any
    scenarioChanged: Any
    perspectiveChanged: Any
    decisionsChanged: Any

    if TYPE_CHECKING:  # provided by the document
        @property
        def framework(self) -> Framework:
            ...

    def _follow_for_ranking(self) -> None:
        """Keep the ranking up to date with the document's signals (connected before any
        view's, so views that ask for the ranking see it up to date)."""
        for signal in (self.frameworkChanged, self.resultsChanged, self.scenarioChanged,
                       self.perspectiveChanged):
            signal.connect(self._drop_ranking)
        self.structureChanged.connect(self._structure_changed)
        self.scoresChanged.connect(self._assessment_changed)
        self.decisionsChanged.connect(self._ranking.touch)

    # -- scoring ----------------------------------------------------------------------------
    def rescore_all(self) -> None:
        """Recompute every result (vectorised) and emit ``resultsChanged``."""
        pairs = self.portfolio.assessments()
        results = score_assessments(pairs, self.framework, self.scenario, language())
        self._results = {r.assessment_id: r for r in results}
        self._ranking.drop()  # even with signals blocked (a language switch)
        self.resultsChanged.emit()

    def _rescore(self, assessment_id: str) -> None:
        st, a = self._index.assessment(assessment_id)
        self._results[assessment_id] = score_assessment(st, a, self.framework, self.scenario,
                                                        language())

    def _rescore_many(self, assessment_ids: Iterable[str]) -> None:
        """Recompute the results of these assessments only (vectorised), emitting nothing."""
        pairs = [self._index.assessment(aid) for aid in dict.fromkeys(assessment_ids)]
        if pairs:
            for r in score_assessments(pairs, self.framework, self.scenario, language()):
                self._results[r.assessment_id] = r

    def set_scenario(self, scenario_id: str | None) -> None:
        """Apply a scenario (by id) to every result, or none; not an edit of the document."""
        self.scenario = self.framework.scenario(scenario_id) if scenario_id else None
        self.rescore_all()
        self.scenarioChanged.emit()

    # -- ranking ----------------------------------------------------------------------------
    def ranking(self) -> Ranking:
        """The startups ranked under the perspective, the scenario and the gates setting
        (:func:`models.engine.ranking.rank_startups`); computed when first asked for after a
        change, then kept. After an edit of one startup only that startup is ranked again
        (:mod:`models.engine.ranking_cache`). A ranking returned is never changed afterwards."""
        return self._ranking.ranking(self.portfolio, self.ranking_settings())

    def ranking_settings(self) -> RankingSettings:
        """What the ranking depends on besides the portfolio."""
        return RankingSettings(self.perspective, self.scenario, self.ignore_gates, language())

    def _drop_ranking(self, *_: object) -> None:
        self._ranking.drop()

    def _assessment_changed(self, assessment_id: str) -> None:
        owner = self._index.owner(assessment_id)
        if owner is None:
            self._ranking.drop()
        else:
            self._ranking.touch(owner.id)

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
