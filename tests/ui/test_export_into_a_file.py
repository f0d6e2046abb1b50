"""Exporting or creating behind a file (``afile/x.xlsx``, ``afile`` a regular file) says that
``afile`` is a file, not a folder, instead of calling its folder missing; in both languages."""

from __future__ import annotations

import pytest


@pytest.fixture
def afile(tmp_path):
    path = tmp_path / "afile"
    path.write_text("notes", encoding="utf-8")
    return path


def test_export_behind_a_file_names_the_file(window, scripted_ask, afile):
    for export in (window.file_jobs.export_workbook, window.file_jobs.export_template):
        assert not export(afile / "x.xlsx")
    target = afile / "sub" / "x.xlsx"
    scripted_ask.queue("save_file", str(afile / "sub" / "x"))
    window.file_jobs.report_action.trigger()
    message = "Cannot export: Could not export to {file}: {afile} is a file, not a folder; " \
        "choose an existing folder"
    assert scripted_ask.errors() == [
        message.format(file=afile / "x.xlsx", afile=afile),
        message.format(file=afile / "x.xlsx", afile=afile),
        message.format(file=target.with_suffix(".pdf"), afile=afile)]
    assert window.file_jobs.job is None
    assert afile.read_text(encoding="utf-8") == "notes"


def test_new_behind_a_file_names_the_file(window, scripted_ask, afile):
    scripted_ask.queue("save_file", str(afile / "deals"))
    assert not window.files.new_document()
    assert scripted_ask.errors() == [
        f"Cannot create the portfolio: {afile / 'deals.beachhead'}: could not be written: "
        f"{afile} is a file, not a folder; choose an existing folder"]


def test_in_chinese(window, scripted_ask, afile, chinese_built):
    window.set_language("zh_CN", remember=False)
    assert not window.file_jobs.export_workbook(afile / "x.xlsx")
    [error] = scripted_ask.errors()
    assert error.endswith(f"{afile} 是一个文件，不是文件夹；请选择一个已有的文件夹")
    assert "不存在" not in error
