"""The command line's text tables and CSV: columns aligned for a terminal (wide East Asian
characters count two) and text cells a spreadsheet will not run as formulas."""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import TYPE_CHECKING, Any, cast

from models.cli.texts import label, role
from models.core.framework import text
from models.core.rounding import fixed, percent

if TYPE_CHECKING:
    from models.analysis.run import PortfolioAnalysis
    from models.core.framework import Framework

#: A row of ``score --format json`` (:meth:`models.engine.results.Result.as_json`).
Row = dict[str, Any]


def display_width(s: str) -> int:
    """Terminal columns taken by ``s`` (wide East Asian characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(s))
    return gap + s if right else s + gap


def grid(head: list[str], body: list[list[str]], numeric: set[int]) -> list[str]:
    """The lines of a table: a header, a rule and the rows, columns two spaces apart and the
    ``numeric`` columns aligned right."""
    widths = [max(display_width(str(x)) for x in col) for col in zip(head, *body, strict=True)]
    lines = ["  ".join(_pad(h, w, i in numeric) for i, (h, w) in enumerate(zip(head, widths,
                                                                             strict=True)))]
    lines.append("  ".join("-" * w for w in widths))
    for row in body:
        lines.append("  ".join(_pad(str(c), w, i in numeric)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    return [line.rstrip() for line in lines]


def csv_text(value: str) -> str:
    """Text for a CSV or table cell that a spreadsheet will not run as a formula when pasted
    (OWASP advice: a leading ``= + - @``, tab or carriage return gets a single quote in
    front). Every text cell goes through it: names of startups and assessors, and the names
    of postures, deal-breakers and criteria that come from a (possibly custom) framework."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def num(x: float | None, digits: int | None = None) -> str:
    """A number in full (``repr``) or with ``digits`` decimals; empty for ``None``."""
    if x is None:
        return ""
    return repr(float(x)) if digits is None else fixed(x, digits)


def _pct(x: float | None) -> str:
    return "" if x is None else percent(x, 1)


def score_csv(rows: list[Row], pillar_ids: list[str]) -> str:
    """``score --format csv``: one line per result, pillars as ``pillars.ID`` columns."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["startup", "assessor", "role", "date", "overall",
                     *(f"pillars.{p}" for p in pillar_ids), "completeness", "postures",
                     "deal_breakers", "top_improvements"])
    for r in rows:
        writer.writerow([
            csv_text(r["startup"]), csv_text(r["assessor"]), r["role"], r["date"],
            num(r["overall"]),
            *(num(r["pillars"][p]) for p in pillar_ids), num(r["completeness"]),
            csv_text("; ".join(r["postures"])), csv_text("; ".join(r["deal_breakers"])),
            csv_text("; ".join(f"{t['criterion']} (+{fixed(t['gain'], 2)})"
                               for t in r["top_improvements"])),
        ])
    return buf.getvalue()


def score_table(rows: list[Row], framework: Framework, lang: str) -> str:
    """``score --format table``: one aligned line per result, texts in ``lang``."""
    pillars = framework.pillars
    head = [label("startup", lang), label("assessor", lang), label("role", lang),
            label("overall", lang), *(text(p.name, lang) for p in pillars),
            label("done", lang), label("postures", lang), label("deal_breakers", lang)]
    body = []
    for r in rows:
        body.append([
            csv_text(r["startup"]), csv_text(r["assessor"]), role(r["role"], lang),
            num(r["overall"], 1), *(num(r["pillars"][p.id], 1) for p in pillars),
            percent(r["completeness"]), csv_text(", ".join(r["postures"])) or "-",
            csv_text(", ".join(r["deal_breakers"])) or "-",
        ])
    numeric = set(range(3, 4 + len(pillars) + 1))
    return "\n".join(grid(head, body, numeric)) + "\n"


def analysis_table(result: PortfolioAnalysis, file: str, lang: str = "en") -> str:
    """``analyze --format table``: the uncertainty of every assessment (highest median
    first), then the leader changes of the weight sweeps."""
    u = result.uncertainty
    what = label("analysis_vary", lang)
    if u.concentration is not None:
        what += label("analysis_weights", lang).format(c=u.concentration)
    lines = [label("analysis_head", lang).format(file=file, n=len(result.pairs), draws=u.draws,
                                                 seed=u.seed, what=what)]
    if result.scenario is not None:
        lines.append(label("scenario", lang).format(name=text(result.scenario.name, lang),
                                                    id=result.scenario.id))
    lines.append("")
    lines += _uncertainty_lines(result, lang)
    lines.append("")
    lines.append(label("reversals", lang))
    lines += _reversal_lines(result, lang)
    return "\n".join(lines) + "\n"


def _uncertainty_lines(result: PortfolioAnalysis, lang: str) -> list[str]:
    top_k = result.uncertainty.top_k
    head = [label("startup", lang), label("assessor", lang), label("role", lang),
            label("overall", lang), "P10", "P50", "P90", label("p_rank1", lang),
            label("p_top", lang).format(k=top_k)]
    scen = result.scenario_impact is not None
    if scen:
        head += [label("before", lang), label("rank_change", lang)]
    rows = cast("list[Row]", result.as_json()["assessments"])
    order = sorted(range(len(rows)), key=lambda i: (
        -(rows[i]["p50"] if rows[i]["p50"] is not None else -1.0), -(rows[i]["p_rank1"] or 0.0)))
    body = []
    for i in order:
        r = rows[i]
        cells = [csv_text(r["startup"]), csv_text(r["assessor"]), role(r["role"], lang),
                 num(r["overall"], 1),
                 num(r["p10"], 1),
                 num(r["p50"], 1), num(r["p90"], 1), _pct(r["p_rank1"]), _pct(r[f"p_top{top_k}"])]
        if scen:
            change = r["rank_change"]
            cells += [num(r["overall_before"], 1),
                      "" if change is None else (f"+{change}" if change > 0 else str(change))]
        body.append(cells)
    return grid(head, body, set(range(3, len(head))))


def _reversal_lines(result: PortfolioAnalysis, lang: str) -> list[str]:
    body = []
    for sweep in result.sweeps:
        for r in sweep.reversals:
            body.append([result.pillar_names[r.pillar], _pct(sweep.current), _pct(r.weight),
                         result.label(r.new_leader), result.label(r.previous_leader)])
    if not body:
        return [label("no_reversal", lang)]
    return grid([label("pillar", lang), label("now", lang), label("at", lang),
                 label("new_leader", lang), label("previous_leader", lang)], body, {1, 2})
