"""Recovery copies: the open portfolio is saved to the user's data folder every minute while it
has unsaved changes, removed on a clean exit, and offered back at the next start after a crash.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QStandardPaths

if TYPE_CHECKING:  # the domain loads after the first paint; see MainWindow.ensure_ready
    from models.core.portfolio import Portfolio

AUTOSAVE_INTERVAL_MS = 60_000


def data_folder() -> Path:
    """Beachhead's per-user data folder (created if missing)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    folder = Path(base or Path.home() / ".beachhead")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class RecoveryCopy:
    """A recovery copy found on disk: the portfolio file, its original path and when saved."""

    path: Path
    meta_path: Path
    original: str | None
    saved_at: str

    def load(self) -> Portfolio:
        """Read the recovered portfolio; raises :class:`~models.core.errors.InputError` if bad."""
        from models.files.portfolio_file import load_portfolio

        return load_portfolio(self.path)

    def discard(self) -> None:
        """Delete this recovery copy."""
        for p in (self.path, self.meta_path):
            p.unlink(missing_ok=True)


class RecoveryStore:
    """Writes and finds recovery copies in ``folder`` (default: ``data_folder()/recovery``)."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or data_folder() / "recovery"
        self.folder.mkdir(parents=True, exist_ok=True)
        self.key = f"{os.getpid()}-{dt.datetime.now().strftime('%Y%m%d%H%M%S%f')}"

    def _paths(self) -> tuple[Path, Path]:
        digest = hashlib.sha1(self.key.encode()).hexdigest()[:16]
        return self.folder / f"{digest}.beachhead", self.folder / f"{digest}.json"

    def save(self, portfolio: Portfolio, original: Path | None) -> Path:
        """Write a recovery copy of ``portfolio`` (atomically); returns its path."""
        from models.files.atomic import atomic_write_text
        from models.files.portfolio_file import dumps_portfolio

        path, meta = self._paths()
        atomic_write_text(path, dumps_portfolio(portfolio))
        atomic_write_text(meta, json.dumps({
            "original": str(original) if original else None,
            "saved_at": dt.datetime.now().isoformat(timespec="seconds"),
        }))
        return path

    def clear(self) -> None:
        """Remove this session's recovery copy (after a save or a clean exit)."""
        for p in self._paths():
            p.unlink(missing_ok=True)

    def found(self) -> list[RecoveryCopy]:
        """Recovery copies left by sessions that did not end cleanly, newest first."""
        own = self._paths()[0]
        copies = []
        for meta_path in self.folder.glob("*.json"):
            path = meta_path.with_suffix(".beachhead")
            if path == own or not path.exists():
                continue
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            copies.append(RecoveryCopy(path, meta_path, meta.get("original"),
                                       str(meta.get("saved_at", ""))))
        return sorted(copies, key=lambda c: c.saved_at, reverse=True)

