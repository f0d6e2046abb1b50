"""``beachhead workspace``: setting a team workspace up on a PostgreSQL server.

* ``workspace init ADDRESS`` — the schema, the three groups (reader, assessor, partner) and
  the rules the database enforces for them, in an existing database (run by its owner);
* ``workspace add ADDRESS NAME --as GROUP`` — a person: a login role in one group;
* ``workspace members ADDRESS`` — who is in which group.

A portfolio gets there with ``beachhead copy deals.beachhead ADDRESS``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import overload

from models.cli.common import EXIT_OK, UsageError


def _address(text: str) -> str:
    from models.store.server import is_server_address, server_url, shown

    if not is_server_address(text):
        raise UsageError(f"'{text}' is not a server's address: give postgresql://USER@HOST/DB")
    try:
        server_url(text)
    except ValueError as exc:
        raise UsageError(f"{shown(text)}: {exc}") from None
    return text


def cmd_workspace(args: argparse.Namespace) -> int:
    """``beachhead workspace init|add|members ...`` (see the module notes)."""
    from models.store import members, opening
    from models.store.server import shown

    address = _address(args.address)
    if args.action == "init":
        made = opening.init_server(address)
        print(f"{shown(address)}: " + ("made a team workspace (schema, groups and rules); "
                                       "copy a portfolio there with 'beachhead copy'"
                                       if made else "is a team workspace already"),
              file=sys.stderr)
    elif args.action == "add":
        created = members.add_member(address, args.name, args.group)
        print(f"{shown(address)}: {args.name} is {'now' if created else 'moved to'} "
              f"a member of {args.group}s" + (" (a new login role)" if created else ""),
              file=sys.stderr)
    else:
        for name, group in members.members(address):
            print(f"{name}\t{group}")
    return EXIT_OK


class _Groups(Sequence[str]):
    """The groups a person may join (:data:`models.store.policies.GROUPS`), looked up when the
    ``--as`` of ``workspace add`` is read or its help is shown: building the command line
    leaves the store and the database drivers out of every other command's start-up."""

    def _names(self) -> list[str]:
        from models.store.policies import GROUPS

        return list(GROUPS)

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...
    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        return self._names()[index]

    def __len__(self) -> int:
        return len(self._names())


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser],
               lang: argparse.ArgumentParser) -> None:
    """The ``workspace`` command and its actions."""
    p = sub.add_parser("workspace", parents=[lang],
                       help="set a team workspace up on a PostgreSQL server")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    init = actions.add_parser("init", help="make the database at ADDRESS a team workspace "
                                           "(schema, groups, rules)")
    init.add_argument("address", metavar="ADDRESS", help="postgresql://USER@HOST/DB")
    add = actions.add_parser("add", help="add a person (a login role) to a group")
    add.add_argument("address", metavar="ADDRESS", help="postgresql://USER@HOST/DB")
    add.add_argument("name", metavar="NAME", help="the person's database role")
    group = add.add_argument("--as", dest="group", required=True,
                             help="reader: reads everything; assessor: scores their own "
                                  "assessments; partner: also the framework, decisions, "
                                  "rounds and anyone's assessment")
    group.choices = _Groups()  # after add_argument, which would list them at once
    who = actions.add_parser("members", help="list the people and their groups")
    who.add_argument("address", metavar="ADDRESS", help="postgresql://USER@HOST/DB")
    p.set_defaults(func=cmd_workspace)
