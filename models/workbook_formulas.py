"""Spreadsheet formulas that reproduce :mod:`models.scoring` cell by cell.

Every builder returns formula text *without* the leading ``=``; arguments are cell or range
references as they must appear in the formula (``Scores!$I$2:$I$4``, ``F2``). Only functions
that Excel 2010+ and LibreOffice both compute are used: ``IF``, ``IFERROR``, ``ISNUMBER``,
``N``, ``AND``, ``ABS``, ``MID``, ``SUM``, ``SUMIFS`` and ``SUMPRODUCT``; no array entry,
no dynamic arrays.

How blank scores stay out, exactly as in the engine:

* a favourability cell is ``""`` (empty text) when its score is not a number;
* ``SUMIFS(weights, scores, ">=1")`` adds only the weights of scored criteria;
* ``SUMPRODUCT(weights, favourabilities)`` counts the empty texts as zero;
* a pillar with no scored criterion gives ``""``, and ``ISNUMBER``/``N`` keep it out of the
  overall score;
* a pillar is enabled when its ``Enabled`` cell on the Framework sheet reads ``yes``
  (any case); a disabled pillar's weight counts as 0 in the overall score and completeness.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from models.framework import Condition
from models.scoring import RULE_TOLERANCE
from models.xlsx_text import formula_string

#: The value of the Framework sheet's ``Enabled`` cell that enables a pillar.
ENABLED = "yes"
#: The value that disables it.
DISABLED = "no"
#: Formula text length Excel accepts.
MAX_FORMULA_CHARS = 8192


def favourability(score: str, direction: str) -> str:
    """0–1 favourability of the score in cell ``score``; ``""`` when it is not a number.

    ``(s - 1) / 4`` for a benefit criterion, ``(5 - s) / 4`` when ``direction`` reads ``cost``.
    """
    return f'IF(ISNUMBER({score}),IF({direction}="cost",(5-{score})/4,({score}-1)/4),"")'


def weighted_pillar(weights: str, scores: str, favourabilities: str) -> str:
    """0–100 pillar score: ``100 · Σ w·f / Σ w`` over the scored rows of three parallel ranges.

    ``""`` when no row of the pillar is scored (or its weights sum to 0).
    """
    scored = f'SUMIFS({weights},{scores},">=1")'
    return f'IF({scored}>0,100*SUMPRODUCT({weights},{favourabilities})/{scored},"")'


@dataclass(frozen=True)
class PillarRefs:
    """Where one pillar's numbers are, for the overall and completeness formulas.

    Attributes:
        score: the cell holding the pillar's score (a number or ``""``).
        weight: the pillar weight cell on the Framework sheet.
        enabled: the pillar's ``Enabled`` cell on the Framework sheet.
        weights: the range of its criteria's weights for this assessment.
        scores: the parallel range of its criteria's scores.
    """

    score: str
    weight: str
    enabled: str
    weights: str
    scores: str


def _effective(p: PillarRefs) -> str:
    return f'{p.weight}*({p.enabled}="{ENABLED}")'


def overall(pillars: Sequence[PillarRefs]) -> str:
    """0–100 overall: ``Σ W·P / Σ W`` over enabled pillars that have a score; ``""`` if none."""
    den = "+".join(f"{_effective(p)}*ISNUMBER({p.score})" for p in pillars)
    num = "+".join(f"{_effective(p)}*N({p.score})" for p in pillars)
    return f'IF(({den})>0,({num})/({den}),"")'


def completeness(pillars: Sequence[PillarRefs], weights: str, enabled: str) -> str:
    """0–1 share of the total weight that is scored.

    ``Σ_p W_p · (scored criterion weight / all criterion weight of p) / Σ W`` over enabled
    pillars; ``weights`` and ``enabled`` are the whole pillar-weight and Enabled columns of
    the Framework sheet's pillar table.
    """
    total = f'SUMIFS({weights},{enabled},"{ENABLED}")'
    terms = "+".join(
        f'{_effective(p)}*IFERROR(SUMIFS({p.weights},{p.scores},">=1")/SUM({p.weights}),0)'
        for p in pillars
    )
    return f'IF({total}>0,({terms})/{total},"")'


def number(x: float) -> str:
    """A number literal for a formula (never in exponent notation)."""
    text = f"{x:.12f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def condition(ref: str, cond: Condition) -> str:
    """A rule condition on the value in ``ref``, with the engine's tolerance; a value that is
    not a number never satisfies it."""
    t, tol = cond.value, RULE_TOLERANCE
    match cond.op:
        case "<":
            test = f"{ref}<{number(t - tol)}"
        case "<=":
            test = f"{ref}<={number(t + tol)}"
        case ">":
            test = f"{ref}>{number(t + tol)}"
        case ">=":
            test = f"{ref}>={number(t - tol)}"
        case _:
            test = f"ABS({ref}-{number(t)})<={number(tol)}"
    return f"ISNUMBER({ref}),{test}"


def rule_names(rules: Sequence[tuple[str, Sequence[str]]]) -> str:
    """The names of the rules whose conditions all hold, joined by ``"; "`` (``""`` if none).

    Args:
        rules: ``(name, conditions)`` pairs; each condition from :func:`condition`.
    """
    if not rules:
        return '""'
    parts = [
        f'IF(AND({",".join(conds)}),{formula_string("; " + name)},"")' for name, conds in rules
    ]
    return f"MID({'&'.join(parts)},3,{MAX_FORMULA_CHARS})"
