"""How every command reads its portfolio (``score``, ``analyze``, ``export``, ``report``,
``import --into``, ``copy``): a workspace is opened and loaded, a JSON portfolio is read as
before and never converted or changed; ``--as-of`` takes a workspace as it stood then.

Every refusal names the file in one line (exit status 1): a missing file, one that is neither
kind of portfolio, a damaged one, one from a newer Beachhead. ``--as-of`` on a JSON portfolio
is a usage error (exit status 2): only a workspace keeps a history.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from models.cli.common import UsageError

if TYPE_CHECKING:
    from models.core.portfolio import Portfolio


def read_portfolio(args: argparse.Namespace) -> Portfolio:
    """The portfolio of ``args.file``; as it stood at ``args.as_of`` when the command has
    that option and it is given."""
    moment: dt.datetime | None = getattr(args, "as_of", None)
    if moment is not None:
        return portfolio_as_of(args.file, moment)
    if _json_file(args.file):
        from models.files.portfolio_file import load_portfolio

        return load_portfolio(args.file)
    from models.store.access import read_portfolio_file

    return read_portfolio_file(args.file)


def _json_file(path: str) -> bool:
    """Whether ``path`` names a file that starts as JSON does (with ``{``, after a byte order
    mark or blanks), not a server's address: read as a JSON portfolio, which is what
    :func:`models.store.access.read_portfolio_file` makes of it too (a workspace file starts
    with SQLite's header), without loading what workspaces need (SQLAlchemy, the PostgreSQL
    driver: a fifth of ``score``'s time on a JSON portfolio)."""
    if "://" in str(path):
        return False
    try:
        with open(path, "rb") as fh:
            head = fh.read(64)
    except OSError:
        return False
    return head.removeprefix(b"\xef\xbb\xbf").lstrip(b" \t\r\n").startswith(b"{")


def require_workspace(path: str, option: str) -> None:
    """Refuse ``option`` unless ``path`` is a workspace.

    Raises:
        InputError: ``path`` is missing or not a portfolio at all (named as reading it would).
        UsageError: ``path`` is a JSON portfolio, which keeps no history.
    """
    from models.files.portfolio_file import load_portfolio
    from models.store.access import is_workspace_location

    if is_workspace_location(path):
        return
    load_portfolio(path)  # a file that is no portfolio at all is refused as such
    from models.cli.texts import label
    from models.core.speech import language

    raise UsageError(label("needs_workspace", language()).format(option=option, path=path))


def portfolio_as_of(path: str, moment: dt.datetime) -> Portfolio:
    """The workspace at ``path`` as it stood at ``moment``.

    Raises:
        InputError: ``moment`` is before the workspace was created, or the file cannot be
            read (named).
        UsageError: ``path`` is a JSON portfolio.
    """
    from models.store.workspace import Workspace

    require_workspace(path, "--as-of")
    with Workspace.open(path) as ws:
        return ws.as_of(moment)


def source_text(args: argparse.Namespace) -> str:
    """The file a table's heading names (a server's address without its password), with the
    moment of ``--as-of`` when given."""
    from models.cli.moments import local_text
    from models.cli.texts import label

    name = str(args.file)
    if "://" in name:  # perhaps a server's address, shown without its password
        from models.store.server import is_server_address, shown

        name = shown(name) if is_server_address(name) else name
    moment: dt.datetime | None = getattr(args, "as_of", None)
    if moment is None:
        return name
    return label("as_of", args.lang).format(file=name, moment=local_text(moment))
