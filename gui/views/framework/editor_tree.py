"""The framework editor's outline: the draft's pillars and their criteria, with Add Pillar,
Add Criterion, Remove, Move Up and Move Down, and renaming in place (the name in the interface
language). New ids come from the English name (:mod:`models.core.framework_authoring`). An
item with a problem is shown in red, its problems in its tooltip. Every change is one step of
the draft's history.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.dialogs import ask
from gui.views.framework.draft_holder import DraftHolder, item_name
from gui.widgets.palette import WARNING_FG
from models.core.framework import text
from models.core.framework_authoring import with_criterion, with_pillar
from models.core.framework_draft import Path

_PATH = Qt.ItemDataRole.UserRole

translate = QCoreApplication.translate


class StructureTree(QWidget):
    """The outline of pillars and criteria (see the module notes); ``chosen`` says which
    item (its path) is selected."""

    chosen = Signal(object)

    def __init__(self, holder: DraftHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.holder = holder
        self.tree = QTreeWidget()
        self.tree.setObjectName("frameworkTree")
        self.tree.setHeaderHidden(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked |
                                  QAbstractItemView.EditTrigger.EditKeyPressed)
        self.add_pillar_button = QPushButton(self.tr("Add Pillar…"))
        self.add_criterion_button = QPushButton(self.tr("Add Criterion…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.up_button = QPushButton(self.tr("Move Up"))
        self.down_button = QPushButton(self.tr("Move Down"))
        buttons = QGridLayout()
        buttons.addWidget(self.add_pillar_button, 0, 0)
        buttons.addWidget(self.add_criterion_button, 0, 1)
        buttons.addWidget(self.remove_button, 1, 0, 1, 2)
        buttons.addWidget(self.up_button, 2, 0)
        buttons.addWidget(self.down_button, 2, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.tree, 1)
        box.addLayout(buttons)
        self.add_pillar_button.clicked.connect(lambda _c=False: self.add_pillar())
        self.add_criterion_button.clicked.connect(lambda _c=False: self.add_criterion())
        self.remove_button.clicked.connect(lambda _c=False: self.remove_current())
        self.up_button.clicked.connect(lambda _c=False: self.move_current(-1))
        self.down_button.clicked.connect(lambda _c=False: self.move_current(1))
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemChanged.connect(self._renamed)
        self._filling = False
        self._current: Path = ()
        self._announce = True  # the first choice is told even if it is the same path
        holder.changed.connect(self.refresh)
        self.refresh()

    # -- showing ------------------------------------------------------------------------------
    def _name(self, item: dict[str, Any]) -> str:
        name = item.get("name")
        if isinstance(name, dict) and str(name.get("en", "")).strip():
            return text(name, self.holder.lang)
        return self.tr("(no name)")

    def refresh(self) -> None:
        """Show the draft's pillars and criteria, with the item chosen before still chosen
        (or the nearest one left)."""
        draft = self.holder.draft
        problems = draft.problems(self.holder.lang)
        self._filling = True
        self.tree.clear()
        for i, pillar in enumerate(draft.get(("pillars",), [])):
            top = self._item((("pillars", i)), pillar, problems)
            self.tree.addTopLevelItem(top)
            for j, crit in enumerate(pillar.get("criteria", [])):
                top.addChild(self._item(("pillars", i, "criteria", j), crit, problems))
            top.setExpanded(True)
        self._filling = False
        self.select(self._nearest(self._current))

    def _item(self, path: Path, data: dict[str, Any], problems: list[Any]) -> QTreeWidgetItem:
        item = QTreeWidgetItem([self._name(data)])
        item.setData(0, _PATH, path)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
        mine = [p.message for p in problems if p.path[:len(path)] == path and
                not (len(path) == 2 and len(p.path) > 3 and p.path[2] == "criteria")]
        if mine:
            item.setForeground(0, QBrush(WARNING_FG))
            item.setToolTip(0, "\n".join(mine))
        else:
            item.setToolTip(0, str(data.get("id", "")))
        if len(path) == 2:
            font = item.font(0)
            font.setBold(True)
            item.setFont(0, font)
        return item

    def _nearest(self, path: Path) -> Path:
        draft = self.holder.draft
        pillars = draft.get(("pillars",), [])
        if not path or not pillars:
            return ("pillars", 0) if pillars else ()
        i = min(int(path[1]), len(pillars) - 1)
        if len(path) == 2:
            return ("pillars", i)
        criteria = pillars[i].get("criteria", [])
        if not criteria:
            return ("pillars", i)
        return ("pillars", i, "criteria", min(int(path[3]), len(criteria) - 1))

    def item_at(self, path: Path) -> QTreeWidgetItem | None:
        """The tree's item of ``path`` (None if there is none)."""
        if len(path) < 2:
            return None
        top = self.tree.topLevelItem(int(path[1]))
        if top is None or len(path) == 2:
            return top
        return top.child(int(path[3])) if len(path) >= 4 else None

    def select(self, path: Path) -> None:
        """Choose the pillar or criterion at ``path`` (the item that contains a longer
        path)."""
        item = self.item_at(path[:4] if len(path) >= 4 and path[2] == "criteria" else path[:2])
        before = self._current
        self._filling = True
        if item is not None:
            self.tree.setCurrentItem(item)
            self.tree.scrollToItem(item)
        self._filling = False
        self._current = item.data(0, _PATH) if item is not None else ()
        if self._current != before or self._announce:
            self._announce = False
            self.chosen.emit(self._current)

    def current_path(self) -> Path:
        """The path of the chosen item (``()`` for none)."""
        return self._current

    def _current_changed(self, current: QTreeWidgetItem | None, _previous: Any) -> None:
        if self._filling or current is None:
            return
        path = current.data(0, _PATH)
        if path != self._current:
            self._current = path
            self.chosen.emit(path)

    # -- editing ------------------------------------------------------------------------------
    def _renamed(self, item: QTreeWidgetItem, _column: int) -> None:
        if self._filling:
            return
        path: Path = item.data(0, _PATH)
        draft = self.holder.draft
        old = draft.get(path, {})
        new = item.text(0).strip()
        lang = "zh_CN" if self.holder.lang == "zh_CN" else "en"
        if not new or new == self._name(old):
            self.refresh()
            return
        self.holder.end_typing()
        self.holder.edit(draft.with_value((*path, "name", lang), new), lambda: translate(
            "StructureTree", "Rename {old} to {new}").format(old=_named(old), new=new))

    def _go_to(self, path: Path) -> None:
        """Choose ``path`` once the draft has changed (told even if the path is the same)."""
        self._current = path
        self._announce = True

    def add_pillar(self, name: str | None = None) -> bool:
        """Add a pillar named ``name`` in English (asked when None) after the chosen one's;
        True when added."""
        if name is None:
            name = ask.text(self, self.tr("Add Pillar"), self.tr("Name of the new pillar, in "
                                                                 "English:"))
        if not name or not name.strip():
            return False
        pillars = self.holder.draft.get(("pillars",), [])
        index = int(self._current[1]) + 1 if self._current else len(pillars)
        self._go_to(("pillars", index))
        named = name.strip()
        self.holder.edit(with_pillar(self.holder.draft, index, named,
                                     used=self.holder.ids_in_use()),
                         lambda: translate("StructureTree", "Add the pillar {name}").format(
                             name=named))
        return True

    def add_criterion(self, name: str | None = None) -> bool:
        """Add a criterion named ``name`` in English (asked when None) to the chosen pillar,
        after the chosen criterion; True when added."""
        if not self._current:
            return False
        if name is None:
            name = ask.text(self, self.tr("Add Criterion"), self.tr(
                "Name of the new criterion, in English:"))
        if not name or not name.strip():
            return False
        pillar = int(self._current[1])
        count = len(self.holder.draft.get(("pillars", pillar, "criteria"), []))
        index = int(self._current[3]) + 1 if len(self._current) == 4 else count
        self._go_to(("pillars", pillar, "criteria", index))
        named = name.strip()
        self.holder.edit(with_criterion(self.holder.draft, pillar, index, named,
                                        used=self.holder.ids_in_use()),
                         lambda: translate("StructureTree", "Add the criterion {name}").format(
                             name=named))
        return True

    def remove_current(self) -> bool:
        """Remove the chosen pillar (with its criteria) or criterion; True when removed."""
        path = self._current
        if not path:
            return False
        item = self.holder.draft.get(path, {})
        self._go_to(path)
        self.holder.edit(self.holder.draft.with_removed(path), lambda: translate(
            "StructureTree", "Remove {name}").format(name=_named(item)))
        return True

    def move_current(self, delta: int) -> bool:
        """Move the chosen item ``delta`` places (-1 up, 1 down) in its list; True if moved."""
        path = self._current
        if not path:
            return False
        siblings = self.holder.draft.get(path[:-1], [])
        src = int(path[-1])
        dst = src + delta
        if not 0 <= dst < len(siblings):
            return False
        item = siblings[src]
        self._go_to((*path[:-1], dst))
        self.holder.edit(self.holder.draft.with_moved(path[:-1], src, dst), lambda: (
            translate("StructureTree", "Move {name} up") if delta < 0
            else translate("StructureTree", "Move {name} down")).format(name=_named(item)))
        return True


def _named(item: Any) -> str:
    """A pillar's or criterion's name in an undo step, in the interface language."""
    return item_name(item, "StructureTree")
