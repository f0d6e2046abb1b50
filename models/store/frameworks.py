"""Framework versions: every framework a workspace has used, kept as its JSON document under
a content hash, so that one framework is stored once however often it comes back (an undone
weight change points the portfolio back at the row it had)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import sqlalchemy as sa

from models.core.framework import Framework
from models.store.schema import PORTFOLIO_ROW, assessments, framework_versions, portfolio


def content_hash(framework: Framework) -> str:
    """SHA-256 of the framework's canonical JSON (sorted keys, no spaces)."""
    data = framework.model_dump(mode="json")
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def framework_version(conn: sa.Connection, framework: Framework, at: dt.datetime,
                      who: str) -> int:
    """The id of ``framework``'s version row, added now if the workspace lacks it. A row
    stored before the framework format gained a field (its hash taken without it) is found
    by its id and version and the same content, so no second row is added for it."""
    digest = content_hash(framework)
    found = conn.execute(sa.select(framework_versions.c.id)
                         .where(framework_versions.c.content_hash == digest)).scalar()
    if found is not None:
        return int(found)
    v = framework_versions.c
    for key, doc in conn.execute(sa.select(v.id, v.document).where(
            v.framework_id == framework.id, v.version == framework.version).order_by(v.id)):
        if Framework.model_validate(doc) == framework:
            return int(key)
    new = conn.execute(sa.insert(framework_versions).values(
        framework_id=framework.id, version=framework.version, content_hash=digest,
        document=framework.model_dump(mode="json"), added_at=at, added_by=who))
    key = new.inserted_primary_key
    assert key is not None
    return int(key[0])


def read_framework(conn: sa.Connection, version_id: int) -> Framework:
    """The framework of version row ``version_id`` (``KeyError`` if there is none)."""
    doc = conn.execute(sa.select(framework_versions.c.document)
                       .where(framework_versions.c.id == version_id)).scalar()
    if doc is None:
        raise KeyError(f"framework version {version_id}")
    return Framework.model_validate(doc)


def every_framework(conn: sa.Connection) -> dict[int, Framework]:
    """Every framework the workspace holds by row id, oldest row first."""
    rows = conn.execute(sa.select(framework_versions.c.id, framework_versions.c.document)
                        .order_by(framework_versions.c.id))
    return {int(key): Framework.model_validate(doc) for key, doc in rows}


def identities(conn: sa.Connection) -> dict[tuple[str, str], int]:
    """The row of each framework id and version the workspace holds (the newest, should
    several rows share one)."""
    v = framework_versions.c
    rows = conn.execute(sa.select(v.framework_id, v.version, v.id).order_by(v.id))
    return {(str(fid), str(ver)): int(key) for fid, ver, key in rows}


class Frameworks:
    """The framework versions one workspace has read, by row id. A version row never changes
    once committed, so what was read stays true; versions a transaction adds are kept by that
    transaction only (:class:`models.store.writes.Tx`) until it commits, since a rolled-back
    row's id may be given to another framework later."""

    def __init__(self) -> None:
        self._read: dict[int, Framework] = {}

    def get(self, conn: sa.Connection, version_id: int) -> Framework:
        """The framework of version row ``version_id``."""
        if version_id not in self._read:
            self._read[version_id] = read_framework(conn, version_id)
        return self._read[version_id]

    def current(self, conn: sa.Connection) -> tuple[int, Framework]:
        """The portfolio's current framework version: its row id and its framework."""
        version = current_version(conn)
        return version, self.get(conn, version)


def current_version(conn: sa.Connection) -> int:
    """The id of the portfolio's current framework version."""
    return int(conn.execute(sa.select(portfolio.c.framework_version_id)
                            .where(portfolio.c.id == PORTFOLIO_ROW)).scalar_one())


def scored_under(conn: sa.Connection) -> dict[str, tuple[str, str]]:
    """Each assessment's id and the framework it was last scored under (its id and version,
    from ``assessments.framework_version_id``)."""
    a, v = assessments.c, framework_versions.c
    query = sa.select(a.id, v.framework_id, v.version).join_from(
        assessments, framework_versions, v.id == a.framework_version_id)
    return {str(aid): (str(fid), str(ver)) for aid, fid, ver in conn.execute(query)}
