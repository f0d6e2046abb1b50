"""Team workspaces: rounds of independent scoring, each assessment's owner role, round and
submission, and the database role recorded with each change; on PostgreSQL also the roles,
their privileges, the row-level security policies and the triggers of
:mod:`models.store.policies`.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None


def _moment() -> sa.DateTime:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    """Add the rounds table and the new columns; on PostgreSQL, the roles' rules."""
    op.create_table(
        "rounds",
        sa.Column("id", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("startup_id", sa.String, nullable=False),
        sa.Column("opened_at", _moment(), nullable=False),
        sa.Column("opened_by", sa.Text, nullable=False),
        sa.Column("revealed_at", _moment(), nullable=True),
        sa.Column("locked_at", _moment(), nullable=True),
        sa.Column("consensus_id", sa.String, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_rounds"),
        sa.ForeignKeyConstraint(["startup_id"], ["startups.id"], ondelete="CASCADE",
                                name="fk_rounds_startup_id"),
    )
    op.create_index("ix_rounds_startup", "rounds", ["startup_id", "id"])
    with op.batch_alter_table("assessments") as batch:
        batch.add_column(sa.Column("owner", sa.Text, nullable=True))
        batch.add_column(sa.Column("round_id", sa.Integer, nullable=True))
        batch.add_column(sa.Column("submitted_at", _moment(), nullable=True))
        batch.create_foreign_key("fk_assessments_round_id", "rounds", ["round_id"], ["id"],
                                 ondelete="SET NULL")
        batch.create_index("ix_assessments_round", ["round_id"])
    with op.batch_alter_table("changes") as batch:
        batch.add_column(sa.Column("db_role", sa.Text, nullable=True))
    if op.get_bind().dialect.name == "postgresql":
        from models.store.policies import rules

        for statement in rules():
            op.execute(statement)


def downgrade() -> None:
    """Take the team columns and the rounds table out again."""
    if op.get_bind().dialect.name == "postgresql":
        from models.store.policies import undo_rules

        for statement in undo_rules():
            op.execute(statement)
    with op.batch_alter_table("changes") as batch:
        batch.drop_column("db_role")
    with op.batch_alter_table("assessments") as batch:
        batch.drop_index("ix_assessments_round")
        batch.drop_constraint("fk_assessments_round_id", type_="foreignkey")
        batch.drop_column("submitted_at")
        batch.drop_column("round_id")
        batch.drop_column("owner")
    op.drop_index("ix_rounds_startup", "rounds")
    op.drop_table("rounds")
