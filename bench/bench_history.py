"""History benchmark at 10,000 startups: one startup with 300 changes (levels, rationales,
assessments added, framework replacements) among 20,000 changes to other startups.

Measured from a portfolio held in memory (as the window holds it): the startup's changes read
and described, its trend under the investor view (one point per moment its scores changed),
its diff between its first moment and now, two of its assessments compared. Baseline in the
same run: the startup's changes read alone (``Workspace.changes``), and loading the whole
portfolio (what a command without a window pays first).
"""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from bench.common import median_ms
from models.core.portfolio import Assessment, Score
from models.engine.sample import synthetic_portfolio
from models.history.describe import describe_changes
from models.history.diff import diff_assessments, diff_moments
from models.history.trend import startup_trend
from models.store.workspace import Workspace

SIZE = 10_000
MINE = 300
OTHERS = 20_000


def build(path: Path) -> tuple[Workspace, str]:
    """The workspace, and the id of the startup with :data:`MINE` changes."""
    ws = Workspace.create(path, synthetic_portfolio(SIZE, seed=7), who="bench")
    portfolio = ws.load()
    rng = random.Random(7)
    fw = portfolio.framework
    cids = fw.criterion_ids
    target = portfolio.startups[SIZE // 2]
    others = [a.id for s, a in portfolio.assessments() if s.id != target.id]
    for _ in range(OTHERS // 100):
        with ws.transaction():
            for _ in range(100):
                ws.set_score_field(rng.choice(others), rng.choice(cids), "value",
                                   rng.randint(1, 5))
    ids = [a.id for a in target.assessments]
    levels = {(a.id, c): s.value for a in target.assessments for c, s in a.scores.items()}
    for i in range(MINE):
        if i % 100 == 50:
            ws.replace_framework(fw.with_weights(pillar_weights={fw.pillars[0].id: 1 + i / 100}))
        elif i % 30 == 29:
            a = Assessment(assessor=f"Investor {i}", role="investor",
                           date=dt.date(2025, 1, 1) + dt.timedelta(days=i),
                           scores={c: Score(value=rng.randint(1, 5)) for c in cids[:6]})
            ws.insert_assessment(target.id, len(ids), a)
            ids.append(a.id)
            levels.update(((a.id, c), s.value) for c, s in a.scores.items())
        elif i % 3 == 0:
            ws.set_score_field(rng.choice(ids), rng.choice(cids), "rationale", f"reason {i}")
        else:
            aid, cid = rng.choice(ids), rng.choice(cids)
            level = levels.get((aid, cid))
            levels[aid, cid] = rng.choice([v for v in range(1, 6) if v != level])
            ws.set_score_field(aid, cid, "value", levels[aid, cid])
    return ws, target.id


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        ws, sid = build(Path(folder) / "history.beachhead")
        with ws:
            current = ws.load()
            first = ws.changes(startup_id=sid)[-1].at
            log = ws.changes(startup_id=sid)
            trend = startup_trend(ws, sid, current=current)
            print(f"{SIZE} startups, {len(ws.changes(limit=OTHERS * 2))} changes; the "
                  f"startup: {len(log)} changes, {len(trend.points)} trend points")
            startup = next(s for s in current.startups if s.id == sid)
            figures = {
                "changes read (baseline)": lambda: ws.changes(startup_id=sid),
                "changes read and described": lambda: describe_changes(
                    ws.changes(startup_id=sid), current),
                "trend (investor view)": lambda: startup_trend(ws, sid, current=current),
                "diff first moment → now": lambda: diff_moments(ws, sid, first,
                                                                 current=current),
                "diff of two assessments": lambda: diff_assessments(
                    startup, startup.assessments[0], startup.assessments[-1],
                    current.framework),
                "whole portfolio loaded (baseline)": ws.load,
            }
            for name, fn in figures.items():
                print(f"  {name:<36} {median_ms(fn):8.1f} ms")


if __name__ == "__main__":
    main()
