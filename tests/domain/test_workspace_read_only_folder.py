"""A workspace in a folder nobody may write to (a read-only share): SQLite cannot make the
journal it keeps beside the file, so the file cannot be opened even to be read; reading it
(``framework migrate --dry-run``, ``history``) says so and what to do, instead of calling the
file damaged or another program's database."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.engine.sample import sample_portfolio
from models.store.workspace import Workspace
from tests.helpers import run_cli


@pytest.fixture
def locked_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a workspace, made read-only (chmod; for root, whom chmod does not
    stop, the immutable attribute)."""
    folder = tmp_path / "share"
    folder.mkdir()
    Workspace.create(folder / "deals.beachhead", sample_portfolio()).close()
    folder.chmod(0o555)
    immutable = False
    if os.access(folder, os.W_OK):
        chattr = shutil.which("chattr")
        immutable = chattr is not None and subprocess.run(
            [chattr, "+i", str(folder)], capture_output=True).returncode == 0
        if not immutable or os.access(folder, os.W_OK):
            folder.chmod(0o755)
            pytest.skip("no way to make a folder read-only here")
    yield folder
    if immutable:
        subprocess.run([str(shutil.which("chattr")), "-i", str(folder)], check=True)
    folder.chmod(0o755)


def test_a_workspace_in_a_read_only_folder_says_why_it_cannot_be_read(capsys, locked_folder):  # type: ignore[no-untyped-def]
    path = locked_folder / "deals.beachhead"
    for args in (("framework", "migrate", str(path), "--to", "beachhead.llm-startups-traction",
                  "--dry-run"), ("history", str(path))):
        code, out, err = run_cli(capsys, *args)
        assert (code, out) == (1, "")
        assert err.startswith(
            f"{path}: cannot be opened: its folder {locked_folder.resolve()} is read-only, and "
            "a workspace writes its journal beside it (deals.beachhead-wal, "
            "deals.beachhead-shm), even to be read; copy it to a folder you can write to")
