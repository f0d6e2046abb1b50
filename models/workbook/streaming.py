"""How Beachhead's books are streamed to the file with XlsxWriter in ``constant_memory`` mode.

:class:`StreamSheet` is the worksheet class of every book. Its row table holds the cells
Beachhead made as XML (:mod:`models.workbook.cell_xml`) beside XlsxWriter's own records (a
merged range's blanks, written by XlsxWriter itself in column order); a row goes to the
scratch file as one string, rows in batches, and a row made whole
(:meth:`StreamSheet.write_whole_row`) skips the table. At the end the scratch file is copied
into the sheet's XML as bytes.

Formula text is stored as built, also what goes through XlsxWriter's ``write_formula``:
XlsxWriter's own preparation runs ~30 regular expressions per formula to rename newer Excel
functions (~80 µs a formula) and would also rename words inside string literals, and it
searches every formula for dynamic-array functions (a regular expression of 40 alternatives,
~0.1 µs a character: 3 s over a 10,000-startup Summary); Beachhead's formulas use none of
those functions (:mod:`models.workbook.formulas`).

The parts are deflated at level :data:`DEFLATE_LEVEL` (:func:`store`), not zipfile's default
6: on a 10,000-startup export's 300 MB of sheet XML level 5 took 2.0 s against 3.0 s, for a
file 2 % larger.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
import zipfile
from collections.abc import Iterator, Sequence
from typing import Any

import xlsxwriter.workbook
import xlsxwriter.worksheet
from xlsxwriter.worksheet import Worksheet

#: zlib level of the workbook's parts (see the module notes).
DEFLATE_LEVEL = 5
#: Characters of rows written to the scratch file at once.
_BATCH = 256 * 1024

#: XlsxWriter's record of a formula cell (renamed in 3.3; both are namedtuples of formula,
#: format and value).
_FORMULA_CELL = next(getattr(xlsxwriter.worksheet, name)
                     for name in ("CellFormulaTuple", "cell_formula_tuple")
                     if hasattr(xlsxwriter.worksheet, name))


class StreamSheet(Worksheet):  # type: ignore[misc]
    """The worksheet of every Beachhead book (see the module notes). Formula text given to
    XlsxWriter is stored as given (only the leading ``=`` removed), never searched for
    dynamic-array functions or array braces."""

    # XlsxWriter's own state, read and written here
    previous_row: int
    dim_rowmin: int | None
    dim_rowmax: int | None
    dim_colmin: int | None
    dim_colmax: int | None

    def _prepare_formula(self, formula: str, expand_future_functions: bool = False) -> str:
        return formula[1:] if formula.startswith("=") else formula

    def _write_formula(self, row: int, col: int, formula: str, cell_format: Any = None,
                       value: Any = 0) -> int:
        """``Worksheet._write_formula`` for plain formulas only."""
        if self._check_dimensions(row, col):
            return -1
        if self.constant_memory and row > self.previous_row:
            self._write_single_row(row)
        self.table[row][col] = _FORMULA_CELL(self._prepare_formula(formula), cell_format, value)
        return 0

    def __init__(self) -> None:
        super().__init__()
        self._pending: list[str] = []  # rows made but not yet in the scratch file
        self._pending_chars = 0

    def _row_properties(self) -> dict[int, Any]:
        # heights and formats of rows: ``row_info`` since XlsxWriter 3.3, ``set_rows`` before
        found = getattr(self, "row_info", None)
        return found if found is not None else self.set_rows  # type: ignore[no-any-return]

    def _emit(self, xml: str) -> None:
        """Add ``xml`` to the rows on their way to the scratch file, written in batches of
        :data:`_BATCH` characters (larger ones only add to the peak memory)."""
        self._pending.append(xml)
        self._pending_chars += len(xml)
        if self._pending_chars >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        """Write the pending rows (before anything XlsxWriter writes itself)."""
        if self._pending:
            self.row_data_fh.write("".join(self._pending))
            self._pending.clear()
            self._pending_chars = 0

    def write_rows(self, row: int, rows: Sequence[str], first: int, last: int) -> None:
        """Rows ``row``, ``row + 1``… (0-based) at once, each given as its cells' XML, within
        columns ``first`` to ``last``. None may be written yet or hold cells (see
        :meth:`models.workbook.sheets.Sheet.rows`); the row after them is the one being
        filled."""
        if row != self.previous_row:
            self._write_single_row(row)
        end = row + len(rows)
        properties = self._row_properties()
        if any(r in properties for r in range(row, end)):  # a height: XlsxWriter's row tag
            for r, cells in enumerate(rows, row):
                found = properties.get(r)
                if found is None:
                    self._emit(f'<row r="{r + 1}">{cells}</row>')
                else:
                    self._flush()
                    self._write_row(r, None, found)
                    self._emit(f"{cells}</row>")
        else:
            self._emit("".join([f'<row r="{r}">{cells}</row>'
                                for r, cells in enumerate(rows, row + 1)]))
        self._note_row(row, first, last)
        self._note_row(end - 1, first, last)
        self.previous_row = end

    def _write_single_row(self, current_row_num: int = 0) -> None:
        """Write the row being filled (``previous_row``) and start ``current_row_num``."""
        row = self.previous_row
        self.previous_row = current_row_num
        cells = self.table.get(row)
        properties = self._row_properties().get(row)
        if cells:
            cols = sorted(cells)
            self._note_row(row, cols[0], cols[-1])
            made: list[str] = []
            if properties is None:
                made.append(f'<row r="{row + 1}">')
            else:
                self._flush()
                self._write_row(row, None, properties)
            for col in cols:
                cell = cells[col]
                if cell.__class__ is str:
                    made.append(cell)
                else:  # a cell XlsxWriter recorded: it writes it itself
                    self._emit("".join(made))
                    made.clear()
                    self._flush()
                    self._write_cell(row, col, cell)
            made.append("</row>")
            self._emit("".join(made))
        elif properties is not None or row in self.comments:
            self._flush()
            self._write_empty_row(row, None, properties)
        self.table.clear()

    def _write_optimized_sheet_data(self) -> None:
        """The rows of the scratch file into the sheet's XML, copied as bytes."""
        self._flush()
        target = getattr(self.fh, "buffer", None)
        if self.dim_rowmin is None or target is None:
            super()._write_optimized_sheet_data()
            return
        self._xml_start_tag("sheetData")
        self.row_data_fh.close()
        self.fh.flush()
        with open(self.row_data_filename, "rb") as rows:
            shutil.copyfileobj(rows, target, 1 << 20)
        os.unlink(self.row_data_filename)
        self._xml_end_tag("sheetData")

    def _note_row(self, row: int, first: int, last: int) -> None:
        """Widen the sheet's dimensions to a row's cells (XlsxWriter does it cell by cell)."""
        if self.dim_rowmin is None or row < self.dim_rowmin:
            self.dim_rowmin = row
        if self.dim_rowmax is None or row > self.dim_rowmax:
            self.dim_rowmax = row
        if self.dim_colmin is None or first < self.dim_colmin:
            self.dim_colmin = first
        if self.dim_colmax is None or last > self.dim_colmax:
            self.dim_colmax = last


class _LevelledZip(zipfile.ZipFile):
    """The zip file XlsxWriter makes, deflating at :data:`DEFLATE_LEVEL`; each is kept in
    :data:`_MADE` until :func:`store` has done with it."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("compresslevel", DEFLATE_LEVEL)
        super().__init__(*args, **kwargs)
        _MADE.append(self)

    def discard(self) -> None:
        """Close the file of a zip left unfinished (XlsxWriter does not close it when a
        write fails, a full disk say) without writing its directory: that write would fail
        again, at the latest when the zip is collected, printing a traceback."""
        fp, self.fp = self.fp, None
        if fp is not None:
            with contextlib.suppress(OSError):
                fp.close()


_STORING = threading.Lock()
#: The zip files made by the book being stored (under :data:`_STORING`).
_MADE: list[_LevelledZip] = []


@contextlib.contextmanager
def _levelled() -> Iterator[None]:
    """XlsxWriter's zip file deflates at :data:`DEFLATE_LEVEL` within the block (one book
    at a time; other users of XlsxWriter are left as they are outside it)."""
    with _STORING:
        saved = xlsxwriter.workbook.ZipFile
        xlsxwriter.workbook.ZipFile = _LevelledZip
        try:
            yield
        finally:
            xlsxwriter.workbook.ZipFile = saved


def store(wb: xlsxwriter.Workbook) -> None:
    """Close ``wb``: its file is written, deflated at :data:`DEFLATE_LEVEL`. When that fails
    its zip file is discarded (:meth:`_LevelledZip.discard`) and the error raised."""
    with _levelled():
        try:
            wb.close()
        finally:
            for made in _MADE:
                made.discard()  # closed already when the book was written
            _MADE.clear()
