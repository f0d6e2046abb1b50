"""The export's ``Decisions`` sheet: every decision taken about every startup.

Header row 1: ``Startup ID``, ``Startup``, ``Status``, ``Date``, ``By``, ``Rationale``,
``Current``; one row per decision, startups in document order, each startup's decisions oldest
first, as the portfolio keeps them (:mod:`models.core.decisions`). ``Status`` holds the status
as the portfolio stores it (``screening``, ``diligence``, ``committee``, ``invested``,
``passed``, ``watch``), so the importer reads it back in any language; ``Current`` reads
``yes`` on each startup's last decision, its current status (the Summary shows it by name).
"""

from __future__ import annotations

from models.core.portfolio import Portfolio
from models.workbook.layout import DECISIONS, DECISIONS_HEADERS
from models.workbook.sheets import DATE, TOP, WRAP, Book, row_height
from models.workbook.xlsx_text import TextWarning, column_width

#: What ``Current`` reads on a startup's current decision.
CURRENT = "yes"


def write_decisions(book: Book, portfolio: Portfolio, warnings: list[TextWarning]) -> None:
    """Write the Decisions sheet (see the module notes)."""
    sh = book.sheet(DECISIONS, warnings)
    rows = [(st, d, n == len(st.decisions) - 1) for st in portfolio.startups
            for n, d in enumerate(st.decisions)]
    sample = rows[:2000]
    rationale = column_width((d.rationale for _, d, _ in sample), 12, 70)
    sh.widths([column_width((st.id for st, _, _ in sample), 12, 36),
               column_width((st.name for st, _, _ in sample), 10, 40), 11, 11,
               column_width((d.by for _, d, _ in sample), 8, 30), rationale, 9])
    sh.ws.freeze_panes(1, 2)
    sh.print_setup(repeat=(1, 1))
    sh.header(1, DECISIONS_HEADERS)
    for r, (st, d, current) in enumerate(rows, 2):
        sh.height(r, row_height([(d.rationale, rationale)]))
        sh.text(r, 1, st.id, TOP)
        sh.text(r, 2, st.name, TOP)
        sh.text(r, 3, d.status, TOP)
        sh.date(r, 4, d.date, {**DATE, **TOP})
        sh.text(r, 5, d.by, TOP)
        sh.text(r, 6, d.rationale, WRAP)
        sh.text(r, 7, CURRENT if current else "", TOP)
    if rows:
        sh.ws.autofilter(0, 0, len(rows), len(DECISIONS_HEADERS) - 1)
