"""``beachhead report``: a PDF for the committee, written atomically; messages go to
stderr."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from models.cli.common import EXIT_OK, check_assessor, scenario_named
from models.cli.count_texts import counted
from models.cli.files import new_output
from models.cli.reading import read_portfolio
from models.cli.texts import label
from models.core.errors import InputError, Problem

if TYPE_CHECKING:
    from models.core.portfolio import Portfolio

#: Reports with at least this many pages show progress on stderr.
REPORT_PROGRESS_PAGES = 30


def cmd_report(args: argparse.Namespace) -> int:
    """``beachhead report FILE -o OUT.pdf [--overwrite] [--perspective P] [--ignore-gates] [--top N]
    [--startup NAME]... [--draws N] [--seed S] [--scenario NAME] [--as-of DATE]``: the
    startups ranked under the perspective, then one page per startup in rank order.

    ``--startup`` keeps the startups named; ``--top N`` then keeps the N best-ranked of them
    (of all startups without ``--startup``); ranks stay those among all the portfolio's
    startups. A ``--startup`` that names no startup is bad input (exit status 1, one line per
    name). The PDF is written atomically: on any failure a previous file stays as it was.
    """
    from models.report.data import UnknownStartupError
    from models.report.document import write_report

    output = new_output(args, "a .pdf")
    portfolio = read_portfolio(args)
    scenario = scenario_named(portfolio.framework, args.scenario)
    check_assessor(portfolio, args.perspective, args.file)

    def progress(done: int, total: int) -> None:
        if total < REPORT_PROGRESS_PAGES:
            return
        if done == 1:
            print(label("writing_pages", args.lang).format(
                pages=counted(args.lang, "pages", total)), file=sys.stderr, flush=True)
        if done % 10 == 0 or done == total:
            print(label("page_of", args.lang).format(done=done, total=total),
                  file=sys.stderr, flush=True)

    try:
        result = write_report(portfolio, output, startups=args.startup, top=args.top,
                              perspective=args.perspective, ignore_gates=args.ignore_gates,
                              lang=args.lang, draws=args.draws, seed=args.seed,
                              scenario=scenario, progress=progress)
    except UnknownStartupError as exc:
        raise InputError([Problem(args.file, "--startup", no_startup(portfolio, name))
                          for name in exc.names]) from None
    print(label("wrote_report", args.lang).format(
        path=output, pages=counted(args.lang, "pages", result.pages),
        startups=counted(args.lang, "startups", result.startups)), file=sys.stderr)
    return EXIT_OK


def no_startup(portfolio: Portfolio, name: str) -> str:
    """Why ``--startup name`` chose no startup: none has the name, or several only look like
    it (an exact name or an id is needed then)."""
    alike = portfolio.startups_named_like(name)
    if len(alike) < 2:
        return f"no startup named '{name}'"
    names = ", ".join(f"'{s.name}' (id {s.id})" for s in alike)
    return (f"no startup is named exactly '{name}', and {len(alike)} differ from it only in "
            f"case or spacing: {names}; give the exact name or the id")
