"""The Compare view's main table: one row per startup under the document's perspective, from
:meth:`gui.document.Document.ranking` (:mod:`models.engine.ranking`), sorted by rank.

It sorts and filters itself with numpy (:class:`~gui.tables.sorted_rows.SortedRowsModel`): its
source rows are the startups in document order, which stay put while the ranking changes, so an
edit that moves a startup up or down rewrites one row and the ranks it passes, then sorts again.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QMetaObject, QObject, Qt

from gui.document import Document
from gui.i18n import list_separator
from gui.perspective import perspective_label
from gui.tables.base import Column, short_lines, signed
from gui.tables.results import warning_icon
from gui.tables.roles import SortRole, StartupIdRole
from gui.tables.sorted_rows import SortedRowsModel, text_keys
from gui.widgets.palette import STALE_FG, WARNING_BG, WARNING_FG
from gui.widgets.startup_filter import StartupFilter, text_matches
from models.core.decisions import STATUSES, SUGGESTIONS, status_name, suggestion_name
from models.core.framework import Framework, text
from models.core.rounding import fixed, percent
from models.engine.ranking import RankedStartup, Ranking, at_rank


class StartupRankingModel(SortedRowsModel):
    """One row per startup of a :class:`~gui.document.Document` under its perspective.

    Columns: Rank, Startup, Status (the current decision), Suggested (from the framework's
    thresholds), Gated by (the deal-breakers that fired), Overall, one per pillar (headed by
    :meth:`~models.core.framework.Pillar.score_name`, so a cost pillar says "100 = least"),
    Scored (completeness), Founder gap and Used (how many assessments the perspective uses).

    Roles: ``DisplayRole`` text; ``SortRole`` the sort key; :data:`~gui.tables.roles.StartupIdRole`;
    ``ToolTipRole``; warning colours and icon on gated rows. Sorted by rank at first; equal
    values in any column keep the ranking's order. A filter (text, and a
    :class:`~gui.widgets.startup_filter.StartupFilter` of details, tags and status) only hides
    rows: the ranks stay those of the whole ranking.

    Updates follow the document (:meth:`refresh`): the rows whose values changed are rewritten
    and the table sorted again; a change of startups or pillars resets the model. While
    :meth:`set_active` is off it only notes that it is out of date.
    """

    def __init__(self, doc: Document, parent: QObject | None = None, lang: str = "en") -> None:
        super().__init__(parent)
        self.doc = doc
        self.lang = lang
        self.columns: list[Column] = []
        self.ranking: Ranking | None = None
        self._rows: list[RankedStartup] = []  # document order
        self._source_of: dict[str, int] = {}  # startup id → document row
        self._stamps = np.zeros(0, dtype=np.int64)  # per row: when it last changed
        self._stamp = 0
        self._num: dict[str, np.ndarray] = {}
        self._keys: dict[int, np.ndarray] = {}
        self._text = ""
        self._fields = StartupFilter()
        self._active = True
        self._dirty = False
        self.sort_column = 0
        self._connections: list[QMetaObject.Connection] = []
        self.set_document(doc)

    def set_document(self, doc: Document) -> None:
        """Show ``doc``'s startups instead (a reset)."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self.doc = doc
        self._connections = [getattr(doc, name).connect(self.refresh) for name in (
            "scoresChanged", "structureChanged", "frameworkChanged", "resultsChanged",
            "scenarioChanged", "perspectiveChanged", "decisionsChanged")]
        self._dirty = False
        self.beginResetModel()
        self._load()
        self.endResetModel()

    # -- columns --------------------------------------------------------------------------
    def _make_columns(self, fw: Framework) -> list[Column]:
        cols = [
            Column("rank", self.tr("Rank"), "number", self.tr(
                "Position under the perspective: ungated startups by overall score, then "
                "gated ones, then unscored ones")),
            Column("startup", self.tr("Startup")),
            Column("status", self.tr("Status"), tooltip=self.tr("The current decision")),
            Column("suggested", self.tr("Suggested"), tooltip=self.tr(
                "The decision the framework's thresholds suggest for the overall score (pass "
                "when gated)")),
            Column("gated", self.tr("Gated by"), "rules", self.tr(
                "Deal-breakers that fired under the perspective; a gated startup ranks after "
                "every ungated one unless deal-breakers are ignored")),
            Column("overall", self.tr("Overall"), "score", self.tr(
                "Overall score 0–100 under the perspective")),
        ]
        for p in fw.pillars:
            tip = self.tr("{name}: score 0–100, higher is better for the startup").format(
                name=p.score_name(self.lang))
            if not p.enabled:
                tip += "\n" + self.tr(
                    "This pillar is switched off and takes no part in the overall.")
            cols.append(Column(f"pillar:{p.id}", short_lines(p.score_name(self.lang)), "score",
                               tip))
        cols += [
            Column("completeness", self.tr("Scored"), "share", self.tr(
                "Completeness: the share of the total weight that is scored")),
            Column("founder_gap", self.tr("Founder\ngap"), "score", self.tr(
                "Overall under the perspective minus overall under the founder view: negative "
                "when the founder sees more than the perspective")),
            Column("assessments", self.tr("Used"), "number", self.tr(
                "How many assessments the perspective is made of")),
        ]
        return cols

    def column_of(self, key: str) -> int:
        """The column with key ``key`` (``rank``, ``overall``, ``pillar:tech``…), or -1."""
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    # -- loading --------------------------------------------------------------------------
    def _load(self) -> None:
        """Take the document's ranking afresh (inside a reset)."""
        self.columns = self._make_columns(self.doc.framework)
        self.ranking = self.doc.ranking()
        rows: list[RankedStartup | None] = [None] * len(self.ranking.rows)
        for r in self.ranking.rows.stored():
            rows[r.row] = r
        self._rows = [r for r in rows if r is not None]
        self._source_of = {r.startup_id: i for i, r in enumerate(self._rows)}
        self._stamp += 1
        self._stamps = np.full(len(self._rows), self._stamp, dtype=np.int64)
        n, pillar_ids = len(self._rows), [c.key[7:] for c in self.columns
                                         if c.key.startswith("pillar:")]
        self._num = {key: np.full(n, np.nan) for key in
                     ("rank", "overall", "completeness", "founder_gap", "assessments")}
        self._num.update({f"pillar:{p}": np.full(n, np.nan) for p in pillar_ids})
        self._write(list(range(n)))
        self._keys = {}
        self._visible = self.filter_mask()
        self.rebuild_order()

    def _write(self, rows: list[int]) -> None:
        """Copy the numbers of these source rows into the columns' arrays (one assignment per
        column, not per cell)."""
        picked = [self._rows[i] for i in rows]
        num = self._num

        def put(key: str, values: list[float | None]) -> None:
            num[key][rows] = [np.nan if v is None else v for v in values]

        num["rank"][rows] = self.ranking.ranks[rows] if self.ranking is not None else np.nan
        put("completeness", [r.completeness for r in picked])
        put("assessments", [r.assessments for r in picked])
        put("overall", [r.overall for r in picked])
        put("founder_gap", [r.founder_gap for r in picked])
        for key in num:
            if key.startswith("pillar:"):
                put(key, [r.pillars.get(key[7:]) for r in picked])

    def set_active(self, active: bool) -> None:
        """Follow the document (on) or only note changes until switched on again (off:
        while the table is hidden, nothing is ranked for it)."""
        self._active = active
        if active and self._dirty:
            self.refresh()

    def refresh(self, *_args: object) -> None:
        """Follow the document: rewrite the rows whose values changed and sort again, or
        reset when the startups or the columns are other ones."""
        if not self._active:
            self._dirty = True
            return
        self._dirty = False
        ranking = self.doc.ranking()
        if ranking is self.ranking:
            return
        columns = self._make_columns(self.doc.framework)
        same_startups = self.ranking is not None and (
            ranking.view.startups is self.ranking.view.startups  # one startup ranked again
            or [r.startup_id for r in self._rows] == [s.id for s in ranking.view.startups])
        if [c.key for c in columns] != [c.key for c in self.columns] or not same_startups:
            self.beginResetModel()
            self._load()
            self.endResetModel()
            return
        self._update(ranking, [c.header for c in columns] != [c.header for c in self.columns])

    @staticmethod
    def _stored(ranking: Ranking, source_row: int) -> RankedStartup:
        """``ranking``'s row of the startup at ``source_row`` (document order), as kept."""
        return ranking.rows.stored()[int(ranking.ranks[source_row]) - 1]  # its rank as kept

    def _update(self, ranking: Ranking, headers_changed: bool) -> None:
        old = self.ranking
        self.ranking = ranking
        delta = ranking.delta
        if old is not None and delta is not None and delta.base == old.serial:
            changed = [r for r in delta.rows if self._rows[r] != self._stored(ranking, r)]
        else:  # several updates since, or another ranking of the same startups
            changed = [r.row for r in ranking.rows.stored() if self._rows[r.row] != r]
        for r in changed:
            self._rows[r] = self._stored(ranking, r)
        self._stamp += 1
        self._stamps[changed] = self._stamp
        self._write(changed)
        ranks_changed = old is None or not np.array_equal(ranking.ranks, old.ranks)
        if ranks_changed:
            self._num["rank"][:] = ranking.ranks
        if headers_changed:
            self.columns = self._make_columns(self.doc.framework)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if not changed and not ranks_changed:
            if not self._fields.is_empty():
                self.refilter()  # a startup's details may have changed, not its figures
            return
        self._keys = {}
        if self.refilter():
            return
        shown = [v for v in (self.view_row(i) for i in changed) if v >= 0]
        if ranks_changed:
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, 0))
        if shown:
            self.dataChanged.emit(self.index(min(shown), 0),
                                  self.index(max(shown), len(self.columns) - 1))

    # -- filtering ------------------------------------------------------------------------
    def set_filter(self, fragment: str, fields: StartupFilter | None = None) -> None:
        """Show only startups whose name, website or deal-breakers contain ``fragment`` (any
        case) and that pass ``fields`` (their details, tags and status; None = any)."""
        self._text, self._fields = fragment.strip().casefold(), fields or StartupFilter()
        self.set_visible(self.filter_mask())

    def filter_mask(self) -> np.ndarray | None:
        if not self._text and self._fields.is_empty():
            return None
        mask = np.ones(len(self._rows), dtype=bool)
        fields = self._fields.mask(self.ranking.view.startups) if self.ranking else None
        if fields is not None:
            mask &= fields
        if self._text:
            startups = self.ranking.view.startups if self.ranking else []
            mask &= np.array([self._text in " ".join([r.startup, *r.deal_breakers]).casefold()
                              or (r.row < len(startups)
                                  and text_matches(startups[r.row], self._text))
                              for r in self._rows], dtype=bool)
        return mask

    def visible_ids(self) -> set[str] | None:
        """The ids of the startups the filter lets through (``None``: no filter)."""
        mask = self._visible
        if mask is None:
            return None
        return {r.startup_id for r, shown in zip(self._rows, mask, strict=True) if shown}

    # -- lookups --------------------------------------------------------------------------
    def ranked(self, row: int) -> RankedStartup:
        """The ranking row shown in view row ``row``."""
        return self._ranked(self.source_row(row))

    def shown_rows(self) -> list[RankedStartup]:
        """The ranking rows shown, in view order."""
        return [self._ranked(i) for i in self._order.tolist()]

    def _ranked(self, source_row: int) -> RankedStartup:
        """The row of a startup with its rank now (a row kept from an earlier ranking may hold
        an earlier rank: see :class:`~models.engine.ranking.RankedRows`)."""
        return at_rank(self._rows[source_row], int(self._num["rank"][source_row]))

    def row_of(self, startup_id: str) -> int:
        """The view row of a startup, or -1 (unknown or filtered out)."""
        source = self._source_of.get(startup_id)
        return -1 if source is None else self.view_row(source)

    def total(self) -> int:
        """How many startups there are (shown or not)."""
        return len(self._rows)

    def source_rows(self) -> list[RankedStartup]:
        """The ranking rows of every startup, shown or not, in the portfolio's order (the
        list itself: read, never change it). A row that did not change since the last
        update is the same object."""
        return self._rows

    def source_stamps(self) -> np.ndarray:
        """Per startup (the portfolio's order), a number that changes each time its row does
        (every row's when the table is loaded again), for finding the changed rows by
        comparing with an earlier copy (a copy)."""
        return self._stamps.copy()

    def source_values(self, key: str) -> np.ndarray:
        """The numbers of column ``key`` of every startup, shown or not, in the portfolio's
        order (NaN when empty; a copy)."""
        return self._num[key].copy()

    def shown_values(self, key: str) -> np.ndarray:
        """The numbers of column ``key`` of the rows shown, in view order (NaN when empty)."""
        return self._num[key][self._order]

    def value(self, row: int, key: str) -> float | None:
        """The number in column ``key`` of view row ``row`` (None when empty)."""
        v = float(self._num[key][self.source_row(row)])
        return None if np.isnan(v) else v

    # -- sorting --------------------------------------------------------------------------
    def source_count(self) -> int:
        return len(self._rows)

    def tie_keys(self) -> np.ndarray:
        return self._num["rank"]

    def sort_keys(self, column: int) -> np.ndarray:
        if column not in self._keys:
            self._keys[column] = self._column_keys(self.columns[column].key)
        return self._keys[column]

    def _column_keys(self, key: str) -> np.ndarray:
        if key in self._num:
            return self._num[key]
        if key == "startup":
            return text_keys([r.startup for r in self._rows])
        if key == "gated":
            return np.array([len(r.deal_breakers) for r in self._rows], dtype=float)
        names, value = ((STATUSES, lambda r: r.status) if key == "status" else
                        (SUGGESTIONS, lambda r: r.suggested))
        place = {s: float(i) for i, s in enumerate(names)}
        return np.array([place.get(value(r) or "", np.nan) for r in self._rows])

    # -- cells ----------------------------------------------------------------------------
    def source_cell(self, source_row: int, column: int, role: int) -> Any:
        r = self._rows[source_row]
        col = self.columns[column]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(source_row, r, col)
        if role == SortRole:
            v = float(self.sort_keys(column)[source_row])
            return None if np.isnan(v) else v
        if role == StartupIdRole:
            return r.startup_id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(r, col)
        if role == Qt.ItemDataRole.DecorationRole and col.key == "startup" and r.gated:
            return warning_icon()
        if r.gated and col.key in ("rank", "gated"):
            if role == Qt.ItemDataRole.ForegroundRole:
                return WARNING_FG
            if role == Qt.ItemDataRole.BackgroundRole:
                return WARNING_BG
        if role == Qt.ItemDataRole.ForegroundRole and col.key in ("status", "suggested") \
                and not (r.status if col.key == "status" else r.suggested):
            return STALE_FG
        return None

    def _display(self, i: int, r: RankedStartup, col: Column) -> str:
        key = col.key
        if key == "startup":
            return r.startup
        if key == "status":
            return status_name(r.status, self.lang) if r.status else "–"
        if key == "suggested":
            return suggestion_name(r.suggested, self.lang) if r.suggested else "–"
        if key == "gated":
            return "⚠ " + list_separator().join(r.deal_breakers) if r.gated else ""
        v = float(self._num[key][i])
        if np.isnan(v):
            return "–"
        if key == "founder_gap":
            return signed(v)
        if col.kind == "share":
            return percent(v)
        return fixed(v) if col.kind == "score" else str(int(v))

    def _tooltip(self, r: RankedStartup, col: Column) -> str | None:
        if col.key in ("startup", "gated", "rank") and r.gated:
            names = "\n".join(f"• {n}" for n in r.deal_breakers)
            note = (self.tr("Ranked by its overall among the others: deal-breakers are "
                            "ignored.") if self.ranking is not None and self.ranking.ignore_gates
                    else self.tr("Ranked after every ungated startup."))
            return self.tr("{name} is gated by:\n{names}\n{note}").format(
                name=r.startup, names=names, note=note)
        if col.key == "startup":
            return r.startup
        if col.key == "assessments" and self.ranking is not None:
            return self.tr("%n assessment(s) make up the {perspective}", "",
                           r.assessments).format(
                perspective=perspective_label(self.ranking.perspective.name))
        if col.kind == "score" and self.doc.scenario is not None:
            return self.tr("Under the scenario “{name}”").format(
                name=text(self.doc.scenario.name, self.lang))
        return None
