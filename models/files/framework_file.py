"""Reading and writing framework files (UTF-8 JSON), and the frameworks Beachhead ships
(``resources/frameworks``: ``default.json``, the article's, and ``traction.json``, an
adaptation of it; :func:`shipped_frameworks`).

Every problem is an :class:`~models.core.errors.InputError` naming the file and the field.
Saving is atomic (:mod:`models.files.atomic`).
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

from pydantic import ValidationError

from models.core.errors import InputError, problems_from_validation
from models.core.framework import FRAMEWORK_FORMAT, FRAMEWORK_SCHEMA_VERSION, Framework
from models.core.speech import os_reason
from models.files.atomic import atomic_write_text
from models.files.texts import json_reason, say

_SQLITE = b"SQLite format 3\0"  # how a workspace file begins


def parse_framework(data: object, source: str) -> Framework:
    """Validate already-decoded JSON as a framework.

    Raises:
        InputError: naming ``source`` and the field path of every problem; in one line,
            data that is no framework (not an object, another format) or one written by a
            newer Beachhead.
    """
    refuse_other(data, source)
    try:
        return Framework.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(source, exc)) from None


def refuse_other(data: object, source: str) -> None:
    """Refuse, in one line, data that is no framework (not an object, another format) or a
    framework written by a newer Beachhead.

    Raises:
        InputError: naming ``source`` and what the data is.
    """
    if not isinstance(data, dict):
        raise InputError.single(source, "", "not a Beachhead framework (expected a JSON object)")
    found = data.get("format", FRAMEWORK_FORMAT)
    if found != FRAMEWORK_FORMAT:
        raise InputError.single(source, "format", "not a Beachhead framework (expected "
                                f"\"{FRAMEWORK_FORMAT}\", found {json.dumps(found)})")
    version = data.get("schema_version")
    if isinstance(version, int) and version > FRAMEWORK_SCHEMA_VERSION:
        raise InputError.single(
            source, "schema_version",
            f"the file uses framework schema version {version}, written by a newer Beachhead; "
            f"this version reads framework schema versions up to {FRAMEWORK_SCHEMA_VERSION}. "
            "Update Beachhead to open it.")


def load_framework(path: str | Path) -> Framework:
    """Read and validate a framework file (UTF-8 JSON, with or without a byte-order mark).

    Raises:
        InputError: the file is missing, not JSON, or invalid (each problem names its field).
    """
    path = Path(path)
    try:
        content = path.read_bytes()
        raw = "" if content.startswith(_SQLITE) else content.decode("utf-8-sig")
    except OSError as exc:
        raise InputError.single(str(path), "", say("cannot_read_framework",
                                                   reason=os_reason(exc))) from None
    except UnicodeDecodeError as exc:
        raise InputError.single(str(path), "", say("framework_not_utf8", n=exc.start)) from None
    if content.startswith(_SQLITE):
        raise InputError.single(str(path), "", "a Beachhead workspace (an SQLite database), not "
                                "a framework file")
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError.single(
            str(path), say("line_column", line=exc.lineno, column=exc.colno),
            say("not_json", reason=json_reason(exc.msg))
        ) from None
    return parse_framework(data, str(path))


def save_framework(framework: Framework, path: str | Path) -> None:
    """Write ``framework`` as UTF-8 JSON, atomically (see :mod:`models.files.atomic`)."""
    payload = json.dumps(
        framework.model_dump(mode="json"), ensure_ascii=False, indent=2, allow_nan=False
    )
    atomic_write_text(path, payload + "\n")


#: The framework files Beachhead ships in ``resources/frameworks``, the default first: the
#: article's framework, and an adaptation of it with a Traction pillar.
SHIPPED_FILES: tuple[str, ...] = ("default.json", "traction.json")


def _shipped(name: str) -> Framework:
    ref = resources.files("resources.frameworks").joinpath(name)
    data = json.loads(ref.read_text(encoding="utf-8"))
    return parse_framework(data, f"resources/frameworks/{name}")


def default_framework() -> Framework:
    """The framework shipped with Beachhead (``resources/frameworks/default.json``)."""
    return _shipped(SHIPPED_FILES[0])


def shipped_frameworks() -> list[Framework]:
    """Every framework Beachhead ships (:data:`SHIPPED_FILES`), the default first."""
    return [_shipped(name) for name in SHIPPED_FILES]


def shipped_framework(framework_id: str) -> Framework:
    """The shipped framework with id ``framework_id``.

    Raises:
        KeyError: no shipped framework has that id.
    """
    for fw in shipped_frameworks():
        if fw.id == framework_id:
            return fw
    raise KeyError(framework_id)
