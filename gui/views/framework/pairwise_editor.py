"""The pairwise (AHP) weights editor: for each pair of items the user says how much more
important the row item is than the column item on Saaty's 1–9 scale (1/9 … 1 … 9); the editor
shows the weights those judgements imply and the consistency ratio live
(:mod:`models.analysis.ahp`), warns above 0.10 naming the judgement that disagrees most with
the others, and asks for the weights to be applied.

* :class:`JudgementDelegate`: a combo box with Saaty's scale for each judgement.
* :class:`PairwiseEditor`: the generic editor (any items and starting weights) over a
  :class:`~gui.views.framework.pairwise_model.PairwiseMatrixModel`; the Framework view binds
  it to a document in :mod:`gui.views.framework.pairwise_panel`.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QResizeEvent, QShowEvent
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

from gui.i18n import language
from gui.tables.roles import CustomJudgementRole, JudgementRole
from gui.views.framework.pairwise_model import PairwiseMatrixModel
from gui.widgets.palette import STRATEGY_FG, WARNING_BG, WARNING_FG
from models.analysis.ahp import (
    CR_THRESHOLD,
    SAATY_SCALE,
    PairwiseResult,
    consistency_warning,
    format_judgement,
)

_Index = QModelIndex | QPersistentModelIndex


def _scale_meaning() -> dict[int, str]:
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
        self.table = self._build_table()
        self._build_labels()
        self.apply_button = QPushButton(self.tr("Apply these weights"))
        self.apply_button.setObjectName("applyPairwise")
        self.reset_button = QPushButton(self.tr("Start from the current weights"))
        self.reset_button.setObjectName("resetPairwise")
        self._lay_out()
        self.model.matrixChanged.connect(self._show_result)
        self.model.modelReset.connect(self._open_editors)
        self.apply_button.clicked.connect(lambda _c=False: self.apply())
        self.reset_button.clicked.connect(lambda _c=False: self.resetRequested.emit())

    def _build_table(self) -> QTableView:
        table = QTableView()
        table.setObjectName("pairwiseTable")
        table.setModel(self.model)
        table.setItemDelegate(self.delegate)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        table.setWordWrap(False)
        table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.verticalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)  # see _fit_names
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        return table

    def _build_labels(self) -> None:
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

    def _lay_out(self) -> None:
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

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the grid to the new width."""
        super().resizeEvent(event)
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
        if self._fit_names(sum(header.sectionSize(j) for j in range(header.count()))):
            height += self.table.horizontalScrollBar().sizeHint().height()
        self.table.setFixedHeight(height)

    def _fit_names(self, columns: int) -> bool:
        """Give the rows' names the width the columns leave (shortened with an ellipsis, whole
        in their tool tips, down to a few letters); True when the grid is still wider than
        the table, which then scrolls sideways."""
        vh, fm = self.table.verticalHeader(), self.fontMetrics()
        vh.setMaximumWidth(16_777_215)
        natural = vh.sizeHint().width()
        least = fm.horizontalAdvance("(10) MMMM…") + 8
        room = self.width() - 2 * self.table.frameWidth() - columns
        width = max(least, min(natural, room))
        vh.setMaximumWidth(width)
        return width + columns > self.width() - 2 * self.table.frameWidth()

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
