"""Report benchmark: the PDF report's startup pages against bare matplotlib pages that show the
same radar and criteria table with the fewest text objects.

The report is the bundled sample's (eight startups with decisions, founder and investor
assessments, Chinese and English names and rationales: a ranking page, then a page per
startup), written by :func:`models.report.document.write_report` in English and in Chinese.

The baseline, measured in the same process and rounds (report and baseline alternate): for
each of the same startups a bare A4 page (one ``Figure`` reused, as the report reuses its
own) with the startup's name, the same pillar radar (:func:`models.charts.drawing.radar`, the
same size, ticks and labels) and the criteria table as one multi-line text per column (pillar
and criterion names, level, confidence, rationale cut to the report's column width), and a
footer line; written with ``PdfPages`` under the report's own matplotlib settings
(:func:`models.report.document.report_rc`).

Figures (medians over every page of every round):

* **page**: the time from one startup page to the next (composing, drawing and writing it
  into the PDF), against the bare page's;
* **document**: the whole write (ranking, Monte Carlo bands, pages, and the fonts subset and
  embedded when the file is closed) divided by its pages, against the bare document's time
  per page (it has no ranking page).

Run with ``python bench/run.py report`` (``BENCH_REPORT_ROUNDS=N`` changes the rounds;
``BENCH_CLOCK=cpu`` times with this process's CPU time instead of the wall clock, steadier
when other work shares the cores).
"""

from __future__ import annotations

import itertools
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

ROUNDS = int(os.environ.get("BENCH_REPORT_ROUNDS", "3"))
GOAL = 1.2
#: The clock: wall time, or this process's CPU time (``BENCH_CLOCK=cpu``).
CLOCK = time.process_time if os.environ.get("BENCH_CLOCK") == "cpu" else time.perf_counter
#: The report's criteria table: rationale column width, and the table's row pitch.
RATIONALE_W, ROW_PT = 268.0, 10.5


def _columns(data: Any, i: int, metrics: Any) -> list[str]:
    """The criteria table of selected startup ``i`` as four multi-line texts."""
    from models.core.framework import text
    from models.report.texts import labels

    lab, fw = labels(data.lang), data.framework
    cols: list[list[str]] = [[], [], [], []]
    for pillar in fw.pillars:
        value = data.results[i].pillars.get(pillar.id)
        shown = "—" if value is None else f"{value:.1f}"
        cols[0].append(f"{pillar.score_name(data.lang)}  {shown}")
        for c in cols[1:]:
            c.append("")
        for crit in pillar.criteria:
            k = fw.criterion_index[crit.id]
            level = data.raw[i, k]
            source = data.source(i, crit)
            cols[0].append("   " + text(crit.name, data.lang))
            cols[1].append("—" if level != level else str(int(level)))
            cols[2].append(lab[("low", "medium", "high")[int(data.confidence[i, k])]])
            why = source[1].rationale if source else ""
            cols[3].append(metrics.fit(metrics.drawable(why or lab["none"]), 7.0, RATIONALE_W))
    return ["\n".join(c) for c in cols]


def _bare_document(path: str, data: Any, columns: list[list[str]]) -> tuple[float, list[float]]:
    """Write the bare pages; returns the whole time and each page's time, in seconds."""
    import matplotlib as mpl
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    from models.charts.drawing import radar
    from models.charts.fonts import font_families
    from models.report.document import report_rc

    pillars = [p for p in data.framework.pillars if p.enabled]
    pages: list[float] = []
    t0 = CLOCK()
    with mpl.rc_context():
        mpl.rcdefaults()
        mpl.rcParams.update(report_rc(font_families(symbols=True)))
        with PdfPages(path) as pdf:
            fig = Figure(figsize=(8.27, 11.69))
            ax = fig.add_axes((0.6, 0.62, 0.2, 0.14), projection="polar")
            (series,) = radar(ax, [""] * len(pillars), [("", [None] * len(pillars))],
                              fill_alpha=0.2)
            ax.tick_params(axis="x", labelsize=6.8, pad=1)
            ax.tick_params(axis="y", labelsize=5.5)
            for i, st in enumerate(data.startups):
                t = CLOCK()
                fig.texts.clear()
                fig.text(0.05, 0.94, st.name, fontsize=17, fontweight="bold")
                values = [data.results[i].pillars.get(p.id) for p in pillars]
                ax.set_xticklabels([f"{p.score_name(data.lang)}\n"
                                    f"{'—' if v is None else f'{v:.1f}'}"
                                    for p, v in zip(pillars, values, strict=True)])
                series.set_values(values)
                for x, col in zip((0.051, 0.3, 0.33, 0.39), columns[i], strict=True):
                    fig.text(x, 0.56, col, fontsize=7.0, va="top", linespacing=ROW_PT / 8.2)
                fig.text(0.051, 0.03, f"{data.framework.id} {data.framework.version}",
                         fontsize=6.5)
                pdf.savefig(fig)
                pages.append(CLOCK() - t)
    return CLOCK() - t0, pages


def _report(path: str, portfolio: Any, lang: str) -> tuple[float, list[float], int]:
    """Write the report; returns the whole time, each startup page's time and the pages."""
    from models.report.document import write_report

    marks: list[float] = []
    t0 = CLOCK()
    result = write_report(portfolio, path, lang=lang,
                          progress=lambda _d, _t: marks.append(CLOCK()))
    whole = CLOCK() - t0
    starts = marks[result.ranking_pages - 1:]
    return whole, [b - a for a, b in itertools.pairwise(starts)], result.pages


def main() -> None:
    """Print the report's figures in English and Chinese."""
    from models.charts.fonts import font_families
    from models.engine.sample import sample_portfolio
    from models.report.data import ReportData
    from models.report.metrics import Metrics

    portfolio = sample_portfolio()
    clock = "CPU" if CLOCK is time.process_time else "wall"
    print(f"report of the sample ({len(portfolio.startups)} startups), medians of {ROUNDS} "
          f"rounds ({clock} time); baseline: bare matplotlib pages with the same radar and "
          "table")
    with tempfile.TemporaryDirectory() as tmp:
        for lang in ("en", "zh_CN"):
            data = ReportData.build(portfolio, startups=None, top=None, perspective="investor",
                                    ignore_gates=False, lang=lang, draws=2000, seed=0,
                                    scenario=None)
            metrics = Metrics(font_families(symbols=True))
            columns = [_columns(data, i, metrics) for i in range(len(data.rows))]
            _report(f"{tmp}/warm.pdf", portfolio, lang)  # fonts found and cached once
            rep_pages: list[float] = []
            bare_pages: list[float] = []
            rep_docs: list[float] = []
            bare_docs: list[float] = []
            for _ in range(ROUNDS):
                whole, pages, count = _report(f"{tmp}/report.pdf", portfolio, lang)
                rep_pages += pages
                rep_docs.append(whole / count)
                whole, pages = _bare_document(f"{tmp}/bare.pdf", data, columns)
                bare_pages += pages
                bare_docs.append(whole / len(pages))
            page, bare = statistics.median(rep_pages), statistics.median(bare_pages)
            doc, bare_doc = statistics.median(rep_docs), statistics.median(bare_docs)
            print(f"  {lang:5}  page {page * 1000:6.0f} ms  (bare page {bare * 1000:5.0f} ms, "
                  f"×{page / bare:.2f}; goal ≤ ×{GOAL})")
            print(f"         document {doc * 1000:6.0f} ms per page  (bare "
                  f"{bare_doc * 1000:5.0f} ms, ×{doc / bare_doc:.2f})")


if __name__ == "__main__":
    main()
