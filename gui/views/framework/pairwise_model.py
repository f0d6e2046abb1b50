"""The judgement matrix of the pairwise (AHP) weights editor: ``n × n`` judgements on Saaty's
scale, with the weights they imply (the principal eigenvector, :mod:`models.analysis.ahp`) and
the current weights; only the upper triangle is editable, the lower shows the reciprocals.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from gui.tables.roles import JudgementRole
from gui.widgets.palette import WARNING_BG, WARNING_FG
from models.analysis.ahp import PairwiseResult, format_judgement, matrix_from_weights, pairwise
from models.core.rounding import percent

_Index = QModelIndex | QPersistentModelIndex

_GREY = QColor("#8a8f98")
_LOWER_BG = QColor("#f4f6f9")


class PairwiseMatrixModel(QAbstractTableModel):
    """The judgement matrix of ``n`` items, then two columns: the weight the judgements imply
    (AHP, principal eigenvector) and the current weight, both as shares.

    Cell ``(i, j)`` with ``i < j`` holds ``a_ij``, how much more important item ``i`` is than
    item ``j``; it is editable (``EditRole``: a float > 0). Cells below the diagonal show the
    reciprocal and the diagonal 1, neither editable. :data:`JudgementRole` gives any cell's
    value as a float. While the consistency ratio exceeds 0.10 the most inconsistent judgement
    (and its reciprocal) is drawn in the warning colours.

    Signals:
        matrixChanged(): a judgement changed (or the items were replaced).
    """

    matrixChanged = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.current = np.zeros(0)
        self.matrix = np.ones((0, 0))
        self._result: PairwiseResult | None = None

    # -- items ----------------------------------------------------------------------------
    def set_items(self, names: list[str], weights: list[float] | np.ndarray,
                  matrix: np.ndarray | None = None) -> None:
        """Compare ``names``, starting from the matrix of ``weights`` (perfectly consistent:
        ``a_ij = w_i / w_j``) or from ``matrix`` when given. ``weights`` are also shown as the
        current shares."""
        w = np.asarray(weights, dtype=float)
        if len(names) != len(w):
            raise ValueError("one weight per item")
        self.beginResetModel()
        self.names = list(names)
        self.current = w / w.sum() if len(w) else w
        if matrix is not None:
            self.matrix = np.array(matrix, dtype=float)
        else:
            self.matrix = matrix_from_weights(w.tolist()) if len(w) else np.ones((0, 0))
        self._result = pairwise(self.matrix) if len(w) else None
        self.endResetModel()
        self.matrixChanged.emit()

    def set_current(self, weights: list[float] | np.ndarray) -> None:
        """Update the Current column only (the judgements stay)."""
        w = np.asarray(weights, dtype=float)
        self.current = w / w.sum()
        n = len(self.names)
        if n:
            self.dataChanged.emit(self.index(0, n + 1), self.index(n - 1, n + 1))

    @property
    def size(self) -> int:
        """Number of items compared."""
        return len(self.names)

    def result(self) -> PairwiseResult | None:
        """Weights and consistency of the current judgements (None with no items)."""
        return self._result

    def judgement(self, i: int, j: int) -> float:
        """``a_ij``."""
        return float(self.matrix[i, j])

    def set_judgement(self, i: int, j: int, value: float) -> bool:
        """Set ``a_ij`` (and ``a_ji = 1 / a_ij``); either order of ``i`` and ``j`` works.
        Returns False for a value that is not a number > 0 or a diagonal cell."""
        if i == j or not (0 <= i < self.size and 0 <= j < self.size):
            return False
        try:
            v = float(value)
        except (TypeError, ValueError):
            return False
        if not (np.isfinite(v) and v > 0):
            return False
        if i > j:
            i, j, v = j, i, 1.0 / v
        if abs(self.matrix[i, j] - v) < 1e-12:
            return True
        self.matrix[i, j], self.matrix[j, i] = v, 1.0 / v
        old_worst = self._worst_cells()
        self._result = pairwise(self.matrix)
        n = self.size
        for a, b in {(i, j), (j, i), *old_worst, *self._worst_cells()}:
            idx = self.index(a, b)
            self.dataChanged.emit(idx, idx)
        self.dataChanged.emit(self.index(0, n), self.index(n - 1, n))
        self.matrixChanged.emit()
        return True

    def _worst_cells(self) -> set[tuple[int, int]]:
        r = self._result
        if r is None or r.worst is None or r.acceptable:
            return set()
        return {(r.worst.i, r.worst.j), (r.worst.j, r.worst.i)}

    # -- Qt model interface ---------------------------------------------------------------
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.size

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.size else self.size + 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        n = self.size
        if orientation == Qt.Orientation.Vertical:
            if not 0 <= section < n:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return f"({section + 1}) {self.names[section]}"
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.names[section]
            return None
        if not 0 <= section < n + 2:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section < n:
                return f"({section + 1})"
            return self.tr("AHP\nweight") if section == n else self.tr("Current\nweight")
        if role == Qt.ItemDataRole.ToolTipRole:
            if section < n:
                return self.tr("Compared with ({k}) {name}").format(k=section + 1,
                                                                   name=self.names[section])
            if section == n:
                return self.tr("The weight these judgements give (principal eigenvector), as "
                               "a share")
            return self.tr("The current weight, as a share")
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        f = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemNeverHasChildren
        if index.column() < self.size and index.row() < index.column():
            f |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsSelectable
        return f

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        n = self.size
        if not index.isValid() or not 0 <= index.row() < n or \
                not 0 <= index.column() < n + 2:
            return None
        i, j = index.row(), index.column()
        if j >= n:
            if role == Qt.ItemDataRole.DisplayRole:
                w = self._result.weights[i] if j == n and self._result is not None \
                    else self.current[i]
                return percent(w, 1)
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ForegroundRole and j == n + 1:
                return _GREY
            if role == Qt.ItemDataRole.FontRole and j == n:
                font = QFont()
                font.setBold(True)
                return font
            return None
        v = float(self.matrix[i, j])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return format_judgement(v) if role == Qt.ItemDataRole.DisplayRole else v
        if role == JudgementRole:
            return v
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        worst = (i, j) in self._worst_cells()
        if role == Qt.ItemDataRole.BackgroundRole:
            if worst:
                return QBrush(WARNING_BG)
            return QBrush(_LOWER_BG) if i >= j else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if worst:
                return WARNING_FG
            return _GREY if i >= j else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if i == j:
                return None
            return self.tr("({a}) {row} against ({b}) {col}: {value}").format(
                a=i + 1, row=self.names[i], b=j + 1, col=self.names[j],
                value=format_judgement(v))
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or \
                not (Qt.ItemFlag.ItemIsEditable & self.flags(index)):
            return False
        return self.set_judgement(index.row(), index.column(), value)
