"""The chosen startup's round of independent scoring, at the top of the Assess view's results
(:mod:`models.store.rounds` holds the rules):

* no round yet (or the last one closed): *Open independent round*, for partners (on a team
  workspace the database decides who is one; in a file, anyone);
* open: who is scoring and who has submitted (✓), *Score independently* (starts this user's
  assessment in the round and shows it; once started, shows it again), *Submit* (this user's),
  *Reveal* (partners);
* revealed: *Consensus…* opens the consensus dialog
  (:mod:`~gui.views.assess.consensus_dialog`), which records the committee's consensus and
  locks the round;
* locked: the round is closed; *Show consensus* shows the consensus assessment.

The steps are not on the undo stack (a reveal cannot be unseen): each is written at once
through :meth:`gui.document.Document.apply_step`, and a step refused (by the round's state, the
server or the disk) is told as any refused edit (``Document.report_refused``). The panel reads
the round again whenever the history changes (own steps and colleagues', taken in). A scratch
portfolio, with no workspace, has no rounds: the panel hides.
"""

from __future__ import annotations

import datetime as dt
import html
import logging
from collections.abc import Callable

from PySide6.QtCore import QMetaObject, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget
from sqlalchemy.exc import SQLAlchemyError

from gui.dialogs import ask
from gui.document import Document
from gui.views.assess.consensus_dialog import ConsensusDialog
from models.store.rounds import RoundMember, RoundState
from models.store.workspace import Workspace

log = logging.getLogger("beachhead")


class RoundPanel(QFrame):
    """The chosen startup's round of independent scoring; see the module notes.

    Signals:
        assessmentRequested(str, str): show this startup's assessment (startup id,
            assessment id): the user's own in the round, or the consensus.
    """

    assessmentRequested = Signal(str, str)

    def __init__(self, doc: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._startup_id = ""
        self._partner = False
        #: the round shown (``None``: the startup has none)
        self.state: RoundState | None = None
        #: the consensus dialog while it is open
        self.dialog: ConsensusDialog | None = None
        self._connections: list[QMetaObject.Connection] = []
        self._build()
        self.set_document(doc)

    def _build(self) -> None:
        heading = QLabel("<b>" + html.escape(self.tr("Independent scoring")) + "</b>")
        heading.setObjectName("sectionHeading")
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # names are not markup
        self.members_label = QLabel()
        self.members_label.setTextFormat(Qt.TextFormat.PlainText)
        self.members_label.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open independent round"))
        self.score_button = QPushButton(self.tr("Score independently"))
        self.submit_button = QPushButton(self.tr("Submit"))
        self.submit_button.setToolTip(self.tr("Tell the others your scores are final; they "
                                              "stay hidden until a partner reveals the round"))
        self.reveal_button = QPushButton(self.tr("Reveal"))
        self.consensus_button = QPushButton(self.tr("Consensus…"))
        self.show_consensus_button = QPushButton(self.tr("Show consensus"))
        self.open_button.clicked.connect(lambda _c=False: self.open_round())
        self.score_button.clicked.connect(lambda _c=False: self.score())
        self.submit_button.clicked.connect(lambda _c=False: self.submit())
        self.reveal_button.clicked.connect(lambda _c=False: self.reveal())
        self.consensus_button.clicked.connect(lambda _c=False: self.open_consensus())
        self.show_consensus_button.clicked.connect(lambda _c=False: self.show_consensus())
        rows = (QHBoxLayout(), QHBoxLayout())
        # this user's own steps, then a partner's
        for row, buttons in zip(rows, ((self.score_button, self.submit_button),
                                       (self.open_button, self.reveal_button,
                                        self.consensus_button, self.show_consensus_button)),
                                strict=True):
            row.addStretch(1)
            for b in buttons:
                row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(self.status_label)
        layout.addWidget(self.members_label)
        for row in rows:
            layout.addLayout(row)

    # -- document -------------------------------------------------------------------------
    def set_document(self, doc: Document) -> None:
        """Follow ``doc`` instead of the previous one."""
        for connection in self._connections:
            QObject.disconnect(connection)
        self.doc = doc
        self._connections = [doc.historyChanged.connect(self.refresh)]
        self._partner = False
        if doc.workspace is not None:
            try:
                self._partner = doc.workspace.is_partner()
            except (OSError, SQLAlchemyError) as exc:
                log.warning("%s: cannot tell the role's group: %s", doc.workspace.location, exc)
        self.show_startup("")

    def show_startup(self, startup_id: str) -> None:
        """Show the round of the startup ``startup_id`` ('' for none)."""
        self._startup_id = startup_id
        self.refresh()

    def refresh(self) -> None:
        """Read the startup's newest round again and show it (the last state read is kept
        when the workspace cannot be read just now)."""
        ws = self.doc.workspace
        if ws is None or not self._startup_id or self.doc.read_only:
            self.state = None
            self.setVisible(False)
            return
        try:
            self.state = ws.latest_round(self._startup_id)
            mine = ws.own_member(self.state) if self.state else None
        except (OSError, SQLAlchemyError) as exc:
            log.warning("%s: cannot read the rounds: %s", ws.location, exc)
            return
        self.setVisible(True)
        self._show(mine)

    def own(self) -> RoundMember | None:
        """This user's assessment in the round shown, if any."""
        ws = self.doc.workspace
        return ws.own_member(self.state) if ws is not None and self.state else None

    # -- display --------------------------------------------------------------------------
    def _show(self, mine: RoundMember | None) -> None:
        state = self.state
        stage = state.stage if state else "none"
        self.status_label.setText(self._status(state))
        self.members_label.setText("\n".join(self._member(m) for m in state.members)
                                   if state else "")
        self.members_label.setVisible(bool(state and state.members))
        partner_only = self.tr("Only a partner may do this")
        self.open_button.setVisible(stage in ("none", "locked"))
        self.open_button.setText(self.tr("Open independent round") if stage == "none"
                                 else self.tr("Open another round"))
        self.open_button.setEnabled(self._partner)
        self.open_button.setToolTip("" if self._partner else partner_only)
        self.score_button.setVisible(stage == "open")
        self.score_button.setText(self.tr("Show my assessment") if mine
                                  else self.tr("Score independently"))
        self.submit_button.setVisible(stage == "open" and mine is not None)
        self.submit_button.setEnabled(mine is not None and not mine.submitted)
        self.reveal_button.setVisible(stage == "open")
        self.reveal_button.setEnabled(self._partner and bool(state and state.submitted))
        self.reveal_button.setToolTip(self.tr("Show every assessor's scores to everyone")
                                      if self._partner else partner_only)
        self.consensus_button.setVisible(stage == "revealed")
        self.consensus_button.setEnabled(self._partner)
        self.consensus_button.setToolTip("" if self._partner else partner_only)
        self.show_consensus_button.setVisible(stage == "locked")

    def _status(self, state: RoundState | None) -> str:
        if state is None:
            return self.tr("No round of independent scoring yet. In a round each assessor "
                           "scores without seeing the others' scores until a partner "
                           "reveals them.")
        n, when = state.id, _day(state.opened_at)
        if state.stage == "open":
            return self.tr("Round {n}, opened by {who} on {day}: scores stay hidden until a "
                           "partner reveals them. {k} of {m} submitted.").format(
                n=n, who=state.opened_by, day=when, k=len(state.submitted),
                m=len(state.members))
        if state.stage == "revealed":
            return self.tr("Round {n} revealed on {day}: the committee records the consensus, "
                           "which closes the round.").format(n=n, day=_day(state.revealed_at))
        return self.tr("Round {n} closed on {day}: the consensus is recorded and the round's "
                       "scores are locked.").format(n=n, day=_day(state.locked_at))

    def _member(self, m: RoundMember) -> str:
        if m.submitted:
            return self.tr("✓ {name} — submitted").format(name=m.assessor)
        if self.state is not None and self.state.stage != "open":
            return self.tr("✗ {name} — did not submit").format(name=m.assessor)
        return self.tr("… {name} — scoring").format(name=m.assessor)

    # -- steps ----------------------------------------------------------------------------
    def _step(self, write: Callable[[Workspace, str | None], object]) -> object | None:
        """Write a step (see the module notes); ``None`` if refused (and told)."""
        try:
            return self.doc.apply_step(write)
        except (OSError, ValueError, KeyError) as exc:
            self.doc.report_refused(exc)
            return None
        finally:
            self.refresh()

    def open_round(self) -> None:
        """Open a round of independent scoring on the startup."""
        sid = self._startup_id
        self._step(lambda ws, c: ws.open_round(sid, c))

    def score(self) -> None:
        """Show this user's assessment in the open round, starting it first if need be."""
        state, mine = self.state, self.own()
        if state is None:
            return
        aid = mine.assessment_id if mine else self._step(
            lambda ws, c: ws.start_round_assessment(state.id, comment=c))
        if aid:
            self.assessmentRequested.emit(state.startup_id, str(aid))

    def submit(self) -> None:
        """Submit this user's assessment, after confirmation."""
        state, mine = self.state, self.own()
        if state is None or mine is None or not ask.confirm(
                self, self.tr("Submit"), self.tr(
                    "Submit your scores of {startup}? The others see that you have "
                    "submitted; your scores stay hidden until a partner reveals the round, "
                    "and a submission cannot be taken back.").format(startup=state.startup)):
            return
        self._step(lambda ws, c: ws.submit(mine.assessment_id, c))

    def reveal(self) -> None:
        """Reveal the round's scores to everyone, after confirmation."""
        state = self.state
        if state is None or not ask.confirm(self, self.tr("Reveal"), self.tr(
                "Reveal the scores of round {n} of {startup} to everyone? {k} of %n "
                "assessor(s) have submitted; the others can no longer submit. This cannot be "
                "undone.", "", len(state.members)).format(n=state.id, startup=state.startup,
                                                          k=len(state.submitted))):
            return
        self._step(lambda ws, c: ws.reveal(state.id, c))

    def open_consensus(self) -> ConsensusDialog | None:
        """Open the consensus dialog of the revealed round (window-modal, not waited for:
        recording is :meth:`record`)."""
        ws, state = self.doc.workspace, self.state
        if ws is None or state is None or state.stage != "revealed":
            return None
        try:
            table = ws.consensus_table(state.id)
        except (OSError, ValueError, KeyError, SQLAlchemyError) as exc:
            self.doc.report_refused(exc if not isinstance(exc, SQLAlchemyError)
                                    else OSError(str(exc)))
            return None
        self.dialog = ConsensusDialog(table, self.doc.framework, state, self.window())
        self.dialog.recordRequested.connect(self.record)
        self.dialog.finished.connect(self._dialog_closed)
        self.dialog.open()
        return self.dialog

    def record(self, levels: dict[str, int | None], comments: dict[str, str]) -> None:
        """Record the consensus the dialog holds, which locks the round; the dialog closes
        once it is recorded (it stays open, as it was, when refused)."""
        state = self.state
        if state is None:
            return
        made = self._step(lambda ws, c: ws.record_consensus(state.id, levels, comments, c))
        if made:
            if self.dialog is not None:
                self.dialog.accept()
            self.assessmentRequested.emit(state.startup_id, str(made))

    def _dialog_closed(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
        self.dialog = None

    def show_consensus(self) -> None:
        """Show the consensus assessment of the closed round."""
        if self.state is not None and self.state.consensus_id:
            self.assessmentRequested.emit(self.state.startup_id, self.state.consensus_id)


def _day(at: dt.datetime | None) -> str:
    """A moment's day in the computer's time zone (ISO), '' for none."""
    return at.astimezone().date().isoformat() if at is not None else ""
