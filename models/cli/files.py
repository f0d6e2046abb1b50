"""The commands that write files: ``sample`` (a new workspace), ``export`` (a workbook with
live formulas, or a JSON portfolio) and ``template`` (a founder's workbook); ``import`` is in
:mod:`models.cli.importing`. Each output is written atomically; messages go to stderr. An
existing output file is refused unless ``--overwrite`` is given (:func:`refuse_existing`);
``sample`` never replaces one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from models.cli.common import EXIT_OK, UsageError, check_assessor, scenario_named
from models.cli.count_texts import counted
from models.cli.reading import read_portfolio
from models.cli.texts import label
from models.core.errors import InputError
from models.core.speech import language


def output_path(path: str, kind: str) -> Path:
    """``path`` as the output file, whose suffix must be the last word of ``kind`` (e.g.
    ``"an .xlsx"``), in any case."""
    out = Path(path)
    suffix = kind.split()[-1]
    if out.suffix.lower() != suffix:
        lang = language()  # the suffix alone where the language has no article
        raise UsageError(label("output_kind", lang).format(
            kind=kind if lang == "en" else suffix, path=path))
    return out


def new_output(args: argparse.Namespace, kind: str) -> Path:
    """``args.output`` as the output file, ending as ``kind`` says (see :func:`output_path`),
    refused when it exists (see :func:`refuse_existing`)."""
    out = output_path(args.output, kind)
    refuse_existing(args)
    return out


def refuse_existing(args: argparse.Namespace, *, workspace: bool = False) -> None:
    """Refuse (``InputError``, one line naming the file) to replace an existing output file
    unless ``--overwrite`` was given: a file written with ``-o`` may be one a user made or
    filled in. Anything but a regular file (a named pipe, a device, a folder) is refused
    always, never opened. A file that is not a ``workspace`` is refused always where a
    workspace (or, through a symbolic link, a file of another kind) would be replaced
    (:func:`models.store.sqlite.unlike_target`); a link to a file of its own kind is written
    through."""
    if not workspace:
        _refuse_unlike(args.output, args.lang)
    if Path(args.output).exists() and not Path(args.output).is_file():
        raise InputError.single(args.output, "", label("output_not_file", args.lang))
    if Path(args.output).exists() and not args.overwrite:
        raise InputError.single(args.output, "", label("output_exists", args.lang))


def _refuse_unlike(output: str, lang: str) -> None:
    from models.store.sqlite import is_workspace, unlike_target

    target = unlike_target(output)
    if target is None:
        return
    if not Path(output).is_symlink():
        raise InputError.single(output, "", label("output_workspace", lang))
    key = "output_link_workspace" if is_workspace(target) else "output_link_unlike"
    raise InputError.single(output, "", label(key, lang).format(
        target=target, suffix=Path(output).suffix.lower()))


def overwrite_option(p: argparse.ArgumentParser, dest: str) -> None:
    """The ``--overwrite`` option of a command writing ``dest`` (its metavar)."""
    p.add_argument("--overwrite", action="store_true",
                   help=f"replace {dest} if it exists (default: an existing file is refused)")


def workspace_output(text: str) -> str | Path:
    """``text`` as where a new workspace goes: a server's address (a database, which must
    hold no portfolio yet), or a ``.beachhead`` file."""
    from models.store.server import is_server_address, server_url, shown

    if is_server_address(text):
        try:
            server_url(text)
        except ValueError as exc:
            raise UsageError(f"{shown(text)}: {exc}") from None
        return text
    return output_path(text, "a .beachhead")


def _print_warnings(output: Path, warnings: Sequence[object]) -> None:
    for w in warnings:
        print(f"{output}: warning: {w}", file=sys.stderr)


# -- sample ---------------------------------------------------------------------------------

def cmd_sample(args: argparse.Namespace) -> int:
    """``beachhead sample -o OUT.beachhead [--size N --seed S]``: a new workspace holding the
    bundled sample or ``N`` synthetic startups. An existing file is never replaced (it may be
    a workspace with its history): the command refuses it, naming it."""
    from models.engine.sample import sample_portfolio, synthetic_portfolio
    from models.store.opening import check_replaceable
    from models.store.server import shown
    from models.store.workspace import Workspace

    output = workspace_output(args.output)
    if isinstance(output, Path):
        check_replaceable(output, overwrite=False)  # before the work of making the portfolio
    if args.size is None:
        portfolio = sample_portfolio()
    else:
        if args.size >= 2000:
            print(label("generating", args.lang).format(
                startups=counted(args.lang, "synthetic_startups", args.size)), file=sys.stderr)
        portfolio = synthetic_portfolio(args.size, args.seed)
    Workspace.create(output, portfolio).close()
    n = len(portfolio.assessments())
    print(label("wrote_sample", args.lang).format(
        path=output if isinstance(output, Path) else shown(output),
        startups=counted(args.lang, "startups", len(portfolio.startups)),
        assessments=counted(args.lang, "assessments", n)), file=sys.stderr)
    return EXIT_OK


# -- export and template ---------------------------------------------------------------------

def cmd_export(args: argparse.Namespace) -> int:
    """``beachhead export FILE -o OUT.xlsx|OUT.json [--overwrite] [--format xlsx|json]
    [--perspective P] [--ignore-gates] [--scenario NAME] [--draws N] [--seed S]
    [--as-of DATE]``.

    ``xlsx`` (the default, unless the output ends in ``.json``): a workbook with live formulas
    whose Summary ranks the startups under the perspective (default: the investor view), with
    the scenario applied if given. Texts that had to change to fit in a workbook are reported
    on stderr as warnings naming their cell (exit status 0). Progress goes to stderr every
    1,000 assessments.

    ``json``: the portfolio as a JSON portfolio document (the interchange format; ``.json``
    or ``.beachhead``), which any Beachhead reads.
    """
    if args.format is None and Path(args.output).suffix.lower() not in (".xlsx", ".json"):
        raise UsageError(label("export_kind", args.lang).format(path=args.output))
    fmt = args.format or ("json" if args.output.lower().endswith(".json") else "xlsx")
    if fmt == "json":
        return _export_json(args)
    from models.workbook.export import export_workbook

    output = new_output(args, "an .xlsx")
    portfolio = read_portfolio(args)
    scenario = scenario_named(portfolio.framework, args.scenario)
    check_assessor(portfolio, args.perspective, args.file)

    def progress(done: int, total: int) -> None:  # called every 1,000 assessments
        if done < total:
            print(label("exporting", args.lang).format(
                done=f"{done:,}", assessments=counted(args.lang, "assessments", total)),
                file=sys.stderr, flush=True)

    result = export_workbook(portfolio, output, lang=args.lang, progress=progress,
                             analysis_draws=args.draws, analysis_seed=args.seed,
                             perspective=args.perspective, ignore_gates=args.ignore_gates,
                             scenario=scenario)
    _print_warnings(output, result.warnings)
    print(label("wrote_export", args.lang).format(
        path=output, assessments=counted(args.lang, "assessments", result.assessments)),
        file=sys.stderr)
    return EXIT_OK


def _export_json(args: argparse.Namespace) -> int:
    """``export --format json``: the portfolio (as of ``--as-of``) as a JSON portfolio."""
    from models.files.portfolio_file import save_portfolio

    output = Path(args.output)
    if output.suffix.lower() not in (".json", ".beachhead"):
        raise UsageError(f"--format json writes a JSON portfolio: the output must be a .json "
                         f"or .beachhead file, not '{args.output}'")
    refuse_existing(args)
    if args.scenario or args.ignore_gates:
        raise UsageError("--scenario and --ignore-gates shape a workbook's ranking; a JSON "
                         "portfolio holds the scores themselves")
    portfolio = read_portfolio(args)
    save_portfolio(portfolio, output)
    print(label("wrote_export", args.lang).format(
        path=output, assessments=counted(args.lang, "assessments", len(portfolio.assessments()))),
        file=sys.stderr)
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    """``beachhead template -o OUT.xlsx [--overwrite] [--framework FRAMEWORK]``: a founder
    template, for the framework Beachhead ships or ``--framework``'s (see
    :func:`models.cli.framework_source.read_framework`: a framework file, a portfolio's, or a
    shipped one's id)."""
    from models.cli.framework_source import read_framework
    from models.files.framework_file import default_framework
    from models.workbook.template import write_template

    output = new_output(args, "an .xlsx")
    framework = read_framework(args.framework) if args.framework else default_framework()
    warnings = write_template(framework, output, lang=args.lang)
    _print_warnings(output, warnings)
    print(label("wrote_template", args.lang).format(
        path=output, id=framework.id, version=framework.version), file=sys.stderr)
    return EXIT_OK
