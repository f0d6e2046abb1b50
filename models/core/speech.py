"""The language messages are said in, for whoever asked (the command line's ``--lang``, an
import's language): :func:`speaking` sets it for a block, :func:`language` reads it, and every
layer words its messages with :func:`words` from a table keyed by language (placeholders in
braces, filled with ``str.format``). The operating system's reasons for a failed read or write
are said by :func:`os_reason`. English is spoken unless a caller says otherwise, so a caller
that never asks (the window) gets the English messages it translates itself."""

from __future__ import annotations

import contextvars
import errno
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

#: The languages messages are said in.
LANGUAGES = ("en", "zh_CN")

_LANGUAGE: contextvars.ContextVar[str] = contextvars.ContextVar("language", default="en")


@contextmanager
def speaking(lang: str) -> Iterator[None]:
    """Messages made inside the ``with`` block are in ``lang`` (English for a language not
    spoken)."""
    token = _LANGUAGE.set(lang if lang in LANGUAGES else "en")
    try:
        yield
    finally:
        _LANGUAGE.reset(token)


def language() -> str:
    """The language messages are being said in."""
    return _LANGUAGE.get()


def words(table: Mapping[str, Mapping[str, str]], key: str, **values: object) -> str:
    """The text ``key`` of ``table`` in the current language, filled with ``values``."""
    return table[language()][key].format(**values)


#: The operating system's reasons for a failed read or write, by ``errno`` name, in Chinese
#: (in English the system's own words are used).
OS_REASONS_ZH = {
    "EACCES": "权限不足", "EPERM": "不允许此操作", "ENOSPC": "磁盘空间不足",
    "EROFS": "文件系统为只读", "ENOENT": "文件或文件夹不存在", "EISDIR": "这是文件夹",
    "ENOTDIR": "路径中有一部分不是文件夹", "EEXIST": "文件已存在", "ENAMETOOLONG": "文件名过长",
    "EDQUOT": "磁盘配额已用完",
}


def os_reason(exc: OSError, lang: str | None = None) -> str:
    """Why the operating system refused a read or write, in ``lang`` (default: the current
    language): the system's own text in English, and in Chinese for the common ``errno``
    values (the system's text for the others)."""
    own = exc.strerror or str(exc)
    if (lang or language()) == "en":
        return own
    return OS_REASONS_ZH.get(errno.errorcode.get(exc.errno or -1, ""), own)
