"""Settings remembered between sessions, through a typed wrapper over ``QSettings``, and the
per-user data folder (the sample portfolio, the log)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

MAX_RECENT = 10


def data_folder() -> Path:
    """Beachhead's per-user data folder (created if missing)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base or Path.home() / ".beachhead")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


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
        """Recently opened or saved portfolios, most recent first (at most 10)."""
        v = self._s.value("files/recent", [])
        if isinstance(v, str):
            v = [v]
        values = v if isinstance(v, list | tuple) else []
        return [str(x) for x in values][:MAX_RECENT]

    def add_recent_file(self, path: Path | str) -> None:
        """Put ``path`` at the top of the recent files."""
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
    def started_before(self) -> bool:
        """False until the first start has opened the bundled sample."""
        return str(self._s.value("app/started_before", "false")).lower() == "true"

    @started_before.setter
    def started_before(self, value: bool) -> None:
        self._s.setValue("app/started_before", "true" if value else "false")

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
