"""The headless command line (the README's "Command line"). Imports no Qt.

Exit status: 0 on success, 1 when an input is bad (one line per problem on stderr: file,
place, why), 2 on usage errors. The commands are in :mod:`models.cli.score`,
:mod:`models.cli.analyze`, :mod:`models.cli.report`, :mod:`models.cli.files`,
:mod:`models.cli.importing`, :mod:`models.cli.copying` and :mod:`models.cli.history`; their
arguments in :mod:`models.cli.parser`; every command reads its portfolio through
:mod:`models.cli.reading`.
"""

from __future__ import annotations

import argparse
import contextlib
import signal
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from models.cli.common import EXIT_BAD_INPUT, EXIT_USAGE, UsageError
from models.cli.parser import build_parser
from models.cli.usage import language_asked, say
from models.core.errors import InputError, file_in_the_way, write_error
from models.core.speech import os_reason, speaking

__all__ = ["COMMANDS", "EXIT_USAGE", "main"]

COMMANDS: tuple[str, ...] = ("score", "sample", "analyze", "export", "template", "import",
                             "report", "copy", "history", "workspace", "framework")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status. Its messages are in ``--lang``'s
    language (:func:`models.core.speech.speaking`), a usage error's too."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        with speaking(language_asked(argv)):
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help/--version exit 0, bad usage exits 2
        return int(exc.code or 0)
    with speaking(args.lang):
        if not getattr(args, "func", None):
            parser.print_usage(sys.stderr)
            print(say("no_command"), file=sys.stderr)
            return EXIT_USAGE
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    """Run the command ``args`` name; returns the exit status."""
    func: Callable[[argparse.Namespace], int] = args.func
    # a polite kill (SIGTERM) unwinds like Ctrl-C, so temporary files are removed
    with contextlib.suppress(ValueError):  # not the main thread: leave signals alone
        signal.signal(signal.SIGTERM, _interrupted)
    try:
        _check_output(args)
        return func(args)
    except InputError as exc:
        for problem in exc.problems:
            _say(problem)
        return EXIT_BAD_INPUT
    except UsageError as exc:
        _say(f"beachhead {args.command}: {exc}")
        return EXIT_USAGE
    except OSError as exc:
        _say(_os_error_line(exc, _written(args), args.lang))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _say(say("interrupted"))
        return 130
    except MemoryError:
        _say(say("memory", command=args.command))
        return EXIT_BAD_INPUT
    except Exception as exc:  # the last resort: never a traceback in front of a user
        failed = write_error(exc)  # a full disk, said by SQLite or zlib
        if failed is not None:
            _say(_os_error_line(failed, _written(args), args.lang))
            return EXIT_BAD_INPUT
        _say(say("unexpected", command=args.command, problem=f"{type(exc).__name__}: {exc}"))
        return EXIT_BAD_INPUT


def _written(args: argparse.Namespace) -> str | None:
    """The file the command writes: its ``-o`` output, else the portfolio ``--into`` names
    (an import rewrites it)."""
    return getattr(args, "output", None) or getattr(args, "into", None)


def _say(problem: object) -> None:
    """Print a problem on stderr, a server address in it without its password (it may
    quote the address as it was given)."""
    from models.store.server import without_secrets

    print(without_secrets(str(problem)), file=sys.stderr)


def _os_error_line(exc: OSError, output: str | None, lang: str) -> str:
    """One line for an operating-system error: a failed write of the user's output names that
    file and what to do; any other error names its file and the reason."""
    from models.core.errors import write_failure

    written = output is not None and exc.filename in (None, output, str(Path(output)))
    if written:
        return write_failure(exc, output, lang)
    name = exc.filename or ""
    return f"{name}: {os_reason(exc, lang)}" if name else str(exc)


def _interrupted(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def _check_output(args: argparse.Namespace) -> None:
    """Refuse an output file in a missing folder (or behind a file named as a folder), or
    one that is also an input."""
    output = getattr(args, "output", None)
    if not output:
        return
    from models.cli.texts import label
    from models.store.server import is_server_address

    if is_server_address(output):
        return
    out = Path(output)
    in_the_way = file_in_the_way(out, args.lang)
    if in_the_way:
        raise InputError.single(output, "", in_the_way)
    if not (out.parent if str(out.parent) else Path(".")).is_dir():
        raise InputError.single(output, "", label("output_no_folder", args.lang))
    if out.is_dir():
        raise InputError.single(output, "", label("output_is_folder", args.lang))
    inputs = [getattr(args, "file", None), *(getattr(args, "workbooks", None) or [])]
    for name in filter(None, inputs):
        try:
            same = out.exists() and Path(name).exists() and out.samefile(name)
        except OSError:
            same = False
        if same:
            raise UsageError(label("same_output", args.lang).format(output=output))


if __name__ == "__main__":
    sys.exit(main())
