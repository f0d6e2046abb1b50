"""Export Workbook from the window: worker process, progress, cancel leaves nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from gui.main_window import MainWindow
from gui.recovery import RecoveryStore
from gui.settings import AppSettings
from models.sample import sample_portfolio, synthetic_portfolio
from models.storage import save_portfolio


@pytest.fixture
def window(qtbot, tmp_path, scripted_ask) -> MainWindow:
    w = MainWindow(AppSettings(), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(w)
    src = tmp_path / "sample.beachhead"
    save_portfolio(sample_portfolio(), src)
    assert w.open_document(src)
    return w


def test_export_from_menu_writes_workbook(window, qtbot, tmp_path, scripted_ask):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    scripted_ask.queue("save_file", str(out_dir / "deal-flow"))
    window.workbook_actions.export_action.trigger()
    job = window.workbook_actions.job
    assert job is not None
    qtbot.waitUntil(lambda: not job.is_running(), timeout=60_000)
    target = out_dir / "deal-flow.xlsx"
    assert window.workbook_actions.last_result["path"] == str(target)
    wb = load_workbook(target, read_only=True)
    assert "Summary" in wb.sheetnames
    assert sorted(p.name for p in out_dir.iterdir()) == ["deal-flow.xlsx"]
    assert scripted_ask.errors() == []


def test_cancelled_export_leaves_nothing(qtbot, tmp_path, scripted_ask):
    w = MainWindow(AppSettings(), RecoveryStore(tmp_path / "recovery"))
    qtbot.addWidget(w)
    big = tmp_path / "big.beachhead"
    save_portfolio(synthetic_portfolio(3000, seed=1), big)
    assert w.open_document(big)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    target = out_dir / "big.xlsx"
    target.write_bytes(b"previous version")
    assert w.workbook_actions.export_workbook(target)
    job = w.workbook_actions.job
    qtbot.waitUntil(lambda: any(out_dir.iterdir()), timeout=10_000)
    job.cancel()
    assert not job.is_running()
    assert [p.name for p in out_dir.iterdir()] == ["big.xlsx"]
    assert target.read_bytes() == b"previous version"


def test_export_into_unwritable_folder_explains(window, scripted_ask, tmp_path):
    assert not window.workbook_actions.export_workbook(tmp_path / "missing" / "x.xlsx")
    assert scripted_ask.errors() and "cannot be written" in scripted_ask.errors()[0]
