"""A multi-line text box for the Assess view's free texts (a criterion's rationale and evidence,
a startup's notes, a decision's rationale) that grows with its text, and the links found in a
text.

The box behaves as the line edits it replaces do for the code around it: :meth:`TextBox.text`
and :meth:`TextBox.setText`, and ``textEdited`` emitted for what the user types or pastes only,
never for text set by the program. Its own undo is off: the document's undo stack holds every
edit, so Edit ▸ Undo takes back typed text too. Tab moves to the next field.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPlainTextEdit, QSizePolicy, QWidget

#: A link in free text: a web address with its scheme, or one starting with ``www.``.
_LINK = re.compile(r"(?:https?://|www\.)[^\s<>\"'，。；、）]+", re.IGNORECASE)
#: Punctuation that ends a sentence rather than a link.
_TRAILING = ".,;:!?)]}'\""


def links(text: str) -> list[str]:
    """The web addresses in ``text``, in order, each once (``www.…`` given ``https://``)."""
    found: list[str] = []
    for match in _LINK.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        if url.lower().startswith("www."):
            url = "https://" + url
        if url not in found and "." in url.split("://", 1)[-1]:
            found.append(url)
    return found


def links_html(urls: list[str]) -> str:
    """``urls`` as clickable anchors, separated by spaces."""
    return "&nbsp; ".join(f"<a href='{html.escape(u, quote=True)}'>{html.escape(u)}</a>"
                          for u in urls)


class TextBox(QPlainTextEdit):
    """A plain-text box from ``lines[0]`` to ``lines[1]`` lines high, fitted to its text as laid
    out at its width (it scrolls beyond the upper bound).

    Signals:
        textEdited(str): the user changed the text (its whole new text).
    """

    textEdited = Signal(str)

    def __init__(self, lines: tuple[int, int] = (1, 8), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines = lines
        self._setting = False
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.textChanged.connect(self._changed)
        # the wrapped line count changes with the text and with the box's width
        self.document().contentsChanged.connect(self.fit_height)
        # a timer of the box's own, so the refit never runs once the box is gone (a
        # singleShot with a context object is not in every PySide6 this runs on)
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self.fit_height)
        self.installEventFilter(self)
        self.fit_height()

    def text(self) -> str:
        """The text shown."""
        return self.toPlainText()

    def setText(self, text: str) -> None:
        """Show ``text`` without emitting ``textEdited``."""
        self._setting = True
        try:
            self.setPlainText(text)
        finally:
            self._setting = False

    def clear(self) -> None:
        """Empty the box without emitting ``textEdited``."""
        self.setText("")

    def _changed(self) -> None:
        if not self._setting:
            self.textEdited.emit(self.toPlainText())

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self and event.type() == QEvent.Type.Resize and \
                isinstance(event, QResizeEvent) and \
                event.size().width() != event.oldSize().width():
            # once the text is laid out again at the new width
            self._refit.start()
        return super().eventFilter(obj, event)

    def fit_height(self, *_args: object) -> None:
        """Fit the box to its text as laid out (Chinese lines are taller than the interface
        font's), between :attr:`lines` lines."""
        layout = self.document().documentLayout()
        text_height, block = 0.0, self.document().begin()
        while block.isValid():
            text_height += layout.blockBoundingRect(block).height()
            block = block.next()
        line = self.fontMetrics().lineSpacing()
        low, high = self.lines
        shown = min(high * line, max(low * line, text_height))
        frame = 2 * self.frameWidth() + 2 * self.document().documentMargin()
        height = int(shown + frame + 0.999)
        if self.height() != height or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def on_edge_line(self, down: bool) -> bool:
        """Whether the cursor is on the last line (``down``) or the first: an arrow key
        pressed there leaves the box."""
        probe = self.textCursor()
        return not probe.movePosition(probe.MoveOperation.Down if down
                                      else probe.MoveOperation.Up)
