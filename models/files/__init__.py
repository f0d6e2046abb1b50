"""Files on disk: the one atomic writer, and reading and writing portfolio documents.

May import: :mod:`models.core`.
"""
