"""Workbook export: time and peak memory for 1,000 and 10,000 synthetic startups.

Each startup has one fully scored assessment (18 criteria), so 10,000 startups make a Scores
sheet of 180,000 rows. In the same run, three baselines write the same cell values and nothing
else (no styles, no formulas but the computed numbers, no validations, no charts): the
Summary's ranked startups, the Assessments, Levels, Scores, Startups and Framework sheets.
The reference of the goal is a bare streaming writer (``bench/bare_xlsx.py``: sheet XML made
by hand, row by row, into the zip at zipfile's default deflate level): at 10,000 startups the
export, with its formulas, their cached values, styles, validation, charts and Analysis
sheet, takes at most twice as long, and peaks at no more than 300 MB. openpyxl's write-only
mode and XlsxWriter in ``constant_memory`` mode (the export's own writer) writing the same
values through their cell APIs are printed next to it. At 1,000 startups the export also
runs the Analysis sheet's Monte Carlo (1,000 draws; a 10,000-startup export skips it), which
no baseline does: the export without it (``analysis_draws=0``) is measured there too.

Every measurement runs in a fresh child process that first builds the portfolio
(:func:`models.engine.sample.synthetic_portfolio`), then writes the workbook once; export and
baseline children alternate so that drift on a shared machine hits both alike. Times are wall
clock, with the child's CPU time next to them (on a busy machine the steadier of the two).
Peak RSS is the child's ``VmHWM`` (building the portfolio included); "while writing" is the
peak after the portfolio was built (reset just before writing), and the memory the portfolio
alone holds is printed too.

Run with ``python bench/run.py export`` (``BENCH_EXPORT_ROUNDS=N`` changes the rounds).
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import child_peak_rss_mb  # noqa: E402

SIZES = (1000, 10000)
ROUNDS = {1000: 5, 10000: 3}
RATIO_GOAL = 2.0
RSS_GOAL_MB = 300.0


def _baseline_sheets(portfolio) -> list[tuple[str, Iterable[list[object]]]]:  # type: ignore[no-untyped-def]
    """The export's cell values, sheet by sheet: computed numbers instead of formulas."""
    import numpy as np

    from models.core.framework import text
    from models.engine.arrays import level_matrix
    from models.engine.rules import rule_mask
    from models.engine.scores import score_levels

    fw = portfolio.framework
    pairs = portfolio.assessments()
    table = score_levels(level_matrix([a for _, a in pairs], fw), fw)
    pm, bm = rule_mask(table, fw.postures), rule_mask(table, fw.deal_breakers)

    def num(x: float) -> float | None:
        return None if np.isnan(x) else float(x)

    assessments: list[list[object]] = [[
        "Startup", "Assessor", "Role", "Date", "Overall",
        *(p.score_name("en") for p in fw.pillars), "Completeness", "Postures", "Deal-breakers",
        "Startup ID"]]
    assessments += [[st.name, a.assessor, a.role, a.date, num(table.overall[i]),
                     *(num(x) for x in table.pillars[i]), float(table.completeness[i]),
                     _names(fw.postures, pm[i]), _names(fw.deal_breakers, bm[i]), st.id]
                    for i, (st, a) in enumerate(pairs)]
    summary, levels = _ranked_sheets(portfolio)
    crits = fw.criteria
    names = [text(c.name) for c in crits]

    def scores() -> Iterator[list[object]]:  # made as written: 180,000 rows at 10,000
        yield ["Startup", "Assessor", "Role", "Date", "Pillar ID", "Criterion ID", "Criterion",
               "Direction", "Weight", "Score", "Confidence", "Favourability", "Rationale",
               "Evidence", "Startup ID"]
        for i, (st, a) in enumerate(pairs):
            for j, c in enumerate(crits):
                sc = a.scores.get(c.id)
                yield [st.name, a.assessor, a.role, a.date, c.pillar_id, c.id, names[j],
                       c.direction, c.weight, sc.value if sc else None,
                       sc.confidence if sc else None, num(table.favourability[i, j]),
                       sc.rationale if sc else None, sc.evidence if sc else None, st.id]

    startups: list[list[object]] = [
        [s.id, s.name, s.sector, s.stage, s.region, s.website, "; ".join(s.tags), s.notes]
        for s in portfolio.startups]
    framework: list[list[object]] = [
        *([p.id, text(p.name), p.direction, p.weight, "yes" if p.enabled else "no"]
          for p in fw.pillars),
        *([c.id, c.pillar_id, text(c.name), text(c.question), c.direction, c.weight,
           *(text(level) for level in c.rubric), ", ".join(f"¶{s}" for s in c.source)]
          for c in crits)]
    return [("Summary", summary), ("Assessments", assessments), ("Levels", levels),
            ("Scores", scores()), ("Startups", startups), ("Framework", framework)]


def _ranked_sheets(portfolio) -> tuple[list[list[object]], list[list[object]]]:  # type: ignore[no-untyped-def]
    """The Summary's and the Levels sheet's values: startups ranked under the investor view."""
    import numpy as np

    from models.engine.ranking import rank_startups

    fw = portfolio.framework
    ranking = rank_startups(portfolio)

    def num(x: float | None) -> float | None:
        return None if x is None or x != x else float(x)

    summary: list[list[object]] = [[
        "Rank", "Startup", "Status", "Suggested", "Gated", "Deal-breakers", "Overall",
        *(p.score_name("en") for p in fw.pillars), "Completeness", "P10", "P90", "Founder gap",
        "Assessments used", "Startup ID"]]
    levels: list[list[object]] = [["Startup ID", "Startup", "Assessments used", "Assessments",
                                   *fw.criterion_ids]]
    for r in ranking.rows:
        summary.append([r.rank, r.startup, r.status, r.suggested, "yes" if r.gated else None,
                        "; ".join(r.deal_breakers), num(r.overall),
                        *(num(v) for v in r.pillars.values()), r.completeness, None, None,
                        num(r.founder_gap), r.assessments, r.startup_id])
        used = ranking.view.used[r.row]
        levels.append([r.startup_id, r.startup, len(used),
                       "; ".join(f"{a.assessor} {a.date.isoformat()}" for a in used),
                       *(None if np.isnan(v) else float(v) for v in ranking.view.levels[r.row])])
    return summary, levels


def _names(rules, fired) -> str:  # type: ignore[no-untyped-def]
    from models.core.framework import text

    return "; ".join(text(r.name) for r, on in zip(rules, fired, strict=True) if on)


def openpyxl_baseline(portfolio, path: str) -> None:  # type: ignore[no-untyped-def]
    """The export's cell values with openpyxl's write-only mode."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    for name, rows in _baseline_sheets(portfolio):
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append([None if v == "" else v for v in row])
    wb.save(path)


def xlsxwriter_baseline(portfolio, path: str) -> None:  # type: ignore[no-untyped-def]
    """The export's cell values with XlsxWriter in constant-memory mode."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False,
                                    "strings_to_formulas": False, "strings_to_urls": False})
    date_format = wb.add_format({"num_format": "yyyy-mm-dd"})
    for name, rows in _baseline_sheets(portfolio):
        ws = wb.add_worksheet(name)
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v is None or v == "":
                    continue
                if isinstance(v, str):
                    ws.write_string(r, c, v)
                elif hasattr(v, "year"):
                    ws.write_datetime(r, c, v, date_format)
                else:
                    ws.write_number(r, c, v)
    wb.close()


def bare_baseline(portfolio, path: str) -> None:  # type: ignore[no-untyped-def]
    """The export's cell values through a hand-written streaming sheet XML writer."""
    from bare_xlsx import write_xlsx

    write_xlsx(path, _baseline_sheets(portfolio))


def _rss_now_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _reset_peak() -> bool:
    """Reset this process's peak-RSS counter (Linux ``VmHWM``); False where unsupported."""
    try:
        with open("/proc/self/clear_refs", "w") as fh:
            fh.write("5")
        return True
    except OSError:
        return False


def _peak_since_reset_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def child_run(kind: str, size: int) -> dict:
    """In a child process: build the portfolio, write one workbook, return timings."""
    from models.engine.sample import synthetic_portfolio
    from models.workbook.export import export_workbook

    portfolio = synthetic_portfolio(size, seed=1)
    gc.collect()
    before = _rss_now_mb()
    reset = _reset_peak()  # so that the peak below belongs to writing the workbook alone
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out.xlsx")
        writers = {"export": export_workbook, "bare": bare_baseline,
                   "openpyxl": openpyxl_baseline, "xlsxwriter": xlsxwriter_baseline,
                   "no_mc": lambda p, path: export_workbook(p, path, analysis_draws=0)}
        t0, c0 = time.perf_counter(), time.process_time()
        writers[kind](portfolio, out)
        seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
        phase_peak = _peak_since_reset_mb() if reset else float("nan")
        size_mb = os.path.getsize(out) / 2**20
    return {"seconds": seconds, "cpu": cpu, "portfolio_rss_mb": before,
            "phase_peak_mb": phase_peak, "file_mb": size_mb}


def _child(kind: str, size: int) -> tuple[float, dict]:
    code = (f"import sys; sys.path.insert(0, {str(HERE)!r}); sys.path.insert(0, "
            f"{str(HERE.parent)!r})\nimport bench_export\n"
            f"RESULT = bench_export.child_run({kind!r}, {size})")
    return child_peak_rss_mb(code)


#: What the children write: the export, and the baselines (see the module docstring).
KINDS = ("export", "bare", "openpyxl", "xlsxwriter")
#: The size the issue sets the goal at (smaller portfolios get a Monte Carlo run, which the
#: baselines do not do: the export without it is measured there too, as ``no_mc``).
GOAL_SIZE = 10000
_BASELINES = {"bare": "hand-written streaming sheet XML, same values (the goal's reference)",
              "openpyxl": "openpyxl write-only, same values, no styles or formulas",
              "xlsxwriter": "XlsxWriter constant memory, same values, no styles or formulas"}


def _kinds(size: int) -> tuple[str, ...]:
    from models.workbook.analysis_sheet import DEFAULT_ANALYSIS_DRAWS, analysis_draws

    return (*KINDS, "no_mc") if analysis_draws(size, DEFAULT_ANALYSIS_DRAWS) else KINDS


def _measure(size: int, rounds: int) -> dict[str, dict[str, float]]:
    """Median seconds and CPU seconds, and peak RSS, of each kind over ``rounds`` rounds."""
    runs: dict[str, list[dict]] = {k: [] for k in _kinds(size)}
    out: dict[str, dict[str, float]] = {}
    for _ in range(rounds):
        for kind in runs:
            rss, data = _child(kind, size)
            runs[kind].append({**data, "rss": rss})
    for kind, rows in runs.items():
        out[kind] = {"seconds": statistics.median(r["seconds"] for r in rows),
                     "cpu": statistics.median(r["cpu"] for r in rows),
                     "rss": max(r["rss"] for r in rows),
                     "phase": max(r["phase_peak_mb"] for r in rows),
                     "portfolio": max(r["portfolio_rss_mb"] for r in rows),
                     "file": rows[-1]["file_mb"]}
    return out


def _line(name: str, m: dict[str, float], what: str) -> str:
    return (f"  {name:<10}  {m['seconds']:7.2f} s (CPU {m['cpu']:6.2f} s)   peak RSS "
            f"{m['rss']:4.0f} MB (while writing {m['phase']:.0f} MB)   {what}")


def main() -> None:
    """Print median export and baseline times, the ratios, and peak RSS, per size."""
    from models.workbook.analysis_sheet import DEFAULT_ANALYSIS_DRAWS, analysis_draws

    rounds_env = os.environ.get("BENCH_EXPORT_ROUNDS")
    for size in SIZES:
        rounds = int(rounds_env) if rounds_env else ROUNDS[size]
        m = _measure(size, rounds)
        ex, bare = m["export"], m["bare"]
        draws = analysis_draws(size, DEFAULT_ANALYSIS_DRAWS)
        print(f"{size:,} startups ({size * 18:,} score rows), median of {rounds} runs:")
        print(_line("export", ex, f"file {ex['file']:.1f} MB; " + (
            f"Monte Carlo of {draws:,} draws" if draws else "no Monte Carlo at this size")))
        if "no_mc" in m:
            print(_line("export -MC", m["no_mc"], "the same export without the Monte Carlo"))
        for kind, what in _BASELINES.items():
            print(_line(kind, m[kind], what))
        ratio = ex["seconds"] / bare["seconds"]
        goal = (f"goal ≤ {RATIO_GOAL:g} ×: {'met' if ratio <= RATIO_GOAL else 'NOT met'}"
                if size == GOAL_SIZE else f"the goal is set at {GOAL_SIZE:,} startups")
        print(f"  ratio       {ratio:7.2f} × bare writer ({goal}); CPU "
              f"{ex['cpu'] / bare['cpu']:.2f} ×; "
              f"{ex['seconds'] / m['openpyxl']['seconds']:.2f} × openpyxl; "
              f"{ex['seconds'] / m['xlsxwriter']['seconds']:.2f} × XlsxWriter")
        if "no_mc" in m:
            print(f"  without MC  {m['no_mc']['seconds'] / bare['seconds']:7.2f} × bare writer; "
                  f"CPU {m['no_mc']['cpu'] / bare['cpu']:.2f} ×")
        print(f"  memory      portfolio alone {ex['portfolio']:.0f} MB; whole export process "
              f"peak {ex['rss']:.0f} MB (goal ≤ {RSS_GOAL_MB:.0f} MB: "
              f"{'met' if ex['rss'] <= RSS_GOAL_MB else 'NOT met'})", flush=True)


if __name__ == "__main__":
    main()
