"""The framework editor's Rules tab: the postures and deal-breakers of the framework being
edited, the chosen one's form (:class:`~gui.views.framework.rule_form.RuleForm`) and a live
preview of the startups it fires on now.

The list has *Add Posture*, *Add Deal-breaker*, *Duplicate* and *Remove*; a rule with a
problem is marked ⚠ in it. Every change is a step of the draft's history
(:meth:`DraftHolder.edit <gui.views.framework.draft_holder.DraftHolder.edit>`), so Undo takes
it back. The preview follows each change a moment later
(:class:`~gui.views.framework.preview_panel.PreviewPanel`, so typing is not slowed): the
portfolio's startups under the investor view, scored by the engine with the edited framework
(:class:`models.engine.rule_preview.RulePreviewer`). While the draft has problems the preview
waits, and says so.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.i18n import number
from gui.perspective import perspective_label
from gui.views.framework.draft_holder import DraftHolder, item_name, rule_name
from gui.views.framework.framework_text import rule_conditions
from gui.views.framework.preview_panel import PreviewPanel
from gui.views.framework.rule_form import RuleForm
from models.core.framework_draft import Path
from models.core.rule_authoring import RuleGroup, with_rule, with_rule_copy
from models.engine.rule_preview import RulePreviewer

GROUPS: tuple[RuleGroup, ...] = ("postures", "deal_breakers")

translate = QCoreApplication.translate


class PreviewList(QWidget):
    """What the preview says (:attr:`summary`) and the startups it lists."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(f"<b>{title}</b>")
        self.summary = QLabel()
        self.summary.setObjectName("previewSummary")
        self.summary.setWordWrap(True)
        self.conditions = QLabel()
        self.conditions.setObjectName("previewConditions")
        self.conditions.setWordWrap(True)
        self.conditions.setStyleSheet("color: #555;")
        self.list = QListWidget()
        self.list.setObjectName("previewList")
        self.list.setUniformItemSizes(True)
        box = QVBoxLayout(self)
        box.setContentsMargins(4, 4, 4, 4)
        box.addWidget(heading)
        box.addWidget(self.conditions)
        box.addWidget(self.summary)
        box.addWidget(self.list, 1)

    def show_names(self, summary: str, names: list[str]) -> None:
        """Say ``summary`` and list ``names`` (the rule's conditions in words are cleared)."""
        self.conditions.setText("")
        self.summary.setText(summary)
        self.list.setUpdatesEnabled(False)
        self.list.clear()
        self.list.addItems(names)
        self.list.setUpdatesEnabled(True)

    def names(self) -> list[str]:
        """The names listed, in order."""
        return [self.list.item(i).text() for i in range(self.list.count())]


class RulesPanel(PreviewPanel):
    """Postures and deal-breakers of ``holder``'s draft (see the module notes)."""

    def __init__(self, holder: DraftHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.current: tuple[RuleGroup, int] | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("ruleList")
        self.tree.setHeaderHidden(True)
        self.tree.currentItemChanged.connect(lambda item, _old: self._chosen(item))
        self.add_posture = QPushButton(self.tr("Add Posture"))
        self.add_breaker = QPushButton(self.tr("Add Deal-breaker"))
        self.duplicate_button = QPushButton(self.tr("Duplicate"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_posture.clicked.connect(lambda: self.add_rule("postures"))
        self.add_breaker.clicked.connect(lambda: self.add_rule("deal_breakers"))
        self.duplicate_button.clicked.connect(self.duplicate)
        self.remove_button.clicked.connect(self.remove)
        self.forms: dict[str, RuleForm] = {"postures": RuleForm(holder, kind=True),
                      "deal_breakers": RuleForm(holder)}
        for group, form in self.forms.items():
            form.edited.connect(lambda key, value, g=group: self._edited(g, key, value))
        self.empty = QLabel(self.tr("Choose a posture or a deal-breaker, or add one."))
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview = PreviewList(self.tr("Fires on now"))
        self._layout()
        holder.changed.connect(self.refresh)
        holder.rankingChanged.connect(self.preview_later)
        self.refresh()

    def _layout(self) -> None:
        left = QWidget()
        box = QVBoxLayout(left)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tree, 1)
        for pair in ((self.add_posture, self.add_breaker),
                     (self.duplicate_button, self.remove_button)):
            row = QHBoxLayout()
            for button in pair:
                row.addWidget(button)
            box.addLayout(row)
        middle = QWidget()
        mbox = QVBoxLayout(middle)
        mbox.setContentsMargins(0, 0, 0, 0)
        mbox.addWidget(self.empty)
        for form in self.forms.values():
            mbox.addWidget(form)
        mbox.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(middle)
        split = QSplitter(Qt.Orientation.Horizontal)
        for widget, stretch in ((left, 0), (scroll, 1), (self.preview, 0)):
            split.addWidget(widget)
            split.setStretchFactor(split.count() - 1, stretch)
        split.setSizes([230, 640, 260])
        split.setChildrenCollapsible(False)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(split)

    # -- the list --------------------------------------------------------------------------
    def _rules(self, group: str) -> list[Any]:
        found = self.holder.draft.get((group,), [])
        return found if isinstance(found, list) else []

    def path(self) -> Path | None:
        """The path of the rule shown, or None."""
        return None if self.current is None else (self.current[0], self.current[1])

    def select(self, group: RuleGroup, index: int) -> None:
        """Show rule ``index`` of ``group``."""
        self.current = (group, index)
        self.holder.end_typing()
        self.refresh()

    def go_to(self, path: Path) -> None:
        """Show the rule of ``path`` (a path into the draft) and put the focus in its
        field."""
        if len(path) < 2 or path[0] not in GROUPS or not isinstance(path[1], int):
            return
        group: RuleGroup = "postures" if path[0] == "postures" else "deal_breakers"
        if path[1] >= len(self._rules(group)):
            return
        self.select(group, path[1])
        self.forms[group].focus_path(path[2:])

    def _chosen(self, item: QTreeWidgetItem | None) -> None:
        where = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if where and tuple(where) != self.current:
            self.select(where[0], int(where[1]))

    def _fill_tree(self, problems: set[Path]) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        titles = {"postures": self.tr("Postures"), "deal_breakers": self.tr("Deal-breakers")}
        for group in GROUPS:
            top = QTreeWidgetItem([titles[group]])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for i, rule in enumerate(self._rules(group)):
                name = rule_name(rule, self.holder.lang, self.tr("(no name)"))
                bad = (group, i) in problems
                child = QTreeWidgetItem([("⚠ " if bad else "") + name])
                child.setData(0, Qt.ItemDataRole.UserRole, [group, i])
                if bad:
                    child.setToolTip(0, self.tr("This rule has a problem"))
                top.addChild(child)
                if self.current == (group, i):
                    self.tree.setCurrentItem(child)
            top.setExpanded(True)
        self.tree.blockSignals(False)

    # -- showing ---------------------------------------------------------------------------
    def refresh(self) -> None:
        """Show the draft as it is now: the list, the chosen rule's form and its problems,
        and a preview a moment later."""
        if self.current is not None:
            group, index = self.current
            rules = self._rules(group)
            self.current = (group, min(index, len(rules) - 1)) if rules else None
        problems = self.holder.draft.problems(self.holder.lang)
        self._fill_tree({p.path[:2] for p in problems if p.path[:1] in (("postures",),
                                                                        ("deal_breakers",))})
        self.empty.setVisible(self.current is None)
        for name, form in self.forms.items():
            form.setVisible(self.current is not None and self.current[0] == name)
        self.duplicate_button.setEnabled(self.current is not None)
        self.remove_button.setEnabled(self.current is not None)
        if self.current is not None:
            group, index = self.current
            form = self.forms[group]
            form.show_rule(self._rules(group)[index], self.tr("Posture") if group == "postures"
                           else self.tr("Deal-breaker"))
            form.set_problems(problems, (group, index))
        self.preview_later()

    def show_preview(self) -> None:
        if self.current is None:
            self.preview.show_names("", [])
            return
        if self.holder.portfolio is None:
            self.preview.show_names(self.tr("Open a portfolio to see the startups a rule "
                                            "fires on."), [])
            return
        fw = self.holder.draft.framework()
        if fw is None:
            n = len(self.holder.draft.problems(self.holder.lang))
            self.preview.show_names(self.tr(
                "The preview waits until the framework has no problems (%n left).", "", n), [])
            return
        group, index = self.current
        rule = (fw.postures if group == "postures" else fw.deal_breakers)[index]
        # read afresh each time: the portfolio may have been edited since the last preview
        firing = RulePreviewer(self.holder.portfolio, self.holder.perspective).rule(
            fw, rule, self.holder.lang)
        total = len(self.holder.portfolio.startups)
        self.preview.show_names(self.tr(
            "%Ln startup(s) of {total} ({view}).", "", len(firing.rows))
            .format(total=number(total), view=perspective_label(self.holder.perspective)),
            firing.startups)
        self.preview.conditions.setText(rule_conditions(rule, fw, self.holder.lang))

    def preview_names(self) -> list[str]:
        """The startups the preview lists (worked out now if a change is waiting)."""
        if self._stale:
            self.flush_preview()
        return self.preview.names()

    # -- editing ---------------------------------------------------------------------------
    def add_rule(self, group: RuleGroup) -> None:
        """Add a new posture or deal-breaker at the end of its list and show it."""
        index = len(self._rules(group))
        self.current = (group, index)
        self.holder.edit(with_rule(self.holder.draft, group, index), lambda: (
            translate("RulesPanel", "Add posture") if group == "postures"
            else translate("RulesPanel", "Add deal-breaker")))

    def duplicate(self) -> None:
        """Add a copy of the rule shown right after it, and show the copy."""
        if self.current is None:
            return
        group, index = self.current
        rule = self._rules(group)[index]
        self.current = (group, index + 1)
        self.holder.edit(with_rule_copy(self.holder.draft, group, index), lambda: translate(
            "RulesPanel", "Duplicate {name}").format(name=item_name(rule, "RulesPanel")))

    def remove(self) -> None:
        """Remove the rule shown."""
        if self.current is None:
            return
        group, index = self.current
        rule = self._rules(group)[index]
        self.holder.edit(self.holder.draft.with_removed((group, index)), lambda: translate(
            "RulesPanel", "Remove {name}").format(name=item_name(rule, "RulesPanel")))

    def _edited(self, group: RuleGroup, key: tuple[Any, ...], value: Any) -> None:
        if self.current is None or self.current[0] != group:
            return
        path = (*self.current, *key)
        draft = self.holder.draft
        if draft.get(path) == value:
            return
        rule = self._rules(group)[self.current[1]]
        self.holder.edit(draft.with_value(path, value), lambda: _step_name(rule, key))


def _step_name(rule: Any, key: tuple[Any, ...]) -> str:
    """What the edit of ``key`` of ``rule`` is called in the undo history, in the interface
    language."""
    what = {"id": translate("RulesPanel", "the id"),
            "name": translate("RulesPanel", "the name"),
            "description": translate("RulesPanel", "the explanation"),
            "kind": translate("RulesPanel", "the kind"),
            "match": translate("RulesPanel", "all or any"),
            "source": translate("RulesPanel", "the cited paragraphs"),
            "when": translate("RulesPanel", "the conditions")}.get(str(key[0]), str(key[0]))
    return translate("RulesPanel", "Edit {what} of {name}").format(
        what=what, name=item_name(rule, "RulesPanel"))
