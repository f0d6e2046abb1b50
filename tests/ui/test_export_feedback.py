"""After an export (workbook, report, founder template, Save a Copy) the message offers Open and
Show in Folder; an export that cannot be written says where and why in the message itself,
never behind Show Details…. Opening a URL is the system's business: ``QDesktopServices.openUrl``
is replaced by a recorder, and the session's D-Bus is taken away unless a test brings its own."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from gui import reveal
from gui.report_options import ReportChoice
from models.core.errors import write_failure

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The URLs the application asks the system to open (none is opened)."""
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    monkeypatch.setattr(reveal, "session_bus", lambda: None)  # no file manager on D-Bus
    return urls


def _wait(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=120_000)


def _as_a_user(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``os.access`` answer by the permission bits, as for a user who owns the folder:
    the superuser (who runs some test machines) may write anywhere."""
    real = os.access

    def access(path, mode, **kwargs):  # type: ignore[no-untyped-def]
        if mode & os.W_OK and not os.stat(path).st_mode & 0o200:
            return False
        return real(path, mode, **kwargs)

    monkeypatch.setattr(os, "access", access)


def test_an_export_into_a_read_only_folder_says_so_in_the_message(window, tmp_path,
                                                                  scripted_ask, monkeypatch):
    folder = tmp_path / "committee"
    folder.mkdir()
    folder.chmod(0o555)
    _as_a_user(monkeypatch)
    target = folder / "deals.xlsx"
    try:
        assert not window.file_jobs.export_workbook(target)
    finally:
        folder.chmod(0o755)
    assert scripted_ask.errors() == [
        f"Cannot export: Could not export to {target}: the folder {folder} is read-only for "
        "you. Choose another folder."]
    assert scripted_ask.details == [""]
    assert window.file_jobs.job is None and list(folder.iterdir()) == []


def test_a_write_refused_in_the_worker_names_the_file_and_why(window, qtbot, tmp_path,
                                                              scripted_ask):
    target = tmp_path / "deals.xlsx"
    target.mkdir()  # a folder where the workbook should go
    assert window.file_jobs.export_workbook(target)
    _wait(window, qtbot)
    assert scripted_ask.errors() == [
        f"Cannot export: Could not export to {target}: could not be written: that is a "
        "folder; name a file to write"]
    assert scripted_ask.details == [""]
    assert scripted_ask.written == []


def test_open_after_an_export_opens_the_workbook(window, qtbot, tmp_path, scripted_ask,
                                                 opened):
    target = tmp_path / "deals.xlsx"
    scripted_ask.queue("exported", "open")
    assert window.file_jobs.export_workbook(target)
    _wait(window, qtbot)
    n = sum(len(st.assessments) for st in window.doc.portfolio.startups)
    assert scripted_ask.written == [f"Workbook exported: Exported {n} assessments to "
                                    f"{target}."]
    assert opened == [QUrl.fromLocalFile(str(target))]
    assert load_workbook(target, read_only=True).sheetnames[0] == "Summary"
    assert window.statusBar().currentMessage() == "Wrote deals.xlsx"


def test_show_in_folder_after_a_report_opens_its_folder(window, qtbot, tmp_path, scripted_ask,
                                                        opened):
    target = tmp_path / "reports" / "top.pdf"
    target.parent.mkdir()
    scripted_ask.queue("exported", "folder")
    assert window.file_jobs.export_report(target, ReportChoice("top", top=1))
    _wait(window, qtbot)
    assert scripted_ask.written == [f"Report written: Wrote the report to {target}: "
                                    "2 pages."]
    assert opened == [QUrl.fromLocalFile(str(target.parent))]
    assert target.read_bytes().startswith(b"%PDF")


def test_the_founder_template_is_exported_from_the_file_menu(window, qtbot, tmp_path,
                                                             scripted_ask, opened):
    assert window.file_jobs.template_action in window.menus.file_menu.actions()
    scripted_ask.queue("save_file", str(tmp_path / "for-founders"))
    window.file_jobs.template_action.trigger()
    _wait(window, qtbot)
    target = tmp_path / "for-founders.xlsx"
    assert scripted_ask.written == [
        f"Template written: Wrote the founder template to {target}. Founders fill in their "
        "scores; Import Workbooks reads it back."]
    assert opened == []  # Close
    assert load_workbook(target, read_only=True).sheetnames == ["Assessment", "Framework",
                                                                "About"]


def test_save_a_copy_offers_to_open_the_copy_here(window, scripted_ask, tmp_path, opened):
    original = window.doc.path
    scripted_ask.queue("save_file", str(tmp_path / "for-partners"))
    scripted_ask.queue("exported", "folder", "open")
    assert window.files.save_copy()
    copy = tmp_path / "for-partners.beachhead"
    assert scripted_ask.written == [f"Copy saved: Saved a copy of {original.name} as {copy}. "
                                    f"This window stays on {original.name}."]
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]
    assert window.doc.path == original
    scripted_ask.queue("save_file", str(tmp_path / "second"))
    assert window.files.save_copy()
    assert window.doc.path == tmp_path / "second.beachhead"  # Open: the copy is shown
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]  # and not handed to the system


def test_a_portfolio_that_cannot_be_opened_says_why_in_the_message(window, scripted_ask,
                                                                   tmp_path):
    bad = tmp_path / "bad.beachhead"
    bad.write_text('{"format": "beachhead.portfolio", "schema_version": "two"}',
                   encoding="utf-8")
    assert not window.files.open_document(bad)
    (error,) = scripted_ask.errors()
    assert error.startswith("Cannot open portfolio: bad.beachhead could not be opened: ")
    assert "schema_version" in error
    assert scripted_ask.details == [""]


def test_the_file_manager_is_asked_over_dbus_to_show_the_file(tmp_path):
    """In a D-Bus session of its own, a stand-in file manager receives ShowItems with the
    file's URL (and nothing is opened instead); without one, the folder opens."""
    if shutil.which("dbus-run-session") is None:
        pytest.skip("dbus-run-session is not installed")
    script = tmp_path / "file_manager.py"
    script.write_text(textwrap.dedent(f"""
        import json
        from pathlib import Path
        from PySide6.QtCore import ClassInfo, QObject, QTimer, Slot
        from PySide6.QtDBus import QDBusConnection
        from PySide6.QtGui import QDesktopServices, QGuiApplication
        from gui import reveal

        app = QGuiApplication([])
        opened, shown = [], []
        QDesktopServices.openUrl = staticmethod(lambda url: opened.append(url.toString()))

        @ClassInfo({{"D-Bus Interface": "org.freedesktop.FileManager1"}})
        class FileManager(QObject):
            @Slot("QStringList", str)
            def ShowItems(self, uris, startup):
                shown.append(list(uris))

        target = Path({str(tmp_path / "deals.xlsx")!r})
        reveal.show_in_folder(target)  # no file manager yet: the folder opens
        QTimer.singleShot(1500, app.quit)
        app.exec()
        manager = FileManager()
        bus = QDBusConnection.sessionBus()
        bus.registerService("org.freedesktop.FileManager1")
        bus.registerObject("/org/freedesktop/FileManager1", manager,
                           QDBusConnection.RegisterOption.ExportAllSlots)
        reveal.show_in_folder(target)
        QTimer.singleShot(1500, app.quit)
        app.exec()
        print(json.dumps([opened, shown]))
    """), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(["dbus-run-session", "--", sys.executable, str(script)], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr
    url = QUrl.fromLocalFile(str(tmp_path / "deals.xlsx")).toString()
    assert json.loads(proc.stdout) == [[QUrl.fromLocalFile(str(tmp_path)).toString()],
                                       [[url]]]


def test_the_dbus_call_names_the_file_manager_and_the_file(tmp_path):
    message = reveal.show_items_message(tmp_path / "deals.xlsx")
    assert (message.service(), message.path(), message.interface(), message.member()) == (
        "org.freedesktop.FileManager1", "/org/freedesktop/FileManager1",
        "org.freedesktop.FileManager1", "ShowItems")
    assert message.arguments() == [[QUrl.fromLocalFile(str(tmp_path / "deals.xlsx"))
                                    .toString()], ""]


def test_an_export_whose_folder_goes_while_it_is_written_names_the_workbook(tmp_path):
    """The worker's message when the folder is removed half-way names the workbook the user
    chose, never the hidden temporary file it was writing (the window puts it after "Could
    not export to {file}:", removing that repeated name)."""
    from gui.jobs.process import _run
    from gui.jobs.targets import export_workbook_job
    from models.engine.sample import synthetic_portfolio
    from models.files.portfolio_file import dumps_portfolio

    folder = tmp_path / "committee"
    folder.mkdir()
    target = folder / "deals.xlsx"

    def export_then_lose_the_folder(*args, progress):  # type: ignore[no-untyped-def]
        def step(done: int, total: int) -> None:
            if done < total and folder.exists():  # half-way: the temporary file is there
                assert [p.name.startswith(".deals.xlsx.") for p in folder.iterdir()] == [True]
                shutil.rmtree(folder)
            progress(done, total)

        return export_workbook_job(*args, progress=step)

    class Messages(list):  # type: ignore[type-arg]
        put = list.append

    messages = Messages()
    portfolio = dumps_portfolio(synthetic_portfolio(1500))  # progress told after 1,000
    _run(export_then_lose_the_folder, (portfolio, str(target), "en", "investor", False, None,
                                       0, 1), messages)
    kind, code, reason, filename, _ = messages[-1]  # the window words it in its language
    assert (kind, code, filename) == ("failed_write", errno.ENOENT, str(target))
    assert write_failure(OSError(code, reason, filename)) == (
        f"{target}: could not be written: the folder does not exist; choose an existing folder")
    assert write_failure(OSError(code, reason, filename), None, "zh_CN") == (
        f"{target}：无法写入：文件夹不存在；请选择一个已有的文件夹")
    assert not folder.exists()


def test_a_write_refused_in_the_worker_is_told_in_the_windows_language(
        window, qtbot, tmp_path, scripted_ask, chinese_built):
    window.set_language("zh_CN", remember=False)
    target = tmp_path / "deals.xlsx"
    target.mkdir()  # a folder where the workbook should go
    assert window.file_jobs.export_workbook(target)
    _wait(window, qtbot)
    (error,) = scripted_ask.errors()
    assert error.endswith(f"{target}：无法写入：这是一个文件夹；请指定要写入的文件名")
    assert "could not" not in error


def _exported_then(scripted_ask, monkeypatch, answer: str, meanwhile):  # type: ignore[no-untyped-def]
    """The export's message is answered ``answer`` after ``meanwhile()`` ran (the user moved
    the file in another program while the message was on screen)."""
    def exported(parent, title, message, note=""):  # type: ignore[no-untyped-def]
        scripted_ask.written.append(f"{title}: {message}")
        meanwhile()
        return answer

    monkeypatch.setattr(scripted_ask, "exported", exported)


def test_open_says_so_when_the_workbook_is_gone_or_nothing_opens_it(
        window, qtbot, tmp_path, scripted_ask, opened, monkeypatch):
    target = tmp_path / "deals.xlsx"
    _exported_then(scripted_ask, monkeypatch, "open", target.unlink)
    assert window.file_jobs.export_workbook(target)
    _wait(window, qtbot)
    assert opened == [] and not target.exists()
    assert scripted_ask.errors() == [f"Cannot open the file: {target} is no longer there: it "
                                     "was moved or deleted after it was written."]
    # a system with no program for workbooks: openUrl answers False
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    _exported_then(scripted_ask, monkeypatch, "open", lambda: None)
    assert window.file_jobs.export_workbook(target)
    _wait(window, qtbot)
    assert target.exists()
    assert scripted_ask.errors()[1] == ("Cannot open the file: No program on this computer is "
                                        f"set to open deals.xlsx. It is in {tmp_path}.")


def test_show_in_folder_says_so_when_the_folder_is_gone(window, qtbot, tmp_path,
                                                         scripted_ask, opened, monkeypatch):
    folder = tmp_path / "committee"
    folder.mkdir()
    target = folder / "deals.xlsx"
    _exported_then(scripted_ask, monkeypatch, "folder", lambda: shutil.rmtree(folder))
    assert window.file_jobs.export_workbook(target)
    _wait(window, qtbot)
    assert opened == []
    assert scripted_ask.errors() == [f"Cannot show the folder: The folder {folder} is no "
                                     "longer there: it was moved or deleted after deals.xlsx "
                                     "was written."]
