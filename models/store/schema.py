"""The workspace's tables, as SQLAlchemy Core :class:`~sqlalchemy.Table` objects.

One table per noun: ``framework_versions``, ``portfolio`` (one row), ``startups``,
``rounds`` (of independent scoring), ``assessments``, ``scores``, ``decisions``, and the
change log ``changes``;
``docs/workspace.md`` describes each column. Only portable types (strings, texts, integers,
dates, UTC timestamps, JSON) and portable constraints are used, so the same tables run on
SQLite and on PostgreSQL; what is particular to SQLite lives in :mod:`models.store.sqlite`.

The migrations in ``migrations/versions`` create these tables; a test checks that the
migrated database and this module describe the same schema.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

import sqlalchemy as sa
from sqlalchemy.engine import Dialect

from models.core.decisions import STATUSES
from models.core.portfolio import CONFIDENCES, ROLES

#: The marker in ``portfolio.format`` that tells a Beachhead workspace from other databases.
WORKSPACE_FORMAT: Final = "beachhead.workspace"
#: The id of the one row of ``portfolio``.
PORTFOLIO_ROW: Final = 1

NAMING: Final = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(sa.TypeDecorator[dt.datetime]):
    """A moment in UTC: aware datetimes in, aware UTC datetimes out (a naive one is refused,
    since it could mean any time zone). SQLite keeps the text ``YYYY-MM-DD HH:MM:SS.ffffff``
    of the UTC time, which sorts as the moments do; PostgreSQL a ``timestamptz``."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None,
                           dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"{value.isoformat()}: a moment needs its time zone")
        utc = value.astimezone(dt.UTC)
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: dt.datetime | None,
                             dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


metadata = sa.MetaData(naming_convention=NAMING)

framework_versions = sa.Table(
    "framework_versions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("framework_id", sa.String, nullable=False),
    sa.Column("version", sa.String, nullable=False),
    sa.Column("content_hash", sa.String(64), nullable=False, unique=True),
    sa.Column("document", sa.JSON, nullable=False),
    sa.Column("added_at", UTCDateTime, nullable=False),
    sa.Column("added_by", sa.Text, nullable=False),
)

portfolio = sa.Table(
    "portfolio", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("format", sa.String, nullable=False),
    sa.Column("framework_version_id", sa.Integer, sa.ForeignKey("framework_versions.id"),
              nullable=False),
    sa.Column("revision", sa.Integer, nullable=False),
    sa.Column("created_at", UTCDateTime, nullable=False),
    sa.Column("created_by", sa.Text, nullable=False),
    sa.Column("source_name", sa.Text, nullable=True),
    sa.Column("source_sha256", sa.String(64), nullable=True),
    sa.CheckConstraint(f"id = {PORTFOLIO_ROW}", name="one_row"),
)

startups = sa.Table(
    "startups", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("sector", sa.Text, nullable=False),
    sa.Column("stage", sa.Text, nullable=False),
    sa.Column("region", sa.Text, nullable=False),
    sa.Column("tags", sa.JSON, nullable=False),
    sa.Column("notes", sa.Text, nullable=False),
    sa.Column("website", sa.Text, nullable=False, server_default=""),  # since revision 0003
)

rounds = sa.Table(
    "rounds", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("startup_id", sa.String, sa.ForeignKey("startups.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("opened_at", UTCDateTime, nullable=False),
    sa.Column("opened_by", sa.Text, nullable=False),
    sa.Column("revealed_at", UTCDateTime, nullable=True),
    sa.Column("locked_at", UTCDateTime, nullable=True),
    sa.Column("consensus_id", sa.String, nullable=True),
    sa.Index("ix_rounds_startup", "startup_id", "id"),
)

assessments = sa.Table(
    "assessments", metadata,
    sa.Column("id", sa.String, primary_key=True),
    sa.Column("startup_id", sa.String, sa.ForeignKey("startups.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("assessor", sa.Text, nullable=False),
    sa.Column("role", sa.String, nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("framework_version_id", sa.Integer, sa.ForeignKey("framework_versions.id"),
              nullable=False),
    sa.Column("owner", sa.Text, nullable=True),
    sa.Column("round_id", sa.Integer, sa.ForeignKey("rounds.id", ondelete="SET NULL"),
              nullable=True),
    sa.Column("submitted_at", UTCDateTime, nullable=True),
    sa.CheckConstraint(_one_of("role", ROLES), name="role"),
    sa.Index("ix_assessments_startup", "startup_id", "position"),
    sa.Index("ix_assessments_round", "round_id"),
)

scores = sa.Table(
    "scores", metadata,
    sa.Column("assessment_id", sa.String, sa.ForeignKey("assessments.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("criterion_id", sa.String, primary_key=True),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("value", sa.SmallInteger, nullable=True),
    sa.Column("confidence", sa.String, nullable=False),
    sa.Column("rationale", sa.Text, nullable=False),
    sa.Column("evidence", sa.Text, nullable=False),
    sa.CheckConstraint("value BETWEEN 1 AND 5", name="value"),
    sa.CheckConstraint(_one_of("confidence", CONFIDENCES), name="confidence"),
)

decisions = sa.Table(
    "decisions", metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("startup_id", sa.String, sa.ForeignKey("startups.id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("status", sa.String, nullable=False),
    sa.Column("date", sa.Date, nullable=False),
    sa.Column("decided_by", sa.Text, nullable=False),
    sa.Column("rationale", sa.Text, nullable=False),
    sa.CheckConstraint(_one_of("status", STATUSES), name="status"),
    sa.Index("ix_decisions_startup", "startup_id", "position"),
)

changes = sa.Table(
    "changes", metadata,
    # BIGINT on PostgreSQL; on SQLite only INTEGER PRIMARY KEY is the rowid that numbers itself
    sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), primary_key=True,
              autoincrement=True),
    sa.Column("group_id", sa.String(32), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False, index=True),
    sa.Column("who", sa.Text, nullable=False),
    sa.Column("kind", sa.String, nullable=False),
    sa.Column("startup_id", sa.String, nullable=True),
    sa.Column("assessment_id", sa.String, nullable=True),
    sa.Column("criterion_id", sa.String, nullable=True),
    sa.Column("field", sa.String, nullable=True),
    sa.Column("old_value", sa.JSON, nullable=True),
    sa.Column("new_value", sa.JSON, nullable=True),
    sa.Column("comment", sa.Text, nullable=True),
    sa.Column("db_role", sa.Text, nullable=True),
    sa.Index("ix_changes_startup", "startup_id", "id"),
    sa.Index("ix_changes_assessment", "assessment_id", "id"),
)
