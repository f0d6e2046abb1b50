"""The command line's text tables and CSV: columns aligned for a terminal (wide East Asian
characters count two) and text cells a spreadsheet will not run as formulas."""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import TYPE_CHECKING, Any, cast

from models.cli.count_texts import counted
from models.cli.texts import label, role
from models.core.decisions import status_name
from models.core.framework import text
from models.core.rounding import fixed, percent

if TYPE_CHECKING:
    from models.analysis.startups import StartupAnalysis
    from models.core.framework import Framework
    from models.engine.perspectives import Perspective

#: A row of ``score --format json`` (:meth:`models.engine.results.Result.as_json`).
Row = dict[str, Any]


def display_width(s: str) -> int:
    """Terminal columns taken by ``s`` (wide East Asian characters count two)."""
    if s.isascii():  # no ASCII character is wide
        return len(s)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def one_line(s: str) -> str:
    """``s`` for one table cell: each control character (a line break, a tab, a bell from a
    hand-edited file) shown as a space, so a row stays on its line and in its columns."""
    if s.isprintable():  # no control character in it
        return s
    return "".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in s)


def grid(head: list[str], body: list[list[str]], numeric: set[int]) -> list[str]:
    """The lines of a table: a header, a rule and the rows, columns two spaces apart and the
    ``numeric`` columns aligned right (texts on one line, :func:`one_line`)."""
    rows = [[str(h) for h in head], *([one_line(str(c)) for c in row] for row in body)]
    sizes = [[display_width(c) for c in row] for row in rows]
    widths = [max(col) for col in zip(*sizes, strict=True)]
    right = [i in numeric for i in range(len(widths))]
    lines = []
    for row, size in zip(rows, sizes, strict=True):
        lines.append("  ".join(
            " " * (w - n) + c if r else c + " " * (w - n)
            for c, n, w, r in zip(row, size, widths, right, strict=True)).rstrip())
    lines.insert(1, "  ".join("-" * w for w in widths).rstrip())
    return lines


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


def perspective_text(perspective: Perspective, lang: str) -> str:
    """A perspective described for a table heading (``investor view (median of …)``)."""
    return label(f"perspective_{perspective.kind}", lang).format(name=perspective.assessor)


def analysis_table(result: StartupAnalysis, file: str, lang: str = "en") -> str:
    """``analyze --format table``: a heading saying what was drawn (perspective, draws,
    resamples, seed, gates), one line per startup in the ranking's order, then the leader
    changes of the weight sweeps."""
    u = result.uncertainty
    what = label("analysis_vary", lang)
    if result.resamples > 1:
        what += label("analysis_resampled", lang).format(
            resamples=counted(lang, "resamples", result.resamples),
            per=counted(lang, "draws", u.draws // result.resamples))
    if u.concentration is not None:
        what += label("analysis_weights", lang).format(c=u.concentration)
    gates = label("ignoring_gates" if result.ranking.ignore_gates else "gating", lang)
    lines = [label("analysis_startups_head", lang).format(
        file=file, startups=counted(lang, "startups", len(result.startups)),
        perspective=perspective_text(result.perspective, lang),
        draws=counted(lang, "draws", u.draws), seed=u.seed, what=what, gates=gates)]
    if result.scenario is not None:
        lines.append(label("scenario", lang).format(name=text(result.scenario.name, lang),
                                                    id=result.scenario.id))
    lines.append("")
    lines += _startup_lines(result, lang)
    lines.append("")
    lines.append(label("reversals", lang))
    lines += _reversal_lines(result, lang)
    return "\n".join(lines) + "\n"


def _startup_lines(result: StartupAnalysis, lang: str) -> list[str]:
    top_k = result.uncertainty.top_k
    head = [label("rank", lang), label("startup", lang), label("gated", lang),
            label("overall", lang), "P10", "P50", "P90", label("p_rank1", lang),
            label("p_top", lang).format(k=top_k), label("founder_gap", lang),
            label("status", lang)]
    scen = result.scenario is not None
    if scen:
        head += [label("before", lang), label("rank_change", lang)]
    body = []
    for r in cast("list[Row]", result.as_json()["startups"]):
        cells = [str(r["rank"]), csv_text(r["startup"]),
                 csv_text(", ".join(r["deal_breakers"])) or "-", num(r["overall"], 1),
                 num(r["p10"], 1), num(r["p50"], 1), num(r["p90"], 1), _pct(r["p_rank1"]),
                 _pct(r[f"p_top{top_k}"]), signed(r["founder_gap"]),
                 status_name(r["status"], lang) if r["status"] else "-"]
        if scen:
            change = r["rank_change"]
            cells += [num(r["overall_before"], 1), f"+{change}" if change > 0 else str(change)]
        body.append(cells)
    return grid(head, body, {0, *range(3, 10), *range(11, len(head))})


def _reversal_lines(result: StartupAnalysis, lang: str) -> list[str]:
    body = []
    for sweep in result.sweeps:
        for r in sweep.reversals:
            body.append([result.pillar_names[r.pillar], _pct(sweep.current), _pct(r.weight),
                         csv_text(result.label(r.new_leader)),
                         csv_text(result.label(r.previous_leader))])
    if not body:
        scored = any(r.overall is not None for r in result.ranking.rows)
        return [label("no_reversal_startup" if scored else "no_scored_startup", lang)]
    return grid([label("pillar", lang), label("now", lang), label("at", lang),
                 label("new_leader", lang), label("previous_leader", lang)], body, {1, 2})


def signed(x: float | None) -> str:
    """A gap with one decimal and its sign (``+2.5``, ``-1.0``, ``0.0``); empty for ``None``."""
    if x is None:
        return ""
    shown = fixed(x, 1)
    return shown if shown.startswith("-") or float(shown) == 0 else "+" + shown
