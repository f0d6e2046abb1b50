"""The export's ``Charts`` sheet: a native radar of pillar scores and a bar chart of overall
scores, above their data block.

The data block (from :data:`CHART_DATA_ROW`) holds formulas pointing at the charted
assessments' Summary rows, so the charts follow edits in the workbook. Each chart series also
carries its **cached data** (the ``numCache``/``strCache`` of the chart XML) with the engine's
numbers and the names as the Summary sheet holds them, so previews and tools that do not
recalculate draw the charts. The workbook is written in XlsxWriter's ``constant_memory`` mode
(:mod:`models.workbook.sheets`), where XlsxWriter cannot read cell values back to fill those
caches (it would leave them empty), so they are given with each series
(``name_data``/``categories_data``/``values_data``).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from models.core.framework import text
from models.core.portfolio import Assessment, Startup
from models.workbook.layout import CHARTS, SUMMARY, column_letter
from models.workbook.plan import ExportPlan
from models.workbook.sheets import SCORE, Book, Sheet, cached
from models.workbook.texts import TEXTS
from models.workbook.xlsx_text import TextWarning, clean_text, column_width

#: The radar chart shows at most this many startups, the bar chart at most :data:`BAR_MAX`.
RADAR_MAX = 12
BAR_MAX = 30
#: Row of the Charts sheet's data-block header (the charts sit above it).
CHART_DATA_ROW = 68
#: Pixels per centimetre at the 96 dpi Excel assumes for chart sizes.
_PX_PER_CM = 96 / 2.54
#: The value axis of both charts: fixed 0–100 anchors, whole numbers.
_SCORE_AXIS = {"min": 0, "max": 100, "major_unit": 25, "num_format": "0"}


def chart_rows(plan_pairs: Sequence[tuple[Startup, Assessment]], overall: np.ndarray,
               limit: int) -> list[int]:
    """Indices of the assessments to chart: one per startup, highest overall first.

    A startup is represented by its latest investor assessment, or its latest assessment of
    any role when no investor scored it; assessments with no score are left out.
    """
    chosen: dict[str, int] = {}
    for i, (st, a) in enumerate(plan_pairs):
        if np.isnan(overall[i]):
            continue
        key = (a.role == "investor", a.date, i)
        best = chosen.get(st.id)
        if best is None:
            chosen[st.id] = i
            continue
        b = plan_pairs[best][1]
        if key > (b.role == "investor", b.date, best):
            chosen[st.id] = i
    order = sorted(chosen.values(), key=lambda i: (-overall[i], i))
    return order[:limit]


def write_charts(book: Book, plan: ExportPlan, warnings: list[TextWarning]) -> None:
    """Write the Charts sheet: the charts at the top, their data block below them."""
    sh = book.sheet(CHARTS, warnings)
    fw, lang = plan.framework, plan.lang
    rows = chart_rows(plan.pairs, plan.overall, BAR_MAX)
    names = [clean_text(plan.pairs[i][0].name)[0] for i in rows]
    pillars = [text(p.name, lang) for p in fw.pillars]
    sh.widths([column_width(names, 14, 30), *(column_width([p], 10, 16) for p in pillars), 9])
    sh.print_setup(landscape=False)
    if not rows:
        sh.text(1, 1, TEXTS[lang]["no_charts"])
        return
    sh.text(CHART_DATA_ROW - 1, 1, TEXTS[lang]["charts_note"].format(radar=RADAR_MAX,
                                                                    bar=BAR_MAX))
    sh.header(CHART_DATA_ROW, ["Startup", *pillars, "Overall"])
    data = _data_block(sh, plan, rows, names)
    k = len(pillars)
    _radar(book, sh, TEXTS[lang]["radar_title"], [clean_text(p)[0] for p in pillars], names,
           [row[:k] for row in data[:RADAR_MAX]])
    _bar(book, sh, TEXTS[lang]["bar_title"], k, names, [row[k] for row in data])


def _data_block(sh: Sheet, plan: ExportPlan, rows: list[int], names: list[str]
                ) -> list[list[float | None]]:
    """One row of formulas per charted assessment; returns their values (pillars…, overall),
    None where a pillar has no score."""
    k = len(plan.framework.pillars)
    out = []
    for n, i in enumerate(rows):
        r, sr = CHART_DATA_ROW + 1 + n, 2 + i  # this row, and the assessment's Summary row
        values = [*plan.table.pillars[i].tolist(), float(plan.overall[i])]
        sh.formula(r, 1, f"={SUMMARY}!$A${sr}", names[n])
        for p in range(k):
            sh.formula(r, 2 + p, f"={SUMMARY}!${column_letter(6 + p)}${sr}", values[p], SCORE)
        sh.formula(r, 2 + k, f"={SUMMARY}!$E${sr}", values[k], SCORE)
        out.append([None if cached(v) == "" else v for v in values])
    return out


def _radar(book: Book, sh: Sheet, title: str, pillars: list[str], names: list[str],
           data: list[list[float | None]]) -> None:
    """Pillar scores, one series per startup (the first :data:`RADAR_MAX` rows)."""
    k = len(pillars)
    head = CHART_DATA_ROW - 1  # 0-based rows and columns from here on
    chart = book.wb.add_chart({"type": "radar", "subtype": "with_markers"})
    for n, values in enumerate(data):
        r = head + 1 + n
        chart.add_series({
            "name": [CHARTS, r, 0], "name_data": [names[n]],
            "categories": [CHARTS, head, 1, head, k], "categories_data": pillars,
            "values": [CHARTS, r, 1, r, k], "values_data": values,
        })
    chart.set_title({"name": title})
    chart.set_style(26)
    chart.set_y_axis(dict(_SCORE_AXIS))
    chart.set_size({"width": _px(22), "height": _px(13)})
    sh.ws.insert_chart("A1", chart)


def _bar(book: Book, sh: Sheet, title: str, k: int, names: list[str],
         overall: list[float | None]) -> None:
    """Overall scores as horizontal bars, highest at the top."""
    head, first, last = CHART_DATA_ROW - 1, CHART_DATA_ROW, CHART_DATA_ROW + len(names) - 1
    chart = book.wb.add_chart({"type": "bar"})
    chart.add_series({
        "name": [CHARTS, head, k + 1], "name_data": ["Overall"],
        "categories": [CHARTS, first, 0, last, 0], "categories_data": names,
        "values": [CHARTS, first, k + 1, last, k + 1], "values_data": overall,
    })
    chart.set_title({"name": title})
    chart.set_style(10)
    chart.set_legend({"none": True})
    # in a bar chart XlsxWriter's x axis is the horizontal value axis, y the category axis;
    # categories run top down (the first row, the highest score, on top) and the value axis
    # stays at the bottom
    chart.set_x_axis(dict(_SCORE_AXIS))
    chart.set_y_axis({"reverse": True, "crossing": "max"})
    chart.set_size({"width": _px(22), "height": _px(max(7.0, 0.55 * len(names) + 2.5))})
    sh.ws.insert_chart("A28", chart)


def _px(cm: float) -> int:
    return round(cm * _PX_PER_CM)
