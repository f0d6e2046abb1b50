"""A workspace: a portfolio kept in an SQLite file, every edit a transaction, every change
remembered.

>>> ws = Workspace.create("deals.beachhead", portfolio, who="Ann")   # doctest: +SKIP
>>> ws.set_score_field(assessment_id, "niche.segment_focus", "value", 4)
>>> ws.load()                              # the portfolio as it is now
>>> ws.changes(startup_id=...)             # its history, newest first
>>> ws.as_of(last_monday)                  # the portfolio as it stood then

A :class:`Workspace` holds one connection and is used from one thread at a time; each window,
thread or process opens its own. Two of them on one file are safe: writers queue for SQLite's
lock, readers never wait, and :meth:`Workspace.data_version` tells one of them that another
committed. ``docs/workspace.md`` describes the file.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from types import TracebackType
from typing import Any

import sqlalchemy as sa

from models.core.errors import InputError
from models.core.framework import Framework
from models.core.portfolio import Portfolio, Startup
from models.files.atomic import atomic_output
from models.files.portfolio_file import save_portfolio
from models.store import migrate, opening, transfer
from models.store.changelog import (
    Change,
    changes_after,
    changes_since,
    framework_replacements,
    last_change_id,
    query_changes,
    startup_removals,
)
from models.store.frameworks import Frameworks, every_framework, identities, scored_under
from models.store.loading import read_portfolio, read_startups
from models.store.replay import Mismatch, Replay, detached
from models.store.rounds import WorkspaceRounds
from models.store.rows import construct
from models.store.schema import PORTFOLIO_ROW, portfolio
from models.store.schema import startups as startup_rows
from models.store.server import Listener, as_connection_error, is_server_address, shown
from models.store.sqlite import pragma


class Workspace(WorkspaceRounds):
    """An open workspace file (see the module notes). Make one with :meth:`create` or
    :meth:`open`; close it with :meth:`close` or a ``with`` block.

    Attributes:
        path: the file, as it was named (``None`` for a team workspace on a server).
        server: the server's address (``None`` for a file).
        location: the file or the server's address (its password masked), for messages.
        who: the name every change made through this object is recorded under.
    """

    def __init__(self, location: Path | str, engine: sa.Engine, conn: sa.Connection,
                 who: str) -> None:
        self.server = str(location) if is_server_address(location) else None
        self.path = None if self.server else Path(location)
        self.location = shown(self.server) if self.server else str(location)
        self.who = who
        self._engine = engine
        self._conn = conn
        self._identity = opening.identity(self.path) if self.path else None
        self._frameworks = Frameworks()
        self._listener = Listener(self.server) if self.server else None

    # -- files ---------------------------------------------------------------------------------
    @classmethod
    def create(cls, path: str | Path, content: Portfolio, who: str | None = None, *,
               overwrite: bool = False, source: tuple[str, str] | None = None) -> Workspace:
        """Write a new workspace holding ``content`` to ``path`` and open it. ``path`` may
        be a server's address: its database then becomes a team workspace (the schema and
        the roles' rules made if it has none), in one transaction.

        The file appears whole or not at all (it is built beside ``path`` and renamed).
        ``source`` is the name and SHA-256 of the JSON file it is converted from.

        Raises:
            InputError: ``path`` exists (and ``overwrite`` is off) or is a workspace in use.
            pydantic.ValidationError: ``content`` is not a valid portfolio.
            OSError: the file cannot be written (naming ``path``).
        """
        checked = Portfolio.model_validate(content.model_dump())
        if is_server_address(path):
            who = who or opening.server_user(str(path))
            opening.build_server(str(path), checked, who, overwrite, source)
            return cls.open(path, who)
        target = Path(path)
        opening.check_replaceable(target, overwrite)
        who = who or opening.default_user()
        with atomic_output(target) as tmp:
            opening.build(tmp, checked, who, source)
        return cls.open(target, who)

    @classmethod
    def open(cls, path: str | Path, who: str | None = None, *,
             scripts: Path = migrate.SCRIPTS) -> Workspace:
        """Open the workspace at ``path``, migrating an older schema in place after a backup
        copy ``FILE.bak-<revision>``; changes are recorded under ``who`` (default: the
        operating system's user name).

        Raises:
            InputError: no such file, a JSON portfolio, not a Beachhead workspace, or one
                from a newer Beachhead (both revisions named).
        """
        if is_server_address(path):
            engine, conn = opening.connect_server(str(path), scripts)
            return cls(str(path), engine, conn, who or opening.current_role(conn))
        target = Path(path)
        engine, conn = opening.connect(target, scripts)
        return cls(target, engine, conn, who or opening.default_user())

    @property
    def address(self) -> str | Path:
        """The file or the server's address as it was opened (to open another connection
        to the same workspace)."""
        return self.server if self.server is not None else self.path or Path(self.location)

    def close(self) -> None:
        """Close the file (the last connection to close folds the ``-wal`` file back in), or
        the connections to the server."""
        if self._listener is not None:
            self._listener.close()
        self._conn.close()
        self._engine.dispose()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def copy_to(self, dest: str | Path, *, overwrite: bool = True) -> str | Path:
        """Write a consistent copy of the workspace (its committed state, history included)
        to ``dest``, a file or a server's address, while the workspace stays open for edits:
        a file to a file by ``VACUUM INTO`` (compact), otherwise row by row
        (:mod:`models.store.transfer`). Returns ``dest``.

        Raises:
            InputError: ``dest`` is this workspace itself, is a workspace in use, or exists
                (a file) or holds a portfolio (a server's database) while ``overwrite`` is
                off; the server cannot be reached.
            OSError: the copy cannot be written (naming ``dest``).
        """
        if is_server_address(dest):
            if self.server is not None and shown(str(dest)) == self.location:
                raise InputError.single(self.location, "", "is this workspace itself; "
                                        "choose another database")
            with self._reading():
                transfer.copy_to_server(self._conn, str(dest), overwrite)
            return str(dest)
        target = Path(dest)
        self._refuse_self(target)
        opening.check_replaceable(target, overwrite)
        if self.server is None:
            migrate.snapshot(self._conn, target)
        else:
            with self._reading():
                transfer.copy_to_file(self._conn, target)
        return target

    def export_json(self, path: str | Path) -> None:
        """Write the portfolio as a JSON portfolio document (the interchange format that
        :func:`models.files.portfolio_file.load_portfolio` reads)."""
        target = Path(path)
        self._refuse_self(target)
        save_portfolio(self.load(), target)

    def _refuse_self(self, target: Path) -> None:
        if self.path is None:
            return
        mine = os.path.realpath(self.path)
        if os.path.realpath(target) == mine or (target.exists() and
                                                os.path.samefile(target, mine)):
            raise InputError.single(str(target), "", "is this workspace itself; choose "
                                    "another file")

    @contextlib.contextmanager
    def _reading(self) -> Iterator[None]:
        """A read transaction: one consistent moment; inside an open write transaction
        (:meth:`transaction`), that one, so its own uncommitted edits are seen. On a server,
        a lost connection is a ``ConnectionError`` naming it (the next read reconnects)."""
        if self._conn.in_transaction():
            yield
            return
        try:
            with self._conn.begin():
                yield
        except sa.exc.DBAPIError as exc:
            lost = as_connection_error(exc, self.server) if self.server else None
            if lost is None:
                raise
            raise lost from exc

    # -- reading -------------------------------------------------------------------------------
    def load(self) -> Portfolio:
        """The portfolio as it is now (one consistent moment, even while others write)."""
        with self._reading():
            return read_portfolio(self._conn, self._frameworks)

    def framework(self) -> Framework:
        """The portfolio's current framework."""
        with self._reading():
            return self._frameworks.current(self._conn)[1]

    def info(self) -> dict[str, Any]:
        """The portfolio row: ``revision`` (one more per committed edit), ``created_at``,
        ``created_by``, ``source_name`` and ``source_sha256`` (the JSON file it was converted
        from, if any)."""
        with self._reading():
            row = self._conn.execute(sa.select(portfolio).where(
                portfolio.c.id == PORTFOLIO_ROW)).mappings().one()
        return dict(row)

    def changes(self, startup_id: str | None = None, assessment_id: str | None = None,
                since: dt.datetime | None = None, until: dt.datetime | None = None,
                limit: int | None = None) -> list[Change]:
        """The change log, newest first: of one startup (its assessments and scores
        included) and/or one assessment, from ``since`` to ``until`` (both included)."""
        with self._reading():
            return query_changes(self._conn, startup_id=startup_id,
                                 assessment_id=assessment_id, since=since, until=until,
                                 limit=limit)

    def changes_since(self, last_id: int) -> list[Change]:
        """Every change numbered after ``last_id``, oldest first (``0``: the whole log): what
        a window that has seen the log up to ``last_id`` has yet to take in."""
        with self._reading():
            return changes_since(self._conn, last_id)

    @contextlib.contextmanager
    def locked(self, comment: str | None = None) -> Iterator[Portfolio]:
        """One write transaction (see :meth:`transaction`) yielding the portfolio as it is
        once the write lock is held: for a change worked out from the portfolio itself (an
        import's merge), so that a second writer waits and then works from the first one's
        result. The edits made inside commit together, with ``comment``, or not at all."""
        with self._write(comment) as tx:
            yield read_portfolio(tx.conn, self._frameworks)

    def startup_names(self) -> list[Startup]:
        """Every startup in the portfolio's order with its id and name only (other fields
        empty, no assessments): what choosing a startup by name needs, in one indexed query,
        without loading the startups."""
        query = sa.select(startup_rows.c.id, startup_rows.c.name).order_by(
            startup_rows.c.position)
        with self._reading():
            found = self._conn.execute(query).all()
        return [_name_only(i, n) for i, n in found]

    def removed_startup_names(self) -> list[Startup]:
        """Every startup removed that is not in the portfolio now, newest removal first, with
        its id and the name it had when removed (other fields empty, as
        :meth:`startup_names` gives them)."""
        with self._reading():
            gone = startup_removals(self._conn)
            present = set(self._conn.execute(sa.select(startup_rows.c.id)).scalars())
        found: dict[str, str] = {}
        for c in gone:
            if c.startup_id not in present:
                found.setdefault(str(c.startup_id), str(c.old["startup"]["name"]))
        return [_name_only(i, n) for i, n in found.items()]

    def framework_changes(self) -> list[Change]:
        """Every replacement of the portfolio's framework, newest first (they name no
        startup, yet move every startup's scores)."""
        with self._reading():
            return framework_replacements(self._conn)

    def scored_under(self) -> dict[str, tuple[str, str]]:
        """Each assessment's id and the framework (id, version) it was last scored under."""
        with self._reading():
            return scored_under(self._conn)

    def framework_version(self, version_id: int) -> Framework:
        """The framework of a row of ``framework_versions`` (as a change's ``old`` or ``new``
        value names it)."""
        with self._reading():
            return self._frameworks.get(self._conn, version_id)

    def frameworks(self) -> list[Framework]:
        """Every framework the portfolio has used (the rows of ``framework_versions``)."""
        return list(self.framework_rows().values())

    def framework_identities(self) -> dict[tuple[str, str], int]:
        """The row of ``framework_versions`` of each framework id and version used."""
        with self._reading():
            return identities(self._conn)

    def framework_rows(self) -> dict[int, Framework]:
        """Every framework the portfolio has used, by its row of ``framework_versions``
        (as a framework change's ``version_id`` names it)."""
        with self._reading():
            return every_framework(self._conn)

    def log_state(self) -> tuple[int, int]:
        """``(data_version, newest change's number)`` read at one moment: a window that has
        taken in every change up to that number need not look again until
        :meth:`data_version` differs from the first."""
        version = self.data_version()
        with self._reading():
            return version, last_change_id(self._conn)

    def startups(self, ids: list[str]) -> list[tuple[int, Startup]]:
        """The startups with these ids as they are now, each with its position (startups
        that no longer exist are left out), in the order of their positions."""
        with self._reading():
            return read_startups(self._conn, ids)

    def as_of(self, moment: dt.datetime, current: Portfolio | None = None) -> Portfolio:
        """The portfolio as it stood at ``moment`` (an aware datetime): the current one with
        every change made after ``moment`` taken back (:mod:`models.store.replay`).

        ``current``, when given, must be the workspace's portfolio as it is now (a window's
        copy, kept up to date edit by edit): the portfolio is then not read again, and the
        result shares every startup the changes did not touch with ``current`` (so use the
        result before ``current`` changes again). Without it the portfolio is read afresh, as
        it is when ``current`` lacks changes the log holds (another window's, not taken in
        yet) and taking them back on it does not fit.

        Raises:
            InputError: ``moment`` is before the workspace was created (it holds nothing
                earlier).
        """
        if moment.tzinfo is None:
            raise ValueError(f"{moment.isoformat()}: a moment needs its time zone")
        with self._reading():
            created: dt.datetime = self._conn.execute(sa.select(portfolio.c.created_at)
                                                      ).scalar_one()
            if moment < created:
                raise InputError.single(
                    self.location, "as of", f"{moment.isoformat()} is before the workspace "
                    f"was created ({created.isoformat()}); it holds nothing earlier")
            taken = changes_after(self._conn, moment)
            framework_of = partial(self._frameworks.get, self._conn)
            if current is not None:
                with contextlib.suppress(Mismatch, KeyError, IndexError, StopIteration):
                    return Replay(detached(current, taken), framework_of).take_back(taken)
            base = read_portfolio(self._conn, self._frameworks)
            return Replay(base, framework_of).take_back(taken)

    def data_version(self) -> int:
        """A number that changes when another connection (another window, thread, process
        or colleague) commits, and not for this workspace's own edits; poll it to notice
        others' changes. On a file, SQLite's ``PRAGMA data_version``; on a server, the count
        of the server's notifications from other connections (``LISTEN``, see
        :class:`models.store.server.Listener`)."""
        if self._listener is None:
            return pragma(self._conn, "data_version")
        return self._listener.version(self._backend_pid())

    def _backend_pid(self) -> int | None:
        if self._conn.invalidated or self._conn.closed:
            return None
        raw: Any = self._conn.connection.driver_connection
        return int(raw.info.backend_pid)


def _name_only(startup_id: str, name: str) -> Startup:
    """A startup with only its id and name (what choosing one by name needs)."""
    return construct(Startup, {"id": startup_id, "name": name, "sector": "", "stage": "",
                               "region": "", "tags": [], "notes": "", "website": "",
                               "assessments": [],
                               "decisions": []})
