"""The Assess view's round of independent scoring on a workspace file (a file has one user,
who may take every step): the panel opened, scored in, submitted, revealed, the consensus
dialog's table, flags, proposals and required comments, the consensus recorded and the round
locked; a colleague's steps taken in from another connection; refused steps told. Driven
through the panel's and the dialog's public API; the rows are read back from the file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gui.document import Document
from gui.views.assess.consensus_dialog import ConsensusDialog
from gui.views.assess.round_panel import RoundPanel
from gui.views.assess.view import AssessView
from models.store.workspace import Workspace

#: Three criteria of the sample's framework (all benefit) and Ann's and Bo's levels of them.
C0, C1, C2 = "niche.segment_focus", "niche.dirty_work", "niche.customer_depth"
ANN = {C0: 1, C1: 3, C2: 5}
BO = {C0: 4, C1: 3, C2: 4}


@pytest.fixture
def view(qtbot, sample_file: Path, scripted_ask) -> Iterator[AssessView]:
    """The Assess view on the sample workspace, as Ann, showing its first startup."""
    doc = Document.open(sample_file, who="Ann")
    v = AssessView(doc)
    qtbot.addWidget(v)
    v.resize(1280, 760)
    v.show()
    qtbot.waitExposed(v)
    QApplication.processEvents()
    yield v
    if v.round_panel.dialog is not None:
        v.round_panel.dialog.reject()
    doc.close()


def _startup(view: AssessView) -> str:
    return view.doc.portfolio.startups[0].id


def _bo_scores(path: Path, round_id: int) -> str:
    """Bo, in another window on the same file, scores :data:`BO` in the round and submits."""
    with Workspace.open(path, who="Bo") as other:
        aid = other.start_round_assessment(round_id)
        for cid, level in BO.items():
            other.set_score_field(aid, cid, "value", level)
        other.submit(aid)
    return aid


def _open_and_score(view: AssessView, scripted_ask) -> tuple[RoundPanel, str]:
    panel = view.round_panel
    panel.open_button.click()
    panel.score_button.click()
    mine = view.current_assessment_id()
    for cid, level in ANN.items():
        view.set_level(cid, level)
    return panel, mine


def test_no_round_yet_offers_to_open_one(view):
    panel = view.round_panel
    assert panel.isVisible() and panel.state is None
    assert "No round of independent scoring yet" in panel.status_label.text()
    assert panel.open_button.isVisible() and panel.open_button.isEnabled()
    assert panel.open_button.text() == "Open independent round"
    for b in (panel.score_button, panel.submit_button, panel.reveal_button,
              panel.consensus_button, panel.show_consensus_button):
        assert not b.isVisible()


def test_scoring_independently_creates_and_shows_my_round_assessment(view, scripted_ask):
    panel, mine = _open_and_score(view, scripted_ask)
    state = panel.state
    assert state is not None and state.stage == "open"
    assert [(m.assessor, m.assessment_id, m.submitted) for m in state.members] == \
        [("Ann", mine, False)]
    assessment = view.current_assessment()
    assert (assessment.assessor, assessment.role) == ("Ann", "investor")
    assert {c: assessment.level(c) for c in ANN} == ANN
    assert panel.score_button.text() == "Show my assessment"
    assert panel.submit_button.isVisible() and panel.submit_button.isEnabled()
    assert panel.reveal_button.isVisible() and not panel.reveal_button.isEnabled()
    assert panel.members_label.text() == "… Ann — scoring"
    # showing another assessment, then the button shows mine again
    view.select_assessment(view.current_startup().assessments[0].id)
    panel.score_button.click()
    assert view.current_assessment_id() == mine
    assert len(panel.state.members) == 1  # not a second one


def test_a_colleagues_submission_is_taken_in_and_shown(view, scripted_ask):
    panel, _ = _open_and_score(view, scripted_ask)
    _bo_scores(view.doc.path, panel.state.id)
    assert view.doc.watch.poll()
    assert panel.members_label.text().splitlines() == ["… Ann — scoring", "✓ Bo — submitted"]
    assert "1 of 2 submitted" in panel.status_label.text()
    assert panel.reveal_button.isEnabled()
    # a submission is asked for first: "no" submits nothing
    panel.submit_button.click()
    assert not panel.state.members[0].submitted
    scripted_ask.queue("confirm", True)
    panel.submit_button.click()
    assert panel.state.members[0].submitted and not panel.submit_button.isEnabled()
    assert panel.members_label.text().splitlines()[0] == "✓ Ann — submitted"


def _revealed(view: AssessView, scripted_ask) -> tuple[RoundPanel, str, str]:
    panel, mine = _open_and_score(view, scripted_ask)
    bo = _bo_scores(view.doc.path, panel.state.id)
    view.doc.watch.poll()
    scripted_ask.queue("confirm", True, True)
    panel.submit_button.click()
    panel.reveal_button.click()
    return panel, mine, bo


def test_the_consensus_dialog_flags_proposes_and_asks_for_comments(view, scripted_ask):
    panel, _, _ = _revealed(view, scripted_ask)
    assert panel.state.stage == "revealed"
    assert panel.consensus_button.isVisible() and not panel.score_button.isVisible()
    dialog = panel.open_consensus()
    assert isinstance(dialog, ConsensusDialog) and dialog.isVisible()
    table = dialog.table
    fw = view.doc.framework
    assert table.rowCount() == len(fw.criterion_ids)
    headers = [table.horizontalHeaderItem(j).text() for j in range(table.columnCount())]
    assert headers == ["Criterion", "Ann", "Bo", "Spread", "Proposal", "Consensus", "Comment"]
    row = fw.criterion_ids.index
    assert [table.item(row(C0), j).text() for j in range(5)] == \
        ["Segment focus", "1", "4", "3", "1"]  # benefit: the lower middle level
    assert [table.item(row(C2), j).text() for j in range(1, 5)] == ["5", "4", "1", "4"]
    assert dialog.flagged_rows() == [row(C0)]  # 3 levels apart; C1 and C2 0 and 1
    assert {c: dialog.levels()[c] for c in ANN} == {C0: 1, C1: 3, C2: 4}
    assert dialog.levels()["cap.runway"] is None  # nobody scored it
    assert dialog.missing() == [C0] and not dialog.record_button.isEnabled()
    assert "Segment focus" in dialog.missing_label.text()
    dialog.set_level(C1, 4)  # departs from the proposal: a comment is needed there too
    assert dialog.missing() == [C0, C1]
    dialog.set_comment(C0, "the pilot settles it")
    dialog.set_comment(C1, "   ")
    assert dialog.missing() == [C1] and not dialog.record_button.isEnabled()
    dialog.set_comment(C1, "integration work seen on site")
    assert dialog.missing() == [] and dialog.record_button.isEnabled()
    assert dialog.comments() == {C0: "the pilot settles it", C1: "integration work seen on site"}


def test_recording_the_consensus_locks_the_round(view, scripted_ask, qtbot):
    panel, mine, _ = _revealed(view, scripted_ask)
    dialog = panel.open_consensus()
    dialog.set_level(C1, 4)
    dialog.set_comment(C0, "the pilot settles it")
    dialog.set_comment(C1, "integration work seen on site")
    dialog.record_button.click()
    qtbot.waitUntil(lambda: panel.dialog is None)
    state = panel.state
    assert state.stage == "locked" and state.consensus_id == view.current_assessment_id()
    assert "closed" in panel.status_label.text()
    assert panel.show_consensus_button.isVisible() and panel.open_button.isVisible()
    assert panel.open_button.text() == "Open another round"
    with Workspace.open(view.doc.path) as ws:
        consensus = next(a for a in ws.load().startups[0].assessments
                         if a.id == state.consensus_id)
    assert consensus.assessor == "Consensus"
    assert {c: (s.value, s.rationale) for c, s in consensus.scores.items()} == {
        C0: (1, "the pilot settles it"), C1: (4, "integration work seen on site"),
        C2: (4, "")}
    # the round is closed: an edit of Ann's assessment is refused, and said why
    view.select_assessment(mine)
    with qtbot.waitSignal(view.doc.writeRefused) as refused:
        view.set_level(C0, 5)
    assert "locked" in refused.args[0]
    assert view.current_assessment().level(C0) == 1
    view.select_assessment(mine)
    panel.show_consensus_button.click()
    assert view.current_assessment_id() == state.consensus_id


def test_a_step_refused_is_told_and_the_panel_reads_the_round_again(view, scripted_ask,
                                                                   qtbot):
    panel, _ = _open_and_score(view, scripted_ask)
    round_id = panel.state.id
    _bo_scores(view.doc.path, round_id)
    with Workspace.open(view.doc.path, who="Pat") as other:
        other.reveal(round_id)  # in another window, before this one has taken it in
    assert panel.state.stage == "open"
    scripted_ask.queue("confirm", True)
    with qtbot.waitSignal(view.doc.writeRefused) as refused:
        panel.submit_button.click()
    assert "revealed" in refused.args[0] and f"round {round_id}" in refused.args[0]
    assert panel.state.stage == "revealed" and panel.consensus_button.isVisible()


def test_a_scratch_portfolio_has_no_rounds(qtbot):
    panel = RoundPanel(Document.new())
    qtbot.addWidget(panel)
    panel.show()
    panel.show_startup(panel.doc.portfolio.startups[0].id if panel.doc.portfolio.startups
                       else "x")
    assert panel.isHidden() and panel.state is None
