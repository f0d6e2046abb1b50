"""The Assess view: startups on the left (:mod:`~gui.views.assess.startup_list`), the chosen
assessment's head (:mod:`~gui.views.assess.assessment_header`) and criteria
(:mod:`~gui.views.assess.criteria_panel`) in the middle, on the right the round of independent
scoring (:mod:`~gui.views.assess.round_panel`), the decision and live results
(:mod:`~gui.views.assess.results_panel`). Every edit is an undo command on the document's stack."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from gui import commands as cmd
from gui.dialogs import ask
from gui.document import Document
from gui.i18n import language
from gui.tables.roles import StartupIdRole
from gui.views.assess.assessment_header import AssessmentHeader
from gui.views.assess.criteria_panel import CriteriaPanel
from gui.views.assess.decision_panel import DecisionPanel
from gui.views.assess.results_panel import ResultsPanel
from gui.views.assess.round_panel import RoundPanel
from gui.views.assess.startup_list import (
    StartupDelegate,
    StartupFilterModel,
    StartupListModel,
)
from gui.views.history.tabs import HistoryTabs
from models.core import edits
from models.core.portfolio import Assessment, Startup
from models.engine.perspectives import Perspective


class AssessView(QWidget):
    """Score one startup's assessment criterion by criterion.

    Signals:
        startupSelected(str): the chosen startup changed (its id, '' for none).
        assessmentShown(str): the assessment on screen changed (its id, '' for none).
    """

    startupSelected = Signal(str)
    assessmentShown = Signal(str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self._startup_id = ""
        self._assessment_id = ""
        self._announced = ""
        self._selecting = False
        left = self._build_startup_list()
        middle = self._build_middle()
        self.results_panel = ResultsPanel()
        self.decision_panel = DecisionPanel(doc)
        self.results_panel.insert_section(self.decision_panel)
        self.round_panel = RoundPanel(doc)
        self.results_panel.insert_section(self.round_panel)  # above the decision
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.results_panel)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 6)
        self.splitter.setStretchFactor(2, 3)
        self.splitter.setSizes([240, 680, 340])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self._connect()
        self.set_document(doc)

    def _build_startup_list(self) -> QWidget:
        """Left: the startups, a filter, and Add, Rename, Duplicate and Delete."""
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter startups by name"))
        self.filter_edit.setClearButtonEnabled(True)
        self.list_view = QListView()
        self.list_view.setItemDelegate(StartupDelegate(self.list_view))
        self.list_view.setUniformItemSizes(True)
        # several startups can be selected (Ctrl/Shift+click) for a report of them
        self.list_view.setSelectionMode(QListView.SelectionMode.ExtendedSelection)
        self.list_view.setObjectName("startupList")
        self.add_button = QPushButton(self.tr("Add"))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.add_button.setToolTip(self.tr("Add a startup"))
        self.rename_button.setToolTip(self.tr("Rename the chosen startup"))
        self.duplicate_button.setToolTip(self.tr("Copy the chosen startup with its assessments"))
        self.delete_button.setToolTip(self.tr("Delete the chosen startup"))
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.filter_edit)
        left_layout.addWidget(self.list_view, 1)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.add_button)
        row1.addWidget(self.rename_button)
        row2.addWidget(self.duplicate_button)
        row2.addWidget(self.delete_button)
        left_layout.addLayout(row1)
        left_layout.addLayout(row2)
        return left

    def _build_middle(self) -> QWidget:
        """Middle: the assessment's head, then its criteria (or why there are none)."""
        self.header = AssessmentHeader()
        self.criteria = CriteriaPanel()
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        middle = QWidget()
        ml = QVBoxLayout(middle)
        ml.setContentsMargins(0, 0, 0, 0)
        ml.addWidget(self.header)
        ml.addWidget(self.empty_label)
        self.tabs = HistoryTabs(self.criteria)  # Criteria, History, Differences, Trend
        ml.addWidget(self.tabs, 1)
        return middle

    def _connect(self) -> None:
        self.filter_edit.textChanged.connect(self._filter)
        self.add_button.clicked.connect(self.add_startup)
        self.rename_button.clicked.connect(self.rename_startup)
        self.duplicate_button.clicked.connect(self.duplicate_startup)
        self.delete_button.clicked.connect(self.delete_startup)
        self.header.new_assessment_button.clicked.connect(self.new_assessment)
        self.header.copy_assessment_button.clicked.connect(self.copy_assessment)
        self.header.delete_assessment_button.clicked.connect(self.delete_assessment)
        self.header.assessmentChosen.connect(self.select_assessment)
        self.header.fieldEdited.connect(self._meta_edited)
        self.criteria.levelRequested.connect(self.set_level)
        self.criteria.fieldEdited.connect(self._field_edited)
        self.startupSelected.connect(self.tabs.show_startup)
        self.assessmentShown.connect(self.tabs.show_assessment)
        self.startupSelected.connect(self.round_panel.show_startup)
        self.round_panel.assessmentRequested.connect(self.select_startup)

    # -- document -------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Show ``doc`` (called when a portfolio is opened or created)."""
        for connection in getattr(self, "_connections", []):
            QObject.disconnect(connection)
        for old in (getattr(self, "proxy", None), getattr(self, "model", None)):
            if old is not None:
                old.deleteLater()
        self.doc = doc
        self.model = StartupListModel(doc, self)
        self.proxy = StartupFilterModel(self)
        self.proxy.setSourceModel(self.model)
        self.list_view.setModel(self.proxy)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self._connections = [
            doc.scoresChanged.connect(self._scores_changed),
            doc.structureChanged.connect(self._refresh_all),  # keeps the choice if it can
            doc.resultsChanged.connect(self._show_result),
            doc.frameworkChanged.connect(self._build_editors),
        ]
        self._startup_id = ""
        self._assessment_id = ""
        for panel in (self.decision_panel, self.round_panel, self.tabs):
            panel.set_document(doc)
        self._build_editors()
        first = doc.portfolio.startups[0].id if doc.portfolio.startups else ""
        self.select_startup(first)

    def _build_editors(self) -> None:
        self.criteria.build(self.doc.framework, self.lang)
        self._show_assessment()

    # -- selection ------------------------------------------------------------------------
    def current_startup(self) -> Startup | None:
        """The chosen startup, if any."""
        try:
            return self.doc.startup(self._startup_id) if self._startup_id else None
        except KeyError:
            return None

    def current_assessment(self) -> Assessment | None:
        """The chosen assessment, if any."""
        try:
            return self.doc.assessment(self._assessment_id)[1] if self._assessment_id else None
        except KeyError:
            return None

    def selected_startup_ids(self) -> list[str]:
        """The ids of the startups selected in the list (the chosen one at least)."""
        rows = self.list_view.selectionModel().selectedRows()
        ids = [i.data(StartupIdRole) for i in rows]
        return ids or ([self._startup_id] if self._startup_id else [])

    def select_startup(self, startup_id: str, assessment_id: str | None = None) -> None:
        """Choose a startup (and optionally one of its assessments)."""
        row = self.model.row_of(startup_id) if startup_id else -1
        if row >= 0:
            proxy_index = self.proxy.mapFromSource(self.model.index(row))
            if not proxy_index.isValid():
                self.filter_edit.clear()
                proxy_index = self.proxy.mapFromSource(self.model.index(row))
            self._selecting = True  # shown once, below, not also from the list's signal
            try:
                self.list_view.selectionModel().setCurrentIndex(
                    proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            finally:
                self._selecting = False
            self.list_view.scrollTo(proxy_index)
        self._set_startup(startup_id if row >= 0 else "", assessment_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting:
            return
        sid = current.data(StartupIdRole) if current.isValid() else ""
        if sid != self._startup_id:
            self._set_startup(sid or "")

    def _set_startup(self, startup_id: str, assessment_id: str | None = None) -> None:
        self._startup_id = startup_id
        st = self.current_startup()
        if st is None:
            self._assessment_id = ""
        elif assessment_id and any(a.id == assessment_id for a in st.assessments):
            self._assessment_id = assessment_id
        elif not any(a.id == self._assessment_id for a in st.assessments):
            shown = self.default_assessment(st)
            self._assessment_id = shown.id if shown else ""
        self._show_assessment()
        self.decision_panel.show_startup(startup_id)
        self.startupSelected.emit(startup_id)

    def default_assessment(self, st: Startup) -> Assessment | None:
        """The assessment shown when a startup is chosen: the latest of those the window's
        perspective is made of (so its results agree with the startup's row in the list),
        else the latest."""
        used = Perspective.parse(self.doc.perspective).chosen(st)
        if used:
            return max(reversed(used), key=lambda a: a.date)
        return self.doc.primary_assessment(st)

    def select_assessment(self, assessment_id: str) -> None:
        """Choose an assessment of the current startup."""
        self._assessment_id = assessment_id
        self._show_assessment()

    # -- display --------------------------------------------------------------------------
    def _show_assessment(self) -> None:
        st, a = self.current_startup(), self.current_assessment()
        has_startup, has_assessment = st is not None, a is not None
        for w in (self.rename_button, self.duplicate_button, self.delete_button):
            w.setEnabled(has_startup)
        self.header.show_assessment(st, a)
        if not has_startup:
            self.empty_label.setText(self.tr(
                "No startup yet. Add one with the Add button, or import founders' workbooks "
                "from the File menu."))
        elif not has_assessment:
            self.empty_label.setText(self.tr(
                "This startup has no assessment yet. Start one with New assessment."))
        self.empty_label.setVisible(not has_assessment)
        self.criteria.setVisible(has_assessment)
        self.criteria.show_scores(a)
        self._show_result()
        if self._assessment_id != self._announced:
            self._announced = self._assessment_id
            self.assessmentShown.emit(self._assessment_id)

    def current_assessment_id(self) -> str:
        """The id of the assessment on screen ('' if none)."""
        return self._assessment_id

    def _show_result(self) -> None:
        a = self.current_assessment()
        result = self.doc.result(a.id) if a else None
        self.results_panel.show_result(result, self.doc.framework, self.lang)

    def _scores_changed(self, assessment_id: str) -> None:
        if assessment_id != self._assessment_id:
            return
        a = self.current_assessment()
        if a is None:
            return
        self.criteria.show_scores(a)
        self._show_result()

    def _refresh_all(self) -> None:
        st = self.current_startup()
        if st is None:
            first = self.doc.portfolio.startups[0].id if self.doc.portfolio.startups else ""
            self.select_startup(first)
        else:
            self.select_startup(st.id, self._assessment_id)

    # -- edits ----------------------------------------------------------------------------
    def set_level(self, criterion_id: str, level: int) -> None:
        """Score ``criterion_id`` at ``level`` (0 clears) in the chosen assessment."""
        a = self.current_assessment()
        if a is None:
            return
        value = None if level == 0 else level
        if a.level(criterion_id) == value:
            return
        self.doc.undo_stack.push(cmd.SetScoreField(self.doc, a.id, criterion_id, "value", value))

    def _field_edited(self, criterion_id: str, field: str, value: str) -> None:
        a = self.current_assessment()
        if a is None:
            return
        self.doc.undo_stack.push(cmd.SetScoreField(self.doc, a.id, criterion_id, field, value))

    def _meta_edited(self, field: str, value: object) -> None:
        a = self.current_assessment()
        if a is not None and getattr(a, field) != value:
            self.doc.undo_stack.push(cmd.SetAssessmentField(self.doc, a.id, field, value))

    def add_startup(self) -> None:
        """Ask for a name and add a startup with one empty founder assessment."""
        name = ask.text(self, self.tr("Add startup"), self.tr("Name of the startup:"))
        if name is None or not name.strip():
            return
        st = edits.new_startup(name.strip())
        self.doc.undo_stack.push(cmd.AddStartup(self.doc, st))
        self.select_startup(st.id)

    def rename_startup(self) -> None:
        """Ask for a new name for the chosen startup."""
        st = self.current_startup()
        if st is None:
            return
        name = ask.text(self, self.tr("Rename startup"), self.tr("New name:"), st.name)
        if name is None or not name.strip() or name.strip() == st.name:
            return
        self.doc.undo_stack.push(cmd.SetStartupField(self.doc, st.id, "name", name.strip()))

    def duplicate_startup(self) -> None:
        """Copy the chosen startup (with its assessments) just below it."""
        st = self.current_startup()
        if st is None:
            return
        clone = edits.duplicate_startup(st, self.tr("{name} (copy)").format(name=st.name))
        index = self.doc.startup_index(st.id) + 1
        self.doc.undo_stack.push(cmd.AddStartup(self.doc, clone, index,
                                                self.tr("Duplicate Startup")))
        self.select_startup(clone.id)

    def delete_startup(self) -> None:
        """Delete the chosen startup after confirmation."""
        st = self.current_startup()
        if st is None:
            return
        if not ask.confirm(self, self.tr("Delete startup"), self.tr(
                "Delete {name} and its {n} assessment(s)? You can undo this.").format(
                    name=st.name, n=len(st.assessments))):
            return
        index = self.doc.startup_index(st.id)
        self.doc.undo_stack.push(cmd.RemoveStartup(self.doc, st.id))
        remaining = self.doc.portfolio.startups
        self.select_startup(remaining[min(index, len(remaining) - 1)].id if remaining else "")

    def new_assessment(self) -> None:
        """Add an empty assessment to the chosen startup and show it."""
        st = self.current_startup()
        if st is None:
            return
        a = edits.new_assessment(st, *self.doc.assessment_defaults)
        self.doc.undo_stack.push(cmd.AddAssessment(self.doc, st.id, a))
        self.select_startup(st.id, a.id)

    def copy_assessment(self) -> None:
        """Start a new assessment from a copy of the chosen one (dated today)."""
        st, a = self.current_startup(), self.current_assessment()
        if st is None or a is None:
            return
        clone = edits.copy_assessment(a, date=dt.date.today(), assessor="")
        self.doc.undo_stack.push(cmd.AddAssessment(self.doc, st.id, clone,
                                                   self.tr("Copy Assessment")))
        self.select_startup(st.id, clone.id)

    def delete_assessment(self) -> None:
        """Delete the chosen assessment after confirmation."""
        a = self.current_assessment()
        if a is None:
            return
        if not ask.confirm(self, self.tr("Delete assessment"),
                           self.tr("Delete the assessment {label}? You can undo this.").format(
                               label=self.header.assessment_label(a))):
            return
        self.doc.undo_stack.push(cmd.RemoveAssessment(self.doc, a.id))

    def _filter(self, fragment: str) -> None:
        self.proxy.setFilterFixedString(fragment)
