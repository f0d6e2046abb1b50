"""A cheap painted chart of pillar scores: one horizontal bar per pillar, repainted instantly on
every edit (the matplotlib radar is redrawn only when the application is idle)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
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


class PillarBars(QWidget):
    """Labelled horizontal bars, 0–100, one per pillar; ``None`` shows "not scored"."""

    ROW = 22

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float | None]] = []
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_scores(self, rows: list[tuple[str, float | None]]) -> None:
        """Show ``rows`` as (pillar name, score 0–100 or None)."""
        if rows != self._rows:
            changed_count = len(rows) != len(self._rows)
            self._rows = list(rows)
            if changed_count:
                self.updateGeometry()
            self.update()

    def scores(self) -> list[tuple[str, float | None]]:
        """The rows shown."""
        return list(self._rows)

    def sizeHint(self) -> QSize:
        return QSize(260, self._row_height() * max(1, len(self._rows)) + 4)

    def minimumSizeHint(self) -> QSize:
        return QSize(160, self.sizeHint().height())

    def _row_height(self) -> int:
        return max(self.ROW, self.fontMetrics().height() + 8)

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = self.fontMetrics()
        label_w = min(max((fm.horizontalAdvance(n) for n, _ in self._rows), default=0) + 10,
                      self.width() // 2)
        value_w = fm.horizontalAdvance("100.0") + 8
        rh = self._row_height()
        text_colour = self.palette().color(QPalette.ColorRole.WindowText)
        for i, (name, score) in enumerate(self._rows):
            y = 2 + i * rh
            p.setPen(text_colour)
            p.drawText(QRectF(0, y, label_w - 6, rh), Qt.AlignmentFlag.AlignVCenter |
                       Qt.AlignmentFlag.AlignLeft,
                       fm.elidedText(name, Qt.TextElideMode.ElideRight, label_w - 6))
            bar = QRectF(label_w, y + 5, max(10, self.width() - label_w - value_w), rh - 10)
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
        p.end()
