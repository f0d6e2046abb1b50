"""What a view shows where there is nothing yet: a line saying what to do next, in place, and
buttons that do it (Add Startup…, Import Founders' Workbooks…, New Assessment).

A view gives the buttons their work; the two commands that belong to the main window rather
than to a view (importing workbooks, adding a startup from another view) are found through
the window the widget is in (:func:`window_command`), so a view needs no reference to it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QMetaObject, QObject, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from gui.document import Document

#: A button of an empty state: its text and what it does.
Command = tuple[str, Callable[[], object]]


class EmptyState(QWidget):
    """A centred message with a row of buttons under it (see the module notes).

    Attributes:
        label: the message; buttons: the buttons shown now, in order.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.label = QLabel()
        self.label.setObjectName("emptyStateText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        palette = self.label.palette()  # quieter than the data around it
        palette.setColor(QPalette.ColorRole.WindowText,
                         palette.color(QPalette.ColorRole.PlaceholderText).darker(130))
        self.label.setPalette(palette)
        self.buttons: list[QPushButton] = []
        self._row = QHBoxLayout()
        self._row.setSpacing(8)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 24, 16, 24)
        layout.setSpacing(12)
        layout.addStretch(1)  # a third of the way down the room it has
        layout.addWidget(self.label)
        layout.addLayout(self._row)
        layout.addStretch(2)

    def show_message(self, message: str, commands: Sequence[Command] = ()) -> None:
        """Say ``message`` with a button per command (the first one the default)."""
        if message == self.label.text() and [c[0] for c in commands] == self.button_texts():
            for button, (_text, work) in zip(self.buttons, commands, strict=True):
                button.clicked.disconnect()
                button.clicked.connect(lambda _c=False, w=work: w())
            return
        self.label.setText(message)
        while self._row.count():
            item = self._row.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.buttons = []
        self._row.addStretch(1)
        for text, work in commands:
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, w=work: w())
            self._row.addWidget(button)
            self.buttons.append(button)
        self._row.addStretch(1)
        if self.buttons:
            self.buttons[0].setDefault(True)

    def message(self) -> str:
        """The message shown."""
        return self.label.text()

    def button_texts(self) -> list[str]:
        """The buttons' texts, in order."""
        return [b.text() for b in self.buttons]


def window_command(widget: QWidget, name: str) -> Callable[[], None]:
    """The main window's command ``name`` as seen from ``widget``: ``import_workbooks``
    (File ▸ Import Workbooks…) or ``add_startup`` (Assess's Add, shown in Assess). Run
    outside a main window (a view on its own), it does nothing."""
    if name not in ("import_workbooks", "add_startup"):
        raise ValueError(f"unknown window command {name!r}")

    def run() -> None:
        window = widget.window()
        if name == "import_workbooks":
            jobs = getattr(window, "file_jobs", None)
            if jobs is not None:
                jobs.import_workbooks()
            return
        show, view = getattr(window, "show_view", None), getattr(window, "assess_view", None)
        if show is not None and view is not None:
            show("assess")
            view.add_startup()
    return run


class EmptyPortfolioNote(EmptyState):
    """An :class:`EmptyState` shown only while the document it follows has no startup:
    ``message`` and ``commands`` say what to do (each made in the interface language when
    shown)."""

    def __init__(self, message: Callable[[], str], commands: Callable[[], Sequence[Command]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._message, self._commands = message, commands
        self._connection: QMetaObject.Connection | None = None
        self._doc: Document | None = None
        self.hide()

    def follow(self, doc: Document) -> None:
        """Follow the document ``doc``."""
        if self._connection is not None:
            QObject.disconnect(self._connection)
        self._doc = doc
        self._connection = doc.structureChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Shown while the document has no startup."""
        empty = self._doc is not None and not self._doc.portfolio.startups
        if empty and not self.buttons:
            self.show_message(self._message(), self._commands())
        self.setVisible(empty)
