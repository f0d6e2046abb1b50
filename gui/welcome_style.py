"""The welcome page's look (:mod:`gui.welcome`): its colours and style sheet, its centred
column, and how it fits a laptop's short screen: less room around its parts, tighter tiles,
and a list of recent portfolios no taller than the Start column, scrolling within itself when
it holds more, so the page's ways in and its foot show without scrolling the page."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui.widgets.tile import Tile

ACCENT = "#2f6fb0"
#: The widest the page's text and tiles grow, however wide the window.
COLUMN_WIDTH = 1000
#: Below this height (the page's, in logical pixels) the page is laid out tighter.
ROOMY_HEIGHT = 700

STYLE_SHEET = f"""
#welcomeContent {{ background: palette(base); }}
#welcomeBand {{ background: #f1f5fa; border-bottom: 1px solid #dde3ea; }}
#welcomeTitle {{ color: #1f2d3d; }}
#welcomeTagline {{ color: {ACCENT}; }}
#welcomeHeading {{ color: #5b6470; font-weight: 600; }}
#recentList, #recentTiles {{ background: transparent; }}
#welcomeTile {{ text-align: left; border: 1px solid #d5d8de; border-radius: 6px;
                background: palette(base); }}
#welcomeTile:hover {{ border: 1px solid {ACCENT}; background: #f3f7fc; }}
#welcomeTile:pressed {{ background: #e4edf8; }}
#welcomeTile:focus {{ border: 2px solid {ACCENT}; }}
#welcomeTile QLabel {{ background: transparent; }}
#tileLine {{ color: #5b6470; }}
#welcomeTile[missing="true"] QLabel {{ color: #8a929c; }}
#welcomeLink {{ border: none; color: {ACCENT}; text-align: left; padding: 2px 0; }}
#welcomeLink:hover {{ text-decoration: underline; }}
"""


class RecentList(QScrollArea):
    """The recent portfolios' tiles, one under another, in a frameless area that is never
    taller than the stack of tiles ``beside`` it (the Start column's) and scrolls within
    itself beyond.

    Its height is measured again once the page is laid out (:meth:`fit`, after any change of
    its width, of its tiles or of the tiles beside it: a language switch, a tighter page, a
    recent file gone): the tiles as tall as their lines wrap at the width they get. When
    they fit, the list is exactly as tall and shows no scroll bar (one would narrow the
    tiles, wrap their lines once more and cut the last).

    Attributes:
        column: the layout the tiles go in.
    """

    def __init__(self, beside: QVBoxLayout) -> None:
        super().__init__()
        self.setObjectName("recentList")
        self._beside = beside
        inner = self._inner = QWidget()
        inner.setObjectName("recentTiles")
        self.column = QVBoxLayout(inner)
        self.column.setContentsMargins(0, 0, 0, 0)
        self.column.setSpacing(6)
        self.column.addStretch(1)  # the tiles at the top, as tall as their lines
        self.setWidget(inner)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._later = QTimer(self)  # measured again once the layouts have run
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        inner.installEventFilter(self)
        for tile in _tiles(beside):
            tile.installEventFilter(self)

    def fit(self) -> None:
        """As tall as its tiles at its width, at most as tall as the tiles beside."""
        width = self.width()
        if width < 100:  # not laid out yet: when it is
            return
        needed = _stack_height(self.column, width)
        room = max(_laid_out_height(self._beside), _stack_height(self._beside, width))
        fits = needed <= room
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else
                                        Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if needed > 0:
            self.setFixedHeight(min(needed, room) if room > 0 else needed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._later.start()  # the tiles here or beside have changed: measure again
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.fit()

    def sizeHint(self) -> QSize:
        return QSize(self._inner.sizeHint().width(), self.height())


def _tiles(stack: QVBoxLayout) -> list[QWidget]:
    """The tiles in ``stack`` not hidden, in order."""
    items = (stack.itemAt(i) for i in range(stack.count()))
    return [w for w in (item.widget() for item in items if item is not None)
            if w is not None and not w.isHidden()]


def _stack_height(stack: QVBoxLayout, width: int) -> int:
    """How tall the tiles in ``stack`` are, one under another, at ``width``: each as tall as
    its lines wrap (its size hint when it cannot tell)."""
    tiles = _tiles(stack)
    return sum(t.heightForWidth(width) if t.heightForWidth(width) > 0 else
               t.sizeHint().height() for t in tiles) + stack.spacing() * max(0, len(tiles) - 1)


def _laid_out_height(stack: QVBoxLayout) -> int:
    """How tall the tiles in ``stack`` are on the page, from the first's top to the last's
    bottom (0 before they are laid out)."""
    tiles = _tiles(stack)
    if not tiles or tiles[0].width() < 100:
        return 0
    return tiles[-1].geometry().bottom() - tiles[0].geometry().top() + 1


class PageTile(Tile):
    """A tile as tall as its lines wrapped at the width it has (a Chinese line it has room
    for is otherwise counted on two lines, and the page would scroll for the room)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(hint.width(), self.heightForWidth(max(self.width(), hint.width())))

    def set_texts(self, title: str, line: str) -> None:
        super().set_texts(title, line)
        self.updateGeometry()  # another language's lines: another height

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.heightForWidth(event.size().width()) != \
                self.heightForWidth(event.oldSize().width()):
            self.updateGeometry()


def fit_height(height: int, band: QVBoxLayout, column: QVBoxLayout, stack: QVBoxLayout,
               tiles: list[QWidget]) -> None:
    """Less room around the ``band`` and the ``column`` below it, and tighter ``tiles`` (and
    the ``stack`` of Start's), on a page ``height`` pixels high, when that is short (a
    laptop's screen)."""
    roomy = height >= ROOMY_HEIGHT
    for layout, top, bottom in ((band, 28, 24), (column, 20, 16)):
        side = layout.contentsMargins().left() if layout is column else 0
        layout.setContentsMargins(side, top if roomy else top // 3, side,
                                  bottom if roomy else bottom // 3)
    column.setSpacing(18 if roomy else 6)
    stack.setSpacing(8 if roomy else 5)
    for tile in tiles:
        if (own := tile.layout()) is not None:
            own.setContentsMargins(14, 10 if roomy else 5, 14, 10 if roomy else 5)


def centred(inner: QHBoxLayout | QVBoxLayout) -> QHBoxLayout:
    """``inner`` in the middle of the page's width, at most :data:`COLUMN_WIDTH` wide."""
    column = QWidget()
    column.setMaximumWidth(COLUMN_WIDTH)
    column.setLayout(inner)
    inner.setContentsMargins(32, inner.contentsMargins().top(), 32,
                             inner.contentsMargins().bottom())
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(column, 100)
    row.addStretch(1)
    return row


def paragraph(text: str) -> str:
    """``text`` as a paragraph with room between its lines."""
    return f"<p style='line-height: 135%'>{html.escape(text)}</p>"


def home_relative(folder: Path) -> str:
    """``folder`` with the home folder written ``~``."""
    try:
        return str(Path("~") / folder.relative_to(Path.home()))
    except ValueError:
        return str(folder)
