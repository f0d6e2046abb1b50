"""The migration preview dialog: what moving the portfolio to another framework does, shown
before anything changes (:func:`models.engine.migration_plan.plan_migration`).

It lists the criteria and pillars renamed (scores kept), removed (their scores leave the
current assessments; the history keeps them) and added (unscored, so completeness drops), each
with the number of scores it concerns; every difference in words
(:func:`models.core.framework_diff.framework_differences`: a rubric level reworded, a weight
or direction changed, under which the scores kept now count); and a table of the startups,
sortable by any column: overall score before and after, the change, rank and completeness
before and after, and the framework versions their assessments were scored under.

It is shown through :meth:`gui.dialogs.Ask.migration` (so tests script the answer) by
:func:`gui.views.framework.migration_dialog.migrate`.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.help.sizing import fit_to_screen
from gui.perspective import perspective_label
from models.core.framework import Framework, LocalText, text
from models.core.framework_diff import framework_differences
from models.core.framework_migration import ItemChange
from models.core.rounding import fixed, percent
from models.engine.migration_plan import FrameworkRef, MigrationPlan, StartupMove

#: The role the startups table sorts by (numbers sort as numbers, unscored last).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
# (an unscored startup sorts below every score)
_UNSCORED = -1.0e9


def _number(item: QStandardItem, value: float | None, shown: str) -> QStandardItem:
    item.setText(shown)
    item.setData(_UNSCORED if value is None else value, SORT_ROLE)
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


def _bold(words: str) -> QLabel:
    return QLabel(f"<b>{html.escape(words)}</b>")


def _score(value: float | None) -> str:
    return "—" if value is None else fixed(value, 1)


def _signed(value: float | None) -> str:
    if value is None:
        return "—"
    shown = fixed(value, 1)
    return shown.replace("-", "−") if shown.startswith("-") or float(shown) == 0 \
        else "+" + shown


class MigrationDialog(QDialog):
    """The preview of ``plan`` (see the module notes), in ``lang`` for the framework's own
    texts. ``criteria_table`` lists the changes, ``startup_table`` (over ``startup_model``)
    the startups; Migrate accepts, Cancel rejects."""

    def __init__(self, parent: QWidget | None, plan: MigrationPlan, lang: str) -> None:
        super().__init__(parent)
        self.plan, self.lang = plan, lang
        self.setWindowTitle(self.tr("Migrate to another framework"))
        layout = QVBoxLayout(self)
        self.heading = QLabel(self._heading())
        self.heading.setWordWrap(True)
        self.summary = QLabel(self._summary())
        self.summary.setWordWrap(True)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(_bold(self.tr("Criteria and pillars that change")))
        self.criteria_table = self._criteria_table()
        layout.addWidget(self.criteria_table, 2)
        # what else changes the meaning of the scores kept: rubrics, weights, directions, rules
        self.changes = QListWidget()
        self.changes.addItems(framework_differences(plan.old, plan.new, lang))
        self.changes.setWordWrap(True)
        changes_title = _bold(self.tr("What changed, in words"))
        layout.addWidget(changes_title)
        layout.addWidget(self.changes, 1)
        changes_title.setVisible(self.changes.count() > 0)
        self.changes.setVisible(self.changes.count() > 0)
        layout.addWidget(_bold(self.tr("Startups before and after ({view})").format(
            view=perspective_label(plan.perspective))))
        self.startup_model = self._startup_model()
        self.startup_table = self._startup_table()
        layout.addWidget(self.startup_table, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.migrate_button = buttons.addButton(
            self.tr("Migrate"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.migrate_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self, 980, 640)  # on a laptop at 125 %, within the screen

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.migrate_button.setFocus()

    # -- texts ------------------------------------------------------------------------------
    def _ref(self, fw: Framework) -> str:
        return f"<b>{html.escape(text(fw.name, self.lang))}</b> {fw.version}"

    def _heading(self) -> str:
        return self.tr("Move this portfolio from {old} to {new}. Nothing changes until you "
                       "choose Migrate; Edit ▸ Undo takes the whole migration back.").format(
            old=self._ref(self.plan.old), new=self._ref(self.plan.new))

    def _summary(self) -> str:
        c = self.plan.criteria
        parts = [self.tr("%n criterion(s) kept", "", len(c.kept)),
                 self.tr("%n renamed (scores kept)", "", len(c.renamed)),
                 self.tr("%n removed", "", len(c.removed)),
                 self.tr("%n added (unscored)", "", len(c.added))]
        line = self.tr("; ").join(parts) + self.tr(".")
        if self.plan.removed_scores:
            line += "\n" + self.tr(
                "%Ln score(s) of removed criteria leave the current assessments: they are no "
                "longer counted, the history keeps them, and Undo puts them back.", "",
                self.plan.removed_scores)
        return line

    def _name(self, value: LocalText | None) -> str:
        return text(value, self.lang) if value else ""

    def _pillar_name(self, item: ItemChange) -> str:
        for fw in (self.plan.new, self.plan.old):
            for p in fw.pillars:
                if p.id == item.pillar_id:
                    return text(p.name, self.lang)
        return item.pillar_id

    # -- criteria ---------------------------------------------------------------------------
    def _criteria_rows(self) -> list[tuple[str, str, str, str]]:
        c, p = self.plan.criteria, self.plan.pillars
        rows = []
        for kind, items in ((self.tr("Pillar renamed"), p.renamed),
                            (self.tr("Pillar removed"), p.removed),
                            (self.tr("Pillar added"), p.added)):
            rows += [(kind, self._renamed(i) if i.before and i.after else
                      self._name(i.after or i.before), "", "") for i in items]
        for kind, items in ((self.tr("Renamed (scores kept)"), c.renamed),
                            (self.tr("Removed (scores leave the assessments)"), c.removed),
                            (self.tr("Added (unscored)"), c.added)):
            rows += [(kind, self._renamed(i) if i.before and i.after else
                      self._name(i.after or i.before), self._pillar_name(i),
                      str(i.scores) if i.scores else "—") for i in items]
        return rows

    def _renamed(self, item: ItemChange) -> str:
        return f"{self._name(item.before)} → {self._name(item.after)}"

    def _criteria_table(self) -> QTableWidget:
        rows = self._criteria_rows()
        table = QTableWidget(len(rows), 4)
        table.setHorizontalHeaderLabels([self.tr("Change"), self.tr("Name"),
                                          self.tr("Pillar"), self.tr("Scores")])
        for r, row in enumerate(rows):
            for col, value in enumerate(row):
                item = QTableWidgetItem(value)
                if col == 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, col, item)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    # -- startups ---------------------------------------------------------------------------
    def _headers(self) -> list[str]:
        return [self.tr("Startup"), self.tr("Scored under"), self.tr("Before"),
                self.tr("After"), self.tr("Change"), self.tr("Rank before"),
                self.tr("Rank after"), self.tr("Complete before"),
                self.tr("Complete after")]

    def _under(self, refs: tuple[FrameworkRef, ...]) -> str:
        return ", ".join(v if f == self.plan.old.id else f"{f} {v}" for f, v in refs)

    def _startup_row(self, move: StartupMove) -> list[QStandardItem]:
        name = QStandardItem(move.startup)
        name.setData(move.startup.casefold(), SORT_ROLE)
        under = QStandardItem(self._under(move.scored_under))
        under.setData(under.text(), SORT_ROLE)
        return [name, under,
                _number(QStandardItem(), move.overall_before, _score(move.overall_before)),
                _number(QStandardItem(), move.overall_after, _score(move.overall_after)),
                _number(QStandardItem(), move.change, _signed(move.change)),
                _number(QStandardItem(), move.rank_before, str(move.rank_before)),
                _number(QStandardItem(), move.rank_after, str(move.rank_after)),
                _number(QStandardItem(), move.completeness_before,
                        percent(move.completeness_before)),
                _number(QStandardItem(), move.completeness_after,
                        percent(move.completeness_after))]

    def _startup_model(self) -> QStandardItemModel:
        model = QStandardItemModel(0, 9, self)
        model.setHorizontalHeaderLabels(self._headers())
        model.setSortRole(SORT_ROLE)
        for move in sorted(self.plan.startups, key=lambda m: m.rank_before):
            row = self._startup_row(move)
            for item in row:
                item.setEditable(False)
            model.appendRow(row)
        return model

    def _startup_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.startup_model)
        table.setSortingEnabled(True)
        table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        table.verticalHeader().setVisible(False)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        return table

    def column(self, col: int) -> list[str]:
        """The texts of the startups table's column ``col``, top to bottom as shown."""
        model = self.startup_model
        return [model.item(r, col).text() for r in range(model.rowCount())]
