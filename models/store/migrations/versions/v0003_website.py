"""Startups get a website: a text column, empty for the startups the workspace had.

On SQLite the column is added in place (``ALTER TABLE … ADD COLUMN``: no copy of the table,
nothing cascades into the assessments). On PostgreSQL the grants on ``startups`` are the
table's (:mod:`models.store.policies`: readers read it, partners write it, assessors do not),
and a table's privileges cover a column added later: the website follows them with no grant of
its own.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None


def upgrade() -> None:
    """Add ``startups.website`` (empty for every startup there is)."""
    op.add_column("startups", sa.Column("website", sa.Text, nullable=False,
                                        server_default=""))


def downgrade() -> None:
    """Take the website column out again."""
    with op.batch_alter_table("startups") as batch:
        batch.drop_column("website")
