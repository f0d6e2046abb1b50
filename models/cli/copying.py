"""``beachhead copy SRC DEST``: a consistent copy of a workspace, or a JSON portfolio made
into a workspace.

A workspace is copied with SQLite's ``VACUUM INTO`` (:meth:`Workspace.copy_to`): the copy is
the source's last committed state, compact, with its whole history, and the source may be in
use meanwhile. A JSON portfolio becomes a new workspace holding it (the JSON file is only
read; the workspace remembers its name and SHA-256, as a conversion does). ``DEST`` must end
in ``.beachhead``; an existing ``DEST`` is refused unless ``--overwrite`` is given, and a
workspace in use is never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models.cli.common import EXIT_OK
from models.cli.files import output_path


def cmd_copy(args: argparse.Namespace) -> int:
    """``beachhead copy SRC DEST [--overwrite]`` (see the module notes)."""
    from models.core.errors import InputError
    from models.files.portfolio_file import load_portfolio
    from models.store.convert import file_sha256
    from models.store.sqlite import is_workspace
    from models.store.workspace import Workspace

    source = Path(args.file)
    dest = output_path(args.output, "a .beachhead")
    if dest.exists() and not args.overwrite:
        raise InputError.single(args.output, "", "already exists; choose another name, or "
                                "give --overwrite to replace it")
    if is_workspace(source):
        with Workspace.open(source) as ws:
            ws.copy_to(dest, overwrite=args.overwrite)
        what = f"a copy of the workspace {source}"
    else:
        content = load_portfolio(source)
        Workspace.create(dest, content, overwrite=args.overwrite,
                         source=(source.name, file_sha256(source))).close()
        what = (f"a workspace holding the JSON portfolio {source} "
                f"({len(content.startups)} startups)")
    print(f"wrote {dest}: {what}", file=sys.stderr)
    return EXIT_OK
