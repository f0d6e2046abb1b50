"""Filtering startups by their details and their decision: one rule and one row of choices for
every list of startups in the window (the Compare view's tables, the Assess startup list).

:class:`StartupFilter` is the rule: a sector, a stage and a region (each compared ignoring case
and surrounding spaces; empty = any), tags (a startup passes when it has **every** chosen tag)
and a status (the current decision's: empty = any, :data:`NO_DECISION` = none taken yet).
:class:`StartupFilterBar` is the row of choices that makes one: a drop-down each for sector,
stage, region and status, offering the values the portfolio's startups have, and a Tags button
whose menu ticks tags on and off (it stays open while ticking).

:func:`text_matches` is what every list's filter box searches in a startup: its name and its
website, the website as the website rule reads what is typed
(:func:`models.core.website.found_in`: without ``https://`` and ``www.``, so "https" does not
find every startup; full-width letters, ideographic full stops and ``xn--`` names as the field
takes them).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QMenu, QPushButton, QWidget

from gui.i18n import language, list_separator
from models.core.decisions import STATUSES, status_name
from models.core.portfolio import Startup
from models.core.website import found_in

#: The status filter's value for startups without a decision.
NO_DECISION = "none"
#: The details a startup is filtered by, besides its tags and status.
DETAILS = ("sector", "stage", "region")


def _key(value: str) -> str:
    """How a detail or a tag is compared: ignoring case and surrounding spaces."""
    return value.strip().casefold()


@dataclass(frozen=True)
class StartupFilter:
    """Which startups to show (see the module docstring); the empty filter shows every one."""

    sector: str = ""
    stage: str = ""
    region: str = ""
    tags: frozenset[str] = field(default_factory=frozenset)
    status: str = ""

    def is_empty(self) -> bool:
        """True when the filter lets every startup through."""
        return not (self.sector or self.stage or self.region or self.tags or self.status)

    def matches(self, startup: Startup) -> bool:
        """Whether ``startup`` passes every choice made."""
        for name in DETAILS:
            want = getattr(self, name)
            if want and _key(getattr(startup, name)) != _key(want):
                return False
        if self.tags and not {_key(t) for t in self.tags} <= {_key(t) for t in startup.tags}:
            return False
        if self.status:
            now = startup.decision.status if startup.decision is not None else None
            return now == (None if self.status == NO_DECISION else self.status)
        return True

    def mask(self, startups: Sequence[Startup]) -> np.ndarray | None:
        """A boolean per startup, in order (``None`` when the filter is empty)."""
        if self.is_empty():
            return None
        return np.fromiter((self.matches(s) for s in startups), dtype=bool, count=len(startups))


def text_matches(startup: Startup, fragment: str) -> bool:
    """Whether ``fragment`` (already stripped and case-folded; ``""`` matches every startup)
    is in the startup's name or its website (see the module docstring)."""
    return fragment in startup.name.casefold() or found_in(fragment, startup.website)


def distinct(values: Iterable[str]) -> list[str]:
    """The different non-empty values, each once (first spelling kept), in alphabetical order
    ignoring case."""
    seen: dict[str, str] = {}
    for v in dict.fromkeys(values):  # each spelling once, in the order first met
        if v.strip():
            seen.setdefault(_key(v), v.strip())
    return sorted(seen.values(), key=_key)


class _TickMenu(QMenu):
    """A menu of checkable actions that stays open while they are ticked."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)


class StartupFilterBar(QWidget):
    """Drop-downs for sector, stage, region and status and a Tags button (see the module
    docstring); :meth:`set_startups` offers the values the startups have.

    Attributes:
        combos: the drop-downs by name (``sector``, ``stage``, ``region``, ``status``);
            tags_button: the Tags button, tags_menu its menu.

    Signals:
        changed(): the filter changed (by the user or through :meth:`set_filter`).
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = language()
        self._tags: set[str] = set()
        self.combos: dict[str, QComboBox] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for name in (*DETAILS, "status"):
            combo = QComboBox()
            combo.setObjectName(f"{name}Filter")
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            combo.setMaximumWidth(180)
            combo.currentIndexChanged.connect(self._combo_changed)
            self.combos[name] = combo
            layout.addWidget(combo)
        self.tags_menu = _TickMenu(self)
        self.tags_button = QPushButton()
        self.tags_button.setObjectName("tagsFilter")
        self.tags_button.setMenu(self.tags_menu)
        self.tags_button.setToolTip(self.tr("Show only startups with every tag ticked"))
        layout.insertWidget(len(DETAILS), self.tags_button)
        self._fill_status()
        self.set_startups([])

    def _fill_status(self) -> None:
        combo = self.combos["status"]
        combo.blockSignals(True)
        combo.addItem(self.tr("All statuses"), "")
        combo.addItem(self.tr("No decision yet"), NO_DECISION)
        for status in STATUSES:
            combo.addItem(status_name(status, self.lang), status)
        combo.blockSignals(False)

    def _everything(self, name: str) -> str:
        return {"sector": self.tr("All sectors"), "stage": self.tr("All stages"),
                "region": self.tr("All regions")}[name]

    # -- choices --------------------------------------------------------------------------
    def set_startups(self, startups: Sequence[Startup]) -> None:
        """Offer the sectors, stages, regions and tags of ``startups``, keeping the choices
        made while the startups still have them (else that choice goes back to any)."""
        before = self.current()
        for name in DETAILS:
            combo = self.combos[name]
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self._everything(name), "")
            for value in distinct(getattr(s, name) for s in startups):
                combo.addItem(value, value)
            combo.setCurrentIndex(max(0, self._find(combo, getattr(before, name))))
            combo.setEnabled(combo.count() > 1)
            combo.blockSignals(False)
        offered = distinct(t for s in startups for t in s.tags)
        keys = {_key(t): t for t in offered}
        self._tags = {keys[_key(t)] for t in self._tags if _key(t) in keys}
        self.tags_menu.clear()
        for tag in offered:
            action = QAction(tag.replace("&", "&&"), self.tags_menu)
            action.setData(tag)
            action.setCheckable(True)
            action.setChecked(tag in self._tags)
            action.toggled.connect(lambda on, t=tag: self._tag_toggled(t, on))
            self.tags_menu.addAction(action)
        self.tags_button.setEnabled(bool(offered))
        self._show_tags()
        if self.current() != before:
            self.changed.emit()

    @staticmethod
    def _find(combo: QComboBox, value: str) -> int:
        if not value:
            return 0
        return next((i for i in range(1, combo.count())
                     if _key(combo.itemData(i)) == _key(value)), -1)

    def _tag_toggled(self, tag: str, on: bool) -> None:
        if on:
            self._tags.add(tag)
        else:
            self._tags.discard(tag)
        self._show_tags()
        self.changed.emit()

    def _show_tags(self) -> None:
        chosen = sorted(self._tags, key=_key)
        self.tags_button.setText(self.tr("Tags") if not chosen else self.tr(
            "Tags: {tags}").format(tags=list_separator(self.lang).join(chosen)))

    def _combo_changed(self, _index: int) -> None:
        self.changed.emit()

    # -- the filter -----------------------------------------------------------------------
    def current(self) -> StartupFilter:
        """The filter the choices make."""
        values = {name: self.combos[name].currentData() or "" for name in (*DETAILS, "status")}
        return StartupFilter(tags=frozenset(self._tags), **values)

    def set_filter(self, chosen: StartupFilter) -> None:
        """Make these choices (a value the startups do not have is left at any); emits
        ``changed`` once."""
        for name in (*DETAILS, "status"):
            combo = self.combos[name]
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, self._find(combo, getattr(chosen, name))))
            combo.blockSignals(False)
        wanted = {_key(t) for t in chosen.tags}
        self._tags = set()
        for action in self.tags_menu.actions():
            action.blockSignals(True)
            action.setChecked(_key(action.data()) in wanted)
            action.blockSignals(False)
            if action.isChecked():
                self._tags.add(action.data())
        self._show_tags()
        self.changed.emit()

    def clear(self) -> None:
        """Let every startup through."""
        if not self.current().is_empty():
            self.set_filter(StartupFilter())
