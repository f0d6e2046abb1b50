"""Reading and writing ``.beachhead`` portfolio documents (UTF-8 JSON).

The document carries ``"format": "beachhead.portfolio"`` and an integer ``schema_version``.
Loading validates it with pydantic and reports every problem with its field path; a newer
schema version is refused, older ones are migrated step by step through :data:`MIGRATIONS`.
Saving is atomic (:mod:`models.files.atomic`); the previous file is kept as ``FILE.bak``.
NaN and Infinity are never written.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from models.core.errors import InputError, problems_from_validation
from models.core.portfolio import PORTFOLIO_FORMAT, PORTFOLIO_SCHEMA_VERSION, Portfolio
from models.core.speech import os_reason
from models.files.atomic import atomic_write_text
from models.files.texts import json_reason, say

#: ``MIGRATIONS[n]`` turns a decoded document of schema version ``n`` into version ``n + 1``.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    # schema 2 added startups' decisions, which a schema-1 document simply has none of
    1: lambda data: data,
    # schema 3 added startups' websites, which a schema-2 document simply has none of
    2: lambda data: data,
}


def dumps_portfolio(portfolio: Portfolio) -> str:
    """The exact text :func:`save_portfolio` writes: indented JSON, real Unicode, final newline.

    Raises ``ValueError`` if a number is NaN or infinite (cannot happen for a validated model).
    """
    data = portfolio.model_dump(mode="json")
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def save_portfolio(portfolio: Portfolio, path: str | Path) -> None:
    """Save ``portfolio`` to ``path`` atomically, keeping the previous version as ``.bak``.

    Raises:
        OSError: the file cannot be written; the previous file is then left as it was.
    """
    atomic_write_text(path, dumps_portfolio(portfolio), keep_backup=True)


def parse_portfolio(data: Any, source: str) -> Portfolio:
    """Validate a decoded document, migrating older schema versions first.

    Raises:
        InputError: wrong format marker, a newer or unknown schema version, or any field
            problem (each named by its path, e.g. ``startups[0].assessments[1].date``).
    """
    if not isinstance(data, dict):
        raise InputError.single(source, "", "not a Beachhead portfolio (expected a JSON object)")
    if data.get("format") != PORTFOLIO_FORMAT:
        raise InputError.single(
            source, "format", f"not a Beachhead portfolio (expected \"{PORTFOLIO_FORMAT}\")"
        )
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 0:
        raise InputError.single(
            source, "schema_version", "must be a whole number (the file format version)"
        )
    if version > PORTFOLIO_SCHEMA_VERSION:
        raise InputError.single(
            source,
            "schema_version",
            f"the file uses schema version {version}, written by a newer Beachhead; "
            f"this version reads schema versions up to {PORTFOLIO_SCHEMA_VERSION}. "
            "Update Beachhead to open it.",
        )
    while version < PORTFOLIO_SCHEMA_VERSION:
        migrate = MIGRATIONS.get(version)
        if migrate is None:
            raise InputError.single(
                source, "schema_version", f"schema version {version} can no longer be read"
            )
        data = migrate(data)
        version += 1
        data["schema_version"] = version
    try:
        return Portfolio.model_validate(data)
    except ValidationError as exc:
        raise InputError(problems_from_validation(source, exc)) from None


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not allowed in a portfolio")


def load_portfolio(path: str | Path) -> Portfolio:
    """Read, migrate and validate a ``.beachhead`` file.

    Raises:
        InputError: the file cannot be read, is not UTF-8 JSON, contains NaN/Infinity, or
            does not validate; every problem names the file and the field path.
    """
    path = Path(path)
    source = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError.single(source, "", say("cannot_open", reason=os_reason(exc))) from None
    # Fast path: a current, valid document is validated straight from the file's bytes, with
    # no intermediate text or dicts (less than half the memory of a large file). Anything else
    # takes the slow path below, which migrates older versions and names every problem.
    body = raw[3:] if raw.startswith(b"\xef\xbb\xbf") else raw
    try:
        return Portfolio.model_validate_json(body)
    except ValidationError:
        pass
    del body
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError.single(
            source, say("byte", n=exc.start), say("not_utf8")
        ) from None
    del raw
    try:
        data = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise InputError.single(
            source, say("line_column", line=exc.lineno, column=exc.colno),
            say("not_json", reason=json_reason(exc.msg))
        ) from None
    except ValueError as exc:
        raise InputError.single(source, "", str(exc)) from None
    except RecursionError:
        raise InputError.single(source, "", "the JSON is nested too deeply to be a portfolio") \
            from None
    return parse_portfolio(data, source)
