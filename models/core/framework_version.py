"""Framework versions: semantic version numbers, the kind of a change between two frameworks,
and the changelog a framework carries.

A framework's ``version`` is ``MAJOR.MINOR.PATCH``. What an edit bumps follows what it does to
the scores of old assessments:

* **patch** — texts only: names, questions, rubric wording, descriptions, explanations, cited
  paragraphs, translations, and the order pillars or criteria are listed in. No score moves.
* **minor** — weights, directions, a pillar enabled or disabled, postures, deal-breakers,
  scenarios and decision thresholds. Scores or verdicts may move; every level keeps its
  meaning.
* **major** — pillars or criteria added or removed: old assessments lack or lose answers.

Versions that are not ``MAJOR.MINOR.PATCH`` (custom weightings saved before versions were
semantic carry a date-stamped one) start the series again at ``1.0.0`` when bumped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

from pydantic import field_validator

from models.core.framework_base import LocalText, Strict, check_text

if TYPE_CHECKING:
    from models.core.framework import Framework

ChangeKind = Literal["patch", "minor", "major"]
#: From the smallest change to the largest.
CHANGE_KINDS: tuple[ChangeKind, ...] = ("patch", "minor", "major")

_SEMVER = re.compile(r"^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$")
#: Keys whose values are wording or citations, never part of how a score is computed.
_TEXT_KEYS = frozenset({"name", "description", "question", "rubric", "source", "paragraphs"})
#: Keys that say which framework and version this is rather than what it contains.
_IDENTITY_KEYS = frozenset({"format", "schema_version", "id", "version", "changelog"})


class Version(NamedTuple):
    """A semantic version; tuples compare in version order."""

    major: int
    minor: int
    patch: int

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


def parse_version(value: str) -> Version:
    """``"1.4.2"`` → ``Version(1, 4, 2)``.

    Raises:
        ValueError: ``value`` is not three whole numbers joined by dots (no leading zeros).
    """
    found = _SEMVER.match(value.strip())
    if not found:
        raise ValueError(f"'{value}' is not a version of the form MAJOR.MINOR.PATCH (e.g. 1.0.0)")
    return Version(*(int(part) for part in found.groups()))


def is_version(value: str) -> bool:
    """True when ``value`` is a ``MAJOR.MINOR.PATCH`` version."""
    return bool(_SEMVER.match(value.strip()))


def compare_versions(a: str, b: str) -> int:
    """-1, 0 or 1 as version ``a`` is older than, the same as, or newer than ``b``."""
    va, vb = parse_version(a), parse_version(b)
    return (va > vb) - (va < vb)


def bump(version: str, kind: ChangeKind) -> str:
    """``version`` raised by one ``kind`` step (``1.4.2`` → patch ``1.4.3``, minor ``1.5.0``,
    major ``2.0.0``); a version that is not semantic becomes ``1.0.0``."""
    if not is_version(version):
        return "1.0.0"
    v = parse_version(version)
    if kind == "major":
        return str(Version(v.major + 1, 0, 0))
    if kind == "minor":
        return str(Version(v.major, v.minor + 1, 0))
    return str(Version(v.major, v.minor, v.patch + 1))


class ChangelogEntry(Strict):
    """One line of a framework's changelog: the version it introduced, when, its kind and what
    changed (in the framework's languages)."""

    version: str
    date: dt.date
    kind: ChangeKind
    summary: LocalText

    _summary = field_validator("summary")(check_text)

    @field_validator("version")
    @classmethod
    def _semantic(cls, v: str) -> str:
        parse_version(v)
        return v


def _by_id(value: Any) -> Any:
    """``value`` with lists of objects that have ids turned into dicts keyed by id (so that
    order does not count), recursively."""
    if isinstance(value, list):
        items = [_by_id(v) for v in value]
        if items and all(isinstance(v, dict) and "id" in v for v in items):
            return {v["id"]: v for v in items}
        return items
    if isinstance(value, dict):
        return {k: _by_id(v) for k, v in value.items()}
    return value


def _without(value: Any, keys: frozenset[str]) -> Any:
    """``value`` with ``keys`` dropped from every dict inside it."""
    if isinstance(value, list):
        return [_without(v, keys) for v in value]
    if isinstance(value, dict):
        return {k: _without(v, keys) for k, v in value.items() if k not in keys}
    return value


def _content(framework: Framework) -> dict[str, Any]:
    data = framework.model_dump(mode="json")
    return {k: v for k, v in data.items() if k not in _IDENTITY_KEYS}


def _same(a: Any, b: Any) -> bool:
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def change_kind(old: Framework, new: Framework) -> ChangeKind | None:
    """How large the change from ``old`` to ``new`` is (see the module's rules), or ``None``
    when their contents are the same (ids, versions and changelogs aside)."""
    a, b = _content(old), _content(new)
    if _same(a, b):
        return None
    if {p.id for p in old.pillars} != {p.id for p in new.pillars} or \
            set(old.criterion_ids) != set(new.criterion_ids):
        return "major"
    if _same(_by_id(_without(a, _TEXT_KEYS)), _by_id(_without(b, _TEXT_KEYS))):
        return "patch"
    return "minor"


def next_version(old: Framework, new: Framework) -> tuple[str, ChangeKind | None]:
    """The version ``new`` should carry as the successor of ``old``, and the kind of change:
    ``old.version`` bumped by :func:`change_kind`, or ``old.version`` and ``None`` when
    nothing changed."""
    kind = change_kind(old, new)
    if kind is None:
        return old.version, None
    return bump(old.version, kind), kind
