"""What a team workspace's PostgreSQL database enforces by itself, as SQL run by the
migration that adds team workspaces (``v0002_team``): triggers that record the database role
of every change and announce each commit to listening windows.

The statements are idempotent where PostgreSQL allows it, so that running them again (a
later migration that changes a rule) is safe.
"""

from __future__ import annotations

from typing import Final

from models.store.server import CHANNEL

#: The changes' trigger: the role that made the change, written by the database itself (not
#: taken from the client), and one notification per committing statement.
_CHANGE_TRIGGERS: Final = [
    """
    CREATE OR REPLACE FUNCTION beachhead_change_role() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        NEW.db_role := current_user;
        RETURN NEW;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER changes_role BEFORE INSERT ON changes
    FOR EACH ROW EXECUTE FUNCTION beachhead_change_role()
    """,
    f"""
    CREATE OR REPLACE FUNCTION beachhead_notify() RETURNS trigger
    LANGUAGE plpgsql AS $$
    BEGIN
        PERFORM pg_notify('{CHANNEL}', '');
        RETURN NULL;
    END $$
    """,
    """
    CREATE OR REPLACE TRIGGER changes_notify AFTER INSERT ON changes
    FOR EACH STATEMENT EXECUTE FUNCTION beachhead_notify()
    """,
]


def rules() -> list[str]:
    """The statements that set the database's rules up."""
    return list(_CHANGE_TRIGGERS)


def undo_rules() -> list[str]:
    """The statements that take them out again."""
    return ["DROP TRIGGER IF EXISTS changes_notify ON changes",
            "DROP TRIGGER IF EXISTS changes_role ON changes",
            "DROP FUNCTION IF EXISTS beachhead_notify()",
            "DROP FUNCTION IF EXISTS beachhead_change_role()"]
