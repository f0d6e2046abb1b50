"""The Assess view's criteria: every criterion of the framework, pillar by pillar, each in a
:class:`~gui.views.assess.criterion_editor.CriterionEditor`, in a scrolling column; the arrow
keys move from one criterion to the next, and *Next unscored* goes to the next criterion not
scored yet.

Progress counts the criteria of the pillars switched on (those the results are made of)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QApplication, QGroupBox, QScrollArea, QVBoxLayout, QWidget

from gui.views.assess.criterion_editor import CriterionEditor
from models.core.framework import Framework, text
from models.core.portfolio import Assessment


class CriteriaPanel(QScrollArea):
    """The criterion editors of a framework, grouped by pillar.

    Attributes:
        editors: the editor of each criterion, by criterion id, in the framework's order.

    Signals:
        levelRequested(str, int): the user chose a criterion's level (criterion id; 1–5, or
            0 to clear it).
        fieldEdited(str, str, str): the user changed a criterion's ``confidence``,
            ``rationale`` or ``evidence`` (criterion id, field, value).
    """

    levelRequested = Signal(str, int)
    fieldEdited = Signal(str, str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, CriterionEditor] = {}
        self._counted: list[str] = []
        self._last = ""
        self._host = QWidget()
        self._layout = QVBoxLayout(self._host)
        self._layout.setSpacing(8)
        self.setWidgetResizable(True)
        self.setWidget(self._host)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def build(self, framework: Framework, lang: str) -> None:
        """Show ``framework``'s criteria (replacing any shown), with nothing scored."""
        while self._layout.count():
            item = self._layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.editors = {}
        self._counted = [c.id for p in framework.pillars if p.enabled for c in p.criteria]
        self._last = ""
        for pillar in framework.pillars:
            box = QGroupBox(text(pillar.name, lang) +
                            ("" if pillar.enabled else "  " + self.tr("(switched off)")))
            box.setToolTip(text(pillar.description, lang))
            box.setObjectName(f"pillar_{pillar.id}")
            bl = QVBoxLayout(box)
            bl.setSpacing(6)
            for crit in pillar.criteria:
                editor = CriterionEditor(crit, framework, lang)
                editor.levelRequested.connect(lambda lvl, c=crit.id: self._level(c, lvl))
                editor.fieldEdited.connect(
                    lambda field, value, c=crit.id: self.fieldEdited.emit(c, field, value))
                editor.moveRequested.connect(lambda step, c=crit.id: self._move(c, step))
                self.editors[crit.id] = editor
                bl.addWidget(editor)
            self._layout.addWidget(box)
        self._layout.addStretch(1)

    def show_scores(self, assessment: Assessment | None) -> None:
        """Show ``assessment``'s scores (None: nothing scored)."""
        for cid, editor in self.editors.items():
            editor.show_score(assessment.scores.get(cid) if assessment else None)

    def focus_criterion(self, criterion_id: str) -> None:
        """Give keyboard focus to a criterion's editor, scrolled into view."""
        self._move(criterion_id, 0)

    def _level(self, criterion_id: str, level: int) -> None:
        self._last = criterion_id  # scored with a click: the next unscored is after it
        self.levelRequested.emit(criterion_id, level)

    def progress(self) -> tuple[int, int]:
        """How many criteria of the pillars switched on are scored, and how many there are."""
        scored = sum(self.editors[c].level() is not None for c in self._counted)
        return scored, len(self._counted)

    def current_criterion(self) -> str:
        """The criterion whose editor holds the keyboard focus, else the last one moved to
        ('' for none)."""
        focus = QApplication.focusWidget()
        for cid, editor in self.editors.items():
            if focus is not None and (focus is editor or editor.isAncestorOf(focus)):
                return cid
        return self._last if self._last in self.editors else ""

    def next_unscored(self) -> str:
        """The first criterion not scored after the current one (from the top again past the
        last), of the pillars switched on; '' when every one is scored."""
        ids = self._counted
        current = self.current_criterion()
        start = ids.index(current) + 1 if current in ids else 0
        return next((c for c in ids[start:] + ids[:start] if self.editors[c].level() is None),
                    "")

    def focus_next_unscored(self) -> str:
        """Move to :meth:`next_unscored` (its editor focused and scrolled into view); returns
        its id ('' when every criterion is scored)."""
        cid = self.next_unscored()
        if cid:
            self.focus_criterion(cid)
        return cid

    def _move(self, criterion_id: str, step: int) -> None:
        ids = list(self.editors)
        i = ids.index(criterion_id) + step
        if 0 <= i < len(ids):
            editor = self.editors[ids[i]]
            self._last = ids[i]
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(editor, 0, 40)
