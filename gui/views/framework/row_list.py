"""A column of editable rows with a button under them that adds one (a rule's conditions, a
scenario's shifts): the rows are made and dropped to match what is shown, and every edit is
told by ``edited(key, value)`` as :class:`~gui.views.framework.editor_fields.Field` tells
it."""

from __future__ import annotations

from typing import Generic, TypeVar

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

Row = TypeVar("Row", bound=QWidget)


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
