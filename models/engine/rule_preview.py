"""What a candidate framework's rules and scenarios would do to a portfolio now: which startups
each posture and deal-breaker fires on, and how a scenario would move the ranking.

Everything is the engine's own computation on the candidate framework: the startups' levels
under a perspective (:func:`models.engine.perspectives.perspective_levels`), scored
(:func:`models.engine.ranking.score_view`), the rules tested by
:func:`models.engine.rules.rule_mask` and the rankings made by
:func:`models.engine.ranking.rank_startups`, as the Compare view ranks them (gated startups
last). A rule may be previewed on its own (a rule being edited, not yet in the framework); its
references must name pillars and criteria of the framework given.

:class:`RulePreviewer` keeps the startups' levels for the last set of criteria it saw, so
previewing rule after rule of one framework reads the assessments once; make a new one when
the portfolio may have changed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.core.framework import Framework, Rule, Scenario, text
from models.core.portfolio import Portfolio
from models.engine.perspectives import PerspectiveLevels, perspective_levels
from models.engine.ranking import rank_startups, score_view
from models.engine.rules import rule_mask
from models.engine.scenarios import exposure_hits


@dataclass(frozen=True)
class RuleFiring:
    """The startups one rule fires on (portfolio order).

    Attributes:
        group: ``postures`` or ``deal_breakers`` (``rule`` for a rule previewed on its own).
        id, name: the rule's id and name (in the preview's language).
        rows: the startups' positions in the portfolio; startup_ids, startups: their ids and
            names.
    """

    group: str
    id: str
    name: str
    rows: list[int]
    startup_ids: list[str]
    startups: list[str]


@dataclass(frozen=True)
class RulePreview:
    """Every posture then every deal-breaker of a framework, each with its startups."""

    rules: list[RuleFiring]

    def by_startup(self) -> dict[str, list[str]]:
        """Startup id → the ids of the rules firing on it (postures then deal-breakers, in
        framework order); startups no rule fires on are left out."""
        out: dict[str, list[str]] = {}
        for rule in self.rules:
            for sid in rule.startup_ids:
                out.setdefault(sid, []).append(rule.id)
        return out


@dataclass(frozen=True)
class RankChange:
    """One startup's place without and with a scenario.

    Attributes:
        rank_before, rank_after: positions 1… in the ranking (gated startups last).
        change: ``rank_before − rank_after``: positive when the startup moves up.
        overall_before, overall_after: 0–100, ``None`` when nothing is scored.
        exposure: names of the scenario's exposure rules that hold for the startup.
    """

    startup_id: str
    startup: str
    rank_before: int
    rank_after: int
    change: int
    overall_before: float | None
    overall_after: float | None
    exposure: list[str]


class RulePreviewer:
    """Previews of rules and scenarios over ``portfolio``'s startups under ``perspective``."""

    def __init__(self, portfolio: Portfolio, perspective: str = "investor") -> None:
        self.portfolio = portfolio
        self.perspective = perspective
        self._key: tuple[tuple[str, str], ...] | None = None
        self._view: PerspectiveLevels | None = None

    def view(self, framework: Framework) -> PerspectiveLevels:
        """The startups' levels under the perspective, for ``framework``'s criteria (kept
        until the criteria or their directions change)."""
        key = tuple((c.id, c.direction) for c in framework.criteria)
        if self._view is None or key != self._key:
            self._view = perspective_levels(self.portfolio.startups, framework, self.perspective)
            self._key = key
        return self._view

    def rules(self, framework: Framework, lang: str = "en") -> RulePreview:
        """Which startups each posture and deal-breaker of ``framework`` fires on now."""
        out = self._firings(framework, framework.postures, "postures", lang)
        out += self._firings(framework, framework.deal_breakers, "deal_breakers", lang)
        return RulePreview(out)

    def rule(self, framework: Framework, rule: Rule, lang: str = "en") -> RuleFiring:
        """Which startups ``rule`` (on ``framework``'s pillars and criteria) fires on now."""
        return self._firings(framework, [rule], "rule", lang)[0]

    def _firings(self, framework: Framework, rules: Sequence[Rule], group: str,
                 lang: str) -> list[RuleFiring]:
        view = self.view(framework)
        mask = rule_mask(score_view(view, framework), rules)
        out = []
        for j, rule in enumerate(rules):
            rows = np.flatnonzero(mask[:, j]).tolist()
            startups = [view.startups[i] for i in rows]
            out.append(RuleFiring(group, rule.id, text(rule.name, lang), rows,
                                  [s.id for s in startups], [s.name for s in startups]))
        return out

    def scenario(self, framework: Framework, scenario: Scenario, lang: str = "en", *,
                 ignore_gates: bool = False) -> list[RankChange]:
        """Every startup's rank without and with ``scenario`` (which need not be one of
        ``framework``'s, but must name its criteria), in the order of the ranking without it.
        """
        port = self.portfolio.model_copy(update={"framework": framework})
        before = rank_startups(port, self.perspective, ignore_gates=ignore_gates, lang=lang)
        after = rank_startups(port, self.perspective, scenario=scenario,
                              ignore_gates=ignore_gates, lang=lang)
        rank_after = {r.startup_id: (r.rank, r.overall) for r in after.rows}
        hits = exposure_hits(before.view.levels, framework, scenario, lang)
        out = []
        for r in before.rows:
            rank, overall = rank_after[r.startup_id]
            out.append(RankChange(r.startup_id, r.startup, r.rank, rank, r.rank - rank,
                                  r.overall, overall, hits[r.row]))
        return out


def preview_rules(portfolio: Portfolio, framework: Framework, perspective: str = "investor",
                  lang: str = "en") -> RulePreview:
    """Which startups of ``portfolio`` each rule of ``framework`` fires on now."""
    return RulePreviewer(portfolio, perspective).rules(framework, lang)


def scenario_rank_changes(portfolio: Portfolio, framework: Framework, scenario: Scenario,
                          perspective: str = "investor", lang: str = "en") -> list[RankChange]:
    """Every startup of ``portfolio`` ranked under ``framework`` without and with
    ``scenario``."""
    return RulePreviewer(portfolio, perspective).scenario(framework, scenario, lang)
