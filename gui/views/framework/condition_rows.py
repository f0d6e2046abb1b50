"""The conditions of a rule (a posture's, a deal-breaker's or a scenario's exposure rule's), one
row each: what is compared (the overall score, a pillar's score or a criterion's level, chosen
by name from the draft's current pillars and criteria), how, and the bound, within 0–100 for a
score and 1–5 for a level; a button removes the row, *Add condition* adds one.

A condition naming a pillar or criterion the draft no longer has keeps its reference, shown
as "⚠ criterion:ID", and shows the draft's problem in place (:meth:`ConditionsEditor.set_problems`).
Edits are told by ``edited`` (as :class:`~gui.views.framework.editor_fields.Field` does):
``((k,), condition)`` for row ``k`` changed, ``((), conditions)`` for a row added or removed.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QWidget,
)

from gui.views.framework.row_list import EditRow, RowList
from models.core.framework import Op, text

OPS: tuple[Op, ...] = ("<", "<=", ">", ">=", "==")
_SYMBOLS = {"<": "<", "<=": "≤", ">": ">", ">=": "≥", "==": "="}
translate = QCoreApplication.translate


def ref_choices(data: dict[str, Any], lang: str) -> list[tuple[str, str]]:
    """``(ref, label)`` of everything a condition of the draft ``data`` can compare: the
    overall score, each pillar's score and each criterion's level, in framework order."""
    out = [("overall", translate("ConditionRow", "Overall score (0–100)"))]
    pillars = [p for p in data.get("pillars", []) if isinstance(p, dict)]
    for p in pillars:
        label = translate("ConditionRow", "Pillar: {name} (score 0–100, 100 = least)") \
            if p.get("direction") == "cost" else \
            translate("ConditionRow", "Pillar: {name} (score 0–100)")
        out.append((f"pillar:{p.get('id')}", label.format(name=_name(p, lang))))
    for p in pillars:
        for c in p.get("criteria", []):
            if isinstance(c, dict):
                out.append((f"criterion:{c.get('id')}",
                            translate("ConditionRow", "{name} (level 1–5)").format(
                                name=_name(c, lang))))
    return out


def _name(item: dict[str, Any], lang: str) -> str:
    name = item.get("name")
    if isinstance(name, dict) and str(name.get("en", "")).strip():
        return text(name, lang)
    return str(item.get("id", "?"))


def value_range(ref: str) -> tuple[float, float]:
    """The bounds a condition's value may take: 1–5 for a criterion's level, else 0–100."""
    return (1.0, 5.0) if ref.startswith("criterion:") else (0.0, 100.0)


class ConditionRow(EditRow):
    """One condition: what, how, the bound, and a remove button."""

    changed = Signal(dict)
    remove = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.what = QComboBox()
        self.what.setObjectName("conditionWhat")
        self.what.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.what.setMinimumContentsLength(18)
        self.op = QComboBox()
        self.op.setObjectName("conditionOp")
        for op in OPS:
            self.op.addItem(_SYMBOLS[op], op)
        self.value = QDoubleSpinBox()
        self.value.setObjectName("conditionValue")
        self.value.setKeyboardTracking(False)
        self.value.setMinimumWidth(self.value.fontMetrics().horizontalAdvance("100.00") + 36)
        self._lay_out([self.what, self.op, self.value], "removeCondition",
                      self.tr("Remove this condition"))
        self.what.activated.connect(lambda _i: self._what_chosen())
        self.op.activated.connect(lambda _i: self._emit())
        self.value.valueChanged.connect(lambda _v: self._emit())
        self.drop.clicked.connect(self.remove)

    def show_condition(self, cond: dict[str, Any], choices: list[tuple[str, str]]) -> None:
        """Show ``cond`` among ``choices`` (a reference not among them is shown marked)."""
        ref = str(cond.get("ref", "overall"))
        for w in (self.what, self.op, self.value):
            w.blockSignals(True)
        self.what.clear()
        for value, label in choices:
            self.what.addItem(label, value)
        if self.what.findData(ref) < 0:
            self.what.addItem(f"⚠ {ref}", ref)
        self.what.setCurrentIndex(self.what.findData(ref))
        self.op.setCurrentIndex(max(0, self.op.findData(cond.get("op"))))
        self._set_range(ref)
        bound = cond.get("value")
        self.value.setValue(float(bound) if isinstance(bound, (int, float)) else 0.0)
        for w in (self.what, self.op, self.value):
            w.blockSignals(False)

    def condition(self) -> dict[str, Any]:
        """The condition as the row shows it."""
        ref = str(self.what.currentData())
        value = self.value.value()
        return {"ref": ref, "op": str(self.op.currentData()),
                "value": float(round(value)) if ref.startswith("criterion:") else value}

    def choose(self, ref: str | None = None, op: str | None = None,
               value: float | None = None) -> None:
        """Set what is compared, how and the bound as the user would, then say so once."""
        for w in (self.what, self.op, self.value):
            w.blockSignals(True)
        if ref is not None:
            self.what.setCurrentIndex(self.what.findData(ref))
            self._set_range(ref)
        if op is not None:
            self.op.setCurrentIndex(self.op.findData(op))
        if value is not None:
            self.value.setValue(value)
        for w in (self.what, self.op, self.value):
            w.blockSignals(False)
        self._emit()

    def _set_range(self, ref: str) -> None:
        low, high = value_range(ref)
        level = ref.startswith("criterion:")
        self.value.setDecimals(0 if level else 2)
        self.value.setSingleStep(1.0 if level else 5.0)
        self.value.setRange(low, high)

    def _what_chosen(self) -> None:
        self.value.blockSignals(True)
        self._set_range(str(self.what.currentData()))  # a value out of range is clamped
        self.value.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self.changed.emit(self.condition())


class ConditionsEditor(RowList[ConditionRow]):
    """Rows of conditions and *Add condition* (see the module notes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("addCondition", parent)
        self._conditions: list[dict[str, Any]] = []
        self.add.setText(self.tr("Add Condition"))

    def show_value(self, conditions: Any, choices: list[tuple[str, str]]) -> None:
        """Show ``conditions`` (the draft's list) with ``choices`` to compare."""
        self._conditions = [c for c in conditions if isinstance(c, dict)] \
            if isinstance(conditions, list) else []
        self._choices = choices
        self._fit_rows(len(self._conditions))
        for row, cond in zip(self.rows, self._conditions, strict=True):
            row.show_condition(cond, choices)
            row.set_problem("")
        for row in self.rows:
            row.drop.setEnabled(len(self.rows) > 1)

    def set_problems(self, problems: dict[int, str]) -> None:
        """Show each row's problem (row → message); the others are cleared."""
        for k, row in enumerate(self.rows):
            row.set_problem(problems.get(k, ""))

    def _make_row(self, k: int) -> ConditionRow:
        row = ConditionRow(self)
        row.changed.connect(lambda cond, k=k: self.edited.emit((k,), cond))
        row.remove.connect(lambda k=k: self._removed(k))
        return row

    def _added(self) -> None:
        self.edited.emit((), [*self._conditions, {"ref": "overall", "op": ">=", "value": 50.0}])

    def _removed(self, k: int) -> None:
        self.edited.emit((), [c for i, c in enumerate(self._conditions) if i != k])
