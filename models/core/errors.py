"""Problems with user input, reported as one line each (file, place, what is wrong)."""

from __future__ import annotations

import errno
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pydantic import ValidationError


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input.

    Attributes:
        source: the file (or other input) the problem is in, as the user named it.
        location: where inside it: a field path (``startups[2].assessments[0].date``),
            a sheet and cell (``Scores!J14``) or empty when the whole input is at fault.
        message: what is wrong and, where it helps, what was expected.
    """

    source: str
    location: str
    message: str

    def __str__(self) -> str:
        place = f"{self.source}: {self.location}" if self.location else self.source
        return f"{place}: {self.message}"


class InputError(Exception):
    """Raised when an input (a file, an argument) cannot be used.

    Carries one or more :class:`Problem` objects; ``str()`` gives one line per problem,
    ready to print for a user.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = list(problems)
        if not self.problems:
            raise ValueError("InputError needs at least one problem")
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def single(cls, source: str, location: str, message: str) -> InputError:
        """Build an error holding one problem."""
        return cls([Problem(source, location, message)])


def format_location(loc: tuple[int | str, ...]) -> str:
    """Render a pydantic error location as a field path, e.g. ``pillars[0].criteria[2].weight``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif out:
            out += f".{part}"
        else:
            out = str(part)
    return out


_PATH_PREFIX = re.compile(r"^([A-Za-z_][\w.\[\]]*): (.+)$", re.S)


def problems_from_validation(source: str, exc: ValidationError) -> list[Problem]:
    """Turn a ``pydantic.ValidationError`` into problems naming each field path."""
    problems = []
    for err in exc.errors(include_url=False):
        loc = format_location(tuple(p for p in err["loc"] if not _is_union_tag(p)))
        msg = err["msg"]
        if err["type"] == "value_error":
            msg = str(err.get("ctx", {}).get("error", msg))
            # model-level checks start their message with the field path they concern
            m = _PATH_PREFIX.match(msg)
            if m:
                loc = f"{loc}.{m[1]}" if loc else m[1]
                msg = m[2]
        if err["type"] == "extra_forbidden":
            msg = "unknown field (not part of this file format)"
        elif err["type"] == "missing":
            msg = "required field is missing"
        problems.append(Problem(source, loc or "(top level)", msg))
    return problems


def _is_union_tag(part: int | str) -> bool:
    # pydantic inserts the tag of a function validator or a union member into locations
    return isinstance(part, str) and (part.startswith("function-") or "[" in part)


#: What to do about a failed write, by language and ``errno`` name.
_WRITE_ADVICE: dict[str, dict[str, str]] = {
    "en": {
        "ENOSPC": "the disk is full; free some space or save to another disk",
        "EDQUOT": "the disk quota is used up; free some space or save to another disk",
        "EACCES": "permission denied; choose a folder you can write to, or make the file "
                  "writable",
        "EPERM": "permission denied; choose a folder you can write to, or make the file "
                 "writable",
        "EROFS": "the disk is read-only; save to another folder",
        "EBUSY": "the file is in use by another program; close it there and try again",
        "ETXTBSY": "the file is in use by another program; close it there and try again",
        "ENOENT": "the folder does not exist; choose an existing folder",
        "ENOTDIR": "a part of the path is not a folder; choose an existing folder",
        "file_in_the_way": "{file} is a file, not a folder; choose an existing folder",
        "EISDIR": "that is a folder; name a file to write",
        "ENAMETOOLONG": "the name is too long; choose a shorter name",
        "EIO": "the disk reported an error; save to another disk",
        "other": "{reason}; try another folder or name",
        "named": "{name}: could not be written: {advice}",
        "unnamed": "could not write: {advice}",
    },
    "zh_CN": {
        "ENOSPC": "磁盘已满；请腾出空间，或保存到另一块磁盘",
        "EDQUOT": "磁盘配额已用完；请腾出空间，或保存到另一块磁盘",
        "EACCES": "没有权限；请选择您可以写入的文件夹，或让该文件可写",
        "EPERM": "没有权限；请选择您可以写入的文件夹，或让该文件可写",
        "EROFS": "磁盘为只读；请保存到其他文件夹",
        "EBUSY": "文件正被其他程序使用；请在那里关闭它后重试",
        "ETXTBSY": "文件正被其他程序使用；请在那里关闭它后重试",
        "ENOENT": "文件夹不存在；请选择一个已有的文件夹",
        "ENOTDIR": "路径中有一部分不是文件夹；请选择一个已有的文件夹",
        "file_in_the_way": "{file} 是一个文件，不是文件夹；请选择一个已有的文件夹",
        "EISDIR": "这是一个文件夹；请指定要写入的文件名",
        "ENAMETOOLONG": "名称过长；请换一个短一些的名称",
        "EIO": "磁盘报告了错误；请保存到另一块磁盘",
        "other": "系统信息：“{reason}”；请换一个文件夹或文件名",
        "named": "{name}：无法写入：{advice}",
        "unnamed": "无法写入：{advice}",
    },
}


#: SQLite's messages for a write the file system refused, and the ``errno`` each one means.
_SQLITE_REFUSALS: dict[str, int] = {
    "database or disk is full": errno.ENOSPC,
    "attempt to write a readonly database": errno.EROFS,
    "disk I/O error": errno.EIO,
    "database is locked": errno.EBUSY,
    "unable to open database file": errno.EACCES,
}
#: SQLite's extended error code for a shared-memory file (``-shm``) that could not grow: on a
#: full disk SQLite says "disk I/O error" with it.
_SQLITE_IOERR_SHMSIZE = 4874


def write_error(exc: BaseException) -> OSError | None:
    """The operating system's error behind a failed write that another library reported in
    its own words, else ``None``: ``exc`` itself when it is an ``OSError``; for SQLite's
    words (``sqlite3``'s error, or the driver's error SQLAlchemy wraps as ``orig``) the
    ``errno`` they mean, "database or disk is full" (or a ``-shm`` file that could not grow)
    a full disk (``ENOSPC``); the ``OSError``
    a ``zlib`` error was raised in the handling of (a compressed stream flushed again after
    its file could not be written)."""
    import sqlite3
    import zlib

    if isinstance(exc, OSError):
        return exc
    driver = getattr(exc, "orig", None)  # SQLAlchemy's DBAPIError: the driver's own error
    if isinstance(driver, BaseException) or isinstance(exc, sqlite3.Error):
        said = driver if isinstance(driver, BaseException) else exc
        text = str(said)
        if getattr(said, "sqlite_errorcode", None) == _SQLITE_IOERR_SHMSIZE:
            text = "database or disk is full"  # the shared-memory file beside it cannot grow
        for words, code in _SQLITE_REFUSALS.items():
            if words in text:
                return OSError(code, f"{os.strerror(code)} ({text})")
    if isinstance(exc, zlib.error) and isinstance(exc.__context__, OSError):
        return exc.__context__
    return None


def write_failure(exc: BaseException, path: object = None, lang: str = "en") -> str:
    """One line for a user whose file could not be written, in ``lang`` (``en`` or
    ``zh_CN``): their file's name (never a hidden temporary file's), what went wrong and what
    to do.

    ``exc`` is the ``OSError``, or another library's error for it (see :func:`write_error`:
    SQLite's full database, a zlib stream's failed flush). ``path`` is the file the user
    asked for; without it the error's own file name is used.
    """
    err = write_error(exc) or OSError(None, str(exc))
    words = _WRITE_ADVICE.get(lang, _WRITE_ADVICE["en"])
    name = str(path) if path is not None else str(err.filename or "")
    code = errno.errorcode.get(err.errno or -1, "")
    advice = words.get(code) or words["other"].format(reason=err.strerror or err)
    if code in ("ENOENT", "ENOTDIR") and name:
        advice = file_in_the_way(name, lang) or advice
    return (words["named"].format(name=name, advice=advice) if name
            else words["unnamed"].format(advice=advice))


def file_in_the_way(path: str | Path, lang: str = "en") -> str:
    """When a folder on the way to ``path`` is a file (``afile`` for ``afile/x.xlsx`` or
    ``afile/sub/x.xlsx``), that said in ``lang``: "afile is a file, not a folder; choose an
    existing folder"; else ''."""
    for folder in Path(path).parents:  # the nearest first
        if folder.is_dir():
            return ""
        if folder.exists():
            return _WRITE_ADVICE.get(lang, _WRITE_ADVICE["en"])["file_in_the_way"].format(
                file=folder)
    return ""
