"""The ``beachhead`` entry point.

A subcommand (``score``, ``sample``, …) goes to the headless command line in
:mod:`models.cli.main` without importing Qt; anything else starts the desktop application, on
a workspace file or a team workspace's address (``beachhead postgresql://ann@host/deals``).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

#: The desktop app's options that take a value (``--startup NAME``): their values are never
#: commands, even when a startup is called "report".
VALUE_OPTIONS = frozenset({"--screenshot", "--view", "--startup", "--size", "--lang"})


def first_positional(args: Sequence[str]) -> str | None:
    """The first argument that is neither an option nor an option's value."""
    skip = rest = False
    for a in args:
        if skip:
            skip = False
        elif a == "--" and not rest:
            rest = True
        elif a.startswith("-") and a != "-" and not rest:
            skip = a in VALUE_OPTIONS
        else:
            return a
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    from models.cli import main as cli

    args = list(sys.argv[1:] if argv is None else argv)
    first = first_positional(args)
    if first in cli.COMMANDS or "--version" in args:
        return cli.main(args)
    if first is not None and not first.lower().endswith(".beachhead") and \
            not Path(first).exists() and "--screenshot" not in args:
        from models.store.server import is_server_address

        if not is_server_address(first):  # a team workspace's address is no file name
            # neither a portfolio nor a command: most likely a mistyped command
            print(f"beachhead: '{first}' is neither a command nor a portfolio file; "
                  f"commands: {', '.join(cli.COMMANDS)} (or a .beachhead file or a "
                  f"postgresql:// address to open)", file=sys.stderr)
            return cli.EXIT_USAGE
    from gui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
