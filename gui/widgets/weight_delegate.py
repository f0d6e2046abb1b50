"""The spin box that edits a weight in the Framework view's tables."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

_Index = QModelIndex | QPersistentModelIndex

#: Smallest and largest weight the editors accept (weights must be > 0).
MIN_WEIGHT = 0.01
MAX_WEIGHT = 100.0


class WeightDelegate(QStyledItemDelegate):
    """Edits a weight with a spin box (0.01–100, two decimals). Each arrow step or confirmed
    entry is committed at once, so shares and scores follow live; the model merges the steps
    into one undo command."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: _Index) -> QWidget:
        """A spin box that commits on every confirmed value."""
        spin = QDoubleSpinBox(parent)
        spin.setRange(MIN_WEIGHT, MAX_WEIGHT)
        spin.setDecimals(2)
        spin.setSingleStep(0.1)
        spin.setKeyboardTracking(False)
        spin.setAlignment(Qt.AlignmentFlag.AlignRight)
        spin.setFrame(False)
        spin.valueChanged.connect(lambda _v, s=spin: self.commitData.emit(s))
        return spin

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        """Show the weight in the spin box (without committing it again)."""
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QDoubleSpinBox) and value is not None:
            editor.blockSignals(True)
            editor.setValue(float(value))
            editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: _Index) -> None:
        """Write the spin box's value to the model (which pushes an undo command)."""
        if isinstance(editor, QDoubleSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), Qt.ItemDataRole.EditRole)
