"""The History table: one change per row, newest first (:class:`models.history.describe.
ChangeRow`): when (local time), who, the assessment, what, the values before and after, the
comment. A filter keeps the rows holding a text, made by one person, or of one kind."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from gui.tables.base import Column, ReadOnlyTableModel
from models.history.describe import ChangeRow
from models.store.changelog import Kind

#: The kinds of change each choice of the "what" filter keeps.
KIND_GROUPS: dict[str, frozenset[Kind]] = {
    "scores": frozenset({Kind.SCORE_FIELD, Kind.SCORE_NEW, Kind.SCORE_REMOVE,
                         Kind.SCORE_RESTORE}),
    "assessments": frozenset({Kind.ASSESSMENT_FIELD, Kind.ASSESSMENT_INSERT,
                              Kind.ASSESSMENT_REMOVE}),
    "startup": frozenset({Kind.STARTUP_FIELD, Kind.STARTUP_INSERT, Kind.STARTUP_REMOVE}),
    "decisions": frozenset({Kind.DECISIONS}),
    "rounds": frozenset({Kind.ROUND_OPEN, Kind.ROUND_JOIN, Kind.ROUND_SUBMIT, Kind.ROUND_REVEAL,
                         Kind.ROUND_CONSENSUS}),
    "framework": frozenset({Kind.FRAMEWORK, Kind.CREATE}),
}


def local_time(row: ChangeRow, seconds: bool = False) -> str:
    """When a change was made, in the computer's time zone, to the minute (or second)."""
    return row.at.astimezone().strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


class HistoryTableModel(ReadOnlyTableModel):
    """The History table (see the module notes); :meth:`set_filter` chooses the rows shown."""

    WHEN, WHO, ASSESSMENT, WHAT, OLD, NEW, COMMENT = range(7)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.columns = [
            Column("when", self.tr("When")),
            Column("who", self.tr("Who")),
            Column("assessment", self.tr("Assessment")),
            Column("what", self.tr("What")),
            Column("old", self.tr("Before")),
            Column("new", self.tr("After")),
            Column("comment", self.tr("Comment")),
        ]
        self._all: list[ChangeRow] = []
        self._rows: list[ChangeRow] = []
        self._filter: tuple[str, str, str] = ("", "", "")

    def set_rows(self, rows: Sequence[ChangeRow]) -> None:
        """Show ``rows`` (newest first), through the current filter (a reset)."""
        self.beginResetModel()
        self._all = list(rows)
        self._rows = self._kept()
        self.endResetModel()

    def set_filter(self, text: str = "", who: str = "", group: str = "") -> None:
        """Keep the rows holding ``text`` (in any column, ignoring case), made by ``who`` and
        of the kinds of :data:`KIND_GROUPS` ``[group]``; an empty value keeps every row."""
        self.beginResetModel()
        self._filter = (text.strip().casefold(), who, group)
        self._rows = self._kept()
        self.endResetModel()

    def _kept(self) -> list[ChangeRow]:
        text, who, group = self._filter
        kinds = KIND_GROUPS.get(group)
        return [r for r in self._all
                if (not who or r.who == who) and (kinds is None or r.change.kind in kinds)
                and (not text or text in _haystack(r))]

    def authors(self) -> list[str]:
        """Everyone who made one of the changes (filtered or not), in alphabetical order."""
        return sorted({r.who for r in self._all}, key=str.casefold)

    def total(self) -> int:
        """How many changes there are, shown or not."""
        return len(self._all)

    def row(self, row: int) -> ChangeRow:
        """The change shown in ``row``."""
        return self._rows[row]

    def row_count(self) -> int:
        return len(self._rows)

    def cell(self, row: int, column: int, role: int) -> Any:
        r = self._rows[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return (local_time(r), r.who, r.assessment_label, r.what, r.old, r.new,
                    r.comment.replace("\n", " "))[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            who = r.who if not r.change.role else self.tr("{who} (database role: {role})"
                                                          ).format(who=r.who,
                                                                   role=r.change.role)
            return (local_time(r, seconds=True), who, r.assessment_label,
                    r.startup, r.old_full, r.new_full, r.comment)[column] or None
        return None


def _haystack(row: ChangeRow) -> str:
    return "\n".join((row.who, row.startup, row.assessment_label, row.what, row.old_full,
                      row.new_full, row.comment)).casefold()
