"""``beachhead framework``: listing, checking, comparing and reviewing frameworks.

* ``framework list`` — the frameworks Beachhead ships (id, version, name);
* ``framework validate FILE`` — a framework file checked: one line (id, version, how many
  pillars, criteria, rules and scenarios), or every problem naming its field (exit status 1);
* ``framework diff A B`` — what changed from A to B in words
  (:func:`models.core.framework_diff.framework_differences`) and how large the change is
  (:func:`models.core.framework_version.change_kind`); A and B are framework files or
  portfolios (workspaces, JSON portfolios), whose framework is compared, or the ids of
  shipped frameworks;
* ``framework review FILE -o OUT.xlsx`` — the review workbook a partner reads and annotates
  (:mod:`models.workbook.framework_review`); FILE as for ``diff``;
* ``framework migrate PORTFOLIO --to FRAMEWORK [--dry-run]`` — a portfolio moved to another
  framework, its plan printed first (:mod:`models.cli.framework_migrate`).

What A, B, FILE and ``--to`` may name: :mod:`models.cli.framework_source`.

The actions are listed in :data:`ACTIONS`; each adds its own sub-parser and sets ``func``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from models.cli.common import EXIT_OK, stdout
from models.cli.count_texts import counted
from models.cli.files import overwrite_option
from models.cli.framework_migrate import add_migrate
from models.cli.framework_source import SOURCE_HELP, json_object, read_framework
from models.core.errors import InputError

if TYPE_CHECKING:

    Actions = argparse._SubParsersAction[argparse.ArgumentParser]

def _every_problem(path: str, lang: str) -> InputError | None:
    """Every problem of the framework file at ``path``, each naming its field (validation
    itself stops at the first rule or scenario naming a missing criterion), or ``None`` when
    the file is not a JSON object, not a framework or one from a newer Beachhead."""
    from models.core.errors import Problem, format_location
    from models.core.framework_draft import FrameworkDraft
    from models.files.framework_file import refuse_other

    data = json_object(path)
    if data is None:
        return None
    try:
        refuse_other(data, path)
    except InputError:
        return None  # no framework at all: said in one line
    problems = FrameworkDraft(data).problems(lang)
    if not problems:
        return None
    return InputError(Problem(path, format_location(p.path), p.message) for p in problems)


def cmd_validate(args: argparse.Namespace) -> int:
    """``beachhead framework validate FILE``."""
    from models.cli.texts import label
    from models.core.framework_version import is_version
    from models.files.framework_file import load_framework

    try:
        fw = load_framework(args.file)
    except InputError as exc:
        raise (_every_problem(args.file, args.lang) or exc) from None
    print(label("framework_valid", args.lang).format(
        file=args.file, id=fw.id, version=fw.version,
        **{kind: counted(args.lang, kind, n) for kind, n in (
            ("pillars", len(fw.pillars)), ("criteria", len(fw.criteria)),
            ("rules", len(fw.postures) + len(fw.deal_breakers)),
            ("postures", len(fw.postures)), ("deal_breakers", len(fw.deal_breakers)),
            ("scenarios", len(fw.scenarios)))}), file=stdout())
    if not is_version(fw.version):
        print(label("framework_not_semver", args.lang).format(file=args.file,
                                                              version=fw.version),
              file=sys.stderr)
    return EXIT_OK


def cmd_diff(args: argparse.Namespace) -> int:
    """``beachhead framework diff A B``."""
    from models.cli.texts import label
    from models.core.framework import text
    from models.core.framework_diff import framework_differences
    from models.core.framework_version import next_version
    from models.core.framework_words import word

    a, b = read_framework(args.a), read_framework(args.b)
    out = stdout()
    print(label("framework_diff_head", args.lang).format(
        a=args.a, a_id=a.id, a_version=a.version, b=args.b, b_id=b.id, b_version=b.version),
        file=out)
    lines = framework_differences(a, b, args.lang)
    version, kind = next_version(a, b)
    if kind is None:
        print(label("framework_same", args.lang), file=out)
        return EXIT_OK
    for line in lines:
        print(f"  {line}", file=out)
    print(label("framework_kind", args.lang).format(
        kind=word(kind, args.lang), a_version=a.version, b_name=text(b.name, args.lang),
        next=version), file=out)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    """``beachhead framework list``: the shipped frameworks, one a line."""
    from models.core.framework import text
    from models.files.framework_file import shipped_frameworks

    out = stdout()
    for fw in shipped_frameworks():
        print(f"{fw.id}\t{fw.version}\t{text(fw.name, args.lang)}", file=out)
    return EXIT_OK


def cmd_review(args: argparse.Namespace) -> int:
    """``beachhead framework review FILE -o OUT.xlsx [--overwrite]``."""
    from models.cli.files import _print_warnings, new_output
    from models.cli.texts import label
    from models.workbook.framework_review import write_framework_review

    output = new_output(args, "an .xlsx")
    fw = read_framework(args.file)
    _print_warnings(output, write_framework_review(fw, output, args.lang))
    print(label("wrote_review", args.lang).format(path=args.output, id=fw.id,
                                                   version=fw.version), file=stdout())
    return EXIT_OK


def _list(actions: Actions, lang: argparse.ArgumentParser) -> None:
    p = actions.add_parser("list", parents=[lang],
                           help="the frameworks Beachhead ships: id, version, name (an id "
                                "stands for its framework where A, B or FILE is asked)")
    p.set_defaults(func=cmd_list)


def _validate(actions: Actions, lang: argparse.ArgumentParser) -> None:
    p = actions.add_parser("validate", parents=[lang],
                           help="check a framework file: a summary line, or every problem "
                                "with its field")
    p.add_argument("file", metavar="FILE", help="a framework file (JSON)")
    p.set_defaults(func=cmd_validate)


def _diff(actions: Actions, lang: argparse.ArgumentParser) -> None:
    p = actions.add_parser("diff", parents=[lang],
                           help="what changed from framework A to framework B, in words, "
                                "and the kind of version change")
    p.add_argument("a", metavar="A", help=SOURCE_HELP)
    p.add_argument("b", metavar="B", help=SOURCE_HELP)
    p.set_defaults(func=cmd_diff)


def _review(actions: Actions, lang: argparse.ArgumentParser) -> None:
    p = actions.add_parser("review", parents=[lang],
                           help="write a review workbook a partner can read and annotate")
    p.add_argument("file", metavar="FILE", help=SOURCE_HELP)
    p.add_argument("-o", "--output", required=True, metavar="OUT.xlsx",
                   help="the workbook to write")
    overwrite_option(p, "OUT.xlsx")
    p.set_defaults(func=cmd_review)


#: The actions of ``beachhead framework``, in the order its help lists them.
ACTIONS: tuple[Callable[[Actions, argparse.ArgumentParser], None], ...] = (
    _list, _validate, _diff, _review, add_migrate)


def add_parser(sub: Actions, lang: argparse.ArgumentParser) -> None:
    """The ``framework`` command and its :data:`ACTIONS`."""
    p = sub.add_parser("framework", parents=[lang],
                       help="list, check, compare, review and migrate frameworks")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for add in ACTIONS:
        add(actions, lang)
