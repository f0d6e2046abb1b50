"""The commands that write files: ``sample`` (a portfolio), ``export`` (a workbook with live
formulas), ``template`` (a founder's workbook), and ``import`` (workbooks into a
portfolio). Each output is written atomically; messages go to stderr."""

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
    check_assessor,
    progress_printer,
    scenario_named,
)
from models.cli.texts import label
from models.core.errors import Problem

if TYPE_CHECKING:
    from models.core.portfolio import Portfolio
    from models.workbook.importing.report import ImportReport

#: From this many workbooks on, ``import`` reports progress on stderr.
_IMPORT_PROGRESS_FILES = 20


def output_path(path: str, kind: str) -> Path:
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
    """``beachhead export FILE -o OUT.xlsx [--perspective P] [--ignore-gates] [--scenario NAME]
    [--draws N] [--seed S]``: a workbook with live formulas whose Summary ranks the startups
    under the perspective (default: the investor view), with the scenario applied if given.

    Texts that had to change to fit in a workbook are reported on stderr as warnings naming
    their cell (exit status 0). Progress goes to stderr every 1,000 assessments.
    """
    from models.files.portfolio_file import load_portfolio
    from models.workbook.export import export_workbook

    output = output_path(args.output, "an .xlsx")
    portfolio = load_portfolio(args.file)
    scenario = scenario_named(portfolio.framework, args.scenario)
    check_assessor(portfolio, args.perspective, args.file)

    def progress(done: int, total: int) -> None:  # called every 1,000 assessments
        if done < total:
            print(f"exported {done:,} of {total:,} assessments…", file=sys.stderr, flush=True)

    if args.draws < 0:
        raise UsageError("--draws must be 0 or more")
    result = export_workbook(portfolio, output, lang=args.lang, progress=progress,
                             analysis_draws=args.draws, analysis_seed=args.seed,
                             perspective=args.perspective, ignore_gates=args.ignore_gates,
                             scenario=scenario)
    _print_warnings(output, result.warnings)
    print(label("wrote_export", args.lang).format(path=output, n=result.assessments),
          file=sys.stderr)
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    """``beachhead template -o OUT.xlsx [--framework FILE]``: a founder template."""
    from models.files.framework_file import default_framework, load_framework
    from models.workbook.template import write_template

    output = output_path(args.output, "an .xlsx")
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

    output = output_path(args.output, "a .beachhead")
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
