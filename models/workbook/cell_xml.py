"""Cells as a worksheet's XML holds them, made by Beachhead and written by XlsxWriter.

XlsxWriter in ``constant_memory`` mode keeps the current row's cells in a table and turns each
into XML when the next row starts; that per-cell work (a decorator, a bounds check, a record,
then two regular-expression substitutions, two searches and an attribute list per text) was
most of a large export's time. Here a cell is made as text at once, in exactly the form
XlsxWriter writes it: ``<c r="B7" s="3" t="inlineStr"><is><t>…</t></is></c>`` for a text,
``<c r="B7" s="4"><v>0.25</v></c>`` for a number, ``<c r="B7" t="str"><f>…</f><v>…</v></c>``
for a formula with its cached value, ``<c r="B7" s="3"/>`` for a styled blank. Functions here
make the part after the cell reference (a *tail*, the same for every row a text or value is
repeated on); :meth:`models.workbook.sheets.Sheet.put` adds the reference.
:class:`StreamSheet`, the worksheet class of every Beachhead book, writes a row of such cells
as one string, and any cell XlsxWriter made itself (a merged range's blanks) in between, in
column order.

A text must be clean (:func:`models.workbook.xlsx_text.clean_text`: no XML-forbidden
character, within Excel's length); as XlsxWriter does, carriage returns become ``_x000D_``, a
literal ``_xHHHH_`` gets its underscore escaped (``_x005F_``), ``&``, ``<`` and ``>`` become
entities and a text with white space at either end keeps it (``xml:space="preserve"``). Unlike
XlsxWriter, a text that looks like rich-text XML (``<r>…</r>``) is escaped like any other.
"""

from __future__ import annotations

import os
import re
import shutil
from typing import Any

import xlsxwriter.worksheet
from xlsxwriter.worksheet import Worksheet

from models.workbook.layout import column_letter
from models.workbook.xlsx_text import ooxml_escape

#: Column letters by 0-based index, A to ZZ (further ones are made when asked for).
COLUMNS = [column_letter(i) for i in range(1, 703)]
#: Cached values a spreadsheet reads as errors (``t="e"``).
ERROR_VALUES = frozenset({"#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!"})

_EDGE_SPACE = re.compile(r"^\s|\s$")

#: XlsxWriter's record of a formula cell (renamed in 3.3; both are namedtuples of formula,
#: format and value).
_FORMULA_CELL = next(getattr(xlsxwriter.worksheet, name)
                     for name in ("CellFormulaTuple", "cell_formula_tuple")
                     if hasattr(xlsxwriter.worksheet, name))


def column_name(index: int) -> str:
    """Letters of the 0-based column ``index``."""
    return COLUMNS[index] if index < len(COLUMNS) else column_letter(index + 1)


def xml_escape(text: str) -> str:
    """``&``, ``<`` and ``>`` as entities (what a cell's text and formula need)."""
    if "&" in text:
        text = text.replace("&", "&amp;")
    if "<" in text:
        text = text.replace("<", "&lt;")
    if ">" in text:
        text = text.replace(">", "&gt;")
    return text


def style_attribute(xf_index: int) -> str:
    """A cell's style attribute for XF ``xf_index`` (none for the default, 0)."""
    return f' s="{xf_index}"' if xf_index else ""


def string_tail(text: str, style: str = "") -> str:
    """A text cell's tail (``text`` clean and not empty; ``style`` from
    :func:`style_attribute`)."""
    text = ooxml_escape(text)
    keep = ' xml:space="preserve"' if _EDGE_SPACE.search(text) else ""
    return f'{style} t="inlineStr"><is><t{keep}>{xml_escape(text)}</t></is></c>'


def number_tail(value: float, style: str = "") -> str:
    """A number cell's tail (as XlsxWriter: 16 significant digits)."""
    return f"{style}><v>{value:.16G}</v></c>"


def blank_tail(style: str) -> str:
    """An empty styled cell's tail."""
    return f"{style}/>"


def formula_tail(formula_xml: str, value: float | str | bool, style: str = "") -> str:
    """A formula cell's tail: ``formula_xml`` is the formula without ``=``, already through
    :func:`xml_escape`; ``value`` its cached value (``""`` for an empty result; a text as a
    cell's file stores it, :func:`~models.workbook.xlsx_text.ooxml_escape`)."""
    if isinstance(value, str):
        kind = "" if not value else ' t="e"' if value in ERROR_VALUES else ' t="str"'
        return f"{style}{kind}><f>{formula_xml}</f><v>{xml_escape(value)}</v></c>"
    if isinstance(value, bool):
        return f'{style} t="b"><f>{formula_xml}</f><v>{int(value)}</v></c>'
    return f"{style}><f>{formula_xml}</f><v>{value}</v></c>"


class StreamSheet(Worksheet):  # type: ignore[misc]
    """The worksheet of every Beachhead book (``constant_memory`` mode): its row table holds
    cells made here (strings, see the module notes) beside XlsxWriter's own records, and a row
    is written as one string. Formula text given to XlsxWriter is stored as given (only the
    leading ``=`` removed), never searched for dynamic-array functions or array braces (see
    :mod:`models.workbook.sheets`)."""

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

    previous_row: int
    dim_rowmin: int | None
    dim_rowmax: int | None
    dim_colmin: int | None
    dim_colmax: int | None

    def __init__(self) -> None:
        super().__init__()
        self._pending: list[str] = []  # rows made but not yet in the scratch file

    def _row_properties(self) -> dict[int, Any]:
        # heights and formats of rows: ``row_info`` since XlsxWriter 3.3, ``set_rows`` before
        found = getattr(self, "row_info", None)
        return found if found is not None else self.set_rows  # type: ignore[no-any-return]

    def _emit(self, xml: str) -> None:
        """Add ``xml`` to the rows on their way to the scratch file (written 256 at a time)."""
        pending = self._pending
        pending.append(xml)
        if len(pending) >= 256:
            self._flush()

    def _flush(self) -> None:
        """Write the pending rows (before anything XlsxWriter writes itself)."""
        if self._pending:
            self.row_data_fh.write("".join(self._pending))
            self._pending.clear()

    def write_whole_row(self, row: int, cells: str, first: int, last: int) -> None:
        """Row ``row`` (0-based) at once: ``cells`` is its cells' XML, in columns ``first`` to
        ``last``. The row must not be written yet and hold no cells (see
        :meth:`models.workbook.sheets.Sheet.row`); the next row is the one being filled."""
        if row != self.previous_row:
            self._write_single_row(row)
        properties = self._row_properties().get(row)
        if properties is None:
            self._emit(f'<row r="{row + 1}">{cells}</row>')
        else:
            self._flush()
            self._write_row(row, None, properties)
            self._emit(f"{cells}</row>")
        self._note_row(row, first, last)
        self.previous_row = row + 1

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
