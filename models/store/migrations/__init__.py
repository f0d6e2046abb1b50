"""The workspace schema's Alembic migrations: ``env.py`` (run on a connection the caller
passes in ``config.attributes["connection"]``, never on a URL of its own), the template for
new revisions, and ``versions/``, one revision per schema change, numbered ``0001``, ``0002``…

Each revision spells out its own tables and columns instead of importing
:mod:`models.store.schema`, so that it keeps creating the schema it was written for.

May import: SQLAlchemy, Alembic, and :mod:`models.store.schema` (``env.py`` only).
"""
