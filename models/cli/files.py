"""The commands that write files: ``sample`` (a portfolio), ``export`` (a workbook with live
formulas), ``template`` (a founder's workbook), ``import`` (workbooks into a portfolio) and
``report`` (a PDF). Each output is written atomically; messages go to stderr."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from models.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_OK,
    UsageError,
    progress_printer,
    scenario_named,
)
from models.cli.texts import label
from models.core.errors import InputError, Problem

if TYPE_CHECKING:
    from models.core.portfolio import Portfolio
    from models.workbook.importing.report import ImportReport

#: From this many workbooks on, ``import`` reports progress on stderr.
_IMPORT_PROGRESS_FILES = 20
#: Reports with at least this many pages show progress on stderr.
REPORT_PROGRESS_PAGES = 30


def _output(path: str, kind: str) -> Path:
    """``path`` as the output file, whose suffix must be the last word of ``kind`` (e.g.
    ``"an .xlsx"``), in any case."""
    out = Path(path)
    if out.suffix.lower() != kind.split()[-1]:
        raise UsageError(f"the output must be {kind} file, not '{path}'")
    return out


def _print_warnings(output: Path, warnings: Sequence[object]) -> None:
    for w in warnings:
        print(f"{output}: warning: {w}", file=sys.stderr)


def _note(problem: Problem) -> str:
    place = f"{problem.source}: {problem.location}" if problem.location else problem.source
    return f"{place}: note: {problem.message}"


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
    print(label("wrote_sample", args.lang).format(
        path=args.output, startups=len(portfolio.startups), n=n), file=sys.stderr)
    return EXIT_OK


# -- export and template ---------------------------------------------------------------------

def cmd_export(args: argparse.Namespace) -> int:
    """``beachhead export FILE -o OUT.xlsx``: a workbook with live formulas.

    Texts that had to change to fit in a workbook are reported on stderr as warnings naming
    their cell (exit status 0). Progress goes to stderr every 1,000 assessments.
    """
    from models.files.portfolio_file import load_portfolio
    from models.workbook.export import export_workbook

    output = _output(args.output, "an .xlsx")
    portfolio = load_portfolio(args.file)

    def progress(done: int, total: int) -> None:  # called every 1,000 assessments
        if done < total:
            print(f"exported {done:,} of {total:,} assessments…", file=sys.stderr, flush=True)

    if args.draws < 0:
        raise UsageError("--draws must be 0 or more")
    result = export_workbook(portfolio, output, lang=args.lang, progress=progress,
                             analysis_draws=args.draws, analysis_seed=args.seed)
    _print_warnings(output, result.warnings)
    print(label("wrote_export", args.lang).format(path=output, n=result.assessments),
          file=sys.stderr)
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    """``beachhead template -o OUT.xlsx [--framework FILE]``: a founder template."""
    from models.files.framework_file import default_framework, load_framework
    from models.workbook.template import write_template

    output = _output(args.output, "an .xlsx")
    framework = load_framework(args.framework) if args.framework else default_framework()
    warnings = write_template(framework, output, lang=args.lang)
    _print_warnings(output, warnings)
    print(label("wrote_template", args.lang).format(
        path=output, id=framework.id, version=framework.version), file=sys.stderr)
    return EXIT_OK


# -- import ---------------------------------------------------------------------------------

def cmd_import(args: argparse.Namespace) -> int:
    """``beachhead import WORKBOOK... -o OUT.beachhead [--into EXISTING | --framework FILE]
    [--skip-bad]``.

    Every problem in every workbook goes to stderr, one line each (file: sheet!cell: why).
    Without ``--skip-bad`` one bad workbook means nothing is written (exit 1); with it, the
    good ones are imported (exit 0, or 1 when none is good). Duplicates (same startup,
    assessor and date) are skipped with a notice. The output is written atomically; the
    ``--into`` portfolio is read, never changed unless it is also ``-o``.
    """
    from models.files.portfolio_file import save_portfolio
    from models.workbook.guard.inspect import UnsafeXmlSetup
    from models.workbook.importing.batch import import_workbooks, merge_into
    from models.workbook.importing.pool import ReaderStartError

    output = _output(args.output, "a .beachhead")
    base = _import_base(args)
    total = len(args.workbooks)
    progress = None
    if total >= _IMPORT_PROGRESS_FILES:
        print(f"reading {total:,} workbooks…", file=sys.stderr, flush=True)
        progress = progress_printer()
    try:
        report = import_workbooks(args.workbooks, base.framework, skip_bad=args.skip_bad,
                                  progress=progress)
    except (UnsafeXmlSetup, ReaderStartError) as exc:
        print(f"beachhead import: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not _importable(report, total):
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


def _import_base(args: argparse.Namespace) -> Portfolio:
    """The portfolio the workbooks are merged into: ``--into``'s, or a new one under
    ``--framework`` (default: the framework Beachhead ships)."""
    from models.core.portfolio import Portfolio
    from models.files.framework_file import default_framework, load_framework
    from models.files.portfolio_file import load_portfolio

    if args.into and args.framework:
        raise UsageError("--framework is for a new portfolio; --into uses its own framework")
    if args.into:
        return load_portfolio(args.into)
    fw = load_framework(args.framework) if args.framework else default_framework()
    return Portfolio(framework=fw)


def _importable(report: ImportReport, total: int) -> bool:
    """Print the report's problems and notes; false (with the reason) when nothing is to be
    written."""
    for problem in report.problems:
        print(problem, file=sys.stderr)
    for note in report.notes:
        print(_note(note), file=sys.stderr)
    if not report.importable:
        bad = len(report.refused)
        print(f"nothing written: {bad} of {total} workbook{'s' if total != 1 else ''} "
              f"{'has' if bad == 1 else 'have'} problems; fix them, or use --skip-bad to "
              "import the others", file=sys.stderr)
        return False
    if not report.imported:
        print("nothing written: no workbook could be imported", file=sys.stderr)
        return False
    return True


# -- report ---------------------------------------------------------------------------------

def cmd_report(args: argparse.Namespace) -> int:
    """``beachhead report FILE -o OUT.pdf [--startup NAME]... [--draws N] [--seed S]
    [--scenario NAME]``: a ranking page, then one page per assessment.

    A ``--startup`` that names no startup is bad input (exit status 1, one line per name).
    The PDF is written atomically: on any failure a previous file stays as it was.
    """
    from models.files.portfolio_file import load_portfolio
    from models.report.data import UnknownStartupError
    from models.report.document import write_report

    output = _output(args.output, "a .pdf")
    portfolio = load_portfolio(args.file)
    scenario = scenario_named(portfolio.framework, args.scenario)

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


def _no_startup(portfolio: Portfolio, name: str) -> str:
    """Why ``--startup name`` chose no startup: none has the name, or several only look like
    it (an exact name or an id is needed then)."""
    alike = portfolio.startups_named_like(name)
    if len(alike) < 2:
        return f"no startup named '{name}'"
    names = ", ".join(f"'{s.name}' (id {s.id})" for s in alike)
    return (f"no startup is named exactly '{name}', and {len(alike)} differ from it only in "
            f"case or spacing: {names}; give the exact name or the id")
