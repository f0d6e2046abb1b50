"""``beachhead copy SRC DEST``: a consistent copy of a workspace, or a JSON portfolio made
into a workspace; either end may be a team workspace on a server.

A workspace file is copied to a file with SQLite's ``VACUUM INTO``, and between a file and a
server (either way) row by row (:meth:`Workspace.copy_to`): the copy is the source's last
committed state with its whole history, and the source may be in use meanwhile. A JSON
portfolio becomes a new workspace holding it (the JSON file is only read; the workspace
remembers its name and SHA-256, as a conversion does). A file ``DEST`` must end in
``.beachhead``; an existing file, or a server's database that holds a portfolio already, is
refused unless ``--overwrite`` is given, and a workspace file in use is never overwritten.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models.cli.common import EXIT_OK
from models.cli.count_texts import counted
from models.cli.files import refuse_existing, workspace_output
from models.cli.texts import label


def cmd_copy(args: argparse.Namespace) -> int:
    """``beachhead copy SRC DEST [--overwrite]`` (see the module notes)."""
    from models.files.portfolio_file import load_portfolio
    from models.store.access import is_workspace_location
    from models.store.convert import file_sha256
    from models.store.server import shown
    from models.store.workspace import Workspace

    dest = workspace_output(args.output)
    if isinstance(dest, Path):
        refuse_existing(args, workspace=True)
    if is_workspace_location(args.file):
        with Workspace.open(args.file) as ws:
            ws.copy_to(dest, overwrite=args.overwrite)
            what = label("copy_of_workspace", args.lang).format(source=ws.location)
    else:
        source = Path(args.file)
        content = load_portfolio(source)
        Workspace.create(dest, content, overwrite=args.overwrite,
                         source=(source.name, file_sha256(source))).close()
        what = label("copy_of_json", args.lang).format(
            source=source, startups=counted(args.lang, "startups", len(content.startups)))
    named = dest if isinstance(dest, Path) else shown(dest)
    print(label("wrote_copy", args.lang).format(path=named, what=what), file=sys.stderr)
    return EXIT_OK
