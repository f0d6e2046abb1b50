"""The consensus view of a revealed round of independent scoring: every criterion of the
framework with each submitted assessor's level, the spread, rows where the assessors are 2 or
more levels apart highlighted, an editable consensus level (the proposal to start with: the
assessors' median, on a tie the level less favourable to the startup, as the investor view
takes it) and a comment per criterion. A comment is required where the consensus departs from
the proposal and on every highlighted row, the rule of :mod:`models.core.consensus`, said in
the dialog; *Record* stays disabled, naming the criteria still without one, until each has
one. Recording (the round panel's, :meth:`gui.views.assess.round_panel.RoundPanel.record`)
writes the consensus assessment and locks the round.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import language
from models.core.consensus import FLAG_LEVELS, ConsensusTable
from models.core.framework import Framework, text
from models.store.rounds import RoundState

#: The background of a flagged row (assessors :data:`FLAG_LEVELS` levels apart or more).
FLAGGED = QColor("#fde7c4")
#: The consensus choices: not scored, then the levels.
CHOICES: tuple[int | None, ...] = (None, 1, 2, 3, 4, 5)


class ConsensusDialog(QDialog):
    """The consensus of one round (see the module notes).

    Signals:
        recordRequested(dict, dict): *Record* was pressed with every needed comment given:
            the levels (criterion id → level or ``None``) and the comments (criterion id →
            text, blank ones left out).
    """

    recordRequested = Signal(object, object)

    def __init__(self, table: ConsensusTable, framework: Framework, state: RoundState,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("consensusDialog")
        self.consensus = table
        self.lang = language()
        self.setWindowTitle(self.tr("Consensus — {startup}, round {n}").format(
            startup=state.startup, n=state.id))
        self.level_column = len(table.assessors) + 3
        self.comment_column = self.level_column + 1
        self.intro = QLabel(self.tr(
            "Each assessor's level as submitted. Rows where the assessors are {k} or more "
            "levels apart are highlighted. The consensus starts at the proposal: the median of "
            "the levels given (with two middle levels, the one less favourable to the "
            "startup). A comment is required on every highlighted row and wherever the "
            "consensus departs from the proposal; it becomes the consensus score's rationale "
            "and is kept in the history.").format(k=FLAG_LEVELS))
        self.intro.setWordWrap(True)
        self.table = QTableWidget(len(table.rows), self.comment_column + 1)
        self.table.setObjectName("consensusTable")
        self.table.setHorizontalHeaderLabels([
            self.tr("Criterion"), *table.assessors, self.tr("Spread"), self.tr("Proposal"),
            self.tr("Consensus"), self.tr("Comment")])
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the cells' editors take it
        self.missing_label = QLabel()
        self.missing_label.setWordWrap(True)
        self.missing_label.setObjectName("consensusMissing")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton(self.tr("Record consensus"),
                                                    QDialogButtonBox.ButtonRole.ActionRole)
        self.record_button.setToolTip(self.tr("Record the consensus assessment; the round is "
                                              "then locked"))
        self.record_button.clicked.connect(lambda _c=False: self.record())
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.missing_label)
        layout.addWidget(self.buttons)
        self._fill(framework)
        self._fit()
        self._check()

    def _fill(self, framework: Framework) -> None:
        self.levels_boxes: dict[str, QComboBox] = {}
        self.comment_edits: dict[str, QLineEdit] = {}
        #: each criterion's name as the table shows it
        self.names: dict[str, str] = {}
        for i, row in enumerate(self.consensus.rows):
            name = text(framework.criterion(row.criterion_id).name, self.lang) \
                if row.criterion_id in framework.criterion_index else row.criterion_id
            self.names[row.criterion_id] = name
            cells = [name, *(_level(v) for v in row.levels), _level(row.spread),
                     _level(row.proposal)]
            for j, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if j:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if row.flagged:
                    item.setBackground(QBrush(FLAGGED))
                    item.setToolTip(self.tr("The assessors are %n level(s) apart", "",
                                            row.spread or 0))
                self.table.setItem(i, j, item)
            box = QComboBox()
            for level in CHOICES:
                box.addItem(_level(level), level)
            box.setCurrentIndex(CHOICES.index(row.proposal))
            box.currentIndexChanged.connect(lambda _i: self._check())
            edit = QLineEdit()
            edit.textChanged.connect(lambda _t: self._check())
            self.table.setCellWidget(i, self.level_column, box)
            self.table.setCellWidget(i, self.comment_column, edit)
            self.levels_boxes[row.criterion_id] = box
            self.comment_edits[row.criterion_id] = edit

    def _fit(self) -> None:
        """Columns fitted to their contents, the comment taking the rest; the dialog sized to
        the table within the screen it opens on."""
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        header.setSectionResizeMode(self.comment_column, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, min(self.table.columnWidth(0), 260))
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        self.resize(min(1040, room.width() - 60), min(680, room.height() - 60))

    # -- values ---------------------------------------------------------------------------
    def levels(self) -> dict[str, int | None]:
        """The consensus level of every criterion, as chosen now."""
        return {cid: box.currentData() for cid, box in self.levels_boxes.items()}

    def comments(self) -> dict[str, str]:
        """The comments given (blank ones left out)."""
        return {cid: e.text().strip() for cid, e in self.comment_edits.items()
                if e.text().strip()}

    def set_level(self, criterion_id: str, level: int | None) -> None:
        """Choose the consensus level of a criterion (``None``: not scored)."""
        self.levels_boxes[criterion_id].setCurrentIndex(CHOICES.index(level))

    def set_comment(self, criterion_id: str, comment: str) -> None:
        """Give the comment of a criterion."""
        self.comment_edits[criterion_id].setText(comment)

    def flagged_rows(self) -> list[int]:
        """The table rows highlighted (assessors 2 levels apart or more)."""
        items = [self.table.item(i, 0) for i in range(self.table.rowCount())]
        return [i for i, item in enumerate(items)
                if item is not None and item.background().color() == FLAGGED]

    def missing(self) -> list[str]:
        """The criteria that need a comment and have none, in the framework's order."""
        return self.consensus.missing_comments(self.levels(), self.comments())

    def _check(self) -> None:
        """Mark the comments needed, and allow *Record* only once each is given."""
        levels = self.levels()
        needed = set(self.consensus.needs_comment(levels))
        for cid, edit in self.comment_edits.items():
            edit.setPlaceholderText(self.tr("Comment required") if cid in needed
                                    else self.tr("Optional comment"))
        missing = self.missing()
        names = [self.names[r.criterion_id] for r in self.consensus.rows
                 if r.criterion_id in missing]
        self.missing_label.setText(self.tr("Comment still needed on: {criteria}").format(
            criteria=", ".join(names)) if names else self.tr(
            "Every comment needed is given. Changed from the proposal: {n}.").format(
            n=len(self.consensus.changed(levels))))
        self.record_button.setEnabled(not missing)

    def record(self) -> None:
        """Ask for the consensus to be recorded (``recordRequested``), if complete."""
        if not self.missing():
            self.recordRequested.emit(self.levels(), self.comments())


def _level(value: int | None) -> str:
    """A level (or a spread) as the table shows it: ``—`` for none."""
    return "—" if value is None else str(value)
