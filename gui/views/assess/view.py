"""The Assess view: startups on the left (:mod:`~gui.views.assess.startup_pane`), the chosen
assessment's head (:mod:`~gui.views.assess.assessment_header`) and criteria
(:mod:`~gui.views.assess.criteria_panel`) in the middle, on the right the round of independent
scoring (:mod:`~gui.views.assess.round_panel`), the decision and live results
(:mod:`~gui.views.assess.results_panel`). Every edit is an undo command on the document's stack."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from gui import commands as cmd
from gui.actions import NEXT_UNSCORED_KEY
from gui.dialogs import ask
from gui.document import Document
from gui.i18n import language
from gui.tables.roles import StartupIdRole
from gui.views.assess.assessment_header import AssessmentHeader
from gui.views.assess.columns import Columns, head_and_tabs
from gui.views.assess.criteria_panel import CriteriaPanel
from gui.views.assess.decision_panel import DecisionPanel
from gui.views.assess.next_step import NextStep
from gui.views.assess.results_panel import ResultsPanel
from gui.views.assess.round_panel import RoundPanel
from gui.views.assess.startup_list import StartupListModel
from gui.views.assess.startup_order import StartupFilterModel
from gui.views.assess.startup_pane import StartupPane
from gui.views.history.tabs import HistoryTabs
from gui.widgets.panes import column
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
        self.splitter = Columns(left, middle, self.results_panel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter)
        self._connect()
        self._build_shortcuts()
        self.set_document(doc)

    def _build_shortcuts(self) -> None:
        """The header's Next unscored button names the key of the window's Edit ▸ Next
        Unscored Criterion (:mod:`gui.actions`), which does the same from any view."""
        key = QKeySequence(NEXT_UNSCORED_KEY).toString(QKeySequence.SequenceFormat.NativeText)
        self.header.next_button.setToolTip(self.tr(
            "Go to the next criterion not scored yet ({key})").format(key=key))

    def _build_startup_list(self) -> QWidget:
        """Left: the startups, their filters, and Add, Rename, Duplicate and Delete."""
        self.startup_pane = pane = StartupPane()
        self.filter_edit, self.list_view = pane.filter_edit, pane.list_view
        self.add_button, self.rename_button = pane.add_button, pane.rename_button
        self.duplicate_button, self.delete_button = pane.duplicate_button, pane.delete_button
        return pane

    def _build_middle(self) -> QWidget:
        """Middle: the assessment's head, then its criteria (or why there are none)."""
        self.header = AssessmentHeader()
        self.criteria = CriteriaPanel()
        self.empty_state = NextStep()  # what to do while there is nothing to score
        # Criteria (or what to do first), History, Differences, Trend
        self.tabs = HistoryTabs(column(self.empty_state, self.criteria))
        return head_and_tabs(self.header, self.tabs)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_startup)
        self.rename_button.clicked.connect(self.rename_startup)
        self.duplicate_button.clicked.connect(self.duplicate_startup)
        self.delete_button.clicked.connect(self.delete_startup)
        self.header.new_assessment_button.clicked.connect(self.new_assessment)
        self.header.copy_assessment_button.clicked.connect(self.copy_assessment)
        self.header.delete_assessment_button.clicked.connect(self.delete_assessment)
        self.header.assessmentChosen.connect(self.select_assessment)
        self.header.fieldEdited.connect(self._meta_edited)
        self.header.details.fieldEdited.connect(self._startup_edited)
        self.header.next_button.clicked.connect(lambda _c=False: self.next_unscored())
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
        self.startup_pane.set_models(self.model, self.proxy)
        self.list_view.selectionModel().currentChanged.connect(self._current_changed)
        self.proxy.rowsRemoved.connect(self._filtered)
        self.proxy.rowsInserted.connect(self._filtered)
        self._connections = [
            doc.scoresChanged.connect(self._scores_changed),
            doc.structureChanged.connect(self._refresh_all),  # keeps the choice if it can
            doc.resultsChanged.connect(self._show_result),
            doc.frameworkChanged.connect(self._build_editors),
        ]
        self._startup_id = self._assessment_id = ""
        self.startup_pane.clear_filters()  # chosen for the portfolio shown before
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

    def select_startup(self, startup_id: str, assessment_id: str | None = None,
                       reveal: bool = True) -> None:
        """Choose a startup (and optionally one of its assessments); when the list's filters
        hide it, they are cleared (unless not ``reveal``)."""
        row = self.model.row_of(startup_id) if startup_id else -1
        if row >= 0:
            self._select_in_list(startup_id, reveal)
        self._set_startup(startup_id if row >= 0 else "", assessment_id)

    def _select_in_list(self, startup_id: str, reveal: bool = False) -> None:
        """Make the startup the list's current row: none while the filters hide it (unless
        ``reveal`` clears them)."""
        index = self.proxy.mapFromSource(self.model.index(self.model.row_of(startup_id)))
        if not index.isValid() and reveal:
            self.startup_pane.clear_filters()
            index = self.proxy.mapFromSource(self.model.index(self.model.row_of(startup_id)))
        self._selecting = True  # shown by the caller, not also from the list's signal
        try:
            self.list_view.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        finally:
            self._selecting = False
        if index.isValid():
            self.list_view.scrollTo(index)

    def _filtered(self, *_args: object) -> None:
        """Rows hid or showed by the filters: the startup on screen stays chosen."""
        if self.proxy.filtering and self._startup_id:
            self._select_in_list(self._startup_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or self.proxy.filtering:
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
        self.header.show_assessment(st, a, self.doc.portfolio.startups)
        self.header.setVisible(has_startup)
        self.empty_state.show_for(self)
        self.criteria.setVisible(has_assessment)
        self.criteria.show_scores(a)
        self.header.show_progress(*self.criteria.progress())
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
        self.header.show_progress(*self.criteria.progress())
        self._show_result()

    def _refresh_all(self) -> None:
        st = self.current_startup()
        if st is None:
            first = self.doc.portfolio.startups[0].id if self.doc.portfolio.startups else ""
            self.select_startup(first)
        else:  # the list's filters stay as chosen, even if they now hide it
            self.select_startup(st.id, self._assessment_id, reveal=False)

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

    def _startup_edited(self, field: str, value: object) -> None:
        st = self.current_startup()
        if st is not None and getattr(st, field) != value:
            self.doc.undo_stack.push(cmd.SetStartupField(self.doc, st.id, field, value))

    def next_unscored(self) -> str:
        """Go to the chosen assessment's next criterion not scored yet (see
        :meth:`CriteriaPanel.next_unscored`); returns its id, '' when all are scored."""
        return self.criteria.focus_next_unscored() if self.current_assessment() else ""

    def add_startup(self) -> None:
        """Ask for a name and add a startup with one empty assessment, the user's (see
        :meth:`new_assessment`)."""
        name = ask.text(self, self.tr("Add startup"), self.tr("Name of the startup:"))
        if name is None or not name.strip():
            return
        st = edits.new_startup(name.strip(), *self.doc.assessment_defaults)
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
        self.doc.undo_stack.push(cmd.AddStartup(self.doc, clone, index, copy_of=st.name))
        self.select_startup(clone.id)

    def delete_startup(self) -> None:
        """Delete the chosen startup after confirmation."""
        st = self.current_startup()
        if st is None:
            return
        if not ask.confirm(self, self.tr("Delete startup"), self.tr(
                "Delete {name} and its %n assessment(s)? You can undo this.", "",
                len(st.assessments)).format(name=st.name)):
            return
        index = self.doc.startup_index(st.id)
        self.doc.undo_stack.push(cmd.RemoveStartup(self.doc, st.id))
        remaining = self.doc.portfolio.startups
        self.select_startup(remaining[min(index, len(remaining) - 1)].id if remaining else "")

    def new_assessment(self) -> None:
        """Add an empty assessment to the chosen startup and show it: the user's, by the name
        and role of Preferences (:attr:`AssessmentDocument.assessment_defaults`)."""
        st = self.current_startup()
        if st is None:
            return
        a = edits.new_assessment(st, *self.doc.assessment_defaults)
        self.doc.undo_stack.push(cmd.AddAssessment(self.doc, st.id, a))
        self.select_startup(st.id, a.id)

    def copy_assessment(self) -> None:
        """Start a new assessment from a copy of the chosen one's scores: dated today and the
        user's, signed with the name and role a new assessment takes."""
        st, a = self.current_startup(), self.current_assessment()
        if st is None or a is None:
            return
        own = edits.new_assessment(st, *self.doc.assessment_defaults)
        clone = edits.copy_assessment(a, date=dt.date.today(), assessor=own.assessor,
                                      role=own.role)
        self.doc.undo_stack.push(cmd.AddAssessment(self.doc, st.id, clone, "copy"))
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
