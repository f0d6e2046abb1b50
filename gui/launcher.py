"""The ``beachhead`` entry point.

A subcommand (``score``, ``sample``, …) goes to the headless command line in
:mod:`models.cli` without importing Qt; otherwise the desktop application starts.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    """Dispatch ``argv`` (default ``sys.argv[1:]``); returns the exit status."""
    from models import cli

    args = list(sys.argv[1:] if argv is None else argv)
    return cli.main(args)


if __name__ == "__main__":
    sys.exit(main())
