"""What a command's FRAMEWORK argument names (``framework diff A B``, ``framework review``,
``framework migrate --to``, ``template --framework``): a framework file (JSON), a workspace or
JSON portfolio whose framework is used, or the id of a shipped framework."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.core.framework import Framework

#: What a FRAMEWORK argument may be, in the help.
SOURCE_HELP = ("a framework file (JSON), a workspace or JSON portfolio whose framework is "
               "used, or the id of a shipped framework (see 'framework list'); a shipped "
               "framework's id wins over a file of that name in the current folder: write "
               "./NAME for the file")


def json_object(path: str) -> dict[str, object] | None:
    """The decoded JSON object of ``path``, or ``None`` when it is not one (a workspace, an
    address, a damaged file: reading it otherwise names the problem)."""
    from models.cli.reading import _json_file

    if not _json_file(path):
        return None
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    return data if isinstance(data, dict) else None


def _is_framework(data: dict[str, object] | None) -> bool:
    """Whether a JSON object is a framework (its ``format`` says so, or it has pillars and no
    format) rather than a portfolio."""
    if data is None:
        return False
    fmt = data.get("format")
    return fmt == "beachhead.framework" or (fmt is None and "pillars" in data)


def read_framework(path: str) -> Framework:
    """The framework of ``path``: the shipped framework with that id, else a framework file's
    or a portfolio's (workspace or JSON).

    A shipped framework's id wins over a file of that name in the current folder, which is
    read when named as a path (``./NAME``: an id holds no folder separator); a note on stderr
    says so when both are there.

    Raises:
        InputError: the file cannot be read, or the framework in it is invalid (each problem
            naming its field).
    """
    from models.files.framework_file import load_framework, shipped_framework

    try:
        shipped = shipped_framework(path)
    except KeyError:
        pass
    else:
        if Path(path).exists():
            _say_both(path)
        return shipped
    if _is_framework(json_object(path)):
        return load_framework(path)
    if not Path(path).exists():
        _not_found(path)  # a server's address is read as a portfolio
    from models.cli.reading import read_portfolio

    return read_portfolio(argparse.Namespace(file=path)).framework


def _not_found(path: str) -> None:
    """Refuse ``path`` (no file, no shipped framework's id) unless it is a server's address.

    Raises:
        InputError: naming ``path`` and what a FRAMEWORK argument may be.
    """
    from models.cli.texts import label
    from models.core.errors import InputError
    from models.core.speech import language
    from models.store.server import is_server_address

    if not is_server_address(path):
        raise InputError.single(path, "", label("framework_not_found", language()))


def _say_both(name: str) -> None:
    """Note on stderr that ``name`` is a shipped framework's id, used, and a file too."""
    import sys

    from models.cli.texts import label
    from models.core.speech import language

    print(label("framework_id_and_file", language()).format(id=name), file=sys.stderr)
