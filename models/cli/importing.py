"""``beachhead import``: founders' workbooks, Beachhead exports and portfolios merged into a
portfolio (:mod:`models.workbook.importing.merge` decides what joins what).

Where the result goes:

* ``--into WORKSPACE``: into that workspace, as one transaction, worked out from the portfolio
  as it is once the write lock is held. Two imports into one workspace at once queue for the
  lock and both land; a failed one changes nothing.
* ``--into PORTFOLIO.json`` (a JSON portfolio): the file is rewritten whole, as before
  workspaces, keeping the previous version as ``FILE.bak``; a note says that a workspace is
  safer (two imports at once into a JSON file can lose one).
* ``-o NEW.beachhead``: a new workspace (an existing file is refused, never replaced), holding
  ``--into``'s portfolio (which is then only read) or a new one under ``--framework``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

from models.cli.common import EXIT_BAD_INPUT, EXIT_OK, UsageError, progress_printer
from models.cli.files import workspace_output
from models.cli.import_inputs import files_noun, read_inputs, summary
from models.cli.import_texts import count, say
from models.core.errors import InputError, Problem

if TYPE_CHECKING:
    from models.core.decisions import Decision
    from models.core.framework import Framework
    from models.core.portfolio import Portfolio
    from models.store.workspace import Workspace
    from models.workbook.importing.merge import MergePlan
    from models.workbook.importing.report import ImportReport

#: From this many inputs on, ``import`` reports progress on stderr.
_IMPORT_PROGRESS_FILES = 20


def cmd_import(args: argparse.Namespace) -> int:
    """``beachhead import FILE... (--into PORTFOLIO | -o NEW.beachhead [--framework FILE])
    [--skip-bad]`` (see the module notes for where the result goes).

    Every problem in every input goes to stderr, one line each (file: sheet!cell: why).
    Without ``--skip-bad`` one bad input means nothing is written (exit 1); with it, the good
    ones are imported (exit 0, or 1 when none is good). Duplicates (same startup, assessor
    and date) are skipped with a note. Problems, notes and these lines are in ``--lang``.
    """
    from models.workbook.guard.texts import speaking

    with speaking(getattr(args, "lang", "en")):
        return _import(args)


def _import(args: argparse.Namespace) -> int:
    from models.workbook.guard.inspect import UnsafeXmlSetup
    from models.workbook.importing.pool import ReaderStartError

    output, in_place = _targets(args)
    noun = files_noun(args.workbooks)
    total = len(args.workbooks)
    progress = None
    if total >= _IMPORT_PROGRESS_FILES:
        print(say("reading", inputs=count(noun[1], total)), file=sys.stderr, flush=True)
        progress = progress_printer()
    try:
        report = read_inputs(args.workbooks, _framework(args), skip_bad=args.skip_bad,
                             progress=progress)
    except (UnsafeXmlSetup, ReaderStartError) as exc:
        print(f"beachhead import: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    if not _importable(report, noun):
        return EXIT_BAD_INPUT
    if in_place:
        from models.store.access import is_workspace_location

        if is_workspace_location(args.into):
            return _into_workspace(args.into, report, noun)
        return _into_json(args.into, report, noun)
    return _new_portfolio(args, output, report, noun)


def _targets(args: argparse.Namespace) -> tuple[str | Path | None, bool]:
    """The new portfolio to write (``-o``), and whether ``--into`` is written in place (no
    ``-o``, or ``-o`` naming the same file, as before workspaces)."""
    if args.into and args.framework:
        raise UsageError("--framework is for a new portfolio; --into uses its own framework")
    if not args.into and not args.output:
        raise UsageError("name where the startups go: --into an existing portfolio, or -o a "
                         "new .beachhead file")
    if not args.output:
        return None, True
    output = workspace_output(args.output)
    if not isinstance(output, Path):
        return (None, True) if output == args.into else (output, False)
    if args.into and output.exists() and output.samefile(args.into):
        return None, True
    if output.exists():
        raise InputError.single(args.output, "", say("exists", path=args.output))
    return output, False


def _framework(args: argparse.Namespace) -> Framework:
    """The framework the inputs are read for: ``--into``'s, ``--framework``'s (see
    :func:`models.cli.framework_source.read_framework`), or the one Beachhead ships."""
    from models.cli.framework_source import read_framework
    from models.files.framework_file import default_framework
    from models.store.access import is_workspace_location, read_portfolio_file
    from models.store.workspace import Workspace

    if args.into and is_workspace_location(args.into):
        with Workspace.open(args.into) as ws:
            return ws.framework()
    if args.into:
        return read_portfolio_file(args.into).framework
    return read_framework(args.framework) if args.framework else default_framework()


def _into_workspace(path: str, report: ImportReport, noun: tuple[str, str]) -> int:
    """The merge written into the workspace ``path`` as one transaction, worked out from the
    portfolio read under the write lock."""
    from models.store.workspace import Workspace
    from models.workbook.importing.merge import plan_merge

    with Workspace.open(path) as ws, ws.locked() as current:
        fw, read_for = current.framework, report.framework
        if (fw.id, fw.version) != (read_for.id, read_for.version):
            raise InputError.single(path, "", "its framework changed while the files were "
                                    "read; run the import again")
        plan = plan_merge(current, report)
        _apply(ws, plan)
    _print_notes(plan.notices)
    startups = len(current.startups) + len(plan.new_startups)
    _wrote(ws.location, report, noun, plan.added, startups)
    return EXIT_OK


def _apply(ws: Workspace, plan: MergePlan) -> None:
    """Make ``plan``'s changes (inside the caller's transaction)."""
    fields = [f for f in plan.field_updates if f[1] != "decisions"]
    ws.add_many(plan.new_startups, plan.new_assessments, fields)
    for sid, name, value in plan.field_updates:
        if name == "decisions":
            ws.set_decisions(sid, cast("list[Decision]", value))


def _into_json(path: str, report: ImportReport, noun: tuple[str, str]) -> int:
    """The JSON portfolio ``path`` rewritten with the merge, the previous version kept as
    ``.bak``, as before workspaces."""
    from models.files.portfolio_file import load_portfolio, save_portfolio

    base = load_portfolio(path)
    merged = _merged(base, report, adopt_weights=False)
    save_portfolio(merged, path)
    print(say("json_note", path=path), file=sys.stderr)
    _wrote(path, report, noun, len(merged.assessments()) - len(base.assessments()),
           len(merged.startups))
    return EXIT_OK


def _new_portfolio(args: argparse.Namespace, output: str | Path | None, report: ImportReport,
                   noun: tuple[str, str]) -> int:
    """A new workspace ``output``: ``--into``'s portfolio (only read) with the merge, or a new
    portfolio taking the workbooks' edited weights."""
    from models.core.portfolio import Portfolio
    from models.store.access import read_portfolio_file
    from models.store.server import shown
    from models.store.workspace import Workspace

    assert output is not None
    base = (read_portfolio_file(args.into) if args.into
            else Portfolio(framework=report.framework))
    merged = _merged(base, report, adopt_weights=not args.into)
    Workspace.create(output, merged).close()
    named = str(output) if isinstance(output, Path) else shown(output)
    _wrote(named, report, noun, len(merged.assessments()) - len(base.assessments()),
           len(merged.startups))
    return EXIT_OK


def _merged(base: Portfolio, report: ImportReport, *, adopt_weights: bool) -> Portfolio:
    from models.workbook.importing.merge import merge_into

    merged, notices = merge_into(base, report, adopt_weights=adopt_weights)
    _print_notes(notices)
    return merged


def _wrote(path: str, report: ImportReport, noun: tuple[str, str], added: int,
           startups: int) -> None:
    skipped = sum(f.assessments for f in report.imported) - added
    print(say("wrote", path=path, summary=summary(report, noun),
              added=count("assessments", added), skipped=count("duplicates", skipped),
              startups=count("startups", startups)), file=sys.stderr)


def _note(problem: Problem) -> str:
    place = f"{problem.source}: {problem.location}" if problem.location else problem.source
    return say("note", place=place, message=problem.message)


def _print_notes(notes: list[Problem]) -> None:
    for note in notes:
        print(_note(note), file=sys.stderr)


def _importable(report: ImportReport, noun: tuple[str, str]) -> bool:
    """Print the report's problems and notes; false (with the reason) when nothing is to be
    written."""
    for problem in report.problems:
        print(problem, file=sys.stderr)
    _print_notes(report.notes)
    total = len(report.files)
    if not report.importable:
        bad = len(report.refused)
        print(say("nothing_bad", bad=bad, inputs=count(noun[1], total), noun=say(noun[1]),
                  have=say("has" if bad == 1 else "have")), file=sys.stderr)
        return False
    if not report.imported:
        print(say("nothing", noun=say(noun[0])), file=sys.stderr)
        return False
    return True
