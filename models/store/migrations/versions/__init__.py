"""The revisions of the workspace schema, oldest first; ``v0001_initial`` creates every table.

To change the schema, write ``vNNNN_what.py`` in the shape of ``../script.py.mako`` with
``revision = "NNNN"`` and ``down_revision`` the previous number, and change
:mod:`models.store.schema` to match (a test compares the migrated database with it).
"""
