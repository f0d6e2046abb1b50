"""A column of editable rows with a button under them that adds one (a rule's conditions, a
scenario's shifts): the rows are made and dropped to match what is shown, and every edit is
told by ``edited(key, value)`` as :class:`~gui.views.framework.editor_fields.Field` tells
it."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui.views.framework.editor_fields import problem_label
from gui.widgets.palette import PROBLEM_OUTLINE

Row = TypeVar("Row", bound=QWidget)


class EditRow(QWidget):
    """A row of a :class:`RowList`: its own widgets, a remove button (:attr:`drop`) after
    them, and a line under them (:attr:`message`) for the draft's problem in the row, the
    widget at fault outlined."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drop = QPushButton("✕")
        self.drop.setFixedWidth(self.drop.fontMetrics().horizontalAdvance("✕") + 20)
        self.message = problem_label()
        self._at_fault: QWidget = self

    def _lay_out(self, widgets: list[QWidget], drop_name: str, drop_tip: str) -> None:
        """Lay the row out: ``widgets`` (the first stretching) then the remove button, named
        and explained; the first widget is the one outlined for a problem."""
        self.drop.setObjectName(drop_name)
        self.drop.setToolTip(drop_tip)
        self.drop.setAccessibleName(drop_tip)
        self._at_fault = widgets[0]
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for k, widget in enumerate(widgets):
            row.addWidget(widget, 1 if k == 0 else 0)
        row.addWidget(self.drop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.message)

    def set_problem(self, message: str) -> None:
        """Outline the widget at fault and show ``message`` below ("" clears)."""
        self._at_fault.setStyleSheet(PROBLEM_OUTLINE if message else "")
        self._at_fault.setProperty("problem", bool(message))
        self.message.setText(message)
        self.message.setVisible(bool(message))


class RowList(QWidget, Generic[Row]):
    """Rows (:attr:`rows`) above an *add* button; subclasses make a row
    (:meth:`_make_row`) and say what adding one does (:meth:`_added`)."""

    edited = Signal(object, object)

    def __init__(self, add_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Row] = []
        self._choices: list[tuple[str, str]] = []
        self._box = QVBoxLayout()
        self._box.setContentsMargins(0, 0, 0, 0)
        self._box.setSpacing(4)
        self.add = QPushButton()
        self.add.setObjectName(add_name)
        self.add.clicked.connect(self._added)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self._box)
        outer.addWidget(self.add, 0, Qt.AlignmentFlag.AlignLeft)

    def _fit_rows(self, count: int) -> None:
        """Make or drop rows until there are ``count``."""
        while len(self.rows) > count:
            row = self.rows.pop()
            self._box.removeWidget(row)
            row.deleteLater()
        while len(self.rows) < count:
            row = self._make_row(len(self.rows))
            self.rows.append(row)
            self._box.addWidget(row)

    def _make_row(self, k: int) -> Row:
        """A new row ``k``, its signals connected."""
        raise NotImplementedError

    def _added(self) -> None:
        raise NotImplementedError
