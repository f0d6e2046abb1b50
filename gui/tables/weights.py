"""Table models of the framework's weights, for the Framework view: pillars (with their on/off
switch) and the criteria of one pillar. Editing a weight or a switch pushes a
:class:`~gui.commands.ChangeFramework` command, so every change is undoable; consecutive edits
of the same weight merge into one undo step.

Weights are relative: they are normalised on use, so the models also show each pillar's share
of the total and each criterion's share of its pillar and of the total
(:mod:`models.core.weight_shares`).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QMetaObject, QObject, Qt, Signal

from gui.commands import ChangeFramework
from gui.document import Document
from gui.tables.base import Column, Index, ReadOnlyTableModel
from gui.tables.roles import IdRole
from gui.widgets.weight_delegate import MAX_WEIGHT, MIN_WEIGHT
from models.core.framework import Criterion, Framework, LocalText, Pillar, text
from models.core.rounding import fixed, percent
from models.core.weight_shares import criterion_shares, pillar_shares


class _WeightsModel(ReadOnlyTableModel):
    """Shared behaviour: follows the document's framework and pushes weight edits.

    Signals:
        refused(str): an edit was refused; the argument says why, in plain language.
    """

    refused = Signal(str)
    #: The column of the editable weight.
    WEIGHT_COLUMN = -1

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.doc = doc
        self.lang = lang
        self.columns = self._columns()
        self._ids: list[str] = self._current_ids()
        self._connections: list[QMetaObject.Connection] = [
            doc.frameworkChanged.connect(self.refresh)]

    def _columns(self) -> list[Column]:
        """The table's columns (each subclass declares its own; Qt's metaclass rules out
        ``abc.abstractmethod`` here)."""
        raise NotImplementedError

    def _current_ids(self) -> list[str]:
        """The ids of the rows the framework holds now (each subclass says which)."""
        raise NotImplementedError

    def detach(self) -> None:
        """Stop following the document (call before dropping the model)."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []

    def refresh(self) -> None:
        """Follow a framework change: ``dataChanged`` when the rows are the same ones, else a
        reset (an open weight editor survives the former)."""
        ids = self._current_ids()
        if ids != self._ids:
            self.beginResetModel()
            self._ids = ids
            self.endResetModel()
        else:
            self.emit_all_changed()

    def row_count(self) -> int:
        """One row per pillar or criterion shown."""
        return len(self._ids)

    def row_id(self, row: int) -> str:
        """The pillar or criterion id of ``row``."""
        return self._ids[row]

    def row_of(self, item_id: str) -> int:
        """The row of a pillar or criterion id, or -1."""
        try:
            return self._ids.index(item_id)
        except ValueError:
            return -1

    def _name_cell(self, name: str, tip: str, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip
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

    @staticmethod
    def _weight_cell(weight: float, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return fixed(weight, 2)
        if role == Qt.ItemDataRole.EditRole:
            return weight
        return None

    def _checked_weight(self, value: Any) -> float | None:
        """``value`` as a weight the editors accept, or None (and :attr:`refused` emitted)."""
        try:
            w = float(value)
        except (TypeError, ValueError):
            w = None
        if w is None or not MIN_WEIGHT <= w <= MAX_WEIGHT:
            self.refused.emit(self.tr("A weight must be a number from {low} to {high}.")
                              .format(low=MIN_WEIGHT, high=f"{MAX_WEIGHT:g}"))
            return None
        return w

    def _push_weights(self, framework: Framework, what: str, subject: LocalText,
                      merge_key: str | None) -> None:
        self.doc.undo_stack.push(ChangeFramework(self.doc, framework, what, subject, merge_key))


class PillarWeightsModel(_WeightsModel):
    """One row per pillar: Pillar, Direction, On (checkable), Weight (editable), Share.

    ``EditRole`` of the Weight column is the raw weight (float); ``DisplayRole`` of Share the
    pillar's percentage of the enabled pillars' total ("off" when switched off). Switching off
    the last enabled pillar is refused with :attr:`refused`.
    """

    NAME, DIRECTION, ENABLED, WEIGHT, SHARE = range(5)
    WEIGHT_COLUMN = WEIGHT

    def _columns(self) -> list[Column]:
        return [
            Column("name", self.tr("Pillar")),
            Column("direction", self.tr("Direction")),
            Column("enabled", self.tr("On"), tooltip=self.tr(
                "A switched-off pillar takes no part in the overall score")),
            Column("weight", self.tr("Weight"), "number",
                   self.tr("Relative weight; double-click to edit")),
            Column("share", self.tr("Share"), "share",
                   self.tr("Share of the overall score: the weight divided by the sum of the "
                           "weights of the pillars switched on")),
        ]

    def _current_ids(self) -> list[str]:
        return [p.id for p in self.doc.framework.pillars]

    def pillar(self, row: int) -> Pillar:
        """The pillar in ``row``."""
        return self.doc.framework.pillar(self._ids[row])

    def flags(self, index: Index) -> Qt.ItemFlag:
        f = super().flags(index)
        if not index.isValid():
            return f
        if index.column() == self.ENABLED:
            f |= Qt.ItemFlag.ItemIsUserCheckable
        if index.column() == self.WEIGHT:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def cell(self, row: int, column: int, role: int) -> Any:
        p = self.pillar(row)
        if role == IdRole:
            return p.id
        if column == self.NAME:
            return self._name_cell(text(p.name, self.lang), text(p.description, self.lang),
                                   role)
        if column == self.DIRECTION:
            return self._direction(p.direction, role)
        if column == self.ENABLED:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if p.enabled else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.tr("Switched on") if p.enabled else self.tr("Switched off")
            return None
        if column == self.WEIGHT:
            return self._weight_cell(p.weight, role)
        if role == Qt.ItemDataRole.DisplayRole:
            if not p.enabled:
                return self.tr("off")
            return percent(pillar_shares(self.doc.framework)[p.id], 1)
        return None

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return False
        p = self.pillar(index.row())
        if index.column() == self.ENABLED and role == Qt.ItemDataRole.CheckStateRole:
            on = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) \
                else value
            return self._switch(p, on)
        if index.column() == self.WEIGHT and role == Qt.ItemDataRole.EditRole:
            w = self._checked_weight(value)
            if w is None:
                return False
            if w != p.weight:
                self._push_weights(self.doc.framework.with_weights(pillar_weights={p.id: w}),
                                   "weight", p.name, f"pillar-weight:{p.id}")
            return True
        return False

    def _switch(self, p: Pillar, on: bool) -> bool:
        """Switch a pillar on or off (refused for the last one switched on)."""
        fw = self.doc.framework
        name = text(p.name, self.lang)
        if on == p.enabled:
            return True
        if not on and sum(q.enabled for q in fw.pillars) <= 1:
            self.refused.emit(self.tr(
                "“{name}” is the only pillar switched on. At least one pillar must count "
                "towards the overall score; switch another one on first.").format(name=name))
            return False
        self._push_weights(fw.with_weights(enabled={p.id: on}), "on" if on else "off", p.name,
                           None)
        return True


class CriterionWeightsModel(_WeightsModel):
    """The criteria of one pillar: Criterion, Direction, Weight (editable), Share of the pillar,
    Share of the total (0 when the pillar is switched off). Choose the pillar with
    :meth:`set_pillar`."""

    NAME, DIRECTION, WEIGHT, IN_PILLAR, OF_TOTAL = range(5)
    WEIGHT_COLUMN = WEIGHT

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en") -> None:
        self.pillar_id = doc.framework.pillars[0].id
        super().__init__(doc, parent, lang)

    def _columns(self) -> list[Column]:
        return [
            Column("name", self.tr("Criterion")),
            Column("direction", self.tr("Direction")),
            Column("weight", self.tr("Weight"), "number",
                   self.tr("Relative weight inside the pillar; double-click to edit")),
            Column("in_pillar", self.tr("In pillar"), "share",
                   self.tr("Share of the pillar's score")),
            Column("of_total", self.tr("Of total"), "share",
                   self.tr("Share of the overall score (0 when the pillar is off)")),
        ]

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

    def flags(self, index: Index) -> Qt.ItemFlag:
        f = super().flags(index)
        if index.isValid() and index.column() == self.WEIGHT:
            f |= Qt.ItemFlag.ItemIsEditable
        return f

    def cell(self, row: int, column: int, role: int) -> Any:
        c = self.criterion(row)
        if role == IdRole:
            return c.id
        if column == self.NAME:
            return self._name_cell(text(c.name, self.lang), text(c.question, self.lang), role)
        if column == self.DIRECTION:
            return self._direction(c.direction, role)
        if column == self.WEIGHT:
            return self._weight_cell(c.weight, role)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        fw = self.doc.framework
        pillar = fw.pillar(c.pillar_id)
        within = criterion_shares(pillar)[c.id]
        if column == self.IN_PILLAR:
            return percent(within, 1)
        return percent(within * pillar_shares(fw)[pillar.id], 1)

    def setData(self, index: Index, value: Any,
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.WEIGHT or \
                role != Qt.ItemDataRole.EditRole or not 0 <= index.row() < len(self._ids):
            return False
        c = self.criterion(index.row())
        w = self._checked_weight(value)
        if w is None:
            return False
        if w != c.weight:
            self._push_weights(self.doc.framework.with_weights(criterion_weights={c.id: w}),
                               "weight", c.name, f"criterion-weight:{c.id}")
        return True
