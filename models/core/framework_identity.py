"""A framework's identity: its id and version name one content only.

Every change the window makes to the portfolio's framework (weights, pairwise weights, pillar
switches) gives it the identity :func:`successor` says: the id of the framework it was based
on and the next version by the rules of :mod:`models.core.framework_version` (weights and
switches bump the minor number: 1.0.0 → 1.1.0), with a changelog entry saying what changed in
words; a change that brings the content back gives back the old identity exactly. A version
already naming other content (a shipped framework, a version a workspace holds) is skipped,
so no two contents ever share an id and version: the shipped framework's ``beachhead.default
1.0.0`` always means what Beachhead ships.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable

from models.core.framework import Framework
from models.core.framework_release import next_release
from models.core.framework_version import bump, change_kind

#: The framework an id and version name (``None`` when no framework has them).
Lookup = Callable[[str, str], "Framework | None"]


def lookup_in(known: Iterable[Framework] | Lookup) -> Lookup:
    """``known`` as a lookup: a lookup as it is; frameworks by their id and version (the
    last of an id and version counts)."""
    if callable(known):
        return known
    table = {(f.id, f.version): f for f in known}
    return lambda framework_id, version: table.get((framework_id, version))


def claimed(framework: Framework, known: Iterable[Framework] | Lookup) -> Framework | None:
    """The framework of ``known`` with ``framework``'s id and version but other content
    (``None`` when its identity is its own)."""
    other = lookup_in(known)(framework.id, framework.version)
    if other is not None and change_kind(other, framework) is not None:
        return other
    return None


def successor(base: Framework, new: Framework, known: Iterable[Framework] | Lookup = (),
              today: dt.date | None = None) -> Framework:
    """``new`` (``base`` changed) under the identity it gets: ``base`` itself when the content
    is the same; else ``base``'s id, the next version and ``base``'s changelog with one entry
    more (what changed from ``base``, in English and Chinese). A version of that id that one
    of ``known`` already has with other content is passed over (1.1.0 taken: 1.2.0); one it
    has with the same content is that framework, as it is."""
    if change_kind(base, new) is None:
        return base
    released, kind = next_release(base, new.model_copy(update={"changelog": base.changelog}),
                                  today)
    assert kind is not None
    find = lookup_in(known)
    version = released.version
    while (taken := find(base.id, version)) is not None:
        if change_kind(taken, released) is None:
            return taken
        version = bump(version, kind)
    if version == released.version:
        return released
    entry = released.changelog[-1].model_copy(update={"version": version})
    return released.model_copy(update={"version": version,
                                       "changelog": [*released.changelog[:-1], entry]})


def own_identity(framework: Framework, known: Iterable[Framework] | Lookup) -> Framework:
    """``framework`` (read from a file) as it is, or, when its id and version name other
    content among ``known`` (a hand-edited copy of a shipped framework, say), as the next
    version of the framework they name (:func:`successor`)."""
    find = lookup_in(known)
    named = claimed(framework, find)
    return framework if named is None else successor(named, framework, find)
