"""Outputs the command line refuses before any work: an existing output that is not a regular
file (a named pipe would block the command for ever; it is never opened), a ``sample --size``
beyond 100,000 startups (it would exhaust the memory), an ``export`` output that is neither a
workbook nor a JSON portfolio. Each in one line, in English or Chinese."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from models.store.sqlite import is_workspace, unlike_target
from tests.helpers import run_cli


def _no_wait(call):  # type: ignore[no-untyped-def]
    """``call()``'s result, failing (not hanging) when it takes more than 10 seconds."""
    result: list[object] = []
    worker = threading.Thread(target=lambda: result.append(call()), daemon=True)
    worker.start()
    worker.join(10)
    if worker.is_alive():
        pytest.fail("blocked on a named pipe")
    return result[0]


@pytest.mark.parametrize("name", ["p.xlsx", "p.json", "p.beachhead"])
def test_a_named_pipe_is_never_opened(tmp_path: Path, name: str) -> None:
    pipe = tmp_path / name
    os.mkfifo(pipe)
    link = tmp_path / f"link{pipe.suffix}"
    link.symlink_to(name)
    assert _no_wait(lambda: is_workspace(pipe)) is False
    assert _no_wait(lambda: is_workspace(link)) is False
    assert _no_wait(lambda: unlike_target(pipe)) is None


@pytest.mark.parametrize("name", ["p.xlsx", "p.json"])
def test_export_to_a_named_pipe_is_refused(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, sample_file: Path, name: str):
    pipe = tmp_path / name
    os.mkfifo(pipe)
    for extra in ([], ["--overwrite"]):
        argv = ["export", str(sample_file), "-o", str(pipe), *extra]
        code, _, err = _no_wait(lambda: run_cli(capsys, *argv))  # noqa: B023
        assert (code, err) == (1, f"{pipe}: is not a regular file (a named pipe, a device or a "
                                  "folder) and is never replaced, even with --overwrite; choose "
                                  "another name\n")
    code, _, err = _no_wait(lambda: run_cli(capsys, "--lang", "zh_CN", "export",
                                            str(sample_file), "-o", str(pipe)))
    assert (code, err) == (1, f"{pipe}: 这不是普通文件（而是命名管道、设备或文件夹），即使加上 "
                              "--overwrite 也不会被替换；请换一个名称\n")
    assert pipe.is_fifo()


def test_sample_size_is_bounded(capsys, tmp_path: Path):  # type: ignore[no-untyped-def]
    from models.cli.parser import _sample_size

    assert (_sample_size("0"), _sample_size("10000"), _sample_size("100000")) == (0, 10000, 100000)
    out = tmp_path / "x.beachhead"
    code, _, err = run_cli(capsys, "sample", "-o", str(out), "--size", "99999999")
    assert code == 2 and err.endswith("beachhead sample: error: argument --size: must be between "
                                      "0 and 100,000\n"), err
    code, _, err = run_cli(capsys, "--lang", "zh_CN", "sample", "-o", str(out), "--size", "100001")
    assert code == 2 and err.endswith("参数 --size：必须在 0 到 100,000 之间\n"), err
    assert not out.exists()


def test_export_names_both_kinds(  # type: ignore[no-untyped-def]
        capsys, tmp_path: Path, sample_file: Path):
    out = tmp_path / "e.csv"
    code, _, err = run_cli(capsys, "export", str(sample_file), "-o", str(out))
    assert (code, err) == (2, f"beachhead export: the output must be an .xlsx or .json file, "
                              f"not '{out}'\n")
    code, _, err = run_cli(capsys, "--lang", "zh_CN", "export", str(sample_file), "-o", str(out))
    assert (code, err) == (2, f"beachhead export: 输出文件必须是 .xlsx 或 .json 文件，"
                              f"而不是“{out}”\n")
    assert not out.exists()
