"""The startup list of the Assess view: a thin list model over the document's startups and a
delegate that paints each startup's name, overall score and a small pillar bar."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.document import Document
from gui.tables.roles import OverallRole, PillarsRole, StartupIdRole
from gui.widgets.palette import score_colour
from gui.widgets.pillar_bars import paint_mini_bars
from models.core.rounding import fixed

_Index = QModelIndex | QPersistentModelIndex


class StartupListModel(QAbstractListModel):
    """One row per startup of the document, in document order.

    Roles: ``DisplayRole`` name; ``StartupIdRole`` id; ``OverallRole`` the overall score of the
    startup's latest assessment (float or None); ``PillarsRole`` its pillar scores (list);
    ``ToolTipRole`` sector, stage and the assessment shown.
    """

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        doc.structureChanged.connect(self._reset)
        doc.resultsChanged.connect(self._all_changed)
        doc.frameworkChanged.connect(self._all_changed)
        doc.scoresChanged.connect(self._scores_changed)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.doc.portfolio.startups)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.doc.portfolio.startups):
            return None
        st = self.doc.portfolio.startups[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return st.name
        if role == StartupIdRole:
            return st.id
        a = self.doc.primary_assessment(st)
        result = self.doc.result(a.id) if a else None
        if role == OverallRole:
            return result.overall if result else None
        if role == PillarsRole:
            return list(result.pillars.values()) if result else []
        if role == Qt.ItemDataRole.ToolTipRole:
            facts = " · ".join(x for x in (st.sector, st.stage, st.region) if x)
            shown = a.label() if a else self.tr("no assessment yet")
            shown_label = self.tr("Shown")
            return f"{st.name}\n{facts}\n{shown_label}: {shown}".replace("\n\n", "\n")
        return None

    def row_of(self, startup_id: str) -> int:
        """The row of a startup, or -1."""
        try:
            return self.doc.startup_index(startup_id)
        except KeyError:
            return -1

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _all_changed(self) -> None:
        n = self.rowCount()
        if n:
            self.dataChanged.emit(self.index(0), self.index(n - 1), [OverallRole, PillarsRole])

    def _scores_changed(self, assessment_id: str) -> None:
        st, _ = self.doc.assessment(assessment_id)
        row = self.row_of(st.id)
        if row >= 0:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx, [OverallRole, PillarsRole])


class StartupFilterModel(QSortFilterProxyModel):
    """Filters the startup list by a case-insensitive name fragment."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(Qt.ItemDataRole.DisplayRole)


class StartupDelegate(QStyledItemDelegate):
    """Paints name (left), overall score (right) and a mini pillar bar under the name."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        h = option.fontMetrics.height()
        return QSize(200, h * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        opt.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        fm = opt.fontMetrics
        r = QRectF(opt.rect).adjusted(8, 4, -8, -4)
        overall = index.data(OverallRole)
        score_w = fm.horizontalAdvance("100.0") + 6
        painter.save()
        painter.setPen(opt.palette.color(role))
        name = fm.elidedText(str(index.data()), Qt.TextElideMode.ElideRight,
                             int(r.width() - score_w))
        painter.drawText(QRectF(r.left(), r.top(), r.width() - score_w, fm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        if overall is not None:
            painter.setPen(opt.palette.color(role) if selected else score_colour(overall)
                           .darker(130))
        painter.drawText(QRectF(r.right() - score_w, r.top(), score_w, fm.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         "–" if overall is None else fixed(overall))
        bars = QRectF(r.left(), r.top() + fm.height() + 4, min(120.0, r.width() - score_w),
                      r.height() - fm.height() - 4)
        paint_mini_bars(painter, bars, index.data(PillarsRole) or [])
        painter.restore()
