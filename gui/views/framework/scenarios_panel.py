"""The framework editor's Scenarios tab: the scenarios of the framework being edited, the chosen
one's form (id, name, explanation, cited paragraphs and the shifts every startup gets), its
exposure rules (each with conditions, all/any and the shifts it adds where it holds) and a
preview of the rank changes it would make now.

Every change is a step of the draft's history. The preview follows each change a moment later
(:data:`~gui.views.framework.preview_panel.PREVIEW_DELAY_MS`): every startup's place in the
ranking under the investor view (gated startups last, as Compare ranks them) without and with
the scenario, worked out by the engine on the edited framework
(:class:`models.engine.rule_preview.RulePreviewer`); it waits while the draft has problems.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.perspective import perspective_label
from gui.views.framework.draft_holder import DraftHolder, item_name, rule_name
from gui.views.framework.preview_panel import PreviewPanel
from gui.views.framework.rank_changes import RankChangeModel
from gui.views.framework.rule_form import RuleForm
from gui.views.framework.shift_rows import criterion_choices
from models.core.framework_draft import Path
from models.core.rule_authoring import with_exposure, with_scenario, with_scenario_copy
from models.engine.rule_preview import RulePreviewer


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    return row

translate = QCoreApplication.translate


class ScenariosPanel(PreviewPanel):
    """Scenarios of ``holder``'s draft (see the module notes)."""

    def __init__(self, holder: DraftHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.current: int | None = None
        self.exposure: int | None = None
        self.list = QListWidget()
        self.list.setObjectName("scenarioList")
        self.list.currentRowChanged.connect(self._chosen)
        self.add_button = QPushButton(self.tr("Add Scenario"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_button.clicked.connect(self.add_scenario)
        self.duplicate_button.clicked.connect(self.duplicate)
        self.remove_button.clicked.connect(self.remove)
        self.form = RuleForm(holder, shifts=self.tr("Shifts (every startup)"), conditions=False)
        self.form.edited.connect(lambda key, value: self._edited((), key, value))
        self.exposure_list = QListWidget()
        self.exposure_list.setObjectName("exposureList")
        self.exposure_list.setMaximumHeight(self.exposure_list.fontMetrics().height() * 5 + 8)
        self.exposure_list.currentRowChanged.connect(self._exposure_chosen)
        self.add_exposure_button = QPushButton(self.tr("Add Exposure Rule"))
        self.remove_exposure_button = QPushButton(self.tr("Remove Exposure Rule"))
        self.add_exposure_button.clicked.connect(self.add_exposure)
        self.remove_exposure_button.clicked.connect(self.remove_exposure)
        self.exposure_form = RuleForm(holder, shifts=self.tr("Shifts added where it holds"))
        self.exposure_form.edited.connect(
            lambda key, value: self._edited(("exposure", self.exposure), key, value))
        self.empty = QLabel(self.tr("Choose a scenario, or add one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.model = RankChangeModel(holder.lang)
        self.table = QTableView()
        self.table.setObjectName("rankChanges")
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self._layout()
        holder.changed.connect(self.refresh)
        holder.rankingChanged.connect(self.preview_later)
        self.refresh()

    def _layout(self) -> None:
        left = QWidget()
        left.setMinimumWidth(left.fontMetrics().horizontalAdvance("x" * 30))
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.list, 1)
        box.addLayout(_buttons(self.add_button))
        box.addLayout(_buttons(self.duplicate_button, self.remove_button))
        self.details = QWidget()
        dbox = QVBoxLayout(self.details)
        dbox.setContentsMargins(0, 0, 0, 0)
        dbox.addWidget(self.form)
        group = QGroupBox(self.tr("Exposure rules"))
        gbox = QVBoxLayout(group)
        gbox.addWidget(self.exposure_list)
        gbox.addLayout(_buttons(self.add_exposure_button, self.remove_exposure_button))
        gbox.addWidget(self.exposure_form)
        dbox.addWidget(group)
        middle = QWidget()
        mbox = QVBoxLayout(middle)
        mbox.setContentsMargins(0, 0, 0, 0)
        mbox.addWidget(self.empty)
        mbox.addWidget(self.details)
        mbox.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(middle)
        preview = QWidget()
        pbox = QVBoxLayout(preview)
        pbox.setContentsMargins(4, 4, 4, 4)
        pbox.addWidget(QLabel("<b>" + self.tr("Rank changes now") + "</b>"))
        pbox.addWidget(self.summary)
        pbox.addWidget(self.table, 1)
        split = QSplitter(Qt.Orientation.Horizontal)
        for widget, stretch in ((left, 0), (scroll, 3), (preview, 2)):
            split.addWidget(widget)
            split.setStretchFactor(split.count() - 1, stretch)
        split.setSizes([180, 660, 400])
        split.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(split)

    # -- reading the draft -----------------------------------------------------------------
    def _list(self, path: Path) -> list[Any]:
        found = self.holder.draft.get(path, [])
        return found if isinstance(found, list) else []

    def path(self) -> Path | None:
        """The path of the scenario shown, or None."""
        return None if self.current is None else ("scenarios", self.current)

    def _first_criterion(self) -> str:
        choices = criterion_choices(self.holder.draft.data, self.holder.lang)
        return choices[0][0] if choices else ""

    # -- showing ---------------------------------------------------------------------------
    def select(self, index: int, exposure: int | None = None) -> None:
        """Show scenario ``index`` (and its exposure rule ``exposure``)."""
        self.current, self.exposure = index, exposure
        self.holder.end_typing()
        self.refresh()

    def go_to(self, path: Path) -> None:
        """Show the scenario (and exposure rule) of ``path`` and put the focus in its
        field."""
        if len(path) < 2 or path[0] != "scenarios" or not isinstance(path[1], int) or \
                path[1] >= len(self._list(("scenarios",))):
            return
        inner = path[2:]
        if len(inner) >= 2 and inner[0] == "exposure" and isinstance(inner[1], int):
            self.select(path[1], inner[1])
            self.exposure_form.focus_path(inner[2:])
        else:
            self.select(path[1], self.exposure)
            self.form.focus_path(inner)

    def _chosen(self, row: int) -> None:
        if row >= 0 and row != self.current:
            self.select(row, 0)

    def _exposure_chosen(self, row: int) -> None:
        if row >= 0 and row != self.exposure and self.current is not None:
            self.select(self.current, row)

    def _clamp(self) -> None:
        scenarios = self._list(("scenarios",))
        if self.current is not None:
            self.current = min(self.current, len(scenarios) - 1) if scenarios else None
        rules = self._list(("scenarios", self.current, "exposure")) \
            if self.current is not None else []
        self.exposure = None if not rules else min(self.exposure or 0, len(rules) - 1)

    def _fill(self, widget: QListWidget, items: list[Any], bad: set[int],
              chosen: int | None) -> None:
        widget.blockSignals(True)
        widget.clear()
        for i, item in enumerate(items):
            name = rule_name(item, self.holder.lang, self.tr("(no name)"))
            entry = QListWidgetItem(("⚠ " if i in bad else "") + name)
            if i in bad:
                entry.setToolTip(self.tr("This has a problem"))
            widget.addItem(entry)
        widget.setCurrentRow(-1 if chosen is None else chosen)
        widget.blockSignals(False)

    def refresh(self) -> None:
        """Show the draft as it is now, and a preview a moment later."""
        self._clamp()
        problems = self.holder.draft.problems(self.holder.lang)
        paths = [p.path for p in problems if p.path[:1] == ("scenarios",)]
        self._fill(self.list, self._list(("scenarios",)),
                   {int(p[1]) for p in paths if len(p) > 1 and isinstance(p[1], int)},
                   self.current)
        shown = self.current is not None
        self.empty.setVisible(not shown)
        self.details.setVisible(shown)
        for button in (self.duplicate_button, self.remove_button, self.add_exposure_button):
            button.setEnabled(shown)
        self.remove_exposure_button.setEnabled(self.exposure is not None)
        self.exposure_form.setVisible(self.exposure is not None)
        if self.current is not None:
            base = ("scenarios", self.current)
            self.form.show_rule(self.holder.draft.get(base), self.tr("Scenario"))
            self.form.set_problems(problems, base, skip="exposure")
            self._fill(self.exposure_list, self._list((*base, "exposure")),
                       {int(p[3]) for p in paths if p[:3] == (*base, "exposure") and
                        len(p) > 3 and isinstance(p[3], int)}, self.exposure)
            if self.exposure is not None:
                self.exposure_form.show_rule(self.holder.draft.get(
                    (*base, "exposure", self.exposure)), self.tr("Exposure rule"))
                self.exposure_form.set_problems(problems, (*base, "exposure", self.exposure))
        self.preview_later()

    def show_preview(self) -> None:
        fw = self.holder.draft.framework()
        port = self.holder.portfolio
        if self.current is None or port is None or fw is None:
            self.model.set_changes([])
            if self.current is None:
                self.summary.setText("")
            elif port is None:
                self.summary.setText(self.tr("Open a portfolio to see how a scenario moves "
                                             "its startups."))
            else:
                n = len(self.holder.draft.problems(self.holder.lang))
                self.summary.setText(self.tr("The preview waits until the framework has no "
                                             "problems (%n left).", "", n))
            return
        # read afresh each time: the portfolio may have been edited since the last preview
        holder = self.holder
        changes = RulePreviewer(port, holder.perspective).scenario(
            fw, fw.scenarios[self.current], holder.lang, ignore_gates=holder.ignore_gates)
        self.model.set_changes(changes)
        moved = sum(1 for c in changes if c.change)
        self.summary.setText(self.tr("%Ln startup(s) change rank ({view}).", "", moved)
                             .format(view=perspective_label(holder.perspective)))
        header = self.table.horizontalHeader()
        header.resizeSection(0, max(120, header.sectionSizeHint(0)))
        for col in (1, 2, 3):
            header.resizeSection(col, header.sectionSizeHint(col))

    def preview_rows(self) -> list[tuple[str, int, int, int]]:
        """The preview's rows: startup, rank now, rank under the scenario, change (worked
        out now if a change is waiting)."""
        if self._stale:
            self.flush_preview()
        return [(c.startup, c.rank_before, c.rank_after, c.change) for c in self.model.rows]

    # -- editing ---------------------------------------------------------------------------
    def add_scenario(self) -> None:
        """Add a new scenario at the end and show it."""
        index = len(self._list(("scenarios",)))
        self.current, self.exposure = index, None
        self.holder.edit(with_scenario(self.holder.draft, index, self._first_criterion()),
                         lambda: translate("ScenariosPanel", "Add scenario"))

    def duplicate(self) -> None:
        """Add a copy of the scenario shown right after it, and show the copy."""
        if self.current is None:
            return
        item = self.holder.draft.get(("scenarios", self.current))
        self.current += 1
        self.holder.edit(with_scenario_copy(self.holder.draft, self.current - 1), lambda: (
            translate("ScenariosPanel", "Duplicate {name}").format(name=_named(item))))

    def remove(self) -> None:
        """Remove the scenario shown."""
        if self.current is not None:
            self._remove(("scenarios", self.current))

    def add_exposure(self) -> None:
        """Add an exposure rule to the scenario shown, and show it."""
        if self.current is None:
            return
        index = len(self._list(("scenarios", self.current, "exposure")))
        self.exposure = index
        item = self.holder.draft.get(("scenarios", self.current))
        self.holder.edit(with_exposure(self.holder.draft, self.current, index,
                                       self._first_criterion()),
                         lambda: translate("ScenariosPanel", "Add exposure rule to {name}")
                         .format(name=_named(item)))

    def remove_exposure(self) -> None:
        """Remove the exposure rule shown."""
        if self.current is not None and self.exposure is not None:
            self._remove(("scenarios", self.current, "exposure", self.exposure))

    def _remove(self, path: Path) -> None:
        item = self.holder.draft.get(path)
        self.holder.edit(self.holder.draft.with_removed(path), lambda: translate(
            "ScenariosPanel", "Remove {name}").format(name=_named(item)))

    def _edited(self, inner: tuple[Any, ...], key: tuple[Any, ...], value: Any) -> None:
        if self.current is None or None in inner:
            return
        path = ("scenarios", self.current, *inner, *key)
        draft = self.holder.draft
        if draft.get(path) == value:
            return
        owner = draft.get(("scenarios", self.current, *inner))
        self.holder.edit(draft.with_value(path, value), lambda: translate(
            "ScenariosPanel", "Edit {name}").format(name=_named(owner)))


def _named(item: Any) -> str:
    """A scenario's or exposure rule's name in an undo step, in the interface language."""
    return item_name(item, "ScenariosPanel")
