"""The table of an import's problems: one :class:`models.core.errors.Problem` a row, as File,
Sheet, Cell and Problem (what the importer says is wrong, or worth a look).

A problem's location is what the importer wrote: ``Scores!J14``, ``'My sheet'!A2:O19``, a
sheet's name alone, a part of the archive, or nothing when the whole file is at fault;
:func:`place` splits it into the sheet and the cell, leaving empty what is not known.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt

from gui.tables.base import Column
from gui.tables.sorted_rows import SortedRowsModel, text_keys
from models.core.errors import Problem

# a cell or a range after the sheet: J14, $J$14, A2:O19
_CELL = re.compile(r"\$?([A-Za-z]{1,3})\$?([0-9]{1,7})(?::\$?[A-Za-z]{1,3}\$?[0-9]{1,7})?")


def place(location: str) -> tuple[str, str]:
    """The sheet and the cell of a problem's ``location``: ``Scores!J14`` → ``("Scores",
    "J14")``, ``'Bewertung 2'!A2:O19`` → ``("Bewertung 2", "A2:O19")``, ``Framework`` →
    ``("Framework", "")``, ``""`` → ``("", "")``."""
    sheet, mark, cell = location.rpartition("!")
    if not mark or not _CELL.fullmatch(cell):
        return location, ""
    if len(sheet) >= 2 and sheet[0] == sheet[-1] == "'":
        sheet = sheet[1:-1].replace("''", "'")
    return sheet, cell


def _reading_order(cell: str) -> float:
    """A cell's place in reading order (row by row, then column), NaN for no cell."""
    found = _CELL.fullmatch(cell)
    if not found:
        return float("nan")
    column = 0
    for letter in found[1].upper():
        column = column * 26 + ord(letter) - ord("A") + 1
    return float(int(found[2]) * 20_000 + column)


class ProblemsTableModel(SortedRowsModel):
    """File, Sheet, Cell and Problem of each problem, sortable by any column (cells in
    reading order; first the order the importer listed them in).

    The File column shows the workbook's name, its full path in the tooltip; :meth:`values`
    gives the full path, for copies and CSV files that find the file again.
    """

    FILE, SHEET, CELL, PROBLEM = range(4)

    def __init__(self, problems: list[Problem], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = [Column("file", self.tr("File")), Column("sheet", self.tr("Sheet")),
                        Column("cell", self.tr("Cell")), Column("problem", self.tr("Problem"))]
        self._rows = [(p.source, *place(p.location), p.message) for p in problems]
        self._keys: dict[int, np.ndarray] = {}
        self.rebuild_order()

    def source_count(self) -> int:
        return len(self._rows)

    def values(self, source_row: int) -> tuple[str, str, str, str]:
        """The four texts of a source row (the file's full path)."""
        file, sheet, cell, message = self._rows[source_row]
        return file, sheet, cell, message

    def source_cell(self, source_row: int, column: int, role: int) -> Any:
        value = self._rows[source_row][column]
        if role == Qt.ItemDataRole.DisplayRole:
            return (Path(value).name or value) if column == self.FILE else value
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.FILE, self.PROBLEM):
            return value
        return None

    def sort_keys(self, column: int) -> np.ndarray:
        if column not in self._keys:
            if column == self.CELL:
                keys = np.array([_reading_order(r[2]) for r in self._rows], dtype=float)
            elif column == self.FILE:
                keys = text_keys([Path(r[0]).name or r[0] for r in self._rows])
            else:
                keys = text_keys([r[column] for r in self._rows])
            self._keys[column] = keys
        return self._keys[column]
