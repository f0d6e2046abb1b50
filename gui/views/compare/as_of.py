"""Compare "as of" a past day: a bar above the Compare view's tables that, when switched on,
shows the portfolio as it stood at the end of the chosen day — rebuilt from the workspace's
change log (:meth:`models.store.workspace.Workspace.as_of`) into a read-only document the
view shows instead of the live one, ranked under the window's perspective, gates setting and
scenario. Switching it off shows the live portfolio again.

The past state is made from the live document's portfolio, sharing the startups no change
since has touched; so it is made again whenever the live portfolio changes (the view listens
to ``historyChanged``), before those shared startups could show a later state."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QLabel, QWidget

from gui.document import Document
from models.core.errors import InputError


def end_of_day(day: dt.date) -> dt.datetime:
    """The last moment of ``day`` in local time, as an aware datetime (never later than
    now)."""
    local = dt.datetime.combine(day, dt.time.max).astimezone()
    return min(local, dt.datetime.now().astimezone())


class AsOfBar(QWidget):
    """A check box "As of" and a date. Build the snapshot with :meth:`snapshot`.

    Signals:
        changed(): switched on or off, or another day chosen.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(self.tr("As of"))
        self.check.setToolTip(self.tr(
            "Show the portfolio as it stood at the end of a past day, rebuilt from the "
            "change log (read-only)"))
        self.date_edit = QDateEdit(QDate.currentDate())
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setMaximumDate(QDate.currentDate())
        self.date_edit.setEnabled(False)
        self.note = QLabel()
        self.note.setObjectName("asOfNote")
        self.note.setStyleSheet("color: #8a6d00; font-weight: 600;")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.check)
        layout.addWidget(self.date_edit)
        layout.addWidget(self.note, 1)
        self.check.toggled.connect(self._toggled)
        self.date_edit.dateChanged.connect(lambda _d: self.changed.emit())

    def _toggled(self, on: bool) -> None:
        self.date_edit.setEnabled(on)
        self.changed.emit()

    def set_available(self, available: bool) -> None:
        """Offer the bar only for a workspace (a scratch portfolio has no history)."""
        if not available:
            self.reset()
        self.check.setEnabled(available)

    def reset(self) -> None:
        """Switch off without a signal (another portfolio was opened)."""
        blocked = self.check.blockSignals(True)
        self.check.setChecked(False)
        self.check.blockSignals(blocked)
        self.date_edit.setEnabled(False)
        self.note.clear()

    def moment(self) -> dt.datetime | None:
        """The moment chosen (end of the day), or ``None`` when switched off."""
        if not self.check.isChecked():
            return None
        return end_of_day(self.date_edit.date().toPython())  # type: ignore[arg-type]

    def set_day(self, day: dt.date) -> None:
        """Switch on at ``day`` (as the user does)."""
        self.date_edit.setDate(QDate(day.year, day.month, day.day))
        self.check.setChecked(True)

    def snapshot(self, live: Document) -> Document | None:
        """A read-only document of ``live``'s workspace as it stood at :meth:`moment`;
        ``None`` (and a note saying why)
        when switched off or when the workspace holds nothing that early."""
        moment = self.moment()
        if moment is None or live.workspace is None:
            self.note.clear()
            return None
        try:  # from the window's own copy: only the changes since are read and taken back
            past = live.workspace.as_of(moment, current=live.portfolio)
        except InputError:  # the day is before the workspace was made
            created = live.workspace.info()["created_at"].astimezone()
            self.note.setText(self.tr(
                "Nothing to show: this workspace was created on {day}, after that day.").format(
                    day=created.date().isoformat()))
            return None
        doc = Document(past, live.path, self)
        doc.read_only = True
        self.note.setText(self.tr(
            "The portfolio as it stood on {day} (%Ln startup(s)), read-only", "",
            len(past.startups)).format(day=moment.date().isoformat()))
        return doc


def follow_live(past: Document, live: Document) -> None:
    """Rank ``past`` under ``live``'s perspective, gates setting and scenario (none when
    the framework of then has no such scenario)."""
    past.set_perspective(live.perspective, live.ignore_gates)
    scenario = live.scenario.id if live.scenario is not None else None
    if scenario != (past.scenario.id if past.scenario is not None else None):
        try:
            past.set_scenario(scenario)
        except KeyError:
            past.set_scenario(None)
