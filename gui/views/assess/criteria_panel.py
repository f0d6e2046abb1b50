"""The Assess view's criteria: every criterion of the framework, pillar by pillar, each in a
:class:`~gui.views.assess.criterion_editor.CriterionEditor`, in a scrolling column; the arrow
keys move from one criterion to the next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGroupBox, QScrollArea, QVBoxLayout, QWidget

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
        for pillar in framework.pillars:
            box = QGroupBox(text(pillar.name, lang) +
                            ("" if pillar.enabled else "  " + self.tr("(switched off)")))
            box.setToolTip(text(pillar.description, lang))
            box.setObjectName(f"pillar_{pillar.id}")
            bl = QVBoxLayout(box)
            bl.setSpacing(6)
            for crit in pillar.criteria:
                editor = CriterionEditor(crit, framework, lang)
                editor.levelRequested.connect(
                    lambda lvl, c=crit.id: self.levelRequested.emit(c, lvl))
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

    def _move(self, criterion_id: str, step: int) -> None:
        ids = list(self.editors)
        i = ids.index(criterion_id) + step
        if 0 <= i < len(ids):
            editor = self.editors[ids[i]]
            editor.setFocus(Qt.FocusReason.OtherFocusReason)
            self.ensureWidgetVisible(editor, 0, 40)
