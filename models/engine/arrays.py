"""A framework flattened into numpy arrays, and assessments as ``(n, m)`` matrices of levels
and of confidence codes.

Columns are criteria in framework order; ``NaN`` marks a criterion that is not scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.core.framework import Framework
from models.core.portfolio import CONFIDENCES, Assessment, Score

_HIGH = CONFIDENCES.index("high")


@dataclass(frozen=True)
class FrameworkArrays:
    """A framework flattened into arrays, columns in framework criterion order.

    Attributes:
        criterion_ids: ``m`` criterion ids; pillar_ids: ``k`` pillar ids.
        benefit: ``(m,)`` bool, True for benefit criteria.
        criterion_weight: ``(m,)`` raw criterion weights (> 0).
        pillar_of: ``(m,)`` index of each criterion's pillar.
        membership: ``(m, k)`` 0/1 matrix, criterion → pillar.
        pillar_weight: ``(k,)`` pillar weights, 0 for disabled pillars.
        share: ``(m,)`` each criterion's share of the total weight (sums to 1).
    """

    criterion_ids: list[str]
    pillar_ids: list[str]
    benefit: np.ndarray
    criterion_weight: np.ndarray
    pillar_of: np.ndarray
    membership: np.ndarray
    pillar_weight: np.ndarray
    share: np.ndarray

    @classmethod
    def of(cls, framework: Framework | FrameworkArrays) -> FrameworkArrays:
        """Flatten ``framework`` (arrays are returned as they are)."""
        if isinstance(framework, FrameworkArrays):
            return framework
        crits = framework.criteria
        pillar_ids = [p.id for p in framework.pillars]
        pindex = {pid: i for i, pid in enumerate(pillar_ids)}
        pillar_of = np.array([pindex[c.pillar_id] for c in crits], dtype=np.intp)
        membership = np.zeros((len(crits), len(pillar_ids)))
        membership[np.arange(len(crits)), pillar_of] = 1.0
        cw = np.array([c.weight for c in crits], dtype=float)
        pw = np.array([p.weight if p.enabled else 0.0 for p in framework.pillars], dtype=float)
        within = cw / (cw @ membership)[pillar_of]
        share = within * (pw / pw.sum())[pillar_of]
        return cls(
            criterion_ids=[c.id for c in crits],
            pillar_ids=pillar_ids,
            benefit=np.array([c.direction == "benefit" for c in crits]),
            criterion_weight=cw,
            pillar_of=pillar_of,
            membership=membership,
            pillar_weight=pw,
            share=share,
        )


def _cells(assessments: Sequence[Assessment], framework: Framework
           ) -> tuple[np.ndarray, np.ndarray, list[Score]]:
    """Every score of ``assessments`` in one flat list, with its row and its column
    (framework order; -1 for a criterion the framework lacks). Flat comprehensions and
    vectorised selection, not a loop with a test per score: 180,000 scores in a few tens of
    milliseconds."""
    tables = [a.scores for a in assessments]
    rows = np.repeat(np.arange(len(tables), dtype=np.intp), [len(t) for t in tables])
    column = framework.criterion_index.get
    cols = np.array([column(cid, -1) for t in tables for cid in t], dtype=np.intp)
    scores = [s for t in tables for s in t.values()]
    return rows, cols, scores


def levels_and_confidence(assessments: Sequence[Assessment], framework: Framework
                          ) -> tuple[np.ndarray, np.ndarray]:
    """:func:`level_matrix` and :func:`confidence_matrix` of ``assessments`` at once (one walk
    over their scores)."""
    rows, cols, scores = _cells(assessments, framework)
    shape = (len(assessments), len(framework.criterion_index))
    levels, keep = _levels(shape, rows, cols, scores)
    code = {c: i for i, c in enumerate(CONFIDENCES)}
    codes = np.array([code[s.confidence] for s in scores], dtype=np.int8)
    confidence = np.full(shape, _HIGH, dtype=np.int8)
    confidence[rows[keep], cols[keep]] = codes[keep]
    return levels, confidence


def _levels(shape: tuple[int, int], rows: np.ndarray, cols: np.ndarray,
            scores: list[Score]) -> tuple[np.ndarray, np.ndarray]:
    """The level matrix, and which of the flat scores it holds (scored, and a criterion of
    the framework)."""
    values = np.array([s.value for s in scores], dtype=float)  # None (not scored) → NaN
    keep = (cols >= 0) & ~np.isnan(values)
    out = np.full(shape, np.nan)
    out[rows[keep], cols[keep]] = values[keep]
    return out, keep


def level_matrix(assessments: Sequence[Assessment], framework: Framework) -> np.ndarray:
    """The ``(n, m)`` level matrix of ``assessments`` in framework column order."""
    rows, cols, scores = _cells(assessments, framework)
    shape = (len(assessments), len(framework.criterion_index))
    return _levels(shape, rows, cols, scores)[0]


def confidence_matrix(assessments: Sequence[Assessment], framework: Framework) -> np.ndarray:
    """``(n, m)`` int8 confidence codes in framework column order.

    Codes index :data:`models.core.portfolio.CONFIDENCES` (0 = low, 1 = medium, 2 = high); a
    criterion without a score gets ``high`` (it never moves anyway).
    """
    return levels_and_confidence(assessments, framework)[1]
