"""The workspace: a portfolio kept in a database — an SQLite file, or a team workspace on a
PostgreSQL server, with the same schema — where every edit is a transaction recorded in a
change log, so that nothing needs saving and the portfolio can be shown as it stood at any
past moment.

* :mod:`~models.store.workspace` — the :class:`~models.store.workspace.Workspace`: create,
  open (migrating an older file), load, history, as-of, copy, JSON export;
  :mod:`~models.store.editing` its edits (those of :mod:`models.core.edits`), each one
  transaction, made by :mod:`~models.store.field_edits` and :mod:`~models.store.item_edits`
  with the rows of :mod:`~models.store.writes`; :mod:`~models.store.conflicts` — an edit
  refused because the value changed since its editor saw it (no lost update);
  :mod:`~models.store.rounds` — rounds of independent scoring (open, score, submit, reveal,
  a consensus that locks the round);
* :mod:`~models.store.schema` — the tables (SQLAlchemy Core); ``migrations/`` — their Alembic
  revisions, :mod:`~models.store.migrate` runs them;
* :mod:`~models.store.sqlite` — what is particular to SQLite: the engine's settings (WAL,
  full sync, foreign keys, busy timeout), telling a workspace file from a JSON one;
* :mod:`~models.store.server` — what is particular to PostgreSQL: addresses, the engine's
  transactions, a lost connection, the listener that hears colleagues' commits;
  :mod:`~models.store.policies` — the roles, grants, row-level security and triggers the
  server enforces; :mod:`~models.store.members` — the people (login roles in a group);
  :mod:`~models.store.transfer` — a whole workspace copied between a file and a server;
* :mod:`~models.store.opening` — opening with every check, and filling a new file or
  database;
* :mod:`~models.store.rows`, :mod:`~models.store.loading` — models to rows and back (fast:
  rows are validated when written, not when read); :mod:`~models.store.frameworks` — the
  framework versions;
* :mod:`~models.store.changelog` — the change log; :mod:`~models.store.replay` — taking
  changes back for an as-of view;
* :mod:`~models.store.convert` — a JSON portfolio converted into a workspace beside it;
  :mod:`~models.store.access` — reading a portfolio file of either kind (workspace or JSON).

SQLAlchemy Core rather than the ORM: the portfolio's nouns are already pydantic models, and
a second set of mapped classes would copy them; Core reads 180,000 score rows straight into
tuples (an ORM builds an object with identity tracking per row, several times slower), and
every statement an edit runs is written out where it can be read.

May import: :mod:`models.core`, :mod:`models.files`, SQLAlchemy, Alembic and psycopg.
"""
