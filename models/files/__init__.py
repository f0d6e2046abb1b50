"""Files on disk: the one atomic writer, reading and writing portfolio documents and
framework files, and the framework Beachhead ships.

May import: :mod:`models.core`.
"""
