"""What the commands share: exit statuses, the usage error, UTF-8 standard output, progress
lines on stderr and the ``--scenario`` lookup."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from models.core.framework import Framework, Scenario

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was called with arguments that make no sense (exit status 2)."""


def scenario_named(framework: Framework, name: str | None) -> Scenario | None:
    """The scenario ``--scenario name`` chooses (``None`` without the option).

    Raises:
        UsageError: the framework has no scenario of that id or name (the known ones listed).
    """
    if name is None:
        return None
    try:
        return framework.scenario(name)
    except KeyError:
        known = ", ".join(f"{s.id} ({s.name['en']})" for s in framework.scenarios) or "none"
        raise UsageError(f"unknown scenario '{name}'; this framework has: {known}") from None


def stdout() -> TextIO:
    """Standard output, switched to UTF-8 when it is not already."""
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
    return sys.stdout


def progress_printer() -> Callable[[int, int], None]:
    """A progress callback printing percentages on stderr: one updated line on a terminal,
    else a line at every quarter."""
    tty = sys.stderr.isatty()
    last = [-1]

    def report(done: int, total: int) -> None:
        pct = done * 100 // total
        if tty:
            print(f"\r  {pct:3d}%", end="\n" if done >= total else "", file=sys.stderr,
                  flush=True)
        elif pct // 25 > last[0] // 25 or done >= total:
            print(f"  {pct}%", file=sys.stderr, flush=True)
        last[0] = pct

    return report
