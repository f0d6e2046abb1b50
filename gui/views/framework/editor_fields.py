"""The fields of the framework editor's form, each bound to a place in the draft (its
``key``, a path inside the pillar or criterion shown) and each able to show a problem in place:
the field outlined in red and the message beside it.

:class:`TextPair` edits a text in English and Simplified Chinese side by side, with a marker
(and its tooltip) while the Chinese text is missing. :class:`ChoiceField`,
:class:`NumberField`, :class:`CheckField` and :class:`ParagraphsField` edit a direction, a
weight, a switch and the cited paragraphs. Each says what the user changed with ``edited``
(the path inside its key — ``("en",)`` for a text pair's English — and the new value).

The editors' own undo is off: Ctrl+Z in a field takes back a step of the draft's history
(:class:`UndoKeys`), so a field never holds an undo history the draft does not.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from gui.views.assess.text_box import TextBox
from gui.widgets.palette import PROBLEM_OUTLINE, WARNING_FG
from models.core.framework import MAX_WEIGHT, MIN_WEIGHT

Key = tuple[str | int, ...]


def problem_label(name: str = "problemMessage") -> QLabel:
    """A hidden, wrapping line in the warning colour for a problem of the draft, named
    ``name`` (what tests and style sheets find it by)."""
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(f"color: {WARNING_FG.name()};")
    label.setWordWrap(True)
    label.hide()
    return label


class UndoKeys(QObject):
    """Sends Undo and Redo pressed in a text field to ``stack`` (see the module notes)."""

    def __init__(self, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.stack = stack

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and \
                isinstance(event, QKeyEvent):
            undo = event.matches(QKeySequence.StandardKey.Undo)
            redo = event.matches(QKeySequence.StandardKey.Redo)
            if undo or redo:
                event.accept()
                if event.type() == QEvent.Type.KeyPress:
                    (self.stack.undo if undo else self.stack.redo)()
                return True
        return False


class Field(QWidget):
    """A field bound to ``key``; shows a problem in place (:meth:`set_problem`)."""

    edited = Signal(object, object)
    #: the field lost the focus: the next typing is a new undo step
    left = Signal()

    def __init__(self, key: Key, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.message = problem_label()

    def editors(self) -> list[QWidget]:
        """The widgets that take input (outlined when there is a problem)."""
        raise NotImplementedError

    def show_value(self, value: Any) -> None:
        """Show ``value`` (the draft's value at ``key``) without saying it was edited."""
        raise NotImplementedError

    def set_problem(self, message: str, where: Key = ()) -> None:
        """Outline the field (the editor of ``where``, e.g. ``("zh_CN",)``, if it has one
        per language) and show ``message`` beside it; ``""`` clears."""
        for editor in self.editors():
            bad = bool(message) and self._is(editor, where)
            editor.setStyleSheet(PROBLEM_OUTLINE if bad else "")
            editor.setProperty("problem", bad)
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def _is(self, editor: QWidget, where: Key) -> bool:
        return True

    def focus(self, where: Key = ()) -> None:
        """Put the keyboard focus in the field (in the editor of ``where``)."""
        for editor in self.editors():
            if self._is(editor, where):
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return


class _PlainText(TextBox):
    """A text that grows with its text, from 2 to ``lines`` lines (then it scrolls), as high
    as the other box of its :attr:`pair`, and says when it loses the focus."""

    focus_left = Signal()

    def __init__(self, lines: int) -> None:
        self.pair: tuple[_PlainText, ...] = (self,)
        super().__init__((2, lines))

    def fit_height(self, *_args: object) -> None:
        """Fit both boxes of the pair to the taller text (a row of the form stays even)."""
        for box in self.pair:
            TextBox.fit_height(box)
        height = max(box.height() for box in self.pair)
        for box in self.pair:
            if box.height() != height:
                box.setFixedHeight(height)

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class _Line(QLineEdit):
    focus_left = Signal()

    def focusOutEvent(self, event: Any) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()


class TextPair(Field):
    """A text in English and Chinese side by side (``lines`` > 1: a box of that many lines),
    with the missing-translation marker."""

    def __init__(self, key: Key, lines: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.en: _PlainText | _Line = _PlainText(lines) if lines > 1 else _Line()
        self.zh: _PlainText | _Line = _PlainText(lines) if lines > 1 else _Line()
        if isinstance(self.en, _PlainText) and isinstance(self.zh, _PlainText):
            self.en.pair = self.zh.pair = (self.en, self.zh)
        self.en.setObjectName("textEn")
        self.zh.setObjectName("textZh")
        self.marker = QLabel("⚠")
        self.marker.setObjectName("missingChinese")
        self.marker.setStyleSheet("color: #b5730f; font-weight: 600;")
        self.marker.setToolTip(self.tr("The Simplified Chinese text is missing"))
        self.marker.setFixedWidth(self.marker.fontMetrics().horizontalAdvance("⚠⚠"))
        self.marker.setAlignment(Qt.AlignmentFlag.AlignCenter)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.en, 1)
        row.addWidget(self.zh, 1)
        row.addWidget(self.marker, 0, Qt.AlignmentFlag.AlignTop)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.message)
        for lang, editor in (("en", self.en), ("zh_CN", self.zh)):
            signal = editor.textChanged
            signal.connect(lambda *_a, lang=lang, editor=editor: self._typed(lang, editor))
            editor.focus_left.connect(self.left)

    @staticmethod
    def _text(editor: QWidget) -> str:
        return editor.toPlainText() if isinstance(editor, QPlainTextEdit) else \
            editor.text()  # type: ignore[attr-defined]

    def _typed(self, lang: str, editor: QWidget) -> None:
        self._mark()
        self.edited.emit((lang,), self._text(editor))

    def _mark(self) -> None:
        missing = bool(self._text(self.en).strip()) and not self._text(self.zh).strip()
        self.marker.setText("⚠" if missing else "")
        self.marker.setToolTip(self.tr("The Simplified Chinese text is missing")
                               if missing else "")

    def editors(self) -> list[QWidget]:
        return [self.en, self.zh]

    def _is(self, editor: QWidget, where: Key) -> bool:
        if not where:
            return True
        return editor is (self.zh if where[0] == "zh_CN" else self.en)

    def show_value(self, value: Any) -> None:
        value = value if isinstance(value, dict) else {}
        for lang, editor in (("en", self.en), ("zh_CN", self.zh)):
            text = str(value.get(lang, ""))
            if self._text(editor) != text:
                editor.blockSignals(True)
                if isinstance(editor, QPlainTextEdit):
                    editor.setPlainText(text)
                else:
                    editor.setText(text)
                editor.blockSignals(False)
        self._mark()

    def missing_chinese(self) -> bool:
        """True while the marker shows (an English text without its Chinese)."""
        return bool(self.marker.text())


class ChoiceField(Field):
    """One of a few values (``choices``: value → what the user reads)."""

    def __init__(self, key: Key, choices: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.combo = QComboBox()
        for value, label in choices.items():
            self.combo.addItem(label, value)
        self.combo.activated.connect(
            lambda i: self.edited.emit((), self.combo.itemData(i)))
        _row(self, self.combo)

    def editors(self) -> list[QWidget]:
        return [self.combo]

    def show_value(self, value: Any) -> None:
        self.combo.setCurrentIndex(max(0, self.combo.findData(value)))


class NumberField(Field):
    """A weight, :data:`MIN_WEIGHT` to :data:`MAX_WEIGHT`."""

    def __init__(self, key: Key, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.spin = QDoubleSpinBox()
        self.spin.setDecimals(4)
        self.spin.setRange(MIN_WEIGHT, MAX_WEIGHT)
        self.spin.setSingleStep(0.5)
        self.spin.setKeyboardTracking(False)
        self.spin.valueChanged.connect(lambda v: self.edited.emit((), float(v)))
        _row(self, self.spin)

    def editors(self) -> list[QWidget]:
        return [self.spin]

    def show_value(self, value: Any) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(float(value) if isinstance(value, (int, float)) else 1.0)
        self.spin.blockSignals(False)


class CheckField(Field):
    """A switch (``text`` beside it)."""

    def __init__(self, key: Key, text: str, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.check = QCheckBox(text)
        self.check.clicked.connect(lambda on: self.edited.emit((), bool(on)))
        _row(self, self.check)

    def editors(self) -> list[QWidget]:
        return [self.check]

    def show_value(self, value: Any) -> None:
        self.check.setChecked(value is not False)


class ParagraphsField(Field):
    """The article's paragraphs cited, ¶1–¶6, one box each."""

    def __init__(self, key: Key, parent: QWidget | None = None) -> None:
        super().__init__(key, parent)
        self.boxes = [QCheckBox(f"¶{n}") for n in range(1, 7)]
        for box in self.boxes:
            box.clicked.connect(lambda _on: self.edited.emit((), self.paragraphs()))
        _row(self, *self.boxes)

    def paragraphs(self) -> list[int]:
        """The paragraphs ticked, in order."""
        return [n for n, box in enumerate(self.boxes, 1) if box.isChecked()]

    def editors(self) -> list[QWidget]:
        return list(self.boxes)

    def show_value(self, value: Any) -> None:
        cited = set(value) if isinstance(value, list) else set()
        for n, box in enumerate(self.boxes, 1):
            box.setChecked(n in cited)


def _row(field: Field, *widgets: QWidget) -> None:
    """Lay ``widgets`` out in a row, with the field's message below."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    box = QVBoxLayout(field)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    box.addLayout(row)
    box.addWidget(field.message)
