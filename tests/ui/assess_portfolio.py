"""The portfolio the Assess view's tests of details, sorting, filters and fast entry share: five
startups on the tiny framework (pillar a: benefit, weight 2, a.x w1 and a.y w3; pillar b: cost,
weight 1, b.z and b.w), each with one investor assessment, so the investor view's overall is
that assessment's, worked out by hand below, and a view on a workspace file holding it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtWidgets import QApplication

from gui.document import Document
from gui.views.assess.view import AssessView
from models.core.decisions import Decision
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from models.store.workspace import Workspace
from tests.helpers import tiny_framework

#: Favourability: benefit (s-1)/4, cost (5-s)/4; pillar a = (f(a.x) + 3 f(a.y)) / 4,
#: b = (f(b.z) + f(b.w)) / 2; overall = (2 a + b) / 3, all × 100.
#: Atlas 5,5,1,1: a 100, b 100 -> 100.  Borealis 1,1,5,4: a 0, b 12.5 -> 4.17.
#: Cobalt 3,3,3,3: 50 -> 50.  Dynamo 5,4,2,2: a (1 + 2.25)/4 = 81.25, b 75 -> 79.17.
#: Ember 5,5,1,5: a 100, b 50 -> 83.33 but b.w 5 fires the deal-breaker: ranked last.
OVERALL = {"Atlas": 100.0, "Borealis": 12.5 / 3, "Cobalt": 50.0, "Dynamo": 237.5 / 3,
           "Ember": 250 / 3}
#: (name, levels a.x a.y b.z b.w, sector, stage, region, tags, status, assessed on)
ROWS = [
    ("Cobalt", (3, 3, 3, 3), "Legal AI", "Series A", "Beijing", ["b2b", "saas"], None,
     dt.date(2025, 2, 15)),
    ("Ember", (5, 5, 1, 5), "Health", "Seed", "Shanghai", [], "diligence", dt.date(2024, 12, 1)),
    ("Atlas", (5, 5, 1, 1), "Legal AI", "Seed", "Shanghai", ["b2b"], "diligence",
     dt.date(2025, 3, 1)),
    ("Borealis", (1, 1, 5, 4), "Health", "Series A", "Beijing", ["b2c"], "passed",
     dt.date(2025, 1, 10)),
    ("Dynamo", (5, 4, 2, 2), "legal ai", "Seed", "Shanghai", ["B2B"], "screening",
     dt.date(2025, 4, 20)),
]
CRITERIA = ("a.x", "a.y", "b.z", "b.w")


def five_startups(**framework) -> Portfolio:
    """The five startups of :data:`ROWS` (ids ``s-<name>``, assessments ``a-<name>``)."""
    startups = []
    for name, levels, sector, stage, region, tags, status, day in ROWS:
        scores = {c: Score(value=v) for c, v in zip(CRITERIA, levels, strict=True)}
        decisions = [Decision(status=status, date=day, by="IC")] if status else []
        startups.append(Startup(
            id=f"s-{name}", name=name, sector=sector, stage=stage, region=region, tags=tags,
            assessments=[Assessment(id=f"a-{name}", assessor="Ivy", role="investor", date=day,
                                    scores=scores)],
            decisions=decisions))
    return Portfolio(framework=tiny_framework(**framework), startups=startups)


def open_view(qtbot, tmp_path: Path, portfolio: Portfolio | None = None,  # type: ignore[no-untyped-def]
              size: tuple[int, int] = (1280, 800)) -> Iterator[tuple[AssessView, Document]]:
    """An Assess view shown on a workspace file holding ``portfolio`` (default: the five
    startups); the workspace is closed afterwards (use as a generator fixture's body)."""
    path = tmp_path / "five.beachhead"
    Workspace.create(path, portfolio or five_startups(), who="Ann").close()
    doc = Document.open(path, who="Ann")
    view = AssessView(doc)
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    qtbot.waitExposed(view)
    QApplication.processEvents()
    try:
        yield view, doc
    finally:
        doc.close()
