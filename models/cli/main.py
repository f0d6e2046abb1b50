"""The headless command line (DESIGN §5). Imports no Qt.

Exit status: 0 on success, 1 when an input is bad (one line per problem on stderr: file,
place, why), 2 on usage errors.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import signal
import sys
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path

from models import __version__
from models.core.errors import InputError
from models.core.rounding import fixed, percent

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A command was called with arguments that make no sense (exit status 2)."""


def _lang_parent() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(add_help=False)
    p.add_argument("--lang", choices=["en", "zh_CN"], default="en",
                   help="language of names and messages (default: en)")
    return p


def _positive_int(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number") from None
    if n < 0:
        raise argparse.ArgumentTypeError("must be zero or more")
    return n


def _seed(value: str) -> int:
    """A random seed: a whole number from 0 to 2**32 - 1."""
    n = _positive_int(value)
    if n >= 2**32:
        raise argparse.ArgumentTypeError("must be below 4294967296")
    return n


#: Most Monte Carlo draws a command accepts (more adds nothing but memory and time).
MAX_DRAWS = 100_000


def _draws(value: str) -> int:
    """A number of Monte Carlo draws, 1 to :data:`MAX_DRAWS`."""
    n = _positive_int(value)
    if not 1 <= n <= MAX_DRAWS:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_DRAWS:,}")
    return n


def _draws_or_none(value: str) -> int:
    """Draws for the workbook's Analysis sheet: 0 (leave it out) to :data:`MAX_DRAWS`."""
    n = _positive_int(value)
    if n > MAX_DRAWS:
        raise argparse.ArgumentTypeError(f"must be between 0 and {MAX_DRAWS:,}")
    return n


def build_parser() -> argparse.ArgumentParser:
    """The ``beachhead`` argument parser with every headless subcommand."""
    lang = _lang_parent()
    parser = argparse.ArgumentParser(
        prog="beachhead",
        description="Score AI startups' strategic position against the big incumbents.",
        parents=[lang],
    )
    parser.add_argument("--version", action="version", version=f"beachhead {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("score", parents=[lang], help="score every assessment of a portfolio")
    p.add_argument("file", metavar="FILE", help="a .beachhead portfolio")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.add_argument("--scenario", metavar="NAME", help="apply a scenario (id or name)")
    p.set_defaults(func=cmd_score)

    p = sub.add_parser("sample", parents=[lang], help="write the sample or a synthetic portfolio")
    p.add_argument("-o", "--output", required=True, metavar="OUT.beachhead")
    p.add_argument("--size", type=_positive_int, metavar="N",
                   help="write N synthetic startups instead of the bundled sample")
    p.add_argument("--seed", type=_seed, default=0, metavar="S",
                   help="random seed for --size (default 0)")
    p.set_defaults(func=cmd_sample)

    p = sub.add_parser("analyze", parents=[lang],
                       help="rank uncertainty, weight sensitivity and scenario shifts")
    p.add_argument("file", metavar="FILE", help="a .beachhead portfolio")
    p.add_argument("--draws", type=_draws, default=2000, metavar="N",
                   help=f"Monte Carlo draws, 1 to {MAX_DRAWS:,} (default 2000)")
    p.add_argument("--seed", type=_seed, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--scenario", metavar="NAME", help="analyse under a scenario (id or name)")
    p.add_argument("--weight-concentration", type=_positive_float, metavar="C",
                   help="also vary pillar weights: Dirichlet around the current weights with "
                        "this concentration (e.g. 50; default: weights fixed)")
    p.add_argument("--format", choices=["table", "json"], default="table")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("export", parents=[lang],
                       help="write an Excel workbook whose scores are live formulas")
    p.add_argument("file", metavar="FILE", help="a .beachhead portfolio")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    p.add_argument("--draws", type=_draws_or_none, default=2000, metavar="N",
                   help=f"Monte Carlo draws for the Analysis sheet, 0 to {MAX_DRAWS:,} (default "
                        "2000, fewer for large portfolios; 0 leaves them out)")
    p.add_argument("--seed", type=_seed, default=0, metavar="S",
                   help="random seed for the Analysis sheet (default 0)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("template", parents=[lang],
                       help="write a fillable founder self-assessment workbook")
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx")
    p.add_argument("--framework", metavar="FILE",
                   help="a framework .json file (default: the framework Beachhead ships)")
    p.set_defaults(func=cmd_template)

    p = sub.add_parser("import", parents=[lang],
                       help="read founders' filled templates and Beachhead exports")
    p.add_argument("workbooks", nargs="+", metavar="WORKBOOK", help=".xlsx files to import")
    p.add_argument("-o", "--output", required=True, metavar="OUT.beachhead",
                   help="the portfolio to write (may be the same file as --into)")
    p.add_argument("--into", metavar="EXISTING.beachhead",
                   help="merge into this portfolio (its framework is used); it is only "
                        "changed when it is also the output")
    p.add_argument("--framework", metavar="FILE",
                   help="for a new portfolio: the framework .json the workbooks were made "
                        "with (default: the framework Beachhead ships)")
    p.add_argument("--skip-bad", action="store_true",
                   help="import the good workbooks and list the bad ones (default: one bad "
                        "workbook means nothing is written)")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("report", parents=[lang],
                       help="write a PDF report: a ranking page, then a page per assessment")
    p.add_argument("file", metavar="FILE", help="a .beachhead portfolio")
    p.add_argument("-o", "--output", required=True, metavar="OUT.pdf")
    p.add_argument("--startup", action="append", metavar="NAME",
                   help="report only this startup (name or id); repeat for several")
    p.add_argument("--draws", type=_draws, default=2000, metavar="N",
                   help=f"Monte Carlo draws behind the P10–P90 bands, 1 to {MAX_DRAWS:,} "
                        "(default 2000)")
    p.add_argument("--seed", type=_seed, default=0, metavar="S", help="random seed (default 0)")
    p.add_argument("--scenario", metavar="NAME", help="apply a scenario (id or name)")
    p.set_defaults(func=cmd_report)
    return parser


COMMANDS: tuple[str, ...] = ("score", "sample", "analyze", "export", "template", "import", "report")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, bad usage exits 2
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_usage(sys.stderr)
        print("beachhead: error: name a command, e.g. 'beachhead score FILE'", file=sys.stderr)
        return EXIT_USAGE
    func: Callable[[argparse.Namespace], int] = args.func
    # a polite kill (SIGTERM) unwinds like Ctrl-C, so temporary files are removed
    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        signal.signal(signal.SIGTERM, _interrupted)
    try:
        _check_output(args)
        return func(args)
    except InputError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        print(f"beachhead {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OSError as exc:
        print(_os_error_line(exc, getattr(args, "output", None)), file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("beachhead: interrupted", file=sys.stderr)
        return 130
    except MemoryError:
        print(f"beachhead {args.command}: not enough memory for this; try fewer draws or a "
              "smaller portfolio", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # the last resort: never a traceback in front of a user
        print(f"beachhead {args.command}: unexpected problem ({type(exc).__name__}: {exc}). "
              "Nothing was written.", file=sys.stderr)
        return EXIT_BAD_INPUT


def _os_error_line(exc: OSError, output: str | None) -> str:
    """One line for an operating-system error: a failed write of the user's output names that
    file and what to do; any other error names its file and the reason."""
    from models.core.errors import write_failure

    written = output is not None and exc.filename in (None, output, str(Path(output)))
    if written:
        return write_failure(exc, output)
    name = exc.filename or ""
    return f"{name}: {exc.strerror or exc}" if name else str(exc)


def _interrupted(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an output file in a missing folder, or one that is also an input."""
    output = getattr(args, "output", None)
    if not output:
        return
    out = Path(output)
    if not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise InputError.single(output, "", "the folder to write into does not exist")
    if out.is_dir():
        raise InputError.single(output, "", "is a folder; name a file to write")
    inputs = [getattr(args, "file", None), *(getattr(args, "workbooks", None) or [])]
    for name in filter(None, inputs):
        try:
            same = out.exists() and Path(name).exists() and out.samefile(name)
        except OSError:
            same = False
        if same:
            raise UsageError(f"the output {output} is also the input; choose another file")


# -- score ----------------------------------------------------------------------------------

def cmd_score(args: argparse.Namespace) -> int:
    """``beachhead score FILE [--format table|csv|json] [--scenario NAME]``."""
    from models.engine.results import score_portfolio
    from models.files.portfolio_file import load_portfolio

    portfolio = load_portfolio(args.file)
    scenario = _scenario(portfolio.framework, args.scenario)
    results = score_portfolio(portfolio, scenario, lang=args.lang)
    rows = [r.as_json() for r in results]
    out = _stdout()
    if args.format == "json":
        out.write(json.dumps(rows, ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    elif args.format == "csv":
        out.write(_csv(rows, [p.id for p in portfolio.framework.pillars]))
    else:
        out.write(_table(rows, portfolio.framework, args.lang))
    return EXIT_OK


def _scenario(framework, name: str | None):  # type: ignore[no-untyped-def]
    if name is None:
        return None
    try:
        return framework.scenario(name)
    except KeyError:
        known = ", ".join(f"{s.id} ({s.name['en']})" for s in framework.scenarios) or "none"
        raise UsageError(f"unknown scenario '{name}'; this framework has: {known}") from None


def _stdout() -> io.TextIOBase:
    if hasattr(sys.stdout, "reconfigure") and (sys.stdout.encoding or "").lower() != "utf-8":
        sys.stdout.reconfigure(encoding="utf-8")
    return sys.stdout  # type: ignore[return-value]


def _num(x: float | None, digits: int | None = None) -> str:
    if x is None:
        return ""
    return repr(float(x)) if digits is None else fixed(x, digits)


def _csv_text(value: str) -> str:
    """Text for a CSV or table cell that a spreadsheet will not run as a formula when pasted
    (OWASP advice: a leading ``= + - @``, tab or carriage return gets a single quote in
    front). Every text cell goes through it: names of startups and assessors, and the names
    of postures, deal-breakers and criteria that come from a (possibly custom) framework."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _csv(rows: list[dict], pillar_ids: list[str]) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["startup", "assessor", "role", "date", "overall",
                     *(f"pillars.{p}" for p in pillar_ids), "completeness", "postures",
                     "deal_breakers", "top_improvements"])
    for r in rows:
        writer.writerow([
            _csv_text(r["startup"]), _csv_text(r["assessor"]), r["role"], r["date"],
            _num(r["overall"]),
            *(_num(r["pillars"][p]) for p in pillar_ids), _num(r["completeness"]),
            _csv_text("; ".join(r["postures"])), _csv_text("; ".join(r["deal_breakers"])),
            _csv_text("; ".join(f"{t['criterion']} (+{fixed(t['gain'], 2)})"
                                for t in r["top_improvements"])),
        ])
    return buf.getvalue()


def display_width(s: str) -> int:
    """Terminal columns taken by ``s`` (wide East Asian characters count two)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _pad(s: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - display_width(s))
    return gap + s if right else s + gap


def _table(rows: list[dict], framework, lang: str) -> str:  # type: ignore[no-untyped-def]
    from models.cli.texts import label, role
    from models.core.framework import text

    pillars = framework.pillars
    head = [label("startup", lang), label("assessor", lang), label("role", lang),
            label("overall", lang), *(text(p.name, lang) for p in pillars),
            label("done", lang), label("postures", lang), label("deal_breakers", lang)]
    body = []
    for r in rows:
        body.append([
            _csv_text(r["startup"]), _csv_text(r["assessor"]), role(r["role"], lang),
            _num(r["overall"], 1), *(_num(r["pillars"][p.id], 1) for p in pillars),
            percent(r["completeness"]), _csv_text(", ".join(r["postures"])) or "-",
            _csv_text(", ".join(r["deal_breakers"])) or "-",
        ])
    numeric = set(range(3, 4 + len(pillars) + 1))
    widths = [max(display_width(str(x)) for x in col) for col in zip(head, *body, strict=True)]
    lines = ["  ".join(_pad(h, w, i in numeric) for i, (h, w) in enumerate(zip(head, widths,
                                                                             strict=True)))]
    lines.append("  ".join("-" * w for w in widths))
    for row in body:
        lines.append("  ".join(_pad(str(c), w, i in numeric)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    return "\n".join(line.rstrip() for line in lines) + "\n"


# -- sample ---------------------------------------------------------------------------------

def cmd_sample(args: argparse.Namespace) -> int:
    """``beachhead sample -o OUT.beachhead [--size N --seed S]``."""
    from models.engine.sample import sample_portfolio, synthetic_portfolio
    from models.files.portfolio_file import save_portfolio

    if args.size is None:
        portfolio = sample_portfolio()
    else:
        if args.size >= 2000:
            print(f"generating {args.size} synthetic startups…", file=sys.stderr)
        portfolio = synthetic_portfolio(args.size, args.seed)
    save_portfolio(portfolio, Path(args.output))
    n = len(portfolio.assessments())
    from models.cli.texts import label

    print(label("wrote_sample", args.lang).format(
        path=args.output, startups=len(portfolio.startups), n=n), file=sys.stderr)
    return EXIT_OK


# -- analyze --------------------------------------------------------------------------------

def _positive_float(value: str) -> float:
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a number") from None
    if not x > 0 or x == float("inf"):
        raise argparse.ArgumentTypeError("must be a number greater than 0")
    return x


#: Monte Carlo work (assessments × draws) above which ``analyze`` reports progress.
_PROGRESS_WORK = 1_000_000


def cmd_analyze(args: argparse.Namespace) -> int:
    """``beachhead analyze FILE [--draws N] [--seed S] [--scenario NAME] [--format table|json]``.

    JSON: ``{"draws", "seed", "weight_concentration", "scenario", "assessments": [{"startup",
    "assessor", "role", "overall", "p10", "p50", "p90", "p_rank1", "p_top3"}...], "reversals":
    [{"pillar", "weight", "new_leader", ...}...], "current_weights"}`` (see
    :meth:`models.analysis.run.PortfolioAnalysis.as_json`).
    """
    from models.analysis.run import analyze_portfolio
    from models.files.portfolio_file import load_portfolio

    portfolio = load_portfolio(args.file)
    scenario = _scenario(portfolio.framework, args.scenario)
    n = len(portfolio.assessments())
    progress = None
    if n * args.draws >= _PROGRESS_WORK:
        from models.cli.texts import label

        print(label("analysing", args.lang).format(n=n, draws=args.draws), file=sys.stderr,
              flush=True)
        progress = _progress_printer()
    result = analyze_portfolio(
        portfolio, draws=args.draws, seed=args.seed, scenario=scenario,
        concentration=args.weight_concentration, progress=progress, lang=args.lang,
    )
    out = _stdout()
    if args.format == "json":
        out.write(json.dumps(result.as_json(), ensure_ascii=False, indent=2, allow_nan=False)
                  + "\n")
    else:
        out.write(_analysis_table(result, args.file, args.lang))
    return EXIT_OK


def _progress_printer() -> Callable[[int, int], None]:
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


def _grid(head: list[str], body: list[list[str]], numeric: set[int]) -> list[str]:
    widths = [max(display_width(str(x)) for x in col) for col in zip(head, *body, strict=True)]
    lines = ["  ".join(_pad(h, w, i in numeric) for i, (h, w) in enumerate(zip(head, widths,
                                                                             strict=True)))]
    lines.append("  ".join("-" * w for w in widths))
    for row in body:
        lines.append("  ".join(_pad(str(c), w, i in numeric)
                               for i, (c, w) in enumerate(zip(row, widths, strict=True))))
    return [line.rstrip() for line in lines]


def _pct(x: float | None) -> str:
    return "" if x is None else percent(x, 1)


def _analysis_table(result, file: str, lang: str = "en") -> str:  # type: ignore[no-untyped-def]
    from models.cli.texts import label, role
    from models.core.framework import text

    data = result.as_json()
    u = result.uncertainty
    top = f"p_top{u.top_k}"
    what = label("analysis_vary", lang)
    if u.concentration is not None:
        what += label("analysis_weights", lang).format(c=u.concentration)
    lines = [label("analysis_head", lang).format(file=file, n=len(result.pairs), draws=u.draws,
                                                 seed=u.seed, what=what)]
    if result.scenario is not None:
        lines.append(label("scenario", lang).format(name=text(result.scenario.name, lang),
                                                    id=result.scenario.id))
    lines.append("")
    head = [label("startup", lang), label("assessor", lang), label("role", lang),
            label("overall", lang), "P10", "P50", "P90", label("p_rank1", lang),
            label("p_top", lang).format(k=u.top_k)]
    scen = result.scenario_impact is not None
    if scen:
        head += [label("before", lang), label("rank_change", lang)]
    rows = data["assessments"]
    order = sorted(range(len(rows)), key=lambda i: (
        -(rows[i]["p50"] if rows[i]["p50"] is not None else -1.0), -(rows[i]["p_rank1"] or 0.0)))
    body = []
    for i in order:
        r = rows[i]
        cells = [_csv_text(r["startup"]), _csv_text(r["assessor"]), role(r["role"], lang),
                 _num(r["overall"], 1),
                 _num(r["p10"], 1),
                 _num(r["p50"], 1), _num(r["p90"], 1), _pct(r["p_rank1"]), _pct(r[top])]
        if scen:
            change = r["rank_change"]
            cells += [_num(r["overall_before"], 1),
                      "" if change is None else (f"+{change}" if change > 0 else str(change))]
        body.append(cells)
    lines += _grid(head, body, set(range(3, len(head))))
    lines.append("")
    lines.append(label("reversals", lang))
    rev_body = []
    for sweep in result.sweeps:
        for r in sweep.reversals:
            rev_body.append([result.pillar_names[r.pillar], _pct(sweep.current), _pct(r.weight),
                             result.label(r.new_leader), result.label(r.previous_leader)])
    if rev_body:
        lines += _grid([label("pillar", lang), label("now", lang), label("at", lang),
                        label("new_leader", lang), label("previous_leader", lang)], rev_body,
                       {1, 2})
    else:
        lines.append(label("no_reversal", lang))
    return "\n".join(lines) + "\n"


# -- export and template ---------------------------------------------------------------------

def _xlsx_output(path: str) -> Path:
    out = Path(path)
    if out.suffix.lower() != ".xlsx":
        raise UsageError(f"the output must be an .xlsx file, not '{path}'")
    return out


def _print_warnings(output: Path, warnings: Sequence[object]) -> None:
    for w in warnings:
        print(f"{output}: warning: {w}", file=sys.stderr)


def cmd_export(args: argparse.Namespace) -> int:
    """``beachhead export FILE -o OUT.xlsx``: a workbook with live formulas.

    Texts that had to change to fit in a workbook are reported on stderr as warnings naming
    their cell (exit status 0). Progress goes to stderr every 1,000 assessments.
    """
    from models.files.portfolio_file import load_portfolio
    from models.workbook.export import export_workbook

    output = _xlsx_output(args.output)
    portfolio = load_portfolio(args.file)

    def progress(done: int, total: int) -> None:  # called every 1,000 assessments
        if done < total:
            print(f"exported {done:,} of {total:,} assessments…", file=sys.stderr, flush=True)

    if args.draws < 0:
        raise UsageError("--draws must be 0 or more")
    result = export_workbook(portfolio, output, lang=args.lang, progress=progress,
                             analysis_draws=args.draws, analysis_seed=args.seed)
    _print_warnings(output, result.warnings)
    from models.cli.texts import label

    print(label("wrote_export", args.lang).format(path=output, n=result.assessments),
          file=sys.stderr)
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    """``beachhead template -o OUT.xlsx [--framework FILE]``: a founder template."""
    from models.files.framework_file import default_framework, load_framework
    from models.workbook.template import write_template

    output = _xlsx_output(args.output)
    framework = load_framework(args.framework) if args.framework else default_framework()
    warnings = write_template(framework, output, lang=args.lang)
    _print_warnings(output, warnings)
    from models.cli.texts import label

    print(label("wrote_template", args.lang).format(
        path=output, id=framework.id, version=framework.version), file=sys.stderr)
    return EXIT_OK


# -- import ---------------------------------------------------------------------------------

#: From this many workbooks on, ``import`` reports progress on stderr.
_IMPORT_PROGRESS_FILES = 20


def cmd_import(args: argparse.Namespace) -> int:
    """``beachhead import WORKBOOK... -o OUT.beachhead [--into EXISTING | --framework FILE]
    [--skip-bad]``.

    Every problem in every workbook goes to stderr, one line each (file: sheet!cell: why).
    Without ``--skip-bad`` one bad workbook means nothing is written (exit 1); with it, the
    good ones are imported (exit 0, or 1 when none is good). Duplicates (same startup,
    assessor and date) are skipped with a notice. The output is written atomically; the
    ``--into`` portfolio is read, never changed unless it is also ``-o``.
    """
    from models.core.portfolio import Portfolio
    from models.files.framework_file import default_framework
    from models.files.portfolio_file import load_portfolio, save_portfolio
    from models.workbook.guard.inspect import UnsafeXmlSetup
    from models.workbook.importing.batch import import_workbooks, merge_into
    from models.workbook.importing.pool import ReaderStartError

    output = Path(args.output)
    if output.suffix.lower() != ".beachhead":
        raise UsageError(f"the output must be a .beachhead file, not '{args.output}'")
    if args.into and args.framework:
        raise UsageError("--framework is for a new portfolio; --into uses its own framework")
    if args.into:
        base = load_portfolio(args.into)
    else:
        from models.files.framework_file import load_framework

        fw = load_framework(args.framework) if args.framework else default_framework()
        base = Portfolio(framework=fw)
    total = len(args.workbooks)
    progress = None
    if total >= _IMPORT_PROGRESS_FILES:
        print(f"reading {total:,} workbooks…", file=sys.stderr, flush=True)
        progress = _progress_printer()
    try:
        report = import_workbooks(args.workbooks, base.framework, skip_bad=args.skip_bad,
                                  progress=progress)
    except (UnsafeXmlSetup, ReaderStartError) as exc:
        print(f"beachhead import: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for note in report.notes:
        print(_note(note), file=sys.stderr)
    if not report.importable:
        bad = len(report.refused)
        print(f"nothing written: {bad} of {total} workbook{'s' if total != 1 else ''} "
              f"{'has' if bad == 1 else 'have'} problems; fix them, or use --skip-bad to "
              "import the others", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not report.imported:
        print("nothing written: no workbook could be imported", file=sys.stderr)
        return EXIT_BAD_INPUT
    # a new portfolio takes the workbooks' edited weights; --into keeps its own (noted)
    merged, notices = merge_into(base, report, adopt_weights=not args.into)
    for notice in notices:
        print(_note(notice), file=sys.stderr)
    save_portfolio(merged, output)
    added = len(merged.assessments()) - len(base.assessments())
    skipped = sum(f.assessments for f in report.imported) - added
    print(f"wrote {output}: {report.summary()}; {added} assessments added, "
          f"{skipped} duplicates skipped; {len(merged.startups)} startups in all",
          file=sys.stderr)
    return EXIT_OK


def _no_startup(portfolio, name: str) -> str:  # type: ignore[no-untyped-def]
    """Why ``--startup name`` chose no startup: none has the name, or several only look like
    it (an exact name or an id is needed then)."""
    alike = portfolio.startups_named_like(name)
    if len(alike) < 2:
        return f"no startup named '{name}'"
    names = ", ".join(f"'{s.name}' (id {s.id})" for s in alike)
    return (f"no startup is named exactly '{name}', and {len(alike)} differ from it only in "
            f"case or spacing: {names}; give the exact name or the id")


def _note(problem) -> str:  # type: ignore[no-untyped-def]
    place = f"{problem.source}: {problem.location}" if problem.location else problem.source
    return f"{place}: note: {problem.message}"


# -- report ---------------------------------------------------------------------------------

#: Reports with at least this many pages show progress on stderr.
REPORT_PROGRESS_PAGES = 30


def cmd_report(args: argparse.Namespace) -> int:
    """``beachhead report FILE -o OUT.pdf [--startup NAME]... [--draws N] [--seed S]
    [--scenario NAME]``: a ranking page, then one page per assessment.

    A ``--startup`` that names no startup is bad input (exit status 1, one line per name).
    The PDF is written atomically: on any failure a previous file stays as it was.
    """
    from models.cli.texts import label
    from models.core.errors import Problem
    from models.files.portfolio_file import load_portfolio
    from models.report.document import UnknownStartupError, write_report

    output = Path(args.output)
    if output.suffix.lower() != ".pdf":
        raise UsageError(f"the output must be a .pdf file, not '{args.output}'")
    portfolio = load_portfolio(args.file)
    scenario = _scenario(portfolio.framework, args.scenario)

    def progress(done: int, total: int) -> None:
        if total < REPORT_PROGRESS_PAGES:
            return
        if done == 1:
            print(label("writing_pages", args.lang).format(n=total), file=sys.stderr,
                  flush=True)
        if done % 10 == 0 or done == total:
            print(label("page_of", args.lang).format(done=done, total=total),
                  file=sys.stderr, flush=True)

    try:
        result = write_report(portfolio, output, startups=args.startup, lang=args.lang,
                              draws=args.draws, seed=args.seed, scenario=scenario,
                              progress=progress)
    except UnknownStartupError as exc:
        raise InputError([Problem(args.file, "--startup", _no_startup(portfolio, name))
                          for name in exc.names]) from None
    print(label("wrote_report", args.lang).format(path=output, pages=result.pages,
                                                 n=result.assessments), file=sys.stderr)
    return EXIT_OK
