"""Problems with user input, reported as one line each (file, place, what is wrong)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
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


#: What to do about a failed write, by ``errno`` name.
_WRITE_ADVICE = {
    "ENOSPC": "the disk is full; free some space or save to another disk",
    "EDQUOT": "the disk quota is used up; free some space or save to another disk",
    "EACCES": "permission denied; choose a folder you can write to, or make the file writable",
    "EPERM": "permission denied; choose a folder you can write to, or make the file writable",
    "EROFS": "the disk is read-only; save to another folder",
    "EBUSY": "the file is in use by another program; close it there and try again",
    "ETXTBSY": "the file is in use by another program; close it there and try again",
    "ENOENT": "the folder does not exist; choose an existing folder",
    "ENOTDIR": "a part of the path is not a folder; choose an existing folder",
    "EISDIR": "that is a folder; name a file to write",
    "ENAMETOOLONG": "the name is too long; choose a shorter name",
    "EIO": "the disk reported an error; save to another disk",
}


def write_failure(exc: OSError, path: object = None) -> str:
    """One line for a user whose file could not be written: their file's name (never a hidden
    temporary file's), what went wrong and what to do.

    ``path`` is the file the user asked for; without it the error's own file name is used.
    """
    import errno

    name = str(path) if path is not None else str(exc.filename or "")
    code = errno.errorcode.get(exc.errno or -1, "")
    advice = _WRITE_ADVICE.get(code) or f"{exc.strerror or exc}; try another folder or name"
    return f"{name}: could not be written: {advice}" if name else f"could not write: {advice}"
