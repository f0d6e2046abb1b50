"""The tabs of the Assess view's middle: the chosen assessment's criteria, then the startup's
History, Differences and Trend (:mod:`gui.views.history`). "Compare before and after" in the
History tab opens the Differences tab on the changes selected."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from gui.document import Document
from gui.views.history.diff_page import DiffPage
from gui.views.history.panel import HistoryPanel
from gui.views.history.trend_page import TrendPage


class HistoryTabs(QTabWidget):
    """The criteria (``criteria``, the Assess view's own panel) and the history tabs."""

    def __init__(self, criteria: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("assessTabs")
        self.setDocumentMode(True)
        self.history = HistoryPanel()
        self.differences = DiffPage()
        self.trend = TrendPage()
        page = QWidget()  # the view shows and hides the criteria inside their own page
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(criteria)
        self.addTab(page, self.tr("Criteria"))
        self.addTab(self.history, self.tr("History"))
        self.addTab(self.differences, self.tr("Differences"))
        self.addTab(self.trend, self.tr("Trend"))
        self.setTabToolTip(1, self.tr("Every change to the startup: when, who, what, before "
                                      "and after"))
        self.setTabToolTip(2, self.tr("What changed between two moments or two assessments"))
        self.setTabToolTip(3, self.tr("The startup's scores over time under the perspective"))
        self.history.compareRequested.connect(self.compare_moments)

    def set_document(self, doc: Document) -> None:
        """Follow ``doc``, on the Criteria tab with nothing chosen for the portfolio shown
        before (filters, moments)."""
        self.setCurrentIndex(0)
        self.history.clear_filters()
        self.differences.clear_choices()
        for page in (self.history, self.differences, self.trend):
            page.set_document(doc)

    def show_startup(self, startup_id: str) -> None:
        """The startup chosen ('' for none)."""
        for page in (self.history, self.differences, self.trend):
            page.show_startup(startup_id)

    def show_assessment(self, assessment_id: str) -> None:
        """The assessment on screen ('' for none)."""
        self.history.show_assessment(assessment_id)

    def compare_moments(self, before: dt.datetime | None, after: dt.datetime | None) -> None:
        """Show the Differences tab comparing the startup as of two moments."""
        self.setCurrentWidget(self.differences)
        self.differences.compare_moments(before, after)
