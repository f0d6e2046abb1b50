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


def scored_cells(
    assessments: Sequence[Assessment], framework: Framework
) -> tuple[list[int], list[int], list[Score]]:
    """Row, column (framework order) and :class:`Score` of every scored criterion of
    ``assessments``, for filling an ``(n, m)`` matrix with one vectorised assignment."""
    index = framework.criterion_index
    rows: list[int] = []
    cols: list[int] = []
    scores: list[Score] = []
    for i, a in enumerate(assessments):
        for cid, sc in a.scores.items():
            if sc.value is not None and cid in index:
                rows.append(i)
                cols.append(index[cid])
                scores.append(sc)
    return rows, cols, scores


def level_matrix(assessments: Sequence[Assessment], framework: Framework) -> np.ndarray:
    """The ``(n, m)`` level matrix of ``assessments`` in framework column order."""
    out = np.full((len(assessments), len(framework.criterion_index)), np.nan)
    rows, cols, scores = scored_cells(assessments, framework)
    out[rows, cols] = [sc.value for sc in scores]
    return out


def confidence_matrix(assessments: Sequence[Assessment], framework: Framework) -> np.ndarray:
    """``(n, m)`` int8 confidence codes in framework column order.

    Codes index :data:`models.core.portfolio.CONFIDENCES` (0 = low, 1 = medium, 2 = high); a
    criterion without a score gets ``high`` (it never moves anyway).
    """
    code = {c: i for i, c in enumerate(CONFIDENCES)}
    out = np.full((len(assessments), len(framework.criterion_index)), _HIGH, dtype=np.int8)
    rows, cols, scores = scored_cells(assessments, framework)
    out[rows, cols] = [code[sc.confidence] for sc in scores]
    return out
