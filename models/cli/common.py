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
    from models.cli.texts import label
    from models.core.speech import language

    try:
        return framework.scenario(name)
    except KeyError:
        lang = language()
        known = ", ".join(f"{s.id} ({' / '.join(dict.fromkeys(s.name.values()))})"
                          for s in framework.scenarios) or label("none", lang)
        raise UsageError(label("unknown_scenario", lang).format(name=name, known=known)) \
            from None


#: How many assessors' names a message spells out before it says how many more there are.
NAMES_LISTED = 8


def check_assessor(portfolio: Portfolio, perspective: str, source: str) -> None:
    """Refuse ``--perspective assessor:NAME`` when no assessment of ``portfolio`` is by
    ``NAME`` exactly: every startup would rank unscored, which hides a mistyped name.

    Raises:
        InputError: naming ``source`` and ``--perspective``, with the names that differ from
            ``NAME`` only in case or spacing, else the portfolio's assessors.
    """
    from models.cli.texts import label
    from models.core.errors import InputError
    from models.core.speech import language
    from models.engine.perspectives import ASSESSOR_PREFIX

    if not perspective.startswith(ASSESSOR_PREFIX):
        return
    name = perspective[len(ASSESSOR_PREFIX):]
    names = sorted({a.assessor for _, a in portfolio.assessments()},
                   key=lambda n: (n.casefold(), n))
    if name in names:
        return
    lang = language()
    key = name.strip().casefold()
    alike = [n for n in names if n.strip().casefold() == key]
    if alike:
        hint = label("differs_in_case", lang).format(names=_listed(alike, lang))
    elif not names:
        hint = label("no_assessments", lang)
    else:
        more = len(names) - NAMES_LISTED
        hint = label("its_assessors", lang).format(names=_listed(names[:NAMES_LISTED], lang)) \
            + (label("and_more", lang).format(n=more) if more > 0 else "")
    raise InputError.single(source, "--perspective", label("no_assessment_by", lang).format(
        name=name, hint=hint))


def _listed(names: list[str], lang: str) -> str:
    """Assessors' names quoted and listed as ``lang`` does: 'A', 'B' or “A”、“B”."""
    if lang == "en":
        return ", ".join(f"'{n}'" for n in names)
    return "、".join(f"“{n}”" for n in names)


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
