"""The decision about the chosen startup, at the top of the Assess view's results: its current
status (with date, who and rationale), the earlier ones, and the decision the framework's
thresholds suggest for its overall score under the window's perspective.

Every change is one undo command (:class:`gui.commands.SetDecisions`) on the document's stack:

* choosing a status takes a **new** decision (dated today, by the last name used) after the
  current one, so the history keeps every step;
* the date, who and rationale edit the **current** decision; typing in one of them merges into
  one undo step;
* *Take suggestion* takes the status the suggestion names (:data:`SUGGESTED_STATUS`) with a
  rationale saying why, while the startup does not follow the suggestion yet (a startup in
  diligence, committee or invested already follows "pursue");
* *Withdraw* removes the current decision (the one before it is current again).

The suggestion follows the perspective, the framework and, once the key press that changed a
score is handled, the scores (the document's ranking is brought up to date one startup at a
time, so this costs little after an edit; a panel out of sight asks for it once shown).
"""

from __future__ import annotations

import datetime as dt
import html
from typing import cast

from PySide6.QtCore import QDate, QMetaObject, QObject, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import commands as cmd
from gui.document import Document
from gui.i18n import language
from gui.views.assess import decision_texts as texts
from gui.views.assess.text_box import TextBox
from models.core.decisions import STATUSES, SUGGESTED_STATUS, Decision, Status, status_name
from models.core.portfolio import Startup
from models.engine.perspectives import Perspective
from models.engine.ranking import RankedStartup

#: Lines the rationale box shows before it scrolls (it grows from two up to these).
RATIONALE_LINES = (2, 8)


class DecisionPanel(QFrame):
    """The chosen startup's decision; see the module notes.

    Attributes:
        last_who: the name given to the last decision taken or edited here (a new decision's
            default "who"); empty until one is.
    """

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.lang = language()
        self.last_who = ""
        self._startup_id = ""
        self._row: RankedStartup | None = None
        self._row_pending = False  # the row is to be read from the ranking when shown
        self._perspective = Perspective("investor")
        self._filling = False
        self._connections: list[QMetaObject.Connection] = []
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh)
        self._build()
        self.set_document(doc)

    def _build(self) -> None:
        self.current_label = QLabel()
        self.current_label.setObjectName("decisionCurrent")
        self.current_label.setWordWrap(True)
        self.suggestion_label = QLabel()
        self.suggestion_label.setObjectName("decisionSuggestion")
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setTextFormat(Qt.TextFormat.PlainText)  # names are not markup
        self.take_button = QPushButton(self.tr("Take suggestion"))
        self.take_button.setToolTip(self.tr(
            "Take the status the suggestion names, with a rationale saying why"))
        self.status_combo = QComboBox()
        self.status_combo.setPlaceholderText(self.tr("No decision yet"))
        for status in STATUSES:
            self.status_combo.addItem(status_name(status, self.lang), status)
        self.status_combo.setToolTip(self.tr("Choosing a status takes a new decision, dated "
                                             "today; the current one moves to the history"))
        self.date_edit = QDateEdit()
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.who_edit = QLineEdit()
        self.who_edit.setPlaceholderText(self.tr("Who decided"))
        self.rationale_edit = TextBox(RATIONALE_LINES)
        self.rationale_edit.setPlaceholderText(self.tr("Rationale: why this decision?"))
        self.withdraw_button = QPushButton(self.tr("Withdraw"))
        self.withdraw_button.setToolTip(self.tr(
            "Remove the current decision; the one before it is current again"))
        self.history_button = QToolButton()
        self.history_button.setCheckable(True)
        self.history_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.history_button.setAutoRaise(True)
        self.history_button.setArrowType(Qt.ArrowType.RightArrow)
        self.history_button.toggled.connect(self._show_history)
        self.history_label = QLabel()
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.RichText)
        self.history_label.setVisible(False)
        self._lay_out()
        self.status_combo.activated.connect(
            lambda i: self.set_status(self.status_combo.itemData(i)))
        self.take_button.clicked.connect(lambda _c=False: self.take_suggestion())
        self.withdraw_button.clicked.connect(lambda _c=False: self.withdraw())
        self.date_edit.dateChanged.connect(
            lambda d: self._edited("date", dt.date(d.year(), d.month(), d.day())))
        self.who_edit.textEdited.connect(lambda t: self._edited("by", t))
        self.rationale_edit.textEdited.connect(lambda t: self._edited("rationale", t))

    def _lay_out(self) -> None:
        heading = QLabel("<b>" + html.escape(self.tr("Decision")) + "</b>")
        heading.setObjectName("sectionHeading")
        self.status_combo.setMinimumContentsLength(6)
        self.status_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # one field a row: the results column stays narrow on a laptop
        form.addRow(self.tr("Status"), self.status_combo)
        form.addRow(self.tr("Date"), self.date_edit)
        form.addRow(self.tr("By"), self.who_edit)
        form.addRow(self.tr("Why"), self.rationale_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.withdraw_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(self.current_label)
        layout.addWidget(self.suggestion_label)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.history_button)
        layout.addWidget(self.history_label)

    # -- document -------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Follow ``doc`` (its decisions, perspective and scores) instead of the previous one."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self.doc = doc
        self._connections = [doc.decisionsChanged.connect(self._decisions_changed),
                             doc.scoresChanged.connect(self._scores_changed)]
        for signal in (doc.perspectiveChanged, doc.resultsChanged, doc.frameworkChanged,
                       doc.structureChanged):
            self._connections.append(signal.connect(self.refresh))
        self.show_startup("")

    def show_startup(self, startup_id: str) -> None:
        """Show the decisions of the startup ``startup_id`` ('' for none)."""
        self._startup_id = startup_id
        self.refresh()

    def startup(self) -> Startup | None:
        """The startup shown, if any."""
        try:
            return self.doc.startup(self._startup_id) if self._startup_id else None
        except KeyError:
            return None

    def _scores_changed(self, *_args: object) -> None:
        """A score changed: read the suggestion again once the key press is handled (the
        startup list repainting brings the ranking up to date meanwhile)."""
        self._refresh_timer.start()

    def _decisions_changed(self, startup_id: str) -> None:
        # the suggestion does not depend on decisions: no need to rank again
        if startup_id == self._startup_id:
            self._show()

    def refresh(self, *_args: object) -> None:
        """Read the startup's row of the ranking (its suggestion) again, then show all."""
        self._refresh_timer.stop()
        self._row, self._row_pending = None, self.startup() is not None
        self._show()

    def _read_row(self, hidden_too: bool = False) -> None:
        """Take the startup's row from the ranking if due (and shown, unless ``hidden_too``)."""
        if self._row_pending and (hidden_too or self.isVisible()) and (st := self.startup()):
            self._row_pending, ranking = False, self.doc.ranking()
            self._perspective = ranking.perspective
            at = self.doc.startup_index(st.id)
            self._row = ranking.row_at(at) if at < len(ranking.ranks) else None

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show()  # the suggestion, if it changed while the panel was hidden

    # -- display --------------------------------------------------------------------------
    def _show(self) -> None:
        self._read_row()
        st = self.startup()
        current = st.decision if st is not None else None
        for w in (self.date_edit, self.who_edit, self.rationale_edit, self.withdraw_button):
            w.setEnabled(current is not None)
        self.status_combo.setEnabled(st is not None)
        self.current_label.setText(self._current_html(current))
        self.suggestion_label.setText(
            texts.suggestion_line(self._row, self._perspective,
                                  self.doc.framework.decision_thresholds, self.lang)
            if st is not None else "")
        self.take_button.setEnabled(self._can_take())
        earlier = len(st.decisions) - 1 if st else 0
        self.history_label.setText(texts.history_html(st.decisions, self.lang) if st else "")
        self.history_button.setText(self.tr("Earlier decisions ({n})").format(n=earlier))
        self.history_button.setVisible(earlier > 0)
        self._show_history()
        self._fill(current)

    def _show_history(self, *_args: object) -> None:
        """The earlier decisions, shown while their button is down."""
        shown = self.history_button.isChecked() and not self.history_button.isHidden()
        self.history_button.setArrowType(Qt.ArrowType.DownArrow if shown
                                         else Qt.ArrowType.RightArrow)
        self.history_label.setVisible(shown)

    def _current_html(self, current: Decision | None) -> str:
        if self.startup() is None:
            return ""
        if current is None:
            return "<i>" + html.escape(self.tr("No decision taken yet.")) + "</i>"
        colour = texts.status_colour(current.status).name()
        since = self.tr("since {date}").format(date=current.date.isoformat())
        return (f"<span style='font-size:13pt; font-weight:600; color:{colour}'>"
                f"{html.escape(status_name(current.status, self.lang))}</span> "
                f"<span style='color:#777'>{html.escape(since)}</span>")

    def _fill(self, current: Decision | None) -> None:
        """Put the current decision in the editors without taking them for edits."""
        self._filling = True
        try:
            self.status_combo.setCurrentIndex(
                -1 if current is None else self.status_combo.findData(current.status))
            day = current.date if current is not None else dt.date.today()
            # decisions are kept in date order: the current one cannot go before the previous
            st = self.startup()
            if st is not None and len(st.decisions) > 1:
                before = st.decisions[-2].date
                self.date_edit.setMinimumDate(QDate(before.year, before.month, before.day))
            else:
                self.date_edit.clearMinimumDate()
            self.date_edit.setDate(QDate(day.year, day.month, day.day))
            who = current.by if current is not None else ""
            if self.who_edit.text() != who:
                self.who_edit.setText(who)
                if not self.who_edit.hasFocus():
                    self.who_edit.setCursorPosition(0)  # the start of a long name shows
            why = current.rationale if current is not None else ""
            if self.rationale_edit.text() != why:
                self.rationale_edit.setText(why)
        finally:
            self._filling = False

    def suggestion(self) -> str | None:
        """The suggestion for the startup shown (``pursue``, ``watch``, ``pass``), or None."""
        self._read_row(hidden_too=True)
        return self._row.suggested if self._row is not None else None

    def _can_take(self) -> bool:
        """A suggestion to take: the startup does not follow it yet."""
        st, row = self.startup(), self._row
        if st is None or row is None or row.suggested is None:
            return False
        return st.decision is None or not texts.follows(st.decision.status, row.suggested)

    # -- edits ----------------------------------------------------------------------------
    def default_who(self) -> str:
        """Who a new decision is by: the last name used here, else the assessor of the
        startup's latest assessment that is not a founder's ('' when there is none)."""
        if self.last_who:
            return self.last_who
        st = self.startup()
        others = [a for a in st.assessments if a.role != "founder"] if st else []
        return max(reversed(others), key=lambda a: a.date).assessor if others else ""

    def _push(self, decisions: list[Decision], what: str) -> None:
        st = self.startup()
        if st is not None:
            self.doc.undo_stack.push(cmd.SetDecisions(self.doc, st.id, decisions, what))

    def set_status(self, status: str, rationale: str = "", what: str = "decide") -> None:
        """Take a new decision with ``status`` (dated today, or the current decision's date
        when that is later, so it becomes current; by :meth:`default_who`) after the current
        one (``what``: ``decide``, or ``suggestion`` when it follows the suggestion); nothing
        happens when the status is already current."""
        st = self.startup()
        if st is None or (st.decision is not None and st.decision.status == status):
            self._show()
            return
        who = self.default_who()
        day = max(dt.date.today(), st.decision.date) if st.decision else dt.date.today()
        decision = Decision(status=cast(Status, status), date=day, by=who,
                            rationale=rationale)
        self._push([*st.decisions, decision], what)
        if who:
            self.last_who = who

    def take_suggestion(self) -> None:
        """Take the status the suggestion names, with a rationale saying why."""
        suggested, row = self.suggestion(), self._row
        if row is None or suggested is None or not self._can_take():
            return
        status = SUGGESTED_STATUS[suggested]
        why = texts.suggestion_rationale(row, self._perspective,
                                         self.doc.framework.decision_thresholds, self.lang)
        self.set_status(status, why, "suggestion")

    def withdraw(self) -> None:
        """Remove the current decision."""
        st = self.startup()
        if st is not None and st.decisions:
            self._push(st.decisions[:-1], "withdraw")

    def set_date(self, date: dt.date) -> None:
        """Change the current decision's date (not before the previous decision's, as the
        date editor allows)."""
        st = self.startup()
        if st is not None and len(st.decisions) > 1:
            date = max(date, st.decisions[-2].date)
        self._edited("date", date)

    def set_who(self, name: str) -> None:
        """Change who took the current decision."""
        self._edited("by", name)

    def set_rationale(self, rationale: str) -> None:
        """Change the current decision's rationale (typing merges into one undo step)."""
        self._edited("rationale", rationale)

    def _edited(self, field: str, value: object) -> None:
        st = self.startup()
        if self._filling or st is None or st.decision is None:
            return
        if field == "by":
            self.last_who = str(value)
        if getattr(st.decision, field) == value:
            return
        changed = st.decision.model_copy(update={field: value})
        self._push([*st.decisions[:-1], changed], field)
