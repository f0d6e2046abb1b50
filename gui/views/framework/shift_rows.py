"""A scenario's shifts (or an exposure rule's): one row per criterion moved, the criterion chosen
by name from the draft's current criteria and the change in levels, −4 to +4; a button removes
the row, *Add Shift* adds one for the first criterion not shifted yet.

A shift naming a criterion the draft no longer has is shown as "⚠ ID" with the draft's
problem in place. Edits are told by ``edited((), shifts)``, the whole mapping, in its order.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QSpinBox,
    QWidget,
)

from gui.views.framework.row_list import EditRow, RowList
from models.core.framework import text


def criterion_choices(data: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """``(id, name)`` of every criterion of the draft ``data``, in framework order."""
    out = []
    for p in data.get("pillars", []):
        for c in p.get("criteria", []) if isinstance(p, dict) else []:
            if isinstance(c, dict):
                name = c.get("name")
                ok = isinstance(name, dict) and str(name.get("en", "")).strip()
                label = text(name, lang) if ok and isinstance(name, dict) else str(c.get("id"))
                out.append((str(c.get("id")), label))
    return out


class SignedSpin(QSpinBox):
    """A change in levels, shown with its sign (+1, −2, 0)."""

    def textFromValue(self, value: int) -> str:
        return f"{value:+d}" if value else "0"

    def valueFromText(self, text: str) -> int:
        return int(text.replace("−", "-").replace("+", "").strip() or 0)


class ShiftRow(EditRow):
    """One criterion and its shift."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = QComboBox()
        self.criterion.setObjectName("shiftCriterion")
        self.criterion.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.criterion.setMinimumContentsLength(16)
        self.delta = SignedSpin()
        self.delta.setObjectName("shiftDelta")
        self.delta.setRange(-4, 4)
        self.delta.setMinimumWidth(self.delta.fontMetrics().horizontalAdvance("+4") + 40)
        self.delta.setKeyboardTracking(False)
        self._lay_out([self.criterion, QLabel(self.tr("levels")), self.delta], "removeShift",
                      self.tr("Remove this shift"))

    def show_shift(self, cid: str, delta: Any, choices: list[tuple[str, str]]) -> None:
        """Show criterion ``cid`` moved by ``delta`` among ``choices``."""
        for w in (self.criterion, self.delta):
            w.blockSignals(True)
        self.criterion.clear()
        for value, label in choices:
            self.criterion.addItem(label, value)
        if self.criterion.findData(cid) < 0:
            self.criterion.addItem(f"⚠ {cid}", cid)
        self.criterion.setCurrentIndex(self.criterion.findData(cid))
        self.delta.setValue(int(delta) if isinstance(delta, (int, float)) else 0)
        for w in (self.criterion, self.delta):
            w.blockSignals(False)


class ShiftsEditor(RowList[ShiftRow]):
    """Rows of shifts and *Add Shift* (see the module notes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("addShift", parent)
        self._shifts: list[tuple[str, Any]] = []
        self.add.setText(self.tr("Add Shift"))

    def show_value(self, shifts: Any, choices: list[tuple[str, str]]) -> None:
        """Show ``shifts`` (the draft's mapping) with ``choices`` of criteria."""
        self._shifts = list(shifts.items()) if isinstance(shifts, dict) else []
        self._choices = choices
        self._fit_rows(len(self._shifts))
        for row, (cid, delta) in zip(self.rows, self._shifts, strict=True):
            row.show_shift(cid, delta, choices)
            row.set_problem("")
        taken = {cid for cid, _ in self._shifts}
        self.add.setEnabled(any(cid not in taken for cid, _ in choices))

    def shifts(self) -> list[tuple[str, Any]]:
        """The shifts shown, ``(criterion id, change)`` in order."""
        return list(self._shifts)

    def set_problems(self, problems: dict[str, str]) -> None:
        """Show the problem of each shifted criterion (id → message)."""
        for row, (cid, _) in zip(self.rows, self._shifts, strict=True):
            row.set_problem(problems.get(cid, ""))

    def set_shift(self, k: int, cid: str | None = None, delta: int | None = None) -> None:
        """Make row ``k`` shift ``cid`` by ``delta`` (either may stay), as the user would."""
        old_cid, old_delta = self._shifts[k]
        cid = old_cid if cid is None else cid
        delta = old_delta if delta is None else delta
        if cid != old_cid and cid in dict(self._shifts):
            return  # one row per criterion
        shifts = {(cid if i == k else c): (delta if i == k else d)
                  for i, (c, d) in enumerate(self._shifts)}
        self.edited.emit((), shifts)

    def _make_row(self, k: int) -> ShiftRow:
        row = ShiftRow(self)
        row.criterion.activated.connect(
            lambda i, k=k, row=row: self.set_shift(k, cid=str(row.criterion.itemData(i))))
        row.delta.valueChanged.connect(lambda v, k=k: self.set_shift(k, delta=int(v)))
        row.drop.clicked.connect(lambda _c=False, k=k: self._removed(k))
        return row

    def _added(self) -> None:
        taken = {cid for cid, _ in self._shifts}
        free = [cid for cid, _ in self._choices if cid not in taken]
        if free:
            self.edited.emit((), {**dict(self._shifts), free[0]: -1})

    def _removed(self, k: int) -> None:
        self.edited.emit((), {c: d for i, (c, d) in enumerate(self._shifts) if i != k})
