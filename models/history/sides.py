"""One side of a comparison: the levels, confidences and rationales of a startup's view under
a perspective or of one assessment, and what the engine makes of them (overall and pillar
scores, postures and deal-breakers), under the framework of its moment.

:mod:`models.history.diff` compares two sides; :mod:`models.history.trend` follows one
startup's scores through time with :func:`view_scores`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from models.core.framework import Framework
from models.core.portfolio import CONFIDENCES, Assessment, Startup
from models.engine.perspectives import Perspective, perspective_levels
from models.engine.ranking import score_view
from models.engine.results import score_assessment
from models.engine.rules import RuleHit, rule_hits
from models.engine.scores import ScoreTable

Scores = tuple[float | None, dict[str, float | None]]


@dataclass(frozen=True)
class Side:
    """What one side of a comparison shows (see the module notes).

    Attributes:
        framework: the framework it is scored under.
        levels, confidence: per criterion id of ``framework``; ``None`` where not scored.
        rationale: per criterion id, ``None`` for a perspective's view (made of several
            assessments, it has no rationale of its own).
        overall, pillars: 0–100, ``None`` where nothing relevant is scored.
        postures, deal_breakers: the rules that fired, id → name.
        exists: false for a startup or assessment that did not exist (everything empty).
    """

    framework: Framework
    levels: dict[str, int | None] = field(default_factory=dict)
    confidence: dict[str, str | None] = field(default_factory=dict)
    rationale: dict[str, str] | None = None
    overall: float | None = None
    pillars: dict[str, float | None] = field(default_factory=dict)
    postures: dict[str, str] = field(default_factory=dict)
    deal_breakers: dict[str, str] = field(default_factory=dict)
    exists: bool = True

    @classmethod
    def missing(cls, framework: Framework) -> Side:
        """The side of something that did not exist."""
        return cls(framework, exists=False)


def assessment_side(startup: Startup, assessment: Assessment, framework: Framework,
                    lang: str = "en") -> Side:
    """One assessment's side: its own scores, scored under ``framework``."""
    result = score_assessment(startup, assessment, framework, lang=lang)
    known = framework.criterion_index
    scores = {cid: s for cid, s in assessment.scores.items() if cid in known}
    return Side(
        framework,
        levels={cid: s.value for cid, s in scores.items()},
        confidence={cid: s.confidence for cid, s in scores.items()},
        rationale={cid: s.rationale for cid, s in scores.items()},
        overall=result.overall, pillars=dict(result.pillars),
        postures=_names(result.postures), deal_breakers=_names(result.deal_breakers))


def view_side(startup: Startup | None, framework: Framework,
              perspective: Perspective | str = "investor", lang: str = "en") -> Side:
    """A startup's side under ``perspective`` (its view's levels, scored under
    ``framework``); a missing startup (``None``) gives an empty side."""
    if startup is None:
        return Side.missing(framework)
    view = perspective_levels([startup], framework, perspective)
    table = score_view(view, framework)
    ids = framework.criterion_ids
    levels = view.levels[0].tolist()
    codes = view.confidence[0].tolist()
    overall, pillars = _scores(table)
    return Side(
        framework,
        levels={cid: None if v != v else int(v) for cid, v in zip(ids, levels, strict=True)},
        confidence={cid: None if v != v else CONFIDENCES[c]
                    for cid, v, c in zip(ids, levels, codes, strict=True)},
        overall=overall, pillars=pillars,
        postures=_names(rule_hits(table, framework.postures, framework, lang).get(0, [])),
        deal_breakers=_names(rule_hits(table, framework.deal_breakers, framework,
                                       lang).get(0, [])))


def view_scores(startup: Startup, framework: Framework,
                perspective: Perspective | str = "investor") -> Scores:
    """A startup's overall and pillar scores under ``perspective`` (no rules: the cheap part
    of :func:`view_side`, for following scores through many moments)."""
    view = perspective_levels([startup], framework, perspective)
    return _scores(score_view(view, framework))


def _scores(table: ScoreTable) -> Scores:
    overall = float(table.overall[0])
    pillars = table.pillars[0].tolist()
    return (None if overall != overall else overall,
            {pid: None if v != v else float(v)
             for pid, v in zip(table.arrays.pillar_ids, pillars, strict=True)})


def _names(hits: list[RuleHit]) -> dict[str, str]:
    return {h.id: h.name for h in hits}
