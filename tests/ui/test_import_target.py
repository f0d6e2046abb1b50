"""An import lands only in the portfolio it was started for: a portfolio opened or closed to
while the workbooks are read gets nothing, and the user is told so in one message."""

from __future__ import annotations

import pytest

from models.engine.sample import sample_portfolio
from models.store.workspace import Workspace
from tests.workbook_corpus import fill_template


@pytest.fixture
def founder_workbook(tmp_path):
    path = tmp_path / "nova.xlsx"
    fill_template(path, fields={"Startup": "Nova Robotics", "Role": "founder"},
                  rows={"cap.runway": (4, "high", "18 months of cash", "bank statement")})
    return path


def _startups(path) -> list[str]:
    ws = Workspace.open(path)
    try:
        return sorted(s.name for s in ws.load().startups)
    finally:
        ws.close()


def _wait(window, qtbot) -> None:
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)


def test_a_portfolio_opened_meanwhile_gets_nothing(window, qtbot, tmp_path, scripted_ask,
                                                   founder_workbook, sample_file):
    other = tmp_path / "other.beachhead"
    Workspace.create(other, sample_portfolio()).close()
    before = _startups(other)
    assert window.file_jobs.import_workbooks([founder_workbook])
    assert window.files.open_document(other)  # while the workbook is read
    _wait(window, qtbot)
    assert window.doc.path == other
    assert window.doc.portfolio.find_startup("Nova Robotics") is None
    assert window.doc.undo_stack.count() == 0
    assert window.file_jobs.last_result["imported"] == 0
    assert scripted_ask.errors() == [
        "Nothing imported: The import of 1 workbook into sample.beachhead ended after "
        "other.beachhead was opened: nothing was imported into other.beachhead. Open the "
        "portfolio they belong to and import them again."]
    assert _startups(other) == before
    assert "Nova Robotics" not in _startups(sample_file)


def test_a_portfolio_closed_meanwhile_leaves_the_welcome_page(window, qtbot, scripted_ask,
                                                               founder_workbook, sample_file):
    assert window.file_jobs.import_workbooks([founder_workbook])
    assert window.menus.close_document()
    _wait(window, qtbot)
    assert window.welcome.is_shown()
    assert window.doc.portfolio.startups == [] and window.doc.path is None
    assert scripted_ask.errors() == [
        "Nothing imported: The import of 1 workbook into sample.beachhead ended after "
        "sample.beachhead was closed: nothing was imported. Open the portfolio they belong "
        "to and import them again."]
    assert "Nova Robotics" not in _startups(sample_file)


def test_the_message_in_chinese(window, qtbot, scripted_ask, founder_workbook, chinese_built):
    window.set_language("zh_CN", remember=False)
    assert window.file_jobs.import_workbooks([founder_workbook])
    assert window.menus.close_document()
    _wait(window, qtbot)
    assert scripted_ask.errors() == [
        "未导入任何内容: 将 1 个工作簿导入 sample.beachhead 的操作在 sample.beachhead 关闭后"
        "才结束：未导入任何内容。请打开这些工作簿所属的组合，再导入一次。"]


def test_an_import_from_the_welcome_page_still_makes_a_portfolio(make_window, qtbot,
                                                                 scripted_ask,
                                                                 founder_workbook):
    w = make_window()
    w.welcome.show_page()
    assert w.file_jobs.import_workbooks([founder_workbook])
    _wait(w, qtbot)
    assert [s.name for s in w.doc.portfolio.startups] == ["Nova Robotics"]
    assert not w.welcome.is_shown()
    assert scripted_ask.errors() == []
