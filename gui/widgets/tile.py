"""A tile: a large button with an icon, a title and a line saying what it does, as on the
welcome page (:mod:`gui.welcome`). Its look comes from the style sheet of the page it is on
(object name ``welcomeTile``; its line's ``tileLine``). A title wider than the tile (a recent
file's long name) is shortened in its middle, so its end (``.beachhead``) still shows, and is
whole in the tile's accessible name."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QIcon, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class Tile(QPushButton):
    """A large button: an icon, a title and a line saying what it does."""

    def __init__(self, icon_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.icon_label = QLabel()
        self.icon_label.setFixedSize(icon_size, icon_size)
        self.icon_size = icon_size
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setWeight(QFont.Weight.DemiBold)
        self.title_label.setFont(font)
        # as wide as the tile allows, the text elided to fit (see _elide_title)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._title = ""
        self.line_label = QLabel()
        self.line_label.setObjectName("tileLine")
        self.line_label.setWordWrap(True)
        texts = QVBoxLayout()
        texts.setSpacing(1)
        texts.addWidget(self.title_label)
        texts.addWidget(self.line_label)
        layout = self._layout = QHBoxLayout(self)  # its size is the tile's
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(14)
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(texts, 1)
        for label in (self.icon_label, self.title_label, self.line_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_texts(self, title: str, line: str) -> None:
        """The title and the line under it (also what a screen reader says)."""
        self._title = title
        self.title_label.setText(title)
        if self.isVisible():  # else when it is laid out
            self._elide_title()
        self.line_label.setText(line)
        self.setAccessibleName(title)
        self.setAccessibleDescription(line)

    def title(self) -> str:
        """The whole title (the label shows it shortened when the tile is too narrow)."""
        return self._title

    def _elide_title(self) -> None:
        self.title_label.setText(self.title_label.fontMetrics().elidedText(
            self._title, Qt.TextElideMode.ElideMiddle, self.title_label.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)  # the layout has given the title its width by now
        self._elide_title()

    def set_tile_icon(self, icon: QIcon) -> None:
        """The icon, at the tile's icon size."""
        size = QSize(self.icon_size, self.icon_size)
        self.icon_label.setPixmap(icon.pixmap(size, self.devicePixelRatioF()))

    def sizeHint(self) -> QSize:
        hint = self._layout.sizeHint()
        margins = self._layout.contentsMargins()  # the title needs no less than it did
        title = self.title_label.fontMetrics().horizontalAdvance(self._title) + \
            self.icon_size + self._layout.spacing() + margins.left() + margins.right()
        return QSize(max(hint.width(), 240, title), hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self._layout.minimumSize().height())
