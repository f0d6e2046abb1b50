"""Moving a whole workspace between a file and a server (either way, or server to server):
every row of every table, the change log and the framework versions included, so that the
history travels with the portfolio.

The source is read in one transaction (one consistent moment, while others go on editing);
the destination is written in one transaction too, so it holds the whole workspace or
nothing. Rows the source's rules hide from the reading role (another assessor's scores in an
open round of independent scoring) are not copied.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Final

import sqlalchemy as sa

from models.files.atomic import atomic_output
from models.store import opening
from models.store.schema import metadata

#: Rows written per statement.
BATCH: Final = 5_000


def copy_rows(src: sa.Connection, dest: sa.Connection) -> int:
    """Insert every row of every workspace table read on ``src`` into the (empty) tables on
    ``dest``, parents before children, each table in its primary key's order; on PostgreSQL
    the sequences then continue after the copied numbers. Returns the number of rows."""
    total = 0
    for table in metadata.sorted_tables:
        query = (sa.select(table).order_by(*table.primary_key.columns)
                 .execution_options(yield_per=BATCH))
        result = src.execute(query).mappings()
        for part in result.partitions():
            dest.execute(sa.insert(table), [dict(r) for r in part])
            total += len(part)
        if dest.dialect.name == "postgresql":
            _continue_sequence(dest, table)
    return total


def _continue_sequence(conn: sa.Connection, table: sa.Table) -> None:
    keys = list(table.primary_key.columns)
    if len(keys) != 1 or not isinstance(keys[0].type, sa.Integer) or \
            keys[0].autoincrement is False:
        return
    name = keys[0].name
    conn.execute(sa.text(
        f"SELECT setval(pg_get_serial_sequence('{table.name}', '{name}'), "
        f"COALESCE((SELECT max({name}) FROM {table.name}), 0) + 1, false)"))


def copy_to_file(src: sa.Connection, dest: Path) -> None:
    """Write the workspace read on ``src`` (a server's) to the new file ``dest``, whole or
    not at all."""
    with atomic_output(dest) as tmp:
        opening.fill_file(tmp, partial(copy_rows, src))


def copy_to_server(src: sa.Connection, address: str, overwrite: bool) -> None:
    """Write the workspace read on ``src`` into the database at ``address`` (the schema and
    rules made if it has none; one holding a portfolio refused unless ``overwrite``), in one
    transaction."""
    opening.fill_server(address, overwrite, partial(copy_rows, src))
