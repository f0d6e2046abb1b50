"""Spreadsheet formulas that reproduce :mod:`models.engine.scores` cell by cell.

Every builder returns formula text *without* the leading ``=``; arguments are cell or range
references as they must appear in the formula (``Scores!$I$2:$I$4``, ``F2``). Only functions
that Excel 2010+ and LibreOffice both compute are used: ``IF``, ``IFERROR``, ``ISNUMBER``,
``INT``, ``N``, ``AND``, ``ABS``, ``MID``, ``SUM``, ``SUMIFS`` and ``SUMPRODUCT``; no array
entry, no dynamic arrays.

**What counts as a score.** A Score cell counts only when it holds a *number* that is a whole
number from 1 to 5 (``5`` and ``5.0`` do; ``2.5``, ``0``, ``6``, ``-1`` and a date, which is a
large number to a spreadsheet, do not); text (even ``"3"``), an error or an empty cell is
*not scored*. The importer reads such cells the same way (not scored, with a warning naming
the cell), so a workbook and its import always agree. A cell that does not count leaves
everything at once: its favourability, its weight in the pillar score, its share of the
completeness and the rules on its criterion.

How unscored criteria stay out, exactly as in the engine:

* a favourability cell is ``""`` (empty text) unless its score counts (:func:`favourability`);
  every other formula asks the favourability cell whether a criterion is scored;
* ``SUMPRODUCT(weights, --ISNUMBER(favourabilities))`` adds only the weights of scored
  criteria;
* ``SUMPRODUCT(weights, favourabilities)`` counts the empty texts as zero;
* a pillar with no scored criterion gives ``""``, and ``ISNUMBER``/``N`` keep it out of the
  overall score;
* a rule condition on a criterion holds only when the criterion is scored (``IF`` on its
  favourability cell first, so no error in a Score cell can spread into the rule names);
* a pillar is enabled when its ``Enabled`` cell on the Framework sheet reads ``yes``
  (any case; ``是`` in a Chinese founder template: the ``on`` arguments); a disabled
  pillar's weight counts as 0 in the overall score and completeness.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from models.core.framework import Condition, Rule, text
from models.engine.rules import RULE_TOLERANCE
from models.workbook.xlsx_text import formula_string

#: The value of the Framework sheet's ``Enabled`` cell that enables a pillar.
ENABLED = "yes"
#: The value that disables it.
DISABLED = "no"
#: Formula text length Excel accepts.
MAX_FORMULA_CHARS = 8192


def valid_score(score: str) -> str:
    """True when the value in cell ``score`` is a number and a whole number from 1 to 5; use
    it only where the cell is known to hold a number (``INT`` of a text is an error)."""
    return f"AND({score}>=1,{score}<=5,INT({score})={score})"


def favourability(score: str, direction: str, cost: str = "cost") -> str:
    """0–1 favourability of the score in cell ``score``; ``""`` unless the score counts (see
    the module docstring).

    ``(s - 1) / 4`` for a benefit criterion, ``(5 - s) / 4`` when ``direction`` reads
    ``cost`` (``成本型`` in a Chinese founder template).
    """
    value = f'IF({direction}="{cost}",(5-{score})/4,({score}-1)/4)'
    return f'IF(ISNUMBER({score}),IF({valid_score(score)},{value},""),"")'


def scored_weight(weights: str, favourabilities: str) -> str:
    """The sum of the weights whose parallel favourability cell holds a number."""
    return f"SUMPRODUCT({weights},--ISNUMBER({favourabilities}))"


def weighted_pillar(weights: str, favourabilities: str) -> str:
    """0–100 pillar score: ``100 · Σ w·f / Σ w`` over the scored rows of two parallel ranges.

    ``""`` when no row of the pillar is scored (or their weights sum to 0).
    """
    scored = scored_weight(weights, favourabilities)
    return f'IF({scored}>0,100*SUMPRODUCT({weights},{favourabilities})/{scored},"")'


def level_pillar(weights: str, bases: str, steps: str, levels: str) -> str:
    """0–100 pillar score straight from levels (no favourability cells): with a criterion's
    favourability ``base + step · level`` (``−0.25 + 0.25·s`` for a benefit criterion,
    ``1.25 − 0.25·s`` for a cost one), ``100 · (Σ w·base + Σ w·step·s) / Σ w`` over the scored
    levels. ``weights``, ``bases``, ``steps`` and ``levels`` are parallel ranges; a level that
    is not a number (``""``) counts nowhere (``SUMPRODUCT`` reads text as 0). ``""`` when no
    level of the pillar is scored (or their weights sum to 0)."""
    scored = scored_weight(weights, levels)
    return (f"IF({scored}>0,100*(SUMPRODUCT({weights},{bases},--ISNUMBER({levels}))"
            f'+SUMPRODUCT({weights},{steps},{levels}))/{scored},"")')


@dataclass(frozen=True)
class PillarRefs:
    """Where one pillar's numbers are, for the overall and completeness formulas.

    Attributes:
        score: the cell holding the pillar's score (a number or ``""``).
        weight: the pillar weight cell on the Framework sheet.
        enabled: the pillar's ``Enabled`` cell on the Framework sheet.
        weights: the range of its criteria's weights for this assessment.
        favourabilities: the parallel range of its criteria's favourability cells (or of
            levels: only whether each holds a number counts).
    """

    score: str
    weight: str
    enabled: str
    weights: str
    favourabilities: str


def _effective(p: PillarRefs, on: str) -> str:
    return f'{p.weight}*({p.enabled}="{on}")'


def overall(pillars: Sequence[PillarRefs], on: str = ENABLED) -> str:
    """0–100 overall: ``Σ W·P / Σ W`` over enabled pillars (``Enabled`` reads ``on``) that
    have a score; ``""`` if none."""
    den = "+".join(f"{_effective(p, on)}*ISNUMBER({p.score})" for p in pillars)
    num = "+".join(f"{_effective(p, on)}*N({p.score})" for p in pillars)
    return f'IF(({den})>0,({num})/({den}),"")'


def completeness(pillars: Sequence[PillarRefs], weights: str, enabled: str,
                 on: str = ENABLED) -> str:
    """0–1 share of the total weight that is scored.

    ``Σ_p W_p · (scored criterion weight / all criterion weight of p) / Σ W`` over enabled
    pillars (``Enabled`` reads ``on``); ``weights`` and ``enabled`` are the whole
    pillar-weight and Enabled columns of the Framework sheet's pillar table.
    """
    total = f'SUMIFS({weights},{enabled},"{on}")'
    terms = "+".join(
        f"{_effective(p, on)}*IFERROR({scored_weight(p.weights, p.favourabilities)}"
        f"/SUM({p.weights}),0)"
        for p in pillars
    )
    return f'IF({total}>0,({terms})/{total},"")'


def number(x: float) -> str:
    """A number literal for a formula (never in exponent notation)."""
    text = f"{x:.12f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def condition(ref: str, cond: Condition, scored: str | None = None) -> str:
    """A rule condition on the value in ``ref``, with the engine's tolerance.

    For a pillar or the overall score (``scored`` is None) the result is two ``AND``
    arguments: the value must be a number, and meet the bound. For a criterion, ``ref`` is its
    Score cell and ``scored`` its favourability cell: one ``IF`` that meets the bound only when
    the criterion is scored (see the module docstring).
    """
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
    if scored is not None:
        return f"IF(ISNUMBER({scored}),{test},FALSE)"
    return f"ISNUMBER({ref}),{test}"


def rule_names(rules: Sequence[tuple[str, Sequence[str]]],
               matches: Sequence[str] | None = None) -> str:
    """The names of the rules that fire, joined by ``"; "`` (``""`` if none): a rule fires
    when its conditions all hold, or, where its entry of ``matches`` is ``any``, when at least
    one holds.

    Args:
        rules: ``(name, conditions)`` pairs; each condition from :func:`condition`.
        matches: each rule's ``match`` (``all`` for every rule when None).
    """
    if not rules:
        return '""'
    parts = [
        f'IF({_fires(conds, how)},{formula_string("; " + name)},"")'
        for (name, conds), how in zip(rules, matches or ["all"] * len(rules), strict=True)
    ]
    return f"MID({'&'.join(parts)},3,{MAX_FORMULA_CHARS})"


def fired_rules(rules: Sequence[Rule], lang: str, overall_cell: str,
                pillar_cells: Mapping[str, str],
                criterion_cells: Callable[[str], tuple[str, str]]) -> str:
    """:func:`rule_names` of ``rules`` (names in ``lang``) with their conditions on the cells
    given: ``overall_cell``, the pillar score cell of each pillar id, and for a criterion id
    its ``(level, favourability)`` cells."""
    out = []
    for rule in rules:
        conds = []
        for cond in rule.when:
            if cond.kind == "overall":
                conds.append(condition(overall_cell, cond))
            elif cond.kind == "pillar":
                conds.append(condition(pillar_cells[cond.target], cond))
            else:
                level, scored = criterion_cells(cond.target)
                conds.append(condition(level, cond, scored=scored))
        out.append((text(rule.name, lang), conds))
    return rule_names(out, [rule.match for rule in rules])


def _fires(conds: Sequence[str], match: str) -> str:
    """Whether a rule fires: ``AND`` of its conditions, or for ``any`` the ``OR`` of each
    condition (a condition may be two ``AND`` arguments, see :func:`condition`)."""
    if match == "any":
        return f"OR({','.join(f'AND({c})' for c in conds)})"
    return f"AND({','.join(conds)})"
