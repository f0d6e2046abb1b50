"""A JSON portfolio (``format: beachhead.portfolio``, schema 1 or 2) converted into a
workspace beside it; the JSON file itself is only read, never changed.

``deals.beachhead`` becomes ``deals.workspace.beachhead`` (``deals.json`` too). The workspace
remembers the JSON file's name and SHA-256, so converting the same file again opens the
workspace made the first time; if that name is taken by anything else (another workspace, or
one converted from a since-changed JSON file), the next free name is used:
``deals.workspace-2.beachhead``, ``-3``… A file that is already a workspace is not converted.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final

from models.core.errors import InputError
from models.files.portfolio_file import load_portfolio
from models.store.sqlite import is_workspace
from models.store.workspace import Workspace

WORKSPACE_INFIX: Final = ".workspace"
SUFFIX: Final = ".beachhead"


def workspace_name(json_path: Path, number: int = 1) -> Path:
    """The workspace a JSON portfolio converts into (``number`` > 1: the next free names)."""
    stem = json_path.stem if json_path.suffix else json_path.name
    tail = "" if number == 1 else f"-{number}"
    return json_path.with_name(f"{stem}{WORKSPACE_INFIX}{tail}{SUFFIX}")


def file_sha256(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _converted_from(candidate: Path, name: str, sha: str) -> bool:
    """Whether ``candidate`` is a workspace converted from this very JSON file."""
    if not is_workspace(candidate):
        return False
    try:
        with Workspace.open(candidate) as ws:
            info = ws.info()
    except InputError:
        return False
    return bool(info["source_name"] == name and info["source_sha256"] == sha)


def convert_json(json_path: str | Path, who: str | None = None) -> Path:
    """Convert the JSON portfolio at ``json_path`` into a workspace beside it (see the module
    notes for its name); returns the workspace's path.

    Raises:
        InputError: ``json_path`` is already a workspace, or is not a valid portfolio (every
            problem named as :func:`models.files.portfolio_file.load_portfolio` names it).
        OSError: the workspace cannot be written (naming it).
    """
    source = Path(json_path)
    if is_workspace(source):
        raise InputError.single(str(source), "", "is already a workspace")
    content = load_portfolio(source)
    sha = file_sha256(source)
    number = 1
    while True:
        target = workspace_name(source, number)
        if _converted_from(target, source.name, sha):
            return target
        if not target.exists() and not target.with_name(target.name + "-wal").exists():
            break
        number += 1
    Workspace.create(target, content, who, source=(source.name, sha)).close()
    return target
