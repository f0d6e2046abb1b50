"""The first workspace schema: framework versions, the portfolio row, startups, assessments,
scores, decisions and the change log (docs/workspace.md describes every column).

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

_ROLES = "role IN ('founder', 'investor', 'other')"
_CONFIDENCES = "confidence IN ('low', 'medium', 'high')"
_STATUSES = ("status IN ('screening', 'diligence', 'committee', 'invested', 'passed', "
             "'watch')")


def _moment() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    """Create every table of the first schema."""
    op.create_table(
        "framework_versions",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("framework_id", sa.String, nullable=False),
        sa.Column("version", sa.String, nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("document", sa.JSON, nullable=False),
        sa.Column("added_at", _moment(), nullable=False),
        sa.Column("added_by", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_framework_versions"),
        sa.UniqueConstraint("content_hash", name="uq_framework_versions_content_hash"),
    )
    op.create_table(
        "portfolio",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=False),
        sa.Column("format", sa.String, nullable=False),
        sa.Column("framework_version_id", sa.Integer, nullable=False),
        sa.Column("revision", sa.Integer, nullable=False),
        sa.Column("created_at", _moment(), nullable=False),
        sa.Column("created_by", sa.Text, nullable=False),
        sa.Column("source_name", sa.Text, nullable=True),
        sa.Column("source_sha256", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_portfolio"),
        sa.ForeignKeyConstraint(["framework_version_id"], ["framework_versions.id"],
                                name="fk_portfolio_framework_version_id"),
        sa.CheckConstraint("id = 1", name="ck_portfolio_one_row"),
    )
    _items()
    _changes()


def _items() -> None:
    op.create_table(
        "startups",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("sector", sa.Text, nullable=False),
        sa.Column("stage", sa.Text, nullable=False),
        sa.Column("region", sa.Text, nullable=False),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("notes", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_startups"),
    )
    op.create_index("ix_startups_position", "startups", ["position"])
    op.create_table(
        "assessments",
        sa.Column("id", sa.String, nullable=False),
        sa.Column("startup_id", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("assessor", sa.Text, nullable=False),
        sa.Column("role", sa.String, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("framework_version_id", sa.Integer, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_assessments"),
        sa.ForeignKeyConstraint(["startup_id"], ["startups.id"], ondelete="CASCADE",
                                name="fk_assessments_startup_id"),
        sa.ForeignKeyConstraint(["framework_version_id"], ["framework_versions.id"],
                                name="fk_assessments_framework_version_id"),
        sa.CheckConstraint(_ROLES, name="ck_assessments_role"),
    )
    op.create_index("ix_assessments_startup", "assessments", ["startup_id", "position"])
    _contents()


def _contents() -> None:
    op.create_table(
        "scores",
        sa.Column("assessment_id", sa.String, nullable=False),
        sa.Column("criterion_id", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("value", sa.SmallInteger, nullable=True),
        sa.Column("confidence", sa.String, nullable=False),
        sa.Column("rationale", sa.Text, nullable=False),
        sa.Column("evidence", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("assessment_id", "criterion_id", name="pk_scores"),
        sa.ForeignKeyConstraint(["assessment_id"], ["assessments.id"], ondelete="CASCADE",
                                name="fk_scores_assessment_id"),
        sa.CheckConstraint("value BETWEEN 1 AND 5", name="ck_scores_value"),
        sa.CheckConstraint(_CONFIDENCES, name="ck_scores_confidence"),
    )
    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("startup_id", sa.String, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("status", sa.String, nullable=False),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("decided_by", sa.Text, nullable=False),
        sa.Column("rationale", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_decisions"),
        sa.ForeignKeyConstraint(["startup_id"], ["startups.id"], ondelete="CASCADE",
                                name="fk_decisions_startup_id"),
        sa.CheckConstraint(_STATUSES, name="ck_decisions_status"),
    )
    op.create_index("ix_decisions_startup", "decisions", ["startup_id", "position"])


def _changes() -> None:
    op.create_table(
        "changes",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer, "sqlite"), nullable=False,
                  autoincrement=True),
        sa.Column("group_id", sa.String(32), nullable=False),
        sa.Column("at", _moment(), nullable=False),
        sa.Column("who", sa.Text, nullable=False),
        sa.Column("kind", sa.String, nullable=False),
        sa.Column("startup_id", sa.String, nullable=True),
        sa.Column("assessment_id", sa.String, nullable=True),
        sa.Column("criterion_id", sa.String, nullable=True),
        sa.Column("field", sa.String, nullable=True),
        sa.Column("old_value", sa.JSON, nullable=True),
        sa.Column("new_value", sa.JSON, nullable=True),
        sa.Column("comment", sa.Text, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_changes"),
    )
    op.create_index("ix_changes_at", "changes", ["at"])
    op.create_index("ix_changes_startup", "changes", ["startup_id", "id"])
    op.create_index("ix_changes_assessment", "changes", ["assessment_id", "id"])


def downgrade() -> None:
    """Drop every table (the workspace is then empty)."""
    for table in ("changes", "decisions", "scores", "assessments", "startups", "portfolio",
                  "framework_versions"):
        op.drop_table(table)
