"""The one way Beachhead replaces a file on disk: portfolios, workbooks, templates, reports,
frameworks and recovery copies all go through :func:`atomic_output`.

The durability rule:

1. the new content is written to a temporary file **in the target's own folder** (so the
   final rename never crosses file systems), named ``.NAME.XXXX.tmp`` and created with the
   permissions the target has (or the user's umask gives a new file);
2. the temporary file is flushed and ``fsync``-ed;
3. optionally the previous file is copied to ``NAME.bak`` (itself written the same way);
4. ``os.replace`` swaps the new file in, and the folder is ``fsync``-ed so the rename survives
   a power cut.

If anything fails before step 4, the temporary file is removed and the target is untouched. A
target that is a symbolic link (a file kept in a synced folder, say) is written *through*: the
link stays and its target changes. While a save runs, its temporary file carries an advisory
lock; a temporary file that nobody holds is a leftover of a save that was killed, and the next
save of the same file removes it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

try:  # POSIX advisory locks tell a live save's temporary file from a killed one's
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

BACKUP_SUFFIX = ".bak"
TEMP_SUFFIX = ".tmp"


def real_target(path: str | Path) -> Path:
    """The file a save of ``path`` must replace: ``path`` itself, or the file a symbolic link
    at ``path`` points to (followed to the end of a chain of links)."""
    path = Path(path)
    if path.is_symlink():
        return Path(os.path.realpath(path))
    return path


def new_file_mode(path: Path) -> int:
    """Permission bits for a file about to replace ``path``: the old file's, or what the
    user's umask gives a new file (``mkstemp`` alone would make every saved file private)."""
    try:
        return os.stat(path).st_mode & 0o777
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries to disk, so a file just renamed into it survives a crash
    (a no-op where the platform cannot open folders)."""
    if not hasattr(os, "O_DIRECTORY"):
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _try_lock(fd: int) -> bool:
    if fcntl is None:  # pragma: no cover - Windows
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove the temporary files that killed saves of ``path`` left in its folder.

    A temporary file whose advisory lock can be taken belongs to no running save. Returns the
    files removed. Never raises: a file that cannot be removed is left alone.
    """
    removed: list[Path] = []
    folder = _folder(path)
    prefix = f".{path.name}."
    with contextlib.suppress(OSError):
        candidates = [e for e in os.scandir(folder)
                      if e.name.startswith(prefix) and e.name.endswith(TEMP_SUFFIX)
                      and e.is_file(follow_symlinks=False)]
        for entry in candidates:
            with contextlib.suppress(OSError):
                fd = os.open(entry.path, os.O_RDONLY)
                try:
                    if _try_lock(fd):
                        os.unlink(entry.path)
                        removed.append(Path(entry.path))
                finally:
                    os.close(fd)
    return removed


def _temporary(path: Path) -> tuple[int, str]:
    folder = _folder(path)
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "the folder does not exist", str(path))
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except OSError as exc:
        raise _named(exc, path) from None
    _try_lock(fd)
    os.chmod(name, new_file_mode(path))
    return fd, name


def _named(exc: OSError, path: str | Path) -> OSError:
    """``exc`` about ``path`` rather than a hidden temporary file (when it names a file)."""
    if exc.errno is None or exc.filename is None:
        return exc
    return type(exc)(exc.errno, exc.strerror, str(path))


def _fsync_name(name: str) -> None:
    fd = os.open(name, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_output(path: str | Path, *, keep_backup: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write the new content of ``path`` to; on a normal exit the
    content becomes ``path`` by the durability rule of this module, on an exception the
    temporary file is removed and ``path`` is left as it was.

    ``path`` may be a symbolic link: the file it points to is replaced, the link stays.

    Raises:
        OSError: the folder is missing or not writable, the disk is full, and so on. An error
            about the hidden temporary file (raised while creating it, writing it from the
            caller's block, or swapping it in) names ``path``, the user's name, instead.
    """
    target = real_target(path)
    remove_stale_temporaries(target)
    fd, tmp_name = _temporary(target)
    try:
        yield Path(tmp_name)
        _fsync_name(tmp_name)
        if keep_backup and target.exists():
            _copy_to_backup(target)
        try:
            os.replace(tmp_name, target)
        except OSError as exc:
            raise _named(exc, path) from None
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        if isinstance(exc, OSError) and exc.filename == tmp_name:  # its folder gone, say
            raise _named(exc, path) from None
        raise
    finally:
        os.close(fd)
    fsync_folder(_folder(target))


def _copy_to_backup(path: Path) -> None:
    backup = path.with_name(path.name + BACKUP_SUFFIX)
    with atomic_output(backup) as tmp, open(tmp, "wb") as out, open(path, "rb") as src:
        while chunk := src.read(1 << 20):
            out.write(chunk)


def atomic_write_text(path: str | Path, text: str, *, keep_backup: bool = False) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends) by :func:`atomic_output`."""
    with atomic_output(path, keep_backup=keep_backup) as tmp, \
            open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
