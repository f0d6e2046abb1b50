"""Where the export's Charts sheet puts its charts, read back with openpyxl: every chart lies
above the data block (its note, header and first data row uncovered), no chart covers another,
and the printed pages break between charts, never inside one nor at a chart's top edge (which
the page before would then draw), and never between the data block's header and its rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.engine.sample import sample_portfolio, synthetic_portfolio
from models.workbook.charts_sheet import charted, data_row
from models.workbook.export import export_workbook
from tests.domain.test_export_workbook import make_view

#: EMU per pixel (at 96 dpi), and a row's height when the sheet gives none (15 pt).
EMU_PX = 9525
DEFAULT_ROW_PX = 20.0


def _row_px(ws, row: int) -> float:  # type: ignore[no-untyped-def]
    """Row ``row``'s height in pixels (1-based)."""
    points = ws.row_dimensions[row].height
    return DEFAULT_ROW_PX if points is None else points * 96 / 72


def _y(ws, row0: int, offset_emu: int) -> float:  # type: ignore[no-untyped-def]
    """Pixels from the sheet's top to a point ``offset_emu`` into 0-based row ``row0``."""
    return sum(_row_px(ws, r) for r in range(1, row0 + 1)) + offset_emu / EMU_PX


def _charts(ws) -> list[tuple[float, float, float, float, int, int]]:  # type: ignore[no-untyped-def]
    """Each chart's (top, bottom, left, right) in pixels, and its first and last 0-based rows."""
    out = []
    for chart in ws._charts:
        a = chart.anchor
        top, bottom = _y(ws, a._from.row, a._from.rowOff), _y(ws, a.to.row, a.to.rowOff)
        left = a._from.col * 10_000 + a._from.colOff / EMU_PX  # columns only ordered
        right = a.to.col * 10_000 + a.to.colOff / EMU_PX
        out.append((top, bottom, left, right, a._from.row, a.to.row))
    return out


@pytest.mark.parametrize(("n", "lang"), [(1, "en"), (7, "en"), (8, "en"), (8, "zh_CN"),
                                         (30, "en"), (80, "zh_CN")])
def test_charts_cover_no_data_row_and_pages_break_between_them(tmp_path: Path, n, lang):
    port = sample_portfolio() if n == 8 else synthetic_portfolio(n, seed=5)
    path = tmp_path / f"{n}-{lang}.xlsx"
    export_workbook(port, path, lang=lang, analysis_draws=0)
    ws = load_workbook(path)["Charts"]
    view = make_view(port)
    k, shown = len(port.framework.pillars), charted(view)
    head = data_row(view, k)  # the data block's header (1-based); its note is the row above
    assert ws.cell(head, 1).value == "Rank"
    assert str(ws.cell(head + 1, 1).value).startswith("=Summary!")
    assert ws.cell(head + shown + 1, 1).value is None
    first_text = min(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value is not None)
    assert first_text == head - 1  # the note above the header; nothing above it but charts

    charts = _charts(ws)
    assert len(charts) == 1 + k
    note_top = _y(ws, head - 2, 0)
    for top, bottom, *_ in charts:
        assert 0 <= top < bottom < note_top  # above the note, the header and every data row
    for i, a in enumerate(charts):
        for b in charts[i + 1:]:
            side_by_side = a[3] <= b[2] or b[3] <= a[2]
            assert side_by_side or a[1] <= b[0] or b[1] <= a[0], (a, b)

    breaks = [b.id for b in ws.row_breaks.brk]  # a new page starts at 0-based row id
    for brk in breaks:
        for top, _bottom, _l, _r, first, last in charts:
            assert not first < brk <= last  # no chart cut in two
            if brk == first:
                assert top > _y(ws, first, 0)  # its top edge on its own page only
        assert not head - 1 <= brk <= head + shown - 1  # note, header and rows together
    if n == 30:
        assert breaks  # the charts take more than a page
