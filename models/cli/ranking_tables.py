"""``beachhead score`` under a perspective: one row per startup (rank, gated, overall, pillars,
completeness, P10–P90 band, founder gap) as JSON rows, CSV or an aligned table."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING, Any

from models.cli.tables import csv_text, grid, num, signed
from models.cli.texts import label
from models.core.decisions import status_name, suggestion_name
from models.core.rounding import percent

if TYPE_CHECKING:
    from models.analysis.perspective_bands import Bands
    from models.core.framework import Framework
    from models.engine.ranking import Ranking

#: A row of ``score --format json`` under a perspective.
Row = dict[str, Any]


def ranking_rows(ranking: Ranking, bands: Bands) -> list[Row]:
    """The JSON rows, best first: ``rank``, ``startup_id``, ``startup``, ``gated``,
    ``deal_breakers``, ``overall``, ``pillars``, ``completeness``, ``assessments`` (how many
    the perspective uses), ``p10``, ``p90``, ``founder_gap`` (null when missing), ``status``
    (the current decision, null when none) and ``suggested`` (the thresholds' suggestion)."""
    rows = []
    for r in ranking.rows:
        p10, p90 = float(bands.p10[r.row]), float(bands.p90[r.row])
        rows.append({
            "rank": r.rank, "startup_id": r.startup_id, "startup": r.startup,
            "gated": r.gated, "deal_breakers": list(r.deal_breakers), "overall": r.overall,
            "pillars": dict(r.pillars), "completeness": r.completeness,
            "assessments": r.assessments,
            "p10": None if p10 != p10 else p10, "p90": None if p90 != p90 else p90,
            "founder_gap": r.founder_gap, "status": r.status, "suggested": r.suggested,
        })
    return rows


def ranking_csv(rows: list[Row], pillar_ids: list[str]) -> str:
    """``score --format csv`` under a perspective: pillars as ``pillars.ID`` columns."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["rank", "startup_id", "startup", "gated", "deal_breakers", "overall",
                     *(f"pillars.{p}" for p in pillar_ids), "completeness", "assessments",
                     "p10", "p90", "founder_gap", "status", "suggested"])
    for r in rows:
        writer.writerow([
            r["rank"], csv_text(r["startup_id"]), csv_text(r["startup"]),
            "true" if r["gated"] else "false", csv_text("; ".join(r["deal_breakers"])),
            num(r["overall"]), *(num(r["pillars"][p]) for p in pillar_ids),
            num(r["completeness"]), r["assessments"], num(r["p10"]), num(r["p90"]),
            num(r["founder_gap"]), r["status"] or "", r["suggested"] or "",
        ])
    return buf.getvalue()


def ranking_table(rows: list[Row], framework: Framework, head: str, lang: str) -> str:
    """``score --format table`` under a perspective: a heading line, then one aligned line
    per startup, texts in ``lang``."""
    pillars = framework.pillars
    cols = [label("rank", lang), label("startup", lang), label("gated", lang),
            label("overall", lang), *(p.score_name(lang) for p in pillars),
            label("done", lang), "P10", "P90", label("founder_gap", lang),
            label("used", lang), label("status", lang), label("suggested", lang)]
    body = []
    for r in rows:
        body.append([
            str(r["rank"]), csv_text(r["startup"]),
            csv_text(", ".join(r["deal_breakers"])) or "-",
            num(r["overall"], 1), *(num(r["pillars"][p.id], 1) for p in pillars),
            percent(r["completeness"]), num(r["p10"], 1), num(r["p90"], 1),
            signed(r["founder_gap"]),
            str(r["assessments"]),
            status_name(r["status"], lang) if r["status"] else "-",
            suggestion_name(r["suggested"], lang) if r["suggested"] else "-",
        ])
    numeric = {0, *range(3, len(cols) - 2)}
    return "\n".join([head, "", *grid(cols, body, numeric)]) + "\n"

