"""The Framework view: the portfolio's own framework, readable and adjustable.

Left, the weights: pillars (switch on/off, weight, share) and the criteria of the chosen pillar
(weight, share of the pillar and of the total), with their sums; every edit is an undo command.
Right, the texts: the chosen criterion in full (question, rubric, source paragraphs), the
postures, the deal-breakers and the scenarios, and the pairwise (AHP) weights editor
(:mod:`gui.views.framework.pairwise_panel`). At the top, the framework's name, id and version,
the active scenario (applied everywhere) and buttons to save the framework to a file or load
another one into the portfolio (:mod:`gui.views.framework.framework_files`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelectionModel, QMetaObject, QModelIndex, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import ask
from gui.document import Document
from gui.i18n import language
from gui.tables.roles import IdRole
from gui.tables.weights import CriterionWeightsModel, PillarWeightsModel
from gui.views.framework.framework_files import FrameworkFiles
from gui.views.framework.framework_text import criterion_html, rules_html, scenarios_html
from gui.views.framework.pairwise_panel import PairwisePanel
from gui.widgets.weight_delegate import WeightDelegate
from models.core.framework import text
from models.core.rounding import fixed


def _table(name: str) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                         QAbstractItemView.EditTrigger.EditKeyPressed |
                         QAbstractItemView.EditTrigger.SelectedClicked)
    view.verticalHeader().setVisible(False)
    view.setWordWrap(False)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    return view


class FrameworkView(QWidget):
    """Read and adjust the portfolio's framework (see the module docstring).

    Attributes:
        files: saves the framework to a file and loads another
            (:class:`~gui.views.framework.framework_files.FrameworkFiles`).
    """

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self.doc: Document | None = None
        self.pillar_model: PillarWeightsModel | None = None
        self.criterion_model: CriterionWeightsModel | None = None
        self._connections: list[QMetaObject.Connection] = []
        self._criterion_id = ""
        self._selecting = False
        self.files = FrameworkFiles(self, self.lang)
        top = self._build_header()
        left = self._build_weights()
        self.tabs = self._build_texts(doc)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([620, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.scenario_combo.activated.connect(self._scenario_chosen)
        self.save_button.clicked.connect(lambda _c=False: self.files.save_as())
        self.load_button.clicked.connect(lambda _c=False: self.files.load())
        self.edit_button.clicked.connect(lambda _c=False: self.edit_framework())
        self.set_document(doc)

    def _build_header(self) -> QHBoxLayout:
        """The framework's name, id and version, the active scenario, Save and Load."""
        self.title_label = QLabel()
        self.title_label.setObjectName("frameworkTitle")
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        self.title_label.setWordWrap(True)
        self.identity_label = QLabel()
        self.identity_label.setObjectName("frameworkIdentity")
        self.identity_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse)
        self.scenario_combo = QComboBox()
        self.scenario_combo.setObjectName("scenarioCombo")
        self.scenario_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.scenario_combo.setToolTip(self.tr(
            "A market-level shift applied to every assessment at once, in every view; "
            "it changes no score in the file"))
        self.save_button = QPushButton(self.tr("Save framework as…"))
        self.save_button.setToolTip(self.tr("Write this portfolio's framework, with its "
                                            "current weights, to a framework file, or to a "
                                            "review workbook for partners (.xlsx)"))
        self.load_button = QPushButton(self.tr("Load framework…"))
        self.load_button.setToolTip(self.tr("Replace this portfolio's framework with one from "
                                            "a file (undoable)"))
        self.edit_button = QPushButton(self.tr("Edit Framework…"))
        self.edit_button.setToolTip(self.tr("Edit pillars, criteria, rubrics and rules of a "
                                            "copy of this framework in the framework editor"))
        top = QHBoxLayout()
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title_label)
        titles.addWidget(self.identity_label)
        top.addLayout(titles, 1)
        self.shipped_button = self.files.shipped_button()
        # right, the active scenario above the buttons: the title keeps room on a laptop
        right = QVBoxLayout()
        for row in ((QLabel(self.tr("Active scenario")), self.scenario_combo),
                    (self.edit_button, self.save_button, self.load_button,
                     self.shipped_button)):
            line = QHBoxLayout()
            line.addStretch(1)
            for widget in row:
                line.addWidget(widget)
            right.addLayout(line)
        top.addLayout(right)
        return top

    def _build_weights(self) -> QWidget:
        """The pillar and criterion weight tables with their sums and a note."""
        self.pillar_table = _table("pillarWeights")
        self.criterion_table = _table("criterionWeights")
        # one delegate per table: a delegate's commitData reaches every view it serves
        self.pillar_delegate = WeightDelegate(self.pillar_table)
        self.criterion_delegate = WeightDelegate(self.criterion_table)
        self.pillar_sum_label = QLabel()
        self.pillar_sum_label.setWordWrap(True)
        self.criteria_heading = QLabel()
        self.criterion_sum_label = QLabel()
        self.criterion_sum_label.setWordWrap(True)
        self.weights_note = QLabel(self.tr(
            "Weights are relative: they are normalised on use, so only their ratios matter. "
            "Double-click a weight to change it; Undo takes a change back."))
        self.weights_note.setWordWrap(True)
        self.weights_note.setStyleSheet("color: #555;")
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(QLabel("<b>" + html.escape(self.tr("Pillars")) + "</b>"))
        ll.addWidget(self.pillar_table, 3)  # all pillars in sight first
        ll.addWidget(self.pillar_sum_label)
        ll.addSpacing(6)
        ll.addWidget(self.criteria_heading)
        ll.addWidget(self.criterion_table, 1)
        ll.addWidget(self.criterion_sum_label)
        ll.addSpacing(6)
        ll.addWidget(self.weights_note)
        ll.addStretch(0)  # what the tables, grown to all their rows, leave
        return left

    def _build_texts(self, doc: Document) -> QTabWidget:
        """The tabs: the chosen criterion, pairwise weights, postures, deal-breakers and
        scenarios."""
        self.criterion_text = QTextBrowser()
        self.criterion_text.setObjectName("criterionText")
        self.postures_text = QTextBrowser()
        self.postures_text.setObjectName("posturesText")
        self.breakers_text = QTextBrowser()
        self.breakers_text.setObjectName("dealBreakersText")
        self.scenarios_text = QTextBrowser()
        self.scenarios_text.setObjectName("scenariosText")
        tabs = QTabWidget()
        tabs.addTab(self.criterion_text, self.tr("Criterion"))
        self.pairwise_panel = PairwisePanel(doc)
        self.pairwise_panel.setObjectName("pairwisePanel")
        tabs.addTab(self.pairwise_panel, self.tr("Pairwise weights"))
        tabs.addTab(self.postures_text, self.tr("Postures"))
        tabs.addTab(self.breakers_text, self.tr("Deal-breakers"))
        tabs.addTab(self.scenarios_text, self.tr("Scenarios"))
        return tabs

    # -- document -----------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Show ``doc``'s framework (called when a portfolio is opened or created)."""
        for connection in self._connections:
            QObject.disconnect(connection)
        old = (self.pillar_model, self.criterion_model)
        self.doc = doc
        self.pillar_model = PillarWeightsModel(doc, self, self.lang)
        self.criterion_model = CriterionWeightsModel(doc, self, self.lang)
        for view, model, delegate in (
                (self.pillar_table, self.pillar_model, self.pillar_delegate),
                (self.criterion_table, self.criterion_model, self.criterion_delegate)):
            view.setModel(model)
            view.setItemDelegateForColumn(model.WEIGHT_COLUMN, delegate)
            header = view.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
            model.refused.connect(self._refused)
        for m in old:
            if m is not None:
                m.detach()
                m.deleteLater()
        self.pillar_table.selectionModel().currentRowChanged.connect(self._pillar_chosen)
        self.criterion_table.selectionModel().currentRowChanged.connect(self._criterion_chosen)
        self._connections = [
            doc.frameworkChanged.connect(self._framework_changed),
            doc.scenarioChanged.connect(self._show_scenario),
            self.criterion_model.modelReset.connect(self._criteria_reset),
        ]
        self._criterion_id = ""
        self.files.set_document(doc)
        if getattr(self, "framework_editor", None) is not None:
            from gui.views.framework.editor_window import let_go
            let_go(self, doc)
        if self.pairwise_panel.doc is not doc:
            self.pairwise_panel.set_document(doc)
        self._framework_changed()
        self.select_criterion(doc.framework.criteria[0].id)

    def _framework_changed(self) -> None:
        doc = self.doc
        if doc is None:
            return
        fw = doc.framework
        self.title_label.setText(
            f"<span style='font-size:14pt; font-weight:600'>"
            f"{html.escape(text(fw.name, self.lang))}</span>")
        self.title_label.setToolTip(text(fw.description, self.lang))
        self.identity_label.setText(self.tr("Framework id {id} · version {version}").format(
            id=fw.id, version=fw.version))
        self.postures_text.setHtml(rules_html(fw.postures, fw, self.lang))
        self.breakers_text.setHtml(rules_html(fw.deal_breakers, fw, self.lang))
        self.scenarios_text.setHtml(scenarios_html(fw, self.lang))
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.clear()
        self.scenario_combo.addItem(self.tr("None (scores as entered)"), "")
        for s in fw.scenarios:
            self.scenario_combo.addItem(text(s.name, self.lang), s.id)
            self.scenario_combo.setItemData(self.scenario_combo.count() - 1,
                                            text(s.description, self.lang),
                                            Qt.ItemDataRole.ToolTipRole)
        self.scenario_combo.blockSignals(False)
        self._show_scenario()
        self._fit_tables()
        self._show_sums()
        if self._criterion_id and self._criterion_id not in fw.criterion_index:
            self._criterion_id = ""
        self._show_criterion()

    def _fit_tables(self) -> None:
        """Size both tables to their rows (the criteria table to the largest pillar); on a
        screen too low for all of them, each keeps two rows in sight and scrolls."""
        if self.doc is None:
            return
        most = max(len(p.criteria) for p in self.doc.framework.pillars)
        for view, rows in ((self.pillar_table, len(self.doc.framework.pillars)),
                           (self.criterion_table, most)):
            row_h = view.verticalHeader().defaultSectionSize()
            head = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth() + 2
            view.setMaximumHeight(head + rows * row_h)
            view.setMinimumHeight(head + min(rows, 2) * row_h)

    def _show_sums(self) -> None:
        doc = self.doc
        if doc is None or self.criterion_model is None:
            return
        fw = doc.framework
        on = sum(p.weight for p in fw.pillars if p.enabled)
        every = sum(p.weight for p in fw.pillars)
        self.pillar_sum_label.setText(self.tr(
            "Sum of the weights of the pillars switched on: {on} (all pillars: {all}).").format(
            on=fixed(on, 2), all=fixed(every, 2)))
        try:
            pillar = fw.pillar(self.criterion_model.pillar_id)
        except KeyError:
            return
        name = text(pillar.name, self.lang)
        heading = self.tr("Criteria of {pillar}").format(pillar=name)
        if not pillar.enabled:
            heading += " " + self.tr("(switched off)")
        self.criteria_heading.setText(f"<b>{html.escape(heading)}</b>")
        self.criterion_sum_label.setText(self.tr(
            "Sum of the criterion weights in {pillar}: {sum}.").format(
            pillar=name, sum=fixed(sum(c.weight for c in pillar.criteria), 2)))

    def _show_scenario(self) -> None:
        doc = self.doc
        if doc is None:
            return
        sid = doc.scenario.id if doc.scenario is not None else ""
        i = self.scenario_combo.findData(sid)
        self.scenario_combo.blockSignals(True)
        self.scenario_combo.setCurrentIndex(max(0, i))
        self.scenario_combo.blockSignals(False)

    # -- selection ----------------------------------------------------------------------------
    def select_criterion(self, criterion_id: str) -> None:
        """Show a criterion: select its pillar and its row, and its texts on the right."""
        if self.doc is None or self.pillar_model is None or self.criterion_model is None:
            return
        fw = self.doc.framework
        if criterion_id not in fw.criterion_index:
            return
        pillar_id = fw.criterion(criterion_id).pillar_id
        flags = (QItemSelectionModel.SelectionFlag.ClearAndSelect |
                 QItemSelectionModel.SelectionFlag.Rows)
        self._selecting = True
        try:
            self.criterion_model.set_pillar(pillar_id)
            self.pillar_table.selectionModel().setCurrentIndex(
                self.pillar_model.index(self.pillar_model.row_of(pillar_id), 0), flags)
            self.criterion_table.selectionModel().setCurrentIndex(
                self.criterion_model.index(self.criterion_model.row_of(criterion_id), 0), flags)
        finally:
            self._selecting = False
        self._criterion_id = criterion_id
        self.pairwise_panel.set_pillar(pillar_id)
        self._show_sums()
        self._show_criterion()

    def current_criterion_id(self) -> str:
        """The criterion whose texts are shown ('' if none)."""
        return self._criterion_id

    def _pillar_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting or not current.isValid() or self.criterion_model is None or \
                self.doc is None:
            return
        pillar_id = current.data(IdRole)
        if pillar_id == self.criterion_model.pillar_id:
            return
        self.select_criterion(self.doc.framework.pillar(pillar_id).criteria[0].id)

    def _criterion_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._selecting and current.isValid():
            self._criterion_id = current.data(IdRole)
            self._show_criterion()

    def _criteria_reset(self) -> None:
        if self._selecting or self.doc is None or self.criterion_model is None:
            return
        # after a framework load the pillar may be gone: keep the criterion if it still exists
        cid = self._criterion_id
        if cid not in self.doc.framework.criterion_index or \
                self.doc.framework.criterion(cid).pillar_id != self.criterion_model.pillar_id:
            ids = [self.criterion_model.row_id(r) for r in range(self.criterion_model.rowCount())]
            cid = ids[0] if ids else ""
        if cid:
            self.select_criterion(cid)

    def _show_criterion(self) -> None:
        doc = self.doc
        if doc is None or not self._criterion_id:
            self.criterion_text.setHtml("")
            return
        fw = doc.framework
        self.criterion_text.setHtml(criterion_html(fw.criterion(self._criterion_id), fw,
                                                   self.lang))
        # the tab keeps its short name (the page names the criterion), so that every tab
        # of the row fits a laptop's screen
        self.tabs.setTabToolTip(0, text(fw.criterion(self._criterion_id).name, self.lang))

    # -- actions ------------------------------------------------------------------------------
    def _refused(self, message: str) -> None:
        ask.error(self, self.tr("Change not made"), message)

    def edit_framework(self) -> QWidget | None:
        """Open the framework editor on this portfolio's framework (the open one, raised)."""
        from gui.views.framework.editor_window import open_editor

        return open_editor(self, self.doc) if self.doc is not None else None

    def _scenario_chosen(self, index: int) -> None:
        self.set_scenario(self.scenario_combo.itemData(index) or None)

    def set_scenario(self, scenario_id: str | None) -> None:
        """Apply a scenario to every result (None: scores as entered)."""
        if self.doc is None:
            return
        current = self.doc.scenario.id if self.doc.scenario is not None else None
        if scenario_id != current:
            self.doc.set_scenario(scenario_id)
        self._show_scenario()
