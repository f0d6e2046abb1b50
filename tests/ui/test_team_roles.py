"""The window on a team workspace signed in as an assessor (a login role in the assessors'
group, on the throwaway PostgreSQL server): an edit of someone else's assessment is refused by
the server, said in one clear message naming whose the scores are, and neither the window's
portfolio nor the server's changes; the assessor's own assessment is written as usual."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from gui import commands as cmd
from models.core.portfolio import Assessment, Score
from models.engine.sample import sample_portfolio
from models.store.members import add_member
from models.store.workspace import Workspace


def test_an_assessor_is_told_anothers_scores_are_not_theirs(make_window, pg_url, pg_server,
                                                            scripted_ask, qtbot):
    Workspace.create(pg_url, sample_portfolio(), who="Admin").close()
    add_member(pg_url, "ann", "assessor")
    w = make_window()
    database = str(make_url(pg_url).database)
    assert w.files.open_team_workspace(pg_server.url(database, user="ann"))
    st = w.doc.portfolio.find_startup("Tokenforge")
    theirs = st.assessments[0]
    before = w.doc.portfolio.model_copy(deep=True)
    w.doc.undo_stack.push(cmd.SetScoreField(w.doc, theirs.id, "cap.runway", "value", 3))
    (message,) = scripted_ask.errors()
    assert message == (
        f"Change not made: The change was not made: {database}@localhost: the server refused: "
        f"your role may not make this change (the scores of assessment {theirs.id} are "
        "postgres's: only they or a partner may change them)")
    assert w.doc.portfolio == before and w.doc.undo_stack.count() == 0
    # every key typed into their rationale is refused too: said in the status bar, not again
    # in a dialog each time
    for text in ("s", "so", "som"):
        w.doc.undo_stack.push(cmd.SetScoreField(w.doc, theirs.id, "cap.runway", "rationale",
                                                text))
    assert len(scripted_ask.errors()) == 1
    assert "are postgres's" in w.statusBar().currentMessage()
    with Workspace.open(pg_url) as ws:
        assert ws.load() == before
    # her own assessment is hers to score
    mine = Assessment(assessor="Ann", role="investor", date="2025-03-01",
                      scores={"cap.runway": Score(value=2)})
    with Workspace.open(pg_server.url(database, user="ann"), who="Ann") as ann:
        ann.insert_assessment(st.id, 1, mine)
    qtbot.waitUntil(lambda: len(w.doc.portfolio.find_startup("Tokenforge").assessments) == 2,
                    timeout=2500)
    w.doc.undo_stack.push(cmd.SetScoreField(w.doc, mine.id, "cap.runway", "value", 4))
    assert len(scripted_ask.errors()) == 1  # written: nothing more to say
    with Workspace.open(pg_url) as ws:
        ours = ws.load().find_startup("Tokenforge").assessments
        assert [(a.assessor, a.level("cap.runway")) for a in ours] == [
            (theirs.assessor, theirs.level("cap.runway")), ("Ann", 4)]
