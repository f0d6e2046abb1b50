"""Results: one :class:`Result` per assessment (overall, pillars, completeness, rules that
fired and the improvements that would raise the overall most), for a portfolio or a list of
(startup, assessment) pairs.

Results are computed, never stored as truth; the maths is in :mod:`models.engine.scores`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from models.core.framework import Framework, Scenario
from models.core.portfolio import Assessment, Portfolio, Startup
from models.engine.arrays import level_matrix
from models.engine.improvements import TOP_IMPROVEMENTS, Improvement, improvements
from models.engine.rules import RuleHit, rule_hits
from models.engine.scenarios import apply_scenario
from models.engine.scores import score_levels

__all__ = ["TOP_IMPROVEMENTS", "Improvement", "Result", "score_assessment",
           "score_assessments", "score_portfolio"]


@dataclass(frozen=True)
class Result:
    """The computed result of one assessment (never stored as truth).

    ``overall`` and pillar values are 0–100 or ``None`` when nothing relevant is scored;
    ``completeness`` is 0–1 and ``partial`` is true below 1.
    """

    startup_id: str
    startup: str
    assessment_id: str
    assessor: str
    role: str
    date: str
    overall: float | None
    pillars: dict[str, float | None]
    completeness: float
    postures: list[RuleHit] = field(default_factory=list)
    deal_breakers: list[RuleHit] = field(default_factory=list)
    improvements: list[Improvement] = field(default_factory=list)
    scenario: str | None = None

    @property
    def partial(self) -> bool:
        """True when some weight is not scored yet."""
        return self.completeness < 1.0 - 1e-12

    def as_json(self) -> dict[str, object]:
        """The command line's JSON object for this result (``score --format json``; see the
        README's "Command line")."""
        return {
            "startup": self.startup,
            "assessor": self.assessor,
            "role": self.role,
            "date": self.date,
            "overall": self.overall,
            "pillars": dict(self.pillars),
            "completeness": self.completeness,
            "postures": [h.name for h in self.postures],
            "deal_breakers": [h.name for h in self.deal_breakers],
            "top_improvements": [
                {"criterion": i.criterion, "gain": i.gain, "fixes": i.fixes, "needs": i.needs}
                for i in self.improvements
            ],
        }


def score_assessments(
    pairs: Sequence[tuple[Startup, Assessment]],
    framework: Framework,
    scenario: Scenario | None = None,
    lang: str = "en",
) -> list[Result]:
    """Score (startup, assessment) pairs under ``framework``, optionally under a scenario.

    Returns one :class:`Result` per pair, in order. Texts (rule names, reasons, criterion
    names) are in ``lang`` where the framework has them.
    """
    assessments = [a for _, a in pairs]
    levels = apply_scenario(level_matrix(assessments, framework), framework, scenario)
    table = score_levels(levels, framework)
    postures = rule_hits(table, framework.postures, framework, lang)
    breakers = rule_hits(table, framework.deal_breakers, framework, lang)
    improved = improvements(table, framework, breakers, lang)
    pids = table.arrays.pillar_ids
    overall = table.overall.tolist()
    pillars = table.pillars.tolist()
    completeness = table.completeness.tolist()
    scen = scenario.id if scenario else None
    return [
        Result(
            startup_id=st.id,
            startup=st.name,
            assessment_id=a.id,
            assessor=a.assessor,
            role=a.role,
            date=a.date.isoformat(),
            overall=None if overall[i] != overall[i] else overall[i],
            pillars={pid: None if v != v else v for pid, v in zip(pids, pillars[i], strict=True)},
            completeness=completeness[i],
            postures=postures.get(i, []),
            deal_breakers=breakers.get(i, []),
            improvements=improved[i],
            scenario=scen,
        )
        for i, (st, a) in enumerate(pairs)
    ]


def score_portfolio(
    portfolio: Portfolio,
    scenario: Scenario | str | None = None,
    lang: str = "en",
) -> list[Result]:
    """Score every assessment of ``portfolio`` with the portfolio's own framework.

    ``scenario`` may be a :class:`Scenario` or its id or English name.

    Raises:
        KeyError: ``scenario`` names no scenario of the framework.
    """
    fw = portfolio.framework
    if isinstance(scenario, str):
        scenario = fw.scenario(scenario)
    return score_assessments(portfolio.assessments(), fw, scenario, lang)


def score_assessment(
    startup: Startup, assessment: Assessment, framework: Framework,
    scenario: Scenario | None = None, lang: str = "en",
) -> Result:
    """Score one assessment (see :func:`score_assessments`)."""
    return score_assessments([(startup, assessment)], framework, scenario, lang)[0]
