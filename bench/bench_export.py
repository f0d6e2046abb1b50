"""Workbook export: time and peak memory for 1,000 and 10,000 synthetic startups.

Each startup has one fully scored assessment (18 criteria), so 10,000 startups make a Scores
sheet of 180,000 rows. In the same run, a baseline writes the same cell values with XlsxWriter
in ``constant_memory`` mode, as the export does, and nothing else: no styles, no formulas
(the computed numbers instead), no validations, no charts. The goal (issue 3): the export
takes at most 1.3 × the baseline and peaks at no more than 300 MB at 10,000 startups.

Every measurement runs in a fresh child process that first builds the portfolio
(:func:`models.sample.synthetic_portfolio`), then writes the workbook once; export and baseline
children alternate so that drift on a shared machine hits both alike. Peak RSS is the child's
``ru_maxrss`` (building the portfolio included); "while writing" is the peak after the
portfolio was built (Linux ``VmHWM``, reset just before writing), and the memory the
portfolio alone holds is printed too.

Run with ``python bench/run.py export`` (``BENCH_EXPORT_ROUNDS=N`` changes the rounds).
"""

from __future__ import annotations

import gc
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from common import child_peak_rss_mb  # noqa: E402

SIZES = (1000, 10000)
ROUNDS = {1000: 5, 10000: 3}
RATIO_GOAL = 1.3
RSS_GOAL_MB = 300.0


def baseline_export(portfolio, path: str) -> None:  # type: ignore[no-untyped-def]
    """Write the export's cell values with XlsxWriter (constant memory), no styles or
    formulas."""
    import numpy as np
    import xlsxwriter

    from models.framework import text
    from models.scoring import level_matrix, rule_mask, score_levels

    fw = portfolio.framework
    pairs = portfolio.assessments()
    table = score_levels(level_matrix([a for _, a in pairs], fw), fw)
    pm, bm = rule_mask(table, fw.postures), rule_mask(table, fw.deal_breakers)

    def num(x: float) -> float | None:
        return None if np.isnan(x) else float(x)

    wb = xlsxwriter.Workbook(path, {"constant_memory": True, "strings_to_numbers": False,
                                    "strings_to_formulas": False, "strings_to_urls": False})
    date_format = wb.add_format({"num_format": "yyyy-mm-dd"})

    def sheet(name: str, rows):  # type: ignore[no-untyped-def]
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

    sheet("Summary", [["Startup", "Assessor", "Role", "Date", "Overall",
                       *(text(p.name) for p in fw.pillars), "Completeness", "Postures",
                       "Deal-breakers", "Startup ID"]] + [
        [st.name, a.assessor, a.role, a.date, num(table.overall[i]),
         *(num(x) for x in table.pillars[i]), float(table.completeness[i]),
         "; ".join(text(r.name) for j, r in enumerate(fw.postures) if pm[i, j]),
         "; ".join(text(r.name) for j, r in enumerate(fw.deal_breakers) if bm[i, j]), st.id]
        for i, (st, a) in enumerate(pairs)])
    crits = fw.criteria
    names = [text(c.name) for c in crits]

    def score_rows():  # type: ignore[no-untyped-def]
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

    sheet("Scores", score_rows())
    sheet("Startups", ([s.id, s.name, s.sector, s.stage, s.region, "; ".join(s.tags), s.notes]
                       for s in portfolio.startups))
    sheet("Framework", [
        *([p.id, text(p.name), p.direction, p.weight, "yes" if p.enabled else "no"]
          for p in fw.pillars),
        *([c.id, c.pillar_id, text(c.name), text(c.question), c.direction, c.weight,
           *(text(level) for level in c.rubric), ", ".join(f"¶{s}" for s in c.source)]
          for c in crits)])
    wb.close()


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
    from models.sample import synthetic_portfolio
    from models.workbook_export import export_workbook

    portfolio = synthetic_portfolio(size, seed=1)
    gc.collect()
    before = _rss_now_mb()
    reset = _reset_peak()  # so that the peak below belongs to writing the workbook alone
    with tempfile.TemporaryDirectory() as tmp:
        out = str(Path(tmp) / "out.xlsx")
        t0 = time.perf_counter()
        if kind == "export":
            export_workbook(portfolio, out)
        else:
            baseline_export(portfolio, out)
        seconds = time.perf_counter() - t0
        phase_peak = _peak_since_reset_mb() if reset else float("nan")
        size_mb = os.path.getsize(out) / 2**20
    return {"seconds": seconds, "portfolio_rss_mb": before, "phase_peak_mb": phase_peak,
            "file_mb": size_mb}


def _child(kind: str, size: int) -> tuple[float, dict]:
    code = (f"import sys; sys.path.insert(0, {str(HERE)!r}); sys.path.insert(0, "
            f"{str(HERE.parent)!r})\nimport bench_export\n"
            f"RESULT = bench_export.child_run({kind!r}, {size})")
    return child_peak_rss_mb(code)


def main() -> None:
    """Print median export and baseline times, their ratio, and peak RSS, per size."""
    rounds_env = os.environ.get("BENCH_EXPORT_ROUNDS")
    for size in SIZES:
        rounds = int(rounds_env) if rounds_env else ROUNDS[size]
        runs: dict[str, list[float]] = {"export": [], "baseline": []}
        peak: dict[str, float] = {"export": 0.0, "baseline": 0.0}
        phase: dict[str, float] = {"export": 0.0, "baseline": 0.0}
        portfolio_mb = file_mb = 0.0
        for _ in range(rounds):
            for kind in ("export", "baseline"):
                rss, data = _child(kind, size)
                runs[kind].append(data["seconds"])
                peak[kind] = max(peak[kind], rss)
                phase[kind] = max(phase[kind], data["phase_peak_mb"])
                portfolio_mb = max(portfolio_mb, data["portfolio_rss_mb"])
                if kind == "export":
                    file_mb = data["file_mb"]
        ex, base = statistics.median(runs["export"]), statistics.median(runs["baseline"])
        ratio = ex / base
        print(f"{size:,} startups ({size * 18:,} score rows), median of {rounds} runs:")
        print(f"  export    {ex:7.2f} s   peak RSS {peak['export']:6.0f} MB "
              f"(while writing {phase['export']:.0f} MB)   file {file_mb:.1f} MB")
        print(f"  baseline  {base:7.2f} s   peak RSS {peak['baseline']:6.0f} MB "
              f"(while writing {phase['baseline']:.0f} MB)   "
              "XlsxWriter constant memory, same values, no styles or formulas")
        print(f"  ratio     {ratio:7.2f} ×   (goal ≤ {RATIO_GOAL} ×: "
              f"{'met' if ratio <= RATIO_GOAL else 'NOT met'})")
        print(f"  memory    portfolio alone {portfolio_mb:.0f} MB; whole export process peak "
              f"{peak['export']:.0f} MB (goal ≤ {RSS_GOAL_MB:.0f} MB: "
              f"{'met' if peak['export'] <= RSS_GOAL_MB else 'NOT met'})", flush=True)


if __name__ == "__main__":
    main()
