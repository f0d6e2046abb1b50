"""Pairwise comparison (AHP) of pillar or criterion weights, for the Framework view.

The user says, for each pair of items, how much more important the row item is than the column
item on Saaty's 1–9 scale (1/9 … 1 … 9); the editor shows the weights those judgements imply (the
principal eigenvector) and the consistency ratio live (:mod:`models.analysis.ahp`), warns above 0.10
naming the judgement that disagrees most with the others, and applies the weights as one
undoable edit.

* :class:`PairwiseMatrixModel`: the ``n × n`` judgement matrix plus the derived and current
  weights; only the upper triangle is editable, the lower shows the reciprocals.
* :class:`JudgementDelegate`: a combo box with Saaty's scale for each judgement.
* :class:`PairwiseEditor`: the generic editor (any items and starting weights).
* :class:`PairwisePanel`: the editor bound to a document: the enabled pillars, or the criteria
  of one pillar, with "Apply these weights" pushing :class:`gui.commands.ChangeFramework`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QMetaObject,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.commands import ChangeFramework
from gui.document import Document
from gui.i18n import language
from gui.tables.roles import CustomJudgementRole, JudgementRole
from gui.widgets.palette import STRATEGY_FG, WARNING_BG, WARNING_FG
from models.analysis.ahp import (
    CR_THRESHOLD,
    SAATY_SCALE,
    PairwiseResult,
    consistency_warning,
    format_judgement,
    matrix_from_weights,
    pairwise,
)
from models.core.framework import text
from models.core.rounding import percent

_Index = QModelIndex | QPersistentModelIndex

#: Applied weights are rounded to this many decimals (ratios change by < 0.01 %).
WEIGHT_DECIMALS = 4
_GREY = QColor("#8a8f98")
_LOWER_BG = QColor("#f4f6f9")


def _scale_meaning() -> dict[int, str]:
    from PySide6.QtCore import QCoreApplication

    translate = QCoreApplication.translate

    return {
        1: translate("PairwiseEditor", "equally important"),
        2: translate("PairwiseEditor", "equally to moderately more important"),
        3: translate("PairwiseEditor", "moderately more important"),
        4: translate("PairwiseEditor", "moderately to strongly more important"),
        5: translate("PairwiseEditor", "strongly more important"),
        6: translate("PairwiseEditor", "strongly to very strongly more important"),
        7: translate("PairwiseEditor", "very strongly more important"),
        8: translate("PairwiseEditor", "very to extremely more important"),
        9: translate("PairwiseEditor", "extremely more important"),
    }


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
            self.matrix = matrix_from_weights(w) if len(w) else np.ones((0, 0))
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
                from PySide6.QtGui import QFont

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


class JudgementDelegate(QStyledItemDelegate):
    """A combo box of Saaty's scale (1/9 … 1 … 9) for each editable judgement; a value off
    the scale (e.g. from current weights) is offered as an extra entry. The choice is committed
    as soon as it is made."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _Index) -> QWidget:
        combo = QComboBox(parent)
        combo.setObjectName("judgementCombo")
        combo.setFrame(False)
        meaning = _scale_meaning()
        for v in SAATY_SCALE:
            combo.addItem(format_judgement(v), v)
            k = round(v if v >= 1 else 1 / v)
            tip = meaning[k] if v >= 1 else self.tr("the column item is {what}").format(
                what=meaning[k])
            combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self._commit(c))
        return combo

    def _commit(self, combo: QComboBox) -> None:
        if not combo.property("loading"):
            self.commitData.emit(combo)

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        v = float(index.data(JudgementRole))
        editor.setProperty("loading", True)
        try:
            for k in range(editor.count() - 1, -1, -1):
                if editor.itemData(k, CustomJudgementRole) == "custom":
                    editor.removeItem(k)
            pos = next((k for k in range(editor.count())
                        if abs(float(editor.itemData(k)) - v) < 1e-9), -1)
            if pos < 0:
                pos = sum(1 for k in range(editor.count()) if float(editor.itemData(k)) < v)
                editor.insertItem(pos, format_judgement(v), v)
                editor.setItemData(pos, "custom", CustomJudgementRole)
            editor.setCurrentIndex(pos)
        finally:
            editor.setProperty("loading", False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: _Index) -> None:
        assert isinstance(editor, QComboBox)
        value = editor.currentData()
        if value is not None and abs(float(value) - float(index.data(JudgementRole))) > 1e-12:
            model.setData(index, float(value), Qt.ItemDataRole.EditRole)


class PairwiseEditor(QWidget):
    """The judgement grid, the live weights and consistency ratio, a warning above 0.10, and
    "Apply these weights" / "Start from the current weights" buttons.

    Signals:
        applyRequested(object): the user asked to apply; argument = the weights (numpy
            array, summing to 1, in item order).
        resetRequested(): the user asked to start again from the current weights.
    """

    applyRequested = Signal(object)
    resetRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.model = PairwiseMatrixModel(self)
        self.delegate = JudgementDelegate(self)
        self.table = QTableView()
        self.table.setObjectName("pairwiseTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.table.setWordWrap(False)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.help_label = QLabel(self.tr(
            "Each cell says how much more important the row item is than the column item: "
            "1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely (1/3 … 1/9: the "
            "column item is). Cells below the diagonal mirror those above."))
        self.help_label.setWordWrap(True)
        self.help_label.setStyleSheet("color: #555;")
        self.cr_label = QLabel()
        self.cr_label.setObjectName("consistencyLabel")
        self.cr_label.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("consistencyWarning")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet(
            f"color: {WARNING_FG.name()}; background: {WARNING_BG.name()}; padding: 4px; "
            "border-radius: 3px;")
        self.warning_label.setVisible(False)
        self.apply_button = QPushButton(self.tr("Apply these weights"))
        self.apply_button.setObjectName("applyPairwise")
        self.reset_button = QPushButton(self.tr("Start from the current weights"))
        self.reset_button.setObjectName("resetPairwise")
        buttons = QHBoxLayout()
        buttons.addWidget(self.apply_button)
        buttons.addWidget(self.reset_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.help_label)
        layout.addWidget(self.table)
        layout.addWidget(self.cr_label)
        layout.addWidget(self.warning_label)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self.model.matrixChanged.connect(self._show_result)
        self.model.modelReset.connect(self._open_editors)
        self.apply_button.clicked.connect(lambda _c=False: self.apply())
        self.reset_button.clicked.connect(lambda _c=False: self.resetRequested.emit())

    # -- API ------------------------------------------------------------------------------
    def set_items(self, names: list[str], weights: list[float] | np.ndarray,
                  matrix: np.ndarray | None = None) -> None:
        """Compare ``names`` starting from ``weights`` (see
        :meth:`PairwiseMatrixModel.set_items`)."""
        self.model.set_items(names, weights, matrix)

    def set_judgement(self, i: int, j: int, value: float) -> bool:
        """Enter ``a_ij`` as the user would (see :meth:`PairwiseMatrixModel.set_judgement`)."""
        ok = self.model.set_judgement(i, j, value)
        if ok:
            a, b = min(i, j), max(i, j)
            editor = self.table.indexWidget(self.model.index(a, b))
            if editor is not None:
                self.delegate.setEditorData(editor, self.model.index(a, b))
        return ok

    def set_matrix(self, matrix: Any) -> None:
        """Enter every judgement above the diagonal of ``matrix`` (n × n)."""
        a = np.asarray(matrix, dtype=float)
        for i in range(len(a)):
            for j in range(i + 1, len(a)):
                self.set_judgement(i, j, float(a[i, j]))

    def result(self) -> PairwiseResult | None:
        """Weights and consistency of the judgements entered."""
        return self.model.result()

    def weights(self) -> np.ndarray:
        """The weights the judgements imply (shares summing to 1)."""
        r = self.model.result()
        return np.zeros(0) if r is None else r.weights.copy()

    def apply(self) -> None:
        """Ask to apply the weights (emits :attr:`applyRequested`)."""
        r = self.model.result()
        if r is not None and self.model.size >= 2:
            self.applyRequested.emit(r.weights.copy())

    # -- display --------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        """Size the grid once the style is known."""
        super().showEvent(event)
        self._fit()

    def _open_editors(self) -> None:
        n = self.model.size
        for i in range(n):
            for j in range(i + 1, n):
                self.table.openPersistentEditor(self.model.index(i, j))
        self._fit()

    def _fit(self) -> None:
        n = self.model.size
        fm = self.fontMetrics()
        cell = max(fm.horizontalAdvance("1/9") + 36, fm.horizontalAdvance("(10)") + 16)
        header = self.table.horizontalHeader()
        for j in range(n):
            header.resizeSection(j, cell)
        for j in (n, n + 1):
            if n:
                words = str(self.model.headerData(j, Qt.Orientation.Horizontal)).split("\n")
                header.resizeSection(j, max(*(fm.horizontalAdvance(w) + 16 for w in words),
                                            fm.horizontalAdvance("100.0%") + 16))
        vh = self.table.verticalHeader()
        head = max(header.sizeHint().height(), 2 * fm.height() + 8)
        height = head + n * vh.defaultSectionSize() + 2 * self.table.frameWidth() + 2
        self.table.setFixedHeight(height)

    def _show_result(self) -> None:
        r = self.model.result()
        n = self.model.size
        self.apply_button.setEnabled(r is not None and n >= 2)
        self.reset_button.setEnabled(n >= 1)
        if r is None or n < 2:
            self.cr_label.setText(self.tr("Pairwise comparison needs at least two items."))
            self.warning_label.setVisible(False)
            return
        if n <= 2:
            self.cr_label.setText(self.tr("Consistency ratio: 0 (two items are always "
                                          "consistent)."))
        else:
            verdict = self.tr("acceptable") if r.acceptable else self.tr("too inconsistent")
            colour = STRATEGY_FG.name() if r.acceptable else WARNING_FG.name()
            self.cr_label.setText(self.tr(
                "Consistency ratio <b style='color:{colour}'>{cr}</b> ({verdict}; Saaty "
                "accepts up to {limit}).").format(
                colour=colour, cr=f"{r.consistency_ratio:.3f}", verdict=verdict,
                limit=f"{CR_THRESHOLD:.2f}"))
        warning = consistency_warning(r, self.model.names, self.lang)
        self.warning_label.setText(warning or "")
        self.warning_label.setVisible(bool(warning))


class PairwisePanel(QWidget):
    """The pairwise editor bound to a document's framework: compare the enabled pillars, or the
    criteria of one pillar, and apply the weights as one undoable
    :class:`~gui.commands.ChangeFramework`.

    Applied weights keep the scale of the weights they replace (their mean stays the same),
    rounded to :data:`WEIGHT_DECIMALS` decimals. While the user has not touched the
    judgements, the grid follows weight changes made elsewhere (direct entry, Undo).
    """

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self._connections: list[QMetaObject.Connection] = []
        self._pillar_id = ""
        self._ids: list[str] = []
        self._touched = False
        self._applied: dict[str, float] | None = None
        self.scope_combo = QComboBox()
        self.scope_combo.setObjectName("pairwiseScope")
        self.scope_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.editor = PairwiseEditor()
        scope = QHBoxLayout()
        scope.addWidget(QLabel(self.tr("Compare")))
        scope.addWidget(self.scope_combo)
        scope.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(scope)
        layout.addWidget(self.editor, 1)
        self.scope_combo.activated.connect(lambda _i: self._load())
        self.editor.applyRequested.connect(self.apply)
        self.editor.resetRequested.connect(self._reset)
        self.editor.model.matrixChanged.connect(self._matrix_changed)
        self.set_document(doc)

    def set_document(self, doc: Document) -> None:
        """Follow ``doc``'s framework."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self.doc = doc
        self._connections = [doc.frameworkChanged.connect(self._framework_changed)]
        self._pillar_id = doc.framework.pillars[0].id
        self._fill_scopes()
        self._load()

    def set_pillar(self, pillar_id: str) -> None:
        """The pillar whose criteria the "criteria" choice compares (follows the Framework
        view's selection)."""
        if self.doc is None or pillar_id == self._pillar_id:
            return
        self._pillar_id = pillar_id
        on_criteria = self.scope() == "criteria"
        self._fill_scopes()
        if on_criteria:
            self._load()

    def scope(self) -> str:
        """``pillars`` or ``criteria``."""
        return self.scope_combo.currentData() or "pillars"

    def set_scope(self, scope: str) -> None:
        """Compare the enabled ``pillars`` or the chosen pillar's ``criteria``."""
        i = self.scope_combo.findData(scope)
        if i < 0:
            raise KeyError(scope)
        self.scope_combo.setCurrentIndex(i)
        self._load()

    def _fill_scopes(self) -> None:
        assert self.doc is not None
        keep = self.scope()
        pillar = self.doc.framework.pillar(self._pillar_id)
        self.scope_combo.blockSignals(True)
        self.scope_combo.clear()
        self.scope_combo.addItem(self.tr("Pillars (switched on)"), "pillars")
        self.scope_combo.addItem(self.tr("Criteria of {pillar}").format(
            pillar=text(pillar.name, self.lang)), "criteria")
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(keep)))
        self.scope_combo.blockSignals(False)

    def _items(self) -> tuple[list[str], list[str], list[float]]:
        """(ids, names, weights) of the items compared in the current scope."""
        assert self.doc is not None
        fw = self.doc.framework
        if self.scope() == "criteria":
            crits = fw.pillar(self._pillar_id).criteria
            return ([c.id for c in crits], [text(c.name, self.lang) for c in crits],
                    [c.weight for c in crits])
        pillars = [p for p in fw.pillars if p.enabled]
        return ([p.id for p in pillars], [text(p.name, self.lang) for p in pillars],
                [p.weight for p in pillars])

    def _load(self) -> None:
        ids, names, weights = self._items()
        self._ids = ids
        self._touched = False
        self._applied = None
        self.editor.set_items(names, weights)
        self._touched = False

    def _reset(self) -> None:
        self._load()

    def _matrix_changed(self) -> None:
        self._touched = True

    def _framework_changed(self) -> None:
        if self.doc is None:
            return
        fw = self.doc.framework
        if self._pillar_id not in {p.id for p in fw.pillars}:
            self._pillar_id = fw.pillars[0].id
        self._fill_scopes()
        ids, names, weights = self._items()
        now = dict(zip(ids, weights, strict=True))
        if ids == self._ids and (self._touched or self._applied == now):
            # keep the user's judgements; only the current weights moved
            self.editor.model.set_current(weights)
            if names != self.editor.model.names:
                self.editor.set_items(names, weights, self.editor.model.matrix.copy())
            return
        self._load()

    def apply(self, shares: np.ndarray | None = None) -> bool:
        """Apply the editor's weights (or ``shares``) to the framework as one undoable edit.
        Returns True when the framework changed."""
        if self.doc is None:
            return False
        w = self.editor.weights() if shares is None else np.asarray(shares, dtype=float)
        ids, _names, old = self._items()
        if len(w) != len(ids) or len(ids) < 2:
            return False
        new = pairwise_weights(w, old, ids)
        if new is None:
            return False
        fw = self.doc.framework
        if self.scope() == "criteria":
            framework = fw.with_weights(criterion_weights=new)
            label = self.tr("Pairwise Weights: {pillar}").format(
                pillar=text(fw.pillar(self._pillar_id).name, self.lang))
        else:
            framework = fw.with_weights(pillar_weights=new)
            label = self.tr("Pairwise Weights: Pillars")
        # the grid now matches the framework: keep it through the change that follows
        self._applied = new
        self._touched = False
        self.doc.undo_stack.push(ChangeFramework(self.doc, framework, label))
        return True


def pairwise_weights(shares: np.ndarray, old: list[float], ids: list[str]
                     ) -> dict[str, float] | None:
    """New weights for ``ids`` in the proportions ``shares``, on the scale of the ``old``
    weights (same mean) and rounded to :data:`WEIGHT_DECIMALS` decimals; ``None`` when they
    give the same proportions as ``old``.

    When the old weights are so small that rounding would flatten the new ones, the new
    weights are put on a mean of 1 instead (weights are relative, so only proportions count).
    """
    share = shares / shares.sum()
    n = len(ids)
    step = 10.0 ** -WEIGHT_DECIMALS
    scale = float(np.mean(old))
    if float(share.min()) * n * scale < 100 * step:
        scale = max(1.0, 100 * step / (float(share.min()) * n))
    new = {i: max(round(float(x) * n * scale, WEIGHT_DECIMALS), step)
           for i, x in zip(ids, share, strict=True)}
    total_new, total_old = sum(new.values()), sum(old)
    if all(abs(new[i] / total_new - o / total_old) < 1e-6
           for i, o in zip(ids, old, strict=True)):
        return None
    return new
