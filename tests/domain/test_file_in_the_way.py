"""An output whose folder is a file (``afile/x.xlsx``, ``afile`` a regular file) is said to be
behind a file, not in a missing folder: by the command line and by every failed write, in
English and Chinese."""

from __future__ import annotations

import errno

import pytest

from models.core.errors import file_in_the_way, write_failure
from tests.helpers import run_cli


@pytest.fixture
def afile(tmp_path):
    path = tmp_path / "afile"
    path.write_text("notes", encoding="utf-8")
    return path


def test_the_file_in_the_way_is_named(afile, tmp_path):
    assert file_in_the_way(afile / "x.xlsx") == \
        f"{afile} is a file, not a folder; choose an existing folder"
    assert file_in_the_way(afile / "sub" / "x.xlsx", "zh_CN") == \
        f"{afile} 是一个文件，不是文件夹；请选择一个已有的文件夹"
    assert file_in_the_way(tmp_path / "missing" / "x.xlsx") == ""
    assert file_in_the_way(tmp_path / "x.xlsx") == ""


@pytest.mark.parametrize("code", [errno.ENOTDIR, errno.ENOENT])
def test_a_failed_write_behind_a_file_names_it(afile, code):
    target = afile / "x.beachhead"
    exc = OSError(code, "Not a directory", str(target))
    assert write_failure(exc, target) == (
        f"{target}: could not be written: {afile} is a file, not a folder; choose an "
        "existing folder")
    assert write_failure(exc, target, "zh_CN") == (
        f"{target}：无法写入：{afile} 是一个文件，不是文件夹；请选择一个已有的文件夹")


def test_a_missing_folder_is_still_called_missing(tmp_path):
    target = tmp_path / "missing" / "x.xlsx"
    assert write_failure(FileNotFoundError(errno.ENOENT, "No such file", str(target)),
                         target) == (f"{target}: could not be written: the folder does not "
                                     "exist; choose an existing folder")


@pytest.mark.parametrize("lang, words", [
    ("en", "{afile} is a file, not a folder; choose an existing folder"),
    ("zh_CN", "{afile} 是一个文件，不是文件夹；请选择一个已有的文件夹")])
def test_the_command_line_says_so(capsys, afile, sample_file, lang, words):
    out = afile / "x.xlsx"
    code, _, err = run_cli(capsys, "--lang", lang, "export", str(sample_file), "-o", str(out))
    assert code == 1
    assert err.strip() == f"{out}: " + words.format(afile=afile)
    assert afile.read_text(encoding="utf-8") == "notes"
