"""The ``beachhead`` entry point.

A subcommand (``score``, ``sample``, …) goes to the headless command line in
:mod:`models.cli` without importing Qt; anything else starts the desktop application.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    from models import cli

    args = list(sys.argv[1:] if argv is None else argv)
    if any(a in cli.COMMANDS for a in args) or "--version" in args:
        return cli.main(args)
    from gui.app import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
