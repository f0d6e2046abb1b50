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
from collections.abc import Iterable

from models.core.framework import Framework
from models.core.framework_release import next_release
from models.core.framework_version import bump, change_kind


def claimed(framework: Framework, known: Iterable[Framework]) -> Framework | None:
    """The framework of ``known`` with ``framework``'s id and version but other content
    (``None`` when its identity is its own)."""
    for other in known:
        if (other.id, other.version) == (framework.id, framework.version) and \
                change_kind(other, framework) is not None:
            return other
    return None


def successor(base: Framework, new: Framework, known: Iterable[Framework] = (),
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
    taken = {k.version: k for k in known if k.id == base.id}
    version = released.version
    while version in taken:
        if change_kind(taken[version], released) is None:
            return taken[version]
        version = bump(version, kind)
    if version == released.version:
        return released
    entry = released.changelog[-1].model_copy(update={"version": version})
    return released.model_copy(update={"version": version,
                                       "changelog": [*released.changelog[:-1], entry]})


def own_identity(framework: Framework, known: Iterable[Framework]) -> Framework:
    """``framework`` (read from a file) as it is, or, when its id and version name other
    content among ``known`` (a hand-edited copy of a shipped framework, say), as the next
    version of the framework they name (:func:`successor`)."""
    known = list(known)
    named = claimed(framework, known)
    return framework if named is None else successor(named, framework, known)
