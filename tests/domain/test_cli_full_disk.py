"""A write that fails because the disk is full is one line in the chosen language, naming the
user's file and saying the disk is full, whatever library reported it (the operating system,
SQLite, zlib): ``models.core.errors.write_error`` reads their words and ``write_failure`` says
them. Nothing half-written is left behind, and nothing is printed after the line (a workbook's
zip file was closed again at the interpreter's exit, printing a traceback).

The commands run in a process of their own on a real full disk: a 16 KiB ``tmpfs`` mounted in
the test's folder (the tests are skipped where mounting is not allowed)."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from models.core.errors import write_error, write_failure

ROOT = Path(__file__).resolve().parents[2]
FULL_EN = "could not be written: the disk is full; free some space or save to another disk"
FULL_ZH = "无法写入：磁盘已满；请腾出空间，或保存到另一块磁盘"


def _sqlite_full(folder: Path) -> sqlite3.Error:
    """SQLite's own error for a database that cannot grow (as on a full disk)."""
    conn = sqlite3.connect(folder / "small.db")
    conn.execute("CREATE TABLE t (x TEXT)")
    conn.execute("PRAGMA max_page_count = 2")
    try:
        conn.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    except sqlite3.Error as exc:
        return exc
    finally:
        conn.close()
    raise AssertionError("the insert fitted")


def test_sqlites_full_database_is_a_full_disk(tmp_path: Path) -> None:
    exc = _sqlite_full(tmp_path)
    assert str(exc) == "database or disk is full"
    found = write_error(exc)
    assert found is not None and found.errno == errno.ENOSPC
    assert write_failure(exc, "deals.beachhead") == f"deals.beachhead: {FULL_EN}"
    assert write_failure(exc, "deals.beachhead", "zh_CN") == f"deals.beachhead：{FULL_ZH}"
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'other.db'}")
    with engine.connect() as conn:
        conn.execute(sa.text("CREATE TABLE t (x TEXT)"))
        conn.exec_driver_sql("PRAGMA max_page_count = 2")
        with pytest.raises(sa.exc.OperationalError) as caught:
            conn.execute(sa.text("INSERT INTO t VALUES (:x)"), {"x": "x" * 100_000})
    engine.dispose()
    assert "[SQL: INSERT" in str(caught.value)  # what was shown to the user
    assert write_failure(caught.value, "s.beachhead", "zh_CN") == f"s.beachhead：{FULL_ZH}"


def test_a_zlib_error_after_a_failed_write_is_that_write_s_error() -> None:
    stream = zlib.compressobj()
    stream.compress(b"page" * 100)
    stream.flush()
    with pytest.raises(zlib.error) as caught:
        try:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        except OSError:
            stream.flush()  # finishing the stream once more, as a PDF writer closing does
    assert write_failure(caught.value, "x.pdf") == f"x.pdf: {FULL_EN}"
    assert write_error(zlib.error("Error -3 while decompressing data")) is None
    assert write_error(ValueError("database or disk is full")) is None  # not SQLite's


def _mounted(folder: Path, size: str) -> Iterator[Path]:
    """``folder``, made, with a ``tmpfs`` of ``size`` mounted on it while the test runs
    (skipped where mounting is not allowed)."""
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs",
                              str(folder)], capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("a tmpfs cannot be mounted here (needs root)")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


@pytest.fixture
def full(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 16 KiB file system of its own, which none of the outputs fits."""
    yield from _mounted(tmp_path / "full", "16k")


@pytest.fixture(scope="module")
def big_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace of 300 synthetic startups, whose workbook's zip file fails half made."""
    from models.engine.sample import synthetic_portfolio
    from models.store.workspace import Workspace

    path = tmp_path_factory.mktemp("big") / "big.beachhead"
    Workspace.create(path, synthetic_portfolio(300, 0)).close()
    return path


#: Each command, its output's name in the full folder, and the language it speaks.
COMMANDS = [
    (("export", "{big}", "--draws", "0"), "x.xlsx", "en"),
    (("export", "{big}", "--draws", "0"), "x.xlsx", "zh_CN"),
    (("export", "{src}"), "x.json", "zh_CN"),
    (("report", "{src}", "--top", "2"), "x.pdf", "zh_CN"),
    (("template",), "t.xlsx", "zh_CN"),
    (("framework", "review", "beachhead.llm-startups"), "r.xlsx", "en"),
    (("sample", "--size", "50"), "s.beachhead", "zh_CN"),
    (("import", "{src}"), "i.beachhead", "zh_CN"),
    (("copy", "{src}"), "c.beachhead", "en"),
]


@pytest.mark.parametrize(("command", "name", "lang"), COMMANDS,
                         ids=[f"{c[0][0]}-{c[1]}-{c[2]}" for c in COMMANDS])
def test_a_full_disk_is_one_line_and_leaves_nothing(
        full: Path, sample_file: Path, big_file: Path, command: tuple[str, ...], name: str,
        lang: str) -> None:
    out = full / name
    argv = [a.format(src=sample_file, big=big_file) for a in command]
    argv += [str(out)] if command[0] == "copy" else ["-o", str(out)]
    done = subprocess.run([sys.executable, "-m", "models.cli.main", "--lang", lang, *argv],
                          capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    said = f"{out}: {FULL_EN}" if lang == "en" else f"{out}：{FULL_ZH}"
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines()[-1] == said
    assert "Traceback" not in done.stderr and "SQL" not in done.stderr
    assert list(full.iterdir()) == []


def _filled(folder: Path) -> None:
    """Fill ``folder``'s file system to its last byte."""
    with open(folder / "pad", "wb", buffering=0) as pad, pytest.raises(OSError) as caught:
        while True:
            pad.write(b"\0" * 4096)
    assert caught.value.errno == errno.ENOSPC


@pytest.fixture
def roomy(tmp_path: Path) -> Iterator[Path]:
    """A folder on a 4 MiB file system of its own, which the test fills."""
    yield from _mounted(tmp_path / "roomy", "4m")


def _cli(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "models.cli.main", *argv], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, check=False)


def test_import_into_a_portfolio_on_a_full_disk(roomy: Path, sample_file: Path,
                                                tmp_path: Path) -> None:
    book = tmp_path / "book.xlsx"
    assert _cli("export", str(sample_file), "-o", str(book), "--draws", "0").returncode == 0
    ws, port = roomy / "w.beachhead", roomy / "p.json"
    assert _cli("export", str(sample_file), "-o", str(port)).returncode == 0
    ws.write_bytes(sample_file.read_bytes())
    before = {p.name: p.read_bytes() for p in (ws, port)}
    _filled(roomy)
    full_en = (f"{ws}: cannot be opened for writing: the disk is full, and a workspace needs "
               "room beside it for its journal (w.beachhead-wal, w.beachhead-shm), even to be "
               "read; free some space and try again (the workspace is unchanged)")
    done = _cli("import", str(book), "--into", str(ws))
    assert (done.returncode, done.stderr.splitlines()[-1]) == (1, full_en), done.stderr
    done = _cli("--lang", "zh_CN", "score", str(ws))
    assert (done.returncode, done.stderr.splitlines()[-1]) == (1, (
        f"{ws}: 无法以写入方式打开：磁盘已满，而工作区即使只是读取，也需要在旁边写入日志文件"
        "（w.beachhead-wal、w.beachhead-shm）；请腾出空间后重试（工作区未被改动）")), done.stderr
    done = _cli("--lang", "zh_CN", "import", str(book), "--into", str(port))
    assert (done.returncode, done.stderr.splitlines()[-1]) == (1, f"{port}：{FULL_ZH}")
    assert sorted(p.name for p in roomy.iterdir()) == ["p.json", "pad", "w.beachhead"]
    assert {p.name: p.read_bytes() for p in (ws, port)} == before
    (roomy / "pad").unlink()  # room again: the workspace opens, as healthy as it was
    assert _cli("score", str(ws)).returncode == 0
