"""The Compare view's table of results: a Qt table model over a pandas frame with one row per
assessment (the sort/filter proxy in front of it is :mod:`gui.tables.results_proxy`).

pandas is imported lazily (inside the functions that build frames) because this module is
imported only after the window's first paint, and the model may be created even later.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle

from gui.document import Document
from gui.i18n import list_separator
from gui.tables.base import Column, ResultRowsModel
from gui.widgets.palette import WARNING_BG, WARNING_FG
from models.core.framework import Framework, text
from models.core.rounding import fixed, percent
from models.engine.results import Result
from models.engine.rules import RuleHit

if TYPE_CHECKING:
    import pandas as pd


def role_label(role: str) -> str:
    """The translated name of an assessor role (``founder``, ``investor``, ``other``)."""
    translate = QCoreApplication.translate
    return {"founder": translate("ResultsTableModel", "founder"),
            "investor": translate("ResultsTableModel", "investor"),
            "other": translate("ResultsTableModel", "other")}.get(role, role)


def _nan_to_none(value: Any) -> Any:
    return None if isinstance(value, float) and value != value else value


def _wrap_header(name: str, limit: int = 11) -> str:
    """Break a long header at its first space so it takes two short lines."""
    if len(name) <= limit or " " not in name:
        return name
    head, tail = name.split(" ", 1)
    return f"{head}\n{tail}"


def _hits_text(hits: Sequence[RuleHit]) -> str:
    return list_separator().join(h.name for h in hits)


def _hits_tooltip(hits: Sequence[RuleHit], because: str) -> str:
    return "\n".join(f"{h.name}: {because} " + "; ".join(h.reasons) for h in hits)


class ResultsTableModel(ResultRowsModel):
    """One row per assessment of a :class:`~gui.document.Document`, in document order.

    Columns: Startup, Assessor, Role, Date, Overall, one per pillar (favourability scores
    0–100, higher is better for the startup), Completeness (headed "Scored"), Deal-breakers
    and Postures (last, as the longest text, so it takes the remaining width).

    The data lives in a pandas frame (:attr:`frame`) built from ``doc.results()``, with the
    hidden columns ``assessment_id`` and ``startup_id``. Roles: ``DisplayRole`` formatted text
    (scores with one decimal, "–" when empty); ``SortRole`` the raw number (None when
    empty) or case-folded text; ``ToolTipRole`` full texts and posture/deal-breaker reasons;
    ``ForegroundRole``/``BackgroundRole`` warning colours on triggered deal-breakers (and a
    warning icon, ``DecorationRole``, beside the startup's name); and the ids of
    :class:`~gui.tables.base.ResultRowsModel`.

    Updates: ``doc.scoresChanged(id)`` rewrites that row only and emits ``dataChanged`` over
    just the cells whose value changed. A change of framework, results or structure rebuilds
    the frame; when the rows and columns are still the same ones this emits one
    ``dataChanged`` over the table (the view keeps its selection), otherwise it resets the
    model with ``beginResetModel``/``endResetModel``.
    """

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.doc = doc
        self.lang = lang
        self.columns: list[Column] = []
        self.frame: pd.DataFrame = self._build_frame([])
        self._row_of: dict[str, int] = {}
        self._cells: list[list[Any]] = []  # column-major copy of the frame, for fast reads
        self._breakers_column = -1
        self._connections = [
            doc.scoresChanged.connect(self._scores_changed),
            doc.structureChanged.connect(self.refresh),
            doc.frameworkChanged.connect(self.refresh),
            doc.resultsChanged.connect(self.refresh),
        ]
        self._reset()

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
            cols.append(Column(f"pillar:{p.id}", _wrap_header(name), "score", tip))
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
        """The frame row of a result, in :attr:`columns` order then the hidden columns."""
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
        values += [r.assessment_id, r.startup_id]
        return [float("nan") if v is None else v for v in values]

    def _build_frame(self, results: Sequence[Result]) -> pd.DataFrame:
        import pandas as pd

        keys = [c.key for c in self.columns] + ["assessment_id", "startup_id"]
        rows = [self._row_values(r) for r in results]
        frame = pd.DataFrame(rows, columns=keys)
        for col in self.columns:
            if col.numeric:
                frame[col.key] = frame[col.key].astype(float)
            else:
                frame[col.key] = frame[col.key].astype(object)
        return frame

    def _reset(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def _load(self) -> None:
        self.columns = self._make_columns(self.doc.framework)
        self._results = self.doc.results()
        self._row_of = {r.assessment_id: i for i, r in enumerate(self._results)}
        self.frame = self._build_frame(self._results)
        self._cells = [[_nan_to_none(v) for v in self.frame[c.key].tolist()]
                       for c in self.columns]
        self._breakers_column = self.column_of("deal_breakers")

    def refresh(self) -> None:
        """Follow the document after a framework, results or structure change.

        Same rows and columns: rebuild the frame and emit one ``dataChanged`` over the smallest
        rectangle holding every changed cell (nothing when no result object changed, e.g. the
        ``frameworkChanged`` that follows ``resultsChanged``). Otherwise: a model reset.
        """
        old_keys = [c.key for c in self.columns]
        new_columns = self._make_columns(self.doc.framework)
        new_ids = [a.id for _, a in self.doc.portfolio.assessments()]
        if list(self._row_of) != new_ids or old_keys != [c.key for c in new_columns]:
            self._reset()
            return
        old_headers = [c.header for c in self.columns]
        new_headers = [c.header for c in new_columns]
        results = self.doc.results()
        if old_headers == new_headers and all(
                a is b for a, b in zip(results, self._results, strict=True)):
            return
        old_cells = self._cells
        self._load()
        rows: list[int] = []
        cols: list[int] = []
        for c, (old, new) in enumerate(zip(old_cells, self._cells, strict=True)):
            diff = [i for i, (a, b) in enumerate(zip(old, new, strict=True)) if a != b]
            if diff:
                cols.append(c)
                rows += (diff[0], diff[-1])
        if cols:
            self.dataChanged.emit(self.index(min(rows), min(cols)),
                                  self.index(max(rows), max(cols)))
        if old_headers != new_headers:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def _scores_changed(self, assessment_id: str) -> None:
        row = self._row_of.get(assessment_id)
        if row is None:
            return
        result = self.doc.result(assessment_id)
        self._results[row] = result
        new = self._row_values(result)
        changed = []
        for c in range(len(self.columns)):
            new_v = _nan_to_none(new[c])
            if self._cells[c][row] != new_v:
                self.frame.iat[row, c] = new[c]
                self._cells[c][row] = new_v
                changed.append(c)
        if changed:
            self.dataChanged.emit(self.index(row, min(changed)), self.index(row, max(changed)))

    # -- lookups ------------------------------------------------------------------------------
    def row_of(self, assessment_id: str) -> int:
        """The row of an assessment, or -1."""
        return self._row_of.get(assessment_id, -1)

    def column_of(self, key: str) -> int:
        """The column with frame key ``key`` (e.g. ``overall``, ``pillar:tech``), or -1."""
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        return -1

    def value(self, row: int, column: int) -> Any:
        """The raw value of a cell (float, str; None when empty)."""
        return self._cells[column][row]

    def sort_key(self, row: int, column: int) -> Any:
        """A float or None for numbers, case-folded text otherwise; deal-breakers sort by
        their count."""
        v = self.value(row, column)
        if self.columns[column].numeric:
            return v
        if column == self._breakers_column:
            return len(self._results[row].deal_breakers)
        return "" if v is None else str(v).casefold()

    # -- Qt model interface ---------------------------------------------------------------------
    def row_cell(self, row: int, column: int, role: int) -> Any:
        col = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, col)
        r = self._results[row]
        if role == Qt.ItemDataRole.DecorationRole:
            if col.key == "startup" and r.deal_breakers:
                return warning_icon()
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column, col, r)
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            if col.key == "deal_breakers" and r.deal_breakers:
                return WARNING_FG if role == Qt.ItemDataRole.ForegroundRole else WARNING_BG
            if col.key == "completeness" and r.partial and \
                    role == Qt.ItemDataRole.ForegroundRole:
                return WARNING_FG
        return None

    def _display(self, row: int, column: int, col: Column) -> str:
        v = self.value(row, column)
        if col.kind == "score":
            return "–" if v is None else fixed(v)
        if col.kind == "share":
            return "–" if v is None else percent(v)
        if col.key == "role":
            return role_label(str(v))
        if col.key == "deal_breakers" and v:
            return f"⚠ {v}"
        return "" if v is None else str(v)

    def _tooltip(self, row: int, column: int, col: Column, r: Result) -> str | None:
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
            return (self._display(row, column, col) + "\n" + self.tr("Deal-breakers") + ":\n"
                    + _hits_tooltip(r.deal_breakers, because))
        if col.kind == "text":
            return self._display(row, column, col) or None
        return None


_WARNING_ICON: QIcon | None = None


def warning_icon() -> QIcon:
    """The style's warning icon (marks startups with a deal-breaker)."""
    global _WARNING_ICON
    if _WARNING_ICON is None:
        _WARNING_ICON = QApplication.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxWarning)
    return _WARNING_ICON


