"""The one atomic writer: failures leave the old file, links are written through, and the
temporary files of killed saves are removed by the next save of the same file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

from models.files import atomic as atomic_file
from models.files.atomic import atomic_output, atomic_write_text, remove_stale_temporaries


def test_writes_and_keeps_backup(tmp_path):
    p = tmp_path / "a.json"
    atomic_write_text(p, "one")
    atomic_write_text(p, "two", keep_backup=True)
    assert p.read_text() == "two"
    assert (tmp_path / "a.json.bak").read_text() == "one"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.json", "a.json.bak"]


def test_exception_inside_leaves_old_file_and_no_temporary(tmp_path):
    p = tmp_path / "a.xlsx"
    p.write_text("old")
    with pytest.raises(RuntimeError), atomic_output(p) as tmp:
        tmp.write_text("half")
        raise RuntimeError("cancelled")
    assert p.read_text() == "old"
    assert [x.name for x in tmp_path.iterdir()] == ["a.xlsx"]


def test_symbolic_link_is_written_through(tmp_path):
    synced = tmp_path / "synced"
    synced.mkdir()
    real = synced / "deals.json"
    real.write_text("old")
    link = tmp_path / "deals.json"
    link.symlink_to(real)
    atomic_write_text(link, "new")
    assert link.is_symlink()
    assert real.read_text() == "new"
    assert sorted(x.name for x in synced.iterdir()) == ["deals.json"]


def test_missing_folder_names_the_users_file(tmp_path):
    target = tmp_path / "nowhere" / "out.xlsx"
    with pytest.raises(FileNotFoundError) as info:
        atomic_write_text(target, "x")
    assert info.value.filename == str(target)


def test_unwritable_folder_names_the_users_file(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    with pytest.raises(PermissionError) as info:
        atomic_write_text(folder / "out.xlsx", "x")
    assert info.value.filename == str(folder / "out.xlsx")


def test_killed_save_leaves_a_temporary_that_the_next_save_removes(tmp_path):
    target = tmp_path / "big.xlsx"
    target.write_text("old")
    script = textwrap.dedent(f"""
        import sys, time
        from models.files.atomic import atomic_output
        with atomic_output({str(target)!r}) as tmp:
            tmp.write_text("partial")
            print("writing", flush=True)
            time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True,
                             cwd=os.getcwd())
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "writing"
    # a save in flight holds its temporary file: it is not removed
    assert remove_stale_temporaries(target) == []
    child.send_signal(signal.SIGKILL)
    child.wait()
    leftovers = [x for x in tmp_path.iterdir() if x.name.endswith(".tmp")]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".big.xlsx.")
    atomic_write_text(target, "new")
    assert target.read_text() == "new"
    assert [x.name for x in tmp_path.iterdir()] == ["big.xlsx"]


def test_other_files_temporaries_are_left_alone(tmp_path):
    other = tmp_path / ".other.xlsx.abc.tmp"
    other.write_text("x")
    time.sleep(0)
    atomic_write_text(tmp_path / "mine.xlsx", "y")
    assert other.exists()


def test_replace_failure_is_reported_with_the_users_name(tmp_path, monkeypatch):
    target = tmp_path / "t.json"

    def refuse(src, dst):  # type: ignore[no-untyped-def]
        raise PermissionError(13, "Permission denied", src)

    monkeypatch.setattr(atomic_file.os, "replace", refuse)
    with pytest.raises(PermissionError) as info:
        atomic_write_text(target, "x")
    assert info.value.filename == str(target)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_removed_while_writing_names_the_users_file(tmp_path):
    """The folder goes while the content is being written (a synced folder removed, a USB
    stick pulled): the error names the file the user chose, not the hidden temporary one."""
    import shutil

    folder = tmp_path / "committee"
    folder.mkdir()
    target = folder / "deals.xlsx"
    with pytest.raises(FileNotFoundError) as info, atomic_output(target) as tmp:
        shutil.rmtree(folder)
        tmp.write_bytes(b"PK")  # a writer that opens its file by name, as XlsxWriter does
    assert info.value.filename == str(target)
    assert not folder.exists()
