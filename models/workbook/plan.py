"""What the export's sheet writers share: the portfolio's rows and Beachhead's own results.

The engine (:mod:`models.engine.results`) scores every assessment once; the writers put its numbers
beside each formula as the formula's cached value, so a reader that does not recalculate sees
exactly what Beachhead computes, and a spreadsheet that recalculates gets the same numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from models.core.framework import Framework, Rule, text
from models.core.portfolio import Assessment, Portfolio, Startup
from models.engine.arrays import level_matrix
from models.engine.rules import rule_mask
from models.engine.scores import ScoreTable, score_levels
from models.workbook.layout import FrameworkSheet

#: Excel's day 0 for dates from 1900-03-01 on (its 1900 leap-year bug sits before that).
_EXCEL_EPOCH = dt.date(1899, 12, 30)


@dataclass(frozen=True)
class ExportPlan:
    """Everything about the portfolio the export's sheet writers share.

    Attributes:
        framework, lang: the portfolio's framework and the language of its texts.
        pairs: ``(startup, assessment)`` in document order: assessment ``i`` is Summary row
            ``2 + i``.
        geo: positions on the Framework sheet.
        pillar_spans: ``(first, last)`` criterion index of each pillar.
        table: the engine's results (favourability, pillars, overall, completeness).
        posture_names, breaker_names: the rules that fire for each assessment, joined by
            ``"; "`` (``""`` when none), as the Summary formulas compute them.
    """

    framework: Framework
    lang: str
    pairs: list[tuple[Startup, Assessment]]
    geo: FrameworkSheet
    pillar_spans: list[tuple[int, int]]
    table: ScoreTable
    posture_names: list[str]
    breaker_names: list[str]

    @property
    def m(self) -> int:
        """Criteria per assessment (rows per assessment on the Scores sheet)."""
        return self.geo.criteria

    @property
    def overall(self) -> np.ndarray:
        """``(n,)`` overall scores, NaN where nothing is scored."""
        return self.table.overall

    def scores_first_row(self, i: int) -> int:
        """First Scores row of assessment ``i``."""
        return 2 + i * self.m


def _fired(mask: np.ndarray, rules: Sequence[Rule], lang: str) -> list[str]:
    names = [text(r.name, lang) for r in rules]
    return ["; ".join(name for name, on in zip(names, row, strict=True) if on)
            for row in mask.tolist()]


def make_plan(portfolio: Portfolio, lang: str) -> ExportPlan:
    """Score ``portfolio`` with its own framework and lay out its rows."""
    fw = portfolio.framework
    pairs = portfolio.assessments()
    spans, start = [], 0
    for p in fw.pillars:
        spans.append((start, start + len(p.criteria) - 1))
        start += len(p.criteria)
    table = score_levels(level_matrix([a for _, a in pairs], fw), fw)
    postures = _fired(rule_mask(table, fw.postures), fw.postures, lang)
    breakers = _fired(rule_mask(table, fw.deal_breakers), fw.deal_breakers, lang)
    return ExportPlan(fw, lang, pairs, FrameworkSheet(len(fw.pillars), len(fw.criteria)),
                      spans, table, postures, breakers)


def excel_date(day: dt.date) -> int:
    """The serial number a spreadsheet stores for ``day`` (from 1900-03-01 on)."""
    return (day - _EXCEL_EPOCH).days
