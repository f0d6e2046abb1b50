"""One criterion in the Assess view: its question, five level buttons with the rubric text of the
hovered or chosen level, confidence, the rationale and the evidence (labelled boxes that grow
with their text; the evidence's links open in the browser) and the source paragraphs.

The editor never changes the document itself: it emits requests that the Assess view turns into
undo commands, and shows whatever :meth:`CriterionEditor.show_score` gives it.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui.views.assess.text_box import TextBox, links, links_html
from models.core.framework import Criterion, Framework, text
from models.core.portfolio import CONFIDENCES, Score

LEVEL_KEYS = {Qt.Key.Key_1: 1, Qt.Key.Key_2: 2, Qt.Key.Key_3: 3, Qt.Key.Key_4: 4,
              Qt.Key.Key_5: 5}
CLEAR_KEYS = {Qt.Key.Key_0, Qt.Key.Key_Delete, Qt.Key.Key_Backspace}
#: Lines the rationale and evidence boxes show before they scroll (they grow from one).
TEXT_LINES = (1, 6)


def open_link(url: str) -> None:
    """Open a link of a criterion's evidence in the browser."""
    QDesktopServices.openUrl(QUrl(url))


class CriterionEditor(QFrame):
    """Editor for one criterion's score.

    Signals:
        levelRequested(int): the user chose a level 1–5, or 0 to clear it.
        fieldEdited(str, str): the user changed ``confidence``, ``rationale`` or ``evidence``.
        moveRequested(int): the user pressed an arrow key: -1 previous criterion, +1 next.
    """

    levelRequested = Signal(int)
    fieldEdited = Signal(str, str)
    moveRequested = Signal(int)

    def __init__(self, criterion: Criterion, framework: Framework, lang: str = "en",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        self.lang = lang
        self._level: int | None = None
        self._hovered: int | None = None
        self._shown: tuple | None = None
        self.setObjectName("criterionEditor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Maximum)
        self._build_labels(framework)
        levels = self._build_levels()
        texts = self._build_texts()
        self._lay_out(levels, texts)
        self.show_score(None)

    def _build_labels(self, framework: Framework) -> None:
        """The criterion's name (its direction on hover), source paragraphs, status and
        question."""
        criterion, lang = self.criterion, self.lang
        self.name_label = QLabel(f"<b>{text(criterion.name, lang)}</b>")
        direction = (self.tr("benefit: a higher level is better for the startup")
                     if criterion.direction == "benefit"
                     else self.tr("cost: a higher level means more pressure on the startup"))
        self.name_label.setToolTip(direction)
        paragraphs = ", ".join(f"¶{p}" for p in criterion.source)
        self.source_label = QLabel(paragraphs)
        self.source_label.setObjectName("sourceLabel")
        self.source_label.setToolTip("\n\n".join(
            f"¶{p}: {text(framework.paragraphs[str(p)], lang)}"
            for p in criterion.source if str(p) in framework.paragraphs))
        self.status_label = QLabel()
        self.status_label.setObjectName("statusLabel")
        self.question_label = QLabel(text(criterion.question, lang))
        self.question_label.setWordWrap(True)
        self.question_label.setObjectName("questionLabel")

    def _build_levels(self) -> QHBoxLayout:
        """The five level buttons, Clear and the confidence."""
        self.buttons = QButtonGroup(self)
        self.buttons.setExclusive(False)
        levels = QHBoxLayout()
        levels.setSpacing(4)
        for lvl in range(1, 6):
            b = QToolButton()
            b.setText(str(lvl))
            b.setCheckable(True)
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setMinimumWidth(34)
            b.setToolTip(text(self.criterion.rubric[lvl - 1], self.lang))
            b.installEventFilter(self)
            self.buttons.addButton(b, lvl)
            levels.addWidget(b)
        self.buttons.idClicked.connect(self._clicked)
        self.clear_button = QToolButton()
        self.clear_button.setText(self.tr("Clear"))
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setToolTip(self.tr("Mark as not scored (key 0 or Delete)"))
        self.clear_button.clicked.connect(lambda: self.levelRequested.emit(0))
        levels.addWidget(self.clear_button)
        levels.addSpacing(12)
        levels.addWidget(QLabel(self.tr("Confidence")))
        self.confidence = QComboBox()
        for c in CONFIDENCES:
            self.confidence.addItem(self._confidence_label(c), c)
        self.confidence.activated.connect(
            lambda i: self.fieldEdited.emit("confidence", self.confidence.itemData(i)))
        self.confidence.installEventFilter(self)
        levels.addWidget(self.confidence)
        levels.addStretch(1)
        return levels

    def _build_texts(self) -> QGridLayout:
        """The rubric text of the hovered or chosen level; the rationale and the evidence,
        labelled, each a box that grows with its text; the evidence's links, which open in
        the browser."""
        self.rubric_label = QLabel()
        self.rubric_label.setWordWrap(True)
        self.rubric_label.setObjectName("rubricLabel")
        self.rubric_label.setTextFormat(Qt.TextFormat.RichText)
        self.rationale = TextBox(TEXT_LINES)
        self.rationale.setPlaceholderText(self.tr("Why this level?"))
        self.rationale.textEdited.connect(lambda t: self.fieldEdited.emit("rationale", t))
        self.evidence = TextBox(TEXT_LINES)
        self.evidence.setPlaceholderText(self.tr("Document, data or link"))
        self.evidence.textEdited.connect(lambda t: self.fieldEdited.emit("evidence", t))
        self.evidence.textChanged.connect(self._show_links)
        self.links_label = QLabel()
        self.links_label.setObjectName("evidenceLinks")
        self.links_label.setTextFormat(Qt.TextFormat.RichText)
        self.links_label.setWordWrap(True)
        self.links_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.links_label.setToolTip(self.tr("Open in the browser"))
        self.links_label.linkActivated.connect(open_link)
        self.links_label.setVisible(False)
        texts = QGridLayout()
        texts.setVerticalSpacing(3)
        for row, (label, box) in enumerate(((self.tr("Rationale"), self.rationale),
                                            (self.tr("Evidence"), self.evidence))):
            caption = QLabel(label)
            caption.setBuddy(box)
            caption.setObjectName("fieldCaption")
            texts.addWidget(caption, row, 0, Qt.AlignmentFlag.AlignTop)
            texts.addWidget(box, row, 1)
            box.installEventFilter(self)
        texts.addWidget(self.links_label, 2, 1)
        texts.setColumnStretch(1, 1)
        return texts

    def _show_links(self) -> None:
        found = links(self.evidence.text())
        self.links_label.setText(links_html(found))
        self.links_label.setVisible(bool(found))

    def evidence_links(self) -> list[str]:
        """The web addresses in the evidence shown, as its links open them."""
        return links(self.evidence.text())

    def _lay_out(self, levels: QHBoxLayout, texts: QGridLayout) -> None:
        head = QHBoxLayout()
        head.addWidget(self.name_label, 1)
        head.addWidget(self.status_label)
        head.addWidget(self.source_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addLayout(head)
        layout.addWidget(self.question_label)
        layout.addLayout(levels)
        layout.addWidget(self.rubric_label)
        layout.addLayout(texts)

    def _confidence_label(self, c: str) -> str:
        return {"low": self.tr("low"), "medium": self.tr("medium"), "high": self.tr("high")}[c]

    # -- display --------------------------------------------------------------------------
    def show_score(self, score: Score | None) -> None:
        """Show ``score`` (None = nothing recorded) without emitting any request.

        Only what differs from the score already shown is touched, so refreshing all editors
        after one edit costs almost nothing.
        """
        score = score or Score()
        shown = (score.value, score.confidence, score.rationale, score.evidence)
        if shown == self._shown:
            return
        self._shown = shown
        self._level = score.value
        for lvl in range(1, 6):
            self.buttons.button(lvl).setChecked(lvl == score.value)
        i = self.confidence.findData(score.confidence)
        self.confidence.setCurrentIndex(max(0, i))
        for edit, value in ((self.rationale, score.rationale), (self.evidence, score.evidence)):
            if edit.text() != value:
                edit.setText(value)
        scored = score.value is not None
        if self.property("scored") != scored:
            self.status_label.setText("" if scored else self.tr("not scored"))
            self.setProperty("scored", scored)
            self.style().unpolish(self)
            self.style().polish(self)
        self._update_rubric()

    def level(self) -> int | None:
        """The level shown (None = not scored)."""
        return self._level

    def rubric_text(self) -> str:
        """The rubric text currently displayed (hovered level first, else the chosen one)."""
        return self.rubric_label.text()

    def _update_rubric(self) -> None:
        lvl = self._hovered or self._level
        if lvl is None:
            shown = "<i>" + self.tr("Hover over or choose a level to read what it means.") + "</i>"
        else:
            prefix = self.tr("Level {n}").format(n=lvl)
            chosen = "" if self._hovered and self._hovered != self._level else " ✓"
            rubric = html.escape(text(self.criterion.rubric[lvl - 1], self.lang))
            shown = f"<b>{prefix}{chosen}</b>: {rubric}"
        if shown != self.rubric_label.text():
            self.rubric_label.setText(shown)

    def hover_level(self, level: int | None) -> None:
        """Show the rubric of ``level`` as if hovered (None = back to the chosen level)."""
        self._hovered = level
        self._update_rubric()

    # -- input ----------------------------------------------------------------------------
    def _clicked(self, level: int) -> None:
        # a click on the chosen level clears it; any other click chooses that level
        self.levelRequested.emit(0 if level == self._level else level)
        self.buttons.button(level).setChecked(level == self._level)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if isinstance(obj, QToolButton) and obj in self.buttons.buttons():
            if event.type() == QEvent.Type.Enter:
                self.hover_level(self.buttons.id(obj))
            elif event.type() == QEvent.Type.Leave:
                self.hover_level(None)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down) and \
                not isinstance(obj, QComboBox) and (
                    not isinstance(obj, TextBox)
                    or obj.on_edge_line(down=event.key() == Qt.Key.Key_Down)):
            # an arrow key in a text moves its cursor, and past its first or last line leaves
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(obj, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in LEVEL_KEYS:
            self.levelRequested.emit(LEVEL_KEYS[Qt.Key(key)])
        elif key in CLEAR_KEYS:
            self.levelRequested.emit(0)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Left):
            self.moveRequested.emit(-1)
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_Right):
            self.moveRequested.emit(1)
        else:
            super().keyPressEvent(event)
