"""Rows streamed to the file (models.workbook.streaming): many rows written whole, cell by
cell and with heights come back in order, and the parts are deflated at DEFLATE_LEVEL."""

from __future__ import annotations

import zipfile
import zlib

import pytest
import xlsxwriter.workbook
from openpyxl import load_workbook

from models.workbook import streaming
from models.workbook.cell_xml import number_tail, row_parts, string_tail
from models.workbook.sheets import writing

ROWS = 3000  # about 1 MB of sheet XML: several batches of rows on their way to the file
TALL = (501, 1001, 1501, 2001, 2501)


def _write(path) -> None:  # type: ignore[no-untyped-def]
    with writing(path) as book:
        sh = book.sheet("S", [])
        sh.header(1, ["Row", "Text", "Number"])
        parts = row_parts([(1, string_tail("x" * 200))])
        r = 2
        while r <= ROWS:
            for n in (r, r + 1):  # heights set before the rows: alone, first or second of two
                if n in TALL:
                    sh.height(n, 30)
            if r % 3 == 0:  # cell by cell
                sh.number(r, 1, r)
                sh.text(r, 2, "x" * 200)
                sh.number(r, 3, r / 2)
                r += 1
            else:  # two rows at once from prepared parts
                rows = [f'<c r="A{n}"{number_tail(n)}' + str(n).join(parts)
                        + f'<c r="C{n}"{number_tail(n / 2)}' for n in (r, r + 1)]
                sh.rows(r, rows, 1, 3)
                r += 2


def test_rows_written_in_every_way_come_back_in_order(tmp_path):
    path = tmp_path / "rows.xlsx"
    _write(path)
    ws = load_workbook(path, read_only=True)["S"]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == ROWS - 1
    assert all(row == (n, "x" * 200, n / 2) for n, row in enumerate(rows, 2))
    heights = load_workbook(path)["S"].row_dimensions
    assert tuple(r for r in range(2, ROWS + 1) if heights[r].height) == TALL
    assert heights[501].height == pytest.approx(30, abs=0.5)


def test_a_row_written_whole_twice_is_refused(tmp_path):
    with pytest.raises(ValueError, match="S: row 2 is begun, written or past the last row"), \
            writing(tmp_path / "twice.xlsx") as book:
        sh = book.sheet("S", [])
        sh.rows(2, ['<c r="A2"' + number_tail(1)], 1, 1)
        sh.rows(2, ['<c r="A2"' + number_tail(2)], 1, 1)
    assert not (tmp_path / "twice.xlsx").exists()


def test_parts_are_deflated_at_the_level_and_xlsxwriter_is_left_as_it_was(tmp_path):
    path = tmp_path / "level.xlsx"
    _write(path)
    assert xlsxwriter.workbook.ZipFile is zipfile.ZipFile
    with zipfile.ZipFile(path) as z:
        info = z.getinfo("xl/worksheets/sheet1.xml")
        data = z.read(info)
    deflate = zlib.compressobj(streaming.DEFLATE_LEVEL, zlib.DEFLATED, -15)
    assert info.compress_type == zipfile.ZIP_DEFLATED
    assert info.compress_size == len(deflate.compress(data) + deflate.flush())
    default = zlib.compressobj(6, zlib.DEFLATED, -15)
    assert info.compress_size != len(default.compress(data) + default.flush())
