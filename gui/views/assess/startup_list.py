"""The startup list of the Assess view: a thin list model over the document's startups (in
document order, or sorted: :mod:`~gui.views.assess.startup_order`) and a delegate that paints
each startup's name, its overall score and a small bar per pillar under the window's
perspective, its decision status, and a mark when a deal-breaker gates it.

The figures are the rows of the document's ranking (:meth:`gui.document.Document.ranking`), one
per startup, so the list agrees with every other ranking in the window.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.document import Document
from gui.i18n import language, list_separator
from gui.tables.roles import GatedRole, OverallRole, PillarsRole, StartupIdRole, StatusRole
from gui.views.assess.decision_texts import status_colour
from gui.views.assess.startup_order import LIVE_SORTS, SORTS, latest_date, sort_order
from gui.widgets.palette import WARNING_FG, score_colour
from gui.widgets.pillar_bars import paint_mini_bars
from models.core.decisions import status_name
from models.core.portfolio import Startup
from models.core.rounding import fixed
from models.engine.ranking import RankedStartup

_Index = QModelIndex | QPersistentModelIndex
#: What the gate mark is drawn as, before the overall score.
GATE_MARK = "⚠"
#: The width a row asks for: the list gives it all its width.
MIN_ROW_WIDTH = 100


def _shown(score: float | None) -> str:
    return "–" if score is None else fixed(score)


class StartupListModel(QAbstractListModel):
    """One row per startup of the document, in document order or sorted (:meth:`set_sort`:
    rows move as scores, decisions and the perspective change, the selection with them).

    Roles: ``DisplayRole`` name; ``StartupIdRole`` id; ``OverallRole`` the overall score under
    the perspective (float or None); ``PillarsRole`` the enabled pillars' scores (list, the
    framework's order); ``StatusRole`` the current decision's status (or None);
    ``GatedRole`` the names of the deal-breakers that gate it (empty when none);
    ``ToolTipRole`` sector, stage, rank, the pillar scores (each labelled which way is good),
    decision and the gate's reason.
    """

    def __init__(self, doc: Document, parent=None) -> None:
        super().__init__(parent)
        self.doc = doc
        self.sort_key = "order"
        self._order: np.ndarray | None = None  # row -> document index (None: the same)
        self._where: np.ndarray | None = None  # document index -> row
        doc.structureChanged.connect(self._reset)
        for signal in (doc.resultsChanged, doc.frameworkChanged, doc.perspectiveChanged):
            signal.connect(self._all_changed)
        doc.scoresChanged.connect(self._scores_changed)
        doc.decisionsChanged.connect(self._startup_changed)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.doc.portfolio.startups)

    def ranked(self, startup_id: str) -> RankedStartup | None:
        """The startup's row of the document's ranking (None if it has none)."""
        ranking = self.doc.ranking()
        try:
            at = self.doc.startup_index(startup_id)
        except KeyError:
            return None
        return ranking.row_at(at) if at < len(ranking.ranks) else None

    def startup_at(self, row: int) -> Startup:
        """The startup shown in ``row``."""
        startups = self.doc.portfolio.startups
        return startups[int(self._order[row]) if self._order is not None else row]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.doc.portfolio.startups):
            return None
        st = self.startup_at(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return st.name
        if role == StartupIdRole:
            return st.id
        if role not in (OverallRole, PillarsRole, StatusRole, GatedRole,
                        Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.ranked(st.id)
        if role == OverallRole:
            return row.overall if row else None
        if role == PillarsRole:
            return [row.pillars.get(p.id) for p in self.doc.framework.pillars
                    if p.enabled] if row else []
        if role == StatusRole:
            return st.decision.status if st.decision else None
        if role == GatedRole:
            return list(row.deal_breakers) if row and row.gated else []
        return self._tooltip(st, row)

    def _tooltip(self, st: Startup, row: RankedStartup | None) -> str:
        lines = [st.name]
        facts = " · ".join(x for x in (st.sector, st.stage, st.region) if x)
        if facts:
            lines.append(facts)
        if row is not None and row.overall is not None:
            lines.append(self.tr("Rank {rank} of {n}").format(rank=row.rank,
                                                               n=len(self.doc.portfolio.startups)))
        elif row is not None:
            lines.append(self.tr("Nothing scored under this perspective"))
        if row is not None and row.overall is not None:
            lang = language()
            lines.extend(f"{p.score_name(lang)}: {_shown(row.pillars.get(p.id))}"
                         for p in self.doc.framework.pillars if p.enabled)
        if st.tags:
            lines.append(self.tr("Tags: {tags}").format(tags=list_separator().join(st.tags)))
        if st.assessments:
            lines.append(self.tr("Latest assessment: {date}").format(
                date=dt.date.fromordinal(latest_date(st)).isoformat()))
        if st.decision is not None:
            lines.append(self.tr("Decision: {status} ({date})").format(
                status=status_name(st.decision.status, language()),
                date=st.decision.date.isoformat()))
        if row is not None and row.gated:
            lines.append(self.tr("Gated by {names}").format(
                names=list_separator().join(row.deal_breakers)))
        return "\n".join(lines)

    def row_of(self, startup_id: str) -> int:
        """The row of a startup, or -1."""
        try:
            position = self.doc.startup_index(startup_id)
        except KeyError:
            return -1
        return int(self._where[position]) if self._where is not None else position

    # -- order ----------------------------------------------------------------------------
    def set_sort(self, key: str) -> None:
        """Sort by one of :data:`~gui.views.assess.startup_order.SORTS` (``order``: as the
        portfolio holds them)."""
        if key not in SORTS:
            raise ValueError(f"unknown sort {key!r}")
        self.sort_key = key
        self._reorder()

    def _sorted(self) -> np.ndarray | None:
        if self.sort_key == "order":
            return None
        return sort_order(self.doc.portfolio.startups, self.doc.ranking(), self.sort_key)

    def _place(self, order: np.ndarray | None) -> None:
        self._order = order
        self._where = None
        if order is not None:
            self._where = np.empty(len(order), dtype=np.intp)
            self._where[order] = np.arange(len(order), dtype=np.intp)

    def _reorder(self) -> None:
        """Sort again; the rows move (``layoutChanged``) with the selection if the order
        changed."""
        order = self._sorted()
        if (order is None and self._order is None) or (
                order is not None and self._order is not None
                and np.array_equal(order, self._order)):
            return
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.startup_at(p.row()).id if p.isValid() else "" for p in persistent]
        self._place(order)
        self.changePersistentIndexList(persistent, [
            self.index(self.row_of(i)) if i else QModelIndex() for i in ids])
        self.layoutChanged.emit()

    def _reset(self) -> None:
        self.beginResetModel()
        self._place(self._sorted())
        self.endResetModel()

    def _all_changed(self) -> None:
        if self.sort_key in LIVE_SORTS:
            self._reorder()
        n = self.rowCount()
        if n:
            self.dataChanged.emit(self.index(0), self.index(n - 1))

    def _scores_changed(self, assessment_id: str) -> None:
        try:
            st, _ = self.doc.assessment(assessment_id)
        except KeyError:
            return
        self._startup_changed(st.id)

    def _startup_changed(self, startup_id: str) -> None:
        if self.sort_key in LIVE_SORTS:
            self._reorder()
        row = self.row_of(startup_id)
        if row >= 0:
            idx = self.index(row)
            self.dataChanged.emit(idx, idx)


class StartupDelegate(QStyledItemDelegate):
    """Paints the name and the overall score (after a gate mark when gated) on the first line,
    the pillar bars and the decision status on the second."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        # narrow: the row takes the list's width, and a narrow list needs no scroll bar
        h = option.fontMetrics.height()
        return QSize(MIN_ROW_WIDTH, h * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        style = opt.widget.style() if opt.widget else None
        opt.text = ""
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                        else QPalette.ColorRole.Text)
        fm = opt.fontMetrics
        r = QRectF(opt.rect).adjusted(8, 4, -8, -4)
        overall = index.data(OverallRole)
        gated = bool(index.data(GatedRole))
        score_text = "–" if overall is None else fixed(overall)
        if gated:
            score_text = f"{GATE_MARK} {score_text}"
        score_w = max(fm.horizontalAdvance(score_text), fm.horizontalAdvance("100.0")) + 6
        painter.save()
        painter.setPen(text_colour)
        name = fm.elidedText(str(index.data()), Qt.TextElideMode.ElideRight,
                             int(r.width() - score_w))
        painter.drawText(QRectF(r.left(), r.top(), r.width() - score_w, fm.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name)
        if not selected:
            painter.setPen(WARNING_FG if gated else score_colour(overall).darker(130)
                           if overall is not None else text_colour)
        painter.drawText(QRectF(r.right() - score_w, r.top(), score_w, fm.height()),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         score_text)
        top = r.top() + fm.height() + 4
        bars = QRectF(r.left(), top, min(120.0, r.width() / 2), r.height() - fm.height() - 4)
        paint_mini_bars(painter, bars, index.data(PillarsRole) or [])
        status = index.data(StatusRole)
        if status:
            self._paint_status(painter, opt, QRectF(bars.right() + 6, top - 2,
                                                    r.right() - bars.right() - 6,
                                                    bars.height() + 4), status, selected)
        painter.restore()

    def _paint_status(self, painter: QPainter, opt: QStyleOptionViewItem, rect: QRectF,
                      status: str, selected: bool) -> None:
        """The decision status, small, right-aligned in its colour."""
        font = QFont(opt.font)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.85))
        painter.setFont(font)
        colour = opt.palette.color(QPalette.ColorRole.HighlightedText) if selected \
            else status_colour(status)
        painter.setPen(colour)
        label = painter.fontMetrics().elidedText(status_name(status, language()),
                                                 Qt.TextElideMode.ElideRight, int(rect.width()))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         label)
