"""``beachhead history``: a workspace's change log, newest first, described in words by
:mod:`models.history.describe`, as a table, CSV or JSON on standard output.

Only what is shown is read: the changes (of one startup, through the log's index on the
startup), and the startups those changes name; the rest of the portfolio is not loaded.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
from typing import TYPE_CHECKING

from models.cli.common import EXIT_OK, stdout
from models.cli.moments import local_text
from models.cli.reading import require_workspace
from models.cli.tables import csv_text, grid
from models.cli.texts import label
from models.core.errors import InputError

if TYPE_CHECKING:
    from models.history.describe import ChangeRow
    from models.store.workspace import Workspace

#: The columns of the table and of the CSV, and the label of each in the table.
COLUMNS = ("when", "who", "startup", "assessment", "what", "old", "new", "comment")


def cmd_history(args: argparse.Namespace) -> int:
    """``beachhead history FILE [--startup NAME] [--since DATE] [--format table|csv|json]``.

    CSV: one line per change with the columns :data:`COLUMNS` (``when`` in local time, values
    in full); JSON: a list of :meth:`models.history.describe.ChangeRow.as_json` objects
    (``at`` in UTC, with its offset).
    """
    from models.history.describe import describe_changes
    from models.history.timeline import Timeline
    from models.store.access import some_startups
    from models.store.workspace import Workspace

    require_workspace(args.file, "history")
    with Workspace.open(args.file) as ws:
        startup_id = _startup_id(ws, args.startup, args.file) if args.startup else None
        changes = ws.changes(startup_id=startup_id, since=args.since)
        named = some_startups(ws, (c.startup_id for c in changes if c.startup_id))
        # the framework versions are read as names are looked for: while the file is open
        rows = describe_changes(changes, named, args.lang, Timeline.of(ws))
    out = stdout()
    if args.format == "json":
        out.write(json.dumps([r.as_json() for r in rows], ensure_ascii=False, indent=2,
                             allow_nan=False) + "\n")
    elif args.format == "csv":
        out.write(history_csv(rows))
    else:
        out.write(history_table(rows, args.lang))
    return EXIT_OK


def _startup_id(ws: Workspace, name: str, source: str) -> str:
    """The id of the startup ``--startup name`` chooses, as other commands choose one (its id,
    else its exact name, else the one name that differs only in case or spacing), or a
    startup removed since that the log still holds, by its id or by the name it had when it
    was removed (chosen the same way; of several removed under one name, the latest).

    Raises:
        InputError: naming ``source`` and ``--startup``: no startup has that name, or several
            only look like it.
    """
    from models.cli.report import no_startup
    from models.core.portfolio import Portfolio

    names = Portfolio.model_construct(startups=ws.startup_names())
    found = names.find_startup(name)
    if found is not None:
        return found.id
    if ws.changes(startup_id=name, limit=1):
        return name
    gone = Portfolio.model_construct(startups=ws.removed_startup_names())
    found = gone.find_startup(name)
    if found is not None:
        return found.id
    raise InputError.single(source, "--startup", no_startup(names, name))


def _cells(row: ChangeRow, full: bool) -> list[str]:
    from models.history.names import short

    if full:
        values = [row.old_full, row.new_full, row.comment]
    else:
        values = [row.old, row.new, short(row.comment)]
    return [local_text(row.at), row.who, row.startup, row.assessment_label, row.what, *values]


def history_csv(rows: list[ChangeRow]) -> str:
    """``history --format csv``: a header of :data:`COLUMNS`, then one line per change with
    the values in full; text cells that a spreadsheet would run as formulas are quoted."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow([csv_text(c) for c in _cells(row, full=True)])
    return buf.getvalue()


def history_table(rows: list[ChangeRow], lang: str) -> str:
    """``history``'s table: one line per change, values cut short."""
    if not rows:
        return label("history_none", lang) + "\n"
    head = [label(f"history_{c}", lang) for c in COLUMNS]
    body = [[csv_text(c) for c in _cells(row, full=False)] for row in rows]
    return "\n".join(grid(head, body, set())) + "\n"
