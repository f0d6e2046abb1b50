"""Portfolios and readers for the tests of the exported workbook's startup sheets (Summary,
Levels, Charts, Decisions): several investors per startup with even and odd counts, founders,
an older assessment by the same investor, unscored criteria and startups, ties, gated
startups; and the Summary table read back as dicts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from python_calamine import CalamineWorkbook

from models.core.decisions import Decision
from models.core.portfolio import Assessment, Portfolio, Score
from models.engine.sample import synthetic_portfolio
from models.workbook.layout import SUMMARY_HEADER_ROW


def many_views(n: int = 30, seed: int = 3) -> Portfolio:
    """``n`` synthetic startups re-assessed: startup ``k`` has ``k % 5`` investors (random
    levels, 15 % left unscored), a founder self-assessment when ``k % 3 == 0``, an older
    assessment by its first investor (all 1s, which the investor view must ignore) when
    ``k % 4 == 1``, and decisions when ``k % 6 == 0``; plus ``aaa twin``, a copy of startup 2
    under another name (the same scores: a tie broken by name)."""
    base = synthetic_portfolio(n, seed=seed)
    fw = base.framework
    rng = np.random.default_rng(seed)
    out = []
    for k, st in enumerate(base.startups):
        assessments = []
        for a in range(k % 5):
            scores = {cid: Score(value=int(rng.integers(1, 6)) if rng.random() > 0.15 else None,
                                 confidence=("low", "medium", "high")[int(rng.integers(0, 3))])
                      for cid in fw.criterion_ids}
            assessments.append(Assessment(assessor=f"Investor {a}", role="investor",
                                          date=dt.date(2024, 1 + a, 1), scores=scores))
        if k % 3 == 0:
            assessments.append(Assessment(
                assessor="Founder", role="founder", date=dt.date(2024, 3, 3),
                scores={cid: Score(value=int(rng.integers(3, 6))) for cid in fw.criterion_ids}))
        if k % 4 == 1 and assessments:
            assessments.append(Assessment(
                assessor="Investor 0", role="investor", date=dt.date(2023, 1, 1),
                scores={cid: Score(value=1) for cid in fw.criterion_ids}))
        decisions = [Decision(status="screening", date=dt.date(2024, 2, 1), by="Ann"),
                     Decision(status="diligence", date=dt.date(2024, 4, 1), by="Ann",
                              rationale=f"=reason {k}")] if k % 6 == 0 else []
        out.append(st.model_copy(update={"assessments": assessments, "decisions": decisions}))
    twin = out[2].model_copy(deep=True, update={
        "id": "twin", "name": "aaa twin",
        "assessments": [a.model_copy(update={"id": f"twin{i}"})
                        for i, a in enumerate(out[2].assessments)]})
    return Portfolio(framework=fw, startups=[*out, twin])


def summary_rows(path: Path) -> tuple[list[str], list[dict[str, object]]]:
    """The Summary table's header and rows (as dicts by header, ``""`` for empty cells), read
    with python-calamine: the cached values, or the recalculated ones of a converted file."""
    rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Summary").to_python(
        skip_empty_area=False)
    head = [str(h) for h in rows[SUMMARY_HEADER_ROW - 1]]
    return head, [dict(zip(head, r, strict=False)) for r in rows[SUMMARY_HEADER_ROW:]
                  if any(v != "" for v in r)]


def number(v: object) -> float | None:
    """A cell's number as calamine gives it: ``""`` is an empty result."""
    if v == "" or v is None:
        return None
    assert isinstance(v, (int, float)), v
    return float(v)
