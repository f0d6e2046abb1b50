"""The ``beachhead`` argument parser: one sub-parser per command, and the argument types
(whole numbers, seeds, draws) that turn a bad value into a usage error (exit status 2)."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING, cast

from models import __version__
from models.cli.analyze import cmd_analyze
from models.cli.copying import cmd_copy
from models.cli.files import cmd_export, cmd_sample, cmd_template, overwrite_option
from models.cli.framework import add_parser as _framework
from models.cli.framework_source import SOURCE_HELP
from models.cli.history import cmd_history
from models.cli.importing import cmd_import
from models.cli.moments import parse_moment
from models.cli.report import cmd_report
from models.cli.score import cmd_score
from models.cli.team import add_parser as _workspace
from models.cli.usage import Parser, say

#: Most Monte Carlo draws a command accepts (more adds nothing but memory and time).
MAX_DRAWS = 100_000
#: Most synthetic startups ``sample --size`` writes (ten times the 10,000 the design is
#: measured at; far more would exhaust the memory before anything is written).
MAX_SAMPLE_SIZE = 100_000

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]


def _whole_number(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(say("not_whole", value=value)) from None


def _positive_int(value: str) -> int:
    n = _whole_number(value)
    if n < 0:
        raise argparse.ArgumentTypeError(say("zero_or_more"))
    return n


def _sample_size(value: str) -> int:
    """A number of synthetic startups, 0 to :data:`MAX_SAMPLE_SIZE`."""
    n = _whole_number(value)
    if not 0 <= n <= MAX_SAMPLE_SIZE:
        raise argparse.ArgumentTypeError(say("between", low=0, high=MAX_SAMPLE_SIZE))
    return n


def _at_least_one(value: str) -> int:
    n = _whole_number(value)
    if n < 1:
        raise argparse.ArgumentTypeError(say("one_or_more"))
    return n


def _positive_float(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(say("not_number", value=value)) from None
    if not x > 0 or x == float("inf"):
        raise argparse.ArgumentTypeError(say("above_zero"))
    return x


def _seed(value: str) -> int:
    """A random seed: a whole number from 0 to 2**32 - 1."""
    n = _positive_int(value)
    if n >= 2**32:
        raise argparse.ArgumentTypeError(say("seed"))
    return n


def _draws(value: str) -> int:
    """A number of Monte Carlo draws, 1 to :data:`MAX_DRAWS`."""
    n = _whole_number(value)
    if not 1 <= n <= MAX_DRAWS:
        raise argparse.ArgumentTypeError(say("between", low=1, high=MAX_DRAWS))
    return n


def _draws_or_none(value: str) -> int:
    """Draws for the workbook's Analysis sheet: 0 (leave it out) to :data:`MAX_DRAWS`."""
    n = _whole_number(value)
    if not 0 <= n <= MAX_DRAWS:
        raise argparse.ArgumentTypeError(say("between", low=0, high=MAX_DRAWS))
    return n


def _end_moment(value: str) -> dt.datetime:
    """``--as-of``: a date (the end of that day, local time) or a date and time."""
    try:
        return parse_moment(value, end_of_day=True)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _start_moment(value: str) -> dt.datetime:
    """``--since``: a date (the start of that day, local time) or a date and time."""
    try:
        return parse_moment(value, end_of_day=False)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _as_of(p: argparse.ArgumentParser, what: str) -> None:
    p.add_argument("--as-of", type=_end_moment, metavar="DATE",
                   help=f"{what} the portfolio as it stood then (a workspace only): "
                        "YYYY-MM-DD (the end of that day) or YYYY-MM-DDTHH:MM[:SS], local "
                        "time unless it ends in Z or ±HH:MM")


#: What FILE is, in every command's help.
FILE_HELP = ("a workspace (.beachhead, or a team workspace's postgresql:// address) or a "
             "JSON portfolio, which is only read")


def _perspective(value: str) -> str:
    """``investor``, ``founder``, ``latest``, ``assessor:NAME`` or ``assessments``."""
    if value != "assessments" and not _is_perspective(value):
        raise argparse.ArgumentTypeError(say("or_assessments",
                                             message=say("perspective", value=value)))
    return value


def _ranking_options(p: argparse.ArgumentParser, what: str) -> None:
    """``--perspective`` and ``--ignore-gates`` for a command that ranks startups."""
    p.add_argument("--perspective", type=_perspective_name, default="investor", metavar="P",
                   help=f"the perspective {what} ranks startups under: investor (default: the "
                        "median of each investor's latest assessment), founder, latest or "
                        "assessor:NAME")
    p.add_argument("--ignore-gates", action="store_true",
                   help="rank startups with a deal-breaker among the others, by overall alone")


def _perspective_name(value: str) -> str:
    """``investor``, ``founder``, ``latest`` or ``assessor:NAME``."""
    if not _is_perspective(value):
        raise argparse.ArgumentTypeError(say("perspective", value=value))
    return value


def _is_perspective(value: str) -> bool:
    """Whether ``value`` names a perspective (:meth:`Perspective.parse` takes it)."""
    from models.engine.perspectives import Perspective

    try:
        Perspective.parse(value)
    except ValueError:
        return False
    return True


def build_parser() -> argparse.ArgumentParser:
    """The ``beachhead`` argument parser with every headless subcommand."""
    parser = Parser(
        prog="beachhead",
        description="Score AI startups' strategic position against the big incumbents.",
    )
    parser.add_argument("--lang", choices=["en", "zh_CN"], default="en",
                        help="language of names and messages (default: en)")
    # A command's own --lang sets the language only when given, so that one given before
    # the command (beachhead --lang zh_CN import …) is not put back to the default.
    lang = Parser(add_help=False)
    lang.add_argument("--lang", choices=["en", "zh_CN"], default=argparse.SUPPRESS,
                      help="language of names and messages (default: en)")
    parser.add_argument("--version", action="version", version=f"beachhead {__version__}")
    # every command's parser is a Parser too (argparse makes them of the parser's class)
    sub = cast("Commands", parser.add_subparsers(dest="command", metavar="COMMAND"))
    for add in (_score, _sample, _analyze, _export, _template, _import, _report, _copy,
                _history, _workspace, _framework):
        add(sub, lang)
    return parser


def _score(sub: Commands, lang: argparse.ArgumentParser) -> None:
    p = sub.add_parser("score", parents=[lang],
                       help="rank the startups of a portfolio under a perspective")
    p.add_argument("file", metavar="FILE", help=FILE_HELP)
    p.add_argument("--perspective", type=_perspective, default="investor", metavar="P",
                   help="investor (default: median of each investor's latest assessment), "
                        "founder, latest, assessor:NAME, or assessments (one row per "
                        "assessment, no ranking)")
    p.add_argument("--ignore-gates", action="store_true",
                   help="rank startups with a deal-breaker among the others, by overall alone")
    p.add_argument("--draws", type=_draws, default=2000, metavar="N",
                   help=f"Monte Carlo draws behind the P10–P90 bands, 1 to {MAX_DRAWS:,} "
                        "(default 2000)")
    p.add_argument("--seed", type=_seed, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--scenario", metavar="NAME", help="apply a scenario (id or name)")
    _as_of(p, "rank")
    p.set_defaults(func=cmd_score)


def _sample(sub: Commands, lang: argparse.ArgumentParser) -> None:
    p = sub.add_parser("sample", parents=[lang],
                       help="write the sample or a synthetic portfolio as a new workspace")
    p.add_argument("-o", "--output", required=True, metavar="OUT.beachhead",
                   help="the workspace to write; an existing file is refused, never replaced")
    p.add_argument("--size", type=_sample_size, metavar="N",
                   help=f"write N synthetic startups (0 to {MAX_SAMPLE_SIZE:,}) instead of "
                        "the bundled sample")
    p.add_argument("--seed", type=_seed, default=0, metavar="S",
                   help="random seed for --size (default 0)")
    p.set_defaults(func=cmd_sample)


def _analyze(sub: Commands, lang: argparse.ArgumentParser) -> None:
    p = sub.add_parser("analyze", parents=[lang],
                       help="the startups ranked under a perspective: how sure each rank is "
                            "(P10-P90, P(rank 1), P(top 3)), weight sensitivity, scenario shifts")
    p.add_argument("file", metavar="FILE", help=FILE_HELP)
    p.add_argument("--draws", type=_draws, default=2000, metavar="N",
                   help=f"Monte Carlo draws, 1 to {MAX_DRAWS:,} (default 2000)")
    p.add_argument("--seed", type=_seed, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--scenario", metavar="NAME", help="analyse under a scenario (id or name)")
    p.add_argument("--weight-concentration", type=_positive_float, metavar="C",
                   help="also vary pillar weights: Dirichlet around the current weights with "
                        "this concentration (e.g. 50; default: weights fixed)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    _as_of(p, "analyse")
    _ranking_options(p, "the analysis")
    p.set_defaults(func=cmd_analyze)


def _export(sub: Commands, lang: argparse.ArgumentParser) -> None:
    p = sub.add_parser("export", parents=[lang],
                       help="write an Excel workbook whose scores are live formulas, or the "
                            "portfolio as a JSON portfolio (the interchange format)")
    p.add_argument("file", metavar="FILE", help=FILE_HELP)
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx|OUT.json")
    overwrite_option(p, "the output")
    p.add_argument("--format", choices=["xlsx", "json"],
                   help="xlsx: the workbook (the default); json: the JSON portfolio, to a "
                        ".json or .beachhead file (the default for an output ending in .json)")
    p.add_argument("--draws", type=_draws_or_none, default=2000, metavar="N",
                   help=f"Monte Carlo draws for the Analysis sheet, 0 to {MAX_DRAWS:,} (default "
                        "2000, fewer for large portfolios; 0 leaves them out)")
    p.add_argument("--seed", type=_seed, default=0, metavar="S",
                   help="random seed for the Analysis sheet (default 0)")
    p.add_argument("--scenario", metavar="NAME",
                   help="apply a scenario (id or name) to the Summary and its levels")
    _as_of(p, "export")
    _ranking_options(p, "the Summary sheet")
    p.set_defaults(func=cmd_export)


def _template(sub: Commands, lang: argparse.ArgumentParser) -> None:
    p = sub.add_parser("template", parents=[lang],
                       help="write a fillable founder self-assessment workbook")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    overwrite_option(p, "OUT.xlsx")
    p.add_argument("--framework", metavar="FRAMEWORK",
                   help=f"the framework the founder scores against: {SOURCE_HELP} (default: "
                        "the framework Beachhead ships)")
    p.set_defaults(func=cmd_template)


def _import(sub: Commands, lang: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import", parents=[lang],
                       help="merge founders' filled templates, Beachhead exports and "
                            "portfolios into a portfolio (into a workspace: one transaction)")
    p.add_argument("workbooks", nargs="+", metavar="FILE",
                   help=".xlsx workbooks, and portfolios (workspaces or JSON) to merge")
    p.add_argument("--into", metavar="PORTFOLIO",
                   help="merge into this portfolio: a workspace takes the whole import as one "
                        "transaction; a JSON portfolio is rewritten (the previous version "
                        "kept as .bak). With -o, it is only read")
    p.add_argument("-o", "--output", metavar="NEW.beachhead",
                   help="write a new workspace (an existing file is refused)")
    p.add_argument("--framework", metavar="FRAMEWORK",
                   help=f"for a new portfolio, the framework the workbooks were made with: "
                        f"{SOURCE_HELP} (default: the framework Beachhead ships)")
    p.add_argument("--skip-bad", action="store_true",
                   help="import the good files and list the bad ones (default: one bad "
                        "file means nothing is written)")
    p.set_defaults(func=cmd_import)


def _report(sub: Commands, lang: argparse.ArgumentParser) -> None:
    p = sub.add_parser("report", parents=[lang],
                       help="write a PDF report: the startups ranked under a perspective, then "
                            "a page per startup")
    p.add_argument("file", metavar="FILE", help=FILE_HELP)
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    overwrite_option(p, "OUT.pdf")
    p.add_argument("--startup", action="append", metavar="NAME",
                   help="report only this startup (name or id); repeat for several")
    p.add_argument("--draws", type=_draws, default=2000, metavar="N",
                   help=f"Monte Carlo draws behind the P10–P90 bands, 1 to {MAX_DRAWS:,} "
                        "(default 2000)")
    p.add_argument("--seed", type=_seed, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--scenario", metavar="NAME", help="apply a scenario (id or name)")
    p.add_argument("--top", type=_at_least_one, metavar="N",
                   help="report only the N best-ranked startups under the perspective (of "
                        "those named by --startup, if given)")
    _as_of(p, "report on")
    _ranking_options(p, "the report")
    p.set_defaults(func=cmd_report)


def _copy(sub: Commands, lang: argparse.ArgumentParser) -> None:
    p = sub.add_parser("copy", parents=[lang],
                       help="copy a workspace with its history, or make a JSON portfolio "
                            "into a workspace")
    p.add_argument("file", metavar="SRC", help="a workspace (it may be open meanwhile; a "
                                               "file or a postgresql:// address) or a JSON "
                                               "portfolio (only read)")
    p.add_argument("output", metavar="DEST", help="the workspace to write: a .beachhead file, "
                                                  "or a server's postgresql:// address")
    p.add_argument("--overwrite", action="store_true",
                   help="replace DEST if it exists (never a workspace file in use)")
    p.set_defaults(func=cmd_copy)


def _history(sub: Commands, lang: argparse.ArgumentParser) -> None:
    p = sub.add_parser("history", parents=[lang],
                       help="a workspace's changes, newest first: when, who, what, the value "
                            "before and after, the comment")
    p.add_argument("file", metavar="FILE", help="a workspace (.beachhead or a postgresql:// "
                                                "address)")
    p.add_argument("--startup", metavar="NAME",
                   help="only this startup's changes (its name or id; a startup removed "
                        "since by its id or the name it had)")
    p.add_argument("--since", type=_start_moment, metavar="DATE",
                   help="only changes from then on: YYYY-MM-DD (from the start of that day) "
                        "or YYYY-MM-DDTHH:MM[:SS], local time unless it ends in Z or ±HH:MM")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table",
                   help="table (times in local time, long values cut), csv (values in full) "
                        "or json (times in UTC)")
    p.set_defaults(func=cmd_history)
