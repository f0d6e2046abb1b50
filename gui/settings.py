"""Settings remembered between sessions, through a typed wrapper over ``QSettings``, and the
per-user data folder (the log).

The recent files hold workspace files and team workspaces' server addresses alike; an
address is remembered without its password (:func:`without_password`), which PostgreSQL's
own password file (``~/.pgpass``) or a service file supplies instead."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

MAX_RECENT = 10
#: The roles an assessment can have (:class:`models.core.portfolio.Assessment`).
ROLES = ("founder", "investor", "other")
#: The bounds of Monte Carlo draws and seeds (the Uncertainty tab's); the defaults are the
#: analysis's own (:mod:`models.analysis.uncertainty`).
DRAWS_RANGE = (100, 100_000)
SEED_RANGE = (0, 2_147_483_647)


def documents_folder() -> str:
    """The user's documents folder (the home folder where the system names none)."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return found if found and Path(found).is_dir() else str(Path.home())


def data_folder() -> Path:
    """Beachhead's per-user data folder (created if missing)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base or Path.home() / ".beachhead")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def detach_settings(folder: str) -> None:
    """From now on this process's settings are a copy of the user's, kept in ``folder``: what
    it changes (a screenshot's offscreen window geometry) leaves the user's file as it was."""
    fmt, scope = QSettings.Format.IniFormat, QSettings.Scope.UserScope
    user = QSettings(fmt, scope, "Beachhead", "Beachhead")
    values = {key: user.value(key) for key in user.allKeys()}
    QSettings.setPath(fmt, scope, folder)
    copy = QSettings(fmt, scope, "Beachhead", "Beachhead")
    for key, value in values.items():
        copy.setValue(key, value)
    copy.sync()


class AppSettings:
    """Typed access to Beachhead's settings.

    Args:
        settings: the store to use; by default the user's INI-format ``QSettings`` for
            organisation and application "Beachhead" (``QSettings.setPath`` moves it, which
            the tests do).
    """

    def __init__(self, settings: QSettings | None = None) -> None:
        self._s = settings or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                        "Beachhead", "Beachhead")

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._s.sync()

    @property
    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry, or ``None``."""
        v = self._s.value("window/geometry")
        return v if isinstance(v, QByteArray) and not v.isEmpty() else None

    @geometry.setter
    def geometry(self, value: QByteArray) -> None:
        self._s.setValue("window/geometry", value)

    @property
    def recent_files(self) -> list[str]:
        """Recently opened or saved portfolios, most recent first (at most 10): files, and
        team workspaces' addresses (without passwords)."""
        v = self._s.value("files/recent", [])
        if isinstance(v, str):
            v = [v]
        values = v if isinstance(v, list | tuple) else []
        return [str(x) for x in values][:MAX_RECENT]

    @property
    def recent_addresses(self) -> list[str]:
        """The team workspaces among the recent files, most recent first."""
        from models.store.server import is_server_address

        return [f for f in self.recent_files if is_server_address(f)]

    def add_recent_file(self, path: Path | str) -> None:
        """Put ``path`` at the top of the recent files: a file by its absolute path, a
        server's address without its password (an address that cannot be read is not
        remembered)."""
        from models.store.server import is_server_address

        if is_server_address(path):
            p = without_password(str(path))
            if not p:
                return
        else:
            p = str(Path(path).resolve())
        files = [p, *(f for f in self.recent_files if f != p)][:MAX_RECENT]
        self._s.setValue("files/recent", files)

    def remove_recent_file(self, path: Path | str) -> None:
        """Forget ``path`` (e.g. when it no longer exists)."""
        p = str(path)
        self._s.setValue("files/recent", [f for f in self.recent_files if f != p])

    @property
    def last_folder(self) -> str:
        """The folder last used in a file dialog ('' if none)."""
        return str(self._s.value("files/last_folder", "") or "")

    @last_folder.setter
    def last_folder(self, value: str) -> None:
        self._s.setValue("files/last_folder", value)

    @property
    def language(self) -> str:
        """The chosen interface language ('' = follow the system)."""
        return str(self._s.value("app/language", "") or "")

    @language.setter
    def language(self, value: str) -> None:
        self._s.setValue("app/language", value)

    @property
    def user_name(self) -> str:
        """The name changes are recorded under in a workspace's history ('' = the operating
        system's user name)."""
        return str(self._s.value("app/user_name", "") or "")

    @user_name.setter
    def user_name(self, value: str) -> None:
        self._s.setValue("app/user_name", value.strip())

    @property
    def default_role(self) -> str:
        """The role a new assessment takes (``founder``, ``investor`` or ``other``; '' = a
        startup's first assessment is the founder's, the next ones an investor's)."""
        value = str(self._s.value("assessment/default_role", "") or "")
        return value if value in ROLES else ""

    @default_role.setter
    def default_role(self, value: str) -> None:
        self._s.setValue("assessment/default_role", value if value in ROLES else "")

    @property
    def analysis_draws(self) -> int:
        """How many Monte Carlo draws the Uncertainty tab and an exported workbook start at."""
        from models.analysis.uncertainty import DEFAULT_DRAWS

        return _bounded(self._s.value("analysis/draws"), DEFAULT_DRAWS, *DRAWS_RANGE)

    @analysis_draws.setter
    def analysis_draws(self, value: int) -> None:
        self._s.setValue("analysis/draws", _bounded(value, DRAWS_RANGE[0], *DRAWS_RANGE))

    @property
    def analysis_seed(self) -> int:
        """The random seed the Uncertainty tab and an exported workbook start at."""
        from models.analysis.uncertainty import DEFAULT_SEED

        return _bounded(self._s.value("analysis/seed"), DEFAULT_SEED, *SEED_RANGE)

    @analysis_seed.setter
    def analysis_seed(self, value: int) -> None:
        self._s.setValue("analysis/seed", _bounded(value, SEED_RANGE[0], *SEED_RANGE))

    def file_name(self) -> str:
        """Where these settings are kept on disk."""
        return self._s.fileName()

    @property
    def perspective(self) -> str:
        """The perspective rankings use (``investor`` unless another was chosen)."""
        return str(self._s.value("ranking/perspective", "investor") or "investor")

    @perspective.setter
    def perspective(self, value: str) -> None:
        self._s.setValue("ranking/perspective", value)

    @property
    def ignore_gates(self) -> bool:
        """Whether rankings ignore deal-breakers (rank gated startups among the others)."""
        return str(self._s.value("ranking/ignore_gates", "false")).lower() == "true"

    @ignore_gates.setter
    def ignore_gates(self, value: bool) -> None:
        self._s.setValue("ranking/ignore_gates", "true" if value else "false")


def _bounded(value: object, default: int, low: int, high: int) -> int:
    """``value`` as a whole number within ``low``..``high`` (``default`` when it is none)."""
    if value is None or value == "":
        return default
    try:
        number = int(str(value))
    except ValueError:
        return default
    return min(high, max(low, number))


def without_password(address: str) -> str:
    """``address`` with no password in it, neither in the user part nor as a ``password=``
    (or ``sslpassword=``) parameter ('' when it is not a valid address): what may be
    remembered or shown."""
    import sqlalchemy as sa

    from models.store.server import SECRET_PARAMS

    try:
        url = sa.make_url(address.strip())
    except (sa.exc.ArgumentError, ValueError):  # ValueError: a port that is no number
        return ""
    query = {k: v for k, v in url.query.items() if k.lower() not in SECRET_PARAMS}
    bare = sa.URL.create(url.drivername, url.username or None, None, url.host, url.port,
                         url.database, query)
    return bare.render_as_string(hide_password=False)
