"""Table models of the framework's weights, for the Framework view: pillars (with their on/off
switch) and the criteria of one pillar. Editing a weight or a switch pushes a
:class:`~gui.commands.ChangeFramework` command, so every change is undoable; consecutive edits
of the same weight merge into one undo step.

Weights are relative: they are normalised on use, so the models also show each pillar's share
of the total and each criterion's share of its pillar and of the total.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QMetaObject,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gui.commands import ChangeFramework
from gui.document import Document
from gui.tables.base import ReadOnlyTableModel
from gui.tables.roles import IdRole
from gui.widgets.weight_delegate import MAX_WEIGHT, MIN_WEIGHT
from models.core.framework import Criterion, Framework, Pillar, text
from models.core.rounding import fixed, percent
from models.core.weight_shares import criterion_shares, pillar_shares

_Index = QModelIndex | QPersistentModelIndex


class _WeightsModel(ReadOnlyTableModel):
    """Shared behaviour: follows the document's framework and pushes weight edits.

    Signals:
        refused(str): an edit was refused; the argument says why, in plain language.
    """

    refused = Signal(str)
    WEIGHT_COLUMN = -1

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.doc = doc
        self.lang = lang
        self._ids: list[str] = self._current_ids()
        self._connections: list[QMetaObject.Connection] = [
            doc.frameworkChanged.connect(self.refresh)]

    def detach(self) -> None:
        """Stop following the document (call before dropping the model)."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []

    def _current_ids(self) -> list[str]:
        raise NotImplementedError

    def refresh(self) -> None:
        """Follow a framework change: ``dataChanged`` when the rows are the same ones, else a
        reset (an open weight editor survives the former)."""
        ids = self._current_ids()
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        elif ids:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(ids) - 1, self.columnCount() - 1))

    def row_count(self) -> int:
        """One row per pillar or criterion shown."""
        return len(self._ids)

    def column_count(self) -> int:
        """One column per header."""
        return len(self.HEADERS)

    def row_id(self, row: int) -> str:
        """The pillar or criterion id of ``row``."""
        return self._ids[row]

    def row_of(self, item_id: str) -> int:
        """The row of a pillar or criterion id, or -1."""
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    #: Column names (untranslated; subclasses return translated headers).
    HEADERS: tuple[str, ...] = ()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tooltip(section)
        return None

    def _header_tooltip(self, section: int) -> str | None:
        return None

    def _direction(self, direction: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.tr("benefit") if direction == "benefit" else self.tr("cost")
        if role == Qt.ItemDataRole.ToolTipRole:
            if direction == "benefit":
                return self.tr("A higher level is better for the startup.")
            return self.tr("A higher level is worse for the startup; its score is inverted, so "
                           "a higher score still means better for the startup.")
        return None

    def _push_weights(self, framework: Framework, label: str, merge_key: str | None) -> None:
        self.doc.undo_stack.push(ChangeFramework(self.doc, framework, label, merge_key))

    @staticmethod
    def _weight_value(value: Any) -> float | None:
        try:
            w = float(value)
        except (TypeError, ValueError):
            return None
        return w if MIN_WEIGHT <= w <= MAX_WEIGHT else None


class PillarWeightsModel(_WeightsModel):
    """One row per pillar: Pillar, Direction, On (checkable), Weight (editable), Share.

    ``EditRole`` of the Weight column is the raw weight (float); ``DisplayRole`` of Share the
    pillar's percentage of the enabled pillars' total ("off" when switched off). Switching off
    the last enabled pillar is refused with :attr:`refused`.
    """

    NAME, DIRECTION, ENABLED, WEIGHT, SHARE = range(5)
    WEIGHT_COLUMN = WEIGHT
    HEADERS = ("Pillar", "Direction", "On", "Weight", "Share")

    def _current_ids(self) -> list[str]:
        return [p.id for p in self.doc.framework.pillars]

    def pillar(self, row: int) -> Pillar:
        """The pillar in ``row``."""
        return self.doc.framework.pillar(self._ids[row])

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Pillar"), self.tr("Direction"), self.tr("On"), self.tr("Weight"),
                    self.tr("Share"))[section] if 0 <= section < 5 else None
        return super().headerData(section, orientation, role)

    def _header_tooltip(self, section: int) -> str | None:
        return {
            self.ENABLED: self.tr("A switched-off pillar takes no part in the overall score"),
            self.WEIGHT: self.tr("Relative weight; double-click to edit"),
            self.SHARE: self.tr("Share of the overall score: the weight divided by the sum of "
                                "the weights of the pillars switched on"),
        }.get(section)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        f = super().flags(index)
        if not index.isValid():
            return f
        if index.column() == self.ENABLED:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.WEIGHT:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        p = self.pillar(index.row())
        col = index.column()
        if role == IdRole:
            return p.id
        if col == self.NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return text(p.name, self.lang)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text(p.description, self.lang)
            return None
        if col == self.DIRECTION:
            return self._direction(p.direction, role)
        if col == self.ENABLED:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if p.enabled else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Switched on") if p.enabled else self.tr("Switched off")
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.WEIGHT, self.SHARE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == self.WEIGHT:
            if role == Qt.ItemDataRole.DisplayRole:
                return fixed(p.weight, 2)
            if role == Qt.ItemDataRole.EditRole:
                return p.weight
            return None
        if col == self.SHARE and role == Qt.ItemDataRole.DisplayRole:
            if not p.enabled:
                return self.tr("off")
            return percent(pillar_shares(self.doc.framework)[p.id], 1)
        return None

    def setData(self, index: _Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return False
        p = self.pillar(index.row())
        fw = self.doc.framework
        name = text(p.name, self.lang)
        if index.column() == self.ENABLED and role == Qt.ItemDataRole.CheckStateRole:
            on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) \
                else value
            if on == p.enabled:
                return True
            if not on and sum(q.enabled for q in fw.pillars) <= 1:
                self.refused.emit(self.tr(
                    "“{name}” is the only pillar switched on. At least one pillar must count "
                    "towards the overall score; switch another one on first.").format(name=name))
                return False
            label = (self.tr("Switch On {name}") if on else self.tr("Switch Off {name}")).format(
                name=name)
            self._push_weights(fw.with_weights(enabled={p.id: on}), label, None)
            return True
        if index.column() == self.WEIGHT and role == Qt.ItemDataRole.EditRole:
            w = self._weight_value(value)
            if w is None:
                self.refused.emit(self.tr("A weight must be a number from {low} to {high}.")
                                  .format(low=MIN_WEIGHT, high=f"{MAX_WEIGHT:g}"))
                return False
            if w == p.weight:
                return True
            self._push_weights(fw.with_weights(pillar_weights={p.id: w}),
                               self.tr("Weight {name}").format(name=name),
                               f"pillar-weight:{p.id}")
            return True
        return False


class CriterionWeightsModel(_WeightsModel):
    """The criteria of one pillar: Criterion, Direction, Weight (editable), Share of the pillar,
    Share of the total (0 when the pillar is switched off). Choose the pillar with
    :meth:`set_pillar`."""

    NAME, DIRECTION, WEIGHT, IN_PILLAR, OF_TOTAL = range(5)
    WEIGHT_COLUMN = WEIGHT
    HEADERS = ("Criterion", "Direction", "Weight", "In pillar", "Of total")

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en") -> None:
        self.pillar_id = doc.framework.pillars[0].id
        super().__init__(doc, parent, lang)

    def _current_ids(self) -> list[str]:
        try:
            return [c.id for c in self.doc.framework.pillar(self.pillar_id).criteria]
        except KeyError:
            return []

    def set_pillar(self, pillar_id: str) -> None:
        """Show the criteria of ``pillar_id`` (a reset)."""
        if pillar_id == self.pillar_id:
            return
        self.beginResetModel()
        self.pillar_id = pillar_id
        self._ids = self._current_ids()
        self.endResetModel()

    def refresh(self) -> None:
        fw = self.doc.framework
        if self.pillar_id not in {p.id for p in fw.pillars}:
            self.beginResetModel()
            self.pillar_id = fw.pillars[0].id
            self._ids = self._current_ids()
            self.endResetModel()
            return
        super().refresh()

    def criterion(self, row: int) -> Criterion:
        """The criterion in ``row``."""
        return self.doc.framework.criterion(self._ids[row])

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Criterion"), self.tr("Direction"), self.tr("Weight"),
                    self.tr("In pillar"), self.tr("Of total"))[section] if 0 <= section < 5 \
                else None
        return super().headerData(section, orientation, role)

    def _header_tooltip(self, section: int) -> str | None:
        return {
            self.WEIGHT: self.tr("Relative weight inside the pillar; double-click to edit"),
            self.IN_PILLAR: self.tr("Share of the pillar's score"),
            self.OF_TOTAL: self.tr("Share of the overall score (0 when the pillar is off)"),
        }.get(section)

    def flags(self, index: _Index) -> Qt.ItemFlag:
        f = super().flags(index)
        if index.isValid() and index.column() == self.WEIGHT:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        c = self.criterion(index.row())
        col = index.column()
        if role == IdRole:
            return c.id
        if col == self.NAME:
            if role == Qt.ItemDataRole.DisplayRole:
                return text(c.name, self.lang)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text(c.question, self.lang)
            return None
        if col == self.DIRECTION:
            return self._direction(c.direction, role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if col == self.WEIGHT:
            if role == Qt.ItemDataRole.DisplayRole:
                return fixed(c.weight, 2)
            if role == Qt.ItemDataRole.EditRole:
                return c.weight
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        fw = self.doc.framework
        pillar = fw.pillar(c.pillar_id)
        within = criterion_shares(pillar)[c.id]
        if col == self.IN_PILLAR:
            return percent(within, 1)
        if col == self.OF_TOTAL:
            return percent(within * pillar_shares(fw)[pillar.id], 1)
        return None

    def setData(self, index: _Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.WEIGHT or \
                role != Qt.ItemDataRole.EditRole or not 0 <= index.row() < len(self._ids):
            return False
        c = self.criterion(index.row())
        w = self._weight_value(value)
        if w is None:
            self.refused.emit(self.tr("A weight must be a number from {low} to {high}.")
                              .format(low=MIN_WEIGHT, high=f"{MAX_WEIGHT:g}"))
            return False
        if w == c.weight:
            return True
        fw = self.doc.framework
        self._push_weights(fw.with_weights(criterion_weights={c.id: w}),
                           self.tr("Weight {name}").format(name=text(c.name, self.lang)),
                           f"criterion-weight:{c.id}")
        return True
