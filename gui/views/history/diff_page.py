"""The Differences tab: the chosen startup between two moments (under the window's
perspective, with each assessment's changes) or two of its assessments, as a table
(:mod:`~gui.views.history.diff_tree`). Comparing again follows every change of the choice,
of the perspective and of the history."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QStackedWidget,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from gui.document import Document
from gui.perspective import perspective_label
from gui.views.history.diff_tree import show_assessments_diff, show_startup_diff
from gui.views.history.moments import CATCHING_UP, MomentChooser, catching_up
from gui.views.history.page import HistoryPage
from models.core.portfolio import Startup
from models.engine.perspectives import latest_assessment
from models.history.describe import describe_changes
from models.history.diff import diff_assessments, diff_moments
from models.history.log import startup_changes
from models.history.names import AssessmentRef
from models.history.timeline import Timeline


class DiffPage(HistoryPage):
    """The Differences tab (see the module notes)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(("historyChanged", "perspectiveChanged", "structureChanged"), parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.compare)
        self._build()

    def _build(self) -> None:
        self.mode_combo = QComboBox()
        self.mode_combo.addItem(self.tr("Two moments"), "moments")
        self.mode_combo.addItem(self.tr("Two assessments"), "assessments")
        self.first, self.second = MomentChooser(), MomentChooser()
        self.first_assessment, self.second_assessment = QComboBox(), QComboBox()
        self.choices = QStackedWidget()
        for first, second in ((self.first, self.second),
                              (self.first_assessment, self.second_assessment)):
            page = QWidget()
            form = QFormLayout(page)
            form.setContentsMargins(0, 0, 0, 0)
            form.addRow(self.tr("From:"), first)
            form.addRow(self.tr("To:"), second)
            self.choices.addWidget(page)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setObjectName("diffTree")
        self.tree.setHeaderLabels([self.tr("Item"), self.tr("Before"), self.tr("After"),
                                   self.tr("Change")])
        self.tree.setColumnWidth(0, self.fontMetrics().averageCharWidth() * 40)
        self.tree.setUniformRowHeights(True)
        head = QHBoxLayout()
        head.addWidget(QLabel(self.tr("Compare:")))
        head.addWidget(self.mode_combo)
        head.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.addLayout(head)
        layout.addWidget(self.choices)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        self.mode_combo.currentIndexChanged.connect(self._mode_changed)
        for chooser in (self.first, self.second):
            chooser.momentChanged.connect(self._timer.start)
        for combo in (self.first_assessment, self.second_assessment):
            combo.currentIndexChanged.connect(self._timer.start)

    # -- what to show -----------------------------------------------------------------------
    def compare_moments(self, before: dt.datetime | None, after: dt.datetime | None) -> None:
        """Compare the startup as of ``before`` with it as of ``after`` (``None``: now)."""
        self.refresh()
        self.mode_combo.setCurrentIndex(0)
        self.first.set_moment(before)
        self.second.set_moment(after)
        self.compare()

    def compare_assessments(self, first_id: str, second_id: str) -> None:
        """Compare two assessments of the startup."""
        self.refresh()
        self.mode_combo.setCurrentIndex(1)
        self.first_assessment.setCurrentIndex(self.first_assessment.findData(first_id))
        self.second_assessment.setCurrentIndex(self.second_assessment.findData(second_id))
        self.compare()

    def catch_up(self) -> None:
        """Offer the moments and assessments as they are now, and compare again."""
        self.refresh()
        self._timer.start()

    def _startup(self) -> Startup | None:
        if self.doc is None or not self.startup_id:
            return None
        try:
            return self.doc.startup(self.startup_id)
        except KeyError:
            return None

    def refresh(self) -> None:
        """Offer the startup's moments and assessments as they are now."""
        doc, startup = self.doc, self._startup()
        ws = doc.workspace if doc is not None else None
        rows = [] if ws is None or doc is None or startup is None else describe_changes(
            startup_changes(ws, startup.id), doc.portfolio, self.lang, Timeline.of(ws))
        created = ws.info()["created_at"] if ws is not None else None
        for chooser in (self.first, self.second):
            chooser.blockSignals(True)
            chooser.set_history(rows, created)
            chooser.blockSignals(False)
        if rows and self.first.moment() is None and self.second.moment() is None:
            self.first.set_moment(rows[0].at - dt.timedelta(microseconds=1))
        self._fill_assessments(startup)

    def _fill_assessments(self, startup: Startup | None) -> None:
        assessments = startup.assessments if startup else []
        by_date = sorted(assessments, key=lambda a: a.date)
        latest = latest_assessment(assessments)
        for combo, default in ((self.first_assessment, by_date[-2] if len(by_date) > 1
                                else latest),
                               (self.second_assessment, latest)):
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for a in assessments:
                combo.addItem(AssessmentRef.of(a).label(self.lang), a.id)
            found = combo.findData(kept)
            if found < 0 and default is not None:
                found = combo.findData(default.id)
            combo.setCurrentIndex(found)
            combo.blockSignals(False)

    def clear_choices(self) -> None:
        """Two moments, from the first change to now (as for a startup seen first)."""
        self.mode_combo.setCurrentIndex(0)
        for chooser in (self.first, self.second):
            chooser.set_moment(None)

    def _mode_changed(self) -> None:
        self.choices.setCurrentIndex(self.mode_combo.currentIndex())
        self._timer.start()

    # -- comparing --------------------------------------------------------------------------
    def compare(self) -> None:
        """Compare what is chosen now and show it."""
        self._timer.stop()
        self.tree.clear()
        startup = self._startup()
        if self.doc is None or startup is None:
            self._say(self.next_step() or self.tr("Choose a startup to compare."))
        elif self.mode_combo.currentData() == "assessments":
            self._compare_assessments(self.doc, startup)
        else:
            self._compare_moments(self.doc, startup)

    def _say(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _compare_assessments(self, doc: Document, startup: Startup) -> None:
        ids = self.first_assessment.currentData(), self.second_assessment.currentData()
        found = {a.id: a for a in startup.assessments}
        if len(found) < 2 or ids[0] not in found or ids[1] not in found:
            self._say(self.tr("This startup needs two assessments to compare them."))
            return
        self._say("")
        diff = diff_assessments(startup, found[ids[0]], found[ids[1]], doc.framework,
                                self.lang)
        show_assessments_diff(self.tree, diff, self.lang)

    def _compare_moments(self, doc: Document, startup: Startup) -> None:
        ws = doc.workspace
        if ws is None:
            self._say(self.tr("This portfolio is not kept in a workspace file, so it has no "
                              "earlier moments; you can compare two assessments."))
            return
        before, after = self.first.moment(), self.second.moment()
        created: dt.datetime = ws.info()["created_at"]
        if any(m is not None and m < created for m in (before, after)):
            self._say(self.tr("The workspace holds nothing before it was created, on "
                              "{when}: choose a later moment.").format(
                                  when=created.astimezone().strftime("%Y-%m-%d %H:%M")))
            return
        try:
            diff = diff_moments(ws, startup.id, before, after, current=doc.portfolio,
                                perspective=doc.perspective, lang=self.lang)
        except CATCHING_UP:
            self.refresher.dirty = True
            self._say(catching_up())
            return
        self._say("")
        show_startup_diff(self.tree, diff, self.lang, perspective_label(doc.perspective))
