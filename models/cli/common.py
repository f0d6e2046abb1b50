"""What the commands share: exit statuses, the usage error, UTF-8 standard output, progress
lines on stderr, the ``--scenario`` lookup and the check of ``--perspective assessor:NAME``."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from models.core.framework import Framework, Scenario
    from models.core.portfolio import Portfolio

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
        known = ", ".join(f"{s.id} ({' / '.join(dict.fromkeys(s.name.values()))})"
                          for s in framework.scenarios) or "none"
        raise UsageError(f"unknown scenario '{name}'; this framework has: {known}") from None


#: How many assessors' names a message spells out before it says how many more there are.
NAMES_LISTED = 8


def check_assessor(portfolio: Portfolio, perspective: str, source: str) -> None:
    """Refuse ``--perspective assessor:NAME`` when no assessment of ``portfolio`` is by
    ``NAME`` exactly: every startup would rank unscored, which hides a mistyped name.

    Raises:
        InputError: naming ``source`` and ``--perspective``, with the names that differ from
            ``NAME`` only in case or spacing, else the portfolio's assessors.
    """
    from models.core.errors import InputError
    from models.engine.perspectives import ASSESSOR_PREFIX

    if not perspective.startswith(ASSESSOR_PREFIX):
        return
    name = perspective[len(ASSESSOR_PREFIX):]
    names = sorted({a.assessor for _, a in portfolio.assessments()},
                   key=lambda n: (n.casefold(), n))
    if name in names:
        return
    key = name.strip().casefold()
    alike = [n for n in names if n.strip().casefold() == key]
    if alike:
        hint = ("the name differs only in case or spacing from "
                + ", ".join(f"'{n}'" for n in alike) + "; give it exactly")
    elif not names:
        hint = "the portfolio has no assessments"
    else:
        shown = ", ".join(f"'{n}'" for n in names[:NAMES_LISTED])
        more = len(names) - NAMES_LISTED
        hint = f"its assessors are {shown}" + (f" and {more} more" if more > 0 else "")
    raise InputError.single(source, "--perspective",
                            f"no assessment is by '{name}', so nothing would be ranked; {hint}")


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
