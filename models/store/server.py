"""A team workspace on a PostgreSQL server: telling its address from a file name, the engine
that connects to it (psycopg 3), what a failed connection means, and the listener that hears
colleagues' commits.

An address is a URL, ``postgresql://ann@db.example.com/deals`` (``postgres://`` and
``postgresql+psycopg://`` too): a password is never needed in it, since libpq reads the
password file ``~/.pgpass`` or a service file (``postgresql:///?service=deals``), as every
PostgreSQL program does.

Transactions (:func:`server_engine`): reads run at ``REPEATABLE READ``, so that reading a
portfolio's tables is one consistent moment, like SQLite's; writes at ``READ COMMITTED``,
whose first statement (``UPDATE portfolio``, see :mod:`models.store.editing`) takes the
portfolio row's lock, so that two writers queue there as they do for SQLite's write lock and
the second then sees what the first committed.

Every committed change-log row makes the server ``NOTIFY`` the channel :data:`CHANNEL` (a
trigger, see :mod:`models.store.policies`); a :class:`Listener` on a connection of its own
counts the notifications that other connections sent.
"""

from __future__ import annotations

import errno
import re
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Any, Final

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.pool import NullPool

from models.files.texts import say
from models.store.sqlite import BUSY_TIMEOUT_MS, WRITE_OPTION, json_text

if TYPE_CHECKING:
    import psycopg

#: The URL schemes of a PostgreSQL server's address.
SCHEMES: Final = ("postgresql://", "postgres://", "postgresql+psycopg://")
#: The channel on which the server announces committed changes.
CHANNEL: Final = "beachhead_changes"
#: Seconds to wait for the server to answer when connecting.
CONNECT_TIMEOUT_S: Final = 5
#: How long a statement waits for a lock another connection holds (a writer for the
#: portfolio row: another's transaction left open) before it is refused, as long as a second
#: process waits for a workspace file's writer.
LOCK_TIMEOUT_MS = BUSY_TIMEOUT_MS
#: libpq's settings for every connection: its name in the server's activity, and TCP
#: keepalives and a send timeout, so that a network gone silent is noticed in about 15 s
#: rather than when TCP gives up (minutes).
_CONNECTION: Final[dict[str, object]] = {
    "connect_timeout": CONNECT_TIMEOUT_S, "application_name": "beachhead", "keepalives": 1,
    "keepalives_idle": 5, "keepalives_interval": 3, "keepalives_count": 3,
    "tcp_user_timeout": 15_000}


def is_server_address(location: object) -> bool:
    """Whether ``location`` names a PostgreSQL server (a URL) rather than a file."""
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


def server_url(address: str) -> sa.URL:
    """The SQLAlchemy URL of ``address`` with the psycopg 3 driver.

    Raises:
        ValueError: ``address`` is not a valid URL, or names no database.
    """
    try:
        url = sa.make_url(address.strip())
        _ = url.port  # a port that is not a number is refused here, not when connecting
    except (sa.exc.ArgumentError, ValueError):
        raise ValueError("not a valid PostgreSQL address (postgresql://USER@HOST[:PORT]/DB)"
                         ) from None
    if not url.database and "service" not in url.query:
        raise ValueError("names no database (postgresql://USER@HOST/DB)")
    return url.set(drivername="postgresql+psycopg")


#: libpq's connection parameters that are secrets: never shown, never remembered.
SECRET_PARAMS: Final = frozenset({"password", "sslpassword"})
_ADDRESS: Final = re.compile(r"\bpostgres(?:ql)?(?:\+psycopg)?://\S*", re.IGNORECASE)
_USER_PASSWORD: Final = re.compile(r"(://[^/@:?#\s]*):[^@/?#\s]*@")
_SECRET_PARAM: Final = re.compile(
    rf"([?&](?:{'|'.join(sorted(SECRET_PARAMS))})=)[^&#\s]*", re.IGNORECASE)


def shown(address: str) -> str:
    """``address`` as it may be shown: its password, in the user part or as a parameter,
    masked (``***``), even when it is no valid address."""
    try:
        url = sa.make_url(address.strip())
        _ = url.port
    except (sa.exc.ArgumentError, ValueError):
        return _masked(address)
    if url.drivername == "postgresql+psycopg" and not address.startswith("postgresql+"):
        url = url.set(drivername="postgresql")
    return _masked(url.render_as_string(hide_password=True))


def _masked(address: str) -> str:
    return _SECRET_PARAM.sub(r"\1***", _USER_PASSWORD.sub(r"\1:***@", address))


def without_secrets(text: str) -> str:
    """``text`` with each server address in it shown as :func:`shown` does (for messages
    that may quote an address as it was given)."""
    return _ADDRESS.sub(lambda found: _masked(found.group()), text)


def libpq_params(address: str) -> dict[str, Any]:
    """The connection parameters psycopg takes for ``address`` (for connections made
    outside SQLAlchemy: the listener, the role administration)."""
    url = server_url(address)
    params: dict[str, Any] = {k: v for k, v in url.query.items()}
    for key, value in (("user", url.username), ("password", url.password),
                       ("host", url.host), ("port", url.port), ("dbname", url.database)):
        if value is not None:
            params[key] = value
    for setting, default in _CONNECTION.items():
        params.setdefault(setting, default)
    return params


def server_engine(address: str) -> sa.Engine:
    """An engine on the server at ``address``, each transaction set up as the module notes
    say; one connection per engine user (no pool: a workspace holds one)."""
    engine = sa.create_engine(
        server_url(address), poolclass=NullPool,
        connect_args={**_CONNECTION,
                      "options": "-c default_transaction_isolation=read\\ committed "
                                 f"-c lock_timeout={LOCK_TIMEOUT_MS}"},
        json_serializer=json_text)

    @event.listens_for(engine, "begin")
    def _begin(conn: sa.Connection) -> None:
        # the session's default (read committed) serves writes: one round trip less for
        # each edit, which holds the portfolio row's lock while it runs
        if not conn.get_execution_options().get(WRITE_OPTION, False):
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")

    return engine


def _driver() -> ModuleType | None:
    """psycopg if it was imported: a workspace file never needs it, and an error of psycopg's
    can only come once it is (so telling its errors apart needs no import of it)."""
    return sys.modules.get("psycopg")


def is_disconnect(exc: BaseException) -> bool:
    """Whether ``exc`` means the server cannot be reached or the connection dropped (rather
    than a refused statement)."""
    if isinstance(exc, sa.exc.DBAPIError):
        if exc.connection_invalidated:
            return True
        exc = exc.orig if exc.orig is not None else exc
    pg = _driver()
    return pg is not None and isinstance(exc, pg.OperationalError | pg.InterfaceError) and \
        not isinstance(exc, pg.errors.QueryCanceled | pg.errors.LockNotAvailable)


def as_connection_error(exc: BaseException, address: str) -> ConnectionError | None:
    """The ``ConnectionError`` (an ``OSError``) naming the server that a lost connection
    means, so that it is reported like a file that cannot be written; ``None`` for a
    statement the server refused for another reason."""
    if not is_disconnect(exc):
        return None
    reason = exc.orig if isinstance(exc, sa.exc.DBAPIError) and exc.orig else exc
    text = " ".join(str(reason).split()) or type(reason).__name__
    return ConnectionError(errno.ECONNABORTED, say("cannot_reach", reason=text),
                           shown(address))


def problem_text(exc: BaseException) -> str:
    """What a failed connection or statement means, in one line."""
    orig = exc.orig if isinstance(exc, sa.exc.DBAPIError) and exc.orig else exc
    text = " ".join(str(orig).split())
    if "FATAL:" in text:  # the server answered, and refused the role, database or password
        return f"the server refused the connection ({text.split('FATAL:', 1)[1].strip()})"
    lost = as_connection_error(exc, "")
    if lost is not None:
        return lost.strerror or str(lost)
    return f"the server refused ({_said(orig)})"


def _said(error: BaseException) -> str:
    """What the server said, in one line: not where in the rules' code it was raised."""
    pg = _driver()
    primary = error.diag.message_primary if pg and isinstance(error, pg.Error) else None
    return " ".join((primary or str(error)).split())


def as_busy_error(exc: BaseException, address: str) -> OSError | None:
    """The ``OSError`` (``EBUSY``) naming the server that a write waiting past
    :data:`LOCK_TIMEOUT_MS` for another connection's lock means; ``None`` for other errors."""
    orig = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
    pg = _driver()
    if pg is None or not isinstance(orig, pg.errors.LockNotAvailable):
        return None
    return OSError(errno.EBUSY, f"another connection has held the workspace for over "
                   f"{LOCK_TIMEOUT_MS / 1000:g} s with a change not yet finished; try again",
                   shown(address))


def as_permission_error(exc: BaseException, address: str) -> PermissionError | None:
    """The ``PermissionError`` naming the server that a refused privilege or row-level
    security policy means; ``None`` for other errors."""
    orig = exc.orig if isinstance(exc, sa.exc.DBAPIError) else exc
    pg = _driver()
    if pg is None or not isinstance(orig, pg.errors.InsufficientPrivilege):
        return None
    return PermissionError(errno.EACCES, f"the server refused: your role may not make this "
                           f"change ({_said(orig)})", shown(address))


class Listener:
    """A connection of its own that listens on :data:`CHANNEL` and counts the changes other
    connections commit (a notification from ``own_pid`` — the workspace's connection — is
    not counted). Reconnects by itself after a drop; the count then moves on too, since
    notifications may have been missed meanwhile."""

    def __init__(self, address: str) -> None:
        self.address = address
        self.count = 0
        self._conn: psycopg.Connection[Any] | None = None

    def _connect(self) -> psycopg.Connection[Any]:
        import psycopg

        conn = psycopg.connect(**libpq_params(self.address), autocommit=True)
        conn.execute(f"LISTEN {CHANNEL}")
        return conn

    def version(self, own_pid: int | None) -> int:
        """The number of notifications from others so far (raises ``ConnectionError`` when
        the server cannot be reached; the next call tries again)."""
        try:
            if self._conn is None or self._conn.closed:
                self._conn = self._connect()
                self.count += 1
            for note in self._conn.notifies(timeout=0):
                if note.pid != own_pid:
                    self.count += 1
        except Exception as exc:
            pg = _driver()
            if pg is None or not isinstance(exc, pg.Error):
                raise
            self.close()
            refused = as_connection_error(exc, self.address)
            if refused is None:
                raise
            raise refused from exc
        return self.count

    def close(self) -> None:
        """Close the listening connection."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
