"""The head of the Assess view's middle column: the chosen startup's name and details
(:mod:`~gui.views.assess.startup_details`), which of its assessments is shown (with New, Copy
and Delete), that assessment's assessor, role and date, and how far its scoring has come
("12 of 18 scored", *Next unscored* and the keys that score). It never changes the document
itself: it asks the view, which pushes undo commands."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gui.views.assess.decision_texts import breakable
from gui.views.assess.startup_details import StartupDetails
from models.core.portfolio import ROLES, Assessment, Startup


class AssessmentHeader(QWidget):
    """A startup's name and details and the assessment on screen, with its assessor, role,
    date and scoring progress.

    Attributes:
        details: the startup's details; next_button: *Next unscored* (the view acts on it).

    Signals:
        assessmentChosen(str): the user chose another assessment (its id).
        fieldEdited(str, object): the user changed the assessment's ``assessor``, ``role``
            or ``date`` (a :class:`datetime.date`).
    """

    assessmentChosen = Signal(str)
    fieldEdited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title_label = QLabel()
        self.title_label.setObjectName("startupTitle")
        # long names wrap instead of widening the middle column and squeezing the results
        self.title_label.setWordWrap(True)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.details = StartupDetails()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.details)
        layout.addLayout(self._build_choice())
        layout.addLayout(self._build_fields())
        layout.addLayout(self._build_progress())
        self.assessment_combo.activated.connect(
            lambda i: self.assessmentChosen.emit(self.assessment_combo.itemData(i)))
        self.assessor_edit.editingFinished.connect(
            lambda: self.fieldEdited.emit("assessor", self.assessor_edit.text()))
        self.role_combo.activated.connect(
            lambda i: self.fieldEdited.emit("role", self.role_combo.itemData(i)))
        self.date_edit.dateChanged.connect(
            lambda d: self.fieldEdited.emit("date", dt.date(d.year(), d.month(), d.day())))

    def _build_choice(self) -> QHBoxLayout:
        """Which assessment is shown, and New, Copy and Delete."""
        self.assessment_combo = QComboBox()
        self.assessment_combo.setMinimumContentsLength(10)
        self.assessment_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.new_assessment_button = QPushButton(self.tr("New assessment"))
        self.copy_assessment_button = QPushButton(self.tr("Copy"))
        self.copy_assessment_button.setToolTip(
            self.tr("Start a new assessment from a copy of this one"))
        self.delete_assessment_button = QPushButton(self.tr("Delete"))
        self.delete_assessment_button.setToolTip(self.tr("Delete this assessment"))
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Assessment")))
        row.addWidget(self.assessment_combo, 1)
        row.addWidget(self.new_assessment_button)
        row.addWidget(self.copy_assessment_button)
        row.addWidget(self.delete_assessment_button)
        return row

    def _build_fields(self) -> QFormLayout:
        """The assessment's assessor, role and date."""
        self.assessor_edit = QLineEdit()
        self.assessor_edit.setPlaceholderText(self.tr("Assessor name"))
        self.role_combo = QComboBox()
        for role in ROLES:
            self.role_combo.addItem(self.role_label(role), role)
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setSpecialValueText(" ")  # the date of no assessment
        meta = QFormLayout()
        meta.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        who = QHBoxLayout()
        who.addWidget(self.assessor_edit, 2)
        who.addWidget(QLabel(self.tr("Role")))
        who.addWidget(self.role_combo)
        who.addWidget(QLabel(self.tr("Date")))
        who.addWidget(self.date_edit)
        meta.addRow(self.tr("Assessor"), who)
        return meta

    def _build_progress(self) -> QHBoxLayout:
        """How many criteria are scored, the keys that score, and Next unscored."""
        self.progress_label = QLabel()
        self.progress_label.setObjectName("scoringProgress")
        self.keys_label = QLabel(self.tr("Keys: 1–5 score · 0 clears · ↑ ↓ move"))
        self.keys_label.setObjectName("keysHint")
        self.keys_label.setToolTip(self.tr(
            "With a criterion chosen (click it, or move with the arrow keys), keys 1 to 5 "
            "score it, 0 or Delete clears it, and the up and down arrows move to the previous "
            "or next criterion"))
        self.keys_label.setWordWrap(True)
        hint = self.keys_label.palette()  # greyed, as a hint
        hint.setColor(QPalette.ColorRole.WindowText, hint.color(QPalette.ColorRole.PlaceholderText))
        self.keys_label.setPalette(hint)
        self.keys_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.next_button = QPushButton(self.tr("Next unscored"))
        self.next_button.setObjectName("nextUnscored")
        # the criterion in focus stays in focus: the next one is found from it
        self.next_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout()
        row.addWidget(self.progress_label)
        row.addSpacing(8)
        row.addWidget(self.keys_label, 1)
        row.addWidget(self.next_button)
        return row

    def show_progress(self, scored: int, total: int) -> None:
        """Show that ``scored`` of ``total`` criteria are scored."""
        self.progress_label.setText(self.tr("{scored} of {total} scored").format(
            scored=scored, total=total))
        self.next_button.setEnabled(scored < total)

    def role_label(self, role: str) -> str:
        """An assessor's role (``founder``, ``investor``, ``other``) in the interface
        language."""
        return {"founder": self.tr("founder"), "investor": self.tr("investor"),
                "other": self.tr("other")}[role]

    def assessment_label(self, a: Assessment) -> str:
        """``assessor (role, date)`` in the interface language."""
        return self.tr("{who} ({role}, {date})").format(
            who=a.assessor or self.tr("unnamed"), role=self.role_label(a.role),
            date=a.date.isoformat())

    def show_assessment(self, st: Startup | None, a: Assessment | None,
                        startups: Sequence[Startup] = ()) -> None:
        """Show startup ``st`` (None: no startup) with its assessment ``a`` (None: none);
        ``startups`` (the portfolio's) are offered as the details' completions."""
        self.new_assessment_button.setEnabled(st is not None)
        for shown in (self.progress_label, self.keys_label, self.next_button):
            shown.setVisible(a is not None)
        for w in (self.copy_assessment_button, self.delete_assessment_button,
                  self.assessor_edit, self.role_combo, self.date_edit, self.assessment_combo):
            w.setEnabled(a is not None)
        # a name without spaces may wrap too, instead of being cut at the column's edge
        self.title_label.setText(f"<span style='font-size:15pt; font-weight:600'>"
                                 f"{html.escape(breakable(st.name)) if st else ''}</span>")
        self.details.show_startup(st, startups)
        self.assessment_combo.blockSignals(True)
        self.assessment_combo.clear()
        if st:
            for item in st.assessments:
                self.assessment_combo.addItem(self.assessment_label(item), item.id)
            self.assessment_combo.setCurrentIndex(self.assessment_combo.findData(
                a.id if a is not None else ""))
        self.assessment_combo.blockSignals(False)
        # whole in the tool tip when a narrow column cuts the box's text short
        self.assessment_combo.setToolTip(self.assessment_combo.currentText())
        if a is not None:
            if self.assessor_edit.text() != a.assessor:
                self.assessor_edit.setText(a.assessor)
            self.role_combo.setCurrentIndex(self.role_combo.findData(a.role))
        else:  # nothing left from an assessment shown before
            self.assessor_edit.clear()
            self.role_combo.setCurrentIndex(-1)
        self.date_edit.blockSignals(True)
        self.date_edit.setDate(QDate(a.date.year, a.date.month, a.date.day) if a is not None
                               else self.date_edit.minimumDate())  # shown blank
        self.date_edit.blockSignals(False)
