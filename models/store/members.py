"""The people of a team workspace: PostgreSQL login roles, each a member of one of the three
groups the workspace's rules name (:mod:`models.store.policies`): ``reader``, ``assessor``
or ``partner``. Adding a person or changing their group needs a role allowed to create
roles (the administrator who set the workspace up)."""

from __future__ import annotations

import psycopg
from psycopg import sql

from models.core.errors import InputError
from models.store.policies import GROUPS
from models.store.server import libpq_params, problem_text, shown


def add_member(address: str, name: str, group: str) -> bool:
    """Make ``name`` a login role (if there is none) in ``group`` only (leaving the other
    groups); returns whether the role was created. Its password, if the server asks for
    one, is set by the administrator as for any PostgreSQL role (``\\password NAME`` in
    psql) or the server trusts another authentication method.

    Raises:
        InputError: the server cannot be reached, or refuses (naming the server); ``name``
            is a role that cannot log in (a group: its members would all join), or ``group``
            or ``name`` is not valid (see :func:`grant_statements`).
    """
    try:
        statements = grant_statements(name, group)
    except ValueError as exc:
        raise InputError.single(shown(address), "", str(exc)) from None
    try:
        with psycopg.connect(**libpq_params(address), autocommit=True) as conn, \
                conn.transaction():
            found = conn.execute("SELECT rolcanlogin FROM pg_roles WHERE rolname = %s",
                                 (name,)).fetchone()
            exists = found is not None
            if found is not None and not found[0]:
                raise InputError.single(shown(address), "", f"{name} is a role that cannot "
                                        "log in, a group of roles perhaps: only a person's "
                                        "login role joins a group")
            for statement in statements:
                conn.execute(statement.encode())
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
    roles = list(GROUPS.values())
    try:
        with psycopg.connect(**libpq_params(address), autocommit=True) as conn:
            found = conn.execute(query, (roles,)).fetchall()
    except psycopg.Error as exc:
        raise InputError.single(shown(address), "", problem_text(exc)) from None
    order = list(GROUPS)
    group_of = {role: group for group, role in GROUPS.items()}
    widest: dict[str, str] = {}
    for name, role in found:
        group = group_of[role]
        if order.index(group) >= order.index(widest.get(name, order[0])):
            widest[name] = group
    return sorted(widest.items())


def grant_statements(name: str, group: str) -> list[str]:
    """The statements that make ``name`` a login role (unless there is one) in ``group``
    (``reader``, ``assessor`` or ``partner``) and no other of the three; run by a role
    allowed to create roles and grant the groups (the administrator).

    Raises:
        ValueError: ``group`` is not one of the three, or ``name`` is not a role's name or
            is a group's.
    """
    if group not in GROUPS:
        raise ValueError(f"{group}: not a group (one of {', '.join(GROUPS)})")
    if not name or "\0" in name or len(name.encode()) > 63:
        raise ValueError(f"{name!r}: not a role's name (1 to 63 bytes)")
    if name in GROUPS.values():
        raise ValueError(f"{name}: one of the groups, not a person")
    role = sql.Identifier(name)
    create = sql.SQL(
        "BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = {}) THEN "
        "CREATE ROLE {} LOGIN; END IF; "
        "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END"
    ).format(sql.Literal(name), role).as_string()
    made = [sql.SQL("DO {}").format(sql.Literal(create))]
    made += [sql.SQL("REVOKE {} FROM {}").format(sql.Identifier(other), role)
             for key, other in GROUPS.items() if key != group]
    made.append(sql.SQL("GRANT {} TO {}").format(sql.Identifier(GROUPS[group]), role))
    return [statement.as_string() for statement in made]
