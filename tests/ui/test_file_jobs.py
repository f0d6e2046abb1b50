"""Export Workbook from the window: worker process, progress, cancel leaves nothing behind."""

from __future__ import annotations

import datetime as dt
import os
import signal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.engine.sample import synthetic_portfolio
from models.files.portfolio_file import save_portfolio


def test_export_from_menu_writes_workbook(window, qtbot, tmp_path, scripted_ask):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    scripted_ask.queue("save_file", str(out_dir / "deal-flow"))
    window.file_jobs.export_action.trigger()
    job = window.file_jobs.job
    assert job is not None
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    target = out_dir / "deal-flow.xlsx"
    assert window.file_jobs.last_result["path"] == str(target)
    wb = load_workbook(target, read_only=True)
    assert "Summary" in wb.sheetnames
    assert sorted(p.name for p in out_dir.iterdir()) == ["deal-flow.xlsx"]
    assert scripted_ask.errors() == []


def test_cancelled_export_leaves_nothing(qtbot, tmp_path, make_window):
    w = make_window()
    big = tmp_path / "big.beachhead"
    save_portfolio(synthetic_portfolio(3000, seed=1), big)
    assert w.files.open_document(big)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "big.xlsx"
    target.write_bytes(b"previous version")
    assert w.file_jobs.export_workbook(target)
    job = w.file_jobs.job
    qtbot.waitUntil(lambda: any(out_dir.iterdir()), timeout=10_000)
    job.cancel()
    assert not job.is_running()
    assert [p.name for p in out_dir.iterdir()] == ["big.xlsx"]
    assert target.read_bytes() == b"previous version"


def test_export_into_a_missing_folder_explains(window, scripted_ask, tmp_path):
    target = tmp_path / "missing" / "x.xlsx"
    assert not window.file_jobs.export_workbook(target)
    assert scripted_ask.errors() == [
        f"Cannot export: Could not export to {target}: the folder {target.parent} does not "
        "exist. Choose an existing folder."]


def _founder_workbook(path: Path, name: str, runway: int = 4) -> Path:
    from tests.workbook_corpus import fill_template

    fill_template(path, fields={"Startup": name, "Assessor": "Founder of " + name,
                                "Role": "founder", "Date": dt.date(2024, 11, 2)},
                  rows={"cap.runway": (runway, "high", "18 months of cash", "bank statement")})
    return path


def test_import_workbooks_is_one_undoable_change(window, qtbot, tmp_path, scripted_ask):
    a = _founder_workbook(tmp_path / "a.xlsx", "Nova Robotics")
    b = _founder_workbook(tmp_path / "b.xlsx", "Gearloom Systems", runway=5)
    doc = window.doc
    n = len(doc.portfolio.startups)
    gear = doc.portfolio.find_startup("Gearloom Systems")
    before = len(gear.assessments)
    scripted_ask.queue("open_files", [str(a), str(b)])
    assert window.file_jobs.import_workbooks()
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    assert scripted_ask.errors() == []
    assert len(doc.portfolio.startups) == n + 1
    nova = doc.portfolio.find_startup("Nova Robotics")
    assert nova.assessments[0].level("cap.runway") == 4
    assert nova.assessments[0].scores["cap.runway"].rationale == "18 months of cash"
    assert len(gear.assessments) == before + 1
    assert window.assess_view.current_startup().id == nova.id
    assert doc.undo_stack.undoText() == "Import 2 assessments"
    doc.undo_stack.undo()
    assert len(doc.portfolio.startups) == n and len(gear.assessments) == before
    doc.undo_stack.redo()
    assert doc.portfolio.find_startup("Nova Robotics") is not None


def test_import_with_a_bad_file_asks_and_can_skip(window, qtbot, tmp_path, scripted_ask):
    good = _founder_workbook(tmp_path / "good.xlsx", "Nova Robotics")
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"this is not a workbook")
    n = len(window.doc.portfolio.startups)
    scripted_ask.queue("import_problems", False)
    window.file_jobs.import_workbooks([good, bad])
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    assert len(window.doc.portfolio.startups) == n  # all or nothing: declined
    assert ("import_problems", "Some workbooks have problems") in scripted_ask.asked
    scripted_ask.queue("import_problems", True)
    window.file_jobs.import_workbooks([good, bad])
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    assert len(window.doc.portfolio.startups) == n + 1


@pytest.mark.filterwarnings("ignore:Function.*QDragEnterEvent:DeprecationWarning")
def test_dropping_workbooks_imports_them(window, qtbot, tmp_path, drop):
    wb = _founder_workbook(tmp_path / "dropped.xlsx", "Dropped AI")
    assert drop(window, [wb])
    qtbot.waitUntil(lambda: window.doc.portfolio.find_startup("Dropped AI") is not None,
                    timeout=60_000)


def test_export_report_from_menu(window, qtbot, tmp_path, scripted_ask):
    scripted_ask.queue("save_file", str(tmp_path / "partners"))
    window.file_jobs.report_action.trigger()
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=120_000)
    assert scripted_ask.errors() == []
    pdf = tmp_path / "partners.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert window.file_jobs.last_result["pages"] == 1 + 8  # the ranking, a page per startup
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_through_a_symbolic_link_changes_the_real_file(window, qtbot, tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "committee.xlsx"
    real.write_bytes(b"old")
    link = tmp_path / "committee.xlsx"
    link.symlink_to(real)
    assert window.file_jobs.export_workbook(link)
    qtbot.waitUntil(lambda: not window.file_jobs.job.is_running(), timeout=60_000)
    assert link.is_symlink()
    assert load_workbook(real, read_only=True).sheetnames[0] == "Summary"
    assert sorted(p.name for p in synced.iterdir()) == ["committee.xlsx"]


def test_a_hostile_workbook_is_named_and_the_others_import(window, qtbot, tmp_path,
                                                           scripted_ask):
    """A workbook that used to make the reader abort (the whole import then failed with
    "exit code -6") is refused by name; the good one is imported."""
    from tests.workbook_corpus import cases

    good = _founder_workbook(tmp_path / "good.xlsx", "Nova Robotics")
    hostile = tmp_path / "hostile.xlsx"
    next(c for c in cases() if c.name == "cell_reference_with_spaces").build(hostile)
    n = len(window.doc.portfolio.startups)
    scripted_ask.queue("import_problems", True)
    window.file_jobs.import_workbooks([good, hostile])
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    assert scripted_ask.errors() == []
    assert ("import_problems", "Some workbooks have problems") in scripted_ask.asked
    report = window.file_jobs.last_result["report"]
    (problem,) = report.problems
    assert (problem.source, problem.location) == (str(hostile), "Assessment")
    assert "reach XFD1048576" in problem.message
    assert len(window.doc.portfolio.startups) == n + 1


def test_when_the_import_process_dies_the_workbooks_are_named(window, qtbot, tmp_path,
                                                              scripted_ask):
    a = _founder_workbook(tmp_path / "a.xlsx", "Nova Robotics")
    window.file_jobs.import_workbooks([a])
    job = window.file_jobs.job
    os.kill(job.pid, signal.SIGKILL)  # the job's own process, not a reader's: nothing to name
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    assert scripted_ask.errors() == [
        "The import failed: The import stopped before it ended: The background task stopped "
        "unexpectedly (exit code -9). Nothing was imported. Try again, or import fewer "
        f"workbooks at a time to find the one at fault. It was reading these workbooks:\n{a}"]
    assert scripted_ask.details == [""]  # no traceback: the process was killed


def test_scores_not_counted_are_shown_after_the_import(window, qtbot, tmp_path, scripted_ask):
    from tests.workbook_corpus import FIRST, S_COL, fill_template

    path = tmp_path / "text.xlsx"
    fill_template(path, fields={"Startup": "Texty AI"},
                  rows={"niche.segment_focus": ("3", "high", "typed as text", "")})
    window.file_jobs.import_workbooks([path])
    job = window.file_jobs.job
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    (dialog,) = scripted_ask.problem_dialogs
    assert dialog.windowTitle() == "Workbooks imported"
    assert dialog.summary_label.text() == ("Imported 1 assessment from 1 workbook. "
                                           "1 thing worth a look:")
    ((file, sheet, cell, problem),) = dialog.rows()
    assert (file, sheet, cell) == (str(path), "Assessment", f"{S_COL}{FIRST}")
    assert problem.startswith("the score '3' is stored as text")
    st = window.doc.portfolio.find_startup("Texty AI")
    assert st.assessments[0].scores["niche.segment_focus"].value is None
