"""The Compare view's audit table: every assessment's result, one row each, as scored (the
ranking of startups is :mod:`gui.tables.ranking`); it sorts and filters itself with numpy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from gui.document import Document
from gui.i18n import list_separator
from gui.tables.base import Column, short_lines
from gui.tables.roles import AssessmentIdRole, SortRole, StartupIdRole
from gui.tables.sorted_rows import SortedRowsModel, text_keys
from gui.widgets.palette import WARNING_BG, WARNING_FG
from models.core.framework import Framework, text
from models.core.rounding import fixed, percent
from models.engine.results import Result
from models.engine.rules import RuleHit


def role_label(role: str) -> str:
    """The translated name of an assessor role (``founder``, ``investor``, ``other``)."""
    translate = QCoreApplication.translate
    return {"founder": translate("ResultsTableModel", "founder"),
            "investor": translate("ResultsTableModel", "investor"),
            "other": translate("ResultsTableModel", "other")}.get(role, role)


def _nan_to_none(value: Any) -> Any:
    return None if isinstance(value, float) and value != value else value


def _hits_text(hits: Sequence[RuleHit]) -> str:
    return list_separator().join(h.name for h in hits)


def _hits_tooltip(hits: Sequence[RuleHit], because: str) -> str:
    return "\n".join(f"{h.name}: {because} " + "; ".join(h.reasons) for h in hits)


def search_text(r: Result) -> str:
    """Case-folded text the filter box searches: startup, assessor, posture and deal-breaker
    names."""
    return " ".join([r.startup, r.assessor, *(h.name for h in r.postures),
                     *(h.name for h in r.deal_breakers)]).casefold()


class ResultsTableModel(SortedRowsModel):
    """One row per assessment of a :class:`~gui.document.Document`, for audit.

    Columns: Startup, Assessor, Role, Date, Overall, one per pillar (favourability scores
    0–100, higher is better for the startup), Completeness (headed "Scored"), Deal-breakers
    and Postures (last, as the longest text, so it takes the remaining width).

    It sorts and filters itself (:class:`~gui.tables.sorted_rows.SortedRowsModel`; source rows
    in document order): by a text fragment (startup, assessor, posture or deal-breaker names),
    by assessor role and, optionally, to the assessments that trigger a deal-breaker
    (:meth:`set_filter`). Roles: ``DisplayRole`` formatted text (scores with one decimal, "–"
    when empty); ``SortRole`` the sort key; ``ToolTipRole`` full texts and posture/deal-breaker
    reasons; warning colours on triggered deal-breakers (and a warning icon beside the
    startup's name); :data:`~gui.tables.roles.AssessmentIdRole` and
    :data:`~gui.tables.roles.StartupIdRole`.

    Updates: ``doc.scoresChanged(id)`` rewrites that row only (sorting again if its place
    changes); a change of framework, results or structure rewrites every row when the rows and
    columns are the same ones, else resets the model. While :meth:`set_active` is off it only
    notes that it is out of date. A model made inactive (``active=False``) holds no rows
    until it is first switched on: a page nobody has looked at builds nothing.
    """

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en",
                 active: bool = True) -> None:
        super().__init__(parent)
        self.doc = doc
        self.lang = lang
        self.columns: list[Column] = []
        self._results: list[Result] = []  # document order
        self._row_of: dict[str, int] = {}
        self._cells: list[list[Any]] = []  # column-major raw values, source rows
        self._keys: dict[int, np.ndarray] = {}
        self._filter = ("", "", False)
        self._active, self._dirty = active, not active
        self._connections = [
            doc.scoresChanged.connect(self._scores_changed),
            doc.structureChanged.connect(self.refresh),
            doc.frameworkChanged.connect(self.refresh),
            doc.resultsChanged.connect(self.refresh),
        ]
        self.beginResetModel()
        if active:
            self._load()
        else:  # the headers only; the rows come with the first set_active(True)
            self.columns = self._make_columns(doc.framework)
            self._cells = [[] for _ in self.columns]
        self.endResetModel()

    def detach(self) -> None:
        """Stop following the document (call before dropping the model)."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self._connections = []

    # -- building ---------------------------------------------------------------------------
    def _make_columns(self, fw: Framework) -> list[Column]:
        cols = [
            Column("startup", self.tr("Startup")),
            Column("assessor", self.tr("Assessor")),
            Column("role", self.tr("Role"), tooltip=self.tr("Founder, investor or other")),
            Column("date", self.tr("Date"), tooltip=self.tr("Date of the assessment")),
            Column("overall", self.tr("Overall"), "score",
                   self.tr("Overall score, 0–100: the pillar-weighted mean of the pillar scores")),
        ]
        for p in fw.pillars:
            name = text(p.name, self.lang)
            if p.direction == "cost":
                tip = self.tr("{name}: score 0–100, higher means less of it, which is better "
                              "for the startup").format(name=name)
            else:
                tip = self.tr("{name}: score 0–100, higher is better for the startup").format(
                    name=name)
            if not p.enabled:
                tip += "\n" + self.tr(
                    "This pillar is switched off and takes no part in the overall.")
            cols.append(Column(f"pillar:{p.id}", short_lines(p.score_name(self.lang)),
                               "score", tip))
        cols += [
            Column("completeness", self.tr("Scored"), "share",
                   self.tr("Completeness: the share of the total weight that is scored; below "
                           "100% the result is partial")),
            Column("deal_breakers", self.tr("Deal-breakers"), "rules",
                   self.tr("Fatal weaknesses triggered (hover a cell for the reasons)")),
            Column("postures", self.tr("Postures"), "rules",
                   self.tr("Strategic postures that fit (hover a cell for the reasons)")),
        ]
        return cols

    def _row_values(self, r: Result) -> list[Any]:
        """The raw values of a result's row, in :attr:`columns` order (None when empty)."""
        values: list[Any] = []
        for col in self.columns:
            key = col.key
            if key.startswith("pillar:"):
                values.append(r.pillars.get(key[7:]))
            elif key == "postures":
                values.append(_hits_text(r.postures))
            elif key == "deal_breakers":
                values.append(_hits_text(r.deal_breakers))
            else:
                values.append(getattr(r, key))
        return [_nan_to_none(v) for v in values]

    def _load(self) -> None:
        """Take every result afresh (inside a reset)."""
        self.columns = self._make_columns(self.doc.framework)
        self._results = self.doc.results()
        self._row_of = {r.assessment_id: i for i, r in enumerate(self._results)}
        rows = [self._row_values(r) for r in self._results]
        self._cells = [list(c) for c in zip(*rows, strict=True)] if rows else \
            [[] for _ in self.columns]
        self._keys = {}
        self._visible = self.filter_mask()
        self.rebuild_order()

    def set_active(self, active: bool) -> None:
        """Follow the document (on), or only note that it changed until switched on again."""
        self._active = active
        if active and self._dirty:
            self.refresh()

    def stale(self) -> bool:
        """True while switched off with changes not taken in yet (its rows may be missing or
        out of date until :meth:`set_active` switches it on)."""
        return self._dirty

    def refresh(self) -> None:
        """Follow the document after a framework, results or structure change: rewrite every
        row (sorting again) when the rows and columns are the same ones, else reset."""
        if not self._active:
            self._dirty = True
            return
        self._dirty = False
        new_columns = self._make_columns(self.doc.framework)
        new_ids = [a.id for _, a in self.doc.portfolio.assessments()]
        if list(self._row_of) != new_ids or [c.key for c in self.columns] != \
                [c.key for c in new_columns]:
            self.beginResetModel()
            self._load()
            self.endResetModel()
            return
        results = self.doc.results()
        headers_changed = [c.header for c in self.columns] != [c.header for c in new_columns]
        if not headers_changed and all(a is b for a, b in zip(results, self._results,
                                                             strict=True)):
            return  # e.g. the frameworkChanged that follows resultsChanged
        self.columns = new_columns
        self._results = results
        rows = [self._row_values(r) for r in results]
        self._cells = [list(c) for c in zip(*rows, strict=True)] if rows else self._cells
        self._after_change()
        self.emit_all_changed()
        if headers_changed:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)

    def _scores_changed(self, assessment_id: str) -> None:
        if not self._active:
            self._dirty = True
            return
        src = self._row_of.get(assessment_id)
        if src is None:
            return
        result = self.doc.result(assessment_id)
        self._results[src] = result
        changed = []
        for c, value in enumerate(self._row_values(result)):
            if self._cells[c][src] != value:
                self._cells[c][src] = value
                changed.append(c)
        if not changed:
            return
        self._after_change()
        row = self.view_row(src)
        if row >= 0:
            self.dataChanged.emit(self.index(row, min(changed)), self.index(row, max(changed)))

    def _after_change(self) -> None:
        """Values changed: filter and sort again (a reset when other rows pass the filter)."""
        self._keys = {}
        self.refilter()

    # -- filtering ------------------------------------------------------------------------
    def set_filter(self, fragment: str = "", role: str = "", deal_breakers_only: bool = False
                   ) -> None:
        """Show only assessments whose startup, assessor, postures or deal-breakers contain
        ``fragment`` (any case), by ``role`` ('' = any), and with a deal-breaker if asked."""
        self._filter = (fragment.strip().casefold(), role, deal_breakers_only)
        self.set_visible(self.filter_mask())

    def filter_mask(self) -> np.ndarray | None:
        fragment, role, breakers = self._filter
        if not (fragment or role or breakers):
            return None
        return np.array([(not role or r.role == role) and (not breakers or bool(r.deal_breakers))
                         and (not fragment or fragment in search_text(r))
                         for r in self._results], dtype=bool)

    # -- lookups ------------------------------------------------------------------------------
    def total(self) -> int:
        """How many assessments there are (shown or not)."""
        return len(self._results)

    def result(self, row: int) -> Result:
        """The result shown in view row ``row``."""
        return self._results[self.source_row(row)]

    def row_of(self, assessment_id: str) -> int:
        """The view row of an assessment, or -1 (unknown or filtered out)."""
        src = self._row_of.get(assessment_id)
        return -1 if src is None else self.view_row(src)

    def column_of(self, key: str) -> int:
        """The column with key ``key`` (e.g. ``overall``, ``pillar:tech``), or -1."""
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell of view row ``row`` (float, str; None when empty)."""
        return self._cells[column][self.source_row(row)]

    # -- sorting --------------------------------------------------------------------------
    def source_count(self) -> int:
        return len(self._results)

    def sort_keys(self, column: int) -> np.ndarray:
        """Numbers as they are, texts by alphabetical place, deal-breakers by their count."""
        if column not in self._keys:
            col = self.columns[column]
            if col.numeric:
                keys = np.array([np.nan if v is None else v for v in self._cells[column]],
                                dtype=float)
            elif col.key == "deal_breakers":
                keys = np.array([len(r.deal_breakers) for r in self._results], dtype=float)
            else:
                keys = text_keys(["" if v is None else str(v) for v in self._cells[column]])
            self._keys[column] = keys
        return self._keys[column]

    # -- Qt model interface ---------------------------------------------------------------------
    def source_cell(self, source_row: int, column: int, role: int) -> Any:
        col = self.columns[column]
        r = self._results[source_row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(self._cells[column][source_row], col)
        if role == SortRole:
            key = float(self.sort_keys(column)[source_row])
            return None if key != key else key
        if role == AssessmentIdRole:
            return r.assessment_id
        if role == StartupIdRole:
            return r.startup_id
        if role == Qt.ItemDataRole.DecorationRole:
            return warning_icon() if col.key == "startup" and r.deal_breakers else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(self._cells[column][source_row], col, r)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            if col.key == "deal_breakers" and r.deal_breakers:
                return WARNING_FG if role == Qt.ItemDataRole.ForegroundRole else WARNING_BG
            if col.key == "completeness" and r.partial and \
                    role == Qt.ItemDataRole.ForegroundRole:
                return WARNING_FG
        return None

    @staticmethod
    def _display(v: Any, col: Column) -> str:
        if col.kind == "score":
            return "–" if v is None else fixed(v)
        if col.kind == "share":
            return "–" if v is None else percent(v)
        if col.key == "role":
            return role_label(str(v))
        if col.key == "deal_breakers" and v:
            return f"⚠ {v}"
        return "" if v is None else str(v)

    def _tooltip(self, v: Any, col: Column, r: Result) -> str | None:
        because = self.tr("because")
        if col.key == "postures":
            return _hits_tooltip(r.postures, because) or self.tr("No posture fits yet.")
        if col.key == "deal_breakers":
            return _hits_tooltip(r.deal_breakers, because) or self.tr("None triggered.")
        if col.key == "completeness":
            if r.partial:
                return self.tr("Partial result: {pct} of the weight is scored").format(
                    pct=percent(r.completeness))
            return self.tr("Every criterion is scored")
        if col.kind == "score" and r.scenario:
            scen = self.doc.framework.scenario(r.scenario)
            return self.tr("Under the scenario “{name}”").format(name=text(scen.name, self.lang))
        if col.key == "startup" and r.deal_breakers:
            return (self._display(v, col) + "\n" + self.tr("Deal-breakers") + ":\n"
                    + _hits_tooltip(r.deal_breakers, because))
        if col.kind == "text":
            return self._display(v, col) or None
        return None


_WARNING_ICON: QIcon | None = None


def warning_icon() -> QIcon:
    """The style's warning icon (marks startups with a deal-breaker)."""
    global _WARNING_ICON
    if _WARNING_ICON is None:
        _WARNING_ICON = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _WARNING_ICON


