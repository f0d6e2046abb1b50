"""How much the portfolio's ranking depends on the pillar weights, from its current results:
the rank-reversal points of every enabled pillar and the tornado of one assessment
(:mod:`models.analysis.sensitivity`), with the names a reader sees.

Both start from the results as scored (the active scenario included), so they need no Monte
Carlo and are cheap enough to recompute after every edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from models.analysis.sensitivity import (
    TORNADO_STEP,
    PillarSweep,
    Reversal,
    leader_reversals,
    tornado,
)
from models.core.framework import Framework, text
from models.engine.arrays import FrameworkArrays
from models.engine.results import Result


@dataclass(frozen=True)
class SensitivityData:
    """The results as the sensitivity functions need them.

    Attributes:
        results: the results, one row each (``n``).
        pillar_ids: ``k`` pillar ids; pillar_names: their display names.
        pillars: ``(n, k)`` pillar scores (NaN = none); pillar_weight: ``(k,)`` (0 = off).
        sweeps: one :class:`models.analysis.sensitivity.PillarSweep` per enabled pillar.
    """

    results: list[Result]
    pillar_ids: list[str]
    pillar_names: dict[str, str]
    pillars: np.ndarray
    pillar_weight: np.ndarray
    sweeps: list[PillarSweep]

    @classmethod
    def of(cls, framework: Framework, results: Sequence[Result],
           lang: str = "en") -> SensitivityData:
        """Gather the data of ``results`` (scored with ``framework``), names in ``lang``."""
        fa = FrameworkArrays.of(framework)
        ids = list(fa.pillar_ids)
        pillars = np.array(
            [[np.nan if r.pillars.get(p) is None else r.pillars[p] for p in ids]
             for r in results], dtype=float).reshape(len(results), len(ids))
        return cls(list(results), ids, {p.id: text(p.name, lang) for p in framework.pillars},
                   pillars, np.asarray(fa.pillar_weight, dtype=float),
                   leader_reversals(pillars, fa.pillar_weight, ids))

    def label(self, row: int) -> str:
        """``startup (assessor)`` of a row."""
        r = self.results[row]
        return f"{r.startup} ({r.assessor})" if r.assessor else r.startup

    def row_of(self, assessment_id: str) -> int:
        """The row of an assessment, or -1."""
        return next((i for i, r in enumerate(self.results) if r.assessment_id == assessment_id),
                    -1)

    @property
    def reversals(self) -> list[Reversal]:
        """Every leader change, pillar by pillar, by increasing share."""
        return [r for s in self.sweeps for r in s.reversals]

    def leader_now(self) -> int:
        """The row of the leader at the current weights, or -1 when nothing is scored."""
        return next((s.leader_now for s in self.sweeps if s.leader_now >= 0), -1)

    def tornado_rows(self, assessment_id: str) -> dict[str, Any] | None:
        """The tornado of one assessment: ``{"label", "base", "pillars": [(name, share,
        low_share, high_share, low, high), ...]}`` with each enabled pillar's share moved by
        :data:`~models.analysis.sensitivity.TORNADO_STEP`; None when the assessment is not
        here or has no score."""
        row = self.row_of(assessment_id)
        if row < 0 or np.isnan(self.pillars[row]).all():
            return None
        t = tornado(self.pillars[row:row + 1], self.pillar_weight, self.pillar_ids,
                    TORNADO_STEP)
        return {
            "label": self.label(row),
            "base": float(t.base[0]),
            "pillars": [(self.pillar_names[p], float(t.share[j]), float(t.low_share[j]),
                         float(t.high_share[j]), float(t.low[0, j]), float(t.high[0, j]))
                        for j, p in enumerate(t.pillar_ids)],
        }
