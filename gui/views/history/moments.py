"""Choosing a moment of a startup's history: now, a date and time typed in, or the moment
after one of its changes (each transaction once, newest first), or the workspace's creation.
The moments of the changes are exact (to the microsecond), so comparing "after this change"
with "after that one" shows exactly the changes between them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import QComboBox, QDateTimeEdit, QHBoxLayout, QWidget

from gui.tables.history import local_time
from models.history.describe import ChangeRow

_NOW, _TYPED = "now", "typed"

#: What taking changes back on the window's portfolio raises when the workspace's log holds
#: changes another window or program wrote that the window has not taken in yet (it does
#: within a second or two, then tells the tabs to try again with ``historyChanged``).
CATCHING_UP = (KeyError, IndexError, StopIteration)


def catching_up() -> str:
    """What the history tabs say while the window takes in changes made elsewhere."""
    return QCoreApplication.translate(
        "MomentChooser", "Taking in changes made in another window or program…")


class MomentChooser(QWidget):
    """A moment (see the module notes).

    Signals:
        momentChanged(): the moment chosen changed.
    """

    momentChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setMinimumContentsLength(28)
        self.combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.edit = QDateTimeEdit()
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.edit.setDateTime(QDateTime.currentDateTime())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.edit)
        self.set_history([], None)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.edit.dateTimeChanged.connect(self._typed)

    def set_history(self, rows: Sequence[ChangeRow], created: dt.datetime | None) -> None:
        """Offer the moments after each of ``rows`` (newest first; one per transaction) and
        the workspace's creation, keeping the moment chosen when it is still offered."""
        kept = self.combo.currentData()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("Now"), _NOW)
        self.combo.addItem(self.tr("At the date and time:"), _TYPED)
        seen: set[dt.datetime] = set()
        for r in rows:
            if r.at in seen:
                continue
            seen.add(r.at)
            self.combo.addItem(self.tr("After {when} · {who} · {what}").format(
                when=local_time(r), who=r.who, what=r.what), r.at)
        if created is not None and created not in seen:
            self.combo.addItem(self.tr("When the workspace was created ({when})").format(
                when=created.astimezone().strftime("%Y-%m-%d %H:%M")), created)
        found = self.combo.findData(kept) if kept is not None else -1
        self.combo.setCurrentIndex(max(0, found))
        self.combo.blockSignals(False)
        self._show_edit()

    def moment(self) -> dt.datetime | None:
        """The moment chosen (aware, UTC), ``None`` for now."""
        data = self.combo.currentData()
        if data == _NOW or data is None:
            return None
        if data == _TYPED:
            typed = self.edit.dateTime().toPython()  # naive, local time
            assert isinstance(typed, dt.datetime)
            return typed.astimezone(dt.UTC)
        moment: dt.datetime = data
        return moment

    def set_moment(self, moment: dt.datetime | None) -> None:
        """Choose ``moment`` (``None``: now): the latest change offered at or before it, else
        that date and time typed in."""
        if moment is None:
            self.combo.setCurrentIndex(0)
            return
        offered = [(self.combo.itemData(i), i) for i in range(2, self.combo.count())]
        earlier = [(at, i) for at, i in offered if at <= moment]
        if earlier:
            self.combo.setCurrentIndex(max(earlier)[1])
            return
        local = moment.astimezone()
        self.edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(local.timestamp())))
        self.combo.setCurrentIndex(1)

    def _chosen(self) -> None:
        self._show_edit()
        self.momentChanged.emit()

    def _typed(self) -> None:
        if self.combo.currentData() == _TYPED:
            self.momentChanged.emit()

    def _show_edit(self) -> None:
        self.edit.setEnabled(self.combo.currentData() == _TYPED)
