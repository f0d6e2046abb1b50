"""The History tab: the changes of the chosen startup (or of the assessment shown), newest
first, with when, who, what, the values before and after and the comment; filtered by a text,
a person and a kind of change; read again whenever the document writes or takes in changes
(``historyChanged``), once the tab is on screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import number
from gui.tables.history import HistoryTableModel
from gui.views.history.page import HistoryPage
from models.history.describe import describe_changes
from models.history.log import startup_changes
from models.history.timeline import Timeline

#: The widths of Who, Assessment, What, Before and After, in average characters (When fits
#: its text, the comment takes the rest).
_WIDTHS = (11, 16, 20, 10, 10)
#: One microsecond: the moment just before a change (each transaction has its own moment).
TICK = dt.timedelta(microseconds=1)


class HistoryPanel(HistoryPage):
    """The History tab (see the module notes).

    Signals:
        compareRequested(object, object): compare the startup before the oldest selected
            change with the startup after the newest one (two aware datetimes).
    """

    compareRequested = Signal(object, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("historyChanged",), parent)
        self._assessment_id = ""
        self.model = HistoryTableModel(self)
        self._build()
        self._show_notice()

    def _build(self) -> None:
        self.scope_combo = QComboBox()
        self.scope_combo.addItem(self.tr("Every change to the startup"), "startup")
        self.scope_combo.addItem(self.tr("Changes to the assessment shown"), "assessment")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter by any text"))
        self.filter_edit.setClearButtonEnabled(True)
        self.who_combo = QComboBox()
        self.who_combo.setToolTip(self.tr("Show the changes one person made"))
        self.what_combo = QComboBox()
        self.what_combo.setToolTip(self.tr("Show one kind of change"))
        for label, group in ((self.tr("Every kind of change"), ""),
                             (self.tr("Levels and score texts"), "scores"),
                             (self.tr("Assessments"), "assessments"),
                             (self.tr("Startup details"), "startup"),
                             (self.tr("Decisions"), "decisions"),
                             (self.tr("Independent scoring rounds"), "rounds"),
                             (self.tr("Framework"), "framework")):
            self.what_combo.addItem(label, group)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(40)
        metrics = self.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance("2026-12-31 23:59") + 14)
        for column, chars in enumerate(_WIDTHS, start=1):
            self.table.setColumnWidth(column, metrics.averageCharWidth() * chars)
        self.count_label = QLabel()
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.compare_button = QPushButton(self.tr("Compare before and after"))
        self.compare_button.setToolTip(self.tr(
            "Show what changed from before the oldest selected change to after the newest one"))
        self._lay_out()
        self.scope_combo.currentIndexChanged.connect(self.refresh)
        self.filter_edit.textChanged.connect(self._filter)
        self.who_combo.currentIndexChanged.connect(self._filter)
        self.what_combo.currentIndexChanged.connect(self._filter)
        self.compare_button.clicked.connect(self.compare_selected)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

    def _lay_out(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(self.scope_combo)
        filters.addWidget(self.filter_edit, 1)
        filters.addWidget(self.who_combo)
        filters.addWidget(self.what_combo)
        foot = QHBoxLayout()
        foot.addWidget(self.count_label, 1)
        foot.addWidget(self.compare_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addWidget(self.notice)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(foot)

    # -- what to show -----------------------------------------------------------------------
    def state(self) -> tuple[str, str, str, str]:
        """The filters chosen: (scope, text, person, kind of change)."""
        return (self.scope_combo.currentData(), self.filter_edit.text(),
                self.who_combo.currentData() or "", self.what_combo.currentData() or "")

    def set_state(self, state: tuple[str, str, str, str]) -> None:
        """Choose the filters of :meth:`state` (kept when the tab is built again)."""
        scope, fragment, who, what = state
        self.scope_combo.setCurrentIndex(max(0, self.scope_combo.findData(scope)))
        self.filter_edit.setText(fragment)
        if who and self.who_combo.findData(who) < 0:  # offered once the changes are read
            self.who_combo.addItem(who, who)
        self.who_combo.setCurrentIndex(max(0, self.who_combo.findData(who)))
        self.what_combo.setCurrentIndex(max(0, self.what_combo.findData(what)))

    def show_assessment(self, assessment_id: str) -> None:
        """The assessment on screen ('' for none): its changes, when that scope is chosen."""
        if assessment_id != self._assessment_id:
            self._assessment_id = assessment_id
            if self.scope_combo.currentData() == "assessment":
                self.refresher.schedule()

    def refresh(self) -> None:
        """Read the changes again and show them."""
        ws = self.doc.workspace if self.doc is not None else None
        self._show_notice()
        by_assessment = self.scope_combo.currentData() == "assessment"
        self.table.setColumnHidden(HistoryTableModel.ASSESSMENT, by_assessment)
        if ws is None or self.doc is None or not self.startup_id:
            self.model.set_rows([])
        else:
            if by_assessment:
                log = ws.changes(assessment_id=self._assessment_id) \
                    if self._assessment_id else []
            else:
                log = startup_changes(ws, self.startup_id)
            self.model.set_rows(describe_changes(log, self.doc.portfolio, self.lang,
                                                 Timeline.of(ws)))
        self._fill_authors()
        self._show_count()

    def _show_notice(self) -> None:
        """What to do first (no startup chosen), or why nothing is recorded (a scratch
        portfolio)."""
        scratch = self.doc is None or self.doc.workspace is None
        text = self.next_step() or (self.tr(
            "This portfolio is not kept in a workspace file, so its changes are not recorded. "
            "Keep it in one with File ▸ Save a Copy… to record its history from then on.")
            if scratch else "")
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def clear_filters(self) -> None:
        """Every change to the startup, whoever made it, of every kind."""
        for combo in (self.scope_combo, self.who_combo, self.what_combo):
            combo.setCurrentIndex(0)
        self.filter_edit.clear()

    def _fill_authors(self) -> None:
        chosen = self.who_combo.currentData() or ""
        self.who_combo.blockSignals(True)
        self.who_combo.clear()
        self.who_combo.addItem(self.tr("Everyone"), "")
        for name in self.model.authors():
            self.who_combo.addItem(name, name)
        self.who_combo.setCurrentIndex(max(0, self.who_combo.findData(chosen)))
        self.who_combo.blockSignals(False)
        self._filter()

    def _filter(self) -> None:
        self.model.set_filter(self.filter_edit.text(), self.who_combo.currentData() or "",
                              self.what_combo.currentData() or "")
        self._show_count()

    def _show_count(self) -> None:
        shown, total = self.model.row_count(), self.model.total()
        if total == 0:
            self.count_label.setText(self.tr("No change recorded."))
        elif shown == total:
            self.count_label.setText(self.tr("%Ln change(s)", "", total))
        else:
            self.count_label.setText(self.tr("{shown} of %Ln change(s)", "", total).format(
                shown=number(shown)))
        self._selection_changed()

    # -- comparing --------------------------------------------------------------------------
    def selected_rows(self) -> list[int]:
        """The rows selected, top first."""
        return sorted(i.row() for i in self.table.selectionModel().selectedRows())

    def _selection_changed(self, *_args: object) -> None:
        self.compare_button.setEnabled(bool(self.selected_rows()))

    def compare_selected(self) -> None:
        """Ask for the startup before the oldest selected change and after the newest one."""
        rows = [self.model.row(r) for r in self.selected_rows()]
        if rows:
            self.compareRequested.emit(min(r.at for r in rows) - TICK,
                                       max(r.at for r in rows))
