"""Fast entry in the Assess view (pytest-qt, offscreen, on a workspace file): the progress beside
the assessment counts the scored criteria, *Next unscored* (its button; Ctrl+J in the window) goes
to the right criterion and the keys 1–5 score it, with a hint that says so; the rationale and
evidence are labelled boxes that grow with their text, and the evidence's links open in the
browser."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from gui.views.assess.text_box import links
from models.core.portfolio import Assessment, Portfolio, Score, Startup
from tests.helpers import tiny_framework
from tests.ui.assess_portfolio import open_view
from tests.workspaces import read_back


def _half_scored(**framework) -> Portfolio:
    """One startup whose assessment has a.y and b.w scored, a.x and b.z not."""
    return Portfolio(framework=tiny_framework(**framework), startups=[Startup(
        id="s1", name="Halfway", assessments=[Assessment(
            id="a1", assessor="Ann", role="founder", date="2025-01-02",
            scores={"a.y": Score(value=4), "b.w": Score(value=2)})])])


@pytest.fixture
def opened(qtbot, tmp_path):
    yield from open_view(qtbot, tmp_path, _half_scored())


def _focused_criterion(view) -> str:
    focus = QApplication.focusWidget()
    return next((cid for cid, e in view.criteria.editors.items() if e is focus), "")


def test_progress_next_unscored_and_the_keys_that_score(opened, qtbot):
    view, doc = opened
    header = view.header
    view.select_startup("s1", "a1")
    assert header.progress_label.text() == "2 of 4 scored"
    assert header.keys_label.isVisible() and "1–5 score" in header.keys_label.text()
    assert header.next_button.isEnabled()
    assert header.next_button.toolTip() == "Go to the next criterion not scored yet (Ctrl+J)"

    header.next_button.click()  # from nowhere: the first one not scored
    assert _focused_criterion(view) == "a.x"
    QTest.keyClick(view.criteria.editors["a.x"], Qt.Key.Key_3)
    assert doc.assessment("a1")[1].level("a.x") == 3
    assert read_back(doc.path).startups[0].assessments[0].scores["a.x"].value == 3
    assert header.progress_label.text() == "3 of 4 scored"

    view.next_unscored()  # Ctrl+J: Edit ▸ Next Unscored Criterion (tests/ui/test_next_unscored.py)
    assert _focused_criterion(view) == "b.z"  # a.y is scored: passed over
    QTest.keyClick(view.criteria.editors["b.z"], Qt.Key.Key_5)
    assert header.progress_label.text() == "4 of 4 scored"
    assert not header.next_button.isEnabled()
    assert view.next_unscored() == ""

    QTest.keyClick(view.criteria.editors["b.z"], Qt.Key.Key_0)  # cleared again
    assert header.progress_label.text() == "3 of 4 scored"
    QTest.keyClick(view.criteria.editors["b.z"], Qt.Key.Key_Down)  # to b.w, the last
    assert _focused_criterion(view) == "b.w"
    assert view.next_unscored() == "b.z"  # past the last: from the top again
    assert _focused_criterion(view) == "b.z"

    doc.undo_stack.undo()  # the clearing
    doc.undo_stack.undo()  # b.z's 5
    assert header.progress_label.text() == "3 of 4 scored"


def test_a_pillar_switched_off_is_not_counted(qtbot, tmp_path):
    pillars = tiny_framework().model_dump()["pillars"]
    pillars[1]["enabled"] = False
    for view, _doc in open_view(qtbot, tmp_path, _half_scored(pillars=pillars)):
        view.select_startup("s1", "a1")
        assert view.header.progress_label.text() == "1 of 2 scored"  # a.y of a.x, a.y
        assert view.next_unscored() == "a.x"
        assert view.next_unscored() == "a.x"  # b.z and b.w do not count


def test_a_startup_without_assessment_shows_no_progress(qtbot, tmp_path):
    empty = Portfolio(framework=tiny_framework(), startups=[Startup(id="s0", name="Bare")])
    for view, _doc in open_view(qtbot, tmp_path, empty):
        assert not view.header.progress_label.isVisible()
        assert not view.header.next_button.isVisible()
        assert view.next_unscored() == ""


def test_rationale_and_evidence_are_labelled_boxes_that_grow(opened, qtbot):
    view, doc = opened
    view.select_startup("s1", "a1")
    editor = view.criteria.editors["a.y"]
    captions = {label.buddy(): label.text() for label in editor.findChildren(QLabel)
                if label.buddy() is not None}
    assert captions == {editor.rationale: "Rationale", editor.evidence: "Evidence"}
    one_line = editor.rationale.height()
    steps = doc.undo_stack.count()
    editor.rationale.setFocus()
    QTest.keyClicks(editor.rationale, "Ten pilots")
    QTest.keyClick(editor.rationale, Qt.Key.Key_Return)
    QTest.keyClicks(editor.rationale, "two paying")
    QTest.keyClick(editor.rationale, Qt.Key.Key_Return)
    QTest.keyClicks(editor.rationale, "one churned")
    assert doc.assessment("a1")[1].scores["a.y"].rationale == "Ten pilots\ntwo paying\none churned"
    assert doc.undo_stack.count() == steps + 1  # the typed text is one step
    lines = editor.rationale.fontMetrics().height()
    assert editor.rationale.height() >= one_line + 2 * lines  # three lines, no scrolling
    assert editor.rationale.verticalScrollBar().maximum() == 0
    # the arrow keys move in the text; past its first line, to the criterion above
    QTest.keyClick(editor.rationale, Qt.Key.Key_Up)
    QTest.keyClick(editor.rationale, Qt.Key.Key_Up)
    assert _focused_criterion(view) == "" and editor.rationale.hasFocus()
    QTest.keyClick(editor.rationale, Qt.Key.Key_Up)
    assert _focused_criterion(view) == "a.x"
    doc.undo_stack.undo()
    assert editor.rationale.text() == "" and editor.rationale.height() == one_line


class _Browser(QObject):
    """Where https links go in this test instead of the browser (Qt's own URL handler
    mechanism, as a desktop's browser receives them)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def test_links_in_the_evidence_open_in_the_browser(opened, qtbot):
    view, doc = opened
    view.select_startup("s1", "a1")
    editor = view.criteria.editors["b.w"]
    assert not editor.links_label.isVisible()
    editor.evidence.setFocus()
    QTest.keyClicks(editor.evidence, "Deck p.4, https://acme.example/report.pdf. And www.acme.cn")
    assert doc.assessment("a1")[1].scores["b.w"].evidence.endswith("www.acme.cn")
    assert editor.evidence_links() == ["https://acme.example/report.pdf", "https://www.acme.cn"]
    assert editor.links_label.isVisible()
    assert "href='https://acme.example/report.pdf'" in editor.links_label.text()
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        editor.links_label.linkActivated.emit("https://acme.example/report.pdf")
    finally:
        QDesktopServices.unsetUrlHandler("https")
    assert browser.opened == ["https://acme.example/report.pdf"]


def test_links_found_in_free_text():
    assert links("see http://a.io/x?y=1, and https://a.io/x?y=1; www.b.org/p).") == [
        "http://a.io/x?y=1", "https://a.io/x?y=1", "https://www.b.org/p"]
    assert links("报告见https://c.cn/r，谢谢") == ["https://c.cn/r"]
    assert links("no link here, nor https:// alone, nor www.") == []
