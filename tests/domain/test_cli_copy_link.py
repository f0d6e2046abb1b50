"""``beachhead copy`` (and ``sample``) may replace a workspace with ``--overwrite``, but never
writes a workspace through a symbolic link named ``.beachhead`` to a file of another kind (a
workbook, a JSON portfolio): it refuses, naming the link and the file behind it, in English or
Chinese, and the file is left as it was (:func:`models.store.opening.check_replaceable`, which
the window's Save a Copy and New go through too)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.helpers import run_cli


@pytest.mark.parametrize("behind", ["book.xlsx", "port.json"])
def test_copy_through_a_link_to_another_kind_is_refused(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, sample_file: Path, behind: str):
    other = tmp_path / behind
    assert run_cli(capsys, "export", str(sample_file), "-o", str(other))[0] == 0
    before = other.read_bytes()
    link = tmp_path / "a.beachhead"
    link.symlink_to(behind)
    code, _, err = run_cli(capsys, "copy", str(sample_file), str(link), "--overwrite")
    assert (code, err) == (1, f"{link}: is a link to {other}, which is not a workspace "
                              "(.beachhead) and is never replaced by one; choose another name\n")
    code, _, err = run_cli(capsys, "--lang", "zh_CN", "copy", str(sample_file), str(link),
                           "--overwrite")
    assert (code, err) == (1, f"{link}: 这是指向 {other} 的链接，该文件不是工作区（.beachhead），"
                              "不会被工作区替换；请换一个名称\n")
    json_source = tmp_path / "p.json"  # a JSON portfolio made into a workspace: the same
    shutil.copyfile(other if behind.endswith(".json") else sample_file, json_source)
    if behind.endswith(".json"):
        assert run_cli(capsys, "copy", str(json_source), str(link), "--overwrite")[0] == 1
    assert other.read_bytes() == before and link.is_symlink()


def test_copy_through_a_link_to_a_workspace_replaces_it(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, sample_file: Path):
    old = tmp_path / "old.beachhead"
    assert run_cli(capsys, "sample", "-o", str(old), "--size", "3")[0] == 0
    link = tmp_path / "link.beachhead"
    link.symlink_to("old.beachhead")
    assert run_cli(capsys, "copy", str(sample_file), str(link), "--overwrite")[0] == 0
    code, out, _ = run_cli(capsys, "score", str(old), "--format", "csv")
    assert code == 0 and "Gearloom Systems" in out and link.is_symlink()
