"""The people of a team workspace: PostgreSQL login roles, each a member of one of the three
groups the workspace's rules name (:mod:`models.store.policies`): ``reader``, ``assessor``
or ``partner``. Adding a person or changing their group needs a role allowed to create
roles (the administrator who set the workspace up)."""

from __future__ import annotations

from typing import Final

import psycopg
from psycopg import sql

from models.core.errors import InputError
from models.store.server import libpq_params, problem_text, shown

#: The groups, each allowed what the one before it is and more.
GROUPS: Final = ("reader", "assessor", "partner")


def group_role(group: str) -> str:
    """The database role of a group (``assessor`` → ``beachhead_assessor``)."""
    if group not in GROUPS:
        raise ValueError(f"{group}: not a group (one of {', '.join(GROUPS)})")
    return f"beachhead_{group}"


def add_member(address: str, name: str, group: str) -> bool:
    """Make ``name`` a login role (if there is none) in ``group`` only (leaving the other
    groups); returns whether the role was created. Its password, if the server asks for
    one, is set by the administrator as for any PostgreSQL role (``\\password NAME`` in
    psql) or the server trusts another authentication method.

    Raises:
        InputError: the server cannot be reached, or refuses (naming the server).
    """
    role = group_role(group)
    try:
        with psycopg.connect(**libpq_params(address), autocommit=True) as conn, \
                conn.transaction():
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                                  (name,)).fetchone() is not None
            if not exists:
                conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(name)))
            for other in GROUPS:
                if group_role(other) != role:
                    conn.execute(sql.SQL("REVOKE {} FROM {}").format(
                        sql.Identifier(group_role(other)), sql.Identifier(name)))
            conn.execute(sql.SQL("GRANT {} TO {}").format(sql.Identifier(role),
                                                          sql.Identifier(name)))
    except psycopg.Error as exc:
        raise InputError.single(shown(address), "", problem_text(exc)) from None
    return not exists


def members(address: str) -> list[tuple[str, str]]:
    """``(role, group)`` of every login role in one of the groups, by name (a role in more
    than one group is listed with the widest)."""
    query = """
        SELECT m.rolname, g.rolname FROM pg_auth_members a
        JOIN pg_roles m ON m.oid = a.member JOIN pg_roles g ON g.oid = a.roleid
        WHERE m.rolcanlogin AND g.rolname = ANY(%s) ORDER BY m.rolname"""
    roles = [group_role(g) for g in GROUPS]
    try:
        with psycopg.connect(**libpq_params(address), autocommit=True) as conn:
            found = conn.execute(query, (roles,)).fetchall()
    except psycopg.Error as exc:
        raise InputError.single(shown(address), "", problem_text(exc)) from None
    widest: dict[str, str] = {}
    for name, role in found:
        group = role.removeprefix("beachhead_")
        if GROUPS.index(group) >= GROUPS.index(widest.get(name, "reader")):
            widest[name] = group
    return sorted(widest.items())
