"""Which framework version was in force when: the versions a workspace used (its rows of
``framework_versions``) and each replacement of the portfolio's framework from the change log,
so that the history names a criterion the current framework no longer has as the version in
force at that change named it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from models.core.framework import Framework

if TYPE_CHECKING:
    from models.store.workspace import Workspace


@dataclass(frozen=True)
class Timeline:
    """The rows of the framework versions (oldest first) and how to read one, and the
    replacements ``(at, old row, new row)``, oldest first. A version is read only when a
    name is looked for in it (a workspace keeps those it read)."""

    rows: list[int]
    read: Callable[[int], Framework]
    switches: list[tuple[dt.datetime, int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, ws: Workspace) -> Timeline:
        """The timeline of workspace ``ws``."""
        switches = [(c.at, int(c.old["version_id"]), int(c.new["version_id"]))
                    for c in reversed(ws.framework_changes())]
        return cls(sorted(ws.framework_identities().values()), ws.framework_version, switches)

    def in_force(self, moment: dt.datetime) -> Framework | None:
        """The framework in force at ``moment`` (the one a replacement at that very moment
        brought in); ``None`` when the framework was never replaced."""
        if not self.switches:
            return None
        row = self.switches[0][1]
        for at, _old, new in self.switches:
            if at > moment:
                break
            row = new
        return self.read(row)

    def last_with(self, criterion_id: str) -> Framework | None:
        """The newest version that has criterion ``criterion_id``, if any."""
        for row in reversed(self.rows):
            fw = self.read(row)
            if criterion_id in fw.criterion_index:
                return fw
        return None

    def naming(self, criterion_id: str, moment: dt.datetime | None) -> Framework | None:
        """The version that names ``criterion_id`` for a change at ``moment``: the one in
        force then if it has it, else the newest that has it."""
        then = self.in_force(moment) if moment is not None else None
        if then is not None and criterion_id in then.criterion_index:
            return then
        return self.last_with(criterion_id)
