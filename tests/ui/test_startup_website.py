"""A startup's website in the window (pytest-qt, offscreen, on a workspace file): typed into the
details as "acme.ai", kept as https://acme.ai in memory and in the file's row (read with
sqlite3, as another program would), told in the History tab, undone and redone; shown as a
link that opens in the browser; an address that is not one refused in place; found by the
filter boxes of the startup list and of Compare; all of it in Chinese too."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel

from gui import commands as cmd
from gui.i18n import install_language
from gui.tables.history import HistoryTableModel
from gui.tables.ranking import StartupRankingModel
from tests.ui.assess_portfolio import open_view
from tests.ui.test_startup_details import type_text
from tests.workspaces import read_back


@pytest.fixture
def opened(qtbot, tmp_path):
    yield from open_view(qtbot, tmp_path)


def _row(path: Path | None, sid: str) -> str:
    """The website in the file's ``startups`` row, read with Python's own sqlite3."""
    assert path is not None
    with sqlite3.connect(path) as raw:
        (value,) = raw.execute("SELECT website FROM startups WHERE id = ?", (sid,)).fetchone()
    raw.close()
    return str(value)


def _enter(edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    type_text(edit, text)
    QTest.keyClick(edit, Qt.Key.Key_Return)


def _history(view) -> list[tuple[str, str, str, str]]:
    """The History tab's rows for the startup shown: (what, before, after, comment)."""
    panel = view.tabs.history
    panel.refresh()
    m = panel.model
    cols = (HistoryTableModel.WHAT, HistoryTableModel.OLD, HistoryTableModel.NEW,
            HistoryTableModel.COMMENT)
    return [tuple(m.index(r, c).data() for c in cols)  # type: ignore[misc]
            for r in range(m.rowCount())]


def test_a_website_typed_is_kept_whole_written_told_and_undone(opened):
    view, doc = opened
    view.select_startup("s-Cobalt")
    details = view.header.details
    details.set_open(True)
    facts = "Legal AI · Series A · Beijing · b2b, saas"
    assert details.summary_label.text() == facts and _row(doc.path, "s-Cobalt") == ""
    steps = doc.undo_stack.count()

    _enter(details.edits["website"], "Acme.ai/en")
    assert doc.startup("s-Cobalt").website == "https://acme.ai/en"
    assert _row(doc.path, "s-Cobalt") == "https://acme.ai/en"
    assert read_back(doc.path).startups[0].website == "https://acme.ai/en"
    assert doc.undo_stack.count() == steps + 1
    step = doc.undo_stack.undoText()  # what Edit ▸ Undo calls it (gui.commands names it)
    assert details.edits["website"].text() == "https://acme.ai/en"  # as kept
    assert details.summary_label.text() == \
        f'{facts} · <a href="https://acme.ai/en">acme.ai/en</a>'
    assert details.summary_label.toolTip() == "Open https://acme.ai/en in the browser"
    assert _history(view)[0] == ("website", "—", "https://acme.ai/en", "")

    doc.undo_stack.undo()
    assert doc.startup("s-Cobalt").website == "" and _row(doc.path, "s-Cobalt") == ""
    assert details.edits["website"].text() == "" and details.summary_label.text() == facts
    assert details.summary_label.toolTip() == ""
    undo = f"Undo: {step}"
    assert _history(view)[0] == ("website", "https://acme.ai/en", "—", undo)
    doc.undo_stack.redo()
    assert _row(doc.path, "s-Cobalt") == "https://acme.ai/en"
    redo = f"Redo: {step}"
    assert _history(view)[0] == ("website", "—", "https://acme.ai/en", redo)
    # typed again as it is kept, or in its short form: nothing to record
    _enter(details.edits["website"], "https://acme.ai/en")
    _enter(details.edits["website"], "acme.ai/en")
    assert doc.undo_stack.count() == steps + 1
    assert details.edits["website"].text() == "https://acme.ai/en"


def test_what_is_not_a_web_address_is_refused_in_place(opened):
    view, doc = opened
    view.select_startup("s-Atlas")
    details = view.header.details
    details.set_open(True)
    steps = doc.undo_stack.count()
    _enter(details.edits["website"], "see the deck")
    assert details.website_problem.isVisible()
    assert details.website_problem.text() == (
        "The website 'see the deck' is not a web address (it has spaces); expected a web "
        "address such as acme.ai or https://acme.ai")
    assert details.edits["website"].text() == "see the deck"  # left for the user to mend
    assert doc.undo_stack.count() == steps
    assert doc.startup("s-Atlas").website == "" == _row(doc.path, "s-Atlas")
    _enter(details.edits["website"], "atlas.example.com")
    assert not details.website_problem.isVisible()
    assert _row(doc.path, "s-Atlas") == "https://atlas.example.com"
    _enter(details.edits["website"], "mailto:ir@atlas.example.com")
    assert details.website_problem.isVisible()
    view.select_startup("s-Borealis")  # another startup: its own (empty) website, no problem
    assert not details.website_problem.isVisible() and details.edits["website"].text() == ""
    assert _row(doc.path, "s-Atlas") == "https://atlas.example.com"


class _Browser(QObject):
    """Stands for the system's browser: notes the addresses it is asked to open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_the_link_opens_the_website_in_the_browser(opened):
    view, doc = opened
    view.select_startup("s-Dynamo")
    details = view.header.details
    assert not details.is_open()  # the link is there without the editors
    doc.undo_stack.push(cmd.SetStartupField(doc, "s-Dynamo", "website",
                                            "https://dynamo.example.cn/zh?ref=a&b=1"))
    line = details.summary_label
    facts = "legal ai · Seed · Shanghai · B2B · "
    assert line.text() == (f'{facts}<a href="https://dynamo.example.cn/zh?ref=a&amp;b=1">'
                           # a zero-width space lets a long address wrap
                           'dynamo.example.cn/zh?ref\u200b=a&amp;b=1</a>')
    browser = _Browser()
    QDesktopServices.setUrlHandler("https", browser, "open")
    try:
        QApplication.processEvents()
        # a click on the link's first letters (the line is short enough not to wrap)
        x = line.fontMetrics().horizontalAdvance(facts + "dy")
        assert x + 20 < line.width()
        QTest.mouseClick(line, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(x, line.height() // 2))
        assert [u.toString() for u in browser.opened] == [
            "https://dynamo.example.cn/zh?ref=a&b=1"]
        QTest.mouseClick(line, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         QPoint(4, line.height() // 2))  # on the facts: nothing opens
        assert len(browser.opened) == 1
        view.select_startup("s-Ember")  # no website: nothing to open
        assert "<a " not in line.text() and details.open_website() is False
        assert len(browser.opened) == 1
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_the_filter_boxes_find_a_startup_by_its_website(opened):
    view, doc = opened
    doc.undo_stack.push(cmd.SetStartupField(doc, "s-Ember", "website", "www.ember-health.cn"))
    doc.undo_stack.push(cmd.SetStartupField(doc, "s-Atlas", "website", "http://atlas.law"))

    def listed() -> list[str]:
        return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]

    pane = view.startup_pane
    pane.filter_edit.setText("EMBER-health")
    assert listed() == ["Ember"]
    pane.filter_edit.setText(".law")
    assert listed() == ["Atlas"]
    pane.filter_edit.setText("http")  # the scheme is not searched: it would find both
    assert listed() == []
    pane.filter_edit.setText("obal")  # names as before
    assert listed() == ["Cobalt"]
    pane.filter_edit.clear()
    assert len(listed()) == 5

    ranking = StartupRankingModel(doc)
    ranking.set_filter(" Ember-Health.CN ")
    assert ranking.visible_ids() == {"s-Ember"}
    ranking.set_filter("atlas")  # its name and its website
    assert ranking.visible_ids() == {"s-Atlas"}
    ranking.set_filter("www")
    assert ranking.visible_ids() == set()


def test_the_website_speaks_chinese(qtbot, tmp_path, chinese_built):
    install_language("zh_CN")
    for view, doc in open_view(qtbot, tmp_path):
        view.select_startup("s-Cobalt")
        details = view.header.details
        details.set_open(True)
        edit = details.edits["website"]
        (caption,) = [w for w in details.form.findChildren(QLabel) if w.buddy() is edit]
        assert (caption.text(), edit.placeholderText()) == ("网站", "例如：acme.ai")
        assert view.startup_pane.filter_edit.placeholderText() == "按名称或网站筛选初创公司"
        _enter(edit, "不是网址")
        assert details.website_problem.text() == \
            "网站“不是网址”不是网址（“不是网址”不是主机名）；应为网址，例如 acme.ai 或 " \
            "https://acme.ai"
        _enter(edit, "星澜.中国")
        assert _row(doc.path, "s-Cobalt") == "https://星澜.中国"
        assert details.summary_label.toolTip() == "在浏览器中打开 https://星澜.中国"
        assert _history(view)[0][:3] == ("网站", "—", "https://星澜.中国")


def test_a_website_typed_or_pasted_whole_finds_its_startup(opened):
    """"www.ember" and "https://www.Ember-Health.cn/" find Ember, as "ember-health" does: the
    filter leaves out what the website's shown form leaves out."""
    view, doc = opened
    doc.undo_stack.push(cmd.SetStartupField(doc, "s-Ember", "website", "www.ember-health.cn"))
    doc.undo_stack.push(cmd.SetStartupField(doc, "s-Atlas", "website", "http://atlas.law/en/"))

    def listed() -> list[str]:
        return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]

    pane = view.startup_pane
    ranking = StartupRankingModel(doc)
    for typed, found in (("www.ember", "Ember"), ("https://www.Ember-Health.cn/", "Ember"),
                         ("http://atlas.law/EN", "Atlas"), ("atlas.law/", "Atlas")):
        pane.filter_edit.setText(typed)
        assert listed() == [found], typed
        ranking.set_filter(typed)
        assert ranking.visible_ids() == {f"s-{found}"}, typed
    for typed in ("www.", "https://", "https://www."):  # nothing of an address yet
        pane.filter_edit.setText(typed)
        assert listed() == [], typed


def test_a_website_typed_the_way_the_field_takes_it_finds_its_startup(opened):
    """The filter boxes read what is typed with the website field's rule: ideographic full
    stops, full-width letters and a host's xn-- form find the startup whose website the field
    kept from the same typing, in the startup list and in Compare."""
    view, doc = opened
    doc.undo_stack.push(cmd.SetStartupField(doc, "s-Ember", "website", "例子。中国"))
    doc.undo_stack.push(cmd.SetStartupField(doc, "s-Atlas", "website", "xn--fiq228c.com/关于"))
    doc.undo_stack.push(cmd.SetStartupField(doc, "s-Cobalt", "website", "cobalt.ai"))
    assert doc.portfolio.find_startup("Ember").website == "https://例子.中国"

    def listed() -> list[str]:
        return [view.proxy.index(r, 0).data() for r in range(view.proxy.rowCount())]

    pane = view.startup_pane
    ranking = StartupRankingModel(doc)
    for typed, found in (("例子。中国", "Ember"), ("例子．中国", "Ember"),
                         ("https://例子｡中", "Ember"),
                         ("xn--fsqu00a.xn--fiqs8s", "Ember"), ("XN--FSQU00A", "Ember"),
                         ("中文.com/关于", "Atlas"), ("xn--fiq228c", "Atlas"),
                         ("ｃｏｂａｌｔ．ａｉ", "Cobalt"), ("ＣＯＢＡＬＴ。ＡＩ/", "Cobalt")):
        pane.filter_edit.setText(typed)
        assert listed() == [found], typed
        ranking.set_filter(typed)
        assert ranking.visible_ids() == {f"s-{found}"}, typed
    for typed in ("中国。例子", "xn--fsqu00b", "ｗｗｗ．", "ｈｔｔｐｓ://"):  # no startup's website
        pane.filter_edit.setText(typed)
        assert listed() == [], typed
