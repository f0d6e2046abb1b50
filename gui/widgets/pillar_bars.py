"""A cheap painted chart of pillar scores: one horizontal bar per pillar, repainted instantly on
every edit (the matplotlib radar is redrawn only when the application is idle)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from gui.widgets.palette import UNSCORED, score_colour
from models.core.rounding import fixed


def paint_mini_bars(painter: QPainter, rect: QRectF, scores: list[float | None]) -> None:
    """Paint small vertical bars (one per pillar, height ∝ score) filling ``rect``."""
    if not scores:
        return
    gap = 2.0
    w = (rect.width() - gap * (len(scores) - 1)) / len(scores)
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    for i, s in enumerate(scores):
        x = rect.left() + i * (w + gap)
        painter.setBrush(UNSCORED.lighter(125))
        painter.drawRect(QRectF(x, rect.top(), w, rect.height()))
        if s is not None:
            h = max(1.0, rect.height() * s / 100.0)
            painter.setBrush(score_colour(s))
            painter.drawRect(QRectF(x, rect.bottom() - h, w, h))
    painter.restore()


def _break_before_note(name: str) -> str:
    """``name`` with its closing parenthesis (a cost pillar's "(100 = least)") on a line of
    its own."""
    at = max(name.rfind(" ("), name.rfind("（"))
    return f"{name[:at].rstrip()}\n{name[at:].strip()}" if at > 0 else name


class PillarBars(QWidget):
    """Labelled horizontal bars, 0–100, one per pillar; ``None`` shows "not scored".

    A label too long for its column (a cost pillar's "Incumbent pressure (100 = least)" in a
    narrow panel) wraps onto a second line, and its row grows to fit.
    """

    ROW = 22
    #: The labels' column takes at most this share of the width.
    LABEL_SHARE = 0.5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float | None]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_scores(self, rows: list[tuple[str, float | None]]) -> None:
        """Show ``rows`` as (pillar name, score 0–100 or None)."""
        if rows != self._rows:
            changed_names = [n for n, _ in rows] != [n for n, _ in self._rows]
            self._rows = list(rows)
            if changed_names:
                self._fit_height()
            self.update()

    def scores(self) -> list[tuple[str, float | None]]:
        """The rows shown."""
        return list(self._rows)

    def sizeHint(self) -> QSize:
        return QSize(260, self.heightForWidth(self.width() or 260))

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.minimumHeight())

    def heightForWidth(self, width: int) -> int:
        """The height the rows need at ``width`` (labels wrapped as they will be drawn)."""
        return sum(h for _, h in self._row_heights(width)[1]) + 4

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit_height()

    def _fit_height(self) -> None:
        """Ask the layout for the height the rows need at the present width (wrapped labels
        make rows taller in a narrow panel)."""
        height = self.heightForWidth(self.width() or 260)
        if height != self.minimumHeight():
            self.setMinimumHeight(height)
        self.updateGeometry()

    def _label_width(self, width: int) -> int:
        fm = self.fontMetrics()
        longest = max((fm.horizontalAdvance(n) for n, _ in self._rows), default=0)
        return int(min(longest + 10, width * self.LABEL_SHARE))

    def _row_heights(self, width: int) -> tuple[int, list[tuple[str, int]]]:
        """The label column's width, and each row's label with the row's height."""
        fm = self.fontMetrics()
        label_w = self._label_width(width)
        single = max(self.ROW, fm.height() + 8)
        rows = []
        for name, _ in self._rows:
            shown = _break_before_note(name) if fm.horizontalAdvance(name) > label_w - 6 \
                else name
            box = fm.boundingRect(QRect(0, 0, max(1, label_w - 6), 1000),
                                  int(Qt.TextFlag.TextWordWrap), shown)
            rows.append((shown, max(single, box.height() + 8)))
        return label_w, rows

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        label_w, heights = self._row_heights(self.width())
        value_w = fm.horizontalAdvance("100.0") + 8
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        y = 2
        for (name, rh), (_, score) in zip(heights, self._rows, strict=True):
            p.setPen(text_colour)
            p.drawText(QRectF(0, y, label_w - 6, rh), int(Qt.AlignmentFlag.AlignVCenter |
                       Qt.AlignmentFlag.AlignLeft) | int(Qt.TextFlag.TextWordWrap), name)
            bar_h = self.ROW - 10
            bar = QRectF(label_w, y + (rh - bar_h) / 2,
                         max(10, self.width() - label_w - value_w), bar_h)
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(UNSCORED.lighter(130))
            p.drawRoundedRect(bar, 3, 3)
            if score is not None:
                filled = QRectF(bar.left(), bar.top(), bar.width() * score / 100.0, bar.height())
                p.setBrush(score_colour(score))
                p.drawRoundedRect(filled, 3, 3)
            p.setPen(text_colour)
            shown = "–" if score is None else fixed(score)
            p.drawText(QRectF(self.width() - value_w, y, value_w, rh),
                       Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, shown)
            y += rh
        p.end()
