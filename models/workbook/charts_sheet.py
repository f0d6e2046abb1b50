"""The export's ``Charts`` sheet: the first startups of the Summary, one chart per question.

At the top, a bar chart of the overall score of the first :data:`BAR_MAX` startups of the
Summary (rank order at export), best on top; below it, one smaller bar chart per pillar of the
first :data:`PILLAR_MAX` startups, in the same order, two side by side. Bars of one score each
stay readable with 8 startups or 80, where one radar per startup overlaid would not.

Below the charts, from the row :func:`data_row` gives, their data block: header ``Rank``,
``Startup``, ``Overall``, one column per pillar (headed as on the Summary), then one row per
charted startup whose cells are formulas pointing at the Summary row of the same position
(the label reads ``#rank name``, with a mark for a gated startup). The charts follow edits,
and a Summary sorted again by Rank brings the new first startups into them. Each series also
carries its **cached data** (``numCache``/``strCache``) with the engine's numbers, so previews
and tools that do not recalculate draw the charts: in XlsxWriter's ``constant_memory`` mode
(:mod:`models.workbook.sheets`) it cannot read cell values back, so they are given with each
series (``name_data``/``categories_data``/``values_data``). Only startups with a score are
charted.
"""

from __future__ import annotations

import math

from models.workbook.cell_xml import cached
from models.workbook.count_texts import counted
from models.workbook.layout import CHARTS, SUMMARY, SUMMARY_HEADER_ROW, column_letter
from models.workbook.plan import ExportPlan
from models.workbook.sheets import RANK, SCORE, Book, Sheet, header_height
from models.workbook.summary_formulas import Columns
from models.workbook.view_plan import ViewPlan
from models.workbook.view_texts import view_name, view_texts
from models.workbook.xlsx_text import TextWarning, clean_text, column_width, formula_string

#: The overall chart shows at most this many startups, each pillar chart :data:`PILLAR_MAX`.
BAR_MAX = 30
PILLAR_MAX = 12
#: Pixels per centimetre at the 96 dpi Excel assumes for chart sizes; rows are 20 px high.
_PX_PER_CM = 96 / 2.54
_ROW_PX = 20
#: Each chart starts this many pixels below the top of its first row: a chart whose frame
#: lay on a row's top edge, where a printed page begins, had that edge drawn at the foot of
#: the page before too.
_TOP_PX = 4
#: Chart sizes (cm): the overall chart's width, a pillar chart's width, a bar's height.
_WIDE, _NARROW, _BAR = 24.0, 11.8, 0.55
#: Rows of the sheet one printed page holds: A4 portrait, scaled to fit the charts' width.
PAGE_ROWS = 64
#: The value axis of every chart: fixed 0–100 anchors, whole numbers.
_SCORE_AXIS = {"min": 0, "max": 100, "major_unit": 25, "num_format": "0"}


def charted(view: ViewPlan, limit: int = BAR_MAX) -> int:
    """How many startups the overall chart shows: the first scored ones of the Summary."""
    return min(limit, sum(1 for r in view.rows if r.overall is not None))


def _height(bars: int) -> float:
    """A bar chart's height (cm) for ``bars`` bars."""
    return max(6.0, _BAR * bars + 2.5)


def _rows_of(cm: float) -> int:
    """The rows a chart ``cm`` high takes, from the top of its first row."""
    return math.ceil((_TOP_PX + round(cm * _PX_PER_CM)) / _ROW_PX)


def data_row(view: ViewPlan, k: int) -> int:
    """Row of the data block's header: below the overall chart and ``k`` pillar charts."""
    n = charted(view)
    pillar_rows = _rows_of(_height(min(n, PILLAR_MAX))) + 1
    return 1 + _rows_of(_height(n)) + 1 + pillar_rows * math.ceil(k / 2) + 2


def write_charts(book: Book, plan: ExportPlan, view: ViewPlan,
                 warnings: list[TextWarning]) -> None:
    """Write the Charts sheet: the charts at the top, their data block below them."""
    sh = book.sheet(CHARTS, warnings)
    fw, lang = plan.framework, plan.lang
    t = view_texts(lang)
    seen = view_name(view.ranking.perspective, lang)
    pillars = [clean_text(p.score_name(lang))[0] for p in fw.pillars]
    n = charted(view)
    labels = [_label(view, i, lang) for i in range(n)]
    widths = [7, column_width(labels, 14, 34), 9,
              *(max(12.0, column_width([p], 10, 16)) for p in pillars)]
    sh.widths(widths)
    sh.print_setup(landscape=False)
    if not n:
        sh.text(1, 1, t["no_charts"].format(view=seen))
        return
    head = data_row(view, len(pillars))
    sh.text(head - 1, 1, t["charts_note"].format(view=seen))
    block_head = ["Rank", "Startup", "Overall", *pillars]
    sh.height(head, header_height(block_head, widths))
    sh.header(head, block_head)
    data = _data_block(sh, plan, view, head, labels)
    title = t["charts_title"].format(startups=counted(lang, "startups", n))
    _bar(book, sh, title, (head, 3, head + n, 3), labels, [row[0] for row in data], (1, 0),
         _WIDE, "Overall")
    top = 1 + _rows_of(_height(n)) + 1
    step = _rows_of(_height(min(n, PILLAR_MAX))) + 1
    m = min(n, PILLAR_MAX)
    for p, name in enumerate(pillars):
        at = (top + step * (p // 2), round((_NARROW + 0.4) * _PX_PER_CM) * (p % 2))
        title = t["charts_pillar"].format(pillar=name, startups=counted(lang, "startups", m))
        _bar(book, sh, title, (head, 4 + p, head + m, 4 + p), labels[:m],
             [row[1 + p] for row in data[:m]], at, _NARROW, name)
    rows = math.ceil(len(pillars) / 2)
    sh.ws.set_h_pagebreaks(page_breaks([(1, top - 1), *((top + step * i, step)
                                                         for i in range(rows)),
                                        (head - 1, n + 2)]))


def page_breaks(blocks: list[tuple[int, int]], page: int = PAGE_ROWS) -> list[int]:
    """Rows (1-based) that start a new printed page, so that no chart or table of ``blocks``
    (``(first row, rows)``, top down, contiguous) is cut in two when it fits on a page."""
    out, start = [], 1
    for first, size in blocks:
        if first > start and first + size - start > page:
            out.append(first - 1)  # XlsxWriter breaks below the 0-based row given
            start = first
    return out


def _label(view: ViewPlan, i: int, lang: str) -> str:
    r = view.rows[i]
    mark = view_texts(lang)["gated_label"] if r.gated else ""
    return clean_text(f"#{r.rank} {r.startup}{mark}")[0]


def _data_block(sh: Sheet, plan: ExportPlan, view: ViewPlan, head: int, labels: list[str]
                ) -> list[list[float | None]]:
    """One row of formulas per charted startup; returns their values (overall, pillars…),
    ``None`` where a score is empty."""
    cols = Columns(len(plan.framework.pillars))
    mark = formula_string(view_texts(plan.lang)["gated_label"])
    out = []
    for i, label in enumerate(labels):
        r, sr = head + 1 + i, SUMMARY_HEADER_ROW + 1 + i  # this row, the Summary's row
        ranked = view.rows[i]

        def ref(col: int, sr: int = sr) -> str:
            return f"{SUMMARY}!${column_letter(col)}${sr}"

        sh.formula(r, 1, f"={ref(cols.rank)}", ranked.rank, RANK)
        sh.formula(r, 2, f'="#"&{ref(cols.rank)}&" "&{ref(cols.name)}&IF({ref(cols.gated)}'
                         f'<>"",{mark},"")', label)
        values = [ranked.overall, *ranked.pillars.values()]
        sh.formula(r, 3, f"={ref(cols.overall)}", values[0], SCORE)
        for p in range(cols.k):
            sh.formula(r, 4 + p, f"={ref(cols.pillar(p))}", values[1 + p], SCORE)
        out.append([None if cached(v) == "" else v for v in values])
    return out


def _bar(book: Book, sh: Sheet, title: str, block: tuple[int, int, int, int],
         labels: list[str], values: list[float | None], at: tuple[int, int], width: float,
         name: str) -> None:
    """A horizontal bar chart of one data-block column, the first row on top.

    ``block`` is ``(header row, column, last row, column)`` (1-based) of the column charted;
    ``at`` is ``(row, x offset in pixels)`` of the chart's top left corner.
    """
    head, col, last, _ = block
    chart = book.wb.add_chart({"type": "bar"})
    chart.add_series({
        "name": [CHARTS, head - 1, col - 1], "name_data": [name],
        "categories": [CHARTS, head, 1, last - 1, 1], "categories_data": labels,
        "values": [CHARTS, head, col - 1, last - 1, col - 1], "values_data": values,
        "data_labels": {"value": True, "num_format": "0.0"},
    })
    chart.set_title({"name": title, "name_font": {"size": 11}})
    chart.set_style(10)
    chart.set_legend({"none": True})
    # in a bar chart XlsxWriter's x axis is the horizontal value axis, y the category axis;
    # categories run top down (the first row, the best startup, on top) and the value axis
    # stays at the bottom
    chart.set_x_axis(dict(_SCORE_AXIS))
    chart.set_y_axis({"reverse": True, "crossing": "max", "num_font": {"size": 8}})
    chart.set_size({"width": round(width * _PX_PER_CM),
                    "height": round(_height(len(labels)) * _PX_PER_CM)})
    sh.ws.insert_chart(at[0] - 1, 0, chart, {"x_offset": at[1], "y_offset": _TOP_PX,
                                             "object_position": 3})
